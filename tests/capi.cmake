# The C API (include/echeance/echeance.h): Catch2 tests compiled as C++, and a C99 program that
# checks the header is valid C and that the library links into C.
add_executable(capi_tests ${CMAKE_CURRENT_SOURCE_DIR}/capi/capi.cpp)
target_link_libraries(capi_tests PRIVATE echeance::echeance echeance_catch_main Threads::Threads
                      nlohmann_json::nlohmann_json echeance_warnings)
target_compile_definitions(capi_tests PRIVATE ECHEANCE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                           ECHEANCE_PROJECT_VERSION="${PROJECT_VERSION}")
add_test(NAME capi COMMAND capi_tests --reporter compact)

enable_language(C)
add_executable(capi_c99 ${CMAKE_CURRENT_SOURCE_DIR}/capi/c99.c)
set_target_properties(capi_c99 PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
target_link_libraries(capi_c99 PRIVATE echeance::echeance echeance_warnings)
add_test(NAME capi.c99 COMMAND capi_c99 ${PROJECT_SOURCE_DIR}/rules/gdpr-requests)
