/**
 * @file bounce.h
 * @brief Bounces and other automatic notices: reading them in every form
 * they arrive in, and classifying why delivery failed.
 *
 * Forms read: a bare pasted error line or paragraph; an NDR's text copied
 * from a mail client; a whole bounce message, as an RFC 3464 / RFC 6522
 * multipart/report with message/delivery-status (per-message and
 * per-recipient fields) and the returned message/rfc822 or
 * text/rfc822-headers part, or as the plain-text layouts of Microsoft 365
 * and Exchange, Gmail, Yahoo, Postfix, Exim, Sendmail, qmail, Courier and
 * others. Notices that are not bounces are recognized too: RFC 3834
 * auto-replies, RFC 3464 delay and success notices, RFC 5965 feedback
 * reports and RFC 6591 DMARC failure reports.
 *
 * Classification reads the server's words first and the code second, from
 * core/data/bounce_patterns.tsv, then falls back to the enhanced status
 * code (core/data/status_codes.tsv) with lower confidence.
 */
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/message.h"
#include "mailverdict/report.h"

namespace mailverdict {

/// What kind of automatic notice a text is.
enum class notice_kind {
  bounce,           ///< Delivery failed (Action: failed, an NDR, an error line).
  delay,            ///< Delivery is delayed and still being retried (a warning).
  delivered,        ///< Delivery succeeded (Action: delivered / relayed / expanded).
  auto_reply,       ///< RFC 3834 automatic reply (out of office, vacation).
  feedback_report,  ///< RFC 5965 ARF feedback or abuse report.
  dmarc_report,     ///< RFC 6591 DMARC failure (forensic) report.
  challenge,        ///< A challenge-response screening notice: held until the sender confirms.
};

/// One recipient's outcome.
struct bounce_recipient {
  std::string address;           ///< Final-Recipient, or the address the text names.
  std::string original_address;  ///< Original-Recipient when it differs.
  std::string action;            ///< "failed", "delayed", "delivered", ... ("" when unknown).
  std::optional<int> reply_code;
  std::optional<std::string> status;  ///< Enhanced status code "5.7.1".
  std::string diagnostic;             ///< The server's words, unaltered (one line, unfolded).
  std::string remote_mta;             ///< Host name (or address) of the server that replied.
  std::string source = "text";  ///< Where the diagnostic was read: "Diagnostic-Code" or "text".
};

/// A notice as read from the text.
struct bounce_message {
  notice_kind kind = notice_kind::bounce;
  std::string layout;         ///< "rfc3464", "microsoft", "postfix", "exim", "qmail", "bare", ...
  std::string reporting_mta;  ///< The server that wrote the notice.
  std::vector<bounce_recipient> recipients;  ///< At least one for a bounce or delay.
  std::string human_text;        ///< The readable explanation (before any returned message).
  std::string original_headers;  ///< Header block of the returned original ("" when none).
  std::string subject;           ///< Subject of the notice itself.
  std::string feedback_type;     ///< ARF Feedback-Type for feedback reports.
  std::vector<warning> warnings;
};

/// Reads `text` as a notice. Returns nullopt when nothing in it looks like a
/// bounce, delay, success notice, auto-reply or report, so that the caller
/// can treat it as ordinary headers. Linear in the input; never throws.
std::optional<bounce_message> read_bounce(std::string_view text);

/// The same, given the header block at the start of `text` that the caller
/// already parsed (`parse_header_block(text)`), so it is not read twice.
std::optional<bounce_message> read_bounce(std::string_view text, const header_block& top);

/// Why one recipient's delivery failed, by the table rows that matched.
struct bounce_classification {
  std::string category = "undetermined";  ///< One DESIGN.md bounce category.
  std::string provider;                   ///< Who refused ("microsoft", ...), "" when unknown.
  confidence_level confidence = confidence_level::possible;
  bool by_text = false;   ///< The server's words decided it (not only the code).
  std::string matched;    ///< The pattern or code that decided it.
  std::string blocklist;  ///< The block list the text names ("Spamhaus"), "" when none.
};

/// Further text of a notice that may explain its recipients' failures (the
/// human-readable part), read once for all of them: which pattern rows,
/// Japanese phrases and block-list names it holds is found on first use and
/// kept, so a notice with many recipients costs no more passes over its
/// text than one with a single recipient. Holds a view of `text`.
class bounce_context {
 public:
  explicit bounce_context(std::string_view text) : text_(text) {}
  std::string_view text() const { return text_; }
  /// Indices into the pattern table (core/data/bounce_patterns.tsv) of the
  /// rows with words that the text holds, in table order.
  const std::vector<std::size_t>& pattern_rows() const;
  /// Index into bounce_texts_ja.tsv of the first "reason" phrase the text
  /// holds, or -1.
  std::ptrdiff_t japanese_reason() const;
  /// Whether the text names block list `i` of core/data/blocklists.tsv.
  bool names_blocklist(std::size_t i) const;

 private:
  void read() const;
  std::string_view text_;
  mutable bool read_ = false;
  mutable std::vector<std::size_t> pattern_rows_;
  mutable std::ptrdiff_t japanese_ = -1;
  mutable std::vector<bool> blocklists_;
};

/// Classifies one recipient's failure. `context` is further text of the
/// notice that may explain it, consulted after the diagnostic itself;
/// `provider` is what the host names already say.
bounce_classification classify_bounce(const bounce_recipient& r, const bounce_context& context,
                                      std::string_view provider);
/// The same with the context as plain text (one recipient).
bounce_classification classify_bounce(const bounce_recipient& r, std::string_view context,
                                      std::string_view provider);

/// Fills `out` for a notice: input.kind, the verdict, and for a bounce or
/// delay the `bounce` object, its cause with the server's words as evidence
/// and the fixes for its category and provider. When the notice returns the
/// original headers, their authentication diagnosis is merged in.
void diagnose_bounce(const bounce_message& b, report& out);

/// The provider that a host name or a diagnostic text points to
/// ("outlook.com" → "microsoft"), from core/data/bounce_providers.tsv; ""
/// when none is recognized.
std::string detect_provider(std::string_view host_or_text);

}  // namespace mailverdict
