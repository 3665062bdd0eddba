# The newcomer's whole walk, in one piece: the demo seed on the real server,
# the real pcscd with the demo card, and the program's own parts from login to publication.
file(GLOB ui_walk_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/walk/*.cpp)
shiqiuren_catch_test(test_ui_walk
    SOURCES ${ui_walk_sources}
    LIBS ui core shiqiuren_translations server_test_support integration_support
        smartcard_pcsclite catch_gui_main Qt6::Test
    LABELS "ui;integration;pcsc")
if(TARGET test_ui_walk)
    add_dependencies(test_ui_walk shiqiuren-server virtual-card)
    set_tests_properties(test_ui_walk PROPERTIES
        FIXTURES_REQUIRED "pcsc_stack;test_pki"
        RESOURCE_LOCK pcscd
        TIMEOUT 600
        ENVIRONMENT "SHIQIUREN_TEST_PKI=${SHIQIUREN_TEST_PKI_DIR};SHIQIUREN_SERVER_BIN=$<TARGET_FILE:shiqiuren-server>;SHIQIUREN_TEST_SERVER_SEEDS=${CMAKE_SOURCE_DIR}/tests/server/seed;SHIQIUREN_SOURCE_DIR=${CMAKE_SOURCE_DIR};SHIQIUREN_TEST_DB=sqlite")
endif()
