// Tests for encoded_words.h: RFC 2047 encoded words, RFC 2231 parameters and
// charset conversion.
#include "mailverdict/encoded_words.h"

#include <gtest/gtest.h>

using namespace mailverdict;

namespace {

std::string decode(std::string_view v) { return decode_encoded_words(v).text; }

}  // namespace

TEST(EncodedWords, BAndQ) {
  EXPECT_EQ(decode("=?UTF-8?B?Y2Fmw6k=?="), "caf\xC3\xA9");
  EXPECT_EQ(decode("=?utf-8?q?caf=C3=A9_au_lait?="), "caf\xC3\xA9 au lait");
  // Missing base64 padding is tolerated.
  EXPECT_EQ(decode("=?UTF-8?B?Y2Fmw6k?="), "caf\xC3\xA9");
  // Plain text around words is kept; 8-bit text outside words is untouched.
  EXPECT_EQ(decode("Re: =?ISO-8859-1?Q?Gr=FC=DFe?= aus Berlin"),
            "Re: Gr\xC3\xBC\xC3\x9F"
            "e aus Berlin");
}

TEST(EncodedWords, AdjacentWordsJoinAndSplitCharacters) {
  // RFC 2047 §6.2: white space between adjacent encoded words is dropped.
  EXPECT_EQ(decode("=?UTF-8?Q?a?= =?UTF-8?Q?b?="), "ab");
  EXPECT_EQ(decode("=?UTF-8?Q?a?=\r\n =?UTF-8?Q?b?="), "ab");
  // A UTF-8 character split across two words (é = C3 A9).
  EXPECT_EQ(decode("=?UTF-8?B?Y2Fmww==?= =?UTF-8?B?qQ==?="), "caf\xC3\xA9");
  // Space between a word and plain text is kept.
  EXPECT_EQ(decode("=?UTF-8?Q?a?= b"), "a b");
}

TEST(EncodedWords, Charsets) {
  EXPECT_EQ(decode("=?ISO-8859-2?Q?=B1?="), "\xC4\x85");  // ą
  EXPECT_EQ(decode("=?windows-1251?B?z/Do4uXy?="),
            "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");  // Привет
  EXPECT_EQ(decode("=?KOI8-R?B?8NLJ18XU?="), "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
  EXPECT_EQ(decode("=?iso-8859-15?Q?=A4?="), "\xE2\x82\xAC");  // €
  EXPECT_EQ(decode("=?windows-1252?Q?=93hi=94?="), "\xE2\x80\x9Chi\xE2\x80\x9D");
  // Latin-1 labels decode as windows-1252 (WHATWG Encoding Standard).
  EXPECT_EQ(decode("=?ISO-8859-1?Q?=96?="), "\xE2\x80\x93");
  EXPECT_EQ(decode("=?us-ascii?Q?plain?="), "plain");
  // RFC 2231 §5 language suffix.
  EXPECT_EQ(decode("=?UTF-8*en?Q?hello?="), "hello");
  std::string out;
  EXPECT_TRUE(charset_to_utf8("windows-1250", "\x8A", out));
  EXPECT_EQ(out, "\xC5\xA0");  // Š
  out.clear();
  EXPECT_FALSE(charset_to_utf8("x-unknown", "abc", out));
}

TEST(EncodedWords, EastAsianWordsAreLeftForThePage) {
  // ISO-2022-JP "テスト" (test).
  const auto d = decode_encoded_words("Subject =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?= end");
  EXPECT_EQ(d.text, "Subject =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?= end");
  ASSERT_EQ(d.pending.size(), 1u);
  EXPECT_EQ(d.pending[0].charset, "iso-2022-jp");
  EXPECT_EQ(d.pending[0].word, "=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=");
  EXPECT_EQ(d.pending[0].bytes, "\x1B$B%F%9%H\x1B(B");
  EXPECT_EQ(east_asian_decoder("Shift_JIS"), "shift_jis");
  EXPECT_EQ(east_asian_decoder("ks_c_5601-1987"), "euc-kr");
  EXPECT_EQ(east_asian_decoder("utf-8"), "");
}

TEST(EncodedWords, MalformedWordsStayWithAWarning) {
  auto d = decode_encoded_words("=?UTF-8?B?Y2F$$mw6k=?= ok");
  EXPECT_EQ(d.text, "=?UTF-8?B?Y2F$$mw6k=?= ok");
  ASSERT_FALSE(d.warnings.empty());
  EXPECT_EQ(d.warnings[0].code, "malformed_encoded_word");
  d = decode_encoded_words("=?UTF-8?Q?bad=Zz?=");
  EXPECT_EQ(d.text, "=?UTF-8?Q?bad=Zz?=");
  d = decode_encoded_words("=?x-martian?Q?abc?=");
  EXPECT_EQ(d.text, "=?x-martian?Q?abc?=");
  ASSERT_FALSE(d.warnings.empty());
  EXPECT_EQ(d.warnings[0].code, "unknown_charset");
  // Not encoded words at all.
  EXPECT_EQ(decode("a =? b ?= c"), "a =? b ?= c");
  EXPECT_EQ(decode("=?UTF-8?X?abc?="), "=?UTF-8?X?abc?=");
  EXPECT_EQ(decode("=?"), "=?");
}

TEST(EncodedWords, LinearOnLongInput) {
  std::string s;
  for (int i = 0; i < 100000; ++i) s += "=?UTF-8?Q?a?= ";
  const auto d = decode_encoded_words(s);
  EXPECT_EQ(d.text.substr(0, 5), "aaaaa");
  EXPECT_EQ(d.text.size(), 100000u + 1u);  // the words join; the final space stays
  std::string q(1000000, '?');
  EXPECT_EQ(decode("=?" + q), "=?" + q);
}

TEST(MimeParameters, Rfc2231) {
  auto p = parse_mime_parameters(
      "attachment; filename*0*=UTF-8''caf%C3%A9%20; filename*1=\"menu.pdf\"; size=12");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].name, "filename");
  EXPECT_EQ(p[0].value, "caf\xC3\xA9 menu.pdf");
  EXPECT_EQ(p[1].name, "size");
  EXPECT_EQ(p[1].value, "12");
  p = parse_mime_parameters(
      "text/plain; charset=\"iso-8859-1\"; name*=iso-8859-1'de'Gr%FC%DFe.txt");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].value, "iso-8859-1");
  EXPECT_EQ(p[1].value,
            "Gr\xC3\xBC\xC3\x9F"
            "e.txt");
  // Encoded words in a quoted parameter (common, if not standard).
  p = parse_mime_parameters("attachment; filename=\"=?UTF-8?B?Y2Fmw6k=?=.txt\"");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].value, "caf\xC3\xA9.txt");
}
