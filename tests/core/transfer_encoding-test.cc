// The one base64 / quoted-printable implementation
// (internal/transfer_encoding.h), in its body and encoded-word modes.
#include "mailverdict/internal/transfer_encoding.h"

#include <gtest/gtest.h>

#include <string>

namespace mi = mailverdict::internal;

namespace {

std::string b64(std::string_view in, mi::base64_mode mode, bool* ok = nullptr) {
  std::string out;
  const bool r = mi::decode_base64(in, out, mode);
  if (ok != nullptr) *ok = r;
  return out;
}

std::string qp(std::string_view in, mi::qp_mode mode, bool* ok = nullptr) {
  std::string out;
  const bool r = mi::decode_quoted_printable(in, out, mode);
  if (ok != nullptr) *ok = r;
  return out;
}

}  // namespace

TEST(TransferEncoding, Base64BodySkipsWhatIsNotInTheAlphabet) {
  EXPECT_EQ(b64("NTUw\r\nIDUu\nNy4x", mi::base64_mode::body), "550 5.7.1");
  EXPECT_EQ(b64("-_8=", mi::base64_mode::body), "\xFB\xFF");  // URL-safe letters
  EXPECT_EQ(b64("QUJD=RA==", mi::base64_mode::body), "ABC");  // stops at padding
}

TEST(TransferEncoding, Base64WordRejectsStrayCharacters) {
  bool ok = false;
  EXPECT_EQ(b64("QUJD", mi::base64_mode::word, &ok), "ABC");
  EXPECT_TRUE(ok);
  b64("QU JD", mi::base64_mode::word, &ok);
  EXPECT_FALSE(ok);
  b64("-_8", mi::base64_mode::word, &ok);
  EXPECT_FALSE(ok);
}

TEST(TransferEncoding, QuotedPrintableBodyAndWord) {
  EXPECT_EQ(qp("a=3Db=\r\nc_d", mi::qp_mode::body), "a=bc_d");
  EXPECT_EQ(qp("bad =ZZ", mi::qp_mode::body), "bad =ZZ");
  bool ok = false;
  EXPECT_EQ(qp("caf=C3=A9_au_lait", mi::qp_mode::word, &ok), "caf\xC3\xA9 au lait");
  EXPECT_TRUE(ok);
  qp("bad=Z", mi::qp_mode::word, &ok);
  EXPECT_FALSE(ok);
}
