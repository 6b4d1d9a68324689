/**
 * @file analyze.cpp
 * @brief The pipeline: classify the input, parse the header block, gather
 * evidence, diagnose, and fill in the report.
 */
#include "mailverdict/analyze.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "mailverdict/address.h"
#include "mailverdict/antispam.h"
#include "mailverdict/authentication.h"
#include "mailverdict/bounce.h"
#include "mailverdict/date.h"
#include "mailverdict/diagnosis.h"
#include "mailverdict/encoded_words.h"
#include "mailverdict/internal/text.h"
#include "mailverdict/internal/word_scan.h"
#include "mailverdict/message.h"
#include "mailverdict/route.h"

namespace mailverdict {

namespace {

// Binary data: NUL bytes or a high share of control bytes in the first
// 64 KiB. Text in any charset passes; images, archives and executables don't.
bool looks_binary(std::string_view text) {
  const std::string_view head = text.substr(0, 64 * 1024);
  std::size_t control = 0;
  for (std::size_t i = 0; i < head.size(); ++i) {
    // Eight bytes at a time while none is below 32 (most text).
    while (i + 8 <= head.size() && !internal::bytes_below(internal::load8(head.data() + i), 32)) {
      i += 8;
    }
    if (i >= head.size()) break;
    const auto c = static_cast<std::uint8_t>(head[i]);
    if (c == 0) return true;
    if (c < 32 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
  }
  return control * 20 > head.size();  // more than 5%
}

// At most this many warnings of one code are listed; the rest are counted in
// one closing warning of that code, so the report stays small whatever the
// input repeats (100,000 unreadable fields give 4 warnings, not 100,000).
constexpr std::size_t kMaxWarningsPerCode = 3;

void cap_warnings(std::vector<warning>& warnings) {
  std::unordered_map<std::string, std::size_t> count;
  std::vector<warning> kept;
  std::vector<std::string> over;  // codes past the cap, in first-seen order
  for (auto& w : warnings) {
    const std::size_t n = ++count[w.code];
    if (n <= kMaxWarningsPerCode) {
      kept.push_back(std::move(w));
    } else if (n == kMaxWarningsPerCode + 1) {
      over.push_back(w.code);
    }
  }
  for (const std::string& code : over) {
    kept.push_back({code, std::to_string(count[code] - kMaxWarningsPerCode) +
                              " more warning(s) like the ones above were left out."});
  }
  warnings = std::move(kept);
}

// The all-headers view: at most kMaxListedHeaders entries, so 100,000
// fields give a report of bounded size (each entry carries an explanation).
// Encoded words (RFC 2047) are decoded for display; the raw value stays.
void list_headers(const header_block& block, report& r) {
  std::size_t decoding_warnings = 0;
  for (const auto& f : block.fields) {
    if (r.headers.size() == kMaxListedHeaders) {
      r.input.warnings.push_back(
          {"headers_not_listed", "The input holds " + std::to_string(block.fields.size()) +
                                     " header fields; only the first " +
                                     std::to_string(kMaxListedHeaders) + " are listed."});
      break;
    }
    header_entry e{f.name, f.value, f.index, std::string(header_explanation(f.name)),
                   f.raw,  f.value, {},      f.valid_utf8};
    if (f.value.find("=?") != std::string::npos) {
      decoded_text d = decode_encoded_words(f.value);
      e.decoded = std::move(d.text);
      e.pending = std::move(d.pending);
      for (auto& w : d.warnings) {
        if (decoding_warnings++ < 5) {
          w.message = f.name + " (line " + std::to_string(f.line) + "): " + w.message;
          r.input.warnings.push_back(std::move(w));
        }
      }
    }
    r.headers.push_back(std::move(e));
  }
}

std::vector<address_entry> addresses(const header_block& block, std::string_view name) {
  std::vector<address_entry> out;
  const header_field* f = block.first(name);
  if (f == nullptr) return out;
  for (const mailbox& m : parse_mailboxes(f->value)) {
    out.push_back({m.display_name, m.address(), m.domain, m.domain_unicode, m.group});
  }
  return out;
}

// The message's own description of itself, for the page's summary.
message_summary summarize_message(const header_block& block,
                                  const std::vector<header_entry>& headers) {
  message_summary m;
  m.format = to_string(block.format);
  m.summary = block.summary;
  for (const auto& h : headers) {
    if (!m.subject && internal::iequals(h.name, "Subject")) m.subject = h.decoded;
    if (!m.message_id && internal::iequals(h.name, "Message-ID")) m.message_id = h.value;
    for (const auto& w : h.pending) {
      if (std::find(m.left_encoded.begin(), m.left_encoded.end(), w.charset) ==
          m.left_encoded.end()) {
        m.left_encoded.push_back(w.charset);
      }
    }
  }
  m.from = addresses(block, "From");
  m.sender = addresses(block, "Sender");
  m.reply_to = addresses(block, "Reply-To");
  m.to = addresses(block, "To");
  m.cc = addresses(block, "Cc");
  if (const header_field* d = block.first("Date")) {
    if (auto dt = parse_date(d->value)) m.date = format_utc(dt->epoch_ms);
  }
  return m;
}

void not_email(report& r, std::string headline, std::string summary) {
  r.input.kind = input_kind::not_email;
  r.verdict.status = verdict_status::unknown;
  r.verdict.headline = std::move(headline);
  r.verdict.summary = std::move(summary);
}

// The pipeline; analyze() bounds what it returns.
report run_pipeline(std::string_view text, const options& opts) {
  report r;
  r.input.bytes = text.size();
  if (text.size() > kMaxInputBytes) {
    text = text.substr(0, kMaxInputBytes);
    r.input.warnings.push_back(
        {"input_truncated", "The input is larger than 16 MB; only the first 16 MB were read."});
  }
  if (internal::trim(text).empty()) {
    r.input.kind = input_kind::empty;
    r.verdict.status = verdict_status::unknown;
    r.verdict.headline = "Nothing to analyze: the input is empty.";
    r.verdict.summary =
        "Paste the full headers of a message (or the whole message, or the bounce you received).";
    return r;
  }
  if (looks_binary(text)) {
    not_email(
        r, "This is binary data, not email text.",
        "The input holds NUL or control bytes, as images, archives and programs do. Paste the "
        "message headers as text, or open the .eml file itself.");
    return r;
  }

  // One read of the header block serves the bounce reader and the header
  // diagnosis alike.
  const header_block block = parse_header_block(text);

  // Bounces and other automatic notices, in any form (issue 5).
  if (const auto notice = read_bounce(text, block)) {
    r.input.warnings.insert(r.input.warnings.end(), notice->warnings.begin(),
                            notice->warnings.end());
    diagnose_bounce(*notice, r);
    // The notice's own header fields and antispam stamps, listed for
    // reference; they do not change the bounce's verdict.
    const header_block& own = block;
    list_headers(own, r);
    r.trace = build_route(own);
    const auth_assessment own_auth = assess_authentication(own, r.trace);
    report scratch;
    diagnose_antispam(assess_antispam(own, own_auth), own_auth, scratch);
    r.antispam = std::move(scratch.antispam);
    return r;
  }

  r.input.warnings.insert(r.input.warnings.end(), block.warnings.begin(), block.warnings.end());
  if (block.fields.empty()) {
    not_email(
        r, "No email headers were found in this text.",
        "Header lines look like \"Name: value\" (From:, Received:, Authentication-Results: ...). "
        "Copy the message's full headers or its original source and paste them here.");
    return r;
  }
  // Lines that only look like fields ("https://...", a YAML or XML file's
  // "name: value"): a header block has at least one field email uses, one
  // of core/data/header_names.tsv or an X- field (RFC 822 §4.7.5's
  // extension fields).
  const bool any_email_field =
      std::any_of(block.fields.begin(), block.fields.end(), [](const header_field& f) {
        return !header_explanation(f.name).empty() || internal::istarts_with(f.name, "X-");
      });
  if (!any_email_field) {
    // Up to three of the names, when they read as words ("https", not
    // "<html><head>...").
    std::vector<std::string> names;
    for (const auto& f : block.fields) {
      const bool word =
          f.name.size() <= 30 && std::all_of(f.name.begin(), f.name.end(), [](char c) {
            return internal::is_alpha(c) || internal::is_digit(c) || c == '-' || c == '_';
          });
      if (names.size() < 3 && word && std::find(names.begin(), names.end(), f.name) == names.end())
        names.push_back(f.name);
    }
    not_email(
        r, "No email header fields were found in this text.",
        internal::concat("Its lines of the form \"Name: value\"",
                         names.empty() ? std::string()
                                       : internal::concat(" (", internal::join_words(names), ")"),
                         " are not header fields that email uses (From:, Received:, "
                         "Authentication-Results: ...). Copy the message's full headers or its "
                         "original source and paste them here."));
    return r;
  }
  r.input.kind = block.has_body ? input_kind::message : input_kind::headers;
  if (!internal::is_valid_utf8(text)) {
    r.input.warnings.push_back({"invalid_utf8",
                                "The input holds bytes that are not UTF-8 (8-bit text in another "
                                "charset); they are shown as \xEF\xBF\xBD."});
  }
  list_headers(block, r);
  r.message = summarize_message(block, r.headers);
  for (auto& w : check_originator(block)) r.input.warnings.push_back(std::move(w));

  r.trace = build_route(block);
  r.input.warnings.insert(r.input.warnings.end(), r.trace.warnings.begin(), r.trace.warnings.end());

  const auth_assessment auth = assess_authentication(block, r.trace, opts);
  r.input.warnings.insert(r.input.warnings.end(), auth.warnings.begin(), auth.warnings.end());
  r.authentication = auth.summary;
  diagnose_authentication(auth, r);
  // Antispam verdicts (issue 7): additional causes; when the message was
  // filtered, the verdict names the filtering outcome first.
  diagnose_antispam(assess_antispam(block, auth), auth, r);
  return r;
}

}  // namespace

report analyze(std::string_view text, const options& opts) {
  report r = run_pipeline(text, opts);
  cap_warnings(r.input.warnings);
  return r;
}

}  // namespace mailverdict
