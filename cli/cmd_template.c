/* cli/cmd_template.c — `sopcheck template`: prints the blank questionnaire, a profile YAML with every question explained in comments and every answer empty. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/out.h"
#include "cli.h"
#include "dsl/describe.h"
#include "words.h"

#define TEMPLATE_WIDTH 100

/* The words of the template, in Dutch and in English; those for answers are in words.h. */
typedef struct template_words {
    const char *title, *rules, *version, *source, *valid_from, *valid_until, *layers;
    const char *how[8];
    const char *check_with, *example_file;
    const char *answer, *categories, *norm, *ambition, *when, *note, *help, *field, *belongs_promise,
        *belongs_agreement, *peildatum_help, *promise_group, *other_group, *serves, *serves_n, *catalogues,
        *capacity_places, *capacity_hours, *capacity_both;
} template_words;

static const template_words words_nl = {
    .title = "SOP-vragenlijst basisondersteuning",
    .rules = "Regels",
    .version = "versie",
    .source = "Bron",
    .valid_from = "Deze regels gelden voor een peildatum vanaf",
    .valid_until = "tot en met",
    .layers = "Opgebouwd uit",
    .how = {"Zo vult u deze vragenlijst in:",
            "- Schrijf elk antwoord achter de dubbele punt van de vraag, op dezelfde regel, bijvoorbeeld "
            "'peildatum: 2026-10-01' of 'inzicht: ja'.",
            "- Boven elke vraag staat wat u kunt invullen, wat de norm is en waar de vraag bij hoort.",
            "- Bij een keuze mag u de code schrijven of de omschrijving tussen haakjes, met of zonder hoofdletters: "
            "'school' of 'op schoolniveau'. Een percentage mag als 70, 70% of 70 procent.",
            "- Weet u een antwoord nog niet, laat het dan leeg: de vraag telt dan als niet beantwoord.",
            "- De peildatum is verplicht: zonder peildatum kan het profiel niet volledig worden beoordeeld.",
            "- Zet tekst met een dubbele punt of een # tussen aanhalingstekens: naam: \"De Regenboog: locatie Noord\".",
            "- Laat de spaties vooraan elke regel staan. Regels die met # beginnen zijn uitleg en mogen blijven staan."},
    .check_with = "Controleer het ingevulde profiel met:",
    .example_file = "mijn-school.yaml",
    .answer = "antwoord: ",
    .categories = "indeling: ",
    .norm = "norm: ",
    .ambition = "ambitie: ",
    .when = "geldt alleen als: ",
    .note = "let op: ",
    .help = "toelichting: ",
    .field = "wordt vastgelegd, niet beoordeeld",
    .belongs_promise = "hoort bij belofte",
    .belongs_agreement = "hoort bij afspraak",
    .catalogues = "Het ondersteuningsaanbod van de school naast de basis: vastgelegd, nooit beoordeeld. Elk "
                  "antwoord mag ook in de lange vorm, met 'antwoord:', 'toelichting:' (voor het SOP) en "
                  "'ouders:' (korter, voor ouders)",
    .capacity_places = "lange vorm: ook 'plaatsen:' (aantal plaatsen)",
    .capacity_hours = "lange vorm: ook 'uren_per_week:'",
    .capacity_both = "lange vorm: ook 'plaatsen:' (aantal plaatsen) en 'uren_per_week:'",
    .peildatum_help = "de datum waarop de antwoorden van dit profiel betrekking hebben",
    .promise_group = "Belofte",
    .other_group = "Overige vragen",
    .serves = "dient belofte",
    .serves_n = "dient beloftes",
};

static const template_words words_en = {
    .title = "SOP questionnaire, basic support (basisondersteuning)",
    .rules = "Rules",
    .version = "version",
    .source = "Source",
    .valid_from = "These rules apply to a reference date (peildatum) from",
    .valid_until = "up to and including",
    .layers = "Built from",
    .how = {"How to fill in this questionnaire:",
            "- Write each answer after the colon of its question, on the same line, for example "
            "'peildatum: 2026-10-01' or 'inzicht: ja'.",
            "- Above each question: what you can answer, the norm, and what it belongs to.",
            "- For a choice you may write the code or the description in brackets, in any case: 'school' or "
            "'op schoolniveau'. A percentage may be written 70, 70% or 70 procent.",
            "- If you do not know an answer yet, leave it empty: the question then counts as unanswered.",
            "- The peildatum (reference date) is required: without it the profile cannot be fully judged.",
            "- Put text with a colon or a # in quotes: naam: \"De Regenboog: locatie Noord\".",
            "- Keep the spaces at the start of each line. Lines starting with # are explanations and may stay."},
    .check_with = "Check the filled-in profile with:",
    .example_file = "my-school.yaml",
    .answer = "answer: ",
    .categories = "categories: ",
    .norm = "norm: ",
    .ambition = "ambition: ",
    .when = "applies only when: ",
    .note = "note: ",
    .help = "help: ",
    .field = "recorded, not judged",
    .belongs_promise = "belongs to promise",
    .belongs_agreement = "belongs to agreement",
    .catalogues = "The school's offer beside the basis: recorded, never judged. Every answer may also take the "
                  "long form, with 'antwoord:', 'toelichting:' (for the SOP) and 'ouders:' (shorter, for parents)",
    .capacity_places = "long form: also 'plaatsen:' (number of places)",
    .capacity_hours = "long form: also 'uren_per_week:'",
    .capacity_both = "long form: also 'plaatsen:' (number of places) and 'uren_per_week:'",
    .peildatum_help = "the date the answers of this profile describe",
    .promise_group = "Promise",
    .other_group = "Other questions",
    .serves = "serves promise",
    .serves_n = "serves promises",
};

/* What one run needs: the rules, the language, the output and a scratch buffer for composed texts. */
typedef struct template_ctx {
    const sc_rules *r;
    sc_lang lang;
    const template_words *w;
    const sc_words *answers;
    sc_out *o;
    sc_out scratch;
    bool *written;             /* per item: already in the template */
    const char **used;         /* first segments already opened as a nested block in the current section */
    size_t *used_len;
    size_t nused;
    const char *open;          /* the nested block open now, or NULL */
    size_t open_len;
} template_ctx;

/* --- comments that cannot break the YAML ---------------------------------------------------------- */

/* A comment at `indent` spaces: "# text", continued with "# " (plain) or "#   " (after a label). */
static void comment(template_ctx *c, unsigned indent, const char *label, const char *text)
{
    char lead[160], hang[160];
    snprintf(lead, sizeof lead, "%*s# %s", (int)indent, "", label ? label : "");
    snprintf(hang, sizeof hang, "%*s#%s", (int)indent, "", label ? "   " : " ");
    sc_words_wrapped(c->o, lead, hang, text, TEMPLATE_WIDTH, SC_WORDS_YAML);
}

/* The scratch buffer, emptied for a new text. */
static sc_out *scratch(template_ctx *c)
{
    return sc_words_scratch(&c->scratch);
}

static const char *scratch_text(const template_ctx *c)
{
    return sc_words_text(&c->scratch);
}

/* The comments above one item's key, after a blank line unless the key opens a nested block. */
static void item_comments(template_ctx *c, uint32_t index, unsigned indent, bool blank)
{
    const sc_item *it = &c->r->items[index];
    const template_words *w = c->w;
    bool peildatum = index == c->r->peildatum;
    if (blank)
        sc_out_putc(c->o, '\n');
    comment(c, indent, NULL, it->text);
    if (it->note)
        comment(c, indent, w->note, it->note);
    if (it->help)
        comment(c, indent, w->help, it->help);
    else if (peildatum)
        comment(c, indent, w->help, w->peildatum_help);
    sc_words_answer(scratch(c), c->answers, c->r, it);
    comment(c, indent, w->answer, scratch_text(c));
    if (sc_words_banded(it)) {
        sc_words_bands(scratch(c), c->answers, c->r, it->type.bands);
        comment(c, indent, w->categories, scratch_text(c));
    }
    if (it->norm) {
        sc_pred_write_words(scratch(c), c->r, it->norm, index, c->lang);
        comment(c, indent, w->norm, scratch_text(c));
    }
    if (it->ambition) {
        sc_pred_write_words(scratch(c), c->r, it->ambition, index, c->lang);
        comment(c, indent, w->ambition, scratch_text(c));
    }
    if (it->when) {
        sc_pred_write_words(scratch(c), c->r, it->when, index, c->lang);
        comment(c, indent, w->when, scratch_text(c));
    }
    if (it->role == SC_ROLE_FIELD && !it->norm && !it->ambition && !it->required && !peildatum)
        comment(c, indent, NULL, w->field);
    if (it->capacity)
        comment(c, indent, NULL,
                it->capacity == (SC_CAPACITY_PLACES | SC_CAPACITY_HOURS) ? w->capacity_both
                : it->capacity == SC_CAPACITY_PLACES                     ? w->capacity_places
                                                                         : w->capacity_hours);
    /* school items are not grouped by what they belong to, so say it here */
    if (strncmp(it->id, "school.", 7) == 0) {
        sc_out *s = scratch(c);
        if (it->promise != SC_NONE)
            sc_out_printf(s, "%s %s", w->belongs_promise, c->r->promises[it->promise].id);
        else if (it->agreement != SC_NONE)
            sc_out_printf(s, "%s %s", w->belongs_agreement, c->r->agreements[it->agreement].id);
        if (c->scratch.len)
            comment(c, indent, NULL, scratch_text(c));
    }
}

/* --- keys: nested by their first segment, dotted when that block was already closed ---------------- */

static bool prefix_used(const template_ctx *c, const char *p, size_t n)
{
    for (size_t k = 0; k < c->nused; k++)
        if (c->used_len[k] == n && strncmp(c->used[k], p, n) == 0)
            return true;
    return false;
}

/* One item under its section, `rel` being its id without the section's prefix. */
static void write_item(template_ctx *c, uint32_t index, const char *rel)
{
    const char *dot = strchr(rel, '.');
    size_t n = dot ? (size_t)(dot - rel) : 0;
    c->written[index] = true;
    if (dot && c->open && c->open_len == n && strncmp(c->open, rel, n) == 0) {
        item_comments(c, index, 4, true);
        sc_out_printf(c->o, "    %s:\n", dot + 1);
        return;
    }
    c->open = NULL;
    if (!dot || prefix_used(c, rel, n)) {
        item_comments(c, index, 2, true);
        sc_out_printf(c->o, "  %s:\n", rel);
        return;
    }
    c->used[c->nused] = rel;
    c->used_len[c->nused++] = n;
    c->open = rel;
    c->open_len = n;
    sc_out_printf(c->o, "\n  %.*s:\n", (int)n, rel);
    item_comments(c, index, 4, false);
    sc_out_printf(c->o, "    %s:\n", dot + 1);
}

static bool is_school(const char *id)
{
    return strncmp(id, "school.", 7) == 0;
}

/* A group of answers: a ruler and a comment naming what the items below belong to. */
static void group_comment(template_ctx *c, const char *text)
{
    char ruler[TEMPLATE_WIDTH];
    memset(ruler, '-', sizeof ruler - 1);
    ruler[sizeof ruler - 1 - 4] = '\0';
    c->open = NULL;
    sc_out_printf(c->o, "\n  # %s\n", ruler);
    comment(c, 2, NULL, text);
}

static void write_agreement(template_ctx *c, uint32_t a)
{
    const sc_agreement *ag = &c->r->agreements[a];
    sc_out *s = scratch(c);
    sc_out_printf(s, "%s%s%s: %s", ag->id, ag->title ? " " : "", ag->title ? ag->title : "", ag->text);
    if (ag->npromises) {
        sc_out_printf(s, " (%s", ag->npromises == 1 ? c->w->serves : c->w->serves_n);
        for (uint32_t k = 0; k < ag->npromises; k++)
            sc_out_printf(s, "%s %s", k ? "," : "", c->r->promises[ag->promises[k]].id);
        sc_out_putc(s, ')');
    }
    group_comment(c, scratch_text(c));
    for (uint32_t k = 0; k < ag->nitems; k++) {
        uint32_t i = ag->items[k];
        if (!is_school(c->r->items[i].id) && !c->written[i])
            write_item(c, i, c->r->items[i].id);
    }
}

static void write_header(template_ctx *c, const char *rules_path)
{
    const sc_rules *r = c->r;
    const template_words *w = c->w;
    comment(c, 0, NULL, w->title);
    sc_out *s = scratch(c);
    sc_out_printf(s, "%s: %s, %s %s", w->rules, r->name, w->version, r->version);
    comment(c, 0, NULL, scratch_text(c));
    if (r->source) {
        s = scratch(c);
        sc_out_printf(s, "%s: %s", w->source, r->source);
        comment(c, 0, NULL, scratch_text(c));
    }
    if (r->has_valid_from) {
        char from[16], until[16];
        sc_date_format(r->valid_from, from);
        s = scratch(c);
        sc_out_printf(s, "%s %s", w->valid_from, from);
        if (r->has_valid_until) {
            sc_date_format(r->valid_until, until);
            sc_out_printf(s, " %s %s", w->valid_until, until);
        }
        sc_out_putc(s, '.');
        comment(c, 0, NULL, scratch_text(c));
    }
    if (r->nfiles > 1) {
        s = scratch(c);
        sc_out_printf(s, "%s: ", w->layers);
        for (uint32_t f = 0; f < r->nfiles; f++)
            sc_out_printf(s, "%s%s %s", f ? "; " : "", r->files[f].ruleset, r->files[f].version);
        comment(c, 0, NULL, scratch_text(c));
    }
    sc_out_puts(c->o, "#\n");
    for (size_t k = 0; k < sizeof w->how / sizeof w->how[0]; k++)
        sc_words_wrapped(c->o, "# ", k ? "#   " : "# ", w->how[k], TEMPLATE_WIDTH, SC_WORDS_YAML);
    sc_out_puts(c->o, "#\n");
    comment(c, 0, NULL, w->check_with);
    s = scratch(c);
    sc_out_printf(s, "sopcheck check%s%s %s", rules_path ? " --rules " : "", rules_path ? rules_path : "",
                  w->example_file);
    comment(c, 0, "  ", scratch_text(c));
}

static void write_template(template_ctx *c, const char *rules_path)
{
    const sc_rules *r = c->r;
    write_header(c, rules_path);
    sc_out_puts(c->o, "\nprofiel: 1\n\nschool:\n");
    for (uint32_t i = 0; i < r->nitems; i++)
        if (is_school(r->items[i].id))
            write_item(c, i, r->items[i].id + 7);

    /* a new mapping: its keys may repeat the first segments used under school: */
    c->nused = 0;
    c->open = NULL;
    sc_out_puts(c->o, "\nantwoorden:\n");
    for (uint32_t a = 0; a < r->nagreements; a++)
        write_agreement(c, a);
    for (uint32_t p = 0; p < r->npromises; p++) {
        const sc_promise *pr = &r->promises[p];
        bool any = false;
        for (uint32_t k = 0; k < pr->nitems; k++)
            any |= !is_school(r->items[pr->items[k]].id) && !c->written[pr->items[k]];
        if (!any)
            continue;
        sc_out *s = scratch(c);
        sc_out_printf(s, "%s %s: %s", c->w->promise_group, pr->id, pr->text);
        group_comment(c, scratch_text(c));
        for (uint32_t k = 0; k < pr->nitems; k++) {
            uint32_t i = pr->items[k];
            if (!is_school(r->items[i].id) && !c->written[i])
                write_item(c, i, r->items[i].id);
        }
    }
    if (r->ncatalogues) {
        group_comment(c, c->w->catalogues);
        for (uint32_t g = 0; g < r->ncatalogues; g++) {
            const sc_catalogue *cat = &r->catalogues[g];
            sc_out_printf(scratch(c), "%s%s%s: %s", cat->id, cat->title ? " " : "", cat->title ? cat->title : "", cat->text);
            group_comment(c, scratch_text(c));
            for (uint32_t k = 0; k < cat->nitems; k++)
                if (!is_school(r->items[cat->items[k]].id) && !c->written[cat->items[k]])
                    write_item(c, cat->items[k], r->items[cat->items[k]].id);
        }
    }
    bool header = false;
    for (uint32_t i = 0; i < r->nitems; i++) {
        if (c->written[i] || is_school(r->items[i].id))
            continue;
        if (!header)
            group_comment(c, c->w->other_group);
        header = true;
        write_item(c, i, r->items[i].id);
    }
}

int sc_cmd_template(int argc, char **argv)
{
    const char *rules_path = NULL;
    sc_lang lang = SC_LANG_NL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if ((v = sc_cli_opt_value(argc, argv, &i, "--rules")))
            rules_path = v;
        else if ((v = sc_cli_opt_value(argc, argv, &i, "--lang"))) {
            if (sc_cli_lang(v, &lang) != 0)
                return sc_cli_usage_error("template", "--lang takes nl or en, not '%s'", v);
        } else if (a[0] == '-' && a[1])
            return sc_cli_usage_error("template", "unknown option '%s' (or it needs a value)", a);
        else
            return sc_cli_usage_error("template", "template takes no file names; write it to a file with "
                                                  "'sopcheck template > %s'", a);
    }

    sc_term err;
    sc_term_init(&err, stderr, NULL);
    sc_rules *rules = sc_cli_load_rules(rules_path, &err, NULL, NULL);
    if (!rules) {
        fputs("sopcheck: the rules have errors; no template was written\n", stderr);
        return SC_EXIT_INVALID;
    }
    sc_out out;
    sc_out_init_file(&out, stdout);
    size_t n = rules->nitems ? rules->nitems : 1;
    template_ctx c = {.r = rules, .lang = lang, .w = lang == SC_LANG_EN ? &words_en : &words_nl,
                      .answers = sc_words_for(lang), .o = &out};
    sc_out_init_mem(&c.scratch);
    c.written = calloc(n, sizeof *c.written);
    c.used = calloc(n, sizeof *c.used);
    c.used_len = calloc(n, sizeof *c.used_len);
    int rc = SC_EXIT_OK;
    if (!c.written || !c.used || !c.used_len) {
        fputs("sopcheck: out of memory\n", stderr);
        rc = SC_EXIT_INVALID;
    } else {
        write_template(&c, rules_path);
        if (c.scratch.failed) {
            fputs("sopcheck: out of memory\n", stderr);
            rc = SC_EXIT_INVALID;
        } else if (out.failed || fflush(stdout) != 0) {
            fputs("sopcheck template: the template could not be written completely\n", stderr);
            rc = SC_EXIT_INVALID;
        }
    }
    free(c.written);
    free(c.used);
    free(c.used_len);
    sc_out_free(&c.scratch);
    sc_rules_free(rules);
    return rc;
}
