/**
 * @file internal/receiver.h
 * @brief Where the final receiving organization's block of header fields
 * ends: the hop where the message entered it, read from the Received
 * fields (RFC 5321 §4.4: each server adds its field at the top).
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/message.h"

namespace mailverdict::internal {

struct receiver_view {
  bool has_received = false;  ///< The block holds at least one Received field.
  std::string organization;   ///< Who runs the receiving servers ("" unknown).
  std::string entry_host;     ///< The `by` host of the entry hop.
  /// Index of the topmost Received field: fields above it were added after
  /// the last hop, by the final receiver itself.
  std::size_t first_received = 0;
  /// Fields with an index below this belong to the receiver's own block
  /// (everything above the next Received below the entry hop).
  std::size_t region_end = 0;
  /// Host names on the sending side: the entry hop's `from`, and the
  /// `from` and `by` of every hop below it.
  std::vector<std::string> sender_hosts;
};

/// Finds the receiver's block in `block`.
receiver_view find_receiver(const header_block& block);

/// True when `authserv_id` names a server of the receiving organization
/// (or is empty, as Microsoft writes it, or a bare name without a dot).
bool belongs_to_receiver(const receiver_view& rv, std::string_view authserv_id);

}  // namespace mailverdict::internal
