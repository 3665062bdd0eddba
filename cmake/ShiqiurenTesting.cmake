# Helpers shared by the layer and test CMake files.

# A layer's static library from whatever sources its folder holds. A layer whose issue has not
# landed yet gets one generated, empty translation unit, so the target (and its arrows) exist.
function(shiqiuren_layer name)
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/*.cpp)
    # Headers are listed too, so AUTOMOC finds the Q_OBJECT classes declared under include/.
    file(GLOB_RECURSE headers CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/include/*.hpp
        ${CMAKE_CURRENT_SOURCE_DIR}/src/*.hpp)
    if(NOT sources)
        set(anchor ${CMAKE_CURRENT_BINARY_DIR}/${name}_layer_anchor.cpp)
        file(WRITE ${anchor} "// ${name}: no sources yet; this keeps the layer's target in the build.\n")
        set(sources ${anchor})
    endif()
    add_library(${name} STATIC ${sources} ${headers})
    if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/include)
        target_include_directories(${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
    endif()
    target_include_directories(${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
endfunction()

# A Catch2 test binary run by ctest as one test carrying `labels` (Catch2 2.13's
# catch_discover_tests cannot pass a list of labels through). Extra ctest properties
# (FIXTURES_REQUIRED, RESOURCE_LOCK, ...) go after PROPERTIES. Run one case with
# `build/tests/<binary> "<test case name>"`.
function(shiqiuren_catch_test target)
    cmake_parse_arguments(T "" "" "SOURCES;LIBS;LABELS;PROPERTIES" ${ARGN})
    if(NOT T_SOURCES)
        return() # a suite whose tests have not been written yet
    endif()
    add_executable(${target} ${T_SOURCES})
    target_link_libraries(${target} PRIVATE ${T_LIBS})
    set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
    add_test(NAME ${target} COMMAND ${target} --reporter compact --durations yes)
    set_tests_properties(${target} PROPERTIES LABELS "${T_LABELS}" ${T_PROPERTIES})
endfunction()
