// Tests for internal/word_scan.h and the scanners built on it: a byte that
// matters is found at every position of an eight-byte word, never missed.
#include "mailverdict/internal/word_scan.h"

#include <gtest/gtest.h>

#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

#include "mailverdict/analyze.h"
#include "mailverdict/internal/lines.h"
#include "mailverdict/internal/text.h"
#include "mailverdict/report.h"

using namespace mailverdict::internal;

TEST(WordScan, FindsTheByteAtEveryPosition) {
  for (int pos = 0; pos < 8; ++pos) {
    std::string s(8, 'a');
    s[static_cast<std::size_t>(pos)] = '"';
    EXPECT_NE(bytes_equal(load8(s.data()), '"'), 0u) << pos;
    EXPECT_EQ(bytes_below(load8(s.data()), 0x20), 0u) << pos;
    s[static_cast<std::size_t>(pos)] = '\x1f';
    EXPECT_NE(bytes_below(load8(s.data()), 0x20), 0u) << pos;
    EXPECT_EQ(bytes_equal(load8(s.data()), '"'), 0u) << pos;
  }
  // Bytes above 0x7f are neither below 0x20 nor equal to an ASCII byte.
  const std::string high(8, '\xe9');
  EXPECT_EQ(bytes_below(load8(high.data()), 0x20), 0u);
  EXPECT_EQ(bytes_equal(load8(high.data()), '\n'), 0u);
}

TEST(WordScan, SplitLinesSeesEveryLineEndWhereverItFalls) {
  for (std::size_t pos = 0; pos < 20; ++pos) {
    for (const char* end : {"\n", "\r", "\r\n"}) {
      const std::string text = std::string(pos, 'x') + end + "tail";
      const auto lines = split_lines(text);
      ASSERT_EQ(lines.size(), 2u) << pos;
      EXPECT_EQ(lines[0].text.size(), pos);
      EXPECT_EQ(lines[1].text, "tail");
      EXPECT_EQ(lines[1].number, 2u);
    }
  }
}

TEST(WordScan, JsonEscapesWhereverTheByteFalls) {
  // A quote, a backslash and a control byte at every offset of the word the
  // writer skips through: the JSON must read back as the header value.
  for (std::size_t pos = 0; pos < 20; ++pos) {
    const std::string value = std::string(pos, 'x') + "\"\\\x01" + std::string(9, 'y');
    const auto report = mailverdict::analyze("From: a@example.com\nSubject: " + value + "\n\n");
    const auto json = nlohmann::json::parse(mailverdict::to_json(report));
    std::string found;
    for (const auto& h : json["headers"]) {
      if (h["name"] == "Subject") found = h["value"].get<std::string>();
    }
    EXPECT_EQ(found, value) << pos;
  }
}

TEST(WordScan, LazyLinesAreTheLinesSplitLinesGives) {
  // Every mix of line ends, with and without a final one, and a reader that
  // asks out of order: the same views, offsets and numbers.
  for (const std::string& text :
       {std::string(), std::string("one"), std::string("a\nb\r\nc\rd"), std::string("a\n\n\nb\n"),
        std::string("\r\n\r\nx"), std::string(30, 'y') + "\r" + std::string(9, 'z') + "\r\n"}) {
    const auto all = split_lines(text);
    lazy_lines lazy(text);
    EXPECT_FALSE(lazy.has(all.size())) << text;
    for (std::size_t k = all.size(); k-- > 0;) {
      ASSERT_TRUE(lazy.has(k));
      EXPECT_EQ(lazy[k].text.data(), all[k].text.data());
      EXPECT_EQ(lazy[k].text.size(), all[k].text.size());
      EXPECT_EQ(lazy[k].offset, all[k].offset);
      EXPECT_EQ(lazy[k].number, all[k].number);
    }
  }
}

TEST(WordScan, BinaryInputIsFoundWhereverTheNulFalls) {
  for (std::size_t pos = 0; pos < 20; ++pos) {
    std::string text = "From: a@example.com\nSubject: " + std::string(pos, 'x') + "\n\n";
    text[29 + pos] = '\0';
    EXPECT_EQ(mailverdict::analyze(text).input.kind, mailverdict::input_kind::not_email) << pos;
  }
}

TEST(WordScan, Lower8ChangesOnlyCapitalsWhereverTheyFall) {
  // Every byte value at every position of the word, among neighbours that
  // are capitals themselves (a carry between bytes would show).
  for (int v = 0; v < 256; ++v) {
    for (std::size_t pos = 0; pos < 8; ++pos) {
      std::string s(8, 'Z');
      s[pos] = static_cast<char>(v);
      const std::uint64_t w = lower8(load8(s.data()));
      char got[8];
      std::memcpy(got, &w, 8);
      for (std::size_t k = 0; k < 8; ++k) {
        EXPECT_EQ(got[k], to_lower(s[k])) << v << " at " << pos << ", byte " << k;
      }
    }
  }
  EXPECT_EQ(lower("MAIL From: <Bob@EXAMPLE.org> \xC3\x89T\xC3\x89"),
            "mail from: <bob@example.org> \xC3\x89t\xC3\x89");
}

TEST(WordScan, TruncatedFoldedTextFindsOnlyInItsPrefix) {
  const std::string text = "Delivery failed.\n--- Original message ---\nSubject: User unknown";
  folded_text f(text);
  ASSERT_NE(f.find("user unknown"), std::string_view::npos);
  const std::size_t cut = f.find("--- original");
  f.truncate(cut);
  EXPECT_EQ(f.find("user unknown"), std::string_view::npos);
  EXPECT_EQ(f.find("DELIVERY"), 0u);
  EXPECT_EQ(f.original(), "Delivery failed.\n");
}
