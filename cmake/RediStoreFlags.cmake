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

# Precompiled headers: Qt's and the standard library's headers are compiled once per set below,
# instead of once per source file (most of a build's time on a 2-core machine).
#   redistore_use_pch(<target> <set>)
# compiles <target> with the set's precompiled header, built by the object library
# redistore_pch_<set> or redistore_pch_<set>_pic (made by the first target that asks for it).
# Sets:
#   core     QtCore, QtNetwork and standard headers that the library's sources use
#   library  core, for the library itself
#   test     all of QtCore, for sources that include <QtTest/QtTest> (which includes it)
#   widgets  test's headers and the QtGui and QtWidgets headers that widget tests use
# A precompiled header is valid only where it was made with the same compiler options and with
# macro definitions that the using source has too, with the same values. So the object
# library has only what every target using the set has (the strict flags, QtCore and
# QtNetwork's definitions, and the build's own options), and no set holds a QtTest header:
# QtTest's headers read QT_TESTCASE_BUILDDIR and QT_TESTCASE_SOURCEDIR, which Qt defines per
# folder, and QT_GUI_LIB and QT_WIDGETS_LIB, which only some tests define. GCC reports an
# unusable one (-Winvalid-pch, an error with REDISTORE_WERROR), clang refuses it.
# -DREDISTORE_PCH=OFF builds without them: for a compiler that objects, or to check that every
# file includes what it uses.
option(REDISTORE_PCH "Precompile the Qt and standard headers that the sources share" ON)

set(REDISTORE_PCH_core
    <algorithm> <array> <atomic> <chrono> <cstring> <functional> <memory> <optional>
    <utility> <variant> <vector>
    <QtCore/QByteArray> <QtCore/QByteArrayList> <QtCore/QDateTime> <QtCore/QElapsedTimer>
    <QtCore/QFuture> <QtCore/QFutureWatcher> <QtCore/QHash> <QtCore/QList>
    <QtCore/QLoggingCategory> <QtCore/QMetaEnum> <QtCore/QMetaType> <QtCore/QObject>
    <QtCore/QPointer> <QtCore/QPromise> <QtCore/QSet> <QtCore/QSharedData> <QtCore/QString>
    <QtCore/QStringList> <QtCore/QTimer> <QtCore/QUrl> <QtCore/QVariant>
    <QtNetwork/QHostAddress>)
set(REDISTORE_PCH_test ${REDISTORE_PCH_core} <QtCore/QtCore> <QtNetwork/QTcpSocket>)
set(REDISTORE_PCH_widgets ${REDISTORE_PCH_test}
    <QtGui/QAction> <QtGui/QColor> <QtGui/QFontDatabase> <QtGui/QGuiApplication> <QtGui/QIcon>
    <QtGui/QImage> <QtGui/QPixmap> <QtGui/QWindow>
    <QtWidgets/QApplication> <QtWidgets/QComboBox> <QtWidgets/QDialog>
    <QtWidgets/QDialogButtonBox> <QtWidgets/QHBoxLayout> <QtWidgets/QHeaderView>
    <QtWidgets/QLabel> <QtWidgets/QLineEdit> <QtWidgets/QMainWindow> <QtWidgets/QMessageBox>
    <QtWidgets/QPlainTextEdit> <QtWidgets/QPushButton> <QtWidgets/QSpinBox>
    <QtWidgets/QSplitter> <QtWidgets/QTableView> <QtWidgets/QTreeView>
    <QtWidgets/QVBoxLayout> <QtWidgets/QWidget>)
set(REDISTORE_PCH_core_LIBRARIES Qt6::Core Qt6::Network)
# The library itself: core's headers, with the definitions of its private dependencies too
# (hiredis's pkg-config flags define _FILE_OFFSET_BITS, which the system headers read).
set(REDISTORE_PCH_library ${REDISTORE_PCH_core})
set(REDISTORE_PCH_library_LIBRARIES Qt6::Core Qt6::Network PkgConfig::hiredis)
set(REDISTORE_PCH_test_LIBRARIES Qt6::Core Qt6::Network)
set(REDISTORE_PCH_widgets_LIBRARIES Qt6::Core Qt6::Network Qt6::Widgets)

function(redistore_use_pch target set)
    if(NOT REDISTORE_PCH)
        return()
    endif()
    if(NOT DEFINED REDISTORE_PCH_${set})
        message(FATAL_ERROR "redistore_use_pch: no precompiled header set '${set}'")
    endif()
    # Position independent code must match too. A library's sources are compiled with -fPIC
    # when it is shared or asks for it, a program's without (the compiler's default, PIE on
    # Debian) unless Qt puts -fPIC on everything (Qt 6.4 does, Qt 6.8 does not): each set is
    # made both ways, as its users need.
    get_target_property(type ${target} TYPE)
    get_target_property(pic ${target} POSITION_INDEPENDENT_CODE)
    if(type STREQUAL "SHARED_LIBRARY" OR type STREQUAL "MODULE_LIBRARY"
            OR (pic AND NOT type STREQUAL "EXECUTABLE"))
        set(host redistore_pch_${set}_pic)
        set(pic ON)
    elseif(pic)
        return() # -fPIE: no set is made that way
    else()
        set(host redistore_pch_${set})
        set(pic OFF)
    endif()
    if(NOT TARGET ${host})
        if(set STREQUAL "widgets")
            find_package(Qt6 6.4 QUIET COMPONENTS Widgets)
        endif()
        foreach(library IN LISTS REDISTORE_PCH_${set}_LIBRARIES)
            if(NOT TARGET ${library})
                return() # built without the header set
            endif()
        endforeach()
        set(source "${PROJECT_BINARY_DIR}/pch/${host}.cpp")
        file(CONFIGURE OUTPUT "${source}" CONTENT
            "// Empty: ${host} only compiles the precompiled header that other targets use.\n")
        add_library(${host} OBJECT "${source}")
        set_target_properties(${host} PROPERTIES POSITION_INDEPENDENT_CODE ${pic}
            AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
        redistore_strict_flags(${host})
        target_link_libraries(${host} PRIVATE ${REDISTORE_PCH_${set}_LIBRARIES})
        target_precompile_headers(${host} PRIVATE ${REDISTORE_PCH_${set}})
    endif()
    target_precompile_headers(${target} REUSE_FROM ${host})
endfunction()
