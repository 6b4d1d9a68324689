/**
 * @file antispam_diagnosis.cpp
 * @brief Why a delivered message landed in Junk or quarantine: the
 * combination rules over the decoded antispam headers (see antispam.h).
 *
 * Microsoft (Microsoft Learn, "Anti-spam message headers", "Spam confidence
 * level", "Bulk complaint level"): SCL 5-6 is spam and SCL 7-9 high-confidence
 * spam, both to Junk under the default policy and to quarantine under
 * stricter ones; SCL -1, SFV:SKN/SKA/SFE and IPV:CAL skip filtering;
 * SFV:SKB/BLK and SFV:SKS mark spam before filtering; CAT:SPOOF with a
 * compauth failure is spoof intelligence; BCL at or above the policy's
 * threshold (7 by default) with SRV:BULK is bulk. Only the topmost copy of each
 * Microsoft header counts: it is the one the final receiver wrote.
 */
#include <algorithm>
#include <charconv>

#include "mailverdict/antispam.h"
#include "mailverdict/fixes.h"
#include "mailverdict/internal/antispam.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

using internal::iequals;
using internal::join_words;

bool has_fix(const report& out, std::string_view id) {
  return std::any_of(out.fixes.begin(), out.fixes.end(), [&](const fix& f) { return f.id == id; });
}

void add_fix(report& out, std::string_view id, const fix_values& values) {
  if (!has_fix(out, id)) out.fixes.push_back(make_fix(id, values));
}

// The integer in `s`, or kNoNumber (GCC warns about std::optional<int> here).
constexpr int kNoNumber = -1000000;
int to_int(std::string_view s) {
  s = internal::trim(s);
  int v = 0;
  const char* first = s.data();
  const char* last = s.data() + s.size();
  if (!s.empty() && s.front() == '+') ++first;
  auto [p, ec] = std::from_chars(first, last, v);
  if (ec != std::errc() || p != last || first == last) return kNoNumber;
  return v;
}

// A field of a decoded header, by position.
struct ref {
  antispam_decoded* d = nullptr;
  std::size_t i = 0;
  explicit operator bool() const { return d != nullptr; }
  const antispam_field& field() const { return d->entry.fields[i]; }
  std::string_view value() const {
    return d ? std::string_view(field().value) : std::string_view();
  }
  std::string_view signal() const {
    return d ? std::string_view(d->signals[i]) : std::string_view();
  }
  std::string_view phrase() const {
    return d ? std::string_view(d->shorts[i]) : std::string_view();
  }
  void drove() const {
    if (d) d->entry.fields[i].drove_verdict = true;
  }
  // "CAT:SPOOF" as the header writes it.
  std::string text() const { return d ? field().name + ":" + field().value : std::string(); }
  evidence_item evidence() const {
    return d ? evidence_item{d->entry.header, d->entry.index, text()} : evidence_item{};
  }
};

ref find_field(antispam_decoded* d, std::string_view name) {
  if (d == nullptr) return {};
  for (std::size_t i = 0; i < d->entry.fields.size(); ++i) {
    if (iequals(d->entry.fields[i].name, name)) return {d, i};
  }
  return {};
}

antispam_decoded* first_header(std::vector<antispam_decoded>& all, std::string_view name) {
  for (auto& d : all) {
    if (iequals(d.entry.header, name)) return &d;
  }
  return nullptr;
}

// A sentence without its final period, to add "(FIELD:value)." after it.
std::string_view bare(std::string_view s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.remove_suffix(1);
  return s;
}

bool any_of_signal(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// One reason the filter gave, ready for the verdict sentence and a cause.
struct reason {
  std::string phrase;    // "it was flagged as spoofing (CAT:SPOOF, SFTY 9.22)"
  std::string cause_id;  // "spoof_detected", ...
  confidence_level confidence = confidence_level::certain;
  std::string explanation;
  std::vector<evidence_item> evidence;
};

struct microsoft_outcome {
  bool present = false;
  bool filtered = false;
  std::string outcome = "unknown";  // for report.antispam
  std::string headline;
  std::string summary;
  std::vector<reason> reasons;
  std::vector<std::string> fix_ids;
  std::string category;  // for security_false_positive
};

// The Microsoft combination rules.
microsoft_outcome diagnose_microsoft(std::vector<antispam_decoded>& all,
                                     const auth_assessment& auth, fix_values& values,
                                     std::vector<std::string>& value_store) {
  microsoft_outcome m;
  antispam_decoded* forefront = first_header(all, "X-Forefront-Antispam-Report");
  antispam_decoded* ms = first_header(all, "X-Microsoft-Antispam");
  antispam_decoded* mailbox = first_header(all, "X-Microsoft-Antispam-Mailbox-Delivery");
  antispam_decoded* org_scl = first_header(all, "X-MS-Exchange-Organization-SCL");
  antispam_decoded* custom = first_header(all, "X-CustomSpam");
  antispam_decoded* compauth_d = nullptr;
  for (auto& d : all) {
    if (d.entry.vendor == "microsoft" && iequals(d.entry.header, "Authentication-Results"))
      compauth_d = &d;
  }
  m.present = forefront || ms || mailbox || org_scl || custom;
  if (!m.present) return m;

  ref scl = find_field(forefront, "SCL");
  if (!scl || to_int(scl.value()) == kNoNumber) scl = find_field(org_scl, "SCL");
  const int scl_v = scl ? to_int(scl.value()) : kNoNumber;
  const bool has_scl = scl_v != kNoNumber;
  const ref sfv = find_field(forefront, "SFV");
  const ref cat = find_field(forefront, "CAT");
  const ref sfty = find_field(forefront, "SFTY");
  const ref srv = find_field(forefront, "SRV");
  const ref ipv = find_field(forefront, "IPV");
  const ref cip = find_field(forefront, "CIP");
  const ref bcl = find_field(ms, "BCL");
  const int bcl_v = bcl ? to_int(bcl.value()) : kNoNumber;
  const bool has_bcl = bcl_v != kNoNumber;
  const ref dest = find_field(mailbox, "dest");
  const ref ofr = find_field(mailbox, "OFR");
  const ref compauth = find_field(compauth_d, "compauth");
  const ref compauth_reason = find_field(compauth_d, "reason");
  const ref asf = find_field(custom, "X-CustomSpam");

  const std::string from = auth.summary.from_domain.value_or("");
  value_store.push_back(std::string(cip.value()));
  values.push_back({"cip", value_store.back().empty() ? std::string_view("the sending server")
                                                      : value_store.back()});
  value_store.push_back(has_bcl ? std::to_string(bcl_v) : std::string("(unknown)"));
  values.push_back({"bcl", value_store.back()});
  value_store.push_back(std::string(asf.value()));
  values.push_back({"asf", value_store.back()});

  // Where the message went.
  const std::string_view dest_sig = dest.signal();
  const bool blocked = any_of_signal(sfv.signal(), {"block", "block_user"});
  const bool rule_spam = sfv.signal() == "rule_spam";
  const bool spam_scl = has_scl && scl_v >= 5;
  const bool high = (has_scl && scl_v >= 7) ||
                    any_of_signal(cat.signal(), {"high_confidence", "high_phish", "malware"});
  const bool allowed = any_of_signal(sfv.signal(), {"allow", "rule_allow"}) ||
                       ipv.signal() == "allow" || (has_scl && scl_v == -1);
  const bool user_rule = ofr.signal() == "user_rule" || dest_sig == "custom_folder";
  const bool cat_filtering =
      any_of_signal(cat.signal(), {"spoof", "phish", "high_phish", "impersonation", "malware",
                                   "high_confidence", "spam", "bulk"});
  const bool spam_verdict = spam_scl || blocked || rule_spam || sfv.signal() == "spam" || asf;
  m.filtered = dest_sig == "junk_folder" || dest_sig == "custom_folder" ||
               (dest_sig != "inbox_folder" && (spam_verdict || (cat_filtering && !allowed)));

  const std::string scl_text = has_scl ? internal::concat("SCL ", scl_v) : std::string();
  if (!m.filtered) {
    if (dest_sig == "inbox_folder") {
      m.outcome = "inbox";
    } else if (allowed) {
      m.outcome = "allowed";
    } else {
      m.outcome = "not_spam";
    }
    if (allowed) {
      reason r;
      r.cause_id = "filtering_bypassed";
      const ref why = sfv.signal() == "allow" || sfv.signal() == "rule_allow" ? sfv
                      : ipv.signal() == "allow"                               ? ipv
                                                                              : scl;
      why.drove();
      r.explanation = internal::concat("Microsoft skipped spam filtering for this message (",
                                       why.text(), "): ", why.field().meaning,
                                       " It reached the mailbox whatever its content or "
                                       "authentication, because the recipient's side allowed it.");
      r.evidence.push_back(why.evidence());
      m.reasons.push_back(std::move(r));
    }
    return m;
  }

  // Why: each reason in the order a reader needs it.
  if (blocked) {
    sfv.drove();
    reason r;
    r.phrase = internal::concat(sfv.phrase(), " (", sfv.text(), ")");
    r.cause_id = "blocked_by_recipient";
    r.explanation =
        internal::concat(bare(sfv.field().meaning), " (", sfv.text(),
                         "). Microsoft then treats the message as spam whatever its content.");
    r.evidence.push_back(sfv.evidence());
    m.reasons.push_back(std::move(r));
    m.fix_ids.push_back("remove_block_entry");
  }
  if (rule_spam) {
    sfv.drove();
    reason r;
    r.phrase = internal::concat(sfv.phrase(), " (", sfv.text(), ")");
    r.cause_id = "recipient_mail_flow_rule";
    r.explanation =
        internal::concat(bare(sfv.field().meaning), " (", sfv.text(), ", ", scl_text, ").");
    r.evidence.push_back(sfv.evidence());
    m.reasons.push_back(std::move(r));
    m.fix_ids.push_back("review_mail_flow_rule");
  }
  const bool compauth_failed = compauth.signal() == "auth_fail";
  const bool spoof =
      cat.signal() == "spoof" || sfty.signal() == "spoof" || sfty.signal() == "spoof_intra";
  if (compauth_failed) {
    compauth.drove();
    std::string phrase = "composite authentication failed";
    if (compauth_reason) {
      compauth_reason.drove();
      phrase += compauth_reason.phrase().empty()
                    ? internal::concat(" (compauth reason ", compauth_reason.value(), ")")
                    : internal::concat(" (compauth reason ", compauth_reason.value(), ": ",
                                       compauth_reason.phrase(), ")");
    }
    reason r;
    r.phrase = std::move(phrase);
    r.cause_id = spoof ? "spoof_detected" : "compauth_fail";
    r.confidence = spoof ? confidence_level::certain : confidence_level::likely;
    r.evidence.push_back(
        {compauth.d->entry.header, compauth.d->entry.index,
         "compauth=" + std::string(compauth.value()) +
             (compauth_reason ? " reason=" + std::string(compauth_reason.value()) : "")});
    std::string expl = internal::concat("Microsoft's composite authentication failed for ",
                                        from.empty() ? "the From: domain" : from);
    if (compauth_reason)
      expl += internal::concat(": ", compauth_reason.field().meaning);
    else
      expl += ".";
    if (spoof) {
      const ref marker = cat.signal() == "spoof" ? cat : sfty;
      marker.drove();
      if (sfty && sfty.signal() != "") sfty.drove();
      expl += internal::concat(
          " Spoof intelligence therefore flagged the message as spoofing (", marker.text(),
          sfty && marker.d == cat.d && marker.i == cat.i && !sfty.value().empty()
              ? ", SFTY " + std::string(sfty.value())
              : "",
          "): the server that sent it", cip ? " (" + std::string(cip.value()) + ")" : "",
          " is not one that ", from.empty() ? "the From: domain" : from, " authorizes.");
      r.evidence.push_back(marker.evidence());
      if (sfty && !sfty.value().empty() && marker.d == cat.d && marker.i == cat.i)
        r.evidence.push_back(sfty.evidence());
    } else {
      expl += " That alone does not send a message to Junk, but it weighs in Microsoft's verdict.";
    }
    r.explanation = std::move(expl);
    m.reasons.push_back(std::move(r));
    m.fix_ids.push_back("spoof_authenticate");
    const bool implicit = compauth_reason && compauth_reason.value() == "001";
    const bool dangerous =
        any_of_signal(cat.signal(), {"phish", "high_phish", "malware", "impersonation"});
    if (spoof && implicit && !dangerous) m.fix_ids.push_back("spoof_allow_admin");
  }
  if (cat_filtering && spoof && compauth_failed && cat.signal() == "spoof") {
    // Already a cause with the compauth failure; the sentence names it too.
    reason r;
    std::string marks = cat.text();
    if (sfty && !sfty.value().empty() && sfty.signal() != "")
      marks += ", SFTY " + std::string(sfty.value());
    r.phrase = internal::concat(cat.phrase(), " (", marks, ")");
    m.reasons.push_back(std::move(r));
  } else if (cat_filtering) {
    cat.drove();
    reason r;
    const bool with_sfty = sfty && !sfty.value().empty() && sfty.signal() != "";
    if (with_sfty) sfty.drove();
    std::string marks = cat.text();
    if (with_sfty) marks += ", SFTY " + std::string(sfty.value());
    r.phrase = internal::concat(cat.phrase(), " (", marks, ")");  // the BCL goes with the SCL
    const std::string_view s = cat.signal();
    r.cause_id = s == "spoof"                        ? "spoof_detected"
                 : s == "phish" || s == "high_phish" ? "phishing_verdict"
                 : s == "impersonation"              ? "impersonation_verdict"
                 : s == "malware"                    ? "malware_verdict"
                 : s == "bulk"                       ? "bulk_mail"
                                                     : "spam_filter";
    r.explanation = internal::concat("Microsoft applied the policy category ", cat.text(), ": ",
                                     cat.field().meaning);
    if (s == "bulk") {
      if (srv.signal() == "bulk") {
        srv.drove();
        r.explanation += internal::concat(" ", srv.text(), ": ", srv.field().meaning);
      }
      if (has_bcl) {
        bcl.drove();
        r.explanation += internal::concat(" ", bcl.field().meaning);
      }
    }
    if (with_sfty)
      r.explanation += internal::concat(" The safety level SFTY ", sfty.value(),
                                        " means: ", sfty.field().meaning);
    if (s == "spam" || s == "high_confidence") {
      r.explanation +=
          " The spam-filter rules behind it are listed only as Microsoft's internal numbers (SFS), "
          "which are not published, so the exact trigger cannot be read from the headers.";
    }
    r.evidence.push_back(cat.evidence());
    if (with_sfty) r.evidence.push_back(sfty.evidence());
    if (s == "bulk" && srv.signal() == "bulk") r.evidence.push_back(srv.evidence());
    if (s == "bulk" && has_bcl) r.evidence.push_back(bcl.evidence());
    m.reasons.push_back(std::move(r));
    if (s == "spoof") m.fix_ids.push_back("spoof_authenticate");
    if (s == "bulk") m.fix_ids.push_back("bulk_sender_practices");
    if (s == "spam" || s == "high_confidence") m.fix_ids.push_back("spam_sender_checks");
    if (any_of_signal(s, {"phish", "high_phish", "impersonation", "malware"})) {
      m.fix_ids.push_back("security_false_positive");
      m.category = cat.field().meaning;
      if (!m.category.empty() && m.category.back() == '.') m.category.pop_back();
    }
  }
  const bool bulk_named = std::any_of(m.reasons.begin(), m.reasons.end(),
                                      [](const reason& r) { return r.cause_id == "bulk_mail"; });
  if (!bulk_named && srv.signal() == "bulk") {
    srv.drove();
    reason r;
    if (has_bcl) bcl.drove();
    r.phrase = internal::concat(srv.phrase(), " (", srv.text(), ")");
    r.cause_id = "bulk_mail";
    r.explanation =
        internal::concat(srv.field().meaning, has_bcl ? " " + bcl.field().meaning : std::string());
    r.evidence.push_back(srv.evidence());
    if (has_bcl) r.evidence.push_back(bcl.evidence());
    m.reasons.push_back(std::move(r));
    m.fix_ids.push_back("bulk_sender_practices");
  }
  if (asf) {
    asf.drove();
    reason r;
    r.phrase = internal::concat(asf.phrase(), " (", asf.value(), ")");
    r.cause_id = "advanced_spam_filter";
    r.explanation = asf.field().meaning;
    r.evidence.push_back({asf.d->entry.header, asf.d->entry.index, std::string(asf.value())});
    m.reasons.push_back(std::move(r));
    m.fix_ids.push_back("review_asf");
  }
  if (sfv.signal() == "spam" && !cat_filtering &&
      std::none_of(m.reasons.begin(), m.reasons.end(), [](const reason& r) {
        return r.cause_id == "spam_filter" || r.cause_id == "bulk_mail";
      })) {
    sfv.drove();
    reason r;
    r.phrase = internal::concat(sfv.phrase(), " (", sfv.text(), ")");
    r.cause_id = "spam_filter";
    r.explanation = internal::concat(
        bare(sfv.field().meaning), " (", sfv.text(),
        "). The rules behind the verdict are listed only as Microsoft's internal numbers (SFS), "
        "which are not published, so the exact trigger cannot be read from the headers.");
    r.evidence.push_back(sfv.evidence());
    m.reasons.push_back(std::move(r));
    m.fix_ids.push_back("spam_sender_checks");
  }
  if (user_rule) {
    const ref marker = ofr.signal() == "user_rule" ? ofr : dest;
    marker.drove();
    reason r;
    r.phrase = internal::concat(
        ofr.signal() == "user_rule" ? ofr.phrase() : "a rule of the recipient moved it", " (",
        marker.text(), ")");
    r.cause_id = "recipient_inbox_rule";
    r.confidence = confidence_level::likely;
    r.explanation = internal::concat(bare(marker.field().meaning), " (", marker.text(), ").");
    r.evidence.push_back(marker.evidence());
    m.reasons.push_back(std::move(r));
    m.fix_ids.push_back("review_inbox_rule");
  }
  if (spam_scl) scl.drove();
  if (dest_sig == "junk_folder" || dest_sig == "custom_folder") dest.drove();
  if (m.fix_ids.empty() ||
      std::all_of(m.fix_ids.begin(), m.fix_ids.end(),
                  [](const std::string& id) { return id == "spoof_allow_admin"; })) {
    m.fix_ids.push_back("spam_sender_checks");
  }
  const bool auth_ok = !compauth_failed && auth.summary.dmarc.result != "fail";
  if (bulk_named || srv.signal() == "bulk") {
    if (auth_ok) m.fix_ids.push_back("bulk_recipient_admin");
  } else if (!any_of_signal(cat.signal(), {"phish", "high_phish", "impersonation", "malware"}) &&
             !blocked && !rule_spam) {
    m.fix_ids.push_back("report_not_junk");
  }

  // The verdict sentence.
  std::string where;
  std::string place;
  if (dest_sig == "junk_folder") {
    where = "Microsoft put it in Junk";
    place = "the Junk Email folder";
    m.outcome = "junk";
  } else if (dest_sig == "custom_folder") {
    where = "A rule moved it out of the Inbox";
    place = "a folder chosen by a rule of the recipient";
    m.outcome = "junk";
  } else if (high || any_of_signal(cat.signal(), {"phish", "impersonation"})) {
    where = "Microsoft filtered it";
    place = "the Junk Email folder or quarantine, depending on the recipient's policy";
    m.outcome = "quarantine";
  } else {
    where = "Microsoft marked it as spam";
    place = "the Junk Email folder under the default policy, or quarantine under stricter ones";
    m.outcome = "spam";
  }
  std::vector<std::string> phrases;
  for (const auto& r : m.reasons) phrases.push_back(r.phrase);
  std::vector<std::string> marks;
  if (!scl_text.empty()) marks.push_back(scl_text);
  if (has_bcl && (bulk_named || srv.signal() == "bulk"))
    marks.push_back(internal::concat("BCL ", bcl_v));
  const std::string marks_text = marks.empty() ? "" : " (" + join_words(marks, ", ") + ")";
  if (phrases.empty()) {
    m.headline = internal::concat(where, marks_text, "; the headers do not say why.");
  } else {
    m.headline = internal::concat(where, marks_text, " because ", join_words(phrases), ".");
  }
  m.summary = internal::concat(
      "The message was delivered, but not to the Inbox: Microsoft's filtering sends it to ", place,
      ". The decoded antispam headers below show each field, its meaning and which ones decided "
      "this.");
  return m;
}

}  // namespace

void diagnose_antispam(const antispam_assessment& spam, const auth_assessment& auth, report& out) {
  std::vector<antispam_decoded> all = spam.headers;
  const std::string from = auth.summary.from_domain.value_or("");
  const std::string org = auth.summary.organizational_domain.value_or(from);
  std::vector<std::string> store;
  store.reserve(8);  // views into it stay valid
  fix_values values = {{"from_domain", from.empty() ? std::string_view("the sender's domain")
                                                    : std::string_view(from)},
                       {"org_domain", org.empty() ? std::string_view("the sender's domain")
                                                  : std::string_view(org)}};

  microsoft_outcome m = diagnose_microsoft(all, auth, values, store);
  if (m.present) {
    for (auto& d : all) {
      if (d.entry.vendor != "microsoft") continue;
      if (iequals(d.entry.header, "X-Forefront-Antispam-Report-Untrusted") ||
          iequals(d.entry.header, "X-Microsoft-Antispam-Untrusted")) {
        d.entry.verdict =
            "Written by an earlier Microsoft 365 organization on the way, not by the final "
            "receiver.";
        continue;
      }
      const std::string& h = d.entry.header;
      if (iequals(h, "X-Forefront-Antispam-Report") || iequals(h, "X-Microsoft-Antispam") ||
          iequals(h, "X-Microsoft-Antispam-Mailbox-Delivery") ||
          iequals(h, "X-MS-Exchange-Organization-SCL") || iequals(h, "X-CustomSpam")) {
        d.entry.outcome = m.outcome;
      }
    }
    if (antispam_decoded* primary = first_header(all, "X-Forefront-Antispam-Report")) {
      primary->entry.verdict =
          m.filtered ? m.headline
                     : internal::concat("Microsoft did not filter it as spam (",
                                        m.outcome == "inbox"     ? "delivered to the Inbox"
                                        : m.outcome == "allowed" ? "filtering was skipped"
                                                                 : "not spam",
                                        ").");
    }
  }
  const std::string category = m.category.empty() ? "a security threat" : m.category;
  values.push_back({"category", category});

  for (auto& r : m.reasons) {
    if (r.cause_id.empty()) continue;  // a phrase for the verdict only
    cause c;
    c.id = r.cause_id;
    c.confidence = r.confidence;
    c.explanation = std::move(r.explanation);
    c.evidence = std::move(r.evidence);
    out.causes.push_back(std::move(c));
  }
  internal::prepare_engine_entries(all);
  internal::engine_outcome engines = internal::diagnose_engines(all);
  for (auto& v : engines.verdicts) {
    cause c;
    c.id = v.cause_id;
    c.confidence = confidence_level::certain;
    c.explanation = std::move(v.explanation);
    c.evidence = std::move(v.evidence);
    out.causes.push_back(std::move(c));
  }
  if (m.filtered) {
    // Authentication fixes come first, from the authentication diagnosis;
    // the spoof fix repeats them only when that diagnosis offered none.
    const bool auth_fixes = has_fix(out, "aligned_dkim") || has_fix(out, "authorize_dkim");
    for (const auto& id : m.fix_ids) {
      if (id == "spoof_authenticate" && auth_fixes) continue;
      add_fix(out, id, values);
    }
    const std::string auth_headline = out.verdict.headline;
    out.verdict.status = verdict_status::problem;
    out.verdict.headline = m.headline;
    out.verdict.summary = m.summary;
    if (!auth_headline.empty() && auth.results) out.verdict.summary += " " + auth_headline;
  }
  if (!engines.verdicts.empty()) {
    const std::string spf_domain = auth.summary.spf.domain.value_or(from);
    values.push_back({"spf_domain", spf_domain});
    values.push_back({"service", "the service that sent it"});
    const bool auth_fixes = has_fix(out, "aligned_dkim") || has_fix(out, "authorize_dkim");
    for (const auto& v : engines.verdicts) {
      for (const auto& id : v.fix_ids) {
        if ((id == "authorize_dkim" || id == "authorize_spf") && auth_fixes) continue;
        add_fix(out, id, values);
      }
    }
    if (!m.filtered) {
      const std::string auth_headline = out.verdict.headline;
      const auto& first = engines.verdicts.front();
      out.verdict.status = verdict_status::problem;
      out.verdict.headline = first.headline;
      if (first.outcome == "flagged") {
        out.verdict.summary =
            "A filter of the receiving organization flagged this message; its policy decides "
            "whether "
            "it was held, tagged or bounced. The decoded antispam headers below show what matched.";
      } else if (first.outcome == "reject") {
        out.verdict.summary =
            "The receiving server's filter decided to refuse this message. The decoded antispam "
            "headers "
            "below show each test, its meaning and which ones decided this.";
      } else {
        out.verdict.summary =
            "The message was delivered, but filtered as spam: the receiving mail system usually "
            "files "
            "such mail in the Junk or Spam folder. The decoded antispam headers below show each "
            "test, "
            "its meaning and which ones decided this.";
      }
      if (!auth_headline.empty() && auth.results) out.verdict.summary += " " + auth_headline;
    }
  }
  for (auto& d : all) out.antispam.push_back(std::move(d.entry));
}

}  // namespace mailverdict
