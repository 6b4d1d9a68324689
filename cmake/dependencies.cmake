# Dependency lookup.
#
# Native builds use Debian's packages through find_package (fmt and
# nlohmann_json, for the CLI and the tests). The Emscripten build cannot see
# /usr/include (its sysroot is separate) and needs neither.
if(EMSCRIPTEN)
  # The core uses neither fmt nor nlohmann_json (sentences are written with
  # internal::concat, JSON by report.cpp, doubles by internal/decimal.h):
  # together they weighed over 40 KB of the page's 250 KB budget. The
  # WebAssembly build sees stand-in headers that stop the compile with that
  # message, so neither comes back unnoticed. The native build (CLI, tests)
  # keeps both.
  # (A new folder: older build trees hold staged-include/ with symlinks into
  # /usr/include, which must never be written through.)
  set(_stage "${CMAKE_BINARY_DIR}/wasm-stand-ins")
  foreach(_header fmt/core.h fmt/format.h nlohmann/json.hpp)
    file(WRITE "${_stage}/${_header}"
         "#error \"not in the WebAssembly core (see cmake/dependencies.cmake): "
         "use internal::concat (internal/text.h) or internal/decimal.h\"\n")
  endforeach()
  add_library(mailverdict_deps INTERFACE)
  target_include_directories(mailverdict_deps SYSTEM INTERFACE "${_stage}")
else()
  find_package(fmt REQUIRED)
  find_package(nlohmann_json 3.10 REQUIRED)
  add_library(mailverdict_deps INTERFACE)
  target_link_libraries(mailverdict_deps INTERFACE fmt::fmt-header-only
                                                   nlohmann_json::nlohmann_json)
endif()
