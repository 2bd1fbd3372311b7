# SPDX-License-Identifier: GPL-3.0-or-later
# CPack pre-build script (CPACK_PRE_BUILD_SCRIPTS): strips the staged programs as Debian's
# dh_strip does, symbols not needed for relocation and the .comment and .note sections,
# after CPack has installed them into its staging folder and before it packs them (and
# computes their md5sums). The build directory keeps its symbols.
file(GLOB_RECURSE tbu_staged_programs
    LIST_DIRECTORIES false
    "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/bin/*")
if(NOT tbu_staged_programs)
    message(FATAL_ERROR "strip.cmake: no programs under ${CPACK_TEMPORARY_INSTALL_DIRECTORY}")
endif()
foreach(program IN LISTS tbu_staged_programs)
    execute_process(
        COMMAND "${CPACK_TBU_STRIP}" --strip-unneeded --remove-section=.comment
                --remove-section=.note "${program}"
        RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "strip.cmake: cannot strip ${program}")
    endif()
endforeach()
