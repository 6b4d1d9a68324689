/**
 * @file analyze-test.cc
 * @brief What analyze() decides about the input as a whole: which text is
 * email at all. (Whole reports are checked by the fixtures.)
 */
#include "mailverdict/analyze.h"

#include <gtest/gtest.h>

#include <string>

namespace mv = mailverdict;

namespace {

TEST(Analyze, LinesThatOnlyLookLikeFieldsAreNotEmail) {
  // "Name: value" lines whose names email never uses.
  for (const std::string text : {
           "<html><head><title>Hi</title></head><body><p>Hello: world</p></body></html>\n",
           "{\"from\": \"a@example.com\", \"subject\": \"hi\"}\n",
           "Hi John,\n\nPlease see below.\n\nRegards: Ann\n",
           "name: SPF tests\nrecords: 3\n",
       }) {
    const mv::report r = mv::analyze(text);
    EXPECT_EQ(r.input.kind, mv::input_kind::not_email) << text;
    EXPECT_EQ(r.verdict.headline, "No email header fields were found in this text.") << text;
    // Names that are not words are not quoted back ("<html><head>...").
    EXPECT_EQ(r.verdict.summary.find('<'), std::string::npos) << text;
    EXPECT_EQ(r.verdict.summary.find('{'), std::string::npos) << text;
  }
  EXPECT_NE(mv::analyze("name: SPF tests\n").verdict.summary.find("(name)"), std::string::npos);
}

TEST(Analyze, OneFieldEmailUsesIsAHeaderBlock) {
  // One registered field, or one X- field (RFC 822 §4.7.5), is enough.
  for (const std::string text : {"Subject: Re: meeting\n",
                                 "Received: from a.example.net by b.example.com; Fri, 27 Nov "
                                 "2026 08:12:01 +0000\n",
                                 "X-Custom-Tag: blue\n", "Note: call me\nX-Spam-Flag: YES\n"}) {
    EXPECT_EQ(mv::analyze(text).input.kind, mv::input_kind::headers) << text;
  }
}

}  // namespace
