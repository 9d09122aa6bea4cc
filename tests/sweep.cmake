# The sweep over many persons (issue 10): echeance-generate, the synthetic history generator of
# tests/bench/generate_history.cpp (also for the benchmarks), and the Dask sweep of
# examples/python/dask_sweep.py compared byte for byte with `echeance replay` on 20 000 generated
# persons (tests/python/dask_sweep_check.py). The Python module is not built in the sanitizer
# build, so neither is that test.
add_executable(echeance_generate ${PROJECT_SOURCE_DIR}/tests/bench/generate_history.cpp)
set_target_properties(echeance_generate PROPERTIES OUTPUT_NAME echeance-generate)
target_link_libraries(echeance_generate PRIVATE echeance::echeance fmt::fmt echeance_warnings)

if(TARGET echeance_python AND TARGET echeance_cli)
  execute_process(COMMAND ${Python_EXECUTABLE} -c "import dask.distributed"
                  RESULT_VARIABLE no_dask OUTPUT_QUIET ERROR_QUIET)
  if(no_dask)
    message(WARNING "echeance: ${Python_EXECUTABLE} cannot import dask.distributed: the Dask "
                    "sweep test is not registered (Debian: python3-dask python3-distributed)")
  else()
    add_test(NAME python.dask_sweep
             COMMAND ${Python_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/python/dask_sweep_check.py
                     --cli $<TARGET_FILE:echeance_cli>
                     --generate $<TARGET_FILE:echeance_generate>
                     --work ${CMAKE_CURRENT_BINARY_DIR}/dask-sweep
             WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(python.dask_sweep PROPERTIES TIMEOUT 300
                         ENVIRONMENT "PYTHONPATH=$<TARGET_FILE_DIR:echeance_python>;PYTHONDONTWRITEBYTECODE=1")
  endif()
endif()
