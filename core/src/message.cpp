/**
 * @file message.cpp
 * @brief Header block parsing (RFC 5322 §2.2, §2.2.3, §4.5).
 */
#include "mailverdict/message.h"

#include <algorithm>
#include <unordered_map>

#include "mailverdict/data/header_names.h"
#include "mailverdict/internal/lines.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

using internal::is_wsp;

// The longest field name we accept; registered names are far shorter, and a
// limit keeps a binary blob with a colon from being read as a field.
constexpr std::size_t kMaxFieldName = 76;

// Lowercased name → explanation, from core/data/header_names.tsv.
const std::unordered_map<std::string, std::string_view>& known_names() {
  static const std::unordered_map<std::string, std::string_view> names = [] {
    std::unordered_map<std::string, std::string_view> map;
    for (const auto& row : data::header_names())
      map.emplace(internal::lower(row.name), row.explanation);
    return map;
  }();
  return names;
}

// The field name of a field line ("" when the line is not one).
std::string_view field_name(std::string_view line) {
  std::size_t i = 0;
  // RFC 5322 §2.2: ftext = %d33-57 / %d59-126.
  while (i < line.size() && i <= kMaxFieldName) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c < 33 || c > 126 || c == ':') break;
    ++i;
  }
  if (i == 0 || i > kMaxFieldName) return {};
  std::size_t j = i;
  while (j < line.size() && is_wsp(line[j])) ++j;  // §4.5 obs-optional
  if (j >= line.size() || line[j] != ':') return {};
  return line.substr(0, i);
}

bool is_known_field(std::string_view line) {
  const std::string_view name = field_name(line);
  if (name.empty()) return false;
  if (internal::istarts_with(name, "X-") || internal::istarts_with(name, "ARC-")) return true;
  return known_names().count(internal::lower(name)) > 0;
}

}  // namespace

bool looks_like_field(std::string_view line) { return !field_name(line).empty(); }

std::string_view header_explanation(std::string_view name) {
  const auto it = known_names().find(internal::lower(name));
  return it == known_names().end() ? std::string_view{} : it->second;
}

const header_field* header_block::first(std::string_view name) const {
  for (const auto& f : fields) {
    if (internal::iequals(f.name, name)) return &f;
  }
  return nullptr;
}

std::vector<const header_field*> header_block::all(std::string_view name) const {
  std::vector<const header_field*> out;
  for (const auto& f : fields) {
    if (internal::iequals(f.name, name)) out.push_back(&f);
  }
  return out;
}

const char* to_string(paste_format f) {
  switch (f) {
    case paste_format::plain:
      return "plain";
    case paste_format::quoted:
      return "quoted";
    case paste_format::gmail_show_original:
      return "gmail_show_original";
    case paste_format::outlook_box:
      return "outlook_box";
  }
  return "plain";
}

namespace {

// The rows of Gmail's "Show original" summary table.
constexpr std::string_view kSummaryKeys[] = {"Message ID", "Created at", "From", "To",   "Cc",
                                             "Subject",    "SPF",        "DKIM", "DMARC"};

// "Key:\tvalue", "Key\tvalue" or "Key:" alone: the key and the value.
bool summary_row_of(std::string_view t, std::string& key, std::string& value) {
  for (std::string_view k : kSummaryKeys) {
    if (!internal::istarts_with(t, k)) continue;
    std::string_view rest = t.substr(k.size());
    if (!rest.empty() && rest[0] != ':' && !is_wsp(rest[0])) continue;
    if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
    rest = internal::trim(rest);
    // The page's "Learn more" links come along when copying.
    if (rest.size() >= 10 && internal::iequals(rest.substr(rest.size() - 10), "Learn more")) {
      rest = internal::trim(rest.substr(0, rest.size() - 10));
    }
    key = std::string(k);
    value = std::string(rest);
    return true;
  }
  return false;
}

// Gmail's "Show original" page copied whole: "Original message", a summary
// table, "Download original / Copy to clipboard", then the headers. Fills
// `block.summary` and returns the index of the first line after the table
// (0 when the text is not such a page). Looks at the first lines only.
std::size_t read_gmail_summary(internal::lazy_lines& lines, header_block& block) {
  auto within = [&](std::size_t k) { return k < 80 && lines.has(k); };
  std::size_t k = 0;
  for (; within(k); ++k) {
    const std::string_view t = internal::trim(lines[k].text);
    if (internal::iequals(t, "Original message") || internal::istarts_with(t, "Message ID")) break;
    if (looks_like_field(t)) return 0;
  }
  if (!within(k)) return 0;
  std::vector<summary_row> rows;
  std::string pending;
  std::size_t end = 0;
  for (; within(k); ++k) {
    const std::string_view t = internal::trim(lines[k].text);
    if (t.empty() || internal::iequals(t, "Original message")) continue;
    if (internal::istarts_with(t, "Download original") ||
        internal::icontains(t, "Copy to clipboard")) {
      end = k + 1;
      break;
    }
    std::string key, value;
    if (summary_row_of(t, key, value)) {
      if (value.empty()) {
        pending = key;
      } else {
        rows.push_back({key, value});
        pending.clear();
      }
    } else if (!pending.empty()) {
      rows.push_back({pending, std::string(t)});
      pending.clear();
    } else if (looks_like_field(t)) {
      end = k;  // the headers start without the "Download original" line
      break;
    }
  }
  if (rows.size() < 2 || end == 0) return 0;
  block.summary = std::move(rows);
  block.format = paste_format::gmail_show_original;
  block.warnings.push_back(
      {"gmail_show_original",
       "This is Gmail's \"Show original\" page: its summary table (SPF, DKIM, DMARC) was kept as "
       "evidence and the headers below it were analyzed."});
  return end;
}

// Quote markers at the start of a line: "> ", ">> ", "> > ". Returns the
// number of markers and sets `rest` to the text after them (one space after
// the last marker removed).
std::size_t quote_depth(std::string_view s, std::string_view& rest) {
  std::size_t i = 0, depth = 0;
  while (true) {
    std::size_t j = i;
    while (j < s.size() && is_wsp(s[j]) && j - i < 4) ++j;
    if (j < s.size() && s[j] == '>') {
      ++depth;
      i = j + 1;
    } else {
      break;
    }
  }
  if (depth > 0 && i < s.size() && s[i] == ' ') ++i;
  rest = s.substr(i);
  return depth;
}

}  // namespace

header_block parse_header_block(std::string_view text) {
  header_block block;
  block.body_offset = text.size();
  // Split only as far as the header section goes, not through the body.
  internal::lazy_lines lines(text);

  std::size_t i = read_gmail_summary(lines, block);

  // Skip leading text (a note, a label, junk) up to the first line that
  // looks like a header field, once quote markers are removed.
  const std::size_t first_candidate = i;
  auto dequoted = [](std::string_view s) {
    std::string_view rest;
    quote_depth(s, rest);
    return rest;
  };
  while (lines.has(i) && !looks_like_field(internal::trim(dequoted(lines[i].text)))) ++i;
  if (!lines.has(i)) return block;
  if (i > first_candidate) {
    std::size_t skipped = 0;
    for (std::size_t k = first_candidate; k < i; ++k) {
      const std::string_view t = internal::trim(lines[k].text);
      if (t.empty()) continue;
      ++skipped;
      if (internal::istarts_with(t, "Internet headers") && block.format == paste_format::plain) {
        block.format = paste_format::outlook_box;
      }
    }
    if (skipped > 0) {
      block.warnings.push_back(
          {"leading_text_skipped",
           std::to_string(skipped) +
               " line(s) before the first header field were not read as headers."});
    }
  }
  block.start_offset = lines[i].offset;

  // A quoted block ("> Received: ..."): every line loses as many markers as
  // the first field has; a line with fewer markers ends the block.
  std::string_view first_rest;
  const std::size_t depth = quote_depth(lines[i].text, first_rest);
  if (depth > 0) {
    block.format = paste_format::quoted;
    block.quote_depth = depth;
  }
  // The text of line k without its quote markers; false when it is outside
  // the quoted block.
  auto content = [&](std::size_t k, std::string_view& out) {
    if (depth == 0) {
      out = lines[k].text;
      return true;
    }
    std::string_view rest;
    const std::size_t d = quote_depth(lines[k].text, rest);
    if (d < depth) {
      out = {};
      return internal::trim(lines[k].text).empty();
    }
    // Deeper quotes inside the block keep their extra markers.
    std::string_view s = lines[k].text;
    std::size_t removed = 0, p = 0;
    while (removed < depth) {
      while (p < s.size() && s[p] != '>') ++p;
      ++p;
      ++removed;
    }
    if (p < s.size() && s[p] == ' ') ++p;
    out = s.substr(std::min(p, s.size()));
    return true;
  };

  // A mail client may indent the whole block; the first field's indentation
  // is then a prefix to remove from every line (continuations keep the rest).
  std::string_view first;
  content(i, first);
  std::size_t indent = 0;
  while (indent < first.size() && is_wsp(first[indent])) ++indent;
  const std::string_view prefix = first.substr(0, indent);
  auto strip = [&](std::string_view s) {
    return (indent > 0 && s.substr(0, indent) == prefix) ? s.substr(indent) : s;
  };

  header_field* current = nullptr;
  bool dropping = false;
  std::size_t blank_lines_inside = 0;
  std::size_t malformed = 0;
  for (; lines.has(i); ++i) {
    std::string_view raw_line;
    const bool inside = content(i, raw_line);
    const std::string_view s = strip(raw_line);
    if (!inside || internal::trim(s).empty()) {
      // RFC 5322 §2.1: an empty line ends the header section. Copying from
      // some clients inserts blank lines between fields, so read on when the
      // next non-empty line is a field we know (or an X-/ARC- field).
      std::size_t j = i + (inside ? 1 : 0);
      std::string_view next;
      bool next_inside = true;
      while (lines.has(j)) {
        next_inside = content(j, next);
        if (!next_inside || !internal::trim(next).empty()) break;
        ++j;
      }
      if (inside && lines.has(j) && next_inside && is_known_field(strip(next))) {
        ++blank_lines_inside;
        i = j - 1;
        current = nullptr;
        continue;
      }
      // Text after a quoted block is the writer's own, not the message's body.
      if (lines.has(j) && next_inside) {
        block.has_body = true;
        block.body_offset = lines[j].offset;
      }
      break;
    }
    if (is_wsp(s[0])) {
      if (current != nullptr) {
        // RFC 5322 §2.2.3: unfolding removes the CRLF, keeping the WSP.
        current->raw += '\n';
        current->raw += s;
        current->value += s;
      } else if (!dropping) {
        ++malformed;
      }
      continue;
    }
    const std::string_view name = field_name(s);
    if (name.empty()) {
      ++malformed;
      if (malformed <= 3) {
        block.warnings.push_back(
            {"malformed_line",
             "Line " + std::to_string(lines[i].number) +
                 " is neither a header field nor a continuation; it was skipped."});
      }
      current = nullptr;
      continue;
    }
    if (block.fields.size() >= kMaxFields) {
      ++block.dropped_fields;
      current = nullptr;
      dropping = true;
      continue;
    }
    const std::size_t colon = s.find(':', name.size());
    // Room for the folded lines that follow (RFC 5322 §2.2.3), read as the
    // loop will read them, so unfolding appends without reallocating.
    std::size_t folded = 0;
    for (std::size_t k = i + 1; lines.has(k); ++k) {
      std::string_view next_raw;
      if (!content(k, next_raw)) break;
      const std::string_view next = strip(next_raw);
      if (next.empty() || !is_wsp(next[0]) || internal::trim(next).empty()) break;
      folded += next.size() + 1;
    }
    header_field field;
    field.name = std::string(name);
    field.value.reserve(s.size() - colon - 1 + folded);
    field.value.append(s.substr(colon + 1));
    field.raw.reserve(s.size() + folded);
    field.raw.append(s);
    field.index = block.fields.size();
    field.line = lines[i].number;
    block.fields.push_back(std::move(field));
    current = &block.fields.back();
  }
  if (malformed > 3) {
    block.warnings.push_back({"malformed_line", std::to_string(malformed) +
                                                    " lines in the header block were neither "
                                                    "fields nor continuations and were skipped."});
  }
  if (blank_lines_inside > 0) {
    block.warnings.push_back(
        {"blank_line_in_headers",
         "Blank lines between header fields were ignored (mail clients add them when copying)."});
  }
  if (block.format == paste_format::quoted) {
    block.warnings.push_back({"quoted_headers", "The headers were quoted with \">\" (" +
                                                    std::to_string(depth) +
                                                    " level(s)); the quote marks were removed."});
  }
  if (block.dropped_fields > 0) {
    block.warnings.push_back(
        {"too_many_fields", "The header block has more than " + std::to_string(kMaxFields) +
                                " fields; the last " + std::to_string(block.dropped_fields) +
                                " were not read."});
  }
  // RFC 6532 allows UTF-8 in header fields; other 8-bit bytes are kept as
  // written and reported (the JSON shows them as U+FFFD).
  std::vector<std::string> not_utf8;
  std::size_t not_utf8_count = 0;
  for (auto& f : block.fields) {
    const std::string_view t = internal::trim(f.value);
    if (t.size() != f.value.size()) {
      const std::size_t lead = static_cast<std::size_t>(t.data() - f.value.data());
      f.value.erase(lead + t.size());
      f.value.erase(0, lead);
    }
    f.valid_utf8 = internal::is_valid_utf8(f.raw);
    if (!f.valid_utf8 && ++not_utf8_count <= 5) not_utf8.push_back(f.name);
  }
  if (not_utf8_count > 0) {
    block.warnings.push_back(
        {"non_utf8_field",
         std::to_string(not_utf8_count) + " header field(s) hold 8-bit bytes that are not UTF-8 (" +
             internal::join_words(not_utf8) + (not_utf8_count > 5 ? " and others" : "") +
             "); they were kept as written and are shown with \xEF\xBF\xBD."});
  }
  return block;
}

}  // namespace mailverdict
