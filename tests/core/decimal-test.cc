// Tests for internal/decimal.h: the shortest and the fixed decimal forms of
// doubles, against fmt (which the core no longer uses, and which the tests
// keep as the reference).
#include "mailverdict/internal/decimal.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>

using namespace mailverdict::internal;

namespace {

void expect_as_fmt(double d) {
  EXPECT_EQ(shortest_decimal(d), fmt::format("{}", d)) << fmt::format("{:a}", d);
  for (int places : {0, 1, 2, 3, 6}) {
    EXPECT_EQ(fixed_decimal(d, places), fmt::format("{:.{}f}", d, places))
        << fmt::format("{:a}", d);
  }
}

}  // namespace

TEST(Decimal, Examples) {
  EXPECT_EQ(shortest_decimal(5.0), "5");
  EXPECT_EQ(shortest_decimal(-1.9), "-1.9");
  EXPECT_EQ(shortest_decimal(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(shortest_decimal(0.0001), "0.0001");
  EXPECT_EQ(shortest_decimal(0.00001), "1e-05");
  EXPECT_EQ(shortest_decimal(1e15), "1000000000000000");
  EXPECT_EQ(shortest_decimal(1.5e16), "1.5e+16");
  EXPECT_EQ(shortest_decimal(-0.0), "-0");
  EXPECT_EQ(shortest_decimal(5e-324), "5e-324");
  EXPECT_EQ(shortest_decimal(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(fixed_decimal(17.8249, 2), "17.82");
  EXPECT_EQ(fixed_decimal(-0.5, 2), "-0.50");
  EXPECT_EQ(fixed_decimal(0.125, 2), "0.12");  // an exact tie goes to the even digit
  EXPECT_EQ(fixed_decimal(0.375, 2), "0.38");
  EXPECT_EQ(fixed_decimal(-0.001, 2), "-0.00");
  EXPECT_EQ(fixed_decimal(1e22, 1), "10000000000000000000000.0");
}

TEST(Decimal, SameAsFmtOnEdges) {
  const double edges[] = {0.0,
                          1.0,
                          0.5,
                          2.5,
                          9.995,
                          0.995,
                          1e15,
                          1e16,
                          1e-4,
                          1e-5,
                          1e22,
                          1e23,
                          1e300,
                          1e-300,
                          5e-324,
                          2.2250738585072014e-308,
                          std::numeric_limits<double>::max(),
                          9007199254740993.0,
                          123456789012345680.0};
  for (double d : edges) {
    expect_as_fmt(d);
    expect_as_fmt(-d);
  }
}

TEST(Decimal, SameAsFmtOnScoresAndRandomDoubles) {
  // Scores as headers write them (two or three decimals), binary fractions
  // (whose fixed form has exact ties), and random bit patterns.
  for (int i = -20000; i <= 20000; i += 7) {
    expect_as_fmt(i / 100.0);
    expect_as_fmt(i / 1000.0);
    expect_as_fmt(i / 8.0);
  }
  std::mt19937_64 rng(20261127);
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t bits = rng();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    if (!std::isnan(d)) expect_as_fmt(d);
  }
}
