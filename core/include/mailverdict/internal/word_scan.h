/**
 * @file internal/word_scan.h
 * @brief Looking at eight bytes at a time: the zero-byte tests the text
 * scanners share (line ends, JSON escapes, ASCII runs).
 */
#pragma once

#include <cstdint>
#include <cstring>

namespace mailverdict::internal {

inline constexpr std::uint64_t kEachByte = 0x0101010101010101ULL;
inline constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

/// The eight bytes at `p`, in memory order, without alignment needs.
inline std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

/// Non-zero when some byte of `w` is below `n` (n <= 128). Exact about
/// whether there is one; bits above the first such byte may be set
/// falsely, so callers only use it to decide whether to look closer.
inline std::uint64_t bytes_below(std::uint64_t w, unsigned char n) {
  return (w - kEachByte * n) & ~w & kHighBits;
}

/// Non-zero when some byte of `w` equals `c` (same caveat).
inline std::uint64_t bytes_equal(std::uint64_t w, unsigned char c) {
  return bytes_below(w ^ (kEachByte * c), 1);
}

/// `w` with each byte 'A'..'Z' turned into 'a'..'z' and every other byte
/// (bytes above 0x7f too) kept. Each byte's low seven bits plus a constant
/// stay below 0x100, so no sum carries into the next byte.
inline std::uint64_t lower8(std::uint64_t w) {
  const std::uint64_t low7 = w & ~kHighBits;
  const std::uint64_t from_a = low7 + kEachByte * (0x80 - 'A');      // high bit: >= 'A'
  const std::uint64_t past_z = low7 + kEachByte * (0x80 - 'Z' - 1);  // high bit: > 'Z'
  const std::uint64_t upper = from_a & ~past_z & ~w & kHighBits;
  return w | (upper >> 2);  // 0x80 >> 2 is the 0x20 that makes a capital small
}

}  // namespace mailverdict::internal
