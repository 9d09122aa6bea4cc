# Rule files (issue 4): loader, static checks, `echeance check`, JSON Schema, fuzzing.
# Included by tests/CMakeLists.txt. Every test is named rules.*: `ctest -R rules`.

# C++ tests: loader errors, check findings, schema validation (valijson), round-trip properties.
file(GLOB ECHEANCE_RULES_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/rules/*.cpp)
add_executable(rules_tests ${ECHEANCE_RULES_TEST_SOURCES})
target_link_libraries(rules_tests PRIVATE echeance::echeance echeance_catch_main rapidcheck
                      rapidcheck_catch fmt::fmt nlohmann_json::nlohmann_json echeance_warnings)
target_compile_definitions(rules_tests PRIVATE ECHEANCE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_test(NAME rules.unit COMMAND rules_tests --reporter compact)
set_tests_properties(rules.unit PROPERTIES ENVIRONMENT "RC_PARAMS=max_success=300 seed=20260412")

if(TARGET echeance_cli)
  set(ECHEANCE_GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/rules/golden.cmake)
  # One test per broken file (tests/rules/invalid) and per flawed set (tests/rules/flawed):
  # `echeance check FILE` must print exactly NAME.expected (diagnostics, then [exit N]).
  foreach(corpus invalid flawed)
    file(GLOB cases CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/rules/${corpus}/*.json)
    foreach(case ${cases})
      get_filename_component(name ${case} NAME_WE)
      file(RELATIVE_PATH rel ${PROJECT_SOURCE_DIR} ${case})
      add_test(NAME rules.${corpus}.${name}
               COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:echeance_cli> -DROOT=${PROJECT_SOURCE_DIR}
                       -DCASE=${rel} -P ${ECHEANCE_GOLDEN})
    endforeach()
  endforeach()

  # Every shipped rule set, and every valid fixture, checks clean: no error, no warning.
  file(GLOB ECHEANCE_RULESETS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/rules/*/ruleset.json
       ${CMAKE_CURRENT_SOURCE_DIR}/rules/valid/*.json)
  foreach(set ${ECHEANCE_RULESETS})
    file(RELATIVE_PATH rel ${PROJECT_SOURCE_DIR} ${set})
    string(REGEX REPLACE "[/.]" "_" name "${rel}")
    add_test(NAME rules.clean.${name} COMMAND echeance_cli check --strict ${rel}
             WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    # Clean means silent: any diagnostic line fails the test.
    set_tests_properties(rules.clean.${name} PROPERTIES FAIL_REGULAR_EXPRESSION "(error|warning) \\[")
  endforeach()

  # Command-line transcripts of `echeance check` (--json, --strict, several files, usage).
  file(GLOB ECHEANCE_RULES_CLI_CASES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/rules/cli/*.t)
  foreach(case ${ECHEANCE_RULES_CLI_CASES})
    get_filename_component(name ${case} NAME_WE)
    add_test(NAME rules.cli.${name}
             COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/run.sh $<TARGET_FILE:echeance_cli> ${case}
             WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  endforeach()
endif()

# Loader fuzzing: a separate clang build with -DECHEANCE_BUILD_FUZZ=ON, then a fixed number of
# runs over a seed corpus from rules/ and tests/rules/. Skipped when clang++-14 is absent.
find_program(ECHEANCE_CLANGXX NAMES clang++-14)
if(ECHEANCE_CLANGXX AND NOT ECHEANCE_BUILD_FUZZ)
  add_test(NAME rules.fuzz
           COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
                   -DBINARY_DIR=${CMAKE_BINARY_DIR}/fuzz -DCXX=${ECHEANCE_CLANGXX} -DRUNS=20000
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/rules/fuzz.cmake)
  set_tests_properties(rules.fuzz PROPERTIES TIMEOUT 1800 LABELS "slow"
                       RESOURCE_LOCK echeance_fuzz_tree)
endif()
