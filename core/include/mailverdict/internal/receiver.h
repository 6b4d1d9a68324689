/**
 * @file internal/receiver.h
 * @brief Where the final receiving organization's block of header fields
 * ends, read from the route's boundary hop (route.h; RFC 5321 §4.4: each
 * server adds its fields at the top).
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/message.h"
#include "mailverdict/route.h"

namespace mailverdict::internal {

struct receiver_view {
  bool has_received = false;  ///< The route has at least one hop.
  std::string organization;   ///< Who runs the receiving servers (organization_of; "" unknown).
  std::string entry_host;     ///< The `by` host of the boundary hop.
  /// Index of the topmost Received field: fields above it were added after
  /// the last hop, by the final receiver itself.
  std::size_t first_received = 0;
  /// Fields with an index below this belong to the receiver's own block
  /// (everything above the Received field of the hop before the boundary).
  std::size_t region_end = 0;
  /// Host names on the sending side: the boundary hop's client, and the
  /// client and server of every hop before it.
  std::vector<std::string> sender_hosts;
};

/// The receiver's block of `block`, whose route is `r`.
receiver_view find_receiver(const header_block& block, const route& r);

/// True when `authserv_id` names a server of the receiving organization
/// (or is empty, as Microsoft writes it, or a bare name without a dot).
bool belongs_to_receiver(const receiver_view& rv, std::string_view authserv_id);

}  // namespace mailverdict::internal
