// Tests for received.h: RFC 5321 §4.4 Received fields as Microsoft, Google,
// Postfix, Exim, qmail, sendmail, PowerMTA and SendGrid write them, and every
// Received string of the microsoft/MHA test suite (../shared/corpus).
#include "mailverdict/received.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "corpus.h"
#include "mailverdict/message.h"
#include "mailverdict/route.h"

using namespace mailverdict;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using corpus::slurp;

// "Received: value" → value.
std::string value_of(const std::string& field) {
  const auto colon = field.find(':');
  return colon == std::string::npos ? field : field.substr(colon + 1);
}

bool has_warning(const std::vector<warning>& ws, std::string_view code) {
  for (const auto& w : ws) {
    if (w.code == code) return true;
  }
  return false;
}

}  // namespace

TEST(Received, Postfix) {
  const auto r = parse_received(
      "from mail-sor-f41.example.com (mail-sor-f41.example.com [209.85.220.41])\n"
      "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n"
      "\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n"
      "\t(No client certificate requested)\n"
      "\tby mx.example.net (Postfix) with ESMTPS id 4XyZ1234\n"
      "\tfor <bob@example.net>; Tue,  2 Jan 2024 10:00:05 +0100 (CET)");
  EXPECT_EQ(r.from, "mail-sor-f41.example.com");
  EXPECT_EQ(r.rdns, "mail-sor-f41.example.com");
  EXPECT_EQ(r.ip, "209.85.220.41");
  EXPECT_EQ(r.by, "mx.example.net");
  EXPECT_EQ(r.by_comment, "Postfix");
  EXPECT_EQ(r.with, "ESMTPS");
  EXPECT_EQ(r.id, "4XyZ1234");
  EXPECT_EQ(r.for_address, "bob@example.net");
  ASSERT_TRUE(r.tls.has_value());
  EXPECT_TRUE(*r.tls);
  EXPECT_EQ(r.tls_version, "TLSv1.3");
  EXPECT_EQ(r.tls_cipher, "TLS_AES_256_GCM_SHA384");
  ASSERT_TRUE(r.date);
  EXPECT_EQ(format_utc(r.date->epoch_ms), "2024-01-02T09:00:05Z");
  EXPECT_TRUE(r.warnings.empty());
}

TEST(Received, GmailInbound) {
  const auto r = parse_received(
      "from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41])\n"
      "        by mx.google.com with SMTPS id "
      "a640c23a62f3a-a9a0f2c4b1bsor1234567866b.4.2024.10.14.03.02.11\n"
      "        for <bob@gmail.com>\n"
      "        (Google Transport Security);\n"
      "        Mon, 14 Oct 2024 03:02:11 -0700 (PDT)");
  EXPECT_EQ(r.rdns, "mail-sor-f41.google.com");
  EXPECT_EQ(r.ip, "209.85.220.41");
  EXPECT_EQ(r.by, "mx.google.com");
  EXPECT_EQ(r.with, "SMTPS");
  EXPECT_EQ(r.for_address, "bob@gmail.com");
  EXPECT_TRUE(r.tls.value_or(false));
  ASSERT_TRUE(r.date);
  EXPECT_EQ(format_utc(r.date->epoch_ms), "2024-10-14T10:02:11Z");
}

TEST(Received, GmailInternalAndSubmission) {
  const auto internal_hop = parse_received(
      "by 2002:a05:7108:1b0e:b0:3a1:4a5f:9c2e with SMTP id k14csp123456gdi;\n"
      "        Mon, 14 Oct 2024 03:02:12 -0700 (PDT)");
  EXPECT_EQ(internal_hop.by, "2002:a05:7108:1b0e:b0:3a1:4a5f:9c2e");
  EXPECT_EQ(internal_hop.by_ip, "2002:a05:7108:1b0e:b0:3a1:4a5f:9c2e");
  EXPECT_TRUE(internal_hop.from.empty());
  const auto submission = parse_received(
      "from [192.168.1.20] ([198.51.100.7])\n"
      "        by smtp.gmail.com with ESMTPSA id "
      "5b1f17b1804b1-4311f1c8d5asm12345f9.1.2024.10.14.03.02.10\n"
      "        for <bob@example.org>\n"
      "        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);\n"
      "        Mon, 14 Oct 2024 03:02:10 -0700 (PDT)");
  EXPECT_EQ(submission.from, "192.168.1.20");
  EXPECT_EQ(submission.ip, "198.51.100.7");
  EXPECT_EQ(submission.tls_version, "TLS1_3");
  EXPECT_EQ(submission.tls_cipher, "TLS_AES_256_GCM_SHA384");
  EXPECT_TRUE(submission.authenticated.value_or(false));
}

TEST(Received, Exim) {
  const auto r = parse_received(
      "from mail.sender.example ([203.0.113.9] helo=relay.sender.example)\n"
      "\tby mx.receiver.example with esmtps  (TLS1.2) tls TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\n"
      "\t(Exim 4.96)\n"
      "\t(envelope-from <bounce@sender.example>)\n"
      "\tid 1rKxyz-0001AB-2C\n"
      "\tfor alice@receiver.example; Tue, 02 Jan 2024 10:00:00 +0000");
  EXPECT_EQ(r.from, "mail.sender.example");
  EXPECT_EQ(r.helo, "relay.sender.example");
  EXPECT_EQ(r.rdns, "mail.sender.example");
  EXPECT_EQ(r.ip, "203.0.113.9");
  EXPECT_EQ(r.with, "esmtps");
  EXPECT_EQ(r.tls_version, "TLS1.2");
  EXPECT_EQ(r.tls_cipher, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
  EXPECT_EQ(r.envelope_from, "bounce@sender.example");
  EXPECT_EQ(r.id, "1rKxyz-0001AB-2C");
  EXPECT_EQ(r.for_address, "alice@receiver.example");
  EXPECT_TRUE(r.tls.value_or(false));
}

TEST(Received, EximOldCipherForm) {
  const auto r = parse_received(
      "from [198.51.100.2] (port=40000 helo=client.example)\n"
      "\tby mail.example.org with esmtpsa (TLSv1.2:ECDHE-RSA-AES256-GCM-SHA384:256)\n"
      "\t(Exim 4.92) id 1abcde-0004Zz-Q1; Wed, 03 Jan 2024 08:00:00 +0100");
  EXPECT_EQ(r.ip, "198.51.100.2");
  EXPECT_EQ(r.helo, "client.example");
  EXPECT_EQ(r.tls_version, "TLSv1.2");
  EXPECT_EQ(r.tls_cipher, "ECDHE-RSA-AES256-GCM-SHA384");
  EXPECT_TRUE(r.authenticated.value_or(false));
}

TEST(Received, SendmailAndQmail) {
  const auto s = parse_received(
      "from client.example (host-7.isp.example [192.0.2.7] (may be forged))\n"
      "\tby mail.example.org (8.15.2/8.15.2) with ESMTP id 0A1B2C3D004567\n"
      "\tfor <x@example.org>; Wed, 3 Jan 2024 08:00:00 -0500");
  EXPECT_EQ(s.helo, "client.example");
  EXPECT_EQ(s.rdns, "host-7.isp.example");
  EXPECT_EQ(s.ip, "192.0.2.7");
  EXPECT_TRUE(has_warning(s.warnings, "may_be_forged"));
  EXPECT_FALSE(s.tls.value_or(true));

  const auto q = parse_received(
      "from unknown (HELO mail.client.example) (198.51.100.44)\n"
      "  by mail.example.org with SMTP; 3 Jan 2024 13:00:00 -0000");
  EXPECT_EQ(q.from, "unknown");
  EXPECT_EQ(q.helo, "mail.client.example");
  EXPECT_EQ(q.ip, "198.51.100.44");
  ASSERT_TRUE(q.date);
  EXPECT_FALSE(q.date->zone_known);
}

TEST(Received, IPv6LiteralAndLmtp) {
  const auto r = parse_received(
      "from [IPv6:2001:db8::25] (unknown [IPv6:2001:db8::25]) by mx.example.org (Postfix) with "
      "ESMTPSA id 1; Wed, 3 Jan 2024 08:00:00 +0000");
  EXPECT_EQ(r.from, "IPv6:2001:db8::25");
  EXPECT_EQ(r.ip, "2001:db8::25");
  EXPECT_TRUE(r.rdns.empty());
  const auto l = parse_received(
      "from mx.example.org by imap.example.org with LMTP id abc for <a@example.org>; Wed, 3 Jan "
      "2024 08:00:01 +0000");
  EXPECT_TRUE(l.local);
  EXPECT_FALSE(l.tls.has_value());
}

TEST(Received, NeverFailsOnJunk) {
  for (std::string_view junk :
       {"", ";", "(((((", ")))) by", "from", "by ;", "\xff\xfe\x00 garbage", "for <", "with"}) {
    const auto r = parse_received(junk);
    EXPECT_FALSE(r.date.has_value()) << junk;
  }
  std::string deep(100000, '(');
  deep += "from x";
  const auto r = parse_received(deep);
  EXPECT_TRUE(r.from.empty());
}

// Acceptance: every Received string of the microsoft/MHA suite parses as
// that suite's assertions say (see tests/core/data/mha-received-expected.json).
TEST(Received, MicrosoftMhaCorpus) {
  const fs::path file = corpus::dir() / "microsoft-MHA" / "mha_test_header_strings.json";
  if (!fs::exists(file)) GTEST_SKIP() << "corpus not found: " << file;
  const json corpus = json::parse(slurp(file));
  const json expected = json::parse(slurp(fs::path(MAILVERDICT_FIXTURES_DIR).parent_path() /
                                          "core" / "data" / "mha-received-expected.json"));

  std::size_t received_strings = 0;
  for (const auto& group : corpus) {
    for (const auto& h : group["header_strings"]) {
      const std::string v = h["value"];
      if (v.rfind("Received:", 0) != 0) continue;
      ++received_strings;
      const received r = parse_received(value_of(v));  // must not crash
      (void)r;
    }
  }
  EXPECT_EQ(received_strings, 51u);
  EXPECT_EQ(expected["strings"].size(), received_strings);

  std::size_t checked = 0;
  for (const auto& e : expected["strings"]) {
    const std::string v =
        corpus[e["group"].get<int>()]["header_strings"][e["item"].get<int>()]["value"];
    SCOPED_TRACE(v);
    const received r = parse_received(value_of(v));
    auto check = [&](const char* key, const std::string& have) {
      if (e.contains(key)) {
        EXPECT_EQ(have, e[key].get<std::string>()) << key;
      }
    };
    check("from", r.from);
    check("rdns", r.rdns);
    check("ip", r.ip);
    check("by", r.by);
    check("by_ip", r.by_ip);
    check("by_comment", r.by_comment);
    check("with", r.with);
    check("via", r.via);
    check("id", r.id);
    check("for", r.for_address);
    check("envelope_from", r.envelope_from);
    check("tls_version", r.tls_version);
    check("tls_cipher", r.tls_cipher);
    if (e.contains("tls")) {
      ASSERT_TRUE(r.tls.has_value());
      EXPECT_EQ(*r.tls, e["tls"].get<bool>());
    }
    if (e["time_ms"].is_null()) {
      EXPECT_FALSE(r.date.has_value());
    } else {
      ASSERT_TRUE(r.date.has_value());
      EXPECT_EQ(r.date->epoch_ms, e["time_ms"].get<std::int64_t>());
    }
    if (e.contains("warning")) {
      EXPECT_TRUE(has_warning(r.warnings, e["warning"].get<std::string>()));
    }
    ++checked;
  }
  EXPECT_EQ(checked, expected["strings"].size());

  // Whole routes: the strings of one test block, top = newest, as a header.
  for (const auto& rt : expected["routes"]) {
    std::string text;
    for (const auto& item : rt["items"]) {
      text += corpus[rt["group"].get<int>()]["header_strings"][item.get<int>()]["value"]
                  .get<std::string>();
      text += "\n";
    }
    SCOPED_TRACE(text);
    const route route = build_route(parse_header_block(text));
    ASSERT_EQ(route.hops.size(), rt["items"].size());
    for (std::size_t i = 0; i < route.hops.size(); ++i) {
      const json& want = rt["delays_ms"][i];
      if (want.is_null()) {
        EXPECT_FALSE(route.hops[i].delay_ms.has_value()) << i;
      } else {
        ASSERT_TRUE(route.hops[i].delay_ms.has_value()) << i;
        EXPECT_EQ(*route.hops[i].delay_ms, want.get<std::int64_t>()) << i;
      }
    }
    ASSERT_TRUE(route.total_delay_ms.has_value());
    EXPECT_EQ(*route.total_delay_ms, rt["total_ms"].get<std::int64_t>());
    EXPECT_EQ(describe_delay(*route.total_delay), rt["total_text"].get<std::string>());
    if (rt.contains("boundary")) {
      ASSERT_TRUE(route.boundary.has_value());
      EXPECT_EQ(*route.boundary, rt["boundary"].get<std::size_t>());
    }
  }
}
