/**
 * @file mime.h
 * @brief MIME as far as bounces need it: the entity tree of a message
 * flattened into a list of parts, with bodies decoded to UTF-8 text.
 *
 * Implements RFC 2045 §5 (Content-Type and its parameters), §6.7
 * (quoted-printable), §6.8 (base64), RFC 2046 §5.1 (multipart boundaries,
 * preamble and epilogue ignored) and §5.2.1 (message/rfc822), plus the report
 * types a bounce uses: RFC 6522 multipart/report, RFC 3464
 * message/delivery-status, text/rfc822-headers. Nesting is walked with an
 * explicit work list, never by recursion, and is bounded in depth and count.
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/errors.h"

namespace mailverdict {

/// Nesting deeper than this is not opened (the part is kept undecoded).
inline constexpr std::size_t kMaxMimeDepth = 32;
/// At most this many parts are read from one message.
inline constexpr std::size_t kMaxMimeParts = 2000;

/// One header field of a MIME entity, unfolded.
struct mime_field {
  std::string name;
  std::string value;
};

/// One MIME entity. Multipart containers are listed too, before their
/// children; their `body` is empty.
struct mime_part {
  std::vector<mime_field> fields;  ///< The entity's own header fields.
  std::string media_type;          ///< Lowercased "type/subtype"; "text/plain" by default.
  std::string charset;             ///< Lowercased charset parameter, "" when absent.
  std::string report_type;         ///< multipart/report's report-type parameter.
  /// Decoded body; text/* converted to UTF-8 where the core decodes the
  /// charset (encoded_words.h: charset_to_utf8), East Asian charsets kept
  /// as their bytes.
  std::string body;
  std::size_t depth = 0;   ///< 0 for the message itself.
  std::size_t parent = 0;  ///< Index of the enclosing part (itself for the root).
  /// True when this part sits inside a returned message (message/rfc822 or
  /// text/rfc822-headers): it belongs to the original, not to the report.
  bool inside_returned_message = false;

  /// The value of the first field named `name` (case-insensitive), or "".
  std::string_view field(std::string_view name) const;
};

/// A message as a flat list of entities in document order.
struct mime_message {
  std::vector<mime_part> parts;
  std::vector<warning> warnings;
};

/// Parses `text` (a whole message: header block, blank line, body) into its
/// MIME entities. Never fails; what cannot be read is kept as plain text.
/// Linear in the input apart from the decoded copies.
mime_message parse_mime(std::string_view text);

struct header_block;

/// The same, when the caller has already read the header block at the top
/// of `text` (parse_header_block(text)): it is not read a second time.
mime_message parse_mime(std::string_view text, const header_block& top);

/// Reads the header fields at the start of `text`, strictly: they start on
/// the first line and end at the first empty line (RFC 5322 §2.1). Sets
/// `body_offset` to where the body starts.
std::vector<mime_field> read_fields(std::string_view text, std::size_t& body_offset);

/// A parameter of a structured field value such as Content-Type
/// (`text/plain; charset="utf-8"` → charset → utf-8); "" when absent.
/// RFC 2045 §5.1 syntax; parameter names are case-insensitive.
std::string mime_parameter(std::string_view value, std::string_view name);

/// RFC 2045 §6.7 quoted-printable decoding (soft line breaks removed; bad
/// escapes kept as written).
std::string decode_quoted_printable(std::string_view text);

/// RFC 2045 §6.8 base64 decoding; characters outside the alphabet are skipped.
std::string decode_base64(std::string_view text);

}  // namespace mailverdict
