// MIME as far as bounces need it (mime.h).
#include "mailverdict/mime.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace mv = mailverdict;

TEST(Mime, QuotedPrintable) {
  EXPECT_EQ(mv::decode_quoted_printable("caf=C3=A9 soft=\r\nbreak =3D done"),
            "caf\xC3\xA9 softbreak = done");
  EXPECT_EQ(mv::decode_quoted_printable("line=  \nnext"), "linenext");
  EXPECT_EQ(mv::decode_quoted_printable("bad =ZZ escape"), "bad =ZZ escape");  // kept as written
  EXPECT_EQ(mv::decode_quoted_printable("end ="), "end ");
  // Plain runs of every length between escapes are copied whole.
  for (std::size_t n = 0; n < 20; ++n) {
    const std::string run(n, 'x');
    EXPECT_EQ(mv::decode_quoted_printable(run + "=41" + run + "=\n" + run), run + "A" + run + run);
  }
}

TEST(Mime, Base64) {
  EXPECT_EQ(mv::decode_base64("NTUwIDUuNy4xIFVuYWJsZSB0byByZWxheQ=="), "550 5.7.1 Unable to relay");
  EXPECT_EQ(mv::decode_base64("NTUw\r\nIDUu\nNy4x"), "550 5.7.1");
  EXPECT_EQ(mv::decode_base64("!!!"), "");
}

// The text body of a one-part message with this charset, as parse_mime
// decodes it.
std::string body_in(std::string_view charset, std::string_view bytes,
                    std::string_view cte = "8bit") {
  const std::string msg = "Content-Type: text/plain; charset=" + std::string(charset) +
                          "\nContent-Transfer-Encoding: " + std::string(cte) + "\n\n" +
                          std::string(bytes);
  const mv::mime_message m = mv::parse_mime(msg);
  return m.parts.empty() ? std::string("(no part)") : m.parts.front().body;
}

TEST(Mime, BodiesUseTheOneCharsetDecoder) {
  EXPECT_EQ(body_in("windows-1252", "wasn\x92t"), "wasn\xE2\x80\x99t");
  EXPECT_EQ(body_in("ISO-8859-1", "caf\xE9"), "caf\xC3\xA9");
  EXPECT_EQ(body_in("iso-8859-1", "caf\xC3\xA9"), "caf\xC3\xA9");  // mislabelled UTF-8 kept
  EXPECT_EQ(body_in("x-unknown", "plain"), "plain");
  // Charsets that only encoded_words.h decoded before: KOI8-R, ISO-8859-2.
  EXPECT_EQ(body_in("koi8-r", "\xF0\xD2\xC9"), "\xD0\x9F\xD1\x80\xD0\xB8");  // "При"
  EXPECT_EQ(body_in("iso-8859-2", "\xB1"), "\xC4\x85");                      // "ą"
  // East Asian bodies keep their bytes (the page decodes them), here after
  // base64: ISO-2022-JP "メール".
  EXPECT_EQ(body_in("ISO-2022-JP", "GyRCJWEhPCVrGyhC", "base64"), "\x1B$B%a!<%k\x1B(B");
}

TEST(Mime, Parameters) {
  EXPECT_EQ(mv::mime_parameter("multipart/report; report-type=delivery-status;\tboundary=\"a;b\"",
                               "boundary"),
            "a;b");
  EXPECT_EQ(mv::mime_parameter("text/plain; CHARSET=UTF-8", "charset"), "UTF-8");
  EXPECT_EQ(mv::mime_parameter("text/plain", "charset"), "");
}

TEST(Mime, NestedReportWithReturnedMessage) {
  const std::string msg =
      "From: MAILER-DAEMON@example.net\r\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"outer\"\r\n"
      "\r\n"
      "preamble\r\n"
      "--outer\r\n"
      "Content-Type: multipart/alternative; boundary=inner\r\n"
      "\r\n"
      "--inner\r\n"
      "Content-Type: text/plain; charset=iso-8859-1\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n"
      "\r\n"
      "Caf=E9 failed\r\n"
      "--inner--\r\n"
      "--outer\r\n"
      "Content-Type: message/delivery-status\r\n"
      "\r\n"
      "Reporting-MTA: dns; mx.example.net\r\n"
      "\r\n"
      "Final-Recipient: rfc822; a@example.org\r\n"
      "--outer\r\n"
      "Content-Type: message/rfc822\r\n"
      "\r\n"
      "From: a@example.com\r\n"
      "Subject: hi\r\n"
      "\r\n"
      "body\r\n"
      "--outer--\r\n"
      "epilogue\r\n";
  const mv::mime_message m = mv::parse_mime(msg);
  ASSERT_EQ(m.parts.size(), 6u);
  EXPECT_EQ(m.parts[0].media_type, "multipart/report");
  EXPECT_EQ(m.parts[0].report_type, "delivery-status");
  EXPECT_EQ(m.parts[1].media_type, "multipart/alternative");
  EXPECT_EQ(m.parts[2].body, "Caf\xC3\xA9 failed");
  EXPECT_EQ(m.parts[2].depth, 2u);
  EXPECT_EQ(m.parts[3].media_type, "message/delivery-status");
  EXPECT_NE(m.parts[3].body.find("Final-Recipient"), std::string::npos);
  EXPECT_EQ(m.parts[4].media_type, "message/rfc822");
  EXPECT_TRUE(m.parts[5].inside_returned_message);
  EXPECT_EQ(m.parts[5].field("Subject"), "hi");
  EXPECT_EQ(m.parts[5].body, "body");  // the CRLF before a boundary belongs to it
}

TEST(Mime, TruncatedMultipartKeepsLastPart) {
  const mv::mime_message m = mv::parse_mime(
      "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: "
      "text/plain\n\nfirst\n--b\n\nsecond, cut");
  ASSERT_EQ(m.parts.size(), 3u);
  EXPECT_EQ(m.parts[2].body, "second, cut");
}

TEST(Mime, DeepNestingIsBoundedAndNotRecursive) {
  // 5000 nested multiparts: the walk is iterative and stops at kMaxMimeDepth.
  std::string msg = "Content-Type: multipart/mixed; boundary=b0\n\n";
  for (int i = 1; i < 5000; ++i) {
    msg += "--b" + std::to_string(i - 1) + "\nContent-Type: multipart/mixed; boundary=b" +
           std::to_string(i) + "\n\n";
  }
  msg += "--b4999\n\ninnermost\n";
  const mv::mime_message m = mv::parse_mime(msg);
  EXPECT_LE(m.parts.size(), mv::kMaxMimeDepth + 2);
  ASSERT_FALSE(m.warnings.empty());
  EXPECT_EQ(m.warnings.back().code, "mime_too_deep");
}

TEST(Mime, ManyPartsAreBounded) {
  std::string msg = "Content-Type: multipart/mixed; boundary=b\n\n";
  for (int i = 0; i < 5000; ++i) msg += "--b\n\nx\n";
  msg += "--b--\n";
  const mv::mime_message m = mv::parse_mime(msg);
  EXPECT_EQ(m.parts.size(), mv::kMaxMimeParts);
  EXPECT_EQ(m.warnings.front().code, "mime_too_many_parts");
}
