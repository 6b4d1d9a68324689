/**
 * @file antispam.cpp
 * @brief Decoding antispam headers field by field (see antispam.h).
 *
 * The meanings live in core/data/antispam_fields.tsv; this file only splits
 * the headers into fields and looks each one up. Scoring engines
 * (SpamAssassin, Rspamd and the gateways) are read in antispam_scores.cpp.
 */
#include "mailverdict/antispam.h"

#include <algorithm>
#include <array>

#include "mailverdict/data/antispam_fields.h"
#include "mailverdict/internal/antispam.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

using internal::iequals;
using internal::istarts_with;
using internal::trim;

std::string basis_of(std::string_view documented) {
  if (documented == "yes") return "documented";
  if (documented == "observed") return "observed";
  return "undocumented";
}

// Microsoft headers read as NAME:value lists, and the table header each
// one's fields are described under.
struct list_header {
  std::string_view name;
  std::string_view table;
};
constexpr std::array kMicrosoftLists = {
    list_header{"X-Forefront-Antispam-Report", "X-Forefront-Antispam-Report"},
    list_header{"X-Forefront-Antispam-Report-Untrusted", "X-Forefront-Antispam-Report"},
    list_header{"X-Microsoft-Antispam", "X-Microsoft-Antispam"},
    list_header{"X-Microsoft-Antispam-Untrusted", "X-Microsoft-Antispam"},
    list_header{"X-Microsoft-Antispam-Mailbox-Delivery", "X-Microsoft-Antispam-Mailbox-Delivery"},
};

// Exchange's organization headers that hold one value each; the field is
// named after the header's last part ("SCL", "AuthAs", ...).
constexpr std::string_view kOrgPrefix = "X-MS-Exchange-Organization-";

// Bounds that keep decoding fast on hostile input (each field is looked up in
// a table of a few hundred rows): real headers stay far below both.
constexpr std::size_t kMaxAntispamHeaders = 100;
constexpr std::array<std::string_view, 5> kOrgFields = {"SCL", "AuthAs", "AuthSource",
                                                        "AuthMechanism", "MessageDirectionality"};

}  // namespace

namespace internal {

decoded_value lookup_antispam_value(std::string_view vendor, std::string_view header,
                                    std::string_view name, std::string_view value) {
  value = trim(value);
  const data::antispam_fields_row* exact = nullptr;
  const data::antispam_fields_row* prefix = nullptr;
  const data::antispam_fields_row* any = nullptr;
  const data::antispam_fields_row* field = nullptr;
  // Rows of this header first; a field this header's rows do not name is
  // looked up in the vendor's other headers (the same field means the same).
  for (int pass = 0;
       pass < 2 && field == nullptr && exact == nullptr && prefix == nullptr && any == nullptr;
       ++pass) {
    for (const auto& row : data::antispam_fields()) {
      if (row.vendor != vendor || !iequals(row.field, name)) continue;
      if (pass == 0 && !iequals(row.header, header)) continue;
      if (row.value.empty()) {
        if (field == nullptr) field = &row;
      } else if (row.value == "*") {
        if (any == nullptr) any = &row;
      } else if (row.value.size() > 1 && row.value.back() == '*') {
        if (prefix == nullptr && !value.empty() &&
            istarts_with(value, row.value.substr(0, row.value.size() - 1))) {
          prefix = &row;
        }
      } else if (exact == nullptr && iequals(row.value, value)) {
        exact = &row;
      }
    }
  }
  decoded_value out;
  const std::vector<std::pair<std::string_view, std::string_view>> fill = {{"value", value}};
  const data::antispam_fields_row* hit = exact != nullptr    ? exact
                                         : prefix != nullptr ? prefix
                                                             : any;
  if (hit != nullptr && !(value.empty() && hit == any)) {
    out.meaning = fill_template(hit->meaning, fill);
    out.basis = basis_of(hit->documented);
    out.signal = hit->signal;
    out.short_text = fill_template(hit->phrase, fill);
    return out;
  }
  if (field == nullptr) {
    out.meaning = value.empty()
                      ? "Not documented; the field is empty here."
                      : "Not documented: the value is shown as written, without a meaning.";
    out.basis = "undocumented";
    return out;
  }
  out.meaning = std::string(field->meaning);
  if (value.empty()) {
    out.meaning += " Empty here: nothing was recorded.";
    out.basis = basis_of(field->documented);
  } else if (field->documented == "no") {
    out.basis = "undocumented";
  } else {
    // The field is documented but this value is not: say so, never guess.
    out.meaning += " The value " + std::string(value) + " is not documented.";
    out.basis = "undocumented";
  }
  return out;
}

antispam_decoded make_decoded(std::string vendor, const header_field& f) {
  antispam_decoded d;
  d.entry.vendor = std::move(vendor);
  d.entry.header = f.name;
  d.entry.index = f.index;
  d.entry.raw = f.value;
  return d;
}

void add_field(antispam_decoded& d, std::string_view table_header, std::string name,
               std::string value) {
  decoded_value v = lookup_antispam_value(d.entry.vendor, table_header, name, value);
  antispam_field field;
  field.name = std::move(name);
  field.value = std::move(value);
  field.meaning = std::move(v.meaning);
  field.basis = std::move(v.basis);
  field.documented = field.basis == "documented";
  d.entry.fields.push_back(std::move(field));
  d.signals.emplace_back(v.signal);
  d.shorts.push_back(std::move(v.short_text));
}

void add_known_field(antispam_decoded& d, std::string name, std::string value, std::string meaning,
                     std::string basis, std::string signal) {
  antispam_field field;
  field.name = std::move(name);
  field.value = std::move(value);
  field.meaning = std::move(meaning);
  field.basis = std::move(basis);
  field.documented = field.basis == "documented";
  d.entry.fields.push_back(std::move(field));
  d.signals.push_back(std::move(signal));
  d.shorts.emplace_back();
}

void note_skipped(antispam_decoded& d, std::size_t skipped) {
  if (skipped == 0) return;
  add_known_field(
      d, "...", std::to_string(skipped),
      std::to_string(skipped) + " more fields were not decoded (the header is unusually long).",
      "unknown");
}

}  // namespace internal

std::vector<antispam_pair> split_microsoft_fields(std::string_view value) {
  std::vector<antispam_pair> out;
  std::size_t pos = 0;
  while (pos <= value.size()) {
    std::size_t end = value.find(';', pos);
    if (end == std::string_view::npos) end = value.size();
    const std::string_view item = trim(value.substr(pos, end - pos));
    if (!item.empty()) {
      const std::size_t colon = item.find(':');
      if (colon == std::string_view::npos) {
        out.push_back({std::string(item), ""});
      } else {
        out.push_back(
            {std::string(trim(item.substr(0, colon))), std::string(trim(item.substr(colon + 1)))});
      }
    }
    pos = end + 1;
  }
  return out;
}

antispam_field decode_antispam_field(std::string_view vendor, std::string_view header,
                                     std::string_view name, std::string_view value) {
  internal::decoded_value v = internal::lookup_antispam_value(vendor, header, name, value);
  antispam_field f;
  f.name = std::string(name);
  f.value = std::string(trim(value));
  f.meaning = std::move(v.meaning);
  f.basis = std::move(v.basis);
  f.documented = f.basis == "documented";
  return f;
}

std::optional<antispam_decoded> decode_antispam_header(const header_field& field) {
  for (const auto& h : kMicrosoftLists) {
    if (!iequals(field.name, h.name)) continue;
    antispam_decoded d = internal::make_decoded("microsoft", field);
    auto pairs = split_microsoft_fields(field.value);
    const std::size_t n = std::min(pairs.size(), internal::kMaxAntispamFields);
    for (std::size_t i = 0; i < n; ++i) {
      internal::add_field(d, h.table, std::move(pairs[i].name), std::move(pairs[i].value));
    }
    internal::note_skipped(d, pairs.size() - n);
    return d;
  }
  if (istarts_with(field.name, kOrgPrefix)) {
    const std::string_view suffix = std::string_view(field.name).substr(kOrgPrefix.size());
    for (std::string_view name : kOrgFields) {
      if (!iequals(suffix, name)) continue;
      antispam_decoded d = internal::make_decoded("microsoft", field);
      internal::add_field(d, field.name, std::string(name), std::string(trim(field.value)));
      return d;
    }
  }
  if (iequals(field.name, "X-CustomSpam")) {
    antispam_decoded d = internal::make_decoded("microsoft", field);
    internal::add_field(d, "X-CustomSpam", "X-CustomSpam", std::string(trim(field.value)));
    return d;
  }
  return internal::decode_score_header(field);
}

antispam_assessment assess_antispam(const header_block& block, const auth_assessment& auth) {
  antispam_assessment out;
  for (const auto& f : block.fields) {
    if (out.headers.size() == kMaxAntispamHeaders) break;
    if (auto d = decode_antispam_header(f)) out.headers.push_back(std::move(*d));
  }
  // Microsoft's composite authentication (RFC 8601 syntax, Microsoft's own
  // method): only from the Authentication-Results the receiver wrote.
  if (auth.results && auth.results_field != nullptr) {
    for (const auto& m : auth.results->results) {
      if (m.method != "compauth") continue;
      antispam_decoded d = internal::make_decoded("microsoft", *auth.results_field);
      internal::add_field(d, "Authentication-Results", "compauth", m.result);
      if (!m.reason.empty()) internal::add_field(d, "Authentication-Results", "reason", m.reason);
      out.headers.push_back(std::move(d));
      break;
    }
  }
  return out;
}

}  // namespace mailverdict
