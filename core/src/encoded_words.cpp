/**
 * @file encoded_words.cpp
 * @brief RFC 2047 encoded words, RFC 2231 parameters, charset conversion.
 */
#include "mailverdict/encoded_words.h"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

#include "mailverdict/data/charsets.h"
#include "mailverdict/data/east_asian_charsets.h"
#include "mailverdict/internal/text.h"
#include "mailverdict/internal/transfer_encoding.h"

namespace mailverdict {

namespace {

using internal::hex_value;
using internal::is_space;

constexpr std::size_t kMaxWarnings = 5;

using high_table = std::array<char32_t, 128>;

// Label → the 0x80..0xFF code points of that charset (core/data/charsets.tsv).
const std::unordered_map<std::string, const high_table*>& single_byte_charsets() {
  static const std::vector<high_table> tables = [] {
    std::vector<high_table> all;
    all.reserve(data::charsets().size());
    for (const auto& row : data::charsets()) {
      high_table t{};
      for (std::size_t k = 0; k < 128 && k * 4 + 3 < row.high.size(); ++k) {
        char32_t cp = 0;
        for (std::size_t d = 0; d < 4; ++d)
          cp = cp * 16 + static_cast<char32_t>(hex_value(row.high[k * 4 + d]));
        t[k] = cp;
      }
      all.push_back(t);
    }
    return all;
  }();
  static const std::unordered_map<std::string, const high_table*> by_label = [] {
    std::unordered_map<std::string, const high_table*> map;
    std::size_t n = 0;
    for (const auto& row : data::charsets()) {
      const high_table* t = &tables[n++];
      std::string_view labels = row.labels;
      while (!labels.empty()) {
        const std::size_t sp = labels.find(' ');
        map.emplace(std::string(labels.substr(0, sp)), t);
        if (sp == std::string_view::npos) break;
        labels.remove_prefix(sp + 1);
      }
    }
    return map;
  }();
  return by_label;
}

// "UTF-8*en" → "utf-8" (RFC 2231 §5 adds a language after "*").
std::string normalize_label(std::string_view charset) {
  charset = internal::trim(charset);
  charset = charset.substr(0, charset.find('*'));
  if (charset.size() > 1 && charset.front() == '"' && charset.back() == '"') {
    charset = charset.substr(1, charset.size() - 2);
  }
  return internal::lower(charset);
}

struct word {
  std::size_t end = 0;  // one past "?="
  std::string charset;
  std::string bytes;
  bool malformed = false;  // looked like a word but its text did not decode
};

// Reads the encoded word starting at v[pos] ("=?"). RFC 2047 §2:
// encoded-word = "=?" charset "?" encoding "?" encoded-text "?="
// Returns false when it is not an encoded word at all.
bool read_word(std::string_view v, std::size_t pos, word& w) {
  std::size_t i = pos + 2;
  const std::size_t cs = i;
  while (i < v.size() && v[i] != '?' && !is_space(v[i]) && i - cs < 64) ++i;
  if (i >= v.size() || v[i] != '?' || i == cs) return false;
  w.charset = std::string(v.substr(cs, i - cs));
  ++i;
  if (i + 1 >= v.size() || v[i + 1] != '?') return false;
  const char enc = internal::to_lower(v[i]);
  if (enc != 'b' && enc != 'q') return false;
  i += 2;
  const std::size_t ts = i;
  while (i < v.size() && v[i] != '?' && !is_space(v[i])) ++i;
  if (i + 1 >= v.size() || v[i] != '?' || v[i + 1] != '=') return false;
  const std::string_view text = v.substr(ts, i - ts);
  w.end = i + 2;
  w.bytes.clear();
  // RFC 2047 §4.1 "B" (base64) and §4.2 "Q".
  w.malformed =
      !(enc == 'b' ? internal::decode_base64(text, w.bytes, internal::base64_mode::word)
                   : internal::decode_quoted_printable(text, w.bytes, internal::qp_mode::word));
  return true;
}

}  // namespace

std::string_view east_asian_decoder(std::string_view charset) {
  const std::string label = normalize_label(charset);
  for (const auto& row : data::east_asian_charsets()) {
    if (row.label == label) return row.decoder;
  }
  return {};
}

bool charset_to_utf8(std::string_view charset, std::string_view bytes, std::string& out) {
  const std::string label = normalize_label(charset);
  if (label == "utf-8" || label == "utf8") {
    out += internal::to_valid_utf8(bytes);
    return true;
  }
  const auto& tables = single_byte_charsets();
  const auto it = tables.find(label);
  if (it == tables.end()) return false;
  const high_table& t = *it->second;
  out.reserve(out.size() + bytes.size());
  for (char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    internal::append_utf8(out, b < 0x80 ? b : t[b - 0x80]);
  }
  return true;
}

decoded_text decode_encoded_words(std::string_view v) {
  decoded_text d;
  d.text.reserve(v.size());
  // The current run: adjacent encoded words of one charset.
  std::string run_charset, run_bytes;
  std::size_t run_start = 0, run_end = 0;
  bool in_run = false;
  auto warn = [&](std::string code, std::string message) {
    if (d.warnings.size() < kMaxWarnings)
      d.warnings.push_back({std::move(code), std::move(message)});
  };
  auto flush = [&] {
    if (!in_run) return;
    in_run = false;
    const std::string_view raw = v.substr(run_start, run_end - run_start);
    if (charset_to_utf8(run_charset, run_bytes, d.text)) {
      d.changed = true;
    } else if (std::string_view page = east_asian_decoder(run_charset); !page.empty()) {
      d.text += raw;
      d.pending.push_back({std::string(raw), std::string(page), run_bytes});
    } else {
      d.text += raw;
      warn("unknown_charset", "The encoded word \"" + std::string(raw.substr(0, 60)) +
                                  "\" uses the charset \"" + run_charset +
                                  "\", which is not decoded; it is shown as written.");
    }
    run_bytes.clear();
  };

  std::size_t i = 0;
  while (i < v.size()) {
    const std::size_t pos = v.find("=?", i);
    const std::string_view between = v.substr(i, pos == std::string_view::npos ? v.npos : pos - i);
    word w;
    const bool is_word = pos != std::string_view::npos && read_word(v, pos, w);
    // RFC 2047 §6.2: white space between adjacent encoded words is dropped.
    const bool only_space = internal::trim(between).empty() && in_run;
    if (!is_word) {
      if (pos == std::string_view::npos) {
        flush();
        d.text += between;
        break;
      }
      flush();
      d.text += v.substr(i, pos + 2 - i);
      i = pos + 2;
      continue;
    }
    if (w.malformed) {
      flush();
      d.text += v.substr(i, w.end - i);
      warn("malformed_encoded_word",
           "The encoded word \"" +
               std::string(v.substr(pos, std::min<std::size_t>(w.end - pos, 60))) +
               "\" is malformed; it is shown as written.");
      i = w.end;
      continue;
    }
    if (only_space && internal::iequals(normalize_label(w.charset), normalize_label(run_charset))) {
      run_bytes += w.bytes;  // a character may be split across words
      run_end = w.end;
    } else {
      if (!only_space) {
        flush();
        d.text += between;
      } else {
        flush();
      }
      in_run = true;
      run_charset = w.charset;
      run_bytes = std::move(w.bytes);
      run_start = pos;
      run_end = w.end;
    }
    i = w.end;
  }
  flush();
  return d;
}

std::vector<content_parameter> parse_mime_parameters(std::string_view value) {
  struct segment {
    int number;
    bool extended;
    std::string text;
  };
  std::map<std::string, std::vector<segment>> by_name;
  std::vector<std::string> order;
  std::size_t i = value.find(';');
  i = i == std::string_view::npos ? 0 : i + 1;
  while (i < value.size()) {
    while (i < value.size() && (is_space(value[i]) || value[i] == ';')) ++i;
    const std::size_t ns = i;
    while (i < value.size() && value[i] != '=' && value[i] != ';' && !is_space(value[i])) ++i;
    std::string name = internal::lower(value.substr(ns, i - ns));
    while (i < value.size() && is_space(value[i])) ++i;
    if (i >= value.size() || value[i] != '=') {
      while (i < value.size() && value[i] != ';') ++i;
      continue;
    }
    ++i;
    while (i < value.size() && is_space(value[i])) ++i;
    std::string text;
    if (i < value.size() && value[i] == '"') {
      for (++i; i < value.size() && value[i] != '"'; ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) ++i;
        text += value[i];
      }
      if (i < value.size()) ++i;
    } else {
      const std::size_t vs = i;
      while (i < value.size() && value[i] != ';' && !is_space(value[i])) ++i;
      text = std::string(value.substr(vs, i - vs));
    }
    if (name.empty()) continue;
    // RFC 2231 §3-4: name*N continuation, trailing "*" = extended value.
    bool extended = false;
    if (name.back() == '*') {
      extended = true;
      name.pop_back();
    }
    int number = -1;
    const std::size_t star = name.rfind('*');
    if (star != std::string::npos && star + 1 < name.size() && name.size() - star <= 4 &&
        std::all_of(name.begin() + static_cast<std::ptrdiff_t>(star) + 1, name.end(),
                    internal::is_digit)) {
      number = 0;
      for (std::size_t k = star + 1; k < name.size(); ++k) number = number * 10 + (name[k] - '0');
      name.resize(star);
    }
    if (!by_name.count(name)) order.push_back(name);
    auto& segs = by_name[name];
    if (segs.size() < 1000) segs.push_back({number, extended, std::move(text)});
  }

  std::vector<content_parameter> out;
  for (const std::string& name : order) {
    auto& segs = by_name[name];
    std::stable_sort(segs.begin(), segs.end(),
                     [](const segment& a, const segment& b) { return a.number < b.number; });
    std::string charset, bytes;
    bool any_extended = false;
    for (std::size_t k = 0; k < segs.size(); ++k) {
      std::string_view t = segs[k].text;
      if (segs[k].extended) {
        any_extended = true;
        if (k == 0) {
          // charset'language'value (RFC 2231 §4).
          const std::size_t q1 = t.find('\'');
          const std::size_t q2 = q1 == std::string_view::npos ? q1 : t.find('\'', q1 + 1);
          if (q2 != std::string_view::npos) {
            charset = std::string(t.substr(0, q1));
            t = t.substr(q2 + 1);
          }
        }
        for (std::size_t p = 0; p < t.size(); ++p) {
          if (t[p] == '%' && p + 2 < t.size() && hex_value(t[p + 1]) >= 0 &&
              hex_value(t[p + 2]) >= 0) {
            bytes += static_cast<char>(hex_value(t[p + 1]) * 16 + hex_value(t[p + 2]));
            p += 2;
          } else {
            bytes += t[p];
          }
        }
      } else {
        bytes += t;
      }
    }
    content_parameter p{name, {}};
    if (any_extended && !charset.empty() && charset_to_utf8(charset, bytes, p.value)) {
      // converted
    } else if (any_extended) {
      p.value = bytes;
    } else {
      p.value = decode_encoded_words(bytes).text;  // common, if not standard
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace mailverdict
