/**
 * @file received_spf.h
 * @brief The Received-SPF header field (RFC 7208 §9.1).
 *
 *   header-field   = "Received-SPF:" [CFWS] result FWS [comment FWS]
 *                    [ key-value-list ] CRLF
 *   key-value-list = key-value-pair *( ";" [CFWS] key-value-pair ) [";"]
 *   key            = "client-ip" / "envelope-from" / "helo" / "problem" /
 *                    "receiver" / "identity" / "mechanism" / name
 */
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mailverdict/errors.h"

namespace mailverdict {

struct received_spf {
  std::string
      result;  ///< Lowercase: pass, fail, softfail, neutral, none, temperror, permerror, policy.
  std::string comment;  ///< The comment after the result, unwrapped.
  std::string client_ip;
  std::string envelope_from;  ///< The MAIL FROM address (or postmaster@helo).
  std::string helo;
  std::string identity;  ///< "mailfrom", "helo", ... ("" when absent).
  std::string receiver;
  std::string mechanism;
  std::string problem;
  std::vector<std::pair<std::string, std::string>> other;  ///< Other keys, lowercase.

  /// The domain whose SPF record was checked: the envelope-from domain, or
  /// the HELO name when identity=helo or the envelope sender is empty.
  std::string checked_domain() const;
  /// True when this result is for the HELO identity, not MAIL FROM.
  bool is_helo() const;
};

/// Parses a Received-SPF value. Fails when it does not start with one of
/// the RFC 7208 §2.6 results.
result<received_spf> parse_received_spf(std::string_view value);

}  // namespace mailverdict
