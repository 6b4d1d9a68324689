/**
 * @file internal/bounce_texts.h
 * @brief Japanese bounce phrases (core/data/bounce_texts_ja.tsv) matched
 * in UTF-8 and in the undecoded ISO-2022-JP, Shift_JIS and EUC-JP bytes.
 */
#pragma once

#include <string_view>

#include "mailverdict/data/bounce_texts_ja.h"

namespace mailverdict::internal {

/// The first row of `kind` ("reason" or "layout") whose phrase occurs in
/// `text` in any of its forms, or nullptr. The byte forms are compared
/// exactly: ASCII case folding would confuse JIS characters.
const data::bounce_texts_ja_row* find_japanese_text(std::string_view text, std::string_view kind);

}  // namespace mailverdict::internal
