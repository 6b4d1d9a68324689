/**
 * @file arc.cc
 * @brief Fuzz target: the three ARC field parsers (RFC 8617 §4.1) on the
 * input as a value, and the chain reader on the input as a header block.
 */
#include "mailverdict/arc.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mailverdict/message.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)mailverdict::parse_arc_seal(text);
  (void)mailverdict::parse_arc_message_signature(text);
  (void)mailverdict::parse_arc_authentication_results(text);
  const mailverdict::header_block block = mailverdict::parse_header_block(text);
  const mailverdict::arc_chain chain = mailverdict::read_arc_chain(block);
  if (chain.instances.size() > block.fields.size()) std::abort();
  return 0;
}
