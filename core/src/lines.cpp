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

}  // namespace

std::vector<line> split_lines(std::string_view text) {
  std::vector<line> out;
  // Mail lines average well over 32 bytes; one guess saves most regrowth.
  out.reserve(text.size() / 32 + 1);
  const char* p = text.data();
  const std::size_t size = text.size();
  std::size_t start = 0;
  std::size_t number = 1;
  while (start < size) {
    std::size_t i = next_line_end(p, start, size);
    if (i == size) break;
    out.push_back({text.substr(start, i - start), start, number++});
    if (p[i] == '\r' && i + 1 < size && p[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < size) out.push_back({text.substr(start), start, number});
  return out;
}

}  // namespace mailverdict::internal
