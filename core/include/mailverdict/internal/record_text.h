/**
 * @file internal/record_text.h
 * @brief Getting a DNS TXT record's text out of what a user pastes.
 */
#pragma once

#include <string>
#include <string_view>

namespace mailverdict::internal {

/// The record's text from `pasted`, starting at `version_tag` (e.g.
/// "v=dmarc1", case-insensitive): a leading DNS name and "IN TXT" are
/// dropped, and quoted character-strings ("..." "...") are joined as DNS
/// joins them (RFC 7208 §3.3). "" when `version_tag` is absent.
std::string record_text(std::string_view pasted, std::string_view version_tag);

}  // namespace mailverdict::internal
