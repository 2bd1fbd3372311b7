# SPDX-License-Identifier: GPL-3.0-or-later
# CPack: one .deb of the installed programs, built by scripts/package from a hardened
# Release build and checked by scripts/check-package (lintian, appstreamcli,
# desktop-file-validate, an install into a throw-away root).
set(CPACK_PACKAGE_NAME "typebot-uploader")
set(CPACK_PACKAGE_VENDOR "Typebot Uploader team")
set(CPACK_PACKAGE_CONTACT "Typebot Uploader team <noreply@example.invalid>")
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
# Stripped as dh_strip does (packaging/strip.cmake), in CPack's staging copy only.
set(CPACK_STRIP_FILES OFF)
set(CPACK_TBU_STRIP "${CMAKE_STRIP}")
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/strip.cmake)
# Directories CPack makes itself get the usual modes, whatever the umask.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# The first line of Description (the synopsis) must differ from the project's DESCRIPTION
# for CPack to put it in front of the extended text read from description.txt.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "desktop and command-line uploader for Typebot chat sessions")
file(READ ${CMAKE_CURRENT_LIST_DIR}/description.txt CPACK_DEBIAN_PACKAGE_DESCRIPTION)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Libraries come from dpkg-shlibdeps; the Qt plugins loaded at run time do not show there:
# the SQLite driver (without it there is no journal, no resume, no history) and the SVG
# icon and image plugins (the app's icons).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
# Wayland sessions without XWayland, and Qt's own dialogs in the user's language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n")
# A Secret Service keeps API tokens encrypted; without one they stay for the session only
# (or, if the user agrees, in an owner-only file).
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring | libkf5wallet-bin")
include(CPack)
