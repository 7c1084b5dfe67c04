/* tests/unit/test_bad_profiles.c — the corpus of bad profiles in tests/bad/: each file's leading '# expect: LINE:COL: error: MESSAGE' comments are exactly what checking it reports, in order; read at run time, so a new case is a new file. Its Dutch twin tests/bad-nl/ is read the same way with the messages in Dutch ('# verwacht: LINE:COL: fout: MELDING', each optionally followed by '# hint: HINT'). Inputs a text file cannot hold well (empty, NUL bytes, invalid UTF-8, a BOM, oversized) are made here. */
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
#include "test_util.h"

Suite *suite_bad_profiles(void);

#define BAD_DIR "tests/bad"
#define BAD_NL_DIR "tests/bad-nl"
#define ZOETERMEER "rules/zoetermeer-2023.rules"
#define MAX_EXPECT 64
#define FAILURES_CAP 16384

static sc_rules *zoetermeer;

static void compile_zoetermeer(void)
{
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, sc_test_print_diag, NULL, 0);
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

/* What one corpus speaks: English (tests/bad) or Dutch (tests/bad-nl). */
typedef struct corpus {
    const char *dir;
    sc_lang lang;
    const char *expect_tag;    /* "# expect: " */
    const char *nothing;       /* the expectation that stands for no diagnostics */
    const char *severity[3];   /* error, warning, note */
} corpus;

static const corpus english = {BAD_DIR, SC_LANG_EN, "# expect: ", "nothing", {"error", "warning", "note"}};
static const corpus dutch = {BAD_NL_DIR, SC_LANG_NL, "# verwacht: ", "niets", {"fout", "waarschuwing", "opmerking"}};

/* Check one profile text in the corpus' language and compare what is reported with the
 * expectations, one line each ("12:5: error: MESSAGE"); an empty list means: no diagnostics at
 * all. hints[k], when given and not NULL, is the hint diagnostic k must carry. */
static void check_one(failures *f, const corpus *c, const char *name, const char *text, size_t len, char **expect,
                      char **hints, unsigned nexpect)
{
    sc_arena arena;
    sc_arena_init(&arena, 0);
    sc_result res;
    const sc_yaml_limits options = {.lang = c->lang};
    if (sc_check_profile(&arena, zoetermeer, name, text, len, &options, &res) != 0) {
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
                     c->severity[e->severity == SC_SEV_ERROR ? 0 : e->severity == SC_SEV_WARNING ? 1 : 2], e->message);
        }
        const char *want = k < nexpect ? expect[k] : "(nothing)";
        if (strcmp(got, want) != 0) {
            fail_add(f, "%s: diagnostic %u of %u\n    expected: %s\n    reported: %s\n", name, k + 1,
                     n > nexpect ? n : nexpect, want, got);
            break;
        }
        const char *hint = k < n && res.errors[k].hint ? res.errors[k].hint : "(no hint)";
        if (hints && k < nexpect && hints[k] && strcmp(hint, hints[k]) != 0) {
            fail_add(f, "%s: the hint of diagnostic %u\n    expected: %s\n    reported: %s\n", name, k + 1, hints[k],
                     hint);
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

/* The *.yaml files of a corpus directory, sorted. */
static char **list_bad(const char *dir, size_t *count)
{
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s (run the tests from the top of the source tree)", dir);
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
        size_t size = strlen(dir) + len + 2;
        names[n] = malloc(size);
        ck_assert_ptr_nonnull(names[n]);
        snprintf(names[n], size, "%s/%s", dir, e->d_name);
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
    char *text = sc_test_read_file(path, len);
    ck_assert_msg(text != NULL, "%s: cannot open", path);
    return text;
}

/* The '# expect: ' lines (the corpus' tag) among the file's leading comments (CR LF or LF), copied
 * into expect[]; '# expect: nothing' stands for no diagnostics. A '# hint: ' line right after one
 * is the hint that diagnostic must carry (hints[k], else NULL: not compared). Returns the number
 * found, or -1 when the file says nothing about what to expect. */
static int read_expectations(const corpus *c, const char *text, size_t len, char **expect, char **hints,
                             unsigned *nexpect)
{
    static const char hint_tag[] = "# hint: ";
    size_t tag_len = strlen(c->expect_tag), nothing_len = strlen(c->nothing);
    size_t at = 0;
    int found = 0;
    *nexpect = 0;
    while (at < len && text[at] == '#') {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t line_end = end > at && text[end - 1] == '\r' ? end - 1 : end;
        if (line_end - at >= tag_len && memcmp(text + at, c->expect_tag, tag_len) == 0) {
            size_t start = at + tag_len;
            found++;
            if (!(line_end - start == nothing_len && memcmp(text + start, c->nothing, nothing_len) == 0) &&
                *nexpect < MAX_EXPECT) {
                hints[*nexpect] = NULL;
                expect[(*nexpect)++] = strndup(text + start, line_end - start);
            }
        } else if (line_end - at >= sizeof hint_tag - 1 && memcmp(text + at, hint_tag, sizeof hint_tag - 1) == 0 &&
                   *nexpect > 0 && !hints[*nexpect - 1]) {
            size_t start = at + sizeof hint_tag - 1;
            hints[*nexpect - 1] = strndup(text + start, line_end - start);
        }
        at = end + 1;
    }
    return found ? found : -1;
}

/* Every file of a corpus; returns how many there are. */
static size_t check_corpus(const corpus *c)
{
    size_t nfiles;
    char **files = list_bad(c->dir, &nfiles);
    failures *f = calloc(1, sizeof *f);
    ck_assert_ptr_nonnull(f);
    for (size_t i = 0; i < nfiles; i++) {
        size_t len;
        char *text = read_file(files[i], &len);
        char *expect[MAX_EXPECT], *hints[MAX_EXPECT];
        unsigned nexpect;
        if (read_expectations(c, text, len, expect, hints, &nexpect) < 0)
            fail_add(f, "%s: no '%sLINE:COL: %s: MESSAGE' (or '%s%s') at the top\n", files[i], c->expect_tag,
                     c->severity[0], c->expect_tag, c->nothing);
        else
            check_one(f, c, files[i], text, len, expect, hints, nexpect);
        for (unsigned k = 0; k < nexpect; k++) {
            free(expect[k]);
            free(hints[k]);
        }
        free(text);
        free(files[i]);
    }
    free(files);
    if (f->n) {
        fprintf(stderr, "%s", f->text);
        ck_abort_msg("%u of %zu bad profiles in %s do not report what they expect:\n%s", f->n, nfiles, c->dir, f->text);
    }
    free(f);
    return nfiles;
}

START_TEST(test_bad_files)
{
    size_t nfiles = check_corpus(&english);
    ck_assert_msg(nfiles >= 40, "%s holds %zu bad profiles; the corpus has at least 40", BAD_DIR, nfiles);
}
END_TEST

/* The Dutch twin: the same mistakes, the messages and hints a Dutch report shows. */
START_TEST(test_bad_files_dutch)
{
    size_t nfiles = check_corpus(&dutch);
    ck_assert_msg(nfiles >= 12, "%s holds %zu bad profiles; the corpus has at least 12", BAD_NL_DIR, nfiles);
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
        check_one(f, &english, made[i].name, made[i].text, made[i].len, expect, NULL, made[i].expect ? 1 : 0);
    }
    if (f->n)
        ck_abort_msg("%u made inputs do not report what they expect:\n%s", f->n, f->text);
    free(f);
}
END_TEST

/* Dutch twins of some made inputs, with the hint a school reads. */
typedef struct made_case_nl {
    const char *name;
    const char *text;
    size_t len;
    const char *expect, *hint;
} made_case_nl;

static const made_case_nl made_nl[] = {
    {"leeg bestand", TEXT(""), "1:1: fout: het profiel is leeg",
     "begin met 'profiel: 1', dan 'school:' en 'antwoorden:'"},
    {"NUL-byte", TEXT("profiel: 1\nschool:\n  naam: De\0Wilgen\n  peildatum: 2026-10-01\n"),
     "3:11: fout: het bestand bevat een NUL-byte",
     "het bestand is misschien geen tekst, of opgeslagen als UTF-16; sla het op als UTF-8-tekst"},
    {"Latin-1-tekst", TEXT("profiel: 1\nschool:\n  naam: Caf\xe9 De Wilgen\n  peildatum: 2026-10-01\n"),
     "3:12: fout: het bestand is geen geldige UTF-8-tekst (byte 0xE9)", "sla het bestand op als UTF-8-tekst"},
    {"UTF-16", TEXT("\xff\xfep\0r\0o\0f\0i\0e\0l\0:\0 \0001\0\n\0"),
     "1:1: fout: het bestand is geen geldige UTF-8-tekst (byte 0xFF): het is opgeslagen als UTF-16",
     "sla het bestand op als UTF-8-tekst (in Kladblok: Opslaan als, Codering UTF-8)"},
};

START_TEST(test_made_inputs_dutch)
{
    failures *f = calloc(1, sizeof *f);
    ck_assert_ptr_nonnull(f);
    for (size_t i = 0; i < sizeof made_nl / sizeof made_nl[0]; i++) {
        char *expect[1] = {(char *)made_nl[i].expect}, *hints[1] = {(char *)made_nl[i].hint};
        check_one(f, &dutch, made_nl[i].name, made_nl[i].text, made_nl[i].len, expect, hints, 1);
    }
    if (f->n)
        ck_abort_msg("%u made inputs do not report what they expect in Dutch:\n%s", f->n, f->text);
    free(f);
}
END_TEST

/* Over the size limit: refused before it is read, at 1:1 (in English and in Dutch). */
START_TEST(test_too_large)
{
    size_t len = SC_YAML_DEFAULT_MAX_BYTES + 1;
    char *text = malloc(len);
    ck_assert_ptr_nonnull(text);
    memcpy(text, "profiel: 1\n", 11);
    for (size_t i = 11; i < len; i++)
        text[i] = (i % 80 == 79) ? '\n' : (i % 80 == 11 ? '#' : 'x');
    char want[128], want_nl[128];
    snprintf(want, sizeof want, "1:1: error: the file is %zu bytes; the most allowed is %zu", len,
             (size_t)SC_YAML_DEFAULT_MAX_BYTES);
    snprintf(want_nl, sizeof want_nl, "1:1: fout: het bestand is %zu bytes; het meeste dat mag is %zu", len,
             (size_t)SC_YAML_DEFAULT_MAX_BYTES);
    char *expect[1] = {want}, *expect_nl[1] = {want_nl};
    char *hints_nl[1] = {"maak het bestand kleiner, of verhoog de grens (--max-bytes)"};
    failures *f = calloc(1, sizeof *f);
    ck_assert_ptr_nonnull(f);
    check_one(f, &english, "a profile of 1 MiB + 1 byte", text, len, expect, NULL, 1);
    check_one(f, &dutch, "een profiel van 1 MiB + 1 byte", text, len, expect_nl, hints_nl, 1);
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
    check_one(f, &english, "a name of 70000 characters", text, len, expect, NULL, 1);
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
    tcase_add_test(tc, test_bad_files_dutch);
    tcase_add_test(tc, test_made_inputs);
    tcase_add_test(tc, test_made_inputs_dutch);
    tcase_add_test(tc, test_too_large);
    tcase_add_test(tc, test_text_too_long);
    suite_add_tcase(s, tc);
    return s;
}
