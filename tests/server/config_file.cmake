# `shiqiuren-server --config FILE`: the key = value file, its errors by FILE:LINE, and the command
# line overriding it. No server runs: parseServerConfig alone.
shiqiuren_catch_test(test_server_config_file
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/test_config_file.cpp
    LIBS server catch_qt_main
    LABELS "unit;server")
