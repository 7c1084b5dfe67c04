/* report/junit.c — JUnit XML for CI (--format junit): a testsuite per profile, a testcase per agreement, findings as failures; streamed. */
#include <string.h>

#include "report.h"

/* The root <testsuites> carries no totals: they are known only after the last profile, and the
 * report is streamed. Each <testsuite> has exact tests/failures/errors/skipped counts; the
 * totals follow as an XML comment before </testsuites>. */

#define NL(w) ((w)->opts.lang == SC_LANG_NL)


/* User text into XML content or an attribute value (bytes XML cannot carry become U+FFFD). */
static void esc(sc_out *o, const char *s)
{
    sc_write_xml_escaped(o, s ? s : "");
}

static const char *path_of(const sc_result *res)
{
    return res->profile && res->profile->path ? res->profile->path : "?";
}


/* One finding, unescaped: "path:L:C: id: not met" and the question, answer, norm and source below it. */
static void finding(sc_writer *w, sc_out *b, const sc_result *res, uint32_t i)
{
    const sc_rules *r = res->rules;
    const sc_item *it = &r->items[i];
    const sc_value *v = &res->profile->answers[i];
    bool nl = NL(w);
    sc_out_puts(b, path_of(res));
    if (v->line)
        sc_out_printf(b, ":%u:%u", v->line, v->col);
    sc_out_printf(b, ": %s: ", it->id);
    if (res->items[i].status == SC_ITEM_NOT_MET)
        sc_out_puts(b, nl ? "niet gehaald" : "not met");
    else if (!sc_report_blocked(b, res, i, nl ? SC_LANG_NL : SC_LANG_EN))
        sc_out_puts(b, nl ? "niet ingevuld" : "not answered");
    sc_out_puts(b, nl ? "\n  vraag: " : "\n  question: ");
    sc_out_puts(b, it->text ? it->text : it->id);
    sc_out_puts(b, nl ? "\n  antwoord: " : "\n  answer: ");
    sc_report_value(b, res, i, nl ? SC_LANG_NL : SC_LANG_EN);
    sc_out_puts(b, "\n  norm: ");
    sc_out_puts(b, it->norm ? sc_writer_words(w, r, it->norm, i) : "");
    if (it->source) {
        sc_out_puts(b, nl ? "\n  bron: " : "\n  source: ");
        sc_out_puts(b, it->source);
    }
    sc_out_putc(b, '\n');
}

/* Element content: line by line, so the XML keeps its line breaks readable. */
static void esc_lines(sc_out *o, sc_out *b)
{
    if (!b->buf || b->failed) {
        o->failed = o->failed || b->failed;
        return;
    }
    char *line = b->buf;
    for (;;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        esc(o, line);
        if (!nl)
            break;
        sc_out_putc(o, '\n');
        line = nl + 1;
    }
    b->len = 0;
    b->buf[0] = '\0';
}

/* "id, id" of the items of a group with the given status. */
static void id_list(sc_out *o, const sc_result *res, const uint32_t *items, uint32_t nitems, sc_item_status want)
{
    bool first = true;
    for (uint32_t k = 0; k < nitems; k++)
        if (res->items[items[k]].status == want) {
            sc_out_puts(o, first ? "" : ", ");
            esc(o, res->rules->items[items[k]].id);
            first = false;
        }
}

static bool judged(const sc_result *res, uint32_t i)
{
    return res->items[i].status == SC_ITEM_NOT_MET || res->items[i].status == SC_ITEM_UNANSWERED;
}

/* One testcase for a group of items (an agreement, or a promise's own items). */
static void testcase(sc_writer *w, sc_out *b, const sc_result *res, const char *name, const char *title,
                     sc_group_status st, const uint32_t *items, uint32_t nitems)
{
    sc_out *o = w->out;
    bool nl = NL(w);
    sc_out_puts(o, "    <testcase classname=\"");
    esc(o, path_of(res));
    sc_out_puts(o, "\" name=\"");
    esc(o, name);
    if (title) {
        sc_out_putc(o, ' ');
        esc(o, title);
    }
    if (st == SC_GROUP_MET) {
        sc_out_puts(o, "\"/>\n");
        return;
    }
    unsigned not_met = 0, unanswered = 0;
    for (uint32_t k = 0; k < nitems; k++) {
        not_met += res->items[items[k]].status == SC_ITEM_NOT_MET;
        unanswered += res->items[items[k]].status == SC_ITEM_UNANSWERED;
    }
    sc_out_printf(o, "\">\n      <failure type=\"%s\" message=\"", st == SC_GROUP_NOT_MET ? "not_met" : "incomplete");
    if (not_met) {
        sc_out_puts(o, nl ? "niet gehaald: " : "not met: ");
        id_list(o, res, items, nitems, SC_ITEM_NOT_MET);
    }
    if (unanswered) {
        sc_out_puts(o, not_met ? "; " : "");
        sc_out_puts(o, nl ? "niet ingevuld: " : "not answered: ");
        id_list(o, res, items, nitems, SC_ITEM_UNANSWERED);
    }
    sc_out_puts(o, "\">\n");
    b->len = 0;
    for (uint32_t k = 0; k < nitems; k++)
        if (judged(res, items[k]))
            finding(w, b, res, items[k]);
    esc_lines(o, b);
    sc_out_puts(o, "</failure>\n    </testcase>\n");
}

/* One testcase for a required answer the profile leaves out: incomplete, like an unanswered norm item. */
static void missing_testcase(sc_writer *w, sc_out *b, const sc_result *res, const sc_missing *m)
{
    sc_out *o = w->out;
    bool nl = NL(w);
    const sc_item *it = &res->rules->items[m->item];
    sc_out_puts(o, "    <testcase classname=\"");
    esc(o, path_of(res));
    sc_out_puts(o, nl ? "\" name=\"verplicht: " : "\" name=\"required: ");
    esc(o, it->id);
    sc_out_puts(o, "\">\n      <failure type=\"incomplete\" message=\"");
    sc_out_puts(o, nl ? "niet ingevuld: " : "not answered: ");
    esc(o, it->id);
    sc_out_puts(o, "\">\n");
    b->len = 0;
    sc_out_printf(b, "%s:%u:%u: %s: ", path_of(res), m->line, m->col, it->id);
    sc_out_puts(b, nl ? "niet ingevuld (verplicht)\n  vraag: " : "not answered (required)\n  question: ");
    sc_out_puts(b, it->text ? it->text : it->id);
    sc_out_puts(b, nl ? "\n  antwoord: (niet ingevuld)\n" : "\n  answer: (not answered)\n");
    esc_lines(o, b);
    sc_out_puts(o, "</failure>\n    </testcase>\n");
}

static void property(sc_out *o, const char *name, const char *value)
{
    if (!value)
        return;
    sc_out_printf(o, "      <property name=\"%s\" value=\"", name);
    esc(o, value);
    sc_out_puts(o, "\"/>\n");
}

static void properties(sc_writer *w, const sc_result *res)
{
    sc_out *o = w->out;
    sc_out_puts(o, "    <properties>\n");
    property(o, "school", res->school.naam);
    property(o, "brin", res->school.brin);
    property(o, "bestuur", res->school.bestuur);
    property(o, "wijk", res->school.wijk);
    property(o, "peildatum", res->school.peildatum);
    property(o, "status", sc_profile_status_id(res->status));
    if (res->rules) {
        property(o, "rules", res->rules->name);
        property(o, "rules_version", res->rules->version);
    }
    sc_out_puts(o, "    </properties>\n");
}

/* An error or warning of the profile, one line, unescaped. */
static void problem(sc_writer *w, sc_out *b, const sc_result *res, const sc_profile_error *e)
{
    bool nl = NL(w);
    sc_out_puts(b, path_of(res));
    if (e->line) {
        sc_out_printf(b, ":%u", e->line);
        if (e->col)
            sc_out_printf(b, ":%u", e->col);
    }
    sc_out_puts(b, ": ");
    if (e->severity != SC_SEV_ERROR)
        sc_out_puts(b, e->severity == SC_SEV_WARNING ? (nl ? "waarschuwing: " : "warning: ") : (nl ? "opmerking: " : "note: "));
    sc_out_puts(b, e->message ? e->message : "");
    if (e->hint) {
        sc_out_puts(b, " (");
        sc_out_puts(b, e->hint);
        sc_out_putc(b, ')');
    }
    sc_out_putc(b, '\n');
}

static void junit_begin(sc_writer *w, const sc_rules *const *versions, size_t nversions)
{
    sc_writer_start(w, versions, nversions);
    sc_out_puts(w->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"sopcheck\">\n");
}

static void junit_profile(sc_writer *w, const sc_result *res)
{
    sc_out *o = w->out;
    const sc_rules *r = res->rules;
    bool nl = NL(w);
    sc_out b;
    sc_out_init_mem(&b);
    bool valid = res->status != SC_PROFILE_INVALID && res->items && r;
    unsigned tests = 1, failures = 0, errors = 1;
    if (valid) {
        tests = r->nagreements;
        errors = 0;
        for (uint32_t a = 0; a < r->nagreements; a++)
            failures += res->agreements[a] != SC_GROUP_MET;
        for (uint32_t p = 0; p < r->npromises; p++) {
            if (!r->promises[p].nitems)
                continue;
            tests++;
            for (uint32_t k = 0; k < r->promises[p].nitems; k++)
                if (judged(res, r->promises[p].items[k])) {
                    failures++;
                    break;
                }
        }
        tests += res->profile->nmissing;
        failures += res->profile->nmissing;
    }
    sc_out_puts(o, "  <testsuite name=\"");
    esc(o, path_of(res));
    sc_out_printf(o, "\" tests=\"%u\" failures=\"%u\" errors=\"%u\" skipped=\"0\">\n", tests, failures, errors);
    properties(w, res);

    if (!valid) {
        unsigned nerr = 0;
        for (uint32_t k = 0; k < res->nerrors; k++)
            nerr += res->errors[k].severity == SC_SEV_ERROR;
        sc_out_puts(o, "    <testcase classname=\"");
        esc(o, path_of(res));
        sc_out_printf(o, "\" name=\"%s\">\n      <error type=\"invalid\" message=\"", nl ? "profiel is geldig" : "profile is valid");
        esc(o, sc_status_word(SC_PROFILE_INVALID, w->opts.lang));
        unsigned n = nerr + res->nsuppressed;
        sc_out_printf(o, nl ? " (%u fout%s)\">" : " (%u error%s)\">", n, n == 1 ? "" : nl ? "en" : "s");
        for (uint32_t k = 0; k < res->nerrors; k++)
            problem(w, &b, res, &res->errors[k]);
        if (res->nsuppressed)
            sc_out_printf(&b, nl ? "(nog %u fouten niet getoond)\n" : "(%u more errors not shown)\n", res->nsuppressed);
        sc_out_putc(o, '\n');
        esc_lines(o, &b);
        sc_out_puts(o, "</error>\n    </testcase>\n  </testsuite>\n");
        if (b.failed)
            o->failed = true;
        sc_out_free(&b);
        return;
    }

    for (uint32_t a = 0; a < r->nagreements; a++) {
        const sc_agreement *ag = &r->agreements[a];
        testcase(w, &b, res, ag->id, ag->title ? ag->title : ag->text, res->agreements[a], ag->items, ag->nitems);
    }
    for (uint32_t p = 0; p < r->npromises; p++) {
        const sc_promise *pr = &r->promises[p];
        if (!pr->nitems)
            continue;
        sc_group_status st = SC_GROUP_MET;
        for (uint32_t k = 0; k < pr->nitems; k++) {
            sc_item_status s = res->items[pr->items[k]].status;
            if (s == SC_ITEM_NOT_MET)
                st = SC_GROUP_NOT_MET;
            else if (s == SC_ITEM_UNANSWERED && st == SC_GROUP_MET)
                st = SC_GROUP_INCOMPLETE;
        }
        testcase(w, &b, res, pr->id, nl ? "belofte" : "promise", st, pr->items, pr->nitems);
    }
    for (uint32_t k = 0; k < res->profile->nmissing; k++)
        missing_testcase(w, &b, res, &res->profile->missing[k]);
    if (res->nerrors) {
        b.len = 0;
        for (uint32_t k = 0; k < res->nerrors; k++)
            problem(w, &b, res, &res->errors[k]);
        sc_out_puts(o, "    <system-err>\n");
        esc_lines(o, &b);
        sc_out_puts(o, "</system-err>\n");
    }
    sc_out_puts(o, "  </testsuite>\n");
    if (b.failed)
        o->failed = true;
    sc_out_free(&b);
}

static void junit_end(sc_writer *w, const sc_accum *acc)
{
    const sc_summary *s = &acc->summary;
    sc_out_printf(w->out, "  <!-- sopcheck: %u profiles, %u compliant, %u not compliant, %u incomplete, %u invalid -->\n",
                  s->profiles, s->compliant, s->not_compliant, s->incomplete, s->invalid);
    sc_out_puts(w->out, "</testsuites>\n");
}

void sc_writer_junit_init(sc_writer *w)
{
    w->begin = junit_begin;
    w->profile = junit_profile;
    w->end = junit_end;
}
