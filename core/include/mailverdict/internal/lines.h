/**
 * @file internal/lines.h
 * @brief Splitting input into lines, whatever the line ends.
 */
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace mailverdict::internal {

/// One line of the input, without its line end.
struct line {
  std::string_view text;
  std::size_t offset;  ///< Byte offset of the line's start in the input.
  std::size_t number;  ///< 1-based line number.
};

/// Splits on CRLF, LF or a lone CR (RFC 5322 §2.1 uses CRLF; pasted text
/// uses all three). Linear; the views point into `text`.
std::vector<line> split_lines(std::string_view text);

}  // namespace mailverdict::internal
