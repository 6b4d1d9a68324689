# Dependency lookup.
#
# Native builds use Debian's packages through find_package. The Emscripten
# build cannot see /usr/include (its sysroot is separate), so we stage a folder
# that holds only symlinks to the two header-only libraries we need, fmt and
# nlohmann_json, and add that folder (never /usr/include itself).
if(EMSCRIPTEN)
  set(_stage "${CMAKE_BINARY_DIR}/staged-include")
  file(MAKE_DIRECTORY "${_stage}")
  foreach(_lib fmt nlohmann)
    find_path(_dir_${_lib} NAMES "${_lib}" PATHS /usr/include /usr/local/include
              NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
    if(NOT _dir_${_lib})
      message(FATAL_ERROR "${_lib} headers not found: install libfmt-dev and "
                          "nlohmann-json3-dev (tools/setup does this)")
    endif()
    if(NOT EXISTS "${_stage}/${_lib}")
      file(CREATE_LINK "${_dir_${_lib}}/${_lib}" "${_stage}/${_lib}" SYMBOLIC)
    endif()
  endforeach()
  add_library(mailverdict_deps INTERFACE)
  target_include_directories(mailverdict_deps SYSTEM INTERFACE "${_stage}")
  # Size: fmt without std::locale (no {:L} formats are used, so the output is
  # the same) and without float, long double or 128-bit integer formatting
  # (only double and 64-bit integers are formatted).
  target_compile_definitions(mailverdict_deps INTERFACE FMT_HEADER_ONLY=1
                             FMT_STATIC_THOUSANDS_SEPARATOR=',' FMT_USE_FLOAT=0
                             FMT_USE_LONG_DOUBLE=0 FMT_USE_INT128=0)
else()
  find_package(fmt REQUIRED)
  find_package(nlohmann_json 3.10 REQUIRED)
  add_library(mailverdict_deps INTERFACE)
  target_link_libraries(mailverdict_deps INTERFACE fmt::fmt-header-only
                                                   nlohmann_json::nlohmann_json)
endif()
