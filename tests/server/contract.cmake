# docs/api/openapi.yaml under third-party tools, pinned in tests/server/contract/package-lock.json
# and installed into the build tree by tests/server/contract/install-tools.sh (the first run
# needs the npm registry, later runs do not).
add_test(NAME server_openapi_lint
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/contract/lint-openapi.sh
            ${CMAKE_BINARY_DIR}/tools/contract
            ${CMAKE_SOURCE_DIR}/docs/api/openapi.yaml)
set_tests_properties(server_openapi_lint PROPERTIES LABELS "server;contract")

# The contract walk: every operation against the real server through Stoplight Prism's validating
# proxy (pinned in contract/proxy/), then contract/check-walk.js over what it wrote down.
# The walk's binary is run by run-walk.sh only (it needs Prism running), so it is no test itself.
add_executable(test_contract_walk
    ${CMAKE_CURRENT_SOURCE_DIR}/contract/contract_proxy.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/contract/test_contract_walk.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/contract/test_contract_bad_requests.cpp)
target_link_libraries(test_contract_walk PRIVATE server_test_support server catch_qt_main)
target_include_directories(test_contract_walk PRIVATE ${CMAKE_SOURCE_DIR}/tests)
set_target_properties(test_contract_walk PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
add_dependencies(test_contract_walk shiqiuren-server)
add_test(NAME server_contract_walk
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/contract/run-walk.sh
            ${CMAKE_BINARY_DIR}/tools/contract-proxy $<TARGET_FILE:test_contract_walk>
            ${CMAKE_SOURCE_DIR}/docs/api/openapi.yaml)
set_tests_properties(server_contract_walk PROPERTIES
    LABELS "server;contract"
    FIXTURES_REQUIRED test_pki
    SKIP_RETURN_CODE 77
    TIMEOUT 600
    ENVIRONMENT "${server_api_environment};SHIQIUREN_TEST_DB=sqlite")
