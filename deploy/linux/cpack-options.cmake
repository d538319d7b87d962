# CPACK_PROJECT_CONFIG_FILE (cmake/BurgerBenchPackaging.cmake): read by cpack once per generator.
# The .deb installs under /usr; the .tar.gz holds bin/ and share/ at its top, so that
#   tar -xzf burgerbench-*.tar.gz --strip-components=1 -C ~/.local
# lays it out like an install with --prefix ~/.local.
if(CPACK_GENERATOR STREQUAL "TGZ")
    set(CPACK_PACKAGING_INSTALL_PREFIX "/")
endif()
