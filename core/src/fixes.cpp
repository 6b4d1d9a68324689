/**
 * @file fixes.cpp
 * @brief Building fixes from the recipe table.
 */
#include "mailverdict/fixes.h"

#include "mailverdict/data/fix_recipes.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

fix make_fix(std::string_view id, const fix_values& values) {
  fix f;
  f.id = std::string(id);
  for (const auto& row : data::fix_recipes()) {
    if (row.fix != id) continue;
    if (f.title.empty()) f.title = internal::fill_template(row.title, values);
    f.steps.push_back(internal::fill_template(row.step, values));
  }
  return f;
}

}  // namespace mailverdict
