// Tests for received_spf.h (RFC 7208 §9.1).
#include "mailverdict/received_spf.h"

#include <gtest/gtest.h>

using namespace mailverdict;

TEST(ReceivedSpf, RfcExampleWithKeys) {
  // RFC 7208 §9.1 example form.
  const auto r = parse_received_spf(
      "pass (mybox.example.org: domain of myname@example.com designates 192.0.2.1 as permitted "
      "sender) "
      "receiver=mybox.example.org; client-ip=192.0.2.1; envelope-from=\"myname@example.com\"; "
      "helo=foo.example.com;");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->result, "pass");
  EXPECT_EQ(r->client_ip, "192.0.2.1");
  EXPECT_EQ(r->envelope_from, "myname@example.com");
  EXPECT_EQ(r->helo, "foo.example.com");
  EXPECT_EQ(r->receiver, "mybox.example.org");
  EXPECT_FALSE(r->is_helo());
  EXPECT_EQ(r->checked_domain(), "example.com");
}

TEST(ReceivedSpf, GmailCommentOnlyAndHeloIdentity) {
  const auto g = parse_received_spf(
      "softfail (google.com: domain of transitioning bounce@news.example.net does not designate "
      "203.0.113.9 "
      "as permitted sender) client-ip=203.0.113.9;");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->result, "softfail");
  EXPECT_EQ(g->checked_domain(), "news.example.net");

  const auto h = parse_received_spf(
      "Pass (mx.example.org: domain of mail.example.com designates 192.0.2.7 as "
      "permitted sender) identity=helo; client-ip=192.0.2.7; helo=mail.example.com;");
  ASSERT_TRUE(h);
  EXPECT_TRUE(h->is_helo());
  EXPECT_EQ(h->checked_domain(), "mail.example.com");
}

TEST(ReceivedSpf, OldWordsAndRejection) {
  EXPECT_EQ(parse_received_spf("unknown (bad record)")->result, "permerror");
  EXPECT_EQ(parse_received_spf("error (dns timeout)")->result, "temperror");
  EXPECT_FALSE(parse_received_spf("designates 1.2.3.4"));
  EXPECT_FALSE(parse_received_spf(""));
}
