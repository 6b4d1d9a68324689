/**
 * @file route.h
 * @brief The route a message took: its Received fields read bottom to top
 * (RFC 5321 §4.4: each server adds its field at the top), with per-hop
 * delays, TLS, and the hop where the message entered the final receiving
 * organization.
 *
 * Delays are never clamped: a negative delay means two servers' clocks
 * disagree, and the hop carries a `clock_skew` warning saying so.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/errors.h"
#include "mailverdict/message.h"
#include "mailverdict/received.h"

namespace mailverdict {

/// Routes longer than this keep only the hops nearest to final delivery
/// (those decide whose Authentication-Results count), with a warning.
inline constexpr std::size_t kMaxHops = 1000;

/// One hop: a parsed Received field and where it sits in the route.
/// The inherited fields are the parse (from, helo, rdns, ip, by, with, tls,
/// tls_version, tls_cipher, id, for_address, envelope_from, date, ...).
struct hop : received {
  std::size_t field_index = 0;          ///< Index of the Received field in the header block.
  std::optional<std::int64_t> time;     ///< UTC epoch seconds of the timestamp.
  std::optional<std::int64_t> time_ms;  ///< The same in milliseconds.
  /// Seconds since the previous known time (the previous hop's, or Date:
  /// for the first hop); negative when the clocks disagree.
  std::optional<std::int64_t> delay;
  std::optional<std::int64_t> delay_ms;  ///< The same in milliseconds.
  std::string organization;  ///< Who runs the `by` server ("google", "example.com"), "" unknown.
  bool receiving = false;    ///< The `by` server belongs to the final receiving organization.
};

/// The route, in travel order.
struct route {
  std::vector<hop> hops;  ///< Travel order: first hop = origin, last = final delivery.
  /// Index into `hops` of the hop where the message entered the final
  /// receiving organization (its `by` is the receiver's first server);
  /// nullopt when there are no hops.
  std::optional<std::size_t> boundary;
  std::string receiving_organization;       ///< See hop::organization; "" when unknown.
  std::optional<std::int64_t> origin_time;  ///< The Date: field, UTC epoch seconds.
  std::optional<std::int64_t> origin_time_ms;
  std::size_t date_field_index = 0;  ///< Index of the Date: field when origin_time is set.
  /// Seconds from the first known time (Date:, else the first hop's) to the
  /// last hop's; nullopt with fewer than two known times.
  std::optional<std::int64_t> total_delay;
  std::optional<std::int64_t> total_delay_ms;
  std::size_t skipped_hops = 0;  ///< Received fields left out beyond kMaxHops.
  std::vector<warning> warnings;
};

/// Builds the route from every Received field of `block` (X-Received and
/// other look-alikes are not hops). Linear in the number of fields.
route build_route(const header_block& block);

/// Who runs `host`: a provider name from core/data/mail_organizations.tsv
/// ("google" for mx.google.com and gmail.com alike), else the host's
/// organizational domain (Public Suffix List); "" for an IP address, a name
/// without a dot, or nothing.
std::string organization_of(std::string_view host);

/// True when both names belong to the same (non-empty) organization.
bool same_organization(std::string_view host_a, std::string_view host_b);

/// "3 seconds", "1 minute 31 seconds", "2 hours 5 minutes", "-4 seconds"
/// (the sign kept: a negative delay is clock skew, never hidden).
std::string describe_delay(std::int64_t seconds);

}  // namespace mailverdict
