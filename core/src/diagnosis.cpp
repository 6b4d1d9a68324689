/**
 * @file diagnosis.cpp
 * @brief Authentication diagnosis: why DMARC failed and what to change.
 *
 * DMARC (RFC 7489 §4.2) passes when SPF or DKIM passes for a domain that
 * aligns with the From: domain (§3.1). A pass for someone else's domain does
 * not count: that is the `unaligned_pass` cause. When nothing passed at all
 * the cause is `not_authenticated`.
 */
#include "mailverdict/diagnosis.h"

#include <fmt/format.h>

#include <algorithm>

#include "mailverdict/data/dmarc_actions.h"
#include "mailverdict/domain.h"
#include "mailverdict/fixes.h"
#include "mailverdict/internal/text.h"

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

// What the Authentication-Results say, condensed for the rules below.
struct auth_facts {
  bool spf_pass = false, spf_aligned_pass = false;
  bool dkim_pass = false, dkim_aligned_pass = false;
  // Organizational domains that passed but do not align ("sendgrid.net" for
  // both bounces.sendgrid.net and sendgrid.net): the service to fix.
  std::vector<std::string> unaligned_pass_domains;
  std::vector<std::string> aligned_pass_domains;
  std::vector<std::string> passed_methods;          // "SPF", "DKIM"
};

auth_facts condense(const authentication_report& s) {
  auth_facts f;
  if (s.spf.result == "pass") {
    f.spf_pass = true;
    f.passed_methods.push_back("SPF");
    if (s.spf.aligned.value_or(false)) {
      f.spf_aligned_pass = true;
      add_unique(f.aligned_pass_domains, s.spf.domain.value_or(""));
    } else {
      add_unique(f.unaligned_pass_domains, organizational_domain(s.spf.domain.value_or("")));
    }
  }
  for (const auto& d : s.dkim) {
    if (d.result != "pass") continue;
    if (!f.dkim_pass) f.passed_methods.push_back("DKIM");
    f.dkim_pass = true;
    if (d.aligned.value_or(false)) {
      f.dkim_aligned_pass = true;
      add_unique(f.aligned_pass_domains, d.domain);
    } else {
      add_unique(f.unaligned_pass_domains, organizational_domain(d.domain));
    }
  }
  return f;
}

evidence_item field_evidence(const header_field* f) {
  return f == nullptr ? evidence_item{} : evidence_item{f->name, f->index, f->value};
}

}  // namespace

void diagnose_authentication(const auth_assessment& auth, report& out) {
  const authentication_report& s = auth.summary;
  const std::string from = s.from_domain.value_or("");
  const std::string org = s.organizational_domain.value_or(from);

  if (!auth.results) {
    out.verdict.status = verdict_status::unknown;
    out.verdict.headline = "These headers hold no Authentication-Results, so SPF, DKIM and DMARC cannot be judged.";
    out.verdict.summary =
        "Authentication-Results is written by the receiving server. Copy the headers of the message as "
        "received (in Outlook: File, Properties, Internet headers; in Gmail: Show original), not of a "
        "draft or a sent copy. Checking SPF and DKIM directly needs DNS, which this page does not use.";
    return;
  }

  const auth_facts f = condense(s);
  const bool aligned_pass = f.spf_aligned_pass || f.dkim_aligned_pass;
  const bool dmarc_fail = s.dmarc.result == "fail";
  const bool dmarc_unknown = s.dmarc.result == "unknown";
  std::vector<evidence_item> ev;
  if (auth.from_field != nullptr) ev.push_back(field_evidence(auth.from_field));
  ev.push_back(field_evidence(auth.results_field));

  std::string spf_domain = s.spf.domain.value_or(from);
  std::vector<std::string> dkim_domains;
  for (const auto& d : s.dkim) add_unique(dkim_domains, d.domain);
  const std::string service = f.unaligned_pass_domains.empty()
                                  ? std::string("the service that sent it")
                                  : join_words(f.unaligned_pass_domains);
  const std::string service_domains = join_words(f.unaligned_pass_domains);
  const std::string dkim_list = join_words(dkim_domains);
  const fix_values values = {{"from_domain", from},       {"org_domain", org},
                             {"service", service},        {"service_domains", service_domains},
                             {"spf_domain", spf_domain},  {"dkim_domains", dkim_list}};

  std::string action_text;
  if (s.dmarc.action) {
    const std::string_view meaning = action_meaning(*s.dmarc.action);
    if (!meaning.empty()) action_text = fmt::format(" The receiver's action={} means {}.", *s.dmarc.action, meaning);
  }

  if ((dmarc_fail || dmarc_unknown) && !aligned_pass) {
    const confidence_level conf = dmarc_fail ? confidence_level::certain : confidence_level::likely;
    const std::string failed = dmarc_fail ? "DMARC failed" : "DMARC would fail";
    if (!f.unaligned_pass_domains.empty()) {
      const std::string passed = join_words(f.passed_methods);
      const bool one = f.unaligned_pass_domains.size() == 1;
      cause c;
      c.id = "unaligned_pass";
      c.confidence = conf;
      c.explanation = fmt::format(
          "{} passed, but for {}, which {} not aligned with the From: domain {}{}. DMARC only counts a "
          "pass for the From: domain or another domain under {}, so the message was unauthenticated as "
          "far as DMARC is concerned.",
          passed, service_domains, one ? "is" : "are", from,
          org != from ? fmt::format(" (organizational domain {})", org) : "", org);
      c.evidence = ev;
      out.causes.push_back(std::move(c));
      out.verdict.headline = fmt::format("{}: {} passed for {}, which {} not aligned with {}.", failed, passed,
                                         service_domains, one ? "is" : "are", from);
      out.verdict.summary = fmt::format(
          "The message claims to be from {}, but the only successful checks were for {}. This is the "
          "most common DMARC failure: a service sends as your domain while authenticating with its own.{} "
          "The fix is on the sending side: make {} sign with DKIM for {}.",
          from, service_domains, action_text, service, from);
      out.fixes.push_back(make_fix("aligned_dkim", values));
      out.fixes.push_back(make_fix("aligned_return_path", values));
    } else {
      cause c;
      c.id = "not_authenticated";
      c.confidence = conf;
      c.explanation = fmt::format(
          "Neither SPF (result: {}{}) nor DKIM ({}) passed, so nothing could align with {}. Either the "
          "sending service was never authorized for {} (no SPF include, no DKIM key), or the mail did not "
          "come from the domain's owner.",
          s.spf.result, s.spf.domain ? " for " + *s.spf.domain : "",
          s.dkim.empty() ? "no signature checked" : "results: " + [&] {
            std::vector<std::string> r;
            for (const auto& d : s.dkim) r.push_back(d.result + (d.domain.empty() ? "" : " for " + d.domain));
            return join_words(r);
          }(),
          from, from);
      c.evidence = ev;
      out.causes.push_back(std::move(c));
      out.verdict.headline = fmt::format("{}: neither SPF nor DKIM passed for {}.", failed, from);
      out.verdict.summary = fmt::format(
          "No authentication check passed for the message from {}.{} If the sender is legitimate, it must "
          "be authorized: DKIM signing for {} first, SPF second. If you do not recognise it, the failure "
          "may be your policy stopping a spoofer.",
          from, action_text, from);
      out.fixes.push_back(make_fix("authorize_dkim", values));
      out.fixes.push_back(make_fix("authorize_spf", values));
      out.fixes.push_back(make_fix("check_spoofing", values));
    }
    out.verdict.status = verdict_status::problem;
    out.fixes.push_back(make_fix("keep_policy", values));
    out.fixes.push_back(make_fix("confirm", values));
    return;
  }

  if (aligned_pass) {
    out.verdict.status = dmarc_fail ? verdict_status::warning : verdict_status::ok;
    const std::string how = f.dkim_aligned_pass && f.spf_aligned_pass ? "SPF and DKIM"
                            : f.dkim_aligned_pass                     ? "DKIM"
                                                                      : "SPF";
    if (dmarc_fail) {
      out.verdict.headline = fmt::format(
          "DMARC failed even though {} passed for {}, which aligns with {} under relaxed alignment.", how,
          join_words(f.aligned_pass_domains), from);
      out.verdict.summary =
          "The most likely reason is strict alignment (adkim=s or aspf=s in the DMARC record), which "
          "needs the exact From: domain. Paste the domain's DMARC record to confirm.";
      return;
    }
    out.verdict.headline = fmt::format("Authentication passed: {} passed for {}, aligned with {}.", how,
                                       join_words(f.aligned_pass_domains), from);
    out.verdict.summary = s.dmarc.result == "pass"
                              ? "DMARC passed. The receiver had no authentication reason to reject or filter this message."
                              : fmt::format("DMARC result: {}. An aligned pass means DMARC would pass if {} "
                                            "published a record.",
                                            s.dmarc.result, org);
    return;
  }

  // DMARC none, temperror, permerror, bestguesspass and the like.
  out.verdict.status = verdict_status::warning;
  out.verdict.headline = fmt::format("DMARC was not applied to {} (result: {}).", from, s.dmarc.result);
  out.verdict.summary = "The receiver could not apply a DMARC policy to this message.";
}

}  // namespace mailverdict
