/**
 * @file receiver.cpp
 * @brief The receiving organization's block (see internal/receiver.h).
 *
 * Reads only the `from` and `by` names of each Received field (RFC 5321
 * §4.4 Stamp): enough to find the entry hop.
 */
#include "mailverdict/internal/receiver.h"

#include "mailverdict/domain.h"
#include "mailverdict/internal/text.h"

namespace mailverdict::internal {

namespace {

struct stamp {
  std::string from, by;
  std::size_t index = 0;
};

// The word after the first `keyword` outside comments, before the ';'
// that starts the date.
stamp read_stamp(const header_field& f) {
  stamp st;
  st.index = f.index;
  std::string flat;  // comments removed (nesting counted)
  int depth = 0;
  for (char c : f.value) {
    if (c == '(')
      ++depth;
    else if (c == ')' && depth > 0)
      --depth;
    else if (depth == 0) {
      if (c == ';') break;
      flat += is_space(c) ? ' ' : c;
    }
  }
  std::string prev;
  std::size_t i = 0;
  while (i < flat.size()) {
    while (i < flat.size() && flat[i] == ' ') ++i;
    const std::size_t b = i;
    while (i < flat.size() && flat[i] != ' ') ++i;
    const std::string word = flat.substr(b, i - b);
    if (word.empty()) break;
    if (iequals(prev, "from") && st.from.empty()) st.from = word;
    if (iequals(prev, "by") && st.by.empty()) st.by = word;
    prev = word;
  }
  return st;
}

// Providers whose servers use several registered domains. A stopgap until
// the route (issue 3, route.h) names organizations from its own table.
std::string_view provider_of(std::string_view org) {
  static constexpr std::string_view kMicrosoft[] = {"outlook.com",      "office365.com",
                                                    "exchangelabs.com", "microsoft.com",
                                                    "hotmail.com",      "outlook.cn"};
  static constexpr std::string_view kGoogle[] = {"google.com", "gmail.com", "googlemail.com",
                                                 "1e100.net"};
  static constexpr std::string_view kYahoo[] = {"yahoo.com", "yahoo.net", "yahoodns.net",
                                                "aol.com"};
  static constexpr std::string_view kApple[] = {"icloud.com", "me.com", "apple.com"};
  for (auto d : kMicrosoft)
    if (org == d) return "outlook.com";
  for (auto d : kGoogle)
    if (org == d) return "google.com";
  for (auto d : kYahoo)
    if (org == d) return "yahoo.com";
  for (auto d : kApple)
    if (org == d) return "icloud.com";
  return org;
}

std::string org_of(const std::string& host) {
  const std::string d = normalize_domain(host);
  if (d.empty() || d.find('.') == std::string::npos) return {};
  // An IP address literal has no organization.
  bool digits = true;
  for (char c : d) digits = digits && (is_digit(c) || c == '.');
  return digits ? std::string() : std::string(provider_of(organizational_domain(d)));
}

}  // namespace

receiver_view find_receiver(const header_block& block) {
  receiver_view rv;
  rv.region_end = block.fields.size();
  std::vector<stamp> hops;  // top to bottom
  for (const header_field* f : block.all("Received")) hops.push_back(read_stamp(*f));
  if (hops.empty()) return rv;
  rv.has_received = true;
  // The receiving organization: that of the topmost `by` with a name.
  // The entry hop: the lowest of the topmost run of hops it runs. A hop
  // whose `by` has no name (an IP address) stays in the run when the hop
  // above came from that very address (Yahoo's internal relays), or when
  // no named hop has been seen yet (Gmail's topmost "by 2002:...").
  std::size_t entry = 0;
  for (std::size_t i = 0; i < hops.size(); ++i) {
    const std::string org = org_of(hops[i].by);
    if (org.empty()) {
      const bool chained = i > 0 && !hops[i].by.empty() && iequals(hops[i - 1].from, hops[i].by);
      if (rv.organization.empty() || chained) {
        entry = i;
        continue;
      }
      break;
    }
    if (rv.organization.empty()) rv.organization = org;
    if (org != rv.organization) break;
    entry = i;
  }
  rv.first_received = hops.front().index;
  rv.entry_host = hops[entry].by;
  if (entry + 1 < hops.size()) rv.region_end = hops[entry + 1].index;
  auto add = [&](const std::string& h) {
    const std::string d = normalize_domain(h);
    if (!d.empty() && d.find('.') != std::string::npos) rv.sender_hosts.push_back(d);
  };
  add(hops[entry].from);
  for (std::size_t i = entry + 1; i < hops.size(); ++i) {
    add(hops[i].from);
    add(hops[i].by);
  }
  return rv;
}

bool belongs_to_receiver(const receiver_view& rv, std::string_view authserv_id) {
  const std::string id = normalize_domain(authserv_id);
  if (authserv_id.empty() || id.find('.') == std::string::npos) return true;
  if (rv.organization.empty()) return true;
  return org_of(id) == rv.organization;
}

}  // namespace mailverdict::internal
