# Scale-out: two server instances on one PostgreSQL (label `scaleout`). Idempotency keys, nonces,
# sessions, throttles and the change feed must hold across instances. PostgreSQL only: without
# the test PostgreSQL (scripts/test starts it) the wrapper says why and ctest reports a skip.
add_executable(test_server_scaleout
    ${CMAKE_CURRENT_SOURCE_DIR}/scaleout/concurrent_requests.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/scaleout/test_shared_state.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/scaleout/test_change_feed_order.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/scaleout/test_startup.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/scaleout/test_batch_races.cpp)
target_link_libraries(test_server_scaleout PRIVATE server_test_support server catch_qt_main
    Qt6::Sql)
set_target_properties(test_server_scaleout PROPERTIES
    RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
add_dependencies(test_server_scaleout shiqiuren-server)
add_test(NAME test_server_scaleout
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/scaleout/run-with-postgres.sh
        $<TARGET_FILE:test_server_scaleout> --reporter compact --durations yes)
set_tests_properties(test_server_scaleout PROPERTIES
    LABELS "integration;server;postgres;scaleout"
    FIXTURES_REQUIRED test_pki
    SKIP_RETURN_CODE 77
    ENVIRONMENT "SHIQIUREN_TEST_PKI=${SHIQIUREN_TEST_PKI_DIR};SHIQIUREN_SERVER_BIN=$<TARGET_FILE:shiqiuren-server>;SHIQIUREN_TEST_SERVER_SEEDS=${CMAKE_CURRENT_SOURCE_DIR}/seed;SHIQIUREN_SOURCE_DIR=${CMAKE_SOURCE_DIR};SHIQIUREN_TEST_DB=postgres")
