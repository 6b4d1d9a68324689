/**
 * @file status_code.h
 * @brief SMTP reply codes (RFC 5321 §4.2) and enhanced status codes
 * (RFC 3463, registry of RFC 5248): finding them in text and saying what
 * they mean.
 */
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mailverdict {

/// An enhanced status code class.subject.detail (RFC 3463 §2).
struct enhanced_status {
  int klass = 0;    ///< 2 success, 4 persistent transient failure, 5 permanent failure.
  int subject = 0;  ///< 0..7 (RFC 3463 §3.1 .. §3.8).
  int detail = 0;   ///< 0..999.
  std::string to_string() const;
};

/// Parses exactly "c.s.d" (RFC 3463 §2: class 2, 4 or 5; subject and detail
/// of 1 to 3 digits). Surrounding white space is allowed.
std::optional<enhanced_status> parse_enhanced_status(std::string_view text);

/// A reply found in text: "550 5.7.1 Unable to relay" or "550-5.7.1 ...".
struct smtp_reply {
  std::optional<int> code;                ///< The basic reply code, 2xx..5xx.
  std::optional<enhanced_status> status;  ///< The enhanced code after it, if any.
  std::size_t offset = 0;                 ///< Where the reply starts in the text.
  std::size_t text_offset = 0;            ///< Where the words after the codes start.
};

/// The first SMTP reply in `text` that carries a 4xx or 5xx basic code, an
/// enhanced status code, or both (a status code alone counts too, as in
/// "#5.1.1"). Numbers that are parts of dates, IP addresses or longer
/// numbers are not taken. Linear in the text.
std::optional<smtp_reply> find_smtp_reply(std::string_view text);

/// The first enhanced status code anywhere in `text` (class 4 or 5).
std::optional<enhanced_status> find_enhanced_status(std::string_view text);

/// The IANA registry summary for a code ("Bad destination mailbox
/// address" for 5.1.1); the subject's summary when the detail is not
/// registered; "" for nonsense.
std::string_view status_summary(const enhanced_status& s);

}  // namespace mailverdict
