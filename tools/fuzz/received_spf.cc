/**
 * @file received_spf.cc
 * @brief Fuzz target: parse_received_spf() (RFC 7208 §9.1).
 */
#include "mailverdict/received_spf.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view value(reinterpret_cast<const char*>(data), size);
  (void)mailverdict::parse_received_spf(value);
  return 0;
}
