/**
 * @file mbox.cpp
 * @brief mbox splitting (RFC 4155; see mbox.h).
 */
#include "mailverdict/mbox.h"

#include "mailverdict/message.h"

namespace mailverdict {

namespace {

// The end of the line that starts at `pos` (the position of its "\n", or
// text.size()).
std::size_t line_end(std::string_view text, std::size_t pos) {
  const std::size_t nl = text.find('\n', pos);
  return nl == std::string_view::npos ? text.size() : nl;
}

bool is_separator(std::string_view text, std::size_t pos) { return text.substr(pos, 5) == "From "; }

}  // namespace

bool looks_like_mbox(std::string_view text) {
  if (!is_separator(text, 0)) return false;
  const std::size_t end = line_end(text, 0);
  if (end >= text.size()) return false;
  std::string_view next = text.substr(end + 1, line_end(text, end + 1) - end - 1);
  if (!next.empty() && next.back() == '\r') next.remove_suffix(1);
  return looks_like_field(next);
}

std::size_t next_mbox_message(std::string_view text, std::size_t pos, std::string& message) {
  message.clear();
  if (pos >= text.size()) return text.size();
  // Skip the separator line itself.
  if (is_separator(text, pos)) pos = line_end(text, pos) + 1;
  bool previous_blank = false;
  while (pos < text.size()) {
    const std::size_t end = line_end(text, pos);
    std::string_view line = text.substr(pos, end - pos);
    std::string_view bare = line;
    if (!bare.empty() && bare.back() == '\r') bare.remove_suffix(1);
    if (previous_blank && is_separator(text, pos)) return pos;
    // mboxrd: ">From " and ">>From " lose one ">".
    std::size_t q = 0;
    while (q < bare.size() && bare[q] == '>') ++q;
    if (q > 0 && bare.substr(q, 5) == "From ") line.remove_prefix(1);
    message += line;
    if (end < text.size()) message += '\n';
    previous_blank = bare.empty();
    pos = end + 1;
  }
  return text.size();
}

}  // namespace mailverdict
