# echeance.pc, so that `cc prog.c $(pkg-config --cflags --libs echeance)` builds a C program and
# `c++ prog.cpp $(pkg-config ...)` a C++ one. Nothing is hard-coded:
# - Cflags: the compile definitions of date::date and date::date-tz (USE_OS_TZDB, ...), which
#   the public C++ headers need to agree with the compiled library.
# - Libs: a static libecheance.a carries no dependencies, so Libs names them all (date-tz from
#   its imported target, fmt through its own .pc, the C++ runtime of the compiler); a shared
#   libecheance.so records them itself, so they go to Libs.private (for --static).
# - prefix is ${pcfiledir} relative, so that `cmake --install --prefix P` anywhere works.

set(ECHEANCE_PC_CFLAGS "")
foreach(target date::date date::date-tz)
  get_target_property(defs ${target} INTERFACE_COMPILE_DEFINITIONS)
  foreach(def ${defs})
    if(def MATCHES "\\$<")
      message(WARNING "echeance.pc: ${target} definition ${def} is a generator expression, left out")
    elseif(def)
      string(APPEND ECHEANCE_PC_CFLAGS " -D${def}")
    endif()
  endforeach()
endforeach()

# -l (and -L when not a default directory) for an imported library, in any configuration.
function(echeance_pc_imported_lib target out)
  get_target_property(location ${target} IMPORTED_LOCATION)
  if(NOT location)
    get_target_property(configs ${target} IMPORTED_CONFIGURATIONS)
    list(GET configs 0 config)
    get_target_property(location ${target} IMPORTED_LOCATION_${config})
  endif()
  get_filename_component(dir ${location} DIRECTORY)
  get_filename_component(name ${location} NAME)
  string(REGEX REPLACE "^lib([^.]+)\\..*$" "\\1" lib "${name}")
  set(flags "-l${lib}")
  if(NOT dir IN_LIST CMAKE_CXX_IMPLICIT_LINK_DIRECTORIES)
    set(flags "-L${dir} ${flags}")
  endif()
  set(${out} "${flags}" PARENT_SCOPE)
endfunction()

echeance_pc_imported_lib(date::date-tz date_tz_libs)
set(deps " ${date_tz_libs}")
# The C++ runtime a C linker does not add (libstdc++ and libm with g++; libc++ with clang's).
foreach(lib ${CMAKE_CXX_IMPLICIT_LINK_LIBRARIES})
  if(NOT lib MATCHES "^(c|gcc|gcc_s|gcc_eh)$" AND NOT lib MATCHES "^/")
    string(APPEND deps " -l${lib}")
  endif()
endforeach()

# The journal links SQLite and OpenSSL's libcrypto, both with a .pc of their own.
set(pc_requires "fmt")
if(ECHEANCE_JOURNAL)
  string(APPEND pc_requires " sqlite3 libcrypto")
endif()
get_target_property(type echeance TYPE)
if(type STREQUAL "STATIC_LIBRARY")
  set(ECHEANCE_PC_REQUIRES "Requires: ${pc_requires}")
  set(ECHEANCE_PC_LIBS "${deps}")
  set(ECHEANCE_PC_LIBS_PRIVATE "")
else()
  set(ECHEANCE_PC_REQUIRES "Requires.private: ${pc_requires}")
  set(ECHEANCE_PC_LIBS "")
  set(ECHEANCE_PC_LIBS_PRIVATE "Libs.private:${deps}")
endif()

set(pc_dir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(IS_ABSOLUTE "${pc_dir}")
  set(ECHEANCE_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH up /${pc_dir} /)
  string(REGEX REPLACE "/$" "" up "${up}")
  set(ECHEANCE_PC_PREFIX "\${pcfiledir}/${up}")
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/echeance.pc.in ${CMAKE_CURRENT_BINARY_DIR}/echeance.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/echeance.pc DESTINATION ${pc_dir})
