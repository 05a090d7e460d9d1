#pragma once
// The ICU data package compiled into the WebAssembly engine (see cmake/IcuWasm.cmake and
// tools/icu-data-items.txt).

// Registers the embedded ICU data with udata_setCommonData and turns off ICU's search for data
// files. Call it before the first ICU call; later calls do nothing and return the first result.
// Returns false if ICU rejected the package (a broken build); ICU calls would then fail with
// U_MISSING_RESOURCE_ERROR.
//
// The package's symbol is ICU's own linked-in entry point (U_ICUDATA_ENTRY_POINT, icudt72_dat),
// so ICU code that runs before this call still finds the data; registering explicitly validates
// the package once, up front, and stops ICU from looking for data files.
bool readout_register_icu_data();
