/**
 * @file dkim_signature.h
 * @brief The DKIM-Signature header field's tags (RFC 6376 §3.5).
 *
 * Only the tags are read: verifying a signature needs the signer's public
 * key from DNS, which an offline analyzer does not have. What the tags show
 * (who signed, with which selector, until when, which fields) is evidence
 * for the diagnosis.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/errors.h"

namespace mailverdict {

/// The tags of one DKIM-Signature (RFC 6376 §3.5).
struct dkim_signature {
  std::string version;                      ///< v= ("1").
  std::string algorithm;                    ///< a= ("rsa-sha256", "ed25519-sha256"), lowercase.
  std::string header_canon = "simple";      ///< c= before '/', default simple.
  std::string body_canon = "simple";        ///< c= after '/', default simple.
  std::string domain;                       ///< d=, lowercase (the signing domain, SDID).
  std::vector<std::string> signed_headers;  ///< h=, lowercase field names.
  std::string identity;                     ///< i= (AUID), "" when absent (then "@" + d).
  std::optional<long long> body_length;     ///< l=
  std::string query = "dns/txt";            ///< q=
  std::string selector;                     ///< s=
  std::optional<long long> timestamp;       ///< t= (seconds since 1970)
  std::optional<long long> expiration;      ///< x= (seconds since 1970)
  bool has_signature = false;               ///< b= present and non-empty.
  bool has_body_hash = false;               ///< bh= present and non-empty.
  /// Problems that make a verifier fail the signature (RFC 6376 §6.1.1)
  /// without needing DNS: i= outside d=, From not signed, x= before t=.
  std::vector<warning> problems;
};

/// Parses a DKIM-Signature field value. Fails when the tag-list is
/// malformed or a required tag (v, a, b, bh, d, h, s) is missing.
result<dkim_signature> parse_dkim_signature(std::string_view value);

}  // namespace mailverdict
