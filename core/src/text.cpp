/**
 * @file text.cpp
 * @brief ASCII and UTF-8 helpers (see internal/text.h).
 */
#include "mailverdict/internal/text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "mailverdict/internal/word_scan.h"

namespace mailverdict::internal {

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string lower(std::string_view s) {
  std::string out(s);
  char* p = out.data();
  std::size_t i = 0;
  for (; i + 8 <= out.size(); i += 8) {
    const std::uint64_t w = lower8(load8(p + i));
    std::memcpy(p + i, &w, 8);
  }
  for (; i < out.size(); ++i) p[i] = to_lower(p[i]);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from) {
  if (needle.empty()) return from <= haystack.size() ? from : std::string_view::npos;
  if (needle.size() > haystack.size() || from > haystack.size() - needle.size())
    return std::string_view::npos;
  // Candidates are found with memchr on the first byte in both cases; each
  // case's next position is remembered, so every byte is scanned at most
  // once per case (linear, as the naive loop).
  const std::size_t last = haystack.size() - needle.size();  // last possible start
  const char lo = to_lower(needle[0]);
  const char up = (lo >= 'a' && lo <= 'z') ? static_cast<char>(lo - 32) : lo;
  const std::string_view rest = needle.substr(1);
  const char* base = haystack.data();
  const auto next = [&](char c, std::size_t at) -> std::size_t {
    const void* p = std::memchr(base + at, c, last - at + 1);
    return p == nullptr ? last + 1 : static_cast<std::size_t>(static_cast<const char*>(p) - base);
  };
  std::size_t next_lo = next(lo, from);
  std::size_t next_up = up == lo ? last + 1 : next(up, from);
  while (true) {
    const std::size_t i = std::min(next_lo, next_up);
    if (i > last) return std::string_view::npos;
    if (iequals(haystack.substr(i + 1, rest.size()), rest)) return i;
    if (i == next_lo) next_lo = i + 1 <= last ? next(lo, i + 1) : last + 1;
    if (i == next_up) next_up = i + 1 <= last ? next(up, i + 1) : last + 1;
  }
}

bool icontains(std::string_view haystack, std::string_view needle) {
  return ifind(haystack, needle) != std::string_view::npos;
}

folded_text::folded_text(std::string_view s) : original_(s), lower_(lower(s)) {
  for (std::size_t i = 0; i + 1 < lower_.size(); ++i) {
    const unsigned k = pair_bit(lower_[i], lower_[i + 1]);
    pairs_[k >> 6] |= std::uint64_t{1} << (k & 63);
  }
}

std::size_t folded_text::find(std::string_view needle, std::size_t from) const {
  if (needle.empty()) return from <= lower_.size() ? from : std::string_view::npos;
  if (needle.size() > lower_.size() || from > lower_.size() - needle.size())
    return std::string_view::npos;
  for (std::size_t k = 0; k + 1 < needle.size(); ++k) {
    if (!has_pair(to_lower(needle[k]), to_lower(needle[k + 1]))) return std::string_view::npos;
  }
  const std::size_t last = lower_.size() - needle.size();
  const char first = to_lower(needle[0]);
  const char* base = lower_.data();
  for (std::size_t i = from; i <= last;) {
    const void* p = std::memchr(base + i, first, last - i + 1);
    if (p == nullptr) break;
    i = static_cast<std::size_t>(static_cast<const char*>(p) - base);
    std::size_t k = 1;
    while (k < needle.size() && base[i + k] == to_lower(needle[k])) ++k;
    if (k == needle.size()) return i;
    ++i;
  }
  return std::string_view::npos;
}

namespace {
// Length of the valid UTF-8 sequence starting at s[i], or 0 when invalid.
// RFC 3629 §4 syntax: the second byte's range depends on the first.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<std::uint8_t>(s[k]); };
  const std::uint8_t c = b(i);
  if (c < 0x80) return 1;
  std::size_t n;
  std::uint8_t lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  return n;
}

// Length of the run of ASCII bytes starting at s[i], 8 bytes at a time.
std::size_t ascii_run(std::string_view s, std::size_t i) {
  const std::size_t start = i;
  for (; i + 8 <= s.size(); i += 8) {
    if (load8(s.data() + i) & kHighBits) break;
  }
  while (i < s.size() && static_cast<std::uint8_t>(s[i]) < 0x80) ++i;
  return i - start;
}
}  // namespace

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    i += ascii_run(s, i);
    if (i == s.size()) break;
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string to_valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t run = 0;  // start of the valid bytes not yet copied
  for (std::size_t i = 0; i < s.size();) {
    i += ascii_run(s, i);
    if (i == s.size()) break;
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) {
      out.append(s.substr(run, i - run));
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      ++i;
      run = i;
    } else {
      i += n;
    }
  }
  out.append(s.substr(run));
  return out;
}

std::string fill_template(
    std::string_view tpl,
    const std::vector<std::pair<std::string_view, std::string_view>>& values) {
  std::string out;
  out.reserve(tpl.size() + 32);
  for (std::size_t i = 0; i < tpl.size();) {
    if (tpl[i] == '{') {
      const std::size_t close = tpl.find('}', i + 1);
      if (close != std::string_view::npos) {
        const std::string_view key = tpl.substr(i + 1, close - i - 1);
        bool replaced = false;
        for (const auto& [name, value] : values) {
          if (name == key) {
            out += value;
            replaced = true;
            break;
          }
        }
        if (replaced) {
          i = close + 1;
          continue;
        }
      }
    }
    out += tpl[i++];
  }
  return out;
}

std::string concat(std::initializer_list<text_piece> pieces) {
  std::size_t size = 0;
  for (const auto& p : pieces) size += p.view().size();
  std::string out;
  out.reserve(size);
  for (const auto& p : pieces) out += p.view();
  return out;
}

std::string join_words(const std::vector<std::string>& items, std::string_view last_sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? std::string(last_sep) : std::string(", ");
    out += items[i];
  }
  return out;
}

}  // namespace mailverdict::internal
