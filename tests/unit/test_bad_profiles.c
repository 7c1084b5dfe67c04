/* tests/unit/test_bad_profiles.c — the corpus of bad profiles in tests/bad/: each file's leading '# expect: LINE:COL: error: MESSAGE' comments are exactly what checking it reports, in order; read at run time, so a new case is a new file. Inputs a text file cannot hold well (empty, NUL bytes, invalid UTF-8, a BOM, oversized) are made here. */
#include <check.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "dsl/compile.h"
#include "engine/check.h"

Suite *suite_bad_profiles(void);

#define BAD_DIR "tests/bad"
#define ZOETERMEER "rules/zoetermeer-2023.rules"
#define MAX_EXPECT 64
#define FAILURES_CAP 16384

static sc_rules *zoetermeer;

static void print_diag(void *ctx, const sc_diag *d)
{
    (void)ctx;
    fprintf(stderr, "%s:%u:%u: %s\n", d->file, d->line, d->col, d->message);
}

static void compile_zoetermeer(void)
{
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, print_diag, NULL, 0);
    zoetermeer = sc_compile_file(ZOETERMEER, NULL, &sink);
    ck_assert_msg(zoetermeer != NULL, "%s does not compile", ZOETERMEER);
}

static void free_zoetermeer(void)
{
    sc_rules_free(zoetermeer);
    zoetermeer = NULL;
}

/* The failures of one test, gathered so that every bad case is named at once. */
typedef struct failures {
    char text[FAILURES_CAP];
    size_t len;
    unsigned n;
} failures;

static void fail_add(failures *f, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void fail_add(failures *f, const char *fmt, ...)
{
    f->n++;
    if (f->len + 1 >= sizeof f->text)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(f->text + f->len, sizeof f->text - f->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        f->len += (size_t)n < sizeof f->text - f->len ? (size_t)n : sizeof f->text - f->len - 1;
}

/* Check one profile text and compare what is reported with the expectations, one line each
 * ("12:5: error: MESSAGE"); an empty list means: no diagnostics at all. */
static void check_one(failures *f, const char *name, const char *text, size_t len, char **expect, unsigned nexpect)
{
    sc_arena arena;
    sc_arena_init(&arena, 0);
    sc_result res;
    if (sc_check_profile(&arena, zoetermeer, name, text, len, NULL, &res) != 0) {
        fail_add(f, "%s: out of memory\n", name);
        sc_arena_free(&arena);
        return;
    }
    unsigned n = res.nerrors;
    for (unsigned k = 0; k < n || k < nexpect; k++) {
        char got[1400] = "(nothing)";
        if (k < n) {
            const sc_profile_error *e = &res.errors[k];
            snprintf(got, sizeof got, "%u:%u: %s: %s", e->line, e->col,
                     e->severity == SC_SEV_ERROR ? "error" : e->severity == SC_SEV_WARNING ? "warning" : "note",
                     e->message);
        }
        const char *want = k < nexpect ? expect[k] : "(nothing)";
        if (strcmp(got, want) != 0) {
            fail_add(f, "%s: diagnostic %u of %u\n    expected: %s\n    reported: %s\n", name, k + 1,
                     n > nexpect ? n : nexpect, want, got);
            break;
        }
    }
    if (res.nsuppressed)
        fail_add(f, "%s: %u more errors were held back; expect at most %u\n", name, res.nsuppressed,
                 SC_CHECK_MAX_ERRORS);
    if ((n > 0) != (res.status == SC_PROFILE_INVALID))
        fail_add(f, "%s: status %d does not fit %u diagnostics\n", name, (int)res.status, n);
    sc_arena_free(&arena);
}

/* --- the files in tests/bad -------------------------------------------------------------------- */

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.yaml files of tests/bad, sorted. */
static char **list_bad(size_t *count)
{
    DIR *d = opendir(BAD_DIR);
    ck_assert_msg(d != NULL, "cannot open %s (run the tests from the top of the source tree)", BAD_DIR);
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
            ck_assert_ptr_nonnull(names);
        }
        names[n] = malloc(sizeof BAD_DIR + len + 1);
        ck_assert_ptr_nonnull(names[n]);
        snprintf(names[n], sizeof BAD_DIR + len + 1, "%s/%s", BAD_DIR, e->d_name);
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_name);
    *count = n;
    return names;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    ck_assert_msg(fp != NULL, "%s: cannot open", path);
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            ck_assert_ptr_nonnull(buf);
        }
    }
    fclose(fp);
    *len = n;
    return buf;
}

/* The '# expect: ' lines among the file's leading comments (CR LF or LF), copied into expect[];
 * '# expect: nothing' stands for no diagnostics. Returns the number found, or -1 when the file
 * says nothing about what to expect. */
static int read_expectations(const char *text, size_t len, char **expect, unsigned *nexpect)
{
    static const char tag[] = "# expect: ";
    size_t at = 0;
    int found = 0;
    *nexpect = 0;
    while (at < len && text[at] == '#') {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t line_end = end > at && text[end - 1] == '\r' ? end - 1 : end;
        if (line_end - at >= sizeof tag - 1 && memcmp(text + at, tag, sizeof tag - 1) == 0) {
            size_t start = at + sizeof tag - 1;
            found++;
            if (!(line_end - start == 7 && memcmp(text + start, "nothing", 7) == 0) && *nexpect < MAX_EXPECT)
                expect[(*nexpect)++] = strndup(text + start, line_end - start);
        }
        at = end + 1;
    }
    return found ? found : -1;
}

START_TEST(test_bad_files)
{
    size_t nfiles;
    char **files = list_bad(&nfiles);
    failures *f = calloc(1, sizeof *f);
    ck_assert_ptr_nonnull(f);
    for (size_t i = 0; i < nfiles; i++) {
        size_t len;
        char *text = read_file(files[i], &len);
        char *expect[MAX_EXPECT];
        unsigned nexpect;
        if (read_expectations(text, len, expect, &nexpect) < 0)
            fail_add(f, "%s: no '# expect: LINE:COL: error: MESSAGE' (or '# expect: nothing') at the top\n", files[i]);
        else
            check_one(f, files[i], text, len, expect, nexpect);
        for (unsigned k = 0; k < nexpect; k++)
            free(expect[k]);
        free(text);
        free(files[i]);
    }
    free(files);
    if (f->n) {
        fprintf(stderr, "%s", f->text);
        ck_abort_msg("%u of %zu bad profiles in %s do not report what they expect:\n%s", f->n, nfiles, BAD_DIR,
                     f->text);
    }
    free(f);
    ck_assert_msg(nfiles >= 40, "%s holds %zu bad profiles; the corpus has at least 40", BAD_DIR, nfiles);
}
END_TEST

/* --- the inputs made here ----------------------------------------------------------------------- */

typedef struct made_case {
    const char *name;
    const char *text;
    size_t len;
    const char *expect; /* one diagnostic, or NULL for none */
} made_case;

#define TEXT(s) s, sizeof s - 1

static const made_case made[] = {
    {"empty file (no bytes at all)", TEXT(""), "1:1: error: the profile is empty"},
    {"NUL byte", TEXT("profiel: 1\nschool:\n  naam: De\0Wilgen\n  peildatum: 2026-10-01\n"),
     "3:11: error: the file contains a NUL byte"},
    {"Latin-1 text", TEXT("profiel: 1\nschool:\n  naam: Caf\xe9 De Wilgen\n  peildatum: 2026-10-01\n"),
     "3:12: error: the file is not valid UTF-8 text (byte 0xE9)"},
    {"overlong UTF-8", TEXT("profiel: 1\nschool:\n  naam: \xc0\xaf\n"),
     "3:9: error: the file is not valid UTF-8 text (byte 0xC0)"},
    {"UTF-8 surrogate", TEXT("profiel: 1\nschool:\n  naam: \xed\xa0\x80\n"),
     "3:9: error: the file is not valid UTF-8 text (byte 0xED)"},
    {"UTF-8 cut short at the end", TEXT("profiel: 1\nschool:\n  naam: \xe2\x82"),
     "3:9: error: the file is not valid UTF-8 text (byte 0xE2)"},
    {"UTF-16", TEXT("\xff\xfep\0r\0o\0f\0i\0e\0l\0:\0 \0001\0\n\0"),
     "1:1: error: the file is not valid UTF-8 text (byte 0xFF): it is saved as UTF-16"},
    {"UTF-8 byte order mark (not a column)", TEXT("\xef\xbb\xbfprofiel: 2\nschool:\n  peildatum: 2026-10-01\n"),
     "1:10: error: profile format '2' is unknown; this version of sopcheck reads format 1"},
    {"UTF-8 byte order mark, valid", TEXT("\xef\xbb\xbfprofiel: 1\nschool:\n  peildatum: 2026-10-01\n"), NULL},
    {"CR line endings (old Mac)", TEXT("profiel: 1\rschool:\r  peildatum: 2026-10-01\rantwoorden:\r  sop.vastgesteld: soms\r"),
     "5:20: error: 'soms' is not an answer to the yes/no question 'sop.vastgesteld'"},
};

START_TEST(test_made_inputs)
{
    failures *f = calloc(1, sizeof *f);
    ck_assert_ptr_nonnull(f);
    for (size_t i = 0; i < sizeof made / sizeof made[0]; i++) {
        char *expect[1] = {(char *)made[i].expect};
        check_one(f, made[i].name, made[i].text, made[i].len, expect, made[i].expect ? 1 : 0);
    }
    if (f->n)
        ck_abort_msg("%u made inputs do not report what they expect:\n%s", f->n, f->text);
    free(f);
}
END_TEST

/* Over the size limit: refused before it is read, at 1:1. */
START_TEST(test_too_large)
{
    size_t len = SC_YAML_DEFAULT_MAX_BYTES + 1;
    char *text = malloc(len);
    ck_assert_ptr_nonnull(text);
    memcpy(text, "profiel: 1\n", 11);
    for (size_t i = 11; i < len; i++)
        text[i] = (i % 80 == 79) ? '\n' : (i % 80 == 11 ? '#' : 'x');
    char want[128];
    snprintf(want, sizeof want, "1:1: error: the file is %zu bytes; the most allowed is %zu", len,
             (size_t)SC_YAML_DEFAULT_MAX_BYTES);
    char *expect[1] = {want};
    failures *f = calloc(1, sizeof *f);
    ck_assert_ptr_nonnull(f);
    check_one(f, "a profile of 1 MiB + 1 byte", text, len, expect, 1);
    free(text);
    if (f->n)
        ck_abort_msg("%s", f->text);
    free(f);
}
END_TEST

/* One text of more than 64 KiB: refused where it starts. */
START_TEST(test_text_too_long)
{
    size_t n = 70000;
    const char *head = "profiel: 1\nschool:\n  naam: \"", *tail = "\"\n  peildatum: 2026-10-01\n";
    size_t len = strlen(head) + n + strlen(tail);
    char *text = malloc(len);
    ck_assert_ptr_nonnull(text);
    memcpy(text, head, strlen(head));
    memset(text + strlen(head), 'x', n);
    memcpy(text + strlen(head) + n, tail, strlen(tail));
    char *expect[1] = {"3:9: error: this text is 70000 bytes long; the most allowed is 65536"};
    failures *f = calloc(1, sizeof *f);
    ck_assert_ptr_nonnull(f);
    check_one(f, "a name of 70000 characters", text, len, expect, 1);
    free(text);
    if (f->n)
        ck_abort_msg("%s", f->text);
    free(f);
}
END_TEST

Suite *suite_bad_profiles(void)
{
    Suite *s = suite_create("bad_profiles");
    TCase *tc = tcase_create("corpus");
    tcase_add_unchecked_fixture(tc, compile_zoetermeer, free_zoetermeer);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_bad_files);
    tcase_add_test(tc, test_made_inputs);
    tcase_add_test(tc, test_too_large);
    tcase_add_test(tc, test_text_too_long);
    suite_add_tcase(s, tc);
    return s;
}
