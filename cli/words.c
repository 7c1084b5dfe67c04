/* cli/words.c — what template and explain share: texts wrapped into prefixed lines with nothing harmful left in them, and an item's allowed answers and bands in Dutch or English words. */
#include "words.h"

#include <string.h>

#include "base/num.h"

/* --- lines of text -------------------------------------------------------------------------------- */

/* Length of a line break at s (LF, CR, CRLF, and the breaks YAML also counts: NEL, LS, PS), or 0. */
static size_t break_len(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == '\r')
        return u[1] == '\n' ? 2 : 1;
    if (u[0] == '\n')
        return 1;
    if (u[0] == 0xC2 && u[1] == 0x85)
        return 2;
    if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
        return 3;
    return 0;
}

size_t sc_words_columns(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

void sc_words_write_word(sc_out *o, const char *s, size_t n, sc_words_clean clean)
{
    bool yaml = clean == SC_WORDS_YAML;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *u = (const unsigned char *)s + i;
        if (u[0] < 0x20 || u[0] == 0x7F) {
            sc_out_putc(o, '?');
        } else if (u[0] == 0xC2 && i + 1 < n && u[1] >= 0x80 && u[1] <= 0x9F) {
            sc_out_putc(o, '?');
            i++;
        } else if (yaml && u[0] == 0xEF && i + 2 < n && u[1] == 0xBB && u[2] == 0xBF) {
            i += 2;
        } else if (yaml && u[0] == 0xEF && i + 2 < n && u[1] == 0xBF && (u[2] == 0xBE || u[2] == 0xBF)) {
            sc_out_putc(o, '?');
            i += 2;
        } else {
            sc_out_putc(o, (char)u[0]);
        }
    }
}

void sc_words_wrapped(sc_out *o, const char *lead, const char *hang, const char *text, size_t width,
                      sc_words_clean clean)
{
    const char *prefix = lead;
    size_t col = 0;
    bool has_word = false;
    const char *p = text ? text : "";
    for (;;) {
        size_t br = break_len(p);
        if (*p == '\0' || br) {
            if (!has_word) {
                size_t n = strlen(prefix);
                while (n > 0 && prefix[n - 1] == ' ')
                    n--;
                sc_out_write(o, prefix, n);
            }
            sc_out_putc(o, '\n');
            prefix = hang;
            has_word = false;
            if (*p == '\0')
                return;
            p += br;
            continue;
        }
        if (*p == ' ' || *p == '\t') {
            p++;
            continue;
        }
        const char *start = p;
        while (*p && *p != ' ' && *p != '\t' && !break_len(p))
            p++;
        size_t n = (size_t)(p - start), w = sc_words_columns(start, n);
        if (has_word && col + 1 + w > width) {
            sc_out_putc(o, '\n');
            prefix = hang;
            has_word = false;
        }
        if (!has_word) {
            sc_out_puts(o, prefix);
            col = sc_words_columns(prefix, strlen(prefix));
        } else {
            sc_out_putc(o, ' ');
            col++;
        }
        sc_words_write_word(o, start, n, clean);
        col += w;
        has_word = true;
    }
}

sc_out *sc_words_scratch(sc_out *s)
{
    s->len = 0;
    if (s->buf)
        s->buf[0] = '\0';
    return s;
}

const char *sc_words_text(const sc_out *s)
{
    return s->buf ? s->buf : "";
}

/* --- what an item takes --------------------------------------------------------------------------- */

static const sc_words words_nl = {
    .yesno = "ja of nee",
    .number = "een getal van %s tot %s",
    .percent = "een percentage van %s tot %s",
    .date = "een datum (JJJJ-MM-DD)",
    .text = "tekst",
    .choose = "kies uit: ",
    .list = "een lijst, bijv. ",
    .best_first = "; de eerste is de beste",
    .below = "onder",
    .upto = "tot",
    .or_more = "of meer",
    .required = "verplicht",
};

static const sc_words words_en = {
    .yesno = "ja or nee",
    .number = "a whole number from %s to %s",
    .percent = "a percentage from %s to %s",
    .date = "a date (YYYY-MM-DD)",
    .text = "text",
    .choose = "choose from: ",
    .list = "a list, e.g. ",
    .best_first = "; the first is the best",
    .below = "below",
    .upto = "to",
    .or_more = "or more",
    .required = "required",
};

const sc_words *sc_words_for(sc_lang lang)
{
    return lang == SC_LANG_EN ? &words_en : &words_nl;
}

static void write_members(sc_out *s, const sc_words *w, const sc_scale *scale)
{
    for (uint32_t m = 0; m < scale->nmembers; m++) {
        const sc_member *mb = &scale->members[m];
        sc_out_puts(s, m ? ", " : "");
        sc_out_puts(s, mb->name);
        if (mb->label && strcmp(mb->label, mb->name) != 0)
            sc_out_printf(s, " (%s)", mb->label);
    }
    if (scale->ordered && scale->nmembers > 1)
        sc_out_puts(s, w->best_first);
}

static void write_allowed(sc_out *s, const sc_words *w, const sc_rules *r, const sc_item *it)
{
    char lo[SC_NUM_BUF], hi[SC_NUM_BUF];
    sc_num_format(lo, sizeof lo, it->type.min);
    sc_num_format(hi, sizeof hi, it->type.max);
    switch (it->type.kind) {
    case SC_TYPE_YESNO: sc_out_puts(s, w->yesno); break;
    case SC_TYPE_NUMBER: sc_out_printf(s, w->number, lo, hi); break;
    case SC_TYPE_PERCENT: sc_out_printf(s, w->percent, lo, hi); break;
    case SC_TYPE_DATE: sc_out_puts(s, w->date); break;
    case SC_TYPE_TEXT: sc_out_puts(s, w->text); break;
    case SC_TYPE_SCALE:
        sc_out_puts(s, w->choose);
        write_members(s, w, &r->scales[it->type.scale]);
        break;
    case SC_TYPE_SET: {
        const sc_scale *scale = &r->scales[it->type.scale];
        sc_out_puts(s, w->list);
        sc_out_putc(s, '[');
        for (uint32_t m = 0; m < scale->nmembers && m < 2; m++)
            sc_out_printf(s, "%s%s", m ? ", " : "", scale->members[m].name);
        sc_out_puts(s, "]; ");
        sc_out_puts(s, w->choose);
        write_members(s, w, scale);
        break;
    }
    }
}

void sc_words_answer(sc_out *s, const sc_words *w, const sc_rules *r, const sc_item *it)
{
    write_allowed(s, w, r, it);
    if (it->required)
        sc_out_printf(s, "; %s", w->required);
}

bool sc_words_banded(const sc_item *it)
{
    return it->type.bands != SC_NONE && (it->type.kind == SC_TYPE_NUMBER || it->type.kind == SC_TYPE_PERCENT);
}

void sc_words_bands(sc_out *s, const sc_words *w, const sc_rules *r, uint32_t bandset)
{
    const sc_bandset *b = &r->bandsets[bandset];
    char lo[SC_NUM_BUF], hi[SC_NUM_BUF];
    for (uint32_t k = 0; k < b->nbands; k++) {
        sc_out_puts(s, k ? ", " : "");
        sc_out_printf(s, "%s: ", sc_band_text(r, bandset, k));
        sc_num_format(lo, sizeof lo, b->bands[k].lo);
        if (k + 1 < b->nbands)
            sc_num_format(hi, sizeof hi, b->bands[k + 1].lo);
        if (k == 0 && b->nbands > 1)
            sc_out_printf(s, "%s %s", w->below, hi);
        else if (k + 1 < b->nbands)
            sc_out_printf(s, "%s %s %s", lo, w->upto, hi);
        else
            sc_out_printf(s, "%s %s", lo, w->or_more);
    }
}
