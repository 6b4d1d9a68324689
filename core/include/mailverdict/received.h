/**
 * @file received.h
 * @brief One Received trace field (RFC 5321 §4.4), as servers really write
 * it.
 *
 * RFC 5321 §4.4 grammar:
 *
 *     Stamp = From-domain By-domain Opt-info [CFWS] ";" FWS date-time
 *     From-domain = "FROM" FWS Extended-Domain
 *     By-domain = CFWS "BY" FWS Extended-Domain
 *     Extended-Domain = Domain / ( Domain FWS "(" TCP-info ")" ) /
 *                       ( address-literal FWS "(" TCP-info ")" )
 *     Opt-info = [Via] [With] [ID] [For] [Additional-Registered-Clauses]
 *
 * Real servers add their own comments (TLS version and cipher, helo=,
 * envelope-from, software names), leave clauses out, repeat them, write
 * "with Microsoft SMTP Server (version=..., cipher=...)", or omit the ";"
 * before the date (SendGrid). The parser reads clauses in any order and
 * never fails: what it cannot read is reported in `warnings`.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/date.h"
#include "mailverdict/errors.h"

namespace mailverdict {

/// A parsed Received field value.
struct received {
  // ---- from: the client that handed the message over ----
  std::string from;          ///< The name or literal written after "from" (brackets removed).
  std::string helo;          ///< The HELO/EHLO name: `helo=` when written, else `from`.
  std::string rdns;          ///< The client's reverse-DNS name, when the server wrote one.
  std::string ip;            ///< The client's IP address ("" when not written).
  std::string from_comment;  ///< The comment after the from name, as written.
  // ---- by: the server that wrote this field ----
  std::string by;          ///< The receiving host's name as written.
  std::string by_ip;       ///< Its IP address, when written in its comment.
  std::string by_comment;  ///< The comment after the by name ("Postfix", "SG", ...).
  // ---- options ----
  std::string via;            ///< The via clause (link type), rarely used.
  std::string with;           ///< Protocol: "ESMTPS", "LMTP", "Microsoft SMTP Server", ...
  std::string id;             ///< The receiving server's queue or message id.
  std::string for_address;    ///< The recipient of the for clause, without angle brackets.
  std::string envelope_from;  ///< The envelope sender, from an "envelope-from" comment.
  std::optional<bool> tls;    ///< Whether the hop used TLS; nullopt when the field does not say.
  std::string tls_version;    ///< "TLS1_2", "TLSv1.3", ... when written.
  std::string tls_cipher;     ///< The cipher suite when written.
  std::optional<bool> authenticated;  ///< SMTP AUTH used (ESMTPA, ESMTPSA, RFC 3848).
  bool local = false;  ///< A delivery step inside one server (LMTP, local, mapi, ...).
  // ---- time ----
  std::optional<date_time> date;  ///< The timestamp, when it could be read.
  std::string date_text;          ///< The text the timestamp was read from.
  std::vector<warning> warnings;
};

/// Parses a Received field value (the text after "Received:"). Never fails;
/// an empty or unreadable value gives an empty struct with warnings. Linear
/// in the input; comments nest by counter, not recursion.
received parse_received(std::string_view value);

}  // namespace mailverdict
