/* report/sarif.c — SARIF 2.1.0 for code scanning (--format sarif): one run, a rule per judged item, a result per finding; streamed. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* The rules are known at begin, so runs[0].tool is written there; results follow profile by
 * profile and the log is closed at end. Rules: every judged item of the primary version in
 * declaration order, then those only later versions have (with several versions in force, a
 * profile is judged by the one valid on its peildatum), then sopcheck/invalid-profile,
 * sopcheck/profile-warning and sopcheck/missing-required. An item judged in several versions is one
 * rule, described as its first version says; each result's message gives the norm it was judged by. */

#define NL(w) ((w)->opts.lang == SC_LANG_NL)

/* The rules sopcheck adds after the items' own, in this order of ruleIndex. */
enum { EXTRA_INVALID, EXTRA_WARNING, EXTRA_MISSING, EXTRA_RULES };
static const struct extra_rule {
    const char *id, *name, *level;
    const char *short_nl, *short_en;
    const char *help_nl, *help_en; /* NULL: no help */
} extra_rules[EXTRA_RULES] = {
    {"sopcheck/invalid-profile", "InvalidProfile", "error", "Het profiel kon niet worden gelezen of is ongeldig.",
     "The profile could not be read or is invalid.",
     "Een ongeldig profiel wordt niet beoordeeld: herstel de fout op de genoemde regel en kolom "
     "(YAML, onbekende sleutel, verkeerd type of bereik, een peildatum die geen datum is).",
     "An invalid profile is not checked: fix the error at the line and column given (YAML, unknown "
     "key, wrong type or range, a peildatum that is no date)."},
    {"sopcheck/profile-warning", "ProfileWarning", "warning", "Een waarschuwing bij het lezen van het profiel.",
     "A warning about the profile.", NULL, NULL},
    {"sopcheck/missing-required", "MissingRequired", "warning", "Een verplicht antwoord ontbreekt.",
     "A required answer is missing.",
     "Zonder dit antwoord kan het profiel niet volledig worden beoordeeld: het is onvolledig. Vul "
     "het in op de genoemde regel (bijvoorbeeld de peildatum onder 'school:').",
     "Without this answer the profile cannot be fully judged: it is incomplete. Fill it in at the "
     "line given (for example the peildatum under 'school:')."},
};
#define RULE_INVALID (extra_rules[EXTRA_INVALID].id)
#define RULE_WARNING (extra_rules[EXTRA_WARNING].id)
#define RULE_MISSING (extra_rules[EXTRA_MISSING].id)


/* A JSON string (with quotes) from user text; bytes that are not UTF-8 become U+FFFD. */
static void str(sc_out *o, const char *s)
{
    sc_out_putc(o, '"');
    sc_write_json_string(o, s ? s : "");
    sc_out_putc(o, '"');
}

/* {"text": ...} from a memory buffer, which is then emptied. */
static void message(sc_out *o, sc_out *b)
{
    sc_out_puts(o, "{\"text\":");
    str(o, b->buf && !b->failed ? b->buf : "");
    sc_out_putc(o, '}');
    if (b->failed)
        o->failed = true;
    b->len = 0;
    if (b->buf)
        b->buf[0] = '\0';
}

/* The profile path as a URI reference: relative as given (no leading "./"), absolute paths as
 * file:// URIs, every byte outside [A-Za-z0-9-._~/] percent-encoded (':' too, so that a first
 * segment never reads as a scheme; '\' is a file name character here, not a separator). */
static void uri(sc_out *o, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    const char *p = path;
    while (p[0] == '.' && p[1] == '/') {
        p += 2;
        while (*p == '/')
            p++;
    }
    sc_out_putc(o, '"');
    if (*p == '/')
        sc_out_puts(o, "file://");
    for (; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~' || c == '/')
            sc_out_putc(o, (char)c);
        else {
            char e[4] = {'%', hex[c >> 4], hex[c & 15], 0};
            sc_out_puts(o, e);
        }
    }
    sc_out_putc(o, '"');
}

static bool is_rule(const sc_item *it)
{
    return it->role == SC_ROLE_ITEM && (it->norm || it->ambition);
}

/* The run's rule list across the versions: per version, per item, its ruleIndex (SC_NONE for an
 * item that is no rule). Built at begin; the writer's own (w->priv). */
typedef struct rule_map {
    const sc_rules *const *versions;
    size_t nversions;
    uint32_t **of;       /* of[v][i] */
    uint32_t nrules;     /* item rules; sopcheck's own follow */
} rule_map;

static void rule_map_drop(rule_map *m)
{
    if (!m)
        return;
    for (size_t v = 0; m->of && v < m->nversions; v++)
        free(m->of[v]);
    free(m->of);
    free(m);
}

static void rule_map_free(sc_writer *w)
{
    rule_map_drop(w->priv);
    w->priv = NULL;
}

/* NULL when out of memory. */
static rule_map *rule_map_build(const sc_rules *const *versions, size_t nversions)
{
    rule_map *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->versions = versions;
    m->nversions = nversions;
    m->of = calloc(nversions ? nversions : 1, sizeof *m->of);
    if (!m->of) {
        rule_map_drop(m);
        return NULL;
    }
    for (size_t v = 0; v < nversions; v++) {
        const sc_rules *r = versions[v];
        m->of[v] = malloc((r->nitems ? r->nitems : 1) * sizeof **m->of);
        if (!m->of[v]) {
            rule_map_drop(m);
            return NULL;
        }
        for (uint32_t i = 0; i < r->nitems; i++) {
            uint32_t at = SC_NONE;
            if (is_rule(&r->items[i])) {
                /* the same item judged by an earlier version is the same rule */
                for (size_t u = 0; u < v && at == SC_NONE; u++) {
                    uint32_t j = sc_rules_find_item(versions[u], r->items[i].id, strlen(r->items[i].id));
                    if (j != SC_NONE)
                        at = m->of[u][j];
                }
                if (at == SC_NONE)
                    at = m->nrules++;
            }
            m->of[v][i] = at;
        }
    }
    return m;
}

/* The ruleIndex of item i of the version r, or SC_NONE. */
static uint32_t rule_map_index(const rule_map *m, const sc_rules *r, uint32_t i)
{
    for (size_t v = 0; m && v < m->nversions; v++)
        if (m->versions[v] == r)
            return m->of[v][i];
    return SC_NONE;
}

/* A non-localised rule name from an item id: "aanbod.dyscalculie" -> "AanbodDyscalculie". */
static void rule_name(sc_out *o, const char *id)
{
    bool up = true;
    sc_out_putc(o, '"');
    for (const char *p = id; *p; p++) {
        char c = *p;
        if (c == '.' || c == '_' || c == '-' || c == ' ') {
            up = true;
            continue;
        }
        if (up && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        up = false;
        if ((unsigned char)c >= 0x20 && c != '"' && c != '\\')
            sc_out_putc(o, c);
    }
    sc_out_putc(o, '"');
}

static void rule(sc_writer *w, sc_out *b, const sc_rules *r, uint32_t i)
{
    sc_out *o = w->out;
    const sc_item *it = &r->items[i];
    bool nl = NL(w);
    const sc_agreement *ag = it->agreement != SC_NONE ? &r->agreements[it->agreement] : NULL;
    const sc_promise *pr = it->promise != SC_NONE ? &r->promises[it->promise] : NULL;
    sc_out_puts(o, "{\"id\":");
    str(o, it->id);
    sc_out_puts(o, ",\"name\":");
    rule_name(o, it->id);
    sc_out_puts(o, ",\"shortDescription\":{\"text\":");
    str(o, it->text ? it->text : it->id);
    sc_out_puts(o, "},\"fullDescription\":");
    sc_out_puts(b, it->text ? it->text : it->id);
    if (it->note) {
        sc_out_puts(b, " ");
        sc_out_puts(b, it->note);
    }
    if (ag) {
        sc_out_printf(b, nl ? " (afspraak %s" : " (agreement %s", ag->id);
        if (ag->title)
            sc_out_printf(b, ": %s", ag->title);
        sc_out_putc(b, ')');
    } else if (pr)
        sc_out_printf(b, nl ? " (belofte %s)" : " (promise %s)", pr->id);
    message(o, b);
    sc_out_puts(o, ",\"help\":");
    if (it->norm) {
        sc_out_puts(b, "Norm: ");
        sc_out_puts(b, sc_writer_words(w, r, it->norm, i));
        sc_out_puts(b, ".");
    } else
        sc_out_puts(b, nl ? "Geen norm." : "No norm.");
    if (it->ambition) {
        sc_out_puts(b, nl ? " Ambitie: " : " Ambition: ");
        sc_out_puts(b, sc_writer_words(w, r, it->ambition, i));
        sc_out_puts(b, ".");
    }
    if (it->when) {
        sc_out_puts(b, nl ? " Geldt als: " : " Applies when: ");
        sc_out_puts(b, sc_writer_words(w, r, it->when, SC_NONE));
        sc_out_puts(b, ".");
    }
    sc_out_puts(b, nl ? " Bron: " : " Source: ");
    sc_out_puts(b, it->source ? it->source : "-");
    sc_out_puts(b, " (");
    sc_out_puts(b, r->files[it->pos.file].ruleset ? r->files[it->pos.file].ruleset : "");
    if (r->files[it->pos.file].version)
        sc_out_printf(b, " %s", r->files[it->pos.file].version);
    sc_out_printf(b, ", %s:%u).", r->files[it->pos.file].path, it->pos.line);
    if (it->help) {
        sc_out_putc(b, ' ');
        sc_out_puts(b, it->help);
    }
    message(o, b);
    sc_out_printf(o, ",\"defaultConfiguration\":{\"level\":\"%s\"}", it->norm ? "error" : "note");
    sc_out_puts(o, ",\"properties\":{\"agreement\":");
    if (ag)
        str(o, ag->id);
    else
        sc_out_puts(o, "null");
    if (pr) {
        sc_out_puts(o, ",\"promise\":");
        str(o, pr->id);
    }
    sc_out_puts(o, ",\"tags\":[\"basisondersteuning\"");
    if (ag || pr) {
        sc_out_putc(o, ',');
        str(o, ag ? ag->id : pr->id);
    }
    sc_out_puts(o, "]}}");
}

static void sarif_begin(sc_writer *w, const sc_rules *const *versions, size_t nversions)
{
    const sc_rules *r = sc_writer_start(w, versions, nversions);
    sc_out *o = w->out;
    bool nl = NL(w);
    sc_out b;
    sc_out_init_mem(&b);
    rule_map *map = rule_map_build(versions, nversions);
    if (!map)
        o->failed = true; /* out of memory: the report would be wrong, so it is not written whole */
    w->priv = map;
    w->free_priv = rule_map_free;
    sc_out_puts(o, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{"
                   "\"tool\":{\"driver\":{\"name\":\"sopcheck\",\"version\":");
    str(o, w->opts.tool_version ? w->opts.tool_version : "0");
    sc_out_puts(o, ",\"rules\":[\n");
    /* each rule once, in ruleIndex order: its first version describes it, in that version's words */
    uint32_t n = 0;
    for (size_t v = 0; map && v < nversions; v++)
        for (uint32_t i = 0; i < versions[v]->nitems; i++)
            if (map->of[v][i] == n) {
                if (n++)
                    sc_out_puts(o, ",\n");
                rule(w, &b, versions[v], i);
            }
    if (n)
        sc_out_puts(o, ",\n");
    for (int k = 0; k < EXTRA_RULES; k++) {
        const struct extra_rule *x = &extra_rules[k];
        sc_out_printf(o, "{\"id\":\"%s\",\"name\":\"%s\",\"shortDescription\":", x->id, x->name);
        sc_out_puts(&b, nl ? x->short_nl : x->short_en);
        message(o, &b);
        if (x->help_nl) {
            sc_out_puts(o, ",\"help\":");
            sc_out_puts(&b, nl ? x->help_nl : x->help_en);
            message(o, &b);
        }
        sc_out_printf(o, ",\"defaultConfiguration\":{\"level\":\"%s\"}}%s\n", x->level, k + 1 < EXTRA_RULES ? "," : "");
    }
    sc_out_puts(o, "]}},\"columnKind\":\"unicodeCodePoints\"");
    if (r) {
        sc_out_puts(o, ",\"properties\":{\"ruleset\":");
        str(o, r->name);
        sc_out_puts(o, ",\"rulesetVersion\":");
        str(o, r->version);
        sc_out_putc(o, '}');
    }
    sc_out_puts(o, ",\"results\":[\n");
    sc_out_free(&b);
}


typedef struct result_ctx {
    sc_writer *w;
    const sc_result *res;
    sc_out *b;
    const char *path;
    const char *school, *brin;
} result_ctx;

/* One result: ruleId, ruleIndex, level, message (taken from c->b), location and properties. */
/* Where a finding on item i points: its answer; for an answer the profile does not give at all, the
 * key of its section ('school:' or 'antwoorden:'), else the first line, since code scanning wants
 * a line for every result. */
static void anchor(const sc_result *res, uint32_t i, uint32_t *line, uint32_t *col)
{
    const sc_profile *p = res->profile;
    const sc_value *v = &p->answers[i];
    bool school = strncmp(res->rules->items[i].id, "school.", 7) == 0;
    *line = v->line ? v->line : school ? p->school_line : p->answers_line;
    *col = v->line ? v->col : school ? p->school_col : p->answers_col;
    if (*line == 0) {
        *line = 1;
        *col = 1;
    }
}

static void result(result_ctx *c, const char *rule_id, uint32_t rule_index, const char *level, uint32_t line,
                   uint32_t col, const char *item_status)
{
    sc_out *o = c->w->out;
    if (sc_writer_next(c->w)) /* the separator parts results, not profiles */
        sc_out_puts(o, c->w->sep);
    sc_out_puts(o, "{\"ruleId\":");
    str(o, rule_id);
    sc_out_printf(o, ",\"ruleIndex\":%u,\"level\":\"%s\",\"message\":", rule_index, level);
    message(o, c->b);
    if (strcmp(c->path, "-") != 0) {
        sc_out_puts(o, ",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
        uri(o, c->path);
        sc_out_putc(o, '}');
        if (line >= 1) {
            sc_out_printf(o, ",\"region\":{\"startLine\":%u", line);
            if (col >= 1)
                sc_out_printf(o, ",\"startColumn\":%u", col);
            sc_out_putc(o, '}');
        }
        sc_out_puts(o, "}}]");
    }
    sc_out_puts(o, ",\"properties\":{\"profile\":");
    str(o, c->path);
    sc_out_puts(o, ",\"school\":");
    if (c->school)
        str(o, c->school);
    else
        sc_out_puts(o, "null");
    sc_out_puts(o, ",\"brin\":");
    if (c->brin)
        str(o, c->brin);
    else
        sc_out_puts(o, "null");
    sc_out_printf(o, ",\"profileStatus\":\"%s\"", sc_profile_status_id(c->res->status));
    if (item_status)
        sc_out_printf(o, ",\"itemStatus\":\"%s\"", item_status);
    sc_out_puts(o, "}}");
}

/* " (source). School: naam (brin)" after a finding. */
static void school_suffix(result_ctx *c, const sc_item *it)
{
    if (it->source)
        sc_out_printf(c->b, " (%s)", it->source);
    sc_out_putc(c->b, '.');
    if (c->school || c->brin) {
        sc_out_puts(c->b, " School: ");
        sc_out_puts(c->b, c->school ? c->school : c->brin);
        if (c->school && c->brin)
            sc_out_printf(c->b, " (%s)", c->brin);
    }
}

static void sarif_profile(sc_writer *w, const sc_result *res)
{
    const sc_rules *r = res->rules;
    bool nl = NL(w);
    sc_out b;
    sc_out_init_mem(&b);
    result_ctx c = {.w = w,
                    .res = res,
                    .b = &b,
                    .path = res->profile && res->profile->path ? res->profile->path : "-",
                    .school = res->school.naam,
                    .brin = res->school.brin};
    const rule_map *map = w->priv;
    uint32_t nrules = map ? map->nrules : 0;

    if (res->status == SC_PROFILE_INVALID || !res->items || !r) {
        for (uint32_t k = 0; k < res->nerrors; k++) {
            const sc_profile_error *e = &res->errors[k];
            bool err = e->severity == SC_SEV_ERROR;
            sc_out_puts(&b, e->message ? e->message : "");
            if (e->hint)
                sc_out_printf(&b, " (%s)", e->hint);
            if (k + 1 == res->nerrors && res->nsuppressed)
                sc_out_printf(&b, nl ? " (nog %u fouten niet getoond)" : " (%u more errors not shown)", res->nsuppressed);
            result(&c, err ? RULE_INVALID : RULE_WARNING, err ? nrules + EXTRA_INVALID : nrules + EXTRA_WARNING,
                   err ? "error" : e->severity == SC_SEV_WARNING ? "warning" : "note", e->line, e->col, NULL);
        }
        sc_out_free(&b);
        return;
    }

    for (uint32_t k = 0; k < res->nerrors; k++) {
        const sc_profile_error *e = &res->errors[k];
        sc_out_puts(&b, e->message ? e->message : "");
        if (e->hint)
            sc_out_printf(&b, " (%s)", e->hint);
        result(&c, RULE_WARNING, nrules + EXTRA_WARNING, e->severity == SC_SEV_NOTE ? "note" : "warning", e->line, e->col, NULL);
    }
    for (uint32_t i = 0; i < r->nitems; i++) {
        const sc_item *it = &r->items[i];
        uint32_t index = rule_map_index(map, r, i);
        if (!is_rule(it) || index == SC_NONE)
            continue;
        const sc_item_result *ir = &res->items[i];
        if (ir->status == SC_ITEM_NOT_MET || ir->status == SC_ITEM_UNANSWERED) {
            bool not_met = ir->status == SC_ITEM_NOT_MET;
            sc_out_printf(&b, "%s: ", it->id);
            if (not_met)
                sc_out_puts(&b, nl ? "niet gehaald" : "not met");
            else if (!sc_report_blocked(&b, res, i, nl ? SC_LANG_NL : SC_LANG_EN))
                sc_out_puts(&b, nl ? "niet ingevuld" : "not answered");
            sc_out_puts(&b, nl ? " — antwoord: " : " — answer: ");
            sc_report_value(&b, res, i, nl ? SC_LANG_NL : SC_LANG_EN);
            sc_out_puts(&b, "; norm: ");
            sc_out_puts(&b, sc_writer_words(w, r, it->norm, i));
            school_suffix(&c, it);
            uint32_t line, col;
            anchor(res, i, &line, &col);
            result(&c, it->id, index, not_met ? "error" : "warning", line, col, sc_item_status_id(ir->status));
        }
        if (w->opts.ambitions && ir->ambition == SC_AMBITION_OPEN && it->ambition) {
            sc_out_printf(&b, "%s: %s", it->id, nl ? "ambitie nog niet gehaald" : "ambition not reached yet");
            sc_out_puts(&b, nl ? " — antwoord: " : " — answer: ");
            sc_report_value(&b, res, i, nl ? SC_LANG_NL : SC_LANG_EN);
            sc_out_puts(&b, nl ? "; ambitie: " : "; ambition: ");
            sc_out_puts(&b, sc_writer_words(w, r, it->ambition, i));
            school_suffix(&c, it);
            uint32_t line, col;
            anchor(res, i, &line, &col);
            result(&c, it->id, index, "note", line, col, "ambition_open");
        }
    }
    for (uint32_t k = 0; k < res->profile->nmissing; k++) {
        const sc_missing *m = &res->profile->missing[k];
        const sc_item *it = &r->items[m->item];
        sc_out_printf(&b, nl ? "%s: niet ingevuld (verplicht) — " : "%s: not answered (required) — ", it->id);
        sc_out_puts(&b, it->text ? it->text : it->id);
        school_suffix(&c, it);
        result(&c, RULE_MISSING, nrules + EXTRA_MISSING, "warning", m->line, m->col, sc_item_status_id(SC_ITEM_UNANSWERED));
    }
    sc_out_free(&b);
}

static void sarif_end(sc_writer *w, const sc_accum *acc)
{
    const sc_summary *s = &acc->summary;
    sc_out_printf(w->out,
                  "\n],\"invocations\":[{\"executionSuccessful\":true,\"properties\":{\"profiles\":%u,\"compliant\":%u,"
                  "\"not_compliant\":%u,\"incomplete\":%u,\"invalid\":%u}}]}]}\n",
                  s->profiles, s->compliant, s->not_compliant, s->incomplete, s->invalid);
}

void sc_writer_sarif_init(sc_writer *w)
{
    w->begin = sarif_begin;
    w->profile = sarif_profile;
    w->end = sarif_end;
    w->sep = ",\n"; /* between results */
}
