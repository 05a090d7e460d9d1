# Third-party pieces shared by both builds: header-only dtl and nlohmann/json, ICU, Snowball,
# and the data files compiled into the engine.

# Header-only libraries from Debian's packages. A folder of symlinks, not -I/usr/include, because
# putting /usr/include on em++'s path makes it pick up glibc's headers.
set(READOUT_DIFF_HEADER_ONLY_DIR "${CMAKE_BINARY_DIR}/header-only")
file(MAKE_DIRECTORY "${READOUT_DIFF_HEADER_ONLY_DIR}")
foreach(header_dir dtl nlohmann)
  if(NOT EXISTS "/usr/include/${header_dir}")
    message(FATAL_ERROR "/usr/include/${header_dir} is missing: run tools/setup")
  endif()
  file(CREATE_LINK "/usr/include/${header_dir}" "${READOUT_DIFF_HEADER_ONLY_DIR}/${header_dir}" SYMBOLIC)
endforeach()
add_library(readout_header_only INTERFACE)
target_include_directories(readout_header_only SYSTEM INTERFACE "${READOUT_DIFF_HEADER_ONLY_DIR}")

if(EMSCRIPTEN)
  # nlohmann/json without exceptions: parse errors are checked with is_discarded() in the core.
  target_compile_definitions(readout_header_only INTERFACE JSON_NOEXCEPTION)
  include(${CMAKE_CURRENT_LIST_DIR}/IcuWasm.cmake)
else()
  find_package(ICU 72 REQUIRED COMPONENTS uc data)
  add_library(readout_icu INTERFACE)
  target_link_libraries(readout_icu INTERFACE ICU::uc ICU::data)
endif()

include(${CMAKE_CURRENT_LIST_DIR}/Snowball.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/EmbedData.cmake)
