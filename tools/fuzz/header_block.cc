/**
 * @file header_block.cc
 * @brief Fuzz target: parse_header_block() (RFC 5322 §2.2 fields, unfolding).
 */
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mailverdict/message.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const mailverdict::header_block block = mailverdict::parse_header_block(text);
  // A field needs at least "a:" on its own line, so fields ≤ size / 2.
  if (block.fields.size() > size / 2 + 1) std::abort();
  if (block.body_offset > size || block.start_offset > size) std::abort();
  std::size_t held = 0;
  for (const auto& f : block.fields) {
    if (f.raw.size() > size || f.value.size() > size) std::abort();
    held += f.raw.size();
  }
  if (held > size) std::abort();  // each input byte belongs to one field at most
  (void)block.first("From");
  return 0;
}
