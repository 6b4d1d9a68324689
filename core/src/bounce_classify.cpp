/**
 * @file bounce_classify.cpp
 * @brief Classifying a failed delivery: the server's words first
 * (core/data/bounce_patterns.tsv), the code second
 * (core/data/status_codes.tsv), as ../shared/knowledge says: the numeric
 * code never identifies the cause on its own.
 */
#include <string>

#include "mailverdict/bounce.h"
#include "mailverdict/data/blocklists.h"
#include "mailverdict/data/bounce_patterns.h"
#include "mailverdict/data/bounce_providers.h"
#include "mailverdict/data/status_codes.h"
#include "mailverdict/internal/bounce_texts.h"
#include "mailverdict/internal/text.h"
#include "mailverdict/status_code.h"

namespace mailverdict {

namespace {

// "a*b*c": each piece found after the previous one (case-insensitive).
// Linear in the text for a fixed pattern.
bool pattern_matches(const internal::folded_text& text, std::string_view pattern) {
  std::size_t from = 0;
  while (!pattern.empty()) {
    const std::size_t star = pattern.find('*');
    const std::string_view piece = pattern.substr(0, star);
    if (!piece.empty()) {
      const std::size_t at = text.find(piece, from);
      if (at == std::string_view::npos) return false;
      from = at + piece.size();
    }
    if (star == std::string_view::npos) break;
    pattern.remove_prefix(star + 1);
  }
  return true;
}

// Does a row's code column accept this reply? "" accepts all; "X.7.509"
// matches 4.7.509 and 5.7.509; "550" matches the basic code.
bool code_matches(std::string_view want, const std::optional<std::string>& status,
                  std::optional<int> reply) {
  if (want.empty()) return true;
  if (want.size() == 3 && internal::is_digit(want[0]))
    return reply && std::to_string(*reply) == want;
  if (!status || status->size() < 2 || want.size() < 2) return false;
  return std::string_view(*status).substr(1) == want.substr(1) &&
         (want[0] == 'X' || want[0] == (*status)[0]);
}

bool host_has_suffix(std::string_view host, std::string_view suffix) {
  if (host.size() < suffix.size()) return false;
  const std::string_view tail = host.substr(host.size() - suffix.size());
  if (!internal::iequals(tail, suffix)) return false;
  return host.size() == suffix.size() || host[host.size() - suffix.size() - 1] == '.';
}

std::string provider_of_host(std::string_view host) {
  host = internal::trim(host);
  while (!host.empty() && (host.back() == '.' || host.back() == ']' || host.back() == ')'))
    host.remove_suffix(1);
  for (const auto& row : data::bounce_providers()) {
    if (row.where == "host" && host_has_suffix(host, row.marker)) return std::string(row.provider);
  }
  return {};
}

// A multi-line reply repeats its codes on every line ("550-5.7.26 ...
// 550-5.7.26 ..."); the words read better without the repeats. The
// diagnostic itself stays unaltered; this copy is only matched against.
std::string without_repeated_codes(std::string_view diag) {
  const auto first = find_smtp_reply(diag);
  if (!first || first->text_offset <= first->offset) return std::string(diag);
  std::string prefix(diag.substr(first->offset, first->text_offset - first->offset));
  while (!prefix.empty() && (internal::is_space(prefix.back()) || prefix.back() == '-'))
    prefix.pop_back();
  if (prefix.size() < 3) return std::string(diag);
  const std::string alt = prefix.substr(0, 3) +
                          (prefix.size() > 3 && prefix[3] == '-' ? " " : "-") +
                          (prefix.size() > 4 ? prefix.substr(4) : "");
  std::string out(diag.substr(0, first->text_offset));
  std::size_t i = first->text_offset;
  while (i < diag.size()) {
    std::size_t skip = 0;
    for (const std::string& p : {prefix, alt}) {
      if (diag.substr(i, p.size()) == p && (i == 0 || internal::is_space(diag[i - 1])))
        skip = p.size();
    }
    if (skip == 0) {
      out += diag[i++];
      continue;
    }
    i += skip;
    while (i < diag.size() && (diag[i] == ' ' || diag[i] == '-')) ++i;
  }
  return out;
}

}  // namespace

namespace internal {

const data::bounce_texts_ja_row* find_japanese_text(std::string_view text, std::string_view kind) {
  for (const auto& row : data::bounce_texts_ja()) {
    if (row.kind != kind) continue;
    for (std::string_view form :
         {row.text, row.text_iso_2022_jp, row.text_shift_jis, row.text_euc_jp}) {
      if (!form.empty() && text.find(form) != std::string_view::npos) return &row;
    }
  }
  return nullptr;
}

}  // namespace internal

void bounce_context::read() const {
  if (read_) return;
  read_ = true;
  const auto patterns = data::bounce_patterns();
  if (!text_.empty()) {
    const internal::folded_text folded(text_);
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      if (!patterns[i].pattern.empty() && pattern_matches(folded, patterns[i].pattern)) {
        pattern_rows_.push_back(i);
      }
    }
  }
  if (const auto* row = internal::find_japanese_text(text_, "reason")) {
    japanese_ = row - data::bounce_texts_ja().data();
  }
  const auto lists = data::blocklists();
  blocklists_.resize(lists.size());
  for (std::size_t i = 0; i < lists.size(); ++i) {
    blocklists_[i] = internal::icontains(text_, lists[i].marker);
  }
}

const std::vector<std::size_t>& bounce_context::pattern_rows() const {
  read();
  return pattern_rows_;
}

std::ptrdiff_t bounce_context::japanese_reason() const {
  read();
  return japanese_;
}

bool bounce_context::names_blocklist(std::size_t i) const {
  read();
  return i < blocklists_.size() && blocklists_[i];
}

std::string detect_provider(std::string_view host_or_text) {
  if (host_or_text.find(' ') == std::string_view::npos) {
    if (std::string p = provider_of_host(host_or_text); !p.empty()) return p;
  }
  for (const auto& row : data::bounce_providers()) {
    if (row.where == "text" && internal::icontains(host_or_text, row.marker))
      return std::string(row.provider);
  }
  return {};
}

bounce_classification classify_bounce(const bounce_recipient& r, std::string_view context,
                                      std::string_view provider) {
  return classify_bounce(r, bounce_context(context), provider);
}

bounce_classification classify_bounce(const bounce_recipient& r, const bounce_context& context,
                                      std::string_view provider) {
  bounce_classification c;
  c.provider = std::string(provider);
  if (c.provider.empty() && !r.remote_mta.empty()) c.provider = provider_of_host(r.remote_mta);
  if (c.provider.empty()) c.provider = detect_provider(r.diagnostic);

  auto by_rows = [&](std::string_view text, bool code_only) -> const data::bounce_patterns_row* {
    const internal::folded_text folded(code_only ? std::string_view() : text);
    for (const auto& row : data::bounce_patterns()) {
      if (code_only != row.pattern.empty()) continue;
      if (!code_matches(row.code, r.status, r.reply_code)) continue;
      if (!code_only && !pattern_matches(folded, row.pattern)) continue;
      return &row;
    }
    return nullptr;
  };
  // The first row of the context's matches that accepts this recipient's
  // codes: what by_rows(context, false) gives, without reading it again.
  auto by_context = [&]() -> const data::bounce_patterns_row* {
    const auto patterns = data::bounce_patterns();
    for (const std::size_t i : context.pattern_rows()) {
      if (code_matches(patterns[i].code, r.status, r.reply_code)) return &patterns[i];
    }
    return nullptr;
  };
  auto take = [&](const data::bounce_patterns_row* row, confidence_level conf, bool text) {
    c.category = std::string(row->category);
    c.confidence = conf;
    c.by_text = text;
    c.matched = row->pattern.empty() ? std::string(row->code) : std::string(row->pattern);
    if (c.provider.empty() && !row->provider.empty()) c.provider = std::string(row->provider);
  };
  auto take_japanese = [&](const data::bounce_texts_ja_row* row, confidence_level conf) {
    c.category = std::string(row->category);
    c.confidence = conf;
    c.by_text = true;
    c.matched = std::string(row->text);
  };

  // 1. The server's own words. 2. A provider's own code. 3. The notice's
  // readable text. 4. The registry meaning of the code.
  const std::string words = without_repeated_codes(r.diagnostic);
  // Japanese phrases (core/data/bounce_texts_ja.tsv) after the table of
  // each step, in the same text.
  if (const auto* row = by_rows(words, false)) {
    take(row, confidence_level::certain, true);
    // "This message has been in the queue too long" is the reporting MTA's
    // own note that it gave up; the refusal it quotes with it (qmail's
    // "Connected to HOST but my name was rejected.") says why.
    if (row->category == "expired" && !context.text().empty()) {
      const auto* why = by_context();
      if (why != nullptr && why->category != "expired") take(why, confidence_level::likely, true);
    }
  } else if (const auto* jrow = internal::find_japanese_text(words, "reason")) {
    take_japanese(jrow, confidence_level::certain);
  } else if (const auto* crow = by_rows({}, true)) {
    take(crow, confidence_level::likely, false);
  } else if (const auto* hrow = context.text().empty() ? nullptr : by_context()) {
    take(hrow, confidence_level::likely, true);
  } else if (context.japanese_reason() >= 0) {
    take_japanese(&data::bounce_texts_ja()[static_cast<std::size_t>(context.japanese_reason())],
                  confidence_level::likely);
  } else if (r.status) {
    const auto st = parse_enhanced_status(*r.status);
    const std::string detail =
        st ? "X." + std::to_string(st->subject) + "." + std::to_string(st->detail) : "";
    const std::string subject = st ? "X." + std::to_string(st->subject) : "";
    std::string_view cat, subj_cat;
    for (const auto& srow : data::status_codes()) {
      if (srow.code == detail) cat = srow.category;
      if (srow.code == subject) subj_cat = srow.category;
    }
    if (cat.empty() || cat == "undetermined") {
      cat = subj_cat;
      c.matched = subject;
    } else {
      c.matched = detail;
    }
    if (!cat.empty()) c.category = std::string(cat);
  }
  if (c.matched.empty() && r.reply_code) {
    for (const auto& srow : data::status_codes()) {
      if (srow.code == std::to_string(*r.reply_code)) {
        c.category = std::string(srow.category);
        c.matched = std::string(srow.code);
      }
    }
  }

  // The block list a rejection names, for the delisting steps.
  if (c.category == "ip_blocklisted" || c.category == "reputation") {
    const auto lists = data::blocklists();
    for (std::size_t i = 0; i < lists.size(); ++i) {
      if (internal::icontains(r.diagnostic, lists[i].marker) || context.names_blocklist(i)) {
        c.blocklist = std::string(lists[i].name);
        break;
      }
    }
  }
  return c;
}

}  // namespace mailverdict
