// Tests for date.h: RFC 5322 §3.3 dates, obsolete forms (§4.3) and what
// real servers write, normalized to UTC.
#include "mailverdict/date.h"

#include <gtest/gtest.h>

using namespace mailverdict;

namespace {

std::int64_t ms(std::string_view text) {
  auto d = parse_date(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d ? d->epoch_ms : -1;
}

}  // namespace

TEST(Date, Rfc5322Form) {
  EXPECT_EQ(ms("Sat, 21 Apr 2018 03:01:33 +0000"), 1524279693000);
  EXPECT_EQ(ms("Fri, 20 Apr 2018 17:51:19 -0400"), 1524261079000);
  EXPECT_EQ(ms("Thu, 21 Aug 2014 12:12:48 +0200 (CEST)"), 1408615968000);
  auto d = parse_date("Tue, 2 Jan 2024 10:00:00 +0530");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->offset_minutes, 330);
  EXPECT_TRUE(d->zone_known);
  EXPECT_FALSE(d->weekday_mismatch);
  EXPECT_EQ(format_utc(d->epoch_ms), "2024-01-02T04:30:00Z");
}

TEST(Date, ObsoleteZonesAndMissingParts) {
  // RFC 5322 §4.3 obs-zone.
  EXPECT_EQ(ms("21 Apr 2018 03:01:33 GMT"), 1524279693000);
  EXPECT_EQ(ms("21 Apr 2018 03:01:33 UT"), 1524279693000);
  EXPECT_EQ(ms("20 Apr 2018 23:01:33 EDT"), 1524279693000);
  EXPECT_EQ(ms("20 Apr 2018 22:01:33 EST"), 1524279693000);
  EXPECT_EQ(ms("20 Apr 2018 20:01:33 PDT"), 1524279693000);
  // Military letters mean "zone unknown" (§4.3): read as UTC, zone_known false.
  auto mil = parse_date("21 Apr 2018 03:01:33 Q");
  ASSERT_TRUE(mil);
  EXPECT_EQ(mil->epoch_ms, 1524279693000);
  EXPECT_FALSE(mil->zone_known);
  // "-0000": the zone is unknown (§3.3).
  auto unk = parse_date("24 Aug 2014 16:13:38 -0000");
  ASSERT_TRUE(unk);
  EXPECT_FALSE(unk->zone_known);
  EXPECT_EQ(unk->epoch_ms, 1408896818000);
  // Missing seconds and weekday.
  EXPECT_EQ(ms("21 Apr 2018 03:01 +0000"), 1524279660000);
  // Two- and three-digit years (§4.3).
  EXPECT_EQ(ms("Sat, 21 Apr 18 03:01:33 +0000"), 1524279693000);
  EXPECT_EQ(ms("21 Apr 118 03:01:33 +0000"), 1524279693000);
  EXPECT_EQ(ms("1 Jan 99 00:00:00 +0000"), 915148800000);
  // A date without a time is midnight, flagged.
  auto day = parse_date("22 Apr 2018");
  ASSERT_TRUE(day);
  EXPECT_FALSE(day->has_time);
  EXPECT_EQ(day->epoch_ms, 1524355200000);
}

TEST(Date, RealWorldVariants) {
  // SendGrid: ISO date, nanoseconds, "+0000 UTC".
  EXPECT_EQ(ms("2018-04-22 02:54:17.028704749 +0000 UTC"), 1524365657028);
  // Gmail, Exchange: milliseconds and a (UTC) comment.
  EXPECT_EQ(ms("Sun, 22 Apr 2018 02:54:16.987 +0000 (UTC)"), 1524365656987);
  // US numeric dates with AM/PM.
  EXPECT_EQ(ms("4/20/2018 11:01:16 PM -0400 (EDT)"), 1524279676000);
  EXPECT_EQ(ms("2018-4-20 11:01:08 PM"), 1524265268000);
  // Month first, full weekday name, comma after the day.
  EXPECT_EQ(ms("Saturday, April 21, 2018 3:01:02 AM +0000"), 1524279662000);
  // Gmail's "Show original" summary: "Created at: Mon, Jan 1, 2024 at 10:00 AM".
  EXPECT_EQ(ms("Mon, Jan 1, 2024 at 10:00 AM"), 1704103200000);
  // ISO 8601 with T and Z, and "+02:00".
  EXPECT_EQ(ms("2024-01-01T10:00:00Z"), 1704103200000);
  EXPECT_EQ(ms("2024-01-01T12:00:00+02:00"), 1704103200000);
  // Stray words and an abbreviated weekday ("Thur").
  EXPECT_EQ(ms("Thur, 29 Mar 2018 14:35:36 +0000"), 1522334136000);
}

TEST(Date, WeekdayMismatchIsReported) {
  auto d = parse_date("Mon, 21 Apr 2018 03:01:33 +0000");  // it was a Saturday
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->weekday_mismatch);
}

TEST(Date, Rejects) {
  EXPECT_FALSE(parse_date(""));
  EXPECT_FALSE(parse_date("yesterday"));
  EXPECT_FALSE(parse_date("31 Feb 2024 10:00:00 +0000"));
  EXPECT_FALSE(parse_date("21 Apr 2018 25:01:33 +0000"));
  EXPECT_FALSE(parse_date("15.20.696.11"));
  EXPECT_TRUE(parse_date("29 Feb 2024 10:00:00 +0000"));
  EXPECT_FALSE(parse_date("29 Feb 2023 10:00:00 +0000"));
}

TEST(Date, FormatUtc) {
  EXPECT_EQ(format_utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_utc(1524365657028), "2018-04-22T02:54:17.028Z");
  EXPECT_EQ(format_utc(-1000), "1969-12-31T23:59:59Z");
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
}

TEST(Date, LongInputIsBounded) {
  std::string s = "21 Apr 2018 03:01:33 +0000 ";
  s.append(2u * 1024u * 1024u, 'x');
  EXPECT_EQ(ms(s), 1524279693000);
}
