/**
 * @file date.cc
 * @brief Fuzz target: parse_date() (RFC 5322 §3.3, §4.3) and format_utc().
 */
#include "mailverdict/date.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto d = mailverdict::parse_date(text);
  // Years 1970..9999 print as four digits, which is what the round trip needs.
  if (d && d->epoch_ms >= 0 && d->epoch_ms < 253402300800000) {
    // A parsed date round-trips through the formatter into something that
    // parses to the same instant.
    const auto iso = mailverdict::format_utc(d->epoch_ms);
    const auto again = mailverdict::parse_date(iso);
    if (!again) std::abort();
    if (again->epoch_seconds() != d->epoch_seconds()) std::abort();
  }
  return 0;
}
