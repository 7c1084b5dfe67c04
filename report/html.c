/* report/html.c — one self-contained HTML5 page for people (--format html): the text report's content, a section per profile; inline CSS, no scripts, nothing fetched. */
#include <string.h>

#include "report.h"

/* Every text from a profile or the rules goes through sc_write_html_escaped, and only into
 * element content: attributes and tags are written from fixed strings (a class per status id)
 * alone. A Content-Security-Policy meta forbids everything but the inline style sheet, so even
 * a mistake here could not load or run anything. begin writes the head and the page's header,
 * each profile a <section> of its own (no state across profiles: the same under -j), end the
 * totals and the closing tags. */

#define NL(w) ((w)->opts.lang == SC_LANG_NL)

static void h(sc_out *o, const char *s)
{
    sc_write_html_escaped(o, s ? s : "");
}

/* An unescaped memory buffer, escaped into o; the buffer is then emptied. */
static void h_buf(sc_out *o, sc_out *b)
{
    if (b->failed)
        o->failed = true;
    h(o, b->buf && !b->failed ? b->buf : "");
    b->len = 0;
    if (b->buf)
        b->buf[0] = '\0';
}

static const char style[] =
    "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;line-height:1.4;margin:0 auto;"
    "max-width:72rem;padding:1rem 1.5rem;color:#1b1b1b;background:#fff}\n"
    "h1{font-size:1.5rem}h2{font-size:1.2rem;margin:0 0 .25rem}h3{font-size:1.05rem;margin:1rem 0 .25rem}\n"
    "section.profiel{border:1px solid #ccc;border-left:.5rem solid #888;border-radius:4px;padding:.75rem 1rem;"
    "margin:1rem 0}\n"
    "section.compliant{border-left-color:#2e7d32}section.not_compliant,section.invalid{border-left-color:#c62828}"
    "section.incomplete{border-left-color:#ef6c00}\n"
    ".oordeel{font-weight:bold}.compliant .oordeel,.met{color:#2e7d32}"
    ".not_compliant .oordeel,.invalid .oordeel,.not_met{color:#c62828}.incomplete .oordeel,.incomplete{color:#b45309}\n"
    ".naam,.bestuur,.wijk,.tekst,td{white-space:pre-line}.pad,code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}\n"
    "pre{background:#f5f5f5;padding:.25rem .5rem;overflow-x:auto;white-space:pre-wrap}\n"
    "table{border-collapse:collapse;width:100%;margin:.25rem 0}th,td{border:1px solid #ddd;padding:.25rem .5rem;"
    "text-align:left;vertical-align:top}th{background:#f5f5f5}\n"
    "footer{margin-top:1.5rem;color:#555}\n"
    ".aanbod{border-top:1px solid #ddd;margin-top:1rem}.aanbod th{background:#eef2f7}.noot{font-weight:normal;color:#555}"
    ".aanbod .tekst{color:#444;font-size:.9em}.aanbod td:first-child{width:55%}\n";

static void html_begin(sc_writer *w, const sc_rules *const *versions, size_t nversions)
{
    const sc_rules *r = sc_writer_start(w, versions, nversions);
    sc_out *o = w->out;
    bool nl = NL(w);
    sc_out_printf(o, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\" />\n", nl ? "nl" : "en");
    sc_out_puts(o, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                   "base-uri 'none'; form-action 'none'\" />\n");
    sc_out_puts(o, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    sc_out_puts(o, "<meta name=\"referrer\" content=\"no-referrer\" />\n");
    sc_out_puts(o, "<meta name=\"generator\" content=\"sopcheck\" />\n");
    sc_out_printf(o, "<title>%s</title>\n", nl ? "sopcheck — rapport basisondersteuning" : "sopcheck — basic support report");
    sc_out_printf(o, "<style>\n%s</style>\n</head>\n<body>\n<header>\n", style);
    sc_out_printf(o, "<h1>%s</h1>\n", nl ? "Rapport basisondersteuning" : "Basic support report");
    if (r) {
        sc_out_puts(o, nl ? "<p>Regels: <span class=\"regels\">" : "<p>Rules: <span class=\"regels\">");
        h(o, r->name);
        sc_out_puts(o, "</span>");
        if (r->version) {
            sc_out_puts(o, nl ? ", versie <span class=\"versie\">" : ", version <span class=\"versie\">");
            h(o, r->version);
            sc_out_puts(o, "</span>");
        }
        sc_out_puts(o, "</p>\n");
    }
    sc_out_puts(o, "</header>\n<main>\n");
}

static const char *path_of(const sc_result *res)
{
    return res->profile && res->profile->path ? res->profile->path : "?";
}

/* One finding as a table row: question, answer with what is wrong with it, norm, place. */
static void finding(sc_writer *w, sc_out *b, const sc_result *res, uint32_t i)
{
    sc_out *o = w->out;
    const sc_rules *r = res->rules;
    const sc_item *it = &r->items[i];
    const sc_value *v = &res->profile->answers[i];
    const sc_item_result *ir = &res->items[i];
    bool nl = NL(w);

    sc_out_puts(o, "<tr><td>");
    h(o, it->text ? it->text : it->id);
    sc_out_puts(o, "<br /><code>");
    h(o, it->id);
    sc_out_puts(o, "</code>");
    if (it->source || it->pos.file != 0) {
        sc_out_puts(o, " (");
        if (it->source)
            h(o, it->source);
        if (it->source && it->pos.file != 0)
            sc_out_puts(o, "; ");
        if (it->pos.file != 0)
            h(o, r->files[it->pos.file].ruleset);
        sc_out_putc(o, ')');
    }
    sc_out_puts(o, "</td>\n<td>");

    if (ir->status == SC_ITEM_NOT_MET)
        sc_out_printf(o, "<span class=\"not_met\">%s</span>: ", nl ? "niet gehaald" : "not met");
    else {
        sc_out_puts(o, "<span class=\"incomplete\">");
        if (sc_report_blocked(b, res, i, w->opts.lang))
            h_buf(o, b); /* the school's own answer may be there: something it depends on is missing */
        else
            sc_out_puts(o, nl ? "niet ingevuld" : "not answered");
        sc_out_puts(o, "</span>: ");
    }
    sc_report_value(b, res, i, w->opts.lang);
    h_buf(o, b);
    sc_out_puts(o, "</td>\n<td>");
    h(o, it->norm ? sc_writer_words(w, r, it->norm, i) : "");
    sc_out_puts(o, "</td>\n<td class=\"pad\">");
    h(o, path_of(res));
    if (v->line)
        sc_out_printf(o, ":%u:%u", v->line, v->col);
    sc_out_puts(o, "</td></tr>\n");
}

static void table_head(sc_writer *w)
{
    bool nl = NL(w);
    sc_out_printf(w->out, "<table>\n<thead><tr><th>%s</th><th>%s</th><th>Norm</th><th>%s</th></tr></thead>\n<tbody>\n",
                  nl ? "Vraag" : "Question", nl ? "Antwoord" : "Answer", nl ? "Regel in het profiel" : "Line in the profile");
}

static bool judged(const sc_result *res, uint32_t i)
{
    return res->items[i].status == SC_ITEM_NOT_MET || res->items[i].status == SC_ITEM_UNANSWERED;
}

/* An invalid profile: its errors, each with its place, the line it stands on and the hint. */
static void errors(sc_writer *w, sc_out *b, const sc_result *res)
{
    sc_out *o = w->out;
    bool nl = NL(w);
    const sc_profile *p = res->profile;
    sc_out_puts(o, "<ul class=\"fouten\">\n");
    for (uint32_t k = 0; k < res->nerrors; k++) {
        const sc_profile_error *e = &res->errors[k];
        sc_out_puts(o, "<li><span class=\"pad\">");
        h(o, path_of(res));
        if (e->line) {
            sc_out_printf(o, ":%u", e->line);
            if (e->col)
                sc_out_printf(o, ":%u", e->col);
        }
        sc_out_puts(o, "</span>: ");
        if (e->severity == SC_SEV_ERROR)
            sc_out_printf(o, "<span class=\"not_met\">%s</span>: ", nl ? "fout" : "error");
        else
            sc_out_printf(o, "<span class=\"incomplete\">%s</span>: ",
                          e->severity == SC_SEV_WARNING ? (nl ? "waarschuwing" : "warning") : (nl ? "opmerking" : "note"));
        sc_out_puts(o, "<span class=\"tekst\">");
        h(o, e->message);
        sc_out_puts(o, "</span>");
        size_t n = 0;
        const char *line = p && p->text && e->line ? sc_text_line(p->text, p->text_len, e->line, &n) : NULL;
        if (line && n) {
            sc_out_write(b, line, n);
            sc_out_puts(o, "\n<pre>");
            h_buf(o, b);
            sc_out_puts(o, "</pre>");
        }
        if (e->hint) {
            sc_out_puts(o, nl ? "\n<br />tip: <span class=\"tekst\">" : "\n<br />hint: <span class=\"tekst\">");
            h(o, e->hint);
            sc_out_puts(o, "</span>");
        }
        sc_out_puts(o, "</li>\n");
    }
    if (res->nsuppressed)
        sc_out_printf(o, nl ? "<li>(nog %u fouten niet getoond)</li>\n" : "<li>(%u more errors not shown)</li>\n",
                      res->nsuppressed);
    sc_out_puts(o, "</ul>\n");
}

static void id_list(sc_out *o, const sc_result *res, sc_ambition_status want)
{
    bool first = true;
    for (uint32_t i = 0; i < res->rules->nitems; i++)
        if (res->items[i].ambition == want) {
            sc_out_puts(o, first ? "<code>" : ", <code>");
            h(o, res->rules->items[i].id);
            sc_out_puts(o, "</code>");
            first = false;
        }
}

/* The offer beside the basis: recorded, never judged, so in neutral colours and without verdict words —
 * a table per catalogue the school describes, its answered fields with their level, capacity and the
 * school's text for the SOP. */
static void offer(sc_writer *w, sc_out *b, const sc_result *res)
{
    sc_out *o = w->out;
    const sc_rules *r = res->rules;
    bool nl = NL(w);
    uint32_t answered, total;
    sc_report_offer_count(res, &answered, &total);
    if (!answered)
        return;
    sc_out_printf(o, nl ? "<div class=\"aanbod\">\n<h3>Aanbod naast de basis <span class=\"noot\">(vastgelegd, niet "
                          "beoordeeld: %u van %u onderdelen beschreven)</span></h3>\n<table>\n"
                        : "<div class=\"aanbod\">\n<h3>Offer beside the basis <span class=\"noot\">(recorded, not judged: "
                          "%u of %u entries described)</span></h3>\n<table>\n",
                  answered, total);
    for (uint32_t c = 0; c < r->ncatalogues; c++) {
        const sc_catalogue *ca = &r->catalogues[c];
        bool first = true;
        for (uint32_t f = 0; f < ca->nitems; f++) {
            uint32_t i = ca->items[f];
            if (!res->profile->answers[i].present)
                continue;
            if (first) {
                sc_out_puts(o, "<tr><th colspan=\"2\">");
                h(o, ca->title ? ca->title : ca->id);
                sc_out_puts(o, "</th></tr>\n");
            }
            first = false;
            sc_out_puts(o, "<tr><td>");
            h(o, r->items[i].text ? r->items[i].text : r->items[i].id);
            const sc_answer_details *d = res->profile->details ? res->profile->details[i] : NULL;
            if (d && d->sop.text) {
                sc_out_puts(o, "<br /><span class=\"tekst\">");
                h(o, d->sop.text);
                sc_out_puts(o, "</span>");
            }
            sc_out_puts(o, "</td><td>");
            sc_report_offer_answer(b, res, i, w->opts.lang);
            h_buf(o, b);
            sc_out_puts(o, "</td></tr>\n");
        }
    }
    sc_out_puts(o, "</table>\n</div>\n");
}

static void html_profile(sc_writer *w, const sc_result *res)
{
    sc_out *o = w->out;
    const sc_rules *r = res->rules;
    const sc_profile *p = res->profile;
    bool nl = NL(w);
    sc_out b;
    sc_out_init_mem(&b);
    /* the verdict */
    sc_out_printf(o, "<section class=\"profiel %s\">\n<h2 class=\"pad\">", sc_profile_status_id(res->status));
    h(o, path_of(res));
    sc_out_puts(o, "</h2>\n");
    const char *naam = res->school.naam, *brin = res->school.brin;
    const char *peil = res->school.peildatum;
    if (naam || brin) {
        sc_out_puts(o, "<p class=\"school\">");
        if (naam) {
            sc_out_puts(o, "<span class=\"naam\">");
            h(o, naam);
            sc_out_puts(o, "</span>");
        }
        if (brin) {
            sc_out_puts(o, naam ? " (<span class=\"brin\">" : "<span class=\"brin\">");
            h(o, brin);
            sc_out_puts(o, naam ? "</span>)" : "</span>");
        }
        if (peil) {
            sc_out_puts(o, nl ? ", peildatum <span class=\"peildatum\">" : ", reference date <span class=\"peildatum\">");
            h(o, peil);
            sc_out_puts(o, "</span>");
        }
        sc_out_puts(o, "</p>\n");
    }
    const char *bestuur = res->school.bestuur, *wijk = res->school.wijk;
    if (bestuur || wijk) {
        sc_out_puts(o, "<p class=\"school\">");
        if (bestuur) {
            sc_out_puts(o, nl ? "Bestuur: <span class=\"bestuur\">" : "Board: <span class=\"bestuur\">");
            h(o, bestuur);
            sc_out_puts(o, "</span>");
        }
        if (wijk) {
            sc_out_puts(o, bestuur ? (nl ? ", wijk: " : ", district: ") : (nl ? "Wijk: " : "District: "));
            sc_out_puts(o, "<span class=\"wijk\">");
            h(o, wijk);
            sc_out_puts(o, "</span>");
        }
        sc_out_puts(o, "</p>\n");
    }
    sc_out_printf(o, "<p class=\"oordeel\">%s</p>\n", sc_status_word(res->status, w->opts.lang));

    if (res->status == SC_PROFILE_INVALID || !res->items || !r) {
        errors(w, &b, res);
        sc_out_puts(o, "</section>\n");
        sc_out_free(&b);
        return;
    }

    /* the required answers left out */
    if (p->nmissing) {
        sc_out_printf(o, "<p class=\"incomplete\">%s</p>\n<ul class=\"ontbrekend\">\n", nl ? "Ontbrekend:" : "Missing:");
        for (uint32_t k = 0; k < p->nmissing; k++) {
            const sc_item *it = &r->items[p->missing[k].item];
            sc_out_puts(o, "<li><code>");
            h(o, it->id);
            sc_out_puts(o, "</code>");
            if (it->text) {
                sc_out_puts(o, " <span class=\"tekst\">");
                h(o, it->text);
                sc_out_puts(o, "</span>");
            }
            sc_out_puts(o, "</li>\n");
        }
        sc_out_puts(o, "</ul>\n");
    }

    /* counts */
    unsigned failed = 0, incomplete = 0;
    for (uint32_t a = 0; a < r->nagreements; a++) {
        failed += res->agreements[a] == SC_GROUP_NOT_MET;
        incomplete += res->agreements[a] == SC_GROUP_INCOMPLETE;
    }
    sc_out_printf(o, nl ? "<p>Afspraken: %u van %u gehaald" : "<p>Agreements: %u of %u met", r->nagreements - failed - incomplete,
                  r->nagreements);
    if (failed)
        sc_out_printf(o, nl ? ", %u niet gehaald" : ", %u not met", failed);
    if (incomplete)
        sc_out_printf(o, nl ? ", %u onvolledig" : ", %u incomplete", incomplete);
    bool first = true;
    for (uint32_t q = 0; q < r->npromises; q++)
        if (res->promises[q] == SC_GROUP_NOT_MET) {
            sc_out_puts(o, first ? (nl ? "; beloftes niet gehaald: " : "; promises not met: ") : ", ");
            h(o, r->promises[q].id);
            first = false;
        }
    sc_out_puts(o, "</p>\n");

    /* the findings, per agreement and per promise's own items */
    for (uint32_t a = 0; a < r->nagreements; a++) {
        if (res->agreements[a] == SC_GROUP_MET)
            continue;
        const sc_agreement *ag = &r->agreements[a];
        bool not_met = res->agreements[a] == SC_GROUP_NOT_MET;
        sc_out_puts(o, "<h3>");
        h(o, ag->id);
        sc_out_putc(o, ' ');
        h(o, ag->title ? ag->title : ag->text);
        sc_out_printf(o, " — <span class=\"%s\">%s</span></h3>\n", not_met ? "not_met" : "incomplete",
                      not_met ? (nl ? "niet gehaald" : "not met") : (nl ? "onvolledig" : "incomplete"));
        table_head(w);
        for (uint32_t k = 0; k < ag->nitems; k++)
            if (judged(res, ag->items[k]))
                finding(w, &b, res, ag->items[k]);
        sc_out_puts(o, "</tbody>\n</table>\n");
    }
    for (uint32_t q = 0; q < r->npromises; q++) {
        const sc_promise *pr = &r->promises[q];
        bool header = false;
        for (uint32_t k = 0; k < pr->nitems; k++) {
            uint32_t i = pr->items[k];
            if (!judged(res, i))
                continue;
            if (!header) {
                sc_out_puts(o, "<h3>");
                h(o, pr->id);
                sc_out_puts(o, nl ? " belofte: " : " promise: ");
                h(o, pr->text);
                sc_out_puts(o, "</h3>\n");
                table_head(w);
                header = true;
            }
            finding(w, &b, res, i);
        }
        if (header)
            sc_out_puts(o, "</tbody>\n</table>\n");
    }

    /* ambitions */
    unsigned reached = 0, open = 0;
    for (uint32_t i = 0; i < r->nitems; i++) {
        reached += res->items[i].ambition == SC_AMBITION_REACHED;
        open += res->items[i].ambition == SC_AMBITION_OPEN;
    }
    if (reached + open) {
        sc_out_printf(o, nl ? "<h3>Ambities: %u van %u gehaald</h3>\n" : "<h3>Ambitions: %u of %u reached</h3>\n", reached,
                      reached + open);
        if (reached) {
            sc_out_puts(o, nl ? "<p>Gehaald: " : "<p>Reached: ");
            id_list(o, res, SC_AMBITION_REACHED);
            sc_out_puts(o, "</p>\n");
        }
        if (open) {
            sc_out_puts(o, "<p>Open: ");
            id_list(o, res, SC_AMBITION_OPEN);
            sc_out_puts(o, "</p>\n");
        }
    }

    /* band categories, per set of bands, best first */
    for (uint32_t bi = 0; bi < r->nbandsets; bi++) {
        const sc_bandset *bs = &r->bandsets[bi];
        unsigned counts[SC_MAX_BANDS] = {0}, total = 0;
        for (uint32_t i = 0; i < r->nitems; i++)
            if (r->items[i].type.bands == bi && res->items[i].category != SC_NONE && res->items[i].category < SC_MAX_BANDS) {
                counts[res->items[i].category]++;
                total++;
            }
        if (!total)
            continue;
        sc_out_puts(o, "<p class=\"banden\"><span class=\"bandset\">");
        h(o, bs->name);
        sc_out_puts(o, "</span>: ");
        for (uint32_t k = bs->nbands; k-- > 0;) {
            sc_out_printf(o, "%u ", k < SC_MAX_BANDS ? counts[k] : 0);
            h(o, sc_band_text(r, bi, k));
            if (k)
                sc_out_puts(o, ", ");
        }
        sc_out_puts(o, "</p>\n");
    }
    offer(w, &b, res);
    sc_out_puts(o, "</section>\n");
    sc_out_free(&b);
}

static void html_end(sc_writer *w, const sc_accum *acc)
{
    const sc_summary *s = &acc->summary;
    sc_out *o = w->out;
    sc_out_puts(o, "</main>\n<footer>\n<p class=\"totalen\">");
    if (NL(w))
        sc_out_printf(o, "%u %s: %u voldoen, %u voldoen niet, %u onvolledig, %u ongeldig", s->profiles,
                      s->profiles == 1 ? "profiel" : "profielen", s->compliant, s->not_compliant, s->incomplete, s->invalid);
    else
        sc_out_printf(o, "%u profile%s: %u compliant, %u not compliant, %u incomplete, %u invalid", s->profiles,
                      s->profiles == 1 ? "" : "s", s->compliant, s->not_compliant, s->incomplete, s->invalid);
    sc_out_puts(o, "</p>\n<p>sopcheck");
    if (w->opts.tool_version)
        sc_out_printf(o, " %s", w->opts.tool_version);
    sc_out_puts(o, "</p>\n</footer>\n</body>\n</html>\n");
}

void sc_writer_html_init(sc_writer *w)
{
    w->begin = html_begin;
    w->profile = html_profile;
    w->end = html_end;
}
