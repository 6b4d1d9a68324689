/**
 * @file lines.cpp
 * @brief Line splitting (see internal/lines.h).
 */
#include "mailverdict/internal/lines.h"

namespace mailverdict::internal {

std::vector<line> split_lines(std::string_view text) {
  std::vector<line> out;
  std::size_t start = 0;
  std::size_t number = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '\n' && c != '\r') continue;
    out.push_back({text.substr(start, i - start), start, number++});
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) out.push_back({text.substr(start), start, number});
  return out;
}

}  // namespace mailverdict::internal
