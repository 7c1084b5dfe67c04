/* cli/term.c — diagnostics for people on standard error: colour only on a terminal. */
#include "term.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag_write.h"

void sc_term_init(sc_term *t, FILE *fp, const char *mode)
{
    t->fp = fp;
    if (mode && strcmp(mode, "always") == 0)
        t->color = true;
    else if (mode && strcmp(mode, "never") == 0)
        t->color = false;
    else
        t->color = isatty(fileno(fp)) && !(getenv("NO_COLOR") && getenv("NO_COLOR")[0]) && !(getenv("TERM") && strcmp(getenv("TERM"), "dumb") == 0);
}

void sc_term_safe(FILE *fp, const char *s, size_t n)
{
    sc_out o;
    sc_out_init_file(&o, fp);
    sc_write_safe(&o, s, n);
}

void sc_term_diag(sc_term *t, const sc_diag *d)
{
    sc_out o;
    sc_out_init_file(&o, t->fp);
    sc_diag_write(&o, d, t->color, NULL);
}

void sc_term_diag_fn(void *ctx, const sc_diag *d)
{
    sc_term_diag(ctx, d);
}
