/**
 * @file bounce.cc
 * @brief Fuzz target: read_bounce() (RFC 3464 reports, NDR layouts, bare
 * error lines), the classification of each recipient and the status-code
 * finders (RFC 3463, RFC 5321 §4.2).
 */
#include "mailverdict/bounce.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mailverdict/status_code.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto b = mailverdict::read_bounce(text)) {
    mailverdict::report r;
    mailverdict::diagnose_bounce(*b, r);
  }
  (void)mailverdict::find_smtp_reply(text);
  (void)mailverdict::find_enhanced_status(text);
  (void)mailverdict::parse_enhanced_status(text);
  (void)mailverdict::detect_provider(text);
  return 0;
}
