/**
 * @file bindings.cpp
 * @brief The embind surface: strings in, JSON out. No handles cross into
 * JavaScript, so there is nothing for callers to delete.
 */
#include <emscripten/bind.h>

#include <string>

#include "mailverdict.h"

namespace {

std::string analyze(const std::string& text) {
  return mailverdict::to_json(mailverdict::analyze(text));
}

// The records the user pasted ("" when none): the From: domain's DMARC record
// and the MAIL FROM domain's SPF record.
std::string analyze_with(const std::string& text, const std::string& dmarc_record,
                         const std::string& spf_record) {
  mailverdict::options opts;
  opts.dmarc_record = dmarc_record;
  opts.spf_record = spf_record;
  return mailverdict::to_json(mailverdict::analyze(text, opts));
}

std::string to_text(const std::string& text) { return mailverdict::to_text(mailverdict::analyze(text)); }

std::string version() { return mailverdict::kVersion; }

}  // namespace

EMSCRIPTEN_BINDINGS(mailverdict) {
  emscripten::function("analyze", &analyze);
  emscripten::function("analyzeWith", &analyze_with);
  emscripten::function("toText", &to_text);
  emscripten::function("version", &version);
}
