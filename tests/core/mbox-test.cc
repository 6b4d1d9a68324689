// Tests for mbox.h: splitting an mbox file (RFC 4155).
#include "mailverdict/mbox.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace mailverdict;

namespace {

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> out;
  std::string m;
  for (std::size_t pos = 0; pos < text.size();) {
    pos = next_mbox_message(text, pos, m);
    out.push_back(m);
  }
  return out;
}

}  // namespace

TEST(Mbox, SplitsAndUnescapes) {
  const std::string box =
      "From alice@example.com Mon Jan  1 00:00:00 2024\n"
      "From: alice@example.com\n"
      "Subject: one\n"
      "\n"
      ">From the start, this line was escaped.\n"
      "\n"
      "From bob@example.org Mon Jan  1 00:01:00 2024\n"
      "From: bob@example.org\n"
      "Subject: two\n"
      "\n"
      "body two\n";
  EXPECT_TRUE(looks_like_mbox(box));
  const auto msgs = split(box);
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[0],
            "From: alice@example.com\nSubject: one\n\nFrom the start, this line was escaped.\n\n");
  EXPECT_EQ(msgs[1], "From: bob@example.org\nSubject: two\n\nbody two\n");
}

TEST(Mbox, NotAnMbox) {
  EXPECT_FALSE(looks_like_mbox("From: a@b.example\n"));
  EXPECT_FALSE(looks_like_mbox("From someone\nthis is prose\n"));
  EXPECT_FALSE(looks_like_mbox(""));
}

TEST(Mbox, CrlfAndManyMessagesAreLinear) {
  std::string box;
  for (int i = 0; i < 20000; ++i)
    box +=
        "From x@y Mon Jan  1 00:00:00 2024\r\nSubject: " + std::to_string(i) + "\r\n\r\nb\r\n\r\n";
  EXPECT_TRUE(looks_like_mbox(box));
  EXPECT_EQ(split(box).size(), 20000u);
}
