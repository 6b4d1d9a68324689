/**
 * @file spf_record.h
 * @brief An SPF record as the user pastes it (RFC 7208 §4.6, §5, §6).
 *
 * Without DNS the included records cannot be read, so the number of DNS
 * lookups is a lower bound: the terms of this record that cost a lookup
 * (RFC 7208 §4.6.4: include, a, mx, ptr, exists, redirect), plus what the
 * known sending services' includes are documented to cost.
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/errors.h"

namespace mailverdict {

/// One directive or modifier (RFC 7208 §4.6.1).
struct spf_term {
  char qualifier = '+';  ///< '+', '-', '~' or '?' (directives only).
  std::string
      name;  ///< "all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists", or a modifier name.
  std::string value;      ///< After ':' (mechanisms) or '=' (modifiers), lowercase for domains.
  bool modifier = false;  ///< name=value form (redirect=, exp=, ...).
};

/// RFC 7208 §4.6.4: no more than 10 terms that cause DNS lookups.
inline constexpr int kSpfLookupLimit = 10;

struct spf_record {
  std::string text;  ///< The record as read (v=spf1 ...).
  std::vector<spf_term> terms;
  std::vector<std::string> includes;  ///< include: targets, lowercase.
  std::string redirect;               ///< redirect= target, lowercase.
  std::string all;                    ///< Qualifier of "all" ("-", "~", "?", "+"), "" when absent.
  int own_lookups = 0;                ///< Terms of this record that cost a DNS lookup.
  int lookups = 0;                    ///< Lower bound including known includes' own lookups.
  /// Problems that make receivers return permerror (RFC 7208 §4.6, §4.6.4).
  std::vector<std::string> errors;
  /// Weaknesses that are not errors (+all, ptr, ?all, terms after all).
  std::vector<std::string> warnings;

  /// True when an include: or redirect= names `domain` or a domain under
  /// the same organizational domain (the service's own SPF record).
  bool mentions(std::string_view domain) const;
};

/// Parses a pasted SPF record. Fails only when no "v=spf1" is present;
/// everything else wrong is listed in `errors` / `warnings`.
result<spf_record> parse_spf_record(std::string_view text);

}  // namespace mailverdict
