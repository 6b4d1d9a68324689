/**
 * @file addresses.cc
 * @brief Fuzz target: parse_mailboxes() on an address-list value (RFC 5322 §3.4).
 */
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mailverdict/address.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view value(reinterpret_cast<const char*>(data), size);
  const auto boxes = mailverdict::parse_mailboxes(value);
  if (boxes.size() > size) std::abort();
  for (const auto& m : boxes) {
    // Invalid UTF-8 becomes U+FFFD and a domain may be shown as its A-label
    // (RFC 5891), so an address can outgrow its bytes, but only by a factor.
    if (m.address().size() > 4 * size + 64) std::abort();
  }
  return 0;
}
