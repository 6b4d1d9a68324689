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
