shiqiuren_catch_test(test_server_seed_dates
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/test_seed_dates.cpp
    LIBS server catch_qt_main
    LABELS "unit;server")
