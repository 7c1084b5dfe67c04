/* base/diag_write.c — renders a diagnostic for people: position, severity, message, the source line with a caret, the hint. */
#include <string.h>

#include "diag.h"
#include "out.h"
#include "diag_write.h"

/* Length of the valid UTF-8 sequence that starts at s (n bytes left), or 0 when it is not one. */
static size_t utf8_seq_len(const unsigned char *s, size_t n)
{
    size_t need = s[0] >= 0xC2 && s[0] <= 0xDF ? 1 : s[0] >= 0xE0 && s[0] <= 0xEF ? 2 : s[0] >= 0xF0 && s[0] <= 0xF4 ? 3 : 0;
    if (!need || need >= n)
        return 0;
    for (size_t k = 1; k <= need; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    /* no overlong forms, no surrogates, nothing above U+10FFFF */
    if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F) || (s[0] == 0xF0 && s[1] < 0x90) ||
        (s[0] == 0xF4 && s[1] > 0x8F))
        return 0;
    return need + 1;
}

void sc_write_safe(sc_out *o, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = u[i];
        size_t len = 1;
        if (c >= 0x80) {
            /* a byte that is not part of valid UTF-8 (a lone 0x9B is CSI to some terminals) or a C1 control */
            len = utf8_seq_len(u + i, n - i);
            if (len && !(c == 0xC2 && u[i + 1] <= 0x9f)) {
                i += len - 1;
                continue;
            }
            if (!len)
                len = 1;
        } else if (c >= 0x20 && c != 0x7f) {
            continue;
        }
        sc_out_write(o, s + run, i - run);
        sc_out_putc(o, c == '\t' ? ' ' : '?');
        i += len - 1;
        run = i + 1;
    }
    sc_out_write(o, s + run, n - run);
}

const char *const *sc_diag_words_dutch(void)
{
    static const char *const dutch[4] = {"fout", "waarschuwing", "opmerking", "tip"};
    return dutch;
}

void sc_diag_write(sc_out *o, const sc_diag *d, bool color, const char *const words[4])
{
    static const char *const english[4] = {"error", "warning", "note", "hint"};
    const char *const *w = words ? words : english;
    const char *sev = w[d->severity];
    const char *sev_color = d->severity == SC_SEV_ERROR ? "\033[1;31m" : d->severity == SC_SEV_WARNING ? "\033[1;35m" : "\033[1;36m";
    if (color)
        sc_out_puts(o, "\033[1m");
    sc_write_safe(o, d->file, strlen(d->file));
    if (d->line)
        sc_out_printf(o, ":%u:%u", d->line, d->col);
    sc_out_puts(o, ": ");
    if (color)
        sc_out_printf(o, "%s%s:\033[0m\033[1m ", sev_color, sev);
    else
        sc_out_printf(o, "%s: ", sev);
    sc_write_safe(o, d->message, strlen(d->message));
    if (color)
        sc_out_puts(o, "\033[0m");
    sc_out_putc(o, '\n');
    if (d->src_line && d->line) {
        size_t len = d->src_line_len > 200 ? 200 : d->src_line_len;
        while (len > 0 && len < d->src_line_len && ((unsigned char)d->src_line[len] & 0xC0) == 0x80)
            len--; /* do not cut a character in half */
        sc_out_puts(o, "    ");
        sc_write_safe(o, d->src_line, len);
        if (len < d->src_line_len)
            sc_out_puts(o, "...");
        sc_out_puts(o, "\n    ");
        /* the caret goes under the col-th character (columns count characters, not bytes) */
        unsigned col = 1;
        for (size_t i = 0; i < len && col < d->col; i++) {
            if (((unsigned char)d->src_line[i] & 0xC0) == 0x80)
                continue;
            sc_out_putc(o, ' ');
            col++;
        }
        if (color)
            sc_out_printf(o, "%s^\033[0m\n", sev_color);
        else
            sc_out_puts(o, "^\n");
    }
    if (d->hint) {
        sc_out_printf(o, color ? "    \033[36m%s: " : "    %s: ", w[3]);
        sc_write_safe(o, d->hint, strlen(d->hint));
        if (color)
            sc_out_puts(o, "\033[0m");
        sc_out_putc(o, '\n');
    }
}
