# Included by each example's CMakeLists.txt. In the RediStore tree the examples use the targets
# being built; on their own (installed under share/doc/redistore/examples) they find the
# installed package:
#   cmake -S share/doc/redistore/examples/quickstart -B build -DCMAKE_PREFIX_PATH=<prefix>
#   cmake --build build
if(NOT TARGET RediStore::RediStore)
    set(CMAKE_CXX_STANDARD 17) # the public headers need no more
    set(CMAKE_CXX_STANDARD_REQUIRED ON)
    set(CMAKE_AUTOMOC ON)
    find_package(RediStore 0.2 REQUIRED COMPONENTS ${REDISTORE_EXAMPLE_COMPONENTS})
endif()

if(NOT COMMAND redistore_add_example)
    # redistore_add_example(<name> SOURCES files... [LIBRARIES libs...])
    function(redistore_add_example name)
        cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES" ${ARGN})
        add_executable(${name} ${ARG_SOURCES})
        if(COMMAND redistore_strict_flags) # the RediStore tree's warnings and shared headers
            redistore_strict_flags(${name})
            redistore_use_pch(${name} core)
        endif()
        target_link_libraries(${name} PRIVATE RediStore::RediStore ${ARG_LIBRARIES})
    endfunction()
endif()
