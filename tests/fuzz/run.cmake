# CTest driver of one libFuzzer target of the io readers: configures and builds the clang tree
# with -DECHEANCE_BUILD_FUZZ=ON (shared with rules.fuzz, hence the RESOURCE_LOCK), seeds a corpus,
# then runs a fixed number of inputs. Fails on a crash, a leak, undefined behaviour or a hang.
#   cmake -DSOURCE_DIR=... -DBINARY_DIR=... -DCXX=clang++-14 -DRUNS=20000 -DTARGET=history_csv_fuzzer
#         -DSEEDS="rules/*/examples/*.jsonl;tests/engine/examples/*/*.jsonl;fuzz/seeds/*.csv"
#         -DTRANSCRIPTS=ON -DMAX_LEN=4096
#         -P run.cmake
# TRANSCRIPTS=ON also seeds the stdin of every `echeance replay` in tests/cli/cases/*.t.
foreach(v SOURCE_DIR BINARY_DIR CXX RUNS TARGET SEEDS MAX_LEN)
  if(NOT ${v})
    message(FATAL_ERROR "run.cmake: ${v} is not set")
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
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BINARY_DIR} --target ${TARGET} -j2
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building ${TARGET} failed:\n${out}")
endif()

set(corpus ${BINARY_DIR}/corpus-${TARGET})
file(REMOVE_RECURSE ${corpus})
file(MAKE_DIRECTORY ${corpus})
set(globs "")
foreach(g ${SEEDS})
  list(APPEND globs ${SOURCE_DIR}/${g})
endforeach()
file(GLOB_RECURSE seeds ${globs})
set(n 0)
foreach(seed ${seeds})
  math(EXPR n "${n} + 1")
  get_filename_component(name ${seed} NAME)
  configure_file(${seed} ${corpus}/${n}-${name} COPYONLY)
endforeach()

# The stdin lines ('< ...') of each replay command of the CLI transcripts, one seed each.
if(TRANSCRIPTS)
  file(GLOB cases ${SOURCE_DIR}/tests/cli/cases/*.t)
  foreach(case ${cases})
    file(STRINGS ${case} lines)
    set(block "")
    set(in_replay OFF)
    foreach(line IN LISTS lines)
      if(line MATCHES "^\\$ echeance replay")
        set(in_replay ON)
      elseif(in_replay AND line MATCHES "^< ?(.*)$")
        string(APPEND block "${CMAKE_MATCH_1}\n")
      else()
        if(NOT block STREQUAL "")
          math(EXPR n "${n} + 1")
          file(WRITE ${corpus}/${n}-stdin.txt "${block}")
        endif()
        set(block "")
        set(in_replay OFF)
      endif()
    endforeach()
  endforeach()
endif()

execute_process(COMMAND ${BINARY_DIR}/${TARGET} -runs=${RUNS} -seed=1 -max_len=${MAX_LEN}
                        -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 ${corpus}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
string(REGEX MATCH "Done [0-9]+ runs[^\n]*" done "${out}")
message(STATUS "${TARGET}: ${n} seeds; ${done}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${TARGET} failed (exit ${rc}):\n${out}")
endif()
