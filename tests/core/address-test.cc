// Tests for address.h and idna.h: RFC 5322 §3.4 addresses and
// internationalized domains.
#include "mailverdict/address.h"

#include <gtest/gtest.h>

#include "mailverdict/idna.h"
#include "mailverdict/message.h"

using namespace mailverdict;

TEST(Address, DisplayNamesQuotedEncodedAndComments) {
  auto m = parse_mailboxes("\"Doe, Jane\" <jane@Example.COM>");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].display_name, "Doe, Jane");
  EXPECT_EQ(m[0].address(), "jane@example.com");
  m = parse_mailboxes("=?UTF-8?Q?Ren=C3=A9e?= <renee@example.org>");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].display_name,
            "Ren\xC3\xA9"
            "e");
  EXPECT_EQ(m[0].display_name_raw, "=?UTF-8?Q?Ren=C3=A9e?=");
  m = parse_mailboxes("\"=?UTF-8?B?Y2Fmw6k=?=\" <cafe@example.org>");  // encoded word in quotes
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].display_name, "caf\xC3\xA9");
  m = parse_mailboxes("bob@example.net (Bob (the builder))");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].address(), "bob@example.net");
  EXPECT_EQ(m[0].comment, "Bob (the builder)");
  EXPECT_EQ(m[0].display_name, "Bob (the builder)");
}

TEST(Address, GroupsRoutesAndLists) {
  auto l = parse_address_list(
      "Team: a@x.example, \"B\" <b@y.example>;, c@z.example, undisclosed-recipients:;");
  ASSERT_EQ(l.mailboxes.size(), 3u);
  EXPECT_EQ(l.mailboxes[0].group, "Team");
  EXPECT_EQ(l.mailboxes[1].group, "Team");
  EXPECT_EQ(l.mailboxes[1].display_name, "B");
  EXPECT_EQ(l.mailboxes[2].group, "");
  ASSERT_EQ(l.groups.size(), 2u);
  EXPECT_EQ(l.groups[1], "undisclosed-recipients");
  // RFC 5322 §4.4 obs-route.
  auto m = parse_mailboxes("<@relay1.example,@relay2.example:user@final.example>");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].address(), "user@final.example");
  // Quoted local part.
  m = parse_mailboxes("\"john smith\"@example.com");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].local_part, "\"john smith\"");
}

TEST(Address, BrokenFieldsWarn) {
  auto l = parse_address_list("\"Unclosed <a@b.example");
  EXPECT_FALSE(l.warnings.empty());
  l = parse_address_list("Alice <alice>");
  ASSERT_EQ(l.mailboxes.size(), 1u);
  ASSERT_FALSE(l.warnings.empty());
  EXPECT_EQ(l.warnings[0].code, "address_without_domain");
  EXPECT_TRUE(parse_mailboxes("").empty());
  EXPECT_TRUE(parse_mailboxes("((((((").empty());
}

TEST(Address, OriginatorChecks) {
  auto codes = [](std::string_view headers) {
    std::vector<std::string> out;
    for (const auto& w : check_originator(parse_header_block(headers))) out.push_back(w.code);
    return out;
  };
  EXPECT_EQ(codes("To: a@b.example\n"), std::vector<std::string>{"missing_from"});
  EXPECT_EQ(codes("From: a@b.example\nFrom: c@d.example\n"),
            std::vector<std::string>{"several_from_fields"});
  EXPECT_EQ(codes("From: a@b.example, c@d.example\n"),
            std::vector<std::string>{"several_from_without_sender"});
  EXPECT_TRUE(codes("From: a@b.example, c@d.example\nSender: a@b.example\n").empty());
  EXPECT_EQ(codes("From: undisclosed\n"), std::vector<std::string>{"unreadable_from"});
  EXPECT_TRUE(codes("From: A <a@b.example>\n").empty());
}

TEST(Idna, PunycodeRfc3492Samples) {
  // RFC 3492 §7.1 sample (L) and well-known A-labels.
  std::u32string out;
  ASSERT_TRUE(punycode_decode("3B-ww4c5e180e575a65lsy2b", out));
  EXPECT_EQ(out, std::u32string(U"3\u5E74B\u7D44\u91D1\u516B\u5148\u751F"));
  EXPECT_EQ(punycode_encode(out), "3B-ww4c5e180e575a65lsy2b");
  EXPECT_EQ(domain_to_ascii("b\xC3\xBC"
                            "cher.example"),
            "xn--bcher-kva.example");
  EXPECT_EQ(domain_to_ascii("B\xC3\x9C"
                            "CHER.Example"),
            "xn--bcher-kva.example");  // case folded
  EXPECT_EQ(domain_to_unicode("xn--bcher-kva.example"),
            "b\xC3\xBC"
            "cher.example");
  EXPECT_EQ(domain_to_ascii("\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB5\xD1\x80.\xD1\x80\xD1\x84"),
            "xn--e1afmkfd.xn--p1ai");  // пример.рф
  EXPECT_EQ(domain_to_unicode("xn--zz-invalid!.example"), "xn--zz-invalid!.example");
  EXPECT_EQ(domain_to_ascii("bad\xFF.example"), "");
}

TEST(Idna, AddressesCompareInALabelForm) {
  auto u = parse_mailboxes(
      "Info <info@b\xC3\xBC"
      "cher.example>");
  auto a = parse_mailboxes("info@xn--bcher-kva.example");
  ASSERT_EQ(u.size(), 1u);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(u[0].domain, "xn--bcher-kva.example");
  EXPECT_EQ(u[0].domain, a[0].domain);
  EXPECT_EQ(a[0].domain_unicode,
            "b\xC3\xBC"
            "cher.example");
}
