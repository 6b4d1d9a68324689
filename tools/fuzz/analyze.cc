/**
 * @file analyze.cc
 * @brief Fuzz target: the whole pipeline, analyze() then both renderings.
 *
 * Beyond "no crash, no sanitizer report", it checks what every caller relies
 * on: the JSON is valid UTF-8 and parses, it carries schema 1 and a known
 * input kind, and the output stays proportional to the input (a report that
 * grows faster than its input would break the linear-memory promise).
 */
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "mailverdict.h"
#include "mailverdict/internal/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const mailverdict::report r = mailverdict::analyze(text);

  const std::string json = mailverdict::to_json(r);
  if (!mailverdict::internal::is_valid_utf8(json)) std::abort();
  const nlohmann::json parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) std::abort();
  if (parsed.value("schema", 0) != 1) std::abort();
  const auto kind = parsed["input"].value("kind", std::string());
  // DESIGN.md's five kinds plus the notices that are not bounces (issue 5).
  static constexpr std::string_view kKinds[] = {
      "headers",           "message",         "bounce",     "empty",           "not_email",
      "delay_notice",      "delivery_notice", "auto_reply", "feedback_report", "dmarc_report",
      "challenge_response"};
  bool known = false;
  for (auto k : kKinds) known = known || kind == k;
  if (!known) std::abort();
  // Every byte may be escaped (\u00XX) and shown in a few places; anything
  // beyond that is output that grows faster than the input.
  if (json.size() > 64 * size + 256 * 1024) std::abort();

  const std::string text_report = mailverdict::to_text(r);
  if (text_report.size() > 64 * size + 256 * 1024) std::abort();
  return 0;
}
