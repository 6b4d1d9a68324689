/**
 * @file report.h
 * @brief The report: what the analyzer found, in the shape of DESIGN.md's
 * report contract (schema 1), and its JSON, text and Markdown renderings.
 *
 * The report is the only thing that crosses from C++ to JavaScript. Fields
 * named here are stable; optional values use std::optional and become JSON
 * null.
 */
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "mailverdict/encoded_words.h"
#include "mailverdict/errors.h"
#include "mailverdict/message.h"
#include "mailverdict/route.h"

namespace mailverdict {

/// What the input was.
enum class input_kind {
  headers,
  message,
  bounce,
  empty,
  not_email,
  delay_notice,     ///< Delivery delayed, still being retried (RFC 3464 Action: delayed).
  delivery_notice,  ///< Delivery succeeded (RFC 3464 Action: delivered/relayed/expanded).
  auto_reply,       ///< RFC 3834 automatic reply.
  feedback_report,  ///< RFC 5965 feedback (abuse) report.
  dmarc_report,     ///< RFC 6591 DMARC failure report.
  /// A sender-screening (challenge-response) service holds the message until the sender confirms.
  challenge_response,
};
/// The verdict's status.
enum class verdict_status { ok, problem, warning, unknown };
/// How sure a cause is.
enum class confidence_level { certain, likely, possible };

const char* to_string(input_kind k);
const char* to_string(verdict_status s);
const char* to_string(confidence_level c);

/// One piece of evidence: a header field (by name and 0-based index in the
/// header block) and the text that proves the point.
struct evidence_item {
  std::string header;
  std::size_t index = 0;
  std::string text;
};

struct cause {
  std::string id;  ///< "unaligned_pass", "not_authenticated", ...
  confidence_level confidence = confidence_level::likely;
  std::string explanation;
  std::vector<evidence_item> evidence;
};

struct fix {
  std::string id;
  std::string title;
  std::vector<std::string> steps;
};

struct spf_finding {
  std::string result = "unknown";
  std::optional<std::string> domain;
  std::optional<bool> aligned;
};

struct dkim_finding {
  std::string result;
  std::string domain;
  std::optional<std::string> selector;
  std::optional<bool> aligned;
};

struct dmarc_finding {
  std::string result = "unknown";
  std::optional<std::string> policy;
  std::optional<std::string> action;
  /// Where the policy came from: "record" (pasted) or "headers"; null when unknown.
  std::optional<std::string> policy_source;
};

struct arc_finding {
  std::string result = "none";
  int sets = 0;
  std::string structure = "none";     ///< "none", "intact" or "broken" (RFC 8617 §5.2).
  std::vector<std::string> sealers;   ///< d= of each ARC-Seal, i=1 first.
  std::vector<std::string> problems;  ///< Why the structure is broken.
};

/// An Authentication-Results field the analysis used.
struct trusted_results_entry {
  std::string header;
  std::size_t index = 0;
  std::optional<std::string> authserv_id;
};

/// An Authentication-Results field that was not trusted, and why.
struct ignored_results_entry {
  std::string header;
  std::size_t index = 0;
  std::optional<std::string> authserv_id;
  std::string results;  ///< What it claims: "spf=pass dkim=pass dmarc=pass".
  std::string reason;   ///< Why it was not trusted, in plain English.
};

/// One identity beside the From: domain, with its alignment (RFC 7489 §3.1).
struct identifier_finding {
  std::string kind;  ///< "spf_mailfrom", "return_path", "spf_helo" or "dkim".
  std::string domain;
  std::string result = "unknown";       ///< RFC 8601 word, or "unknown".
  std::optional<std::string> selector;  ///< DKIM s=.
  bool relaxed = false;                 ///< Same organizational domain as From:.
  bool strict = false;                  ///< Exactly the From: domain.
  std::string mode = "relaxed";         ///< The alignment mode applied.
  bool mode_known = false;              ///< The mode comes from a pasted DMARC record.
  std::optional<bool> aligned;   ///< Under `mode`; null when DMARC does not use this identity.
  bool counts_for_dmarc = true;  ///< False for the HELO identity.
  std::string why;               ///< Plain English.
  std::string source;     ///< The field that said it ("Authentication-Results (mx.google.com)").
  std::size_t index = 0;  ///< That field's index.
};

/// The DMARC record the user pasted, as read.
struct dmarc_record_summary {
  std::string text;
  std::string policy;
  std::optional<std::string> subdomain_policy;
  std::optional<std::string> nonexistent_policy;
  std::string adkim = "r";
  std::string aspf = "r";
  int pct = 100;
  std::vector<std::string> rua;
  std::vector<std::string> ruf;
  std::string fo = "0";
  std::vector<std::string> warnings;
  std::optional<std::string> error;  ///< Why it could not be read.
};

/// The SPF record the user pasted, as read.
struct spf_record_summary {
  std::string text;
  std::vector<std::string> includes;
  std::string all;
  int lookups = 0;  ///< At least this many DNS lookups (limit 10).
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  std::optional<bool> authorizes_service;  ///< Includes the recognized sending service.
  std::optional<std::string> error;
};

/// The sending service recognized from the identities.
struct service_summary {
  std::string id;
  std::string name;
  std::vector<std::string> evidence;
};

/// Microsoft's composite authentication (compauth=, reason=).
struct compauth_finding {
  std::string result;
  std::string reason;
  std::string meaning;
};

struct authentication_report {
  std::optional<std::string> from_domain;
  std::optional<std::string> organizational_domain;
  std::optional<std::string> authserv_id;
  spf_finding spf;
  std::vector<dkim_finding> dkim;
  dmarc_finding dmarc;
  arc_finding arc;
  // Beyond DESIGN.md's keys:
  std::optional<std::string> receiver;  ///< The receiving organization.
  std::vector<trusted_results_entry> trusted;
  std::vector<ignored_results_entry> ignored;
  std::vector<identifier_finding> identifiers;
  std::vector<std::string> disagreements;
  std::optional<dmarc_record_summary> dmarc_record;
  std::optional<spf_record_summary> spf_record;
  std::optional<service_summary> service;
  std::optional<compauth_finding> compauth;
};

/// One recipient of a bounce with its own outcome (a bounce may list several).
struct bounce_recipient_report {
  std::string address;
  std::string action;  ///< "failed", "delayed", "delivered", ... or "".
  std::optional<int> reply_code;
  std::optional<std::string> status;
  std::string category;
  std::string diagnostic;
};

struct bounce_report {
  std::optional<int> reply_code;
  std::optional<std::string> status;
  bool permanent = true;
  std::string category = "undetermined";
  std::optional<std::string> provider;
  /// How the report names the provider ("Microsoft" for "microsoft");
  /// additive to schema 1.
  std::optional<std::string> provider_name;
  std::string diagnostic;
  std::optional<std::string> recipient;
  std::optional<std::string> reporting_mta;
  std::optional<std::string> remote_mta;
  // Added by issue 5 (not in schema 1's list, additive):
  std::optional<std::string> action;     ///< RFC 3464 action of the first recipient.
  std::string confidence = "possible";   ///< How sure the category is.
  bool by_text = false;                  ///< Whether the server's words decided the category.
  std::optional<std::string> matched;    ///< The pattern or code that decided it.
  std::optional<std::string> blocklist;  ///< The block list the reply names.
  std::string layout;                    ///< "rfc3464", "microsoft", "postfix", "bare", ...
  std::vector<bounce_recipient_report> recipients;
};

/// A header field as the report lists it.
struct header_entry {
  std::string name;
  std::string value;  ///< Unfolded value as written (encoded words kept).
  std::size_t index = 0;
  std::string explanation;  ///< One line from core/data/header_names.tsv, or "".
  std::string raw;          ///< The field as written, folding kept (line ends as LF).
  std::string decoded;      ///< `value` with RFC 2047 encoded words decoded.
  /// Encoded words left for the page's TextDecoder (East Asian charsets).
  std::vector<pending_word> pending;
  bool valid_utf8 = true;  ///< False when the field holds 8-bit bytes that are not UTF-8.
};

/// A mailbox as the report lists it (RFC 5322 §3.4).
struct address_entry {
  std::string name;            ///< Display name, decoded.
  std::string address;         ///< local@domain, domain in A-label form.
  std::string domain;          ///< A-label form, lowercased.
  std::string domain_unicode;  ///< For display.
  std::string group;           ///< Group name, or "".
};

/// What the message says about itself: decoded Subject, addresses, Date,
/// and how it was pasted (with Gmail's summary table when present).
struct message_summary {
  std::string format = "plain";  ///< See paste_format.
  std::vector<summary_row> summary;
  std::optional<std::string> subject;
  std::vector<address_entry> from, sender, reply_to, to, cc;
  std::optional<std::string> date;  ///< ISO 8601 UTC.
  std::optional<std::string> message_id;
  /// Charsets of encoded words the core left for the page to decode.
  std::vector<std::string> left_encoded;
};

/// One decoded field of an antispam header (see antispam.h).
struct antispam_field {
  std::string name;         ///< As the header writes it: "SCL", "CAT", "BAYES_99".
  std::string value;        ///< The raw value ("" when the field has none).
  std::string meaning;      ///< Plain English; says so when the value is undocumented.
  bool documented = false;  ///< The vendor documents this value.
  /// "documented", "observed" (reported, not documented by the vendor),
  /// "undocumented" (the vendor does not say), or "unknown" (a scoring
  /// engine's test this tool's table does not describe).
  std::string basis;
  bool drove_verdict = false;  ///< This field explains where the message went.
};

/// One antispam header as the receiving filter wrote it, decoded.
struct antispam_report {
  std::string vendor;     ///< "microsoft", "spamassassin", "rspamd", ...
  std::string header;     ///< The field name as written.
  std::size_t index = 0;  ///< 0-based position in the header block.
  std::string raw;        ///< The unfolded value, unaltered.
  std::vector<antispam_field> fields;
  /// What this filter decided: "junk", "quarantine", "spam", "reject",
  /// "deferred", "flagged" (marked; the policy decides what follows),
  /// "inbox", "not_spam", "allowed" or "unknown" (the header
  /// does not decide anything by itself).
  std::string outcome = "unknown";
  std::string verdict;          ///< One sentence: what this header says happened ("" when nothing).
  std::optional<double> score;  ///< Scoring engines: the message's score.
  std::optional<double> threshold;  ///< Scoring engines: the score at which it counts as spam.
};

struct report {
  static constexpr int kSchema = 1;
  struct {
    input_kind kind = input_kind::empty;
    std::size_t bytes = 0;
    std::vector<warning> warnings;
  } input;
  struct {
    verdict_status status = verdict_status::unknown;
    std::string headline;
    std::string summary;
  } verdict;
  std::optional<bounce_report> bounce;
  std::optional<authentication_report> authentication;
  std::vector<cause> causes;
  std::vector<fix> fixes;
  std::vector<antispam_report> antispam;
  std::vector<header_entry> headers;
  /// The Received route: JSON "hops" and "route".
  mailverdict::route trace;
  /// JSON "message".
  message_summary message;
};

/// The report as JSON (schema 1). Always valid UTF-8: invalid bytes in
/// header text are replaced with U+FFFD. `indent` < 0 gives one line.
std::string to_json(const report& r, int indent = -1);

/// The report as plain text for a terminal or a ticket.
std::string to_text(const report& r);

}  // namespace mailverdict
