/**
 * @file auth_results.cpp
 * @brief Authentication-Results parsing (RFC 8601 §2.2).
 */
#include "mailverdict/auth_results.h"

#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

struct token {
  enum kind_t { word, quoted, semicolon, equals } kind;
  std::string text;
  std::string comment;  // comments seen just before this token
};

// Lexes RFC 8601 §2.2 tokens: words (values, keywords, ptype.property),
// quoted strings (§3.2.4 of RFC 5322), ';' and '='. Comments are gathered
// and attached to the next token; their nesting is counted, not recursed.
std::vector<token> lex(std::string_view v, std::string& trailing_comment) {
  std::vector<token> out;
  std::string pending_comment;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    out.push_back({token::word, std::move(word), std::move(pending_comment)});
    word.clear();
    pending_comment.clear();
  };
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == '(') {
      flush();
      int depth = 1;
      std::string text;
      for (++i; i < v.size(); ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) {
          text += v[++i];
          continue;
        }
        if (v[i] == '(') ++depth;
        if (v[i] == ')' && --depth == 0) break;
        text += v[i];
      }
      if (!pending_comment.empty()) pending_comment += ' ';
      pending_comment += internal::trim(text);
    } else if (c == '"') {
      flush();
      std::string q;
      for (++i; i < v.size() && v[i] != '"'; ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) ++i;
        q += v[i];
      }
      out.push_back({token::quoted, std::move(q), std::move(pending_comment)});
      pending_comment.clear();
    } else if (c == ';' || c == '=') {
      flush();
      out.push_back({c == ';' ? token::semicolon : token::equals, std::string(1, c),
                     std::move(pending_comment)});
      pending_comment.clear();
    } else if (internal::is_space(c)) {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  trailing_comment = std::move(pending_comment);
  return out;
}

bool is_value(const token& t) { return t.kind == token::word || t.kind == token::quoted; }

void add_comment(auth_method_result& r, const std::string& c) {
  if (c.empty()) return;
  if (!r.comment.empty()) r.comment += ' ';
  r.comment += c;
}

}  // namespace

std::string_view auth_method_result::get(std::string_view key) const {
  const std::size_t dot = key.find('.');
  const std::string_view ptype = dot == std::string_view::npos ? std::string_view{} : key.substr(0, dot);
  const std::string_view prop = dot == std::string_view::npos ? key : key.substr(dot + 1);
  for (const auto& p : properties) {
    if (internal::iequals(p.ptype, ptype) && internal::iequals(p.property, prop)) return p.value;
  }
  return {};
}

result<auth_results> parse_auth_results(std::string_view value) {
  std::string trailing;
  const std::vector<token> t = lex(value, trailing);
  if (t.empty()) return parse_error{error_code::empty, "The Authentication-Results field is empty."};

  auth_results out;
  std::size_t i = 0;
  // authserv-id [CFWS authres-version]; absent when the field starts with
  // "method=result" (Microsoft 365 writes it so).
  const bool starts_with_method = t.size() > 1 && t[0].kind == token::word && t[1].kind == token::equals;
  if (!starts_with_method) {
    if (!is_value(t[0])) {
      return parse_error{error_code::syntax, "Authentication-Results must start with the server's name."};
    }
    out.authserv_id = internal::lower(t[0].text);
    i = 1;
    if (i < t.size() && t[i].kind == token::word && internal::is_digit(t[i].text[0])) {
      bool digits = true;
      for (char c : t[i].text) digits = digits && internal::is_digit(c);
      if (!digits) return parse_error{error_code::syntax, "The authres-version must be a number."};
      out.version = t[i++].text;
    }
    if (i < t.size() && t[i].kind == token::word && internal::iequals(t[i].text, "none")) {
      out.none = true;
      ++i;
    }
    if (i == t.size()) {
      if (!out.none) {
        return parse_error{error_code::missing_part,
                     "Authentication-Results names a server but gives no results."};
      }
      return out;
    }
    if (t[i].kind != token::semicolon) {
      return parse_error{error_code::syntax, "Expected ';' after the server name \"" + out.authserv_id + "\"."};
    }
  }

  auth_method_result* current = nullptr;
  while (i < t.size()) {
    if (t[i].kind == token::semicolon) {
      ++i;
      current = nullptr;
      continue;
    }
    // Every remaining item is "key = value".
    if (!(t[i].kind == token::word && i + 2 < t.size() && t[i + 1].kind == token::equals &&
          is_value(t[i + 2]))) {
      if (t[i].kind == token::word && internal::iequals(t[i].text, "none") && out.results.empty()) {
        out.none = true;  // RFC 8601 no-result after a ';'
        ++i;
        continue;
      }
      return parse_error{error_code::syntax, "Could not read \"" + t[i].text +
                                           "\" as method=result or property=value."};
    }
    const std::string key = internal::lower(t[i].text);
    const std::string& val = t[i + 2].text;
    const std::string comment = t[i].comment + (t[i + 1].comment.empty() ? "" : " " + t[i + 1].comment);
    const std::string& after = (i + 3 < t.size()) ? t[i + 3].comment : trailing;
    i += 3;
    const std::size_t dot = key.find('.');
    if (current == nullptr) {
      // methodspec: method[/version] = result (RFC 8601 §2.2)
      if (dot != std::string::npos) {
        return parse_error{error_code::syntax, "Expected a method name before \"" + key + "\"."};
      }
      auth_method_result r;
      const std::size_t slash = key.find('/');
      r.method = key.substr(0, slash);
      if (slash != std::string::npos) r.version = key.substr(slash + 1);
      r.result = internal::lower(val);
      add_comment(r, comment);
      add_comment(r, after);
      out.results.push_back(std::move(r));
      current = &out.results.back();
      continue;
    }
    if (key == "reason") {
      current->reason = val;
    } else if (dot != std::string::npos) {
      current->properties.push_back({key.substr(0, dot), key.substr(dot + 1), val});
    } else {
      // A bare key=value inside a resinfo: Microsoft's action=, or a missing ';'
      // before the next method. RFC 8601 has no such form; keep it as a property.
      current->properties.push_back({"", key, val});
    }
    add_comment(*current, after);
  }
  if (out.results.empty() && !out.none) {
    return parse_error{error_code::missing_part, "Authentication-Results holds no results."};
  }
  return out;
}

}  // namespace mailverdict
