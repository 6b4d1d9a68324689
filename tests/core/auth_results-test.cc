// Tests for auth_results.h (RFC 8601 §2.2).
#include "mailverdict/auth_results.h"

#include <gtest/gtest.h>

using namespace mailverdict;

TEST(AuthResults, MicrosoftWithoutAuthservId) {
  const auto r = parse_auth_results(
      "spf=pass (sender IP is 167.89.12.4) smtp.mailfrom=bounces.sendgrid.net; dkim=pass (signature "
      "was verified) header.d=sendgrid.net;dmarc=fail action=oreject "
      "header.from=northwind-traders.com;compauth=fail reason=000");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->authserv_id, "");
  ASSERT_EQ(r->results.size(), 4u);
  EXPECT_EQ(r->results[0].method, "spf");
  EXPECT_EQ(r->results[0].result, "pass");
  EXPECT_EQ(r->results[0].get("smtp.mailfrom"), "bounces.sendgrid.net");
  EXPECT_EQ(r->results[0].comment, "sender IP is 167.89.12.4");
  EXPECT_EQ(r->results[1].get("header.d"), "sendgrid.net");
  EXPECT_EQ(r->results[2].get("action"), "oreject");
  EXPECT_EQ(r->results[2].get("header.from"), "northwind-traders.com");
  EXPECT_EQ(r->results[3].method, "compauth");
  EXPECT_EQ(r->results[3].reason, "000");
}

TEST(AuthResults, GmailWithNestedCommentsAndQuotedReason) {
  const auto r = parse_auth_results(
      "mx.google.com;\n dkim=pass header.i=@example.com header.s=s1 header.b=abc (nested (comment));"
      "\n spf=softfail (google.com: domain of transitioning x@example.com does not designate 1.2.3.4 "
      "as permitted sender) smtp.mailfrom=x@example.com; dmarc=pass (p=REJECT sp=REJECT dis=NONE) "
      "header.from=example.com; iprev=fail reason=\"no PTR; really\" policy.iprev=1.2.3.4");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->authserv_id, "mx.google.com");
  ASSERT_EQ(r->results.size(), 4u);
  EXPECT_EQ(r->results[0].get("header.i"), "@example.com");
  EXPECT_EQ(r->results[0].get("header.s"), "s1");
  EXPECT_EQ(r->results[1].result, "softfail");
  EXPECT_EQ(r->results[2].comment, "p=REJECT sp=REJECT dis=NONE");
  EXPECT_EQ(r->results[3].reason, "no PTR; really");
  EXPECT_EQ(r->results[3].get("policy.iprev"), "1.2.3.4");
}

TEST(AuthResults, VersionAndNone) {
  const auto r = parse_auth_results("example.org 1; none");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->version, "1");
  EXPECT_TRUE(r->none);
  EXPECT_TRUE(r->results.empty());
}

TEST(AuthResults, MethodVersion) {
  const auto r = parse_auth_results("example.com; dkim/1=pass header.d=example.com");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->results[0].method, "dkim");
  EXPECT_EQ(r->results[0].version, "1");
}

TEST(AuthResults, RejectsWhatIsNotAuthenticationResults) {
  EXPECT_FALSE(parse_auth_results(""));
  EXPECT_FALSE(parse_auth_results("example.com"));
  EXPECT_FALSE(parse_auth_results("example.com; this is prose"));
  EXPECT_FALSE(parse_auth_results("example.com spf=pass"));
}
