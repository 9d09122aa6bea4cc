# Install tests, run with cmake -P by CTest (see tests/install/CMakeLists.txt).
#
#   MODE=find_package (default): cmake --install BUILD_DIR into WORK_DIR/prefix, then configure
#       examples/consumer with CMAKE_PREFIX_PATH=WORK_DIR/prefix (find_package(echeance)),
#       build it, run it, expect "2022-05-27".
#   MODE=add_subdirectory: configure tests/install/add_subdirectory (add_subdirectory of the
#       repository), build it, run the consumer, expect "2022-05-27".
#   MODE=pkg_config: install, then build examples/c/replay.c with C_COMPILER and the flags of
#       PKG_CONFIG --cflags --libs echeance; run it, expect tests/install/c_example.expected.
#   MODE=python: install, then run examples/python/replay.py with PYTHON and PYTHONPATH at
#       PYTHON_INSTALL_DIR under the prefix; expect tests/install/python_example.expected.
#
# Variables: SOURCE_DIR (repository root), BUILD_DIR (the echeance build tree, MODE=find_package),
# WORK_DIR (scratch directory, removed first), CXX_COMPILER, BUILD_TYPE, GENERATOR,
# MAKE_PROGRAM (optional), LINKER_FLAGS (optional, e.g. sanitizers).
cmake_minimum_required(VERSION 3.16)

if(NOT MODE)
  set(MODE find_package)
endif()
foreach(v SOURCE_DIR WORK_DIR CXX_COMPILER GENERATOR)
  if(NOT DEFINED ${v} OR "${${v}}" STREQUAL "")
    message(FATAL_ERROR "find_package_test.cmake: ${v} is not set")
  endif()
endforeach()
if(NOT BUILD_TYPE)
  set(BUILD_TYPE Release)
endif()

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${ARGN}\n--- stdout\n${out}\n--- stderr\n${err}")
  endif()
  message(STATUS "${what}: ok")
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
set(build ${WORK_DIR}/build)

set(configure_args -G ${GENERATOR} -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
    -DCMAKE_BUILD_TYPE=${BUILD_TYPE}
    # Only what is passed here may be found: no user or system package registry.
    -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON
    -DCMAKE_FIND_PACKAGE_NO_SYSTEM_PACKAGE_REGISTRY=ON)
if(MAKE_PROGRAM)
  list(APPEND configure_args -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
endif()
if(LINKER_FLAGS)
  list(APPEND configure_args "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}")
endif()

if(MODE STREQUAL "pkg_config" OR MODE STREQUAL "python")
  # The faces for other languages, from the installed tree only: examples/c/replay.c built with
  # `cc replay.c $(pkg-config --cflags --libs echeance)`, or examples/python/replay.py with the
  # installed module; each must print its tests/install/*_example.expected.
  if(NOT BUILD_DIR)
    message(FATAL_ERROR "find_package_test.cmake: BUILD_DIR is not set")
  endif()
  run("install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} --config ${BUILD_TYPE})
  if(MODE STREQUAL "pkg_config")
    file(GLOB_RECURSE pc_files ${prefix}/*/echeance.pc)
    if(NOT pc_files)
      message(FATAL_ERROR "no echeance.pc installed under ${prefix}")
    endif()
    list(GET pc_files 0 pc_file)
    get_filename_component(pc_dir ${pc_file} DIRECTORY)
    set(ENV{PKG_CONFIG_PATH} ${pc_dir})
    execute_process(COMMAND ${PKG_CONFIG} --cflags --libs echeance RESULT_VARIABLE rc
                    OUTPUT_VARIABLE flags ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "pkg-config --cflags --libs echeance failed (${rc}): ${err}")
    endif()
    message(STATUS "pkg-config --cflags --libs echeance: ${flags}")
    separate_arguments(flags UNIX_COMMAND "${flags}")
    set(exe ${WORK_DIR}/replay)
    run("cc replay.c $(pkg-config --cflags --libs echeance)" ${C_COMPILER} -std=c99 -Wall
        -Wextra -Wpedantic -Werror ${SOURCE_DIR}/examples/c/replay.c ${flags} -o ${exe})
    set(command ${exe} ${SOURCE_DIR}/rules/gdpr-requests)
    set(expected_file ${SOURCE_DIR}/tests/install/c_example.expected)
  else()
    set(site ${prefix}/${PYTHON_INSTALL_DIR})
    foreach(f echeance.pyi)
      if(NOT EXISTS ${site}/${f})
        message(FATAL_ERROR "${site}/${f} is not installed")
      endif()
    endforeach()
    set(ENV{PYTHONPATH} ${site})
    set(ENV{PYTHONDONTWRITEBYTECODE} 1)
    # The module must come from the prefix, not from the build tree.
    execute_process(COMMAND ${PYTHON} -c "import echeance; print(echeance.__file__)"
                    OUTPUT_VARIABLE where ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
    string(FIND "${where}" "${site}/" at)
    if(NOT at EQUAL 0)
      message(FATAL_ERROR "echeance was not imported from ${site}: \"${where}\"\n${err}")
    endif()
    set(command ${PYTHON} ${SOURCE_DIR}/examples/python/replay.py ${SOURCE_DIR}/rules/gdpr-requests)
    set(expected_file ${SOURCE_DIR}/tests/install/python_example.expected)
  endif()
  file(READ ${expected_file} expected)
  execute_process(COMMAND ${command} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT out STREQUAL expected)
    message(FATAL_ERROR "${command}: exit ${rc}, expected:\n${expected}\ngot:\n${out}\n${err}")
  endif()
  message(STATUS "${MODE}: the example printed ${expected_file}")
  file(REMOVE_RECURSE ${WORK_DIR})
  return()
endif()

if(MODE STREQUAL "find_package")
  if(NOT BUILD_DIR)
    message(FATAL_ERROR "find_package_test.cmake: BUILD_DIR is not set")
  endif()
  run("install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} --config ${BUILD_TYPE})
  file(GLOB_RECURSE config_files ${prefix}/*/echeanceConfig.cmake)
  if(NOT config_files)
    message(FATAL_ERROR "no echeanceConfig.cmake installed under ${prefix}")
  endif()
  run("configure consumer" ${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/consumer -B ${build}
      ${configure_args} -DCMAKE_PREFIX_PATH=${prefix})
  # The package must come from the prefix, not from the build tree or the system.
  file(STRINGS ${build}/CMakeCache.txt found REGEX "^echeance_DIR:")
  string(FIND "${found}" "${prefix}/" at)
  if(NOT at GREATER -1)
    message(FATAL_ERROR "echeance was not found in ${prefix}: ${found}")
  endif()
elseif(MODE STREQUAL "add_subdirectory")
  run("configure add_subdirectory project" ${CMAKE_COMMAND}
      -S ${SOURCE_DIR}/tests/install/add_subdirectory -B ${build}
      ${configure_args} -DECHEANCE_SOURCE_DIR=${SOURCE_DIR})
else()
  message(FATAL_ERROR "find_package_test.cmake: unknown MODE ${MODE}")
endif()

run("build consumer" ${CMAKE_COMMAND} --build ${build} --config ${BUILD_TYPE} --parallel 2
    --target echeance_consumer)

file(GLOB_RECURSE exe LIST_DIRECTORIES false ${build}/echeance_consumer ${build}/echeance_consumer.exe)
if(NOT exe)
  message(FATAL_ERROR "echeance_consumer was not built under ${build}")
endif()
list(GET exe 0 exe)
execute_process(COMMAND ${exe} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out STREQUAL "2022-05-27\n")
  message(FATAL_ERROR "${exe}: exit ${rc}, expected output \"2022-05-27\", got \"${out}\"\n${err}")
endif()
message(STATUS "${MODE}: echeance_consumer printed 2022-05-27")
file(REMOVE_RECURSE ${WORK_DIR})
