/**
 * @file fixes.h
 * @brief Fix recipes from core/data/fix_recipes.tsv, filled in with the
 * domains and services the headers name.
 */
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "mailverdict/report.h"

namespace mailverdict {

/// Placeholder values: {"from_domain", "example.com"}, ...
using fix_values = std::vector<std::pair<std::string_view, std::string_view>>;

/// The fix `id` from the recipe table with its placeholders filled in; an
/// empty fix (no steps) when the table has no such id.
fix make_fix(std::string_view id, const fix_values& values);

}  // namespace mailverdict
