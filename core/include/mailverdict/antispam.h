/**
 * @file antispam.h
 * @brief Antispam verdicts: the headers receiving filters write, decoded
 * field by field, and why a delivered message landed in Junk or quarantine.
 *
 * Microsoft 365 / Exchange Online (X-Forefront-Antispam-Report,
 * X-Microsoft-Antispam, X-Microsoft-Antispam-Mailbox-Delivery,
 * X-MS-Exchange-Organization-*, compauth in Authentication-Results),
 * SpamAssassin (X-Spam-Status, X-Spam-Report, X-Spam-Flag), Rspamd
 * (X-Spamd-Result, X-Rspamd-*), Proofpoint, Mimecast, Barracuda, Cisco,
 * Gmail and Yahoo. What each value means is data (core/data/antispam_fields.tsv
 * and core/data/spam_tests.tsv); a value the vendor does not document is shown
 * raw and marked undocumented, never guessed.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/authentication.h"
#include "mailverdict/message.h"
#include "mailverdict/report.h"

namespace mailverdict {

/// A name and value as an antispam header writes them, before decoding.
struct antispam_pair {
  std::string name;
  std::string value;
};

/// Splits Microsoft's `NAME:value;NAME:value;` lists (X-Forefront-Antispam-Report,
/// X-Microsoft-Antispam, X-Microsoft-Antispam-Mailbox-Delivery). The value is
/// everything after the first colon (IPv6 addresses keep theirs); white space
/// around names and values is dropped; empty items are skipped. Linear.
std::vector<antispam_pair> split_microsoft_fields(std::string_view value);

/// The meaning of `name`=`value` in `vendor`'s `header`, from
/// core/data/antispam_fields.tsv: an exact value row, else a prefix row, else
/// an any-value row; for a value the table does not know, the field's general
/// meaning and a note that the value is undocumented.
antispam_field decode_antispam_field(std::string_view vendor, std::string_view header,
                                     std::string_view name, std::string_view value);

/// One decoded header with, per field, what it tells the diagnosis.
struct antispam_decoded {
  antispam_report entry;
  std::vector<std::string>
      signals;                      ///< Parallel to entry.fields ("junk", "spoof", ...; "" = none).
  std::vector<std::string> shorts;  ///< Parallel to entry.fields: words for the verdict sentence.
};

/// Decodes `field` when it is an antispam header this library reads; nullopt
/// for any other field. Never fails on odd values: what cannot be read is
/// kept raw.
std::optional<antispam_decoded> decode_antispam_header(const header_field& field);

/// Every antispam header of a header block, decoded, top to bottom, plus the
/// compauth verdict of the trusted Authentication-Results.
struct antispam_assessment {
  std::vector<antispam_decoded> headers;
};

/// Decodes the antispam headers of `block`. The compauth result and reason
/// come from the Authentication-Results that `auth` trusted.
antispam_assessment assess_antispam(const header_block& block, const auth_assessment& auth);

/// Adds the antispam findings to `out`: report.antispam, the filtering
/// causes and their fixes, and, when the message was delivered but filtered
/// (Junk, quarantine, spam) or rejected by a filter, a verdict that says so
/// and why. Runs after the authentication diagnosis and keeps its causes.
void diagnose_antispam(const antispam_assessment& spam, const auth_assessment& auth, report& out);

}  // namespace mailverdict
