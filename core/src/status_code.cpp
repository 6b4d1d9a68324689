/**
 * @file status_code.cpp
 * @brief Reply codes and enhanced status codes (see status_code.h).
 */
#include "mailverdict/status_code.h"

#include <string>

#include "mailverdict/data/status_codes.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

using internal::is_alpha;
using internal::is_digit;

// Reads 1..max digits at s[i]; returns the count (0 when none or too many).
std::size_t digits(std::string_view s, std::size_t i, std::size_t max) {
  std::size_t n = 0;
  while (i + n < s.size() && is_digit(s[i + n])) ++n;
  return n > max ? 0 : n;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// An enhanced status at s[i] (RFC 3463 §2: class "." subject "." detail,
// subject 1-3 digits, detail 1-3 digits); its length, or 0.
std::size_t enhanced_at(std::string_view s, std::size_t i, enhanced_status& out) {
  if (i >= s.size() || (s[i] != '2' && s[i] != '4' && s[i] != '5')) return 0;
  if (i + 1 >= s.size() || s[i + 1] != '.') return 0;
  const std::size_t a = digits(s, i + 2, 3);
  if (a == 0) return 0;
  const std::size_t dot = i + 2 + a;
  if (dot >= s.size() || s[dot] != '.') return 0;
  const std::size_t b = digits(s, dot + 1, 3);
  if (b == 0) return 0;
  const std::size_t end = dot + 1 + b;
  // Not the start of a longer dotted number such as an IP address.
  if (end < s.size() && (s[end] == '.' && end + 1 < s.size() && is_digit(s[end + 1]))) return 0;
  if (end < s.size() && (is_alpha(s[end]) || s[end] == '_')) return 0;
  out.klass = s[i] - '0';
  out.subject = to_int(s.substr(i + 2, a));
  out.detail = to_int(s.substr(dot + 1, b));
  return end - i;
}

// True when the character before position i does not glue a number to it.
// A colon glues ("10:45:01", "[2001:db8::550]", "host:550") unless a space
// comes before it: "ERROR_CODE :550" (Zoho) is a label, then its value.
bool boundary_before(std::string_view s, std::size_t i) {
  if (i == 0) return true;
  const char c = s[i - 1];
  if (c == ':') return i >= 2 && internal::is_wsp(s[i - 2]);
  return !is_digit(c) && !is_alpha(c) && c != '.' && c != '-' && c != '/' && c != '_' && c != '+';
}

}  // namespace

std::string enhanced_status::to_string() const {
  return std::to_string(klass) + "." + std::to_string(subject) + "." + std::to_string(detail);
}

std::optional<enhanced_status> parse_enhanced_status(std::string_view text) {
  const std::string_view t = internal::trim(text);
  enhanced_status s;
  if (enhanced_at(t, 0, s) != t.size() || t.empty()) return std::nullopt;
  return s;
}

std::optional<smtp_reply> find_smtp_reply(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c != '4' && c != '5') || !boundary_before(text, i)) continue;
    enhanced_status st;
    if (const std::size_t n = enhanced_at(text, i, st); n > 0) {
      smtp_reply r;
      r.status = st;
      r.offset = i;
      std::size_t k = i + n;
      while (k < text.size() && (internal::is_wsp(text[k]) || text[k] == '-')) ++k;
      r.text_offset = k;
      return r;
    }
    if (digits(text, i, 3) != 3) continue;
    const std::size_t after = i + 3;
    // "550 text", "550-text", "550" at the end, or "550;"; not "550.3" or "5502".
    if (after < text.size() && text[after] != ' ' && text[after] != '-' && text[after] != '\t' &&
        text[after] != '\r' && text[after] != '\n' && text[after] != '\'' && text[after] != '"' &&
        text[after] != ')' && text[after] != ']' && text[after] != ';' && text[after] != ',') {
      continue;
    }
    const int code = to_int(text.substr(i, 3));
    if (code % 100 > 59) continue;  // basic codes use 0-5 as the second digit (RFC 5321 §4.2.1)
    smtp_reply r;
    r.code = code;
    r.offset = i;
    std::size_t k = after;
    while (k < text.size() && (internal::is_wsp(text[k]) || text[k] == '-' || text[k] == '#')) ++k;
    if (const std::size_t n = enhanced_at(text, k, st); n > 0) {
      r.status = st;
      k += n;
      while (k < text.size() && (internal::is_wsp(text[k]) || text[k] == '-')) ++k;
    }
    r.text_offset = k;
    return r;
  }
  return std::nullopt;
}

std::optional<enhanced_status> find_enhanced_status(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((text[i] != '4' && text[i] != '5') || !boundary_before(text, i)) continue;
    enhanced_status st;
    if (enhanced_at(text, i, st) > 0) return st;
  }
  return std::nullopt;
}

std::string_view status_summary(const enhanced_status& s) {
  const std::string detail = "X." + std::to_string(s.subject) + "." + std::to_string(s.detail);
  const std::string subject = "X." + std::to_string(s.subject);
  std::string_view fallback;
  for (const auto& row : data::status_codes()) {
    if (row.code == detail) return row.summary;
    if (row.code == subject) fallback = row.summary;
  }
  return fallback;
}

}  // namespace mailverdict
