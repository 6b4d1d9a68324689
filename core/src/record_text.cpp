/**
 * @file record_text.cpp
 * @brief TXT record text from a paste (see internal/record_text.h).
 */
#include "mailverdict/internal/record_text.h"

#include "mailverdict/internal/text.h"

namespace mailverdict::internal {

std::string record_text(std::string_view pasted, std::string_view version_tag) {
  // Quoted strings are joined without a separator; text outside quotes is
  // kept as is (a record pasted without quotes).
  std::string joined;
  const bool any_quote = pasted.find('"') != std::string_view::npos;
  if (any_quote) {
    bool in = false;
    for (std::size_t i = 0; i < pasted.size(); ++i) {
      const char c = pasted[i];
      if (c == '"') {
        in = !in;
        continue;
      }
      if (in) {
        if (c == '\\' && i + 1 < pasted.size()) {
          joined += pasted[++i];
          continue;
        }
        joined += c;
      }  // text outside the quotes (a DNS name, "IN TXT") is dropped
    }
    if (ifind(joined, version_tag) == std::string::npos) joined = std::string(pasted);
  } else {
    joined = std::string(pasted);
  }
  // The version tag may be written "v = DMARC1"; look for "v=" followed by
  // the rest of the tag, spaces allowed around '='.
  std::size_t start = std::string::npos;
  const std::string_view rest = version_tag.substr(2);  // after "v="
  for (std::size_t p = 0; (p = ifind(joined, rest, p)) != std::string::npos; ++p) {
    std::size_t q = p;
    while (q > 0 && is_space(joined[q - 1])) --q;
    if (q == 0 || joined[q - 1] != '=') continue;
    --q;
    while (q > 0 && is_space(joined[q - 1])) --q;
    if (q == 0 || to_lower(joined[q - 1]) != 'v') continue;
    start = q - 1;
    break;
  }
  if (start == std::string::npos) return {};
  return std::string(trim(std::string_view(joined).substr(start)));
}

}  // namespace mailverdict::internal
