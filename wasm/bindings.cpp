/**
 * @file bindings.cpp
 * @brief The embind surface: strings in, JSON out. No handles cross into
 * JavaScript, so there is nothing for callers to delete.
 */
#include <emscripten/bind.h>

#include <nlohmann/json.hpp>
#include <string>

#include "mailverdict.h"

namespace {

std::string analyze(const std::string& text) {
  return mailverdict::to_json(mailverdict::analyze(text));
}

// options_json: {"dmarc_record": "...", "spf_record": "..."}; anything
// unreadable is ignored (parsing without exceptions: a throw would abort).
std::string analyze_with(const std::string& text, const std::string& options_json) {
  mailverdict::options opts;
  const nlohmann::json o = nlohmann::json::parse(options_json, nullptr, /*allow_exceptions=*/false);
  if (o.is_object()) {
    if (auto it = o.find("dmarc_record"); it != o.end() && it->is_string()) {
      opts.dmarc_record = it->get<std::string>();
    }
    if (auto it = o.find("spf_record"); it != o.end() && it->is_string()) {
      opts.spf_record = it->get<std::string>();
    }
  }
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
