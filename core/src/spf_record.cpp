/**
 * @file spf_record.cpp
 * @brief SPF records (RFC 7208 §4.6, §5, §6).
 */
#include "mailverdict/spf_record.h"

#include "mailverdict/data/sending_services.h"
#include "mailverdict/domain.h"
#include "mailverdict/internal/record_text.h"
#include "mailverdict/internal/tag_list.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

bool is_mechanism(std::string_view n) {
  for (std::string_view m : {"all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"}) {
    if (n == m) return true;
  }
  return false;
}

// RFC 7208 §4.6.4: these terms cost a DNS lookup each.
bool costs_lookup(const spf_term& t) {
  if (t.modifier) return t.name == "redirect";
  return t.name == "include" || t.name == "a" || t.name == "mx" || t.name == "ptr" ||
         t.name == "exists";
}

// Lookups a known service's include costs by itself (sending_services.tsv).
int known_include_cost(std::string_view include) {
  for (const auto& row : data::sending_services()) {
    std::string_view list = row.spf_includes;
    while (!list.empty()) {
      const std::size_t sp = list.find(' ');
      const std::string_view one = list.substr(0, sp);
      if (one == include) {
        long long n = 0;
        return internal::parse_number(row.spf_lookups, n) ? static_cast<int>(n) : 0;
      }
      if (sp == std::string_view::npos) break;
      list.remove_prefix(sp + 1);
    }
  }
  return 0;
}

}  // namespace

bool spf_record::mentions(std::string_view domain) const {
  const std::string want = organizational_domain(domain);
  if (want.empty()) return false;
  for (const auto& inc : includes) {
    if (organizational_domain(inc) == want) return true;
  }
  return !redirect.empty() && organizational_domain(redirect) == want;
}

result<spf_record> parse_spf_record(std::string_view pasted) {
  spf_record r;
  r.text = internal::record_text(pasted, "v=spf1");
  if (r.text.empty()) {
    return parse_error{error_code::missing_part,
                       "The SPF record must start with v=spf1 (RFC 7208 §4.5); none was found in "
                       "what was pasted."};
  }
  if (internal::ifind(std::string_view(r.text).substr(6), "v=spf1") != std::string::npos) {
    r.errors.push_back(
        "Two SPF records were pasted; a domain with more than one v=spf1 record gets permerror "
        "(RFC 7208 §3.2). Merge them into one.");
  }
  std::string_view rest = std::string_view(r.text).substr(6);
  bool after_all = false;
  while (!rest.empty()) {
    while (!rest.empty() && internal::is_space(rest.front())) rest.remove_prefix(1);
    std::size_t e = 0;
    while (e < rest.size() && !internal::is_space(rest[e])) ++e;
    const std::string_view word = rest.substr(0, e);
    rest.remove_prefix(e);
    if (word.empty()) continue;
    if (internal::iequals(word, "v=spf1")) break;  // the second record, reported above
    spf_term t;
    std::string_view w = word;
    const std::size_t eq = w.find('=');
    const std::size_t colon = w.find_first_of(":/");
    if (eq != std::string_view::npos && (colon == std::string_view::npos || eq < colon)) {
      t.modifier = true;
      t.name = internal::lower(w.substr(0, eq));
      t.value = internal::lower(w.substr(eq + 1));
    } else {
      if (w.front() == '+' || w.front() == '-' || w.front() == '~' || w.front() == '?') {
        t.qualifier = w.front();
        w.remove_prefix(1);
      }
      const std::size_t sep = w.find_first_of(":/");
      t.name = internal::lower(w.substr(0, sep));
      if (sep != std::string_view::npos)
        t.value = internal::lower(w.substr(w[sep] == ':' ? sep + 1 : sep));
      if (!is_mechanism(t.name)) {
        r.errors.push_back("\"" + std::string(word) +
                           "\" is not an SPF mechanism (RFC 7208 §5); receivers return "
                           "permerror for the whole record.");
        continue;
      }
    }
    if (after_all && !t.modifier) {
      r.warnings.push_back("\"" + std::string(word) +
                           "\" comes after \"all\" and is never reached.");
    }
    if (!t.modifier && t.name == "all") {
      r.all = std::string(1, t.qualifier);
      after_all = true;
      if (t.qualifier == '+')
        r.warnings.push_back(
            "+all authorizes every server on the Internet to send as this domain.");
    }
    if (!t.modifier && t.name == "include") {
      if (t.value.empty())
        r.errors.push_back("include: without a domain is a syntax error (RFC 7208 §5.2).");
      else
        r.includes.push_back(t.value);
    }
    if (!t.modifier && t.name == "ptr")
      r.warnings.push_back("ptr is slow and discouraged (RFC 7208 §5.5).");
    if (t.modifier && t.name == "redirect") {
      if (!r.redirect.empty()) r.errors.push_back("redirect= appears twice (RFC 7208 §6).");
      r.redirect = t.value;
    }
    if (costs_lookup(t)) ++r.own_lookups;
    r.terms.push_back(std::move(t));
  }
  r.lookups = r.own_lookups;
  for (const auto& inc : r.includes) r.lookups += known_include_cost(inc);
  if (!r.redirect.empty()) r.lookups += known_include_cost(r.redirect);
  if (r.lookups > kSpfLookupLimit) {
    r.errors.push_back(
        "The record needs at least " + std::to_string(r.lookups) +
        " DNS lookups; SPF allows 10 (RFC 7208 §4.6.4), so receivers return permerror.");
  }
  if (r.all.empty() && r.redirect.empty()) {
    r.warnings.push_back(
        "The record has no \"all\" term, so mail from unlisted servers gets neutral, not fail.");
  } else if (r.all == "?") {
    r.warnings.push_back(
        "?all asks receivers to treat unlisted servers as neutral: it protects nothing.");
  }
  return r;
}

}  // namespace mailverdict
