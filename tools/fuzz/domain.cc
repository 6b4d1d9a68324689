/**
 * @file domain.cc
 * @brief Fuzz target: domain normalization, the Public Suffix List lookup and
 * alignment (RFC 7489 §3.2). The input is split at the first NUL into an
 * identifier and a From: domain.
 */
#include "mailverdict/domain.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = in.find('\0');
  const std::string_view a = in.substr(0, nul);
  const std::string_view b = nul == std::string_view::npos ? in : in.substr(nul + 1);
  const std::string org = mailverdict::organizational_domain(a);
  const std::string suffix = mailverdict::public_suffix(a);
  // Both are in A-label form (RFC 5890 §2.3.2.1), which may be longer than a
  // Unicode input, but only by a bounded factor.
  if (org.size() > 8 * a.size() + 8 || suffix.size() > 8 * a.size() + 8) std::abort();
  if (!org.empty() && org.size() < suffix.size()) std::abort();
  const bool strict = mailverdict::aligned(a, b, mailverdict::alignment_mode::strict);
  const bool relaxed = mailverdict::aligned(a, b, mailverdict::alignment_mode::relaxed);
  if (strict && !relaxed) std::abort();  // strict alignment implies relaxed
  (void)mailverdict::domain_of(b);
  return 0;
}
