/**
 * @file auth_results.h
 * @brief The Authentication-Results header field (RFC 8601).
 *
 * RFC 8601 §2.2 grammar, as receivers really write it: comments anywhere
 * (nested, RFC 5322 §3.2.2), quoted strings, an optional version after the
 * authserv-id, "none", reason=, method/version, ptype.property=value pairs
 * (smtp, header, body, policy), and the forms real receivers write that the
 * grammar does not allow, each accepted with a note:
 *  - Microsoft 365 without an authserv-id (`spf=pass ...; dkim=...`), with
 *    the receiving domain repeated between results (`header.d=x.com;
 *    contoso.com; dmarc=...`), and with bare `action=` / `reason=` keys;
 *  - Yahoo's `from=domain` before the first ';';
 *  - base64 values with '/', '+' and '=' left unquoted (header.b=).
 *
 * Rejected (RFC 8601 §2.2), as other parsers of the format do: an
 * unquoted value holding ':' (an IPv6 address must be quoted), and a bare
 * word between results when the field already named its authserv-id.
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
  std::string method;   ///< Lowercase: "spf", "dkim", "dmarc", "compauth", ...
  std::string version;  ///< Method version when written as "dkim/1".
  std::string result;   ///< Lowercase RFC 8601 result word ("pass", "fail", ...).
  std::string reason;   ///< The reason= value, unquoted.
  std::string comment;  ///< Comments inside the resinfo, joined by a space.
  std::vector<auth_property> properties;

  /// The value of `ptype.property` (e.g. "header.d"), or of a bare key when
  /// `key` has no dot; "" when absent.
  std::string_view get(std::string_view key) const;
};

/// A parsed Authentication-Results value.
struct auth_results {
  /// Lowercase; "" when absent (Microsoft 365 omits it). When the field
  /// starts without one but names the receiver between results (Microsoft's
  /// older form), that name.
  std::string authserv_id;
  std::string version;  ///< The authres-version, when written.
  bool none = false;    ///< "none": no authentication was done.
  /// True when the field started with a result rather than an authserv-id.
  bool authserv_id_omitted = false;
  /// key=value pairs written between the authserv-id and the first ';'
  /// (Yahoo's `from=`); not part of RFC 8601.
  std::vector<auth_property> authserv_properties;
  std::vector<auth_method_result> results;
  /// What was accepted outside the grammar, for the reader.
  std::vector<warning> warnings;

  /// The first result for `method` ("spf", ...), or nullptr.
  const auth_method_result* find(std::string_view method) const;
};

/// Parses an Authentication-Results field value (without the field name).
/// Fails, with a message that says where, on input that does not follow
/// RFC 8601 §2.2 beyond the accepted receiver forms listed above.
result<auth_results> parse_auth_results(std::string_view value);

}  // namespace mailverdict
