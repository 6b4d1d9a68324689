// Reply codes and enhanced status codes (status_code.h).
#include "mailverdict/status_code.h"

#include <gtest/gtest.h>

namespace mv = mailverdict;

TEST(StatusCode, ParsesEnhanced) {
  const auto s = mv::parse_enhanced_status(" 5.7.509 ");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->klass, 5);
  EXPECT_EQ(s->subject, 7);
  EXPECT_EQ(s->detail, 509);
  EXPECT_EQ(s->to_string(), "5.7.509");
  EXPECT_FALSE(mv::parse_enhanced_status("3.1.1"));
  EXPECT_FALSE(mv::parse_enhanced_status("5.7"));
  EXPECT_FALSE(mv::parse_enhanced_status("5.1.1.1"));
}

TEST(StatusCode, FindsReplyAndStatus) {
  auto r =
      mv::find_smtp_reply("host mx.example.org[192.0.2.1] said: 550-5.7.26 Unauthenticated email");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->code, 550);
  EXPECT_EQ(r->status->to_string(), "5.7.26");
  r = mv::find_smtp_reply("#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->code, 550);
  EXPECT_EQ(r->status->to_string(), "5.1.1");
  r = mv::find_smtp_reply("Sorry, no mailbox here by that name. (#5.1.1)");
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->code);
  EXPECT_EQ(r->status->to_string(), "5.1.1");
}

TEST(StatusCode, IgnoresAddressesDatesAndLongNumbers) {
  EXPECT_FALSE(mv::find_smtp_reply("from 192.0.2.55 at 10:45:01 on 2024-05-05, id 55012"));
  EXPECT_FALSE(mv::find_smtp_reply("version 4.5.1.2 of the server"));
  EXPECT_FALSE(mv::find_smtp_reply("no codes here"));
}

TEST(StatusCode, RegistrySummaries) {
  EXPECT_EQ(mv::status_summary(*mv::parse_enhanced_status("5.1.1")),
            "Bad destination mailbox address");
  EXPECT_EQ(mv::status_summary(*mv::parse_enhanced_status("5.7.26")),
            "Multiple authentication checks failed");
  // An unregistered detail falls back to its subject.
  EXPECT_EQ(mv::status_summary(*mv::parse_enhanced_status("5.7.509")), "Security or policy status");
}
