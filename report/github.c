/* report/github.c — GitHub Actions workflow commands (--format github): ::error/::warning annotations per finding, one ::notice summary. */
#include <string.h>

#include "report.h"
#include "../base/text.h"

/* Every line written is a workflow command; nothing user-supplied can start a line of its own,
 * as line breaks are escaped: in messages % CR LF become %25 %0D %0A, in properties also
 * : and , become %3A and %2C. Other control characters and bytes that are not UTF-8 become U+FFFD. */

#define NL(w) ((w)->opts.lang == SC_LANG_NL)


/* Escape for a message (property = false) or a property value (property = true). */
static void esc(sc_out *o, const char *s, bool property)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        unsigned char c = *p;
        size_t k = sc_utf8_seq(p);
        if (c == '%')
            sc_out_puts(o, "%25");
        else if (c == '\r')
            sc_out_puts(o, "%0D");
        else if (c == '\n')
            sc_out_puts(o, "%0A");
        else if (property && c == ':')
            sc_out_puts(o, "%3A");
        else if (property && c == ',')
            sc_out_puts(o, "%2C");
        else if (!k || (c < 0x20 && c != '\t') || c == 0x7f)
            sc_out_puts(o, "\xef\xbf\xbd");
        else
            sc_out_write(o, (const char *)p, k);
        p += k ? k : 1;
    }
}

/* The profile path as given, without a leading "./". */
static const char *repo_path(const char *path)
{
    while (path[0] == '.' && path[1] == '/') {
        path += 2;
        while (*path == '/')
            path++;
    }
    return path;
}

/* "::KIND file=PATH,line=L,col=C,title=TITLE::" + the message from b, which is then emptied. */
static void command(sc_out *o, const char *kind, const char *path, uint32_t line, uint32_t col, sc_out *title, sc_out *b)
{
    sc_out_printf(o, "::%s ", kind);
    bool comma = false;
    if (path && strcmp(path, "-") != 0) {
        sc_out_puts(o, "file=");
        esc(o, repo_path(path), true);
        comma = true;
        if (line >= 1) {
            sc_out_printf(o, ",line=%u", line);
            if (col >= 1)
                sc_out_printf(o, ",col=%u", col);
        }
    }
    if (title && title->len) {
        sc_out_puts(o, comma ? ",title=" : "title=");
        esc(o, title->buf, true);
    }
    sc_out_puts(o, "::");
    esc(o, b->buf && !b->failed ? b->buf : "", false);
    sc_out_putc(o, '\n');
    if (b->failed || (title && title->failed))
        o->failed = true;
    b->len = 0;
    if (b->buf)
        b->buf[0] = '\0';
    if (title) {
        title->len = 0;
        if (title->buf)
            title->buf[0] = '\0';
    }
}


static void school_prefix(sc_out *b, const sc_result *res)
{
    const char *naam = res->school.naam, *brin = res->school.brin;
    if (!naam && !brin)
        return;
    sc_out_puts(b, naam ? naam : brin);
    if (naam && brin)
        sc_out_printf(b, " (%s)", brin);
    sc_out_puts(b, ": ");
}

static void github_begin(sc_writer *w, const sc_rules *const *versions, size_t nversions)
{
    sc_writer_start(w, versions, nversions);
}

static void github_profile(sc_writer *w, const sc_result *res)
{
    sc_out *o = w->out;
    const sc_rules *r = res->rules;
    const char *path = res->profile && res->profile->path ? res->profile->path : "-";
    bool nl = NL(w);
    sc_out b, title;
    sc_out_init_mem(&b);
    sc_out_init_mem(&title);
    if (res->status == SC_PROFILE_INVALID || !res->items || !r) {
        for (uint32_t k = 0; k < res->nerrors; k++) {
            const sc_profile_error *e = &res->errors[k];
            sc_out_puts(&title, nl ? "ongeldig profiel" : "invalid profile");
            school_prefix(&b, res);
            sc_out_puts(&b, e->message ? e->message : "");
            if (e->hint)
                sc_out_printf(&b, " (%s)", e->hint);
            if (k + 1 == res->nerrors && res->nsuppressed)
                sc_out_printf(&b, nl ? " (nog %u fouten niet getoond)" : " (%u more errors not shown)", res->nsuppressed);
            command(o, e->severity == SC_SEV_ERROR ? "error" : e->severity == SC_SEV_WARNING ? "warning" : "notice", path,
                    e->line, e->col, &title, &b);
        }
        sc_out_free(&b);
        sc_out_free(&title);
        return;
    }

    for (uint32_t k = 0; k < res->nerrors; k++) {
        const sc_profile_error *e = &res->errors[k];
        sc_out_puts(&title, "sopcheck");
        school_prefix(&b, res);
        sc_out_puts(&b, e->message ? e->message : "");
        if (e->hint)
            sc_out_printf(&b, " (%s)", e->hint);
        command(o, e->severity == SC_SEV_NOTE ? "notice" : "warning", path, e->line, e->col, &title, &b);
    }
    for (uint32_t i = 0; i < r->nitems; i++) {
        const sc_item *it = &r->items[i];
        const sc_item_result *ir = &res->items[i];
        if (ir->status != SC_ITEM_NOT_MET && ir->status != SC_ITEM_UNANSWERED)
            continue;
        bool not_met = ir->status == SC_ITEM_NOT_MET;
        const sc_value *v = &res->profile->answers[i];
        if (it->agreement != SC_NONE) {
            const sc_agreement *ag = &r->agreements[it->agreement];
            sc_out_printf(&title, "%s %s", ag->id, ag->title ? ag->title : "");
        } else if (it->promise != SC_NONE)
            sc_out_printf(&title, nl ? "%s belofte" : "%s promise", r->promises[it->promise].id);
        school_prefix(&b, res);
        sc_out_puts(&b, it->text ? it->text : it->id);
        sc_out_printf(&b, " — %s: ", it->id);
        if (sc_report_blocked(&b, res, i, nl ? SC_LANG_NL : SC_LANG_EN)) {
            /* its own answer may be there: something it depends on is missing */
            sc_out_puts(&title, nl ? " — kan niet worden beoordeeld" : " — cannot be judged");
            sc_out_puts(&b, "; ");
        } else
            sc_out_puts(&title, not_met ? (nl ? " — niet gehaald" : " — not met") : (nl ? " — niet ingevuld" : " — not answered"));
        sc_out_puts(&b, nl ? "antwoord: " : "answer: ");
        sc_report_value(&b, res, i, nl ? SC_LANG_NL : SC_LANG_EN);
        sc_out_puts(&b, "; norm: ");
        sc_out_puts(&b, sc_writer_words(w, r, it->norm, i));
        if (it->source)
            sc_out_printf(&b, " (%s)", it->source);
        command(o, not_met ? "error" : "warning", path, v->line, v->col, &title, &b);
    }
    /* a required answer left out: a warning, like an unanswered norm item */
    for (uint32_t k = 0; k < res->profile->nmissing; k++) {
        const sc_missing *m = &res->profile->missing[k];
        const sc_item *it = &r->items[m->item];
        sc_out_puts(&title, nl ? "verplicht — niet ingevuld" : "required — not answered");
        school_prefix(&b, res);
        sc_out_puts(&b, it->text ? it->text : it->id);
        sc_out_printf(&b, nl ? " — %s: antwoord: (niet ingevuld); verplicht" : " — %s: answer: (not answered); required",
                      it->id);
        command(o, "warning", path, m->line, m->col, &title, &b);
    }
    sc_out_free(&b);
    sc_out_free(&title);
}

static void github_end(sc_writer *w, const sc_accum *acc)
{
    const sc_summary *s = &acc->summary;
    if (w->opts.lang == SC_LANG_NL)
        sc_out_printf(w->out, "::notice title=sopcheck::%u %s: %u voldoen, %u voldoen niet, %u onvolledig, %u ongeldig\n",
                      s->profiles, s->profiles == 1 ? "profiel" : "profielen", s->compliant, s->not_compliant, s->incomplete, s->invalid);
    else
        sc_out_printf(w->out,
                      "::notice title=sopcheck::%u %s: %u compliant, %u not compliant, %u incomplete, %u invalid\n",
                      s->profiles, s->profiles == 1 ? "profile" : "profiles", s->compliant, s->not_compliant, s->incomplete, s->invalid);
}

void sc_writer_github_init(sc_writer *w)
{
    w->begin = github_begin;
    w->profile = github_profile;
    w->end = github_end;
}
