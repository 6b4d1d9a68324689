/**
 * @file dmarc_record.h
 * @brief A DMARC policy record as the user pastes it (RFC 7489 §6.3, §6.4;
 * np= from RFC 9091).
 *
 * The record is what the domain publishes at _dmarc.<domain>. People paste
 * it with the DNS name, quotes, or split into several quoted strings; all of
 * that is accepted.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/domain.h"
#include "mailverdict/errors.h"

namespace mailverdict {

struct dmarc_record {
  std::string policy;                             ///< p=: "none", "quarantine" or "reject".
  std::optional<std::string> subdomain_policy;    ///< sp= (defaults to p).
  std::optional<std::string> nonexistent_policy;  ///< np= (RFC 9091).
  alignment_mode dkim_alignment = alignment_mode::relaxed;  ///< adkim= (default r).
  alignment_mode spf_alignment = alignment_mode::relaxed;   ///< aspf= (default r).
  bool adkim_written = false;                               ///< adkim= present in the record.
  bool aspf_written = false;                                ///< aspf= present in the record.
  int percent = 100;                                        ///< pct= (0..100, default 100).
  std::vector<std::string> rua;                             ///< Aggregate report URIs.
  std::vector<std::string> ruf;                             ///< Failure report URIs.
  std::string failure_options = "0";                        ///< fo=
  std::string text;                                         ///< The record as read (v=DMARC1; ...).
  std::vector<warning> warnings;                            ///< Oddities that do not invalidate it.

  /// The policy that applies to mail from `from_domain` when the record
  /// was published at `org_domain` (sp= for a subdomain, RFC 7489 §6.6.3).
  std::string policy_for(std::string_view from_domain, std::string_view org_domain) const;
};

/// Parses a pasted DMARC record. Fails when there is no "v=DMARC1" or the
/// record's tag-list is malformed; a missing or invalid p= is an error too
/// (RFC 7489 §6.6.3 says such a record is ignored unless rua= is present,
/// in which case p=none is assumed, and that is what this returns).
result<dmarc_record> parse_dmarc_record(std::string_view text);

}  // namespace mailverdict
