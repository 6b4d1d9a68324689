/**
 * @file lines.cpp
 * @brief Splitting input into lines (RFC 5322 §2.1 line ends, and the bare
 * LF or CR of pasted text).
 */
#include "mailverdict/internal/lines.h"

#include <cstdint>
#include <cstring>

namespace mailverdict::internal {

namespace {

// The position of the next CR or LF at or after `i`, or `size`. Eight bytes
// at a time: a byte of `w ^ pattern` is zero where `w` holds that byte, and
// (x - 0x01..) & ~x & 0x80.. is non-zero exactly when some byte of x is zero.
std::size_t next_line_end(const char* p, std::size_t i, std::size_t size) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  constexpr std::uint64_t kLf = kOnes * '\n';
  constexpr std::uint64_t kCr = kOnes * '\r';
  while (i + 8 <= size) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    const std::uint64_t lf = w ^ kLf;
    const std::uint64_t cr = w ^ kCr;
    if (((lf - kOnes) & ~lf & kHighs) | ((cr - kOnes) & ~cr & kHighs)) break;
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
