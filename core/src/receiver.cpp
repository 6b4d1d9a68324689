/**
 * @file receiver.cpp
 * @brief The receiving organization's block (see internal/receiver.h).
 *
 * The route (route.cpp) decides where the message entered the final
 * receiving organization; this file turns that hop into field indexes of
 * the header block (DESIGN.md, "Whose Authentication-Results count";
 * RFC 8601 §5: only results from inside the receiver's own block count).
 */
#include "mailverdict/internal/receiver.h"

#include "mailverdict/domain.h"

namespace mailverdict::internal {

receiver_view find_receiver(const header_block& block, const route& r) {
  receiver_view rv;
  rv.region_end = block.fields.size();
  if (r.hops.empty() || !r.boundary) return rv;
  rv.has_received = true;
  rv.organization = r.receiving_organization;
  // Hops are in travel order: the last one is the topmost field.
  rv.first_received = r.hops.back().field_index;
  const std::size_t entry = *r.boundary;
  rv.entry_host = r.hops[entry].by;
  if (entry > 0) rv.region_end = r.hops[entry - 1].field_index;
  auto add = [&](const std::string& host) {
    const std::string d = normalize_domain(host);
    if (!d.empty() && d.find('.') != std::string::npos) rv.sender_hosts.push_back(d);
  };
  add(r.hops[entry].rdns.empty() ? r.hops[entry].from : r.hops[entry].rdns);
  for (std::size_t i = 0; i < entry; ++i) {
    add(r.hops[i].from);
    if (!r.hops[i].rdns.empty()) add(r.hops[i].rdns);
    add(r.hops[i].by);
  }
  return rv;
}

bool belongs_to_receiver(const receiver_view& rv, std::string_view authserv_id) {
  const std::string id = normalize_domain(authserv_id);
  if (authserv_id.empty() || id.find('.') == std::string::npos) return true;
  if (rv.organization.empty()) return true;
  return organization_of(id) == rv.organization;
}

}  // namespace mailverdict::internal
