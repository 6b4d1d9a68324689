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

// Zoho's notice (sisimai-set-of-emails lhost-zoho-02) writes each code as a
// label, a space, a colon and the value.
TEST(StatusCode, FindsCodesAfterALabelAndColon) {
  const std::string_view line =
      "mikeneko@example.co.jp Invalid Address, ERROR_CODE :550, ERROR_CODE :5.2.1 "
      "<mikeneko@example.co.jp>... User Unknown";
  const auto r = mv::find_smtp_reply(line);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->code, 550);
  const auto st = mv::find_enhanced_status(line);
  ASSERT_TRUE(st);
  EXPECT_EQ(st->to_string(), "5.2.1");
  // Glued to what comes before the colon, a number is a time or a port.
  EXPECT_FALSE(mv::find_smtp_reply("queued at 10:550 by host:550 and [2001:db8::550]"));
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
