# Opening the server's database from `--db`: URL parsing, SQLite, and a real PostgreSQL when
# SHIQIUREN_TEST_PG_URL is set (scripts/test starts tests/support/postgres-stack.sh for it).
shiqiuren_catch_test(test_server_database
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/test_database_url.cpp
    LIBS server catch_qt_main
    LABELS "unit;server")
