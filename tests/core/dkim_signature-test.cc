// Tests for dkim_signature.h (RFC 6376 §3.5).
#include "mailverdict/dkim_signature.h"

#include <gtest/gtest.h>

using namespace mailverdict;

TEST(DkimSignature, ReadsEveryTag) {
  const auto s = parse_dkim_signature(
      "v=1; a=rsa-sha256; c=relaxed/simple; d=Example.COM; s=s1;\n\t t=1700000000; x=1700600000; "
      "l=120; q=dns/txt; i=news@mail.example.com;\n\t h=From:To:Subject :Date; "
      "bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\n\t"
      " b=AuUoFEfDxTDkHlLXSZEpZj79LICEps6eda7W3deTVFOk4yAUoqOB\n\t "
      "4nujc7YopdG5dWLSdNg6xNAZpOPr+kHxt1IrE+NahM6L/LbvaHut");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->domain, "example.com");
  EXPECT_EQ(s->selector, "s1");
  EXPECT_EQ(s->algorithm, "rsa-sha256");
  EXPECT_EQ(s->header_canon, "relaxed");
  EXPECT_EQ(s->body_canon, "simple");
  EXPECT_EQ(s->identity, "news@mail.example.com");
  EXPECT_EQ(*s->body_length, 120);
  EXPECT_EQ(*s->timestamp, 1700000000);
  EXPECT_EQ(*s->expiration, 1700600000);
  ASSERT_EQ(s->signed_headers.size(), 4u);
  EXPECT_EQ(s->signed_headers[2], "subject");
  EXPECT_TRUE(s->has_signature);
  EXPECT_TRUE(s->has_body_hash);
  EXPECT_TRUE(s->problems.empty());
}

TEST(DkimSignature, FlagsWhatAVerifierRejects) {
  const auto s = parse_dkim_signature(
      "v=1; a=rsa-sha1; d=example.com; s=s1; i=@other.example; t=200; x=100; h=to:subject; bh=abc; "
      "b=");
  ASSERT_TRUE(s) << s.error().message;
  std::vector<std::string> codes;
  for (const auto& p : s->problems) codes.push_back(p.code);
  EXPECT_EQ(codes,
            (std::vector<std::string>{"dkim_identity_outside_domain", "dkim_from_not_signed",
                                      "dkim_expires_before_signed", "dkim_sha1", "dkim_empty_b"}));
}

TEST(DkimSignature, RejectsMissingAndDuplicateTags) {
  EXPECT_FALSE(
      parse_dkim_signature("v=1; a=rsa-sha256; d=example.com; h=from; bh=x; b=y"));  // no s=
  EXPECT_FALSE(
      parse_dkim_signature("v=1; a=rsa-sha256; d=a.example; d=b.example; s=x; h=from; bh=x; b=y"));
  EXPECT_FALSE(parse_dkim_signature("not a signature"));
  EXPECT_FALSE(parse_dkim_signature(""));
}
