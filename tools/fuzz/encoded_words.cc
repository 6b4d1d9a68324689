/**
 * @file encoded_words.cc
 * @brief Fuzz target: RFC 2047 encoded words and RFC 2231 MIME parameters.
 */
#include "mailverdict/encoded_words.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view value(reinterpret_cast<const char*>(data), size);
  const auto decoded = mailverdict::decode_encoded_words(value);
  // Decoding never grows text beyond 3 bytes per input byte (a byte of a
  // single-byte charset becomes at most a 3-byte UTF-8 sequence).
  if (decoded.text.size() > 3 * size + 3) std::abort();
  if (decoded.pending.size() > size) std::abort();
  const auto params = mailverdict::parse_mime_parameters(value);
  if (params.size() > size) std::abort();
  return 0;
}
