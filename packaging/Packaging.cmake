# SPDX-License-Identifier: GPL-3.0-or-later
# CPack: a .deb of the installed programs.
set(CPACK_PACKAGE_NAME "typebot-uploader")
set(CPACK_PACKAGE_VENDOR "Typebot Uploader team")
set(CPACK_PACKAGE_CONTACT "Typebot Uploader team <noreply@example.invalid>")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)
