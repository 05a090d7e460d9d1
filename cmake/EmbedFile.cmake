# Script mode: writes SOURCE's bytes as a C++ array SYMBOL (plus SYMBOL_size) into OUTPUT.
file(READ "${SOURCE}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){32})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "// Generated from ${SOURCE} by cmake/EmbedFile.cmake; do not edit.\n#include <cstddef>\n"
  "alignas(16) extern const unsigned char ${SYMBOL}[] = {\n${bytes}0x00};\n"
  "extern const std::size_t ${SYMBOL}_size = ${byte_count};\n")
