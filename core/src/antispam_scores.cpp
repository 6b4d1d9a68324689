/**
 * @file antispam_scores.cpp
 * @brief Scoring engines and gateways: SpamAssassin, Rspamd, Proofpoint,
 * Mimecast, Barracuda, Cisco, Gmail and Yahoo.
 */
#include "mailverdict/internal/antispam.h"

namespace mailverdict::internal {

std::optional<antispam_decoded> decode_score_header(const header_field& field) {
  (void)field;
  return std::nullopt;
}

}  // namespace mailverdict::internal
