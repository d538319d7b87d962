# Installing BurgerBench like any desktop app and packaging it (included by the top-level
# CMakeLists.txt after src/, so the executables exist). GNUInstallDirs lays out:
#   bin/                      burgerbench, burgerbench-cli
#   share/burgerbench/        translations/*.qm (read at run time: src/i18n), scenarios/ (presets)
#   share/applications/       burgerbench.desktop
#   share/metainfo/           <id>.metainfo.xml (AppStream)
#   share/icons/hicolor/      scalable/apps/burgerbench.svg and NxN/apps/burgerbench.png
#   share/man/man1/           burgerbench.1, burgerbench-cli.1, burgerbench-cli-<command>.1
#   share/bash-completion/completions/burgerbench-cli, share/zsh/vendor-completions/_burgerbench-cli,
#   share/fish/vendor_completions.d/burgerbench-cli.fish
#   share/doc/burgerbench/    README.md, copyright
# The man pages and completions are generated at build time from the programs' own --help
# (deploy/linux/gendocs.py), so they cannot drift from the option tables.

set(BURGERBENCH_HOMEPAGE_URL "https://burgerbench.example.org" CACHE STRING
    "Home page named in the AppStream metainfo (the project has no public address yet)")
set(BURGERBENCH_SCREENSHOT_BASE_URL "${BURGERBENCH_HOMEPAGE_URL}/images" CACHE STRING
    "Where docs/images/*.png are published, for the AppStream screenshots")
set(BURGERBENCH_LICENSE "LicenseRef-proprietary" CACHE STRING
    "SPDX expression of the project's licence (none has been chosen yet)")
set(BB_APPSTREAM_ID "org.example.BurgerBench")
set(BB_DEPLOY "${PROJECT_SOURCE_DIR}/deploy/linux")

# --- Version and revision: `git describe` at configure time, re-run when HEAD moves. -----------
set(BURGERBENCH_GIT_REVISION "" CACHE STRING "Revision to report instead of `git describe` (source tarballs)")
set(bb_revision "${BURGERBENCH_GIT_REVISION}")
if(bb_revision STREQUAL "")
    find_package(Git QUIET)
    if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
        execute_process(COMMAND "${GIT_EXECUTABLE}" describe --tags --always --dirty
            WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
            OUTPUT_VARIABLE bb_revision OUTPUT_STRIP_TRAILING_WHITESPACE
            RESULT_VARIABLE bb_git_result ERROR_QUIET)
        if(NOT bb_git_result EQUAL 0)
            set(bb_revision "")
        endif()
        execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --git-path HEAD
            WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" OUTPUT_VARIABLE bb_head
            OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
        execute_process(COMMAND "${GIT_EXECUTABLE}" symbolic-ref -q HEAD
            WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" OUTPUT_VARIABLE bb_ref
            OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
        foreach(f "${bb_head}" ".git/${bb_ref}")
            if(NOT f STREQUAL "" AND EXISTS "${PROJECT_SOURCE_DIR}/${f}")
                set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
                    "${PROJECT_SOURCE_DIR}/${f}")
            endif()
        endforeach()
    endif()
endif()
if(bb_revision STREQUAL "")
    set(bb_revision "unknown")
endif()
set(BURGERBENCH_REVISION "${bb_revision}")
configure_file("${BB_DEPLOY}/buildinfo.h.in" "${PROJECT_BINARY_DIR}/generated/burgerbench_buildinfo.h" @ONLY)
target_include_directories(burgerbench-cli PRIVATE "${PROJECT_BINARY_DIR}/generated")
if(TARGET burgerbench_gui)
    target_include_directories(burgerbench_gui PRIVATE "${PROJECT_BINARY_DIR}/generated")
endif()

# --- Executables, translations, presets. ------------------------------------------------------
install(TARGETS burgerbench-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET burgerbench)
    install(TARGETS burgerbench RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} BUNDLE DESTINATION .)
endif()
file(GLOB bb_ts_files RELATIVE "${PROJECT_SOURCE_DIR}/translations" "${PROJECT_SOURCE_DIR}/translations/*.ts")
set(bb_qm_files)
foreach(ts IN LISTS bb_ts_files)
    string(REGEX REPLACE "\\.ts$" ".qm" qm "${ts}")
    list(APPEND bb_qm_files "${PROJECT_BINARY_DIR}/src/i18n/${qm}") # written by src/i18n's lrelease
endforeach()
install(FILES ${bb_qm_files} DESTINATION ${CMAKE_INSTALL_DATADIR}/burgerbench/translations)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/resources/scenarios/"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/burgerbench/scenarios FILES_MATCHING PATTERN "*.json")
install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${BB_DEPLOY}/copyright"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/burgerbench) # the package name, not the project's

# --- Desktop entry, AppStream, icons (the app only). -------------------------------------------
if(TARGET burgerbench)
    set(BB_RELEASE_DATE "2026-12-02") # the release below; bump with the version
    set(BB_PROJECT_LICENSE "${BURGERBENCH_LICENSE}")
    set(BB_HOMEPAGE_URL "${BURGERBENCH_HOMEPAGE_URL}")
    set(BB_SCREENSHOT_BASE_URL "${BURGERBENCH_SCREENSHOT_BASE_URL}")
    configure_file("${BB_DEPLOY}/burgerbench.metainfo.xml.in"
        "${PROJECT_BINARY_DIR}/deploy/${BB_APPSTREAM_ID}.metainfo.xml" @ONLY)
    install(FILES "${BB_DEPLOY}/burgerbench.desktop" DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES "${PROJECT_BINARY_DIR}/deploy/${BB_APPSTREAM_ID}.metainfo.xml"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES "${BB_DEPLOY}/burgerbench.svg" DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    find_program(RSVG_CONVERT rsvg-convert)
    if(RSVG_CONVERT)
        set(bb_pngs)
        foreach(size 16 24 32 48 64 128 256 512)
            set(png "${PROJECT_BINARY_DIR}/deploy/icons/${size}x${size}/burgerbench.png")
            add_custom_command(OUTPUT "${png}"
                COMMAND ${CMAKE_COMMAND} -E make_directory "${PROJECT_BINARY_DIR}/deploy/icons/${size}x${size}"
                COMMAND "${RSVG_CONVERT}" -w ${size} -h ${size} -o "${png}" "${BB_DEPLOY}/burgerbench.svg"
                DEPENDS "${BB_DEPLOY}/burgerbench.svg"
                COMMENT "Rendering the ${size}x${size} icon" VERBATIM)
            list(APPEND bb_pngs "${png}")
            install(FILES "${png}" DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
        endforeach()
        add_custom_target(burgerbench_icons ALL DEPENDS ${bb_pngs})
    else()
        message(WARNING "rsvg-convert not found (package librsvg2-bin): the PNG icons are not built; "
            "scripts/setup.sh installs it")
    endif()
endif()

# --- Man pages and shell completions, from the programs' own --help. ---------------------------
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND AND NOT CMAKE_CROSSCOMPILING)
    set(bb_docs "${PROJECT_BINARY_DIR}/deploy/docs")
    set(bb_doc_outputs
        "${bb_docs}/man1/burgerbench-cli.1"
        "${bb_docs}/completions/burgerbench-cli.bash"
        "${bb_docs}/completions/_burgerbench-cli"
        "${bb_docs}/completions/burgerbench-cli.fish")
    set(bb_gendocs_args --cli "$<TARGET_FILE:burgerbench-cli>" --out "${bb_docs}" --version "${PROJECT_VERSION}")
    set(bb_gendocs_deps burgerbench-cli "${BB_DEPLOY}/gendocs.py")
    if(TARGET burgerbench)
        list(APPEND bb_gendocs_args --app "$<TARGET_FILE:burgerbench>")
        list(APPEND bb_gendocs_deps burgerbench)
        list(APPEND bb_doc_outputs "${bb_docs}/man1/burgerbench.1" "${bb_docs}/completions/burgerbench.bash")
    endif()
    # (Leak checks off: an ASan build runs its instrumented programs here only to read --help.)
    add_custom_command(OUTPUT ${bb_doc_outputs} "${bb_docs}/stamp"
        COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANGUAGE= ASAN_OPTIONS=detect_leaks=0
            "${Python3_EXECUTABLE}" "${BB_DEPLOY}/gendocs.py" ${bb_gendocs_args}
        COMMAND ${CMAKE_COMMAND} -E touch "${bb_docs}/stamp"
        DEPENDS ${bb_gendocs_deps}
        COMMENT "Generating man pages and shell completions from --help" VERBATIM)
    add_custom_target(burgerbench_docs ALL DEPENDS "${bb_docs}/stamp")
    # Every man page the generator wrote (one per sub-command, whatever the CLI has).
    install(DIRECTORY "${bb_docs}/man1/" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 FILES_MATCHING PATTERN "*.1.gz")
    set(bb_programs burgerbench-cli)
    if(TARGET burgerbench)
        list(APPEND bb_programs burgerbench)
    endif()
    foreach(program IN LISTS bb_programs)
        install(FILES "${bb_docs}/completions/${program}.bash"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME ${program})
        install(FILES "${bb_docs}/completions/_${program}" DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
        install(FILES "${bb_docs}/completions/${program}.fish"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
    endforeach()
else()
    message(WARNING "python3 not found: no man pages or shell completions (scripts/setup.sh installs it)")
endif()

include(BurgerBenchPackaging)
