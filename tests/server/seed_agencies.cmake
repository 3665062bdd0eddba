shiqiuren_catch_test(test_server_seed_agencies
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/test_seed_agencies.cpp
    LIBS server catch_qt_main
    LABELS "unit;server")
