# Runs `echeance check [ARGS] CASE` from the project root and compares its standard output, then
# "[exit N]", with the golden file next to the case (NAME.json -> NAME.expected).
#   cmake -DCLI=path/to/echeance -DROOT=/project -DCASE=tests/rules/invalid/x.json -P golden.cmake
#   add -DUPDATE=ON to rewrite the golden file (then read the diff before keeping it).
if(NOT CLI OR NOT ROOT OR NOT CASE)
  message(FATAL_ERROR "usage: cmake -DCLI=... -DROOT=... -DCASE=... [-DARGS=...] [-DUPDATE=ON] -P golden.cmake")
endif()
string(REGEX REPLACE "\\.json$" ".expected" expected_file "${ROOT}/${CASE}")
separate_arguments(extra UNIX_COMMAND "${ARGS}")
execute_process(COMMAND ${CLI} check ${extra} ${CASE}
                WORKING_DIRECTORY ${ROOT}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
set(actual "${out}${err}[exit ${rc}]\n")
if(UPDATE)
  file(WRITE ${expected_file} "${actual}")
  return()
endif()
if(NOT EXISTS ${expected_file})
  message(FATAL_ERROR "no golden file ${expected_file}; actual output:\n${actual}")
endif()
file(READ ${expected_file} expected)
if(NOT expected STREQUAL actual)
  message(FATAL_ERROR "${CASE}: output differs from ${expected_file}\n--- expected\n${expected}--- actual\n${actual}")
endif()
