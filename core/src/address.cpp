/**
 * @file address.cpp
 * @brief Address lists (RFC 5322 §3.4), tolerant of what real mail holds.
 */
#include "mailverdict/address.h"

#include "mailverdict/domain.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

// Splits `value` into the tokens that matter for mailboxes, dropping
// comments (nesting tracked with a counter, not recursion) and keeping
// quoted strings whole. Separators ',' ';' ':' '<' '>' are their own tokens.
struct token {
  enum kind_t { word, quoted, special } kind;
  std::string text;
};

std::vector<token> tokenize(std::string_view v) {
  std::vector<token> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back({token::word, std::move(word)});
    word.clear();
  };
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == '(') {  // RFC 5322 §3.2.2 comment; may nest
      flush();
      int depth = 1;
      for (++i; i < v.size() && depth > 0; ++i) {
        if (v[i] == '\\') ++i;
        else if (v[i] == '(') ++depth;
        else if (v[i] == ')') --depth;
      }
      --i;
    } else if (c == '"') {  // §3.2.4 quoted-string
      flush();
      std::string q;
      for (++i; i < v.size() && v[i] != '"'; ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) ++i;
        q += v[i];
      }
      out.push_back({token::quoted, std::move(q)});
    } else if (c == ',' || c == ';' || c == ':' || c == '<' || c == '>') {
      flush();
      out.push_back({token::special, std::string(1, c)});
    } else if (internal::is_space(c)) {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

mailbox make_mailbox(std::string_view addr, std::string display) {
  mailbox m;
  m.display_name = std::move(display);
  const std::size_t at = addr.rfind('@');
  if (at == std::string_view::npos) {
    m.local_part = std::string(addr);
  } else {
    m.local_part = std::string(addr.substr(0, at));
    m.domain = normalize_domain(addr.substr(at + 1));
    if (m.domain.empty()) m.domain = internal::lower(addr.substr(at + 1));
  }
  return m;
}

}  // namespace

std::vector<mailbox> parse_mailboxes(std::string_view value) {
  std::vector<mailbox> out;
  const std::vector<token> toks = tokenize(value);
  std::string display;   // words seen since the last separator
  std::string bare;      // an addr-spec written without angle brackets
  auto add_word = [&](const std::string& w) {
    if (!display.empty()) display += ' ';
    display += w;
  };
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const token& t = toks[i];
    if (t.kind == token::special && t.text == "<") {
      std::string addr;
      for (++i; i < toks.size() && !(toks[i].kind == token::special && toks[i].text == ">"); ++i) {
        if (toks[i].kind == token::special && toks[i].text == ":") addr.clear();  // obs-route
        else if (toks[i].kind != token::special || toks[i].text == ";") addr += toks[i].text;
      }
      if (!addr.empty()) out.push_back(make_mailbox(addr, display));
      display.clear();
      bare.clear();
    } else if (t.kind == token::special) {
      if (t.text == ":") {  // group name ends; §3.4 group
        display.clear();
      } else if (!bare.empty() && bare.find('@') != std::string::npos) {
        out.push_back(make_mailbox(bare, ""));
      }
      if (t.text != ":") display.clear();
      bare.clear();
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
  if (!bare.empty() && bare.find('@') != std::string::npos) out.push_back(make_mailbox(bare, ""));
  return out;
}

}  // namespace mailverdict
