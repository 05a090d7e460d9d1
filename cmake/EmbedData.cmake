# Compiles data files into the engine, so one binary (and one page) carries everything it needs.
#   readout_embed_file(TARGET target SOURCE file SYMBOL name)
# defines `extern const unsigned char name[]; extern const std::size_t name_size;` in the target.
function(readout_embed_file)
  cmake_parse_arguments(EMBED "" "TARGET;SOURCE;SYMBOL" "" ${ARGN})
  set(output "${CMAKE_CURRENT_BINARY_DIR}/embedded/${EMBED_SYMBOL}.cpp")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}" -DSOURCE=${EMBED_SOURCE} -DOUTPUT=${output} -DSYMBOL=${EMBED_SYMBOL}
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake"
    DEPENDS "${EMBED_SOURCE}" "${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake"
    COMMENT "Embedding ${EMBED_SOURCE}")
  target_sources(${EMBED_TARGET} PRIVATE "${output}")
endfunction()
