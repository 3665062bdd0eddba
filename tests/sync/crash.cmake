# Crash safety: test_sync_crash kills sync-child (an ordinary sync) with SIGKILL at seeded random
# instants, then checks with a normal sync that nothing was lost or posted twice.
add_executable(sync-child ${CMAKE_CURRENT_SOURCE_DIR}/crash/sync_child.cpp)
target_link_libraries(sync-child PRIVATE core)
set_target_properties(sync-child PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
shiqiuren_catch_test(test_sync_crash
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/crash/test_crash_safety.cpp
    LIBS core server_test_support catch_qt_main
    LABELS "sync;integration")
if(TARGET test_sync_crash)
    add_dependencies(test_sync_crash shiqiuren-server sync-child)
    set_tests_properties(test_sync_crash PROPERTIES
        FIXTURES_REQUIRED test_pki
        ENVIRONMENT "SHIQIUREN_TEST_PKI=${SHIQIUREN_TEST_PKI_DIR};SHIQIUREN_SERVER_BIN=$<TARGET_FILE:shiqiuren-server>;SHIQIUREN_TEST_SERVER_SEEDS=${CMAKE_SOURCE_DIR}/tests/server/seed;SHIQIUREN_SYNC_CHILD=$<TARGET_FILE:sync-child>;SHIQIUREN_TEST_DB=sqlite")
endif()
