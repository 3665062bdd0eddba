# The fuzz build's `core`: only the part of core/ the Qt-side fuzz targets and the server library
# reach (the domain and its JSON, the answers as the client reads them, the login digest, the
# certificate reading), so the instrumented build stays a few minutes long. Included from the top
# CMakeLists.txt instead of core/ when SHIQIUREN_FUZZ is on; a new dependency shows up as a link
# error of the fuzz targets.
set(core_dir ${CMAKE_SOURCE_DIR}/core)
file(GLOB core_parser_sources CONFIGURE_DEPENDS
    ${core_dir}/src/domain/*.cpp
    ${core_dir}/src/pki/*.cpp)
list(APPEND core_parser_sources
    ${core_dir}/src/auth/auth_token.cpp
    ${core_dir}/src/auth/password_policy.cpp
    ${core_dir}/src/api/json_shapes.cpp
    ${core_dir}/src/api/answers.cpp
    ${core_dir}/src/api/application_answers.cpp
    ${core_dir}/src/api/vacancy_record_json.cpp
    ${core_dir}/src/api/failure.cpp
    ${core_dir}/src/api/service_error.cpp
    ${core_dir}/src/api/reason_phrase.cpp)
add_library(core STATIC ${core_parser_sources})
target_include_directories(core PUBLIC ${core_dir}/include PRIVATE ${core_dir}/src)
target_compile_definitions(core PRIVATE SHIQIUREN_APP_URL="${SHIQIUREN_APP_URL}")
target_link_libraries(core PUBLIC Qt6::Core Qt6::Network Qt6::Sql PRIVATE smartcard OpenSSL::Crypto)
file(GLOB code_list_files CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/resources/codes/*.json)
qt_add_resources(core "domain_codes" PREFIX "/codes" BASE ${CMAKE_SOURCE_DIR}/resources/codes
    FILES ${code_list_files})
