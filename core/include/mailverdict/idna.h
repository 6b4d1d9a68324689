/**
 * @file idna.h
 * @brief Internationalized domain names: Unicode labels to A-labels
 * ("xn--", RFC 5890 §2.3.2.1) and back, with Punycode (RFC 3492).
 *
 * Domains are compared in their A-label form and shown in Unicode. This is
 * not full IDNA2008/UTS 46 processing: there is no Unicode normalization,
 * and lowercasing beyond ASCII covers Latin-1, Greek and Cyrillic only.
 */
#pragma once

#include <string>
#include <string_view>

namespace mailverdict {

/// "bücher.example" → "xn--bcher-kva.example". ASCII labels are lowercased
/// and kept; "" when a label cannot be encoded (invalid UTF-8, too long).
std::string domain_to_ascii(std::string_view domain);

/// "xn--bcher-kva.example" → "bücher.example". Labels that are not valid
/// Punycode are kept as written.
std::string domain_to_unicode(std::string_view domain);

/// RFC 3492 §6.3 encoding of one label's code points (without "xn--");
/// "" on overflow.
std::string punycode_encode(const std::u32string& label);

/// RFC 3492 §6.2 decoding (input without "xn--"); false when invalid.
bool punycode_decode(std::string_view input, std::u32string& out);

}  // namespace mailverdict
