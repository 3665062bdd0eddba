# The sync engine against the real shiqiuren-server on loopback: offline work, two
# clients, 422/401, the feed, tombstones, and a database fault at every statement of a sync.
file(GLOB sync_engine_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/engine/*.cpp)
shiqiuren_catch_test(test_sync_engine
    SOURCES ${sync_engine_sources}
    LIBS core server_test_support catch_qt_main
    LABELS "sync;integration")
if(TARGET test_sync_engine)
    add_dependencies(test_sync_engine shiqiuren-server)
    # As tests/server/api.cmake sets them for test_server_api (its variable is not visible here).
    set(sync_engine_environment
        "SHIQIUREN_TEST_PKI=${SHIQIUREN_TEST_PKI_DIR}"
        "SHIQIUREN_SERVER_BIN=$<TARGET_FILE:shiqiuren-server>"
        "SHIQIUREN_TEST_SERVER_SEEDS=${CMAKE_SOURCE_DIR}/tests/server/seed"
        "SHIQIUREN_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
    set_tests_properties(test_sync_engine PROPERTIES
        FIXTURES_REQUIRED test_pki
        ENVIRONMENT "${sync_engine_environment};SHIQIUREN_TEST_DB=sqlite")
endif()
