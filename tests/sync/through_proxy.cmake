# The sync engine behind the fault proxy, against the real server.
shiqiuren_catch_test(test_sync_through_proxy
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/through_proxy/test_sync_through_proxy.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/through_proxy/test_sync_batches.cpp
    LIBS core fault_proxy server_test_support catch_qt_main
    LABELS "sync;integration")
if(TARGET test_sync_through_proxy)
    add_dependencies(test_sync_through_proxy shiqiuren-server)
    set_tests_properties(test_sync_through_proxy PROPERTIES
        FIXTURES_REQUIRED test_pki
        ENVIRONMENT "SHIQIUREN_TEST_PKI=${SHIQIUREN_TEST_PKI_DIR};SHIQIUREN_SERVER_BIN=$<TARGET_FILE:shiqiuren-server>;SHIQIUREN_TEST_SERVER_SEEDS=${CMAKE_SOURCE_DIR}/tests/server/seed;SHIQIUREN_TEST_DB=sqlite")
endif()
