/**
 * @file dkim_signature.cc
 * @brief Fuzz target: parse_dkim_signature() (RFC 6376 §3.5 tag-list).
 */
#include "mailverdict/dkim_signature.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view value(reinterpret_cast<const char*>(data), size);
  (void)mailverdict::parse_dkim_signature(value);
  return 0;
}
