/**
 * @file idna.cpp
 * @brief Punycode decoding and encoding (RFC 3492), labels and domains to
 * A-labels (RFC 5890 §2.3.2.1) and back for display (idna.h,
 * internal/idna.h).
 */
#include "mailverdict/idna.h"

#include <cstdint>

#include "mailverdict/internal/idna.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

// RFC 3492 §5 parameter values for Punycode.
constexpr std::uint32_t kBase = 36, kTmin = 1, kTmax = 26, kSkew = 38, kDamp = 700;
constexpr std::uint32_t kInitialBias = 72, kInitialN = 128;
constexpr std::uint32_t kMaxInt = 0x7FFFFFFF;
constexpr std::size_t kMaxLabel = 63;  // RFC 1035 §2.3.4

// RFC 3492 §6.1 bias adaptation.
std::uint32_t adapt(std::uint32_t delta, std::uint32_t points, bool first) {
  delta = first ? delta / kDamp : delta / 2;
  delta += delta / points;
  std::uint32_t k = 0;
  while (delta > ((kBase - kTmin) * kTmax) / 2) {
    delta /= kBase - kTmin;
    k += kBase;
  }
  return k + (kBase - kTmin + 1) * delta / (delta + kSkew);
}

char digit_char(std::uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26)); }

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0' + 26;
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= 'A' && c <= 'Z') return c - 'A';
  return -1;
}

// UTF-8 → code points; false on invalid UTF-8.
bool decode_utf8(std::string_view s, std::u32string& out) {
  if (!internal::is_valid_utf8(s)) return false;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    std::size_t n;
    if (c < 0x80) {
      cp = c, n = 1;
    } else if (c < 0xE0) {
      cp = c & 0x1F, n = 2;
    } else if (c < 0xF0) {
      cp = c & 0x0F, n = 3;
    } else {
      cp = c & 0x07, n = 4;
    }
    for (std::size_t k = 1; k < n; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out += cp;
    i += n;
  }
  return true;
}

// Simple lowercase mapping for the capitals of Latin-1, Latin Extended-A,
// Greek and Cyrillic (enough for the domains people use; full case folding
// is UTS #46's job).
char32_t fold(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 &&
      c != 0x17F) {
    // Pairs: even capital, odd small, except two runs where it is the reverse.
    const bool odd_capital = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_capital) return (c % 2 == 1) ? c + 1 : c;
    return (c % 2 == 0) ? c + 1 : c;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;  // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;                // Cyrillic А-Я
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;                // Cyrillic Ѐ-Џ
  return c;
}

}  // namespace

std::string punycode_encode(const std::u32string& input) {
  std::string out;
  for (char32_t c : input) {
    if (c < 0x80) out += static_cast<char>(c);
  }
  const std::uint32_t basic = static_cast<std::uint32_t>(out.size());
  std::uint32_t handled = basic;
  if (basic > 0) out += '-';
  std::uint32_t n = kInitialN, delta = 0, bias = kInitialBias;
  const auto total = static_cast<std::uint32_t>(input.size());
  while (handled < total) {
    std::uint32_t m = kMaxInt;
    for (char32_t c : input) {
      if (c >= n && c < m) m = c;
    }
    if (m - n > (kMaxInt - delta) / (handled + 1)) return {};
    delta += (m - n) * (handled + 1);
    n = m;
    for (char32_t c : input) {
      if (c < n && ++delta == 0) return {};
      if (c == n) {
        std::uint32_t q = delta;
        for (std::uint32_t k = kBase;; k += kBase) {
          const std::uint32_t t = k <= bias ? kTmin : (k >= bias + kTmax ? kTmax : k - bias);
          if (q < t) break;
          out += digit_char(t + (q - t) % (kBase - t));
          q = (q - t) / (kBase - t);
        }
        out += digit_char(q);
        bias = adapt(delta, handled + 1, handled == basic);
        delta = 0;
        ++handled;
      }
    }
    ++delta;
    ++n;
  }
  return out;
}

bool punycode_decode(std::string_view input, std::u32string& out) {
  out.clear();
  std::size_t b = input.rfind('-');
  if (b == std::string_view::npos) b = 0;
  for (std::size_t j = 0; j < b; ++j) {
    if (static_cast<unsigned char>(input[j]) >= 0x80) return false;
    out += static_cast<char32_t>(input[j]);
  }
  std::uint32_t n = kInitialN, i = 0, bias = kInitialBias;
  for (std::size_t in = b > 0 ? b + 1 : 0; in < input.size();) {
    const std::uint32_t old_i = i;
    std::uint32_t w = 1;
    for (std::uint32_t k = kBase;; k += kBase) {
      if (in >= input.size()) return false;
      const int digit = digit_value(input[in++]);
      if (digit < 0) return false;
      const auto d = static_cast<std::uint32_t>(digit);
      if (d > (kMaxInt - i) / w) return false;
      i += d * w;
      const std::uint32_t t = k <= bias ? kTmin : (k >= bias + kTmax ? kTmax : k - bias);
      if (d < t) break;
      if (w > kMaxInt / (kBase - t)) return false;
      w *= kBase - t;
    }
    const auto len = static_cast<std::uint32_t>(out.size() + 1);
    bias = adapt(i - old_i, len, old_i == 0);
    if (i / len > kMaxInt - n) return false;
    n += i / len;
    i %= len;
    if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF)) return false;
    if (out.size() >= 256) return false;
    out.insert(out.begin() + i, static_cast<char32_t>(n));
    ++i;
  }
  return true;
}

namespace internal {

std::string label_to_ascii(std::string_view label) {
  bool ascii = true;
  for (char c : label) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return lower(label);
  std::u32string cps;
  // More code points than a label's 63 octets can never be encoded.
  if (!decode_utf8(label, cps) || cps.size() > kMaxLabel) return {};
  for (char32_t& c : cps) c = fold(c);
  const std::string encoded = punycode_encode(cps);
  if (encoded.empty() || encoded.size() + 4 > kMaxLabel) return {};
  return "xn--" + encoded;
}

}  // namespace internal

std::string domain_to_ascii(std::string_view domain) {
  std::string out;
  std::size_t start = 0;
  while (start <= domain.size()) {
    std::size_t dot = domain.find('.', start);
    if (dot == std::string_view::npos) dot = domain.size();
    const std::string_view label = domain.substr(start, dot - start);
    if (!out.empty() || start > 0) out += '.';
    const std::string ace = internal::label_to_ascii(label);
    if (ace.empty() && !label.empty()) return {};
    out += ace;
    start = dot + 1;
  }
  return out;
}

std::string domain_to_unicode(std::string_view domain) {
  std::string out;
  std::size_t start = 0;
  while (start <= domain.size()) {
    std::size_t dot = domain.find('.', start);
    if (dot == std::string_view::npos) dot = domain.size();
    const std::string_view label = domain.substr(start, dot - start);
    if (start > 0) out += '.';
    std::u32string cps;
    if (internal::istarts_with(label, "xn--") && punycode_decode(label.substr(4), cps)) {
      for (char32_t c : cps) internal::append_utf8(out, c);
    } else {
      out += label;
    }
    start = dot + 1;
  }
  return out;
}

}  // namespace mailverdict
