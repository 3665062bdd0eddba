# Builds one layering probe and checks the outcome: "builds" must compile; "fails" must fail
# because a header could not be found (any other failure is a broken probe, not a proof).
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${TARGET}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(EXPECT STREQUAL "builds")
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "${TARGET} should build:\n${output}")
    endif()
else()
    if(result EQUAL 0)
        message(FATAL_ERROR "${TARGET} compiled, so the layer arrow is not enforced")
    endif()
    if(NOT output MATCHES "No such file or directory")
        message(FATAL_ERROR "${TARGET} failed for another reason than a missing header:\n${output}")
    endif()
endif()
