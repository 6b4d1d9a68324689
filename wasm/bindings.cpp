/**
 * @file bindings.cpp
 * @brief The WebAssembly module's surface: a plain C ABI over the core,
 * UTF-8 in, UTF-8 out. wasm/mailverdict.mjs is its only caller: it copies
 * the text into memory from mv_alloc(), calls mv_analyze(), reads the
 * result (mv_result_size() bytes at the returned address) with a
 * TextDecoder and frees the input with mv_free(). The result stays valid
 * until the next mv_analyze().
 *
 * No embind: its runtime and the JavaScript it needs weighed about 12 KB of
 * the page (gzipped), for four functions that take and return strings.
 */
#include <cstddef>
#include <cstdlib>
#include <string>
#include <string_view>

#include "mailverdict.h"

namespace {

std::string g_result;  // the last result, read by the caller through mv_result_size()

}  // namespace

extern "C" {

/// `n` bytes for the caller to fill (at least one, so that the address is never null).
void* mv_alloc(std::size_t n) { return std::malloc(n == 0 ? 1 : n); }

void mv_free(void* p) { std::free(p); }

/// Analyzes text[0, n) with the DMARC and SPF records the user pasted (empty
/// when none). `as_text`: 0 for the report as JSON (schema 1), 1 for the
/// plain-text rendering. Returns the result's address; mv_result_size() is
/// its length.
const char* mv_analyze(const char* text, std::size_t n, const char* dmarc, std::size_t dmarc_n,
                       const char* spf, std::size_t spf_n, int as_text) {
  mailverdict::options opts;
  opts.dmarc_record.assign(dmarc, dmarc_n);
  opts.spf_record.assign(spf, spf_n);
  const mailverdict::report r = mailverdict::analyze(std::string_view(text, n), opts);
  g_result = as_text != 0 ? mailverdict::to_text(r) : mailverdict::to_json(r);
  return g_result.data();
}

std::size_t mv_result_size() { return g_result.size(); }

/// The core's version, NUL-terminated.
const char* mv_version() { return mailverdict::kVersion; }

}  // extern "C"
