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
# Qt's platform plugins and SVG image plugin are loaded at run time, so dpkg-shlibdeps cannot
# see them: the xcb/wayland platforms come with libqt6gui6, the SVG icons need qt6-svg-plugins.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-svg-plugins, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "concurrent LLM load tester that teaches concurrency
 BurgerBench fires configurable concurrent requests at OpenAI-compatible LLM
 endpoints (OpenAI, vLLM, llama.cpp server, Ollama, or its own built-in
 simulator), measures every request down to each streamed token, and shows it
 on a live timeline. It has a Qt desktop app (burgerbench) and a headless CLI
 for CI (burgerbench-cli) with JUnit XML and JSON reports.")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
