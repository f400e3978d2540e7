#ifndef KLAXON_C_FUZZER_DRIVER_H
#define KLAXON_C_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry for programs that keep their own main (LLVM 11 and later): runs the fuzzing loop over
/// `callback` with libFuzzer's command-line flags. Defined only when linked with -sanitize=fuzzer, so only
/// the KLAXON_FUZZING build may call it.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
