/**
 * @file date.cpp
 * @brief Tolerant date-time parsing (RFC 5322 §3.3 and §4.3 obsolete
 * syntax, plus the forms real servers write), normalized to UTC.
 */
#include "mailverdict/date.h"

#include <array>
#include <optional>
#include <vector>

#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

using internal::is_alpha;
using internal::is_digit;

struct token {
  enum kind_t { number, word, punct } kind;
  std::string_view text;
};

// Splits into numbers, words and single punctuation characters, dropping
// white space and comments (RFC 5322 §3.2.2; nesting tracked by a counter).
std::vector<token> tokenize(std::string_view s) {
  std::vector<token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '(') {
      int depth = 0;
      for (; i < s.size(); ++i) {
        if (s[i] == '\\') {
          ++i;
        } else if (s[i] == '(') {
          ++depth;
        } else if (s[i] == ')' && --depth == 0) {
          ++i;
          break;
        }
      }
      continue;
    }
    const std::size_t start = i;
    if (is_digit(c)) {
      while (i < s.size() && is_digit(s[i])) ++i;
      out.push_back({token::number, s.substr(start, i - start)});
    } else if (is_alpha(c)) {
      while (i < s.size() && is_alpha(s[i])) ++i;
      out.push_back({token::word, s.substr(start, i - start)});
    } else if (c == ':' || c == '/' || c == '-' || c == '.' || c == '+' || c == ',') {
      out.push_back({token::punct, s.substr(i, 1)});
      ++i;
    } else {
      ++i;  // white space and anything else separate tokens
    }
    // Keep the token count bounded: a date is short, junk after it is not
    // worth reading.
    if (out.size() > 64) break;
  }
  return out;
}

int number_of(std::string_view digits) {
  int v = 0;
  for (char c : digits.substr(0, 9)) v = v * 10 + (c - '0');
  return v;
}

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 7> kWeekdays = {"sun", "mon", "tue", "wed",
                                                       "thu", "fri", "sat"};

// A month or weekday name: its three-letter prefix, and the whole word is
// either that prefix or a prefix of the full English name ("Sept", "Thur",
// "Tues", "Saturday").
int name_index(std::string_view lw, const auto& names,
               std::initializer_list<std::string_view> full) {
  if (lw.size() < 3) return -1;
  for (std::size_t k = 0; k < names.size(); ++k) {
    if (lw.substr(0, 3) != names[k]) continue;
    const std::string_view f = *(full.begin() + k);
    if (lw.size() <= f.size() && f.substr(0, lw.size()) == lw) return static_cast<int>(k);
  }
  return -1;
}

int month_index(std::string_view lw) {
  return name_index(lw, kMonths,
                    {"january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"});
}

int weekday_index(std::string_view lw) {
  return name_index(lw, kWeekdays,
                    {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"});
}

struct zone_name {
  std::string_view name;
  int minutes;
};
// RFC 5322 §4.3 obs-zone, plus names servers commonly write in comments or
// after the offset. Ambiguous abbreviations (IST, BST in some regions) are
// deliberately left out: an unknown name leaves the zone unknown.
constexpr std::array<zone_name, 24> kZones = {{
    {"ut", 0},        {"utc", 0},       {"gmt", 0},       {"z", 0},         {"edt", -4 * 60},
    {"est", -5 * 60}, {"cdt", -5 * 60}, {"cst", -6 * 60}, {"mdt", -6 * 60}, {"mst", -7 * 60},
    {"pdt", -7 * 60}, {"pst", -8 * 60}, {"wet", 0},       {"west", 60},     {"cet", 60},
    {"cest", 120},    {"eet", 120},     {"eest", 180},    {"msk", 180},     {"jst", 540},
    {"kst", 540},     {"hkt", 480},     {"aest", 600},    {"aedt", 660},
}};

std::optional<int> zone_offset(std::string_view lw) {
  for (const auto& z : kZones) {
    if (z.name == lw) return z.minutes;
  }
  return std::nullopt;
}

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(std::int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (m == 2 && is_leap(y)) ? 29 : kDays[m - 1];
}

// RFC 5322 §4.3: two-digit years 00-49 are 2000-2049, 50-99 are 1950-1999;
// three-digit years add 1900.
int expand_year(int y, std::size_t digits) {
  if (digits <= 2) return y < 50 ? 2000 + y : 1900 + y;
  if (digits == 3) return 1900 + y;
  return y;
}

}  // namespace

bool starts_like_date(std::string_view word) {
  if (word.empty()) return false;
  if (is_digit(word[0])) return true;
  if (word.size() < 3 || !is_alpha(word[0]) || !is_alpha(word[1]) || !is_alpha(word[2]))
    return false;
  std::size_t n = 0;
  while (n < word.size() && is_alpha(word[n])) ++n;
  const std::string lw = internal::lower(word.substr(0, n));
  return month_index(lw) >= 0 || weekday_index(lw) >= 0;
}

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  // The proleptic Gregorian day count, era by era (400-year cycles).
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string format_utc(std::int64_t epoch_ms) {
  std::int64_t secs = epoch_ms >= 0 ? epoch_ms / 1000 : -((-epoch_ms + 999) / 1000);
  const std::int64_t ms = epoch_ms - secs * 1000;
  std::int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  const std::int64_t rem = secs - days * 86400;
  // Inverse of days_from_civil.
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  auto two = [](std::int64_t v) {
    std::string s = std::to_string(v);
    return s.size() < 2 ? "0" + s : s;
  };
  std::string out = std::to_string(y) + "-" + two(m) + "-" + two(d) + "T" + two(rem / 3600) + ":" +
                    two(rem / 60 % 60) + ":" + two(rem % 60);
  if (ms != 0) {
    std::string f = std::to_string(ms);
    out += "." + std::string(3 - f.size(), '0') + f;
  }
  return out + "Z";
}

result<date_time> parse_date(std::string_view text) {
  const std::vector<token> t = tokenize(text);
  int year = -1, month = -1, day = -1, weekday = -1;
  std::size_t year_digits = 4;
  int hour = -1, minute = 0, second = 0, millis = 0;
  int ampm = 0;  // 1 am, 2 pm
  std::optional<int> numeric_zone, named_zone;
  bool numeric_zone_unknown = false;  // "-0000" (RFC 5322 §3.3)

  auto is_punct = [&](std::size_t k, char c) {
    return k < t.size() && t[k].kind == token::punct && t[k].text[0] == c;
  };
  auto is_number = [&](std::size_t k) { return k < t.size() && t[k].kind == token::number; };

  for (std::size_t i = 0; i < t.size(); ++i) {
    const token& tok = t[i];
    if (tok.kind == token::word) {
      const std::string lw = internal::lower(tok.text);
      if (int w = weekday_index(lw); w >= 0) {
        weekday = w;
      } else if (int m = month_index(lw); m >= 0 && month < 0) {
        month = m + 1;
      } else if (lw == "am" || lw == "pm") {
        ampm = lw == "am" ? 1 : 2;
      } else if (auto z = zone_offset(lw)) {
        if (!named_zone) named_zone = *z;
      } else if (lw.size() == 1 && !numeric_zone && !named_zone && hour >= 0 && lw != "t") {
        // RFC 5322 §4.3: military zone letters were defined wrongly in
        // RFC 822; they mean "-0000" (zone unknown).
        numeric_zone_unknown = true;
      }
      continue;
    }
    if (tok.kind == token::punct) {
      // A numeric zone: "+0200", "-0400", "+02:00".
      if ((tok.text[0] == '+' || tok.text[0] == '-') && is_number(i + 1) && !numeric_zone &&
          (hour >= 0 || (year >= 0 && month >= 0 && day >= 0))) {
        const std::string_view n = t[i + 1].text;
        int hh = -1, mm = -1;
        if (n.size() == 4) {
          hh = number_of(n.substr(0, 2));
          mm = number_of(n.substr(2));
          ++i;
        } else if (n.size() <= 2 && is_punct(i + 2, ':') && is_number(i + 3) &&
                   t[i + 3].text.size() == 2) {
          hh = number_of(n);
          mm = number_of(t[i + 3].text);
          i += 3;
        }
        if (hh >= 0 && hh <= 23 && mm >= 0 && mm <= 59) {
          const int off = hh * 60 + mm;
          numeric_zone = tok.text[0] == '-' ? -off : off;
          if (off == 0 && tok.text[0] == '-') numeric_zone_unknown = true;
        }
      }
      continue;
    }
    // A number.
    const int v = number_of(tok.text);
    if (is_punct(i + 1, ':') && is_number(i + 2) && hour < 0 && tok.text.size() <= 2) {
      // time-of-day = hour ":" minute [ ":" second ] (RFC 5322 §3.3), with a
      // fraction of a second as SendGrid and Gmail write.
      hour = v;
      minute = number_of(t[i + 2].text);
      i += 2;
      if (is_punct(i + 1, ':') && is_number(i + 2)) {
        second = number_of(t[i + 2].text);
        i += 2;
        if (is_punct(i + 1, '.') && is_number(i + 2)) {
          const std::string_view f = t[i + 2].text;
          std::string_view ms = f.substr(0, 3);
          millis = number_of(ms);
          for (std::size_t k = ms.size(); k < 3; ++k) millis *= 10;
          i += 2;
        }
      }
      continue;
    }
    // Numeric dates: 2018-4-20, 4/20/2018, 4-20-2018, 20.04.2018.
    if (year < 0 && month < 0 && i + 4 < t.size() && t[i + 1].kind == token::punct &&
        (t[i + 1].text[0] == '/' || t[i + 1].text[0] == '-' || t[i + 1].text[0] == '.') &&
        is_number(i + 2) && is_punct(i + 3, t[i + 1].text[0]) && is_number(i + 4)) {
      const char sep = t[i + 1].text[0];
      const int b = number_of(t[i + 2].text);
      const int c = number_of(t[i + 4].text);
      if (tok.text.size() == 4) {
        year = v, month = b, day = c;
      } else if (sep == '.' || v > 12) {
        day = v, month = b, year = c;
        year_digits = t[i + 4].text.size();
      } else {
        month = v, day = b, year = c;
        year_digits = t[i + 4].text.size();
      }
      i += 4;
      continue;
    }
    if (tok.text.size() == 4 && year < 0) {
      year = v;
    } else if (day < 0 && tok.text.size() <= 2 && v >= 1 && v <= 31) {
      day = v;
    } else if (year < 0 && tok.text.size() <= 3) {
      year = v;
      year_digits = tok.text.size();
    }
  }

  if (year < 0 || month < 0 || day < 0) {
    return parse_error{error_code::syntax, "no complete date (day, month and year) was found"};
  }
  year = expand_year(year, year_digits);
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      static_cast<unsigned>(day) > days_in_month(year, static_cast<unsigned>(month))) {
    return parse_error{error_code::syntax, "the date is not a real calendar date"};
  }
  date_time dt;
  dt.has_time = hour >= 0;
  if (hour < 0) hour = 0;
  if (ampm == 1 && hour == 12) hour = 0;
  if (ampm == 2 && hour < 12) hour += 12;
  if (hour > 24 || minute > 59 || second > 60 || (hour == 24 && (minute > 0 || second > 0))) {
    return parse_error{error_code::syntax, "the time of day is out of range"};
  }
  int offset = 0;
  if (numeric_zone) {
    offset = *numeric_zone;
    dt.zone_known = !numeric_zone_unknown;
  } else if (named_zone) {
    offset = *named_zone;
    dt.zone_known = true;
  }
  dt.offset_minutes = offset;
  const std::int64_t days =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  const std::int64_t secs = days * 86400 + hour * 3600 + minute * 60 + second - offset * 60;
  dt.epoch_ms = secs * 1000 + millis;
  if (weekday >= 0) {
    dt.has_weekday = true;
    const std::int64_t wd = ((days % 7) + 7 + 4) % 7;  // 1970-01-01 was a Thursday
    dt.weekday_mismatch = wd != weekday;
  }
  return dt;
}

}  // namespace mailverdict
