/**
 * @file analyze.cpp
 * @brief The pipeline: classify the input, parse the header block, gather
 * evidence, diagnose, and fill in the report.
 */
#include "mailverdict/analyze.h"

#include <cstdint>

#include "mailverdict/antispam.h"
#include "mailverdict/authentication.h"
#include "mailverdict/bounce.h"
#include "mailverdict/diagnosis.h"
#include "mailverdict/internal/text.h"
#include "mailverdict/message.h"
#include "mailverdict/route.h"

namespace mailverdict {

namespace {

// Binary data: NUL bytes or a high share of control bytes in the first
// 64 KiB. Text in any charset passes; images, archives and executables don't.
bool looks_binary(std::string_view text) {
  const std::string_view head = text.substr(0, 64 * 1024);
  std::size_t control = 0;
  for (char ch : head) {
    const auto c = static_cast<std::uint8_t>(ch);
    if (c == 0) return true;
    if (c < 32 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
  }
  return control * 20 > head.size();  // more than 5%
}

void not_email(report& r, std::string headline, std::string summary) {
  r.input.kind = input_kind::not_email;
  r.verdict.status = verdict_status::unknown;
  r.verdict.headline = std::move(headline);
  r.verdict.summary = std::move(summary);
}

}  // namespace

report analyze(std::string_view text, const options& opts) {
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
    not_email(r, "This is binary data, not email text.",
              "The input holds NUL or control bytes, as images, archives and programs do. Paste the "
              "message headers as text, or open the .eml file itself.");
    return r;
  }

  // Bounces and other automatic notices, in any form (issue 5).
  if (const auto notice = read_bounce(text)) {
    r.input.warnings.insert(r.input.warnings.end(), notice->warnings.begin(), notice->warnings.end());
    diagnose_bounce(*notice, r);
    // The notice's own header fields and antispam stamps, listed for
    // reference; they do not change the bounce's verdict.
    const header_block own = parse_header_block(text);
    for (const auto& f : own.fields) {
      r.headers.push_back({f.name, f.value, f.index, std::string(header_explanation(f.name))});
    }
    const auth_assessment own_auth = assess_authentication(own);
    report scratch;
    diagnose_antispam(assess_antispam(own, own_auth), own_auth, scratch);
    r.antispam = std::move(scratch.antispam);
    return r;
  }

  const header_block block = parse_header_block(text);
  r.input.warnings.insert(r.input.warnings.end(), block.warnings.begin(), block.warnings.end());
  if (block.fields.empty()) {
    not_email(r, "No email headers were found in this text.",
              "Header lines look like \"Name: value\" (From:, Received:, Authentication-Results: ...). "
              "Copy the message's full headers or its original source and paste them here.");
    return r;
  }
  r.input.kind = block.has_body ? input_kind::message : input_kind::headers;
  if (!internal::is_valid_utf8(text)) {
    r.input.warnings.push_back({"invalid_utf8",
                                "The input holds bytes that are not UTF-8 (8-bit text in another "
                                "charset); they are shown as \xEF\xBF\xBD."});
  }
  for (const auto& f : block.fields) {
    r.headers.push_back({f.name, f.value, f.index, std::string(header_explanation(f.name)), f.raw, f.value});
  }

  r.trace = build_route(block);
  r.input.warnings.insert(r.input.warnings.end(), r.trace.warnings.begin(), r.trace.warnings.end());

  const auth_assessment auth = assess_authentication(block, opts);
  r.input.warnings.insert(r.input.warnings.end(), auth.warnings.begin(), auth.warnings.end());
  r.authentication = auth.summary;
  diagnose_authentication(auth, r);
  // Antispam verdicts (issue 7): additional causes; when the message was
  // filtered, the verdict names the filtering outcome first.
  diagnose_antispam(assess_antispam(block, auth), auth, r);
  return r;
}

}  // namespace mailverdict
