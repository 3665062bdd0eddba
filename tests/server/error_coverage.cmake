add_test(NAME server_error_coverage
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/check-error-coverage.sh
        ${CMAKE_SOURCE_DIR}/server/src/http/error_catalogue.cpp ${CMAKE_CURRENT_SOURCE_DIR}/api)
set_tests_properties(server_error_coverage PROPERTIES LABELS "unit;server")
