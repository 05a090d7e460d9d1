# The warnings every target of ours compiles with, in one place: link `readout_warnings` (PRIVATE).
# -Wno-sign-conversion: sizes and indices mix std::size_t with ICU's int32_t offsets throughout,
# and a cast at every one of them would hide the conversions -Wconversion exists to show.
# Third-party code (ICU, Snowball) does not link it: its warnings are not ours to fix.
add_library(readout_warnings INTERFACE)
target_compile_options(readout_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Werror)
