/**
 * @file transfer_encoding.cpp
 * @brief Base64 and quoted-printable decoding (see
 * internal/transfer_encoding.h).
 */
#include "mailverdict/internal/transfer_encoding.h"

#include <cstdint>

#include "mailverdict/internal/text.h"

namespace mailverdict::internal {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool decode_base64(std::string_view in, std::string& out, base64_mode mode) {
  out.reserve(out.size() + in.size() / 4 * 3);
  std::uint32_t acc = 0;
  int bits = 0;
  for (const char c : in) {
    int v;
    if (c >= 'A' && c <= 'Z') {
      v = c - 'A';
    } else if (c >= 'a' && c <= 'z') {
      v = c - 'a' + 26;
    } else if (c >= '0' && c <= '9') {
      v = c - '0' + 52;
    } else if (c == '+' || (c == '-' && mode == base64_mode::body)) {
      v = 62;
    } else if (c == '/' || (c == '_' && mode == base64_mode::body)) {
      v = 63;
    } else if (c == '=') {
      break;  // padding: the data ends here
    } else if (mode == base64_mode::body) {
      continue;  // RFC 2045 §6.8: line breaks and other characters are ignored
    } else {
      return false;
    }
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return true;
}

bool decode_quoted_printable(std::string_view in, std::string& out, qp_mode mode) {
  out.reserve(out.size() + in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (mode == qp_mode::body) {
      // Plain text up to the next "=" is copied as one run.
      const std::size_t eq = in.find('=', i);
      const std::size_t run_end = eq == std::string_view::npos ? in.size() : eq;
      out.append(in.substr(i, run_end - i));
      i = run_end;
      if (i == in.size()) break;
    }
    const char c = in[i];
    if (c == '_' && mode == qp_mode::word) {
      out += ' ';  // RFC 2047 §4.2 (2)
      continue;
    }
    if (c != '=') {
      out += c;
      continue;
    }
    if (mode == qp_mode::body) {
      // RFC 2045 §6.7 (5): "=" at the end of a line (trailing white space
      // allowed) is a soft line break.
      std::size_t j = i + 1;
      while (j < in.size() && is_wsp(in[j])) ++j;
      if (j == in.size()) {
        i = j;
        continue;
      }
      if (in[j] == '\r' || in[j] == '\n') {
        if (in[j] == '\r' && j + 1 < in.size() && in[j + 1] == '\n') ++j;
        i = j;
        continue;
      }
    }
    const int hi = i + 2 < in.size() ? hex_value(in[i + 1]) : -1;
    const int lo = i + 2 < in.size() ? hex_value(in[i + 2]) : -1;
    if (hi >= 0 && lo >= 0) {
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (mode == qp_mode::word) {
      return false;
    } else {
      out += c;  // RFC 2045 §6.7 note: a malformed escape is kept as written
    }
  }
  return true;
}

}  // namespace mailverdict::internal
