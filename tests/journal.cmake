# The journal (issue 11): unit tests in their own executable (they open the SQLite file directly
# to tamper with it), the crash harness, and its slow run (1,000 kills, label "slow", only with
# ECHEANCE_SLOW=1: the default run reports it skipped). Run it: ECHEANCE_SLOW=1 ctest -L slow
if(NOT ECHEANCE_JOURNAL)
  return()
endif()
file(GLOB ECHEANCE_JOURNAL_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/journal/*.cpp)
add_executable(journal_tests ${ECHEANCE_JOURNAL_TEST_SOURCES})
target_link_libraries(journal_tests PRIVATE echeance::echeance echeance_catch_main SQLite::SQLite3 OpenSSL::Crypto
                      fmt::fmt nlohmann_json::nlohmann_json echeance_warnings)
target_compile_definitions(journal_tests PRIVATE ECHEANCE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_test(NAME journal COMMAND journal_tests --reporter compact)

if(TARGET echeance_cli)
  add_test(NAME journal.crash
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/journal/crash.sh $<TARGET_FILE:echeance_cli> 10 10
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(journal.crash PROPERTIES TIMEOUT 600)
  add_test(NAME journal.crash_slow
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/journal/crash.sh --slow $<TARGET_FILE:echeance_cli> 500 500
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(journal.crash_slow PROPERTIES TIMEOUT 7200 LABELS "slow"
                       SKIP_RETURN_CODE 77)
  # Golden transcripts of the journal commands: a fixed clock for reproducible receipts.
  file(GLOB ECHEANCE_JOURNAL_CASES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/cli/cases/journal*.t)
  foreach(case ${ECHEANCE_JOURNAL_CASES})
    get_filename_component(name ${case} NAME_WE)
    set_tests_properties(cli.${name} PROPERTIES ENVIRONMENT
                         "ECHEANCE_JOURNAL_NOW=2026-04-12T08:00:00.000Z;ECHEANCE_JOURNAL_KEY=")
  endforeach()
endif()
