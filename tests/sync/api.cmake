# core/api's ServiceClient against the real shiqiuren-server (and small fake servers of its own
# for network, timeout, garbage and TLS failures). The environment is test_server_api's
# (tests/server/api.cmake), whose variables this directory does not see.
file(GLOB service_client_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/api/*.cpp)
shiqiuren_catch_test(test_service_client
    SOURCES ${service_client_sources}
    LIBS core server_test_support catch_qt_main
    LABELS "sync;integration")
if(TARGET test_service_client)
    # The network module's loader is core's own (core/src/api).
    target_include_directories(test_service_client PRIVATE ${CMAKE_SOURCE_DIR}/core/src/api)
    add_dependencies(test_service_client shiqiuren-server)
    set_tests_properties(test_service_client PROPERTIES
        FIXTURES_REQUIRED test_pki
        ENVIRONMENT "SHIQIUREN_TEST_PKI=${SHIQIUREN_TEST_PKI_DIR};SHIQIUREN_SERVER_BIN=$<TARGET_FILE:shiqiuren-server>;SHIQIUREN_TEST_SERVER_SEEDS=${CMAKE_SOURCE_DIR}/tests/server/seed;SHIQIUREN_SOURCE_DIR=${CMAKE_SOURCE_DIR};SHIQIUREN_TEST_DB=sqlite")
endif()
