/* tests/unit/test_fmt.c — sopcheck fmt: over every rules file of the repository (formatted in memory, never
 * rewritten) the result parses, compiles to the same program, keeps every comment and is a fixed point; and the
 * golden cases tests/fmt/NAME.in.rules -> NAME.out.rules (read at run time: a new case is a new file pair). */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/out.h"
#include "dsl/ast.h"
#include "dsl/compile.h"
#include "dsl/dump.h"
#include "dsl/fmt.h"
#include "dsl/rules.h"
#include "test_util.h"

Suite *suite_fmt(void);

#define GOLDEN_DIR "tests/fmt"
#define MAX_FILES 256


/* fmt(text), malloc'd; NULL when it reports errors. */
static char *fmt_text(const char *path, const char *text, size_t len, size_t *out_len)
{
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, NULL, NULL, 0);
    sc_out o;
    sc_out_init_mem(&o);
    if (sc_fmt_rules(&o, path, text, len, &sink) != 0 || o.failed) {
        sc_out_free(&o);
        return NULL;
    }
    char *s = o.buf ? o.buf : strdup("");
    *out_len = o.buf ? o.len : 0;
    return s;
}

/* The comments of a text, one per line, sorted (statements may be printed in another order). */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *comments_of(const char *text, size_t len, size_t *count)
{
    sc_arena arena;
    sc_arena_init(&arena, 0);
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, NULL, NULL, 0);
    sc_ptrvec v = {0};
    sc_parse_rules_keep_comments(&arena, "x.rules", text, len, NULL, &sink, &v);
    const char **list = malloc((v.len + 1) * sizeof *list);
    for (size_t i = 0; i < v.len; i++)
        list[i] = ((const ast_comment *)v.items[i])->text;
    qsort(list, v.len, sizeof *list, cmp_str);
    sc_out o;
    sc_out_init_mem(&o);
    for (size_t i = 0; i < v.len; i++) {
        sc_out_puts(&o, list[i]);
        sc_out_putc(&o, '\n');
    }
    *count = v.len;
    free(list);
    sc_arena_free(&arena);
    return o.buf ? o.buf : strdup("");
}

/* The compiled program of `path` with its own text replaced by `text` (includes read from disk),
 * written by `compile --dump`, line numbers left out. */
typedef struct one_text {
    const char *text;
    size_t len;
} one_text;

static int load_one(void *ctx, sc_arena *arena, const char *from, const char *name, const char **path,
                    const char **text, size_t *len, const char **why)
{
    const one_text *t = ctx;
    if (from)
        return sc_load_file(NULL, arena, from, name, path, text, len, why);
    *path = name;
    *text = sc_arena_strndup(arena, t->text, t->len);
    *len = t->len;
    return *text ? 0 : -1;
}

static char *dump_of(const char *path, const char *text, size_t len)
{
    one_text t = {text, len};
    sc_compile_options opt = {.load = load_one, .load_ctx = &t};
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, NULL, NULL, 0);
    sc_rules *r = sc_compile_file(path, &opt, &sink);
    if (!r)
        return NULL;
    sc_out o;
    sc_out_init_mem(&o);
    sc_rules_dump(&o, r);
    sc_rules_free(r);
    /* "file.rules:123" -> "file.rules:#" */
    const char *s = o.buf ? o.buf : "";
    char *norm = malloc(strlen(s) + 2), *w = norm;
    for (const char *p = s; *p;) {
        if (p[0] == ':' && p - s >= 6 && strncmp(p - 6, ".rules", 6) == 0 && p[1] >= '0' && p[1] <= '9') {
            *w++ = ':';
            *w++ = '#';
            p++;
            while (*p >= '0' && *p <= '9')
                p++;
        } else {
            *w++ = *p++;
        }
    }
    *w = '\0';
    sc_out_free(&o);
    return norm;
}

/* ---- every rules file of the repository ---------------------------------------------------------- */

static char *files[MAX_FILES];
static size_t nfiles;

static void list_dir(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s", dir);
    struct dirent *e;
    while ((e = readdir(d)) && nfiles < MAX_FILES) {
        size_t n = strlen(e->d_name);
        if (n > 6 && strcmp(e->d_name + n - 6, ".rules") == 0) {
            files[nfiles] = malloc(strlen(dir) + n + 2);
            sprintf(files[nfiles++], "%s/%s", dir, e->d_name);
        }
    }
    closedir(d);
}

static void list_files(void)
{
    if (nfiles)
        return;
    list_dir("rules");
    list_dir("tests/compile-pass");
}

START_TEST(round_trip)
{
    list_files();
    ck_assert_uint_ge(nfiles, 10);
    for (size_t i = 0; i < nfiles; i++) {
        const char *path = files[i];
        size_t len, flen, f2len, c1, c2;
        char *text = sc_test_read_file(path, &len);
        ck_assert_msg(text != NULL, "cannot read %s", path);
        char *formatted = fmt_text(path, text, len, &flen);
        ck_assert_msg(formatted != NULL, "%s: fmt reports errors", path);

        /* parses, and formatting again changes nothing */
        char *again = fmt_text(path, formatted, flen, &f2len);
        ck_assert_msg(again != NULL, "%s: the formatted text does not parse", path);
        ck_assert_msg(f2len == flen && memcmp(again, formatted, flen) == 0, "%s: fmt(fmt(x)) differs from fmt(x):\n%s",
                      path, again);

        /* every comment kept, word for word */
        char *before = comments_of(text, len, &c1), *after = comments_of(formatted, flen, &c2);
        ck_assert_msg(c1 == c2, "%s: %zu comments before, %zu after", path, c1, c2);
        ck_assert_msg(strcmp(before, after) == 0, "%s: comments differ:\n%s\n---\n%s", path, before, after);

        /* the same compiled program */
        char *d1 = dump_of(path, text, len), *d2 = dump_of(path, formatted, flen);
        ck_assert_msg(d1 != NULL, "%s does not compile", path);
        ck_assert_msg(d2 != NULL, "%s: the formatted text does not compile", path);
        ck_assert_msg(strcmp(d1, d2) == 0, "%s: the formatted text compiles to another program", path);

        free(text), free(formatted), free(again), free(before), free(after), free(d1), free(d2);
    }
}
END_TEST

/* ---- golden cases ---------------------------------------------------------------------------------- */

START_TEST(golden)
{
    DIR *d = opendir(GOLDEN_DIR);
    ck_assert_msg(d != NULL, "cannot open " GOLDEN_DIR);
    struct dirent *e;
    unsigned cases = 0;
    char in[512], out[512];
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n <= 9 || strcmp(e->d_name + n - 9, ".in.rules") != 0)
            continue;
        snprintf(in, sizeof in, "%s/%s", GOLDEN_DIR, e->d_name);
        snprintf(out, sizeof out, "%s/%.*s.out.rules", GOLDEN_DIR, (int)(n - 9), e->d_name);
        size_t ilen, olen, flen, f2len;
        char *itext = sc_test_read_file(in, &ilen), *otext = sc_test_read_file(out, &olen);
        ck_assert_msg(itext && otext, "%s: cannot read it or %s", in, out);
        char *formatted = fmt_text(in, itext, ilen, &flen);
        ck_assert_msg(formatted != NULL, "%s: fmt reports errors", in);
        ck_assert_msg(flen == olen && memcmp(formatted, otext, olen) == 0, "%s: expected\n%s\ngot\n%s", in, otext,
                      formatted);
        char *again = fmt_text(out, otext, olen, &f2len);
        ck_assert_msg(again && f2len == olen && memcmp(again, otext, olen) == 0, "%s is not a fixed point", out);
        free(itext), free(otext), free(formatted), free(again);
        cases++;
    }
    closedir(d);
    ck_assert_uint_ge(cases, 3);
}
END_TEST

/* A text with a syntax error is not formatted: its errors are reported and nothing is written. */
START_TEST(syntax_error)
{
    const char *text = "ruleset \"x\"\nversion \"1\"\nscale niveau school > wijk\n";
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, NULL, NULL, 0);
    sc_out o;
    sc_out_init_mem(&o);
    ck_assert_int_eq(sc_fmt_rules(&o, "x.rules", text, strlen(text), &sink), -1);
    ck_assert_uint_ge(sink.errors, 1);
    ck_assert_uint_eq(o.len, 0);
    sc_out_free(&o);
}
END_TEST

/* A comment only: kept; an empty text stays empty. */
START_TEST(comment_only_and_empty)
{
    size_t n;
    char *s = fmt_text("x.rules", "  # alleen een opmerking  \n\n\n", 29, &n);
    ck_assert_str_eq(s, "# alleen een opmerking\n");
    free(s);
    s = fmt_text("x.rules", "", 0, &n);
    ck_assert_uint_eq(n, 0);
    free(s);
}
END_TEST

Suite *suite_fmt(void)
{
    Suite *s = suite_create("fmt");
    TCase *tc = tcase_create("fmt");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, golden);
    tcase_add_test(tc, syntax_error);
    tcase_add_test(tc, comment_only_and_empty);
    suite_add_tcase(s, tc);
    return s;
}
