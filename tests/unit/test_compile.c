/* tests/unit/test_compile.c — the rules compiler: every case in tests/compile-fail must report exactly its
 * `# expect:` lines and every case in tests/compile-pass must compile without a word (both read at run time:
 * a new case is a new file), plus the compiled program of small rules texts, positions, limits and includes. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/out.h"
#include "dsl/compile.h"
#include "dsl/dump.h"
#include "dsl/rules.h"
#include "dsl/rules_index.h"
#include "test_util.h"

Suite *suite_compile(void);

/* Paths are relative to the repo root, where the tests run; generated cases go to the build dir. */
#define FAIL_DIR "tests/compile-fail"
#define PASS_DIR "tests/compile-pass"
#define MAX_CASES 512
#define WHY_SIZE 7000 /* Check cuts a failure message at BUFSIZ */

/* ---- lists of lines ----------------------------------------------------------------------------- */

typedef struct strlist {
    char **v;
    size_t n, cap;
} strlist;

static void strlist_add(strlist *l, const char *s, size_t n)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        ck_assert_ptr_nonnull(l->v);
    }
    char *copy = malloc(n + 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, s, n);
    copy[n] = '\0';
    l->v[l->n++] = copy;
}

static void strlist_addf(strlist *l, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void strlist_addf(strlist *l, const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    strlist_add(l, buf, strlen(buf));
}

static void strlist_free(strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* Append to a failure message, keeping it NUL-terminated within `size`. */
static void why_add(char *why, size_t size, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static void why_add(char *why, size_t size, const char *fmt, ...)
{
    size_t used = strlen(why);
    if (used + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why + used, size - used, fmt, ap);
    va_end(ap);
}

/* ---- what the compiler reported ----------------------------------------------------------------- */

/* Diagnostics as the cases write them: "LINE:COL: SEVERITY: MESSAGE"; one in another file than the
 * case itself (an include) is prefixed with that file's path relative to the case's directory. */
typedef struct seen {
    const char *base;   /* the path the case was compiled as */
    strlist lines;
    strlist hints;      /* "" when none */
    strlist src;        /* the quoted source line, "" when none */
} seen;

static const char *sev_name(sc_severity s)
{
    return s == SC_SEV_ERROR ? "error" : s == SC_SEV_WARNING ? "warning" : "note";
}

static void seen_diag(void *ctx, const sc_diag *d)
{
    seen *s = ctx;
    char where[1024] = "";
    if (!s->base || !d->file || strcmp(d->file, s->base) != 0) {
        const char *slash = s->base ? strrchr(s->base, '/') : NULL;
        size_t dir = slash ? (size_t)(slash - s->base) + 1 : 0;
        const char *f = d->file ? d->file : "?";
        if (dir && strncmp(f, s->base, dir) == 0)
            f += dir;
        snprintf(where, sizeof where, "%s:", f);
    }
    strlist_addf(&s->lines, "%s%u:%u: %s: %s", where, d->line, d->col, sev_name(d->severity), d->message);
    strlist_add(&s->hints, d->hint ? d->hint : "", d->hint ? strlen(d->hint) : 0);
    strlist_add(&s->src, d->src_line ? d->src_line : "", d->src_line ? d->src_line_len : 0);
}

static void seen_free(seen *s)
{
    strlist_free(&s->lines);
    strlist_free(&s->hints);
    strlist_free(&s->src);
}

/* ---- files ------------------------------------------------------------------------------------ */


static void write_all(const char *path, const char *text, size_t len)
{
    FILE *fp = fopen(path, "wb");
    ck_assert_msg(fp != NULL, "cannot write %s: %s", path, strerror(errno));
    ck_assert_uint_eq(fwrite(text, 1, len, fp), len);
    ck_assert_int_eq(fclose(fp), 0);
}

/* Where generated cases go: $SC_BUILD/tests/compile-gen (made when missing). */
static void gen_dir(char *buf, size_t size)
{
    const char *build = getenv("SC_BUILD");
    if (!build || !*build)
        build = "build";
    char part[1024];
    snprintf(part, sizeof part, "%s", build);
    mkdir(part, 0777);
    snprintf(part, sizeof part, "%s/tests", build);
    mkdir(part, 0777);
    snprintf(buf, size, "%s/tests/compile-gen", build);
    if (mkdir(buf, 0777) != 0)
        ck_assert_msg(errno == EEXIST, "cannot make %s: %s", buf, strerror(errno));
}

/* The `# expect: ` and `# expect-dump: ` lines of a case (a line-feed or CRLF file, any bytes). */
static void read_expectations(const char *text, size_t len, strlist *expect, strlist *dump)
{
    static const char ex[] = "# expect: ", du[] = "# expect-dump: ";
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t n = end - i;
        if (n && text[end - 1] == '\r')
            n--;
        if (n >= sizeof ex - 1 && memcmp(text + i, ex, sizeof ex - 1) == 0)
            strlist_add(expect, text + i + sizeof ex - 1, n - (sizeof ex - 1));
        else if (dump && n >= sizeof du - 1 && memcmp(text + i, du, sizeof du - 1) == 0)
            strlist_add(dump, text + i + sizeof du - 1, n - (sizeof du - 1));
        i = end + 1;
    }
}

/* ---- comparing ---------------------------------------------------------------------------------- */

/* A line diff of `want` against `got` (longest common subsequence): "-" expected but not reported,
 * "+" reported but not expected. */
static void diff_lines(const strlist *want, const strlist *got, char *why, size_t size)
{
    size_t n = want->n, m = got->n;
    unsigned *lcs = calloc((n + 1) * (m + 1), sizeof *lcs);
    ck_assert_ptr_nonnull(lcs);
#define LCS(i, j) lcs[(i) * (m + 1) + (j)]
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            LCS(i, j) = strcmp(want->v[i], got->v[j]) == 0 ? LCS(i + 1, j + 1) + 1
                        : LCS(i + 1, j) >= LCS(i, j + 1) ? LCS(i + 1, j)
                                                          : LCS(i, j + 1);
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && strcmp(want->v[i], got->v[j]) == 0) {
            why_add(why, size, "      %s\n", want->v[i]);
            i++, j++;
        } else if (i < n && (j == m || LCS(i + 1, j) >= LCS(i, j + 1))) {
            why_add(why, size, "    - %s\n", want->v[i++]);
        } else {
            why_add(why, size, "    + %s\n", got->v[j++]);
        }
    }
#undef LCS
    free(lcs);
}

static bool same_lines(const strlist *a, const strlist *b)
{
    if (a->n != b->n)
        return false;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->v[i], b->v[i]) != 0)
            return false;
    return true;
}

static unsigned count_severity(const strlist *lines, const char *sev)
{
    char key[32];
    snprintf(key, sizeof key, ": %s: ", sev);
    unsigned k = 0;
    for (size_t i = 0; i < lines->n; i++) {
        /* the first ": error: " or ": warning: " after LINE:COL */
        const char *p = strstr(lines->v[i], ": error: ");
        const char *q = strstr(lines->v[i], ": warning: ");
        const char *first = p && (!q || p < q) ? p : q;
        if (first && strncmp(first, key, strlen(key)) == 0)
            k++;
    }
    return k;
}

/* Compile `path` and hold the diagnostics to `want`, exactly and in order. The result must be NULL
 * exactly when an error is expected. Appends what is wrong to `why`. */
static void expect_diagnostics(const char *path, const sc_compile_options *opt, const strlist *want, char *why,
                               size_t size)
{
    seen s = {.base = path};
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, seen_diag, &s, 50);
    sc_rules *r = sc_compile_file(path, opt, &sink);
    unsigned want_errors = count_severity(want, "error"), want_warnings = count_severity(want, "warning");
    if (!same_lines(want, &s.lines)) {
        why_add(why, size, "%s: the diagnostics differ from its '# expect:' lines (- expected, + reported):\n", path);
        diff_lines(want, &s.lines, why, size);
    } else if (sink.errors != want_errors || sink.warnings != want_warnings || sink.suppressed) {
        why_add(why, size, "%s: the sink counted %u errors, %u warnings, %u suppressed; expected %u and %u\n", path,
                sink.errors, sink.warnings, sink.suppressed, want_errors, want_warnings);
    }
    if (want_errors && r)
        why_add(why, size, "%s: it compiled, though it expects %u error%s\n", path, want_errors,
                want_errors == 1 ? "" : "s");
    if (!want_errors && !r)
        why_add(why, size, "%s: it did not compile, though it expects no error\n", path);
    sc_rules_free(r);
    seen_free(&s);
}

static void expect_list(const char *path, const sc_compile_options *opt, const char *const *want_lines)
{
    strlist want = {0};
    for (size_t i = 0; want_lines[i]; i++)
        strlist_add(&want, want_lines[i], strlen(want_lines[i]));
    char why[WHY_SIZE] = "";
    expect_diagnostics(path, opt, &want, why, sizeof why);
    strlist_free(&want);
    ck_assert_msg(why[0] == '\0', "%s", why);
}

/* ---- the data-driven cases ---------------------------------------------------------------------- */

static char fail_cases[MAX_CASES][128], pass_cases[MAX_CASES][128];
static int nfail_cases = -1, npass_cases = -1;

static int by_name(const void *a, const void *b)
{
    return strcmp(a, b);
}

/* The *.rules files of a directory (not the *.inc.rules helpers), sorted; -1 when it cannot be read. */
static int list_cases(const char *dir, char names[][128])
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        size_t len = strlen(e->d_name);
        if (len < 7 || strcmp(e->d_name + len - 6, ".rules") != 0 ||
            (len >= 10 && strcmp(e->d_name + len - 10, ".inc.rules") == 0))
            continue;
        if (n < MAX_CASES && len < 128)
            memcpy(names[n++], e->d_name, len + 1);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], by_name);
    return n;
}

START_TEST(test_case_directories)
{
    ck_assert_msg(nfail_cases >= 0, "cannot read %s: run the tests from the repo root", FAIL_DIR);
    ck_assert_msg(npass_cases >= 0, "cannot read %s: run the tests from the repo root", PASS_DIR);
    ck_assert_msg(nfail_cases > 0 && npass_cases > 0, "no cases found in %s or %s", FAIL_DIR, PASS_DIR);
    ck_assert_msg(nfail_cases < MAX_CASES && npass_cases < MAX_CASES, "too many cases for this runner");
}
END_TEST

/* tests/compile-fail/NAME: compiling reports exactly its `# expect:` lines. */
START_TEST(test_fail_case)
{
    if (_i >= nfail_cases)
        return;
    char path[256];
    snprintf(path, sizeof path, "%s/%s", FAIL_DIR, fail_cases[_i]);
    size_t len = 0;
    char *text = sc_test_read_file(path, &len);
    ck_assert_msg(text != NULL, "cannot read %s", path);
    strlist want = {0};
    read_expectations(text, len, &want, NULL);
    free(text);
    char why[WHY_SIZE] = "";
    if (want.n == 0)
        why_add(why, sizeof why, "%s: a must-fail case needs '# expect:' lines\n", path);
    else
        expect_diagnostics(path, NULL, &want, why, sizeof why);
    strlist_free(&want);
    ck_assert_msg(why[0] == '\0', "%s", why);
}
END_TEST

/* Drop the "  # path:line" a dump puts after a declaration, and the indentation. */
static void dump_line_key(const char *line, size_t n, strlist *out)
{
    while (n && (*line == ' ' || *line == '\t'))
        line++, n--;
    for (size_t k = n; k >= 4; k--) {
        if (memcmp(line + k - 4, "  # ", 4) != 0)
            continue;
        const char *colon = NULL;
        for (const char *p = line + k; p < line + n; p++)
            if (*p == ':')
                colon = p;
        bool digits = colon && colon + 1 < line + n;
        for (const char *p = colon ? colon + 1 : line + n; digits && p < line + n; p++)
            digits = *p >= '0' && *p <= '9';
        if (digits && k > 4) {
            n = k - 4;
            break;
        }
    }
    while (n && line[n - 1] == ' ')
        n--;
    strlist_add(out, line, n);
}

/* tests/compile-pass/NAME: compiles with no diagnostic at all; its `# expect-dump:` lines appear, in
 * that order, among the lines of `sopcheck compile --dump` (compared without indentation and positions). */
START_TEST(test_pass_case)
{
    if (_i >= npass_cases)
        return;
    char path[256];
    snprintf(path, sizeof path, "%s/%s", PASS_DIR, pass_cases[_i]);
    size_t len = 0;
    char *text = sc_test_read_file(path, &len);
    ck_assert_msg(text != NULL, "cannot read %s", path);
    strlist expect = {0}, dump = {0};
    read_expectations(text, len, &expect, &dump);
    free(text);

    char why[WHY_SIZE] = "";
    if (expect.n)
        why_add(why, sizeof why, "%s: a must-pass case has no '# expect:' lines\n", path);
    seen s = {.base = path};
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, seen_diag, &s, 50);
    sc_rules *r = sc_compile_file(path, NULL, &sink);
    if (s.lines.n) {
        why_add(why, sizeof why, "%s: must compile without diagnostics, but reported:\n", path);
        for (size_t i = 0; i < s.lines.n; i++)
            why_add(why, sizeof why, "    %s\n", s.lines.v[i]);
    }
    if (!r)
        why_add(why, sizeof why, "%s: did not compile\n", path);
    if (r && dump.n) {
        sc_out o;
        sc_out_init_mem(&o);
        sc_rules_dump(&o, r);
        ck_assert(!o.failed);
        strlist have = {0};
        for (const char *p = o.buf; p && *p;) {
            const char *nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            dump_line_key(p, n, &have);
            p += n + (nl ? 1 : 0);
        }
        size_t k = 0;
        for (size_t i = 0; i < dump.n; i++) {
            strlist want1 = {0};
            dump_line_key(dump.v[i], strlen(dump.v[i]), &want1);
            size_t from = k;
            while (k < have.n && strcmp(have.v[k], want1.v[0]) != 0)
                k++;
            if (k == have.n) {
                why_add(why, sizeof why, "%s: the dump lacks (after its line %zu) '# expect-dump: %s'\n", path, from,
                        want1.v[0]);
                k = from;
            } else {
                k++;
            }
            strlist_free(&want1);
        }
        if (why[0])
            why_add(why, sizeof why, "the dump:\n%s", o.buf);
        strlist_free(&have);
        sc_out_free(&o);
    }
    sc_rules_free(r);
    seen_free(&s);
    strlist_free(&expect);
    strlist_free(&dump);
    ck_assert_msg(why[0] == '\0', "%s", why);
}
END_TEST

/* ---- rules texts in memory ------------------------------------------------------------------------ */

typedef struct mem_file {
    const char *name;
    const char *text;
    size_t len; /* 0: strlen(text) */
} mem_file;

/* A source loader over mem_file[] (ended by a NULL name); names are looked up as written. */
static int mem_load(void *ctx, sc_arena *arena, const char *from, const char *name, const char **path,
                    const char **text, size_t *len, const char **why)
{
    (void)from;
    for (const mem_file *f = ctx; f->name; f++) {
        if (strcmp(f->name, name) != 0)
            continue;
        size_t n = f->len ? f->len : strlen(f->text);
        char *copy = sc_arena_alloc(arena, n + 1);
        *path = sc_arena_strdup(arena, name);
        if (!copy || !*path) {
            *why = "out of memory";
            return -1;
        }
        memcpy(copy, f->text, n);
        copy[n] = '\0';
        *text = copy;
        *len = n;
        return 0;
    }
    *path = name;
    *why = "no such file";
    return -1;
}

/* Compile files[0] (and what it includes from files[]); diagnostics into *s. */
static sc_rules *compile_mem(const mem_file *files, unsigned max_errors, seen *s, sc_diag_sink *sink)
{
    memset(s, 0, sizeof *s);
    s->base = files[0].name;
    sc_diag_sink_init(sink, seen_diag, s, max_errors);
    sc_compile_options opt = {.load = mem_load, .load_ctx = (void *)files};
    return sc_compile_file(files[0].name, &opt, sink);
}

/* Compile one text and hold its diagnostics to want_lines (NULL-terminated). */
static void expect_text(const char *text, size_t len, const char *const *want_lines)
{
    mem_file files[] = {{"main.rules", text, len}, {NULL, NULL, 0}};
    seen s;
    sc_diag_sink sink;
    sc_rules *r = compile_mem(files, 50, &s, &sink);
    strlist want = {0};
    for (size_t i = 0; want_lines[i]; i++)
        strlist_add(&want, want_lines[i], strlen(want_lines[i]));
    char why[WHY_SIZE] = "";
    if (!same_lines(&want, &s.lines)) {
        why_add(why, sizeof why, "the diagnostics differ (- expected, + reported):\n");
        diff_lines(&want, &s.lines, why, sizeof why);
    }
    bool errors = count_severity(&want, "error") > 0;
    if (errors != (r == NULL))
        why_add(why, sizeof why, "the result is %s, though %s expected\n", r ? "compiled rules" : "NULL",
                errors ? "errors are" : "no error is");
    sc_rules_free(r);
    strlist_free(&want);
    seen_free(&s);
    ck_assert_msg(why[0] == '\0', "%s", why);
}

#define EXPECT_TEXT(text, ...) expect_text((text), strlen(text), (const char *const[]){__VA_ARGS__, NULL})

/* ---- scanner positions ----------------------------------------------------------------------------- */

START_TEST(test_columns_count_utf8_characters)
{
    /* the scanner: an escape after "😀 geëvalueerd" (15 characters, 23 bytes), a letter after "één" */
    EXPECT_TEXT("ruleset \"Geëvalueerd — één\"\n"
                "version \"1\" source \"😀 geëvalueerd \\q\"\n"
                "scale niveau \"Niveau — één\": school \"één\" > wijk > ëën\n",
                "2:35: error: unknown escape '\\q'", "3:52: error: unexpected character 'ë'");
    /* the semantic pass: a name after "geëvalueerd" in quotes */
    EXPECT_TEXT("ruleset \"Geëvalueerd — één\"\n"
                "version \"2023-04-04\"\n"
                "promise P1 \"Beloftes worden geëvalueerd\"\n"
                "agreement A1 \"geëvalueerd\" serves P9\n",
                "4:35: error: unknown promise 'P9'", "3:9: warning: no agreement serves promise 'P1'");
    /* a syntax error after a four-byte character */
    EXPECT_TEXT("ruleset \"😀😀😀\" version \"1\" valid from \"2023\"\n",
                "1:38: error: unexpected a text in quotes; expected a date");
}
END_TEST

/* A name with a character outside ASCII is one error at that character, whatever follows it. */
START_TEST(test_non_ascii_outside_quotes)
{
    EXPECT_TEXT("ruleset \"Voorbeeld\" version \"1\"\n"
                "promise P1 \"Belofte\"\n"
                "agreement A1 \"Afspraak\" serves P1\n"
                "    item a.coördinator: yesno \"Vraag\" norm is ja\n"
                "    item a.b: yesno “Vraag” norm is ja\n"
                "    item a.c: yesno \"Vraag\" norm at least 5€\n",
                "4:14: error: unexpected character 'ö'", "5:21: error: unexpected character '“'",
                "6:44: error: unexpected character '€'");
    mem_file files[] = {{"main.rules", "ruleset \"V\" version \"1\" title “Titel”", 0}, {NULL, NULL, 0}};
    seen s;
    sc_diag_sink sink;
    sc_rules *r = compile_mem(files, 50, &s, &sink);
    ck_assert_ptr_null(r);
    ck_assert_uint_eq(s.lines.n, 1);
    ck_assert_str_eq(s.lines.v[0], "1:31: error: unexpected character '“'");
    ck_assert_str_eq(s.hints.v[0], "write texts between straight double quotes: \"...\"");
    seen_free(&s);
}
END_TEST

START_TEST(test_diagnostic_quotes_its_line)
{
    const char *text = "ruleset \"Geëvalueerd\"\nversion \"1\"\nagreement A1 \"geëvalueerd\" serves P9\n";
    mem_file files[] = {{"main.rules", text, 0}, {NULL, NULL, 0}};
    seen s;
    sc_diag_sink sink;
    sc_rules *r = compile_mem(files, 50, &s, &sink);
    ck_assert_ptr_null(r);
    ck_assert_uint_eq(s.lines.n, 1);
    ck_assert_str_eq(s.lines.v[0], "3:35: error: unknown promise 'P9'");
    ck_assert_str_eq(s.src.v[0], "agreement A1 \"geëvalueerd\" serves P9");
    ck_assert_str_eq(s.hints.v[0], "'serves' names promises, declared with 'promise'");
    seen_free(&s);
}
END_TEST

/* The same text with CRLF line ends: the same positions, no '\r' in texts or quoted lines. */
START_TEST(test_crlf_files)
{
    static const char *const lf[] = {
        "ruleset \"Voorbeeld\"\n"
        "version \"2023-04-04\"\n"
        "scale niveau: school > wijk\n"
        "promise P1 \"Belofte\"\n"
        "agreement A1 \"Afspraak\"\n"
        "    serves P1\n"
        "    item a.b: niveau \"Vraag\"\n"
        "        norm at schol\n",
        "ruleset \"Voorbeeld\"\n"
        "version \"2023-04-04\"\n"
        "source \"niet afgesloten\n"
        "scale niveau: school > wijk ;\n",
    };
    static const char *const want[][3] = {
        {"8:17: error: 'schol' is not a member of scale 'niveau'", NULL, NULL},
        {"3:8: error: this text has no closing \"", "4:29: error: unexpected character ';'", NULL},
    };
    for (size_t t = 0; t < 2; t++) {
        char crlf[1024];
        size_t n = 0;
        for (const char *p = lf[t]; *p; p++) {
            if (*p == '\n')
                crlf[n++] = '\r';
            crlf[n++] = *p;
        }
        crlf[n] = '\0';
        expect_text(crlf, n, want[t]);
        mem_file files[] = {{"main.rules", crlf, n}, {NULL, NULL, 0}};
        seen s;
        sc_diag_sink sink;
        sc_rules *r = compile_mem(files, 50, &s, &sink);
        ck_assert_ptr_null(r);
        for (size_t i = 0; i < s.src.n; i++)
            ck_assert_msg(!strchr(s.src.v[i], '\r'), "quoted line holds a CR: '%s'", s.src.v[i]);
        seen_free(&s);
    }

    const char *good = "ruleset \"Voorbeeld\"\r\nversion \"2023-04-04\"\r\n"
                       "scale niveau \"Niveau\":\r\n    school > wijk\r\n"
                       "promise P1 \"Belofte\"\r\n"
                       "agreement A1 \"Afspraak\"\r\n    serves P1\r\n"
                       "    item a.b: niveau \"Vraag\"\r\n        norm at school # een opmerking\r\n";
    mem_file files[] = {{"main.rules", good, 0}, {NULL, NULL, 0}};
    seen s;
    sc_diag_sink sink;
    sc_rules *r = compile_mem(files, 50, &s, &sink);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_eq(s.lines.n, 0);
    ck_assert_str_eq(r->name, "Voorbeeld");
    ck_assert_str_eq(r->version, "2023-04-04");
    ck_assert_str_eq(r->scales[0].members[1].name, "wijk");
    ck_assert_uint_eq(r->items[5].pos.line, 8);
    ck_assert_uint_eq(r->items[5].pos.col, 5);
    sc_rules_free(r);
    seen_free(&s);
}
END_TEST

/* ---- the compiled program --------------------------------------------------------------------------- */

static const char program_text[] = "ruleset \"Programma\"\n"                        /* 1 */
                                   "version \"2023-04-04\"\n"                     /* 2 */
                                   "valid from 2023-08-01 until 2025-07-31\n"    /* 3 */
                                   "scale status \"Status\": geen < beschikbaar < actief\n" /* 4 */
                                   "scale soort: bao, sbo\n"                      /* 5 */
                                   "bands hgw over percent:\n"                    /* 6 */
                                   "    niet_ontwikkeld below 50\n"               /* 7 */
                                   "    in_ontwikkeling from 50 below 70\n"       /* 8 */
                                   "    ontwikkeld from 70 below 80\n"            /* 9 */
                                   "    ver_ontwikkeld from 80\n"                 /* 10 */
                                   "field school.soort: soort \"Soort\"\n"        /* 11 */
                                   "promise P1 \"Belofte\"\n"                     /* 12 */
                                   "    item school.oordeel: status \"Oordeel\"\n" /* 13 */
                                   "        norm is actief\n"                     /* 14 */
                                   "agreement A1 \"Afspraak\"\n"                  /* 15 */
                                   "    serves P1\n"                              /* 16 */
                                   "    item a.protocol: status \"Protocol\"\n"   /* 17 */
                                   "        norm beschikbaar or better\n"         /* 18 */
                                   "    item a.hgw: percent in hgw \"HGW\"\n"     /* 19 */
                                   "        norm ontwikkeld or better\n"          /* 20 */
                                   "        when school.soort is bao\n"           /* 21 */
                                   "agreement A2 \"Tweede\"\n"                    /* 22 */
                                   "    serves P1\n"                              /* 23 */
                                   "    item b.x: yesno \"X\"\n"                  /* 24 */
                                   "        ambition is ja\n";                    /* 25 */

static sc_rules *compile_program(void)
{
    mem_file files[] = {{"programma.rules", program_text, 0}, {NULL, NULL, 0}};
    seen s;
    sc_diag_sink sink;
    sc_rules *r = compile_mem(files, 50, &s, &sink);
    ck_assert_msg(r != NULL && s.lines.n == 0, "%zu diagnostics, the first: %s", s.lines.n,
                  s.lines.n ? s.lines.v[0] : "-");
    seen_free(&s);
    return r;
}

START_TEST(test_program_scales_and_bands)
{
    sc_rules *r = compile_program();
    ck_assert_uint_eq(r->nscales, 2);
    const sc_scale *st = &r->scales[0];
    ck_assert_str_eq(st->name, "status");
    ck_assert_str_eq(st->label, "Status");
    ck_assert(st->ordered);
    ck_assert_uint_eq(st->nmembers, 3);
    /* written worst first with '<': stored best first */
    ck_assert_str_eq(st->members[0].name, "actief");
    ck_assert_str_eq(st->members[1].name, "beschikbaar");
    ck_assert_str_eq(st->members[2].name, "geen");
    ck_assert_uint_eq(st->pos.line, 4);
    ck_assert_uint_eq(st->pos.col, 7);
    ck_assert_uint_eq(sc_scale_find_member(st, "geen", 4), 2);
    ck_assert_uint_eq(sc_scale_find_member(st, "gee", 3), SC_NONE);
    /* the binder's table of names: every length, a name cut short or run on, a different last byte */
    for (uint32_t m = 0; m < st->nmembers; m++)
        ck_assert_uint_eq(sc_rules_find_member(r, 0, st->members[m].name, strlen(st->members[m].name)), m);
    ck_assert_uint_eq(sc_rules_find_member(r, 0, "beschikbaar", 11), 1);
    ck_assert_uint_eq(sc_rules_find_member(r, 0, "beschikbaarheid", 11), 1);
    ck_assert_uint_eq(sc_rules_find_member(r, 0, "beschikbaarheid", 15), SC_NONE);
    ck_assert_uint_eq(sc_rules_find_member(r, 0, "beschikbaaR", 11), SC_NONE);
    ck_assert_uint_eq(sc_rules_find_member(r, 0, "beschikba", 9), SC_NONE);
    ck_assert_uint_eq(sc_rules_find_member(r, 0, "actieF", 6), SC_NONE);
    ck_assert_uint_eq(sc_rules_find_member(r, 0, "geen", 4), 2);
    ck_assert_uint_eq(sc_rules_find_member(r, 0, "geel", 4), SC_NONE);
    ck_assert_uint_eq(sc_rules_find_member(r, 0, "gee", 3), SC_NONE);
    ck_assert_uint_eq(sc_rules_find_member(r, 0, "", 0), SC_NONE);
    ck_assert_uint_eq(sc_rules_find_member(r, 1, "sbo", 3), 1);
    ck_assert_uint_eq(sc_rules_find_member(r, 1, "sbx", 3), SC_NONE);
    ck_assert_uint_eq(sc_rules_find_member(r, 1, "bao", 3), 0);
    ck_assert_uint_eq(sc_rules_find_member(r, 1, "actief", 6), SC_NONE);
    const sc_scale *so = &r->scales[1];
    ck_assert(!so->ordered);
    ck_assert_ptr_null(so->label);
    ck_assert_str_eq(so->members[0].name, "bao");
    ck_assert_str_eq(so->members[1].name, "sbo");

    ck_assert_uint_eq(r->nbandsets, 1);
    const sc_bandset *b = &r->bandsets[0];
    ck_assert_str_eq(b->name, "hgw");
    ck_assert_double_eq(b->min, 0);
    ck_assert_double_eq(b->max, 100);
    ck_assert_uint_eq(b->nbands, 4);
    const double lo[] = {0, 50, 70, 80};
    for (uint32_t k = 0; k < 4; k++)
        ck_assert_double_eq(b->bands[k].lo, lo[k]);
    ck_assert_str_eq(b->bands[2].name, "ontwikkeld");
    const struct {
        double v;
        uint32_t band;
    } cls[] = {{0, 0}, {49.999, 0}, {50, 1}, {69, 1}, {69.999, 1}, {70, 2}, {79, 2}, {79.999, 2}, {80, 3}, {100, 3}};
    for (size_t k = 0; k < sizeof cls / sizeof cls[0]; k++)
        ck_assert_msg(sc_bandset_classify(b, cls[k].v) == cls[k].band, "%g falls in band %u, not %u", cls[k].v,
                      sc_bandset_classify(b, cls[k].v), cls[k].band);
    sc_rules_free(r);
}
END_TEST

START_TEST(test_program_items_and_groups)
{
    sc_rules *r = compile_program();
    static const char *const ids[] = {"school.brin", "school.naam", "school.bestuur", "school.wijk", "school.peildatum",
                                      "school.soort", "school.oordeel", "a.protocol", "a.hgw", "b.x"};
    ck_assert_uint_eq(r->nitems, 10);
    for (uint32_t i = 0; i < 10; i++) {
        ck_assert_str_eq(r->items[i].id, ids[i]);
        ck_assert_uint_eq(sc_rules_find_item(r, ids[i], strlen(ids[i])), i);
    }
    /* built-in fields first; school.peildatum is a required date */
    ck_assert_int_eq(r->items[4].type.kind, SC_TYPE_DATE);
    ck_assert(r->items[4].required);
    ck_assert_int_eq(r->items[0].role, SC_ROLE_FIELD);
    ck_assert_int_eq(r->items[5].role, SC_ROLE_FIELD);
    ck_assert_int_eq(r->items[7].role, SC_ROLE_ITEM);
    /* lookups by id with an explicit length, misses */
    ck_assert_uint_eq(sc_rules_find_item(r, "a.hgw.extra", 5), 8);
    ck_assert_uint_eq(sc_rules_find_item(r, "a.hg", 4), SC_NONE);
    ck_assert_uint_eq(sc_rules_find_item(r, "a.hgwx", 6), SC_NONE);
    ck_assert_uint_eq(sc_rules_find_item(r, "", 0), SC_NONE);
    ck_assert_uint_eq(sc_rules_find_item(r, "A.HGW", 5), SC_NONE);
    /* the engine's lookup also knows the groups ids lie in, and tells items from groups */
    const sc_id_slot *slot = sc_rules_find_id(r, "a.hgw", 5);
    ck_assert(slot && slot->item == 8 && !slot->group);
    slot = sc_rules_find_id(r, "a", 1);
    ck_assert(slot && slot->item == SC_NONE && slot->group);
    slot = sc_rules_find_id(r, "school.brin.x", 6);
    ck_assert(slot && slot->item == SC_NONE && slot->group);
    ck_assert_ptr_null(sc_rules_find_id(r, "a.h", 3));
    ck_assert_ptr_null(sc_rules_find_id(r, "b.x.y", 5));
    ck_assert_ptr_null(sc_rules_find_id(r, "", 0));
    ck_assert_uint_eq(sc_rules_find_agreement(r, "A2"), 1);
    ck_assert_uint_eq(sc_rules_find_agreement(r, "P1"), SC_NONE);
    ck_assert_uint_eq(sc_rules_find_promise(r, "P1"), 0);
    ck_assert_uint_eq(sc_rules_find_promise(r, "P2"), SC_NONE);

    /* owners and their item lists, in declaration order */
    ck_assert_uint_eq(r->items[6].promise, 0);
    ck_assert_uint_eq(r->items[6].agreement, SC_NONE);
    ck_assert_uint_eq(r->items[7].agreement, 0);
    ck_assert_uint_eq(r->items[9].agreement, 1);
    ck_assert_uint_eq(r->items[5].agreement, SC_NONE);
    ck_assert_uint_eq(r->items[5].promise, SC_NONE);
    ck_assert_uint_eq(r->agreements[0].nitems, 2);
    ck_assert_uint_eq(r->agreements[0].items[0], 7);
    ck_assert_uint_eq(r->agreements[0].items[1], 8);
    ck_assert_uint_eq(r->agreements[1].nitems, 1);
    ck_assert_uint_eq(r->agreements[1].items[0], 9);
    ck_assert_uint_eq(r->agreements[0].npromises, 1);
    ck_assert_uint_eq(r->agreements[0].promises[0], 0);
    ck_assert_uint_eq(r->promises[0].nagreements, 2);
    ck_assert_uint_eq(r->promises[0].agreements[0], 0);
    ck_assert_uint_eq(r->promises[0].agreements[1], 1);
    ck_assert_uint_eq(r->promises[0].nitems, 1);
    ck_assert_uint_eq(r->promises[0].items[0], 6);
    ck_assert_uint_eq(r->items[7].pos.file, 0);
    ck_assert_uint_eq(r->items[7].pos.line, 17);
    ck_assert_uint_eq(r->items[7].pos.col, 5);

    /* types and conditions */
    const sc_item *hgw = &r->items[8];
    ck_assert_int_eq(hgw->type.kind, SC_TYPE_PERCENT);
    ck_assert_uint_eq(hgw->type.bands, 0);
    ck_assert_int_eq(hgw->norm->kind, SC_PRED_BAND_AT_LEAST);
    ck_assert_uint_eq(hgw->norm->band, 2);
    ck_assert_uint_eq(hgw->norm->subject, 8);
    ck_assert_int_eq(hgw->when->kind, SC_PRED_IS_MEMBER);
    ck_assert_uint_eq(hgw->when->subject, 5);
    ck_assert_uint_eq(hgw->when->nmembers, 1);
    ck_assert_uint_eq(hgw->when->members[0], 0);
    const sc_item *prot = &r->items[7];
    ck_assert_int_eq(prot->type.kind, SC_TYPE_SCALE);
    ck_assert_uint_eq(prot->type.scale, 0);
    ck_assert_int_eq(prot->norm->kind, SC_PRED_RANK_AT_LEAST);
    ck_assert_uint_eq(prot->norm->members[0], 1); /* beschikbaar, rank 1 of the stored order */
    ck_assert_uint_eq(prot->norm->pos.line, 18);
    ck_assert_uint_eq(prot->norm->pos.col, 14);
    ck_assert_int_eq(r->items[6].norm->kind, SC_PRED_IS_MEMBER);
    ck_assert_uint_eq(r->items[6].norm->members[0], 0); /* actief */
    ck_assert_ptr_null(r->items[9].norm);
    ck_assert_int_eq(r->items[9].ambition->kind, SC_PRED_IS_YES);
    ck_assert_uint_eq(r->nfiles, 1);
    ck_assert_str_eq(r->files[0].path, "programma.rules");
    ck_assert_uint_eq(r->files[0].included_by, SC_NONE);
    sc_rules_free(r);
}
END_TEST

/* An id of 512 bytes or more escapes the check that no id starts with another: the lookup then marks
 * the rules (ids_nested), and the id names its item as well as its group. */
START_TEST(test_lookup_nested_ids)
{
    static char text[2048], id[600];
    memset(id, 'x', 520);
    id[520] = '\0';
    snprintf(text, sizeof text,
             "ruleset \"N\" version \"1\"\npromise P1 \"p\"\nagreement A1 \"a\"\n    serves P1\n"
             "    item %s: yesno \"A\"\n        norm is ja\n    item %s.b: yesno \"B\"\n        norm is ja\n",
             id, id);
    mem_file files[] = {{"n.rules", text, 0}, {NULL, NULL, 0}};
    seen s;
    sc_diag_sink sink;
    sc_rules *r = compile_mem(files, 50, &s, &sink);
    ck_assert_ptr_nonnull(r);
    ck_assert(r->ids_nested);
    const sc_id_slot *slot = sc_rules_find_id(r, id, 520);
    ck_assert(slot && slot->item != SC_NONE && slot->group);
    ck_assert_str_eq(r->items[slot->item].id, id);
    sc_rules_free(r);
    seen_free(&s);

    r = compile_program();
    ck_assert(!r->ids_nested);
    sc_rules_free(r);
}
END_TEST

START_TEST(test_program_in_force)
{
    sc_rules *r = compile_program();
    ck_assert(r->has_valid_from && r->has_valid_until);
    ck_assert(!sc_rules_in_force(r, sc_date_from_ymd(2023, 7, 31)));
    ck_assert(sc_rules_in_force(r, sc_date_from_ymd(2023, 8, 1)));
    ck_assert(sc_rules_in_force(r, sc_date_from_ymd(2024, 2, 29)));
    ck_assert(sc_rules_in_force(r, sc_date_from_ymd(2025, 7, 31)));
    ck_assert(!sc_rules_in_force(r, sc_date_from_ymd(2025, 8, 1)));
    sc_rules_free(r);

    /* only a start: in force from then on; no period: always */
    mem_file from_only[] = {{"a.rules", "ruleset \"A\" version \"1\" valid from 2023-08-01", 0}, {NULL, NULL, 0}};
    mem_file none[] = {{"b.rules", "ruleset \"B\" version \"1\"", 0}, {NULL, NULL, 0}};
    seen s;
    sc_diag_sink sink;
    r = compile_mem(from_only, 50, &s, &sink);
    ck_assert_ptr_nonnull(r);
    ck_assert(!r->has_valid_until);
    ck_assert(!sc_rules_in_force(r, sc_date_from_ymd(2023, 7, 31)));
    ck_assert(sc_rules_in_force(r, sc_date_from_ymd(2099, 12, 31)));
    sc_rules_free(r);
    seen_free(&s);
    r = compile_mem(none, 50, &s, &sink);
    ck_assert_ptr_nonnull(r);
    ck_assert(!r->has_valid_from);
    ck_assert(sc_rules_in_force(r, sc_date_from_ymd(1900, 1, 1)));
    ck_assert(sc_rules_in_force(r, sc_date_from_ymd(2999, 12, 31)));
    sc_rules_free(r);
    seen_free(&s);
}
END_TEST

/* A tightened norm is the old norm AND the new condition, the AND and the new part in the layer of the
 * including file; extend adds to the included agreement. */
START_TEST(test_tighten_and_extend_layers)
{
    mem_file files[] = {
        {"hoofd.rules", "include \"basis.rules\"\n"          /* 1 */
                        "ruleset \"Hoofd\"\n"                 /* 2 */
                        "version \"2023-04-04\"\n"            /* 3 */
                        "extend A1\n"                         /* 4 */
                        "    item aanbod.extra: niveau \"E\"\n" /* 5 */
                        "        norm at school\n"            /* 6 */
                        "tighten aanbod.dyslexie\n"           /* 7 */
                        "    norm at school\n"                /* 8 */
                        "tighten aanbod.rekenen\n"            /* 9 */
                        "    norm at wijk\n",                 /* 10 */
         0},
        {"basis.rules", "ruleset \"Basis\"\n"
                        "version \"2025-01-01\"\n"
                        "scale niveau: school > wijk > geen\n"
                        "promise P1 \"B\"\n"
                        "agreement A1 \"A\"\n"
                        "    serves P1\n"
                        "    item aanbod.dyslexie: niveau \"D\"\n"
                        "        norm at wijk\n"
                        "    item aanbod.rekenen: niveau \"R\"\n"
                        "        ambition at school\n",
         0},
        {NULL, NULL, 0},
    };
    seen s;
    sc_diag_sink sink;
    sc_rules *r = compile_mem(files, 50, &s, &sink);
    ck_assert_msg(r != NULL && s.lines.n == 0, "%s", s.lines.n ? s.lines.v[0] : "did not compile");
    ck_assert_str_eq(r->name, "Hoofd");
    ck_assert_uint_eq(r->nfiles, 2);
    ck_assert_str_eq(r->files[0].path, "hoofd.rules");
    ck_assert_str_eq(r->files[1].path, "basis.rules");
    ck_assert_str_eq(r->files[1].ruleset, "Basis");
    ck_assert_uint_eq(r->files[1].included_by, 0);

    uint32_t dys = sc_rules_find_item(r, "aanbod.dyslexie", 15), rek = sc_rules_find_item(r, "aanbod.rekenen", 14),
             extra = sc_rules_find_item(r, "aanbod.extra", 12);
    /* the include stands first: its items come before those of the including file */
    ck_assert_uint_eq(dys, 5);
    ck_assert_uint_eq(rek, 6);
    ck_assert_uint_eq(extra, 7);

    const sc_item *d = &r->items[dys];
    ck_assert_uint_eq(d->pos.file, 1);
    const sc_pred *n = d->norm;
    ck_assert_int_eq(n->kind, SC_PRED_AND);
    ck_assert_uint_eq(n->layer, 0);
    ck_assert_uint_eq(n->nkids, 2);
    ck_assert_int_eq(n->kids[0]->kind, SC_PRED_RANK_AT_LEAST);
    ck_assert_uint_eq(n->kids[0]->layer, 1);
    ck_assert_uint_eq(n->kids[0]->members[0], 1); /* wijk */
    ck_assert_uint_eq(n->kids[0]->pos.file, 1);
    ck_assert_int_eq(n->kids[1]->kind, SC_PRED_RANK_AT_LEAST);
    ck_assert_uint_eq(n->kids[1]->layer, 0);
    ck_assert_uint_eq(n->kids[1]->members[0], 0); /* school */
    ck_assert_uint_eq(n->kids[1]->subject, dys);
    ck_assert_uint_eq(n->kids[1]->pos.file, 0);
    ck_assert_uint_eq(n->kids[1]->pos.line, 8);
    ck_assert_uint_eq(d->ntightenings, 1);
    ck_assert_ptr_eq(d->tightenings[0].norm, n->kids[1]);
    ck_assert_uint_eq(d->tightenings[0].pos.file, 0);
    ck_assert_uint_eq(d->tightenings[0].pos.line, 7);

    /* an item with only an ambition: the tightening becomes its norm */
    const sc_item *k = &r->items[rek];
    ck_assert_int_eq(k->norm->kind, SC_PRED_RANK_AT_LEAST);
    ck_assert_uint_eq(k->norm->layer, 0);
    ck_assert_uint_eq(k->norm->members[0], 1);
    ck_assert_uint_eq(k->ambition->layer, 1);
    ck_assert_uint_eq(k->ntightenings, 1);

    const sc_item *e = &r->items[extra];
    ck_assert_uint_eq(e->pos.file, 0);
    ck_assert_uint_eq(e->pos.line, 5);
    ck_assert_uint_eq(e->agreement, 0);
    ck_assert_uint_eq(r->agreements[0].pos.file, 1);
    ck_assert_uint_eq(r->agreements[0].nitems, 3);
    ck_assert_uint_eq(r->agreements[0].items[2], extra);
    sc_rules_free(r);
    seen_free(&s);
}
END_TEST

/* The hints of unknown names: the closest name of the right kind, or what there is to choose from. */
START_TEST(test_did_you_mean)
{
    mem_file files[] = {
        {"hoofd.rules", "include \"basis.rules\"\n"                    /* 1 */
                        "ruleset \"Hoofd\" version \"1\"\n"          /* 2 */
                        "agreement A2 \"Tweede\"\n"                     /* 3 */
                        "    serves P2, A1\n"                            /* 4 */
                        "    item b.a: nivau \"Vraag\"\n"                /* 5 */
                        "    item b.b: percent in hgx \"Vraag\"\n"       /* 6 */
                        "    item b.c: niveau \"Vraag\"\n"               /* 7 */
                        "        norm at schol\n"                         /* 8 */
                        "        ambition aanbod.dislexie at school\n"    /* 9 */
                        "    item b.d: percent in hgw \"Vraag\"\n"       /* 10 */
                        "        norm midden or better\n"                 /* 11 */
                        "extend A11\n"                                   /* 12 */
                        "tighten aanbod.dislexie norm at school\n",      /* 13 */
         0},
        {"basis.rules", "scale niveau: school > wijk > geen\n"
                        "bands hgw over percent: laag below 50 hoog from 50\n"
                        "promise P1 \"B\"\n"
                        "agreement A1 \"A\" serves P1\n"
                        "    item aanbod.dyslexie: niveau \"D\" norm at wijk\n",
         0},
        {NULL, NULL, 0},
    };
    static const char *const want[][2] = {
        {"12:8: error: unknown agreement 'A11'", "did you mean 'A1'?"}, /* found while declaring */
        {"5:15: error: unknown type 'nivau'", "did you mean 'niveau'?"},
        {"6:26: error: unknown bands 'hgx'", "did you mean 'hgw'?"},
        {"8:17: error: 'schol' is not a member of scale 'niveau'", "did you mean 'school'?"},
        {"9:18: error: unknown item 'aanbod.dislexie'", "did you mean 'aanbod.dyslexie'?"},
        {"11:14: error: 'midden' is not a band of 'hgw'", "the bands are: laag, hoog"},
        {"13:9: error: unknown item 'aanbod.dislexie'", "did you mean 'aanbod.dyslexie'?"},
        {"4:12: error: unknown promise 'P2'", "did you mean 'P1'?"},
        {"4:16: error: 'A1' is an agreement, not a promise", "'serves' names promises, declared with 'promise'"},
    };
    seen s;
    sc_diag_sink sink;
    sc_rules *r = compile_mem(files, 50, &s, &sink);
    ck_assert_ptr_null(r);
    size_t n = sizeof want / sizeof want[0];
    for (size_t i = 0; i < n && i < s.lines.n; i++) {
        ck_assert_str_eq(s.lines.v[i], want[i][0]);
        ck_assert_str_eq(s.hints.v[i], want[i][1]);
    }
    ck_assert_uint_eq(s.lines.n, n);
    seen_free(&s);
}
END_TEST

/* A file is the same file however its path is spelled: "./x", "dir/../x". */
START_TEST(test_include_path_spellings)
{
    static const char self[] = "ruleset \"Zelf\"\nversion \"1\"\ninclude \"./zelf.rules\"\n";
    static const char twice[] = "ruleset \"Twee\"\nversion \"1\"\ninclude \"basis.rules\"\ninclude \"sub/../basis.rules\"\n";
    static const char basis[] = "scale s: a > b\n";
    mem_file files[] = {{"zelf.rules", self, 0},   {"./zelf.rules", self, 0},       {"twee.rules", twice, 0},
                        {"basis.rules", basis, 0}, {"sub/../basis.rules", basis, 0}, {NULL, NULL, 0}};
    seen s;
    sc_diag_sink sink;
    sc_rules *r = compile_mem(files, 0, &s, &sink);
    ck_assert_ptr_null(r);
    ck_assert_uint_eq(s.lines.n, 1);
    ck_assert_str_eq(s.lines.v[0], "3:1: error: './zelf.rules' includes itself (through 'zelf.rules')");
    seen_free(&s);
    r = compile_mem(files + 2, 0, &s, &sink);
    ck_assert_ptr_null(r);
    ck_assert_uint_eq(s.lines.n, 1);
    ck_assert_str_eq(s.lines.v[0], "4:1: error: 'sub/../basis.rules' is already included (by 'twee.rules')");
    seen_free(&s);
}
END_TEST

/* ---- limits --------------------------------------------------------------------------------------- */

START_TEST(test_error_limit)
{
    /* 200 errors of the semantic pass, then 200 of the scanner: 50 are reported, the rest counted */
    char *text = malloc(64 * 1024);
    ck_assert_ptr_nonnull(text);
    for (int pass = 0; pass < 2; pass++) {
        size_t n = (size_t)sprintf(text, "ruleset \"Veel fouten\"\nversion \"1\"\npromise P1 \"B\"\nagreement A1 \"A\"\n"
                                         "    serves P1\n");
        for (int i = 0; i < 200; i++)
            n += (size_t)sprintf(text + n, pass == 0 ? "    item a.i%03d: onbekend \"Vraag\"\n" : "    ; # %d\n", i);
        for (unsigned max = 0; max <= 50; max += 50) {
            mem_file files[] = {{"veel.rules", text, n}, {NULL, NULL, 0}};
            seen s;
            sc_diag_sink sink;
            sc_rules *r = compile_mem(files, max, &s, &sink);
            ck_assert_ptr_null(r);
            ck_assert_uint_eq(sink.errors, 200);
            ck_assert_uint_eq(sink.suppressed, max ? 150 : 0);
            ck_assert_uint_eq(s.lines.n, max ? 50 : 200);
            ck_assert_str_eq(s.lines.v[0], pass == 0 ? "6:18: error: unknown type 'onbekend'"
                                                     : "6:5: error: unexpected character ';'");
            ck_assert_str_eq(s.lines.v[s.lines.n - 1], pass == 0 ? (max ? "55:18: error: unknown type 'onbekend'"
                                                                        : "205:18: error: unknown type 'onbekend'")
                                                                 : (max ? "55:5: error: unexpected character ';'"
                                                                        : "205:5: error: unexpected character ';'"));
            sc_rules_free(r);
            seen_free(&s);
        }
    }
    free(text);
}
END_TEST

/* Parentheses a syntax error leaves open do not add up over the statements that follow. */
START_TEST(test_unclosed_parentheses_do_not_add_up)
{
    char *text = malloc(16 * 1024);
    ck_assert_ptr_nonnull(text);
    size_t n = (size_t)sprintf(text, "ruleset \"Open\"\nversion \"1\"\npromise P1 \"B\"\nagreement A1 \"A\"\n    serves P1\n");
    for (int i = 0; i < 70; i++)
        n += (size_t)sprintf(text + n, "    item a.i%03d: yesno \"Vraag\"\n        norm (is ja\n", i);
    n += (size_t)sprintf(text + n, "    item a.z: yesno \"Vraag\"\n        norm (is ja) and (is ja)\n");
    mem_file files[] = {{"open.rules", text, n}, {NULL, NULL, 0}};
    seen s;
    sc_diag_sink sink;
    sc_rules *r = compile_mem(files, 0, &s, &sink);
    ck_assert_ptr_null(r);
    /* one error per missing ')', at the next item; none about nesting */
    ck_assert_uint_eq(s.lines.n, 70);
    for (size_t i = 0; i < s.lines.n; i++) {
        char want[128];
        snprintf(want, sizeof want, "%zu:5: error: unexpected 'item'; expected 'or', 'and' or ')'", 8 + 2 * i);
        ck_assert_str_eq(s.lines.v[i], want);
    }
    sc_rules_free(r);
    seen_free(&s);
    free(text);
}
END_TEST

START_TEST(test_count_only_sink)
{
    /* a sink without a callback counts */
    mem_file files[] = {{"tel.rules", "ruleset \"T\" version \"1\" bands b over percent: laag below 50 midden from 50 hoog from 70 "
                                      "promise P2 \"p\"", 0},
                        {NULL, NULL, 0}};
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, NULL, NULL, 0);
    sc_compile_options opt = {.load = mem_load, .load_ctx = files};
    sc_rules *r = sc_compile_file("tel.rules", &opt, &sink);
    ck_assert_ptr_null(r);
    ck_assert_uint_eq(sink.errors, 1);
    ck_assert_uint_eq(sink.warnings, 1);
    ck_assert_uint_eq(sink.suppressed, 0);
}
END_TEST

START_TEST(test_missing_file)
{
    static const char *const want[] = {"0:0: error: cannot read rules: no such file", NULL};
    expect_list(FAIL_DIR "/00-does-not-exist.rules", NULL, want);
}
END_TEST

START_TEST(test_loader_limits)
{
    /* a loader that returns more than max_file_bytes */
    char big[100];
    memset(big, '#', sizeof big);
    mem_file large[] = {{"groot.rules", big, sizeof big}, {NULL, NULL, 0}};
    seen s;
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, seen_diag, &s, 0);
    memset(&s, 0, sizeof s);
    s.base = "groot.rules";
    sc_compile_options opt = {.load = mem_load, .load_ctx = large, .max_file_bytes = 64};
    sc_rules *r = sc_compile_file("groot.rules", &opt, &sink);
    ck_assert_ptr_null(r);
    ck_assert_uint_eq(s.lines.n, 1);
    ck_assert_str_eq(s.lines.v[0], "1:1: error: the file is too large (100 bytes)");
    seen_free(&s);

    /* a chain of includes deeper than max_include_depth, and a loader that cannot find a file */
    mem_file chain[] = {
        {"a.rules", "ruleset \"A\" version \"1\" include \"b.rules\" include \"weg.rules\"", 0},
        {"b.rules", "include \"c.rules\"", 0},
        {"c.rules", "include \"d.rules\"", 0},
        {"d.rules", "scale diep: x > y", 0},
        {NULL, NULL, 0},
    };
    memset(&s, 0, sizeof s);
    s.base = "a.rules";
    sc_diag_sink_init(&sink, seen_diag, &s, 0);
    sc_compile_options deep = {.load = mem_load, .load_ctx = chain, .max_include_depth = 2};
    r = sc_compile_file("a.rules", &deep, &sink);
    ck_assert_ptr_null(r);
    ck_assert_uint_eq(s.lines.n, 2);
    ck_assert_str_eq(s.lines.v[0], "c.rules:1:1: error: includes are nested more than 2 deep");
    ck_assert_str_eq(s.lines.v[1], "1:43: error: cannot include 'weg.rules': no such file");
    seen_free(&s);

    /* max_nesting: a lower limit for parentheses */
    mem_file nest[] = {{"n.rules", "ruleset \"N\" version \"1\" promise P1 \"p\" agreement A1 \"a\" serves P1 "
                                   "item a.b: yesno \"q\" norm (((is ja)))", 0},
                       {NULL, NULL, 0}};
    memset(&s, 0, sizeof s);
    s.base = "n.rules";
    sc_diag_sink_init(&sink, seen_diag, &s, 0);
    sc_compile_options shallow = {.load = mem_load, .load_ctx = nest, .max_nesting = 2};
    r = sc_compile_file("n.rules", &shallow, &sink);
    ck_assert_ptr_null(r);
    ck_assert_uint_eq(s.lines.n, 1);
    ck_assert_str_eq(s.lines.v[0], "1:94: error: parentheses are nested more than 2 deep");
    seen_free(&s);
}
END_TEST

/* ---- generated at run time: too large to keep in the repository ------------------------------------ */

static const char gen_head[] = "ruleset \"Gegenereerd\"\n"
                               "version \"2023-04-04\"\n"
                               "promise P1 \"Belofte\"\n"
                               "agreement A1 \"Afspraak\"\n"
                               "    serves P1\n"
                               "    item a.b: yesno \"Vraag\"\n"
                               "        norm ";

/* Writes gen_head + middle + "\n" to path, then comment lines up to `pad_to` bytes in all (0: none). */
static void write_generated(const char *path, const char *middle, size_t pad_to)
{
    size_t n = strlen(gen_head) + strlen(middle) + 1;
    size_t size = pad_to > n ? pad_to : n;
    char *text = malloc(size + 1);
    ck_assert_ptr_nonnull(text);
    sprintf(text, "%s%s\n", gen_head, middle);
    while (n < size) {
        /* "#xxx...x\n" lines of at most 100 bytes */
        size_t line = size - n < 100 ? size - n : 100;
        text[n] = '#';
        memset(text + n + 1, 'x', line - 1);
        text[n + line - 1] = '\n';
        n += line;
    }
    write_all(path, text, size);
    free(text);
}

START_TEST(test_generated_file_sizes)
{
    char dir[1024], path[1200], inc[1200];
    gen_dir(dir, sizeof dir);

    /* exactly 1 MiB is allowed */
    snprintf(path, sizeof path, "%s/exactly-1mib.rules", dir);
    write_generated(path, "is ja", (size_t)1 << 20);
    static const char *const none[] = {NULL};
    expect_list(path, NULL, none);

    /* one byte more is refused, with one error, as the main file and as an include */
    snprintf(path, sizeof path, "%s/over-1mib.rules", dir);
    write_generated(path, "is ja", ((size_t)1 << 20) + 1);
    static const char *const main_too_large[] = {
        "0:0: error: cannot read rules: the file is larger than the limit for rules files", NULL};
    expect_list(path, NULL, main_too_large);

    snprintf(inc, sizeof inc, "%s/includes-over-1mib.rules", dir);
    static const char includer[] = "ruleset \"Klein\"\nversion \"1\"\ninclude \"over-1mib.rules\"\n";
    write_all(inc, includer, strlen(includer));
    char want_line[1400];
    snprintf(want_line, sizeof want_line,
             "3:1: error: cannot include '%s': the file is larger than the limit for rules files", path);
    const char *const include_too_large[] = {want_line, NULL};
    expect_list(inc, NULL, include_too_large);
}
END_TEST

START_TEST(test_generated_deep_nesting)
{
    char dir[1024], path[1200];
    gen_dir(dir, sizeof dir);
    enum { N = 10000 };
    char *middle = malloc(N * 12 + 16);
    ck_assert_ptr_nonnull(middle);

    /* 10,000 nested parentheses: one error at the 65th, nothing more */
    size_t n = 0;
    for (int i = 0; i < N; i++)
        middle[n++] = '(';
    n += (size_t)sprintf(middle + n, "is ja");
    for (int i = 0; i < N; i++)
        middle[n++] = ')';
    middle[n] = '\0';
    snprintf(path, sizeof path, "%s/parentheses-10000.rules", dir);
    write_generated(path, middle, 0);
    static const char *const parens[] = {"7:78: error: parentheses are nested more than 64 deep", NULL};
    expect_list(path, NULL, parens);

    /* 10,000 times 'not': the parser's stack runs out; one error, no crash */
    n = 0;
    for (int i = 0; i < N; i++)
        n += (size_t)sprintf(middle + n, "not ");
    sprintf(middle + n, "is ja");
    snprintf(path, sizeof path, "%s/not-10000.rules", dir);
    write_generated(path, middle, 0);
    seen s = {.base = path};
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, seen_diag, &s, 50);
    sc_rules *r = sc_compile_file(path, NULL, &sink);
    ck_assert_ptr_null(r);
    ck_assert_msg(s.lines.n == 1, "%zu diagnostics, the first: %s", s.lines.n, s.lines.n ? s.lines.v[0] : "-");
    ck_assert_msg(strncmp(s.lines.v[0], "7:", 2) == 0 && strstr(s.lines.v[0], ": error: the rules are nested too deeply"),
                  "%s", s.lines.v[0]);
    seen_free(&s);

    /* 10,000 conditions joined by 'or' are flat, not deep: they compile */
    n = 0;
    for (int i = 0; i < N; i++)
        n += (size_t)sprintf(middle + n, "%sis ja", i ? " or " : "");
    snprintf(path, sizeof path, "%s/or-10000.rules", dir);
    write_generated(path, middle, 0);
    static const char *const none[] = {NULL};
    expect_list(path, NULL, none);

    /* 'at least 1 of (' nested 40 deep stays within both limits */
    n = 0;
    for (int i = 0; i < 40; i++)
        n += (size_t)sprintf(middle + n, "at least 1 of (");
    n += (size_t)sprintf(middle + n, "is ja");
    for (int i = 0; i < 40; i++)
        middle[n++] = ')';
    middle[n] = '\0';
    snprintf(path, sizeof path, "%s/at-least-40.rules", dir);
    write_generated(path, middle, 0);
    expect_list(path, NULL, none);
    free(middle);
}
END_TEST

/* The ruleset the product ships compiles without a word. */
START_TEST(test_shipped_ruleset)
{
    static const char *const none[] = {NULL};
    expect_list("rules/zoetermeer-2023.rules", NULL, none);
}
END_TEST

Suite *suite_compile(void)
{
    nfail_cases = list_cases(FAIL_DIR, fail_cases);
    npass_cases = list_cases(PASS_DIR, pass_cases);

    Suite *s = suite_create("compile");
    TCase *cases = tcase_create("cases");
    tcase_set_timeout(cases, 60);
    tcase_add_test(cases, test_case_directories);
    if (nfail_cases > 0)
        tcase_add_loop_test(cases, test_fail_case, 0, nfail_cases);
    if (npass_cases > 0)
        tcase_add_loop_test(cases, test_pass_case, 0, npass_cases);
    tcase_add_test(cases, test_shipped_ruleset);
    suite_add_tcase(s, cases);

    TCase *scanner = tcase_create("positions");
    tcase_add_test(scanner, test_columns_count_utf8_characters);
    tcase_add_test(scanner, test_non_ascii_outside_quotes);
    tcase_add_test(scanner, test_diagnostic_quotes_its_line);
    tcase_add_test(scanner, test_crlf_files);
    suite_add_tcase(s, scanner);

    TCase *program = tcase_create("program");
    tcase_add_test(program, test_program_scales_and_bands);
    tcase_add_test(program, test_program_items_and_groups);
    tcase_add_test(program, test_program_in_force);
    tcase_add_test(program, test_lookup_nested_ids);
    tcase_add_test(program, test_tighten_and_extend_layers);
    tcase_add_test(program, test_did_you_mean);
    suite_add_tcase(s, program);

    TCase *limits = tcase_create("limits");
    tcase_set_timeout(limits, 120);
    tcase_add_test(limits, test_error_limit);
    tcase_add_test(limits, test_unclosed_parentheses_do_not_add_up);
    tcase_add_test(limits, test_count_only_sink);
    tcase_add_test(limits, test_missing_file);
    tcase_add_test(limits, test_loader_limits);
    tcase_add_test(limits, test_include_path_spellings);
    tcase_add_test(limits, test_generated_file_sizes);
    tcase_add_test(limits, test_generated_deep_nesting);
    suite_add_tcase(s, limits);
    return s;
}
