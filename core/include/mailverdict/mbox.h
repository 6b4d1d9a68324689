/**
 * @file mbox.h
 * @brief Splitting an mbox file into its messages (RFC 4155).
 *
 * Each message starts with a "From " separator line at the start of the file
 * or after an empty line. Lines of the form ">From " (any number of ">")
 * are unescaped by one ">" as mboxrd writers escape them; in mboxo files
 * the same unescaping is the best reading there is.
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mailverdict {

/// True when `text` starts with an mbox "From " separator line followed by
/// a header field.
bool looks_like_mbox(std::string_view text);

/// Reads the message that starts at byte `pos` of `text` (at or before its
/// "From " line) into `message` (separator line removed, ">From "
/// unescaped) and returns the position of the next message; text.size()
/// after the last one. Linear in the message's size.
std::size_t next_mbox_message(std::string_view text, std::size_t pos, std::string& message);

}  // namespace mailverdict
