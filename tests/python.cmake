# The Python module (python/): tests/python/test_*.py with pytest (Debian python3-pytest), the
# module found through PYTHONPATH in the build tree; examples/python/replay.py runs in them.
# Not in the sanitizer build: the module is not built there (see CMakeLists.txt).
if(TARGET echeance_python)
  execute_process(COMMAND ${Python_EXECUTABLE} -c "import pytest" RESULT_VARIABLE no_pytest
                  OUTPUT_QUIET ERROR_QUIET)
  if(no_pytest)
    message(WARNING "echeance: ${Python_EXECUTABLE} cannot import pytest: the Python tests are "
                    "not registered (Debian: python3-pytest; or pass -DPython_EXECUTABLE=...)")
  else()
    add_test(NAME python
             COMMAND ${Python_EXECUTABLE} -m pytest -q -p no:cacheprovider
                     ${CMAKE_CURRENT_SOURCE_DIR}/python
             WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(python PROPERTIES
                         ENVIRONMENT "PYTHONPATH=$<TARGET_FILE_DIR:echeance_python>;PYTHONDONTWRITEBYTECODE=1")
  endif()
endif()
