// Pathological inputs (issue 8): each must finish with bounded output.
// Nothing here measures time: the assertions are on sizes and counts, which a
// quadratic or unbounded step would break (output that grows with the input
// beyond a fixed factor, warnings or entries that grow without limit), and on
// not crashing (the ASan build turns deep recursion into a failure).
#include <gtest/gtest.h>

#include <string>

#include "mailverdict.h"

using namespace mailverdict;

namespace {

// The JSON report may repeat input text a few times (value, evidence) and
// escape it; anything beyond a fixed factor grows faster than the input.
void expect_bounded(const report& r, std::size_t input_size) {
  const std::string json = to_json(r);
  EXPECT_LE(json.size(), 8 * input_size + 64 * 1024);
  EXPECT_LE(r.input.warnings.size(), 64u);
  EXPECT_LE(r.causes.size(), 64u);
  EXPECT_LE(r.fixes.size(), 64u);
  EXPECT_LE(to_text(r).size(), 8 * input_size + 64 * 1024);
}

std::string repeat(std::string_view unit, std::size_t n) {
  std::string s;
  s.reserve(unit.size() * n);
  for (std::size_t i = 0; i < n; ++i) s += unit;
  return s;
}

}  // namespace

TEST(Limits, InputLimitIsDocumentedAndExplained) {
  EXPECT_EQ(kMaxInputBytes, 16u * 1024u * 1024u);
  std::string big = "From: a@example.org\nSubject: big\n\n";
  big.resize(kMaxInputBytes + 10, 'x');
  const report r = analyze(big);
  EXPECT_EQ(r.input.bytes, kMaxInputBytes + 10);
  ASSERT_FALSE(r.input.warnings.empty());
  EXPECT_EQ(r.input.warnings.front().code, "input_truncated");
  EXPECT_NE(r.input.warnings.front().message.find("16 MB"), std::string::npos);
  EXPECT_EQ(r.input.kind, input_kind::message);
}

TEST(Limits, HundredThousandHeaders) {
  std::string in;
  for (int i = 0; i < 100000; ++i)
    in += "X-Header-" + std::to_string(i) + ": value " + std::to_string(i) + "\n";
  // The block keeps the first kMaxFields fields and counts the rest.
  EXPECT_EQ(parse_header_block(in).fields.size(), kMaxFields);
  const report r = analyze(in);
  EXPECT_EQ(r.input.kind, input_kind::headers);
  expect_bounded(r, in.size());
}

TEST(Limits, OneFiveMegabyteLine) {
  const std::string value(5u << 20, 'a');
  const std::string field = "Subject: " + value + "\n";
  const report r = analyze(field);
  EXPECT_EQ(r.input.kind, input_kind::headers);
  expect_bounded(r, field.size());

  const report prose = analyze(value);  // no colon anywhere: not email
  EXPECT_EQ(prose.input.kind, input_kind::not_email);
  expect_bounded(prose, value.size());
}

TEST(Limits, TenThousandNestedComments) {
  const std::string nest = repeat("(", 10000) + "deep" + repeat(")", 10000);
  const auto ar =
      parse_auth_results("mx.example.net; spf=pass " + nest + " smtp.mailfrom=example.org");
  ASSERT_TRUE(ar.has_value());
  ASSERT_EQ(ar->results.size(), 1u);
  EXPECT_EQ(ar->results[0].get("smtp.mailfrom"), "example.org");

  const auto boxes = parse_mailboxes("Name " + nest + " <a@example.org>");
  ASSERT_EQ(boxes.size(), 1u);
  EXPECT_EQ(boxes[0].domain, "example.org");

  // Unbalanced: a comment that never closes swallows the rest, no more.
  const auto open = parse_auth_results("mx.example.net; spf=pass " + repeat("(", 10000));
  ASSERT_TRUE(open.has_value());
  EXPECT_EQ(open->results.size(), 1u);

  const std::string msg =
      "From: " + nest + " a@example.org\nAuthentication-Results: mx.example.net; " + "dmarc=fail " +
      nest + " header.from=example.org\nSubject: " + nest + "\n";
  expect_bounded(analyze(msg), msg.size());
}

TEST(Limits, HundredThousandReceivedHops) {
  std::string in = "From: a@example.org\n";
  for (int i = 0; i < 100000; ++i) {
    in += "Received: from relay" + std::to_string(i) + ".example.net ([192.0.2.1]) by relay" +
          std::to_string(i + 1) + ".example.net with ESMTP id " + std::to_string(i) +
          "; Fri, 27 Nov 2026 16:00:00 +0000\n";
  }
  const report r = analyze(in);
  EXPECT_EQ(r.input.kind, input_kind::headers);
  expect_bounded(r, in.size());
}

TEST(Limits, DeeplyNestedMime) {
  // 10,000 multipart levels, each opening the next: a recursive MIME walker
  // would overflow the stack here (ASan reports it in the asan preset).
  std::string in =
      "From: MAILER-DAEMON@example.net\nSubject: Undelivered Mail Returned to Sender\n"
      "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n";
  constexpr int kDepth = 10000;
  for (int i = 0; i < kDepth; ++i) {
    in += "--b" + std::to_string(i) + "\nContent-Type: multipart/mixed; boundary=\"b" +
          std::to_string(i + 1) + "\"\n\n";
  }
  in += "--b" + std::to_string(kDepth) +
        "\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; x@example.org\n"
        "Action: failed\nStatus: 5.1.1\n\n";
  for (int i = kDepth; i >= 0; --i) in += "--b" + std::to_string(i) + "--\n";
  const report r = analyze(in);
  EXPECT_NE(r.input.kind, input_kind::empty);
  expect_bounded(r, in.size());
}

TEST(Limits, AMillionSemicolons) {
  const std::string semis(1000000, ';');
  const auto ar = parse_auth_results("mx.example.net" + semis);
  EXPECT_FALSE(ar.has_value());  // a server name and no results
  EXPECT_TRUE(parse_mailboxes(semis).empty());

  const std::string in =
      "From: a@example.org" + semis + "\nAuthentication-Results: mx.example.net" + semis +
      "\nDKIM-Signature: v=1" + semis + "\nReceived: from a" + semis + "\nTo:" + semis + "\n";
  expect_bounded(analyze(in), in.size());
}

TEST(Limits, ManyUnreadableAuthenticationResultsGiveBoundedWarnings) {
  const std::string in = "From: a@example.org\n" + repeat("Authentication-Results: =\n", 100000);
  const report r = analyze(in);
  expect_bounded(r, in.size());
}

TEST(Limits, MillionsOfBlankLinesAndFolds) {
  const std::string blanks =
      "From: a@example.org\n" + repeat("\n", 1000000) + "To: b@example.org\n";
  expect_bounded(analyze(blanks), blanks.size());
  const std::string folds = "Subject: start" + repeat("\n x", 1000000) + "\nFrom: a@example.org\n";
  const report r = analyze(folds);
  EXPECT_EQ(r.input.kind, input_kind::headers);
  expect_bounded(r, folds.size());
  const std::string crs = "From: a@example.org" + repeat("\r", 1000000);
  expect_bounded(analyze(crs), crs.size());
}

TEST(Limits, ABounceWithThousandsOfRecipientsAndALongText) {
  // An RFC 3464 report with 3,000 recipients, none with a diagnostic that
  // names a reason, and a 1 MB readable part, which each recipient's
  // classification consults: it is read once for all of them (read per
  // recipient, this input took 4 s natively; a fuzzer found 38 recipients in
  // 56 KB taking 10 s under ASan). Counts and sizes only, as above.
  std::string human = "This is the mail system at host mx.example.org.\n\n";
  human +=
      repeat("The quarterly figures are attached; please check the totals before Monday.\n", 14000);
  std::string dsn = "Reporting-MTA: dns; mx.example.org\n";
  for (int i = 0; i < 3000; ++i) {
    dsn += "\nFinal-Recipient: rfc822; user" + std::to_string(i) +
           "@example.net\nAction: failed\nStatus: 5.0.0\n";
  }
  const std::string text =
      "From: MAILER-DAEMON@mx.example.org\nTo: a@example.org\nSubject: Undelivered Mail\n"
      "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; "
      "boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\n" +
      human + "\n--b\nContent-Type: message/delivery-status\n\n" + dsn + "\n--b--\n";
  const report r = analyze(text);
  EXPECT_EQ(r.input.kind, input_kind::bounce);
  ASSERT_TRUE(r.bounce.has_value());
  EXPECT_EQ(r.bounce->recipients.size(), 3000u);
  expect_bounded(r, text.size());
}
