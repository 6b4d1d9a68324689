/**
 * @file records.cc
 * @brief Fuzz target: the pasted DNS records, DMARC (RFC 7489 §6.3) and SPF
 * (RFC 7208 §4.6), and analyze() with them as options. The input is split at
 * the first NUL: a record, then headers.
 */
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "mailverdict.h"
#include "mailverdict/dmarc_record.h"
#include "mailverdict/spf_record.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = in.find('\0');
  const std::string_view record = in.substr(0, nul);
  const std::string_view headers = nul == std::string_view::npos ? "" : in.substr(nul + 1);
  if (auto d = mailverdict::parse_dmarc_record(record)) {
    if (d->percent < 0 || d->percent > 100) std::abort();
    (void)d->policy_for("a.example.org", "example.org");
  }
  if (auto s = mailverdict::parse_spf_record(record)) {
    if (s->terms.size() > record.size()) std::abort();
    (void)s->mentions("example.org");
  }
  mailverdict::options opts;
  opts.dmarc_record = std::string(record);
  opts.spf_record = std::string(record);
  (void)mailverdict::to_json(mailverdict::analyze(headers, opts));
  return 0;
}
