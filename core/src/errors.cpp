/**
 * @file errors.cpp
 * @brief Names of error codes.
 */
#include "mailverdict/errors.h"

namespace mailverdict {

const char* to_string(error_code code) {
  switch (code) {
    case error_code::empty:
      return "empty";
    case error_code::syntax:
      return "syntax";
    case error_code::too_large:
      return "too_large";
    case error_code::missing_part:
      return "missing_part";
  }
  return "unknown";
}

}  // namespace mailverdict
