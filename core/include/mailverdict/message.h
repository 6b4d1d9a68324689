/**
 * @file message.h
 * @brief The header block of a pasted message: fields in order, unfolded.
 *
 * Implements RFC 5322 §2.2 (header fields), §2.2.3 (long header fields,
 * unfolding) and the obsolete field syntax of §4.5 (white space before the
 * colon), plus what people actually paste: CR, LF or CRLF line ends, leading
 * text before the first field, a whole block indented by a mail client,
 * blank lines inserted between fields when copying, a block quoted with
 * "> " (one or more levels), Outlook's "Internet headers" box, and Gmail's
 * "Show original" page copied whole (its summary table is kept as
 * evidence in `header_block::summary`).
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/errors.h"

namespace mailverdict {

/// One header field as it appeared in the input.
struct header_field {
  std::string name;        ///< The field name as written (case kept).
  std::string value;       ///< The unfolded value, outer white space trimmed.
  std::string raw;         ///< The field as written, folding kept, line ends as LF.
  std::size_t index;       ///< 0-based position among the block's fields.
  std::size_t line;        ///< 1-based line number in the input.
  bool valid_utf8 = true;  ///< False when the field holds bytes that are not UTF-8.
};

/// Fields beyond this many are counted but not kept (with a warning).
inline constexpr std::size_t kMaxFields = 20000;

/// How the header block was pasted.
enum class paste_format {
  plain,                ///< Headers or a message as written.
  quoted,               ///< Quoted with "> " by a mail client.
  gmail_show_original,  ///< Gmail's "Show original" page copied whole.
  outlook_box,          ///< Outlook's "Internet headers" box, with its label.
};

/// One row of a provider's summary table (Gmail's "Show original": Message
/// ID, Created at, From, To, Subject, SPF, DKIM, DMARC).
struct summary_row {
  std::string name;
  std::string value;
};

/// All fields of one header block, in input order, duplicates kept.
struct header_block {
  std::vector<header_field> fields;
  std::vector<warning> warnings;
  /// True when non-empty text follows the header block (a body).
  bool has_body = false;
  /// Byte offset of the body in the input (input size when there is none).
  std::size_t body_offset = 0;
  /// Byte offset of the first field line (0 unless leading text was skipped).
  std::size_t start_offset = 0;
  /// How the block was pasted.
  paste_format format = paste_format::plain;
  /// Quote depth removed from each line (format quoted).
  std::size_t quote_depth = 0;
  /// The summary table of a "Show original" page, in page order.
  std::vector<summary_row> summary;
  /// Fields after the first kMaxFields, counted but not kept.
  std::size_t dropped_fields = 0;

  /// The first field named `name` (case-insensitive), or nullptr.
  const header_field* first(std::string_view name) const;
  /// Every field named `name` (case-insensitive), top to bottom.
  std::vector<const header_field*> all(std::string_view name) const;
};

/// Parses the header block at the start of `text` (after any leading text
/// that does not look like a header field). Linear in the input size.
header_block parse_header_block(std::string_view text);

/// A stable name for a paste format ("plain", "quoted", ...).
const char* to_string(paste_format f);

/// True when `line` starts like a header field: a field name of printable
/// US-ASCII without colon or spaces (RFC 5322 §2.2 ftext), optional white
/// space (§4.5), then a colon.
bool looks_like_field(std::string_view line);

/// A one-line explanation of a header field name for the all-headers view
/// (core/data/header_names.tsv); "" for names the table does not know.
std::string_view header_explanation(std::string_view name);

}  // namespace mailverdict
