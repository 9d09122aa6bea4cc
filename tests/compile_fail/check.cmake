# One compile-fail test (as Howard Hinnant's date does with *.fail.cpp): compiles SOURCE for
# syntax only and passes when a *.fail.cpp file does NOT compile, with a diagnostic on the line
# marked "must not compile" (so a typo elsewhere cannot make the test pass), and when a
# *.pass.cpp file (the control that proves the harness) does compile.
#   cmake -DCXX=<compiler> -DFLAGS=<flag|flag|...> -DSOURCE=<file> -P check.cmake
string(REPLACE "|" ";" flags "${FLAGS}")
execute_process(COMMAND ${CXX} ${flags} -fsyntax-only ${SOURCE}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
get_filename_component(name ${SOURCE} NAME)
if(name MATCHES "\\.pass\\.cpp$")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${name} must compile, but does not:\n${out}")
  endif()
  return()
endif()
if(rc EQUAL 0)
  message(FATAL_ERROR "${name} compiles, but must not")
endif()
file(READ ${SOURCE} text)
string(FIND "${text}" "must not compile" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${name} has no line marked \"must not compile\"")
endif()
string(SUBSTRING "${text}" 0 ${at} before)
string(REGEX MATCHALL "\n" newlines "${before}")
list(LENGTH newlines line)
math(EXPR line "${line} + 1")
string(FIND "${out}" "${name}:${line}:" found)
if(found EQUAL -1)
  message(FATAL_ERROR "${name} fails to compile, but not on its marked line ${line}:\n${out}")
endif()
