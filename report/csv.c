/* report/csv.c — CSV for spreadsheets (--format csv): the SWV's overview across schools, a row per profile × agreement; RFC 4180, safe against formula injection. */
#include <string.h>

#include "../base/text.h"
#include "report.h"

/* One header row, then per valid profile one row per agreement, in the rules' order, and per
 * invalid profile one row with its first error. Fields are quoted when they hold '"', ',', CR
 * or LF (inner quotes doubled); rows end in CRLF; the text is UTF-8 without a byte order mark,
 * bytes that are not UTF-8 become U+FFFD. A field that starts with '=', '+', '-', '@', TAB or
 * CR gets a leading "'" (OWASP, CSV injection), so that a spreadsheet shows it as text and never
 * runs it as a formula. Statuses are the stable ids of the JSON report (not_met, ...). */

static const char *const header[] = {
    "file", "brin", "naam", "bestuur", "wijk", "peildatum", "rules_version", "profile_status", "agreement",
    "agreement_title", "agreement_status", "items_not_met", "items_unanswered", "missing_required", "error",
};
#define NCOLS (sizeof header / sizeof header[0])

/* One field: the separator before it, then the text, neutralised and quoted as needed. */
static void field(sc_out *o, unsigned col, const char *s)
{
    if (col)
        sc_out_putc(o, ',');
    if (!s || !*s)
        return;
    bool quote = false;
    for (const char *p = s; *p; p++)
        if (*p == '"' || *p == ',' || *p == '\r' || *p == '\n') {
            quote = true;
            break;
        }
    if (quote)
        sc_out_putc(o, '"');
    if (strchr("=+-@\t\r", s[0]))
        sc_out_putc(o, '\'');
    const unsigned char *p = (const unsigned char *)s, *run = p;
    for (; *p; p++) {
        if (*p == '"') {
            sc_out_write(o, (const char *)run, (size_t)(p + 1 - run));
            sc_out_putc(o, '"'); /* "" inside a quoted field */
            run = p + 1;
        } else if (*p >= 0x80) {
            size_t k = sc_utf8_seq(p);
            if (k) {
                p += k - 1;
                continue;
            }
            sc_out_write(o, (const char *)run, (size_t)(p - run));
            sc_out_puts(o, "\xef\xbf\xbd"); /* U+FFFD */
            run = p + 1;
        }
    }
    sc_out_write(o, (const char *)run, (size_t)(p - run));
    if (quote)
        sc_out_putc(o, '"');
}

/* The field from a memory buffer, which is then emptied. */
static void field_buf(sc_out *o, unsigned col, sc_out *b)
{
    if (b->failed)
        o->failed = true;
    field(o, col, b->buf && !b->failed ? b->buf : "");
    b->len = 0;
    if (b->buf)
        b->buf[0] = '\0';
}

static void csv_begin(sc_writer *w, const sc_rules *const *versions, size_t nversions)
{
    sc_writer_start(w, versions, nversions);
    for (unsigned c = 0; c < NCOLS; c++)
        field(w->out, c, header[c]);
    sc_out_puts(w->out, "\r\n");
}

/* The ids of a group's items with the given status, joined with a space. */
static void ids(sc_out *b, const sc_result *res, const sc_agreement *ag, sc_item_status want)
{
    for (uint32_t k = 0; k < ag->nitems; k++)
        if (res->items[ag->items[k]].status == want) {
            if (b->len)
                sc_out_putc(b, ' ');
            sc_out_puts(b, res->rules->items[ag->items[k]].id);
        }
}

/* The columns every row of a profile starts with: file .. profile_status. */
static void school(sc_out *o, const sc_result *res)
{
    const sc_school *s = &res->school;
    field(o, 0, res->profile && res->profile->path ? res->profile->path : "?");
    field(o, 1, s->brin);
    field(o, 2, s->naam);
    field(o, 3, s->bestuur);
    field(o, 4, s->wijk);
    field(o, 5, s->peildatum);
    field(o, 6, res->rules ? res->rules->version : NULL);
    field(o, 7, sc_profile_status_id(res->status));
}

static void csv_profile(sc_writer *w, const sc_result *res)
{
    sc_out *o = w->out;
    const sc_rules *r = res->rules;
    sc_out b;
    sc_out_init_mem(&b);
    if (res->status == SC_PROFILE_INVALID || !res->items || !r) {
        /* one row: the first error (an error, else whatever was reported first) */
        const sc_profile_error *e = NULL;
        for (uint32_t k = 0; k < res->nerrors && !e; k++)
            if (res->errors[k].severity == SC_SEV_ERROR)
                e = &res->errors[k];
        if (!e && res->nerrors)
            e = &res->errors[0];
        school(o, res);
        for (unsigned c = 8; c < NCOLS - 1; c++)
            field(o, c, NULL);
        if (e) {
            if (e->line)
                sc_out_printf(&b, "%u:%u ", e->line, e->col);
            sc_out_puts(&b, e->message ? e->message : "");
        }
        field_buf(o, NCOLS - 1, &b);
        sc_out_puts(o, "\r\n");
        sc_out_free(&b);
        return;
    }

    for (uint32_t a = 0; a < r->nagreements; a++) {
        const sc_agreement *ag = &r->agreements[a];
        school(o, res);
        field(o, 8, ag->id);
        field(o, 9, ag->title ? ag->title : ag->text);
        field(o, 10, sc_group_status_id(res->agreements[a]));
        ids(&b, res, ag, SC_ITEM_NOT_MET);
        field_buf(o, 11, &b);
        ids(&b, res, ag, SC_ITEM_UNANSWERED);
        field_buf(o, 12, &b);
        for (uint32_t k = 0; k < res->profile->nmissing; k++) {
            if (b.len)
                sc_out_putc(&b, ' ');
            sc_out_puts(&b, r->items[res->profile->missing[k].item].id);
        }
        field_buf(o, 13, &b);
        field(o, 14, NULL);
        sc_out_puts(o, "\r\n");
    }
    sc_out_free(&b);
}

static void csv_end(sc_writer *w, const sc_accum *acc)
{
    (void)w;
    (void)acc;
}

void sc_writer_csv_init(sc_writer *w)
{
    w->begin = csv_begin;
    w->profile = csv_profile;
    w->end = csv_end;
}
