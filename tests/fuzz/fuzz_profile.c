/* tests/fuzz/fuzz_profile.c — libFuzzer harness: any bytes as a profile, loaded and checked against the Zoetermeer rules, then written as text and JSON reports whose shape is verified.
 *
 * The same code runs the saved regressions in tests/unit/test_fuzz_regressions.c, which includes
 * this file with SC_FUZZ_NO_MAIN defined. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "dsl/compile.h"
#include "engine/check.h"
#include "report/report.h"

#include "fuzz_common.h"

#ifndef SC_FUZZ_RULES_PATH
#define SC_FUZZ_RULES_PATH "rules/zoetermeer-2023.rules"
#endif

static sc_rules *sc_fuzz_zoetermeer;

static void sc_fuzz_setup_diag(void *ctx, const sc_diag *d)
{
    (void)ctx;
    fprintf(stderr, "%s:%u:%u: %s\n", d->file, d->line, d->col, d->message);
}

/* Compile the rules every input is checked against (once per process). */
static const sc_rules *sc_fuzz_profile_setup(void)
{
    if (sc_fuzz_zoetermeer)
        return sc_fuzz_zoetermeer;
    const char *path = getenv("SC_FUZZ_RULES");
    if (!path || !*path)
        path = SC_FUZZ_RULES_PATH;
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, sc_fuzz_setup_diag, NULL, 0);
    sc_fuzz_zoetermeer = sc_compile_file(path, NULL, &sink);
    if (!sc_fuzz_zoetermeer) {
        fprintf(stderr, "fuzz_profile: cannot compile %s (set SC_FUZZ_RULES)\n", path);
        abort();
    }
    return sc_fuzz_zoetermeer;
}

static void sc_fuzz_profile_teardown(void)
{
    sc_rules_free(sc_fuzz_zoetermeer);
    sc_fuzz_zoetermeer = NULL;
}

/* Every answer a valid result carries is one the rules allow. */
static void sc_fuzz_check_answers(const sc_rules *r, const sc_profile *p)
{
    for (uint32_t i = 0; i < r->nitems; i++) {
        const sc_value *v = &p->answers[i];
        if (!v->present)
            continue;
        SC_FUZZ_ASSERT(v->line >= 1 && v->col >= 1, "an answer is located");
        const sc_type *t = &r->items[i].type;
        switch (t->kind) {
        case SC_TYPE_NUMBER:
        case SC_TYPE_PERCENT:
            SC_FUZZ_ASSERT(v->v.number == v->v.number, "a number is not NaN");
            if (t->min != 0 || t->max != 0)
                SC_FUZZ_ASSERT(v->v.number >= t->min && v->v.number <= t->max, "a number lies in its range");
            if (t->kind == SC_TYPE_NUMBER)
                SC_FUZZ_ASSERT(v->v.number == (double)(long long)v->v.number, "a whole number is whole");
            break;
        case SC_TYPE_SCALE:
            SC_FUZZ_ASSERT(v->v.member < r->scales[t->scale].nmembers, "a scale answer is a member");
            break;
        case SC_TYPE_SET: {
            uint32_t n = r->scales[t->scale].nmembers;
            if (n < 64)
                SC_FUZZ_ASSERT((v->v.set >> n) == 0, "a set holds only members");
            break;
        }
        case SC_TYPE_DATE: {
            char buf[16];
            sc_date d;
            sc_date_format(v->v.date, buf);
            SC_FUZZ_ASSERT(sc_date_parse(buf, 10, &d) == 0 && d == v->v.date, "a date is a real date");
            break;
        }
        case SC_TYPE_TEXT:
            SC_FUZZ_ASSERT(v->v.text != NULL, "a text answer has its text");
            break;
        case SC_TYPE_YESNO:
            break;
        }
    }
}

/* What sc_check_profile promises about a result, whatever the input. */
static void sc_fuzz_check_result(const sc_result *res, const char *text, size_t len)
{
    unsigned nlines = sc_fuzz_count_lines(text, len);
    bool has_error = false;
    SC_FUZZ_ASSERT(res->nerrors <= SC_CHECK_MAX_ERRORS, "at most SC_CHECK_MAX_ERRORS errors are kept");
    for (uint32_t k = 0; k < res->nerrors; k++) {
        const sc_profile_error *e = &res->errors[k];
        has_error |= e->severity == SC_SEV_ERROR;
        SC_FUZZ_ASSERT(e->message && e->message[0], "an error has a message");
        SC_FUZZ_ASSERT(sc_utf8_check(e->message, strlen(e->message)) < 0, "an error message is UTF-8");
        SC_FUZZ_ASSERT(!e->hint || sc_utf8_check(e->hint, strlen(e->hint)) < 0, "a hint is UTF-8");
        SC_FUZZ_ASSERT(e->line >= 1 && e->line <= nlines, "an error's line lies in the file");
        SC_FUZZ_ASSERT(e->col >= 1, "an error has a column");
    }
    if (res->status == SC_PROFILE_INVALID) {
        SC_FUZZ_ASSERT(res->nerrors >= 1, "an invalid profile says why");
        SC_FUZZ_ASSERT(has_error, "an invalid profile has an error, not only warnings");
    } else {
        SC_FUZZ_ASSERT(!has_error, "a profile with errors is invalid");
        SC_FUZZ_ASSERT(res->items && res->agreements && res->promises, "a judged profile has its results");
        SC_FUZZ_ASSERT(res->profile, "a judged profile has its profile");
        bool peildatum_missing = false;
        for (uint32_t k = 0; k < res->profile->nmissing; k++)
            peildatum_missing |= strcmp(res->rules->items[res->profile->missing[k].item].id, "school.peildatum") == 0;
        SC_FUZZ_ASSERT(res->profile->has_peildatum != peildatum_missing,
                       "a judged profile has its peildatum, or lists it as missing");
        SC_FUZZ_ASSERT(!res->profile->nmissing || res->status != SC_PROFILE_COMPLIANT,
                       "a profile that leaves a required answer out is not compliant");
        sc_fuzz_check_answers(res->rules, res->profile);
    }
}

/* Write the result in one format into memory and check the output's shape. */
static void sc_fuzz_report(const sc_result *res, const char *format, sc_lang lang, bool color, bool ambitions)
{
    sc_out out;
    sc_out_init_mem(&out);
    sc_writer w;
    sc_report_opts ro = {.lang = lang, .color = color, .ambitions = ambitions, .tool_version = "fuzz"};
    SC_FUZZ_ASSERT(sc_writer_init(&w, format, &out, NULL, &ro) == 0, "the format exists");
    sc_accum acc;
    sc_accum_init(&acc);
    SC_FUZZ_ASSERT(sc_accum_add(&acc, res) == 0, "a summary needs no memory");
    sc_writer_begin(&w, &res->rules, res->rules ? 1 : 0);
    sc_writer_profile(&w, res);
    sc_writer_end(&w, &acc);
    sc_accum_free(&acc);
    SC_FUZZ_ASSERT(!out.failed, "a report in memory is written whole");
    SC_FUZZ_ASSERT(out.len > 0 && out.buf, "a report says something");
    if (strcmp(format, "json") == 0)
        SC_FUZZ_ASSERT(sc_fuzz_json_valid(out.buf, out.len), "the JSON report is valid JSON");
    else if (!color)
        SC_FUZZ_ASSERT(sc_fuzz_text_safe(out.buf, out.len), "the text report is UTF-8 without control characters");
    sc_out_free(&out);
}

/* One input: checked with the usual limits and written in every format, then again with tight
 * limits (so that the paths that stop early are explored too). */
static void sc_fuzz_profile_run(const uint8_t *data, size_t size)
{
    const sc_rules *rules = sc_fuzz_profile_setup();
    const char *text = (const char *)data;
    static const sc_yaml_limits tight = {.max_bytes = 4096, .max_depth = 4, .max_nodes = 64, .max_scalar = 40};
    for (int pass = 0; pass < 2; pass++) {
        sc_arena arena;
        sc_arena_init(&arena, 0);
        sc_result res;
        int rc = sc_check_profile(&arena, rules, "fuzz.yaml", text, size, pass ? &tight : NULL, &res);
        SC_FUZZ_ASSERT(rc == 0, "no allocation fails on a small input");
        sc_fuzz_check_result(&res, text, size);
        if (pass == 0) {
            sc_fuzz_report(&res, "text", SC_LANG_NL, false, false);
            sc_fuzz_report(&res, "text", SC_LANG_EN, true, true);
        }
        sc_fuzz_report(&res, "json", SC_LANG_NL, false, pass == 0);
        sc_arena_free(&arena);
    }
}

#ifndef SC_FUZZ_NO_MAIN
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sc_fuzz_profile_setup();
    atexit(sc_fuzz_profile_teardown);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sc_fuzz_profile_run(data, size);
    return 0;
}
#endif
