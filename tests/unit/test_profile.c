/* tests/unit/test_profile.c — binding a profile to compiled rules: answers by type, unknown keys, and every error at its line:col. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/text.h"
#include "dsl/compile.h"
#include "engine/check.h"
#include "engine/profile.h"

#include "test_util.h"

Suite *suite_profile(void);

#define DATA "tests/data/profile/"

/* Compiled once per test case (an unchecked fixture runs before the tests fork). */
static sc_rules *small_rules;
static sc_rules *required_rules;

static void compile_rules(void)
{
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, sc_test_print_diag, NULL, 0);
    small_rules = sc_compile_file(DATA "small.rules", NULL, &sink);
    required_rules = sc_compile_file(DATA "required.rules", NULL, &sink);
    ck_assert_ptr_nonnull(small_rules);
    ck_assert_ptr_nonnull(required_rules);
}

static void free_rules(void)
{
    sc_rules_free(small_rules);
    sc_rules_free(required_rules);
    small_rules = required_rules = NULL;
}

/* One load: what was reported and the profile, freed by run_done. */
typedef struct profile_run {
    sc_arena arena;
    sc_test_diags diags;
    const sc_rules *rules;
    sc_profile profile;
    char *text;
    int rc;
} profile_run;

/* The messages these tests read are the English ones (Dutch is the default; tests/bad-nl reads those). */
static const sc_yaml_limits english = {.lang = SC_LANG_EN};

static profile_run *run_with(const sc_rules *rules, const char *text)
{
    profile_run *r = calloc(1, sizeof *r);
    ck_assert_ptr_nonnull(r);
    r->rules = rules;
    r->text = strdup(text);
    sc_arena_init(&r->arena, 0);
    sc_test_diags_init(&r->diags);
    r->rc = sc_profile_load(&r->arena, rules, "school.yaml", r->text, strlen(r->text), &english, &r->diags.sink,
                            &r->profile);
    return r;
}

/* The header every answers-only test shares: five lines, so the first answer line is line 6. */
#define HEADER "profiel: 1\nschool:\n  peildatum: 2026-10-01\n  naam: De Regenboog\nantwoorden:\n"

static profile_run *run_answers(const char *answers)
{
    size_t n = strlen(HEADER) + strlen(answers) + 1;
    char *text = malloc(n);
    ck_assert_ptr_nonnull(text);
    snprintf(text, n, "%s%s", HEADER, answers);
    profile_run *r = run_with(small_rules, text);
    free(text);
    return r;
}

static void run_done(profile_run *r)
{
    sc_arena_free(&r->arena);
    free(r->text);
    free(r);
}

static uint32_t item_index(const sc_rules *rules, const char *id)
{
    uint32_t k = sc_rules_find_item(rules, id, strlen(id));
    ck_assert_msg(k != SC_NONE, "no item '%s' in the test rules", id);
    return k;
}

/* A bound answer as plain text, to compare with what the profile says ("school", "72.5", "leerkracht, ib",
 * "2026-03-15"); "" when it is not there. The reports render answers for people with sc_report_value. */
static const char *answer_text(sc_arena *a, const sc_rules *rules, uint32_t item, const sc_value *v)
{
    if (!v || !v->present || item >= rules->nitems)
        return "";
    const sc_type *type = &rules->items[item].type;
    char buf[32];
    switch (type->kind) {
    case SC_TYPE_YESNO:
        return v->v.yes ? "ja" : "nee";
    case SC_TYPE_NUMBER:
    case SC_TYPE_PERCENT:
        snprintf(buf, sizeof buf, "%.15g", v->v.number == 0 ? 0 : v->v.number); /* no "-0" */
        return sc_arena_strdup(a, buf);
    case SC_TYPE_DATE:
        sc_date_format(v->v.date, buf);
        return sc_arena_strdup(a, buf);
    case SC_TYPE_TEXT:
        return v->v.text ? v->v.text : "";
    case SC_TYPE_SCALE: {
        const sc_scale *scale = &rules->scales[type->scale];
        return v->v.member < scale->nmembers ? scale->members[v->v.member].name : "";
    }
    case SC_TYPE_SET: {
        const sc_scale *scale = &rules->scales[type->scale];
        size_t total = 1;
        for (uint32_t m = 0; m < scale->nmembers && m < 64; m++)
            if (v->v.set & ((uint64_t)1 << m))
                total += strlen(scale->members[m].name) + 2;
        char *text = sc_arena_alloc(a, total);
        if (!text)
            return NULL;
        size_t at = 0;
        text[0] = '\0';
        for (uint32_t m = 0; m < scale->nmembers && m < 64; m++)
            if (v->v.set & ((uint64_t)1 << m)) {
                size_t n = strlen(scale->members[m].name);
                if (at) {
                    memcpy(text + at, ", ", 2);
                    at += 2;
                }
                memcpy(text + at, scale->members[m].name, n);
                at += n;
                text[at] = '\0';
            }
        return text;
    }
    }
    return "";
}

static const sc_value *answer_of(profile_run *r, const char *id)
{
    return &r->profile.answers[item_index(r->rules, id)];
}

static const char *text_of(profile_run *r, const char *id)
{
    return answer_text(&r->arena, r->rules, item_index(r->rules, id), answer_of(r, id));
}

/* The run was refused and its first error is at line:col with `fragment` in the message. */
static void assert_first_error(profile_run *r, unsigned line, unsigned col, const char *fragment)
{
    ck_assert_int_eq(r->rc, -1);
    sc_test_assert_first_at(&r->diags, line, col, fragment);
}

/* The answers are refused, with exactly one error, at line:col, naming `fragment`. */
static void assert_answers_refused(const char *answers, unsigned line, unsigned col, const char *fragment)
{
    profile_run *r = run_answers(answers);
    assert_first_error(r, line, col, fragment);
    ck_assert_msg(r->diags.sink.errors == 1, "%u errors for '%s' (second: %s)", r->diags.sink.errors, answers,
                  r->diags.message[1]);
    run_done(r);
}

/* The answers are accepted, and item `id` reads back as `text`. */
static void assert_answer_text(const char *answers, const char *id, const char *text)
{
    profile_run *r = run_answers(answers);
    ck_assert_msg(r->rc == 0, "'%s' refused: %s", answers, r->diags.message[0]);
    ck_assert_uint_eq(r->diags.sink.errors, 0);
    ck_assert(answer_of(r, id)->present);
    ck_assert_str_eq(text_of(r, id), text);
    run_done(r);
}

#define REFUSED(answers, line, col, fragment) assert_answers_refused((answers), (line), (col), (fragment))
#define ACCEPTED(answers, id, text) assert_answer_text((answers), (id), (text))

static char *read_file(const char *path, size_t *len)
{
    char *text = sc_test_read_file(path, len);
    ck_assert_msg(text != NULL, "cannot open %s", path);
    return text;
}

/* --- a whole profile ------------------------------------------------------------------------- */

START_TEST(test_valid_profile)
{
    size_t len;
    char *text = read_file(DATA "valid.yaml", &len);
    profile_run *r = run_with(small_rules, text);
    free(text);
    ck_assert_msg(r->rc == 0, "refused: %u:%u %s", r->diags.line[0], r->diags.col[0], r->diags.message[0]);
    ck_assert_uint_eq(r->diags.sink.errors, 0);
    ck_assert_uint_eq(r->profile.format, 1);
    ck_assert_ptr_eq(r->profile.rules, small_rules);
    ck_assert(r->profile.has_peildatum);
    ck_assert_int_eq(r->profile.peildatum, sc_date_from_ymd(2026, 10, 1));
    ck_assert_str_eq(text_of(r, "school.brin"), "12AB00");
    ck_assert_str_eq(text_of(r, "school.naam"), "Basisschool De Regenboog");
    ck_assert_str_eq(text_of(r, "school.soort"), "bao");
    ck_assert_str_eq(text_of(r, "aanbod.dyscalculie"), "school");
    ck_assert_str_eq(text_of(r, "aanbod.dyslexie"), "wijk");
    ck_assert_str_eq(text_of(r, "veiligheid.beleid"), "ja");
    ck_assert_str_eq(text_of(r, "opp.evaluaties_per_jaar"), "2");
    ck_assert_str_eq(text_of(r, "hgw.onderwijsbehoeften"), "72.5");
    ck_assert_str_eq(text_of(r, "sop.laatst_geactualiseerd"), "2026-03-15");
    ck_assert_str_eq(text_of(r, "ihi.betrokkenen"), "leerkracht, ib, ouders");
    ck_assert_str_eq(text_of(r, "ihi.toelichting"), "geëvalueerd met het team");
    /* typed values and their places */
    const sc_value *v = answer_of(r, "aanbod.dyscalculie");
    ck_assert_uint_eq(v->v.member, 0);
    ck_assert_uint_eq(v->line, 10);
    ck_assert_uint_eq(v->col, 18);
    ck_assert_str_eq(v->raw, "school");
    v = answer_of(r, "aanbod.dyslexie"); /* written dotted */
    ck_assert_uint_eq(v->v.member, 1);
    ck_assert_uint_eq(v->line, 11);
    ck_assert_uint_eq(v->col, 20);
    ck_assert(answer_of(r, "veiligheid.beleid")->v.yes);
    ck_assert(answer_of(r, "opp.evaluaties_per_jaar")->v.number == 2);
    ck_assert(answer_of(r, "hgw.onderwijsbehoeften")->v.number == 72.5);
    ck_assert_str_eq(answer_of(r, "hgw.onderwijsbehoeften")->raw, "72.5%");
    ck_assert_int_eq(answer_of(r, "sop.laatst_geactualiseerd")->v.date, sc_date_from_ymd(2026, 3, 15));
    ck_assert_uint_eq(answer_of(r, "ihi.betrokkenen")->v.set, 0x7);
    ck_assert_ptr_null(answer_of(r, "ihi.betrokkenen")->raw);
    ck_assert_uint_eq(answer_of(r, "ihi.betrokkenen")->line, 21);
    /* what was not written is unanswered, with no place */
    v = answer_of(r, "school.wijk");
    ck_assert(!v->present);
    ck_assert_uint_eq(v->line, 0);
    ck_assert_str_eq(text_of(r, "school.wijk"), "");
    run_done(r);
}
END_TEST

START_TEST(test_crlf_profile)
{
    profile_run *r = run_with(small_rules, "profiel: 1\r\nschool:\r\n  peildatum: 2026-10-01\r\nantwoorden:\r\n"
                                           "  ihi:\r\n    betrokkenen:\r\n      - ib\r\n      - leerling\r\n");
    ck_assert_int_eq(r->rc, 0);
    ck_assert_str_eq(text_of(r, "ihi.betrokkenen"), "ib, leerling");
    ck_assert_uint_eq(answer_of(r, "ihi.betrokkenen")->line, 7);
    ck_assert_uint_eq(answer_of(r, "ihi.betrokkenen")->col, 7);
    run_done(r);
}
END_TEST

START_TEST(test_keep_going_and_fill)
{
    /* every problem is reported, in file order, and the rest is still bound */
    profile_run *r = run_answers("  aanbod:\n    dyslexi: school\n    dyscalculie: wijk\n  veiligheid.beleid: soms\n"
                                 "  opp.evaluaties_per_jaar: twee\n");
    ck_assert_int_eq(r->rc, -1);
    ck_assert_uint_eq(r->diags.sink.errors, 3);
    ck_assert_uint_eq(r->diags.line[0], 7);
    ck_assert_uint_eq(r->diags.line[1], 9);
    ck_assert_uint_eq(r->diags.line[2], 10);
    ck_assert_str_eq(text_of(r, "aanbod.dyscalculie"), "wijk");
    ck_assert_str_eq(text_of(r, "school.naam"), "De Regenboog");
    ck_assert(r->profile.has_peildatum);
    /* a refused answer is unanswered, placed at its key */
    const sc_value *v = answer_of(r, "veiligheid.beleid");
    ck_assert(!v->present);
    ck_assert_uint_eq(v->line, 9);
    ck_assert_uint_eq(v->col, 3);
    run_done(r);
}
END_TEST

START_TEST(test_yaml_errors_pass_through)
{
    profile_run *r = run_answers("  aanbod:\n    dyscalculie: school\n    dyscalculie: wijk\n");
    assert_first_error(r, 8, 5, "the key 'dyscalculie' appears twice");
    ck_assert_uint_eq(r->diags.sink.errors, 1);
    run_done(r);
    r = run_with(small_rules, "profiel: 1\nschool: &s\n  peildatum: 2026-10-01\n");
    assert_first_error(r, 2, 9, "anchors");
    run_done(r);
    r = run_with(small_rules, "profiel: 1\nschool:\n  naam: \"open\n");
    assert_first_error(r, 3, 14, "YAML syntax error"); /* at the end of the last line, not on the empty line after it */
    run_done(r);
}
END_TEST

/* --- the top level ---------------------------------------------------------------------------- */

START_TEST(test_top_level_shape)
{
    profile_run *r = run_with(small_rules, "");
    assert_first_error(r, 1, 1, "the profile is empty");
    ck_assert_uint_eq(r->diags.sink.errors, 1);
    run_done(r);
    r = run_with(small_rules, "# alleen commentaar\n\n");
    assert_first_error(r, 1, 1, "the profile is empty");
    run_done(r);
    r = run_with(small_rules, "\n- profiel: 1\n");
    assert_first_error(r, 1, 1, "not a list");
    run_done(r);
    r = run_with(small_rules, "\n\nprofiel\n");
    assert_first_error(r, 1, 1, "not a single value");
    run_done(r);
}
END_TEST

START_TEST(test_format_number)
{
    profile_run *r = run_with(small_rules, "school:\n  peildatum: 2026-10-01\n");
    assert_first_error(r, 1, 1, "no 'profiel:' line");
    ck_assert_uint_eq(r->diags.sink.errors, 1);
    ck_assert_uint_eq(r->profile.format, 0);
    run_done(r);
    r = run_with(small_rules, "profiel: 2\nschool:\n  peildatum: 2026-10-01\n");
    assert_first_error(r, 1, 10, "profile format '2' is unknown");
    run_done(r);
    r = run_with(small_rules, "profiel:\nschool:\n  peildatum: 2026-10-01\n");
    assert_first_error(r, 1, 9, "'profiel' must be the format number 1");
    run_done(r);
    r = run_with(small_rules, "profiel: \"1\"\nschool:\n  peildatum: 2026-10-01\n");
    ck_assert_int_eq(r->rc, 0);
    ck_assert_uint_eq(r->profile.format, 1);
    run_done(r);
}
END_TEST

START_TEST(test_unknown_top_level_keys)
{
    profile_run *r = run_with(small_rules, "profiel: 1\nschool:\n  peildatum: 2026-10-01\nantwoord:\n  x: 1\n");
    assert_first_error(r, 4, 1, "unknown key 'antwoord'");
    ck_assert_str_eq(r->diags.hint[0], "did you mean 'antwoorden'?");
    run_done(r);
    r = run_with(small_rules, "profiel: 1\npeildatum: 2026-10-01\nschool:\n  naam: x\n");
    assert_first_error(r, 2, 1, "unknown key 'peildatum'");
    ck_assert_ptr_nonnull(strstr(r->diags.hint[0], "under 'school:'"));
    run_done(r);
    r = run_with(small_rules, "profiel: 1\nschool:\n  peildatum: 2026-10-01\naanbod:\n  dyscalculie: school\n");
    assert_first_error(r, 4, 1, "unknown key 'aanbod'");
    ck_assert_ptr_nonnull(strstr(r->diags.hint[0], "under 'antwoorden:'"));
    run_done(r);
    r = run_with(small_rules, "profiel: 1\nschool:\n  peildatum: 2026-10-01\nxyz: 1\n");
    assert_first_error(r, 4, 1, "unknown key 'xyz'");
    ck_assert_uint_eq(r->diags.sink.errors, 1);
    run_done(r);
}
END_TEST

START_TEST(test_sections_of_the_wrong_shape)
{
    profile_run *r = run_with(small_rules, "profiel: 1\nschool: De Regenboog\n");
    assert_first_error(r, 2, 9, "'school' must hold keys and answers, not a single value");
    /* the peildatum is then missing: no second error, listed as missing at the school key */
    ck_assert_uint_eq(r->diags.sink.errors, 1);
    ck_assert_uint_eq(r->profile.nmissing, 1);
    ck_assert_uint_eq(r->profile.missing[0].line, 2);
    ck_assert_uint_eq(r->profile.missing[0].col, 1);
    run_done(r);
    r = run_answers("  - aanbod\n");
    assert_first_error(r, 6, 3, "'antwoorden' must hold keys and answers, not a list");
    run_done(r);
    /* antwoorden absent, or empty: everything is unanswered, nothing is wrong */
    r = run_with(small_rules, "profiel: 1\nschool:\n  peildatum: 2026-10-01\n");
    ck_assert_int_eq(r->rc, 0);
    for (uint32_t i = 0; i < small_rules->nitems; i++)
        if (strcmp(small_rules->items[i].id, "school.peildatum") != 0)
            ck_assert(!r->profile.answers[i].present);
    run_done(r);
    r = run_answers("");
    ck_assert_int_eq(r->rc, 0);
    run_done(r);
    r = run_with(small_rules, "profiel: 1\nschool:\n  peildatum: 2026-10-01\nantwoorden: {}\n");
    ck_assert_int_eq(r->rc, 0);
    run_done(r);
}
END_TEST

/* --- keys -------------------------------------------------------------------------------------- */

START_TEST(test_nested_and_dotted_keys)
{
    ACCEPTED("  aanbod:\n    dyscalculie: wijk\n", "aanbod.dyscalculie", "wijk");
    ACCEPTED("  aanbod.dyscalculie: wijk\n", "aanbod.dyscalculie", "wijk");
    ACCEPTED("  aanbod: {dyscalculie: bestuur}\n", "aanbod.dyscalculie", "bestuur");
    ACCEPTED("  ihi: {betrokkenen: [ib]}\n", "ihi.betrokkenen", "ib");
    /* an empty group is no answer and no error */
    profile_run *r = run_answers("  aanbod:\n  ihi: {}\n");
    ck_assert_int_eq(r->rc, 0);
    ck_assert(!answer_of(r, "aanbod.dyscalculie")->present);
    run_done(r);
}
END_TEST

START_TEST(test_answered_twice)
{
    REFUSED("  aanbod:\n    dyscalculie: school\n  aanbod.dyscalculie: wijk\n", 8, 3,
            "'aanbod.dyscalculie' is answered twice (first at line 7)");
    REFUSED("  aanbod.dyscalculie: wijk\n  aanbod:\n    dyscalculie: school\n", 8, 5,
            "'aanbod.dyscalculie' is answered twice (first at line 6)");
    /* an empty answer counts as one too */
    REFUSED("  aanbod.dyscalculie:\n  aanbod:\n    dyscalculie: school\n", 8, 5, "answered twice");
    /* the first answer stays */
    profile_run *r = run_answers("  aanbod.dyscalculie: wijk\n  aanbod: {dyscalculie: school}\n");
    ck_assert_str_eq(text_of(r, "aanbod.dyscalculie"), "wijk");
    run_done(r);
}
END_TEST

START_TEST(test_unknown_keys_with_suggestions)
{
    profile_run *r = run_answers("  aanbod:\n    dyslexi: school\n");
    assert_first_error(r, 7, 5, "unknown key 'aanbod.dyslexi'");
    ck_assert_str_eq(r->diags.hint[0], "did you mean 'aanbod.dyslexie'?");
    run_done(r);
    r = run_answers("  aanbod.dyslexi: school\n");
    assert_first_error(r, 6, 3, "unknown key 'aanbod.dyslexi'");
    ck_assert_str_eq(r->diags.hint[0], "did you mean 'aanbod.dyslexie'?");
    run_done(r);
    /* a misspelt group */
    r = run_answers("  aanbd:\n    dyslexie: school\n");
    assert_first_error(r, 6, 3, "unknown key 'aanbd'");
    ck_assert_str_eq(r->diags.hint[0], "did you mean 'aanbod'?");
    ck_assert_uint_eq(r->diags.sink.errors, 1);
    run_done(r);
    /* nothing close: the nearest sibling, and what the group holds */
    r = run_answers("  aanbod:\n    rekenen: school\n");
    assert_first_error(r, 7, 5, "unknown key 'aanbod.rekenen'");
    ck_assert_ptr_nonnull(strstr(r->diags.hint[0], "did you mean 'aanbod."));
    ck_assert_ptr_nonnull(strstr(r->diags.hint[0], "'aanbod' has: dyscalculie, dyslexie"));
    run_done(r);
    /* school keys */
    r = run_with(small_rules, "profiel: 1\nschool:\n  peildatum: 2026-10-01\n  naaam: x\n");
    assert_first_error(r, 4, 3, "unknown key 'school.naaam'");
    ck_assert_str_eq(r->diags.hint[0], "did you mean 'school.naam'?");
    run_done(r);
    /* a prefix that matches no item, and a key past an item */
    REFUSED("  onbekend:\n    iets: 1\n", 6, 3, "unknown key 'onbekend'");
    REFUSED("  veiligheid.beleid.extra: ja\n", 6, 3, "unknown key 'veiligheid.beleid.extra'");
    REFUSED("  \"\": ja\n", 6, 3, "unknown key ''");
}
END_TEST

START_TEST(test_keys_in_the_wrong_section)
{
    REFUSED("  school.naam: x\n", 6, 3, "'school.naam' belongs under 'school:', not under 'antwoorden:'");
    REFUSED("  school:\n    naam: x\n", 7, 5, "'school.naam' belongs under 'school:'");
    profile_run *r = run_with(small_rules, "profiel: 1\nschool:\n  peildatum: 2026-10-01\n  aanbod: school\n");
    assert_first_error(r, 4, 3, "unknown key 'school.aanbod'");
    run_done(r);
}
END_TEST

START_TEST(test_shapes_that_do_not_fit)
{
    /* a mapping where an item expects a value */
    REFUSED("  veiligheid:\n    beleid:\n      antwoord:\n        x: ja\n", 9, 9,
            "'veiligheid.beleid' is one question; its answer cannot be a mapping");
    /* a mapping that is not the long form */
    REFUSED("  veiligheid:\n    beleid:\n      x: ja\n", 8, 7, "unknown key 'x' under 'veiligheid.beleid'");
    /* a value where a group is expected */
    REFUSED("  aanbod: school\n", 6, 11, "'aanbod' is a group of questions, not one question");
    profile_run *r = run_answers("  aanbod: school\n");
    ck_assert_ptr_nonnull(strstr(r->diags.hint[0], "dyscalculie, dyslexie"));
    run_done(r);
    /* a list for a single answer */
    REFUSED("  aanbod.dyscalculie: [school]\n", 6, 23, "'aanbod.dyscalculie' takes one answer, but a list was given");
    r = run_answers("  aanbod.dyscalculie: [school]\n");
    ck_assert_ptr_nonnull(strstr(r->diags.hint[0], "one of: school, wijk, bestuur, geen"));
    run_done(r);
}
END_TEST


/* --- what the school describes beside its answers ------------------------------------------------ */

/* The long form of an answer: 'antwoord' as the answer, texts and capacity kept beside it, located. */
START_TEST(test_long_form)
{
    profile_run *r = run_answers("  aanbod:\n    dyscalculie:\n      antwoord: wijk\n      toelichting: \"Lang.\"\n"
                                 "      ouders: \"Kort.\"\n  extra:\n    plusklas:\n      antwoord: school\n"
                                 "      plaatsen: 12\n      uren_per_week: 2.5\n    lift: ja\n");
    ck_assert_int_eq(r->rc, 0);
    ck_assert_str_eq(text_of(r, "aanbod.dyscalculie"), "wijk");
    ck_assert_uint_eq(answer_of(r, "aanbod.dyscalculie")->line, 8);
    ck_assert_uint_eq(answer_of(r, "aanbod.dyscalculie")->col, 17);
    ck_assert_ptr_nonnull(r->profile.details);
    const sc_answer_details *d = r->profile.details[item_index(r->rules, "aanbod.dyscalculie")];
    ck_assert_ptr_nonnull(d);
    ck_assert_str_eq(d->sop.text, "Lang.");
    ck_assert_uint_eq(d->sop.line, 9);
    ck_assert_str_eq(d->parents.text, "Kort.");
    ck_assert_uint_eq(d->parents.line, 10);
    ck_assert(!d->has_places && !d->has_hours);
    d = r->profile.details[item_index(r->rules, "extra.plusklas")];
    ck_assert_ptr_nonnull(d);
    ck_assert_str_eq(text_of(r, "extra.plusklas"), "school");
    ck_assert(d->has_places && d->has_hours);
    ck_assert_uint_eq(d->places, 12);
    ck_assert_uint_eq(d->places_line, 14);
    ck_assert(d->hours == 2.5);
    ck_assert_ptr_null(d->sop.text);
    /* a short answer has no details */
    ck_assert_ptr_null(r->profile.details[item_index(r->rules, "extra.lift")]);
    ck_assert_str_eq(text_of(r, "extra.lift"), "ja");
    run_done(r);

    /* without 'antwoord' the item is unanswered, at its key; its text is kept */
    r = run_answers("  aanbod:\n    dyslexie:\n      toelichting: \"Volgt.\"\n");
    ck_assert_int_eq(r->rc, 0);
    ck_assert(!answer_of(r, "aanbod.dyslexie")->present);
    ck_assert_uint_eq(answer_of(r, "aanbod.dyslexie")->line, 7);
    ck_assert_str_eq(r->profile.details[item_index(r->rules, "aanbod.dyslexie")]->sop.text, "Volgt.");
    run_done(r);

    /* no long form anywhere: no details at all */
    r = run_answers("  aanbod.dyslexie: school\n");
    ck_assert_int_eq(r->rc, 0);
    ck_assert_ptr_null(r->profile.details);
    run_done(r);

    REFUSED("  extra:\n    plusklas:\n      plaatsen: 12.5\n", 8, 17, "'12.5' for 'extra.plusklas.plaatsen' is not a number of places");
    REFUSED("  extra:\n    plusklas:\n      uren_per_week: 169\n", 8, 22,
            "'169' for 'extra.plusklas.uren_per_week' is not a number of hours a week");
    REFUSED("  extra:\n    plusklas:\n      uren_per_week: -1\n", 8, 22,
            "'-1' for 'extra.plusklas.uren_per_week' is not a number of hours a week");
    REFUSED("  extra:\n    lift:\n      plaatsen: 1\n", 8, 7, "'extra.lift' does not ask for 'plaatsen'");
    REFUSED("  extra:\n    plusklas:\n      uren: 1\n", 8, 7, "unknown key 'uren' under 'extra.plusklas'");
    REFUSED("  extra:\n    plusklas:\n      toelichting: [a]\n", 8, 20, "'extra.plusklas.toelichting' takes a text, not a list");
}
END_TEST

/* A text at exactly its limit passes, one character more is refused (counted in characters, not bytes). */
START_TEST(test_text_limits)
{
    for (unsigned extra = 0; extra < 2; extra++) {
        unsigned limits[] = {SC_PROFILE_TEXT_MAX, SC_PROFILE_PARENTS_TEXT_MAX};
        const char *keys[] = {"toelichting", "ouders"};
        for (int k = 0; k < 2; k++) {
            size_t n = limits[k] + extra;
            char *answers = malloc(2 * n + 128);
            ck_assert_ptr_nonnull(answers);
            size_t at = (size_t)sprintf(answers, "  aanbod:\n    dyslexie:\n      %s: \"", keys[k]);
            for (size_t i = 0; i < n; i++) {
                memcpy(answers + at, "\xc3\xa9", 2); /* é: two bytes, one character */
                at += 2;
            }
            strcpy(answers + at, "\"\n");
            profile_run *r = run_answers(answers);
            ck_assert_msg(r->rc == (extra ? -1 : 0), "%s with %zu characters", keys[k], n);
            if (extra)
                ck_assert_ptr_nonnull(strstr(r->diags.message[0], "characters long, more than the"));
            run_done(r);
            free(answers);
        }
    }
}
END_TEST

/* 'teksten', 'grenzen', 'ambities' and 'expertise_in_ontwikkeling' at the top of a profile. */
START_TEST(test_school_texts)
{
    const char *text = "profiel: 1\nschool:\n  peildatum: 2026-10-01\nantwoorden:\n"
                       "teksten:\n  school: \"Over ons.\"\n  A1:\n    sop: \"Aanbod lang.\"\n    ouders: \"Aanbod kort.\"\n"
                       "  P1: \"Belofte.\"\n  C1:\n    ouders: \"Extra kort.\"\n"
                       "grenzen:\n  sop: \"Geen verpleegkundige zorg.\"\n  ouders: \"Vraag het ons.\"\n"
                       "ambities:\n  - \"Een plusklas.\"\n  - tekst: \"Een prikkelarme ruimte.\"\n    streefdatum: 2027-08-01\n"
                       "expertise_in_ontwikkeling:\n  - tekst: \"Executieve functies.\"\n";
    profile_run *r = run_with(small_rules, text);
    ck_assert_int_eq(r->rc, 0);
    const sc_profile *p = &r->profile;
    ck_assert_uint_eq(p->nsection_texts, 4);
    ck_assert_int_eq(p->section_texts[0].kind, SC_SECTION_SCHOOL);
    ck_assert_str_eq(p->section_texts[0].texts.sop.text, "Over ons.");
    ck_assert_ptr_null(p->section_texts[0].texts.parents.text);
    ck_assert_int_eq(p->section_texts[1].kind, SC_SECTION_AGREEMENT);
    ck_assert_uint_eq(p->section_texts[1].index, 0);
    ck_assert_str_eq(p->section_texts[1].texts.parents.text, "Aanbod kort.");
    ck_assert_uint_eq(p->section_texts[1].texts.parents.line, 9);
    ck_assert_int_eq(p->section_texts[2].kind, SC_SECTION_PROMISE);
    ck_assert_int_eq(p->section_texts[3].kind, SC_SECTION_CATALOGUE);
    ck_assert_str_eq(p->limits.sop.text, "Geen verpleegkundige zorg.");
    ck_assert_str_eq(p->limits.parents.text, "Vraag het ons.");
    ck_assert_uint_eq(p->nambitions, 2);
    ck_assert_str_eq(p->ambitions[0].text.text, "Een plusklas.");
    ck_assert(!p->ambitions[0].has_date);
    ck_assert(p->ambitions[1].has_date);
    char d[16];
    sc_date_format(p->ambitions[1].date, d);
    ck_assert_str_eq(d, "2027-08-01");
    ck_assert_uint_eq(p->ndeveloping, 1);
    ck_assert_str_eq(p->developing[0].text.text, "Executieve functies.");
    run_done(r);
}
END_TEST

/* --- values by type ------------------------------------------------------------------------------ */

START_TEST(test_yesno)
{
    const char *yes[] = {"ja", "JA", "Ja", "true", "True", "yes", "\"ja\""};
    const char *no[] = {"nee", "Nee", "NEE", "false", "no", "'nee'"};
    char line[64];
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        snprintf(line, sizeof line, "  veiligheid.beleid: %s\n", yes[i]);
        ACCEPTED(line, "veiligheid.beleid", "ja");
    }
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
        snprintf(line, sizeof line, "  veiligheid.beleid: %s\n", no[i]);
        ACCEPTED(line, "veiligheid.beleid", "nee");
    }
    REFUSED("  veiligheid.beleid: soms\n", 6, 22, "'soms' is not an answer to the yes/no question 'veiligheid.beleid'");
    REFUSED("  veiligheid.beleid: 1\n", 6, 22, "'1' is not an answer to the yes/no question");
    REFUSED("  veiligheid.beleid: jaa\n", 6, 22, "'jaa'");
    profile_run *r = run_answers("  veiligheid.beleid: soms\n");
    ck_assert_str_eq(r->diags.hint[0], "write ja or nee");
    run_done(r);
}
END_TEST

START_TEST(test_number)
{
    ACCEPTED("  opp.evaluaties_per_jaar: 2\n", "opp.evaluaties_per_jaar", "2");
    ACCEPTED("  opp.evaluaties_per_jaar: 0\n", "opp.evaluaties_per_jaar", "0");
    ACCEPTED("  opp.evaluaties_per_jaar: 12\n", "opp.evaluaties_per_jaar", "12");
    ACCEPTED("  opp.evaluaties_per_jaar: \"4\"\n", "opp.evaluaties_per_jaar", "4");
    ACCEPTED("  opp.evaluaties_per_jaar: 3.0\n", "opp.evaluaties_per_jaar", "3");
    /* each refusal names the range */
    REFUSED("  opp.evaluaties_per_jaar: 2.5\n", 6, 28, "'2.5' for 'opp.evaluaties_per_jaar' is not a whole number; the answer is a whole number from 0 to 12");
    REFUSED("  opp.evaluaties_per_jaar: -1\n", 6, 28, "'-1' for 'opp.evaluaties_per_jaar' is outside the allowed range 0 to 12");
    REFUSED("  opp.evaluaties_per_jaar: 13\n", 6, 28, "outside the allowed range 0 to 12");
    REFUSED("  opp.evaluaties_per_jaar: twee\n", 6, 28, "'twee' for 'opp.evaluaties_per_jaar' is not a whole number from 0 to 12");
    REFUSED("  opp.evaluaties_per_jaar: 1e3\n", 6, 28, "is not a whole number from 0 to 12");
    REFUSED("  opp.evaluaties_per_jaar: 99999999999999999999\n", 6, 28, "outside the allowed range 0 to 12");
}
END_TEST

START_TEST(test_percent)
{
    ACCEPTED("  hgw.onderwijsbehoeften: 75\n", "hgw.onderwijsbehoeften", "75");
    ACCEPTED("  hgw.onderwijsbehoeften: 72.5\n", "hgw.onderwijsbehoeften", "72.5");
    ACCEPTED("  hgw.onderwijsbehoeften: 72.5%\n", "hgw.onderwijsbehoeften", "72.5");
    ACCEPTED("  hgw.onderwijsbehoeften: \"80 %\"\n", "hgw.onderwijsbehoeften", "80");
    ACCEPTED("  hgw.onderwijsbehoeften: 70 procent\n", "hgw.onderwijsbehoeften", "70");
    ACCEPTED("  hgw.onderwijsbehoeften: 70 Procent\n", "hgw.onderwijsbehoeften", "70");
    ACCEPTED("  hgw.onderwijsbehoeften: 72.5procent\n", "hgw.onderwijsbehoeften", "72.5");
    REFUSED("  hgw.onderwijsbehoeften: procent\n", 6, 27, "not a percentage");
    REFUSED("  hgw.onderwijsbehoeften: 70 procent%\n", 6, 27, "not a percentage");
    REFUSED("  opp.evaluaties_per_jaar: 2 procent\n", 6, 28, "is not a whole number from 0 to 12");
    ACCEPTED("  hgw.onderwijsbehoeften: 0\n", "hgw.onderwijsbehoeften", "0");
    ACCEPTED("  hgw.onderwijsbehoeften: 100\n", "hgw.onderwijsbehoeften", "100");
    ACCEPTED("  hgw.onderwijsbehoeften: 100.0\n", "hgw.onderwijsbehoeften", "100");
    REFUSED("  hgw.onderwijsbehoeften: 101\n", 6, 27, "'101' for 'hgw.onderwijsbehoeften' is outside the allowed range 0 to 100");
    REFUSED("  hgw.onderwijsbehoeften: -5\n", 6, 27, "outside the allowed range 0 to 100");
    REFUSED("  hgw.onderwijsbehoeften: ja\n", 6, 27, "'ja' for 'hgw.onderwijsbehoeften' is not a percentage from 0 to 100");
    REFUSED("  hgw.onderwijsbehoeften: '%'\n", 6, 27, "not a percentage");
    /* a decimal comma is refused, with the number written as it should be */
    REFUSED("  hgw.onderwijsbehoeften: 72,5\n", 6, 27,
            "'72,5' for 'hgw.onderwijsbehoeften' has a decimal comma; numbers are written with a decimal point");
    profile_run *r = run_answers("  hgw.onderwijsbehoeften: \"72,5 %\"\n");
    assert_first_error(r, 6, 27, "has a decimal comma");
    ck_assert_str_eq(r->diags.hint[0], "write 72.5");
    ck_assert(!answer_of(r, "hgw.onderwijsbehoeften")->present);
    run_done(r);
}
END_TEST

START_TEST(test_date)
{
    ACCEPTED("  sop.laatst_geactualiseerd: 2026-03-15\n", "sop.laatst_geactualiseerd", "2026-03-15");
    ACCEPTED("  sop.laatst_geactualiseerd: \"2026-03-15\"\n", "sop.laatst_geactualiseerd", "2026-03-15");
    ACCEPTED("  sop.laatst_geactualiseerd: 2024-02-29\n", "sop.laatst_geactualiseerd", "2024-02-29");
    REFUSED("  sop.laatst_geactualiseerd: 2026-02-30\n", 6, 30, "the date '2026-02-30' for 'sop.laatst_geactualiseerd' does not exist");
    REFUSED("  sop.laatst_geactualiseerd: 2025-02-29\n", 6, 30, "does not exist");
    REFUSED("  sop.laatst_geactualiseerd: 2026-13-01\n", 6, 30, "does not exist");
    REFUSED("  sop.laatst_geactualiseerd: 15-03-2026\n", 6, 30, "'15-03-2026' for 'sop.laatst_geactualiseerd' is not a date written YYYY-MM-DD");
    REFUSED("  sop.laatst_geactualiseerd: 2026-3-15\n", 6, 30, "is not a date written YYYY-MM-DD");
    REFUSED("  sop.laatst_geactualiseerd: 1850-01-01\n", 6, 30, "lies outside the years 1900 to 2999");
}
END_TEST

START_TEST(test_text)
{
    ACCEPTED("  ihi.toelichting: geëvalueerd\n", "ihi.toelichting", "geëvalueerd");
    ACCEPTED("  ihi.toelichting: \"zie: het plan # 2\"\n", "ihi.toelichting", "zie: het plan # 2");
    ACCEPTED("  ihi.toelichting: 12\n", "ihi.toelichting", "12");
    ACCEPTED("  ihi.toelichting: 2026-03-15\n", "ihi.toelichting", "2026-03-15");
    ACCEPTED("  ihi.toelichting: |\n    regel een\n    regel twee\n", "ihi.toelichting", "regel een\nregel twee\n");
    /* a quoted empty text is no error, and no answer either (docs/profile.md), as for 'required' */
    profile_run *r = run_answers("  ihi.toelichting: \"\"\n");
    ck_assert_int_eq(r->rc, 0);
    ck_assert_uint_eq(r->diags.sink.errors, 0);
    ck_assert(!answer_of(r, "ihi.toelichting")->present);
    run_done(r);
    REFUSED("  ihi.toelichting: [a, b]\n", 6, 20, "takes one answer, but a list was given");
}
END_TEST

START_TEST(test_scale)
{
    ACCEPTED("  aanbod.dyscalculie: school\n", "aanbod.dyscalculie", "school");
    ACCEPTED("  aanbod.dyscalculie: geen\n", "aanbod.dyscalculie", "geen");
    REFUSED("  aanbod.dyscalculie: schol\n", 6, 23, "'schol' is not one of the choices for 'aanbod.dyscalculie'");
    profile_run *r = run_answers("  aanbod.dyscalculie: schol\n");
    ck_assert_str_eq(r->diags.hint[0], "did you mean 'school'? Write one of: school, wijk, bestuur, geen");
    run_done(r);
    /* the words a school types: the code or the label, in any case, spaces and underscores alike */
    ACCEPTED("  aanbod.dyscalculie: School\n", "aanbod.dyscalculie", "school");
    ACCEPTED("  aanbod.dyscalculie: WIJK\n", "aanbod.dyscalculie", "wijk");
    ACCEPTED("  aanbod.dyscalculie: Op school\n", "aanbod.dyscalculie", "school");
    ACCEPTED("  aanbod.dyscalculie: \"  op   SCHOOL \"\n", "aanbod.dyscalculie", "school");
    ACCEPTED("  aanbod.dyscalculie: niet_beschikbaar\n", "aanbod.dyscalculie", "geen");
    ACCEPTED("  aanbod.dyscalculie: Niet beschikbaar\n", "aanbod.dyscalculie", "geen");
    REFUSED("  aanbod.dyscalculie: op\n", 6, 23, "'op' is not one of the choices");
    REFUSED("  aanbod.dyscalculie: op schoolniveau\n", 6, 23, "'op schoolniveau' is not one of the choices");
    r = run_answers("  aanbod.dyscalculie: samenwerkingsverband\n");
    ck_assert_str_eq(r->diags.hint[0], "write one of: school, wijk, bestuur, geen");
    run_done(r);
    /* a member of another scale is not a member of this one */
    REFUSED("  aanbod.dyscalculie: ib\n", 6, 23, "'ib' is not one of the choices");
    /* a prefix of a member is not that member */
    REFUSED("  aanbod.dyscalculie: wij\n", 6, 23, "'wij' is not one of the choices");
}
END_TEST

START_TEST(test_set)
{
    ACCEPTED("  ihi.betrokkenen: [leerkracht, ib]\n", "ihi.betrokkenen", "leerkracht, ib");
    /* reported in scale order, whatever the order written */
    ACCEPTED("  ihi.betrokkenen: [leerling, ouders, leerkracht]\n", "ihi.betrokkenen", "leerkracht, ouders, leerling");
    ACCEPTED("  ihi.betrokkenen:\n    - ib\n    - ouders\n", "ihi.betrokkenen", "ib, ouders");
    /* one name on its own is a set of one */
    ACCEPTED("  ihi.betrokkenen: ib\n", "ihi.betrokkenen", "ib");
    ACCEPTED("  ihi.betrokkenen: [IB, Leerkracht]\n", "ihi.betrokkenen", "leerkracht, ib");
    REFUSED("  ihi.betrokkenen: [ib, IB]\n", 6, 25, "'IB' is listed twice for 'ihi.betrokkenen'");
    /* an empty list is an answer: nobody */
    profile_run *r = run_answers("  ihi.betrokkenen: []\n");
    ck_assert_int_eq(r->rc, 0);
    ck_assert(answer_of(r, "ihi.betrokkenen")->present);
    ck_assert_uint_eq(answer_of(r, "ihi.betrokkenen")->v.set, 0);
    ck_assert_str_eq(text_of(r, "ihi.betrokkenen"), "");
    run_done(r);
    REFUSED("  ihi.betrokkenen: [ib, leerkracht, ib]\n", 6, 37, "'ib' is listed twice for 'ihi.betrokkenen'");
    REFUSED("  ihi.betrokkenen: [ib, directeur]\n", 6, 25, "'directeur' is not one of the choices for 'ihi.betrokkenen'");
    REFUSED("  ihi.betrokkenen:\n    - ib\n    - [ouders]\n", 8, 7, "each entry of the list for 'ihi.betrokkenen' must be one choice, not a list");
    REFUSED("  ihi.betrokkenen:\n    - ib\n    -\n", 8, 6, "has an empty entry");
    r = run_answers("  ihi.betrokkenen: [directeur]\n");
    ck_assert_str_eq(r->diags.hint[0], "write a list of some of: leerkracht, ib, ouders, leerling");
    run_done(r);
    /* every bad entry is reported */
    r = run_answers("  ihi.betrokkenen: [x, y, ib, ib]\n");
    ck_assert_uint_eq(r->diags.sink.errors, 3);
    ck_assert(!answer_of(r, "ihi.betrokkenen")->present);
    run_done(r);
}
END_TEST

START_TEST(test_unanswered)
{
    const char *empties[] = {"", " ~", " null", " Null", " NULL"};
    char text[96];
    for (size_t i = 0; i < sizeof empties / sizeof empties[0]; i++) {
        snprintf(text, sizeof text, "  aanbod:\n    dyscalculie:%s\n  veiligheid.beleid:%s\n", empties[i], empties[i]);
        profile_run *r = run_answers(text);
        ck_assert_msg(r->rc == 0, "'%s' refused: %s", empties[i], r->diags.message[0]);
        const sc_value *v = answer_of(r, "aanbod.dyscalculie");
        ck_assert(!v->present);
        /* placed at its key */
        ck_assert_uint_eq(v->line, 7);
        ck_assert_uint_eq(v->col, 5);
        ck_assert_ptr_null(v->raw);
        ck_assert(!answer_of(r, "veiligheid.beleid")->present);
        ck_assert_str_eq(text_of(r, "aanbod.dyscalculie"), "");
        run_done(r);
    }
    /* a quoted empty string says nothing for a non-text item either */
    const char *items[] = {"aanbod.dyscalculie", "veiligheid.beleid", "opp.evaluaties_per_jaar",
                           "hgw.onderwijsbehoeften", "sop.laatst_geactualiseerd", "ihi.betrokkenen"};
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
        snprintf(text, sizeof text, "  %s: \"\"\n", items[i]);
        profile_run *r = run_answers(text);
        ck_assert_msg(r->rc == 0, "'%s' refused: %s", text, r->diags.message[0]);
        ck_assert(!answer_of(r, items[i])->present);
        ck_assert_uint_eq(answer_of(r, items[i])->line, 6);
        run_done(r);
    }
    /* but a quoted "~" is text, not null */
    REFUSED("  aanbod.dyscalculie: \"~\"\n", 6, 23, "'~' is not one of the choices");
}
END_TEST

/* --- the peildatum and required items ------------------------------------------------------------ */

/* A load without a single diagnostic that leaves exactly `n` required answers out; the first at line:col. */
static void assert_missing(profile_run *r, uint32_t n, const char *id, unsigned line, unsigned col)
{
    ck_assert_msg(r->rc == 0, "refused: %s", r->diags.message[0]);
    ck_assert_uint_eq(r->diags.sink.errors, 0);
    ck_assert_uint_eq(r->diags.nseen, 0);
    ck_assert_uint_eq(r->profile.nmissing, n);
    if (!n)
        return;
    const sc_missing *m = &r->profile.missing[0];
    ck_assert_str_eq(r->rules->items[m->item].id, id);
    ck_assert_uint_eq(m->line, line);
    ck_assert_uint_eq(m->col, col);
}

/* The school's identity: every school.* answer as written, NULL where the profile leaves one out;
 * still read from a profile that has errors elsewhere (reports name the school of an invalid profile). */
START_TEST(test_school_identity)
{
    profile_run *r = run_with(small_rules, "profiel: 1\nschool:\n  brin: 12AB\n  naam: De Regenboog\n"
                                           "  bestuur: Stichting X\n  wijk: Noord\n  soort: sbo\n"
                                           "  peildatum: 2026-10-01\nantwoorden:\n");
    ck_assert_int_eq(r->rc, 0);
    const sc_school *s = &r->profile.school;
    ck_assert_str_eq(s->brin, "12AB");
    ck_assert_str_eq(s->naam, "De Regenboog");
    ck_assert_str_eq(s->bestuur, "Stichting X");
    ck_assert_str_eq(s->wijk, "Noord");
    ck_assert_str_eq(s->soort, "sbo");
    ck_assert_str_eq(s->peildatum, "2026-10-01");
    run_done(r);
    /* left out, or empty: NULL */
    r = run_with(small_rules, "profiel: 1\nschool:\n  naam: x\n  wijk:\nantwoorden:\n");
    s = &r->profile.school;
    ck_assert_str_eq(s->naam, "x");
    ck_assert_ptr_null(s->brin);
    ck_assert_ptr_null(s->bestuur);
    ck_assert_ptr_null(s->wijk);
    ck_assert_ptr_null(s->soort);
    ck_assert_ptr_null(s->peildatum);
    run_done(r);
    /* an error in the answers leaves the identity readable */
    r = run_with(small_rules, "profiel: 1\nschool:\n  brin: 99ZZ\n  peildatum: 2026-10-01\nantwoorden:\n"
                              "  veiligheid.beleid: soms\n");
    ck_assert_int_eq(r->rc, -1);
    ck_assert_str_eq(r->profile.school.brin, "99ZZ");
    ck_assert_str_eq(r->profile.school.peildatum, "2026-10-01");
    run_done(r);
}
END_TEST

START_TEST(test_peildatum)
{
    /* a missing peildatum is no error: the profile loads, the peildatum is listed as missing, at 'school:' */
    profile_run *r = run_with(small_rules, "profiel: 1\nschool:\n  naam: x\nantwoorden:\n");
    assert_missing(r, 1, "school.peildatum", 2, 1);
    ck_assert(!r->profile.has_peildatum);
    ck_assert(!answer_of(r, "school.peildatum")->present);
    run_done(r);
    /* no 'school:' at all: at 1:1 */
    r = run_with(small_rules, "profiel: 1\nantwoorden:\n  aanbod.dyscalculie: school\n");
    assert_missing(r, 1, "school.peildatum", 1, 1);
    ck_assert_str_eq(text_of(r, "aanbod.dyscalculie"), "school");
    run_done(r);
    r = run_with(small_rules, "profiel: 1\nschool:\nantwoorden:\n");
    assert_missing(r, 1, "school.peildatum", 2, 1);
    run_done(r);
    /* written but empty (as the template leaves it): at its key */
    r = run_with(small_rules, "profiel: 1\nschool:\n  peildatum:\n");
    assert_missing(r, 1, "school.peildatum", 3, 3);
    ck_assert(!r->profile.has_peildatum);
    run_done(r);
    r = run_with(small_rules, "profiel: 1\nschool:\n  peildatum: ~\n");
    assert_missing(r, 1, "school.peildatum", 3, 3);
    run_done(r);
    /* given: nothing missing */
    r = run_with(small_rules, HEADER);
    assert_missing(r, 0, NULL, 0, 0);
    ck_assert(r->profile.has_peildatum);
    ck_assert_ptr_null(r->profile.missing);
    run_done(r);
    /* a wrong date is reported once, as a wrong date, and is not listed as missing */
    r = run_with(small_rules, "profiel: 1\nschool:\n  peildatum: 2026-02-30\n");
    assert_first_error(r, 3, 14, "the date '2026-02-30' for 'school.peildatum' does not exist");
    ck_assert_uint_eq(r->diags.sink.errors, 1);
    ck_assert(!r->profile.has_peildatum);
    ck_assert_uint_eq(r->profile.nmissing, 0);
    run_done(r);
    /* so is a word */
    r = run_with(small_rules, "profiel: 1\nschool:\n  peildatum: morgen\n");
    assert_first_error(r, 3, 14, "'morgen' for 'school.peildatum' is not a date written YYYY-MM-DD");
    ck_assert_uint_eq(r->diags.sink.errors, 1);
    ck_assert_uint_eq(r->profile.nmissing, 0);
    run_done(r);
}
END_TEST

START_TEST(test_required_items)
{
    /* absent: where 'antwoorden:' starts */
    profile_run *r = run_with(required_rules, HEADER "  aanbod.dyscalculie: school\n");
    assert_missing(r, 1, "contact.persoon", 5, 1);
    run_done(r);
    /* no 'antwoorden:' either: 1:1 */
    r = run_with(required_rules, "profiel: 1\nschool:\n  peildatum: 2026-10-01\n");
    assert_missing(r, 1, "contact.persoon", 1, 1);
    run_done(r);
    /* an empty text says nothing: at the empty text; and it is unanswered for its ambition (or norm) too, not
     * answered there and missing here */
    r = run_with(required_rules, HEADER "  contact:\n    persoon: \"\"\n");
    assert_missing(r, 1, "contact.persoon", 7, 14);
    ck_assert(!answer_of(r, "contact.persoon")->present);
    const sc_item *contact = &required_rules->items[item_index(required_rules, "contact.persoon")];
    ck_assert_int_eq(sc_pred_eval(required_rules, &r->profile, contact->ambition), 0); /* not answered */
    run_done(r);
    /* the peildatum and a required item both missing: in the order of the rules' items */
    r = run_with(required_rules, "profiel: 1\nschool:\n  peildatum:\nantwoorden:\n  contact.persoon:\n");
    ck_assert_int_eq(r->rc, 0);
    ck_assert_uint_eq(r->profile.nmissing, 2);
    for (uint32_t k = 0; k < 2; k++) {
        const sc_missing *m = &r->profile.missing[k];
        const char *id = required_rules->items[m->item].id;
        if (strcmp(id, "school.peildatum") == 0)
            ck_assert(m->line == 3 && m->col == 3);
        else
            ck_assert(strcmp(id, "contact.persoon") == 0 && m->line == 5 && m->col == 3);
    }
    ck_assert(r->profile.missing[0].item < r->profile.missing[1].item);
    run_done(r);
    /* a required answer given the wrong way is an error, not missing */
    r = run_with(required_rules, HEADER "  contact.persoon: [a, b]\n");
    assert_first_error(r, 6, 20, "'contact.persoon' takes one answer, but a list was given");
    ck_assert_uint_eq(r->profile.nmissing, 0);
    run_done(r);
    r = run_with(required_rules, HEADER "  contact:\n    persoon: Mevr. Jansen\n");
    assert_missing(r, 0, NULL, 0, 0);
    ck_assert_str_eq(text_of(r, "contact.persoon"), "Mevr. Jansen");
    /* items of the included file are there too */
    ck_assert_uint_eq(item_index(required_rules, "aanbod.dyscalculie") < required_rules->nitems, 1);
    run_done(r);
}
END_TEST

START_TEST(test_value_text)
{
    /* answer_text on values made by hand, independent of the loader */
    sc_arena arena;
    sc_arena_init(&arena, 0);
    sc_value v = {.present = true};
    v.v.number = 1000000;
    ck_assert_str_eq(answer_text(&arena, small_rules, item_index(small_rules, "opp.evaluaties_per_jaar"), &v), "1000000");
    v.v.number = 0.25;
    ck_assert_str_eq(answer_text(&arena, small_rules, item_index(small_rules, "hgw.onderwijsbehoeften"), &v), "0.25");
    v.v.set = 0xF;
    ck_assert_str_eq(answer_text(&arena, small_rules, item_index(small_rules, "ihi.betrokkenen"), &v),
                     "leerkracht, ib, ouders, leerling");
    v.v.date = sc_date_from_ymd(1999, 12, 31);
    ck_assert_str_eq(answer_text(&arena, small_rules, item_index(small_rules, "school.peildatum"), &v), "1999-12-31");
    v.v.member = 3;
    ck_assert_str_eq(answer_text(&arena, small_rules, item_index(small_rules, "aanbod.dyslexie"), &v), "geen");
    v.v.yes = false;
    ck_assert_str_eq(answer_text(&arena, small_rules, item_index(small_rules, "veiligheid.beleid"), &v), "nee");
    v.present = false;
    ck_assert_str_eq(answer_text(&arena, small_rules, item_index(small_rules, "veiligheid.beleid"), &v), "");
    sc_arena_free(&arena);
}
END_TEST

START_TEST(test_limits_reach_the_yaml_loader)
{
    sc_arena arena;
    sc_arena_init(&arena, 0);
    sc_test_diags collected;
    sc_test_diags_init(&collected);
    sc_yaml_limits limits = {.max_bytes = 16, .lang = SC_LANG_EN};
    sc_profile profile;
    const char *text = "profiel: 1\nschool:\n  peildatum: 2026-10-01\n";
    int rc = sc_profile_load(&arena, small_rules, "school.yaml", text, strlen(text), &limits, &collected.sink, &profile);
    ck_assert_int_eq(rc, -1);
    ck_assert_ptr_nonnull(strstr(collected.message[0], "the most allowed is 16"));
    /* the profile is still usable for reporting: every answer unanswered */
    ck_assert_ptr_nonnull(profile.answers);
    ck_assert(!profile.answers[0].present);
    ck_assert_str_eq(profile.path, "school.yaml");
    sc_arena_free(&arena);
}
END_TEST

/* The language of the messages and hints: Dutch with NULL or zero-initialised options (sc_lang's
 * zero), English when asked for; the same place either way. */
START_TEST(test_message_language)
{
    static const sc_yaml_limits zero, en = {.lang = SC_LANG_EN}, nl = {.lang = SC_LANG_NL};
    const sc_yaml_limits *const options[] = {NULL, &zero, &nl, &en};
    const char *text = HEADER "  aanbod:\n    dyslexi: school\n";
    for (size_t k = 0; k < sizeof options / sizeof options[0]; k++) {
        sc_arena arena;
        sc_arena_init(&arena, 0);
        sc_test_diags *collected = calloc(1, sizeof *collected);
        ck_assert_ptr_nonnull(collected);
        sc_test_diags_init(collected);
        sc_profile profile;
        int rc = sc_profile_load(&arena, small_rules, "school.yaml", text, strlen(text), options[k], &collected->sink,
                                 &profile);
        bool in_english = options[k] == &en;
        ck_assert_int_eq(rc, -1);
        ck_assert_uint_eq(collected->nseen, 1);
        ck_assert_uint_eq(collected->line[0], 7);
        ck_assert_uint_eq(collected->col[0], 5);
        ck_assert_str_eq(collected->message[0], in_english ? "unknown key 'aanbod.dyslexi'" : "onbekende sleutel 'aanbod.dyslexi'");
        ck_assert_str_eq(collected->hint[0], in_english ? "did you mean 'aanbod.dyslexie'?" : "bedoelt u 'aanbod.dyslexie'?");
        free(collected);
        sc_arena_free(&arena);
    }
}
END_TEST

Suite *suite_profile(void)
{
    Suite *s = suite_create("profile");
    TCase *whole = tcase_create("whole");
    tcase_add_unchecked_fixture(whole, compile_rules, free_rules);
    tcase_add_test(whole, test_valid_profile);
    tcase_add_test(whole, test_crlf_profile);
    tcase_add_test(whole, test_keep_going_and_fill);
    tcase_add_test(whole, test_yaml_errors_pass_through);
    tcase_add_test(whole, test_top_level_shape);
    tcase_add_test(whole, test_format_number);
    tcase_add_test(whole, test_unknown_top_level_keys);
    tcase_add_test(whole, test_sections_of_the_wrong_shape);
    tcase_add_test(whole, test_limits_reach_the_yaml_loader);
    tcase_add_test(whole, test_message_language);
    suite_add_tcase(s, whole);
    TCase *keys = tcase_create("keys");
    tcase_add_unchecked_fixture(keys, compile_rules, free_rules);
    tcase_add_test(keys, test_nested_and_dotted_keys);
    tcase_add_test(keys, test_answered_twice);
    tcase_add_test(keys, test_unknown_keys_with_suggestions);
    tcase_add_test(keys, test_keys_in_the_wrong_section);
    tcase_add_test(keys, test_shapes_that_do_not_fit);
    tcase_add_test(keys, test_long_form);
    tcase_add_test(keys, test_text_limits);
    tcase_add_test(keys, test_school_texts);
    suite_add_tcase(s, keys);
    TCase *values = tcase_create("values");
    tcase_add_unchecked_fixture(values, compile_rules, free_rules);
    tcase_add_test(values, test_yesno);
    tcase_add_test(values, test_number);
    tcase_add_test(values, test_percent);
    tcase_add_test(values, test_date);
    tcase_add_test(values, test_text);
    tcase_add_test(values, test_scale);
    tcase_add_test(values, test_set);
    tcase_add_test(values, test_unanswered);
    tcase_add_test(values, test_peildatum);
    tcase_add_test(values, test_school_identity);
    tcase_add_test(values, test_required_items);
    tcase_add_test(values, test_value_text);
    suite_add_tcase(s, values);
    return s;
}
