/* cli/cmd_template.c — `sopcheck template`: prints the blank questionnaire, a profile YAML with every question explained in comments and every answer empty. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/out.h"
#include "cli.h"
#include "dsl/describe.h"

#define TEMPLATE_WIDTH 100

/* The words of the template, in Dutch and in English. Answers themselves (ja, nee, members) stay as the rules name them. */
typedef struct template_words {
    const char *title, *rules, *version, *source, *valid_from, *valid_until, *layers;
    const char *how[7];
    const char *check_with, *example_file;
    const char *answer, *categories, *norm, *ambition, *when, *note, *help, *required, *field, *belongs_promise,
        *belongs_agreement, *peildatum_help, *promise_group, *other_group, *serves, *serves_n;
    const char *yesno, *number, *percent, *date, *text, *choose, *list, *best_first, *below, *upto, *or_more;
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
            "- Weet u een antwoord nog niet, laat het dan leeg: de vraag telt dan als niet beantwoord.",
            "- De peildatum is verplicht: zonder peildatum kan het profiel niet worden gecontroleerd.",
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
    .required = "verplicht",
    .field = "wordt vastgelegd, niet beoordeeld",
    .belongs_promise = "hoort bij belofte",
    .belongs_agreement = "hoort bij afspraak",
    .peildatum_help = "de datum waarop de antwoorden van dit profiel betrekking hebben",
    .promise_group = "Belofte",
    .other_group = "Overige vragen",
    .serves = "dient belofte",
    .serves_n = "dient beloftes",
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
            "- If you do not know an answer yet, leave it empty: the question then counts as unanswered.",
            "- The peildatum (reference date) is required: without it the profile cannot be checked.",
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
    .required = "required",
    .field = "recorded, not judged",
    .belongs_promise = "belongs to promise",
    .belongs_agreement = "belongs to agreement",
    .peildatum_help = "the date the answers of this profile describe",
    .promise_group = "Promise",
    .other_group = "Other questions",
    .serves = "serves promise",
    .serves_n = "serves promises",
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
};

/* What one run needs: the rules, the language, the output and a scratch buffer for composed texts. */
typedef struct template_ctx {
    const sc_rules *r;
    sc_lang lang;
    const template_words *w;
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

static size_t columns(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* One word, with anything a YAML reader or a terminal would stumble over replaced by '?'
 * (control characters, C1 controls, U+FFFE/U+FFFF) and byte-order marks left out. */
static void write_word(sc_out *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const unsigned char *u = (const unsigned char *)s + i;
        if (u[0] < 0x20 || u[0] == 0x7F) {
            sc_out_putc(o, '?');
        } else if (u[0] == 0xC2 && i + 1 < n && u[1] >= 0x80 && u[1] <= 0x9F) {
            sc_out_putc(o, '?');
            i++;
        } else if (u[0] == 0xEF && i + 2 < n && u[1] == 0xBB && u[2] == 0xBF) {
            i += 2;
        } else if (u[0] == 0xEF && i + 2 < n && u[1] == 0xBF && (u[2] == 0xBE || u[2] == 0xBF)) {
            sc_out_putc(o, '?');
            i += 2;
        } else {
            sc_out_putc(o, (char)u[0]);
        }
    }
}

/* Write `text` as lines of at most `width` columns (a longer word gets a line of its own): the first line
 * starts with `lead`, every further line (wrapped or after a line break in the text) with `hang`. No line
 * ends in blanks, and every line of the text gets its prefix, so a text can never leave a comment. */
static void write_wrapped(sc_out *o, const char *lead, const char *hang, const char *text, size_t width)
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
        size_t n = (size_t)(p - start), w = columns(start, n);
        if (has_word && col + 1 + w > width) {
            sc_out_putc(o, '\n');
            prefix = hang;
            has_word = false;
        }
        if (!has_word) {
            sc_out_puts(o, prefix);
            col = columns(prefix, strlen(prefix));
        } else {
            sc_out_putc(o, ' ');
            col++;
        }
        write_word(o, start, n);
        col += w;
        has_word = true;
    }
}

/* A comment at `indent` spaces: "# text", continued with "# " (plain) or "#   " (after a label). */
static void comment(template_ctx *c, unsigned indent, const char *label, const char *text)
{
    char lead[160], hang[160];
    snprintf(lead, sizeof lead, "%*s# %s", (int)indent, "", label ? label : "");
    snprintf(hang, sizeof hang, "%*s#%s", (int)indent, "", label ? "   " : " ");
    write_wrapped(c->o, lead, hang, text, TEMPLATE_WIDTH);
}

/* The scratch buffer, emptied for a new text. */
static sc_out *scratch(template_ctx *c)
{
    c->scratch.len = 0;
    if (c->scratch.buf)
        c->scratch.buf[0] = '\0';
    return &c->scratch;
}

static const char *scratch_text(const template_ctx *c)
{
    return c->scratch.buf ? c->scratch.buf : "";
}

/* --- what an item takes --------------------------------------------------------------------------- */

static void write_members(template_ctx *c, sc_out *s, const sc_scale *scale)
{
    for (uint32_t m = 0; m < scale->nmembers; m++) {
        const sc_member *mb = &scale->members[m];
        sc_out_puts(s, m ? ", " : "");
        sc_out_puts(s, mb->name);
        if (mb->label && strcmp(mb->label, mb->name) != 0)
            sc_out_printf(s, " (%s)", mb->label);
    }
    if (scale->ordered && scale->nmembers > 1)
        sc_out_puts(s, c->w->best_first);
}

static void write_allowed(template_ctx *c, sc_out *s, const sc_item *it)
{
    const template_words *w = c->w;
    char lo[48], hi[48];
    sc_format_number(lo, sizeof lo, it->type.min);
    sc_format_number(hi, sizeof hi, it->type.max);
    switch (it->type.kind) {
    case SC_TYPE_YESNO: sc_out_puts(s, w->yesno); break;
    case SC_TYPE_NUMBER: sc_out_printf(s, w->number, lo, hi); break;
    case SC_TYPE_PERCENT: sc_out_printf(s, w->percent, lo, hi); break;
    case SC_TYPE_DATE: sc_out_puts(s, w->date); break;
    case SC_TYPE_TEXT: sc_out_puts(s, w->text); break;
    case SC_TYPE_SCALE:
        sc_out_puts(s, w->choose);
        write_members(c, s, &c->r->scales[it->type.scale]);
        break;
    case SC_TYPE_SET: {
        const sc_scale *scale = &c->r->scales[it->type.scale];
        sc_out_puts(s, w->list);
        sc_out_putc(s, '[');
        for (uint32_t m = 0; m < scale->nmembers && m < 2; m++)
            sc_out_printf(s, "%s%s", m ? ", " : "", scale->members[m].name);
        sc_out_puts(s, "]; ");
        sc_out_puts(s, w->choose);
        write_members(c, s, scale);
        break;
    }
    }
}

/* The bands of a banded number: "Niet ontwikkeld: onder 50, In ontwikkeling: 50 tot 70, ...". */
static void write_bands(template_ctx *c, sc_out *s, uint32_t bandset)
{
    const sc_bandset *b = &c->r->bandsets[bandset];
    char lo[48], hi[48];
    for (uint32_t k = 0; k < b->nbands; k++) {
        sc_out_puts(s, k ? ", " : "");
        sc_out_printf(s, "%s: ", sc_band_text(c->r, bandset, k));
        sc_format_number(lo, sizeof lo, b->bands[k].lo);
        if (k + 1 < b->nbands)
            sc_format_number(hi, sizeof hi, b->bands[k + 1].lo);
        if (k == 0 && b->nbands > 1)
            sc_out_printf(s, "%s %s", c->w->below, hi);
        else if (k + 1 < b->nbands)
            sc_out_printf(s, "%s %s %s", lo, c->w->upto, hi);
        else
            sc_out_printf(s, "%s %s", lo, c->w->or_more);
    }
}

/* The comments above one item's key, after a blank line unless the key opens a nested block. */
static void item_comments(template_ctx *c, uint32_t index, unsigned indent, bool blank)
{
    const sc_item *it = &c->r->items[index];
    const template_words *w = c->w;
    bool peildatum = strcmp(it->id, "school.peildatum") == 0;
    if (blank)
        sc_out_putc(c->o, '\n');
    comment(c, indent, NULL, it->text);
    if (it->note)
        comment(c, indent, w->note, it->note);
    if (it->help)
        comment(c, indent, w->help, it->help);
    else if (peildatum)
        comment(c, indent, w->help, w->peildatum_help);
    sc_out *s = scratch(c);
    write_allowed(c, s, it);
    if (it->required || peildatum)
        sc_out_printf(s, "; %s", w->required);
    comment(c, indent, w->answer, scratch_text(c));
    if (it->type.bands != SC_NONE && (it->type.kind == SC_TYPE_NUMBER || it->type.kind == SC_TYPE_PERCENT)) {
        write_bands(c, scratch(c), it->type.bands);
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
    /* school items are not grouped by what they belong to, so say it here */
    if (strncmp(it->id, "school.", 7) == 0) {
        s = scratch(c);
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
        write_wrapped(c->o, "# ", k ? "#   " : "# ", w->how[k], TEMPLATE_WIDTH);
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
        const char *a = argv[i], *v = NULL;
        if (strncmp(a, "--rules=", 8) == 0)
            rules_path = a + 8;
        else if (strcmp(a, "--rules") == 0 && i + 1 < argc)
            rules_path = argv[++i];
        else if (strncmp(a, "--lang=", 7) == 0)
            v = a + 7;
        else if (strcmp(a, "--lang") == 0 && i + 1 < argc)
            v = argv[++i];
        else if (a[0] == '-' && a[1])
            return sc_cli_usage_error("template", "unknown option '%s' (or it needs a value)", a);
        else
            return sc_cli_usage_error("template", "template takes no file names; write it to a file with "
                                                  "'sopcheck template > %s'", a);
        if (v && strcmp(v, "nl") == 0)
            lang = SC_LANG_NL;
        else if (v && strcmp(v, "en") == 0)
            lang = SC_LANG_EN;
        else if (v)
            return sc_cli_usage_error("template", "--lang takes nl or en, not '%s'", v);
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
    template_ctx c = {.r = rules, .lang = lang, .w = lang == SC_LANG_EN ? &words_en : &words_nl, .o = &out};
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
