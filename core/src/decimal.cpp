/**
 * @file decimal.cpp
 * @brief Doubles in decimal from their exact binary value (see
 * internal/decimal.h).
 *
 * The shortest form follows the free-format algorithm of Steele and White
 * as refined by Burger and Dybvig ("Printing Floating-Point Numbers Quickly
 * and Accurately", 1996): with the value and the halfway points to its
 * neighbours as exact fractions r/s, m+/s and m-/s, digits are generated
 * until the number so far lies strictly (or, when the significand is even,
 * also on the boundary, since round-to-even reads such a decimal back as
 * the same double) within the rounding interval; the last digit is the
 * nearer of the two that do.
 */
#include "mailverdict/internal/decimal.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace mailverdict::internal {

namespace {

// A non-negative integer of up to 1,280 bits: enough for any double scaled
// by the powers of ten these algorithms need (below 2^1,150).
class big {
 public:
  explicit big(std::uint64_t v = 0) {
    w_[0] = static_cast<std::uint32_t>(v);
    w_[1] = static_cast<std::uint32_t>(v >> 32);
    n_ = w_[1] != 0 ? 2 : w_[0] != 0 ? 1 : 0;
  }

  bool is_zero() const { return n_ == 0; }

  void shift_left(unsigned bits) {
    if (n_ == 0) return;
    const unsigned words = bits / 32;
    const unsigned rest = bits % 32;
    int top = std::min(n_ + static_cast<int>(words) + 1, kWords);
    for (int i = top - 1; i >= 0; --i) {
      const int from = i - static_cast<int>(words);
      std::uint32_t v = 0;
      if (from >= 0 && from < n_) v = w_[from] << rest;
      if (rest != 0 && from - 1 >= 0 && from - 1 < n_) v |= w_[from - 1] >> (32 - rest);
      w_[i] = v;
    }
    n_ = top;
    trim();
  }

  void shift_right(unsigned bits) {
    const unsigned words = bits / 32;
    const unsigned rest = bits % 32;
    for (int i = 0; i < n_; ++i) {
      const std::size_t from = i + words;
      std::uint32_t v = 0;
      if (from < static_cast<std::size_t>(n_)) v = w_[from] >> rest;
      if (rest != 0 && from + 1 < static_cast<std::size_t>(n_)) v |= w_[from + 1] << (32 - rest);
      w_[i] = v;
    }
    trim();
  }

  // Keeps the low `bits` bits.
  void keep_low(unsigned bits) {
    const unsigned words = bits / 32;
    const unsigned rest = bits % 32;
    if (words >= static_cast<unsigned>(n_)) return;
    w_[words] &= rest == 0 ? 0 : (~std::uint32_t{0} >> (32 - rest));
    for (int i = static_cast<int>(words) + 1; i < n_; ++i) w_[i] = 0;
    trim();
  }

  void mul_small(std::uint32_t m) {
    std::uint64_t carry = 0;
    for (int i = 0; i < n_; ++i) {
      const std::uint64_t v = static_cast<std::uint64_t>(w_[i]) * m + carry;
      w_[i] = static_cast<std::uint32_t>(v);
      carry = v >> 32;
    }
    if (carry != 0 && n_ < kWords) w_[n_++] = static_cast<std::uint32_t>(carry);
  }

  void mul_pow10(int k) {
    for (; k >= 9; k -= 9) mul_small(1000000000);
    for (; k > 0; --k) mul_small(10);
  }

  // Divides by m (> 0); returns the remainder.
  std::uint32_t divmod_small(std::uint32_t m) {
    std::uint64_t rem = 0;
    for (int i = n_ - 1; i >= 0; --i) {
      const std::uint64_t v = (rem << 32) | w_[i];
      w_[i] = static_cast<std::uint32_t>(v / m);
      rem = v % m;
    }
    trim();
    return static_cast<std::uint32_t>(rem);
  }

  void add(const big& o) {
    std::uint64_t carry = 0;
    const int n = std::max(n_, o.n_);
    for (int i = 0; i < n; ++i) {
      const std::uint64_t v = static_cast<std::uint64_t>(w_[i]) + o.w_[i] + carry;
      w_[i] = static_cast<std::uint32_t>(v);
      carry = v >> 32;
    }
    n_ = n;
    if (carry != 0 && n_ < kWords) w_[n_++] = 1;
  }

  // Requires *this >= o.
  void sub(const big& o) {
    std::int64_t borrow = 0;
    for (int i = 0; i < n_; ++i) {
      std::int64_t v = static_cast<std::int64_t>(w_[i]) - (i < o.n_ ? o.w_[i] : 0) - borrow;
      borrow = v < 0 ? 1 : 0;
      if (v < 0) v += std::int64_t{1} << 32;
      w_[i] = static_cast<std::uint32_t>(v);
    }
    trim();
  }

  friend int compare(const big& a, const big& b) {
    if (a.n_ != b.n_) return a.n_ < b.n_ ? -1 : 1;
    for (int i = a.n_ - 1; i >= 0; --i) {
      if (a.w_[i] != b.w_[i]) return a.w_[i] < b.w_[i] ? -1 : 1;
    }
    return 0;
  }

 private:
  static constexpr int kWords = 40;
  void trim() {
    while (n_ > 0 && w_[n_ - 1] == 0) --n_;
  }
  std::array<std::uint32_t, kWords> w_{};
  int n_ = 0;
};

int compare_sum(const big& a, const big& b, const big& c) {  // a + b against c
  big t = a;
  t.add(b);
  return compare(t, c);
}

struct decomposed {
  bool negative;
  bool special;  // nan or infinity: `text` holds it
  std::string text;
  std::uint64_t f;  // value = f * 2^e, f = 0 for zero
  int e;
  bool unequal_gaps;  // a power of two: the next lower double is half as far
};

decomposed decompose(double d) {
  std::uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  decomposed r{};
  r.negative = (bits >> 63) != 0;
  const int biased = static_cast<int>((bits >> 52) & 0x7FF);
  const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
  if (biased == 0x7FF) {
    r.special = true;
    r.text = fraction != 0 ? "nan" : r.negative ? "-inf" : "inf";
    return r;
  }
  if (biased == 0) {
    r.f = fraction;
    r.e = -1074;
  } else {
    r.f = fraction | (std::uint64_t{1} << 52);
    r.e = biased - 1075;
  }
  r.unequal_gaps = fraction == 0 && biased > 1;
  return r;
}

void append_exponent(std::string& out, int exp) {
  out += 'e';
  out += exp < 0 ? '-' : '+';
  exp = exp < 0 ? -exp : exp;
  if (exp >= 100) out += static_cast<char>('0' + exp / 100);
  out += static_cast<char>('0' + exp / 10 % 10);
  out += static_cast<char>('0' + exp % 10);
}

}  // namespace

std::string shortest_decimal(double d) {
  const decomposed v = decompose(d);
  if (v.special) return v.text;
  std::string out = v.negative ? "-" : "";
  if (v.f == 0) return out + "0";

  // value = r/s; the halfway points to the neighbours are (r + m+)/s and (r - m-)/s.
  const unsigned u = v.unequal_gaps ? 1 : 0;
  big r(v.f), s(1), m_plus(1), m_minus(1);
  if (v.e >= 0) {
    r.shift_left(static_cast<unsigned>(v.e) + 1 + u);
    s.shift_left(1 + u);
    m_plus.shift_left(static_cast<unsigned>(v.e) + u);
    m_minus.shift_left(static_cast<unsigned>(v.e));
  } else {
    r.shift_left(1 + u);
    s.shift_left(static_cast<unsigned>(1 - v.e) + u);
    m_plus.shift_left(u);
  }
  // The decimal exponent k with 10^(k-1) <= value < 10^k: estimated from the
  // binary one (never too large, at most one too small), then corrected.
  const int bit_length = 64 - __builtin_clzll(v.f);
  int k = static_cast<int>(std::ceil((v.e + bit_length - 1) * 0.30102999566398114 - 1e-10));
  if (k >= 0) {
    s.mul_pow10(k);
  } else {
    r.mul_pow10(-k);
    m_plus.mul_pow10(-k);
    m_minus.mul_pow10(-k);
  }
  const bool even = (v.f & 1) == 0;  // boundaries read back as this double
  const int high = compare_sum(r, m_plus, s);
  if (even ? high >= 0 : high > 0) {
    s.mul_small(10);
    ++k;
  }

  std::array<char, 24> digits{};
  int n = 0;
  for (;;) {
    r.mul_small(10);
    m_plus.mul_small(10);
    m_minus.mul_small(10);
    int digit = 0;
    while (compare(r, s) >= 0) {
      r.sub(s);
      ++digit;
    }
    const int low = compare(r, m_minus);
    const int up = compare_sum(r, m_plus, s);
    const bool low_done = even ? low <= 0 : low < 0;
    const bool high_done = even ? up >= 0 : up > 0;
    if (!low_done && !high_done && n < 20) {
      digits[n++] = static_cast<char>(digit);
      continue;
    }
    if (low_done && high_done) {
      // Both the digit and the next one up read back: the nearer, or the even one.
      big twice = r;
      twice.mul_small(2);
      const int c = compare(twice, s);
      if (c > 0 || (c == 0 && digit % 2 != 0)) ++digit;
    } else if (high_done) {
      ++digit;
    }
    digits[n++] = static_cast<char>(digit);
    break;
  }
  // A digit rounded up to ten carries into the ones before it.
  for (int i = n - 1; i > 0 && digits[i] == 10; --i) {
    digits[i] = 0;
    ++digits[i - 1];
  }
  if (digits[0] == 10) {
    digits[0] = 1;
    ++k;
  }
  while (n > 1 && digits[n - 1] == 0) --n;

  // fmt's general form: positional for decimal exponents -4..15.
  const int exp10 = k - 1;
  if (exp10 < -4 || exp10 >= 16) {
    out += static_cast<char>('0' + digits[0]);
    if (n > 1) {
      out += '.';
      for (int i = 1; i < n; ++i) out += static_cast<char>('0' + digits[i]);
    }
    append_exponent(out, exp10);
  } else if (k >= n) {
    for (int i = 0; i < n; ++i) out += static_cast<char>('0' + digits[i]);
    out.append(static_cast<std::size_t>(k - n), '0');
  } else if (k > 0) {
    for (int i = 0; i < n; ++i) {
      if (i == k) out += '.';
      out += static_cast<char>('0' + digits[i]);
    }
  } else {
    out += "0.";
    out.append(static_cast<std::size_t>(-k), '0');
    for (int i = 0; i < n; ++i) out += static_cast<char>('0' + digits[i]);
  }
  return out;
}

std::string fixed_decimal(double d, int places) {
  const decomposed v = decompose(d);
  if (v.special) return v.text;
  places = std::clamp(places, 0, 17);
  // n = |d| * 10^places, rounded to the nearest integer (ties to even).
  big n(v.f);
  n.mul_pow10(places);
  if (v.e >= 0) {
    n.shift_left(static_cast<unsigned>(v.e));
  } else {
    const unsigned shift = static_cast<unsigned>(-v.e);
    big rest = n;
    rest.keep_low(shift);
    n.shift_right(shift);
    rest.shift_left(1);  // twice the remainder, against the divisor 2^shift
    big half(1);
    half.shift_left(shift);
    const int c = compare(rest, half);
    std::uint64_t low = 0;
    if (!n.is_zero()) {
      big copy = n;
      low = copy.divmod_small(2);
    }
    if (c > 0 || (c == 0 && low != 0)) n.add(big(1));
  }
  std::string digits;
  while (!n.is_zero()) {
    std::uint32_t chunk = n.divmod_small(1000000000);
    for (int i = 0; i < 9; ++i) {
      digits += static_cast<char>('0' + chunk % 10);
      chunk /= 10;
    }
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  if (digits.size() < static_cast<std::size_t>(places) + 1) digits.resize(places + 1, '0');
  std::string out = v.negative ? "-" : "";
  for (std::size_t i = digits.size(); i-- > 0;) {
    out += digits[i];
    if (i == static_cast<std::size_t>(places) && places > 0) out += '.';
  }
  return out;
}

}  // namespace mailverdict::internal
