# docs/api/openapi.yaml against the server it documents: every served route, nothing unserved,
# every error code of the catalogue (tests/server/check-openapi.sh says how).
add_test(NAME server_openapi_coverage
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/check-openapi.sh
            $<TARGET_FILE:shiqiuren-server>
            ${CMAKE_SOURCE_DIR}/docs/api/openapi.yaml
            ${CMAKE_SOURCE_DIR}/server/src/http/error_catalogue.cpp)
set_tests_properties(server_openapi_coverage PROPERTIES LABELS "unit;server")
