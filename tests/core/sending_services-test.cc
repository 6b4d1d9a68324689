// Tests for sending_services.h and core/data/sending_services.tsv.
#include "mailverdict/sending_services.h"

#include <gtest/gtest.h>

using namespace mailverdict;

TEST(SendingServices, TableHoldsAtLeastThirty) { EXPECT_GE(sending_service_count(), 30u); }

TEST(SendingServices, RecognizesByDkimAndMailFrom) {
  sender_identifiers ids;
  ids.dkim_domains = {"sendgrid.net"};
  ids.mailfrom_domains = {"bounces.sendgrid.net"};
  const auto m = recognize_services(ids);
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0].service.id, "sendgrid");
  EXPECT_EQ(m[0].score, 4);
  EXPECT_NE(m[0].service.dkim_setup.find("Sender Authentication"), std::string::npos);
}

TEST(SendingServices, ReceivedHostsAloneAndUnknown) {
  sender_identifiers ids;
  ids.received_hosts = {"a48-93.smtp-out.amazonses.com"};
  const auto m = recognize_services(ids);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].service.id, "amazonses");
  sender_identifiers none;
  none.dkim_domains = {"example.com"};
  none.mailfrom_domains = {"notsendgrid.net"};
  EXPECT_TRUE(recognize_services(none).empty());
}

TEST(SendingServices, DomainWithin) {
  EXPECT_TRUE(domain_within("Bounces.SendGrid.net", "sendgrid.net"));
  EXPECT_TRUE(domain_within("sendgrid.net", "sendgrid.net"));
  EXPECT_FALSE(domain_within("evilsendgrid.net", "sendgrid.net"));
  EXPECT_FALSE(domain_within("net", "sendgrid.net"));
}
