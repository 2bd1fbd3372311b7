# SPDX-License-Identifier: GPL-3.0-or-later
# Hardening as Debian builds its own packages (dpkg-buildflags with hardening=+all):
# fortified libc calls, a stack protector, full RELRO with immediate binding, and
# position-independent executables. Included before any target is made, as
# CMAKE_POSITION_INDEPENDENT_CODE only reaches targets created after it.
option(TBU_HARDENING
    "Build with hardening flags (fortify, stack protector, full RELRO, PIE)" ON)

# PIE for the executables, PIC for the static libraries linked into them (Qt asks for it too).
include(CheckPIESupported)
check_pie_supported(LANGUAGES CXX)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)

# The sanitizers bring their own checks and clash with _FORTIFY_SOURCE's.
if(TBU_HARDENING AND NOT TBU_SANITIZE)
    target_compile_options(tbu_common_config INTERFACE
        -fstack-protector-strong
        -fstack-clash-protection
        -Wformat -Werror=format-security
        # glibc fortifies optimised code only, and warns about the rest.
        "$<$<CONFIG:Release,RelWithDebInfo,MinSizeRel>:-U_FORTIFY_SOURCE;-D_FORTIFY_SOURCE=2>")
    if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|i[3-6]86)$")
        target_compile_options(tbu_common_config INTERFACE -fcf-protection)
    endif()
    target_link_options(tbu_common_config INTERFACE LINKER:-z,relro LINKER:-z,now)
endif()
