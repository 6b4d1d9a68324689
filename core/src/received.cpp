/**
 * @file received.cpp
 * @brief Received trace fields (RFC 5321 §4.4) as real servers write them.
 */
#include "mailverdict/received.h"

#include "mailverdict/data/received_protocols.h"
#include "mailverdict/internal/ip.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

using internal::iequals;
using internal::is_space;

struct token {
  enum kind_t { word, comment, semicolon } kind;
  std::string_view text;  ///< For a comment: its content without the outer parentheses.
  std::size_t offset;     ///< Where the token starts in the value.
};

// Splits a Received value into words, comments and semicolons. Comments
// nest (RFC 5322 §3.2.2); nesting is tracked by a counter.
std::vector<token> tokenize(std::string_view v) {
  std::vector<token> out;
  out.reserve(v.size() / 6 + 8);  // a token and its space average well over six bytes
  std::size_t i = 0;
  while (i < v.size()) {
    const char c = v[i];
    if (is_space(c)) {
      ++i;
    } else if (c == ';') {
      out.push_back({token::semicolon, v.substr(i, 1), i});
      ++i;
    } else if (c == '(') {
      const std::size_t start = i;
      int depth = 0;
      for (; i < v.size(); ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) {
          ++i;
        } else if (v[i] == '(') {
          ++depth;
        } else if (v[i] == ')' && --depth == 0) {
          break;
        }
      }
      const std::size_t end = i < v.size() ? i : v.size();
      out.push_back({token::comment, v.substr(start + 1, end - start - 1), start});
      if (i < v.size()) ++i;
    } else {
      const std::size_t start = i;
      while (i < v.size() && !is_space(v[i]) && v[i] != ';' && v[i] != '(') ++i;
      out.push_back({token::word, v.substr(start, i - start), start});
    }
  }
  return out;
}

enum class clause { none, from, by, via, with, id, for_, skip };

clause keyword(std::string_view w) {
  if (iequals(w, "from")) return clause::from;
  if (iequals(w, "by")) return clause::by;
  if (iequals(w, "via")) return clause::via;
  if (iequals(w, "with")) return clause::with;
  if (iequals(w, "id")) return clause::id;
  if (iequals(w, "for")) return clause::for_;
  return clause::none;
}

const char* clause_name(clause c) {
  switch (c) {
    case clause::from:
      return "from";
    case clause::by:
      return "by";
    case clause::via:
      return "via";
    case clause::with:
      return "with";
    case clause::id:
      return "id";
    case clause::for_:
      return "for";
    default:
      return "";
  }
}

// Splits comment text into words at white space, commas and semicolons.
std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  out.reserve(s.size() / 6 + 4);
  std::size_t i = 0;
  auto sep = [](char c) { return is_space(c) || c == ',' || c == ';' || c == '(' || c == ')'; };
  while (i < s.size()) {
    while (i < s.size() && sep(s[i])) ++i;
    const std::size_t start = i;
    while (i < s.size() && !sep(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::string_view strip_angles(std::string_view s) {
  s = internal::trim(s);
  if (!s.empty() && s.front() == '<') s.remove_prefix(1);
  if (!s.empty() && s.back() == '>') s.remove_suffix(1);
  return s;
}

std::string host_name(std::string_view w) {
  w = internal::trim(w);
  if (w.size() > 1 && w.back() == '.') w.remove_suffix(1);
  return std::string(w);
}

// A plausible host name: letters, digits, '-', '.', '_' and at least one dot.
bool is_host_name(std::string_view w) {
  if (w.size() < 3 || w.find('.') == std::string_view::npos) return false;
  bool alpha = false;
  for (char c : w) {
    if (internal::is_alpha(c))
      alpha = true;
    else if (!internal::is_digit(c) && c != '-' && c != '.' && c != '_')
      return false;
  }
  return alpha;
}

// TCP-info of the from clause (RFC 5321 §4.4), and the extras servers add:
// "rdns [ip]", "[ip] helo=name", "HELO name", "may be forged".
void read_from_comment(std::string_view comment, received& r) {
  const std::vector<std::string_view> w = words_of(comment);
  for (std::size_t k = 0; k < w.size(); ++k) {
    const std::string_view word = w[k];
    if (internal::istarts_with(word, "helo=") || internal::istarts_with(word, "ehlo=")) {
      if (r.helo.empty()) r.helo = host_name(word.substr(5));
      continue;
    }
    if ((iequals(word, "helo") || iequals(word, "ehlo")) && k + 1 < w.size()) {
      if (r.helo.empty()) r.helo = host_name(w[k + 1]);
      ++k;
      continue;
    }
    if (iequals(word, "forged")) {
      r.warnings.push_back({"may_be_forged",
                            "The receiving server noted that the client's name may be forged (its "
                            "reverse DNS does not match)."});
      continue;
    }
    if (word.find('=') != std::string_view::npos) continue;  // port=, ident=, ...
    if (const std::string ip = internal::ip_of(word); !ip.empty()) {
      if (r.ip.empty()) r.ip = ip;
      continue;
    }
    const std::string name = host_name(word);
    if (r.rdns.empty() && is_host_name(name)) r.rdns = name;
  }
}

// TLS details in a comment: "version=TLS1_2 cipher=..." (Gmail, sendmail,
// Microsoft), "using TLSv1.3 with cipher X" (Postfix), "TLS1.2" or
// "TLSv1.2:CIPHER:256" (Exim), "Google Transport Security".
bool read_tls(std::string_view comment, received& r) {
  bool found = false;
  if (internal::icontains(comment, "Transport Security")) found = true;
  const std::vector<std::string_view> w = words_of(comment);
  for (std::size_t k = 0; k < w.size(); ++k) {
    std::string_view word = w[k];
    if (internal::istarts_with(word, "version=")) {
      if (r.tls_version.empty()) r.tls_version = std::string(word.substr(8));
      found = true;
    } else if (internal::istarts_with(word, "cipher=")) {
      if (r.tls_cipher.empty()) r.tls_cipher = std::string(word.substr(7));
      found = true;
    } else if (iequals(word, "cipher") && k + 1 < w.size()) {
      if (r.tls_cipher.empty()) r.tls_cipher = std::string(w[k + 1]);
      found = true;
      ++k;
    } else if ((internal::istarts_with(word, "TLS") || internal::istarts_with(word, "SSL")) &&
               word.size() > 3 &&
               (internal::is_digit(word[3]) || word[3] == 'v' || word[3] == 'V')) {
      const std::size_t colon = word.find(':');
      if (r.tls_version.empty()) r.tls_version = std::string(word.substr(0, colon));
      if (colon != std::string_view::npos && r.tls_cipher.empty()) {
        const std::string_view rest = word.substr(colon + 1);
        r.tls_cipher = std::string(rest.substr(0, rest.find(':')));
      }
      found = true;
    }
  }
  return found;
}

// "envelope-from <a@b>" (Exim, PowerMTA, sendmail) or "envelope-sender".
void read_envelope_from(std::string_view comment, received& r) {
  const std::vector<std::string_view> w = words_of(comment);
  for (std::size_t k = 0; k + 1 < w.size(); ++k) {
    if (iequals(w[k], "envelope-from") || iequals(w[k], "envelope-sender")) {
      if (r.envelope_from.empty()) r.envelope_from = std::string(strip_angles(w[k + 1]));
      return;
    }
  }
}

const data::received_protocols_row* protocol_row(std::string_view with) {
  for (const auto& row : data::received_protocols()) {
    if (iequals(row.protocol, with)) return &row;
  }
  return nullptr;
}

// The first word of the timestamp when there is no ";" before it (SendGrid,
// broken servers): the first word not taken as a clause value that starts a
// readable date with a time of day. At most a few candidates are tried, so
// the work stays linear.
std::size_t find_unmarked_date(const std::vector<token>& t, std::string_view v, received& r) {
  int tries = 0;
  for (std::size_t k = 0; k < t.size() && tries < 8; ++k) {
    if (t[k].kind != token::word || !starts_like_date(t[k].text)) continue;
    if (k > 0 && t[k - 1].kind == token::word) {
      const clause prev = keyword(t[k - 1].text);
      if (prev != clause::none && prev != clause::with && prev != clause::via) continue;
    }
    ++tries;
    auto d = parse_date(v.substr(t[k].offset));
    if (d && d->has_time) {
      r.date = *d;
      r.date_text = std::string(internal::trim(v.substr(t[k].offset)));
      return k;
    }
  }
  return t.size();
}

}  // namespace

received parse_received(std::string_view value) {
  received r;
  value = internal::trim(value);
  if (value.empty()) {
    r.warnings.push_back({"empty_received", "The Received field is empty."});
    return r;
  }
  const std::vector<token> t = tokenize(value);

  // RFC 5321 §4.4: the timestamp follows the last ";".
  std::size_t end = t.size();
  for (std::size_t k = t.size(); k-- > 0;) {
    if (t[k].kind == token::semicolon) {
      end = k;
      break;
    }
  }
  if (end < t.size()) {
    r.date_text = std::string(internal::trim(value.substr(t[end].offset + 1)));
    if (!r.date_text.empty()) {
      auto d = parse_date(r.date_text);
      if (d) {
        r.date = *d;
      } else {
        r.warnings.push_back({"unreadable_date", "The timestamp \"" + r.date_text.substr(0, 80) +
                                                     "\" could not be read: " + d.error().message +
                                                     "."});
      }
    }
  } else {
    end = find_unmarked_date(t, value, r);
    if (r.date) {
      r.warnings.push_back({"missing_semicolon",
                            "The timestamp is not separated by \";\" (RFC 5321 §4.4); it was read "
                            "anyway."});
    }
  }

  clause current = clause::none;
  bool have[8] = {};
  bool taken_value = false;
  std::string stray;
  std::vector<std::string_view> with_extra;
  auto append = [](std::string& s, std::string_view w) {
    if (!s.empty()) s += ' ';
    s += w;
  };
  for (std::size_t k = 0; k < end; ++k) {
    const token& tok = t[k];
    if (tok.kind == token::semicolon) {
      current = clause::skip;
      continue;
    }
    if (tok.kind == token::comment) {
      if (current == clause::from) {
        if (!r.from_comment.empty()) r.from_comment += ' ';
        r.from_comment += tok.text;
        // Postfix writes its TLS details in a second comment of the from
        // clause; those are read below, not as TCP-info.
        if (!internal::icontains(tok.text, "cipher") && !internal::icontains(tok.text, "TLS")) {
          read_from_comment(tok.text, r);
        }
      } else if (current == clause::by) {
        if (!r.by_comment.empty()) r.by_comment += ' ';
        r.by_comment += tok.text;
        for (std::string_view w : words_of(tok.text)) {
          if (r.by_ip.empty()) r.by_ip = internal::ip_of(w);
        }
      }
      continue;
    }
    const clause kw = keyword(tok.text);
    if (kw != clause::none && k + 1 < end) {
      const auto slot = static_cast<std::size_t>(kw);
      if (have[slot]) {
        r.warnings.push_back({"duplicate_clause", std::string("The \"") + clause_name(kw) +
                                                      "\" clause appears more than once; the "
                                                      "first one was used."});
        current = clause::skip;
      } else {
        have[slot] = true;
        current = kw;
      }
      taken_value = false;
      continue;
    }
    const std::string_view w = tok.text;
    switch (current) {
      case clause::from:
        if (!taken_value) {
          r.from = host_name(w);
          if (r.from.size() > 1 && r.from.front() == '[' && r.from.back() == ']') {
            r.from = r.from.substr(1, r.from.size() - 2);
          }
        }
        break;
      case clause::by:
        if (!taken_value) r.by = host_name(w);
        break;
      case clause::via:
        append(r.via, w);
        break;
      case clause::with:
        if (!taken_value) {
          append(r.with, w);
        } else {
          with_extra.push_back(w);
        }
        break;
      case clause::id:
        if (!taken_value) r.id = std::string(strip_angles(w));
        break;
      case clause::for_:
        if (!taken_value) r.for_address = std::string(strip_angles(w));
        break;
      case clause::none:
        append(stray, w);
        break;
      case clause::skip:
        break;
    }
    taken_value = current != clause::via && current != clause::with && current != clause::none;
    if (current == clause::with) {
      // "with Microsoft SMTP Server": keep reading words unless the first
      // one is already a registered protocol name.
      taken_value = protocol_row(r.with) != nullptr;
    }
  }

  // Words after a registered protocol name: Exim's "tls CIPHER".
  for (std::size_t k = 0; k + 1 < with_extra.size(); ++k) {
    if (iequals(with_extra[k], "tls") && r.tls_cipher.empty())
      r.tls_cipher = std::string(with_extra[k + 1]);
  }
  if (r.for_address == "multiple") r.for_address.clear();  // "for multiple recipients"

  // Comments anywhere (also after the date: PowerMTA) carry TLS details and
  // the envelope sender.
  bool tls_seen = !r.tls_cipher.empty();
  for (const token& tok : t) {
    if (tok.kind != token::comment) continue;
    tls_seen = read_tls(tok.text, r) || tls_seen;
    read_envelope_from(tok.text, r);
    if (internal::icontains(tok.text, "Authenticated sender")) r.authenticated = true;
  }

  // The from name, the helo and the IP.
  if (r.ip.empty()) r.ip = internal::ip_of(r.from);
  if (r.helo.empty()) {
    r.helo = r.from;
  } else if (r.rdns.empty() && is_host_name(r.from) && r.from != r.helo) {
    r.rdns = r.from;  // Exim: "from rdns ([ip] helo=name)"
  }
  if (internal::iequals(r.rdns, "unknown")) r.rdns.clear();
  if (r.by_ip.empty()) r.by_ip = internal::ip_of(r.by);

  // RFC 3848 protocol names say whether TLS and AUTH were used.
  if (const auto* row = protocol_row(r.with)) {
    if (row->tls == "yes") r.tls = true;
    if (row->tls == "no") r.tls = false;
    if (row->auth == "yes") r.authenticated = true;
    if (!r.authenticated && row->auth == "no") r.authenticated = false;
    r.local = row->local == "yes";
  } else if (!r.with.empty()) {
    const auto* first = protocol_row(r.with.substr(0, r.with.find(' ')));
    if (first != nullptr && first->tls == "yes") r.tls = true;
  }
  if (tls_seen) r.tls = true;

  if (!stray.empty()) {
    r.warnings.push_back(
        {"unexpected_text", "Text outside the from/by/with/id/for clauses was not understood: \"" +
                                stray.substr(0, 80) + "\"."});
  }
  if (!r.date && r.date_text.empty()) {
    r.warnings.push_back({"no_date", "The Received field has no timestamp."});
  }
  return r;
}

}  // namespace mailverdict
