/**
 * @file dkim_signature.cpp
 * @brief DKIM-Signature tags (RFC 6376 §3.5, §6.1.1).
 */
#include "mailverdict/dkim_signature.h"

#include "mailverdict/domain.h"
#include "mailverdict/internal/tag_list.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

result<dkim_signature> parse_dkim_signature(std::string_view value) {
  auto parsed = internal::parse_tag_list(value, "DKIM-Signature");
  if (!parsed) return parsed.error();
  const internal::tag_list& t = parsed.value();
  dkim_signature s;
  // RFC 6376 §6.1.1: v, a, b, bh, d, h and s are required.
  for (const char* required : {"v", "a", "b", "bh", "d", "h", "s"}) {
    if (t.get(required) == nullptr) {
      return parse_error{error_code::missing_part, std::string("DKIM-Signature has no ") +
                                                       required +
                                                       "= tag (RFC 6376 §6.1.1 requires it)."};
    }
  }
  s.version = *t.get("v");
  s.algorithm = internal::lower(internal::strip_spaces(*t.get("a")));
  s.domain = normalize_domain(*t.get("d"));
  if (s.domain.empty()) s.domain = internal::lower(*t.get("d"));
  s.selector = internal::lower(internal::strip_spaces(*t.get("s")));
  s.has_signature = internal::has_text(*t.get("b"));
  s.has_body_hash = internal::has_text(*t.get("bh"));
  for (std::string_view h = *t.get("h"); !h.empty();) {
    const std::size_t colon = h.find(':');
    const std::string name = internal::lower(internal::trim(h.substr(0, colon)));
    if (!name.empty()) s.signed_headers.push_back(name);
    if (colon == std::string_view::npos) break;
    h.remove_prefix(colon + 1);
  }
  if (const auto* c = t.get("c")) {
    const std::string canon = internal::lower(internal::strip_spaces(*c));
    const std::size_t slash = canon.find('/');
    s.header_canon = canon.substr(0, slash);
    if (slash != std::string::npos) s.body_canon = canon.substr(slash + 1);
  }
  if (const auto* i = t.get("i")) s.identity = internal::strip_spaces(*i);
  if (const auto* q = t.get("q")) s.query = internal::strip_spaces(*q);
  long long n = 0;
  if (const auto* l = t.get("l"); l && internal::parse_number(*l, n)) s.body_length = n;
  if (const auto* ts = t.get("t"); ts && internal::parse_number(*ts, n)) s.timestamp = n;
  if (const auto* x = t.get("x"); x && internal::parse_number(*x, n)) s.expiration = n;

  // Checks a verifier makes before any DNS lookup (RFC 6376 §6.1.1).
  if (s.version != "1") {
    s.problems.push_back(
        {"dkim_version", "The signature's version is v=" + s.version + "; only v=1 exists."});
  }
  if (!s.identity.empty()) {
    const std::string idom = domain_of(s.identity);
    if (!idom.empty() && idom != s.domain &&
        !(idom.size() > s.domain.size() && idom.compare(idom.size() - s.domain.size() - 1,
                                                        std::string::npos, "." + s.domain) == 0)) {
      s.problems.push_back(
          {"dkim_identity_outside_domain",
           "i=" + s.identity + " is not in d=" + s.domain + " or a subdomain of it."});
    }
  }
  bool from_signed = false;
  for (const auto& h : s.signed_headers) from_signed = from_signed || h == "from";
  if (!from_signed)
    s.problems.push_back({"dkim_from_not_signed", "h= does not include From, which is required."});
  if (s.timestamp && s.expiration && *s.expiration < *s.timestamp) {
    s.problems.push_back({"dkim_expires_before_signed",
                          "x= is earlier than t=: the signature expired before it was made."});
  }
  if (s.algorithm == "rsa-sha1") {
    s.problems.push_back(
        {"dkim_sha1", "a=rsa-sha1 is obsolete (RFC 8301); many verifiers fail it."});
  }
  if (!s.has_signature)
    s.problems.push_back({"dkim_empty_b", "b= is empty: the signature was removed or never made."});
  return s;
}

}  // namespace mailverdict
