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

/// The lines of a text, split only as far as a reader asks. A reader that
/// stops early (the header section ends at its first empty line, RFC 5322
/// §2.1) never scans the rest, which for a whole message is the body.
/// Lines are the same as split_lines() gives.
class lazy_lines {
 public:
  explicit lazy_lines(std::string_view text) : text_(text) {}

  /// Whether line `k` (0-based) exists; splits up to it when needed.
  bool has(std::size_t k);

  /// Line `k`, after has(k) returned true. A later has() may move the
  /// lines, so keep copies of the views, not references to the line.
  const line& operator[](std::size_t k) const { return lines_[k]; }

 private:
  std::string_view text_;
  std::size_t next_ = 0;    // where the next unsplit line starts
  std::size_t number_ = 1;  // its 1-based number
  std::vector<line> lines_;
};

}  // namespace mailverdict::internal
