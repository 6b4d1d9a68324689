// Tests for sending_services.h and core/data/sending_services.tsv.
#include "mailverdict/sending_services.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "mailverdict/data/sending_services.h"

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

TEST(SendingServices, EveryListedDomainFindsItsRow) {
  // Each domain of each of the four lists, and a name under it, finds its
  // own row through that list.
  for (const auto& row : data::sending_services()) {
    const std::pair<std::string_view, std::vector<std::string> sender_identifiers::*> lists[] = {
        {row.dkim_domains, &sender_identifiers::dkim_domains},
        {row.mailfrom_domains, &sender_identifiers::mailfrom_domains},
        {row.received_hosts, &sender_identifiers::received_hosts},
        {row.spf_includes, &sender_identifiers::spf_includes}};
    for (const auto& [list, member] : lists) {
      std::string_view rest = list;
      while (!rest.empty()) {
        const std::string_view one = rest.substr(0, rest.find(' '));
        rest.remove_prefix(std::min(rest.size(), one.size() + 1));
        if (one.empty() || one == "-") continue;
        for (const std::string& name : {std::string(one), "x1." + std::string(one)}) {
          sender_identifiers ids;
          (ids.*member).push_back(name);
          const auto m = recognize_services(ids);
          const bool found = std::any_of(
              m.begin(), m.end(), [&](const auto& s) { return s.service.id == row.service; });
          EXPECT_TRUE(found) << row.service << " by " << name;
        }
      }
    }
  }
}
