/* base/diag.h — diagnostics: the one shape every error and warning takes, delivered to a caller's sink. */
#ifndef SC_DIAG_H
#define SC_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "../include/sopcheck.h"

/* sc_severity, sc_diag (one diagnostic: severity, file:line:col, message, hint, the source line) and
 * sc_diag_fn are public: include/sopcheck.h. */

/* Where a library stage sends its diagnostics. It counts them and stops passing errors
 * on after max_errors (0: no limit); `suppressed` counts the ones it held back. */
typedef struct sc_diag_sink {
    sc_diag_fn fn;  /* may be NULL: count only */
    void *ctx;
    unsigned errors, warnings, suppressed;
    unsigned max_errors;
    /* the start of the last source line quoted: the next diagnostic at or below it in the same
     * text looks from there, so that a file of many diagnostics in order is read once */
    const char *line_text;
    unsigned line_no;
    size_t line_off;
} sc_diag_sink;

void sc_diag_sink_init(sc_diag_sink *s, sc_diag_fn fn, void *ctx, unsigned max_errors);

/* Report a diagnostic at line:col of `text` (the whole input, text_len bytes; may be NULL).
 * The message is formatted with printf rules. */
void sc_diag_report(sc_diag_sink *s, sc_severity sev, const char *file, const char *text, size_t text_len,
                    unsigned line, unsigned col, const char *hint, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 9, 10)))
#endif
    ;
void sc_diag_vreport(sc_diag_sink *s, sc_severity sev, const char *file, const char *text, size_t text_len,
                     unsigned line, unsigned col, const char *hint, const char *fmt, va_list ap);

/* Find line `line` (1-based) in text; returns its start and sets *len (without the newline). */
const char *sc_text_line(const char *text, size_t text_len, unsigned line, size_t *len);

#endif
