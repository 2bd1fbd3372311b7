# SPDX-License-Identifier: GPL-3.0-or-later
# What `cmake --install` (and so the .deb) puts beside the three programs, which their own
# directories install: the desktop entry and AppStream metainfo under the app id, icons in
# the hicolor sizes, manual pages, shell completions for typebot-upload, and the package's
# copyright and changelog, at the paths Debian uses.
include(GNUInstallDirs)

# The one reverse-DNS id: desktop file name, AppStream id, QGuiApplication::desktopFileName.
set(TBU_APP_ID io.typebot.uploader)
set(tbu_resources_dir ${PROJECT_SOURCE_DIR}/resources)
set(tbu_doc_dir ${CMAKE_INSTALL_DATADIR}/doc/typebot-uploader)

install(FILES ${tbu_resources_dir}/typebot-uploader.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications
    RENAME ${TBU_APP_ID}.desktop)
install(FILES ${tbu_resources_dir}/${TBU_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# The scalable icon comes from app/gui; these are rendered from it (resources/icons/render).
foreach(size 16 22 24 32 48 64 128 256 512)
    install(FILES ${tbu_resources_dir}/icons/hicolor/${size}x${size}/typebot-uploader.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()

# Manual pages and the changelog are installed compressed, as Debian policy wants; -n keeps
# names and times out of the gzip header so that the package is reproducible.
set(tbu_gzipped)
function(tbu_gzip source output)
    add_custom_command(OUTPUT ${output}
        COMMAND sh -c "gzip -9nc \"\$0\" > \"\$1\"" ${source} ${output}
        DEPENDS ${source}
        COMMENT "Compressing ${source}"
        VERBATIM)
    set(tbu_gzipped ${tbu_gzipped} ${output} PARENT_SCOPE)
endfunction()

set(tbu_man_pages typebot-uploader typebot-upload typebot-sandbox)
foreach(page ${tbu_man_pages})
    tbu_gzip(${tbu_resources_dir}/man/${page}.1 ${CMAKE_BINARY_DIR}/man/${page}.1.gz)
    install(FILES ${CMAKE_BINARY_DIR}/man/${page}.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()
tbu_gzip(${PROJECT_SOURCE_DIR}/packaging/changelog ${CMAKE_BINARY_DIR}/packaging/changelog.gz)
add_custom_target(tbu_compressed_docs ALL DEPENDS ${tbu_gzipped})

install(FILES ${CMAKE_BINARY_DIR}/packaging/changelog.gz ${PROJECT_SOURCE_DIR}/packaging/copyright
    DESTINATION ${tbu_doc_dir})
# Findings of lintian that are explained rather than fixed (see the file).
install(FILES ${PROJECT_SOURCE_DIR}/packaging/lintian-overrides
    DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
    RENAME typebot-uploader)

# Shell completions for typebot-upload, where each shell looks for packaged ones.
install(FILES ${tbu_resources_dir}/completions/typebot-upload.bash
    DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
    RENAME typebot-upload)
install(FILES ${tbu_resources_dir}/completions/_typebot-upload
    DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${tbu_resources_dir}/completions/typebot-upload.fish
    DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
