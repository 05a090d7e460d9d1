# Snowball's Hindi and English stemmers, generated from Debian's snowball source (tools/setup
# fetches it) by the Snowball compiler, which is built once with the host C compiler. The
# generated C then compiles with whichever compiler the build uses (g++, clang or em++).
set(SNOWBALL_SOURCE_DIR "${READOUT_DIFF_THIRD_PARTY}/snowball")
if(NOT EXISTS "${SNOWBALL_SOURCE_DIR}/compiler/driver.c")
  message(FATAL_ERROR "Snowball source not found in ${SNOWBALL_SOURCE_DIR}: run tools/setup")
endif()

set(SNOWBALL_GENERATED_DIR "${CMAKE_BINARY_DIR}/snowball")
set(SNOWBALL_COMPILER "${SNOWBALL_GENERATED_DIR}/snowball-compiler")
file(MAKE_DIRECTORY "${SNOWBALL_GENERATED_DIR}")
if(NOT EXISTS "${SNOWBALL_COMPILER}")
  file(GLOB SNOWBALL_COMPILER_SOURCES "${SNOWBALL_SOURCE_DIR}/compiler/*.c")
  find_program(HOST_C_COMPILER NAMES cc gcc REQUIRED)
  execute_process(
    COMMAND "${HOST_C_COMPILER}" -O2 -w -o "${SNOWBALL_COMPILER}" ${SNOWBALL_COMPILER_SOURCES}
    RESULT_VARIABLE snowball_build_result)
  if(NOT snowball_build_result EQUAL 0)
    message(FATAL_ERROR "Could not build the Snowball compiler")
  endif()
endif()

set(SNOWBALL_STEMMER_SOURCES
    "${SNOWBALL_SOURCE_DIR}/runtime/api.c"
    "${SNOWBALL_SOURCE_DIR}/runtime/utilities.c")
foreach(language english hindi)
  set(stem_base "${SNOWBALL_GENERATED_DIR}/stem_UTF_8_${language}")
  add_custom_command(
    OUTPUT "${stem_base}.c" "${stem_base}.h"
    COMMAND "${SNOWBALL_COMPILER}" "${SNOWBALL_SOURCE_DIR}/algorithms/${language}.sbl"
            -o "${stem_base}" -eprefix "${language}_UTF_8_" -r "${SNOWBALL_SOURCE_DIR}/runtime" -u
    DEPENDS "${SNOWBALL_SOURCE_DIR}/algorithms/${language}.sbl"
    COMMENT "Generating the Snowball ${language} stemmer")
  list(APPEND SNOWBALL_STEMMER_SOURCES "${stem_base}.c")
endforeach()

add_library(snowball_stemmers STATIC ${SNOWBALL_STEMMER_SOURCES})
target_include_directories(snowball_stemmers SYSTEM PUBLIC "${SNOWBALL_GENERATED_DIR}" "${SNOWBALL_SOURCE_DIR}/runtime")
# Generated third-party C: its warnings are not ours to fix.
target_compile_options(snowball_stemmers PRIVATE -w)
set_target_properties(snowball_stemmers PROPERTIES POSITION_INDEPENDENT_CODE ON)
if(EMSCRIPTEN)
  # LLVM bitcode for the wasm engine's link-time optimisation (wasm/CMakeLists.txt).
  target_compile_options(snowball_stemmers PRIVATE -flto)
endif()
