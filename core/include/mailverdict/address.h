/**
 * @file address.h
 * @brief Mailboxes in address fields (RFC 5322 §3.4).
 *
 * Handles name-addr and addr-spec forms, quoted display names, comments
 * (RFC 5322 §3.2.2), groups (§3.4) and several addresses in one field.
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mailverdict {

/// One mailbox: `Display Name <local@domain>`.
struct mailbox {
  std::string display_name;  ///< Unquoted display name ("" when absent).
  std::string local_part;
  std::string domain;        ///< Lowercased; "" when the address had none.
  std::string address() const { return domain.empty() ? local_part : local_part + "@" + domain; }
};

/// Parses an address-list or mailbox-list field value. Never fails: what
/// cannot be read is skipped. Linear in the input.
std::vector<mailbox> parse_mailboxes(std::string_view value);

}  // namespace mailverdict
