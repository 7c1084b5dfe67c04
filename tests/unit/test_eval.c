/* tests/unit/test_eval.c — the evaluator pinned, one line a case: every predicate kind over true, false and unknown operands at its edge values, `when`, tightenings, required answers, the agreement, promise and profile folds, and the choice of a version. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/text.h"
#include "dsl/compile.h"
#include "dsl/rules.h"
#include "engine/check.h"
#include "engine/profile.h"

#include "test_util.h"

Suite *suite_eval(void);

/* ---- compiling rules texts and checking profile texts ------------------------------------------ */

/* What every case's rules start with: scales of each kind, bands, and a field of every type for
 * conditions to test (fields are never judged themselves, so only the case's items are). */
#define BASE                                                                                             \
    "ruleset \"Evaluator\"\n"                                                                            \
    "version \"1\"\n"                                                                                    \
    "scale niveau \"Niveau\": school > wijk > bestuur > geen\n"                                          \
    "scale status \"Status\": geen < beschikbaar < actief\n"                                             \
    "scale soort \"Soort\": bao, sbo, so\n"                                                              \
    "scale wie \"Wie\": leerkracht, ib, ouders, leerling\n"                                              \
    "scale vorm \"Vorm\": ondersteuning_licht > ondersteuning_zwaar\n"                                    \
    "bands hgw over percent:\n"                                                                          \
    "    laag below 50\n"                                                                                \
    "    midden from 50 below 80\n"                                                                      \
    "    hoog from 80\n"                                                                                 \
    "field v.a: yesno \"a\"\n"                                                                           \
    "field v.b: yesno \"b\"\n"                                                                           \
    "field v.c: yesno \"c\"\n"                                                                           \
    "field v.n: number from 0 to 100 \"n\"\n"                                                            \
    "field v.p: percent in hgw \"p\"\n"                                                                  \
    "field v.q: percent \"q\"\n"                                                                         \
    "field v.d: date \"d\"\n"                                                                            \
    "field v.s: niveau \"s\"\n"                                                                          \
    "field v.t: status \"t\"\n"                                                                          \
    "field v.k: soort \"k\"\n"                                                                           \
    "field v.w: set of wie \"w\"\n"                                                                      \
    "field v.x: text \"x\"\n"                                                                           \
    "field v.v: vorm \"v\"\n"

/* The included file of the tightening cases: an item with a norm and one with an ambition only. */
#define LAAG                                                                                             \
    "ruleset \"Laag\"\n"                                                                                 \
    "version \"1\"\n"                                                                                    \
    "promise P1 \"p\"\n"                                                                                 \
    "agreement A1 \"a\"\n"                                                                               \
    "    serves P1\n"                                                                                    \
    "    item t.x: number from 0 to 100 \"x\"\n"                                                         \
    "        norm at least 50\n"                                                                         \
    "    item t.y: yesno \"y\"\n"                                                                        \
    "        ambition is ja\n"

#define DEFAULT_PEILDATUM "2026-10-01"

typedef struct mem_file {
    const char *name;
    const char *text;
} mem_file;

static int mem_load(void *ctx, sc_arena *arena, const char *from, const char *name, const char **path,
                    const char **text, size_t *len, const char **why)
{
    (void)from;
    for (const mem_file *f = ctx; f->name; f++) {
        if (strcmp(f->name, name) != 0)
            continue;
        *path = sc_arena_strdup(arena, name);
        *text = sc_arena_strdup(arena, f->text);
        if (!*path || !*text) {
            *why = "out of memory";
            return -1;
        }
        *len = strlen(f->text);
        return 0;
    }
    *path = name;
    *why = "no such file";
    return -1;
}

/* BASE followed by `body` (and "laag.rules" = LAAG for an include), compiled; fails the test on an error. */
static sc_rules *compile_body(const char *body)
{
    size_t n = strlen(BASE) + strlen(body) + 1;
    char *text = malloc(n);
    ck_assert_ptr_nonnull(text);
    snprintf(text, n, "%s%s", BASE, body);
    mem_file files[] = {{"main.rules", text}, {"laag.rules", LAAG}, {NULL, NULL}};
    sc_compile_options opt = {.load = mem_load, .load_ctx = files};
    sc_test_diags *d = malloc(sizeof *d);
    ck_assert_ptr_nonnull(d);
    sc_test_diags_init(d);
    sc_rules *r = sc_compile_file("main.rules", &opt, &d->sink);
    ck_assert_msg(r != NULL, "the rules do not compile: %u:%u: %s\n%s", d->nseen ? d->line[0] : 0,
                  d->nseen ? d->col[0] : 0, d->nseen ? d->message[0] : "", body);
    free(d);
    free(text);
    return r;
}

/* One profile checked: its text (kept while the result is read) and the result, in `arena`. */
typedef struct checked {
    sc_arena arena;
    char *text;
    sc_result res;
} checked;

/* A profile with `peildatum` ("-": none) and `answers` (the inside of a YAML flow mapping, dotted
 * ids: "v.a: ja, v.n: 5"), checked against `rules`; fails the test when it is not valid. */
static checked *check_answers(const sc_rules *rules, const char *peildatum, const char *answers)
{
    checked *c = calloc(1, sizeof *c);
    ck_assert_ptr_nonnull(c);
    if (!peildatum)
        peildatum = DEFAULT_PEILDATUM;
    size_t n = strlen(peildatum) + strlen(answers) + 100;
    c->text = malloc(n);
    ck_assert_ptr_nonnull(c->text);
    if (strcmp(peildatum, "-") == 0)
        snprintf(c->text, n, "profiel: 1\nschool: {naam: X}\nantwoorden: {%s}\n", answers);
    else
        snprintf(c->text, n, "profiel: 1\nschool: {peildatum: %s}\nantwoorden: {%s}\n", peildatum, answers);
    sc_arena_init(&c->arena, 0);
    static const sc_yaml_limits english = {.lang = SC_LANG_EN};
    ck_assert_int_eq(sc_check_profile(&c->arena, rules, "p.yaml", c->text, strlen(c->text), &english, &c->res), 0);
    ck_assert_msg(c->res.status != SC_PROFILE_INVALID, "the profile is invalid: %s\n%s",
                  c->res.nerrors ? c->res.errors[0].message : "", c->text);
    return c;
}

static void checked_free(checked *c)
{
    sc_arena_free(&c->arena);
    free(c->text);
    free(c);
}

static uint32_t item_of(const sc_rules *r, const char *id)
{
    uint32_t k = sc_rules_find_item(r, id, strlen(id));
    ck_assert_msg(k != SC_NONE, "no item '%s'", id);
    return k;
}

/* ---- predicates: true, false, unknown ------------------------------------------------------------ */

enum { F = 0, T = 1, U = -1 };

/* One condition over the fields of BASE, the answers (and the peildatum; NULL: DEFAULT_PEILDATUM,
 * "-": none) and what it yields. */
typedef struct pred_case {
    int line;
    const char *cond;
    const char *answers;
    int want;
    const char *peildatum;
} pred_case;

#define P(cond, answers, want) {__LINE__, cond, answers, want, NULL}
#define PD(peildatum, cond, answers, want) {__LINE__, cond, answers, want, peildatum}

static const pred_case pred_cases[] = {
    /* and: false wins, then unknown */
    P("v.a is ja and v.b is ja", "v.a: ja, v.b: ja", T),
    P("v.a is ja and v.b is ja", "v.a: ja, v.b: nee", F),
    P("v.a is ja and v.b is ja", "v.a: ja", U),
    P("v.a is ja and v.b is ja", "v.a: nee, v.b: ja", F),
    P("v.a is ja and v.b is ja", "v.a: nee, v.b: nee", F),
    P("v.a is ja and v.b is ja", "v.a: nee", F),
    P("v.a is ja and v.b is ja", "v.b: ja", U),
    P("v.a is ja and v.b is ja", "v.b: nee", F),
    P("v.a is ja and v.b is ja", "", U),
    P("v.a is ja and v.b is ja and v.c is ja", "v.a: ja, v.c: nee", F),
    P("v.a is ja and v.b is ja and v.c is ja", "v.a: ja, v.b: ja, v.c: ja", T),
    P("v.a is ja and v.b is ja and v.c is ja", "v.a: ja, v.b: ja", U),
    /* or: true wins, then unknown */
    P("v.a is ja or v.b is ja", "v.a: ja, v.b: ja", T),
    P("v.a is ja or v.b is ja", "v.a: ja, v.b: nee", T),
    P("v.a is ja or v.b is ja", "v.a: ja", T),
    P("v.a is ja or v.b is ja", "v.a: nee, v.b: ja", T),
    P("v.a is ja or v.b is ja", "v.a: nee, v.b: nee", F),
    P("v.a is ja or v.b is ja", "v.a: nee", U),
    P("v.a is ja or v.b is ja", "v.b: ja", T),
    P("v.a is ja or v.b is ja", "v.b: nee", U),
    P("v.a is ja or v.b is ja", "", U),
    P("v.a is ja or v.b is ja or v.c is ja", "v.c: ja", T),
    P("v.a is ja or v.b is ja or v.c is ja", "v.a: nee, v.b: nee, v.c: nee", F),
    /* not */
    P("not v.a is ja", "v.a: ja", F),
    P("not v.a is ja", "v.a: nee", T),
    P("not v.a is ja", "", U),
    P("not not v.a is ja", "v.a: ja", T),
    /* precedence: not, then and, then or */
    P("v.a is ja or v.b is ja and v.c is ja", "v.a: ja, v.b: nee, v.c: nee", T),
    P("not v.a is ja and v.b is ja", "v.a: nee, v.b: nee", F),
    P("(v.a is ja or v.b is ja) and v.c is ja", "v.a: ja, v.b: nee, v.c: nee", F),
    /* at least N of: true when N hold, unknown while the unknown ones could still make N */
    P("at least 2 of (v.a is ja, v.b is ja, v.c is ja)", "v.a: ja, v.b: ja, v.c: ja", T),
    P("at least 2 of (v.a is ja, v.b is ja, v.c is ja)", "v.a: ja, v.b: ja, v.c: nee", T),
    P("at least 2 of (v.a is ja, v.b is ja, v.c is ja)", "v.a: nee, v.b: ja, v.c: ja", T),
    P("at least 2 of (v.a is ja, v.b is ja, v.c is ja)", "v.a: ja, v.b: ja", T),
    P("at least 2 of (v.a is ja, v.b is ja, v.c is ja)", "v.a: ja, v.b: nee, v.c: nee", F),
    P("at least 2 of (v.a is ja, v.b is ja, v.c is ja)", "v.a: ja, v.b: nee", U),
    P("at least 2 of (v.a is ja, v.b is ja, v.c is ja)", "v.a: ja", U),
    P("at least 2 of (v.a is ja, v.b is ja, v.c is ja)", "v.a: nee, v.b: nee, v.c: nee", F),
    P("at least 2 of (v.a is ja, v.b is ja, v.c is ja)", "v.a: nee, v.b: nee", F),
    P("at least 2 of (v.a is ja, v.b is ja, v.c is ja)", "v.a: nee", U),
    P("at least 2 of (v.a is ja, v.b is ja, v.c is ja)", "", U),
    P("at least 1 of (v.a is ja, v.b is ja, v.c is ja)", "v.a: nee, v.b: nee, v.c: nee", F),
    P("at least 1 of (v.a is ja, v.b is ja, v.c is ja)", "v.a: nee, v.b: nee", U),
    P("at least 1 of (v.a is ja, v.b is ja, v.c is ja)", "v.c: ja", T),
    P("at least 3 of (v.a is ja, v.b is ja, v.c is ja)", "v.a: ja, v.b: ja, v.c: ja", T),
    P("at least 3 of (v.a is ja, v.b is ja, v.c is ja)", "v.a: ja, v.b: ja", U),
    P("at least 3 of (v.a is ja, v.b is ja, v.c is ja)", "v.a: ja, v.b: ja, v.c: nee", F),
    /* answered: never unknown */
    P("v.x answered", "v.x: tekst", T),
    P("v.x answered", "", F),
    P("not v.x answered", "", T),
    P("v.n answered", "v.n: 0", T),
    P("v.a answered", "v.a: nee", T),
    P("v.a answered or v.b is ja", "v.b: nee", F),
    /* is ja, is nee */
    P("v.a is ja", "v.a: ja", T),
    P("v.a is ja", "v.a: nee", F),
    P("v.a is ja", "", U),
    P("v.a is nee", "v.a: ja", F),
    P("v.a is nee", "v.a: nee", T),
    P("v.a is nee", "", U),
    /* is MEMBER, is one of */
    P("v.s is wijk", "v.s: wijk", T),
    P("v.s is wijk", "v.s: school", F),
    P("v.s is wijk", "v.s: bestuur", F),
    P("v.s is wijk", "", U),
    P("v.k is sbo", "v.k: sbo", T),
    P("v.k is sbo", "v.k: bao", F),
    P("v.k is one of bao, so", "v.k: bao", T),
    P("v.k is one of bao, so", "v.k: so", T),
    P("v.k is one of bao, so", "v.k: sbo", F),
    P("v.k is one of bao, so", "", U),
    P("v.s is one of school, bestuur", "v.s: wijk", F),
    P("v.s is one of school, bestuur", "v.s: bestuur", T),
    P("v.s is one of school, bestuur", "v.s: geen", F),
    /* at MEMBER, MEMBER or better: ranks, best first */
    P("v.s at wijk", "v.s: school", T),
    P("v.s at wijk", "v.s: wijk", T),
    P("v.s at wijk", "v.s: bestuur", F),
    P("v.s at wijk", "v.s: geen", F),
    P("v.s at wijk", "", U),
    P("v.s wijk or better", "v.s: school", T),
    P("v.s wijk or better", "v.s: wijk", T),
    P("v.s wijk or better", "v.s: bestuur", F),
    P("v.s at school", "v.s: school", T),
    P("v.s at school", "v.s: wijk", F),
    P("v.s at geen", "v.s: geen", T),
    P("v.t beschikbaar or better", "v.t: actief", T), /* a scale written worst first */
    P("v.t beschikbaar or better", "v.t: beschikbaar", T),
    P("v.t beschikbaar or better", "v.t: geen", F),
    P("v.t beschikbaar or better", "", U),
    /* members that share their first eight bytes and their length */
    P("v.v is ondersteuning_zwaar", "v.v: ondersteuning_zwaar", T),
    P("v.v is ondersteuning_zwaar", "v.v: ondersteuning_licht", F),
    P("v.v at ondersteuning_licht", "v.v: ondersteuning_zwaar", F),
    P("v.v at ondersteuning_licht", "v.v: ondersteuning_licht", T),
    /* BAND or better, is BAND: bands [lo, next lo), the last to the top */
    P("v.p midden or better", "v.p: 0", F),
    P("v.p midden or better", "v.p: 49.9", F),
    P("v.p midden or better", "v.p: 50", T),
    P("v.p midden or better", "v.p: 50.1", T),
    P("v.p midden or better", "v.p: 79.9", T),
    P("v.p midden or better", "v.p: 80", T),
    P("v.p midden or better", "v.p: 100", T),
    P("v.p midden or better", "", U),
    P("v.p hoog or better", "v.p: 79.99", F),
    P("v.p hoog or better", "v.p: 80", T),
    P("v.p laag or better", "v.p: 0", T),
    P("v.p is midden", "v.p: 49.99", F),
    P("v.p is midden", "v.p: 50", T),
    P("v.p is midden", "v.p: 79.99", T),
    P("v.p is midden", "v.p: 80", F),
    P("v.p is midden", "", U),
    P("v.p is laag", "v.p: 0", T),
    P("v.p is laag", "v.p: 49.99", T),
    P("v.p is laag", "v.p: 50", F),
    P("v.p is hoog", "v.p: 79.99", F),
    P("v.p is hoog", "v.p: 80", T),
    P("v.p is hoog", "v.p: 100", T),
    /* number comparisons: one below, equal, one above */
    P("v.n at least 5", "v.n: 4", F),
    P("v.n at least 5", "v.n: 5", T),
    P("v.n at least 5", "v.n: 6", T),
    P("v.n at least 5", "", U),
    P("v.n at most 5", "v.n: 4", T),
    P("v.n at most 5", "v.n: 5", T),
    P("v.n at most 5", "v.n: 6", F),
    P("v.n at most 5", "", U),
    P("v.n more than 5", "v.n: 4", F),
    P("v.n more than 5", "v.n: 5", F),
    P("v.n more than 5", "v.n: 6", T),
    P("v.n more than 5", "", U),
    P("v.n less than 5", "v.n: 4", T),
    P("v.n less than 5", "v.n: 5", F),
    P("v.n less than 5", "v.n: 6", F),
    P("v.n less than 5", "", U),
    P("v.n is 5", "v.n: 4", F),
    P("v.n is 5", "v.n: 5", T),
    P("v.n is 5", "v.n: 6", F),
    P("v.n is 5", "", U),
    P("v.n more than 0", "v.n: 0", F),
    P("v.n at most 0", "v.n: 0", T),
    P("v.q at least 72.5", "v.q: 72.4", F),
    P("v.q at least 72.5", "v.q: 72.5", T),
    P("v.q at least 72.5", "v.q: 72.6", T),
    P("v.q is 72.5", "v.q: 72.5", T),
    P("v.q is 72.5", "v.q: 72.4", F),
    P("v.q at least 70%", "v.q: 69.9", F),
    P("v.q at least 70%", "v.q: 70%", T),
    /* contains: every one listed */
    P("v.w contains leerkracht, ib", "v.w: [leerkracht, ib]", T),
    P("v.w contains leerkracht, ib", "v.w: [leerkracht, ib, ouders]", T),
    P("v.w contains leerkracht, ib", "v.w: [ib]", F),
    P("v.w contains leerkracht, ib", "v.w: [leerkracht]", F),
    P("v.w contains leerkracht, ib", "v.w: [ouders, leerling]", F),
    P("v.w contains leerkracht, ib", "v.w: []", F),
    P("v.w contains leerkracht, ib", "", U),
    P("v.w contains leerling", "v.w: [leerling]", T),
    P("v.w contains leerling", "v.w: [leerkracht, ib, ouders]", F),
    /* contains at least N of */
    P("v.w contains at least 2 of leerkracht, ib, ouders", "v.w: [leerkracht, ib]", T),
    P("v.w contains at least 2 of leerkracht, ib, ouders", "v.w: [ib, ouders, leerling]", T),
    P("v.w contains at least 2 of leerkracht, ib, ouders", "v.w: [leerkracht, ib, ouders]", T),
    P("v.w contains at least 2 of leerkracht, ib, ouders", "v.w: [ib]", F),
    P("v.w contains at least 2 of leerkracht, ib, ouders", "v.w: [ib, leerling]", F),
    P("v.w contains at least 2 of leerkracht, ib, ouders", "v.w: []", F),
    P("v.w contains at least 2 of leerkracht, ib, ouders", "", U),
    P("v.w contains at least 3 of leerkracht, ib, ouders", "v.w: [leerkracht, ib, ouders]", T),
    P("v.w contains at least 3 of leerkracht, ib, ouders", "v.w: [leerkracht, ouders, leerling]", F),
    P("v.w contains at least 1 of ouders, leerling", "v.w: [leerling]", T),
    P("v.w contains at least 1 of ouders, leerling", "v.w: [leerkracht, ib]", F),
    /* within N days/months/years before peildatum: [peildatum - N, peildatum], both ends included */
    P("v.d within 10 days before peildatum", "v.d: 2026-10-01", T), /* the peildatum itself */
    P("v.d within 10 days before peildatum", "v.d: 2026-10-02", F), /* the day after it */
    P("v.d within 10 days before peildatum", "v.d: 2026-09-21", T), /* the first day */
    P("v.d within 10 days before peildatum", "v.d: 2026-09-20", F), /* the day before that */
    P("v.d within 10 days before peildatum", "v.d: 2026-09-25", T),
    P("v.d within 10 days before peildatum", "", U),
    PD("-", "v.d within 10 days before peildatum", "v.d: 2026-09-25", U),
    P("v.d within 12 months before peildatum", "v.d: 2025-10-01", T),
    P("v.d within 12 months before peildatum", "v.d: 2025-09-30", F),
    P("v.d within 12 months before peildatum", "v.d: 2026-10-01", T),
    P("v.d within 12 months before peildatum", "v.d: 2026-10-02", F),
    P("v.d within 12 months before peildatum", "", U),
    PD("-", "v.d within 12 months before peildatum", "v.d: 2026-03-01", U),
    P("v.d within 1 year before peildatum", "v.d: 2025-10-01", T),
    P("v.d within 1 year before peildatum", "v.d: 2025-09-30", F),
    P("v.d within 2 years before peildatum", "v.d: 2024-10-01", T),
    P("v.d within 2 years before peildatum", "v.d: 2024-09-30", F),
    P("v.d within 2 years before peildatum", "v.d: 2026-10-02", F),
    PD("-", "v.d within 2 years before peildatum", "v.d: 2026-03-01", U),
    P("v.d within 3 months before peildatum", "v.d: 2026-07-01", T),
    P("v.d within 3 months before peildatum", "v.d: 2026-06-30", F),
    /* month ends and leap days: a month back from the 31st is the last day of the shorter month */
    PD("2026-03-31", "v.d within 1 month before peildatum", "v.d: 2026-02-28", T),
    PD("2026-03-31", "v.d within 1 month before peildatum", "v.d: 2026-02-27", F),
    PD("2024-03-31", "v.d within 1 month before peildatum", "v.d: 2024-02-29", T),
    PD("2024-03-31", "v.d within 1 month before peildatum", "v.d: 2024-02-28", F),
    PD("2026-05-31", "v.d within 1 month before peildatum", "v.d: 2026-04-30", T),
    PD("2026-05-31", "v.d within 1 month before peildatum", "v.d: 2026-04-29", F),
    PD("2024-02-29", "v.d within 1 year before peildatum", "v.d: 2023-02-28", T),
    PD("2024-02-29", "v.d within 1 year before peildatum", "v.d: 2023-02-27", F),
    PD("2025-02-28", "v.d within 1 year before peildatum", "v.d: 2024-02-28", T),
    PD("2025-02-28", "v.d within 1 year before peildatum", "v.d: 2024-02-27", F),
    PD("2024-03-01", "v.d within 1 day before peildatum", "v.d: 2024-02-29", T),
    PD("2024-03-01", "v.d within 1 day before peildatum", "v.d: 2024-02-28", F),
    PD("2100-03-31", "v.d within 1 month before peildatum", "v.d: 2100-02-28", T), /* no leap year */
    PD("2100-03-31", "v.d within 1 month before peildatum", "v.d: 2100-02-27", F),
    PD("2000-03-31", "v.d within 1 month before peildatum", "v.d: 2000-02-29", T), /* a leap year */
    PD("2000-03-31", "v.d within 1 month before peildatum", "v.d: 2000-02-28", F),
    PD("2025-01-15", "v.d within 1 month before peildatum", "v.d: 2024-12-15", T), /* back over a new year */
    PD("2025-01-15", "v.d within 1 month before peildatum", "v.d: 2024-12-14", F),
    PD("2026-01-31", "v.d within 13 months before peildatum", "v.d: 2024-12-31", T),
    PD("2026-01-31", "v.d within 13 months before peildatum", "v.d: 2024-12-30", F),
    /* before DATE, after DATE: strictly */
    P("v.d before 2024-01-01", "v.d: 2023-12-31", T),
    P("v.d before 2024-01-01", "v.d: 2024-01-01", F),
    P("v.d before 2024-01-01", "v.d: 2024-01-02", F),
    P("v.d before 2024-01-01", "", U),
    P("v.d after 2024-01-01", "v.d: 2023-12-31", F),
    P("v.d after 2024-01-01", "v.d: 2024-01-01", F),
    P("v.d after 2024-01-01", "v.d: 2024-01-02", T),
    P("v.d after 2024-01-01", "", U),
    PD("-", "v.d after 2024-01-01", "v.d: 2024-01-02", T), /* needs no peildatum */
    /* the kinds mixed, unknown from a leaf of each */
    P("v.n at least 5 and v.d before 2024-01-01", "v.n: 5", U),
    P("v.n at least 5 and v.d before 2024-01-01", "v.n: 4", F),
    P("v.s at wijk or v.w contains ib", "v.w: [ib]", T),
    P("v.s at wijk or v.w contains ib", "v.w: [ouders]", U),
    P("at least 1 of (v.p is hoog, v.k is sbo)", "v.p: 85", T),
};

static const char *tfu(int v)
{
    return v == T ? "true" : v == F ? "false" : v == U ? "unknown" : "?";
}

/* The condition as the norm and the ambition of one item: the predicate's value, the item's status
 * (met, not met, unanswered) and its ambition (reached only when true). */
START_TEST(test_pred)
{
    const pred_case *c = &pred_cases[_i];
    char body[1024];
    snprintf(body, sizeof body,
             "promise P1 \"p\"\nagreement A1 \"a\"\n    serves P1\n    item t.x: yesno \"x\"\n        norm %s\n"
             "        ambition %s\n",
             c->cond, c->cond);
    sc_rules *r = compile_body(body);
    checked *k = check_answers(r, c->peildatum, c->answers);
    uint32_t x = item_of(r, "t.x");
    int got = sc_pred_eval(r, k->res.profile, r->items[x].norm);
    ck_assert_msg(got == c->want, "line %d: '%s' with {%s} is %s, not %s", c->line, c->cond, c->answers, tfu(got),
                  tfu(c->want));
    sc_item_status st = c->want == T ? SC_ITEM_MET : c->want == F ? SC_ITEM_NOT_MET : SC_ITEM_UNANSWERED;
    ck_assert_msg(k->res.items[x].status == st, "line %d: item status %d, not %d", c->line, k->res.items[x].status,
                  st);
    sc_ambition_status am = c->want == T ? SC_AMBITION_REACHED : SC_AMBITION_OPEN;
    ck_assert_msg(k->res.items[x].ambition == am, "line %d: ambition %d, not %d", c->line, k->res.items[x].ambition,
                  am);
    sc_group_status g = c->want == T ? SC_GROUP_MET : c->want == F ? SC_GROUP_NOT_MET : SC_GROUP_INCOMPLETE;
    ck_assert_msg(k->res.agreements[0] == g && k->res.promises[0] == g, "line %d: agreement %d, promise %d, not %d",
                  c->line, k->res.agreements[0], k->res.promises[0], g);
    checked_free(k);
    sc_rules_free(r);
}
END_TEST

/* ---- items, agreements, promises, profiles -------------------------------------------------------- */

/* A rules body after BASE, the answers (peildatum as in pred_case) and what must come out, as words:
 * "ITEM=met|not_met|unanswered|not_applicable", "ITEM~reached|open|none" (ambition),
 * "ITEM#BAND|none" (category), "ITEM?ITEM|none" (the answer whose absence leaves it unjudged),
 * "A1=met|not_met|incomplete" (an agreement or a promise by id), "profile=compliant|not_compliant|incomplete". */
typedef struct fold_case {
    int line;
    const char *body;
    const char *answers;
    const char *want;
    const char *peildatum;
} fold_case;

#define C(body, answers, want) {__LINE__, body, answers, want, NULL}
#define CD(peildatum, body, answers, want) {__LINE__, body, answers, want, peildatum}

#define ONE(item) "promise P1 \"p\"\nagreement A1 \"a\"\n    serves P1\n" item

/* an item whose norm applies only to an sbo */
#define WHEN ONE("    item t.x: yesno \"x\"\n        norm is ja\n        when v.k is sbo\n")
/* an ambition only, when it applies */
#define WHEN_AMB ONE("    item t.y: yesno \"y\"\n        ambition is ja\n        when v.k is sbo\n")
/* a banded item with a norm and an ambition */
#define BANDED ONE("    item t.p: percent in hgw \"p\"\n        norm midden or better\n        ambition hoog or better\n")
/* tightenings of an included item's norm, and a norm for an item that had an ambition only */
#define TIGHT                                                                                            \
    "include \"laag.rules\"\n"                                                                           \
    "tighten t.x\n    norm at most 80\n"                                                                 \
    "tighten t.y\n    norm is ja\n"
#define TIGHT2                                                                                           \
    "include \"laag.rules\"\n"                                                                           \
    "tighten t.x\n    norm at most 80 and more than 60\n"                                                  \
    "tighten t.y\n    norm is ja\n"
#define UNTIGHT "include \"laag.rules\"\n"
/* required answers */
#define REQ                                                                                              \
    "field v.verplicht: text \"verplicht\"\n    required\n"                                               \
    ONE("    item t.x: yesno \"x\"\n        norm is ja\n    item t.r: yesno \"r\"\n        required\n"    \
        "        ambition is ja\n")
/* two promises, one with an item of its own; three agreements, one serving both, one with an ambition only */
#define FOLD                                                                                             \
    "promise P1 \"p1\"\n    item p.eigen: yesno \"eigen\"\n        norm is ja\n"                         \
    "promise P2 \"p2\"\n"                                                                                \
    "agreement A1 \"a1\"\n    serves P1\n"                                                               \
    "    item a1.x: yesno \"x\"\n        norm is ja\n    item a1.y: yesno \"y\"\n        norm is ja\n"   \
    "agreement A2 \"a2\"\n    serves P1, P2\n    item a2.x: yesno \"x\"\n        norm is ja\n"           \
    "agreement A3 \"a3\"\n    serves P2\n    item a3.x: yesno \"x\"\n        ambition is ja\n"
#define FOLD_ALL "p.eigen: ja, a1.x: ja, a1.y: ja, a2.x: ja, a3.x: ja"
/* which answer leaves an item unjudged */
#define WHY(norm) ONE("    item t.x: yesno \"x\"\n        norm " norm "\n")
#define WHY_DATE ONE("    item t.d: date \"d\"\n        norm within 1 year before peildatum\n")
#define WHY_WHEN                                                                                         \
    ONE("    item t.x: yesno \"x\"\n        norm is ja and v.a is ja\n        when v.k is sbo\n")

static const fold_case fold_cases[] = {
    /* when: not applicable when it does not hold, unanswered (its norm) and open (its ambition) when unknown */
    C(WHEN, "v.k: bao, t.x: nee", "t.x=not_applicable t.x~none A1=met P1=met profile=compliant"),
    C(WHEN, "v.k: bao", "t.x=not_applicable A1=met P1=met profile=compliant"),
    C(WHEN, "v.k: sbo, t.x: nee", "t.x=not_met A1=not_met P1=not_met profile=not_compliant"),
    C(WHEN, "v.k: sbo, t.x: ja", "t.x=met A1=met P1=met profile=compliant"),
    C(WHEN, "v.k: sbo", "t.x=unanswered t.x?t.x A1=incomplete P1=incomplete profile=incomplete"),
    C(WHEN, "t.x: nee", "t.x=unanswered t.x?v.k A1=incomplete P1=incomplete profile=incomplete"),
    C(WHEN, "t.x: ja", "t.x=unanswered t.x?v.k profile=incomplete"),
    C(WHEN_AMB, "v.k: bao, t.y: ja", "t.y=not_applicable t.y~none profile=compliant"),
    C(WHEN_AMB, "t.y: ja", "t.y=not_applicable t.y~open profile=compliant"),
    C(WHEN_AMB, "v.k: sbo, t.y: ja", "t.y=not_applicable t.y~reached profile=compliant"),
    C(WHEN_AMB, "v.k: sbo, t.y: nee", "t.y=not_applicable t.y~open profile=compliant"),
    C(WHEN_AMB, "v.k: sbo", "t.y=not_applicable t.y~open profile=compliant"),
    C(ONE("    item t.x: yesno \"x\"\n        norm is ja\n        when not v.k is sbo\n"), "v.k: sbo, t.x: nee",
      "t.x=not_applicable profile=compliant"),
    /* a norm and an ambition on a banded item; its category */
    C(BANDED, "t.p: 85", "t.p=met t.p~reached t.p#hoog profile=compliant"),
    C(BANDED, "t.p: 80", "t.p=met t.p~reached t.p#hoog"),
    C(BANDED, "t.p: 60", "t.p=met t.p~open t.p#midden profile=compliant"),
    C(BANDED, "t.p: 50", "t.p=met t.p~open t.p#midden"),
    C(BANDED, "t.p: 49.9", "t.p=not_met t.p~open t.p#laag profile=not_compliant"),
    C(BANDED, "t.p: 0", "t.p=not_met t.p#laag"),
    C(BANDED, "", "t.p=unanswered t.p~open t.p#none t.p?t.p profile=incomplete"),
    C(BANDED, "v.p: 100", "v.p=not_applicable v.p~none v.p#hoog v.p?none"), /* a field: categorised, not judged */
    C(BANDED, "v.p: 49.99", "v.p#laag"),
    C(BANDED, "", "v.p#none v.n#none"),
    /* tightenings: the included norm AND each tightening */
    C(UNTIGHT, "t.x: 81, t.y: nee", "t.x=met t.y=not_applicable t.y~open profile=compliant"),
    C(TIGHT, "t.x: 49, t.y: ja", "t.x=not_met A1=not_met profile=not_compliant"),
    C(TIGHT, "t.x: 50, t.y: ja", "t.x=met A1=met profile=compliant"),
    C(TIGHT, "t.x: 80, t.y: ja", "t.x=met profile=compliant"),
    C(TIGHT, "t.x: 81, t.y: ja", "t.x=not_met A1=not_met P1=not_met profile=not_compliant"),
    C(TIGHT, "t.y: ja", "t.x=unanswered t.x?t.x profile=incomplete"),
    C(TIGHT, "t.x: 50, t.y: nee", "t.y=not_met t.y~open A1=not_met profile=not_compliant"),
    C(TIGHT, "t.x: 50", "t.y=unanswered t.y~open A1=incomplete profile=incomplete"),
    C(TIGHT2, "t.x: 55, t.y: ja", "t.x=not_met profile=not_compliant"),
    C(TIGHT2, "t.x: 61, t.y: ja", "t.x=met profile=compliant"),
    C(TIGHT2, "t.x: 81, t.y: ja", "t.x=not_met"),
    /* required answers: left out, the profile is incomplete even when every norm is met */
    C(REQ, "v.verplicht: tekst, t.x: ja, t.r: ja", "t.x=met t.r=not_applicable A1=met profile=compliant"),
    C(REQ, "t.x: ja, t.r: ja", "A1=met P1=met profile=incomplete"),
    C(REQ, "v.verplicht: tekst, t.x: ja", "t.r=not_applicable t.r~open A1=met P1=met profile=incomplete"),
    C(REQ, "t.x: nee, t.r: ja", "A1=not_met profile=not_compliant"), /* not met wins over left out */
    CD("-", REQ, "v.verplicht: tekst, t.x: ja, t.r: ja", "A1=met profile=incomplete"), /* school.peildatum */
    /* an agreement: not met wins over unanswered, unanswered over met, in either order */
    C(FOLD, FOLD_ALL, "A1=met A2=met A3=met P1=met P2=met profile=compliant"),
    C(FOLD, "p.eigen: ja, a1.x: nee, a1.y: ja, a2.x: ja", "a1.x=not_met A1=not_met A2=met P1=not_met P2=met "
                                                        "profile=not_compliant"),
    C(FOLD, "p.eigen: ja, a1.y: ja, a2.x: ja", "a1.x=unanswered A1=incomplete P1=incomplete P2=met profile=incomplete"),
    C(FOLD, "p.eigen: ja, a1.y: nee, a2.x: ja", "A1=not_met P1=not_met profile=not_compliant"),
    C(FOLD, "p.eigen: ja, a1.x: nee, a2.x: ja", "A1=not_met P1=not_met P2=met profile=not_compliant"),
    C(FOLD, "p.eigen: ja, a1.y: nee, a2.x: ja, a3.x: ja", "A1=not_met"),
    C(FOLD, "p.eigen: ja, a2.x: ja", "A1=incomplete P1=incomplete profile=incomplete"),
    /* a promise: its agreements and its own items, folded the same way */
    C(FOLD, "p.eigen: ja, a1.x: ja, a1.y: ja, a2.x: nee", "A1=met A2=not_met P1=not_met P2=not_met "
                                                        "profile=not_compliant"),
    C(FOLD, "p.eigen: ja, a1.x: ja, a1.y: ja", "A2=incomplete P1=incomplete P2=incomplete profile=incomplete"),
    C(FOLD, "p.eigen: nee, a1.x: ja, a1.y: ja, a2.x: ja", "p.eigen=not_met A1=met A2=met P1=not_met P2=met "
                                                        "profile=not_compliant"),
    C(FOLD, "a1.x: ja, a1.y: ja, a2.x: ja", "p.eigen=unanswered A1=met P1=incomplete P2=met profile=incomplete"),
    C(FOLD, "a1.x: nee, a1.y: ja, a2.x: ja", "A1=not_met P1=not_met profile=not_compliant"),
    C(FOLD, "p.eigen: nee, a1.y: ja, a2.x: ja", "A1=incomplete P1=not_met profile=not_compliant"),
    C(FOLD, "p.eigen: ja, a1.y: ja, a2.x: nee", "A1=incomplete A2=not_met P1=not_met P2=not_met "
                                              "profile=not_compliant"),
    C(FOLD, "p.eigen: ja, a1.x: nee, a1.y: ja", "A1=not_met A2=incomplete P1=not_met P2=incomplete "
                                              "profile=not_compliant"),
    C(FOLD, "p.eigen: ja, a1.x: ja, a1.y: ja, a2.x: ja, a3.x: nee", "a3.x=not_applicable a3.x~open A3=met P2=met "
                                                                  "profile=compliant"),
    C(FOLD, "p.eigen: ja, a1.x: ja, a1.y: ja, a2.x: ja", "a3.x~open A3=met profile=compliant"),
    C(FOLD, FOLD_ALL, "a3.x~reached a1.x~none"),
    /* an agreement that serves no promise still counts for the profile */
    C(ONE("    item t.x: yesno \"x\"\n        norm is ja\n") "agreement A9 \"los\"\n    item l.x: yesno \"x\"\n"
      "        norm is ja\n",
      "t.x: ja, l.x: nee", "A1=met P1=met A9=not_met profile=not_compliant"),
    C(ONE("    item t.x: yesno \"x\"\n        norm is ja\n") "agreement A9 \"los\"\n    item l.x: yesno \"x\"\n"
      "        norm is ja\n",
      "t.x: ja", "A1=met P1=met A9=incomplete profile=incomplete"),
    /* the answer that leaves an item unjudged: its own before others', else the first */
    C(WHY("v.a is ja and is ja"), "", "t.x=unanswered t.x?t.x"),
    C(WHY("v.a is ja and v.b is ja"), "", "t.x=unanswered t.x?v.a"),
    C(WHY("v.a is ja and v.b is ja"), "v.a: ja", "t.x?v.b"),
    C(WHY("v.a is ja and v.b is ja"), "v.a: nee", "t.x=not_met t.x?none"),
    C(WHY("v.a is ja or is ja"), "v.a: nee", "t.x=unanswered t.x?t.x"),
    C(WHY("v.a is ja or is ja"), "t.x: nee", "t.x=unanswered t.x?v.a"),
    C(WHY("not v.a is ja"), "t.x: ja", "t.x=unanswered t.x?v.a"),
    C(WHY("at least 1 of (v.a is ja, v.b is ja)"), "v.a: nee", "t.x=unanswered t.x?v.b"),
    C(WHY("v.a answered or v.b is ja"), "", "t.x=unanswered t.x?v.b"),
    C(WHY("(v.b is ja and v.a is ja) or v.c is ja"), "v.a: nee", "t.x=unanswered t.x?v.c"), /* not the false part */
    C(WHY("is ja"), "t.x: ja", "t.x=met t.x?none"),
    C(WHY_WHEN, "t.x: ja, v.a: ja", "t.x=unanswered t.x?v.k"),
    C(WHY_WHEN, "v.k: sbo, t.x: ja", "t.x=unanswered t.x?v.a"),
    CD("-", WHY_DATE, "t.d: 2026-01-01", "t.d=unanswered t.d?school.peildatum profile=incomplete"),
    CD("-", WHY_DATE, "", "t.d=unanswered t.d?t.d"),
    C(WHY_DATE, "t.d: 2026-01-01", "t.d=met t.d?none profile=compliant"),
};

static const char *const item_words[] = {"met", "not_met", "unanswered", "not_applicable"};
static const char *const ambition_words[] = {"none", "reached", "open"};
static const char *const group_words[] = {"met", "not_met", "incomplete"};
static const char *const profile_words[] = {"compliant", "not_compliant", "incomplete", "invalid"};

static const char *word(const char *const *words, size_t n, unsigned v)
{
    return v < n ? words[v] : "?";
}
#define WORD(words, v) word(words, sizeof words / sizeof words[0], (unsigned)(v))

/* One word of a fold_case's `want` against the result. */
static void expect_word(const fold_case *c, const sc_rules *r, const sc_result *res, const char *w)
{
    size_t at = strcspn(w, "=~#?");
    ck_assert_msg(w[at], "line %d: bad word '%s'", c->line, w);
    char id[64];
    ck_assert_uint_lt(at, sizeof id);
    memcpy(id, w, at);
    id[at] = '\0';
    const char *want = w + at + 1, *got;
    if (strcmp(id, "profile") == 0) {
        got = WORD(profile_words, res->status);
    } else if (!strchr(id, '.')) {
        uint32_t a = sc_rules_find_agreement(r, id), p = sc_rules_find_promise(r, id);
        ck_assert_msg(a != SC_NONE || p != SC_NONE, "line %d: no agreement or promise '%s'", c->line, id);
        got = a != SC_NONE ? WORD(group_words, res->agreements[a]) : WORD(group_words, res->promises[p]);
    } else {
        const sc_item_result *ir = &res->items[item_of(r, id)];
        uint32_t k = item_of(r, id);
        switch (w[at]) {
        case '=': got = WORD(item_words, ir->status); break;
        case '~': got = WORD(ambition_words, ir->ambition); break;
        case '#': {
            uint32_t bands = r->items[k].type.bands;
            got = ir->category == SC_NONE ? "none"
                  : bands != SC_NONE && ir->category < r->bandsets[bands].nbands
                      ? r->bandsets[bands].bands[ir->category].name
                      : "?";
            break;
        }
        default: got = ir->missing == SC_NONE ? "none" : ir->missing < r->nitems ? r->items[ir->missing].id : "?";
        }
    }
    ck_assert_msg(strcmp(got, want) == 0, "line %d: %s: %s, not %s (answers {%s})", c->line, id, got, want, c->answers);
}

START_TEST(test_fold)
{
    const fold_case *c = &fold_cases[_i];
    sc_rules *r = compile_body(c->body);
    checked *k = check_answers(r, c->peildatum, c->answers);
    char want[512];
    snprintf(want, sizeof want, "%s", c->want);
    for (char *save = NULL, *w = strtok_r(want, " ", &save); w; w = strtok_r(NULL, " ", &save))
        expect_word(c, r, &k->res, w);
    checked_free(k);
    sc_rules_free(r);
}
END_TEST

/* ---- versions: which one is in force on a date, and which judges ------------------------------ */

typedef struct force_case {
    int line;
    const char *valid; /* the `valid ...` line, or "" */
    const char *date;
    bool in_force;
} force_case;

#define V(valid, date, in_force) {__LINE__, valid, date, in_force}

static const force_case force_cases[] = {
    V("", "1900-01-01", true),
    V("valid from 2023-08-01", "2023-07-31", false),
    V("valid from 2023-08-01", "2023-08-01", true),
    V("valid from 2023-08-01", "2099-12-31", true),
    V("valid from 2023-08-01 until 2025-07-31", "2023-07-31", false),
    V("valid from 2023-08-01 until 2025-07-31", "2023-08-01", true),
    V("valid from 2023-08-01 until 2025-07-31", "2025-07-31", true),
    V("valid from 2023-08-01 until 2025-07-31", "2025-08-01", false),
};

static sc_rules *compile_valid(const char *valid, const char *version)
{
    char text[512];
    snprintf(text, sizeof text,
             "ruleset \"V\"\nversion \"%s\"\n%s\npromise P1 \"p\"\nagreement A1 \"a\"\n    serves P1\n"
             "    item t.x: yesno \"x\"\n        norm is ja\n",
             version, valid);
    mem_file files[] = {{"v.rules", text}, {NULL, NULL}};
    sc_compile_options opt = {.load = mem_load, .load_ctx = files};
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, sc_test_print_diag, NULL, 0);
    sc_rules *r = sc_compile_file("v.rules", &opt, &sink);
    ck_assert_ptr_nonnull(r);
    return r;
}

static sc_date date_of(const char *s)
{
    sc_date d;
    ck_assert_int_eq(sc_date_parse(s, strlen(s), &d), 0);
    return d;
}

START_TEST(test_in_force)
{
    const force_case *c = &force_cases[_i];
    sc_rules *r = compile_valid(c->valid, "1");
    ck_assert_msg(sc_rules_in_force(r, date_of(c->date)) == c->in_force, "line %d: '%s' on %s", c->line, c->valid,
                  c->date);
    /* one version that is not in force refuses the profile; in force, it judges it */
    char text[200];
    snprintf(text, sizeof text, "profiel: 1\nschool:\n  peildatum: %s\nantwoorden:\n  t.x: ja\n", c->date);
    sc_arena a;
    sc_arena_init(&a, 0);
    sc_result res;
    ck_assert_int_eq(sc_check_profile(&a, r, "p.yaml", text, strlen(text), NULL, &res), 0);
    ck_assert_msg(res.status == (c->in_force ? SC_PROFILE_COMPLIANT : SC_PROFILE_INVALID), "line %d: status %d",
                  c->line, res.status);
    sc_arena_free(&a);
    sc_rules_free(r);
}
END_TEST

/* Several versions: the one in force; of several in force, the latest `valid from` (without one counts as
 * earliest; on a tie the one named first); none in force, the profile is refused. */
typedef struct pick_case {
    int line;
    const char *valid[3]; /* versions "1", "2", "3"; NULL ends the list */
    const char *date;
    const char *want;     /* the version picked, or NULL for none */
} pick_case;

#define K(date, want, ...) {__LINE__, {__VA_ARGS__}, date, want}

static const pick_case pick_cases[] = {
    K("2024-01-01", "1", "valid from 2023-08-01 until 2025-07-31", "valid from 2025-08-01"),
    K("2025-07-31", "1", "valid from 2023-08-01 until 2025-07-31", "valid from 2025-08-01"),
    K("2025-08-01", "2", "valid from 2023-08-01 until 2025-07-31", "valid from 2025-08-01"),
    K("2023-07-31", NULL, "valid from 2023-08-01 until 2025-07-31", "valid from 2025-08-01"),
    K("2026-01-01", "2", "valid from 2023-08-01", "valid from 2025-08-01"),
    K("2026-01-01", "1", "valid from 2025-08-01", "valid from 2023-08-01 until 2030-01-01", "valid from 2025-08-01"),
    K("2024-01-01", "2", "valid from 2025-08-01", "valid from 2023-08-01 until 2030-01-01"),
    K("2026-01-01", "2", "", "valid from 2020-01-01"),
    K("2026-01-01", "1", "valid from 2020-01-01", ""),
    K("2026-01-01", "1", "", ""),
};

START_TEST(test_pick)
{
    const pick_case *c = &pick_cases[_i];
    sc_rules *v[3] = {NULL, NULL, NULL};
    size_t n = 0;
    for (; n < 3 && c->valid[n]; n++) {
        char name[2] = {(char)('1' + n), '\0'};
        v[n] = compile_valid(c->valid[n], name);
    }
    const sc_rules *const *versions = (const sc_rules *const *)v;
    const sc_rules *got = sc_rules_pick(versions, n, date_of(c->date));
    ck_assert_msg(c->want ? got && strcmp(got->version, c->want) == 0 : got == NULL, "line %d: picked %s, not %s",
                  c->line, got ? got->version : "none", c->want ? c->want : "none");
    /* and the profile is judged by that version, or refused when there is none */
    char text[200];
    snprintf(text, sizeof text, "profiel: 1\nschool:\n  peildatum: %s\nantwoorden:\n  t.x: ja\n", c->date);
    sc_arena a;
    sc_arena_init(&a, 0);
    sc_result res;
    ck_assert_int_eq(sc_check_profile_in(&a, versions, n, 0, "p.yaml", text, strlen(text), NULL, &res), 0);
    if (c->want)
        ck_assert_msg(res.status == SC_PROFILE_COMPLIANT && res.rules == got, "line %d: status %d", c->line,
                      res.status);
    else
        ck_assert_msg(res.status == SC_PROFILE_INVALID && res.nerrors == 1, "line %d: status %d", c->line,
                      res.status);
    sc_arena_free(&a);
    for (size_t i = 0; i < n; i++)
        sc_rules_free(v[i]);
}
END_TEST

#define NCASES(a) ((int)(sizeof a / sizeof a[0]))

Suite *suite_eval(void)
{
    Suite *s = suite_create("eval");
    TCase *preds = tcase_create("predicates");
    tcase_add_loop_test(preds, test_pred, 0, NCASES(pred_cases));
    suite_add_tcase(s, preds);
    TCase *folds = tcase_create("folds");
    tcase_add_loop_test(folds, test_fold, 0, NCASES(fold_cases));
    suite_add_tcase(s, folds);
    TCase *versions = tcase_create("versions");
    tcase_add_loop_test(versions, test_in_force, 0, NCASES(force_cases));
    tcase_add_loop_test(versions, test_pick, 0, NCASES(pick_cases));
    suite_add_tcase(s, versions);
    return s;
}
