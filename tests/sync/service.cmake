# core::sync::SyncService: the engine on its own thread for the GUI, against the real
# shiqiuren-server on loopback: offline and back, a password session, conflicts, stopping.
file(GLOB sync_service_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/service/*.cpp)
shiqiuren_catch_test(test_sync_service
    SOURCES ${sync_service_sources}
    LIBS core server_test_support fault_proxy catch_qt_main Qt6::Test
    LABELS "sync;integration")
if(TARGET test_sync_service)
    add_dependencies(test_sync_service shiqiuren-server)
    set_tests_properties(test_sync_service PROPERTIES
        FIXTURES_REQUIRED test_pki
        ENVIRONMENT "SHIQIUREN_TEST_PKI=${SHIQIUREN_TEST_PKI_DIR};SHIQIUREN_SERVER_BIN=$<TARGET_FILE:shiqiuren-server>;SHIQIUREN_TEST_SERVER_SEEDS=${CMAKE_SOURCE_DIR}/tests/server/seed;SHIQIUREN_SOURCE_DIR=${CMAKE_SOURCE_DIR};SHIQIUREN_TEST_DB=sqlite")
endif()
