/* tests/unit/test_util.h — what the unit suites share: a diagnostic sink that keeps what it was told (position, message, hint), one that prints it, the check of a first error, and reading a whole file. */
#ifndef SC_TEST_UTIL_H
#define SC_TEST_UTIL_H

#include <stddef.h>

#include "base/diag.h"

#define SC_TEST_MAX_SEEN 32

/* The diagnostics of one run: the first SC_TEST_MAX_SEEN are kept (the sink counts them all). */
typedef struct sc_test_diags {
    sc_diag_sink sink;
    unsigned nseen;
    unsigned line[SC_TEST_MAX_SEEN], col[SC_TEST_MAX_SEEN];
    char message[SC_TEST_MAX_SEEN][512];
    char hint[SC_TEST_MAX_SEEN][700];
} sc_test_diags;

/* Empties `d`; report to &d->sink (no limit on errors). */
void sc_test_diags_init(sc_test_diags *d);

/* A sink function that prints "file:line:col: message" on stderr: for loads that should not fail. */
void sc_test_print_diag(void *ctx, const sc_diag *d);

/* A whole file, malloc'd and NUL-terminated (via base/file.c); NULL when it cannot be read. */
char *sc_test_read_file(const char *path, size_t *len);

/* The first diagnostic kept is at line:col, and its message holds `fragment`. */
void sc_test_assert_first_at(const sc_test_diags *d, unsigned line, unsigned col, const char *fragment);

#endif
