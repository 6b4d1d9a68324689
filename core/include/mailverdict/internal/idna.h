/**
 * @file internal/idna.h
 * @brief Internationalized domain names: UTF-8 labels to their ASCII
 * ("xn--") form, so that alignment compares "münchen.example" and
 * "xn--mnchen-3ya.example" as the same domain (RFC 5890 §2.3.2.1 A-labels,
 * RFC 3492 Punycode).
 */
#pragma once

#include <string>
#include <string_view>

namespace mailverdict::internal {

/// The A-label of one label: "xn--" + Punycode of its code points after
/// lowercasing (ASCII and the common Latin, Greek and Cyrillic capitals).
/// A label that is pure ASCII is returned lowercased; "" when `label` is not
/// valid UTF-8 or too long.
std::string label_to_ascii(std::string_view label);

}  // namespace mailverdict::internal
