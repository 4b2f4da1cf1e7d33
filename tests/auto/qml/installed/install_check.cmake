# Script mode: installs the build into a temporary prefix, then loads the installed QML module
# with qmltestrunner (the import path is all it gets) and runs a script with the installed
# redistore-qml.
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}")
    endif()
    message(STATUS "${out}")
endfunction()
run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
file(GLOB_RECURSE qmldirs "${prefix}/*/qt6/qml/RediStore/qmldir")
list(LENGTH qmldirs found)
if(NOT found EQUAL 1)
    message(FATAL_ERROR "expected one installed RediStore/qmldir, found: ${qmldirs}")
endif()
get_filename_component(module_dir "${qmldirs}" DIRECTORY)
get_filename_component(import_dir "${module_dir}" DIRECTORY)
set(ENV{QT_QPA_PLATFORM} offscreen)
run("${QMLTESTRUNNER}" -import "${import_dir}" -input "${TEST_FILE}")

file(WRITE "${WORK_DIR}/script.qml"
    "import QtQml\nimport RediStore\n"
    "CookieCodec { keys: [\"k\"]; Component.onCompleted: Qt.exit(decode(\"n\", encode(\"n\", \"v\")) === \"v\" ? 0 : 5) }\n")
run("${prefix}/bin/redistore-qml" "${WORK_DIR}/script.qml" --timeout 30)
