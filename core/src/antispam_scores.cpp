/**
 * @file antispam_scores.cpp
 * @brief Scoring engines and gateways: SpamAssassin, Rspamd, Barracuda,
 * Proofpoint, Mimecast, Cisco, and the folder labels of Gmail and Yahoo.
 *
 * SpamAssassin's X-Spam-Status is `Yes|No, score=S required=R tests=A,B,C
 * autolearn=... version=...` (Mail::SpamAssassin::Conf, add_header
 * templates _YESNO_, _SCORE_, _REQD_, _TESTS_); amavis writes
 * `tests=[A=1.2, B=0.1]` with each test's score. X-Spam-Report holds one
 * `* score NAME description` line per test. Rspamd's X-Spamd-Result is
 * `metric: True|False [score / required]; SYMBOL(score)[options]; ...`
 * (milter_headers module), where `required` is the reject threshold.
 * Barracuda's X-Barracuda-Spam-Status follows SpamAssassin's shape with
 * TAG_LEVEL, QUARANTINE_LEVEL and KILL_LEVEL. What each test means is data
 * (core/data/spam_tests.tsv).
 */
#include <algorithm>
#include <array>
#include <cstdint>

#include "mailverdict/data/spam_tests.h"
#include "mailverdict/internal/antispam.h"
#include "mailverdict/internal/text.h"

namespace mailverdict::internal {

namespace {

struct test_info {
  std::string_view kind;
  std::string_view meaning;
  bool found = false;
};

// Exact name first; otherwise the longest matching "PREFIX_*" row.
test_info lookup_test(std::string_view engine, std::string_view name) {
  test_info best;
  std::size_t best_len = 0;
  for (const auto& row : data::spam_tests()) {
    if (row.engine != engine) continue;
    if (!row.test.empty() && row.test.back() == '*') {
      const std::string_view prefix = row.test.substr(0, row.test.size() - 1);
      if (prefix.size() > best_len && istarts_with(name, prefix)) {
        best = {row.kind, row.meaning, true};
        best_len = prefix.size();
      }
    } else if (iequals(row.test, name)) {
      return {row.kind, row.meaning, true};
    }
  }
  return best;
}

}  // namespace

namespace {
// 1e0 .. 1e22: every one an exact double.
constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
}  // namespace

// [+-]digits[.digits][(e|E)[+-]digits], read without strtod (whose
// long-double machinery weighed about 10 KB in the wasm build). With at most
// 15 significant digits and a power of ten within 1e22, the digits and the
// power are exact doubles and one IEEE multiplication or division rounds
// correctly, so the value is the one strtod gives; longer or larger numbers
// (never seen as spam scores) may differ in the last place.
std::optional<double> parse_score(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > 32) return std::nullopt;
  std::size_t i = 0;
  const bool negative = s[0] == '-';
  if (s[0] == '-' || s[0] == '+') ++i;
  std::uint64_t mantissa = 0;
  int digits = 0;  // significant digits in `mantissa`
  int exponent = 0;
  bool any = false;
  auto take = [&](char c, bool fraction) {
    any = true;
    if (digits < 19) {
      mantissa = mantissa * 10 + static_cast<std::uint64_t>(c - '0');
      if (mantissa != 0) ++digits;
      if (fraction) --exponent;
    } else if (!fraction) {
      ++exponent;  // an integer digit beyond what the mantissa holds
    }
  };
  for (; i < s.size() && is_digit(s[i]); ++i) take(s[i], false);
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && is_digit(s[i]); ++i) take(s[i], true);
  }
  if (!any) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    const bool down = i < s.size() && s[i] == '-';
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (i == s.size() || !is_digit(s[i])) return std::nullopt;
    int e = 0;
    for (; i < s.size() && is_digit(s[i]); ++i) e = std::min(e * 10 + (s[i] - '0'), 1000);
    exponent += down ? -e : e;
  }
  if (i != s.size()) return std::nullopt;
  double v = static_cast<double>(mantissa);
  if (digits <= 15 && exponent >= -22 && exponent <= 22) {
    v = exponent < 0 ? v / kPow10[-exponent] : v * kPow10[exponent];
  } else {
    for (; exponent > 0 && v != 0; --exponent) v *= 10;
    for (; exponent < 0 && v != 0; ++exponent) v /= 10;
  }
  return negative ? -v : v;
}

void add_test(antispam_decoded& d, std::string_view engine, std::string name, std::string score,
              std::string_view own_description) {
  const test_info t = lookup_test(engine, name);
  std::string meaning;
  std::string basis;
  if (t.found) {
    meaning = std::string(t.meaning);
    basis = "documented";
  } else if (!own_description.empty()) {
    meaning = "The filter's own description: " + std::string(trim(own_description));
    basis = "documented";
  } else {
    meaning =
        "A test this tool's table does not describe; its name and score are shown as written.";
    basis = "unknown";
  }
  add_known_field(d, std::move(name), std::move(score), std::move(meaning), std::move(basis),
                  "test:" + std::string(t.found ? t.kind : std::string_view("unknown")));
}

namespace {

// key=value tokens separated by white space; `[...]` values may hold
// spaces; a value ending in "," continues with the next token (folded test
// lists). Words without "=" are skipped. Linear.
std::vector<antispam_pair> key_values(std::string_view s) {
  std::vector<antispam_pair> out;
  std::size_t i = 0;
  const auto skip_ws = [&] {
    while (i < s.size() && (is_space(s[i]) || s[i] == ';')) ++i;
  };
  while (true) {
    skip_ws();
    if (i >= s.size()) break;
    const std::size_t start = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != '=') ++i;
    if (i >= s.size() || s[i] != '=') continue;  // a bare word
    antispam_pair p;
    p.name = std::string(s.substr(start, i - start));
    ++i;
    if (i < s.size() && s[i] == '[') {
      const std::size_t close = s.find(']', i);
      const std::size_t end = close == std::string_view::npos ? s.size() : close;
      p.value = std::string(s.substr(i + 1, end - i - 1));
      i = end == s.size() ? end : end + 1;
    } else {
      std::size_t vs = i;
      while (i < s.size() && !is_space(s[i]) && s[i] != ';') ++i;
      p.value = std::string(s.substr(vs, i - vs));
      while (!p.value.empty() && p.value.back() == ',') {
        std::size_t j = i;
        while (j < s.size() && is_space(s[j])) ++j;
        if (j >= s.size()) break;
        std::size_t k = j;
        while (k < s.size() && !is_space(s[k])) ++k;
        const std::string_view next = s.substr(j, k - j);
        if (next.find('=') != std::string_view::npos && next.back() != ',') {
          // "NAME=score" items only inside brackets; a key=value ends the list.
          break;
        }
        p.value += std::string(next);
        i = k;
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

// "A,B, C" or "A=1.2, B=0.1" → tests with optional scores.
void add_tests(antispam_decoded& d, std::string_view engine, std::string_view list) {
  std::size_t pos = 0;
  std::size_t count = 0;
  while (pos <= list.size() && count < kMaxAntispamFields) {
    std::size_t end = list.find(',', pos);
    if (end == std::string_view::npos) end = list.size();
    std::string_view item = trim(list.substr(pos, end - pos));
    pos = end + 1;
    if (item.empty() || item == "none") continue;
    std::string score;
    if (const std::size_t eq = item.find('='); eq != std::string_view::npos) {
      score = std::string(trim(item.substr(eq + 1)));
      item = trim(item.substr(0, eq));
    }
    add_test(d, engine, std::string(item), std::move(score), {});
    ++count;
  }
}

// SpamAssassin-shaped status: "Yes, score=7.1 required=5.0 tests=... ...".
antispam_decoded decode_status(std::string vendor, std::string_view table, std::string_view engine,
                               const header_field& f) {
  antispam_decoded d = make_decoded(std::move(vendor), f);
  std::string_view v = trim(f.value);
  std::size_t flag_end = 0;
  while (flag_end < v.size() && v[flag_end] != ',' && !is_space(v[flag_end])) ++flag_end;
  const std::string_view flag = v.substr(0, flag_end);
  if (iequals(flag, "yes") || iequals(flag, "no")) {
    add_field(d, table, "flag", std::string(flag));
    v = v.substr(flag_end);
  }
  auto pairs = key_values(v);
  if (pairs.size() > kMaxAntispamFields) pairs.resize(kMaxAntispamFields);
  for (auto& p : pairs) {
    if (iequals(p.name, "tests")) {
      add_field(d, table, "tests", p.value);
      add_tests(d, engine, p.value);
    } else {
      add_field(d, table, std::move(p.name), std::move(p.value));
    }
  }
  for (std::size_t i = 0; i < d.entry.fields.size(); ++i) {
    const auto& fl = d.entry.fields[i];
    if (iequals(fl.name, "score") || iequals(fl.name, "hits"))
      d.entry.score = parse_score(fl.value);
    if (iequals(fl.name, "required")) d.entry.threshold = parse_score(fl.value);
  }
  return d;
}

// SpamAssassin's report: "Content analysis details: (7.1 points, 5.0
// required)" and one "* score NAME description" line per test, longer
// descriptions continued on "*" lines without a score.
antispam_decoded decode_report(std::string vendor, std::string_view engine, const header_field& f) {
  antispam_decoded d = make_decoded(std::move(vendor), f);
  const std::string_view raw = f.raw.empty() ? std::string_view(f.value) : std::string_view(f.raw);
  if (const std::size_t open = raw.find('('); open != std::string_view::npos) {
    const std::size_t pts = ifind(raw, "points", open);
    const std::size_t req = ifind(raw, "required", open);
    if (pts != std::string_view::npos && req != std::string_view::npos && pts < req) {
      const std::string score(trim(raw.substr(open + 1, pts - open - 1)));
      const std::size_t comma = raw.find(',', pts);
      if (comma != std::string_view::npos && comma < req) {
        const std::string required(trim(raw.substr(comma + 1, req - comma - 1)));
        if (parse_score(score) && parse_score(required)) {
          add_field(d, "X-Spam-Report", "score", score);
          add_field(d, "X-Spam-Report", "required", required);
          d.entry.score = parse_score(score);
          d.entry.threshold = parse_score(required);
        }
      }
    }
  }
  // The report's lines: start after the field name's colon.
  std::size_t pos = raw.find(':');
  pos = pos == std::string_view::npos ? 0 : pos + 1;
  std::string pending_name, pending_score, pending_desc;
  const auto flush = [&] {
    if (!pending_name.empty()) add_test(d, engine, pending_name, pending_score, pending_desc);
    pending_name.clear();
    pending_score.clear();
    pending_desc.clear();
  };
  std::size_t lines = 0;
  while (pos < raw.size() && lines < kMaxAntispamFields) {
    std::size_t end = raw.find('\n', pos);
    if (end == std::string_view::npos) end = raw.size();
    std::string_view line = trim(raw.substr(pos, end - pos));
    pos = end + 1;
    ++lines;
    if (line.empty() || line.front() != '*') continue;
    line = trim(line.substr(1));
    std::size_t sp = 0;
    while (sp < line.size() && !is_space(line[sp])) ++sp;
    const std::string_view first = line.substr(0, sp);
    if (parse_score(first)) {
      flush();
      std::string_view rest = trim(line.substr(sp));
      std::size_t ns = 0;
      while (ns < rest.size() && !is_space(rest[ns])) ++ns;
      pending_name = std::string(rest.substr(0, ns));
      pending_score = std::string(first);
      pending_desc = std::string(trim(rest.substr(ns)));
    } else if (!pending_name.empty()) {
      pending_desc += " " + std::string(line);
    }
  }
  flush();
  return d;
}

// Rspamd: "default: False [-1.31 / 15.00]; SYM(0.00)[opts]; ...".
antispam_decoded decode_spamd_result(const header_field& f) {
  antispam_decoded d = make_decoded("rspamd", f);
  const std::string_view v = trim(f.value);
  std::size_t i = 0;
  const std::size_t colon = v.find(':');
  const std::size_t open = v.find('[');
  if (colon != std::string_view::npos && (open == std::string_view::npos || colon < open)) {
    add_field(d, "X-Spamd-Result", "metric", std::string(trim(v.substr(0, colon))));
    i = colon + 1;
  }
  if (open != std::string_view::npos) {
    const std::string_view verdict = trim(v.substr(i, open - i));
    if (!verdict.empty()) add_field(d, "X-Spamd-Result", "spam", std::string(verdict));
    const std::size_t close = v.find(']', open);
    if (close != std::string_view::npos) {
      const std::string_view inner = v.substr(open + 1, close - open - 1);
      const std::size_t slash = inner.find('/');
      const std::string score(trim(inner.substr(0, slash)));
      add_field(d, "X-Spamd-Result", "score", score);
      d.entry.score = parse_score(score);
      if (slash != std::string_view::npos) {
        const std::string required(trim(inner.substr(slash + 1)));
        add_field(d, "X-Spamd-Result", "required", required);
        d.entry.threshold = parse_score(required);
      }
      i = close + 1;
    }
  }
  // Symbols: NAME(score)[options], separated by ";".
  std::size_t count = 0;
  while (i < v.size() && count < kMaxAntispamFields) {
    while (i < v.size() && (is_space(v[i]) || v[i] == ';')) ++i;
    if (i >= v.size()) break;
    const std::size_t start = i;
    while (i < v.size() && v[i] != '(' && v[i] != ';' && v[i] != '[') ++i;
    std::string name(trim(v.substr(start, i - start)));
    std::string score;
    std::string options;
    if (i < v.size() && v[i] == '(') {
      const std::size_t close = v.find(')', i);
      const std::size_t end = close == std::string_view::npos ? v.size() : close;
      score = std::string(trim(v.substr(i + 1, end - i - 1)));
      i = end == v.size() ? end : end + 1;
    }
    if (i < v.size() && v[i] == '[') {
      int depth = 0;
      const std::size_t ostart = i + 1;
      for (; i < v.size(); ++i) {
        if (v[i] == '[') ++depth;
        if (v[i] == ']' && --depth == 0) break;
      }
      options = std::string(v.substr(ostart, std::min(i, v.size()) - ostart));
      if (i < v.size()) ++i;
    }
    while (i < v.size() && v[i] != ';') ++i;  // anything else up to the next symbol
    if (name.empty()) continue;
    add_test(d, "rspamd", std::move(name), std::move(score), {});
    if (!options.empty()) d.entry.fields.back().meaning += " Options: " + options + ".";
    ++count;
  }
  return d;
}

antispam_decoded decode_single(std::string vendor, const header_field& f,
                               std::string_view field_name) {
  antispam_decoded d = make_decoded(std::move(vendor), f);
  add_field(d, f.name, std::string(field_name), std::string(trim(f.value)));
  return d;
}

// Which vendor writes each header, for the headers read as one value.
struct single_header {
  std::string_view header;
  std::string_view vendor;
};
constexpr std::array kSingles = {
    single_header{"X-Spam-Flag", "spamassassin"},
    single_header{"X-Spam-Level", "spamassassin"},
    single_header{"X-Spam-Score", "spamassassin"},
    single_header{"X-Spam-Checker-Version", "spamassassin"},
    single_header{"X-Rspamd-Server", "rspamd"},
    single_header{"X-Rspamd-Queue-Id", "rspamd"},
    single_header{"X-Spamd-Bar", "rspamd"},
    single_header{"X-Spam", "rspamd"},
    single_header{"X-Rspamd-Score", "rspamd"},
    single_header{"X-Barracuda-Spam-Score", "barracuda"},
    single_header{"X-Barracuda-Spam-Flag", "barracuda"},
    single_header{"X-Mimecast-Spam-Score", "mimecast"},
    single_header{"X-Mimecast-Spam-Signature", "mimecast"},
    single_header{"X-IronPort-Anti-Spam-Filtered", "cisco"},
    single_header{"X-IronPort-Anti-Spam-Result", "cisco"},
    single_header{"X-IronPort-AV", "cisco"},
    single_header{"X-IronPort-Reputation", "cisco"},
    single_header{"X-YahooFilteredBulk", "yahoo"},
};

}  // namespace

std::optional<antispam_decoded> decode_score_header(const header_field& field) {
  const std::string_view name = field.name;
  if (iequals(name, "X-Spam-Status")) {
    return decode_status("spamassassin", "X-Spam-Status", "spamassassin", field);
  }
  if (iequals(name, "X-Barracuda-Spam-Status")) {
    return decode_status("barracuda", "X-Barracuda-Spam-Status", "spamassassin", field);
  }
  if (iequals(name, "X-Spam-Report")) return decode_report("spamassassin", "spamassassin", field);
  if (iequals(name, "X-Barracuda-Spam-Report"))
    return decode_report("barracuda", "spamassassin", field);
  if (iequals(name, "X-Spamd-Result")) return decode_spamd_result(field);
  if (iequals(name, "X-Rspamd-Action")) {
    antispam_decoded d = make_decoded("rspamd", field);
    add_field(d, "X-Rspamd-Action", "action", std::string(trim(field.value)));
    return d;
  }
  if (iequals(name, "X-Rspamd-Pre-Result")) {
    antispam_decoded d = make_decoded("rspamd", field);
    for (auto& p : key_values(field.value))
      add_field(d, "X-Rspamd-Pre-Result", std::move(p.name), std::move(p.value));
    return d;
  }
  if (iequals(name, "X-Proofpoint-Spam-Details")) {
    antispam_decoded d = make_decoded("proofpoint", field);
    auto pairs = key_values(field.value);
    const std::size_t n = std::min(pairs.size(), kMaxAntispamFields);
    for (std::size_t i = 0; i < n; ++i) {
      add_field(d, "X-Proofpoint-Spam-Details", std::move(pairs[i].name),
                std::move(pairs[i].value));
    }
    note_skipped(d, pairs.size() - n);
    return d;
  }
  if (iequals(name, "X-Mimecast-Impersonation-Protect")) {
    // "Policy=...;Similar Internal Domain=false;Newly Observed Domain=true;..."
    antispam_decoded d = make_decoded("mimecast", field);
    std::size_t pos = 0;
    const std::string_view v = field.value;
    while (pos <= v.size() && d.entry.fields.size() < kMaxAntispamFields) {
      std::size_t end = v.find(';', pos);
      if (end == std::string_view::npos) end = v.size();
      const std::string_view item = trim(v.substr(pos, end - pos));
      pos = end + 1;
      if (item.empty()) continue;
      const std::size_t eq = item.find('=');
      const std::string_view key = eq == std::string_view::npos ? item : trim(item.substr(0, eq));
      const std::string_view val =
          eq == std::string_view::npos ? std::string_view() : trim(item.substr(eq + 1));
      add_field(d, "X-Mimecast-Impersonation-Protect", std::string(key), std::string(val));
    }
    return d;
  }
  if (iequals(name, "X-Gmail-Labels")) {
    antispam_decoded d = make_decoded("google", field);
    std::size_t pos = 0;
    const std::string_view v = field.value;
    while (pos <= v.size()) {
      std::size_t end = v.find(',', pos);
      if (end == std::string_view::npos) end = v.size();
      const std::string_view label = trim(v.substr(pos, end - pos));
      if (!label.empty() && d.entry.fields.size() < kMaxAntispamFields) {
        add_field(d, "X-Gmail-Labels", "label", std::string(label));
      }
      pos = end + 1;
    }
    return d;
  }
  for (const auto& s : kSingles) {
    if (iequals(name, s.header)) return decode_single(std::string(s.vendor), field, s.header);
  }
  return std::nullopt;
}

}  // namespace mailverdict::internal
