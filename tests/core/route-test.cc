// Tests for route.h: travel order, delays, clock skew, TLS per hop, the
// receiving organization's boundary hop, and limits.
#include "mailverdict/route.h"

#include <gtest/gtest.h>

#include <string>

#include "mailverdict/message.h"

using namespace mailverdict;

namespace {

bool has_warning(const std::vector<warning>& ws, std::string_view code) {
  for (const auto& w : ws) {
    if (w.code == code) return true;
  }
  return false;
}

// Gmail receiving from an outside sender; Gmail writes its
// Authentication-Results just below the Received it added.
constexpr const char* kGmail =
    "Delivered-To: bob@gmail.com\n"
    "Received: by 2002:a05:7108:1b0e:b0:3a1:4a5f:9c2e with SMTP id k14csp123456gdi;\n"
    "        Mon, 14 Oct 2024 03:02:12 -0700 (PDT)\n"
    "X-Received: by 2002:a17:906:1234:b0:a9a:1234:5678 with SMTP id x; Mon, 14 Oct 2024 03:02:12 "
    "-0700 (PDT)\n"
    "ARC-Seal: i=1; a=rsa-sha256; t=1728900131; cv=none; d=google.com; s=arc-20240605; b=abc\n"
    "Return-Path: <bounce@news.example.com>\n"
    "Received: from mail.news.example.com (mail.news.example.com. [203.0.113.25])\n"
    "        by mx.google.com with ESMTPS id a1si123.2024.10.14.03.02.11\n"
    "        for <bob@gmail.com>\n"
    "        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);\n"
    "        Mon, 14 Oct 2024 03:02:11 -0700 (PDT)\n"
    "Authentication-Results: mx.google.com;\n"
    "       spf=pass smtp.mailfrom=bounce@news.example.com\n"
    "Received: from app01.internal.example.com (app01.internal.example.com [10.1.2.3])\n"
    "        by mail.news.example.com (Postfix) with ESMTP id 4ABC\n"
    "        for <bob@gmail.com>; Mon, 14 Oct 2024 10:02:09 +0000 (UTC)\n"
    "Date: Mon, 14 Oct 2024 10:02:05 +0000\n"
    "From: News <news@example.com>\n";

}  // namespace

TEST(Route, TravelOrderAndGmailBoundary) {
  const header_block block = parse_header_block(kGmail);
  const route r = build_route(block);
  ASSERT_EQ(r.hops.size(), 3u);  // X-Received is not a hop
  EXPECT_EQ(r.hops[0].by, "mail.news.example.com");
  EXPECT_EQ(r.hops[1].by, "mx.google.com");
  EXPECT_EQ(r.hops[2].by, "2002:a05:7108:1b0e:b0:3a1:4a5f:9c2e");
  // Field indexes point back into the header block, top = 0.
  EXPECT_EQ(r.hops[2].field_index, 1u);
  EXPECT_EQ(r.hops[1].field_index, 5u);
  EXPECT_EQ(block.fields[r.hops[1].field_index].name, "Received");
  ASSERT_TRUE(r.boundary.has_value());
  EXPECT_EQ(*r.boundary, 1u);
  EXPECT_EQ(r.receiving_organization, "google");
  EXPECT_FALSE(r.hops[0].receiving);
  EXPECT_TRUE(r.hops[1].receiving);
  EXPECT_TRUE(r.hops[2].receiving);
  // Delays from Date: (10:02:05) through each hop.
  ASSERT_TRUE(r.origin_time.has_value());
  EXPECT_EQ(r.hops[0].delay.value_or(-99), 4);
  EXPECT_EQ(r.hops[1].delay.value_or(-99), 2);
  EXPECT_EQ(r.hops[2].delay.value_or(-99), 1);
  EXPECT_EQ(r.total_delay.value_or(-99), 7);
  // TLS per hop: the inbound hop used TLS 1.3; the internal Postfix hop
  // from a private address is not flagged.
  EXPECT_TRUE(r.hops[1].tls.value_or(false));
  EXPECT_EQ(r.hops[1].tls_version, "TLS1_3");
  EXPECT_FALSE(has_warning(r.hops[0].warnings, "no_tls"));
}

TEST(Route, ExchangeOnlineBoundaryAndMissingTls) {
  const header_block block = parse_header_block(
      "Received: from DM6PR01MB1234.namprd01.prod.outlook.com (2603:10b6:5:1::1) by\n"
      " BN8PR01MB5678.namprd01.prod.outlook.com with HTTPS; Tue, 2 Jan 2024 10:00:03 +0000\n"
      "Received: from BN1NAM02FT012.eop-nam02.prod.protection.outlook.com\n"
      " (2603:10b6:5:2::2) by DM6PR01MB1234.namprd01.prod.outlook.com\n"
      " (2603:10b6:5:1::1) with Microsoft SMTP Server (version=TLS1_2,\n"
      " cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.1; Tue, 2 Jan 2024\n"
      " 10:00:02 +0000\n"
      "Authentication-Results: spf=pass (sender IP is 198.51.100.10)\n"
      " smtp.mailfrom=mail.sender.example; dkim=none; dmarc=none action=none "
      "header.from=sender.example;\n"
      "Received: from out.sender.example (198.51.100.10) by\n"
      " BN1NAM02FT012.mail.protection.outlook.com (10.13.2.1) with Microsoft SMTP\n"
      " Server id 15.20.1 via Frontend Transport; Tue, 2 Jan 2024 10:00:01 +0000\n"
      "From: a@sender.example\n");
  const route r = build_route(block);
  ASSERT_EQ(r.hops.size(), 3u);
  ASSERT_TRUE(r.boundary.has_value());
  EXPECT_EQ(*r.boundary, 0u);
  EXPECT_EQ(r.hops[0].field_index, 3u);
  EXPECT_EQ(r.receiving_organization, "microsoft");
  EXPECT_EQ(r.hops[0].ip, "198.51.100.10");
  EXPECT_FALSE(r.hops[0].tls.value_or(true));
  EXPECT_TRUE(has_warning(r.hops[0].warnings, "no_tls"));
  EXPECT_TRUE(r.hops[1].tls.value_or(false));
}

TEST(Route, ForgedHeloDoesNotMoveTheBoundary) {
  // The client claims to be a Google server, but its reverse DNS says
  // otherwise: the boundary stays at the hop it entered.
  const route r = build_route(parse_header_block(
      "Received: from mail-ua1-f41.google.com (host.attacker.example [192.0.2.66])\n"
      " by mx.google.com with ESMTP id 1; Tue, 2 Jan 2024 10:00:01 +0000\n"
      "Received: from x by mail-ua1-f41.google.com with ESMTP id 2; Tue, 2 Jan 2024 10:00:00 "
      "+0000\n"));
  ASSERT_TRUE(r.boundary.has_value());
  EXPECT_EQ(*r.boundary, 1u);
}

TEST(Route, ClockSkewIsLabelledNeverClamped) {
  const route r =
      build_route(parse_header_block("Received: from b.example.net (b.example.net [192.0.2.2]) by "
                                     "c.example.org; Tue, 2 Jan 2024 10:00:00 +0000\n"
                                     "Received: from a.example.com (a.example.com [192.0.2.1]) by "
                                     "b.example.net; Tue, 2 Jan 2024 10:05:00 +0000\n"));
  ASSERT_EQ(r.hops.size(), 2u);
  ASSERT_TRUE(r.hops[1].delay.has_value());
  EXPECT_EQ(*r.hops[1].delay, -300);
  EXPECT_TRUE(has_warning(r.hops[1].warnings, "clock_skew"));
  EXPECT_EQ(r.total_delay.value_or(0), -300);
  EXPECT_EQ(describe_delay(-300), "-5 minutes");
}

TEST(Route, HopsWithoutTimestamps) {
  const route r = build_route(parse_header_block(
      "Received: by c.example.org; Tue, 2 Jan 2024 10:00:10 +0000\n"
      "Received: from a by b.example.org\n"
      "Received: from x (x [192.0.2.1]) by a.example.org; Tue, 2 Jan 2024 10:00:00 +0000\n"));
  ASSERT_EQ(r.hops.size(), 3u);
  EXPECT_FALSE(r.hops[1].time.has_value());
  EXPECT_FALSE(r.hops[1].delay.has_value());
  EXPECT_TRUE(has_warning(r.hops[1].warnings, "no_date"));
  EXPECT_EQ(r.hops[2].delay.value_or(-1), 10);  // since the last known time
}

TEST(Route, NoReceivedFields) {
  const route r = build_route(parse_header_block("From: a@b.example\nSubject: x\n"));
  EXPECT_TRUE(r.hops.empty());
  EXPECT_FALSE(r.boundary.has_value());
  EXPECT_FALSE(r.total_delay.has_value());
}

TEST(Route, OrganizationsAndDelayText) {
  EXPECT_EQ(organization_of("mx.google.com"), "google");
  EXPECT_EQ(organization_of("mail-sor-f41.google.com"), "google");
  EXPECT_EQ(organization_of("smtp.gmail.com"), "google");
  EXPECT_EQ(organization_of("BN1NAM02FT012.mail.protection.outlook.com"), "microsoft");
  EXPECT_EQ(organization_of("mx.example.co.uk"), "example.co.uk");
  EXPECT_EQ(organization_of("192.0.2.1"), "");
  EXPECT_EQ(organization_of("localhost"), "");
  EXPECT_TRUE(same_organization("mx.google.com", "smtp.gmail.com"));
  EXPECT_FALSE(same_organization("mx.google.com", "mx.example.com"));
  EXPECT_EQ(describe_delay(0), "0 seconds");
  EXPECT_EQ(describe_delay(1), "1 second");
  EXPECT_EQ(describe_delay(91), "1 minute 31 seconds");
  EXPECT_EQ(describe_delay(3600), "1 hour");
  EXPECT_EQ(describe_delay(90061), "1 day 1 hour");
}

// 100,000 Received hops: bounded (kMaxFields, then kMaxHops), the newest kept, with warnings.
TEST(Route, HundredThousandHopsAreBounded) {
  std::string text;
  text.reserve(100000u * 80u);
  for (int i = 0; i < 100000; ++i) {
    text += "Received: from h" + std::to_string(i) + ".example.net by h" + std::to_string(i + 1) +
            ".example.net; Tue, 2 Jan 2024 10:00:00 +0000\n";
  }
  const header_block block = parse_header_block(text);
  const route r = build_route(block);
  // The header block keeps the first kMaxFields fields (the newest hops).
  EXPECT_EQ(block.fields.size(), kMaxFields);
  EXPECT_EQ(block.dropped_fields, 100000u - kMaxFields);
  EXPECT_EQ(r.hops.size(), kMaxHops);
  EXPECT_EQ(r.skipped_hops, kMaxFields - kMaxHops);
  EXPECT_TRUE(has_warning(r.warnings, "too_many_hops"));
  EXPECT_TRUE(has_warning(r.warnings, "mail_loop_suspected"));
  // The last hop in travel order is the topmost field.
  EXPECT_EQ(r.hops.back().field_index, 0u);
  EXPECT_EQ(r.hops.back().by, "h1.example.net");
}
