/* cli/term.c — diagnostics for people: position, message, the source line with a caret, a hint; colour only on a terminal. */
#include "term.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void sc_term_init(sc_term *t, FILE *fp, const char *mode)
{
    t->fp = fp;
    if (mode && strcmp(mode, "always") == 0)
        t->color = true;
    else if (mode && strcmp(mode, "never") == 0)
        t->color = false;
    else
        t->color = isatty(fileno(fp)) && !getenv("NO_COLOR") && !(getenv("TERM") && strcmp(getenv("TERM"), "dumb") == 0);
}

void sc_term_safe(FILE *fp, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\t')
            fputc(' ', fp);
        else if (c < 0x20 || c == 0x7f)
            fputc('?', fp);
        else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9f) {
            fputc('?', fp); /* C1 control characters, U+0080..U+009F */
            i++;
        } else
            fputc(c, fp);
    }
}

void sc_term_diag(sc_term *t, const sc_diag *d)
{
    FILE *fp = t->fp;
    const char *sev = d->severity == SC_SEV_ERROR ? "error" : d->severity == SC_SEV_WARNING ? "warning" : "note";
    const char *sev_color = d->severity == SC_SEV_ERROR ? "\033[1;31m" : d->severity == SC_SEV_WARNING ? "\033[1;35m" : "\033[1;36m";
    if (t->color)
        fputs("\033[1m", fp);
    sc_term_safe(fp, d->file, strlen(d->file));
    if (d->line)
        fprintf(fp, ":%u:%u", d->line, d->col);
    fputs(": ", fp);
    if (t->color)
        fprintf(fp, "%s%s:\033[0m\033[1m ", sev_color, sev);
    else
        fprintf(fp, "%s: ", sev);
    sc_term_safe(fp, d->message, strlen(d->message));
    if (t->color)
        fputs("\033[0m", fp);
    fputc('\n', fp);
    if (d->src_line && d->line) {
        size_t len = d->src_line_len > 200 ? 200 : d->src_line_len;
        fputs("    ", fp);
        sc_term_safe(fp, d->src_line, len);
        if (len < d->src_line_len)
            fputs("...", fp);
        fputs("\n    ", fp);
        /* the caret goes under the col-th character (columns count characters, not bytes) */
        unsigned col = 1;
        for (size_t i = 0; i < len && col < d->col; i++) {
            if (((unsigned char)d->src_line[i] & 0xC0) == 0x80)
                continue;
            fputc(' ', fp);
            col++;
        }
        if (t->color)
            fprintf(fp, "%s^\033[0m\n", sev_color);
        else
            fputs("^\n", fp);
    }
    if (d->hint) {
        fputs("    ", fp);
        if (t->color)
            fputs("\033[36m", fp);
        fputs("hint: ", fp);
        sc_term_safe(fp, d->hint, strlen(d->hint));
        if (t->color)
            fputs("\033[0m", fp);
        fputc('\n', fp);
    }
}

void sc_term_diag_fn(void *ctx, const sc_diag *d)
{
    sc_term_diag(ctx, d);
}
