# Fuzzing of the io readers (history JSON Lines, history CSV, calendar file), beside the rule-file
# fuzzer of rules.cmake: each builds its target in the same clang tree and runs briefly.
# Skipped when clang++-14 is absent.
find_program(ECHEANCE_CLANGXX NAMES clang++-14)
if(ECHEANCE_CLANGXX AND NOT ECHEANCE_BUILD_FUZZ)
  list(TRANSFORM ECHEANCE_EXAMPLE_DIRS APPEND /*.jsonl OUTPUT_VARIABLE ECHEANCE_HISTORY_SEEDS)
  list(APPEND ECHEANCE_HISTORY_SEEDS tests/cli/fixtures/*.jsonl fuzz/seeds/*.csv)
  foreach(spec "history_jsonl|${ECHEANCE_HISTORY_SEEDS}|4096"
               "history_csv|${ECHEANCE_HISTORY_SEEDS}|4096"
               "calendar|rules/calendars/*.json;tests/cli/fixtures/*.json|16384")
    string(REPLACE "|" ";" parts "${spec}")
    list(GET parts 0 name)
    list(GET parts -1 max_len)
    list(REMOVE_AT parts 0 -1)
    string(REPLACE ";" "\\;" seeds "${parts}")
    add_test(NAME fuzz.${name}
             COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
                     -DBINARY_DIR=${CMAKE_BINARY_DIR}/fuzz -DCXX=${ECHEANCE_CLANGXX} -DRUNS=20000
                     -DTARGET=${name}_fuzzer "-DSEEDS=${seeds}" -DTRANSCRIPTS=ON
                     -DMAX_LEN=${max_len} -P ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/run.cmake)
    set_tests_properties(fuzz.${name} PROPERTIES TIMEOUT 1800 LABELS "slow"
                         RESOURCE_LOCK echeance_fuzz_tree)
  endforeach()
endif()
