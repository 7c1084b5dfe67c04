/* tests/fuzz/fuzz_rules.c — libFuzzer harness: any bytes as a rules file (and as every file it includes), compiled with small limits; rules that compile are dumped, and a profile answering every item is checked against them and reported.
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
#include "base/num.h"
#include "base/out.h"
#include "dsl/compile.h"
#include "dsl/dump.h"
#include "engine/check.h"
#include "report/report.h"

#include "fuzz_common.h"

/* The fuzz input serves as the main file and as every file it includes. */
typedef struct sc_fuzz_source {
    const char *text;
    size_t len;
    unsigned loads;
} sc_fuzz_source;

static int sc_fuzz_rules_load(void *ctx, sc_arena *arena, const char *from, const char *name, const char **path,
                              const char **text, size_t *len, const char **why)
{
    sc_fuzz_source *src = ctx;
    (void)from;
    *path = sc_arena_strdup(arena, name);
    if (!*path) {
        *why = "out of memory";
        return -1;
    }
    if (++src->loads > 16) {
        *why = "too many files";
        return -1;
    }
    *text = src->text;
    *len = src->len;
    return 0;
}

typedef struct sc_fuzz_diags {
    unsigned nlines;
    unsigned errors;
} sc_fuzz_diags;

static void sc_fuzz_rules_diag(void *ctx, const sc_diag *d)
{
    sc_fuzz_diags *c = ctx;
    SC_FUZZ_ASSERT(d->message && d->message[0], "a diagnostic has a message");
    SC_FUZZ_ASSERT(d->file && d->file[0], "a diagnostic names its file");
    SC_FUZZ_ASSERT(d->line <= c->nlines, "a diagnostic's line lies in the file");
    SC_FUZZ_ASSERT(d->line == 0 || d->col >= 1, "a located diagnostic has a column");
    c->errors += d->severity == SC_SEV_ERROR;
}

/* --- a profile that answers every item of the compiled rules -------------------------------- */

static void sc_fuzz_yaml_key(sc_out *o, const char *key)
{
    sc_out_putc(o, '"');
    for (const char *p = key; *p; p++) {
        if (*p == '"' || *p == '\\')
            sc_out_putc(o, '\\');
        sc_out_putc(o, *p);
    }
    sc_out_putc(o, '"');
}

/* The range a NUMBER or PERCENT answer may take (the binder's defaults when the rules set none). */
static void sc_fuzz_range(const sc_type *t, double *lo, double *hi)
{
    *lo = t->min;
    *hi = t->max;
    if (t->min == 0 && t->max == 0)
        *hi = t->kind == SC_TYPE_PERCENT ? 100 : 1000000;
}

/* An answer allowed by the item's type: the low end of it (variant 0) or the high end (1). */
static void sc_fuzz_answer(sc_out *o, const sc_rules *r, const sc_item *it, int variant)
{
    const sc_type *t = &it->type;
    switch (t->kind) {
    case SC_TYPE_YESNO: sc_out_puts(o, variant ? "ja" : "nee"); break;
    case SC_TYPE_NUMBER:
    case SC_TYPE_PERCENT: {
        double lo, hi, v;
        sc_fuzz_range(t, &lo, &hi);
        v = variant ? hi : lo;
        if (t->kind == SC_TYPE_NUMBER)
            v = variant ? (double)(long long)hi : -(double)(long long)-lo;
        char buf[SC_NUM_BUF];
        sc_num_format(buf, sizeof buf, v);
        sc_out_puts(o, buf);
        break;
    }
    case SC_TYPE_DATE:
        if (strcmp(it->id, "school.peildatum") == 0) {
            /* a peildatum on which the rules are in force */
            char buf[16] = "2026-10-01";
            if (r->has_valid_from || r->has_valid_until)
                sc_date_format(r->has_valid_from ? r->valid_from : r->valid_until, buf);
            sc_out_puts(o, buf);
        } else {
            sc_out_puts(o, variant ? "1990-01-01" : "2026-09-30");
        }
        break;
    case SC_TYPE_TEXT: sc_out_puts(o, variant ? "\"\"" : "\"tekst: met \\\"quotes\\\"\""); break;
    case SC_TYPE_SCALE: {
        const sc_scale *s = &r->scales[t->scale];
        sc_fuzz_yaml_key(o, s->members[variant ? s->nmembers - 1 : 0].name);
        break;
    }
    case SC_TYPE_SET: {
        const sc_scale *s = &r->scales[t->scale];
        sc_out_putc(o, '[');
        for (uint32_t m = 0; variant && m < s->nmembers && m < 64; m++) {
            if (m)
                sc_out_puts(o, ", ");
            sc_fuzz_yaml_key(o, s->members[m].name);
        }
        sc_out_putc(o, ']');
        break;
    }
    }
}

static void sc_fuzz_make_profile(sc_out *o, const sc_rules *r, int variant)
{
    sc_out_puts(o, "profiel: 1\nschool:\n");
    for (uint32_t i = 0; i < r->nitems; i++)
        if (strncmp(r->items[i].id, "school.", 7) == 0) {
            sc_out_puts(o, "  ");
            sc_fuzz_yaml_key(o, r->items[i].id + 7);
            sc_out_puts(o, ": ");
            sc_fuzz_answer(o, r, &r->items[i], variant);
            sc_out_putc(o, '\n');
        }
    sc_out_puts(o, "antwoorden:\n");
    for (uint32_t i = 0; i < r->nitems; i++)
        if (strncmp(r->items[i].id, "school.", 7) != 0) {
            sc_out_puts(o, "  ");
            sc_fuzz_yaml_key(o, r->items[i].id);
            sc_out_puts(o, ": ");
            sc_fuzz_answer(o, r, &r->items[i], variant);
            sc_out_putc(o, '\n');
        }
}

static void sc_fuzz_report_rules(const sc_result *res, const char *format, sc_lang lang)
{
    sc_out out;
    sc_out_init_mem(&out);
    sc_writer w;
    sc_report_opts ro = {.lang = lang, .ambitions = true, .tool_version = "fuzz"};
    SC_FUZZ_ASSERT(sc_writer_init(&w, format, &out, NULL, &ro) == 0, "the format exists");
    sc_accum acc;
    sc_accum_init(&acc);
    SC_FUZZ_ASSERT(sc_accum_add(&acc, res) == 0, "a summary needs no memory");
    sc_writer_begin(&w, &res->rules, res->rules ? 1 : 0);
    sc_writer_profile(&w, res);
    sc_writer_end(&w, &acc);
    sc_accum_free(&acc);
    SC_FUZZ_ASSERT(!out.failed && out.buf, "a report in memory is written whole");
    if (strcmp(format, "json") == 0)
        SC_FUZZ_ASSERT(sc_fuzz_json_valid(out.buf, out.len), "the JSON report is valid JSON");
    sc_out_free(&out);
}

/* Compiled rules in use: dump them, then check the two generated profiles against them. */
static void sc_fuzz_use_rules(const sc_rules *r)
{
    sc_out dump;
    sc_out_init_mem(&dump);
    sc_rules_dump(&dump, r);
    SC_FUZZ_ASSERT(!dump.failed, "the dump is written whole");
    sc_out_free(&dump);

    for (int variant = 0; variant < 2; variant++) {
        sc_out profile;
        sc_out_init_mem(&profile);
        sc_fuzz_make_profile(&profile, r, variant);
        SC_FUZZ_ASSERT(!profile.failed && profile.buf, "the profile is written whole");
        sc_arena arena;
        sc_arena_init(&arena, 0);
        sc_result res;
        SC_FUZZ_ASSERT(sc_check_profile(&arena, r, "generated.yaml", profile.buf, profile.len, NULL, &res) == 0,
                       "no allocation fails");
        for (uint32_t k = 0; k < res.nerrors; k++)
            fprintf(stderr, "generated.yaml:%u:%u: %s\n", res.errors[k].line, res.errors[k].col,
                    res.errors[k].message);
        SC_FUZZ_ASSERT(res.status != SC_PROFILE_INVALID, "a profile answering every item as its type allows is valid");
        sc_fuzz_report_rules(&res, "text", variant ? SC_LANG_EN : SC_LANG_NL);
        sc_fuzz_report_rules(&res, "json", SC_LANG_NL);
        sc_arena_free(&arena);
        sc_out_free(&profile);
    }
}

static void sc_fuzz_rules_run(const uint8_t *data, size_t size)
{
    sc_fuzz_source src = {(const char *)data, size, 0};
    sc_fuzz_diags seen = {sc_fuzz_count_lines((const char *)data, size), 0};
    sc_compile_options opt = {.load = sc_fuzz_rules_load,
                              .load_ctx = &src,
                              .max_file_bytes = 64 * 1024,
                              .max_include_depth = 3,
                              .max_nesting = 16};
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, sc_fuzz_rules_diag, &seen, 20);
    sc_rules *r = sc_compile_file("fuzz.rules", &opt, &sink);
    SC_FUZZ_ASSERT(!r || sink.errors == 0, "rules with errors are refused");
    SC_FUZZ_ASSERT(r || sink.errors > 0, "refused rules say why");
    if (r) {
        sc_fuzz_use_rules(r);
        sc_rules_free(r);
    }
}

#ifndef SC_FUZZ_NO_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sc_fuzz_rules_run(data, size);
    return 0;
}
#endif
