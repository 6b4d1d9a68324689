/**
 * @file authentication.h
 * @brief Authentication evidence: the From: domain, the Authentication-Results
 * the receiver wrote, and each identity's alignment (RFC 7489 §3.1).
 */
#pragma once

#include <optional>
#include <vector>

#include "mailverdict/auth_results.h"
#include "mailverdict/message.h"
#include "mailverdict/report.h"

namespace mailverdict {

/// What the headers say about authentication, with the fields it came from.
struct auth_assessment {
  authentication_report summary;                  ///< As it goes into the report.
  const header_field* from_field = nullptr;      ///< The From: field used.
  const header_field* results_field = nullptr;   ///< The Authentication-Results used.
  std::optional<auth_results> results;           ///< Its parsed value.
  std::vector<warning> warnings;
};

/// Reads the From: domain and the topmost Authentication-Results of `block`
/// and computes relaxed alignment for SPF's MAIL FROM domain and each DKIM
/// d= domain. Returns an assessment whose `summary` is empty of results when
/// the headers hold no Authentication-Results.
auth_assessment assess_authentication(const header_block& block);

}  // namespace mailverdict
