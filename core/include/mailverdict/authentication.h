/**
 * @file authentication.h
 * @brief Authentication evidence: the From: domain, whose
 * Authentication-Results count (the final receiver's, RFC 8601 §5), each
 * identity's alignment (RFC 7489 §3.1), ARC (RFC 8617), DKIM signatures,
 * Received-SPF, the optional pasted DMARC and SPF records, and the sending
 * service. Everything the diagnosis needs, gathered without judging.
 */
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mailverdict/analyze.h"
#include "mailverdict/arc.h"
#include "mailverdict/auth_results.h"
#include "mailverdict/dkim_signature.h"
#include "mailverdict/dmarc_record.h"
#include "mailverdict/message.h"
#include "mailverdict/received_spf.h"
#include "mailverdict/report.h"
#include "mailverdict/route.h"
#include "mailverdict/sending_services.h"
#include "mailverdict/spf_record.h"

namespace mailverdict {

/// An Authentication-Results field with its parse.
struct parsed_results {
  const header_field* field = nullptr;
  auth_results results;
};

/// A DKIM-Signature field with its tags.
struct signature_field {
  const header_field* field = nullptr;
  dkim_signature signature;
};

/// What the headers say about authentication, with the fields it came from.
struct auth_assessment {
  authentication_report summary;             ///< As it goes into the report.
  const header_field* from_field = nullptr;  ///< The From: field used.
  /// The topmost trusted Authentication-Results (evidence for most causes).
  const header_field* results_field = nullptr;
  /// All trusted Authentication-Results, top to bottom; `results` is the
  /// first one's parse (kept for callers of the first version).
  std::vector<parsed_results> trusted;
  std::optional<auth_results> results;
  std::vector<parsed_results> ignored;      ///< Parsed but not trusted.
  std::vector<signature_field> signatures;  ///< DKIM-Signature fields, top to bottom.
  std::optional<received_spf> spf_header;   ///< The receiver's Received-SPF for MAIL FROM, if any.
  const header_field* spf_header_field = nullptr;
  std::optional<received_spf> spf_helo_header;  ///< A Received-SPF for the HELO identity.
  const header_field* spf_helo_field = nullptr;
  const header_field* return_path = nullptr;
  /// Microsoft's Authentication-Results-Original (results before forwarding).
  std::vector<parsed_results> original_results;
  arc_chain arc;
  std::optional<dmarc_record> pasted_dmarc;
  std::optional<spf_record> pasted_spf;
  std::vector<service_match> services;  ///< Best first.
  /// Header fields that show a mailing list or forwarder handled the message
  /// (List-Id, List-Post, Mailing-List, X-Forwarded-To, Resent-From, ...).
  std::vector<const header_field*> forwarding_fields;
  /// Who ran the first server of the route (organization_of; "" unknown):
  /// the sender's own outbound service, whose ARC seal is no forwarder's.
  std::string origin_organization;
  std::vector<warning> warnings;

  /// The trusted result for `method`, topmost first; nullptr when none.
  const auth_method_result* trusted_result(std::string_view method) const;
};

/// Gathers the authentication evidence of `block`; `opts` may carry the
/// domain's DMARC and SPF records pasted by the user.
auth_assessment assess_authentication(const header_block& block, const options& opts = {});

/// The same, with the route of `block` already built (route.h): its
/// boundary hop decides whose Authentication-Results count.
auth_assessment assess_authentication(const header_block& block, const route& trace,
                                      const options& opts = {});

}  // namespace mailverdict
