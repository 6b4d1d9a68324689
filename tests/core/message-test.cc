// Tests for message.h: header block parsing and unfolding.
#include "mailverdict/message.h"

#include <gtest/gtest.h>

#include <string>

using namespace mailverdict;

TEST(Message, UnfoldsAndKeepsOrderAndDuplicates) {
  const auto b = parse_header_block(
      "Received: from a\r\n by b; Mon, 1 Jan 2024 00:00:00 +0000\r\n"
      "Received: from c\r\n\tby d\r\n"
      "Subject: hello\r\n  world\r\n"
      "\r\n"
      "body text\r\n");
  ASSERT_EQ(b.fields.size(), 3u);
  EXPECT_EQ(b.fields[0].name, "Received");
  EXPECT_EQ(b.fields[0].value, "from a by b; Mon, 1 Jan 2024 00:00:00 +0000");
  EXPECT_EQ(b.fields[1].value, "from c\tby d");
  EXPECT_EQ(b.fields[2].value, "hello  world");
  EXPECT_EQ(b.fields[2].index, 2u);
  EXPECT_EQ(b.fields[2].line, 5u);
  EXPECT_EQ(b.all("received").size(), 2u);
  EXPECT_TRUE(b.has_body);
}

TEST(Message, LoneCrAndLfLineEnds) {
  const auto cr = parse_header_block("From: a@b.example\rTo: c@d.example\r");
  const auto lf = parse_header_block("From: a@b.example\nTo: c@d.example\n");
  ASSERT_EQ(cr.fields.size(), 2u);
  ASSERT_EQ(lf.fields.size(), 2u);
  EXPECT_EQ(cr.fields[1].value, lf.fields[1].value);
}

TEST(Message, BlankLinesInsertedByCopyingAreSkipped) {
  const auto b = parse_header_block("From: a@b.example\n\nTo: c@d.example\n\nSubject: x\n");
  EXPECT_EQ(b.fields.size(), 3u);
  EXPECT_FALSE(b.has_body);
  ASSERT_FALSE(b.warnings.empty());
  EXPECT_EQ(b.warnings.back().code, "blank_line_in_headers");
}

TEST(Message, BodyAfterFirstEmptyLineIsNotHeaders) {
  const auto b = parse_header_block("From: a@b.example\n\nNote: this is the body\n");
  ASSERT_EQ(b.fields.size(), 1u);
  EXPECT_TRUE(b.has_body);
}

TEST(Message, IndentedBlockAndLeadingText) {
  const auto b = parse_header_block(
      "Here are the headers you asked for:\n"
      "    From: a@b.example\n"
      "    Subject: one\n"
      "      two\n");
  ASSERT_EQ(b.fields.size(), 2u);
  EXPECT_EQ(b.fields[1].value, "one  two");
  ASSERT_FALSE(b.warnings.empty());
  EXPECT_EQ(b.warnings.front().code, "leading_text_skipped");
}

TEST(Message, ObsoleteSpaceBeforeColonAndMalformedLines) {
  const auto b = parse_header_block("Subject : hi\nthis line is junk\nTo: x@y.example\n");
  ASSERT_EQ(b.fields.size(), 2u);
  EXPECT_EQ(b.fields[0].name, "Subject");
  EXPECT_EQ(b.fields[0].value, "hi");
  bool warned = false;
  for (const auto& w : b.warnings) warned = warned || w.code == "malformed_line";
  EXPECT_TRUE(warned);
}

TEST(Message, HugeSingleLineIsLinear) {
  std::string s = "Subject: ";
  s.append(5u * 1024u * 1024u, 'x');
  const auto b = parse_header_block(s);
  ASSERT_EQ(b.fields.size(), 1u);
  EXPECT_EQ(b.fields[0].value.size(), 5u * 1024u * 1024u);
}

TEST(Message, NotHeadersAtAll) {
  EXPECT_TRUE(parse_header_block("just some words\nand more words\n").fields.empty());
  EXPECT_TRUE(parse_header_block("").fields.empty());
}

TEST(Message, QuotedBlock) {
  const auto b = parse_header_block(
      "On Tuesday Bob wrote:\n"
      "> Received: from a.example (a.example [192.0.2.1])\n"
      ">\tby b.example; Tue, 2 Jan 2024 10:00:00 +0000\n"
      "> From: a@a.example\n"
      "> > a deeper quote is not a field\n"
      ">\n"
      "thanks\n");
  EXPECT_EQ(b.format, paste_format::quoted);
  EXPECT_EQ(b.quote_depth, 1u);
  ASSERT_EQ(b.fields.size(), 2u);
  EXPECT_EQ(b.fields[0].value,
            "from a.example (a.example [192.0.2.1])\tby b.example; Tue, 2 Jan 2024 10:00:00 +0000");
  EXPECT_EQ(b.fields[1].value, "a@a.example");
  EXPECT_FALSE(b.has_body);  // the note after the quote is not the message's body
}

TEST(Message, DoubleQuotedBlock) {
  const auto b = parse_header_block(">> From: a@a.example\n> > To: b@b.example\n>>  continued\n");
  EXPECT_EQ(b.quote_depth, 2u);
  ASSERT_EQ(b.fields.size(), 2u);
  EXPECT_EQ(b.fields[1].value, "b@b.example continued");
}

TEST(Message, GmailShowOriginalSummary) {
  const auto b = parse_header_block(
      "Original message\n"
      "Message ID\t<abc@mail.example>\n"
      "Created at:\tMon, Jan 1, 2024 at 10:00 AM (Delivered after 3 seconds)\n"
      "From:\tAlice <alice@example.com>\n"
      "To:\tbob@example.org\n"
      "Subject:\thello\n"
      "SPF:\tPASS with IP 192.0.2.1 Learn more\n"
      "DKIM:\t'PASS' with domain example.com Learn more\n"
      "DMARC:\t'PASS' Learn more\n"
      "Download original\tCopy to clipboard\n"
      "Delivered-To: bob@example.org\n"
      "Received: by 2002:a05::1 with SMTP id x; Mon, 1 Jan 2024 02:00:03 -0800 (PST)\n"
      "From: Alice <alice@example.com>\n");
  EXPECT_EQ(b.format, paste_format::gmail_show_original);
  ASSERT_EQ(b.fields.size(), 3u);
  EXPECT_EQ(b.fields[0].name, "Delivered-To");
  ASSERT_EQ(b.summary.size(), 8u);
  EXPECT_EQ(b.summary[0].name, "Message ID");
  EXPECT_EQ(b.summary[5].name, "SPF");
  EXPECT_EQ(b.summary[5].value, "PASS with IP 192.0.2.1");
  EXPECT_EQ(b.summary[7].value, "'PASS'");
}

TEST(Message, GmailSummaryWithCellsOnTheirOwnLines) {
  const auto b = parse_header_block(
      "Original message\nMessage ID\n<abc@mail.example>\nSPF:\nPASS with IP 192.0.2.1\n"
      "DMARC:\n'FAIL'\nDownload original\nReceived: by x.example; Mon, 1 Jan 2024 02:00:03 "
      "-0800\n");
  EXPECT_EQ(b.format, paste_format::gmail_show_original);
  ASSERT_EQ(b.summary.size(), 3u);
  EXPECT_EQ(b.summary[2].value, "'FAIL'");
  ASSERT_EQ(b.fields.size(), 1u);
}

TEST(Message, OutlookBoxLabel) {
  const auto b = parse_header_block(
      "Internet headers\r\nReceived: by x.example; Mon, 1 Jan 2024 02:00:03 -0800\r\n");
  EXPECT_EQ(b.format, paste_format::outlook_box);
  ASSERT_EQ(b.fields.size(), 1u);
}

TEST(Message, EightBitBytesKeptAndReported) {
  const auto b = parse_header_block("Subject: caf\xE9\nFrom: a@b.example\nX-Ok: caf\xC3\xA9\n");
  ASSERT_EQ(b.fields.size(), 3u);
  EXPECT_EQ(b.fields[0].value, "caf\xE9");  // preserved as written
  EXPECT_FALSE(b.fields[0].valid_utf8);
  EXPECT_TRUE(b.fields[2].valid_utf8);
  bool warned = false;
  for (const auto& w : b.warnings) warned = warned || w.code == "non_utf8_field";
  EXPECT_TRUE(warned);
}

TEST(Message, HundredThousandHeaderLinesAreBounded) {
  std::string s;
  for (int i = 0; i < 100000; ++i) s += "X-Line-" + std::to_string(i) + ": value\n";
  const auto b = parse_header_block(s);
  EXPECT_EQ(b.fields.size(), kMaxFields);
  EXPECT_EQ(b.dropped_fields, 100000u - kMaxFields);
  bool warned = false;
  for (const auto& w : b.warnings) warned = warned || w.code == "too_many_fields";
  EXPECT_TRUE(warned);
}
