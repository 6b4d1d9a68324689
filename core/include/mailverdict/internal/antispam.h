/**
 * @file internal/antispam.h
 * @brief Shared pieces of the antispam decoders (antispam.cpp,
 * antispam_scores.cpp) and the antispam diagnosis.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "mailverdict/antispam.h"

namespace mailverdict::internal {

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

/// The scoring engines and gateways: SpamAssassin, Rspamd, Proofpoint,
/// Mimecast, Barracuda, Cisco, Gmail, Yahoo (antispam_scores.cpp).
std::optional<antispam_decoded> decode_score_header(const header_field& field);

}  // namespace mailverdict::internal
