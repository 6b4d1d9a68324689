// Tests for antispam.h: Microsoft's antispam headers decoded field by field,
// the X-Forefront-Antispam-Report strings of Microsoft's own Message Header
// Analyzer test suite (../shared/corpus/microsoft-MHA), and the verdicts.
#include "mailverdict/antispam.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "mailverdict/analyze.h"
#include "mailverdict/internal/antispam.h"
#include "mailverdict/internal/text.h"

using namespace mailverdict;
namespace fs = std::filesystem;

namespace {

header_field field(std::string name, std::string value, std::size_t index = 0) {
  header_field f;
  f.name = std::move(name);
  f.value = std::move(value);
  f.raw = f.name + ": " + f.value;
  f.index = index;
  f.line = index + 1;
  return f;
}

const antispam_field* get(const antispam_report& r, std::string_view name) {
  for (const auto& f : r.fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

fs::path corpus_dir() {
  if (const char* env = std::getenv("MAILVERDICT_CORPUS")) return env;
  return MAILVERDICT_CORPUS_DIR;
}

bool contains(std::string_view hay, std::string_view needle) {
  return internal::icontains(hay, needle);
}

}  // namespace

TEST(AntispamSplit, MicrosoftListsKeepColonsInValues) {
  const auto p = split_microsoft_fields(
      " CIP:2a01:111:f400:7e8b::2 ; CTRY:;SFS:(13230040)(4636009);;DIR:INB;");
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0].name, "CIP");
  EXPECT_EQ(p[0].value, "2a01:111:f400:7e8b::2");
  EXPECT_EQ(p[1].name, "CTRY");
  EXPECT_EQ(p[1].value, "");
  EXPECT_EQ(p[2].value, "(13230040)(4636009)");
  EXPECT_EQ(p[3].name, "DIR");
  EXPECT_TRUE(split_microsoft_fields("").empty());
  EXPECT_TRUE(split_microsoft_fields(" ; ;").empty());
}

TEST(AntispamField, ExactPrefixAnyAndUndocumented) {
  // Exact value row.
  auto f = decode_antispam_field("microsoft", "X-Forefront-Antispam-Report", "SFV", "SKN");
  EXPECT_TRUE(f.documented);
  EXPECT_TRUE(contains(f.meaning, "not spam before spam filtering"));
  // Case of the value does not matter.
  EXPECT_EQ(decode_antispam_field("microsoft", "X-Forefront-Antispam-Report", "sfv", "skn").meaning,
            f.meaning);
  // A value Microsoft does not document: field meaning, marked, never guessed.
  f = decode_antispam_field("microsoft", "X-Forefront-Antispam-Report", "SFV", "SKV");
  EXPECT_FALSE(f.documented);
  EXPECT_EQ(f.basis, "undocumented");
  EXPECT_TRUE(contains(f.meaning, "The value SKV is not documented"));
  // Any-value row with the value filled in.
  f = decode_antispam_field("microsoft", "X-Forefront-Antispam-Report", "PTR", "mail.example.net");
  EXPECT_TRUE(contains(f.meaning, "mail.example.net"));
  // Exact row wins over the prefix row; the prefix row covers the rest.
  f = decode_antispam_field("microsoft", "Authentication-Results", "reason", "130");
  EXPECT_TRUE(contains(f.meaning, "ARC"));
  f = decode_antispam_field("microsoft", "Authentication-Results", "reason", "109");
  EXPECT_TRUE(contains(f.meaning, "Reason 109: passed"));
  f = decode_antispam_field("microsoft", "Authentication-Results", "reason", "601");
  EXPECT_TRUE(contains(f.meaning, "intra-organization"));
  f = decode_antispam_field("microsoft", "Authentication-Results", "reason", "501");
  EXPECT_EQ(f.basis, "undocumented");
  // A field of another header of the same vendor: SCL of the Exchange header.
  f = decode_antispam_field("microsoft", "X-MS-Exchange-Organization-SCL", "SCL", "6");
  EXPECT_TRUE(contains(f.meaning, "Spam confidence level 6"));
  // PCL appears in real headers but is not defined by Microsoft.
  f = decode_antispam_field("microsoft", "X-Microsoft-Antispam", "PCL", "0");
  EXPECT_EQ(f.basis, "undocumented");
  // A field nobody knows.
  f = decode_antispam_field("microsoft", "X-Forefront-Antispam-Report", "ZZZ", "1");
  EXPECT_EQ(f.basis, "undocumented");
  EXPECT_FALSE(f.meaning.empty());
}

TEST(AntispamHeader, OnlyAntispamHeadersAreDecoded) {
  EXPECT_FALSE(decode_antispam_header(field("Subject", "SCL:9")));
  EXPECT_FALSE(
      decode_antispam_header(field("X-MS-Exchange-Organization-Network-Message-Id", "abc")));
  const auto d = decode_antispam_header(field("X-MS-Exchange-Organization-AuthAs", " Anonymous "));
  ASSERT_TRUE(d);
  ASSERT_EQ(d->entry.fields.size(), 1u);
  EXPECT_EQ(d->entry.fields[0].name, "AuthAs");
  EXPECT_EQ(d->entry.fields[0].value, "Anonymous");
  EXPECT_TRUE(d->entry.fields[0].documented);
}

// The documented X-Forefront-Antispam-Report fields (Microsoft Learn,
// "Anti-spam message headers") and the ones Microsoft leaves undocumented.
const std::set<std::string> kDocumented = {"CIP", "CTRY", "LANG", "SCL", "SRV",  "IPV",
                                           "SFV", "H",    "PTR",  "CAT", "SFTY", "DIR"};
const std::set<std::string> kUndocumented = {"SFS", "SFP", "EFV", "SRVR", "FPR", "SPF", "A", "MX"};

TEST(AntispamCorpus, MessageHeaderAnalyzerForefrontStrings) {
  const fs::path file = corpus_dir() / "microsoft-MHA" / "mha_test_header_strings.json";
  if (!fs::exists(file)) GTEST_SKIP() << "corpus not found: " << file;
  std::ifstream in(file);
  const auto doc = nlohmann::json::parse(in, nullptr, false);
  ASSERT_FALSE(doc.is_discarded());
  int headers = 0, fields = 0;
  for (const auto& test : doc) {
    if (test.value("file", "").find("ForefrontAntispam") == std::string::npos) continue;
    for (const auto& s : test["header_strings"]) {
      const std::string value = s.value("value", "");
      const auto d = decode_antispam_header(field("X-Forefront-Antispam-Report", value));
      ASSERT_TRUE(d) << value;
      ++headers;
      // Every item of the string is one decoded field, in order, raw value kept.
      const auto pairs = split_microsoft_fields(value);
      ASSERT_EQ(d->entry.fields.size(), pairs.size()) << value;
      for (std::size_t i = 0; i < pairs.size(); ++i) {
        const auto& f = d->entry.fields[i];
        ++fields;
        EXPECT_EQ(f.name, pairs[i].name);
        EXPECT_EQ(f.value, pairs[i].value);
        EXPECT_FALSE(f.meaning.empty()) << f.name;
        if (kDocumented.count(f.name) != 0 && !f.value.empty()) {
          // NONE of CAT is from the older documentation, still documented.
          EXPECT_TRUE(f.documented) << f.name << ":" << f.value << " " << f.meaning;
        }
        if (kUndocumented.count(f.name) != 0) {
          EXPECT_FALSE(f.documented) << f.name;
          EXPECT_EQ(f.basis, "undocumented") << f.name;
        }
      }
      // The values MHA's own test asserts, with their meanings.
      if (const auto* cip = get(d->entry, "CIP")) {
        EXPECT_TRUE(contains(cip->meaning, cip->value));
      }
      if (const auto* ctry = get(d->entry, "CTRY")) {
        EXPECT_TRUE(contains(ctry->meaning, "US"));
      }
      if (const auto* ipv = get(d->entry, "IPV")) {
        EXPECT_EQ(ipv->value, "NLI");
        EXPECT_TRUE(contains(ipv->meaning, "not on any IP reputation list"));
      }
      if (const auto* sfv = get(d->entry, "SFV")) {
        EXPECT_EQ(sfv->value, "NSPM");
        EXPECT_TRUE(contains(sfv->meaning, "not to be spam"));
      }
      if (const auto* scl = get(d->entry, "SCL")) {
        EXPECT_TRUE(contains(scl->meaning, "not spam"));
      }
      if (const auto* dir = get(d->entry, "DIR")) {
        EXPECT_EQ(dir->value, "INB");
        EXPECT_TRUE(contains(dir->meaning, "Inbound"));
      }
      if (const auto* cat = get(d->entry, "CAT")) {
        EXPECT_TRUE(contains(cat->meaning, "No protection policy"));
      }
      if (const auto* h = get(d->entry, "H")) {
        EXPECT_TRUE(contains(h->meaning, h->value));
      }
      if (const auto* sfs = get(d->entry, "SFS")) {
        if (!sfs->value.empty()) {
          EXPECT_TRUE(contains(sfs->meaning, "internal rule numbers"));
        }
      }
    }
  }
  // Two full strings, MHA's two "unparsed" remainders and three short ones.
  EXPECT_EQ(headers, 7);
  EXPECT_GE(fields, 40);
}

TEST(AntispamCorpus, MessageHeaderAnalyzerRulesHeaders) {
  const fs::path file = corpus_dir() / "microsoft-MHA" / "mha_test_header_strings.json";
  if (!fs::exists(file)) GTEST_SKIP() << "corpus not found: " << file;
  std::ifstream in(file);
  const auto doc = nlohmann::json::parse(in, nullptr, false);
  ASSERT_FALSE(doc.is_discarded());
  int seen = 0;
  for (const auto& test : doc) {
    if (test.value("file", "").find("RulesService") == std::string::npos) continue;
    for (const auto& s : test["header_strings"]) {
      const report r = analyze(s.value("value", ""));
      ++seen;
      // SFV:SPM, yet the mailbox put it in the Inbox (dest:I): not filtered.
      ASSERT_EQ(r.antispam.size(), 2u);
      EXPECT_EQ(r.antispam[0].header, "X-Forefront-Antispam-Report");
      EXPECT_EQ(r.antispam[0].outcome, "inbox");
      const auto* dest = get(r.antispam[1], "dest");
      ASSERT_NE(dest, nullptr);
      EXPECT_TRUE(contains(dest->meaning, "Inbox"));
      EXPECT_EQ(dest->basis, "observed");
      const auto* auth = get(r.antispam[1], "auth");
      ASSERT_NE(auth, nullptr);
      EXPECT_EQ(auth->basis, "undocumented");
      EXPECT_FALSE(contains(r.verdict.headline, "Junk")) << r.verdict.headline;
    }
  }
  EXPECT_EQ(seen, 1);
}

TEST(AntispamVerdict, JunkBySpoofingNamesCompauthReasonAndCategory) {
  const report r = analyze(
      "From: Contoso <sales@contoso-deals.example>\n"
      "Authentication-Results: spf=softfail (sender IP is 203.0.113.7) "
      "smtp.mailfrom=contoso-deals.example; "
      "dkim=none (message not signed) header.d=none;dmarc=none action=none "
      "header.from=contoso-deals.example;compauth=fail reason=001\n"
      "X-Forefront-Antispam-Report: CIP:203.0.113.7;CTRY:US;LANG:en;SCL:5;SRV:;IPV:NLI;SFV:SPM;"
      "H:mail.contoso-deals.example;PTR:;CAT:SPOOF;SFTY:9.22;SFS:(13230040);DIR:INB;\n"
      "X-Microsoft-Antispam-Mailbox-Delivery: ucf:0;jmr:0;auth:0;dest:J;OFR:SpamFilterAuthJ;\n");
  EXPECT_EQ(r.verdict.status, verdict_status::problem);
  EXPECT_TRUE(contains(r.verdict.headline, "Microsoft put it in Junk (SCL 5)"));
  EXPECT_TRUE(contains(r.verdict.headline, "compauth reason 001"));
  EXPECT_TRUE(contains(r.verdict.headline, "CAT:SPOOF"));
  ASSERT_FALSE(r.causes.empty());
  bool spoof = false;
  for (const auto& c : r.causes) spoof = spoof || c.id == "spoof_detected";
  EXPECT_TRUE(spoof);
  // The fields that decided it are marked; the others are not.
  const auto& ff = r.antispam.at(0);
  EXPECT_TRUE(get(ff, "SCL")->drove_verdict);
  EXPECT_TRUE(get(ff, "CAT")->drove_verdict);
  EXPECT_TRUE(get(ff, "SFTY")->drove_verdict);
  EXPECT_FALSE(get(ff, "CTRY")->drove_verdict);
  EXPECT_FALSE(get(ff, "LANG")->drove_verdict);
  // The spoofed-sender allow entry is offered to the admin only with its caveat.
  bool allow = false;
  for (const auto& f : r.fixes) allow = allow || f.id == "spoof_allow_admin";
  EXPECT_TRUE(allow);
}

TEST(AntispamVerdict, NoAllowListAdviceForExplicitDmarcFailureOrPhishing) {
  const report r = analyze(
      "From: <billing@bank.example>\n"
      "Authentication-Results: spf=fail (sender IP is 198.51.100.9) smtp.mailfrom=bank.example; "
      "dkim=none "
      "(message not signed) header.d=none;dmarc=fail action=quarantine header.from=bank.example;"
      "compauth=fail reason=000\n"
      "X-Forefront-Antispam-Report: CIP:198.51.100.9;SCL:9;SFV:SPM;CAT:PHSH;SFTY:9.22;DIR:INB;\n");
  EXPECT_EQ(r.verdict.status, verdict_status::problem);
  for (const auto& f : r.fixes) {
    EXPECT_NE(f.id, "spoof_allow_admin");
    EXPECT_NE(f.id, "report_not_junk");
  }
  EXPECT_TRUE(contains(r.verdict.headline, "phishing"));
}

TEST(AntispamVerdict, AllowListBypassIsReportedNotFiltered) {
  const report r = analyze(
      "From: <a@example.org>\n"
      "X-Forefront-Antispam-Report: CIP:192.0.2.1;SCL:-1;SFV:SKN;IPV:NLI;DIR:INB;\n");
  EXPECT_NE(r.verdict.status, verdict_status::problem);
  ASSERT_EQ(r.antispam.size(), 1u);
  EXPECT_EQ(r.antispam[0].outcome, "allowed");
  ASSERT_EQ(r.causes.size(), 1u);
  EXPECT_EQ(r.causes[0].id, "filtering_bypassed");
}

TEST(AntispamVerdict, UntrustedCopiesDoNotDecide) {
  const report r = analyze(
      "From: <a@example.org>\n"
      "X-Forefront-Antispam-Report-Untrusted: CIP:192.0.2.1;SCL:9;SFV:SPM;CAT:HSPM;\n"
      "X-Forefront-Antispam-Report: CIP:192.0.2.1;SCL:1;SFV:NSPM;CAT:NONE;\n");
  EXPECT_NE(r.verdict.status, verdict_status::problem);
  ASSERT_EQ(r.antispam.size(), 2u);
  EXPECT_TRUE(contains(r.antispam[0].verdict, "earlier"));
  EXPECT_EQ(r.antispam[1].outcome, "not_spam");
}

// ---- Scoring engines and gateways ----

TEST(AntispamEngines, SpamAssassinStatusFoldedTestsAndAmavisScores) {
  auto d = decode_antispam_header(
      field("X-Spam-Status",
            "Yes, score=7.1 required=5.0 tests=BAYES_99,\tURIBL_BLOCKED,\n\tSPF_FAIL "
            "autolearn=no version=3.4.6"));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->entry.vendor, "spamassassin");
  ASSERT_TRUE(d->entry.score && d->entry.threshold);
  EXPECT_DOUBLE_EQ(*d->entry.score, 7.1);
  EXPECT_DOUBLE_EQ(*d->entry.threshold, 5.0);
  std::vector<std::string> names;
  for (const auto& f : d->entry.fields) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"flag", "score", "required", "tests", "BAYES_99",
                                             "URIBL_BLOCKED", "SPF_FAIL", "autolearn", "version"}));
  EXPECT_TRUE(contains(get(d->entry, "URIBL_BLOCKED")->meaning, "not checked"));

  d = decode_antispam_header(
      field("X-Spam-Status",
            "No, score=-1.906 tagged_above=-999 required=5 tests=[BAYES_00=-1.9, "
            "DKIM_SIGNED=0.1, SOME_LOCAL_RULE=0.001] autolearn=ham"));
  ASSERT_TRUE(d);
  EXPECT_EQ(get(d->entry, "BAYES_00")->value, "-1.9");
  EXPECT_EQ(get(d->entry, "SOME_LOCAL_RULE")->basis, "unknown");
  EXPECT_TRUE(contains(get(d->entry, "tagged_above")->meaning, "-999"));
}

TEST(AntispamEngines, SpamAssassinReportLines) {
  header_field f = field("X-Spam-Report", "");
  f.raw =
      "X-Spam-Report: Content analysis details:   (6.2 points, 5.0 required)\n"
      "\t pts rule name              description\n"
      "\t---- ---------------------- ------------------------------\n"
      "\t* 3.5 BAYES_99 BODY: Bayes spam probability is 99 to 100%\n"
      "\t*      [score: 1.0000]\n"
      "\t* 2.7 LOCAL_THING Something this site wrote\n"
      "\t* -0.0 SPF_PASS SPF: sender matches SPF record\n";
  f.value = f.raw.substr(15);
  const auto d = decode_antispam_header(f);
  ASSERT_TRUE(d);
  ASSERT_TRUE(d->entry.score && d->entry.threshold);
  EXPECT_DOUBLE_EQ(*d->entry.score, 6.2);
  EXPECT_DOUBLE_EQ(*d->entry.threshold, 5.0);
  EXPECT_EQ(get(d->entry, "BAYES_99")->value, "3.5");
  // A test the table lacks gets the report's own words, not a guess.
  EXPECT_TRUE(contains(get(d->entry, "LOCAL_THING")->meaning, "Something this site wrote"));
  EXPECT_EQ(get(d->entry, "SPF_PASS")->value, "-0.0");
}

TEST(AntispamEngines, RspamdResultSymbolsAndOptions) {
  const auto d = decode_antispam_header(field(
      "X-Spamd-Result",
      "default: False [-1.31 / 15.00];\tFORWARDED(0.00)[freebsd-test@mailman.nyi.freebsd.org];\t "
      "R_SPF_ALLOW(-0.50)[+ip4:96.47.72.81:c];\t ARC_INVALID(1.00)[invalid count of seals and "
      "signatures];\t DKIM_TRACE(0.00)[freebsd.org:+,outlook.com:-];\t NEW_SYMBOL(2.5)[a;b]"));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->entry.vendor, "rspamd");
  ASSERT_TRUE(d->entry.score && d->entry.threshold);
  EXPECT_DOUBLE_EQ(*d->entry.score, -1.31);
  EXPECT_DOUBLE_EQ(*d->entry.threshold, 15.0);
  EXPECT_EQ(get(d->entry, "spam")->value, "False");
  EXPECT_EQ(get(d->entry, "R_SPF_ALLOW")->value, "-0.50");
  EXPECT_TRUE(contains(get(d->entry, "R_SPF_ALLOW")->meaning, "+ip4:96.47.72.81:c"));
  EXPECT_TRUE(contains(get(d->entry, "ARC_INVALID")->meaning, "malformed"));
  // Options may hold ";" inside their brackets.
  const auto* n = get(d->entry, "NEW_SYMBOL");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->value, "2.5");
  EXPECT_EQ(n->basis, "unknown");
  EXPECT_EQ(d->entry.fields.size(), 9u);
}

TEST(AntispamEngines, BarracudaLevels) {
  const report r = analyze(
      "From: <a@example.org>\n"
      "X-Barracuda-Spam-Score: 5.12\n"
      "X-Barracuda-Spam-Status: Yes, SCORE=5.12 using global scores of TAG_LEVEL=3.5 "
      "QUARANTINE_LEVEL=5.0 "
      "KILL_LEVEL=7.0 tests=BSF_SC0_MISMATCH_TO, HTML_MESSAGE, MISSING_MID\n");
  ASSERT_EQ(r.antispam.size(), 2u);
  EXPECT_EQ(r.antispam[1].outcome, "quarantine");
  EXPECT_EQ(r.verdict.status, verdict_status::problem);
  EXPECT_TRUE(
      contains(r.verdict.headline, "Barracuda quarantined it (score 5.12, quarantine level 5.0)"));
  EXPECT_TRUE(contains(r.verdict.headline, "MISSING_MID"));
}

TEST(AntispamEngines, ProofpointGmailYahoo) {
  auto r = analyze(
      "From: <a@example.org>\n"
      "X-Proofpoint-Spam-Details: rule=notspam policy=default score=0 spamscore=0\n"
      " suspectscore=3 phishscore=0 adultscore=0 bulkscore=0 classifier=spam adjust=0\n"
      " reason=mlx scancount=1 engine=7.0.1-1408290000 definitions=main-1411210099\n");
  ASSERT_EQ(r.antispam.size(), 1u);
  EXPECT_EQ(r.antispam[0].vendor, "proofpoint");
  EXPECT_EQ(r.antispam[0].outcome, "not_spam");
  EXPECT_EQ(get(r.antispam[0], "suspectscore")->basis, "undocumented");
  EXPECT_EQ(get(r.antispam[0], "phishscore")->basis, "observed");

  r = analyze("From: <a@example.org>\nX-Gmail-Labels: Spam,Category Promotions,Unread\n");
  ASSERT_EQ(r.antispam.size(), 1u);
  EXPECT_EQ(r.antispam[0].outcome, "junk");
  EXPECT_TRUE(contains(r.verdict.headline, "Gmail put it in Spam"));
  ASSERT_FALSE(r.causes.empty());
  EXPECT_EQ(r.causes.back().id, "provider_spam_folder");

  r = analyze("From: <a@example.org>\nX-YahooFilteredBulk: 192.0.2.9\n");
  EXPECT_TRUE(contains(r.verdict.headline, "Yahoo put it in the Bulk folder"));
}

TEST(AntispamEngines, RspamdSpamAssassinStyleHeadersAreRspamds) {
  const report r = analyze(
      "From: <a@example.org>\n"
      "X-Spamd-Result: default: False [-4.00 / 50.00];\n\tREPLY(-4.00)[]\n"
      "X-Spam-Score: -4.00\n"
      "X-Spam-Flag: NO\n"
      "X-Rspamd-Action: no action\n");
  ASSERT_EQ(r.antispam.size(), 4u);
  for (const auto& a : r.antispam) EXPECT_EQ(a.vendor, "rspamd") << a.header;
  EXPECT_EQ(r.antispam[0].outcome, "not_spam");
  EXPECT_EQ(r.antispam[3].outcome, "not_spam");
  EXPECT_NE(r.verdict.status, verdict_status::problem);
}

// Every SpamAssassin, Rspamd, Proofpoint and Barracuda header in the corpus
// of real messages decodes: scores and thresholds read, every field with a
// meaning, the report valid JSON, and none says spam while under threshold.
TEST(AntispamCorpus, RealEngineHeadersDecode) {
  const fs::path root = corpus_dir();
  if (!fs::exists(root)) GTEST_SKIP() << "corpus not found: " << root;
  int files = 0, statuses = 0, results = 0, tests = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || e.file_size() > 2'000'000) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    const std::string text = s.str();
    if (!contains(text, "X-Spam-Status:") && !contains(text, "X-Spamd-Result:") &&
        !contains(text, "X-Proofpoint-Spam-Details:")) {
      continue;
    }
    const report r = analyze(text);
    ++files;
    EXPECT_FALSE(to_json(r).empty());
    for (const auto& a : r.antispam) {
      for (const auto& f : a.fields) {
        EXPECT_FALSE(f.meaning.empty()) << e.path() << " " << a.header << " " << f.name;
        if (f.basis == "documented" && a.vendor != "microsoft") ++tests;
      }
      if (a.header == "X-Spam-Status" && (contains(a.raw, "score=") || contains(a.raw, "hits="))) {
        ++statuses;
        EXPECT_TRUE(a.score.has_value()) << e.path() << ": " << a.raw;
        if (contains(a.raw, "required=")) {
          EXPECT_TRUE(a.threshold.has_value()) << e.path();
          if (a.score && a.threshold && *a.score < *a.threshold &&
              internal::istarts_with(a.raw, "No")) {
            EXPECT_EQ(a.outcome, "not_spam") << e.path();
          }
        }
      }
      if (a.header == "X-Spamd-Result") {
        ++results;
        EXPECT_TRUE(a.score && a.threshold) << e.path();
      }
    }
  }
  EXPECT_GE(files, 10);
  EXPECT_GE(statuses, 10);
  EXPECT_GE(results, 1);
  EXPECT_GE(tests, 50);
}

TEST(AntispamLimits, HugeHeadersAreBounded) {
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "SFV:SPM;";
  auto d = decode_antispam_header(field("X-Forefront-Antispam-Report", many));
  ASSERT_TRUE(d);
  ASSERT_EQ(d->entry.fields.size(), 301u);
  EXPECT_EQ(d->entry.fields.back().value, "99700");
  std::string symbols = "default: True [1.0 / 15.0]";
  for (int i = 0; i < 100000; ++i) symbols += "; S(0.01)[x]";
  d = decode_antispam_header(field("X-Spamd-Result", symbols));
  ASSERT_TRUE(d);
  EXPECT_LE(d->entry.fields.size(), 310u);
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "X-Spam-Flag: YES\n";
  EXPECT_EQ(analyze(text).antispam.size(), 100u);
}

TEST(AntispamEngines, MimecastImpersonationProtect) {
  const report r = analyze(
      "From: \"Dana Finance\" <dana@contoso-finance.example>\n"
      "X-Mimecast-Spam-Score: 12\n"
      "X-Mimecast-Impersonation-Protect: Policy=CLT - Impersonation Protection Definition;Similar "
      "Internal "
      "Domain=false;Similar Monitored External Domain=false;Custom External Domain=false;Mimecast "
      "External "
      "Domain=false;Newly Observed Domain=true;Internal User Name=true;Custom Display Name "
      "List=false;Reply-to "
      "Address Mismatch=false;Targeted Threat Dictionary=false;Mimecast Threat "
      "Dictionary=false;Custom Threat "
      "Dictionary=false\n");
  ASSERT_EQ(r.antispam.size(), 2u);
  EXPECT_EQ(r.antispam[0].fields[0].basis, "undocumented");
  const auto& ip = r.antispam[1];
  EXPECT_EQ(ip.outcome, "flagged");
  EXPECT_EQ(ip.fields.size(), 12u);
  EXPECT_TRUE(get(ip, "Newly Observed Domain")->drove_verdict);
  EXPECT_TRUE(get(ip, "Internal User Name")->drove_verdict);
  EXPECT_FALSE(get(ip, "Similar Internal Domain")->drove_verdict);
  EXPECT_TRUE(contains(r.verdict.headline, "newly observed"));
  EXPECT_TRUE(contains(r.verdict.headline, "display name matches"));
  ASSERT_FALSE(r.causes.empty());
  EXPECT_EQ(r.causes.back().id, "impersonation_verdict");
}

TEST(AntispamEngines, BareSpamFlagIsNotAttributedToSpamAssassin) {
  const report r = analyze("From: <a@example.org>\nX-Spam-Flag: YES\nX-Spam-Score: 12\n");
  ASSERT_EQ(r.antispam.size(), 2u);
  EXPECT_EQ(r.antispam[0].vendor, "spam_filter");
  EXPECT_EQ(r.antispam[0].outcome, "spam");
  EXPECT_TRUE(contains(r.verdict.headline, "A spam filter marked it as spam"));
}

// Scores as the engines write them, read exactly as strtod would (the core
// reads them without strtod to keep its long-double code out of the wasm).
TEST(Antispam, ParseScore) {
  using mailverdict::internal::parse_score;
  EXPECT_EQ(parse_score("7.1"), 7.1);
  EXPECT_EQ(parse_score(" -0.50 "), -0.5);
  EXPECT_EQ(parse_score("+17.82"), 17.82);
  EXPECT_EQ(parse_score("5.561"), 5.561);
  EXPECT_EQ(parse_score("12"), 12.0);
  EXPECT_EQ(parse_score(".5"), 0.5);
  EXPECT_EQ(parse_score("3."), 3.0);
  EXPECT_EQ(parse_score("1e2"), 100.0);
  EXPECT_EQ(parse_score("2.5E-3"), 0.0025);
  EXPECT_EQ(parse_score("0.1"), std::strtod("0.1", nullptr));
  EXPECT_EQ(parse_score("123456.789012345"), std::strtod("123456.789012345", nullptr));
  EXPECT_EQ(parse_score(""), std::nullopt);
  EXPECT_EQ(parse_score("-"), std::nullopt);
  EXPECT_EQ(parse_score("."), std::nullopt);
  EXPECT_EQ(parse_score("5e"), std::nullopt);
  EXPECT_EQ(parse_score("7.1x"), std::nullopt);
  EXPECT_EQ(parse_score("1.2.3"), std::nullopt);
}
