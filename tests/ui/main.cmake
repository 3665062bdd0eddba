# The main window, its status area and the conflict resolver, offscreen against the real
# shiqiuren-server on loopback, a real LocalStore and the SyncService: offline work that syncs
# once the server is back, a conflict settled from the badge, paging, search and the history.
file(GLOB ui_main_test_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/main/*.cpp)
shiqiuren_catch_test(test_ui_main
    SOURCES ${ui_main_test_sources}
    # smartcard_pcsclite: WindowHub (opening 預覽 as the window does) links the card login.
    LIBS ui core server_test_support smartcard_pcsclite catch_gui_main Qt6::Test
        Fontconfig::Fontconfig
    LABELS "ui;integration")
if(TARGET test_ui_main)
    add_dependencies(test_ui_main shiqiuren-server)
    set_tests_properties(test_ui_main PROPERTIES
        FIXTURES_REQUIRED test_pki
        ENVIRONMENT "SHIQIUREN_TEST_PKI=${SHIQIUREN_TEST_PKI_DIR};SHIQIUREN_SERVER_BIN=$<TARGET_FILE:shiqiuren-server>;SHIQIUREN_TEST_SERVER_SEEDS=${CMAKE_SOURCE_DIR}/tests/server/seed;SHIQIUREN_SOURCE_DIR=${CMAKE_SOURCE_DIR};SHIQIUREN_TEST_DB=sqlite")
endif()
