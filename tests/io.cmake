# Reports of replays (issue 9): the internals of the summary and iCalendar renderers (TEXT
# escaping, folding, CSV fields) and the enum name tables, in C++; then both reports checked
# against the JSON output by tests/io/replay_reports.py, which reads the iCalendar file with
# python3-icalendar (installed by `sh scripts/setup.sh --test`).
file(GLOB ECHEANCE_IO_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/io/*.cpp)
add_executable(io_tests ${ECHEANCE_IO_TEST_SOURCES})
# The detail headers under test are internal: not on the library's public include path.
target_include_directories(io_tests PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(io_tests PRIVATE echeance::echeance echeance_catch_main rapidcheck
                      nlohmann_json::nlohmann_json rapidcheck_catch echeance_warnings)
target_compile_definitions(io_tests PRIVATE ECHEANCE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_test(NAME io.unit COMMAND io_tests --reporter compact)
set_tests_properties(io.unit PROPERTIES ENVIRONMENT "RC_PARAMS=max_success=1000 seed=20260412")

if(TARGET echeance_cli)
  # Debian's python3 first: python3-icalendar is installed for it, not for another python3
  # that may come first on PATH.
  find_program(ECHEANCE_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
  find_program(ECHEANCE_PYTHON3 python3)
  set(ECHEANCE_REPORT_CASES
      "mon-espace-sante|tests/cli/fixtures/reports.jsonl|2023-10-02"
      "mon-espace-sante|tests/cli/fixtures/reports.jsonl|2022-05-01"
      "mon-espace-sante|tests/cli/fixtures/readme_history.jsonl|2023-10-02"
      "gdpr-requests|rules/gdpr-requests/examples/extended.jsonl|2022-06-01"
      "gdpr-requests|rules/gdpr-requests/examples/overdue-weekend.jsonl|2022-06-01")
  foreach(case ${ECHEANCE_REPORT_CASES})
    string(REPLACE "|" ";" parts "${case}")
    list(GET parts 0 rules)
    list(GET parts 1 history)
    list(GET parts 2 as_of)
    get_filename_component(name ${history} NAME_WE)
    add_test(NAME io.reports.${rules}.${name}.${as_of}
             COMMAND ${ECHEANCE_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/io/replay_reports.py
                     $<TARGET_FILE:echeance_cli> rules/${rules} ${history} ${as_of}
             WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  endforeach()
endif()
