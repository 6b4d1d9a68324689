/**
 * @file message.cpp
 * @brief Header block parsing (RFC 5322 §2.2, §2.2.3, §4.5).
 */
#include "mailverdict/message.h"

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
    for (const auto& row : data::header_names()) map.emplace(internal::lower(row.name), row.explanation);
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

header_block parse_header_block(std::string_view text) {
  header_block block;
  block.body_offset = text.size();
  const std::vector<internal::line> lines = internal::split_lines(text);

  // Skip leading text (a note, a "Show original" summary, junk) up to the
  // first line that looks like a header field.
  std::size_t i = 0;
  while (i < lines.size() && !looks_like_field(internal::trim(lines[i].text))) ++i;
  if (i == lines.size()) return block;
  if (i > 0) {
    std::size_t skipped = 0;
    for (std::size_t k = 0; k < i; ++k) skipped += !internal::trim(lines[k].text).empty();
    if (skipped > 0) {
      block.warnings.push_back({"leading_text_skipped",
                                std::to_string(skipped) +
                                    " line(s) before the first header field were not read as headers."});
    }
  }
  block.start_offset = lines[i].offset;

  // A mail client may indent the whole block; the first field's indentation
  // is then a prefix to remove from every line (continuations keep the rest).
  const std::string_view first = lines[i].text;
  std::size_t indent = 0;
  while (indent < first.size() && is_wsp(first[indent])) ++indent;
  const std::string_view prefix = first.substr(0, indent);
  auto strip = [&](std::string_view s) {
    return (indent > 0 && s.substr(0, indent) == prefix) ? s.substr(indent) : s;
  };

  header_field* current = nullptr;
  std::size_t blank_lines_inside = 0;
  std::size_t malformed = 0;
  for (; i < lines.size(); ++i) {
    const std::string_view s = strip(lines[i].text);
    if (internal::trim(s).empty()) {
      // RFC 5322 §2.1: an empty line ends the header section. Copying from
      // some clients inserts blank lines between fields, so read on when the
      // next non-empty line is a field we know (or an X-/ARC- field).
      std::size_t j = i + 1;
      while (j < lines.size() && internal::trim(lines[j].text).empty()) ++j;
      if (j < lines.size() && is_known_field(strip(lines[j].text))) {
        ++blank_lines_inside;
        i = j - 1;
        current = nullptr;
        continue;
      }
      if (j < lines.size()) {
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
      } else {
        ++malformed;
      }
      continue;
    }
    const std::string_view name = field_name(s);
    if (name.empty()) {
      ++malformed;
      if (malformed <= 3) {
        block.warnings.push_back(
            {"malformed_line", "Line " + std::to_string(lines[i].number) +
                                   " is neither a header field nor a continuation; it was skipped."});
      }
      current = nullptr;
      continue;
    }
    const std::size_t colon = s.find(':', name.size());
    header_field field;
    field.name = std::string(name);
    field.value = std::string(s.substr(colon + 1));
    field.raw = std::string(s);
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
  for (auto& f : block.fields) f.value = std::string(internal::trim(f.value));
  return block;
}

}  // namespace mailverdict
