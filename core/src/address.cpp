/**
 * @file address.cpp
 * @brief Address lists (RFC 5322 §3.4), tolerant of what real mail holds.
 */
#include "mailverdict/address.h"

#include "mailverdict/domain.h"
#include "mailverdict/encoded_words.h"
#include "mailverdict/idna.h"
#include "mailverdict/internal/text.h"
#include "mailverdict/message.h"

namespace mailverdict {

namespace {

// Splits `value` into the tokens that matter for mailboxes, setting comments
// apart (nesting tracked with a counter, not recursion) and keeping quoted
// strings whole. Separators ',' ';' ':' '<' '>' are their own tokens.
struct token {
  enum kind_t { word, quoted, special, comment } kind;
  std::string text;
};

struct tokenized {
  std::vector<token> tokens;
  bool unbalanced = false;
};

tokenized tokenize(std::string_view v) {
  tokenized out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.tokens.push_back({token::word, std::move(word)});
    word.clear();
  };
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == '(') {  // RFC 5322 §3.2.2 comment; may nest
      flush();
      int depth = 1;
      std::string text;
      for (++i; i < v.size() && depth > 0; ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) {
          text += v[++i];
          continue;
        }
        if (v[i] == '(') ++depth;
        if (v[i] == ')' && --depth == 0) break;
        text += v[i];
      }
      if (depth > 0) out.unbalanced = true;
      out.tokens.push_back({token::comment, std::move(text)});
      if (i >= v.size()) break;
    } else if (c == '"') {  // §3.2.4 quoted-string
      flush();
      std::string q;
      for (++i; i < v.size() && v[i] != '"'; ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) ++i;
        q += v[i];
      }
      if (i >= v.size()) out.unbalanced = true;
      out.tokens.push_back({token::quoted, std::move(q)});
    } else if (c == ',' || c == ';' || c == ':' || c == '<' || c == '>') {
      flush();
      out.tokens.push_back({token::special, std::string(1, c)});
    } else if (internal::is_space(c)) {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

bool is_special(const token& t, char c) { return t.kind == token::special && t.text[0] == c; }

mailbox make_mailbox(std::string_view addr, std::string display, std::string comment,
                     const std::string& group) {
  mailbox m;
  m.display_name_raw = display;
  m.display_name =
      display.find("=?") != std::string::npos ? decode_encoded_words(display).text : display;
  m.comment = std::move(comment);
  m.group = group;
  const std::size_t at = addr.rfind('@');
  if (at == std::string_view::npos) {
    m.local_part = std::string(addr);
  } else {
    m.local_part = std::string(addr.substr(0, at));
    m.domain = normalize_domain(addr.substr(at + 1));
    if (m.domain.empty()) m.domain = internal::lower(addr.substr(at + 1));
    m.domain_unicode = domain_to_unicode(m.domain);
  }
  return m;
}

}  // namespace

address_list parse_address_list(std::string_view value) {
  address_list out;
  const tokenized tk = tokenize(value);
  const std::vector<token>& toks = tk.tokens;
  std::string display;  // words seen since the last separator
  std::string comment;  // comments seen since the last separator
  std::string bare;     // an addr-spec written without angle brackets
  std::string group;    // the open group's name
  bool angle_unclosed = false;
  auto add_word = [&](const std::string& w) {
    if (!display.empty()) display += ' ';
    display += w;
  };
  auto add_comment = [&](const std::string& c) {
    if (!comment.empty()) comment += ' ';
    comment += c;
  };
  auto emit_bare = [&] {
    if (!bare.empty() && bare.find('@') != std::string::npos) {
      out.mailboxes.push_back(make_mailbox(bare, "", comment, group));
      // A comment after a bare address is its display name in practice:
      // "a@b.example (Alice)".
      if (!comment.empty()) out.mailboxes.back().display_name = comment;
    }
    bare.clear();
    comment.clear();
  };
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const token& t = toks[i];
    if (t.kind == token::comment) {
      add_comment(t.text);
    } else if (is_special(t, '<')) {
      std::string addr;
      bool closed = false;
      for (++i; i < toks.size(); ++i) {
        if (is_special(toks[i], '>')) {
          closed = true;
          break;
        }
        if (is_special(toks[i], ':')) {
          addr.clear();  // §4.4 obs-route: "<@a.example,@b.example:user@c.example>"
        } else if (toks[i].kind == token::quoted) {
          addr += "\"" + toks[i].text + "\"";
        } else if (toks[i].kind == token::word) {
          addr += toks[i].text;
        }
      }
      if (!closed) angle_unclosed = true;
      // Comments after the closing bracket belong to this mailbox.
      while (i + 1 < toks.size() && toks[i + 1].kind == token::comment) add_comment(toks[++i].text);
      if (!addr.empty()) out.mailboxes.push_back(make_mailbox(addr, display, comment, group));
      display.clear();
      comment.clear();
      bare.clear();
    } else if (t.kind == token::special) {
      if (t.text == ":") {  // §3.4 group = display-name ":" [group-list] ";"
        group = display;
        out.groups.push_back(group);
        display.clear();
        bare.clear();
        comment.clear();
        continue;
      }
      emit_bare();
      if (t.text == ";") group.clear();
      display.clear();
    } else {
      add_word(t.text);
      bare = t.kind == token::quoted ? "\"" + t.text + "\"" : t.text;
      // "local@domain" possibly split by a quoted local part: "a b"@x.example
      if (t.kind == token::quoted && i + 1 < toks.size() && toks[i + 1].kind == token::word &&
          !toks[i + 1].text.empty() && toks[i + 1].text[0] == '@') {
        bare += toks[++i].text;
      }
    }
  }
  emit_bare();

  if (tk.unbalanced || angle_unclosed) {
    out.warnings.push_back({"unbalanced_address",
                            "An unclosed quote, comment or angle bracket was found in the address "
                            "field; the addresses were read as far as possible."});
  }
  for (const mailbox& m : out.mailboxes) {
    if (m.domain.empty()) {
      out.warnings.push_back(
          {"address_without_domain",
           "The address \"" + m.local_part.substr(0, 80) + "\" has no domain (no \"@domain\")."});
      break;
    }
  }
  return out;
}

std::vector<mailbox> parse_mailboxes(std::string_view value) {
  return parse_address_list(value).mailboxes;
}

std::vector<warning> check_originator(const header_block& block) {
  std::vector<warning> out;
  const std::vector<const header_field*> from = block.all("From");
  if (from.empty()) {
    out.push_back({"missing_from",
                   "The headers have no From: field, which every message must have (RFC 5322 "
                   "§3.6). DMARC cannot be evaluated without it, and many receivers reject such "
                   "mail."});
    return out;
  }
  if (from.size() > 1) {
    out.push_back(
        {"several_from_fields",
         "The headers hold " + std::to_string(from.size()) +
             " From: fields; RFC 5322 §3.6 allows one, and DMARC receivers usually reject "
             "such mail (RFC 7489 §6.6.1)."});
  }
  const address_list list = parse_address_list(from.front()->value);
  if (list.mailboxes.empty()) {
    out.push_back({"unreadable_from", "The From: field \"" + from.front()->value.substr(0, 80) +
                                          "\" holds no readable address."});
  } else if (list.mailboxes.size() > 1 && block.first("Sender") == nullptr) {
    out.push_back({"several_from_without_sender",
                   "From: lists several authors but there is no Sender: field naming the one who "
                   "sent it (RFC 5322 §3.6.2)."});
  }
  for (const warning& w : list.warnings) out.push_back(w);
  return out;
}

}  // namespace mailverdict
