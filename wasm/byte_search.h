/**
 * @file byte_search.h
 * @brief memchr and memcmp sixteen bytes at a time, for the WebAssembly
 * build.
 *
 * Emscripten's C library (musl) finds a byte four bytes at a time and
 * compares memory one byte at a time; natively glibc does both with AVX2.
 * The core spends much of its time in these two (searching the folded text
 * of a bounce, splitting lines, comparing names), so under WebAssembly they
 * were 12% and 3% of an analysis. These versions use 128-bit vectors
 * (clang's and gcc's generic vector extension, which becomes SIMD128 when
 * emcc compiles with -msimd128) and never read outside [p, p + n): the
 * last, partial block is done a byte at a time, so no read can run past the
 * end of linear memory.
 *
 * wasm/byte_search.cpp makes them the module's memchr and memcmp; the
 * native tests (tests/core/byte-search-test.cc) compare them with the C
 * library's at every length and alignment.
 */
#ifndef MAILVERDICT_WASM_BYTE_SEARCH_H
#define MAILVERDICT_WASM_BYTE_SEARCH_H

#include <cstddef>
#include <cstdint>

namespace mailverdict::wasm_detail {

typedef unsigned char byte16 __attribute__((vector_size(16)));

inline byte16 load16(const unsigned char* p) {
  byte16 v;
  __builtin_memcpy(&v, p, sizeof v);  // __builtin_: this file is compiled -fno-builtin
  return v;
}

/// Index of the first lane that is not zero in a comparison result (lanes
/// all-zero or all-one), or 16 when every lane is zero. Little-endian, as
/// WebAssembly always is.
template <typename Lanes>
inline unsigned first_lane(Lanes lanes) {
  static_assert(sizeof(Lanes) == 16);
#if defined(__wasm_simd128__)
  // i8x16.bitmask: one bit per lane, lane 0 lowest.
  const unsigned bits = static_cast<unsigned>(__builtin_wasm_bitmask_i8x16(lanes));
  return bits == 0 ? 16 : static_cast<unsigned>(__builtin_ctz(bits));
#else
  std::uint64_t half[2];
  __builtin_memcpy(half, &lanes, sizeof half);
  if (half[0] != 0) return static_cast<unsigned>(__builtin_ctzll(half[0])) / 8;
  if (half[1] != 0) return 8 + static_cast<unsigned>(__builtin_ctzll(half[1])) / 8;
  return 16;
#endif
}

/// memchr(s, c, n): the first byte equal to (unsigned char)c, or null.
inline const void* find_byte(const void* s, int c, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(s);
  const auto target = static_cast<unsigned char>(c);
  const byte16 want = target - byte16{};  // every lane set to target
  for (; n >= 16; p += 16, n -= 16) {
    const auto eq = load16(p) == want;
    if (const unsigned lane = first_lane(eq); lane < 16) return p + lane;
  }
  for (; n > 0; ++p, --n) {
    if (*p == target) return p;
  }
  return nullptr;
}

/// memcmp(a, b, n): <0, 0 or >0 as the first differing byte (unsigned) of
/// a is below, absent from or above b's.
inline int compare_bytes(const void* a, const void* b, std::size_t n) {
  const auto* l = static_cast<const unsigned char*>(a);
  const auto* r = static_cast<const unsigned char*>(b);
  for (; n >= 16; l += 16, r += 16, n -= 16) {
    const auto ne = load16(l) != load16(r);
    if (const unsigned lane = first_lane(ne); lane < 16) return l[lane] - r[lane];
  }
  for (; n > 0; ++l, ++r, --n) {
    if (*l != *r) return *l - *r;
  }
  return 0;
}

}  // namespace mailverdict::wasm_detail

#endif  // MAILVERDICT_WASM_BYTE_SEARCH_H
