# Every target's sources are listed by hand in its CMakeLists.txt (no GLOB: what is built is what
# is written down). So that a file added on disk cannot silently stay out of the build, every
# listing below records its files, and bb_check_sources_listed(), called last in the top-level
# CMakeLists.txt, fails the configure naming each source that no CMakeLists.txt lists. Its glob is
# CONFIGURE_DEPENDS: adding a file re-runs the check on the next build, too.

# Records files (relative to the calling CMakeLists.txt, or absolute) as listed.
function(bb_list_sources)
    foreach(f IN LISTS ARGN)
        get_filename_component(abs "${f}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
        set_property(GLOBAL APPEND PROPERTY BURGERBENCH_LISTED_SOURCES "${abs}")
    endforeach()
endfunction()

# bb_library(<name> SOURCES <files...> LINKS <targets...>)
# One pipeline stage: a static library over src/, linking the config target, Qt Core and exactly
# the libraries and Qt modules its sources include (PUBLIC: a stage's headers hold the types of
# the stages it links).
function(bb_library name)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES;LINKS")
    bb_list_sources(${arg_SOURCES})
    qt_add_library(${name} STATIC ${arg_SOURCES})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(${name} PUBLIC burgerbench_config Qt6::Core ${arg_LINKS})
endfunction()

# The source directories this configure processed (a tree without the GUI never reads src/gui).
function(_bb_processed_dirs dir out)
    set(all "${dir}")
    get_property(subs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
    foreach(sub IN LISTS subs)
        _bb_processed_dirs("${sub}" below)
        list(APPEND all ${below})
    endforeach()
    set(${out} ${all} PARENT_SCOPE)
endfunction()

# Fails when a C++ file under src/, tests/, bench/ or fuzz/, a form (ui/), a resource or a
# translation is on disk but listed nowhere. A file is checked when the CMakeLists.txt that owns
# it (the nearest one above it; src/gui's for forms, resources and translations) was processed.
function(bb_check_sources_listed)
    set(top "${PROJECT_SOURCE_DIR}")
    get_property(listed GLOBAL PROPERTY BURGERBENCH_LISTED_SOURCES)
    _bb_processed_dirs("${top}" processed)
    file(GLOB_RECURSE code CONFIGURE_DEPENDS RELATIVE "${top}"
        "${top}/src/*.cpp" "${top}/src/*.h" "${top}/tests/*.cpp" "${top}/tests/*.h"
        "${top}/bench/*.cpp" "${top}/bench/*.h" "${top}/fuzz/*.cpp" "${top}/fuzz/*.h")
    file(GLOB app_files CONFIGURE_DEPENDS RELATIVE "${top}"
        "${top}/ui/*.ui" "${top}/resources/scenarios/*.json" "${top}/resources/images/*.svg"
        "${top}/translations/*.ts")
    set(unlisted)
    foreach(f IN LISTS code app_files)
        if(f IN_LIST app_files)
            set(owner "${top}/src/gui")
        else()
            get_filename_component(owner "${top}/${f}" DIRECTORY)
            while(NOT EXISTS "${owner}/CMakeLists.txt")
                get_filename_component(owner "${owner}" DIRECTORY)
            endwhile()
        endif()
        if(owner IN_LIST processed AND NOT "${top}/${f}" IN_LIST listed)
            file(RELATIVE_PATH owner_rel "${top}" "${owner}/CMakeLists.txt")
            string(APPEND unlisted "\n    ${f}    (owned by ${owner_rel})")
        endif()
    endforeach()
    if(unlisted)
        message(FATAL_ERROR "Sources on disk that no CMakeLists.txt lists:${unlisted}\n"
            "Add each to its target's explicit source list (a new folder under src/ gets its own "
            "CMakeLists.txt and an add_subdirectory in src/CMakeLists.txt; a new test a "
            "bb_add_test line in tests/CMakeLists.txt), or delete it.")
    endif()
endfunction()
