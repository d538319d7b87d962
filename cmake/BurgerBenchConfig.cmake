# One INTERFACE target carries the language standard, warnings and Qt strictness
# defines; every BurgerBench target links it (same idea as qBittorrent's CommonConfig).
option(BURGERBENCH_WERROR "Turn compiler warnings into errors (the ci preset sets it)" OFF)

add_library(burgerbench_config INTERFACE)
target_compile_features(burgerbench_config INTERFACE cxx_std_17)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(burgerbench_config INTERFACE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -pedantic -Wold-style-cast -Wnon-virtual-dtor
        -Woverloaded-virtual -Wsuggest-override>)
if(BURGERBENCH_WERROR)
    target_compile_options(burgerbench_config INTERFACE $<$<CXX_COMPILER_ID:GNU,Clang>:-Werror>)
endif()
target_compile_definitions(burgerbench_config INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_USE_QSTRINGBUILDER QT_NO_FOREACH
    QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    BURGERBENCH_VERSION="${PROJECT_VERSION}")
