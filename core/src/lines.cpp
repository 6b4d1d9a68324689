/**
 * @file lines.cpp
 * @brief Splitting input into lines (RFC 5322 §2.1 line ends, and the bare
 * LF or CR of pasted text).
 */
#include "mailverdict/internal/lines.h"

#include "mailverdict/internal/word_scan.h"

namespace mailverdict::internal {

namespace {

// The position of the next CR or LF at or after `i`, or `size`; eight
// bytes at a time where no line ends.
std::size_t next_line_end(const char* p, std::size_t i, std::size_t size) {
  while (i + 8 <= size) {
    const std::uint64_t w = load8(p + i);
    if (bytes_equal(w, '\n') | bytes_equal(w, '\r')) break;
    i += 8;
  }
  while (i < size && p[i] != '\n' && p[i] != '\r') ++i;
  return i;
}

// The line starting at `start` (< size) and where the next one starts: past
// its CRLF, LF or lone CR, or size + 1 when the text ends without one.
line line_at(std::string_view text, std::size_t start, std::size_t number, std::size_t& next) {
  const char* p = text.data();
  const std::size_t size = text.size();
  std::size_t i = next_line_end(p, start, size);
  const line l{text.substr(start, i - start), start, number};
  if (i < size && p[i] == '\r' && i + 1 < size && p[i + 1] == '\n') ++i;
  next = i + 1;
  return l;
}

}  // namespace

std::vector<line> split_lines(std::string_view text) {
  std::vector<line> out;
  // Mail lines average well over 32 bytes; one guess saves most regrowth.
  out.reserve(text.size() / 32 + 1);
  std::size_t start = 0;
  std::size_t number = 1;
  while (start < text.size()) out.push_back(line_at(text, start, number++, start));
  return out;
}

bool lazy_lines::has(std::size_t k) {
  while (lines_.size() <= k && next_ < text_.size()) {
    lines_.push_back(line_at(text_, next_, number_++, next_));
  }
  return k < lines_.size();
}

}  // namespace mailverdict::internal
