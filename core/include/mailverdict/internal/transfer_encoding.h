/**
 * @file internal/transfer_encoding.h
 * @brief The one implementation of base64 and quoted-printable decoding,
 * shared by MIME bodies (RFC 2045 §6.7, §6.8) and RFC 2047 encoded words
 * (§4.1 "B", §4.2 "Q").
 */
#pragma once

#include <string>
#include <string_view>

namespace mailverdict::internal {

/// The value of a hexadecimal digit, or -1.
int hex_value(char c);

/// How strictly base64 is read.
enum class base64_mode {
  body,  ///< RFC 2045 §6.8: characters outside the alphabet are skipped;
         ///< the URL-safe "-" and "_" are read as "+" and "/".
  word,  ///< RFC 2047 §4.1: any character outside the alphabet is an error.
};

/// Appends the decoded bytes of `in` to `out`, stopping at the first "=".
/// Returns false (with `out` partly filled) only in base64_mode::word when
/// a character is outside the alphabet. Missing padding is tolerated.
bool decode_base64(std::string_view in, std::string& out, base64_mode mode);

/// How quoted-printable text is read.
enum class qp_mode {
  body,  ///< RFC 2045 §6.7: soft line breaks removed, bad escapes kept as written.
  word,  ///< RFC 2047 §4.2 "Q": "_" is a space; a bad escape is an error.
};

/// Appends the decoded bytes of `in` to `out`. Returns false only in
/// qp_mode::word when an escape is malformed.
bool decode_quoted_printable(std::string_view in, std::string& out, qp_mode mode);

}  // namespace mailverdict::internal
