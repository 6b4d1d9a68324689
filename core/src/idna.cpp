/**
 * @file idna.cpp
 * @brief Punycode (RFC 3492 §6.3) for IDN labels.
 */
#include "mailverdict/internal/idna.h"

#include <cstdint>
#include <vector>

#include "mailverdict/internal/text.h"

namespace mailverdict::internal {

namespace {

// RFC 3492 §5 parameter values for Punycode.
constexpr std::uint32_t kBase = 36, kTMin = 1, kTMax = 26, kSkew = 38, kDamp = 700;
constexpr std::uint32_t kInitialBias = 72, kInitialN = 128;
// Labels are at most 63 octets (RFC 1035 §2.3.4); more code points than
// that can never fit, so longer input is refused before encoding.
constexpr std::size_t kMaxCodePoints = 63;

// RFC 3492 §6.1 bias adaptation.
std::uint32_t adapt(std::uint32_t delta, std::uint32_t points, bool first) {
  delta = first ? delta / kDamp : delta / 2;
  delta += delta / points;
  std::uint32_t k = 0;
  while (delta > ((kBase - kTMin) * kTMax) / 2) {
    delta /= kBase - kTMin;
    k += kBase;
  }
  return k + (kBase - kTMin + 1) * delta / (delta + kSkew);
}

char digit(std::uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26)); }

// Simple lowercase mapping for the capitals of Latin-1, Latin Extended-A,
// Greek and Cyrillic (enough for the domains people use; full case folding
// is UTS #46's job).
std::uint32_t lower_cp(std::uint32_t c) {
  if (c < 0x80) return static_cast<std::uint32_t>(to_lower(static_cast<char>(c)));
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 0x20;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 &&
      c != 0x17F) {
    // pairs: even capital, odd small (except a few ranges that are odd/even)
    const bool odd_capital = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_capital) return (c % 2 == 1) ? c + 1 : c;
    return (c % 2 == 0) ? c + 1 : c;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;  // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;                // Cyrillic А-Я
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;                // Cyrillic Ѐ-Џ
  return c;
}

bool decode_utf8(std::string_view s, std::vector<std::uint32_t>& out) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = 0;
    int extra = 0;
    if (b < 0x80)
      cp = b;
    else if ((b & 0xE0) == 0xC0)
      cp = b & 0x1F, extra = 1;
    else if ((b & 0xF0) == 0xE0)
      cp = b & 0x0F, extra = 2;
    else if ((b & 0xF8) == 0xF0)
      cp = b & 0x07, extra = 3;
    else
      return false;
    if (i + static_cast<std::size_t>(extra) >= s.size() && extra > 0) return false;
    for (int k = 1; k <= extra; ++k) {
      const auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    out.push_back(cp);
    if (out.size() > kMaxCodePoints) return false;
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

}  // namespace

std::string label_to_ascii(std::string_view label) {
  bool ascii = true;
  for (char c : label) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return lower(label);
  std::vector<std::uint32_t> cps;
  if (!is_valid_utf8(label) || !decode_utf8(label, cps)) return {};
  for (auto& c : cps) c = lower_cp(c);

  // RFC 3492 §6.3 encoding procedure.
  std::string out;
  for (auto c : cps) {
    if (c < 0x80) out += static_cast<char>(c);
  }
  const auto basic = static_cast<std::uint32_t>(out.size());
  std::uint32_t handled = basic;
  if (basic > 0) out += '-';
  std::uint32_t n = kInitialN, delta = 0, bias = kInitialBias;
  const auto total = static_cast<std::uint32_t>(cps.size());
  while (handled < total) {
    std::uint32_t m = 0x110000;
    for (auto c : cps) {
      if (c >= n && c < m) m = c;
    }
    // At most 63 code points below 0x110000: no overflow in 32 bits.
    delta += (m - n) * (handled + 1);
    n = m;
    for (auto c : cps) {
      if (c < n) ++delta;
      if (c != n) continue;
      std::uint32_t q = delta;
      for (std::uint32_t k = kBase;; k += kBase) {
        const std::uint32_t t = k <= bias ? kTMin : k >= bias + kTMax ? kTMax : k - bias;
        if (q < t) break;
        out += digit(t + (q - t) % (kBase - t));
        q = (q - t) / (kBase - t);
      }
      out += digit(q);
      bias = adapt(delta, handled + 1, handled == basic);
      delta = 0;
      ++handled;
    }
    ++delta;
    ++n;
  }
  return "xn--" + out;
}

}  // namespace mailverdict::internal
