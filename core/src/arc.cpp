/**
 * @file arc.cpp
 * @brief ARC fields and chain structure (RFC 8617 §4.1, §5.2).
 */
#include "mailverdict/arc.h"

#include <algorithm>
#include <map>

#include "mailverdict/domain.h"
#include "mailverdict/internal/tag_list.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

// RFC 8617 §4.2.1: instance values are 1 to 50.
constexpr int kMaxInstance = 50;

result<int> read_instance(const internal::tag_list& t, const char* what) {
  const std::string* i = t.get("i");
  long long n = 0;
  if (i == nullptr || !internal::parse_number(*i, n) || n < 1 || n > kMaxInstance) {
    return parse_error{error_code::missing_part,
                       std::string(what) + " has no valid i= instance (1 to 50, RFC 8617 §4.2.1)."};
  }
  return static_cast<int>(n);
}

std::string tag_or_empty(const internal::tag_list& t, const char* name) {
  const std::string* v = t.get(name);
  return v == nullptr ? std::string() : internal::lower(internal::strip_spaces(*v));
}

// Whether the tag is present with a value (b=, bh=: only their presence is read).
bool has_tag_text(const internal::tag_list& t, const char* name) {
  const std::string* v = t.get(name);
  return v != nullptr && internal::has_text(*v);
}

}  // namespace

result<arc_seal> parse_arc_seal(std::string_view value) {
  auto t = internal::parse_tag_list(value, "ARC-Seal");
  if (!t) return t.error();
  auto i = read_instance(t.value(), "ARC-Seal");
  if (!i) return i.error();
  arc_seal s;
  s.instance = i.value();
  s.cv = tag_or_empty(t.value(), "cv");
  s.algorithm = tag_or_empty(t.value(), "a");
  s.domain = normalize_domain(tag_or_empty(t.value(), "d"));
  s.selector = tag_or_empty(t.value(), "s");
  s.has_signature = has_tag_text(t.value(), "b");
  if (s.cv != "none" && s.cv != "pass" && s.cv != "fail") {
    return parse_error{error_code::syntax,
                       "ARC-Seal i=" + std::to_string(s.instance) + " has cv=" + s.cv +
                           "; it must be none, pass or fail (RFC 8617 §4.1.3)."};
  }
  return s;
}

result<arc_message_signature> parse_arc_message_signature(std::string_view value) {
  auto t = internal::parse_tag_list(value, "ARC-Message-Signature");
  if (!t) return t.error();
  auto i = read_instance(t.value(), "ARC-Message-Signature");
  if (!i) return i.error();
  arc_message_signature s;
  s.instance = i.value();
  s.algorithm = tag_or_empty(t.value(), "a");
  s.domain = normalize_domain(tag_or_empty(t.value(), "d"));
  s.selector = tag_or_empty(t.value(), "s");
  s.has_body_hash = has_tag_text(t.value(), "bh");
  s.has_signature = has_tag_text(t.value(), "b");
  if (const std::string* h = t.value().get("h")) {
    std::string_view rest = *h;
    while (!rest.empty()) {
      const std::size_t colon = rest.find(':');
      const std::string name = internal::lower(internal::trim(rest.substr(0, colon)));
      if (!name.empty()) s.signed_headers.push_back(name);
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  return s;
}

result<arc_authentication_results> parse_arc_authentication_results(std::string_view value) {
  const std::size_t semi = value.find(';');
  if (semi == std::string_view::npos) {
    return parse_error{error_code::syntax, "ARC-Authentication-Results must start with \"i=N;\"."};
  }
  auto t = internal::parse_tag_list(value.substr(0, semi), "ARC-Authentication-Results");
  if (!t) return t.error();
  auto i = read_instance(t.value(), "ARC-Authentication-Results");
  if (!i) return i.error();
  auto ar = parse_auth_results(value.substr(semi + 1));
  if (!ar) return ar.error();
  return arc_authentication_results{i.value(), std::move(ar).value()};
}

arc_chain read_arc_chain(const header_block& block) {
  arc_chain chain;
  std::map<int, arc_set> sets;
  std::map<int, int> seals, sigs, aars;
  auto problem = [&](std::string p) {
    if (std::find(chain.problems.begin(), chain.problems.end(), p) == chain.problems.end()) {
      chain.problems.push_back(std::move(p));
    }
  };
  bool any = false;
  for (const auto& f : block.fields) {
    if (internal::iequals(f.name, "ARC-Seal")) {
      any = true;
      auto s = parse_arc_seal(f.value);
      if (!s) {
        problem(s.error().message);
        continue;
      }
      auto& set = sets[s->instance];
      set.instance = s->instance;
      if (++seals[s->instance] == 1) {
        set.seal = &f;
        set.parsed_seal = s.value();
      }
    } else if (internal::iequals(f.name, "ARC-Message-Signature")) {
      any = true;
      auto s = parse_arc_message_signature(f.value);
      if (!s) {
        problem(s.error().message);
        continue;
      }
      auto& set = sets[s->instance];
      set.instance = s->instance;
      if (++sigs[s->instance] == 1) set.signature = &f;
    } else if (internal::iequals(f.name, "ARC-Authentication-Results")) {
      any = true;
      auto a = parse_arc_authentication_results(f.value);
      if (!a) {
        problem("ARC-Authentication-Results could not be read: " + a.error().message);
        continue;
      }
      auto& set = sets[a->instance];
      set.instance = a->instance;
      if (++aars[a->instance] == 1) {
        set.results_field = &f;
        set.results = std::move(a.value().results);
      }
    }
  }
  if (!any) return chain;
  chain.sets = sets.empty() ? 0 : sets.rbegin()->first;
  // RFC 8617 §5.2 step 2 (and §5.1.1): every instance 1..N has exactly one
  // field of each kind.
  for (int i = 1; i <= chain.sets; ++i) {
    const std::string n = std::to_string(i);
    if (!sets.count(i)) {
      problem("ARC set i=" + n + " is missing: instances must run from 1 to " +
              std::to_string(chain.sets) + ".");
      continue;
    }
    if (seals[i] != 1)
      problem("ARC set i=" + n + " has " + std::to_string(seals[i]) +
              " ARC-Seal fields instead of one.");
    if (sigs[i] != 1) {
      problem("ARC set i=" + n + " has " + std::to_string(sigs[i]) +
              " ARC-Message-Signature fields instead of one.");
    }
    if (aars[i] != 1) {
      problem("ARC set i=" + n + " has " + std::to_string(aars[i]) +
              " ARC-Authentication-Results fields instead of one.");
    }
    // Step 3: cv=none only on the first instance; no instance may say fail.
    if (seals[i] >= 1) {
      const std::string& cv = sets[i].parsed_seal.cv;
      if (i == 1 && cv != "none")
        problem("ARC-Seal i=1 says cv=" + cv + "; the first seal must say cv=none.");
      if (i > 1 && cv == "none") problem("ARC-Seal i=" + n + " says cv=none; only i=1 may.");
      if (cv == "fail")
        problem("ARC-Seal i=" + n + " says cv=fail: a sealer found the chain broken.");
    }
    chain.instances.push_back(sets[i]);
  }
  if (chain.sets > 0 && seals[chain.sets] >= 1) chain.last_cv = sets[chain.sets].parsed_seal.cv;
  chain.structure = chain.problems.empty() && chain.sets > 0 ? "intact" : "broken";
  return chain;
}

}  // namespace mailverdict
