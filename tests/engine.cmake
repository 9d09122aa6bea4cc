# The lifecycle engine (issue 5): unit and property tests in their own executable, and one
# golden test per example history of every rule set (NAME.jsonl with its NAME.expected.jsonl and
# optional NAME.args, in rules/<id>/examples/ or tests/engine/examples/<id>/: ECHEANCE_EXAMPLE_DIRS).
file(GLOB ECHEANCE_ENGINE_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/engine/*.cpp)
add_executable(engine_tests ${ECHEANCE_ENGINE_TEST_SOURCES})
target_link_libraries(engine_tests PRIVATE echeance::echeance echeance_catch_main rapidcheck
                      rapidcheck_catch fmt::fmt nlohmann_json::nlohmann_json echeance_warnings)
target_compile_definitions(engine_tests PRIVATE ECHEANCE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_test(NAME engine COMMAND engine_tests --reporter compact)
set_tests_properties(engine PROPERTIES ENVIRONMENT "RC_PARAMS=max_success=2000 seed=20260412")

if(TARGET echeance_cli)
  list(TRANSFORM ECHEANCE_EXAMPLE_DIRS PREPEND ${PROJECT_SOURCE_DIR}/ OUTPUT_VARIABLE globs)
  list(TRANSFORM globs APPEND /*.jsonl)
  file(GLOB ECHEANCE_REPLAY_EXAMPLES CONFIGURE_DEPENDS ${globs})
  foreach(history ${ECHEANCE_REPLAY_EXAMPLES})
    if(history MATCHES "\\.expected\\.jsonl$")
      continue()
    endif()
    get_filename_component(dir ${history} DIRECTORY)
    get_filename_component(dir_name ${dir} NAME)
    if(dir_name STREQUAL "examples") # rules/<id>/examples
      get_filename_component(rules_id ${dir} DIRECTORY)
      get_filename_component(rules_id ${rules_id} NAME)
    else() # tests/engine/examples/<id>
      set(rules_id ${dir_name})
    endif()
    set(rules ${PROJECT_SOURCE_DIR}/rules/${rules_id})
    get_filename_component(name ${history} NAME)
    string(REGEX REPLACE "\\.jsonl$" "" name "${name}")
    add_test(NAME replay.${rules_id}.${name}
             COMMAND ${CMAKE_COMMAND} -DBIN=$<TARGET_FILE:echeance_cli> -DRULES=${rules}
                     -DHISTORY=${history} -DEXPECTED=${dir}/${name}.expected.jsonl
                     -DACTUAL_DIR=${CMAKE_CURRENT_BINARY_DIR}/replay-actual
                     -P ${CMAKE_CURRENT_SOURCE_DIR}/engine/golden.cmake
             WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  endforeach()
endif()
