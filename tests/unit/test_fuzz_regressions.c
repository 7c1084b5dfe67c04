/* tests/unit/test_fuzz_regressions.c — every input the fuzzers once broke on (tests/fuzz/regressions/{rules,profile}/), run through the harnesses' own code, so that make check, check-asan and memcheck keep them fixed. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the harnesses themselves, without their libFuzzer entry points */
#define SC_FUZZ_NO_MAIN
#include "tests/fuzz/fuzz_profile.c"
#include "tests/fuzz/fuzz_rules.c"

Suite *suite_fuzz_regressions(void);

#define REGRESSIONS "tests/fuzz/regressions/"

typedef struct file_list {
    char **names;
    size_t len;
} file_list;

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The regular files of dir (hidden ones and READMEs skipped), sorted; an absent directory is empty. */
static file_list list_dir(const char *dir)
{
    file_list l = {NULL, 0};
    DIR *d = opendir(dir);
    if (!d)
        return l;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0)
            continue;
        if (l.len == cap) {
            cap = cap ? cap * 2 : 16;
            char **grown = realloc(l.names, cap * sizeof *grown);
            ck_assert_ptr_nonnull(grown);
            l.names = grown;
        }
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        l.names[l.len] = malloc(n);
        ck_assert_ptr_nonnull(l.names[l.len]);
        snprintf(l.names[l.len], n, "%s/%s", dir, e->d_name);
        l.len++;
    }
    closedir(d);
    if (l.len)
        qsort(l.names, l.len, sizeof *l.names, cmp_name);
    return l;
}

static void free_list(file_list *l)
{
    for (size_t i = 0; i < l->len; i++)
        free(l->names[i]);
    free(l->names);
    l->names = NULL;
    l->len = 0;
}

/* The whole file in a buffer of exactly its size (as libFuzzer hands it over: no NUL after it). */
static uint8_t *read_exact(const char *path, size_t *size)
{
    FILE *fp = fopen(path, "rb");
    ck_assert_msg(fp != NULL, "%s: cannot open", path);
    ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
    long n = ftell(fp);
    ck_assert_msg(n >= 0, "%s: cannot size", path);
    rewind(fp);
    uint8_t *buf = malloc(n ? (size_t)n : 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_msg(fread(buf, 1, (size_t)n, fp) == (size_t)n, "%s: short read", path);
    fclose(fp);
    *size = (size_t)n;
    return buf;
}

/* Run every file of one directory; a broken invariant names the file (SC_FUZZ_VERBOSE=1 names each one first). */
static unsigned run_all(const char *dir, void (*run)(const uint8_t *, size_t))
{
    file_list l = list_dir(dir);
    for (size_t i = 0; i < l.len; i++) {
        size_t size;
        uint8_t *data = read_exact(l.names[i], &size);
        if (getenv("SC_FUZZ_VERBOSE"))
            fprintf(stderr, "fuzz regression: %s\n", l.names[i]);
        sc_fuzz_input_name = l.names[i];
        run(data, size);
        sc_fuzz_input_name = NULL;
        free(data);
    }
    unsigned n = (unsigned)l.len;
    free_list(&l);
    return n;
}

START_TEST(test_profile_regressions)
{
    run_all(REGRESSIONS "profile", sc_fuzz_profile_run);
    sc_fuzz_profile_teardown();
}
END_TEST

START_TEST(test_rules_regressions)
{
    run_all(REGRESSIONS "rules", sc_fuzz_rules_run);
}
END_TEST

/* The seeds the fuzzers start from pass the harnesses too (a seed that breaks one is a finding). */
START_TEST(test_profile_seeds)
{
    unsigned n = run_all("fixtures/profiles", sc_fuzz_profile_run) + run_all("fixtures/samples", sc_fuzz_profile_run);
    ck_assert_uint_gt(n, 0);
    sc_fuzz_profile_teardown();
}
END_TEST

START_TEST(test_rules_seeds)
{
    ck_assert_uint_gt(run_all("rules", sc_fuzz_rules_run), 0);
}
END_TEST

/* The JSON checker the harnesses rely on tells good JSON from bad. */
START_TEST(test_json_checker)
{
    static const char *const good[] = {"{}", "[]", "{\"a\":[1,-2.5e3,true,false,null,\"x\\u00e9\\n\"]}", " 0 ",
                                       "\"caf\xc3\xa9\""};
    static const char *const bad[] = {"", "{", "{\"a\"}", "[1,]", "01", "\"\x01\"", "\"\\x\"", "\"\xff\"",
                                      "{} {}", "[\"a\" \"b\"]", "tru"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        ck_assert_msg(sc_fuzz_json_valid(good[i], strlen(good[i])), "rejected: %s", good[i]);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(!sc_fuzz_json_valid(bad[i], strlen(bad[i])), "accepted: %s", bad[i]);
    ck_assert(sc_fuzz_text_safe("ok \xc3\xa9\n", 6));
    ck_assert(!sc_fuzz_text_safe("\x1b[31m", 5));
    ck_assert(!sc_fuzz_text_safe("\xc2\x9b", 2));
    ck_assert(!sc_fuzz_text_safe("\x9b", 1));
}
END_TEST

Suite *suite_fuzz_regressions(void)
{
    Suite *s = suite_create("fuzz_regressions");
    TCase *tc = tcase_create("regressions");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_json_checker);
    tcase_add_test(tc, test_profile_regressions);
    tcase_add_test(tc, test_rules_regressions);
    tcase_add_test(tc, test_profile_seeds);
    tcase_add_test(tc, test_rules_seeds);
    suite_add_tcase(s, tc);
    return s;
}
