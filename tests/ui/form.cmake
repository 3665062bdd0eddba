# The vacancy form, its pickers and the preview, offscreen against a real LocalStore in a
# temporary folder and a SessionState begun as a card or a password login. The form's classes keep
# their moc code in their own objects, so this links the form alone (no login pages, no card layer).
file(GLOB ui_form_test_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/form/*.cpp)
shiqiuren_catch_test(test_ui_form
    SOURCES ${ui_form_test_sources}
    # Qt6::PrintSupport: to drive the dialog the print module opens (the client never links it).
    LIBS ui core catch_gui_main Qt6::Test Qt6::PrintSupport
    LABELS "ui;form")
