# ICU for the WebAssembly build: ICU's common library compiled from source with em++, plus a
# reduced data package compiled into it. Included by cmake/Dependencies.cmake when EMSCRIPTEN.
#
# Defines the STATIC library `readout_icu`, the wasm counterpart of the native build's ICU::uc:
#   - ICU's source/common (the i18n library is not needed), built once per build folder;
#   - the data package: only the items in tools/icu-data-items.txt, cut out of ICU's full
#     icudt<N>l.dat with the host's icupkg and turned into C with genccode. Its symbol is ICU's
#     own linked-in entry point (icudt<N>_dat), so ICU finds the data with no setup at all;
#     the engine also registers it explicitly (wasm/icu_data.cpp, udata_setCommonData).
#   - ICU configured never to touch files (UCONFIG_NO_FILE_IO): there is no file system in the
#     page, and the engine must not depend on one under node either.

set(READOUT_ICU_SOURCE_DIR "${READOUT_DIFF_THIRD_PARTY}/icu/source")
if(NOT EXISTS "${READOUT_ICU_SOURCE_DIR}/common/sources.txt")
  message(FATAL_ERROR "ICU source not found in ${READOUT_ICU_SOURCE_DIR}: run tools/setup")
endif()
# The version names the data package (icudt72l.dat) and the entry-point symbol (icudt72_dat).
file(STRINGS "${READOUT_ICU_SOURCE_DIR}/common/unicode/uvernum.h" icu_major_line
     REGEX "^#define U_ICU_VERSION_MAJOR_NUM [0-9]+")
string(REGEX REPLACE ".* ([0-9]+)$" "\\1" READOUT_ICU_MAJOR "${icu_major_line}")
set(READOUT_ICU_FULL_DATA "${READOUT_ICU_SOURCE_DIR}/data/in/icudt${READOUT_ICU_MAJOR}l.dat")
if(NOT EXISTS "${READOUT_ICU_FULL_DATA}")
  message(FATAL_ERROR "ICU's data package ${READOUT_ICU_FULL_DATA} is missing: run tools/setup")
endif()
# Debian puts icupkg and genccode in /usr/sbin, which is not on every user's PATH.
find_program(ICUPKG_EXECUTABLE icupkg HINTS /usr/sbin /usr/bin REQUIRED)
find_program(GENCCODE_EXECUTABLE genccode HINTS /usr/sbin /usr/bin REQUIRED)

# --- sources ------------------------------------------------------------------------------------
file(STRINGS "${READOUT_ICU_SOURCE_DIR}/common/sources.txt" icu_common_names)
set(READOUT_ICU_SOURCES "")
foreach(name IN LISTS icu_common_names)
  list(APPEND READOUT_ICU_SOURCES "${READOUT_ICU_SOURCE_DIR}/common/${name}")
endforeach()

# ICU's sources are patched in copies in the build folder, each patch applied to the result of the
# ones before: first Debian's patches that touch source/common, since tools/setup may unpack ICU
# without them while the native build links Debian's patched libicu (security fixes, e.g.
# ICU-22198 in uresbund.cpp), so that both builds run the same ICU code; then the project's own
# (cmake/icu-*.patch, each saying why). Patches for ICU's tools or build scripts do not concern
# this library and are skipped.
set(icu_patched_root "${CMAKE_BINARY_DIR}/icu-patched")
set(icu_staging "${CMAKE_BINARY_DIR}/icu-patch-staging")
find_program(PATCH_EXECUTABLE patch REQUIRED)
function(readout_apply_icu_patch patch_file)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${patch_file}")
  file(STRINGS "${patch_file}" patched_lines REGEX "^\\+\\+\\+ ")
  set(common_files "")
  set(touches_other FALSE)
  foreach(line IN LISTS patched_lines)
    # "+++ b/source/common/uresbund.cpp<tab>date" -> "source/common/uresbund.cpp" (as patch -p1).
    # One anchored regex: REGEX REPLACE applies "^..." again after its first match.
    string(REGEX REPLACE "^\\+\\+\\+ [^/ \t]+/([^ \t]+).*$" "\\1" patched_path "${line}")
    if(patched_path MATCHES "^source/common/")
      list(APPEND common_files "${patched_path}")
    else()
      set(touches_other TRUE)
    endif()
  endforeach()
  if(NOT common_files OR touches_other)
    return()
  endif()
  # Patch fresh copies in a staging folder on every configure, then copy them to where they are
  # compiled only when they differ, so a re-configure does not rebuild them.
  file(REMOVE_RECURSE "${icu_staging}")
  foreach(relative IN LISTS common_files)
    get_filename_component(relative_dir "${relative}" DIRECTORY)
    set(current "${READOUT_DIFF_THIRD_PARTY}/icu/${relative}")
    list(FIND READOUT_ICU_SOURCES "${icu_patched_root}/${relative}" patched_before)
    if(patched_before GREATER_EQUAL 0)
      set(current "${icu_patched_root}/${relative}")
    endif()
    file(COPY "${current}" DESTINATION "${icu_staging}/${relative_dir}")
  endforeach()
  # Already applied upstream of us (setup unpacked with patches): the reverse applies cleanly.
  execute_process(COMMAND "${PATCH_EXECUTABLE}" -p1 -R --dry-run -s -f -i "${patch_file}"
                  WORKING_DIRECTORY "${icu_staging}" RESULT_VARIABLE already_applied OUTPUT_QUIET ERROR_QUIET)
  if(NOT already_applied EQUAL 0)
    execute_process(COMMAND "${PATCH_EXECUTABLE}" -p1 -N -s -f -i "${patch_file}"
                    WORKING_DIRECTORY "${icu_staging}" RESULT_VARIABLE patch_result)
    if(NOT patch_result EQUAL 0)
      message(FATAL_ERROR "ICU patch ${patch_file} does not apply to ${READOUT_ICU_SOURCE_DIR}")
    endif()
  endif()
  set(sources ${READOUT_ICU_SOURCES})
  foreach(relative IN LISTS common_files)
    configure_file("${icu_staging}/${relative}" "${icu_patched_root}/${relative}" COPYONLY)
    list(FIND sources "${READOUT_DIFF_THIRD_PARTY}/icu/${relative}" source_index)
    if(source_index GREATER_EQUAL 0)
      list(REMOVE_AT sources ${source_index})
      list(APPEND sources "${icu_patched_root}/${relative}")
    elseif(NOT "${icu_patched_root}/${relative}" IN_LIST sources)
      # A patched header would still be found next to the unpatched sources: fail loudly.
      message(FATAL_ERROR "ICU patch ${patch_file} changes ${relative}, which is not an ICU source file "
                          "this build compiles; teach cmake/IcuWasm.cmake to use it")
    endif()
  endforeach()
  file(REMOVE_RECURSE "${icu_staging}")
  set(READOUT_ICU_SOURCES ${sources} PARENT_SCOPE)
endfunction()

set(icu_patch_dir "${READOUT_DIFF_THIRD_PARTY}/icu/debian/patches")
if(EXISTS "${icu_patch_dir}/series")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${icu_patch_dir}/series")
  file(STRINGS "${icu_patch_dir}/series" icu_patches REGEX "^[^#]")
  foreach(patch_name IN LISTS icu_patches)
    string(STRIP "${patch_name}" patch_name)
    readout_apply_icu_patch("${icu_patch_dir}/${patch_name}")
  endforeach()
endif()
# The project's: no dictionary or LSTM break engines (their data is not packaged), about 40 KB of
# the page (docs/performance.md).
readout_apply_icu_patch("${PROJECT_SOURCE_DIR}/cmake/icu-no-language-break-engines.patch")

# --- data package -------------------------------------------------------------------------------
set(READOUT_ICU_DATA_LIST "${PROJECT_SOURCE_DIR}/tools/icu-data-items.txt")
set(icu_data_dir "${CMAKE_BINARY_DIR}/icu-data")
set(icu_package_name "icudt${READOUT_ICU_MAJOR}l")  # the item prefix inside the package, as ICU looks items up
set(READOUT_ICU_DATA_PACKAGE "${icu_data_dir}/${icu_package_name}.dat")
set(icu_data_c "${icu_data_dir}/icudt${READOUT_ICU_MAJOR}_dat.c")
add_custom_command(
  OUTPUT "${READOUT_ICU_DATA_PACKAGE}" "${icu_data_c}"
  COMMAND "${CMAKE_COMMAND}" -E rm -rf "${icu_data_dir}/items" "${READOUT_ICU_DATA_PACKAGE}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${icu_data_dir}/items"
  COMMAND "${ICUPKG_EXECUTABLE}" -x "${READOUT_ICU_DATA_LIST}" -d "${icu_data_dir}/items" "${READOUT_ICU_FULL_DATA}"
  # --ignore-deps: brkitr/root.res names line-break rules and dictionaries we leave out on purpose.
  COMMAND "${ICUPKG_EXECUTABLE}" -tl --ignore-deps -s "${icu_data_dir}/items" -a "${READOUT_ICU_DATA_LIST}"
          new "${READOUT_ICU_DATA_PACKAGE}"
  # genccode names the C symbol after the file: icudt72.dat -> icudt72_dat, ICU's entry point.
  COMMAND "${CMAKE_COMMAND}" -E copy "${READOUT_ICU_DATA_PACKAGE}" "${icu_data_dir}/icudt${READOUT_ICU_MAJOR}.dat"
  COMMAND "${GENCCODE_EXECUTABLE}" -q -d "${icu_data_dir}" "${icu_data_dir}/icudt${READOUT_ICU_MAJOR}.dat"
  COMMAND "${CMAKE_COMMAND}" -E rm -rf "${icu_data_dir}/items" "${icu_data_dir}/icudt${READOUT_ICU_MAJOR}.dat"
  DEPENDS "${READOUT_ICU_DATA_LIST}" "${READOUT_ICU_FULL_DATA}"
  COMMENT "Packing the ICU data items in tools/icu-data-items.txt"
  VERBATIM)

# --- library ------------------------------------------------------------------------------------
# The generated data is plain C and must not see U_COMMON_IMPLEMENTATION (inside ICU, UChar is
# char16_t, which C does not have), hence its own object library.
add_library(readout_icu_data OBJECT "${icu_data_c}")
target_include_directories(readout_icu_data PRIVATE "${READOUT_ICU_SOURCE_DIR}/common")

add_library(readout_icu STATIC ${READOUT_ICU_SOURCES} $<TARGET_OBJECTS:readout_icu_data>)

# Only ICU's public headers (unicode/*.h) go to users, as with Debian's libicu-dev natively, so
# the core cannot pick up an ICU-internal header that the native build would not find.
set(icu_public_include "${CMAKE_BINARY_DIR}/icu-include")
file(MAKE_DIRECTORY "${icu_public_include}")
file(CREATE_LINK "${READOUT_ICU_SOURCE_DIR}/common/unicode" "${icu_public_include}/unicode" SYMBOLIC)
target_include_directories(readout_icu SYSTEM PUBLIC "${icu_public_include}")
target_include_directories(readout_icu PRIVATE "${READOUT_ICU_SOURCE_DIR}/common")

# The configuration switches change ICU's headers, so users must see the same ones: PUBLIC.
#   U_STATIC_IMPLEMENTATION  linked statically, no import/export decorations;
#   UCONFIG_NO_FILE_IO       data only from the package compiled in, never from files;
#   U_CHARSET_IS_UTF8 and UCONFIG_NO_CONVERSION  char* strings are UTF-8: no codepage
#       converters (and their data) are compiled in; the core uses UTF-8 APIs only
#       (utext_openUTF8, UnicodeString::fromUTF8/toUTF8String);
#   UCONFIG_NO_SERVICE       no registration of custom break iterators/normalizers at run time.
target_compile_definitions(readout_icu
  PUBLIC U_STATIC_IMPLEMENTATION UCONFIG_NO_FILE_IO=1 U_CHARSET_IS_UTF8=1 UCONFIG_NO_CONVERSION=1
         UCONFIG_NO_SERVICE=1
  PRIVATE U_COMMON_IMPLEMENTATION)
# Third-party code: its warnings are not ours to fix. Optimised for size whatever the build type
# (-Oz), as bitcode for link-time optimisation with the engine (-flto, see wasm/CMakeLists.txt):
# ICU is about half the engine's code and most of it is cold (locale, resource-bundle and
# UnicodeSet set-up). Measured against -O2 without LTO (docs/performance.md): -Oz takes 60 KB off
# the wasm and LTO another 48 KB, and with LTO compare() is as fast as before within this
# machine's noise (-Oz alone, without LTO, was up to 10% slower; -Oz for the core as well was
# 2-3x slower).
target_compile_options(readout_icu PRIVATE -w -Oz -flto)
