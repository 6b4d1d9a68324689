// Size limits of the message layer through analyze(): a 10 MB input,
// 100,000 header lines and 100,000 Received hops are read with bounded
// output and a warning saying which limit applied. Sizes and counts only,
// no clocks.
#include <gtest/gtest.h>

#include <string>

#include "mailverdict.h"

using namespace mailverdict;

namespace {

bool has_warning(const report& r, std::string_view code) {
  for (const auto& w : r.input.warnings) {
    if (w.code == code) return true;
  }
  return false;
}

}  // namespace

TEST(MessageLimits, TenMegabytesOfReceivedHops) {
  std::string text;
  text.reserve(10u * 1024u * 1024u + 200u);
  int i = 0;
  while (text.size() < 10u * 1024u * 1024u) {
    text += "Received: from relay" + std::to_string(i) + ".example.net (relay" + std::to_string(i) +
            ".example.net [192.0.2.1]) by relay" + std::to_string(i + 1) +
            ".example.net with ESMTPS; Tue, 2 Jan 2024 10:00:00 +0000\n";
    ++i;
  }
  ASSERT_GT(i, 70000);
  const report r = analyze(text);
  EXPECT_EQ(r.input.kind, input_kind::headers);
  EXPECT_EQ(r.headers.size(), kMaxListedHeaders);
  EXPECT_TRUE(has_warning(r, "headers_not_listed"));
  EXPECT_EQ(r.trace.hops.size(), kMaxHops);
  EXPECT_TRUE(has_warning(r, "too_many_fields"));
  EXPECT_TRUE(has_warning(r, "too_many_hops"));
  EXPECT_TRUE(has_warning(r, "mail_loop_suspected"));
  const std::string json = to_json(r);
  EXPECT_LT(json.size(), 3 * text.size());
}

TEST(MessageLimits, HundredThousandHeaderLines) {
  std::string text = "From: a@example.com\n";
  for (int k = 0; k < 100000; ++k) text += "X-Trace-" + std::to_string(k) + ": v\n";
  const report r = analyze(text);
  EXPECT_EQ(r.headers.size(), kMaxListedHeaders);
  EXPECT_TRUE(has_warning(r, "headers_not_listed"));
  EXPECT_TRUE(has_warning(r, "too_many_fields"));
}

TEST(MessageLimits, HundredThousandFoldedLinesInOneField) {
  std::string text = "Received: from a.example by b.example\n";
  for (int k = 0; k < 100000; ++k) text += " (comment " + std::to_string(k) + ")\n";
  text += " ; Tue, 2 Jan 2024 10:00:00 +0000\n";
  const report r = analyze(text);
  ASSERT_EQ(r.trace.hops.size(), 1u);
  EXPECT_EQ(r.trace.hops[0].by, "b.example");
  ASSERT_TRUE(r.trace.hops[0].time.has_value());
}

TEST(MessageLimits, DeeplyNestedCommentsDoNotRecurse) {
  std::string text = "Received: from a.example ";
  text.append(1000000, '(');
  text.append(1000000, ')');
  text += " by b.example; Tue, 2 Jan 2024 10:00:00 +0000\nFrom: ";
  text.append(500000, '(');
  text += "a@b.example\n";
  const report r = analyze(text);
  ASSERT_EQ(r.trace.hops.size(), 1u);
  EXPECT_EQ(r.trace.hops[0].by, "b.example");
}
