/**
 * @file analyze.h
 * @brief The one entry point: text in, report out.
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "mailverdict/report.h"

namespace mailverdict {

/// Inputs larger than this are cut at this size, with a warning in the report.
inline constexpr std::size_t kMaxInputBytes = 16u * 1024u * 1024u;

/// The report lists at most this many header fields (`headers`); a warning
/// says how many more the input held. Real messages have well under 200.
inline constexpr std::size_t kMaxListedHeaders = 1000;

/// Optional extra knowledge the user may paste beside the headers.
struct options {
  std::string dmarc_record;  ///< e.g. "v=DMARC1; p=reject; adkim=s"
  std::string spf_record;    ///< e.g. "v=spf1 include:_spf.google.com -all"
};

/// Analyzes pasted headers, a whole message or a bounce. Never throws and
/// never fails: unreadable input gives a report of kind `empty` or
/// `not_email` that says why. Time and memory are linear in the input.
report analyze(std::string_view text, const options& opts = {});

}  // namespace mailverdict
