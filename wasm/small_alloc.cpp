/**
 * @file small_alloc.cpp
 * @brief The module's operator new and delete: small blocks from free
 * lists of our own, the rest from dlmalloc.
 *
 * An analysis makes and drops thousands of short strings and small vectors
 * (libc++ keeps at most 10 characters inside a std::string on wasm32,
 * against 15 in the native build's libstdc++, so the module allocates more
 * often than the native CLI). Through dlmalloc each of these cost about a
 * tenth of the module's time. Here a block of up to kMaxSmall bytes comes
 * from a list of blocks of its size class (multiples of 8 bytes) or is cut
 * from a 64 KB page that holds blocks of that class only; freeing it pushes
 * it back onto that list. A page is never given back; a class keeps at most
 * as many blocks as were live at once.
 *
 * Which class a block belongs to is found from its address: pages are
 * aligned to their size, and kPageClass maps each 64 KB of the address
 * space to the class of the page there, or 0 where dlmalloc owns the memory.
 * The module is single-threaded (no -pthread), so there is no locking.
 */
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

constexpr std::size_t kGranule = 8;  // __STDCPP_DEFAULT_NEW_ALIGNMENT__ on wasm32
constexpr std::size_t kMaxSmall = 256;
constexpr std::size_t kClasses = kMaxSmall / kGranule + 1;  // class 0: not ours
constexpr std::size_t kPageBits = 16;
constexpr std::size_t kPageSize = std::size_t{1} << kPageBits;
// The whole 4 GB address space of wasm32, 64 KB at a time.
constexpr std::size_t kPages = (std::uint64_t{1} << 32) >> kPageBits;

struct free_block {
  free_block* next;
};

std::uint8_t g_page_class[kPages];
free_block* g_free[kClasses];
char* g_bump[kClasses];
char* g_end[kClasses];

std::size_t page_of(const void* p) { return reinterpret_cast<std::uintptr_t>(p) >> kPageBits; }

// A new page for class c, or false when memory is exhausted.
[[gnu::noinline]] bool refill(std::size_t c) {
  void* page = std::aligned_alloc(kPageSize, kPageSize);
  if (page == nullptr) return false;
  g_page_class[page_of(page)] = static_cast<std::uint8_t>(c);
  g_bump[c] = static_cast<char*>(page);
  g_end[c] = static_cast<char*>(page) + kPageSize;
  return true;
}

void* allocate(std::size_t n) {
  if (n <= kMaxSmall) {
    const std::size_t c = n == 0 ? 1 : (n + kGranule - 1) / kGranule;
    if (free_block* b = g_free[c]) {
      g_free[c] = b->next;
      return b;
    }
    const std::size_t size = c * kGranule;
    if (static_cast<std::size_t>(g_end[c] - g_bump[c]) < size && !refill(c)) return nullptr;
    void* p = g_bump[c];
    g_bump[c] += size;
    return p;
  }
  return std::malloc(n);
}

void release(void* p) {
  if (p == nullptr) return;
  const std::size_t c = g_page_class[page_of(p)];
  if (c == 0) {
    std::free(p);
    return;
  }
  auto* b = static_cast<free_block*>(p);
  b->next = g_free[c];
  g_free[c] = b;
}

void* allocate_or_throw(std::size_t n) {
  void* p = allocate(n);
  // The module is built without exceptions (-fignore-exceptions): out of
  // memory ends it, as dlmalloc's operator new would.
  if (p == nullptr) std::abort();
  return p;
}

}  // namespace

void* operator new(std::size_t n) { return allocate_or_throw(n); }
void* operator new[](std::size_t n) { return allocate_or_throw(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
