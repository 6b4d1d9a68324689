/**
 * @file received.cc
 * @brief Fuzz target: parse_received() on a Received field value (RFC 5321 §4.4).
 */
#include "mailverdict/received.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view value(reinterpret_cast<const char*>(data), size);
  const auto r = mailverdict::parse_received(value);
  // Every field is a piece of the input: none may be longer than it.
  for (const auto* s : {&r.from, &r.helo, &r.rdns, &r.ip, &r.by, &r.with, &r.id, &r.for_address,
                        &r.envelope_from, &r.date_text}) {
    if (s->size() > size) std::abort();
  }
  if (r.warnings.size() > size + 1) std::abort();
  return 0;
}
