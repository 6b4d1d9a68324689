/**
 * @file domain.cpp
 * @brief Organizational domains and alignment (RFC 7489 §3.1, §3.2).
 */
#include "mailverdict/domain.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "mailverdict/internal/idna.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace detail {
extern const std::string_view kPublicSuffixCoded;  // generated: psl_data.cpp
extern const int kPublicSuffixRuleCount;
}  // namespace detail

namespace {

// The rules, one per line, decoded from psl_data.cpp: there each line is one
// character '0' + n, then the rule with its labels reversed minus its first n
// bytes, which it shares with the line before (see tools/gen/psl.mjs).
std::string decode_suffix_rules() {
  std::string all;
  all.reserve(static_cast<std::size_t>(detail::kPublicSuffixRuleCount) * 14);
  std::string reversed;  // the previous line, decoded: "jp.kawasaki.*"
  std::string_view coded = detail::kPublicSuffixCoded;
  while (!coded.empty()) {
    const std::size_t nl = coded.find('\n');
    const std::string_view line = coded.substr(0, nl);
    coded.remove_prefix(nl == std::string_view::npos ? coded.size() : nl + 1);
    if (line.empty()) continue;
    const auto shared = static_cast<std::size_t>(line[0] - '0');
    reversed.resize(std::min(shared, reversed.size()));
    reversed.append(line.substr(1));
    // Labels back in order: "jp.kawasaki.*" -> "*.kawasaki.jp".
    std::size_t end = reversed.size();
    while (true) {
      const std::size_t dot = end == 0 ? std::string::npos : reversed.rfind('.', end - 1);
      const std::size_t start = dot == std::string::npos ? 0 : dot + 1;
      all.append(reversed, start, end - start);
      if (dot == std::string::npos) break;
      all += '.';
      end = dot;
    }
    all += '\n';
  }
  return all;
}

const std::unordered_set<std::string_view>& suffix_rules() {
  static const std::string storage = decode_suffix_rules();
  static const std::unordered_set<std::string_view> rules = [] {
    std::unordered_set<std::string_view> set;
    set.reserve(static_cast<std::size_t>(detail::kPublicSuffixRuleCount) * 2);
    std::string_view all = storage;
    while (!all.empty()) {
      const std::size_t nl = all.find('\n');
      set.insert(all.substr(0, nl));
      if (nl == std::string_view::npos) break;
      all.remove_prefix(nl + 1);
    }
    return set;
  }();
  return rules;
}

bool has(std::string_view rule) { return suffix_rules().count(rule) > 0; }

}  // namespace

int public_suffix_rule_count() { return static_cast<int>(suffix_rules().size()); }

std::string normalize_domain(std::string_view domain) {
  std::string_view d = internal::trim(domain);
  while (!d.empty() && (d.front() == '<' || d.front() == '"' || d.front() == '\'' || d.front() == '[')) {
    d.remove_prefix(1);
  }
  while (!d.empty() && (d.back() == '>' || d.back() == '"' || d.back() == '\'' || d.back() == ']' ||
                        d.back() == '.' || d.back() == ',' || d.back() == ';')) {
    d.remove_suffix(1);
  }
  if (d.empty() || d.size() > 253) return {};
  std::string out;
  out.reserve(d.size());
  char prev = '.';
  bool non_ascii = false;
  for (char c : d) {
    const auto u = static_cast<unsigned char>(c);
    const bool ok = internal::is_alpha(c) || internal::is_digit(c) || c == '-' || c == '_' ||
                    c == '.' || u >= 0x80;
    if (!ok) return {};
    if (c == '.' && prev == '.') return {};  // empty label
    non_ascii = non_ascii || u >= 0x80;
    out += internal::to_lower(c);
    prev = c;
  }
  if (!non_ascii) return out;
  // IDN: compare A-labels, so "münchen.example" equals "xn--mnchen-3ya.example"
  // (RFC 5890 §2.3.2.1); the Public Suffix List is compiled in that form too.
  std::string ascii;
  std::string_view rest = out;
  while (true) {
    const std::size_t dot = rest.find('.');
    const std::string label = internal::label_to_ascii(rest.substr(0, dot));
    if (label.empty() && !rest.substr(0, dot).empty()) return {};
    ascii += label;
    if (dot == std::string_view::npos) break;
    ascii += '.';
    rest.remove_prefix(dot + 1);
  }
  return ascii.size() > 253 ? std::string() : ascii;
}

std::string domain_of(std::string_view address_or_domain) {
  std::string_view s = internal::trim(address_or_domain);
  const std::size_t at = s.rfind('@');
  if (at != std::string_view::npos) s = s.substr(at + 1);
  return normalize_domain(s);
}

std::string public_suffix(std::string_view domain_in) {
  const std::string domain = normalize_domain(domain_in);
  if (domain.empty()) return {};
  // Start positions of each suffix: "a.b.c" → "a.b.c", "b.c", "c".
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < domain.size(); ++i) {
    if (domain[i] == '.') starts.push_back(i + 1);
  }
  const std::string_view d = domain;
  std::string probe;
  // Longest suffix first, so the first match is the prevailing rule.
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const std::string_view suffix = d.substr(starts[k]);
    probe = "!";
    probe += suffix;
    if (has(probe)) {
      // An exception rule: the public suffix is the rule minus its leftmost label.
      return k + 1 < starts.size() ? std::string(d.substr(starts[k + 1])) : std::string(suffix);
    }
    if (has(suffix)) return std::string(suffix);
    if (k + 1 < starts.size()) {
      probe = "*.";
      probe += d.substr(starts[k + 1]);
      if (has(probe)) return std::string(suffix);
    }
  }
  // The default rule "*": the last label.
  return std::string(d.substr(starts.back()));
}

std::string organizational_domain(std::string_view domain_in) {
  const std::string domain = normalize_domain(domain_in);
  if (domain.empty()) return {};
  const std::string suffix = public_suffix(domain);
  if (suffix.size() >= domain.size()) return domain;
  // One more label to the left of the suffix.
  const std::size_t end = domain.size() - suffix.size() - 1;  // the dot before the suffix
  const std::size_t dot = domain.rfind('.', end - 1);
  return dot == std::string::npos ? domain : domain.substr(dot + 1);
}

bool aligned(std::string_view identifier, std::string_view from_domain, alignment_mode mode) {
  const std::string a = normalize_domain(identifier);
  const std::string b = normalize_domain(from_domain);
  if (a.empty() || b.empty()) return false;
  if (mode == alignment_mode::strict) return a == b;
  return organizational_domain(a) == organizational_domain(b);
}

}  // namespace mailverdict
