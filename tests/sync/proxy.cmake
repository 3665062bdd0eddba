# The fault proxy: a real TCP proxy between the sync client and shiqiuren-server that
# drops, delays, cuts and answers 500/429 per request. A library for the sync tests, a program
# for manual runs (build/tests/fault-proxy --upstream HOST:PORT), and its own tests.
add_library(fault_proxy STATIC
    ${CMAKE_CURRENT_SOURCE_DIR}/proxy/fault_proxy.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/proxy/fault_proxy.hpp
    ${CMAKE_CURRENT_SOURCE_DIR}/proxy/fault_rule.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/proxy/http_framing.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/proxy/http_framing.hpp
    ${CMAKE_CURRENT_SOURCE_DIR}/proxy/proxy_state.hpp
    ${CMAKE_CURRENT_SOURCE_DIR}/proxy/proxy_session.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/proxy/proxy_session.hpp
    ${CMAKE_CURRENT_SOURCE_DIR}/proxy/proxy_session_faults.cpp)
target_include_directories(fault_proxy PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/proxy)
# core: the reason phrases the server writes too.
target_link_libraries(fault_proxy PUBLIC core Qt6::Core Qt6::Network)

add_executable(fault-proxy ${CMAKE_CURRENT_SOURCE_DIR}/proxy/main.cpp)
target_link_libraries(fault-proxy PRIVATE fault_proxy)
set_target_properties(fault-proxy PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)

shiqiuren_catch_test(test_fault_proxy
    SOURCES
        ${CMAKE_CURRENT_SOURCE_DIR}/proxy_tests/proxy_test_support.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/proxy_tests/recording_upstream.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/proxy_tests/test_fault_proxy_forwarding.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/proxy_tests/test_fault_proxy_faults.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/proxy_tests/test_fault_proxy_log_and_rules.cpp
    LIBS fault_proxy catch_qt_main Qt6::Network
    LABELS "unit;sync")
