# Warnings are errors only where we choose: CI and scripts/test.sh turn this on; a user's build
# keeps them warnings, so that a newer compiler or Qt never breaks it.
option(REDISTORE_WERROR "Treat compiler warnings in RediStore's own targets as errors" OFF)

# Strict flags for the project's own targets (never applied to third-party code).
function(redistore_strict_flags target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_CAST_FROM_BYTEARRAY
        QT_USE_QSTRINGBUILDER
        QT_NO_FOREACH
        QT_NO_KEYWORDS)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(REDISTORE_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# Sanitizer build: cmake -DREDISTORE_SANITIZE=ON
option(REDISTORE_SANITIZE "Build with -fsanitize=address,undefined" OFF)
if(REDISTORE_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# libFuzzer build: cmake -DREDISTORE_BUILD_FUZZERS=ON with clang for the whole build (see
# scripts/fuzz.sh). Every target gets the fuzzer's coverage instrumentation; the fuzz targets
# in tests/fuzz/ link libFuzzer itself.
if(REDISTORE_BUILD_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "REDISTORE_BUILD_FUZZERS=ON needs clang for the whole build "
            "(libFuzzer); this build uses ${CMAKE_CXX_COMPILER_ID}. Configure a fresh build "
            "folder with CC=clang CXX=clang++, or run scripts/fuzz.sh.")
    endif()
    if(NOT BUILD_TESTING)
        message(FATAL_ERROR "REDISTORE_BUILD_FUZZERS=ON needs BUILD_TESTING=ON (the fuzz targets "
            "live in tests/fuzz/).")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# Installs a program into bin/ with a RUNPATH to the library folder relative to itself
# ($ORIGIN/../lib), so that an install into any prefix runs as it is.
function(redistore_install_program target)
    file(RELATIVE_PATH libdir "${CMAKE_INSTALL_FULL_BINDIR}" "${CMAKE_INSTALL_FULL_LIBDIR}")
    set_target_properties(${target} PROPERTIES INSTALL_RPATH "$ORIGIN/${libdir}")
    install(TARGETS ${target} RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
endfunction()
