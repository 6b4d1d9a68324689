/**
 * @file received_spf.cpp
 * @brief Received-SPF (RFC 7208 §9.1).
 */
#include "mailverdict/received_spf.h"

#include "mailverdict/domain.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

std::string received_spf::checked_domain() const {
  if (is_helo()) return normalize_domain(helo);
  const std::string d = domain_of(envelope_from);
  return d.empty() ? normalize_domain(helo) : d;
}

bool received_spf::is_helo() const {
  if (internal::iequals(identity, "helo")) return true;
  // RFC 7208 §2.4: with an empty MAIL FROM the check is for postmaster@HELO.
  return identity.empty() && envelope_from.empty() && !helo.empty();
}

result<received_spf> parse_received_spf(std::string_view value) {
  std::string_view v = internal::trim(value);
  received_spf out;
  std::size_t i = 0;
  while (i < v.size() && internal::is_alpha(v[i])) ++i;
  out.result = internal::lower(v.substr(0, i));
  static constexpr std::string_view kResults[] = {"pass", "fail",      "softfail",  "neutral",
                                                  "none", "temperror", "permerror", "policy"};
  bool known = false;
  for (auto r : kResults) known = known || out.result == r;
  // RFC 4408 wrote "error" and "unknown" for temperror and permerror.
  if (out.result == "error") out.result = "temperror", known = true;
  if (out.result == "unknown") out.result = "permerror", known = true;
  if (!known) {
    return parse_error{error_code::syntax,
                       "Received-SPF must start with an SPF result (pass, fail, softfail, ...)."};
  }
  while (i < v.size() && internal::is_space(v[i])) ++i;
  if (i < v.size() && v[i] == '(') {  // comment, nesting counted
    int depth = 0;
    const std::size_t b = i;
    for (; i < v.size(); ++i) {
      if (v[i] == '\\') {
        ++i;
        continue;
      }
      if (v[i] == '(') ++depth;
      if (v[i] == ')' && --depth == 0) break;
    }
    out.comment =
        std::string(internal::trim(v.substr(b + 1, (i < v.size() ? i : v.size()) - b - 1)));
    if (i < v.size()) ++i;
  }
  // key-value-list
  while (i < v.size()) {
    while (i < v.size() && (internal::is_space(v[i]) || v[i] == ';')) ++i;
    const std::size_t kb = i;
    while (i < v.size() && v[i] != '=' && v[i] != ';' && !internal::is_space(v[i])) ++i;
    const std::string key = internal::lower(v.substr(kb, i - kb));
    while (i < v.size() && internal::is_space(v[i])) ++i;
    if (i >= v.size() || v[i] != '=') {
      while (i < v.size() && v[i] != ';') ++i;  // stray text: skip to the next pair
      continue;
    }
    ++i;
    while (i < v.size() && internal::is_space(v[i])) ++i;
    std::string val;
    if (i < v.size() && v[i] == '"') {
      for (++i; i < v.size() && v[i] != '"'; ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) ++i;
        val += v[i];
      }
      if (i < v.size()) ++i;
    } else {
      const std::size_t b = i;
      while (i < v.size() && v[i] != ';' && !internal::is_space(v[i])) ++i;
      val = std::string(v.substr(b, i - b));
    }
    if (key == "client-ip")
      out.client_ip = val;
    else if (key == "envelope-from")
      out.envelope_from = val;
    else if (key == "helo")
      out.helo = val;
    else if (key == "identity")
      out.identity = internal::lower(val);
    else if (key == "receiver")
      out.receiver = val;
    else if (key == "mechanism")
      out.mechanism = val;
    else if (key == "problem")
      out.problem = val;
    else if (!key.empty())
      out.other.emplace_back(key, val);
  }
  // Many receivers name the checked domain only in the comment:
  // "(domain of bounce@example.com designates ...)".
  if (out.envelope_from.empty()) {
    std::size_t p = internal::ifind(out.comment, "domain of ");
    if (p != std::string::npos) {
      p += 10;
      // Gmail: "domain of transitioning a@b.example does not designate ..."
      if (internal::istarts_with(std::string_view(out.comment).substr(p), "transitioning "))
        p += 14;
      std::size_t e = p;
      while (e < out.comment.size() && !internal::is_space(out.comment[e])) ++e;
      out.envelope_from = out.comment.substr(p, e - p);
    }
  }
  return out;
}

}  // namespace mailverdict
