/**
 * @file internal/decimal.h
 * @brief Doubles written in decimal, exactly, without fmt or printf (both
 * weighed tens of kilobytes in the WebAssembly module for the two numbers
 * a report holds: an antispam score and its threshold).
 *
 * Both functions work on the exact binary value with a small big-integer
 * type, so they are correct for every double, and take time in proportion
 * to its size in digits (at most a few hundred steps for extreme ones).
 */
#pragma once

#include <string>

namespace mailverdict::internal {

/// The shortest digits that read back as `d` (round to nearest, ties to
/// even), and of those the nearest to `d`: "5", "-1.9", "0.0001", "1e-05",
/// "1.5e+16", "-0". Positional notation for decimal exponents -4 to 15,
/// scientific outside (at least two exponent digits). This is what
/// fmt::format("{}", d) writes. "nan", "inf" and "-inf" for the others.
std::string shortest_decimal(double d);

/// `d` rounded to `places` decimals (0 to 17; exact ties go to the even
/// digit): what fmt::format("{:.Nf}", d) writes, e.g. "17.82", "-0.50".
std::string fixed_decimal(double d, int places);

}  // namespace mailverdict::internal
