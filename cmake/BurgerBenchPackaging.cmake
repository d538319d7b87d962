# CPack: `cpack -G DEB` (dependencies from dpkg-shlibdeps over the installed executables) and
# `cpack -G TGZ`, run in a configured and built tree; docs/packaging.md has the commands and
# what lintian, apt-get install and apt-get remove did with the result.
set(CPACK_PACKAGE_NAME "burgerbench")
set(CPACK_PACKAGE_VENDOR "The BurgerBench developers")
set(CPACK_PACKAGE_CONTACT "BurgerBench developers <burgerbench@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "concurrent LLM load tester that teaches concurrency")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${BURGERBENCH_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "burgerbench")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_PROJECT_CONFIG_FILE "${PROJECT_SOURCE_DIR}/deploy/linux/cpack-options.cmake") # TGZ: no usr/
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_PACKAGE_FILE_NAME "burgerbench-${PROJECT_VERSION}-${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)

# Debian: one binary package; Depends from the real shared libraries (dpkg-shlibdeps).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# Qt's plugins are loaded at run time, where dpkg-shlibdeps cannot see them; on bookworm they come
# with the libraries it does find (platforms in libqt6gui6, the SVG plugins in libqt6svg6). Qt's
# own Spanish (standard buttons and dialogs) is qt6-translations-l10n.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "BurgerBench fires configurable concurrent requests at OpenAI-compatible LLM
endpoints (OpenAI, vLLM, llama.cpp server, Ollama, or its own built-in
simulator), measures every request down to each streamed token, and shows it
on a live timeline. It has a Qt desktop app (burgerbench) and a headless CLI
for CI (burgerbench-cli) with JUnit XML and JSON reports.")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Debian policy wants share/doc/<package>/changelog.Debian.gz (gzip -9, lintian: no-changelog).
set(bb_changelog "${PROJECT_BINARY_DIR}/deploy/changelog.Debian")
file(WRITE "${bb_changelog}"
"burgerbench (${PROJECT_VERSION}-1) unstable; urgency=medium

  * Packaged with CPack: the desktop app, the CLI, man pages, shell completions,
    desktop entry, icons and AppStream metainfo.

 -- ${CPACK_PACKAGE_CONTACT}  Wed, 02 Dec 2026 00:00:00 +0000
")
# gzip -9n: no name or time stamp in the header (lintian: package-contains-timestamped-gzip).
execute_process(COMMAND gzip -9nc "${bb_changelog}" OUTPUT_FILE "${bb_changelog}.gz" RESULT_VARIABLE bb_gzip)
if(NOT bb_gzip EQUAL 0)
    message(WARNING "gzip failed (${bb_gzip}): no changelog.Debian.gz for the package")
endif()
install(FILES "${bb_changelog}.gz" DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/burgerbench)
include(CPack)
