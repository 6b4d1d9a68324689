/**
 * @file encoded_words.h
 * @brief RFC 2047 encoded words, RFC 2231 parameter values, and charset
 * conversion to UTF-8.
 *
 * The core decodes UTF-8, US-ASCII, ISO-8859-1..16, Windows-1250..1258 and
 * KOI8-R/U (core/data/charsets.tsv). East Asian multi-byte charsets
 * (ISO-2022-JP, Shift_JIS, EUC-JP, GB2312/GBK/GB18030, Big5, EUC-KR:
 * core/data/east_asian_charsets.tsv) are not decoded here, to keep their
 * tables out of the WebAssembly module: words in those charsets stay as
 * written in the decoded text and are listed in `decoded_text::pending`
 * with their bytes, for the page's TextDecoder.
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/errors.h"

namespace mailverdict {

/// An encoded word left for the page to decode.
struct pending_word {
  std::string word;     ///< The encoded word as written ("=?ISO-2022-JP?B?...?=").
  std::string charset;  ///< The WHATWG label for TextDecoder ("iso-2022-jp").
  std::string bytes;    ///< The decoded bytes in that charset (not UTF-8).
};

/// A header value with its encoded words decoded.
struct decoded_text {
  std::string text;  ///< UTF-8 where decoded; pending words kept as written.
  std::vector<pending_word> pending;
  std::vector<warning> warnings;  ///< Malformed words (left as written), unknown charsets.
  bool changed = false;           ///< At least one word was decoded.
};

/// Decodes the RFC 2047 encoded words of a header value. Adjacent encoded
/// words separated only by white space are joined (§6.2), and their bytes
/// are joined before conversion when they share a charset, so characters
/// split across words survive. Malformed words are left as written with a
/// warning. Linear in the input.
decoded_text decode_encoded_words(std::string_view value);

/// Converts `bytes` in `charset` to UTF-8. Returns false (and leaves `out`
/// untouched) when the core does not decode that charset. Invalid UTF-8 in
/// a UTF-8 text becomes U+FFFD.
bool charset_to_utf8(std::string_view charset, std::string_view bytes, std::string& out);

/// The WHATWG label of an East Asian charset the page decodes, or "" when
/// `charset` is not one of them.
std::string_view east_asian_decoder(std::string_view charset);

/// One MIME parameter (RFC 2045 §5.1) after RFC 2231 decoding: continuations
/// (name*0, name*1, ...) joined, charset'language'%XX values converted.
struct content_parameter {
  std::string name;   ///< Lowercased, without the "*" markers.
  std::string value;  ///< UTF-8 when the charset is decoded by the core.
};

/// The parameters of a Content-Type or Content-Disposition value (after the
/// first ";"). Never fails; what cannot be read is skipped.
std::vector<content_parameter> parse_mime_parameters(std::string_view value);

}  // namespace mailverdict
