/* base/out.c — output sink: FILE or memory, remembering the first failure. */
#include "out.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void sc_out_init_file(sc_out *o, FILE *fp)
{
    memset(o, 0, sizeof *o);
    o->fp = fp;
}

void sc_out_init_mem(sc_out *o)
{
    memset(o, 0, sizeof *o);
}

void sc_out_free(sc_out *o)
{
    free(o->buf);
    o->buf = NULL;
    o->len = o->cap = 0;
}

void sc_out_write(sc_out *o, const char *s, size_t n)
{
    if (o->failed || n == 0)
        return;
    if (o->fp) {
        if (fwrite(s, 1, n, o->fp) != n)
            o->failed = true;
        return;
    }
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 256;
        while (cap < o->len + n + 1)
            cap *= 2;
        char *b = realloc(o->buf, cap);
        if (!b) {
            o->failed = true;
            return;
        }
        o->buf = b;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

void sc_out_puts(sc_out *o, const char *s)
{
    sc_out_write(o, s, strlen(s));
}

void sc_out_putc(sc_out *o, char c)
{
    sc_out_write(o, &c, 1);
}

void sc_out_printf(sc_out *o, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        o->failed = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        sc_out_write(o, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        o->failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sc_out_write(o, big, (size_t)n);
    free(big);
}
