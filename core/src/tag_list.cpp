/**
 * @file tag_list.cpp
 * @brief tag=value lists (RFC 6376 §3.2).
 */
#include "mailverdict/internal/tag_list.h"

#include <algorithm>

#include "mailverdict/internal/text.h"

namespace mailverdict::internal {

const std::string* tag_list::get(std::string_view name) const {
  for (const auto& t : tags) {
    if (t.name == name) return &t.value;
  }
  return nullptr;
}

result<tag_list> parse_tag_list(std::string_view text, std::string_view what) {
  tag_list out;
  const std::string w(what);
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t semi = text.find(';', pos);
    const std::string_view spec = trim(
        text.substr(pos, semi == std::string_view::npos ? std::string_view::npos : semi - pos));
    pos = semi == std::string_view::npos ? text.size() + 1 : semi + 1;
    if (spec.empty()) continue;  // the optional trailing ';', or ";;"
    const std::size_t eq = spec.find('=');
    if (eq == std::string_view::npos) {
      return parse_error{error_code::syntax,
                         w + ": \"" + std::string(spec.substr(0, 40)) + "\" is not tag=value."};
    }
    const std::string name = lower(trim(spec.substr(0, eq)));
    // tag-name = ALPHA *ALNUMPUNC (ALNUMPUNC = ALPHA / DIGIT / "_")
    bool ok = !name.empty() && is_alpha(name[0]);
    for (char c : name) ok = ok && (is_alpha(c) || is_digit(c) || c == '_');
    if (!ok)
      return parse_error{error_code::syntax,
                         w + ": \"" + name.substr(0, 40) + "\" is not a tag name."};
    if (out.get(name) != nullptr) {
      return parse_error{error_code::syntax,
                         w + ": the tag " + name + "= appears twice (RFC 6376 §3.2)."};
    }
    out.tags.push_back({name, std::string(trim(spec.substr(eq + 1)))});
  }
  if (out.tags.empty()) return parse_error{error_code::empty, w + " is empty."};
  return out;
}

std::string strip_spaces(std::string_view v) {
  std::string out(v.size(), '\0');
  std::size_t n = 0;
  for (char c : v) {
    if (!is_space(c)) out[n++] = c;
  }
  out.resize(n);
  return out;
}

bool has_text(std::string_view v) {
  return std::any_of(v.begin(), v.end(), [](char c) { return !is_space(c); });
}

bool parse_number(std::string_view s, long long& out) {
  s = trim(s);
  if (s.empty() || s.size() > 18) return false;
  long long n = 0;
  for (char c : s) {
    if (!is_digit(c)) return false;
    n = n * 10 + (c - '0');
  }
  out = n;
  return true;
}

}  // namespace mailverdict::internal
