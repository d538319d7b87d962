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
    bb_check_links(${name})
endfunction()

# Headers a stage may include without linking the stage they live in: plain data or inline,
# nothing to link. (scenario.h holds the simulator's knobs; the simulator stamps its clock origin;
# the scenario checks its header names with HTTP's syntax rules.)
set(BURGERBENCH_HEADER_ONLY sim/simulatorsettings.h trace/clockorigin.h protocol/httpsyntax.h)

# Marks a target whose links bb_check_sources_listed() compares with its includes: it must link
# the stage of every "<stage>/<file>.h" its sources include (bb_<stage>, burgerbench_gui for
# gui/), and no stage none of them includes. Stages this build lacks (bb_render without the GUI:
# its includes sit under #ifdef BURGERBENCH_HAVE_RENDER) are not asked for.
function(bb_check_links target)
    set_property(GLOBAL APPEND PROPERTY BURGERBENCH_LINK_CHECKED ${target})
endfunction()

function(_bb_stage_target dir out)
    if(dir STREQUAL "gui")
        set(${out} burgerbench_gui PARENT_SCOPE)
    else()
        set(${out} bb_${dir} PARENT_SCOPE)
    endif()
endfunction()

function(_bb_check_target_links target out)
    get_target_property(sources ${target} SOURCES)
    get_target_property(dir ${target} SOURCE_DIR)
    get_target_property(links ${target} LINK_LIBRARIES)
    get_filename_component(own "${dir}" NAME)
    set(needed)
    set(why)
    foreach(src IN LISTS sources)
        get_filename_component(path "${src}" ABSOLUTE BASE_DIR "${dir}")
        if(NOT path MATCHES "\\.(cpp|h)$" OR NOT EXISTS "${path}")
            continue()
        endif()
        file(STRINGS "${path}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"[a-z0-9_]+/[^\"]+\"")
        foreach(line IN LISTS lines)
            string(REGEX REPLACE "^[^\"]*\"(([a-z0-9_]+)/[^\"]+)\".*$" "\\1;\\2" parts "${line}")
            list(GET parts 0 header)
            list(GET parts 1 stage)
            if(stage STREQUAL own OR header IN_LIST BURGERBENCH_HEADER_ONLY)
                continue()
            endif()
            _bb_stage_target(${stage} stage_target)
            if(TARGET ${stage_target} AND NOT stage_target IN_LIST needed)
                list(APPEND needed ${stage_target})
                file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}" "${path}")
                list(APPEND why "${stage_target} (${rel} includes ${header})")
            endif()
        endforeach()
    endforeach()
    set(problems)
    foreach(item IN LISTS why)
        string(REGEX MATCH "^[^ ]+" stage_target "${item}")
        if(NOT stage_target IN_LIST links)
            string(APPEND problems "\n    ${target} does not link ${item}")
        endif()
    endforeach()
    foreach(link IN LISTS links)
        if((link MATCHES "^bb_" OR link STREQUAL "burgerbench_gui") AND NOT link IN_LIST needed)
            string(APPEND problems "\n    ${target} links ${link}, which none of its sources includes")
        endif()
    endforeach()
    set(${out} "${problems}" PARENT_SCOPE)
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
# it (the nearest one above it; src/gui's for forms and resources, src/i18n's for translations)
# was processed.
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
        if(f MATCHES "^translations/")
            set(owner "${top}/src/i18n")
        elseif(f IN_LIST app_files)
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
    set(link_problems)
    get_property(checked GLOBAL PROPERTY BURGERBENCH_LINK_CHECKED)
    foreach(target IN LISTS checked)
        _bb_check_target_links(${target} problems)
        string(APPEND link_problems "${problems}")
    endforeach()
    # Errors where warnings are errors (the ci preset, so CI refuses them); loud warnings in a dev
    # build, so a file someone is still writing does not stop everyone else's build.
    if(BURGERBENCH_WERROR)
        set(level SEND_ERROR)
    else()
        set(level WARNING)
    endif()
    if(link_problems)
        message(${level} "Link lists that do not match the includes:${link_problems}\n"
            "Each target links exactly the stages its sources include (cmake/BurgerBenchTargets.cmake).")
    endif()
    if(unlisted)
        if(BURGERBENCH_WERROR)
            set(level FATAL_ERROR)
        endif()
        message(${level} "Sources on disk that no CMakeLists.txt lists:${unlisted}\n"
            "Add each to its target's explicit source list (a new folder under src/ gets its own "
            "CMakeLists.txt and an add_subdirectory in src/CMakeLists.txt; a new test a "
            "bb_add_test line in tests/CMakeLists.txt), or delete it.")
    endif()
endfunction()
