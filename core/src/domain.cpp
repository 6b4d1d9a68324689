/**
 * @file domain.cpp
 * @brief Organizational domains and alignment (RFC 7489 §3.1, §3.2).
 */
#include "mailverdict/domain.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "mailverdict/internal/idna.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace detail {
extern const std::string_view kPublicSuffixCoded;  // generated: psl_data.cpp
extern const int kPublicSuffixRuleCount;
}  // namespace detail

namespace {

// The rules in the order psl_data.cpp holds them: labels reversed
// ("*.kawasaki.jp" is "jp.kawasaki.*"), sorted bytewise. There each line is
// one character '0' + n, then the rule minus its first n bytes, which it
// shares with the line before (see tools/gen/psl.mjs). Decoded once into one
// buffer and searched by bisection: no per-rule allocation and no hashing,
// which keeps the first analysis (the page's first verdict) cheap.
class suffix_table {
 public:
  suffix_table() {
    const auto count = static_cast<std::size_t>(detail::kPublicSuffixRuleCount);
    chars_.reserve(count * 14);
    ends_.reserve(count);
    std::string_view coded = detail::kPublicSuffixCoded;
    std::size_t prev_start = 0;
    while (!coded.empty()) {
      const std::size_t nl = coded.find('\n');
      const std::string_view line = coded.substr(0, nl);
      coded.remove_prefix(nl == std::string_view::npos ? coded.size() : nl + 1);
      if (line.empty()) continue;
      const std::size_t prev_size = chars_.size() - prev_start;
      const std::size_t shared = std::min(static_cast<std::size_t>(line[0] - '0'), prev_size);
      const std::size_t start = chars_.size();
      // The shared bytes come from the previous rule, through a copy (the
      // buffer may move as it grows); the generator shares at most 78.
      char head[128];
      const std::size_t n = std::min(shared, sizeof head);
      std::memcpy(head, chars_.data() + prev_start, n);
      chars_.append(head, n);
      chars_.append(line.substr(1));
      ends_.push_back(static_cast<std::uint32_t>(chars_.size()));
      prev_start = start;
    }
  }

  std::size_t size() const { return ends_.size(); }

  /// Whether `reversed` (labels reversed, as the table holds them) is a rule.
  bool has(std::string_view reversed) const {
    std::size_t lo = 0;
    std::size_t hi = ends_.size();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      const int c = rule(mid).compare(reversed);
      if (c == 0) return true;
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return false;
  }

 private:
  std::string_view rule(std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(chars_).substr(begin, ends_[i] - begin);
  }

  std::string chars_;
  std::vector<std::uint32_t> ends_;
};

const suffix_table& suffix_rules() {
  static const suffix_table table;
  return table;
}

// "a.b.c" -> "c.b.a".
std::string reverse_labels(std::string_view domain) {
  std::string out;
  out.reserve(domain.size());
  std::size_t end = domain.size();
  while (true) {
    const std::size_t dot = end == 0 ? std::string_view::npos : domain.rfind('.', end - 1);
    const std::size_t start = dot == std::string_view::npos ? 0 : dot + 1;
    out.append(domain.substr(start, end - start));
    if (dot == std::string_view::npos) break;
    out += '.';
    end = dot;
  }
  return out;
}

}  // namespace

int public_suffix_rule_count() { return static_cast<int>(suffix_rules().size()); }

std::string normalize_domain(std::string_view domain) {
  std::string_view d = internal::trim(domain);
  while (!d.empty() &&
         (d.front() == '<' || d.front() == '"' || d.front() == '\'' || d.front() == '[')) {
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

namespace {

// The public suffix of a normalized, non-empty domain (RFC 7489 §3.2 uses
// the Public Suffix List's algorithm: the longest matching rule prevails,
// an exception rule wins over a wildcard, and "*" is the default rule).
std::string lookup_public_suffix(const std::string& domain) {
  const suffix_table& rules = suffix_rules();
  // The table holds rules with their labels reversed, so every suffix of the
  // domain is a prefix of the reversed domain: "a.b.c" -> "c.b.a", whose
  // prefixes "c", "c.b", "c.b.a" are the suffixes "c", "b.c", "a.b.c".
  const std::string rev = reverse_labels(domain);
  // Label boundaries in `rev`: prefix j is rev.substr(0, ends[j]).
  std::vector<std::size_t> ends;
  for (std::size_t i = 0; i < rev.size(); ++i) {
    if (rev[i] == '.') ends.push_back(i);
  }
  ends.push_back(rev.size());
  const std::size_t labels = ends.size();
  // The suffix of `n` labels, as written ("b.c" for n = 2).
  const auto suffix_of = [&](std::size_t n) {
    return std::string(std::string_view(domain).substr(domain.size() - ends[n - 1]));
  };
  std::string probe;
  // Longest suffix first, so the first match is the prevailing rule.
  for (std::size_t n = labels; n >= 1; --n) {
    const std::string_view prefix = std::string_view(rev).substr(0, ends[n - 1]);
    // "!a.b.c" reversed is "c.b.!a": the '!' sits before the last label.
    const std::size_t last = n == 1 ? 0 : ends[n - 2] + 1;
    probe.assign(prefix.substr(0, last));
    probe += '!';
    probe.append(prefix.substr(last));
    if (rules.has(probe)) {
      // An exception rule: the public suffix is the rule minus its leftmost label.
      return n > 1 ? suffix_of(n - 1) : suffix_of(n);
    }
    if (rules.has(prefix)) return suffix_of(n);
    if (n > 1) {
      // "*.b.c" reversed is "c.b.*": a wildcard over the suffix one label shorter.
      probe.assign(rev, 0, ends[n - 2]);
      probe += ".*";
      if (rules.has(probe)) return suffix_of(n);
    }
  }
  // The default rule "*": the last label.
  return suffix_of(1);
}

// One analysis asks about the same few domains many times (each hop, each
// identifier, each alignment check), so the last answers are kept. Small
// and per thread: no locking, and a miss costs one short scan.
const std::string& memo_public_suffix(const std::string& domain) {
  struct entry {
    std::string domain;
    std::string suffix;
  };
  constexpr std::size_t kEntries = 16;
  thread_local std::array<entry, kEntries> memo;
  thread_local std::size_t next = 0;
  for (const entry& e : memo) {
    if (e.domain == domain) return e.suffix;
  }
  entry& e = memo[next];
  next = (next + 1) % kEntries;
  e.domain = domain;
  e.suffix = lookup_public_suffix(domain);
  return e.suffix;
}

}  // namespace

std::string public_suffix(std::string_view domain_in) {
  const std::string domain = normalize_domain(domain_in);
  if (domain.empty()) return {};
  return memo_public_suffix(domain);
}

std::string organizational_domain(std::string_view domain_in) {
  const std::string domain = normalize_domain(domain_in);
  if (domain.empty()) return {};
  const std::string& suffix = memo_public_suffix(domain);
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
