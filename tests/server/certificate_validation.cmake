# server/login: trust store, revocation (a real `openssl ocsp` responder and the test PKI's CRLs),
# the login certificate's result codes and the RS256 login signature.
shiqiuren_catch_test(test_server_certificates
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/test_certificate_validation.cpp
    LIBS server catch_qt_main OpenSSL::Crypto
    LABELS "unit;server"
    PROPERTIES FIXTURES_REQUIRED test_pki ENVIRONMENT "SHIQIUREN_TEST_PKI=${SHIQIUREN_TEST_PKI_DIR}")
