// Tests for domain.h: the Public Suffix List algorithm and alignment.
#include "mailverdict/domain.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

using namespace mailverdict;

TEST(Domain, TableWasGeneratedFromTheRealList) {
  // Debian's list holds thousands of rules; a hand-written stub would not.
  EXPECT_GT(public_suffix_rule_count(), 5000);
}

// Every plain rule of the list the table was built from is its own public
// suffix: the longest rule matching "co.uk" is "co.uk" itself (an exception
// "!r" would make r no plain rule; a wildcard over its parent is no longer).
// Checks each of the ~10,000 entries of the compiled table, not a sample.
TEST(Domain, EveryRuleOfTheListIsFound) {
  const char* env = std::getenv("MAILVERDICT_PSL");
  const std::string path = env != nullptr ? env : MAILVERDICT_PSL_FILE;
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << "no Public Suffix List at " << path;
  std::string line;
  int plain = 0;
  while (std::getline(in, line)) {
    const std::string rule = line.substr(0, line.find_first_of(" \t\r"));
    if (rule.empty() || rule.starts_with("//") || rule[0] == '!' || rule[0] == '*') continue;
    const std::string ascii = normalize_domain(rule);
    ASSERT_FALSE(ascii.empty()) << rule;
    EXPECT_EQ(public_suffix(ascii), ascii) << rule;
    ++plain;
  }
  EXPECT_GT(plain, 5000);
}

TEST(Domain, Normalize) {
  EXPECT_EQ(normalize_domain(" Example.COM. "), "example.com");
  EXPECT_EQ(normalize_domain("<mail.example.org>"), "mail.example.org");
  EXPECT_EQ(normalize_domain("a..b"), "");
  EXPECT_EQ(normalize_domain("bad domain"), "");
  EXPECT_EQ(domain_of("Bounces+123@Bounces.SendGrid.net"), "bounces.sendgrid.net");
  EXPECT_EQ(domain_of("example.net"), "example.net");
}

TEST(Domain, PublicSuffixRules) {
  EXPECT_EQ(public_suffix("www.example.com"), "com");
  EXPECT_EQ(public_suffix("shop.example.co.uk"), "co.uk");
  EXPECT_EQ(public_suffix("a.b.example.com.au"), "com.au");
  // Wildcard rule *.ck with exception !www.ck (both in the real list).
  EXPECT_EQ(public_suffix("foo.bar.ck"), "bar.ck");
  EXPECT_EQ(public_suffix("www.ck"), "ck");
  // Rules deep in the front-coded table (tools/gen/psl.mjs), wildcard and
  // exception side by side: *.kawasaki.jp and !city.kawasaki.jp.
  EXPECT_EQ(public_suffix("a.b.kawasaki.jp"), "b.kawasaki.jp");
  EXPECT_EQ(public_suffix("city.kawasaki.jp"), "kawasaki.jp");
  EXPECT_EQ(public_suffix("x.y.s3.amazonaws.com"), "s3.amazonaws.com");
  // Unknown TLD: the default rule "*".
  EXPECT_EQ(public_suffix("host.example.invalidtld"), "invalidtld");
}

TEST(Domain, OrganizationalDomain) {
  EXPECT_EQ(organizational_domain("mail.example.co.uk"), "example.co.uk");
  EXPECT_EQ(organizational_domain("shop.example.co.uk"), "example.co.uk");
  EXPECT_EQ(organizational_domain("bounces.sendgrid.net"), "sendgrid.net");
  EXPECT_EQ(organizational_domain("example.com"), "example.com");
  EXPECT_EQ(organizational_domain("co.uk"), "co.uk");  // a public suffix is its own
  // Private-section rules count too: each blogspot.com blog is its own organization.
  EXPECT_EQ(organizational_domain("www.someblog.blogspot.com"), "someblog.blogspot.com");
}

TEST(Domain, RepeatedQuestionsGetTheSameAnswers) {
  // More distinct domains than the lookup keeps answers for, asked in turn
  // three times: every answer is the one the first round gave.
  const std::vector<std::string> names = {"mail.example.co.uk",
                                          "a.b.example.com",
                                          "www.someblog.blogspot.com",
                                          "bounces.sendgrid.net",
                                          "x.kawasaki.jp",
                                          "city.kawasaki.jp",
                                          "co.uk",
                                          "example.invalidtld",
                                          "mx.mail.yahoo.co.jp",
                                          "m.example.org",
                                          "mail.protection.outlook.com",
                                          "s.amazonses.com",
                                          "em.mcsv.net",
                                          "uk",
                                          "a.b.c.d.e.example.net",
                                          "mx.google.com",
                                          "host.example.com.au",
                                          "foo.github.io",
                                          "example.ac.uk",
                                          "t.co"};
  std::vector<std::string> first;
  for (const auto& n : names) first.push_back(organizational_domain(n) + "|" + public_suffix(n));
  for (int round = 0; round < 3; ++round) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      EXPECT_EQ(organizational_domain(names[i]) + "|" + public_suffix(names[i]), first[i]);
    }
  }
  EXPECT_EQ(first[0], "example.co.uk|co.uk");
  EXPECT_EQ(first[5], "city.kawasaki.jp|kawasaki.jp");  // the exception rule !city.kawasaki.jp
}

TEST(Domain, RelaxedAndStrictAlignment) {
  EXPECT_TRUE(aligned("mail.example.co.uk", "shop.example.co.uk", alignment_mode::relaxed));
  EXPECT_FALSE(aligned("other.co.uk", "shop.example.co.uk", alignment_mode::relaxed));
  EXPECT_FALSE(aligned("mail.example.co.uk", "shop.example.co.uk", alignment_mode::strict));
  EXPECT_TRUE(aligned("Example.com", "example.COM", alignment_mode::strict));
  EXPECT_FALSE(aligned("sendgrid.net", "northwind-traders.com", alignment_mode::relaxed));
  EXPECT_FALSE(aligned("", "example.com", alignment_mode::relaxed));
}
