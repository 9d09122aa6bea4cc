# CTest driver of the loader fuzzer: configures and builds a separate clang tree with
# -DECHEANCE_BUILD_FUZZ=ON, seeds a corpus from rules/ and tests/rules/, then runs a fixed
# number of inputs. Fails on a crash, a leak, undefined behaviour or a hang (-timeout).
#   cmake -DSOURCE_DIR=... -DBINARY_DIR=... -DCXX=clang++-14 -DRUNS=20000 -P fuzz.cmake
foreach(v SOURCE_DIR BINARY_DIR CXX RUNS)
  if(NOT ${v})
    message(FATAL_ERROR "fuzz.cmake: ${v} is not set")
  endif()
endforeach()

execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BINARY_DIR}
                        -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=RelWithDebInfo
                        -DECHEANCE_BUILD_FUZZ=ON -DECHEANCE_BUILD_TESTS=OFF
                        -DECHEANCE_BUILD_CLI=OFF -DECHEANCE_INSTALL=OFF
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the fuzz build failed:\n${out}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BINARY_DIR} --target load_fuzzer -j2
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the fuzzer failed:\n${out}")
endif()

# Seed corpus: every rule file we have (valid, invalid, flawed, shipped), copied afresh.
set(corpus ${BINARY_DIR}/corpus)
file(REMOVE_RECURSE ${corpus})
file(MAKE_DIRECTORY ${corpus})
file(GLOB_RECURSE seeds ${SOURCE_DIR}/rules/*.json ${SOURCE_DIR}/tests/rules/*.json)
set(n 0)
foreach(seed ${seeds})
  math(EXPR n "${n} + 1")
  get_filename_component(name ${seed} NAME)
  configure_file(${seed} ${corpus}/${n}-${name} COPYONLY)
endforeach()

execute_process(COMMAND ${BINARY_DIR}/load_fuzzer -runs=${RUNS} -seed=1 -max_len=16384 -timeout=10
                        -rss_limit_mb=2048 -detect_leaks=1 ${corpus}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
string(REGEX MATCH "Done [0-9]+ runs[^\n]*" done "${out}")
message(STATUS "load_fuzzer: ${n} seeds; ${done}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "load_fuzzer failed (exit ${rc}):\n${out}")
endif()
