/**
 * @file auth_results.h
 * @brief The Authentication-Results header field (RFC 8601).
 *
 * RFC 8601 §2.2 grammar, as receivers really write it: comments anywhere
 * (nested, RFC 5322 §3.2.2), quoted strings, an optional version after the
 * authserv-id, "none", reason=, ptype.property=value pairs, and Microsoft's
 * forms (no authserv-id, `action=`, `compauth=... reason=`).
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/errors.h"

namespace mailverdict {

/// One `ptype.property=value` (RFC 8601 §2.3), or a bare `key=value` that a
/// receiver added (Microsoft's `action=`), then with an empty ptype.
struct auth_property {
  std::string ptype;     ///< "smtp", "header", "body", "policy" or "".
  std::string property;  ///< "mailfrom", "d", "i", "from", "action", ...
  std::string value;     ///< Unquoted value.
};

/// One resinfo: a method, its result, and what it was about.
struct auth_method_result {
  std::string method;    ///< Lowercase: "spf", "dkim", "dmarc", "compauth", ...
  std::string version;   ///< Method version when written as "dkim/1".
  std::string result;    ///< Lowercase RFC 8601 result word ("pass", "fail", ...).
  std::string reason;    ///< The reason= value, unquoted.
  std::string comment;   ///< Comments inside the resinfo, joined by a space.
  std::vector<auth_property> properties;

  /// The value of `ptype.property` (e.g. "header.d"), or of a bare key when
  /// `key` has no dot; "" when absent.
  std::string_view get(std::string_view key) const;
};

/// A parsed Authentication-Results value.
struct auth_results {
  std::string authserv_id;  ///< "" when absent (Microsoft 365 omits it).
  std::string version;      ///< The authres-version, when written.
  bool none = false;        ///< "none": no authentication was done.
  std::vector<auth_method_result> results;
  std::vector<warning> warnings;
};

/// Parses an Authentication-Results field value. Fails on input that is not
/// an Authentication-Results value at all (RFC 8601 §2.2).
result<auth_results> parse_auth_results(std::string_view value);

}  // namespace mailverdict
