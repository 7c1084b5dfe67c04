/* base/diag.c — diagnostics: formatting a message and handing it to the caller's sink. */
#include "diag.h"

#include <stdio.h>
#include <string.h>

void sc_diag_sink_init(sc_diag_sink *s, sc_diag_fn fn, void *ctx, unsigned max_errors)
{
    memset(s, 0, sizeof *s);
    s->fn = fn;
    s->ctx = ctx;
    s->max_errors = max_errors;
}

const char *sc_text_line(const char *text, size_t text_len, unsigned line, size_t *len)
{
    *len = 0;
    if (!text || line == 0)
        return NULL;
    const char *p = text, *end = text + text_len;
    for (unsigned l = 1; l < line; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
    if (n && p[n - 1] == '\r')
        n--;
    *len = n;
    return p;
}

void sc_diag_vreport(sc_diag_sink *s, sc_severity sev, const char *file, const char *text, size_t text_len,
                     unsigned line, unsigned col, const char *hint, const char *fmt, va_list ap)
{
    if (sev == SC_SEV_ERROR) {
        if (s->max_errors && s->errors >= s->max_errors) {
            s->errors++;
            s->suppressed++;
            return;
        }
        s->errors++;
    } else if (sev == SC_SEV_WARNING) {
        s->warnings++;
    }
    if (!s->fn)
        return;
    char msg[1024];
    int n = vsnprintf(msg, sizeof msg, fmt, ap);
    if (n >= (int)sizeof msg) {
        /* too long (it quotes the input): cut at a character boundary, never inside a UTF-8
         * sequence, and end with "…" */
        size_t end = sizeof msg - 4;
        while (end > 0 && ((unsigned char)msg[end] & 0xC0) == 0x80)
            end--;
        memcpy(msg + end, "\xe2\x80\xa6", 4);
    }
    sc_diag d = {.severity = sev, .file = file, .line = line, .col = col, .message = msg, .hint = hint};
    if (text && line > 0 && s->line_text == text && line >= s->line_no) {
        d.src_line = sc_text_line(text + s->line_off, text_len - s->line_off, line - s->line_no + 1, &d.src_line_len);
    } else {
        d.src_line = sc_text_line(text, text_len, line, &d.src_line_len);
    }
    if (d.src_line) {
        s->line_text = text;
        s->line_no = line;
        s->line_off = (size_t)(d.src_line - text);
    }
    s->fn(s->ctx, &d);
}

void sc_diag_report(sc_diag_sink *s, sc_severity sev, const char *file, const char *text, size_t text_len,
                    unsigned line, unsigned col, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sc_diag_vreport(s, sev, file, text, text_len, line, col, hint, fmt, ap);
    va_end(ap);
}
