// Tests for authentication.h: whose results count, alignment per
// identifier, records, services; and for the IDN handling in domain.h.
#include "mailverdict/authentication.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "mailverdict/analyze.h"
#include "mailverdict/domain.h"
#include "mailverdict/internal/idna.h"

using namespace mailverdict;

TEST(Idna, PunycodeLabels) {
  // RFC 3492 encodings, checked against Python's codec.
  EXPECT_EQ(internal::label_to_ascii("münchen"), "xn--mnchen-3ya");
  EXPECT_EQ(internal::label_to_ascii("Bücher"), "xn--bcher-kva");
  EXPECT_EQ(internal::label_to_ascii("ДОМЕН"), "xn--d1acufc");
  EXPECT_EQ(internal::label_to_ascii("Example"), "example");
  EXPECT_EQ(internal::label_to_ascii("\xC3\x28"), "");  // invalid UTF-8
}

TEST(Idna, AlignmentIgnoresCaseAndIdnForm) {
  EXPECT_EQ(normalize_domain("MÜNCHEN-Bäckerei.DE"), "xn--mnchen-bckerei-dib09a.de");
  EXPECT_TRUE(
      aligned("mail.xn--mnchen-bckerei-dib09a.de", "münchen-bäckerei.de", alignment_mode::relaxed));
  EXPECT_TRUE(
      aligned("XN--MNCHEN-BCKEREI-DIB09A.DE", "München-Bäckerei.de", alignment_mode::strict));
  EXPECT_EQ(organizational_domain("shop.домен.рф"), "xn--d1acufc.xn--p1ai");
}

namespace {

auth_assessment assess(const char* text, const options& o = {}) {
  static header_block keep;  // the assessment points into the block
  keep = parse_header_block(text);
  return assess_authentication(keep, o);
}

}  // namespace

TEST(Authentication, TrustsOnlyTheReceiversBlock) {
  const auto a = assess(
      "Received: from mail.sender.example (mail.sender.example [192.0.2.1])\n"
      " by mx.receiver.example with ESMTP id 1; Mon, 1 Jan 2024 00:00:00 +0000\n"
      "Authentication-Results: mx.receiver.example; spf=fail smtp.mailfrom=sender.example; "
      "dmarc=fail header.from=sender.example\n"
      "Authentication-Results: other.example; spf=pass smtp.mailfrom=sender.example\n"
      "Received: from [10.0.0.2] by mail.sender.example with ESMTPSA id 2; Mon, 1 Jan 2024 "
      "00:00:00 +0000\n"
      "Authentication-Results: mx.receiver.example; dmarc=pass header.from=sender.example\n"
      "From: a@sender.example\n");
  ASSERT_EQ(a.trusted.size(), 1u);
  EXPECT_EQ(a.summary.spf.result, "fail");
  ASSERT_EQ(a.summary.ignored.size(), 2u);
  EXPECT_NE(a.summary.ignored[0].reason.find("not a server of the receiving organization"),
            std::string::npos)
      << a.summary.ignored[0].reason;
  EXPECT_NE(a.summary.ignored[1].reason.find("below the hop"), std::string::npos)
      << a.summary.ignored[1].reason;
  EXPECT_EQ(a.summary.dmarc.result, "fail");
}

TEST(Authentication, ResultsAboveEveryReceivedAreTheReceivers) {
  const auto a = assess(
      "Authentication-Results: filter.local; dkim=pass header.d=sender.example\n"
      "Received: by mail.sender.example with SMTP id 3; Mon, 1 Jan 2024 00:00:00 +0000\n"
      "From: a@sender.example\n");
  ASSERT_EQ(a.trusted.size(), 1u);
  EXPECT_TRUE(a.summary.ignored.empty());
}

TEST(Authentication, DisagreeingTrustedResultsAreNoted) {
  const auto a = assess(
      "Authentication-Results: mx.example.net; dmarc=pass header.from=a.example\n"
      "Authentication-Results: mx.example.net; dmarc=fail header.from=a.example\n"
      "From: x@a.example\n");
  ASSERT_EQ(a.summary.disagreements.size(), 1u);
  EXPECT_EQ(a.summary.dmarc.result, "pass");
}

TEST(Authentication, ReturnPathAtLowerConfidence) {
  const auto a = assess(
      "Authentication-Results: mx.example.net; dkim=none; dmarc=fail header.from=a.example\n"
      "Return-Path: <bounce@mailer.a.example>\n"
      "From: x@a.example\n");
  ASSERT_FALSE(a.summary.identifiers.empty());
  EXPECT_EQ(a.summary.identifiers[0].kind, "return_path");
  EXPECT_EQ(*a.summary.spf.domain, "mailer.a.example");
  EXPECT_TRUE(*a.summary.spf.aligned);
  EXPECT_NE(a.summary.identifiers[0].why.find("less certain"), std::string::npos);
}

TEST(Authentication, PastedRecordsSetModeAndPolicy) {
  options o;
  o.dmarc_record = "v=DMARC1; p=quarantine; sp=reject; adkim=s";
  o.spf_record = "v=spf1 include:_spf.google.com include:mailgun.org -all";
  const auto a = assess(
      "Authentication-Results: mx.example.net; dkim=pass header.d=mail.shop.a.example header.s=s1;"
      " spf=pass smtp.mailfrom=shop.a.example; dmarc=fail header.from=shop.a.example\n"
      "From: x@shop.a.example\n",
      o);
  EXPECT_EQ(*a.summary.dmarc.policy, "reject");  // sp= for a subdomain of a.example
  EXPECT_EQ(*a.summary.dmarc.policy_source, "record");
  ASSERT_EQ(a.summary.identifiers.size(), 2u);
  EXPECT_EQ(a.summary.identifiers[0].mode, "relaxed");  // aspf not set
  EXPECT_TRUE(*a.summary.identifiers[0].aligned);
  EXPECT_EQ(a.summary.identifiers[1].mode, "strict");
  EXPECT_TRUE(a.summary.identifiers[1].mode_known);
  EXPECT_FALSE(*a.summary.identifiers[1].aligned);
  ASSERT_TRUE(a.summary.spf_record);
  EXPECT_EQ(a.summary.spf_record->lookups, 2 + 3 + 2);
}

TEST(Authentication, BadRecordsAreWarningsNotFailures) {
  options o;
  o.dmarc_record = "p=reject";
  o.spf_record = "include:foo";
  const report r = analyze(
      "Authentication-Results: mx.example.net; dmarc=pass header.from=a.example\nFrom: "
      "x@a.example\n",
      o);
  int warned = 0;
  for (const auto& w : r.input.warnings)
    warned += w.code == "dmarc_record_unreadable" || w.code == "spf_record_unreadable";
  EXPECT_EQ(warned, 2);
  ASSERT_TRUE(r.authentication);
  ASSERT_TRUE(r.authentication->dmarc_record);
  EXPECT_TRUE(r.authentication->dmarc_record->error);
}

TEST(Diagnosis, ServiceFixNamesSelectorAndDomain) {
  const report r = analyze(
      "From: Shop <news@contoso-outdoor.com>\n"
      "Authentication-Results: mx.google.com; dkim=pass header.i=@mail1.suw1.mcsv.net header.s=k2;"
      " spf=pass smtp.mailfrom=bounce@mail1.suw1.mcsv.net; dmarc=fail (p=REJECT) "
      "header.from=contoso-outdoor.com\n");
  ASSERT_FALSE(r.fixes.empty());
  EXPECT_EQ(r.fixes[0].id, "service_dkim");
  ASSERT_EQ(r.fixes[0].steps.size(), 3u);
  EXPECT_NE(
      r.fixes[0].steps[0].find("k2._domainkey and k3._domainkey CNAMEs for contoso-outdoor.com"),
      std::string::npos)
      << r.fixes[0].steps[0];
  EXPECT_NE(r.fixes[0].steps[1].find("s=k2"), std::string::npos) << r.fixes[0].steps[1];
  for (const auto& f : r.fixes) {
    for (const auto& s : f.steps) EXPECT_EQ(s.find("{"), std::string::npos) << f.id << ": " << s;
  }
}

TEST(Diagnosis, NeverAdvisesPNone) {
  // Whatever the case, no fix step tells the reader to set p=none.
  for (const char* text : {"From: a@x.example\nAuthentication-Results: mx.y.example; spf=fail "
                           "smtp.mailfrom=x.example; dmarc=fail (p=REJECT) header.from=x.example\n",
                           "From: a@x.example\nAuthentication-Results: mx.y.example; spf=pass "
                           "smtp.mailfrom=x.example; dmarc=none header.from=x.example\n",
                           "From: a@x.example\nAuthentication-Results: mx.y.example; dkim=pass "
                           "header.d=esp.example; dmarc=fail (p=NONE) header.from=x.example\n"}) {
    const report r = analyze(text);
    for (const auto& f : r.fixes) {
      for (const auto& s : f.steps) {
        const bool sets_none = s.find("p=none") != std::string::npos &&
                               s.find("Do not") == std::string::npos &&
                               s.find("change p=none to") == std::string::npos &&
                               s.find("p=none only") == std::string::npos;
        EXPECT_FALSE(sets_none) << f.id << ": " << s;
      }
    }
  }
}

TEST(Authentication, UnreadableResultsAreRejectedWithAWarning) {
  const report r = analyze(
      "Authentication-Results: mx.example.net; iprev=pass policy.iprev=2001:db8::1; spf=pass "
      "smtp.mailfrom=a.example\n"
      "From: x@a.example\n");
  bool warned = false;
  for (const auto& w : r.input.warnings) {
    warned = warned || (w.code == "unreadable_authentication_results" &&
                        w.message.find("quoted") != std::string::npos);
  }
  EXPECT_TRUE(warned);
  ASSERT_TRUE(r.authentication);
  EXPECT_TRUE(r.authentication->trusted.empty());
}

TEST(Diagnosis, PastedSpfRecordNamesLimitAndMissingService) {
  options o;
  o.spf_record =
      "v=spf1 include:a.example include:b.example include:c.example include:d.example "
      "include:e.example "
      "include:f.example include:_spf.google.com include:mailgun.org -all";
  const report r = analyze(
      "From: x@northwind-traders.com\n"
      "Authentication-Results: spf=pass smtp.mailfrom=bounces.sendgrid.net; dkim=pass "
      "header.d=sendgrid.net;"
      "dmarc=fail action=oreject header.from=northwind-traders.com\n",
      o);
  std::vector<std::string> ids;
  for (const auto& c : r.causes) ids.push_back(c.id);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "spf_lookup_limit"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "spf_record_lacks_service"), ids.end());
  ASSERT_TRUE(r.authentication->spf_record);
  EXPECT_EQ(r.authentication->spf_record->lookups, 8 + 3 + 2);
  EXPECT_FALSE(*r.authentication->spf_record->authorizes_service);
}

namespace {

// Exchange Online receiving mail from an outside server: its hops use
// prod.outlook.com and protection.outlook.com host names, its results carry
// no authserv-id, and it seals what it receives with d=microsoft.com.
constexpr const char* kExchangeOnlineInbound =
    "Received: from BN8NAM11FT062.eop-nam11.prod.protection.outlook.com (2603:10b6:408:e9::4)\n"
    " by SN6PR04MB4974.namprd04.prod.outlook.com (2603:10b6:805:91::20) with Microsoft SMTP\n"
    " Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7;\n"
    " Tue, 2 Jan 2024 10:00:02 +0000\n"
    "Authentication-Results: spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=sender.example;\n"
    " dkim=none (message not signed) header.d=none;dmarc=fail action=oreject\n"
    " header.from=sender.example;compauth=fail reason=000\n"
    "Received-SPF: Fail (protection.outlook.com: domain of sender.example does not designate\n"
    " 203.0.113.9 as permitted sender) receiver=protection.outlook.com; client-ip=203.0.113.9;\n"
    " helo=mail.sender.example;\n"
    "ARC-Seal: i=1; a=rsa-sha256; s=arcselector9901; d=microsoft.com; cv=none; b=AAAA\n"
    "ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=microsoft.com;\n"
    " s=arcselector9901; h=From:Date:Subject; bh=AAAA; b=AAAA\n"
    "ARC-Authentication-Results: i=1; mx.microsoft.com 1; spf=fail (sender ip is 203.0.113.9)\n"
    " smtp.rcpttodomain=contoso.com smtp.mailfrom=sender.example; dmarc=fail (p=reject sp=reject\n"
    " pct=100) action=oreject header.from=sender.example; dkim=none (message not signed);\n"
    " arc=none\n"
    "Received: from mail.sender.example (203.0.113.9) by\n"
    " BN8NAM11FT062.mail.protection.outlook.com (10.13.177.116) with Microsoft SMTP Server id\n"
    " 15.20.7 via Frontend Transport; Tue, 2 Jan 2024 10:00:01 +0000\n"
    "Authentication-Results: mail.sender.example; dmarc=pass header.from=sender.example\n"
    "From: Alice <alice@sender.example>\n"
    "To: bob@contoso.com\n"
    "Date: Tue, 2 Jan 2024 10:00:00 +0000\n";

}  // namespace

TEST(Authentication, ExchangeOnlineBlockFromTheRoute) {
  const auto a = assess(kExchangeOnlineInbound);
  // The boundary hop is the one from mail.sender.example: the results above
  // it (no authserv-id, as Microsoft writes them) count; the sender's own
  // claim below it does not.
  ASSERT_EQ(a.trusted.size(), 1u);
  EXPECT_EQ(a.summary.dmarc.result, "fail");
  ASSERT_EQ(a.summary.ignored.size(), 1u);
  EXPECT_EQ(a.summary.ignored[0].authserv_id.value_or(""), "mail.sender.example");
  EXPECT_EQ(a.summary.receiver.value_or(""), "microsoft");
}

TEST(Diagnosis, ReceiversOwnArcSealIsNotForwarding) {
  const report r = analyze(kExchangeOnlineInbound);
  // Exchange Online's own seal (d=microsoft.com, another registered domain
  // of the receiving organization) says nothing about forwarding.
  for (const auto& c : r.causes) EXPECT_NE(c.id, "forwarding") << c.explanation;
  ASSERT_FALSE(r.causes.empty());
  // The sending host names the From: domain itself: its own server, not in SPF.
  EXPECT_EQ(r.causes.front().id, "not_authenticated");
}

namespace {
bool has_cause(const report& r, std::string_view id) {
  return std::any_of(r.causes.begin(), r.causes.end(), [&](const cause& c) { return c.id == id; });
}
// A domain left out of a sentence shows as "for ." or "to  (".
bool names_an_empty_domain(const std::string& s) {
  for (const char* gap : {" for .", " for ,", " to  (", " with .", " from ,", " of  "}) {
    if (s.find(gap) != std::string::npos) return true;
  }
  return false;
}
}  // namespace

TEST(Diagnosis, NoFromDomainSaysSoInsteadOfNamingAnEmptyDomain) {
  // Only the receiver's results pasted, or a From: without an address
  // (RFC 7489 §6.6.1: DMARC needs the one From: domain).
  for (const char* text :
       {"Authentication-Results: mx.y.example; spf=pass smtp.mailfrom=esp.example; dkim=pass "
        "header.d=esp.example\n",
        "From: \"Test User\"\nAuthentication-Results: mx.y.example; dkim=fail header.d=x.example; "
        "dmarc=fail\n",
        "Authentication-Results: mx.y.example; dmarc=permerror (no parseable from domain)\n"}) {
    const report r = analyze(text);
    EXPECT_NE(r.verdict.headline.find("no From: domain"), std::string::npos) << r.verdict.headline;
    EXPECT_TRUE(has_cause(r, "no_from_domain")) << text;
    EXPECT_FALSE(names_an_empty_domain(r.verdict.headline)) << r.verdict.headline;
    EXPECT_FALSE(names_an_empty_domain(r.verdict.summary)) << r.verdict.summary;
    for (const auto& c : r.causes) EXPECT_FALSE(names_an_empty_domain(c.explanation)) << c.id;
    for (const auto& f : r.fixes) {
      for (const auto& s : f.steps) EXPECT_FALSE(names_an_empty_domain(s)) << f.id << ": " << s;
    }
  }
  const report passed = analyze(
      "Authentication-Results: mx.y.example; spf=pass smtp.mailfrom=esp.example; dmarc=pass\n");
  EXPECT_EQ(passed.verdict.status, verdict_status::unknown);
  EXPECT_NE(passed.verdict.headline.find("dmarc=pass"), std::string::npos);
  EXPECT_NE(passed.verdict.summary.find("SPF for esp.example"), std::string::npos);
}

TEST(Diagnosis, AReceiversPassThatTheResultsDoNotExplainIsNotCalledUnapplied) {
  // dmarc=pass, but the only pass is for a domain that does not align.
  const report r = analyze(
      "From: a@x.example.org\n"
      "Authentication-Results: mx.y.example; dkim=pass header.d=other.example; dmarc=pass\n");
  EXPECT_EQ(r.verdict.status, verdict_status::warning);
  EXPECT_EQ(r.verdict.headline.find("not applied"), std::string::npos) << r.verdict.headline;
  EXPECT_NE(r.verdict.headline.find("reports DMARC pass for x.example.org"), std::string::npos)
      << r.verdict.headline;
  ASSERT_TRUE(has_cause(r, "dmarc_result_inconsistent"));
  EXPECT_NE(r.causes[0].explanation.find("other.example"), std::string::npos);
  // No record at all says so; other results are reported as not applied.
  const report none = analyze(
      "From: a@x.example.org\n"
      "Authentication-Results: mx.y.example; dkim=pass header.d=other.example; dmarc=none\n");
  EXPECT_NE(none.verdict.headline.find("example.org publishes no DMARC record, and nothing that "
                                       "passed here is aligned with x.example.org"),
            std::string::npos)
      << none.verdict.headline;
  const report nothing =
      analyze("From: a@x.example.org\nAuthentication-Results: mx.y.example; dmarc=none\n");
  EXPECT_NE(nothing.verdict.headline.find("neither SPF nor DKIM passed for x.example.org"),
            std::string::npos)
      << nothing.verdict.headline;
  const report temp = analyze(
      "From: a@x.example.org\n"
      "Authentication-Results: mx.y.example; dkim=pass header.d=other.example; dmarc=temperror\n");
  EXPECT_NE(temp.verdict.headline.find("not applied"), std::string::npos) << temp.verdict.headline;
  EXPECT_NE(temp.verdict.summary.find("temporary DNS error"), std::string::npos)
      << temp.verdict.summary;
}
