/**
 * @file errors.h
 * @brief Errors as values: an error enum, warnings, and `result<T>`.
 *
 * Nothing in the public API throws. Parsers that can fail return
 * `result<T>`; analysis never fails as a whole, it reports what it could not
 * read as warnings inside the report.
 */
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace mailverdict {

/// Why a parser refused its input.
enum class error_code {
  /// The input was empty or held only white space.
  empty,
  /// The input did not match the grammar the parser implements.
  syntax,
  /// The input exceeded a documented size or count limit.
  too_large,
  /// A required part (a field, a tag, a version) was absent.
  missing_part,
};

/// A short stable name for an error code ("syntax", ...).
const char* to_string(error_code code);

/// A parser's error: the code and a plain-English message for people.
struct parse_error {
  error_code code;
  std::string message;
};

/// A non-fatal observation about the input, reported in `input.warnings`.
struct warning {
  std::string code;     ///< Stable identifier, e.g. "blank_line_in_headers".
  std::string message;  ///< Plain English for the reader.
};

/// Either a value or an error (C++23's std::expected is not yet available in
/// the Emscripten toolchain we target).
template <class T>
class result {
 public:
  result(T value) : v_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  result(parse_error err) : v_(std::move(err)) {}  // NOLINT(google-explicit-constructor)
  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  const parse_error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, parse_error> v_;
};

}  // namespace mailverdict
