// The WebAssembly build's memchr and memcmp (wasm/byte_search.h), built
// natively here with the same generic vector code, against the C library's:
// every length up to a few blocks, every alignment of a block, a match or
// difference at every position, and bytes on both sides of 0x80.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "byte_search.h"

namespace {

using mailverdict::wasm_detail::compare_bytes;
using mailverdict::wasm_detail::find_byte;

int sign(int v) { return (v > 0) - (v < 0); }

TEST(ByteSearch, FindsTheFirstMatchAtEveryLengthAlignmentAndPosition) {
  std::vector<unsigned char> buf(128 + 16);
  for (const int t : {0x00, 0x61, 0x7F, 0x80, 0xFF}) {
    const auto target = static_cast<unsigned char>(t);
    for (std::size_t align = 0; align < 16; ++align) {
      for (std::size_t n = 0; n <= 70; ++n) {
        for (std::size_t at = 0; at <= n; ++at) {  // at == n: no match inside
          for (std::size_t i = 0; i < buf.size(); ++i)
            buf[i] = static_cast<unsigned char>(target ^ 0x41);
          unsigned char* p = buf.data() + align;
          if (at < n) p[at] = target;
          if (at + 1 < n) p[n - 1] = target;  // a later match must not win
          p[n] = target;                      // just past the end: never found
          ASSERT_EQ(find_byte(p, target, n), std::memchr(p, target, n))
              << "target " << int{target} << " align " << align << " n " << n << " at " << at;
        }
      }
    }
  }
}

TEST(ByteSearch, TakesTheByteAsUnsignedCharLikeMemchr) {
  const unsigned char text[] = "xxxxxxxxxxxxxxxxxxxxAxxxx\xe9";
  EXPECT_EQ(find_byte(text, 0x141, sizeof text), std::memchr(text, 0x141, sizeof text));
  EXPECT_EQ(find_byte(text, -23, sizeof text), std::memchr(text, -23, sizeof text));  // 0xE9
  EXPECT_NE(find_byte(text, -23, sizeof text), nullptr);
}

TEST(ByteSearch, ComparesLikeMemcmpAtEveryLengthAlignmentAndPosition) {
  std::vector<unsigned char> a(128 + 16), b(128 + 16);
  for (const auto& [x, y] : {std::pair<unsigned char, unsigned char>{'a', 'b'},
                             {'b', 'a'},
                             {0x7F, 0x80},
                             {0x80, 0x7F},
                             {0x00, 0xFF},
                             {0xFF, 0x00}}) {
    for (std::size_t align = 0; align < 16; ++align) {
      for (std::size_t n = 0; n <= 70; ++n) {
        for (std::size_t at = 0; at <= n; ++at) {  // at == n: equal inside
          for (std::size_t i = 0; i < a.size(); ++i)
            a[i] = b[i] = static_cast<unsigned char>('0' + i % 10);
          const unsigned char* l = a.data() + align;
          const unsigned char* r = b.data() + (15 - align);
          std::memcpy(b.data() + (15 - align), a.data() + align, 70);
          if (at < n) {
            a[align + at] = x;
            b[15 - align + at] = y;
          }
          a[align + n] = 1;  // just past the end: never compared
          b[15 - align + n] = 2;
          ASSERT_EQ(sign(compare_bytes(l, r, n)), sign(std::memcmp(l, r, n)))
              << "align " << align << " n " << n << " at " << at;
        }
      }
    }
  }
}

}  // namespace
