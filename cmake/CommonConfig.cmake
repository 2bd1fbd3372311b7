# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target that every project target links: shared warnings and Qt
# definitions live here and nowhere else (qBittorrent's CommonConfig idea).
add_library(tbu_common_config INTERFACE)

target_compile_features(tbu_common_config INTERFACE cxx_std_17)

target_compile_options(tbu_common_config INTERFACE
    -Wall -Wextra -Wpedantic
    -Wold-style-cast -Woverloaded-virtual -Wnon-virtual-dtor
    $<$<BOOL:${TBU_WARNINGS_AS_ERRORS}>:-Werror>)

target_compile_definitions(tbu_common_config INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_NO_FOREACH
    TBU_VERSION="${PROJECT_VERSION}")

if(TBU_SANITIZE)
    # -g1: line tables, so reports name file and line, without full debug info's build time.
    target_compile_options(tbu_common_config INTERFACE
        -fsanitize=${TBU_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all -g1)
    target_link_options(tbu_common_config INTERFACE -fsanitize=${TBU_SANITIZE})
endif()

# tbu_add_qtest(NAME SOURCE [LIBS ...] [TIMEOUT s] [WRAPPER script]): one QTest
# executable registered with ctest; WRAPPER runs it through a script (e.g. to give it a
# private D-Bus session and keyring).
function(tbu_add_qtest name source)
    cmake_parse_arguments(ARG "" "TIMEOUT;WRAPPER" "LIBS" ${ARGN})
    qt_add_executable(${name} ${source})
    target_link_libraries(${name} PRIVATE tbu_common_config Qt6::Test ${ARG_LIBS})
    if(ARG_WRAPPER)
        add_test(NAME ${name} COMMAND ${ARG_WRAPPER} $<TARGET_FILE:${name}>)
    else()
        add_test(NAME ${name} COMMAND ${name})
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=*.debug=false")
endfunction()
