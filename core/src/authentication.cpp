/**
 * @file authentication.cpp
 * @brief Gathering authentication evidence and computing alignment.
 */
#include "mailverdict/authentication.h"

#include "mailverdict/address.h"
#include "mailverdict/domain.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

// Gmail and others write the published policy in a comment after
// dmarc=: "(p=REJECT sp=REJECT dis=NONE)". Returns the p= value, lowercased.
std::optional<std::string> policy_from_comment(std::string_view comment) {
  std::size_t pos = 0;
  while ((pos = internal::ifind(comment, "p=", pos)) != std::string_view::npos) {
    if (pos == 0 || internal::is_space(comment[pos - 1])) {
      std::size_t end = pos + 2;
      while (end < comment.size() && internal::is_alpha(comment[end])) ++end;
      if (end > pos + 2) return internal::lower(comment.substr(pos + 2, end - pos - 2));
    }
    pos += 2;
  }
  return std::nullopt;
}

std::optional<bool> alignment(const std::string& identifier, const std::optional<std::string>& from) {
  if (identifier.empty() || !from) return std::nullopt;
  return aligned(identifier, *from, alignment_mode::relaxed);
}

}  // namespace

auth_assessment assess_authentication(const header_block& block) {
  auth_assessment a;
  auto& s = a.summary;

  a.from_field = block.first("From");
  if (a.from_field != nullptr) {
    const std::vector<mailbox> boxes = parse_mailboxes(a.from_field->value);
    if (!boxes.empty() && !boxes.front().domain.empty()) s.from_domain = boxes.front().domain;
    if (boxes.size() > 1) {
      a.warnings.push_back({"several_from_addresses",
                            "From: holds several addresses; DMARC receivers may reject such mail "
                            "(RFC 7489 §6.6.1). The first one was used."});
    }
  }

  // The topmost Authentication-Results that parses: the last receiver adds
  // its fields on top (RFC 8601 §5).
  for (const header_field* f : block.all("Authentication-Results")) {
    auto parsed = parse_auth_results(f->value);
    if (!parsed) {
      a.warnings.push_back({"unreadable_authentication_results",
                            "Authentication-Results on line " + std::to_string(f->line) +
                                " could not be read: " + parsed.error().message});
      continue;
    }
    a.results_field = f;
    a.results = std::move(parsed).value();
    break;
  }
  if (!a.results) {
    if (s.from_domain) s.organizational_domain = organizational_domain(*s.from_domain);
    return a;
  }
  const auth_results& ar = *a.results;
  if (!ar.authserv_id.empty()) s.authserv_id = ar.authserv_id;

  bool spf_seen = false;
  for (const auto& r : ar.results) {
    if (r.method == "dmarc") {
      s.dmarc.result = r.result;
      if (auto act = r.get("action"); !act.empty()) s.dmarc.action = internal::lower(act);
      if (auto p = r.get("policy.dmarc"); !p.empty()) s.dmarc.policy = internal::lower(p);
      if (!s.dmarc.policy) s.dmarc.policy = policy_from_comment(r.comment);
      if (!s.from_domain) {
        const std::string hf = normalize_domain(r.get("header.from"));
        if (!hf.empty()) s.from_domain = hf;
      }
    }
  }
  if (s.from_domain) s.organizational_domain = organizational_domain(*s.from_domain);

  for (const auto& r : ar.results) {
    if (r.method == "spf" && !spf_seen) {
      spf_seen = true;
      s.spf.result = r.result;
      std::string d = domain_of(r.get("smtp.mailfrom"));
      if (!d.empty()) s.spf.domain = d;
      s.spf.aligned = alignment(d, s.from_domain);
    } else if (r.method == "dkim") {
      dkim_finding k;
      k.result = r.result;
      k.domain = normalize_domain(r.get("header.d"));
      if (k.domain.empty() || k.domain == "none") k.domain = domain_of(r.get("header.i"));
      if (auto sel = r.get("header.s"); !sel.empty()) k.selector = std::string(sel);
      k.aligned = alignment(k.domain, s.from_domain);
      s.dkim.push_back(std::move(k));
    } else if (r.method == "arc") {
      s.arc.result = r.result;
    }
  }
  return a;
}

}  // namespace mailverdict
