/**
 * @file diagnosis.cpp
 * @brief Authentication diagnosis: why DMARC failed and what to change.
 *
 * DMARC (RFC 7489 §4.2) passes when SPF or DKIM passes for a domain that
 * aligns with the From: domain (§3.1). The five causes of a failure
 * (DESIGN.md): `unaligned_pass` (a pass for someone else's domain),
 * `not_authenticated` (nothing passed), `forwarding` (a forwarder or list
 * broke SPF or DKIM), `strict_alignment` (adkim=s / aspf=s refuse a
 * subdomain) and `spoofing` (the source is not the domain's). Beside them,
 * the findings people need: SPF softfail/neutral/permerror/temperror, DKIM
 * body hash, expiry and missing key, no DMARC record, p=none, Microsoft's
 * compauth, an ARC override and forged lower results.
 */
#include "mailverdict/diagnosis.h"

#include <algorithm>

#include "mailverdict/data/auth_result_texts.h"
#include "mailverdict/data/dmarc_actions.h"
#include "mailverdict/data/forwarding_headers.h"
#include "mailverdict/data/spf_results.h"
#include "mailverdict/domain.h"
#include "mailverdict/fixes.h"
#include "mailverdict/internal/text.h"
#include "mailverdict/route.h"

namespace mailverdict {

namespace {

using internal::join_words;

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

std::string_view action_meaning(std::string_view action) {
  for (const auto& row : data::dmarc_actions()) {
    if (row.action == action) return row.meaning;
  }
  return {};
}

bool action_enforced(std::string_view action) {
  for (const auto& row : data::dmarc_actions()) {
    if (row.action == action) return row.enforced == "yes";
  }
  return false;
}

// The finding a result's comment or reason= shows (auth_result_texts.tsv).
std::string_view text_finding(const auth_method_result& r) {
  for (const auto& row : data::auth_result_texts()) {
    if (row.method != r.method) continue;
    bool result_ok = row.results == "*";
    std::string_view list = row.results;
    while (!result_ok && !list.empty()) {
      const std::size_t sp = list.find(' ');
      result_ok = list.substr(0, sp) == r.result;
      if (sp == std::string_view::npos) break;
      list.remove_prefix(sp + 1);
    }
    if (!result_ok) continue;
    if (internal::icontains(r.comment, row.text) || internal::icontains(r.reason, row.text))
      return row.finding;
  }
  return {};
}

evidence_item field_evidence(const header_field* f) {
  return f == nullptr ? evidence_item{} : evidence_item{f->name, f->index, f->value};
}

// Everything the rules below look at, condensed.
struct facts {
  std::string from, org;
  bool dmarc_fail = false, dmarc_pass = false, dmarc_unknown = false, dmarc_missing = false;
  bool aligned_pass = false;       // under the mode in force
  bool relaxed_only_pass = false;  // passes relaxed, fails strict
  bool strict_known = false;       // the pasted record sets strict for that identity
  bool any_pass = false;
  std::vector<std::string> unaligned_pass_domains;  // organizational domains
  std::vector<std::string> unaligned_pass_full;     // as written
  std::vector<std::string> aligned_pass_domains;
  std::vector<std::string> relaxed_only_domains;
  std::vector<std::string> relaxed_not_strict;  // passed, same org, not exact
  std::vector<std::string> passed_methods;
  std::vector<std::string> dkim_domains;
  std::string selector;   // of the first unaligned (or any) signature
  std::string policy;     // p= in force, if known
  bool enforced = false;  // the receiver applied the policy
  const service_match* service = nullptr;
  std::vector<std::string> forwarders;  // ARC sealers other than the receiver
  std::vector<evidence_item> forwarding_evidence;
  std::vector<std::string> forwarding_reasons;
  bool body_hash_fail = false;
};

facts condense(const auth_assessment& a) {
  const authentication_report& s = a.summary;
  facts f;
  f.from = s.from_domain.value_or("");
  f.org = s.organizational_domain.value_or(f.from);
  f.dmarc_fail = s.dmarc.result == "fail";
  f.dmarc_pass = s.dmarc.result == "pass";
  f.dmarc_unknown = s.dmarc.result == "unknown";
  f.dmarc_missing = s.dmarc.result == "none" || s.dmarc.result == "bestguesspass";
  for (const auto& id : s.identifiers) {
    if (id.kind == "dkim") add_unique(f.dkim_domains, id.domain);
    if (!id.counts_for_dmarc || id.result != "pass" || id.domain.empty()) continue;
    f.any_pass = true;
    if (id.relaxed && !id.strict) add_unique(f.relaxed_not_strict, id.domain);
    add_unique(f.passed_methods, id.kind == "dkim" ? "DKIM" : "SPF");
    if (id.aligned.value_or(false)) {
      f.aligned_pass = true;
      add_unique(f.aligned_pass_domains, id.domain);
    } else if (id.relaxed) {
      f.relaxed_only_pass = true;
      f.strict_known = f.strict_known || id.mode_known;
      add_unique(f.relaxed_only_domains, id.domain);
    } else {
      add_unique(f.unaligned_pass_domains, organizational_domain(id.domain));
      add_unique(f.unaligned_pass_full, id.domain);
    }
  }
  for (const auto& id : s.identifiers) {
    if (id.kind == "dkim" && id.selector && f.selector.empty() && !id.relaxed)
      f.selector = *id.selector;
  }
  for (const auto& id : s.identifiers) {
    if (id.kind == "dkim" && id.selector && f.selector.empty()) f.selector = *id.selector;
  }
  f.policy = s.dmarc.policy.value_or("");
  f.enforced =
      (s.dmarc.action && action_enforced(*s.dmarc.action)) ||
      (f.dmarc_fail && (f.policy == "reject" || f.policy == "quarantine") && !s.dmarc.action);
  if (!a.services.empty()) f.service = &a.services.front();

  // Forwarding evidence (RFC 7960): ARC sets from other sealers, list and
  // forward headers, Microsoft's pre-forwarding results, a body changed
  // after signing.
  const std::string receiver = s.receiver.value_or("");
  for (const auto& set : a.arc.instances) {
    const std::string sealer = set.parsed_seal.domain;
    // The receiver's own seal (Google and Microsoft seal what they receive)
    // and the sender's own outbound service's seal are no forwarder's.
    const std::string sealer_org = organization_of(sealer);
    if (sealer.empty() || sealer_org == receiver ||
        (!a.origin_organization.empty() && sealer_org == a.origin_organization)) {
      continue;
    }
    add_unique(f.forwarders, sealer);
    if (set.seal != nullptr) f.forwarding_evidence.push_back(field_evidence(set.seal));
  }
  if (!f.forwarders.empty()) {
    f.forwarding_reasons.push_back(internal::concat(
        join_words(f.forwarders), " added an ARC seal, so it handled the message on the way"));
  }
  for (const header_field* h : a.forwarding_fields) {
    for (const auto& row : data::forwarding_headers()) {
      if (!internal::iequals(row.name, h->name)) continue;
      f.forwarding_evidence.push_back(field_evidence(h));
      std::string why = internal::concat(h->name, " shows ", row.meaning);
      if (std::find(f.forwarding_reasons.begin(), f.forwarding_reasons.end(), why) ==
          f.forwarding_reasons.end()) {
        f.forwarding_reasons.push_back(why);
      }
      break;
    }
  }
  for (const auto& t : a.trusted) {
    for (const auto& r : t.results.results) {
      if (r.method == "dkim" && text_finding(r) == "dkim_body_hash") f.body_hash_fail = true;
    }
  }
  return f;
}

struct builder {
  const auth_assessment& a;
  const facts& f;
  report& out;
  std::vector<std::string> fix_ids;
  std::vector<std::pair<std::string, std::string>> owned;  // placeholder values
  fix_values values;                                       // views of `owned`

  void add_fix(std::string_view id) {
    if (std::find(fix_ids.begin(), fix_ids.end(), id) != fix_ids.end()) return;
    fix made = make_fix(id, values);
    if (made.steps.empty()) return;
    fix_ids.emplace_back(id);
    out.fixes.push_back(std::move(made));
  }
  void add_cause(std::string id, confidence_level c, std::string explanation,
                 std::vector<evidence_item> ev) {
    for (const auto& existing : out.causes) {
      if (existing.id == id) return;
    }
    out.causes.push_back({std::move(id), c, std::move(explanation), std::move(ev)});
  }
};

}  // namespace

void diagnose_authentication(const auth_assessment& auth, report& out) {
  const authentication_report& s = auth.summary;
  const facts f = condense(auth);
  builder b{auth, f, out, {}, {}, {}};

  if (auth.trusted.empty()) {
    out.verdict.status = verdict_status::unknown;
    if (!auth.ignored.empty()) {
      out.verdict.headline =
          "The only Authentication-Results in these headers were not written by the receiving "
          "server, so they "
          "prove nothing about SPF, DKIM or DMARC.";
      out.verdict.summary =
          "Authentication-Results that sit below the receiver's own Received lines, or that name "
          "another server, "
          "may have been added by the sender. Paste the headers as your mailbox shows them "
          "(Outlook: File, "
          "Properties, Internet headers; Gmail: Show original).";
    } else {
      out.verdict.headline =
          "These headers hold no Authentication-Results, so SPF, DKIM and DMARC cannot be judged.";
      out.verdict.summary =
          "Authentication-Results is written by the receiving server. Copy the headers of the "
          "message as "
          "received (in Outlook: File, Properties, Internet headers; in Gmail: Show original), not "
          "of a "
          "draft or a sent copy. Checking SPF and DKIM directly needs DNS, which this page does "
          "not use.";
    }
    return;
  }

  // Placeholder values for the fix recipes.
  const std::string& from = f.from;
  const std::string& org = f.org;
  const std::string spf_domain = s.spf.domain.value_or(from);
  const std::string service_name =
      f.service ? f.service->service.name : std::string("the service that sent it");
  const std::string service_domains = f.unaligned_pass_domains.empty()
                                          ? join_words(f.dkim_domains)
                                          : join_words(f.unaligned_pass_domains);
  std::string dkim_setup, return_path_setup;
  if (f.service) {
    const fix_values inner = {{"from_domain", from}, {"org_domain", org}};
    dkim_setup = internal::fill_template(f.service->service.dkim_setup, inner);
    return_path_setup = internal::fill_template(f.service->service.return_path_setup, inner);
  }
  const std::string selector_note =
      f.selector.empty()
          ? std::string()
          : internal::concat(
                " (this message was signed with selector s=", f.selector, " for ",
                f.dkim_domains.empty() ? std::string("another domain") : join_words(f.dkim_domains),
                ")");
  const std::string spf_lookups =
      s.spf_record ? std::to_string(s.spf_record->lookups) : std::string();
  const std::string sealers = join_words(f.forwarders);
  const std::string first_dkim = f.dkim_domains.empty() ? from : f.dkim_domains.front();
  const std::string relaxed_domains = join_words(f.relaxed_not_strict);
  b.owned = {{"from_domain", from},
             {"org_domain", org},
             {"service", service_name},
             {"service_name", service_name},
             {"service_domains", service_domains},
             // " instead of DOMAINS", or nothing when the message carried
             // no signature to replace.
             {"instead_of_service",
              service_domains.empty() ? std::string() : " instead of " + service_domains},
             {"spf_domain", spf_domain},
             {"dkim_domains", join_words(f.dkim_domains)},
             {"dkim_domain", first_dkim},
             {"dkim_setup", dkim_setup},
             {"return_path_setup", return_path_setup},
             {"spf_include", f.service ? f.service->service.spf_include : std::string()},
             {"selector", f.selector.empty() ? std::string("SELECTOR") : f.selector},
             {"selector_note", selector_note},
             {"spf_lookups", spf_lookups},
             {"arc_sealers", sealers.empty() ? std::string("the forwarder") : sealers},
             {"relaxed_domains", relaxed_domains}};
  for (const auto& [k, v] : b.owned) b.values.emplace_back(k, v);

  std::vector<evidence_item> ev;
  if (auth.from_field != nullptr) ev.push_back(field_evidence(auth.from_field));
  ev.push_back(field_evidence(auth.results_field));

  std::string action_text;
  if (s.dmarc.action) {
    const std::string_view meaning = action_meaning(*s.dmarc.action);
    if (!meaning.empty())
      action_text =
          internal::concat(" The receiver's action=", *s.dmarc.action, " means ", meaning, ".");
  }

  const bool failing = (f.dmarc_fail || (f.dmarc_unknown && !f.aligned_pass));
  const bool forwarding_seen = !f.forwarding_reasons.empty() || f.body_hash_fail;
  const bool forwarding_strong =
      !f.forwarders.empty() || (!f.forwarding_reasons.empty() && f.body_hash_fail);
  std::string headline, summary;
  // Each cause proposes a headline; the primary one is chosen at the end.
  std::string strict_h, strict_s, unaligned_h, unaligned_s, forward_h, forward_s, notauth_h,
      notauth_s;

  if (from.empty()) {
    // DMARC is evaluated for the one domain of the From: field (RFC 7489
    // §3.1, §6.6.1): without it there is nothing to align with.
    const bool reported = !s.dmarc.result.empty() && s.dmarc.result != "unknown";
    out.verdict.status = f.dmarc_fail ? verdict_status::problem : verdict_status::unknown;
    headline = internal::concat(
        "These headers show no From: domain, so DMARC alignment cannot be checked",
        reported ? internal::concat(" (the receiver reported dmarc=", s.dmarc.result, ")") : "",
        ".");
    std::vector<std::string> passes;
    for (const auto& id : s.identifiers) {
      if (id.result == "pass" && !id.domain.empty())
        add_unique(passes,
                   internal::concat(id.kind == "dkim" ? "DKIM" : "SPF", " for ", id.domain));
    }
    summary = internal::concat(
        "DMARC compares the domain of the From: address with the domains SPF and DKIM passed for",
        passes.empty() ? std::string(" (here no check passed for a named domain)")
                       : internal::concat(" (here: ", join_words(passes), ")"),
        ". Paste the message's whole header block, with a From: line that holds an address, to "
        "check it.");
    b.add_cause("no_from_domain", confidence_level::certain,
                "The pasted text has no readable From: address, so it cannot be said whether the "
                "domains that passed SPF or DKIM align with the sender's domain.",
                ev);
  } else if (failing && !f.aligned_pass) {
    const confidence_level conf =
        f.dmarc_fail ? confidence_level::certain : confidence_level::likely;
    const std::string failed = f.dmarc_fail ? "DMARC failed" : "DMARC would fail";

    // strict_alignment: a pass that relaxed alignment would accept.
    if (f.relaxed_only_pass || (f.dmarc_fail && f.relaxed_only_pass)) {
      const confidence_level c =
          f.strict_known ? confidence_level::certain : confidence_level::likely;
      b.add_cause(
          "strict_alignment", c,
          internal::concat(
              join_words(f.passed_methods), " passed for ", relaxed_domains,
              ", which shares the organizational domain ", org, " with ", from,
              ". Relaxed alignment would accept it, but ",
              f.strict_known
                  ? "the pasted DMARC record sets strict alignment (adkim=s or aspf=s), which"
                  : "DMARC failed anyway, so the record most likely sets adkim=s or aspf=s, which",
              " needs the exact domain ", from, ".",
              f.strict_known ? "" : " Paste the DMARC record of " + org + " to confirm."),
          ev);
      strict_h = internal::concat(failed, " because of strict alignment: ", relaxed_domains,
                                  " passed and belongs to ", org, ", but strict alignment needs ",
                                  from, " exactly.");
      strict_s =
          internal::concat("The authentication itself worked; only the alignment mode refuses it.",
                           action_text, " Make the sender sign as ", from,
                           " exactly, or relax adkim/aspf if those subdomains are yours.");
      b.add_fix("strict_alignment");
    }

    if (!f.unaligned_pass_domains.empty()) {
      const bool one = f.unaligned_pass_full.size() == 1;
      const std::string passed = join_words(f.passed_methods);
      b.add_cause(
          "unaligned_pass", conf,
          internal::concat(
              passed, " passed, but for ", join_words(f.unaligned_pass_full), ", which ",
              one ? "is" : "are", " not aligned with the From: domain ", from,
              org != from ? internal::concat(" (organizational domain ", org, ")") : "",
              ". DMARC only counts a pass for the From: domain or another domain under ", org,
              ", so the message was unauthenticated as far as DMARC is concerned.",
              f.service ? internal::concat(" These domains belong to ", service_name, ".") : ""),
          ev);
      {
        if (f.service) {
          unaligned_h = internal::concat(failed, ": ", service_name, " sent this as ", from,
                                         " but authenticated as ", service_domains,
                                         ", which is not aligned with ", from, ". Fix: turn on ",
                                         service_name, "'s domain authentication for ", from, ".");
          unaligned_s = internal::concat(
              "The message claims to be from ", from, ", but the only successful checks were for ",
              service_domains, ", the domain of ", service_name,
              ". This is the most common DMARC failure: a service sends as your domain while "
              "authenticating with its own.",
              action_text, " The fix is in ", service_name,
              ": its domain authentication makes it sign with d=", from, ".");
        } else {
          unaligned_h =
              internal::concat(failed, ": ", passed, " passed for ", service_domains, ", which ",
                               one ? "is" : "are", " not aligned with ", from, ".");
          unaligned_s = internal::concat(
              "The message claims to be from ", from, ", but the only successful checks were for ",
              service_domains,
              ". This is the most common DMARC failure: a service sends as your domain while "
              "authenticating with its own.",
              action_text, " The fix is on the sending side: make the service sign with DKIM for ",
              from, ".");
        }
      }
    }

    if (forwarding_seen) {
      const confidence_level c =
          forwarding_strong ? confidence_level::likely : confidence_level::possible;
      std::vector<std::string> reasons = f.forwarding_reasons;
      if (f.body_hash_fail)
        reasons.push_back(
            "the DKIM body hash no longer matched, so the body changed after signing");
      std::vector<evidence_item> fev = ev;
      fev.insert(fev.end(), f.forwarding_evidence.begin(), f.forwarding_evidence.end());
      b.add_cause(
          "forwarding", c,
          internal::concat(
              "The message was most likely forwarded or passed through a mailing list on its way: ",
              [&] {
                std::string joined;
                for (const auto& r : reasons) joined += (joined.empty() ? "" : "; ") + r;
                return joined;
              }(),
              ". Forwarding breaks SPF (the forwarder's servers are not in ", org,
              "'s SPF record) and often DKIM (subject tags, footers), so mail that authenticated "
              "at the first hop fails at the last."),
          std::move(fev));
      {
        forward_h =
            internal::concat(failed, " for ", from, " after forwarding: ",
                             sealers.empty() ? std::string("a forwarder or mailing list") : sealers,
                             " handled the message on the way and SPF or DKIM broke.");
        forward_s = internal::concat("The mail probably authenticated when it left ", from,
                                     ", but not after being forwarded.", action_text,
                                     " Aligned DKIM from the sender survives most forwarding; the "
                                     "receiving side can also trust the forwarder's ARC seal.");
      }
    }

    if (!f.any_pass) {
      b.add_cause(
          "not_authenticated", forwarding_strong ? confidence_level::possible : conf,
          internal::concat(
              "Neither SPF (result: ", s.spf.result, s.spf.domain ? " for " + *s.spf.domain : "",
              ") nor DKIM (",
              s.dkim.empty()
                  ? "no signature checked"
                  : "results: " +
                        [&] {
                          std::vector<std::string> r;
                          for (const auto& d : s.dkim)
                            r.push_back(d.result + (d.domain.empty() ? "" : " for " + d.domain));
                          return join_words(r);
                        }(),
              ") passed, so nothing could align with ", from,
              ". Either the sending service was never authorized for ", from,
              " (no SPF include, no DKIM key), or the mail did not come from the domain's owner."),
          ev);
      {
        notauth_h = internal::concat(failed, ": neither SPF nor DKIM passed for ", from, ".");
        notauth_s = internal::concat(
            "No authentication check passed for the message from ", from, ".", action_text,
            " If the sender is legitimate, it must be authorized: DKIM signing for ", from,
            " first, SPF second. If you do not recognise it, the failure may be your policy "
            "stopping a spoofer.");
      }
    }

    // spoofing: nothing of the domain's own, no known service, no forwarder.
    if (!f.service && !forwarding_seen && !f.relaxed_only_pass) {
      const bool policy_applied = f.enforced || f.policy == "reject" || f.policy == "quarantine";
      std::vector<evidence_item> sev = ev;
      // A hard SPF fail for the domain's own record, nothing passing and the
      // policy applied make it likely; otherwise only possible.
      const bool strong =
          !f.any_pass && s.spf.result == "fail" && s.spf.aligned.value_or(false) && policy_applied;
      b.add_cause("spoofing", strong ? confidence_level::likely : confidence_level::possible,
                  internal::concat(
                      "Nothing in the headers ties this source to ", from,
                      ": no identity that passed belongs to ", org,
                      ", and no known sending service or forwarder is involved.",
                      policy_applied
                          ? internal::concat(
                                " The domain's own policy (p=",
                                f.policy.empty() ? std::string("quarantine or reject") : f.policy,
                                ") was enforced.")
                          : "",
                      " If ", org, " does not use this source, this is someone else sending as ",
                      from, " and the failure is DMARC doing its job. Only the owner of ", org,
                      " can confirm whether the source is theirs."),
                  std::move(sev));
    }

    // The primary cause leads: strict alignment, then forwarding when the
    // evidence is strong and no sending service explains the passes, then an
    // unaligned pass, then forwarding, then nothing passing.
    std::string primary;
    if (!strict_h.empty()) {
      headline = strict_h, summary = strict_s, primary = "strict_alignment";
    } else if (!forward_h.empty() && forwarding_strong && !f.service) {
      headline = forward_h, summary = forward_s, primary = "forwarding";
    } else if (!unaligned_h.empty()) {
      headline = unaligned_h, summary = unaligned_s, primary = "unaligned_pass";
    } else if (!forward_h.empty() && f.any_pass) {
      headline = forward_h, summary = forward_s, primary = "forwarding";
    } else if (!notauth_h.empty()) {
      headline = notauth_h, summary = notauth_s, primary = "not_authenticated";
    } else if (!forward_h.empty()) {
      headline = forward_h, summary = forward_s, primary = "forwarding";
    }
    std::stable_partition(out.causes.begin(), out.causes.end(),
                          [&](const cause& c) { return c.id == primary; });

    // Fixes, aligned DKIM first.
    // When a forwarder or list explains the failure, the passes it shows are
    // the forwarder's own: the sender-side steps are the forwarding ones.
    const bool forwarding_primary = forwarding_strong && !f.service;
    if (!forwarding_primary && (!f.unaligned_pass_domains.empty() || !f.any_pass)) {
      if (f.service) {
        b.add_fix("service_dkim");
        if (!return_path_setup.empty()) b.add_fix("service_return_path");
      } else if (!f.unaligned_pass_domains.empty()) {
        b.add_fix("aligned_dkim");
        b.add_fix("aligned_return_path");
      } else {
        b.add_fix("authorize_dkim");
      }
      if (!f.any_pass) b.add_fix("authorize_spf");
    }
    if (forwarding_seen) {
      b.add_fix("forwarding_sender");
      b.add_fix("forwarding_receiver");
    }
    if (!f.service && !forwarding_seen && !f.relaxed_only_pass) b.add_fix("check_spoofing");
    out.verdict.status = verdict_status::problem;
  } else if (f.aligned_pass) {
    const std::string how = [&] {
      bool d = false, sp = false;
      for (const auto& id : s.identifiers) {
        if (!id.counts_for_dmarc || id.result != "pass" || !id.aligned.value_or(false)) continue;
        (id.kind == "dkim" ? d : sp) = true;
      }
      return d && sp ? std::string("SPF and DKIM") : d ? std::string("DKIM") : std::string("SPF");
    }();
    if (f.dmarc_fail) {
      out.verdict.status = verdict_status::problem;
      if (f.relaxed_not_strict.empty()) {
        b.add_cause(
            "dmarc_result_inconsistent", confidence_level::possible,
            internal::concat(
                how, " passed for exactly ", from,
                ", yet the receiver reports dmarc=fail. Aligned passes should make DMARC pass; the "
                "receiver may have evaluated DMARC before that check, or applied a local policy."),
            ev);
      } else
        b.add_cause(
            "strict_alignment", confidence_level::likely,
            internal::concat(
                how, " passed for ", join_words(f.aligned_pass_domains), ", which aligns with ",
                from,
                " under relaxed alignment, yet the receiver reports dmarc=fail. The most likely "
                "reason is strict alignment (adkim=s or aspf=s) in the DMARC record of ",
                org, ", which needs the exact From: domain. Paste the record to confirm."),
            ev);
      headline = internal::concat("DMARC failed even though ", how, " passed for ",
                                  join_words(f.aligned_pass_domains), ", which aligns with ", from,
                                  " under relaxed alignment.");
      summary =
          "The most likely reason is strict alignment (adkim=s or aspf=s in the DMARC record), "
          "which needs "
          "the exact From: domain. Paste the domain's DMARC record to confirm.";
      if (!f.relaxed_not_strict.empty()) b.add_fix("strict_alignment");
    } else {
      out.verdict.status = f.dmarc_missing ? verdict_status::warning : verdict_status::ok;
      headline = internal::concat(
          "Authentication passed: ", how, " passed for ", join_words(f.aligned_pass_domains),
          ", aligned with ", from,
          f.dmarc_missing ? internal::concat(", but ", org, " publishes no DMARC record") : "",
          ".");
      summary = f.dmarc_pass ? "DMARC passed. The receiver had no authentication reason to reject "
                               "or filter this message."
                             : internal::concat("DMARC result: ", s.dmarc.result,
                                                ". An aligned pass means DMARC would pass if ", org,
                                                " published a record.");
    }
  } else if (f.dmarc_pass) {
    // The receiver's pass stands for its delivery; the results shown do not
    // explain it.
    out.verdict.status = verdict_status::warning;
    b.add_cause(
        "dmarc_result_inconsistent", confidence_level::possible,
        internal::concat(
            "The receiver reports dmarc=pass for ", from,
            ", but no SPF or DKIM pass in its "
            "results aligns with ",
            from,
            f.any_pass ? internal::concat(
                             " (they passed for ",
                             join_words(f.unaligned_pass_full.empty() ? f.relaxed_only_domains
                                                                      : f.unaligned_pass_full),
                             ")")
                       : std::string(),
            ". It may have counted a check these results leave out (another DKIM signature, or a "
            "forwarder's ARC results it trusts), or read the organizational domain differently."),
        ev);
    headline = internal::concat("The receiver reports DMARC pass for ", from,
                                ", but none of the passes shown aligns with it.");
    summary = internal::concat(
        "This receiver accepted the message as authenticated. Other receivers see only what the "
        "message carries: mail from ",
        from, " passes DMARC everywhere when it is signed with DKIM for ", from,
        " (or any domain under ", org, ").");
  } else if (s.dmarc.result == "none") {
    // No record: no policy to apply (RFC 7489 §6.6.3); the no_dmarc_record
    // cause below says what that means.
    out.verdict.status = verdict_status::warning;
    headline = internal::concat(
        org, " publishes no DMARC record",
        f.any_pass ? internal::concat(", and nothing that passed here is aligned with ", from)
                   : internal::concat(", and neither SPF nor DKIM passed for ", from),
        ".");
    summary = internal::concat(
        "Receivers apply no DMARC policy to mail from ", from,
        ", so this message was judged by other means. Without a record and an aligned SPF or DKIM "
        "pass, anyone can send as ",
        from, ", and large mailbox providers treat such mail with more suspicion.");
  } else {
    // DMARC temperror, permerror, bestguesspass and the like.
    out.verdict.status = verdict_status::warning;
    headline =
        internal::concat("DMARC was not applied to ", from, " (result: ", s.dmarc.result, ").");
    const std::string_view meaning = action_meaning(s.dmarc.result);  // dmarc_actions.tsv
    summary =
        meaning.empty()
            ? std::string("The receiver could not apply a DMARC policy to this message.")
            : internal::concat(
                  "The receiver could not apply a DMARC policy to this message: ", meaning, ".");
  }

  // ---- Findings beside the five causes -------------------------------------
  // SPF results other than pass and fail (RFC 7208 §2.6).
  const std::string& spf = s.spf.result;
  for (const auto& row : data::spf_results()) {
    if (row.result != spf || row.finding == "-") continue;
    const fix_values v = {{"spf_domain", spf_domain}};
    b.add_cause(std::string(row.finding), confidence_level::certain,
                "SPF " + spf + ": " + internal::fill_template(row.meaning, v) + ".", ev);
    if (row.fix != "-") b.add_fix(row.fix);
  }

  // DKIM failures the receiver explained (auth_result_texts.tsv).
  for (const auto& t : auth.trusted) {
    for (const auto& r : t.results.results) {
      const std::string_view finding = text_finding(r);
      if (finding.empty()) continue;
      const std::string d = normalize_domain(r.get("header.d")).empty()
                                ? std::string(r.get("header.i"))
                                : normalize_domain(r.get("header.d"));
      const std::string said = r.reason.empty() ? r.comment : r.reason;
      std::vector<evidence_item> dev{field_evidence(t.field)};
      if (finding == "dkim_body_hash") {
        b.add_cause(
            "dkim_body_hash", confidence_level::certain,
            internal::concat("The DKIM signature of ", d,
                             " failed because the body hash did not match (\"", said,
                             "\"): the message body changed after it was signed, by a mailing list "
                             "footer, a forwarder, a security gateway that rewrites links or adds "
                             "a disclaimer, or a conversion on the way."),
            dev);
        b.add_fix("dkim_body_hash");
      } else if (finding == "dkim_expired") {
        b.add_cause("dkim_expired", confidence_level::certain,
                    internal::concat("The DKIM signature of ", d, " had expired (\"", said,
                                     "\"): its x= time had passed when the receiver checked it."),
                    dev);
        b.add_fix("dkim_expired");
      } else if (finding == "dkim_key_missing") {
        b.add_cause(
            "dkim_key_missing", confidence_level::certain,
            internal::concat("The receiver found no DKIM public key for the signature of ", d,
                             " (\"", said, "\"): the selector's record under _domainkey.", d,
                             " is missing or wrong."),
            dev);
        b.add_fix("dkim_key_missing");
      } else if (finding == "dkim_bad_signature") {
        b.add_cause("dkim_bad_signature", confidence_level::certain,
                    internal::concat("The DKIM signature of ", d, " did not verify (\"", said,
                                     "\"): a signed header changed on the way, or the published "
                                     "key does not match the signing key."),
                    dev);
      }
    }
  }
  for (const auto& sig : auth.signatures) {
    for (const auto& p : sig.signature.problems) {
      if (p.code != "dkim_expires_before_signed") continue;
      b.add_cause("dkim_expired", confidence_level::certain,
                  internal::concat("The DKIM signature of ", sig.signature.domain,
                                   " expired before it was made: ", p.message),
                  {field_evidence(sig.field)});
      b.add_fix("dkim_expired");
    }
  }

  // No DMARC record, and p=none (monitoring only).
  if (f.dmarc_missing) {
    b.add_cause(
        "no_dmarc_record", confidence_level::certain,
        s.dmarc.result == "bestguesspass"
            ? internal::concat(
                  org,
                  " publishes no DMARC record. Microsoft wrote dmarc=bestguesspass: the message "
                  "would have passed if there were one, but no policy protects the domain.")
            : internal::concat("The receiver found no DMARC record for ", org,
                               " (dmarc=none), so no policy protects ", from,
                               " from spoofing and no reports are sent."),
        ev);
    b.add_fix("publish_dmarc");
  }
  if (f.policy == "none" && (f.dmarc_fail || s.dmarc_record)) {
    b.add_cause(
        "dmarc_monitoring", confidence_level::certain,
        internal::concat("The DMARC policy of ", org,
                         " is p=none: monitoring only. Receivers deliver mail that fails DMARC as "
                         "if there were no policy, so spoofed mail from ",
                         from, " is not stopped",
                         f.dmarc_fail ? "; this failing message was not blocked because of it" : "",
                         "."),
        ev);
    if (f.dmarc_fail) b.add_fix("enforce_dmarc");
  }

  // Microsoft's compauth reason 130: ARC overrode a DMARC failure. (The
  // other compauth codes are the antispam diagnosis's, see antispam.h.)
  if (s.compauth && s.compauth->reason == "130") {
    b.add_cause(
        "arc_override", confidence_level::certain,
        internal::concat("Microsoft accepted the message with compauth=", s.compauth->result,
                         " reason=130: DMARC failed, but a trusted ARC sealer",
                         sealers.empty() ? std::string() : " (" + sealers + ")",
                         " vouched for the authentication it saw before forwarding, so ARC "
                         "overrode the failure."),
        ev);
  }
  // An ARC override elsewhere: DMARC failed but the receiver trusted a
  // sealer whose results said pass.
  if (f.dmarc_fail && s.arc.result == "pass" && !f.forwarders.empty()) {
    for (const auto& set : auth.arc.instances) {
      const auto* d = set.results.find("dmarc");
      if (d == nullptr || d->result != "pass") continue;
      b.add_cause(
          "arc_override", confidence_level::possible,
          internal::concat(
              "DMARC failed here, but ", set.parsed_seal.domain,
              " sealed the message with ARC after it saw dmarc=pass. A receiver that trusts ",
              set.parsed_seal.domain, " may deliver it anyway (an ARC override)."),
          {field_evidence(set.results_field)});
      break;
    }
  }

  // Lower or foreign results that claim more than the receiver found.
  for (std::size_t i = 0; i < auth.ignored.size(); ++i) {
    const auto& ig = auth.ignored[i];
    std::vector<std::string> claims;
    for (const auto& r : ig.results.results) {
      if ((r.method == "dmarc" || r.method == "spf" || r.method == "dkim") && r.result == "pass") {
        const auto* mine = auth.trusted_result(r.method);
        if (mine == nullptr || mine->result != "pass") add_unique(claims, r.method + "=pass");
      }
    }
    if (claims.empty()) continue;
    b.add_cause(
        "forged_results", confidence_level::likely,
        internal::concat(
            "An Authentication-Results field lower in the headers",
            ig.results.authserv_id.empty() ? "" : " (from " + ig.results.authserv_id + ")",
            " claims ", join_words(claims), ", but the receiver's own result says otherwise. ",
            s.ignored.size() > i ? s.ignored[i].reason : std::string(),
            " Anyone can write such a line into a message, so it was ignored."),
        {field_evidence(ig.field), field_evidence(auth.results_field)});
  }

  // SPF record pasted: name what it lacks or breaks.
  if (s.spf_record && !s.spf_record->error) {
    const auto& rec = *s.spf_record;
    if (rec.lookups > 10) {
      b.add_cause("spf_lookup_limit", confidence_level::certain,
                  internal::concat(
                      "The pasted SPF record needs at least ", rec.lookups,
                      " DNS lookups (its include:, a, mx, ptr, exists and redirect= terms, and "
                      "what the known services' includes cost); SPF allows 10 (RFC 7208 §4.6.4), "
                      "so receivers get permerror and SPF cannot pass for it at all."),
                  {});
    }
    for (const auto& e : rec.errors) {
      if (e.find("DNS lookups") != std::string::npos) continue;  // reported above
      b.add_cause("spf_record_error", confidence_level::certain,
                  "The pasted SPF record has an error: " + e, {});
      break;
    }
    if (rec.authorizes_service && !*rec.authorizes_service && f.service) {
      b.add_cause(
          "spf_record_lacks_service", confidence_level::likely,
          internal::concat("The pasted SPF record does not include ", service_name,
                           " (include:", f.service->service.spf_include,
                           "), the service that sent this message. That matters once ",
                           service_name, " uses a return path under ", org,
                           "; until then SPF is checked against ", service_name, "'s own domain."),
          {});
    }
    if (s.spf_record->authorizes_service && !*s.spf_record->authorizes_service && failing)
      b.add_fix("spf_include_service");
    if (!s.spf_record->errors.empty()) b.add_fix("spf_permerror");
  }

  if (out.verdict.status == verdict_status::problem && !from.empty()) {
    b.add_fix("keep_policy");
    b.add_fix("confirm");
  }
  out.verdict.headline = headline;
  out.verdict.summary = summary;
}

}  // namespace mailverdict
