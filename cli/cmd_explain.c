/* cli/cmd_explain.c — `sopcheck explain`: one item, agreement, catalogue or promise in full: question, answers, norm in words and in rules syntax, what it belongs to, where it is declared. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/num.h"
#include "base/out.h"
#include "cli.h"
#include "dsl/describe.h"
#include "words.h"

#define EXPLAIN_WIDTH 100
#define EXPLAIN_LABEL 24  /* columns of "  label: " before a value */
#define EXPLAIN_SUGGEST 3

/* The words of explain, in Dutch and in English; those for answers are in words.h. */
typedef struct explain_words {
    const char *item_head, *agreement_head, *promise_head, *catalogue_head;
    const char *catalogue, *capacity, *places, *hours, *item_promises, *serving, *entries;
    const char *question, *id, *type, *answer, *categories, *norm, *norm_rules, *ambition, *ambition_rules, *when,
        *when_rules, *note, *help, *source, *agreement, *promise, *promises, *own_promise, *declared, *tightened,
        *layer, *version, *builtin, *text, *agreements, *items, *own_items, *none, *added_in, *peildatum_help;
    const char *no_norm, *no_norm_field;
    const char *unknown, *did_you_mean, *or_word;
    const char *scale, *bands;
} explain_words;

static const explain_words words_nl = {
    .item_head = "Vraag",
    .agreement_head = "Afspraak",
    .promise_head = "Belofte",
    .catalogue_head = "Catalogus",
    .catalogue = "catalogus (aanbod)",
    .capacity = "ook te vermelden",
    .places = "aantal plaatsen (plaatsen:)",
    .hours = "uren per week (uren_per_week:)",
    .item_promises = "dient zelf beloftes",
    .serving = "ook gediend door",
    .entries = "onderdelen",
    .question = "vraag",
    .id = "id",
    .type = "type",
    .answer = "antwoord",
    .categories = "indeling",
    .norm = "norm",
    .norm_rules = "norm (regels)",
    .ambition = "ambitie",
    .ambition_rules = "ambitie (regels)",
    .when = "geldt alleen als",
    .when_rules = "geldt als (regels)",
    .note = "let op",
    .help = "toelichting",
    .source = "bron",
    .agreement = "afspraak",
    .promise = "belofte",
    .promises = "dient beloftes",
    .own_promise = "eis van belofte",
    .declared = "vastgelegd in",
    .tightened = "aangescherpt in",
    .layer = "laag",
    .version = "versie",
    .builtin = "ingebouwd in sopcheck (hoort bij elke regelset)",
    .text = "tekst",
    .agreements = "afspraken",
    .items = "vragen",
    .own_items = "eigen vragen",
    .none = "geen",
    .added_in = "toegevoegd in",
    .peildatum_help = "de datum waarop de antwoorden van een profiel betrekking hebben",
    .no_norm = "geen (alleen een ambitie)",
    .no_norm_field = "geen: wordt vastgelegd, niet beoordeeld",
    .unknown = "'%s' is geen vraag, afspraak, catalogus of belofte van deze regels",
    .did_you_mean = "bedoelt u",
    .or_word = "of",
    .scale = "schaal",
    .bands = "ingedeeld in",
};

static const explain_words words_en = {
    .item_head = "Item",
    .agreement_head = "Agreement",
    .promise_head = "Promise",
    .catalogue_head = "Catalogue",
    .catalogue = "catalogue (offer)",
    .capacity = "may also give",
    .places = "places (plaatsen:)",
    .hours = "hours a week (uren_per_week:)",
    .item_promises = "serves promises itself",
    .serving = "also served by",
    .entries = "entries",
    .question = "question",
    .id = "id",
    .type = "type",
    .answer = "answer",
    .categories = "categories",
    .norm = "norm",
    .norm_rules = "norm (rules)",
    .ambition = "ambition",
    .ambition_rules = "ambition (rules)",
    .when = "applies only when",
    .when_rules = "applies when (rules)",
    .note = "note",
    .help = "help",
    .source = "source",
    .agreement = "agreement",
    .promise = "promise",
    .promises = "serves promises",
    .own_promise = "requirement of promise",
    .declared = "declared in",
    .tightened = "tightened in",
    .layer = "layer",
    .version = "version",
    .builtin = "built into sopcheck (part of every ruleset)",
    .text = "text",
    .agreements = "agreements",
    .items = "items",
    .own_items = "own items",
    .none = "none",
    .added_in = "added in",
    .peildatum_help = "the date the answers of a profile describe",
    .no_norm = "none (ambition only)",
    .no_norm_field = "none: recorded, not judged",
    .unknown = "'%s' is not an item, agreement, catalogue or promise of these rules",
    .did_you_mean = "did you mean",
    .or_word = "or",
    .scale = "scale",
    .bands = "in the bands",
};

typedef struct explain_ctx {
    const sc_rules *r;
    sc_lang lang;
    const explain_words *w;
    const sc_words *answers;
    sc_out *o;
    sc_out scratch;
} explain_ctx;

/* --- lines of text: wrapped, every line prefixed, control characters made harmless (words.h) ------- */

/* "  label:" padded to the value column, then the text; label NULL continues the previous one. */
static void field(explain_ctx *c, const char *label, const char *text)
{
    char lead[128], hang[EXPLAIN_LABEL + 1];
    memset(hang, ' ', EXPLAIN_LABEL);
    hang[EXPLAIN_LABEL] = '\0';
    if (!label) {
        sc_words_wrapped(c->o, hang, hang, text, EXPLAIN_WIDTH, SC_WORDS_TERMINAL);
        return;
    }
    int n = snprintf(lead, sizeof lead, "  %s: ", label);
    size_t len = n > 0 && (size_t)n < sizeof lead ? (size_t)n : strlen(lead);
    for (size_t cols = sc_words_columns(lead, len); cols < EXPLAIN_LABEL && len + 1 < sizeof lead; cols++)
        lead[len++] = ' ';
    lead[len] = '\0';
    sc_words_wrapped(c->o, lead, hang, text, EXPLAIN_WIDTH, SC_WORDS_TERMINAL);
}

static sc_out *scratch(explain_ctx *c)
{
    return sc_words_scratch(&c->scratch);
}

static const char *scratch_text(const explain_ctx *c)
{
    return sc_words_text(&c->scratch);
}

/* --- pieces of an explanation --------------------------------------------------------------------- */

/* The type as the rules write it: "yesno", "number from 0 to 52", "percent in hgw", "set of betrokkene". */
static void write_type(explain_ctx *c, sc_out *s, const sc_item *it)
{
    char lo[SC_NUM_BUF], hi[SC_NUM_BUF];
    sc_num_format(lo, sizeof lo, it->type.min);
    sc_num_format(hi, sizeof hi, it->type.max);
    const sc_scale *scale = it->type.scale != SC_NONE ? &c->r->scales[it->type.scale] : NULL;
    switch (it->type.kind) {
    case SC_TYPE_YESNO: sc_out_puts(s, "yesno"); break;
    case SC_TYPE_NUMBER: sc_out_printf(s, "number from %s to %s", lo, hi); break;
    case SC_TYPE_PERCENT: sc_out_puts(s, "percent"); break;
    case SC_TYPE_DATE: sc_out_puts(s, "date"); break;
    case SC_TYPE_TEXT: sc_out_puts(s, "text"); break;
    case SC_TYPE_SCALE: sc_out_puts(s, scale->name); break;
    case SC_TYPE_SET: sc_out_printf(s, "set of %s", scale->name); break;
    }
    if (sc_words_banded(it))
        sc_out_printf(s, " in %s", c->r->bandsets[it->type.bands].name);
    if (scale && scale->label)
        sc_out_printf(s, " (%s: %s)", c->w->scale, scale->label);
}

/* "rules/x.rules:12", with the layer's name when the file was included by another. */
static void write_place(explain_ctx *c, sc_out *s, sc_srcpos pos)
{
    if (pos.line == 0 || pos.file >= c->r->nfiles) {
        sc_out_puts(s, c->w->builtin);
        return;
    }
    const sc_rules_file *f = &c->r->files[pos.file];
    sc_out_printf(s, "%s:%u", f->path, (unsigned)pos.line);
    if (f->included_by != SC_NONE)
        sc_out_printf(s, " (%s: %s, %s %s)", c->w->layer, f->ruleset, c->w->version, f->version);
}

static void field_pred(explain_ctx *c, const char *label, const char *rules_label, const sc_pred *p, uint32_t self)
{
    sc_pred_write_words(scratch(c), c->r, p, self, c->lang);
    field(c, label, scratch_text(c));
    if (rules_label) {
        sc_pred_write_rules(scratch(c), c->r, p, self);
        field(c, rules_label, scratch_text(c));
    }
}

static void field_place(explain_ctx *c, const char *label, sc_srcpos pos)
{
    write_place(c, scratch(c), pos);
    field(c, label, scratch_text(c));
}

/* "P2 Onze scholen ..." for each promise, the first on the labelled line. */
static void field_promises(explain_ctx *c, const char *label, const uint32_t *list, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++) {
        const sc_promise *p = &c->r->promises[list[k]];
        sc_out_printf(scratch(c), "%s %s", p->id, p->text);
        field(c, k ? NULL : label, scratch_text(c));
    }
    if (n == 0)
        field(c, label, c->w->none);
}

/* A short list entry for an item: "    id: question", then its norm, ambition and condition. */
static void list_item(explain_ctx *c, uint32_t index, uint32_t owner_file)
{
    const sc_item *it = &c->r->items[index];
    char lead[300];
    snprintf(lead, sizeof lead, "    %s: ", it->id);
    sc_words_wrapped(c->o, lead, "      ", it->text, EXPLAIN_WIDTH, SC_WORDS_TERMINAL);
    const char *labels[3] = {c->w->norm, c->w->ambition, c->w->when};
    const sc_pred *preds[3] = {it->norm, it->ambition, it->when};
    for (int k = 0; k < 3; k++) {
        if (!preds[k])
            continue;
        snprintf(lead, sizeof lead, "      %s: ", labels[k]);
        sc_pred_write_words(scratch(c), c->r, preds[k], index, c->lang);
        sc_words_wrapped(c->o, lead, "        ", scratch_text(c), EXPLAIN_WIDTH, SC_WORDS_TERMINAL);
    }
    if (!it->norm && !it->ambition) {
        snprintf(lead, sizeof lead, "      %s: ", c->w->norm);
        sc_words_wrapped(c->o, lead, "        ", c->w->no_norm_field, EXPLAIN_WIDTH, SC_WORDS_TERMINAL);
    }
    if (it->pos.line && it->pos.file != owner_file) {
        snprintf(lead, sizeof lead, "      %s: ", c->w->added_in);
        write_place(c, scratch(c), it->pos);
        sc_words_wrapped(c->o, lead, "        ", scratch_text(c), EXPLAIN_WIDTH, SC_WORDS_TERMINAL);
    }
}

static void list_items(explain_ctx *c, const char *label, const uint32_t *items, uint32_t n, uint32_t owner_file)
{
    if (n == 0) {
        field(c, label, c->w->none);
        return;
    }
    sc_out_printf(c->o, "  %s (%u):\n", label, (unsigned)n);
    for (uint32_t k = 0; k < n; k++)
        list_item(c, items[k], owner_file);
}

/* --- the three kinds of explanation --------------------------------------------------------------- */

static void explain_item(explain_ctx *c, uint32_t index)
{
    const sc_rules *r = c->r;
    const sc_item *it = &r->items[index];
    const explain_words *w = c->w;
    bool peildatum = index == r->peildatum;
    sc_out_printf(c->o, "%s %s\n", w->item_head, it->id);
    field(c, w->question, it->text);
    field(c, w->id, it->id);
    write_type(c, scratch(c), it);
    field(c, w->type, scratch_text(c));
    sc_words_answer(scratch(c), c->answers, r, it);
    field(c, w->answer, scratch_text(c));
    if (sc_words_banded(it)) {
        sc_words_bands(scratch(c), c->answers, r, it->type.bands);
        field(c, w->categories, scratch_text(c));
    }
    if (it->norm)
        field_pred(c, w->norm, w->norm_rules, it->norm, index);
    else
        field(c, w->norm, it->ambition ? w->no_norm : w->no_norm_field);
    if (it->ambition)
        field_pred(c, w->ambition, w->ambition_rules, it->ambition, index);
    if (it->when)
        field_pred(c, w->when, w->when_rules, it->when, index);
    if (it->note)
        field(c, w->note, it->note);
    if (it->help)
        field(c, w->help, it->help);
    else if (peildatum)
        field(c, w->help, w->peildatum_help);
    if (it->source)
        field(c, w->source, it->source);
    if (it->agreement != SC_NONE) {
        const sc_agreement *a = &r->agreements[it->agreement];
        sc_out *s = scratch(c);
        sc_out_printf(s, "%s%s%s", a->id, a->title ? " " : "", a->title ? a->title : "");
        field(c, w->agreement, scratch_text(c));
        field(c, NULL, a->text);
        if (a->source) {
            sc_out_printf(scratch(c), "(%s: %s)", w->source, a->source);
            field(c, NULL, scratch_text(c));
        }
        field_promises(c, w->promises, a->promises, a->npromises);
    }
    if (it->promise != SC_NONE) {
        const sc_promise *p = &r->promises[it->promise];
        sc_out_printf(scratch(c), "%s %s", p->id, p->text);
        field(c, w->own_promise, scratch_text(c));
        if (p->source) {
            sc_out_printf(scratch(c), "(%s: %s)", w->source, p->source);
            field(c, NULL, scratch_text(c));
        }
    }
    if (it->npromises)
        field_promises(c, w->item_promises, it->promises, it->npromises);
    if (it->catalogue != SC_NONE) {
        const sc_catalogue *ca = &r->catalogues[it->catalogue];
        sc_out_printf(scratch(c), "%s%s%s", ca->id, ca->title ? " " : "", ca->title ? ca->title : "");
        field(c, w->catalogue, scratch_text(c));
        field(c, NULL, ca->text);
    }
    if (it->capacity) {
        sc_out_printf(scratch(c), "%s%s%s", it->capacity & SC_CAPACITY_PLACES ? w->places : "",
                      it->capacity == (SC_CAPACITY_PLACES | SC_CAPACITY_HOURS) ? ", " : "",
                      it->capacity & SC_CAPACITY_HOURS ? w->hours : "");
        field(c, w->capacity, scratch_text(c));
    }
    field_place(c, w->declared, it->pos);
    for (uint32_t k = 0; k < it->ntightenings; k++) {
        const sc_tightening *t = &it->tightenings[k];
        sc_out *s = scratch(c);
        write_place(c, s, t->pos);
        sc_out_puts(s, ": norm ");
        sc_pred_write_rules(s, r, t->norm, index);
        field(c, k ? NULL : w->tightened, scratch_text(c));
    }
}

static void explain_agreement(explain_ctx *c, uint32_t index)
{
    const sc_agreement *a = &c->r->agreements[index];
    const explain_words *w = c->w;
    sc_out_printf(c->o, "%s %s%s%s\n", w->agreement_head, a->id, a->title ? ": " : "", a->title ? a->title : "");
    field(c, w->text, a->text);
    if (a->source)
        field(c, w->source, a->source);
    field_promises(c, w->promises, a->promises, a->npromises);
    field_place(c, w->declared, a->pos);
    list_items(c, w->items, a->items, a->nitems, a->pos.file);
}

static void explain_promise(explain_ctx *c, uint32_t index)
{
    const sc_promise *p = &c->r->promises[index];
    const explain_words *w = c->w;
    sc_out_printf(c->o, "%s %s\n", w->promise_head, p->id);
    field(c, w->text, p->text);
    if (p->source)
        field(c, w->source, p->source);
    for (uint32_t k = 0; k < p->nagreements; k++) {
        const sc_agreement *a = &c->r->agreements[p->agreements[k]];
        sc_out_printf(scratch(c), "%s%s%s", a->id, a->title ? " " : "", a->title ? a->title : "");
        field(c, k ? NULL : w->agreements, scratch_text(c));
    }
    if (p->nagreements == 0)
        field(c, w->agreements, w->none);
    field_place(c, w->declared, p->pos);
    list_items(c, w->own_items, p->items, p->nitems, p->pos.file);
    if (p->nserving)
        list_items(c, w->serving, p->serving, p->nserving, p->pos.file);
}

static void explain_catalogue(explain_ctx *c, uint32_t index)
{
    const sc_catalogue *ca = &c->r->catalogues[index];
    const explain_words *w = c->w;
    sc_out_printf(c->o, "%s %s%s%s\n", w->catalogue_head, ca->id, ca->title ? ": " : "", ca->title ? ca->title : "");
    field(c, w->text, ca->text);
    if (ca->source)
        field(c, w->source, ca->source);
    field(c, w->norm, w->no_norm_field);
    field_place(c, w->declared, ca->pos);
    list_items(c, w->entries, ca->items, ca->nitems, ca->pos.file);
}

/* --- did you mean --------------------------------------------------------------------------------- */

typedef struct suggestions {
    const char *names[EXPLAIN_SUGGEST];
    unsigned n, dist;
} suggestions;

static void consider(suggestions *s, const char *name, unsigned d)
{
    if (d > s->dist)
        return;
    if (d < s->dist) {
        s->dist = d;
        s->n = 0;
    }
    for (unsigned k = 0; k < s->n; k++)
        if (strcmp(s->names[k], name) == 0)
            return;
    if (s->n < EXPLAIN_SUGGEST)
        s->names[s->n++] = name;
}

/* Close ids: the same last segment ("dyscalculie", "peildatum") counts as closest, then spelling. */
static void suggest(const sc_rules *r, const char *id, suggestions *s)
{
    size_t len = strlen(id);
    unsigned cap = len >= 6 ? 2 : 1;
    s->n = 0;
    s->dist = cap;
    for (uint32_t i = 0; i < r->nitems; i++) {
        const char *name = r->items[i].id;
        const char *last = strrchr(name, '.');
        if (!strchr(id, '.') && last && strcmp(last + 1, id) == 0)
            consider(s, name, 0);
        else
            consider(s, name, sc_edit_distance(id, name, cap));
    }
    for (uint32_t i = 0; i < r->nagreements; i++)
        consider(s, r->agreements[i].id, sc_edit_distance(id, r->agreements[i].id, cap));
    for (uint32_t i = 0; i < r->npromises; i++)
        consider(s, r->promises[i].id, sc_edit_distance(id, r->promises[i].id, cap));
    for (uint32_t i = 0; i < r->ncatalogues; i++)
        consider(s, r->catalogues[i].id, sc_edit_distance(id, r->catalogues[i].id, cap));
}

static void report_unknown(const explain_ctx *c, const char *id)
{
    suggestions s;
    suggest(c->r, id, &s);
    sc_out e;
    sc_out_init_file(&e, stderr);
    sc_out_puts(&e, "sopcheck explain: ");
    char msg[200];
    snprintf(msg, sizeof msg, c->w->unknown, id);
    sc_words_write_word(&e, msg, strlen(msg), SC_WORDS_TERMINAL);
    if (s.n) {
        sc_out_printf(&e, "; %s ", c->w->did_you_mean);
        for (unsigned k = 0; k < s.n; k++)
            sc_out_printf(&e, "%s%s%s'%s'", k == 0 ? "" : k + 1 == s.n ? " " : ", ", k && k + 1 == s.n ? c->w->or_word : "",
                          k && k + 1 == s.n ? " " : "", s.names[k]);
        sc_out_putc(&e, '?');
    }
    sc_out_putc(&e, '\n');
}

int sc_cmd_explain(int argc, char **argv)
{
    const char *rules_path = NULL;
    sc_lang lang = SC_LANG_NL;
    const char **ids = calloc((size_t)argc, sizeof *ids);
    int nids = 0;
    if (!ids) {
        fputs("sopcheck: out of memory\n", stderr);
        return SC_EXIT_INVALID;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if ((v = sc_cli_opt_value(argc, argv, &i, "--rules")))
            rules_path = v;
        else if ((v = sc_cli_opt_value(argc, argv, &i, "--lang"))) {
            if (sc_cli_lang(v, &lang) != 0) {
                free(ids);
                return sc_cli_usage_error("explain", "--lang takes nl or en, not '%s'", v);
            }
        } else if (a[0] == '-' && a[1]) {
            free(ids);
            return sc_cli_usage_error("explain", "unknown option '%s' (or it needs a value)", a);
        } else
            ids[nids++] = a;
    }
    if (nids == 0) {
        free(ids);
        return sc_cli_usage_error("explain", "name one or more items, agreements, catalogues or promises, e.g. "
                                             "'sopcheck explain aanbod.dyscalculie A13 P1'");
    }

    sc_term err;
    sc_term_init(&err, stderr, NULL);
    sc_rules *rules = sc_cli_load_rules(rules_path, &err, NULL, NULL);
    if (!rules) {
        free(ids);
        fputs("sopcheck: the rules have errors; nothing can be explained\n", stderr);
        return SC_EXIT_INVALID;
    }
    sc_out out;
    sc_out_init_file(&out, stdout);
    explain_ctx c = {.r = rules, .lang = lang, .w = lang == SC_LANG_EN ? &words_en : &words_nl,
                     .answers = sc_words_for(lang), .o = &out};
    sc_out_init_mem(&c.scratch);
    int rc = SC_EXIT_OK;
    bool first = true;
    for (int i = 0; i < nids; i++) {
        const char *a = ids[i];
        uint32_t found[4] = {sc_rules_find_item(rules, a, strlen(a)), sc_rules_find_agreement(rules, a),
                             sc_rules_find_promise(rules, a), sc_rules_find_catalogue(rules, a)};
        if (found[0] == SC_NONE && found[1] == SC_NONE && found[2] == SC_NONE && found[3] == SC_NONE) {
            fflush(stdout);
            report_unknown(&c, a);
            rc = SC_EXIT_INVALID;
            continue;
        }
        for (int k = 0; k < 4; k++) {
            if (found[k] == SC_NONE)
                continue;
            if (!first)
                sc_out_putc(&out, '\n');
            first = false;
            if (k == 0)
                explain_item(&c, found[k]);
            else if (k == 1)
                explain_agreement(&c, found[k]);
            else if (k == 2)
                explain_promise(&c, found[k]);
            else
                explain_catalogue(&c, found[k]);
        }
    }
    if (c.scratch.failed) {
        fputs("sopcheck: out of memory\n", stderr);
        rc = SC_EXIT_INVALID;
    } else if (out.failed || fflush(stdout) != 0) {
        fputs("sopcheck explain: the explanation could not be written completely\n", stderr);
        rc = SC_EXIT_INVALID;
    }
    sc_out_free(&c.scratch);
    sc_rules_free(rules);
    free(ids);
    return rc;
}
