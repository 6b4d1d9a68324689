/**
 * @file bounce_diagnosis.cpp
 * @brief Explaining a bounce: who refused, why, whose problem it is,
 * whether retrying helps, and the fixes for that cause and provider
 * (core/data/bounce_categories.tsv, bounce_fixes.tsv, fix_recipes.tsv).
 * When the bounce returns the original message's headers, the
 * authentication diagnosis (diagnosis.h) runs on them and is merged in, so
 * that the verdict names the sending identity to fix.
 */
#include <algorithm>

#include "mailverdict/address.h"
#include "mailverdict/authentication.h"
#include "mailverdict/bounce.h"
#include "mailverdict/data/blocklists.h"
#include "mailverdict/data/bounce_advice.h"
#include "mailverdict/data/bounce_categories.h"
#include "mailverdict/data/bounce_providers.h"
#include "mailverdict/diagnosis.h"
#include "mailverdict/domain.h"
#include "mailverdict/fixes.h"
#include "mailverdict/internal/lines.h"
#include "mailverdict/internal/text.h"
#include "mailverdict/message.h"
#include "mailverdict/mime.h"
#include "mailverdict/status_code.h"

namespace mailverdict {

namespace {

using internal::fill_template;
using internal::join_words;

const data::bounce_categories_row* category_row(std::string_view category) {
  for (const auto& row : data::bounce_categories()) {
    if (row.category == category) return &row;
  }
  return nullptr;
}

std::string provider_name(std::string_view provider) {
  for (const auto& row : data::bounce_providers()) {
    if (row.provider == provider) return std::string(row.name);
  }
  return std::string(provider);
}

std::vector<std::string> split_ids(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// The DKIM-Signature d= tag (RFC 6376 §3.5), lowercased; "" when absent.
std::string dkim_domain(std::string_view value) {
  std::size_t i = 0;
  while (i < value.size()) {
    std::size_t end = value.find(';', i);
    if (end == std::string_view::npos) end = value.size();
    const std::string_view tag = internal::trim(value.substr(i, end - i));
    if (tag.size() > 2 && (tag[0] == 'd' || tag[0] == 'D') &&
        internal::trim(tag.substr(1)).front() == '=') {
      const std::string_view v = internal::trim(tag.substr(tag.find('=') + 1));
      return normalize_domain(v);
    }
    i = end + 1;
  }
  return {};
}

// What the returned original headers say about the sending identity.
struct original_identity {
  std::string from_domain;
  std::string return_path_domain;
  std::vector<std::string> dkim_domains;
  bool present = false;
};

original_identity read_identity(const header_block& block, const auth_assessment& auth) {
  original_identity id;
  id.present = !block.fields.empty();
  id.from_domain = auth.summary.from_domain.value_or("");
  if (const header_field* rp = block.first("Return-Path")) {
    const auto boxes = parse_mailboxes(rp->value);
    if (!boxes.empty()) id.return_path_domain = boxes.front().domain;
  }
  for (const header_field* f : block.all("DKIM-Signature")) {
    const std::string d = dkim_domain(f->value);
    if (!d.empty() &&
        std::find(id.dkim_domains.begin(), id.dkim_domains.end(), d) == id.dkim_domains.end()) {
      id.dkim_domains.push_back(d);
    }
  }
  return id;
}

// The check a refusal over sender authentication names (bounce_categories.tsv
// auth_check), or "" when the category is about something else.
std::string_view auth_check(std::string_view category) {
  const auto* row = category_row(category);
  return row == nullptr || row->auth_check == "-" ? std::string_view() : row->auth_check;
}

bool is_auth_category(std::string_view c) { return !auth_check(c).empty(); }

void add_fix(report& out, fix f) {
  if (f.steps.empty()) return;
  for (const auto& have : out.fixes) {
    if (have.id == f.id) return;
  }
  out.fixes.push_back(std::move(f));
}

// A domain the DMARC text names: "sending domain [example.com]" or
// "Unauthenticated email from example.com is not accepted".
std::string domain_in_reply(std::string_view diag) {
  for (std::string_view lead : {"sending domain [", "sending domain ", "email from ", "due to "}) {
    const std::size_t at = internal::ifind(diag, lead);
    if (at == std::string_view::npos) continue;
    std::size_t b = at + lead.size(), e = b;
    while (e < diag.size() && !internal::is_space(diag[e]) && diag[e] != ']' && diag[e] != '\'')
      ++e;
    std::string d = normalize_domain(diag.substr(b, e - b));
    if (!d.empty()) return d;
  }
  return {};
}

void describe_notice(const bounce_message& b, report& out) {
  switch (b.kind) {
    case notice_kind::auto_reply:
      out.input.kind = input_kind::auto_reply;
      out.verdict.status = verdict_status::ok;
      out.verdict.headline =
          "This is an automatic reply (such as an out-of-office message), not a bounce.";
      out.verdict.summary =
          "The message was delivered: the recipient's mailbox answered automatically (RFC 3834). "
          "Read the "
          "reply itself for when the person is back or whom to contact instead; nothing needs "
          "fixing.";
      break;
    case notice_kind::delivered:
      out.input.kind = input_kind::delivery_notice;
      out.verdict.status = verdict_status::ok;
      out.verdict.headline =
          "This is a delivery success notice, not a bounce: the message was delivered.";
      out.verdict.summary =
          "The receiving server confirmed delivery (or relay onward) of the message, as the sender "
          "asked in "
          "the delivery status notification request (RFC 3461). Nothing needs fixing.";
      break;
    case notice_kind::feedback_report:
      out.input.kind = input_kind::feedback_report;
      out.verdict.status = verdict_status::warning;
      out.verdict.headline =
          internal::concat("This is a feedback report (RFC 5965)",
                           b.feedback_type.empty() ? "" : " of type " + b.feedback_type,
                           ", not a bounce: a recipient or their provider reported a message.");
      out.verdict.summary =
          "Mailbox providers send these reports when a recipient marks a message as spam (abuse) "
          "or asks "
          "to unsubscribe. The message was delivered; remove the complaining address from your "
          "list and "
          "check why the mail was unwanted.";
      break;
    case notice_kind::dmarc_report:
      out.input.kind = input_kind::dmarc_report;
      out.verdict.status = verdict_status::warning;
      out.verdict.headline =
          "This is a DMARC failure report (RFC 6591), not a bounce: a receiver reports a message "
          "that "
          "failed authentication for your domain.";
      out.verdict.summary =
          "Your DMARC record asks receivers (ruf=) to send these reports. The attached headers "
          "show which "
          "server sent mail as your domain and which checks failed: either a service of yours that "
          "still "
          "needs aligned SPF or DKIM, or someone spoofing your domain.";
      break;
    case notice_kind::challenge:
      out.input.kind = input_kind::challenge_response;
      out.verdict.status = verdict_status::warning;
      out.verdict.headline =
          "This is a challenge-response notice, not a bounce: the recipient's mail screening "
          "service is holding the message until the sender confirms.";
      out.verdict.summary =
          "The recipient lets through only senders on an approved list; mail from anyone else is "
          "held, and the sender gets this notice with a link or reply that puts them on the list "
          "(or, once they are on it, a note saying so). Nothing in the sending server or DNS "
          "needs fixing: if the message matters, a person at the sending address follows the "
          "notice's step; mail from an address nobody reads stays held.";
      break;
    default:
      break;
  }
}

// The paragraph of the notice that holds the words a category was read
// from, as one line of at most about 600 bytes: the evidence of a notice
// that quotes no reply (Exim's "The mail server could not deliver mail to
// ..."). "" when the words are not in the text as written (a Japanese
// phrase in another charset, a code).
std::string paragraph_with(std::string_view text, std::string_view matched) {
  const std::string_view first = matched.substr(0, matched.find('*'));
  if (first.size() < 4) return {};
  const std::size_t at = internal::ifind(text, first);
  if (at == std::string_view::npos) return {};
  // The lines from the blank line before the words to the blank line after.
  const std::vector<internal::line> lines = internal::split_lines(text);
  std::size_t hit = 0;
  while (hit + 1 < lines.size() && lines[hit + 1].offset <= at) ++hit;
  auto blank = [&](std::size_t k) { return internal::trim(lines[k].text).empty(); };
  std::size_t from = hit, to = hit;
  while (from > 0 && !blank(from - 1) && hit - from < 4) --from;
  while (to + 1 < lines.size() && !blank(to + 1) && to - hit < 4) ++to;
  std::string out;
  for (std::size_t k = from; k <= to && out.size() < 600; ++k) {
    if (!out.empty()) out += ' ';
    out += internal::trim(lines[k].text);
  }
  return out;
}

}  // namespace

void diagnose_bounce(const bounce_message& b, report& out) {
  if (b.kind != notice_kind::bounce && b.kind != notice_kind::delay) {
    describe_notice(b, out);
    return;
  }
  out.input.kind = b.kind == notice_kind::delay ? input_kind::delay_notice : input_kind::bounce;
  if (b.recipients.empty()) return;

  // Classify every recipient; the bounce's category is the first failed one's.
  std::string host_provider;
  for (const auto& r : b.recipients) {
    if (!r.remote_mta.empty()) host_provider = detect_provider(r.remote_mta);
    if (!host_provider.empty()) break;
  }
  bounce_report br;
  br.layout = b.layout;
  std::vector<bounce_classification> classes;
  const bounce_context context(b.human_text);  // read once for every recipient
  for (const auto& r : b.recipients) {
    std::string prov = host_provider;
    if (!r.remote_mta.empty()) {
      const std::string p = detect_provider(r.remote_mta);
      if (!p.empty()) prov = p;
    }
    classes.push_back(classify_bounce(r, context, prov));
    br.recipients.push_back(
        {r.address, r.action, r.reply_code, r.status, classes.back().category, r.diagnostic});
  }
  const bounce_recipient& r0 = b.recipients.front();
  const bounce_classification& c = classes.front();
  br.reply_code = r0.reply_code;
  br.status = r0.status;
  br.category = c.category;
  if (!c.provider.empty()) {
    br.provider = c.provider;
    br.provider_name = provider_name(c.provider);
  }
  br.diagnostic = r0.diagnostic;
  if (!r0.address.empty()) br.recipient = r0.address;
  if (!b.reporting_mta.empty()) br.reporting_mta = b.reporting_mta;
  if (!r0.remote_mta.empty()) br.remote_mta = r0.remote_mta;
  if (!r0.action.empty()) br.action = r0.action;
  br.confidence = to_string(c.confidence);
  br.by_text = c.by_text;
  if (!c.matched.empty()) br.matched = c.matched;
  if (!c.blocklist.empty()) br.blocklist = c.blocklist;
  // Permanent: a 5xx reply or 5.x.x status, unless the notice is a delay.
  const bool temp_code = (r0.status && !r0.status->empty() && (*r0.status)[0] == '4') ||
                         (!r0.status && r0.reply_code && *r0.reply_code / 100 == 4);
  br.permanent = b.kind == notice_kind::bounce && !temp_code;

  // The returned original: its identity and its own authentication results.
  header_block original;
  if (!b.original_headers.empty()) original = parse_header_block(b.original_headers);
  const auth_assessment auth = assess_authentication(original);
  const original_identity id = read_identity(original, auth);

  const std::string recipient = r0.address.empty() ? std::string("the recipient") : r0.address;
  const std::string recipient_domain_v = domain_of(r0.address);
  const std::string recipient_domain =
      recipient_domain_v.empty() ? std::string("the recipient's domain") : recipient_domain_v;
  std::string sender_domain = id.from_domain;
  if (sender_domain.empty()) sender_domain = domain_in_reply(r0.diagnostic);
  const std::string sender_domain_text =
      sender_domain.empty() ? std::string("the sender's domain") : sender_domain;
  const std::string pname = c.provider.empty() ? std::string() : provider_name(c.provider);
  std::string refuser;
  if (!pname.empty()) {
    refuser = pname + "'s server";
  } else if (!r0.remote_mta.empty()) {
    refuser = "The receiving server " + r0.remote_mta;
  } else {
    refuser = "The receiving server";
  }
  std::string blocklist = c.blocklist.empty() ? std::string("a block list") : c.blocklist;
  std::string lookup = "the block list's lookup page";
  std::string blocklist_fix;
  for (const auto& row : data::blocklists()) {
    if (row.name == c.blocklist) {
      if (row.lookup != "-") lookup = std::string(row.lookup);
      blocklist_fix = std::string(row.fix);
      break;
    }
  }
  std::string service;
  if (!id.dkim_domains.empty()) {
    std::vector<std::string> orgs;
    for (const auto& d : id.dkim_domains) {
      if (!aligned(d, sender_domain, alignment_mode::relaxed))
        orgs.push_back(organizational_domain(d));
    }
    if (!orgs.empty()) service = join_words(orgs);
  }
  // fix_values holds views: every value below must outlive `values`.
  const std::string org_v = organizational_domain(sender_domain);
  const std::string org = org_v.empty() ? sender_domain_text : org_v;
  const std::string service_text =
      service.empty() ? std::string("the service that sent it") : service;
  const std::string spf_domain =
      id.return_path_domain.empty() ? sender_domain_text : id.return_path_domain;
  const std::string dkim_list = join_words(id.dkim_domains);
  const std::string remote =
      r0.remote_mta.empty() ? std::string("the server that refused it") : r0.remote_mta;
  const fix_values values = {{"recipient", recipient},
                             {"recipient_domain", recipient_domain},
                             {"sender_domain", sender_domain_text},
                             {"from_domain", sender_domain_text},
                             {"org_domain", org},
                             {"service", service_text},
                             {"service_domains", service},
                             {"spf_domain", spf_domain},
                             {"dkim_domains", dkim_list},
                             {"refuser", refuser},
                             {"blocklist", blocklist},
                             {"lookup", lookup},
                             {"remote_mta", remote},
                             {"diagnostic", r0.diagnostic}};

  // Verdict: who refused, why, whose problem, whether retrying helps.
  const auto* row = category_row(c.category);
  const data::bounce_advice_row* advice = nullptr;
  for (const auto& arow : data::bounce_advice()) {
    if (arow.category == c.category && (arow.provider.empty() || arow.provider == c.provider) &&
        (arow.match.empty() || internal::icontains(r0.diagnostic, arow.match))) {
      advice = &arow;
      break;
    }
  }
  const std::string note =
      advice != nullptr && !advice->note.empty() ? " " + fill_template(advice->note, values) : "";
  const std::string title =
      row != nullptr ? std::string(row->title) : std::string("for an unclear reason");
  const std::string who =
      pname.empty() ? (r0.remote_mta.empty() ? std::string("The receiving server")
                                             : "The receiving server (" + r0.remote_mta + ")")
                    : pname;
  const bool delay = b.kind == notice_kind::delay;
  out.verdict.status = delay ? verdict_status::warning : verdict_status::problem;
  out.verdict.headline =
      delay ? internal::concat("Delivery to ", recipient, " is delayed, not failed: ", title, ".")
            : internal::concat(who, " refused the message to ", recipient, ": ", title, ".");
  std::string summary = row != nullptr ? fill_template(row->explain, values) + note : std::string();
  if (!summary.empty())
    summary[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(summary[0])));
  const std::string_view side = row != nullptr ? row->side : std::string_view("recipient");
  if (side == "sender") {
    summary += " The fix is on the sending side.";
  } else if (side == "sender_server") {
    summary +=
        " The fix is on the sending side: whoever runs the sending server, device or account must "
        "change it.";
  } else if (side == "recipient") {
    summary += " The cause is on the recipient's side; you can only ask them to change it.";
  }
  const std::string_view retry = row != nullptr ? row->retry : std::string_view("after_fix");
  if (delay) {
    summary +=
        " The sending server is still retrying; this notice is only a warning and nothing is lost "
        "yet.";
  } else if (!br.permanent) {
    summary += " This was a temporary refusal: the sending server retries on its own.";
  } else if (retry == "no") {
    summary += " Resending it unchanged will fail again.";
  } else if (retry == "after_fix") {
    summary += " Resending will only work after the fix below.";
  } else {
    summary += " Resending later may work.";
  }
  if (!c.by_text) {
    const auto st = r0.status ? parse_enhanced_status(*r0.status) : std::nullopt;
    summary += internal::concat(
        " The server's words did not match a known reason, so this reading rests on the code ",
        r0.status ? *r0.status
                  : (r0.reply_code ? std::to_string(*r0.reply_code) : std::string("(none)")),
        st ? internal::concat(" (\"", status_summary(*st), "\")") : std::string(),
        " alone; treat it as a hint and read the reply itself.");
  }

  // The cause, with the server's own line as evidence.
  cause main;
  main.id = c.category;
  main.confidence = c.confidence;
  main.explanation = row != nullptr ? fill_template(row->explain, values) + note : title;
  if (!main.explanation.empty()) {
    main.explanation[0] =
        static_cast<char>(std::toupper(static_cast<unsigned char>(main.explanation[0])));
  }
  std::string seen = r0.diagnostic;
  if (seen.empty()) seen = paragraph_with(b.human_text, c.matched);
  if (seen.empty()) seen = b.human_text.substr(0, 300);
  main.evidence.push_back(
      {b.layout == "rfc3464" || b.layout == "bare" ? "Diagnostic-Code" : "reply", 0, seen});
  out.causes.push_back(std::move(main));

  // Merge the authentication diagnosis of the returned original.
  if (is_auth_category(c.category) && id.present) {
    report scratch;
    if (auth.results) {
      diagnose_authentication(auth, scratch);
      out.authentication = auth.summary;
      for (auto& cz : scratch.causes) out.causes.push_back(std::move(cz));
    }
    std::string signed_by;
    if (id.dkim_domains.empty()) {
      signed_by = "carried no DKIM signature";
    } else if (!service.empty() && service.size() > 0 &&
               std::none_of(id.dkim_domains.begin(), id.dkim_domains.end(),
                            [&](const std::string& d) {
                              return aligned(d, sender_domain, alignment_mode::relaxed);
                            })) {
      signed_by =
          "was signed only by " + service + ", which does not align with " + sender_domain_text;
    } else {
      signed_by = "was signed with DKIM for " + join_words(id.dkim_domains);
    }
    const std::string fix_who =
        !service.empty() ? "make " + service + " sign with DKIM for " + sender_domain_text
                         : "sign the mail with DKIM for " + sender_domain_text +
                               " and authorize the sending server in its SPF record";
    if (!delay) {
      out.verdict.headline = internal::concat(
          who, " rejected the message to ", recipient, " for ", auth_check(c.category),
          "; the original (From: ", sender_domain_text, ") ", signed_by, ".");
    }
    summary += internal::concat(
        " The returned original headers show From: ", sender_domain_text,
        id.return_path_domain.empty()
            ? ""
            : ", envelope sender (Return-Path) domain " + id.return_path_domain,
        id.dkim_domains.empty() ? ", no DKIM signature" : ", DKIM d=" + join_words(id.dkim_domains),
        ". To fix it, ", fix_who, ".");
    cause ident;
    ident.id = id.dkim_domains.empty() ? "not_authenticated"
                                       : (service.empty() ? "signature_present" : "unaligned_pass");
    ident.confidence = confidence_level::likely;
    ident.explanation = internal::concat(
        "The original message was sent as ", sender_domain_text, " (From:)",
        id.dkim_domains.empty() ? " without a DKIM signature"
                                : " with DKIM signatures for " + join_words(id.dkim_domains),
        id.return_path_domain.empty() ? "" : " and envelope sender domain " + id.return_path_domain,
        ". ",
        service.empty() ? (id.dkim_domains.empty()
                               ? "With no signature, only SPF for the envelope domain could have "
                                 "passed DMARC, and only if it aligns with the From: domain."
                               : "A signature that aligns exists; it may have failed to verify "
                                 "(a key missing from DNS, or the message changed in transit).")
                        : "A DKIM pass for " + service +
                              " does not count for DMARC, because it is not the From: domain.");
    for (const header_field* f : {original.first("From"), original.first("Return-Path")}) {
      if (f != nullptr) ident.evidence.push_back({f->name, f->index, f->value});
    }
    for (const header_field* f : original.all("DKIM-Signature")) {
      ident.evidence.push_back({f->name, f->index, f->value.substr(0, 200)});
    }
    out.causes.push_back(std::move(ident));
    for (auto& f : scratch.fixes) add_fix(out, std::move(f));
  }
  out.verdict.summary = std::move(summary);

  // Fixes: the named block list first, then the provider's or the category's.
  if (c.category == "ip_blocklisted" && !blocklist_fix.empty())
    add_fix(out, make_fix(blocklist_fix, values));
  std::string_view ids = row != nullptr ? row->fixes : std::string_view("read_reply");
  if (advice != nullptr && !advice->fixes.empty()) ids = advice->fixes;
  // The original was not signed for another service's domain: there is no
  // service to align, the domain's own senders need SPF and DKIM at all.
  if (is_auth_category(c.category) && id.present && service.empty() &&
      c.category != "bulk_sender_requirements") {
    ids = "authorize_dkim authorize_spf keep_policy confirm";
  }
  for (const auto& fid : split_ids(ids)) add_fix(out, make_fix(fid, values));
  out.bounce = std::move(br);
}

}  // namespace mailverdict
