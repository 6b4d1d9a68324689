/**
 * @file ip.cpp
 * @brief IP address literals (see internal/ip.h).
 */
#include "mailverdict/internal/ip.h"

#include "mailverdict/internal/text.h"

namespace mailverdict::internal {

namespace {

bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The first 16 bits of an IPv6 address written in text ("fe80::1" → 0xfe80).
int first_group(std::string_view s) {
  if (s.substr(0, 2) == "::") return 0;
  int v = 0;
  for (std::size_t i = 0; i < s.size() && i < 4 && is_hex(s[i]); ++i) {
    const char c = to_lower(s[i]);
    v = v * 16 + (is_digit(c) ? c - '0' : c - 'a' + 10);
  }
  return v;
}

}  // namespace

bool is_ipv4(std::string_view s) {
  int parts = 0;
  std::size_t i = 0;
  while (parts < 4) {
    std::size_t start = i;
    int v = 0;
    while (i < s.size() && is_digit(s[i]) && i - start < 3) v = v * 10 + (s[i++] - '0');
    if (i == start || v > 255) return false;
    if (i < s.size() && is_digit(s[i])) return false;  // more than three digits
    ++parts;
    if (parts < 4) {
      if (i >= s.size() || s[i] != '.') return false;
      ++i;
    }
  }
  return i == s.size();
}

bool is_ipv6(std::string_view s) {
  if (s.size() < 2 || s.size() > 45) return false;
  int groups = 0;
  bool double_colon = false;
  std::size_t i = 0;
  if (s.substr(0, 2) == "::") {
    double_colon = true;
    i = 2;
    if (i == s.size()) return true;
  } else if (s[0] == ':') {
    return false;
  }
  while (i < s.size()) {
    std::size_t start = i;
    while (i < s.size() && is_hex(s[i]) && i - start < 5) ++i;
    if (i < s.size() && s[i] == '.') {
      // An embedded IPv4 address ends the text (RFC 4291 §2.2 form 3).
      if (!is_ipv4(s.substr(start))) return false;
      groups += 2;
      i = s.size();
      break;
    }
    if (i == start || i - start > 4) return false;
    ++groups;
    if (i == s.size()) break;
    if (s[i] != ':') return false;
    ++i;
    if (i < s.size() && s[i] == ':') {
      if (double_colon) return false;
      double_colon = true;
      ++i;
      if (i == s.size()) break;
    } else if (i == s.size()) {
      return false;  // a trailing single colon
    }
  }
  return double_colon ? groups < 8 : groups == 8;
}

std::string ip_of(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '[') s.remove_prefix(1);
  if (!s.empty() && s.back() == ']') s.remove_suffix(1);
  if (istarts_with(s, "IPv6:")) s.remove_prefix(5);
  if (is_ipv4(s)) return std::string(s);
  if (is_ipv6(s)) return lower(s);
  return {};
}

bool is_private_ip(std::string_view ip) {
  if (is_ipv4(ip)) {
    int o[4] = {0, 0, 0, 0};
    int k = 0;
    for (char c : ip) {
      if (c == '.') {
        ++k;
      } else {
        o[k] = o[k] * 10 + (c - '0');
      }
    }
    return o[0] == 10 || o[0] == 127 || (o[0] == 172 && o[1] >= 16 && o[1] <= 31) ||
           (o[0] == 192 && o[1] == 168) || (o[0] == 169 && o[1] == 254) ||
           (o[0] == 100 && o[1] >= 64 && o[1] <= 127) || o[0] == 0;
  }
  if (is_ipv6(ip)) {
    if (ip == "::1" || ip == "::") return true;
    const int g = first_group(ip);
    return (g & 0xfe00) == 0xfc00 || (g & 0xffc0) == 0xfe80;
  }
  return false;
}

}  // namespace mailverdict::internal
