/**
 * @file antispam.cc
 * @brief Fuzz target: the antispam header decoders (Microsoft's NAME:value;
 * lists and the Exchange organization headers), on every field of a header
 * block and on the raw input as one list.
 */
#include "mailverdict/antispam.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mailverdict/message.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto pairs = mailverdict::split_microsoft_fields(text);
  if (pairs.size() > size / 2 + 1) std::abort();  // each item needs a name and a ';'
  const mailverdict::header_block block = mailverdict::parse_header_block(text);
  for (const auto& f : block.fields) (void)mailverdict::decode_antispam_header(f);
  return 0;
}
