/* base/out.h — an output sink for writers: a FILE or a growing memory buffer, with failure remembered instead of checked at each call. */
#ifndef SC_OUT_H
#define SC_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct sc_out {
    FILE *fp;       /* when set, output goes here */
    char *buf;      /* otherwise into this malloc'd buffer (NUL-terminated) */
    size_t len, cap;
    bool failed;    /* a write or an allocation failed */
} sc_out;

void sc_out_init_file(sc_out *o, FILE *fp);
void sc_out_init_mem(sc_out *o);
void sc_out_free(sc_out *o);  /* frees the memory buffer */

void sc_out_write(sc_out *o, const char *s, size_t n);
void sc_out_puts(sc_out *o, const char *s);
void sc_out_putc(sc_out *o, char c);
void sc_out_printf(sc_out *o, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
