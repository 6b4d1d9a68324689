/**
 * @file auth_results.cc
 * @brief Fuzz target: parse_auth_results() on one field value (RFC 8601).
 */
#include "mailverdict/auth_results.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view value(reinterpret_cast<const char*>(data), size);
  const auto parsed = mailverdict::parse_auth_results(value);
  if (parsed) {
    // Each result consumes at least "a=b" (3 bytes) of the value.
    if (parsed->results.size() > size / 3 + 1) std::abort();
    for (const auto& m : parsed->results) (void)m.get("smtp.mailfrom");
  } else if (parsed.error().message.empty()) {
    std::abort();  // every failure says why
  }
  return 0;
}
