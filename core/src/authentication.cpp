/**
 * @file authentication.cpp
 * @brief Gathering authentication evidence: whose results count, each
 * identity's alignment, ARC, signatures, records, the sending service.
 */
#include "mailverdict/authentication.h"

#include <algorithm>

#include "mailverdict/address.h"
#include "mailverdict/data/antispam_fields.h"
#include "mailverdict/data/forwarding_headers.h"
#include "mailverdict/domain.h"
#include "mailverdict/internal/receiver.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

// Gmail and others write the published policy in a comment after
// dmarc=: "(p=REJECT sp=REJECT dis=NONE)". Returns the p= value, lowercased.
std::optional<std::string> policy_from_comment(std::string_view comment) {
  std::size_t pos = 0;
  while ((pos = internal::ifind(comment, "p=", pos)) != std::string_view::npos) {
    if (pos == 0 || internal::is_space(comment[pos - 1]) || comment[pos - 1] == ',') {
      std::size_t end = pos + 2;
      while (end < comment.size() && internal::is_alpha(comment[end])) ++end;
      const std::string p = internal::lower(comment.substr(pos + 2, end - pos - 2));
      if (p == "none" || p == "quarantine" || p == "reject") return p;
    }
    pos += 2;
  }
  return std::nullopt;
}

// "spf=pass dkim=fail dmarc=fail" for an ignored field.
std::string brief(const auth_results& ar) {
  std::string out;
  for (const auto& r : ar.results) {
    if (!out.empty()) out += ' ';
    out += r.method + "=" + r.result;
  }
  return out.empty() ? std::string(ar.none ? "none" : "") : out;
}

// RFC 7489 §3.1: why `id` does or does not align with `from`.
identifier_finding align(std::string kind, const std::string& id, const std::string& from,
                         alignment_mode mode, bool mode_known) {
  identifier_finding f;
  f.kind = std::move(kind);
  f.domain = id;
  f.mode = mode == alignment_mode::strict ? "strict" : "relaxed";
  f.mode_known = mode_known;
  if (id.empty() || from.empty()) {
    f.why = id.empty() ? "No domain was given for this identity." : "The From: domain is unknown.";
    return f;
  }
  f.strict = aligned(id, from, alignment_mode::strict);
  f.relaxed = aligned(id, from, alignment_mode::relaxed);
  f.aligned = mode == alignment_mode::strict ? f.strict : f.relaxed;
  const std::string org_id = organizational_domain(id), org_from = organizational_domain(from);
  const char* which = f.kind == "dkim" ? "adkim" : "aspf";
  if (f.strict) {
    f.why = id == normalize_domain(from) ? id + " is the From: domain itself."
                                         : id + " is the From: domain " + from +
                                               " (same name once case and IDN form are ignored).";
  } else if (f.relaxed) {
    f.why = id + " and " + from + " share the organizational domain " + org_from +
            ", so they align under relaxed alignment";
    f.why += mode == alignment_mode::strict
                 ? std::string("; but the DMARC record sets ") + which +
                       "=s (strict), which needs " + from + " exactly."
                 : std::string(mode_known ? "" : " (the default)") + "; strict alignment (" +
                       which + "=s) would need " + from + " exactly.";
  } else {
    f.why = id + " belongs to " + (org_id.empty() ? id : org_id) + ", not to " + org_from +
            " (the organizational domain of " + from + "), so it does not align.";
  }
  return f;
}

// Microsoft's compauth reason codes are described in antispam_fields.tsv
// (rows for Authentication-Results "reason"): an exact value wins over a
// prefix ("1*").
std::string compauth_meaning(std::string_view reason) {
  std::string_view best;
  bool exact = false;
  for (const auto& row : data::antispam_fields()) {
    if (row.vendor != "microsoft" || row.header != "Authentication-Results" ||
        row.field != "reason")
      continue;
    if (row.value == reason) {
      best = row.meaning;
      exact = true;
    } else if (!exact && row.value.size() >= 2 && row.value.back() == '*' &&
               reason.substr(0, row.value.size() - 1) ==
                   row.value.substr(0, row.value.size() - 1)) {
      best = row.meaning;
    }
  }
  return internal::fill_template(best, {{"value", reason}});
}

bool is_forwarding_header(std::string_view name) {
  for (const auto& row : data::forwarding_headers()) {
    if (internal::iequals(row.name, name)) return true;
  }
  return false;
}

std::string action_policy(std::string_view action) {
  // Microsoft's oreject / o.reject / reject name the published policy.
  const std::string a = internal::lower(action);
  if (a.find("reject") != std::string::npos) return "reject";
  if (a.find("quarantine") != std::string::npos) return "quarantine";
  return {};
}

}  // namespace

const auth_method_result* auth_assessment::trusted_result(std::string_view method) const {
  for (const auto& t : trusted) {
    if (const auto* r = t.results.find(method)) return r;
  }
  return nullptr;
}

auth_assessment assess_authentication(const header_block& block, const options& opts) {
  return assess_authentication(block, build_route(block), opts);
}

auth_assessment assess_authentication(const header_block& block, const route& trace,
                                      const options& opts) {
  auth_assessment a;
  auto& s = a.summary;

  a.from_field = block.first("From");
  if (a.from_field != nullptr) {
    const std::vector<mailbox> boxes = parse_mailboxes(a.from_field->value);
    if (!boxes.empty() && !boxes.front().domain.empty())
      s.from_domain = normalize_domain(boxes.front().domain);
    if (boxes.size() > 1) {
      a.warnings.push_back({"several_from_addresses",
                            "From: holds several addresses; DMARC receivers may reject such mail "
                            "(RFC 7489 §6.6.1). The first one was used."});
    }
  }
  a.return_path = block.first("Return-Path");

  // Whose Authentication-Results count (RFC 8601 §5, DESIGN.md): the final
  // receiver's, above the hop where the message entered it.
  const internal::receiver_view rv = internal::find_receiver(block, trace);
  if (!rv.organization.empty()) s.receiver = rv.organization;
  if (!trace.hops.empty() && rv.has_received && *trace.boundary > 0) {
    // The first client named (its reverse-DNS name before its HELO name),
    // else the first server: a route may start at a list or forwarder
    // when the sender's own hops were not recorded.
    const hop& first = trace.hops.front();
    a.origin_organization = organization_of(!first.rdns.empty() ? first.rdns : first.from);
    if (a.origin_organization.empty()) a.origin_organization = first.organization;
  }
  std::string first_id;
  bool first_seen = false;
  for (const header_field* f : block.all("Authentication-Results")) {
    auto parsed = parse_auth_results(f->value);
    if (!parsed) {
      a.warnings.push_back({"unreadable_authentication_results",
                            "Authentication-Results on line " + std::to_string(f->line) +
                                " could not be read and was left out: " + parsed.error().message});
      continue;
    }
    parsed_results rf{f, std::move(parsed).value()};
    const std::string& id = rf.results.authserv_id;
    std::string reason;
    if (rv.has_received && f->index < rv.first_received) {
      // Above every Received line: added after the last hop, by the final
      // receiver itself, whatever its authserv-id says.
    } else if (rv.has_received) {
      if (f->index >= rv.region_end) {
        reason = "It sits below the hop where the message entered " +
                 (rv.organization.empty() ? std::string("the receiving organization")
                                          : rv.organization) +
                 (rv.entry_host.empty() ? std::string() : " (" + rv.entry_host + ")") +
                 ", so it was written before delivery, by another server or by the sender, and may "
                 "be forged.";
      } else if (!internal::belongs_to_receiver(rv, id)) {
        reason = "Its authserv-id " + id + " is not a server of the receiving organization " +
                 rv.organization + ", so it is someone else's claim.";
      }
    } else {
      // No Received lines: nothing shows where the receiver's block ends;
      // trust the topmost results and those from the same server.
      if (!first_seen) {
        first_seen = true;
        first_id = id;
      } else if (!id.empty() && !first_id.empty() &&
                 organizational_domain(id) != organizational_domain(first_id)) {
        reason = "Its authserv-id " + id + " differs from the topmost results' " + first_id +
                 ", and without Received lines nothing shows it was the receiver's.";
      }
    }
    if (reason.empty()) {
      s.trusted.push_back(
          {f->name, f->index, id.empty() ? std::nullopt : std::optional<std::string>(id)});
      a.trusted.push_back(std::move(rf));
    } else {
      s.ignored.push_back({f->name, f->index,
                           id.empty() ? std::nullopt : std::optional<std::string>(id),
                           brief(rf.results), reason});
      a.ignored.push_back(std::move(rf));
    }
  }
  for (const header_field* f : block.all("Authentication-Results-Original")) {
    if (auto p = parse_auth_results(f->value))
      a.original_results.push_back({f, std::move(p).value()});
  }
  if (!rv.has_received && !a.trusted.empty()) {
    a.warnings.push_back(
        {"no_received_lines",
         "The headers hold no Received lines, so which server wrote the Authentication-Results "
         "cannot be checked; the topmost ones were used."});
  }

  // Received-SPF: the receiver's own, within its block; the first one for
  // MAIL FROM, and any for HELO (pypolicyd-spf writes both).
  for (const header_field* f : block.all("Received-SPF")) {
    if (rv.has_received && f->index >= rv.region_end) break;
    auto p = parse_received_spf(f->value);
    if (!p) continue;
    if (p->is_helo()) {
      if (!a.spf_helo_header) {
        a.spf_helo_header = std::move(p).value();
        a.spf_helo_field = f;
      }
    } else if (!a.spf_header) {
      a.spf_header = std::move(p).value();
      a.spf_header_field = f;
    }
  }

  for (const header_field* f : block.all("DKIM-Signature")) {
    auto p = parse_dkim_signature(f->value);
    if (!p) {
      a.warnings.push_back(
          {"unreadable_dkim_signature", "DKIM-Signature on line " + std::to_string(f->line) +
                                            " could not be read: " + p.error().message});
      continue;
    }
    a.signatures.push_back({f, std::move(p).value()});
  }
  for (const auto& f : block.fields) {
    if (is_forwarding_header(f.name)) a.forwarding_fields.push_back(&f);
  }
  a.arc = read_arc_chain(block);

  // The optional records pasted by the user.
  if (!internal::trim(opts.dmarc_record).empty()) {
    auto r = parse_dmarc_record(opts.dmarc_record);
    dmarc_record_summary d;
    if (r) {
      a.pasted_dmarc = r.value();
      d.text = r->text;
      d.policy = r->policy;
      d.subdomain_policy = r->subdomain_policy;
      d.nonexistent_policy = r->nonexistent_policy;
      d.adkim = r->dkim_alignment == alignment_mode::strict ? "s" : "r";
      d.aspf = r->spf_alignment == alignment_mode::strict ? "s" : "r";
      d.pct = r->percent;
      d.rua = r->rua;
      d.ruf = r->ruf;
      d.fo = r->failure_options;
      for (const auto& w : r->warnings) d.warnings.push_back(w.message);
    } else {
      d.text = std::string(internal::trim(opts.dmarc_record));
      d.error = r.error().message;
      a.warnings.push_back({"dmarc_record_unreadable",
                            "The pasted DMARC record could not be read: " + r.error().message});
    }
    s.dmarc_record = std::move(d);
  }
  if (!internal::trim(opts.spf_record).empty()) {
    auto r = parse_spf_record(opts.spf_record);
    spf_record_summary d;
    if (r) {
      a.pasted_spf = r.value();
      d.text = r->text;
      d.includes = r->includes;
      d.all = r->all;
      d.lookups = r->lookups;
      d.errors = r->errors;
      d.warnings = r->warnings;
    } else {
      d.text = std::string(internal::trim(opts.spf_record));
      d.error = r.error().message;
      a.warnings.push_back({"spf_record_unreadable",
                            "The pasted SPF record could not be read: " + r.error().message});
    }
    s.spf_record = std::move(d);
  }

  if (!a.trusted.empty()) {
    a.results_field = a.trusted.front().field;
    a.results = a.trusted.front().results;
    const std::string& id = a.trusted.front().results.authserv_id;
    if (!id.empty()) s.authserv_id = id;
  }

  // DMARC result and policy; the From: domain from header.from as a fallback.
  const auth_method_result* dmarc = a.trusted_result("dmarc");
  if (dmarc != nullptr) {
    s.dmarc.result = dmarc->result;
    if (auto act = dmarc->get("action"); !act.empty()) s.dmarc.action = internal::lower(act);
    if (auto p = dmarc->get("policy.dmarc"); !p.empty()) s.dmarc.policy = internal::lower(p);
    if (!s.dmarc.policy) s.dmarc.policy = policy_from_comment(dmarc->comment);
    if (!s.dmarc.policy && s.dmarc.action) {
      const std::string p = action_policy(*s.dmarc.action);
      if (!p.empty()) s.dmarc.policy = p;
    }
    if (s.dmarc.policy) s.dmarc.policy_source = "headers";
    if (!s.from_domain) {
      const std::string hf = domain_of(dmarc->get("header.from"));
      if (!hf.empty()) s.from_domain = hf;
    }
  }
  const std::string from = s.from_domain.value_or("");
  if (!from.empty()) s.organizational_domain = organizational_domain(from);
  if (a.pasted_dmarc && !from.empty()) {
    s.dmarc.policy = a.pasted_dmarc->policy_for(from, s.organizational_domain.value_or(from));
    s.dmarc.policy_source = "record";
  }
  if (const auto* c = a.trusted_result("compauth")) {
    s.compauth = compauth_finding{c->result, c->reason, compauth_meaning(c->reason)};
  }
  if (const auto* arc = a.trusted_result("arc")) s.arc.result = arc->result;

  const alignment_mode spf_mode =
      a.pasted_dmarc ? a.pasted_dmarc->spf_alignment : alignment_mode::relaxed;
  const alignment_mode dkim_mode =
      a.pasted_dmarc ? a.pasted_dmarc->dkim_alignment : alignment_mode::relaxed;
  const bool known = a.pasted_dmarc.has_value();

  // SPF: the MAIL FROM identity (RFC 7489 §3.1.2). A result for the HELO
  // identity only is shown, but DMARC does not use it while MAIL FROM is set.
  bool spf_done = false;
  for (const auto& t : a.trusted) {
    for (const auto& r : t.results.results) {
      if (r.method != "spf") continue;
      const std::string mf = domain_of(r.get("smtp.mailfrom"));
      const std::string mf2 =
          mf.empty() ? domain_of(r.get("smtp.mail")) : mf;  // Yandex writes smtp.mail
      const std::string helo = normalize_domain(r.get("smtp.helo"));
      if (!mf2.empty()) {
        if (!spf_done) {
          spf_done = true;
          s.spf.result = r.result;
          s.spf.domain = mf2;
          auto idf = align("spf_mailfrom", mf2, from, spf_mode, known);
          idf.result = r.result;
          idf.source = t.field->name +
                       (t.results.authserv_id.empty() ? "" : " (" + t.results.authserv_id + ")");
          idf.index = t.field->index;
          s.spf.aligned = idf.aligned;
          s.identifiers.push_back(std::move(idf));
        } else if (r.result != s.spf.result && mf2 == s.spf.domain) {
          s.disagreements.push_back("Two trusted results disagree about SPF for " + mf2 + ": " +
                                    s.spf.result + " and " + r.result + ".");
        }
      } else if (!helo.empty()) {
        auto idf = align("spf_helo", helo, from, spf_mode, known);
        idf.result = r.result;
        idf.counts_for_dmarc = false;
        idf.aligned.reset();
        idf.why = "This result is for the HELO name " + helo +
                  ", which DMARC does not use while the message has a MAIL FROM address (RFC 7489 "
                  "§3.1.2).";
        idf.source = t.field->name;
        idf.index = t.field->index;
        s.identifiers.push_back(std::move(idf));
      } else if (!spf_done) {
        // spf=... without any identity: keep the result, no domain.
        spf_done = true;
        s.spf.result = r.result;
      }
    }
  }
  if (!spf_done && a.spf_header) {
    const received_spf& rs = *a.spf_header;
    const std::string d = rs.checked_domain();
    if (!d.empty()) {
      spf_done = true;
      s.spf.result = rs.result;
      s.spf.domain = d;
      auto idf = align("spf_mailfrom", d, from, spf_mode, known);
      idf.result = rs.result;
      idf.source = "Received-SPF";
      idf.index = a.spf_header_field->index;
      s.spf.aligned = idf.aligned;
      s.identifiers.push_back(std::move(idf));
    }
  }
  bool helo_listed = false;
  for (const auto& id : s.identifiers) helo_listed = helo_listed || id.kind == "spf_helo";
  if (!helo_listed && a.spf_helo_header) {
    const received_spf& rs = *a.spf_helo_header;
    const std::string d = rs.checked_domain();
    if (!d.empty()) {
      auto idf = align("spf_helo", d, from, spf_mode, known);
      idf.result = rs.result;
      idf.counts_for_dmarc = false;
      idf.aligned.reset();
      idf.why = "Received-SPF checked the HELO name " + d +
                ", which DMARC does not use while the message has a "
                "MAIL FROM address (RFC 7489 §3.1.2).";
      idf.source = "Received-SPF";
      idf.index = a.spf_helo_field->index;
      s.identifiers.push_back(std::move(idf));
    }
  }
  if (!s.spf.domain && a.return_path != nullptr) {
    // No SPF result names the MAIL FROM domain: Return-Path shows it, at
    // lower confidence (the final receiver writes it from MAIL FROM).
    const std::string d = domain_of(a.return_path->value);
    if (!d.empty()) {
      s.spf.domain = d;
      auto idf = align("return_path", d, from, spf_mode, known);
      idf.result = s.spf.result;
      idf.source = "Return-Path";
      idf.index = a.return_path->index;
      idf.why +=
          " (Taken from Return-Path: no SPF result named the MAIL FROM domain, so this is less "
          "certain.)";
      s.spf.aligned = idf.aligned;
      s.identifiers.push_back(std::move(idf));
    }
  }

  // DKIM: every result of the trusted fields, then signatures they do not
  // mention.
  for (const auto& t : a.trusted) {
    for (const auto& r : t.results.results) {
      if (r.method != "dkim") continue;
      dkim_finding k;
      k.result = r.result;
      k.domain = normalize_domain(r.get("header.d"));
      if (k.domain.empty() || k.domain == "none") k.domain = domain_of(r.get("header.i"));
      if (auto sel = r.get("header.s"); !sel.empty()) k.selector = internal::lower(sel);
      for (const auto& sig : a.signatures) {
        if (k.selector || sig.signature.domain != k.domain) continue;
        k.selector = sig.signature.selector;
      }
      bool dup = false;
      for (const auto& d : s.dkim) {
        dup = dup || (d.domain == k.domain && d.result == k.result && d.selector == k.selector);
      }
      if (dup) continue;
      auto idf = align("dkim", k.domain, from, dkim_mode, known);
      idf.result = k.result;
      idf.selector = k.selector;
      idf.source =
          t.field->name + (t.results.authserv_id.empty() ? "" : " (" + t.results.authserv_id + ")");
      idf.index = t.field->index;
      k.aligned = k.domain.empty() ? std::nullopt : idf.aligned;
      if (!k.domain.empty()) s.identifiers.push_back(std::move(idf));
      s.dkim.push_back(std::move(k));
    }
  }
  for (const auto& sig : a.signatures) {
    bool mentioned = false;
    for (const auto& d : s.dkim) mentioned = mentioned || d.domain == sig.signature.domain;
    if (mentioned) continue;
    auto idf = align("dkim", sig.signature.domain, from, dkim_mode, known);
    idf.result = "unknown";
    idf.selector = sig.signature.selector;
    idf.source = "DKIM-Signature";
    idf.index = sig.field->index;
    idf.why += a.trusted.empty() ? " No receiver's result says whether this signature verified."
                                 : " The receiver's results do not mention this signature.";
    s.identifiers.push_back(std::move(idf));
  }

  // ARC (RFC 8617).
  s.arc.sets = a.arc.sets;
  s.arc.structure = a.arc.structure;
  s.arc.problems = a.arc.problems;
  for (const auto& set : a.arc.instances) {
    if (!set.parsed_seal.domain.empty()) s.arc.sealers.push_back(set.parsed_seal.domain);
  }
  if (!a.trusted_result("arc")) {
    s.arc.result = a.arc.structure == "broken" ? "fail" : a.arc.sets == 0 ? "none" : "unknown";
  }

  // The sending service, from the sender-side identities.
  sender_identifiers ids;
  for (const auto& d : s.dkim) {
    if (!d.domain.empty()) ids.dkim_domains.push_back(d.domain);
  }
  for (const auto& sig : a.signatures) ids.dkim_domains.push_back(sig.signature.domain);
  if (s.spf.domain) ids.mailfrom_domains.push_back(*s.spf.domain);
  if (a.return_path != nullptr) ids.mailfrom_domains.push_back(domain_of(a.return_path->value));
  ids.received_hosts = rv.sender_hosts;
  a.services = recognize_services(ids);
  if (!a.services.empty()) {
    const auto& m = a.services.front();
    s.service = service_summary{m.service.id, m.service.name, m.evidence};
  }
  if (a.pasted_spf && s.spf_record && !a.services.empty()) {
    s.spf_record->authorizes_service =
        a.pasted_spf->mentions(a.services.front().service.spf_include);
  }

  // Trusted results that disagree about DMARC.
  std::string first_dmarc;
  for (const auto& t : a.trusted) {
    for (const auto& r : t.results.results) {
      if (r.method != "dmarc") continue;
      if (first_dmarc.empty())
        first_dmarc = r.result;
      else if (r.result != first_dmarc) {
        s.disagreements.push_back("Two trusted results disagree about DMARC: " + first_dmarc +
                                  " and " + r.result + "; the topmost (" + first_dmarc +
                                  ") was used.");
      }
    }
  }
  return a;
}

}  // namespace mailverdict
