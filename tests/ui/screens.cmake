# The main screens drawn in both languages (tests/ui/screens): ctest draws them into a temporary
# folder, scripts/screenshots into docs/screenshots/.
file(GLOB ui_screens_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/screens/*.cpp)
shiqiuren_catch_test(test_ui_screens
    SOURCES ${ui_screens_sources}
    LIBS ui core shiqiuren_translations server_test_support smartcard_pcsclite catch_gui_main
        Qt6::Test
    LABELS "ui;integration")
if(TARGET test_ui_screens)
    add_dependencies(test_ui_screens shiqiuren-server)
    set_tests_properties(test_ui_screens PROPERTIES
        FIXTURES_REQUIRED test_pki
        ENVIRONMENT "SHIQIUREN_TEST_PKI=${SHIQIUREN_TEST_PKI_DIR};SHIQIUREN_SERVER_BIN=$<TARGET_FILE:shiqiuren-server>;SHIQIUREN_TEST_SERVER_SEEDS=${CMAKE_SOURCE_DIR}/tests/server/seed;SHIQIUREN_SOURCE_DIR=${CMAKE_SOURCE_DIR};SHIQIUREN_TEST_DB=sqlite")
endif()
