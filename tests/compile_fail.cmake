# Compile-fail tests: tests/compile_fail/*.fail.cpp must not compile (on their marked line),
# tests/compile_fail/*.pass.cpp (the control) must. The compiler runs with the flags of the
# library's users: C++17 and the include directories of echeance and date.
get_target_property(ECHEANCE_DATE_INCLUDES date::date INTERFACE_INCLUDE_DIRECTORIES)
set(ECHEANCE_CF_FLAGS ${CMAKE_CXX17_STANDARD_COMPILE_OPTION} -I${PROJECT_SOURCE_DIR}/include)
foreach(dir ${ECHEANCE_DATE_INCLUDES})
  if(dir)
    list(APPEND ECHEANCE_CF_FLAGS -I${dir})
  endif()
endforeach()
string(REPLACE ";" "|" ECHEANCE_CF_FLAGS "${ECHEANCE_CF_FLAGS}")
file(GLOB ECHEANCE_CF_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/compile_fail/*.cpp)
foreach(source ${ECHEANCE_CF_SOURCES})
  get_filename_component(name ${source} NAME_WE)
  add_test(NAME compile_fail.${name}
           COMMAND ${CMAKE_COMMAND} -DCXX=${CMAKE_CXX_COMPILER} "-DFLAGS=${ECHEANCE_CF_FLAGS}"
                   -DSOURCE=${source} -P ${CMAKE_CURRENT_SOURCE_DIR}/compile_fail/check.cmake)
endforeach()
