// Tests for dmarc_record.h (RFC 7489 §6.3).
#include "mailverdict/dmarc_record.h"

#include <gtest/gtest.h>

using namespace mailverdict;

TEST(DmarcRecord, AllTags) {
  const auto r = parse_dmarc_record(
      "v=DMARC1; p=reject; sp=quarantine; np=reject; adkim=s; aspf=s; pct=50; "
      "rua=mailto:agg@example.com,mailto:dmarc@vendor.example; ruf=mailto:f@example.com; fo=1");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->policy, "reject");
  EXPECT_EQ(*r->subdomain_policy, "quarantine");
  EXPECT_EQ(*r->nonexistent_policy, "reject");
  EXPECT_EQ(r->dkim_alignment, alignment_mode::strict);
  EXPECT_EQ(r->spf_alignment, alignment_mode::strict);
  EXPECT_EQ(r->percent, 50);
  ASSERT_EQ(r->rua.size(), 2u);
  EXPECT_EQ(r->rua[1], "mailto:dmarc@vendor.example");
  EXPECT_EQ(r->failure_options, "1");
  EXPECT_EQ(r->policy_for("news.example.com", "example.com"), "quarantine");
  EXPECT_EQ(r->policy_for("example.com", "example.com"), "reject");
}

TEST(DmarcRecord, PastedWithNameAndSplitStrings) {
  const auto r = parse_dmarc_record(
      "_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=quar\" \"antine; adkim=r\"");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->policy, "quarantine");
  EXPECT_EQ(r->dkim_alignment, alignment_mode::relaxed);
  EXPECT_TRUE(r->adkim_written);
  EXPECT_FALSE(r->aspf_written);
}

TEST(DmarcRecord, MissingPolicy) {
  const auto with_rua = parse_dmarc_record("v=DMARC1; rua=mailto:a@example.com");
  ASSERT_TRUE(with_rua);
  EXPECT_EQ(with_rua->policy, "none");
  EXPECT_FALSE(with_rua->warnings.empty());
  EXPECT_FALSE(parse_dmarc_record("v=DMARC1; adkim=s"));
  EXPECT_FALSE(parse_dmarc_record("v=spf1 -all"));
  EXPECT_FALSE(parse_dmarc_record("p=reject; v=DMARC1"));
}
