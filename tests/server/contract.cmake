# docs/api/openapi.yaml under third-party tools, pinned in tests/server/contract/package-lock.json
# and installed into the build tree by tests/server/contract/install-tools.sh (the first run
# needs the npm registry, later runs do not).
add_test(NAME server_openapi_lint
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/contract/lint-openapi.sh
            ${CMAKE_BINARY_DIR}/tools/contract
            ${CMAKE_SOURCE_DIR}/docs/api/openapi.yaml)
set_tests_properties(server_openapi_lint PROPERTIES LABELS "server;contract")
