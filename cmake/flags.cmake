# Warnings for our own targets only (PRIVATE), as in ada-url: dependencies
# keep their own flags.
function(mailverdict_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wshadow
                                           -Wno-unused-parameter)
endfunction()
