/**
 * @file date.h
 * @brief Dates as mail servers write them (RFC 5322 §3.3, §4.3), normalized
 * to UTC.
 *
 * Beyond the RFC 5322 date-time grammar this accepts what real servers and
 * mail programs write: obsolete zone names (UT, GMT, EST, ..., military
 * letters, §4.3), missing weekday or seconds, full weekday and month names,
 * two- and three-digit years (§4.3), fractions of a second (SendGrid,
 * Gmail), ISO 8601 ("2018-04-22 02:54:17 +0000 UTC"), US numeric dates with
 * AM/PM ("4/20/2018 11:01:16 PM"), comments and stray words.
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "mailverdict/errors.h"

namespace mailverdict {

/// A point in time read from a header, in UTC.
struct date_time {
  std::int64_t epoch_ms = 0;      ///< Milliseconds since 1970-01-01T00:00:00Z.
  int offset_minutes = 0;         ///< The zone offset as written (+0200 → 120).
  bool zone_known = false;        ///< False when no zone (or "-0000") was given: UTC assumed.
  bool has_time = true;           ///< False for a date without a time of day (midnight used).
  bool has_weekday = false;       ///< A weekday name was written.
  bool weekday_mismatch = false;  ///< The weekday written is not the date's weekday.

  /// Whole seconds since the epoch (rounded toward negative infinity).
  std::int64_t epoch_seconds() const {
    return epoch_ms >= 0 ? epoch_ms / 1000 : -((-epoch_ms + 999) / 1000);
  }
};

/// Parses a date-time. Words it does not know (and comments) are skipped;
/// a year, a month and a day are required, and must form a real calendar
/// date. Fails with error_code::syntax otherwise. Linear in the input.
result<date_time> parse_date(std::string_view text);

/// True when `word` could begin a date: a digit, or an English weekday or
/// month name (its first three letters).
bool starts_like_date(std::string_view word);

/// ISO 8601 in UTC: "2018-04-21T03:01:33Z" (milliseconds shown when not 0).
std::string format_utc(std::int64_t epoch_ms);

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1..12).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);

}  // namespace mailverdict
