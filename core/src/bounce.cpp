/**
 * @file bounce.cpp
 * @brief Reading bounces and other automatic notices (see bounce.h).
 *
 * RFC 3464 §2 gives the delivery-status fields (per-message fields, then
 * one block per recipient); RFC 6522 the multipart/report container;
 * RFC 3834 §5 the Auto-Submitted field of automatic replies; RFC 5965 §3 and
 * RFC 6591 §3 the feedback-report part. Plain-text layouts are recognized by
 * the markers in core/data/bounce_markers.tsv.
 */
#include "mailverdict/bounce.h"

#include <algorithm>
#include <functional>

#include "mailverdict/address.h"
#include "mailverdict/data/bounce_markers.h"
#include "mailverdict/internal/bounce_json.h"
#include "mailverdict/internal/bounce_texts.h"
#include "mailverdict/internal/lines.h"
#include "mailverdict/internal/text.h"
#include "mailverdict/message.h"
#include "mailverdict/mime.h"
#include "mailverdict/status_code.h"

namespace mailverdict {

namespace {

using internal::icontains;
using internal::ifind;
using internal::trim;

// The longest diagnostic we keep (a reply is a few lines at most).
constexpr std::size_t kMaxDiagnostic = 2000;

bool has_marker(const internal::folded_text& folded, std::string_view kind,
                std::string* layout = nullptr, bool strong_only = false) {
  const std::string_view text = folded.original();
  for (const auto& row : data::bounce_markers()) {
    if (row.kind != kind) continue;
    if (strong_only && row.layout == "generic") continue;
    if (folded.contains(row.text)) {
      if (layout != nullptr && layout->empty() && row.layout != "-")
        *layout = std::string(row.layout);
      return true;
    }
  }
  // Japanese layouts, also in their undecoded charsets.
  if (kind == "layout" && internal::find_japanese_text(text, "layout") != nullptr) {
    if (layout != nullptr && layout->empty()) *layout = "generic";
    return true;
  }
  return false;
}

bool has_marker(std::string_view text, std::string_view kind, std::string* layout = nullptr,
                bool strong_only = false) {
  return has_marker(internal::folded_text(text), kind, layout, strong_only);
}

// Offset of the first line that starts a returned original message.
std::size_t original_start(const internal::folded_text& folded) {
  std::size_t best = std::string_view::npos;
  for (const auto& row : data::bounce_markers()) {
    if (row.kind != "original") continue;
    const std::size_t at = folded.find(row.text);
    if (at != std::string_view::npos && at < best) best = at;
  }
  return best;
}

// Whether `address` has an '@' with a dot after the last one: a domain, not
// a mail store's internal name ("user@ims_daemon").
bool at_dotted_domain(std::string_view address) {
  const std::size_t at = address.rfind('@');
  return at != std::string_view::npos && address.find('.', at) != std::string_view::npos;
}

// RFC 3464 §2.1.2: "dns; host" / "rfc822; addr": the part after the type.
std::string typed_value(std::string_view v) {
  const std::size_t semi = v.find(';');
  std::string_view s = semi == std::string_view::npos ? v : v.substr(semi + 1);
  s = trim(s);
  if (!s.empty() && s.front() == '<' && s.back() == '>') s = s.substr(1, s.size() - 2);
  // A comment after the name ("mx.example.com (sto01 -- Server LMTP)"):
  // keep the name.
  if (const std::size_t comment = s.find(" ("); comment != std::string_view::npos) {
    s = trim(s.substr(0, comment));
  }
  // An obsolete source route before the mailbox ("@relay.example:user@host",
  // RFC 5321 §4.1.2 A-d-l, §C): the mailbox is after the colon.
  if (!s.empty() && s.front() == '@') {
    if (const std::size_t colon = s.find(':'); colon != std::string_view::npos) {
      s = s.substr(colon + 1);
    }
  }
  s = trim(s);
  // A host written as a fully qualified name with the root's dot
  // ("mx.example.jp."): the same name without it.
  if (s.size() > 1 && s.back() == '.' && s.find(' ') == std::string_view::npos) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(std::min(s.size(), kMaxDiagnostic));
  bool space = false;
  for (char c : s) {
    if (internal::is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
    if (out.size() >= kMaxDiagnostic) break;
  }
  return out;
}

void fill_codes(bounce_recipient& r) {
  if (const auto reply = find_smtp_reply(r.diagnostic)) {
    if (!r.reply_code && reply->code && reply->offset < 40) r.reply_code = reply->code;
    if (!r.status && reply->status && reply->offset < 40) r.status = reply->status->to_string();
  }
  if (!r.status) {
    if (const auto st = find_enhanced_status(r.diagnostic)) r.status = st->to_string();
  }
}

// ---- message/delivery-status (RFC 3464 §2) ------------------------------

struct dsn_fields {
  std::string reporting_mta;
  std::vector<bounce_recipient> recipients;
};

dsn_fields read_delivery_status(std::string_view body) {
  dsn_fields out;
  // Unfold into (name, value) pairs; blank lines separate the blocks.
  struct item {
    std::string name, value;
    bool block_start;
  };
  std::vector<item> items;
  bool block_start = true;
  for (const auto& l : internal::split_lines(body)) {
    if (trim(l.text).empty()) {
      block_start = true;
      continue;
    }
    if (internal::is_wsp(l.text[0]) && !items.empty()) {
      items.back().value += ' ';
      items.back().value += trim(l.text);
      continue;
    }
    if (!looks_like_field(l.text)) continue;
    const std::size_t colon = l.text.find(':');
    items.push_back({std::string(trim(l.text.substr(0, colon))),
                     std::string(trim(l.text.substr(colon + 1))), block_start});
    block_start = false;
  }
  // Per-recipient fields belong to the block (RFC 3464 §2.3) they sit in,
  // whatever their order; several recipients without a blank line between
  // them are split where a recipient field repeats.
  bounce_recipient* cur = nullptr;
  bool cur_has_final = false, cur_has_original = false;
  std::vector<const item*> pending;  // fields of this block before its first recipient field
  auto apply = [&](bounce_recipient& r, const item& it) {
    const std::string n = internal::lower(it.name);
    if (n == "final-recipient") {
      r.address = typed_value(it.value);
    } else if (n == "original-recipient") {
      r.original_address = typed_value(it.value);
    } else if (n == "x-actual-recipient") {
      if (r.address.empty()) r.address = typed_value(it.value);
    } else if (n == "action") {
      r.action = internal::lower(trim(it.value.substr(0, it.value.find_first_of(" (;"))));
    } else if (n == "status") {
      if (const auto st = find_enhanced_status(it.value)) r.status = st->to_string();
      // "4.0.0 (cat.example.net: host name lookup failure)": without a
      // Diagnostic-Code, the comment is the only reason given.
      const std::size_t open = it.value.find('('), close = it.value.rfind(')');
      if (r.diagnostic.empty() && open != std::string::npos && close != std::string::npos &&
          close > open + 1) {
        r.diagnostic = one_line(it.value.substr(open + 1, close - open - 1));
        r.source = "Status";
      }
    } else if (n == "remote-mta") {
      r.remote_mta = typed_value(it.value);
    } else if (n == "diagnostic-code") {
      // "smtp; 550 5.1.1 ..." — the words after the type are the server's.
      const std::size_t semi = it.value.find(';');
      r.diagnostic = one_line(semi == std::string::npos ? it.value : it.value.substr(semi + 1));
      r.source = "Diagnostic-Code";
    }
  };
  for (const auto& it : items) {
    const std::string n = internal::lower(it.name);
    if (it.block_start) {
      cur = nullptr;
      pending.clear();
    }
    if (n == "reporting-mta") {
      out.reporting_mta = typed_value(it.value);
      continue;
    }
    const bool is_final = n == "final-recipient", is_original = n == "original-recipient";
    if ((is_final || is_original) &&
        (cur == nullptr || (is_final && cur_has_final) || (is_original && cur_has_original))) {
      out.recipients.emplace_back();
      cur = &out.recipients.back();
      cur_has_final = cur_has_original = false;
      for (const item* p : pending) apply(*cur, *p);
      pending.clear();
    }
    cur_has_final |= is_final;
    cur_has_original |= is_original;
    if (cur == nullptr) {
      pending.push_back(&it);
    } else {
      apply(*cur, it);
    }
  }
  for (auto& r : out.recipients) {
    if (r.original_address == r.address) r.original_address.clear();
    if (!r.original_address.empty() && r.address.empty()) r.address = r.original_address;
    // A final address at an internal name that is not a domain
    // ("user@ims_daemon", a mail store's own name): the address the sender
    // wrote is the one to show, when the notice gives it.
    if (r.address.find('@') != std::string::npos && !at_dotted_domain(r.address) &&
        at_dotted_domain(r.original_address)) {
      std::swap(r.address, r.original_address);
    }
    // Status from the diagnostic only when the Status: field was absent.
    const std::optional<std::string> status = r.status;
    fill_codes(r);
    if (status) r.status = status;
  }
  return out;
}

// ---- plain-text layouts ---------------------------------------------------

struct candidate {
  std::string text;         // the reply, from its code on
  std::string paragraph;    // the whole paragraph, one line
  std::string recipient;    // an address named just before it
  std::string remote;       // the server named before the reply ("host mx.example.com [...]")
  bool after_lead = false;  // introduced by "Remote Server returned", "said:", ...
  bool has_code = false;
};

// The address in `s` ("<a@b>", "a@b", "mailto:a@b"); "" when none.
std::string find_address(std::string_view s) {
  const std::size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0) return {};
  auto ok = [](char c) {
    return internal::is_alpha(c) || internal::is_digit(c) || c == '.' || c == '-' || c == '_' ||
           c == '+' || c == '=' || c == '\'';
  };
  std::size_t b = at, e = at + 1;
  while (b > 0 && ok(s[b - 1])) --b;
  while (e < s.size() && ok(s[e])) ++e;
  while (e > at + 1 && s[e - 1] == '.') --e;
  if (b == at || e == at + 1) return {};
  const std::string_view dom = s.substr(at + 1, e - at - 1);
  if (dom.find('.') == std::string_view::npos) return {};
  return std::string(s.substr(b, e - b));
}

// The host name that starts at s[from] (letters, digits, '.', '-', '_'):
// its end.
std::size_t host_name_end(std::string_view s, std::size_t from) {
  while (from < s.size() && (internal::is_alpha(s[from]) || internal::is_digit(s[from]) ||
                             s[from] == '.' || s[from] == '-' || s[from] == '_')) {
    ++from;
  }
  return from;
}

// `name` without its root dot, when it is a dotted host name; "" otherwise.
std::string_view dotted_host(std::string_view name) {
  while (!name.empty() && name.back() == '.') name.remove_suffix(1);
  if (name.find('.') == std::string_view::npos || name.front() == '.') return {};
  return name;
}

// The server a notice names before quoting its reply, in the forms Exim
// ("host mx.example.jp [192.0.2.20]: 550 ...") and Postfix ("host
// mx.example.com[192.0.2.1] said: 550 ...") write: "host", the name, then
// its address in brackets; and Sendmail's transcript, which opens with
// "... while talking to mx.example.com.:" before the commands and replies.
// "" when `s` names none.
std::string host_named(std::string_view s) {
  for (std::size_t at = s.find("host "); at != std::string_view::npos;
       at = s.find("host ", at + 5)) {
    if (at > 0 && !internal::is_space(s[at - 1]) && s[at - 1] != '(') continue;
    const std::size_t e = host_name_end(s, at + 5);
    const std::size_t bracket = e < s.size() && s[e] == ' ' ? e + 1 : e;
    if (bracket >= s.size() || s[bracket] != '[') continue;
    const std::string_view name = dotted_host(s.substr(at + 5, e - at - 5));
    if (!name.empty()) return std::string(name);
  }
  static constexpr std::string_view kTalking = "while talking to ";
  for (std::size_t at = s.find(kTalking); at != std::string_view::npos;
       at = s.find(kTalking, at + kTalking.size())) {
    const std::size_t start = at + kTalking.size();
    const std::size_t e = host_name_end(s, start);
    if (e >= s.size() || s[e] != ':') continue;
    const std::string_view name = dotted_host(s.substr(start, e - start));
    if (!name.empty()) return std::string(name);
  }
  return {};
}

// The reason in a qmail recipient paragraph (QSBMF, cr.yp.to/proto/
// qsbmf.txt: a paragraph that starts with "<address>:" and says why), as
// one line; empty when `p` is not one.
std::string_view qmail_recipient_words(std::string_view p) {
  if (p.size() < 8 || p.front() != '<') return {};
  const std::size_t close = p.find(">:");
  if (close == std::string_view::npos || p.find(' ') < close) return {};
  if (p.substr(1, close - 1).find('@') == std::string_view::npos) return {};
  return trim(p.substr(close + 2));
}

// The reason in an Exim recipient paragraph without a code: the address
// alone on its line, and under it, indented deeper, what went wrong
// ("  a@example.com\n    mailbox is full: retry timeout exceeded"). Exim
// writes each failed address this way (its failure message, "The following
// address(es) failed:"). As one line; empty when `lines` is not one.
std::string exim_recipient_words(const std::vector<std::string_view>& lines,
                                 std::string_view address) {
  if (lines.size() < 2 || address.empty()) return {};
  const auto indent = [](std::string_view l) {
    std::size_t n = 0;
    while (n < l.size() && internal::is_wsp(l[n])) ++n;
    return n;
  };
  std::string_view first = trim(lines[0]);
  if (first.size() > 2 && first.front() == '<' && first.back() == '>') {
    first = first.substr(1, first.size() - 2);
  }
  if (first != address) return {};
  std::string words;
  for (std::size_t k = 1; k < lines.size(); ++k) {
    if (indent(lines[k]) <= indent(lines[0])) return {};
    if (!words.empty()) words += ' ';
    words += trim(lines[k]);
  }
  return words;
}

// Splits the human-readable text into paragraphs and keeps those holding a
// reply, or the failure words of layouts that give no code (Sendmail's
// "... User unknown", qmail's "no mailbox here by that name").
std::vector<candidate> find_candidates(std::string_view text) {
  std::vector<candidate> out;
  std::vector<std::string_view> para;  // the lines of the current paragraph
  std::string last_address;
  bool lead_pending = false;
  auto flush = [&]() {
    if (para.empty()) return;
    // A block of RFC 3464 §2.2-2.3 fields without a Diagnostic-Code holds
    // no reply: its Status: code alone is not the server's words.
    bool dsn_block = false, has_diagnostic = false;
    for (std::string_view name : {"Reporting-MTA:", "Final-Recipient:", "Original-Recipient:",
                                  "Received-From-MTA:", "Arrival-Date:"}) {
      dsn_block |= internal::istarts_with(para.front(), name);
    }
    for (std::string_view l : para) has_diagnostic |= internal::istarts_with(l, "Diagnostic-Code:");
    if (dsn_block && !has_diagnostic) {
      para.clear();
      return;
    }
    // The reply ends where the DSN fields or the returned headers begin.
    std::string joined;
    for (std::size_t k = 0; k < para.size(); ++k) {
      if (k > 0 && looks_like_field(para[k]) && !joined.empty() && find_smtp_reply(joined)) break;
      joined += para[k];
      joined += '\n';
    }
    std::vector<std::string_view> lines;
    lines.swap(para);
    const std::string p = one_line(joined);
    // The reply is looked for after the last lead that has one after it: a
    // lead's words can also be words of the reply itself ("Error:" in "554
    // delivery error: ..."). With none, a reply before every lead stands on
    // its own; a lead with no reply at all introduces the next paragraph.
    std::vector<std::size_t> lead_ends;
    for (const auto& row : data::bounce_markers()) {
      if (row.kind != "lead") continue;
      const std::size_t at = ifind(p, row.text);
      if (at != std::string::npos) lead_ends.push_back(at + row.text.size());
    }
    std::sort(lead_ends.begin(), lead_ends.end(), std::greater<>());
    const auto is_reply = [](const std::optional<smtp_reply>& r) {
      return r && (r->code || r->status);
    };
    bool lead = lead_pending;
    std::size_t lead_end = 0;
    std::optional<smtp_reply> reply;
    for (const std::size_t e : lead_ends) {
      reply = find_smtp_reply(std::string_view(p).substr(e));
      if (is_reply(reply)) {
        lead = true;
        lead_end = e;
        break;
      }
    }
    if (!is_reply(reply)) {
      reply = find_smtp_reply(p);
      if (!is_reply(reply)) lead = lead || !lead_ends.empty();
    }
    const std::string addr = find_address(p);
    if (is_reply(reply)) {
      candidate c;
      c.paragraph = p;
      const std::size_t from = lead_end + reply->offset;
      // qmail and others put the code at the end ("(#5.1.1)"): keep it all.
      c.text =
          (p.size() - (lead_end + reply->text_offset) < 4 || (!reply->code && reply->offset > 0))
              ? std::string(trim(std::string_view(p).substr(lead_end)))
              : p.substr(from);
      if (!c.text.empty() && (c.text.back() == '\'' || c.text.back() == '"')) c.text.pop_back();
      c.recipient = addr.empty() ? last_address : addr;
      c.remote = host_named(std::string_view(p).substr(0, from));
      c.after_lead = lead;
      c.has_code = true;
      out.push_back(std::move(c));
      lead_pending = false;
    } else if (lead) {
      lead_pending = true;  // the reply follows in the next paragraph (Gmail)
    } else if (const std::string_view words = qmail_recipient_words(p); !words.empty()) {
      // qmail's recipient paragraph without a code: "<a@x>:" and the reason.
      candidate c;
      c.paragraph = p;
      c.text = std::string(words);
      c.recipient = addr;
      out.push_back(std::move(c));
    } else if (std::string exim = exim_recipient_words(lines, addr); !exim.empty()) {
      candidate c;
      c.paragraph = p;
      c.text = std::move(exim);
      c.recipient = addr;
      out.push_back(std::move(c));
    } else if (!addr.empty()) {
      last_address = addr;
    }
  };
  std::size_t size = 0;
  for (const auto& l : internal::split_lines(text)) {
    // A forwarded bounce is quoted with "> ": read through the quoting.
    std::string_view line = l.text;
    while (line.size() >= 2 && line[0] == '>' && line[1] == ' ') line.remove_prefix(2);
    if (trim(line).empty() || trim(line) == ">") {
      flush();
      size = 0;
      continue;
    }
    para.push_back(line);
    size += line.size();
    if (size > 8 * kMaxDiagnostic) {
      flush();
      size = 0;
    }
  }
  flush();
  return out;
}

// The server named before a reply to this recipient ("... while talking to
// mx.example.com.:", "host mx.example.com[192.0.2.1] said:"): from a
// paragraph that names the recipient, or from any paragraph when the notice
// has only this one, as long as its reply code is the recipient's.
std::string remote_for(const bounce_recipient& r, const std::vector<candidate>& cs, bool only) {
  for (const auto& c : cs) {
    if (c.remote.empty()) continue;
    if (!only && (r.address.empty() || !internal::iequals(c.recipient, r.address))) continue;
    const auto reply = find_smtp_reply(c.text);
    if (r.reply_code && reply && reply->code && *reply->code != *r.reply_code) continue;
    return c.remote;
  }
  return {};
}

// Picks the paragraph that is most likely the remote server's reply.
const candidate* best_candidate(const std::vector<candidate>& cs) {
  for (const auto& c : cs) {
    if (c.after_lead && c.text.size() > 12) return &c;
  }
  for (const auto& c : cs) {
    if (c.has_code && c.text.size() > 12) return &c;
  }
  return cs.empty() ? nullptr : &cs.front();
}

// Plain-text notices without RFC 3464 fields that list several recipients
// one per line, each with its own reply ("a@x Invalid Address, ERROR_CODE
// :550 ... User Unknown", "550 <b@y>... Host unknown"). Empty unless at
// least two different addresses have a line of their own; the first line
// of each address is kept. Lines echoing a transcript ("<<< ", ">>> ")
// are skipped: the reply is repeated after them, and the echo of MAIL FROM
// names the sender, not a recipient.
std::vector<bounce_recipient> recipients_by_line(std::string_view human) {
  std::vector<bounce_recipient> out;
  // The last "<<< " reply of the transcript, until a recipient line or the
  // next command (">>> ") follows it.
  std::string_view quoted;
  for (const auto& l : internal::split_lines(human)) {
    const std::string_view line = trim(l.text);
    if (internal::istarts_with(line, ">>>")) quoted = {};
    if (internal::istarts_with(line, "<<<")) {
      const std::string_view said = trim(line.substr(3));
      const auto q = find_smtp_reply(said);
      quoted = q && q->offset == 0 && q->code && *q->code >= 400 ? said : std::string_view();
    }
    if (line.size() < 8 || line.size() > kMaxDiagnostic) continue;
    if (internal::istarts_with(line, "<<<") || internal::istarts_with(line, ">>>")) continue;
    const std::string addr = find_address(line);
    if (addr.empty()) continue;
    const auto reply = find_smtp_reply(line);
    if (!reply || (!reply->status && (!reply->code || *reply->code < 400))) continue;
    // Sendmail's own summary ("554 <a@x>... Remote protocol error") after
    // the server's quoted reply: the reply is what the server said.
    const bool summary = !quoted.empty() && has_marker(line, "summary");
    const std::string_view said = summary ? quoted : line;
    quoted = {};
    bool seen = false;
    for (const auto& r : out) seen |= internal::iequals(r.address, addr);
    if (seen) continue;
    bounce_recipient r;
    r.address = addr;
    r.diagnostic = one_line(said);
    r.action = "failed";
    fill_codes(r);
    // The reply that made this line a recipient's is its code, wherever it
    // sits on the line ("a@x Invalid Address, ERROR_CODE :550, ...").
    if (!r.reply_code && !summary) r.reply_code = reply->code;
    out.push_back(std::move(r));
    if (out.size() >= 100) break;
  }
  if (out.size() < 2) out.clear();
  return out;
}

// The recipient a notice names at the end of a line of words ending in a
// colon: "Could not be delivered to: <a@x>", "Unknown user: a@x",
// "Did not reach the following recipient: a@x". The words hold a space (a
// header field's name never does: RFC 5322 §3.6.8) and do not name the
// sender ("Sender Address: ...": bounce_markers.tsv, kind notrcpt). The
// first such line; "" when none.
std::string introduced_address(std::string_view human) {
  for (const auto& l : internal::split_lines(human)) {
    const std::string_view line = trim(l.text);
    const std::size_t colon = line.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || line.size() > 320) continue;
    const std::string_view words = trim(line.substr(0, colon));
    if (words.find(' ') == std::string_view::npos || words.find('@') != std::string_view::npos ||
        words.find('<') != std::string_view::npos || has_marker(words, "notrcpt")) {
      continue;
    }
    std::string_view rest = trim(line.substr(colon + 1));
    if (rest.size() > 2 && rest.front() == '<' && rest.back() == '>') {
      rest = rest.substr(1, rest.size() - 2);
    }
    const std::string a = find_address(rest);
    if (!a.empty() && a == rest) return a;
  }
  return {};
}

// The recipient a notice lists under an introducing line ("... has not yet
// been delivered is:", "did not reach the following recipient(s):",
// "----- The following addresses had permanent fatal errors -----"): the
// first of the next two lines that starts with an address, alone or
// followed by its reason ("a@x: Domain does not exist", "a@x [User
// unknown]", "a@x on <date>"); "" when there is none. An address
// elsewhere (a contact in the instructions) is not taken.
std::string lone_address(std::string_view human) {
  int since_intro = 99;  // lines with text since the last introducing line
  for (const auto& l : internal::split_lines(human)) {
    std::string_view line = trim(l.text);
    if (line.empty()) continue;
    ++since_intro;
    if (line.back() == ':' || line.ends_with("---")) {
      since_intro = 0;
      continue;
    }
    if (since_intro > 2) continue;
    if (line.front() == '<') line.remove_prefix(1);
    const std::size_t at = line.find('@');
    if (at == std::string_view::npos || at == 0 || at > 64) continue;
    const std::string a = find_address(line.substr(0, std::min(line.size(), std::size_t{320})));
    if (a.empty() || !line.starts_with(a)) continue;
    const std::string_view rest = line.substr(a.size());
    if (rest.empty() || rest[0] == '>' || rest[0] == ' ' || rest[0] == ':' || rest[0] == '[') {
      return a;
    }
  }
  return introduced_address(human);
}

std::string strip_html(std::string_view html) {
  std::string out;
  bool tag = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    if (c == '<') {
      tag = true;
      // Block elements end a line.
      if (i + 3 < html.size() && (internal::istarts_with(html.substr(i), "<br") ||
                                  internal::istarts_with(html.substr(i), "<p") ||
                                  internal::istarts_with(html.substr(i), "</p") ||
                                  internal::istarts_with(html.substr(i), "<div") ||
                                  internal::istarts_with(html.substr(i), "<tr"))) {
        out += '\n';
      }
      continue;
    }
    if (c == '>') {
      tag = false;
      continue;
    }
    if (tag) continue;
    if (c == '&') {
      static constexpr std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'},  {"&lt;", '<'},   {"&gt;", '>'},
          {"&quot;", '"'}, {"&#39;", '\''}, {"&nbsp;", ' '}};
      bool done = false;
      for (const auto& [name, ch] : kEntities) {
        if (internal::istarts_with(html.substr(i), name)) {
          out += ch;
          i += name.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += c;
  }
  return out;
}

std::string fields_text(const std::vector<mime_field>& fields) {
  std::string out;
  for (const auto& f : fields) {
    out += f.name;
    out += ": ";
    out += f.value;
    out += '\n';
  }
  return out;
}

bool is_auto_reply(const mime_part& root) {
  // RFC 3834 §5.1: Auto-Submitted: auto-replied marks an automatic reply.
  const std::string as = internal::lower(root.field("Auto-Submitted"));
  if (icontains(as, "auto-replied")) return true;
  if (!root.field("X-Autoreply").empty() || !root.field("X-Autorespond").empty()) return true;
  if (icontains(root.field("Precedence"), "auto_reply")) return true;
  return has_marker(root.field("Subject"), "autoreply");
}

}  // namespace

std::optional<bounce_message> read_bounce(std::string_view text) {
  return read_bounce(text, parse_header_block(text));
}

std::optional<bounce_message> read_bounce(std::string_view text, const header_block& top) {
  bounce_message b;

  // Does the text start with a header block (`top`)? Pasted NDR text and bare
  // error lines do not; their header block (if any) is the original's.
  // RFC 4155: an mbox "From " separator line may come before the headers.
  bool only_separators = true;
  for (const auto& l :
       internal::split_lines(text.substr(0, top.fields.empty() ? 0 : top.start_offset))) {
    if (!trim(l.text).empty() && !internal::istarts_with(l.text, "From ")) only_separators = false;
  }
  const bool headers_first = !top.fields.empty() && only_separators;

  // An Amazon SES notification pasted on its own (its first member would
  // pass for a header field).
  if (!trim(text).empty() && trim(text).front() == '{') {
    if (auto ses = internal::read_ses_notification(text)) return ses;
  }
  if (!headers_first) {
    const std::string_view lead =
        text.substr(0, top.fields.empty() ? text.size() : top.start_offset);
    std::string layout;
    const bool marker = has_marker(lead, "layout", &layout);
    const auto cands = find_candidates(lead);
    const candidate* best = best_candidate(cands);
    // A bare reply must look like one: a 4xx/5xx with an enhanced code, or
    // with words after it, or introduced by a lead such as "said:".
    bool reply_like = false;
    if (best != nullptr) {
      const auto r = find_smtp_reply(best->text);
      // "550 Unable to relay": the paragraph starts with the code.
      const bool starts =
          r && r->code && internal::istarts_with(trim(best->paragraph), best->text.substr(0, 3));
      reply_like = r && (r->status || best->after_lead || (starts && best->text.size() > 8));
    }
    if (!marker && !reply_like) return std::nullopt;
    b.layout = layout.empty() ? "bare" : layout;
    std::string_view human = lead;
    const std::size_t orig = original_start(internal::folded_text(human));
    if (orig != std::string_view::npos) {
      std::string_view rest = human.substr(orig);
      rest.remove_prefix(std::min(rest.size(), rest.find('\n') == std::string_view::npos
                                                   ? rest.size()
                                                   : rest.find('\n') + 1));
      human = human.substr(0, orig);
      if (top.fields.empty()) b.original_headers = std::string(rest);
    }
    if (!top.fields.empty()) b.original_headers = std::string(text.substr(top.start_offset));
    b.human_text = std::string(human);
    if (has_marker(human, "delay")) b.kind = notice_kind::delay;
    bounce_recipient r;
    if (best != nullptr) {
      r.diagnostic = one_line(best->text);
      r.address = best->recipient;
      r.remote_mta = best->remote;
    } else {
      r.diagnostic = one_line(human);
    }
    r.action = b.kind == notice_kind::delay ? "delayed" : "failed";
    fill_codes(r);
    b.recipients.push_back(std::move(r));
    return b;
  }

  mime_message mime = parse_mime(text, top);
  if (mime.parts.empty()) return std::nullopt;
  const mime_part& root = mime.parts.front();
  b.subject = std::string(root.field("Subject"));
  b.warnings = mime.warnings;

  // Gather the report parts and the readable text.
  const mime_part* dsn = nullptr;
  const mime_part* feedback = nullptr;
  std::string human;
  std::string html;
  for (std::size_t i = 0; i < mime.parts.size(); ++i) {
    const mime_part& p = mime.parts[i];
    const std::string& m = p.media_type;
    if (m == "message/delivery-status" || m == "message/global-delivery-status") {
      if (dsn == nullptr && !p.inside_returned_message) dsn = &p;
    } else if (m == "message/feedback-report") {
      if (feedback == nullptr && !p.inside_returned_message) feedback = &p;
    } else if (m == "text/rfc822-headers" || m == "text/rfc822-header") {
      if (b.original_headers.empty()) b.original_headers = p.body;
    } else if (m == "message/rfc822" || m == "message/global") {
      // Its child entity (next part) holds the original's header fields.
      if (i + 1 < mime.parts.size() && b.original_headers.empty()) {
        b.original_headers = fields_text(mime.parts[i + 1].fields);
      }
    } else if (m == "text/plain" && dsn != nullptr && i > 0 && p.parent == dsn->parent) {
      // RFC 6522 §3: in a report, the part after the machine-readable one
      // is the returned message; some MTAs send its header block as
      // text/plain.
      std::size_t off = 0;
      if (b.original_headers.empty() && !read_fields(p.body, off).empty())
        b.original_headers = p.body.substr(0, off);
    } else if (!p.inside_returned_message && m == "text/plain") {
      if (human.empty()) {
        // Taken, not copied: a message's one text part can be megabytes,
        // and nothing reads this part's body again.
        human = std::move(mime.parts[i].body);
      } else {
        human += "\n\n";
        human += p.body;
      }
    } else if (!p.inside_returned_message && m == "text/html" && html.empty()) {
      html = strip_html(p.body);
    }
  }
  if (human.empty() || (trim(human).size() < 40 && !html.empty())) human += html;
  // Some MTAs put the DSN fields in a text part.
  if (dsn == nullptr && icontains(human, "Final-Recipient:") &&
      (icontains(human, "Action:") || icontains(human, "Status:"))) {
    dsn = &root;  // read below from `human`
  }
  // The readable text is the notice's own from here on: moved, not copied
  // (a message's one text part can be megabytes). Folded once, for the
  // original's start and the marker tables below.
  b.human_text = std::move(human);
  internal::folded_text folded_human(b.human_text);
  const std::size_t orig = original_start(folded_human);
  if (orig != std::string::npos) {
    std::string_view rest = std::string_view(b.human_text).substr(orig);
    const std::size_t nl = rest.find('\n');
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    if (b.original_headers.empty()) {
      const header_block ob = parse_header_block(rest);
      if (!ob.fields.empty()) b.original_headers = std::string(rest.substr(0, ob.body_offset));
    }
    b.human_text.resize(orig);  // shrinking keeps the buffer folded_human views
    folded_human.truncate(orig);
  }

  // Amazon SES delivers its notifications as JSON in the body.
  if (dsn == nullptr && feedback == nullptr) {
    if (auto ses = internal::read_ses_notification(b.human_text)) {
      ses->subject = b.subject;
      ses->warnings = b.warnings;
      return ses;
    }
  }

  // RFC 5965 / RFC 6591 reports.
  if (feedback != nullptr || internal::iequals(root.report_type, "feedback-report") ||
      has_marker(b.subject, "feedback")) {
    b.kind = notice_kind::feedback_report;
    b.layout = "arf";
    const std::string_view body =
        feedback != nullptr ? std::string_view(feedback->body) : std::string_view(b.human_text);
    std::size_t off = 0;
    for (const auto& f : read_fields(body, off)) {
      if (internal::iequals(f.name, "Feedback-Type")) b.feedback_type = internal::lower(f.value);
      if (internal::iequals(f.name, "Auth-Failure") ||
          internal::iequals(f.name, "Delivery-Result")) {
        if (b.feedback_type == "auth-failure") b.kind = notice_kind::dmarc_report;
      }
    }
    if (b.feedback_type == "auth-failure") b.kind = notice_kind::dmarc_report;
    return b;
  }

  // Is it a notice at all?
  std::string layout;
  const bool report = internal::iequals(root.report_type, "delivery-status") || dsn != nullptr;
  const bool failed_header = !root.field("X-Failed-Recipients").empty() ||
                             !root.field("X-MS-Exchange-Message-Is-Ndr").empty() ||
                             !root.field("X-Mailer-Daemon-Error").empty();
  const bool strong = has_marker(folded_human, "layout", &layout, true);
  const bool weak = has_marker(folded_human, "layout", &layout);
  const bool subject = has_marker(b.subject, "subject", &layout);
  const bool sender = has_marker(root.field("From"), "sender");
  const bool returned = !b.original_headers.empty();
  bool notice = report || failed_header || strong || (subject && sender) ||
                ((subject || sender) && (weak || returned));
  // The replies quoted in the text: read for every notice, and needed to
  // decide only when a subject or sender marker stands alone. An ordinary
  // message (no marker at all) is not read for them.
  std::vector<candidate> cands;
  if (notice || subject || sender) {
    cands = find_candidates(b.human_text);
    notice = notice || !cands.empty();
  }
  if (!notice) {
    if (is_auto_reply(root)) {
      b.kind = notice_kind::auto_reply;
      b.layout = "rfc3834";
      return b;
    }
    return std::nullopt;
  }
  b.layout = report ? "rfc3464" : (layout.empty() ? "generic" : layout);
  if (report && !layout.empty()) b.layout = layout;

  if (dsn != nullptr) {
    dsn_fields d = read_delivery_status(dsn == &root ? std::string_view(b.human_text)
                                                     : std::string_view(dsn->body));
    b.reporting_mta = d.reporting_mta;
    b.recipients = std::move(d.recipients);
  }
  // Supplement missing or code-only diagnostics from the readable text.
  const candidate* best = best_candidate(cands);
  if (b.recipients.empty()) b.recipients = recipients_by_line(b.human_text);
  if (b.recipients.empty()) {
    bounce_recipient r;
    if (best != nullptr) {
      r.diagnostic = one_line(best->text);
      r.address = best->recipient;
      r.remote_mta = best->remote;
    }
    const std::string_view failed = root.field("X-Failed-Recipients");
    if (!failed.empty()) r.address = find_address(failed);
    if (r.address.empty()) r.address = lone_address(b.human_text);
    fill_codes(r);
    b.recipients.push_back(std::move(r));
  } else if (best != nullptr) {
    std::optional<std::vector<bounce_recipient>> by_line;  // read when first needed
    for (auto& r : b.recipients) {
      const auto reply = find_smtp_reply(r.diagnostic);
      // A reply with words after its code ("550 user unknown") is complete;
      // the text may still name the server that gave it.
      if (!r.diagnostic.empty() && reply && r.diagnostic.size() >= reply->text_offset + 4) {
        if (r.remote_mta.empty()) r.remote_mta = remote_for(r, cands, b.recipients.size() == 1);
        continue;
      }
      // Prefer the paragraph that names this recipient; with several
      // recipients, another one's paragraph is not this one's reply.
      const candidate* pick = b.recipients.size() == 1 ? best : nullptr;
      for (const auto& c : cands) {
        if (!r.address.empty() && internal::iequals(c.recipient, r.address)) {
          pick = &c;
          break;
        }
      }
      if (pick == nullptr) {
        // A line of its own that names this recipient with a reply
        // ("b@x: 552 5.2.2 <b@x>: ... Mailbox full").
        if (!by_line) by_line = recipients_by_line(b.human_text);
        for (const auto& l : *by_line) {
          if (r.address.empty() || !internal::iequals(l.address, r.address)) continue;
          r.diagnostic = l.diagnostic;
          const std::optional<std::string> status = r.status;
          fill_codes(r);
          if (!r.reply_code) r.reply_code = l.reply_code;
          if (status) r.status = status;
          break;
        }
        continue;
      }
      if (r.remote_mta.empty()) r.remote_mta = pick->remote;
      if (r.diagnostic.empty() || pick->text.size() > r.diagnostic.size()) {
        r.diagnostic = one_line(pick->text);
        const std::optional<std::string> status = r.status;
        fill_codes(r);
        if (status) r.status = status;
      }
    }
  }

  // What happened, from the actions (RFC 3464 §2.3.3) or the words.
  bool any_failed = false, any_delayed = false, any_delivered = false;
  for (const auto& r : b.recipients) {
    any_failed |= r.action == "failed";
    any_delayed |= r.action == "delayed";
    // "deliverable": the answer of an address verification request
    // (Postfix sendmail -bv), reported in the RFC 3464 format.
    any_delivered |= r.action == "delivered" || r.action == "relayed" || r.action == "expanded" ||
                     r.action == "deliverable";
  }
  if (any_failed) {
    b.kind = notice_kind::bounce;
  } else if (any_delayed) {
    b.kind = notice_kind::delay;
  } else if (any_delivered) {
    b.kind = notice_kind::delivered;
  } else if (has_marker(folded_human, "delay") || has_marker(b.subject, "delay")) {
    b.kind = notice_kind::delay;
  } else if (has_marker(b.subject, "delivered") || has_marker(folded_human, "delivered")) {
    b.kind = has_marker(folded_human, "layout", nullptr, true) ? notice_kind::bounce
                                                               : notice_kind::delivered;
  } else {
    b.kind = notice_kind::bounce;
  }
  // A sender-screening service (challenge-response) holds the message and
  // asks the sender to confirm: its notice, even in the RFC 3464 form with
  // Action: failed, is not a refusal.
  bool challenge = has_marker(folded_human, "challenge");
  for (const auto& r : b.recipients) challenge = challenge || has_marker(r.diagnostic, "challenge");
  if (challenge) b.kind = notice_kind::challenge;
  // Keep the failed recipients first: the bounce's category is the first's.
  std::stable_partition(b.recipients.begin(), b.recipients.end(), [&](const bounce_recipient& r) {
    return r.action == "failed" || r.action.empty();
  });
  if (b.reporting_mta.empty()) {
    // Reporting MTA: the host in "This is the mail system at host X." or the From domain.
    const std::vector<mailbox> from = parse_mailboxes(root.field("From"));
    if (!from.empty()) b.reporting_mta = from.front().domain;
  }
  return b;
}

}  // namespace mailverdict
