/* tests/unit/test_big_rules.c — every generated rules file of about 1 MB (tools/bigrules.h, one per construct) compiles, or is refused with its located error; how long it takes is measured by `make bench`, not here. */
#include <check.h>
#include <string.h>

#include "dsl/compile.h"
#include "test_util.h"
#include "tools/bigrules.h"

Suite *suite_big_rules(void);

typedef struct big_files {
    const char *main, *inc;
    size_t main_len, inc_len;
} big_files;

static int big_load(void *ctx, sc_arena *arena, const char *from, const char *name, const char **path, const char **text,
                    size_t *len, const char **why)
{
    (void)arena;
    (void)from;
    const big_files *f = ctx;
    *path = name;
    if (strcmp(name, "groot.rules") == 0) {
        *text = f->main;
        *len = f->main_len;
        return 0;
    }
    if (strcmp(name, "basis.rules") == 0 && f->inc) {
        *text = f->inc;
        *len = f->inc_len;
        return 0;
    }
    *why = "no such file";
    return -1;
}

START_TEST(test_big_case)
{
    const bigrules_case *bc = &bigrules_cases[_i];
    char *main_text, *inc_text;
    big_files f = {0};
    ck_assert_int_eq(bigrules_make((size_t)_i, &main_text, &f.main_len, &inc_text, &f.inc_len), 0);
    f.main = main_text;
    f.inc = inc_text;
    /* a case is big: at least 80% of the size it aims at, under the 1 MiB limit */
    ck_assert_msg(f.main_len + f.inc_len > BIGRULES_BYTES / 100 * 80 && f.main_len < ((size_t)1 << 20),
                  "%s: %zu bytes", bc->name, f.main_len);
    sc_test_diags d;
    sc_test_diags_init(&d);
    d.sink.max_errors = 50; /* as the CLI shows them */
    sc_compile_options opt = {.load = big_load, .load_ctx = &f};
    sc_rules *r = sc_compile_file("groot.rules", &opt, &d.sink);
    if (!bc->error) {
        ck_assert_msg(r != NULL && d.sink.errors == 0, "%s: %u errors, the first at %u:%u: %s", bc->name, d.sink.errors,
                      d.nseen ? d.line[0] : 0, d.nseen ? d.col[0] : 0, d.nseen ? d.message[0] : "");
    } else {
        ck_assert_ptr_null(r);
        ck_assert_uint_gt(d.sink.errors, 0);
        unsigned k = 0; /* the error; a warning may come before it */
        while (k < d.nseen && strcmp(d.message[k], bc->error) != 0)
            k++;
        ck_assert_msg(k < d.nseen, "%s: no error at %u:%u", bc->name, bc->line, bc->col);
        ck_assert_str_eq(d.message[k], bc->error);
        ck_assert_uint_eq(d.line[k], bc->line);
        ck_assert_uint_eq(d.col[k], bc->col);
    }
    sc_rules_free(r);
    free(main_text);
    free(inc_text);
}
END_TEST

Suite *suite_big_rules(void)
{
    Suite *s = suite_create("big_rules");
    TCase *tc = tcase_create("big_rules");
    tcase_set_timeout(tc, 120); /* not a limit on time: only a stop for a hang (valgrind is slow) */
    tcase_add_loop_test(tc, test_big_case, 0, (int)BIGRULES_NCASES);
    suite_add_tcase(s, tc);
    return s;
}
