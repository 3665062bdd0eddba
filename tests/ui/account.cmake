# 我的專區, 調閱履歷, 設定, 環境檢測 and the language switch against the real
# shiqiuren-server on loopback, with no smart card service on purpose (PCSCLITE_CSOCK_NAME names a
# socket that does not exist). The headless 環境檢測 suites are tests/core/diagnostics.
file(GLOB ui_account_test_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/account/*.cpp)
shiqiuren_catch_test(test_ui_account
    SOURCES ${ui_account_test_sources}
    LIBS ui core server_test_support shiqiuren_translations smartcard_pcsclite catch_gui_main
        Qt6::Test
    LABELS "ui;integration")
if(TARGET test_ui_account)
    target_include_directories(test_ui_account PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/account)
    add_dependencies(test_ui_account shiqiuren-server)
    set_tests_properties(test_ui_account PROPERTIES
        FIXTURES_REQUIRED test_pki
        ENVIRONMENT "SHIQIUREN_TEST_PKI=${SHIQIUREN_TEST_PKI_DIR};SHIQIUREN_SERVER_BIN=$<TARGET_FILE:shiqiuren-server>;SHIQIUREN_TEST_SERVER_SEEDS=${CMAKE_SOURCE_DIR}/tests/server/seed;SHIQIUREN_SOURCE_DIR=${CMAKE_SOURCE_DIR};SHIQIUREN_TEST_DB=sqlite;PCSCLITE_CSOCK_NAME=${CMAKE_CURRENT_BINARY_DIR}/no-pcscd/pcscd.comm")
endif()

