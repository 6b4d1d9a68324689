/**
 * @file byte_search.cpp
 * @brief The WebAssembly module's memchr and memcmp (see byte_search.h).
 *
 * Linked before Emscripten's C library, these definitions take the place of
 * musl's. Compiled without LTO and with -fno-builtin (wasm/CMakeLists.txt),
 * so that the compiler cannot turn their loops back into calls to
 * themselves.
 */
#include "byte_search.h"

extern "C" {

void* memchr(const void* s, int c, std::size_t n) {
  return const_cast<void*>(mailverdict::wasm_detail::find_byte(s, c, n));
}

int memcmp(const void* a, const void* b, std::size_t n) {
  return mailverdict::wasm_detail::compare_bytes(a, b, n);
}

}  // extern "C"
