/**
 * @file internal/antispam.h
 * @brief Shared pieces of the antispam decoders (antispam.cpp,
 * antispam_scores.cpp) and the antispam diagnosis.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/antispam.h"

namespace mailverdict::internal {

/// At most this many fields of one header are decoded; the rest are counted.
inline constexpr std::size_t kMaxAntispamFields = 300;

/// Appends a field saying that `skipped` more fields were not decoded.
void note_skipped(antispam_decoded& d, std::size_t skipped);

/// A value looked up in core/data/antispam_fields.tsv.
struct decoded_value {
  std::string meaning;
  std::string basis;        ///< "documented", "observed", "undocumented".
  std::string_view signal;  ///< The table's signal column ("" = none).
  std::string short_text;   ///< The table's phrase column, filled in.
};

/// Looks up `name`=`value` (see decode_antispam_field in antispam.h).
decoded_value lookup_antispam_value(std::string_view vendor, std::string_view header,
                                    std::string_view name, std::string_view value);

/// An empty decoded entry for `f`, by `vendor`.
antispam_decoded make_decoded(std::string vendor, const header_field& f);

/// Decodes `name`=`value` against `table_header`'s rows and appends it.
void add_field(antispam_decoded& d, std::string_view table_header, std::string name,
               std::string value);

/// Appends a field whose meaning is already known (scoring engines' tests).
void add_known_field(antispam_decoded& d, std::string name, std::string value, std::string meaning,
                     std::string basis, std::string signal = {});

/// A score as the engines write it ("7.1", "-0.50"); nullopt otherwise.
std::optional<double> parse_score(std::string_view s);

/// Appends a scoring engine's test (SpamAssassin rule, Rspamd symbol) with
/// its score ("" when not given) and its meaning from core/data/spam_tests.tsv;
/// `own_description` (X-Spam-Report's words) is used for tests the table
/// lacks. The field's signal is "test:<kind>".
void add_test(antispam_decoded& d, std::string_view engine, std::string name, std::string score,
              std::string_view own_description);

/// One scoring engine's or provider's filtering verdict.
struct engine_verdict {
  std::string vendor;
  std::string outcome;   ///< "spam", "junk", "quarantine", "reject".
  std::string headline;  ///< "SpamAssassin marked it as spam (score 7.1, threshold 5) because ...".
  std::string cause_id;  ///< "spam_score" or "provider_spam_folder".
  std::string explanation;
  std::vector<evidence_item> evidence;
  std::vector<std::string> fix_ids;  ///< From core/data/spam_test_kinds.tsv, heaviest first.
};

struct engine_outcome {
  std::vector<engine_verdict> verdicts;  ///< Most telling engine first.
};

/// Sets each non-Microsoft header's outcome, gives Rspamd its
/// SpamAssassin-style headers, and copies X-Spam-Report's per-test scores
/// into X-Spam-Status (antispam_engines.cpp).
void prepare_engine_entries(std::vector<antispam_decoded>& all);

/// The verdict of every engine that filtered the message, marking the
/// fields that decided it.
engine_outcome diagnose_engines(std::vector<antispam_decoded>& all);

/// The scoring engines and gateways: SpamAssassin, Rspamd, Proofpoint,
/// Mimecast, Barracuda, Cisco, Gmail, Yahoo (antispam_scores.cpp).
std::optional<antispam_decoded> decode_score_header(const header_field& field);

}  // namespace mailverdict::internal
