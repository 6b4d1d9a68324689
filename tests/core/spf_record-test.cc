// Tests for spf_record.h (RFC 7208 §4.6, §5).
#include "mailverdict/spf_record.h"

#include <gtest/gtest.h>

using namespace mailverdict;

TEST(SpfRecord, MechanismsAndLookups) {
  const auto r = parse_spf_record(
      "\"v=spf1 ip4:192.0.2.0/24 a mx:mail.example.com include:_spf.google.com "
      "include:sendgrid.net "
      "exists:%{i}.ex.example.com ~all\"");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->includes, (std::vector<std::string>{"_spf.google.com", "sendgrid.net"}));
  EXPECT_EQ(r->all, "~");
  EXPECT_EQ(r->own_lookups, 5);  // a, mx, 2 includes, exists
  EXPECT_EQ(r->lookups, 8);      // + 3 inside Google's include
  EXPECT_TRUE(r->errors.empty());
  EXPECT_TRUE(r->mentions("bounces.sendgrid.net"));
  EXPECT_FALSE(r->mentions("amazonses.com"));
}

TEST(SpfRecord, TooManyLookupsAndBadTerms) {
  const auto r = parse_spf_record(
      "v=spf1 include:a.example include:b.example include:c.example include:d.example "
      "include:e.example "
      "include:f.example include:g.example include:h.example include:_spf.google.com a mx foo:bar "
      "-all");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->lookups, 14);
  ASSERT_EQ(r->errors.size(), 2u);
  EXPECT_NE(r->errors[0].find("foo:bar"), std::string::npos);
  EXPECT_NE(r->errors[1].find("14"), std::string::npos);
}

TEST(SpfRecord, WarningsAndRedirect) {
  const auto r = parse_spf_record("v=spf1 redirect=_spf.example.net");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->redirect, "_spf.example.net");
  EXPECT_EQ(r->own_lookups, 1);
  EXPECT_TRUE(r->warnings.empty());
  const auto p = parse_spf_record("v=spf1 ptr +all");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->warnings.size(), 2u);
  EXPECT_FALSE(parse_spf_record("v=DMARC1; p=none"));
  const auto two = parse_spf_record("v=spf1 -all v=spf1 include:x.example -all");
  ASSERT_TRUE(two);
  EXPECT_FALSE(two->errors.empty());
}
