/**
 * @file address.h
 * @brief Mailboxes in address fields (RFC 5322 §3.4).
 *
 * Handles name-addr and addr-spec forms, quoted and RFC 2047-encoded display
 * names, comments (RFC 5322 §3.2.2), groups (§3.4), obsolete routes
 * (§4.4 obs-route), several addresses in one field, and internationalized
 * domains (kept in A-label form for comparison, shown in Unicode).
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/errors.h"

namespace mailverdict {

struct header_block;

/// One mailbox: `Display Name <local@domain>`.
struct mailbox {
  std::string display_name;  ///< Display name, unquoted, encoded words decoded ("" when absent).
  std::string local_part;
  std::string domain;  ///< Lowercased A-label form ("xn--..."); "" when the address had none.
  std::string domain_unicode;    ///< The domain for display (Unicode labels).
  std::string comment;           ///< Comments written around the mailbox, joined by a space.
  std::string group;             ///< The group the mailbox was listed in (RFC 5322 §3.4), or "".
  std::string display_name_raw;  ///< The display name as written (encoded words kept).
  std::string address() const { return domain.empty() ? local_part : local_part + "@" + domain; }
};

/// Parses an address-list or mailbox-list field value. Never fails: what
/// cannot be read is skipped. Linear in the input.
std::vector<mailbox> parse_mailboxes(std::string_view value);

/// The mailboxes and what was wrong with the field (no address, an address
/// without a domain, unbalanced brackets or quotes).
struct address_list {
  std::vector<mailbox> mailboxes;
  std::vector<std::string>
      groups;  ///< Group names, including empty groups ("undisclosed-recipients").
  std::vector<warning> warnings;
};

/// As parse_mailboxes(), with the problems found.
address_list parse_address_list(std::string_view value);

/// RFC 5322 §3.6.2 and RFC 7489 §6.6.1 checks of the originator fields:
/// From: missing, repeated, empty, unreadable, or holding several mailboxes
/// (then Sender: should name one).
std::vector<warning> check_originator(const header_block& block);

}  // namespace mailverdict
