#ifndef KLAXON_CSQLITE_SHIM_H
#define KLAXON_CSQLITE_SHIM_H

#include <sqlite3.h>

/// `SQLITE_TRANSIENT` is a macro casting -1 to a function pointer, which Swift cannot import:
/// binding with it makes SQLite copy the bytes before the bind call returns.
static inline sqlite3_destructor_type csqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

/// Turns off SQLite's process-wide memory statistics (`SQLITE_CONFIG_MEMSTATUS`), which take a global mutex
/// around every allocation of every connection; nothing here reads them. `sqlite3_config` is variadic, which
/// Swift cannot call. It works only before SQLite initializes (it answers `SQLITE_MISUSE` after).
static inline int csqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif
