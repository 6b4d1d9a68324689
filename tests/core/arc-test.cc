// Tests for arc.h (RFC 8617), including the ARC validation suite in
// ../shared/corpus/postalsys-mailauth.
#include "mailverdict/arc.h"

#include <gtest/gtest.h>

#include "corpus.h"

using namespace mailverdict;

TEST(Arc, ParsesTheThreeFields) {
  const auto s =
      parse_arc_seal("i=2; a=rsa-sha256; cv=pass; d=lists.example.org; s=arc; t=12345; b=abc");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->instance, 2);
  EXPECT_EQ(s->cv, "pass");
  EXPECT_EQ(s->domain, "lists.example.org");
  const auto m = parse_arc_message_signature(
      "i=1; a=rsa-sha256; c=relaxed/relaxed; d=example.org; s=dummy; h=from : to : subject; bh=x; "
      "b=y");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->signed_headers, (std::vector<std::string>{"from", "to", "subject"}));
  const auto a = parse_arc_authentication_results(
      "i=1; lists.example.org; spf=pass smtp.mfrom=jqd@d1.example; dkim=pass (1024-bit key) "
      "header.i=@d1.example; dmarc=pass");
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->instance, 1);
  EXPECT_EQ(a->results.authserv_id, "lists.example.org");
  EXPECT_EQ(a->results.results.size(), 3u);
  EXPECT_FALSE(parse_arc_seal("i=0; cv=none; d=x.example; s=s; b=x"));
  EXPECT_FALSE(parse_arc_seal("i=1; cv=maybe; d=x.example; s=s; b=x"));
  EXPECT_FALSE(parse_arc_authentication_results("lists.example.org; spf=pass"));
}

TEST(Arc, ChainStructure) {
  const auto good = parse_header_block(
      "ARC-Seal: i=2; cv=pass; a=rsa-sha256; d=b.example; s=s; b=x\n"
      "ARC-Message-Signature: i=2; a=rsa-sha256; d=b.example; s=s; h=from; bh=x; b=y\n"
      "ARC-Authentication-Results: i=2; mx.b.example; arc=pass\n"
      "ARC-Seal: i=1; cv=none; a=rsa-sha256; d=a.example; s=s; b=x\n"
      "ARC-Message-Signature: i=1; a=rsa-sha256; d=a.example; s=s; h=from; bh=x; b=y\n"
      "ARC-Authentication-Results: i=1; mx.a.example; spf=pass smtp.mailfrom=x.example\n"
      "From: a@x.example\n\nbody\n");
  const arc_chain c = read_arc_chain(good);
  EXPECT_EQ(c.sets, 2);
  EXPECT_EQ(c.structure, "intact") << (c.problems.empty() ? "" : c.problems[0]);
  EXPECT_EQ(c.last_cv, "pass");
  ASSERT_EQ(c.instances.size(), 2u);
  EXPECT_EQ(c.instances[0].parsed_seal.domain, "a.example");

  const auto gap = parse_header_block(
      "ARC-Seal: i=2; cv=pass; a=rsa-sha256; d=b.example; s=s; b=x\n"
      "ARC-Message-Signature: i=2; a=rsa-sha256; d=b.example; s=s; h=from; bh=x; b=y\n"
      "ARC-Authentication-Results: i=2; mx.b.example; arc=pass\n"
      "From: a@x.example\n\nbody\n");
  const arc_chain g = read_arc_chain(gap);
  EXPECT_EQ(g.structure, "broken");
  EXPECT_FALSE(g.problems.empty());
  EXPECT_EQ(read_arc_chain(parse_header_block("From: a@x.example\n")).structure, "none");
}

TEST(ArcCorpus, ValidationSuiteStructure) {
  namespace fs = std::filesystem;
  const fs::path d = corpus::dir() / "postalsys-mailauth";
  if (!fs::exists(d / "expected_labels_arc_validation.csv"))
    GTEST_SKIP() << "corpus not found at " << d;
  int pass = 0, none = 0, fail = 0, fail_found = 0;
  for (const auto& row : corpus::read_csv(d / "expected_labels_arc_validation.csv")) {
    if (row.size() < 2 || row[0] == "file") continue;
    const std::string label = row[1];
    const arc_chain c = read_arc_chain(parse_header_block(corpus::slurp(d / row[0])));
    if (label == "arc_cv=pass") {
      ++pass;
      // A chain the suite validates must never look structurally broken.
      EXPECT_EQ(c.structure, "intact")
          << row[0] << ": " << (c.problems.empty() ? "" : c.problems[0]);
    } else if (label == "arc_cv=none") {
      ++none;
      EXPECT_EQ(c.structure, "none") << row[0];
    } else if (label == "arc_cv=fail") {
      ++fail;
      fail_found += c.structure == "broken";
    }
  }
  EXPECT_EQ(pass, 54);
  EXPECT_EQ(none, 5);
  EXPECT_EQ(fail, 109);
  // Most failures in the suite are bad signatures, which need DNS; the
  // structural ones (missing, duplicate or misnumbered sets, wrong cv) are
  // caught offline.
  EXPECT_GE(fail_found, 30) << "structural failures found: " << fail_found;
  std::cout << "[ ARC suite ] structurally broken chains found offline: " << fail_found << " of "
            << fail << "\n";
}
