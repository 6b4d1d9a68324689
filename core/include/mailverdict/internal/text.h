/**
 * @file internal/text.h
 * @brief Small ASCII and UTF-8 text helpers shared by the parsers.
 *
 * Everything here is linear in its input and allocation-light. None of it is
 * part of the public API.
 */
#pragma once

#include <array>
#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace mailverdict::internal {

/// RFC 5234 WSP: space or horizontal tab.
constexpr bool is_wsp(char c) { return c == ' ' || c == '\t'; }
constexpr bool is_space(char c) {
  return is_wsp(c) || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
constexpr char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view trim(std::string_view s);
std::string lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
/// Case-insensitive (ASCII) substring search; npos when absent.
std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from = 0);
bool icontains(std::string_view haystack, std::string_view needle);

/// A text prepared for many case-insensitive searches (table patterns over
/// one notice): lowercased once, with the set of its adjacent byte pairs,
/// so a needle with a pair the text lacks is ruled out without a scan.
/// find() gives exactly what ifind() gives on the original text. Built in
/// linear time; holds a view of the original, which must outlive it.
class folded_text {
 public:
  explicit folded_text(std::string_view s);
  std::string_view original() const { return original_; }
  std::size_t find(std::string_view needle, std::size_t from = 0) const;
  bool contains(std::string_view needle) const { return find(needle) != std::string_view::npos; }
  /// Keeps the first `n` bytes (n <= size): the same as folding the
  /// original's prefix, without folding it again.
  void truncate(std::size_t n) {
    lower_.resize(n);
    original_ = original_.substr(0, n);
  }

 private:
  // The low six bits of both bytes: 4,096 bits, cheap to clear for the
  // many short texts (a subject, one line). Pairs that share a bit can only
  // let a needle through to the scan, never rule a present one out.
  static unsigned pair_bit(char a, char b) {
    return (static_cast<unsigned char>(a) & 63u) << 6 | (static_cast<unsigned char>(b) & 63u);
  }
  bool has_pair(char a, char b) const {
    const unsigned k = pair_bit(a, b);
    return (pairs_[k >> 6] >> (k & 63)) & 1;
  }
  std::string_view original_;
  std::string lower_;
  std::array<std::uint64_t, 64> pairs_{};  // bit pair_bit(a, b): "ab" may occur (lowercased)
};

/// True when `s` is valid UTF-8 (RFC 3629 §4: no overlongs, no surrogates).
bool is_valid_utf8(std::string_view s);
/// Appends the UTF-8 form of code point `cp` (RFC 3629 §3); a surrogate or
/// a value past U+10FFFF becomes U+FFFD.
void append_utf8(std::string& out, char32_t cp);
/// Copies `s`, replacing every invalid UTF-8 sequence with U+FFFD, so that
/// the result can always be serialized as JSON.
std::string to_valid_utf8(std::string_view s);

/// Replaces every `{name}` in `tpl` whose name is in `values`; other braces
/// are kept as written. Never throws (the wasm build has no exceptions).
std::string fill_template(std::string_view tpl,
                          const std::vector<std::pair<std::string_view, std::string_view>>& values);

/// One argument of concat(): text as it is, a char as itself, an integer in
/// decimal (as std::to_chars writes it).
class text_piece {
 public:
  text_piece(std::string_view s) : data_(s.data()), size_(s.size()) {}
  text_piece(const std::string& s) : data_(s.data()), size_(s.size()) {}
  text_piece(const char* s) : text_piece(std::string_view(s)) {}
  text_piece(char c) : size_(1) { buf_[0] = c; }
  template <class T>
  requires(std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>)
      text_piece(T n) {
    size_ = static_cast<std::size_t>(std::to_chars(buf_, buf_ + sizeof buf_, n).ptr - buf_);
  }
  std::string_view view() const { return {data_ != nullptr ? data_ : buf_, size_}; }

 private:
  const char* data_ = nullptr;  // null: the text is in buf_
  std::size_t size_ = 0;
  char buf_[24]{};
};

/// The pieces one after another: concat("Delivery to ", recipient, " failed (", n, " tries).").
/// The core's sentences are written with this rather than a formatting
/// library: nothing to parse at run time, nothing that can throw.
std::string concat(std::initializer_list<text_piece> pieces);
template <class... A>
std::string concat(const A&... pieces) {
  return concat({text_piece(pieces)...});
}

/// Joins `items` as "a", "a and b" or "a, b and c".
std::string join_words(const std::vector<std::string>& items, std::string_view last_sep = " and ");

}  // namespace mailverdict::internal
