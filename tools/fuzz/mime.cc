/**
 * @file mime.cc
 * @brief Fuzz target: parse_mime() (RFC 2045, RFC 2046 §5) and the body
 * decoders it uses, quoted-printable and base64.
 */
#include "mailverdict/mime.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const mailverdict::mime_message m = mailverdict::parse_mime(text);
  if (m.parts.size() > mailverdict::kMaxMimeParts + 1) std::abort();
  for (const auto& p : m.parts) {
    if (p.depth > mailverdict::kMaxMimeDepth + 1) std::abort();
    if (p.parent >= m.parts.size()) std::abort();
  }
  // Decoding never grows text: base64 gives 3 bytes per 4, QP at most 1 per 1.
  if (mailverdict::decode_base64(text).size() > size) std::abort();
  if (mailverdict::decode_quoted_printable(text).size() > size) std::abort();
  (void)mailverdict::mime_parameter(text, "boundary");
  return 0;
}
