# server/login: trust store, revocation (a real `openssl ocsp` responder and the test PKI's CRLs),
# the login certificate's result codes and the RS256 login signature.
shiqiuren_catch_test(test_server_certificates
    SOURCES
        ${CMAKE_CURRENT_SOURCE_DIR}/certificates/certificate_test_pki.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/certificates/revocation_peers.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/certificates/test_trust_store.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/certificates/test_certificate_checks.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/certificates/test_revocation.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/certificates/test_login_signature.cpp
    LIBS server catch_qt_main OpenSSL::Crypto
    LABELS "unit;server"
    PROPERTIES FIXTURES_REQUIRED test_pki ENVIRONMENT "SHIQIUREN_TEST_PKI=${SHIQIUREN_TEST_PKI_DIR}")
