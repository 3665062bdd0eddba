shiqiuren_catch_test(test_server_opendata
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/test_open_data_xml.cpp
    LIBS server catch_qt_main
    LABELS "unit;server")
