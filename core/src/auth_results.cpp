/**
 * @file auth_results.cpp
 * @brief Authentication-Results parsing (RFC 8601 §2.2).
 *
 * A single left-to-right pass over the value with a cursor; comments nest
 * (RFC 5322 §3.2.2) and their depth is counted, never recursed.
 */
#include "mailverdict/auth_results.h"

#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

using internal::is_space;

struct cursor {
  std::string_view s;
  std::size_t i = 0;
  std::vector<warning>* notes = nullptr;

  bool done() const { return i >= s.size(); }
  char peek() const { return done() ? '\0' : s[i]; }

  // CFWS (RFC 5322 §3.2.2): white space and comments. Comment text goes to
  // `comments` (separated by a space); nested parentheses stay in the text.
  void skip_cfws(std::string* comments) {
    while (!done()) {
      if (is_space(s[i])) {
        ++i;
        continue;
      }
      if (s[i] != '(') return;
      int depth = 1;
      std::string text;
      for (++i; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size()) {
          text += s[++i];
          continue;
        }
        if (c == '(') ++depth;
        if (c == ')' && --depth == 0) break;
        text += c;
      }
      if (i < s.size()) {
        ++i;  // the closing ')'
      } else if (notes != nullptr) {
        notes->push_back(
            {"authres_unclosed_comment",
             "A comment in Authentication-Results is never closed; it was read to the end."});
      }
      const std::string_view t = internal::trim(text);
      if (comments != nullptr && !t.empty()) {
        if (!comments->empty()) *comments += ' ';
        *comments += t;
      }
    }
  }

  // A keyword, method[/version] or ptype.property: letters, digits and
  // "-_./" (RFC 8601 §2.2 Keyword, ptype, property; RFC 5321 Let-dig).
  std::string_view key() {
    const std::size_t b = i;
    while (!done()) {
      const char c = s[i];
      if (!(internal::is_alpha(c) || internal::is_digit(c) || c == '-' || c == '_' || c == '.' ||
            c == '/'))
        break;
      ++i;
    }
    return s.substr(b, i - b);
  }
};

parse_error error_at(const cursor& c, std::string what) {
  const std::string_view rest = c.s.substr(c.i, 30);
  return parse_error{error_code::syntax,
                     what + (rest.empty() ? " at the end." : " at \"" + std::string(rest) + "\".")};
}

// Characters that end an unquoted value: white space and the delimiters of
// the grammar.
bool ends_value(char c) { return is_space(c) || c == ';' || c == '(' || c == ')' || c == '"'; }

// value = token / quoted-string (RFC 2045 §5.1, RFC 5322 §3.2.4); pvalue also
// allows [local-part "@"] domain-name. Real headers leave base64 ('/', '+',
// '=') unquoted, which is accepted; ':' is not (an IPv6 address must be
// quoted, RFC 8601 §2.2 pvalue).
result<std::string> read_value(cursor& c) {
  std::string out;
  if (c.peek() == '"') {
    ++c.i;
    bool closed = false;
    for (; !c.done(); ++c.i) {
      const char ch = c.s[c.i];
      if (ch == '\\' && c.i + 1 < c.s.size()) {
        out += c.s[++c.i];
        continue;
      }
      if (ch == '"') {
        closed = true;
        ++c.i;
        break;
      }
      out += ch;
    }
    if (!closed) return parse_error{error_code::syntax, "A quoted string is never closed."};
    if (c.peek() != '@') return out;  // "local part"@domain continues below
  }
  const std::size_t b = c.i;
  while (!c.done() && !ends_value(c.s[c.i])) {
    const auto u = static_cast<unsigned char>(c.s[c.i]);
    if (c.s[c.i] == ':') {
      return error_at(
          c, "Unquoted ':' after \"" + std::string(c.s.substr(b, c.i - b)) +
                 "\" (RFC 8601 §2.2: a value holding ':', like an IPv6 address, must be quoted)");
    }
    if (u < 0x21 || u == 0x7f) break;
    ++c.i;
  }
  out += c.s.substr(b, c.i - b);
  if (out.empty()) {
    return parse_error{error_code::syntax, c.done() ? std::string("A value is missing at the end.")
                                                    : "Expected a value before \"" +
                                                          std::string(c.s.substr(c.i, 20)) + "\"."};
  }
  return out;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char ch : s) {
    if (!internal::is_digit(ch)) return false;
  }
  return true;
}

void add_comment(auth_method_result& r, const std::string& c) {
  if (c.empty()) return;
  if (!r.comment.empty()) r.comment += ' ';
  r.comment += c;
}

}  // namespace

std::string_view auth_method_result::get(std::string_view key) const {
  const std::size_t dot = key.find('.');
  const std::string_view ptype =
      dot == std::string_view::npos ? std::string_view{} : key.substr(0, dot);
  const std::string_view prop = dot == std::string_view::npos ? key : key.substr(dot + 1);
  for (const auto& p : properties) {
    if (internal::iequals(p.ptype, ptype) && internal::iequals(p.property, prop)) return p.value;
  }
  return {};
}

const auth_method_result* auth_results::find(std::string_view method) const {
  for (const auto& r : results) {
    if (r.method == method) return &r;
  }
  return nullptr;
}

result<auth_results> parse_auth_results(std::string_view value) {
  auth_results out;
  cursor c{value, 0, &out.warnings};
  c.skip_cfws(nullptr);
  if (c.done()) return parse_error{error_code::empty, "The Authentication-Results field is empty."};

  // authres-payload = [CFWS] authserv-id [CFWS authres-version]
  //                   (no-result / 1*resinfo) [CFWS]        (RFC 8601 §2.2)
  // Microsoft 365 starts directly with "method=result": look ahead.
  {
    cursor look = c;
    look.notes = nullptr;
    const std::string_view k = look.key();
    look.skip_cfws(nullptr);
    out.authserv_id_omitted = !k.empty() && look.peek() == '=';
  }
  if (!out.authserv_id_omitted) {
    auto id = read_value(c);
    if (!id)
      return parse_error{error_code::syntax,
                         "Authentication-Results must start with the server's name."};
    out.authserv_id = internal::lower(id.value());
    c.skip_cfws(nullptr);
    // authres-version = 1*DIGIT
    {
      cursor look = c;
      const std::string_view v = look.key();
      if (all_digits(v) &&
          (look.done() || is_space(look.peek()) || look.peek() == ';' || look.peek() == '(')) {
        out.version = std::string(v);
        c = look;
        c.skip_cfws(nullptr);
      }
    }
    // Before the first ';': "none" (RFC 7001 form) or Yahoo's "from=domain".
    while (!c.done() && c.peek() != ';') {
      const std::string_view k = c.key();
      if (k.empty())
        return error_at(c, "Expected ';' after the server name \"" + out.authserv_id + "\"");
      c.skip_cfws(nullptr);
      if (internal::iequals(k, "none") && c.peek() != '=') {
        out.none = true;
        continue;
      }
      if (c.peek() != '=')
        return error_at(c, "Expected ';' after the server name \"" + out.authserv_id + "\"");
      ++c.i;
      c.skip_cfws(nullptr);
      auto v = read_value(c);
      if (!v) return v.error();
      if (out.authserv_properties.empty()) {
        out.warnings.push_back(
            {"authres_properties_after_id",
             "Authentication-Results from " + out.authserv_id + " has \"" + std::string(k) +
                 "=\" before its first result; RFC 8601 has no such form, it was kept aside."});
      }
      out.authserv_properties.push_back({"", internal::lower(k), v.value()});
      c.skip_cfws(nullptr);
    }
    if (c.done() && !out.none) {
      return parse_error{error_code::missing_part,
                         "Authentication-Results names a server but gives no results."};
    }
  }

  // resinfo = [CFWS] ";" methodspec [CFWS reasonspec] [1*(CFWS propspec)]
  auth_method_result* current = nullptr;
  std::string pending_comment;  // comments before a method, after ';'
  while (true) {
    std::string comment;
    c.skip_cfws(&comment);
    if (current != nullptr) {
      add_comment(*current, comment);
    } else if (!comment.empty()) {
      if (!pending_comment.empty()) pending_comment += ' ';
      pending_comment += comment;
    }
    if (c.done()) break;
    if (c.peek() == ';') {
      ++c.i;
      current = nullptr;
      continue;
    }
    const std::string key = internal::lower(c.key());
    if (key.empty()) return error_at(c, "Unexpected character '" + std::string(1, c.peek()) + "'");
    c.skip_cfws(current != nullptr ? &current->comment : &pending_comment);
    if (c.peek() != '=') {
      if (current == nullptr && key == "none" && out.results.empty()) {  // no-result
        out.none = true;
        continue;
      }
      if (current == nullptr && out.authserv_id_omitted && key.find('.') != std::string::npos) {
        // Microsoft's older form names the receiving domain between results.
        if (out.authserv_id.empty()) out.authserv_id = key;
        continue;
      }
      return error_at(c, "Expected \"=\" after \"" + key + "\"");
    }
    ++c.i;
    c.skip_cfws(current != nullptr ? &current->comment : &pending_comment);
    auto v = read_value(c);
    if (!v) return v.error();

    const std::size_t dot = key.find('.');
    if (current == nullptr) {
      // methodspec = [CFWS] method [CFWS] "=" [CFWS] result
      // method = Keyword [ [CFWS] "/" [CFWS] method-version ]
      if (dot != std::string::npos)
        return error_at(c, "Expected a method name, not \"" + key + "\",");
      auth_method_result r;
      const std::size_t slash = key.find('/');
      r.method = key.substr(0, slash);
      if (slash != std::string::npos) r.version = key.substr(slash + 1);
      if (r.method.empty()) return error_at(c, "A method name is missing");
      r.result = internal::lower(v.value());
      add_comment(r, pending_comment);
      pending_comment.clear();
      out.results.push_back(std::move(r));
      current = &out.results.back();
      continue;
    }
    if (key == "reason") {  // reasonspec
      current->reason = v.value();
    } else if (dot != std::string::npos && dot > 0 && dot + 1 < key.size()) {  // propspec
      current->properties.push_back({key.substr(0, dot), key.substr(dot + 1), v.value()});
    } else {
      // A bare key=value inside a resinfo: Microsoft's action=, or a
      // receiver's own extension (x-tls version=). RFC 8601 has no such form;
      // it is kept with an empty ptype.
      current->properties.push_back({"", key, v.value()});
    }
  }
  if (out.results.empty() && !out.none) {
    return parse_error{error_code::missing_part, "Authentication-Results holds no results."};
  }
  return out;
}

}  // namespace mailverdict
