/* report/text.c — the report for people: a verdict per profile, failing agreements with their findings, ambitions, HGW counts; Dutch or English. */
#include <string.h>

#include "../base/diag_write.h"
#include "report.h"

#define NL(w) ((w)->opts.lang == SC_LANG_NL)

static void safe(sc_out *o, const char *s)
{
    if (s)
        sc_write_safe(o, s, strlen(s));
}

static void color(sc_writer *w, const char *code)
{
    if (w->opts.color)
        sc_out_puts(w->out, code);
}

static void text_begin(sc_writer *w, const sc_rules *const *versions, size_t nversions)
{
    sc_writer_start(w, versions, nversions);
}

static void value_text(sc_writer *w, const sc_result *res, uint32_t i)
{
    sc_out v;
    sc_out_init_mem(&v);
    sc_report_value(&v, res, i, w->opts.lang);
    if (v.buf)
        sc_write_safe(w->out, v.buf, v.len);
    sc_out_free(&v);
}

/* One finding: where the answer stands, what it is, what the norm asks. */
static void finding(sc_writer *w, const sc_result *res, uint32_t i)
{
    sc_out *o = w->out;
    const sc_rules *r = res->rules;
    const sc_item *it = &r->items[i];
    const sc_value *v = &res->profile->answers[i];
    const sc_item_result *ir = &res->items[i];
    sc_out_puts(o, "      ");
    safe(o, res->profile->path);
    if (v->line)
        sc_out_printf(o, ":%u:%u", v->line, v->col);
    sc_out_puts(o, "  ");
    safe(o, it->text);
    sc_out_puts(o, "\n        ");
    color(w, ir->status == SC_ITEM_NOT_MET ? "\033[31m" : "\033[33m");
    sc_out why;
    sc_out_init_mem(&why);
    if (sc_report_blocked(&why, res, i, w->opts.lang)) {
        /* the school's own answer may be there: something it depends on is missing */
        if (why.buf)
            sc_write_safe(o, why.buf, why.len);
        o->failed = o->failed || why.failed;
        color(w, "\033[0m");
        sc_out_puts(o, NL(w) ? "; antwoord " : "; answer ");
        value_text(w, res, i);
        sc_out_puts(o, ",");
    } else if (!v->present) {
        /* nothing to quote: "niet ingevuld, norm: ..." */
        sc_out_puts(o, NL(w) ? "niet ingevuld" : "not answered");
        color(w, "\033[0m");
        sc_out_puts(o, ",");
    } else {
        sc_out_puts(o, ir->status == SC_ITEM_NOT_MET ? (NL(w) ? "niet gehaald" : "not met")
                                                     : (NL(w) ? "niet ingevuld" : "not answered"));
        color(w, "\033[0m");
        sc_out_puts(o, NL(w) ? ": antwoord " : ": answer ");
        value_text(w, res, i);
        sc_out_puts(o, ",");
    }
    sc_out_free(&why);
    sc_out_puts(o, " norm: ");
    safe(o, sc_writer_words(w, r, it->norm, i));
    sc_out_printf(o, "  [%s", it->id);
    if (it->source) {
        sc_out_puts(o, "; ");
        safe(o, it->source);
    }
    if (it->pos.file != 0)
        sc_out_printf(o, "; %s", r->files[it->pos.file].ruleset);
    sc_out_puts(o, "]\n");
}

static void id_list(sc_out *o, const char *const *ids, unsigned n)
{
    for (unsigned k = 0; k < n; k++)
        sc_out_printf(o, "%s%s", k ? ", " : "", ids[k]);
}

static void offer(sc_writer *w, const sc_result *res);

static void text_profile(sc_writer *w, const sc_result *res)
{
    sc_out *o = w->out;
    const sc_rules *r = res->rules;
    const sc_profile *p = res->profile;
    bool nl = NL(w);
    if (sc_writer_next(w))
        sc_out_puts(o, w->sep);

    /* the verdict line */
    color(w, "\033[1m");
    safe(o, p && p->path ? p->path : "?");
    sc_out_puts(o, ": ");
    const char *naam = res->school.naam, *brin = res->school.brin;
    const char *peil = res->school.peildatum;
    if (naam) {
        safe(o, naam);
        if (brin) {
            sc_out_puts(o, " (");
            safe(o, brin);
            sc_out_putc(o, ')');
        }
        if (peil) {
            sc_out_puts(o, nl ? ", peildatum " : ", reference date ");
            safe(o, peil);
        }
        sc_out_puts(o, " — ");
    }
    static const char *const colors[] = {"\033[32m", "\033[31m", "\033[33m", "\033[31m"};
    color(w, colors[res->status]);
    sc_out_puts(o, sc_status_word(res->status, w->opts.lang));
    color(w, "\033[0m");
    sc_out_putc(o, '\n');

    if (res->status == SC_PROFILE_INVALID) {
        for (uint32_t k = 0; k < res->nerrors; k++) {
            sc_diag d = sc_result_error_diag(res, k);
            sc_out_puts(o, "  ");
            sc_diag_write(o, &d, w->opts.color, nl ? sc_diag_words_dutch() : NULL);
        }
        if (res->nsuppressed)
            sc_out_printf(o, nl ? "  (nog %u fouten niet getoond)\n" : "  (%u more errors not shown)\n", res->nsuppressed);
        return;
    }

    /* with several versions in force, which one judged the profile */
    if (w->nversions > 1) {
        sc_out_puts(o, nl ? "  regels: " : "  rules: ");
        safe(o, r->name ? r->name : "?");
        if (r->version) {
            sc_out_puts(o, nl ? ", versie " : ", version ");
            safe(o, r->version);
        }
        sc_out_putc(o, '\n');
    }

    /* the required answers left out */
    if (p->nmissing) {
        color(w, "\033[33m");
        sc_out_puts(o, nl ? "  ontbrekend:" : "  missing:");
        color(w, "\033[0m");
        for (uint32_t k = 0; k < p->nmissing; k++) {
            const sc_item *it = &r->items[p->missing[k].item];
            sc_out_puts(o, k ? ", " : " ");
            safe(o, it->id);
            if (it->text) {
                sc_out_puts(o, " (");
                safe(o, it->text);
                sc_out_putc(o, ')');
            }
        }
        sc_out_putc(o, '\n');
    }

    /* counts */
    unsigned failed = 0, incomplete = 0;
    for (uint32_t a = 0; a < r->nagreements; a++) {
        failed += res->agreements[a] == SC_GROUP_NOT_MET;
        incomplete += res->agreements[a] == SC_GROUP_INCOMPLETE;
    }
    sc_out_printf(o, nl ? "  afspraken: %u van %u gehaald" : "  agreements: %u of %u met", r->nagreements - failed - incomplete,
                  r->nagreements);
    if (failed)
        sc_out_printf(o, nl ? ", %u niet gehaald" : ", %u not met", failed);
    if (incomplete)
        sc_out_printf(o, nl ? ", %u onvolledig" : ", %u incomplete", incomplete);
    const char *ids[256];
    unsigned n = 0;
    for (uint32_t q = 0; q < r->npromises && n < 256; q++)
        if (res->promises[q] == SC_GROUP_NOT_MET)
            ids[n++] = r->promises[q].id;
    if (n) {
        sc_out_puts(o, nl ? "; beloftes niet gehaald: " : "; promises not met: ");
        id_list(o, ids, n);
    }
    sc_out_putc(o, '\n');

    /* the findings, per agreement and per promise's own items */
    for (uint32_t a = 0; a < r->nagreements; a++) {
        if (res->agreements[a] == SC_GROUP_MET)
            continue;
        const sc_agreement *ag = &r->agreements[a];
        sc_out_printf(o, "\n  %-4s ", ag->id);
        safe(o, ag->title ? ag->title : ag->text);
        sc_out_puts(o, " — ");
        color(w, res->agreements[a] == SC_GROUP_NOT_MET ? "\033[31m" : "\033[33m");
        sc_out_puts(o, res->agreements[a] == SC_GROUP_NOT_MET ? (nl ? "niet gehaald" : "not met") : (nl ? "onvolledig" : "incomplete"));
        color(w, "\033[0m");
        sc_out_putc(o, '\n');
        for (uint32_t k = 0; k < ag->nitems; k++) {
            uint32_t i = ag->items[k];
            if (res->items[i].status == SC_ITEM_NOT_MET || res->items[i].status == SC_ITEM_UNANSWERED)
                finding(w, res, i);
        }
    }
    for (uint32_t q = 0; q < r->npromises; q++) {
        const sc_promise *pr = &r->promises[q];
        bool header = false;
        for (uint32_t k = 0; k < pr->nitems; k++) {
            uint32_t i = pr->items[k];
            if (res->items[i].status != SC_ITEM_NOT_MET && res->items[i].status != SC_ITEM_UNANSWERED)
                continue;
            if (!header)
                sc_out_printf(o, nl ? "\n  %-4s belofte: " : "\n  %-4s promise: ", pr->id);
            if (!header) {
                safe(o, pr->text);
                sc_out_putc(o, '\n');
            }
            header = true;
            finding(w, res, i);
        }
    }

    /* ambitions */
    unsigned reached = 0, open = 0;
    for (uint32_t i = 0; i < r->nitems; i++) {
        reached += res->items[i].ambition == SC_AMBITION_REACHED;
        open += res->items[i].ambition == SC_AMBITION_OPEN;
    }
    if (reached + open) {
        sc_out_printf(o, nl ? "\n  Ambities: %u van %u gehaald" : "\n  Ambitions: %u of %u reached", reached, reached + open);
        for (int pass = 0; pass < 2; pass++) {
            sc_ambition_status want = pass == 0 ? SC_AMBITION_REACHED : SC_AMBITION_OPEN;
            if ((pass == 0 && !reached) || (pass == 1 && !open))
                continue;
            sc_out_puts(o, pass == 0 ? (nl ? "\n    gehaald: " : "\n    reached: ") : (nl ? "\n    open:    " : "\n    open:    "));
            bool first = true;
            for (uint32_t i = 0; i < r->nitems; i++)
                if (res->items[i].ambition == want) {
                    sc_out_printf(o, "%s%s", first ? "" : ", ", r->items[i].id);
                    first = false;
                }
        }
        sc_out_putc(o, '\n');
    }

    /* band categories, per set of bands, best first */
    for (uint32_t b = 0; b < r->nbandsets; b++) {
        const sc_bandset *bs = &r->bandsets[b];
        unsigned counts[SC_MAX_BANDS] = {0}, total = 0;
        for (uint32_t i = 0; i < r->nitems; i++)
            if (r->items[i].type.bands == b && res->items[i].category != SC_NONE && res->items[i].category < SC_MAX_BANDS) {
                counts[res->items[i].category]++;
                total++;
            }
        if (!total)
            continue;
        sc_out_printf(o, "  %s: ", bs->name);
        for (uint32_t k = bs->nbands; k-- > 0;) {
            sc_out_printf(o, "%u ", k < SC_MAX_BANDS ? counts[k] : 0);
            safe(o, sc_band_text(r, b, k));
            if (k)
                sc_out_puts(o, ", ");
        }
        sc_out_putc(o, '\n');
    }
    offer(w, res);
}

/* The offer beside the basis: recorded, never judged, so in plain colours and without verdict words —
 * one line per catalogue the school describes, its answered fields with their level and capacity. */
static void offer(sc_writer *w, const sc_result *res)
{
    sc_out *o = w->out;
    const sc_rules *r = res->rules;
    bool nl = NL(w);
    uint32_t answered, total;
    sc_report_offer_count(res, &answered, &total);
    if (!answered)
        return;
    sc_out_printf(o, nl ? "\n  Aanbod naast de basis (vastgelegd, niet beoordeeld): %u van %u onderdelen beschreven\n"
                        : "\n  Offer beside the basis (recorded, not judged): %u of %u entries described\n",
                  answered, total);
    for (uint32_t c = 0; c < r->ncatalogues; c++) {
        const sc_catalogue *ca = &r->catalogues[c];
        bool first = true;
        for (uint32_t f = 0; f < ca->nitems; f++) {
            uint32_t i = ca->items[f];
            if (!res->profile->answers[i].present)
                continue;
            if (first) {
                sc_out_puts(o, "    ");
                safe(o, ca->title ? ca->title : ca->id);
                sc_out_puts(o, ": ");
            } else {
                sc_out_puts(o, "; ");
            }
            first = false;
            safe(o, r->items[i].text ? r->items[i].text : r->items[i].id);
            sc_out_puts(o, " — ");
            sc_out v;
            sc_out_init_mem(&v);
            sc_report_offer_answer(&v, res, i, w->opts.lang);
            if (v.buf)
                sc_write_safe(o, v.buf, v.len);
            o->failed = o->failed || v.failed;
            sc_out_free(&v);
        }
        if (!first)
            sc_out_putc(o, '\n');
    }
}

static void text_end(sc_writer *w, const sc_accum *acc)
{
    const sc_summary *s = &acc->summary;
    sc_out *o = w->out;
    if (s->profiles > 1) {
        if (w->opts.lang == SC_LANG_NL)
            sc_out_printf(o, "\n%u profielen: %u voldoen, %u voldoen niet, %u onvolledig, %u ongeldig\n", s->profiles,
                          s->compliant, s->not_compliant, s->incomplete, s->invalid);
        else
            sc_out_printf(o, "\n%u profiles: %u compliant, %u not compliant, %u incomplete, %u invalid\n", s->profiles,
                          s->compliant, s->not_compliant, s->incomplete, s->invalid);
    }
}

void sc_writer_text_init(sc_writer *w)
{
    w->begin = text_begin;
    w->profile = text_profile;
    w->end = text_end;
    w->sep = "\n";          /* a blank line between profiles */
    w->errors_shown = true;  /* with their source lines and carets, like the terminal's diagnostics */
}
