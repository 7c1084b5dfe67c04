/* cli/term.h — what the CLI shows a person on a terminal: diagnostics with the source line and a caret, colour only on a tty. */
#ifndef SC_TERM_H
#define SC_TERM_H

#include <stdbool.h>
#include <stdio.h>

#include "base/diag.h"

typedef struct sc_term {
    FILE *fp;
    bool color;
} sc_term;

void sc_term_init(sc_term *t, FILE *fp, const char *color_mode /* "auto", "always", "never" or NULL */);

/* file:line:col: error: message, the line, a caret under the column, and the hint. */
void sc_term_diag(sc_term *t, const sc_diag *d);

/* A sink callback that prints to the sc_term given as ctx. */
void sc_term_diag_fn(void *ctx, const sc_diag *d);

/* Write text with control characters (ESC, CR, ...) replaced, so a profile cannot steer the terminal. */
void sc_term_safe(FILE *fp, const char *s, size_t n);

#endif
