/* cli/cmd_test.c — `sopcheck test`: runs rule tests (a profile and its expected outcome, *.test.yaml) and reports every difference. */
/*
 * A test file:
 *
 *   test: "Faalt alleen afspraak 5"          title (optional)
 *   profiel: ../profiles/faalt-a05.yaml      the profile, a path relative to the test file's directory
 *   verwacht:                                what the rules must make of it; only `status` is required
 *     status: not_compliant                  compliant | not_compliant | incomplete | invalid
 *     afspraken_niet_gehaald: [A5]           the exact set of agreements that are not met
 *     beloftes_niet_gehaald: [P1]            the exact set of promises that are not met
 *     afspraken: {A5: not_met}               met | not_met | incomplete
 *     beloftes: {P1: not_met}                met | not_met | incomplete
 *     items: {veiligheid.beleid: not_met}    met | not_met | unanswered | not_applicable
 *     categorieen: {hgw.evalueren: ontwikkeld}   a band of the item's bands
 *     ambities: {aanbod.rekenproblemen: open}    reached | open
 *     fouten: ["12:5", "14:3"]               line:col of every profile error, exactly and in order
 *
 * Instead of `profiel:` a test may hold the profile itself, as text in a YAML block scalar:
 *
 *   profiel_inline: |
 *     profiel: 1
 *     school: ...
 *
 * The profile loader takes text and reports positions in that text, so an inline profile is text
 * rather than a nested mapping (re-serialising a mapping would lose every position). Its positions
 * (in `fouten`, in differences and in error listings) count within the block: line 1 is the
 * block's first line, column 1 its indentation; the profile is then named FILE[profiel_inline].
 *
 * Every mistake in a test file is an error at its line:col and fails that test. Coverage counts
 * the results of every test whose profile was evaluated, passing or not.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/num.h"
#include "base/text.h"
#include "cli.h"
#include "dsl/describe.h"
#include "engine/check.h"
#include "engine/yaml.h"
#include "inputs.h"

#define TC_MAX_BYTES SC_YAML_DEFAULT_MAX_BYTES /* for a test file and for the profile it names */
#define TC_MAX_SHOWN_ERRORS 20u                /* profile errors listed under a failing test */

static const char TC_SUFFIX[] = ".test.yaml";

/* The words of the test format; the status tables are indexed by the engine's enums. */
static const char *const tc_profile_words[] = {"compliant", "not_compliant", "incomplete", "invalid"};
static const char *const tc_group_words[] = {"met", "not_met", "incomplete"};
static const char *const tc_item_words[] = {"met", "not_met", "unanswered", "not_applicable"};
static const char *const tc_ambition_words[] = {"reached", "open"};
static const char *const tc_top_keys[] = {"test", "profiel", "profiel_inline", "verwacht"};
static const char *const tc_expect_keys[] = {"status",   "afspraken_niet_gehaald", "beloftes_niet_gehaald",
                                             "afspraken", "beloftes",              "items",
                                             "categorieen", "ambities",            "fouten"};
#define TC_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Text of the report in the reader's language (keys, ids and status words stay as written). */
typedef struct tc_words {
    const char *expected, *got;
    const char *profile_line, *inline_line;
    const char *invalid_nothing;   /* the got-part when the profile could not be evaluated */
    const char *not_compared;
    const char *not_met_by;
    const char *profile_errors, *more_errors, *suppressed;
    const char *cov_title, *cov_norms, *cov_ambitions, *cov_bands, *cov_total, *cov_outcomes;
    const char *never, *none_missing, *of, *profiles_evaluated;
} tc_words;

static const tc_words tc_words_en = {
    "expected", "got", "profile line", "inline profile line", "nothing (the profile is invalid)",
    "the other expectations were not compared: the profile is invalid", "is not met because of",
    "the profile's errors:", "more errors", "further errors were not kept",
    "coverage", "norms not seen both met and not met", "ambitions not seen both reached and open",
    "band categories no banded item fell in", "coverage", "outcomes seen", "never", "none", "of",
    "profiles evaluated",
};

static const tc_words tc_words_nl = {
    "verwacht", "gekregen", "profielregel", "regel van het inline profiel", "niets (het profiel is ongeldig)",
    "de andere verwachtingen zijn niet vergeleken: het profiel is ongeldig", "wordt niet gehaald door",
    "de fouten in het profiel:", "fouten meer", "verdere fouten zijn niet bewaard",
    "dekking", "normen die niet zowel gehaald als niet gehaald zijn gezien",
    "ambities die niet zowel bereikt als open zijn gezien", "categorieën waar geen item in viel", "dekking",
    "uitkomsten gezien", "nooit", "geen", "van", "profielen geëvalueerd",
};

/* Coverage bits per item. */
enum { TC_SEEN_MET = 1, TC_SEEN_NOT_MET = 2, TC_SEEN_REACHED = 4, TC_SEEN_OPEN = 8 };

/* One run over all the tests named on the command line. */
typedef struct tc_run {
    const sc_rules *rules;          /* the version judging the current test */
    const sc_rules *const *versions; /* every --rules; a test is judged by the one in force on its peildatum */
    size_t nversions;
    const tc_words *w;
    sc_lang lang;                   /* --lang: the report's words and the profiles' messages */
    sc_term out, err;
    bool coverage;
    uint8_t *item_seen;    /* per item, TC_SEEN_* bits */
    uint32_t *band_first;  /* per bandset, the index of its first band in band_seen */
    bool *band_seen;
    unsigned evaluated;    /* tests whose profile was evaluated */
    unsigned passed, failed;
} tc_run;

/* An expectation about one agreement, promise or item. */
typedef struct tc_pair {
    const sc_node *key;
    uint32_t index;  /* agreement, promise or item */
    uint32_t want;   /* status (engine enum), band index, or ambition status */
} tc_pair;

typedef struct tc_pairs {
    tc_pair *v;
    uint32_t n;
} tc_pairs;

typedef struct tc_pos {
    uint32_t line, col;
} tc_pos;

/* The `verwacht:` of a test, checked against the rules. */
typedef struct tc_expect {
    int status;                    /* sc_profile_status, -1 when missing */
    bool *agreements_not_met;      /* exact sets; NULL when not given */
    bool *promises_not_met;
    tc_pairs agreements, promises, items, categories, ambitions;
    bool has_errors;
    uint32_t nerrors;
    tc_pos *errors;
} tc_expect;

/* One test file while it runs. */
typedef struct tc_file {
    tc_run *run;
    sc_arena *arena;
    const char *path;
    const char *text;
    size_t len;
    const char *title;
    bool inline_profile;
    bool failed;  /* its FAIL line is out */
    sc_diag_sink sink;
} tc_file;

typedef enum tc_kind { TC_AGREEMENT, TC_PROMISE, TC_ITEM } tc_kind;
typedef enum tc_section { TC_SEC_AGREEMENTS, TC_SEC_PROMISES, TC_SEC_ITEMS, TC_SEC_CATEGORIES, TC_SEC_AMBITIONS } tc_section;

/* ---- output ---------------------------------------------------------------------------------- */

static void tc_status_line(tc_file *f, bool pass)
{
    FILE *fp = f->run->out.fp;
    bool color = f->run->out.color;
    if (color)
        fputs(pass ? "\033[32m" : "\033[1;31m", fp);
    fputs(pass ? "PASS" : "FAIL", fp);
    if (color)
        fputs("\033[0m", fp);
    fputc(' ', fp);
    sc_term_safe(fp, f->path, strlen(f->path));
    if (f->title) {
        fputs("  ", fp);
        sc_term_safe(fp, f->title, strlen(f->title));
    }
    fputc('\n', fp);
}

/* The FAIL line goes out once, before the first difference or error of a test. */
static void tc_fail(tc_file *f)
{
    if (f->failed)
        return;
    f->failed = true;
    tc_status_line(f, false);
}

static void tc_diag_fn(void *ctx, const sc_diag *d)
{
    tc_file *f = ctx;
    tc_fail(f);
    fflush(f->run->out.fp);
    sc_term_diag(&f->run->err, d);
    fflush(f->run->err.fp);
}

static void tc_error(tc_file *f, const sc_node *at, const char *hint, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* An error in the test file itself, at a node (NULL: the whole file). */
static void tc_error(tc_file *f, const sc_node *at, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sc_diag_vreport(&f->sink, SC_SEV_ERROR, f->path, f->text, f->len, at ? at->line : 0, at ? at->col : 0, hint, fmt,
                    ap);
    va_end(ap);
}

static void tc_oom(tc_file *f)
{
    tc_error(f, NULL, NULL, "out of memory while running the test");
}

/* "  what: expected X, got Y (profile line N)" */
static void tc_diff(tc_file *f, const char *what, const char *what2, const char *want, const char *got, uint32_t line)
{
    tc_fail(f);
    const tc_words *w = f->run->w;
    FILE *fp = f->run->out.fp;
    fprintf(fp, "  %s%s%s: %s %s, %s %s", what, what2 ? "." : "", what2 ? what2 : "", w->expected, want, w->got, got);
    if (line)
        fprintf(fp, " (%s %u)", f->inline_profile ? w->inline_line : w->profile_line, line);
    fputc('\n', fp);
}

/* ---- looking things up, with a "did you mean" ------------------------------------------------ */

typedef struct tc_best {
    const char *word;
    const char *best;
    unsigned dist, cap;
} tc_best;

static void tc_best_init(tc_best *b, const char *word)
{
    size_t n = strlen(word);
    b->word = word;
    b->best = NULL;
    b->cap = n <= 4 ? 1 : n <= 8 ? 2 : 3;
    b->dist = b->cap + 1;
}

static void tc_consider(tc_best *b, const char *candidate)
{
    unsigned d = sc_edit_distance(b->word, candidate, b->cap);
    if (d < b->dist) {
        b->dist = d;
        b->best = candidate;
    }
}

/* "; did you mean 'x'?" or "" */
static const char *tc_did_you_mean(tc_file *f, const tc_best *b)
{
    if (!b->best)
        return "";
    const char *s = sc_arena_printf(f->arena, "; did you mean '%s'?", b->best);
    return s ? s : "";
}

/* "one of: a, b, c" */
static const char *tc_one_of(tc_file *f, const char *const *words, size_t n)
{
    char buf[512];
    size_t at = (size_t)snprintf(buf, sizeof buf, "one of: ");
    for (size_t i = 0; i < n && at < sizeof buf; i++)
        at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%s", i ? ", " : "", words[i]);
    return sc_arena_strdup(f->arena, buf);
}

/* The index of a word in a table, or -1 after reporting the unknown word (`what`, of item `of` when set). */
static int tc_parse_word(tc_file *f, const sc_node *v, const char *const *words, size_t n, const char *what,
                         const char *of)
{
    const char *of_text = of ? sc_arena_printf(f->arena, " for '%s'", of) : "";
    if (!of_text)
        of_text = "";
    if (v->kind != SC_NODE_SCALAR || sc_node_is_null(v)) {
        tc_error(f, v, tc_one_of(f, words, n), "expected a %s%s here", what, of_text);
        return -1;
    }
    tc_best b;
    tc_best_init(&b, v->str);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(v->str, words[i]) == 0)
            return (int)i;
        tc_consider(&b, words[i]);
    }
    tc_error(f, v, tc_one_of(f, words, n), "unknown %s '%.80s'%s%s", what, v->str, of_text, tc_did_you_mean(f, &b));
    return -1;
}

static const char *tc_kind_name(tc_kind k)
{
    return k == TC_AGREEMENT ? "agreement" : k == TC_PROMISE ? "promise" : "item";
}

/* An agreement, promise or item by id; SC_NONE after reporting an unknown id. */
static uint32_t tc_lookup(tc_file *f, const sc_node *n, tc_kind kind)
{
    const sc_rules *r = f->run->rules;
    if (n->kind != SC_NODE_SCALAR || sc_node_is_null(n)) {
        tc_error(f, n, NULL, "expected an %s id here", tc_kind_name(kind));
        return SC_NONE;
    }
    uint32_t idx = kind == TC_AGREEMENT ? sc_rules_find_agreement(r, n->str)
                 : kind == TC_PROMISE   ? sc_rules_find_promise(r, n->str)
                                        : sc_rules_find_item(r, n->str, n->len);
    if (idx != SC_NONE)
        return idx;
    tc_best b;
    tc_best_init(&b, n->str);
    uint32_t count = kind == TC_AGREEMENT ? r->nagreements : kind == TC_PROMISE ? r->npromises : r->nitems;
    for (uint32_t i = 0; i < count; i++)
        tc_consider(&b, kind == TC_AGREEMENT ? r->agreements[i].id
                        : kind == TC_PROMISE ? r->promises[i].id
                                             : r->items[i].id);
    const char *hint = NULL;
    if (kind == TC_AGREEMENT && r->nagreements)
        hint = sc_arena_printf(f->arena, "the agreements of '%s' are %s to %s", r->name, r->agreements[0].id,
                               r->agreements[r->nagreements - 1].id);
    else if (kind == TC_PROMISE && r->npromises)
        hint = sc_arena_printf(f->arena, "the promises of '%s' are %s to %s", r->name, r->promises[0].id,
                               r->promises[r->npromises - 1].id);
    else if (kind == TC_ITEM)
        hint = "write an item id as in the rules, dotted and in full, e.g. 'aanbod.dyscalculie'";
    tc_error(f, n, hint, "unknown %s '%.80s'%s", tc_kind_name(kind), n->str, tc_did_you_mean(f, &b));
    return SC_NONE;
}

/* ---- reading the expectations ---------------------------------------------------------------- */

/* An exact set of agreement or promise ids: a list. */
static bool *tc_parse_set(tc_file *f, const sc_node *key, const sc_node *v, tc_kind kind)
{
    const sc_rules *r = f->run->rules;
    if (v->kind != SC_NODE_SEQ) {
        tc_error(f, v, "write a list of ids, e.g. [A5, A6], or [] for none", "'%s' must be a list of %s ids", key->str,
                 tc_kind_name(kind));
        return NULL;
    }
    uint32_t n = kind == TC_AGREEMENT ? r->nagreements : r->npromises;
    bool *set = sc_arena_zalloc(f->arena, n ? n : 1);
    if (!set) {
        tc_oom(f);
        return NULL;
    }
    for (uint32_t i = 0; i < v->n; i++) {
        uint32_t idx = tc_lookup(f, v->values[i], kind);
        if (idx == SC_NONE)
            continue;
        if (set[idx])
            tc_error(f, v->values[i], "name each id once", "'%s' is listed twice in '%s'", v->values[i]->str, key->str);
        set[idx] = true;
    }
    return set;
}

/* A band of an item's bandset by name, or -1 after reporting it. */
static int tc_parse_band(tc_file *f, const sc_item *it, const sc_node *v)
{
    const sc_bandset *bs = &f->run->rules->bandsets[it->type.bands];
    const char *names[SC_MAX_BANDS];
    size_t n = bs->nbands < SC_MAX_BANDS ? bs->nbands : SC_MAX_BANDS;
    for (size_t i = 0; i < n; i++)
        names[i] = bs->bands[i].name;
    return tc_parse_word(f, v, names, n, "category", it->id);
}

static void tc_parse_pairs(tc_file *f, const sc_node *key, const sc_node *map, tc_section sec, tc_pairs *out)
{
    const sc_rules *r = f->run->rules;
    static const char *const examples[] = {"A5: not_met", "P1: not_met", "veiligheid.beleid: met",
                                           "hgw.onderwijsbehoeften: ontwikkeld", "aanbod.rekenproblemen: reached"};
    if (map->kind != SC_NODE_MAP) {
        const char *hint = sc_arena_printf(f->arena, "write one '%s' per line, indented under '%s:'", examples[sec],
                                           key->str);
        tc_error(f, map, hint, "'%s' must be a mapping of ids to what is expected", key->str);
        return;
    }
    out->v = sc_arena_alloc(f->arena, (map->n ? map->n : 1) * sizeof *out->v);
    if (!out->v) {
        tc_oom(f);
        return;
    }
    tc_kind kind = sec == TC_SEC_AGREEMENTS ? TC_AGREEMENT : sec == TC_SEC_PROMISES ? TC_PROMISE : TC_ITEM;
    for (uint32_t i = 0; i < map->n; i++) {
        const sc_node *k = map->keys[i], *v = map->values[i];
        uint32_t idx = tc_lookup(f, k, kind);
        if (idx == SC_NONE)
            continue;
        int want = -1;
        switch (sec) {
        case TC_SEC_AGREEMENTS:
        case TC_SEC_PROMISES:
            want = tc_parse_word(f, v, tc_group_words, TC_COUNT(tc_group_words), "status", k->str);
            break;
        case TC_SEC_ITEMS:
            want = tc_parse_word(f, v, tc_item_words, TC_COUNT(tc_item_words), "item status", k->str);
            break;
        case TC_SEC_CATEGORIES:
            if (r->items[idx].type.bands == SC_NONE) {
                tc_error(f, k, "'categorieen' is for items whose answer falls in bands (e.g. the hgw percentages)",
                         "'%s' has no categories", k->str);
                continue;
            }
            want = tc_parse_band(f, &r->items[idx], v);
            break;
        case TC_SEC_AMBITIONS:
            if (!r->items[idx].ambition) {
                tc_error(f, k, "'ambities' is for items with an 'ambition' in the rules", "'%s' has no ambition",
                         k->str);
                continue;
            }
            want = tc_parse_word(f, v, tc_ambition_words, TC_COUNT(tc_ambition_words), "ambition status", k->str);
            if (want >= 0)
                want = want == 0 ? SC_AMBITION_REACHED : SC_AMBITION_OPEN;
            break;
        }
        if (want < 0)
            continue;
        out->v[out->n++] = (tc_pair){k, idx, (uint32_t)want};
    }
}

/* "12:5" */
static bool tc_parse_pos(const char *s, tc_pos *p)
{
    unsigned long v[2] = {0, 0};
    for (int part = 0; part < 2; part++) {
        if (*s < '0' || *s > '9')
            return false;
        while (*s >= '0' && *s <= '9') {
            v[part] = v[part] * 10 + (unsigned long)(*s++ - '0');
            if (v[part] > 10000000ul)
                return false;
        }
        if (part == 0 && *s++ != ':')
            return false;
    }
    if (*s || v[0] == 0 || v[1] == 0)
        return false;
    p->line = (uint32_t)v[0];
    p->col = (uint32_t)v[1];
    return true;
}

static void tc_parse_errors(tc_file *f, const sc_node *v, tc_expect *e)
{
    static const char hint[] = "write the position of each error as \"line:col\", e.g. fouten: [\"12:5\", \"14:3\"]";
    if (v->kind != SC_NODE_SEQ) {
        tc_error(f, v, hint, "'fouten' must be a list of positions");
        return;
    }
    e->errors = sc_arena_alloc(f->arena, (v->n ? v->n : 1) * sizeof *e->errors);
    if (!e->errors) {
        tc_oom(f);
        return;
    }
    e->has_errors = true;
    for (uint32_t i = 0; i < v->n; i++) {
        const sc_node *p = v->values[i];
        if (p->kind != SC_NODE_SCALAR || !tc_parse_pos(p->str, &e->errors[e->nerrors])) {
            tc_error(f, p, hint, "expected a position \"line:col\" here");
            continue;
        }
        e->nerrors++;
    }
}

static void tc_parse_expect(tc_file *f, const sc_node *key, const sc_node *v, tc_expect *e)
{
    e->status = -1;
    if (v->kind != SC_NODE_MAP) {
        tc_error(f, v, "write 'status: compliant' (or not_compliant, incomplete, invalid) indented under 'verwacht:'",
                 "'verwacht' must be a mapping");
        return;
    }
    for (uint32_t i = 0; i < v->n; i++) {
        const sc_node *k = v->keys[i], *val = v->values[i];
        const char *name = k->str;
        if (strcmp(name, "status") == 0)
            e->status = tc_parse_word(f, val, tc_profile_words, TC_COUNT(tc_profile_words), "status", NULL);
        else if (strcmp(name, "afspraken_niet_gehaald") == 0)
            e->agreements_not_met = tc_parse_set(f, k, val, TC_AGREEMENT);
        else if (strcmp(name, "beloftes_niet_gehaald") == 0)
            e->promises_not_met = tc_parse_set(f, k, val, TC_PROMISE);
        else if (strcmp(name, "afspraken") == 0)
            tc_parse_pairs(f, k, val, TC_SEC_AGREEMENTS, &e->agreements);
        else if (strcmp(name, "beloftes") == 0)
            tc_parse_pairs(f, k, val, TC_SEC_PROMISES, &e->promises);
        else if (strcmp(name, "items") == 0)
            tc_parse_pairs(f, k, val, TC_SEC_ITEMS, &e->items);
        else if (strcmp(name, "categorieen") == 0)
            tc_parse_pairs(f, k, val, TC_SEC_CATEGORIES, &e->categories);
        else if (strcmp(name, "ambities") == 0)
            tc_parse_pairs(f, k, val, TC_SEC_AMBITIONS, &e->ambitions);
        else if (strcmp(name, "fouten") == 0)
            tc_parse_errors(f, val, e);
        else {
            tc_best b;
            tc_best_init(&b, name);
            for (size_t j = 0; j < TC_COUNT(tc_expect_keys); j++)
                tc_consider(&b, tc_expect_keys[j]);
            tc_error(f, k, tc_one_of(f, tc_expect_keys, TC_COUNT(tc_expect_keys)), "unknown key '%.80s' in 'verwacht'%s",
                     name, tc_did_you_mean(f, &b));
        }
    }
    if (!sc_node_get(v, "status"))
        tc_error(f, key, "add 'status: compliant' (or not_compliant, incomplete, invalid)", "'verwacht' has no 'status'");
}

/* ---- the profile of a test ------------------------------------------------------------------- */

/* Read a file into the arena. 0, or -1 with a reason. */
static int tc_read(sc_arena *a, const char *path, const char **text, size_t *len, const char **why)
{
    char *buf = NULL;
    int rc = sc_read_input(path, TC_MAX_BYTES, &buf, len, why);
    if (rc == -2)
        *why = "the file is larger than 1 MiB";
    if (rc != 0)
        return -1;
    *text = sc_arena_strndup(a, buf, *len);
    free(buf);
    if (!*text) {
        *why = "out of memory";
        return -1;
    }
    return 0;
}

/* "a/b/../c" -> "a/c", for naming a profile reached from a test file. */
static char *tc_tidy_path(sc_arena *a, const char *path)
{
    size_t n = strlen(path);
    char *out = sc_arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    size_t at = 0, depth = 0; /* depth: segments written that ".." may remove */
    const char *p = path;
    if (*p == '/') {
        out[at++] = '/';
        while (*p == '/')
            p++;
    }
    while (*p) {
        const char *end = strchr(p, '/');
        size_t seg = end ? (size_t)(end - p) : strlen(p);
        if (seg == 1 && p[0] == '.') {
            /* skip */
        } else if (seg == 2 && p[0] == '.' && p[1] == '.' && depth > 0) {
            at--; /* drop the previous segment and its '/' */
            while (at > 0 && out[at - 1] != '/')
                at--;
            depth--;
        } else {
            memcpy(out + at, p, seg);
            at += seg;
            out[at++] = '/';
            if (!(seg == 2 && p[0] == '.' && p[1] == '.'))
                depth++;
        }
        p += seg;
        while (*p == '/')
            p++;
    }
    if (at > 1 && out[at - 1] == '/')
        at--;
    if (at == 0)
        out[at++] = '.';
    out[at] = '\0';
    return out;
}

/* Find the profile text of a test: a file named by `profiel:` or the text under `profiel_inline:`. */
static int tc_profile_text(tc_file *f, const sc_node *root, const char **path, const char **text, size_t *len)
{
    const sc_node *file = sc_node_get(root, "profiel"), *inl = sc_node_get(root, "profiel_inline");
    if (file && inl) {
        tc_error(f, inl, "keep one of the two", "a test has 'profiel:' (a file) or 'profiel_inline:' (its text), not both");
        return -1;
    }
    if (!file && !inl) {
        tc_error(f, root, "add 'profiel: ../profiles/NAME.yaml' (relative to this file) or 'profiel_inline: |'",
                 "the test names no profile");
        return -1;
    }
    if (inl) {
        if (inl->kind != SC_NODE_SCALAR || sc_node_is_null(inl)) {
            tc_error(f, inl, "write 'profiel_inline: |' and the profile's lines below it, indented",
                     "'profiel_inline' must hold the profile as text (a block scalar)");
            return -1;
        }
        f->inline_profile = true;
        *path = sc_arena_printf(f->arena, "%s[profiel_inline]", f->path);
        *text = inl->str;
        *len = inl->len;
        return *path ? 0 : -1;
    }
    if (file->kind != SC_NODE_SCALAR || sc_node_is_null(file) || file->len == 0) {
        tc_error(f, file,
                 file->kind == SC_NODE_MAP ? "write an inline profile as text under 'profiel_inline: |'"
                                           : "write the path of the profile, relative to this file",
                 "'profiel' must be the path of a profile file");
        return -1;
    }
    const char *open = file->str;
    const char *slash = strrchr(f->path, '/');
    if (file->str[0] != '/' && slash)
        open = sc_arena_printf(f->arena, "%.*s/%s", (int)(slash - f->path), f->path, file->str);
    *path = open ? tc_tidy_path(f->arena, open) : NULL;
    if (!*path) {
        tc_oom(f);
        return -1;
    }
    const char *why = "";
    if (tc_read(f->arena, open, text, len, &why) != 0) {
        tc_error(f, file, "the path is read relative to the directory of the test file", "cannot read profile '%s': %s",
                 *path, why);
        return -1;
    }
    return 0;
}

/* ---- comparing ------------------------------------------------------------------------------- */

static uint32_t tc_answer_line(const sc_result *res, uint32_t item)
{
    const sc_profile *p = res->profile;
    if (!p || !p->answers || !p->answers[item].present)
        return 0;
    return p->answers[item].line;
}

static void tc_write_set(FILE *fp, const sc_rules *r, const bool *set, tc_kind kind)
{
    uint32_t n = kind == TC_AGREEMENT ? r->nagreements : r->npromises;
    fputc('[', fp);
    bool first = true;
    for (uint32_t i = 0; i < n; i++) {
        if (!set[i])
            continue;
        fprintf(fp, "%s%s", first ? "" : ", ", kind == TC_AGREEMENT ? r->agreements[i].id : r->promises[i].id);
        first = false;
    }
    fputc(']', fp);
}

/* Why an agreement or promise is not met: its not-met items and (promises) agreements. */
static void tc_explain_not_met(tc_file *f, const sc_result *res, tc_kind kind, uint32_t idx)
{
    const sc_rules *r = f->run->rules;
    FILE *fp = f->run->out.fp;
    const uint32_t *items;
    uint32_t nitems;
    if (kind == TC_AGREEMENT) {
        items = r->agreements[idx].items;
        nitems = r->agreements[idx].nitems;
        fprintf(fp, "    %s %s", r->agreements[idx].id, f->run->w->not_met_by);
    } else {
        items = r->promises[idx].items;
        nitems = r->promises[idx].nitems;
        fprintf(fp, "    %s %s", r->promises[idx].id, f->run->w->not_met_by);
    }
    bool first = true;
    if (kind == TC_PROMISE)
        for (uint32_t k = 0; k < r->promises[idx].nagreements; k++) {
            uint32_t a = r->promises[idx].agreements[k];
            if (res->agreements[a] == SC_GROUP_NOT_MET) {
                fprintf(fp, "%s %s", first ? "" : ",", r->agreements[a].id);
                first = false;
            }
        }
    for (uint32_t k = 0; k < nitems; k++) {
        uint32_t it = items[k];
        if (res->items[it].status != SC_ITEM_NOT_MET)
            continue;
        fprintf(fp, "%s %s", first ? "" : ",", r->items[it].id);
        uint32_t line = tc_answer_line(res, it);
        if (line)
            fprintf(fp, " (%s %u)", f->inline_profile ? f->run->w->inline_line : f->run->w->profile_line, line);
        first = false;
    }
    fputc('\n', fp);
}

static void tc_compare_set(tc_file *f, const sc_result *res, const bool *want, tc_kind kind)
{
    if (!want)
        return;
    const sc_rules *r = f->run->rules;
    uint32_t n = kind == TC_AGREEMENT ? r->nagreements : r->npromises;
    const sc_group_status *got = kind == TC_AGREEMENT ? res->agreements : res->promises;
    bool *have = sc_arena_zalloc(f->arena, n ? n : 1);
    if (!have) {
        tc_oom(f);
        return;
    }
    bool same = true;
    for (uint32_t i = 0; i < n; i++) {
        have[i] = got && got[i] == SC_GROUP_NOT_MET;
        same = same && have[i] == want[i];
    }
    if (same)
        return;
    tc_fail(f);
    FILE *fp = f->run->out.fp;
    fprintf(fp, "  %s: %s ", kind == TC_AGREEMENT ? "afspraken_niet_gehaald" : "beloftes_niet_gehaald",
            f->run->w->expected);
    tc_write_set(fp, r, want, kind);
    fprintf(fp, ", %s ", f->run->w->got);
    tc_write_set(fp, r, have, kind);
    fputc('\n', fp);
    for (uint32_t i = 0; i < n; i++)
        if (have[i] && !want[i])
            tc_explain_not_met(f, res, kind, i);
}

static void tc_show_profile_errors(tc_file *f, const sc_result *res)
{
    FILE *fp = f->run->out.fp;
    const sc_profile *p = res->profile;
    const char *path = p && p->path ? p->path : "?";
    fprintf(fp, "  %s\n", f->run->w->profile_errors);
    uint32_t shown = 0;
    for (uint32_t k = 0; k < res->nerrors; k++) {
        const sc_profile_error *e = &res->errors[k];
        if (e->severity != SC_SEV_ERROR)
            continue;
        if (shown++ == TC_MAX_SHOWN_ERRORS) {
            fprintf(fp, "    ... %s\n", f->run->w->more_errors);
            break;
        }
        fputs("    ", fp);
        sc_term_safe(fp, path, strlen(path));
        fprintf(fp, ":%u:%u: ", e->line, e->col);
        sc_term_safe(fp, e->message, strlen(e->message));
        fputc('\n', fp);
    }
    if (res->nsuppressed)
        fprintf(fp, "    (%u %s)\n", res->nsuppressed, f->run->w->suppressed);
}

static void tc_compare_errors(tc_file *f, const tc_expect *e, const sc_result *res)
{
    if (!e->has_errors)
        return;
    uint32_t k = 0;
    bool same = true;
    for (uint32_t i = 0; i < res->nerrors; i++) {
        const sc_profile_error *pe = &res->errors[i];
        if (pe->severity != SC_SEV_ERROR)
            continue;
        if (k >= e->nerrors || e->errors[k].line != pe->line || e->errors[k].col != pe->col)
            same = false;
        k++;
    }
    if (same && k == e->nerrors)
        return;
    tc_fail(f);
    FILE *fp = f->run->out.fp;
    fprintf(fp, "  fouten: %s [", f->run->w->expected);
    for (uint32_t i = 0; i < e->nerrors; i++)
        fprintf(fp, "%s%u:%u", i ? ", " : "", e->errors[i].line, e->errors[i].col);
    fprintf(fp, "], %s [", f->run->w->got);
    k = 0;
    for (uint32_t i = 0; i < res->nerrors; i++)
        if (res->errors[i].severity == SC_SEV_ERROR)
            fprintf(fp, "%s%u:%u", k++ ? ", " : "", res->errors[i].line, res->errors[i].col);
    fputs("]\n", fp);
    if (k)
        tc_show_profile_errors(f, res);
}

static const char *tc_band_name(const sc_rules *r, uint32_t item, uint32_t band)
{
    uint32_t bs = r->items[item].type.bands;
    if (band == SC_NONE || bs == SC_NONE || band >= r->bandsets[bs].nbands)
        return NULL;
    return r->bandsets[bs].bands[band].name;
}

static void tc_compare_pairs(tc_file *f, const sc_result *res, const tc_pairs *pairs, tc_section sec)
{
    static const char *const names[] = {"afspraken", "beloftes", "items", "categorieen", "ambities"};
    const sc_rules *r = f->run->rules;
    const tc_words *w = f->run->w;
    for (uint32_t i = 0; i < pairs->n; i++) {
        const tc_pair *p = &pairs->v[i];
        const char *id = p->key->str;
        const char *want = NULL, *got = NULL;
        uint32_t line = 0;
        bool evaluated = res->items != NULL;
        switch (sec) {
        case TC_SEC_AGREEMENTS:
        case TC_SEC_PROMISES: {
            want = tc_group_words[p->want];
            if (evaluated) {
                sc_group_status g = sec == TC_SEC_AGREEMENTS ? res->agreements[p->index] : res->promises[p->index];
                got = tc_group_words[g];
            }
            break;
        }
        case TC_SEC_ITEMS:
            want = tc_item_words[p->want];
            if (evaluated) {
                got = tc_item_words[res->items[p->index].status];
                line = tc_answer_line(res, p->index);
            }
            break;
        case TC_SEC_CATEGORIES:
            want = tc_band_name(r, p->index, p->want);
            if (evaluated) {
                got = tc_band_name(r, p->index, res->items[p->index].category);
                if (!got)
                    got = w->none_missing;
                line = tc_answer_line(res, p->index);
            }
            break;
        case TC_SEC_AMBITIONS:
            want = p->want == SC_AMBITION_REACHED ? "reached" : "open";
            if (evaluated) {
                sc_ambition_status a = res->items[p->index].ambition;
                got = a == SC_AMBITION_REACHED ? "reached" : a == SC_AMBITION_OPEN ? "open" : w->none_missing;
                line = tc_answer_line(res, p->index);
            }
            break;
        }
        if (!evaluated)
            tc_diff(f, names[sec], id, want, w->invalid_nothing, 0);
        else if (strcmp(want, got) != 0)
            tc_diff(f, names[sec], id, want, got, line);
    }
}

static void tc_compare(tc_file *f, const tc_expect *e, const sc_result *res)
{
    const tc_words *w = f->run->w;
    bool status_differs = (int)res->status != e->status;
    if (status_differs)
        tc_diff(f, "status", NULL, tc_profile_words[e->status], tc_profile_words[res->status], 0);
    if (status_differs && res->status == SC_PROFILE_INVALID) {
        tc_show_profile_errors(f, res);
        fprintf(f->run->out.fp, "  (%s)\n", w->not_compared);
        return;
    }
    tc_compare_errors(f, e, res);
    tc_compare_set(f, res, e->agreements_not_met, TC_AGREEMENT);
    tc_compare_set(f, res, e->promises_not_met, TC_PROMISE);
    tc_compare_pairs(f, res, &e->agreements, TC_SEC_AGREEMENTS);
    tc_compare_pairs(f, res, &e->promises, TC_SEC_PROMISES);
    tc_compare_pairs(f, res, &e->items, TC_SEC_ITEMS);
    tc_compare_pairs(f, res, &e->categories, TC_SEC_CATEGORIES);
    tc_compare_pairs(f, res, &e->ambitions, TC_SEC_AMBITIONS);
}

/* ---- coverage -------------------------------------------------------------------------------- */

static int tc_coverage_init(tc_run *run, sc_arena *a)
{
    const sc_rules *r = run->rules;
    run->item_seen = sc_arena_zalloc(a, r->nitems ? r->nitems : 1);
    run->band_first = sc_arena_zalloc(a, (r->nbandsets ? r->nbandsets : 1) * sizeof *run->band_first);
    uint32_t total = 0;
    for (uint32_t b = 0; b < r->nbandsets; b++)
        total += r->bandsets[b].nbands;
    run->band_seen = sc_arena_zalloc(a, total ? total : 1);
    if (!run->item_seen || !run->band_first || !run->band_seen)
        return -1;
    total = 0;
    for (uint32_t b = 0; b < r->nbandsets; b++) {
        run->band_first[b] = total;
        total += r->bandsets[b].nbands;
    }
    return 0;
}

static void tc_coverage_add(tc_run *run, const sc_result *res)
{
    if (!run->coverage || !res->items)
        return;
    const sc_rules *r = run->rules;
    run->evaluated++;
    for (uint32_t i = 0; i < r->nitems; i++) {
        const sc_item_result *ir = &res->items[i];
        run->item_seen[i] |= ir->status == SC_ITEM_MET       ? TC_SEEN_MET
                           : ir->status == SC_ITEM_NOT_MET   ? TC_SEEN_NOT_MET
                                                             : 0;
        run->item_seen[i] |= ir->ambition == SC_AMBITION_REACHED ? TC_SEEN_REACHED
                           : ir->ambition == SC_AMBITION_OPEN    ? TC_SEEN_OPEN
                                                                 : 0;
        uint32_t bs = r->items[i].type.bands;
        if (bs != SC_NONE && ir->category != SC_NONE && ir->category < r->bandsets[bs].nbands)
            run->band_seen[run->band_first[bs] + ir->category] = true;
    }
}

/* "never met", "never not_met", "never met or not_met" */
static void tc_coverage_gap(FILE *fp, const tc_words *w, const char *id, unsigned seen, unsigned a, unsigned b,
                            const char *an, const char *bn)
{
    fprintf(fp, "    %-40s %s ", id, w->never);
    if (!(seen & a) && !(seen & b))
        fprintf(fp, "%s, %s %s\n", an, w->never, bn);
    else
        fprintf(fp, "%s\n", !(seen & a) ? an : bn);
}

static void tc_coverage_report(const tc_run *run)
{
    const sc_rules *r = run->rules;
    const tc_words *w = run->w;
    FILE *fp = run->out.fp;
    unsigned total = 0, seen = 0, norms = 0, norm_gaps = 0, ambitions = 0, ambition_gaps = 0, bands = 0, band_gaps = 0;
    for (uint32_t i = 0; i < r->nitems; i++) {
        unsigned s = run->item_seen[i];
        if (r->items[i].norm && r->items[i].role == SC_ROLE_ITEM) {
            norms++;
            total += 2;
            seen += !!(s & TC_SEEN_MET) + !!(s & TC_SEEN_NOT_MET);
            norm_gaps += (s & (TC_SEEN_MET | TC_SEEN_NOT_MET)) != (TC_SEEN_MET | TC_SEEN_NOT_MET);
        }
        if (r->items[i].ambition && r->items[i].role == SC_ROLE_ITEM) {
            ambitions++;
            total += 2;
            seen += !!(s & TC_SEEN_REACHED) + !!(s & TC_SEEN_OPEN);
            ambition_gaps += (s & (TC_SEEN_REACHED | TC_SEEN_OPEN)) != (TC_SEEN_REACHED | TC_SEEN_OPEN);
        }
    }
    for (uint32_t b = 0; b < r->nbandsets; b++) {
        bool used = false;
        for (uint32_t i = 0; i < r->nitems && !used; i++)
            used = r->items[i].type.bands == b;
        if (!used)
            continue;
        for (uint32_t k = 0; k < r->bandsets[b].nbands; k++) {
            bands++;
            total++;
            seen += run->band_seen[run->band_first[b] + k];
            band_gaps += !run->band_seen[run->band_first[b] + k];
        }
    }
    fprintf(fp, "%s (%u %s):\n", w->cov_title, run->evaluated, w->profiles_evaluated);
    fprintf(fp, "  %s: %u %s %u\n", w->cov_norms, norm_gaps, w->of, norms);
    for (uint32_t i = 0; i < r->nitems; i++) {
        unsigned s = run->item_seen[i];
        if (r->items[i].norm && r->items[i].role == SC_ROLE_ITEM &&
            (s & (TC_SEEN_MET | TC_SEEN_NOT_MET)) != (TC_SEEN_MET | TC_SEEN_NOT_MET))
            tc_coverage_gap(fp, w, r->items[i].id, s, TC_SEEN_MET, TC_SEEN_NOT_MET, "met", "not_met");
    }
    fprintf(fp, "  %s: %u %s %u\n", w->cov_ambitions, ambition_gaps, w->of, ambitions);
    for (uint32_t i = 0; i < r->nitems; i++) {
        unsigned s = run->item_seen[i];
        if (r->items[i].ambition && r->items[i].role == SC_ROLE_ITEM &&
            (s & (TC_SEEN_REACHED | TC_SEEN_OPEN)) != (TC_SEEN_REACHED | TC_SEEN_OPEN))
            tc_coverage_gap(fp, w, r->items[i].id, s, TC_SEEN_REACHED, TC_SEEN_OPEN, "reached", "open");
    }
    fprintf(fp, "  %s: %u %s %u\n", w->cov_bands, band_gaps, w->of, bands);
    for (uint32_t b = 0; b < r->nbandsets; b++)
        for (uint32_t k = 0; k < r->bandsets[b].nbands; k++) {
            bool used = false;
            for (uint32_t i = 0; i < r->nitems && !used; i++)
                used = r->items[i].type.bands == b;
            if (used && !run->band_seen[run->band_first[b] + k])
                fprintf(fp, "    %s.%s\n", r->bandsets[b].name, r->bandsets[b].bands[k].name);
        }
    char pct[SC_NUM_BUF];
    sc_num_format_fixed(pct, sizeof pct, total ? 100.0 * seen / total : 100.0, 1);
    fprintf(fp, "%s: %u %s %u %s (%s%%)\n", w->cov_total, seen, w->of, total, w->cov_outcomes, pct);
}

/* ---- one test -------------------------------------------------------------------------------- */

static bool tc_run_file(tc_run *run, sc_arena *arena, const char *path, const char *problem)
{
    tc_file f = {.run = run, .arena = arena, .path = path};
    sc_diag_sink_init(&f.sink, tc_diag_fn, &f, SC_MAX_ERRORS);
    const char *why = problem;
    if (why || tc_read(arena, path, &f.text, &f.len, &why) != 0) {
        tc_error(&f, NULL, NULL, "cannot read the test: %s", why);
        return false;
    }
    sc_node *root = NULL;
    const sc_yaml_limits yaml_options = {.lang = run->lang}; /* the loader's messages follow --lang */
    if (sc_yaml_load(arena, path, f.text, f.len, &yaml_options, &f.sink, &root) != 0)
        return false;
    if (!root || root->kind != SC_NODE_MAP) {
        sc_diag_report(&f.sink, SC_SEV_ERROR, path, f.text, f.len, root ? root->line : 1, root ? root->col : 1,
                       "start with 'test: \"title\"', then 'profiel:' and 'verwacht:'", "%s",
                       root ? "a test must be a mapping with 'test', 'profiel' and 'verwacht'" : "the test file is empty");
        return false;
    }
    const sc_node *title = sc_node_get(root, "test");
    if (title && title->kind == SC_NODE_SCALAR && !sc_node_is_null(title))
        f.title = title->str;
    else if (title)
        tc_error(&f, title, "write the title as text: test: \"Faalt alleen afspraak 5\"", "'test' must be a title");

    /* with several versions, the one in force on the profile's peildatum reads the expectations too */
    const char *ppath = NULL, *ptext = NULL;
    size_t plen = 0;
    bool have_profile = false;
    if (run->nversions > 1) {
        if (tc_profile_text(&f, root, &ppath, &ptext, &plen) != 0)
            return false;
        have_profile = true;
        sc_date d;
        uint32_t line, col;
        run->rules = run->versions[0];
        if (sc_profile_peek_peildatum(ptext, plen, NULL, &d, &line, &col) == 1 && sc_rules_pick(run->versions, run->nversions, d))
            run->rules = sc_rules_pick(run->versions, run->nversions, d);
    }

    tc_expect e;
    memset(&e, 0, sizeof e);
    e.status = -1;
    const sc_node *expect = NULL;
    for (uint32_t i = 0; i < root->n; i++) {
        const sc_node *k = root->keys[i];
        bool known = false;
        for (size_t j = 0; j < TC_COUNT(tc_top_keys); j++)
            known = known || strcmp(k->str, tc_top_keys[j]) == 0;
        if (!known) {
            tc_best b;
            tc_best_init(&b, k->str);
            for (size_t j = 0; j < TC_COUNT(tc_top_keys); j++)
                tc_consider(&b, tc_top_keys[j]);
            tc_error(&f, k, tc_one_of(&f, tc_top_keys, TC_COUNT(tc_top_keys)), "unknown key '%.80s'%s", k->str,
                     tc_did_you_mean(&f, &b));
        } else if (strcmp(k->str, "verwacht") == 0) {
            expect = k;
            tc_parse_expect(&f, k, root->values[i], &e);
        }
    }
    if (!expect)
        tc_error(&f, root, "add 'verwacht:' with at least 'status:'", "the test has no 'verwacht:'");

    if ((!have_profile && tc_profile_text(&f, root, &ppath, &ptext, &plen) != 0) || f.sink.errors > 0)
        return false;

    sc_result res;
    /* the profile's errors are shown in --lang, like the rest of the report (English by default) */
    const sc_yaml_limits options = {.lang = run->lang};
    if (sc_check_profile_in(arena, run->versions, run->nversions, 0, ppath, ptext, plen, &options, &res) != 0) {
        tc_oom(&f);
        return false;
    }
    tc_coverage_add(run, &res);
    tc_compare(&f, &e, &res);
    if (f.failed || f.sink.errors)
        return false;
    tc_status_line(&f, true);
    return true;
}

static bool tc_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* ---- the command ----------------------------------------------------------------------------- */

static const char tc_usage[] =
    "usage: sopcheck test [--rules FILE|DIR]... [--coverage] [--lang nl|en] [--color=auto|always|never] TEST...\n"
    "\n"
    "Runs rule tests. A TEST is a *.test.yaml file or a directory, searched recursively for\n"
    "*.test.yaml files (run in path order). Each test names a profile and what the rules must make\n"
    "of it:\n"
    "\n"
    "  test: \"Faalt alleen afspraak 5\"\n"
    "  profiel: ../profiles/faalt-a05.yaml     # relative to the test file (or profiel_inline: |)\n"
    "  verwacht:\n"
    "    status: not_compliant                 # compliant | not_compliant | incomplete | invalid\n"
    "    afspraken_niet_gehaald: [A5]          # exact sets\n"
    "    beloftes_niet_gehaald: [P1]\n"
    "    afspraken: {A5: not_met}              # met | not_met | incomplete (beloftes: the same)\n"
    "    items: {veiligheid.beleid: not_met}   # met | not_met | unanswered | not_applicable\n"
    "    categorieen: {hgw.evalueren: ontwikkeld}\n"
    "    ambities: {aanbod.rekenproblemen: open}   # reached | open\n"
    "    fouten: [\"12:5\"]                      # line:col of every profile error, in order\n"
    "\n"
    "--rules     a rules file or a directory of them; more than once for several versions: each\n"
    "            test is judged by the version in force on its profile's peildatum (the latest\n"
    "            'valid from' wins); without it, the bundled Zoetermeer rules\n"
    "--coverage  also list norms not seen both met and not met, ambitions not seen both reached\n"
    "            and open, and band categories no item fell in\n"
    "--lang      the language of differences and coverage (default en)\n"
    "\n"
    "exit status: 0 every test passed, 1 a test failed, 2 wrong usage or invalid rules\n";

/* One test to run: a path, or a problem found while looking for tests (reported as a failed test). */
typedef struct tc_test {
    const char *path;
    const char *problem;
} tc_test;

static int tc_cmp_test(const void *a, const void *b)
{
    return strcmp((*(const tc_test *const *)a)->path, (*(const tc_test *const *)b)->path);
}

static bool tc_has_suffix(const char *path, const char *suffix)
{
    size_t n = strlen(path), k = strlen(suffix);
    return n > k && strcmp(path + n - k, suffix) == 0;
}

static int tc_push_test(sc_arena *a, sc_ptrvec *tests, const char *path, const char *problem)
{
    tc_test *t = sc_arena_alloc(a, sizeof *t);
    if (!t)
        return -1;
    t->path = sc_arena_strdup(a, path);
    t->problem = problem ? sc_arena_strdup(a, problem) : NULL;
    if (!t->path || (problem && !t->problem))
        return -1;
    return sc_ptrvec_push(a, tests, t);
}

/* Collect the tests: a named file as it is, a directory's *.test.yaml files (recursively) sorted
 * by path. A name that does not exist, or a directory without tests, is a usage error. */
static int tc_collect(sc_arena *a, int nargs, char **args, sc_ptrvec *tests)
{
    for (int t = 0; t < nargs; t++) {
        const char *arg = args[t];
        struct stat st;
        if (stat(arg, &st) != 0) {
            fprintf(stderr, "sopcheck test: cannot read '%s': %s\n", arg, strerror(errno));
            return -1;
        }
        if (!S_ISDIR(st.st_mode)) {
            if (tc_push_test(a, tests, arg, NULL) != 0)
                goto oom;
            continue;
        }
        DIR *d = opendir(arg);
        if (!d) {
            fprintf(stderr, "sopcheck test: cannot read directory '%s': %s\n", arg, strerror(errno));
            return -1;
        }
        closedir(d);
        sc_inputs found = {0};
        if (sc_inputs_add(&found, arg) != 0) {
            sc_inputs_free(&found);
            goto oom;
        }
        size_t first = tests->len;
        int rc = 0;
        for (size_t i = 0; i < found.len && rc == 0; i++) {
            const sc_input *in = &found.items[i];
            /* test files, and problems below the directory other than with a plain profile (a loop, ...) */
            bool plain_profile = tc_has_suffix(in->path, ".yaml") || tc_has_suffix(in->path, ".yml");
            if (tc_has_suffix(in->path, TC_SUFFIX) || (in->problem && strcmp(in->path, arg) != 0 && !plain_profile))
                rc = tc_push_test(a, tests, in->path, in->problem);
        }
        sc_inputs_free(&found);
        if (rc != 0)
            goto oom;
        if (tests->len == first) {
            fprintf(stderr, "sopcheck test: '%s' holds no tests (*%s files)\n", arg, TC_SUFFIX);
            return -1;
        }
        qsort(tests->items + first, tests->len - first, sizeof *tests->items, tc_cmp_test);
    }
    return 0;
oom:
    fputs("sopcheck test: out of memory\n", stderr);
    return -1;
}

int sc_cmd_test(int argc, char **argv)
{
    const char *rules_paths[16], *color = NULL, *v;
    size_t nrules = 0;
    bool coverage = false, only_tests = false;
    sc_lang lang = SC_LANG_EN;
    int ntests = 0;
    static const char *const options[] = {"--rules", "--coverage", "--lang", "--color", "--help"};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_tests || a[0] != '-' || a[1] == '\0')
            argv[ntests++] = argv[i]; /* the tests are gathered at the front of argv */
        else if (strcmp(a, "--") == 0)
            only_tests = true;
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(tc_usage, stdout);
            return SC_EXIT_OK;
        } else if ((v = sc_cli_opt_value(argc, argv, &i, "--rules"))) {
            if (nrules == sizeof rules_paths / sizeof rules_paths[0])
                return sc_cli_usage_error("test", "--rules is given too often (at most 16)");
            rules_paths[nrules++] = v;
        } else if ((v = sc_cli_opt_value(argc, argv, &i, "--color"))) {
            if (strcmp(v, "auto") != 0 && strcmp(v, "always") != 0 && strcmp(v, "never") != 0)
                return sc_cli_usage_error("test", "--color takes auto, always or never, not '%s'", v);
            color = v;
        } else if ((v = sc_cli_opt_value(argc, argv, &i, "--lang"))) {
            if (sc_cli_lang(v, &lang) != 0)
                return sc_cli_usage_error("test", "--lang takes nl or en, not '%s'", v);
        } else if (strcmp(a, "--coverage") == 0)
            coverage = true;
        else {
            const char *best = NULL;
            unsigned dist = 3;
            size_t n = strcspn(a, "=");
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)(n < sizeof name ? n : sizeof name - 1), a);
            for (size_t k = 0; k < TC_COUNT(options); k++) {
                unsigned d = sc_edit_distance(name, options[k], 2);
                if (d < dist) {
                    dist = d;
                    best = options[k];
                }
            }
            if (strcmp(name, "--rules") == 0 || strcmp(name, "--lang") == 0 || strcmp(name, "--color") == 0)
                return sc_cli_usage_error("test", "option '%s' needs a value", name);
            if (best)
                return sc_cli_usage_error("test", "unknown option '%s'; did you mean '%s'?", a, best);
            return sc_cli_usage_error("test", "unknown option '%s'", a);
        }
    }
    if (ntests == 0)
        return sc_cli_usage_error("test", "name one or more *.test.yaml files or directories of them");
    if (coverage && (nrules > 1 || (nrules == 1 && tc_is_dir(rules_paths[0]))))
        return sc_cli_usage_error("test", "--coverage takes one rules file; run it once per version");

    sc_arena run_arena, test_arena; /* the run's lists; one test at a time */
    sc_arena_init(&run_arena, 0);
    sc_ptrvec tests = {0};
    if (tc_collect(&run_arena, ntests, argv, &tests) != 0) {
        sc_arena_free(&run_arena);
        return SC_EXIT_INVALID;
    }

    tc_run run;
    memset(&run, 0, sizeof run);
    run.w = lang == SC_LANG_NL ? &tc_words_nl : &tc_words_en;
    run.lang = lang;
    run.coverage = coverage;
    sc_term_init(&run.out, stdout, color);
    sc_term_init(&run.err, stderr, color);
    sc_rules **versions = NULL;
    size_t nversions = sc_cli_load_rules_list(rules_paths, nrules, &run.err, &versions);
    sc_rules *rules = nversions ? versions[0] : NULL;
    if (!rules) {
        fputs("sopcheck test: the rules have errors; no test was run\n", stderr);
        sc_arena_free(&run_arena);
        return SC_EXIT_INVALID;
    }
    run.rules = rules;
    run.versions = (const sc_rules *const *)versions;
    run.nversions = nversions;

    sc_arena_init(&test_arena, 0);
    int rc = SC_EXIT_OK;
    if (tc_coverage_init(&run, &run_arena) != 0) {
        fputs("sopcheck test: out of memory\n", stderr);
        rc = SC_EXIT_INVALID;
    }
    for (size_t i = 0; rc == SC_EXIT_OK && i < tests.len; i++) {
        const tc_test *t = tests.items[i];
        sc_arena_reset(&test_arena);
        if (tc_run_file(&run, &test_arena, t->path, t->problem))
            run.passed++;
        else
            run.failed++;
        fflush(stdout);
    }
    if (rc == SC_EXIT_OK) {
        if (coverage)
            tc_coverage_report(&run);
        printf("%u passed, %u failed\n", run.passed, run.failed);
        rc = run.failed ? SC_EXIT_FINDINGS : SC_EXIT_OK;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fputs("sopcheck test: could not write the results\n", stderr);
        rc = SC_EXIT_INVALID;
    }
    sc_arena_free(&test_arena);
    sc_arena_free(&run_arena);
    sc_cli_free_rules_list(versions, nversions);
    return rc;
}
