# The HTTP suites: the real server binary on loopback, once on SQLite and once on PostgreSQL
# (scripts/test starts the PostgreSQL stack and exports SHIQIUREN_PG_STACK).
file(GLOB server_api_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/api/*.cpp)
add_library(server_test_support STATIC
    ${CMAKE_CURRENT_SOURCE_DIR}/support/http_client.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/support/test_server.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/support/card_login.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/support/ocsp_responder.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/support/slow_peers.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/support/applications_seed.cpp)
target_include_directories(server_test_support PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/support)
target_link_libraries(server_test_support PUBLIC server core Qt6::Core Qt6::Network Catch2::Catch2
    OpenSSL::Crypto)

set(server_api_environment
    "SHIQIUREN_TEST_PKI=${SHIQIUREN_TEST_PKI_DIR}"
    "SHIQIUREN_SERVER_BIN=$<TARGET_FILE:shiqiuren-server>"
    "SHIQIUREN_TEST_SERVER_SEEDS=${CMAKE_CURRENT_SOURCE_DIR}/seed"
    "SHIQIUREN_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
shiqiuren_catch_test(test_server_api
    SOURCES ${server_api_sources}
    LIBS server_test_support server catch_qt_main
    LABELS "integration;server")
if(TARGET test_server_api)
    add_dependencies(test_server_api shiqiuren-server)
    set_tests_properties(test_server_api PROPERTIES
        FIXTURES_REQUIRED test_pki
        ENVIRONMENT "${server_api_environment};SHIQIUREN_TEST_DB=sqlite")
    add_test(NAME test_server_api_postgres
        COMMAND test_server_api --reporter compact --durations yes)
    set_tests_properties(test_server_api_postgres PROPERTIES
        LABELS "integration;server;postgres"
        FIXTURES_REQUIRED test_pki
        ENVIRONMENT "${server_api_environment};SHIQIUREN_TEST_DB=postgres")
endif()
