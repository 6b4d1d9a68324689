/**
 * @file arc.h
 * @brief Authenticated Received Chain (RFC 8617): ARC-Seal,
 * ARC-Message-Signature and ARC-Authentication-Results, and the structure of
 * the chain they form.
 *
 * Signatures cannot be verified offline (the keys are in DNS); the chain's
 * structure can (RFC 8617 §5.2 steps 2 and 3): instances 1..N each with
 * exactly one field of each kind, cv=none only on i=1, no cv=fail.
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/auth_results.h"
#include "mailverdict/errors.h"
#include "mailverdict/message.h"

namespace mailverdict {

/// ARC-Seal (RFC 8617 §4.1.3): i, cv, a, d, s, t, b.
struct arc_seal {
  int instance = 0;
  std::string cv;  ///< "none", "pass" or "fail", lowercase.
  std::string algorithm;
  std::string domain;  ///< d=: who sealed this instance.
  std::string selector;
  bool has_signature = false;
};

/// ARC-Message-Signature (RFC 8617 §4.1.2): DKIM-like tags with i=.
struct arc_message_signature {
  int instance = 0;
  std::string algorithm;
  std::string domain;
  std::string selector;
  std::vector<std::string> signed_headers;
  bool has_body_hash = false;
  bool has_signature = false;
};

/// ARC-Authentication-Results (RFC 8617 §4.1.1): "i=N;" then an
/// Authentication-Results payload.
struct arc_authentication_results {
  int instance = 0;
  auth_results results;
};

result<arc_seal> parse_arc_seal(std::string_view value);
result<arc_message_signature> parse_arc_message_signature(std::string_view value);
result<arc_authentication_results> parse_arc_authentication_results(std::string_view value);

/// One ARC set as found in the header block.
struct arc_set {
  int instance = 0;
  const header_field* seal = nullptr;
  const header_field* signature = nullptr;
  const header_field* results_field = nullptr;
  arc_seal parsed_seal;
  auth_results results;  ///< The AAR's payload (empty when unreadable).
};

/// The chain's structure (RFC 8617 §5.2).
struct arc_chain {
  int sets = 0;  ///< The highest instance seen (N).
  /// "none" (no ARC fields), "intact" (structure valid; signatures not
  /// checked) or "broken" (the chain fails RFC 8617 §5.2 on structure).
  std::string structure = "none";
  std::string last_cv;                ///< cv= of the newest ARC-Seal ("" when none).
  std::vector<arc_set> instances;     ///< Ordered by instance, 1..N where present.
  std::vector<std::string> problems;  ///< Why the structure is broken.
};

/// Collects and checks the ARC sets of `block`.
arc_chain read_arc_chain(const header_block& block);

}  // namespace mailverdict
