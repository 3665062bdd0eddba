# The login dialog offscreen, end to end: the real pcscd with the iso-eid (and nhi)
# virtual card, core's card service on its worker thread, and the real shiqiuren-server on
# loopback with the test seed. Shares the one pcscd: RESOURCE_LOCK pcscd.
file(GLOB ui_login_test_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/login/*.cpp)
shiqiuren_catch_test(test_ui_login
    SOURCES ${ui_login_test_sources}
    LIBS ui core shiqiuren_translations server_test_support integration_support smartcard_pcsclite
        catch_gui_main
        Qt6::Test
    LABELS "ui;integration;pcsc")
if(TARGET test_ui_login)
    add_dependencies(test_ui_login shiqiuren-server virtual-card)
    set_tests_properties(test_ui_login PROPERTIES
        FIXTURES_REQUIRED "pcsc_stack;test_pki"
        RESOURCE_LOCK pcscd
        TIMEOUT 900
        ENVIRONMENT "SHIQIUREN_TEST_PKI=${SHIQIUREN_TEST_PKI_DIR};SHIQIUREN_SERVER_BIN=$<TARGET_FILE:shiqiuren-server>;SHIQIUREN_TEST_SERVER_SEEDS=${CMAKE_SOURCE_DIR}/tests/server/seed;SHIQIUREN_SOURCE_DIR=${CMAKE_SOURCE_DIR};SHIQIUREN_TEST_DB=sqlite")
endif()
