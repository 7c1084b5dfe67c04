/* tests/unit/test_locale.c — a host program that sets a locale with a decimal comma gets the same bytes from every report writer: the library run under "C" and under nl_NL.UTF-8. */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "dsl/compile.h"
#include "engine/check.h"
#include "report/report.h"

#include "test_util.h"

Suite *suite_locale(void);

/* Replaces the first `from` in text (malloc'd, NUL-terminated) with `to`; the result is malloc'd too. */
static char *replace(char *text, const char *from, const char *to)
{
    char *at = strstr(text, from);
    ck_assert_ptr_nonnull(at);
    size_t n = strlen(text), nf = strlen(from), nt = strlen(to);
    char *out = malloc(n - nf + nt + 1);
    ck_assert_ptr_nonnull(out);
    memcpy(out, text, (size_t)(at - text));
    memcpy(out + (at - text), to, nt);
    memcpy(out + (at - text) + nt, at + nf, n - (size_t)(at - text) - nf + 1);
    free(text);
    return out;
}

#define NPROFILES 5

/* The rules, the profiles and their results: the same input for every run. */
typedef struct {
    sc_rules *rules;
    char *text[NPROFILES];
    size_t len[NPROFILES];
    const char *path[NPROFILES];
} inputs;

static void inputs_load(inputs *in)
{
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, sc_test_print_diag, NULL, 0);
    in->rules = sc_compile_file("rules/zoetermeer-2023.rules", NULL, &sink);
    ck_assert_ptr_nonnull(in->rules);
    static const char *const paths[NPROFILES] = {"fixtures/profiles/hgw-randen.yaml", "fixtures/profiles/hgw-randen.yaml",
                                                 "fixtures/profiles/onbeantwoord.yaml", "fixtures/samples/het-palet.yaml",
                                                 "tests/bad/17-percent-101.yaml"};
    for (int i = 0; i < NPROFILES; i++) {
        in->path[i] = paths[i];
        in->text[i] = sc_test_read_file(paths[i], &in->len[i]);
        ck_assert_ptr_nonnull(in->text[i]);
    }
    /* the second: numbers with more digits than "%.10g" keeps, and that printf would write with a comma here */
    in->text[1] = replace(in->text[1], "samenhang: 79.99", "samenhang: 65.55");
    in->text[1] = replace(in->text[1], "eigenaarschap: 80.01", "eigenaarschap: 50.123456789012");
    in->len[1] = strlen(in->text[1]);
}

static void inputs_free(inputs *in)
{
    for (int i = 0; i < NPROFILES; i++)
        free(in->text[i]);
    sc_rules_free(in->rules);
}

/* Every profile, checked and written in one format and language; the report is malloc'd. */
static char *report(const inputs *in, const char *format, sc_lang lang)
{
    sc_out out;
    sc_out_init_mem(&out);
    sc_writer w;
    sc_report_opts ro = {.lang = lang, .ambitions = true, .tool_version = "test"};
    ck_assert_int_eq(sc_writer_init(&w, format, &out, NULL, &ro), 0);
    const sc_rules *versions[1] = {in->rules};
    sc_writer_begin(&w, versions, 1);
    sc_accum acc;
    sc_accum_init(&acc);
    for (int i = 0; i < NPROFILES; i++) {
        sc_arena arena;
        sc_arena_init(&arena, 0);
        sc_result res;
        sc_yaml_limits limits = {.lang = lang};
        ck_assert_int_eq(sc_check_profile(&arena, in->rules, in->path[i], in->text[i], in->len[i], &limits, &res), 0);
        sc_accum_add(&acc, &res);
        sc_writer_profile(&w, &res);
        sc_arena_free(&arena);
    }
    sc_writer_end(&w, &acc);
    sc_accum_free(&acc);
    ck_assert(!out.failed);
    char *text = strdup(out.buf ? out.buf : "");
    sc_out_free(&out);
    return text;
}

START_TEST(test_writers_ignore_the_locale)
{
    static const char *const formats[] = {"text", "json", "csv", "html", "sarif", "junit", "github"};
    inputs in;
    inputs_load(&in);
    char *plain[7][2];
    for (int f = 0; f < 7; f++)
        for (int l = 0; l < 2; l++)
            plain[f][l] = report(&in, formats[f], l ? SC_LANG_EN : SC_LANG_NL);
    /* the numbers are there, to the last digit, in every format that shows answers (csv has none) */
    for (int f = 0; f < 7; f++)
        for (int l = 0; l < 2 && f != 2; l++) {
            ck_assert_msg(strstr(plain[f][l], "65.55") != NULL, "%s: no 65.55", formats[f]);
            ck_assert_msg(strstr(plain[f][l], "50.123456789012") != NULL, "%s: no 50.123456789012", formats[f]);
        }

    const char *names[] = {"nl_NL.UTF-8", "nl_NL.utf8"};
    const char *got = NULL;
    for (size_t i = 0; i < 2 && !got; i++)
        got = setlocale(LC_ALL, names[i]);
    ck_assert_msg(got != NULL, "the locale nl_NL.UTF-8 is not available (LOCPATH=%s): make check makes it in "
                               "build/locale with localedef, which needs the locales package",
                  getenv("LOCPATH") ? getenv("LOCPATH") : "unset");
    char probe[16];
    snprintf(probe, sizeof probe, "%.2f", 72.55);
    ck_assert_str_eq(probe, "72,55"); /* the locale is in force: printf itself writes a comma now */
    for (int f = 0; f < 7; f++)
        for (int l = 0; l < 2; l++) {
            char *dutch = report(&in, formats[f], l ? SC_LANG_EN : SC_LANG_NL);
            ck_assert_msg(strcmp(dutch, plain[f][l]) == 0, "the %s report in %s differs under nl_NL.UTF-8", formats[f],
                          l ? "English" : "Dutch");
            free(dutch);
        }
    setlocale(LC_ALL, "C");
    for (int f = 0; f < 7; f++)
        for (int l = 0; l < 2; l++)
            free(plain[f][l]);
    inputs_free(&in);
}
END_TEST

static void back_to_c(void)
{
    setlocale(LC_ALL, "C");
}

Suite *suite_locale(void)
{
    Suite *s = suite_create("locale");
    TCase *tc = tcase_create("writers");
    tcase_add_checked_fixture(tc, back_to_c, back_to_c);
    tcase_add_test(tc, test_writers_ignore_the_locale);
    suite_add_tcase(s, tc);
    return s;
}
