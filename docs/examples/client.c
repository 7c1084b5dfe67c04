/* docs/examples/client.c — a second client of libsopcheck (docs/library.md): two versions of the rules, profiles checked by the one in force, a walk over each result, and every report format written from the same results. */
#include <sopcheck.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* usage: client OUTDIR RULES_A RULES_B PROFILE...
 *
 * RULES_A is compiled from its file, RULES_B from its text in memory (includes are read relative
 * to its name). Three runs: "ab" (both versions, A the primary: each profile by the version in
 * force on its peildatum), "a" and "b" (one version each). Per run, each profile is checked once
 * and handed to a writer of every format at the same time; OUTDIR/RUN.FORMAT holds the report and
 * OUTDIR/RUN.FORMAT.err the diagnostics the writer sends to its error stream; OUTDIR/RUN.walk
 * what the walk over each result found. Exit status 0 when every call succeeded and the
 * accumulators agree, 1 otherwise; 2 for wrong usage. */

static const char *const formats[] = {"text", "json", "csv", "html", "sarif", "junit", "github"};
#define NFORMATS (sizeof formats / sizeof formats[0])

static int failures;

/* A call that must succeed: its error, in words, on stderr. */
static int ok(sc_error e, const char *what)
{
    if (e == SC_OK)
        return 1;
    fprintf(stderr, "client: %s: %s\n", what, sc_error_text(e, SC_LANG_EN));
    failures++;
    return 0;
}

static void print_diag(void *ctx, const sc_diag *d)
{
    (void)ctx;
    fprintf(stderr, "%s:%u:%u: %s: %s\n", d->file, d->line, d->col,
            d->severity == SC_SEV_ERROR ? "error" : d->severity == SC_SEV_WARNING ? "warning" : "note", d->message);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
            }
            buf = bigger;
        }
    }
    fclose(fp);
    *len = n;
    return buf;
}

static const char *status_id(sc_profile_status s)
{
    static const char *const ids[] = {"compliant", "not_compliant", "incomplete", "invalid"};
    return ids[s];
}

/* What a client reads of a result without any writer: who, which version, the verdict, and what fails. */
static void walk(FILE *fp, const sc_result *res)
{
    const sc_school *school = sc_result_school(res);
    fprintf(fp, "%s: %s (%s), rules %s %s: %s\n", sc_result_path(res), school->naam ? school->naam : "-",
            school->brin ? school->brin : "-", sc_rules_name(sc_result_rules(res)),
            sc_rules_version(sc_result_rules(res)), status_id(sc_result_status(res)));
    for (uint32_t a = 0; a < sc_result_nagreements(res); a++) {
        sc_group_view g;
        if (ok(sc_result_agreement(res, a, &g), "agreement") && g.status != SC_GROUP_MET)
            fprintf(fp, "  %s %s\n", g.id, g.status == SC_GROUP_NOT_MET ? "not met" : "incomplete");
    }
    for (uint32_t p = 0; p < sc_result_npromises(res); p++) {
        sc_group_view g;
        if (ok(sc_result_promise(res, p, &g), "promise") && g.status == SC_GROUP_NOT_MET)
            fprintf(fp, "  %s not met\n", g.id);
    }
    for (uint32_t i = 0; i < sc_result_nitems(res); i++) {
        sc_item_view it;
        if (ok(sc_result_item(res, i, &it), "item") && (it.status == SC_ITEM_NOT_MET || it.status == SC_ITEM_UNANSWERED))
            fprintf(fp, "    %s (%s) %s at %u:%u\n", it.id, it.agreement ? it.agreement : it.promise ? it.promise : "-",
                    it.status == SC_ITEM_NOT_MET ? "not met" : "unanswered", it.line, it.col);
    }
    for (uint32_t k = 0; k < sc_result_nerrors(res); k++) {
        sc_diag d = sc_result_error_diag(res, k);
        fprintf(fp, "  error at %u:%u: %s\n", d.line, d.col, d.message);
    }
}

static FILE *open_in(const char *dir, const char *run, const char *name, const char *ext)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.%s%s", dir, run, name, ext);
    FILE *fp = fopen(path, "w");
    if (!fp) {
        fprintf(stderr, "client: cannot write '%s'\n", path);
        failures++;
    }
    return fp;
}

/* One run: each profile checked once, walked, added up, and written by every writer. */
static void run(const char *dir, const char *name, const sc_rules *const *versions, size_t n, char **profiles,
                int nprofiles)
{
    sc_checker *checker;
    if (!ok(sc_checker_new(versions, n, SC_LANG_NL, &checker), "checker"))
        return;
    FILE *out[NFORMATS], *err[NFORMATS];
    sc_writer *w[NFORMATS];
    /* the CLI's options when it writes to a file: so the reports can be compared with its own */
    sc_report_opts opts = {.lang = SC_LANG_NL, .tool_version = "0.1.0"};
    for (size_t f = 0; f < NFORMATS; f++) {
        out[f] = open_in(dir, name, formats[f], "");
        err[f] = open_in(dir, name, formats[f], ".err");
        w[f] = NULL;
        if (out[f] && err[f] && ok(sc_writer_new(formats[f], out[f], err[f], &opts, &w[f]), formats[f]))
            ok(sc_writer_begin(w[f], versions, n), "begin");
    }
    FILE *walked = open_in(dir, name, "walk", "");

    /* the whole run's accumulator, and two halves (even and odd inputs) merged afterwards, as -j
     * workers' would be: the totals must agree */
    sc_accum all, even, odd;
    sc_accum_init(&all);
    sc_accum_init(&even);
    sc_accum_init(&odd);
    for (int i = 0; i < nprofiles; i++) {
        const sc_result *res;
        if (!ok(sc_checker_check_file(checker, profiles[i], &res), profiles[i]))
            continue;
        if (walked)
            walk(walked, res);
        ok(sc_accum_add(&all, res), "accum");
        ok(sc_accum_add(i % 2 ? &odd : &even, res), "accum");
        for (size_t f = 0; f < NFORMATS; f++)
            if (w[f])
                ok(sc_writer_profile(w[f], res), formats[f]);
    }
    ok(sc_accum_merge(&even, &odd), "merge");
    if (memcmp(&even.summary, &all.summary, sizeof all.summary) != 0 || all.summary.profiles != (unsigned)nprofiles) {
        fprintf(stderr, "client: %s: the merged accumulator differs from the whole run's\n", name);
        failures++;
    }
    for (size_t f = 0; f < NFORMATS; f++) {
        if (w[f])
            ok(sc_writer_end(w[f], &all), formats[f]);
        sc_writer_free(w[f]);
        if (out[f] && fclose(out[f]) != 0)
            failures++;
        if (err[f])
            fclose(err[f]);
    }
    if (walked)
        fclose(walked);
    printf("client: %s: %u profiles (%u compliant, %u not compliant, %u incomplete, %u invalid), %zu reports\n", name,
           all.summary.profiles, all.summary.compliant, all.summary.not_compliant, all.summary.incomplete,
           all.summary.invalid, NFORMATS);
    sc_accum_free(&all);
    sc_accum_free(&even);
    sc_accum_free(&odd);
    sc_checker_free(checker);
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: client OUTDIR RULES_A RULES_B PROFILE...\n");
        return 2;
    }
    const char *dir = argv[1];
    sc_rules *a = NULL, *b = NULL;
    ok(sc_rules_compile_file(argv[2], print_diag, NULL, &a), argv[2]);
    size_t len = 0;
    char *text = read_all(argv[3], &len);
    if (!text)
        ok(SC_ERROR_IO, argv[3]);
    else
        ok(sc_rules_compile_string(argv[3], text, len, print_diag, NULL, &b), argv[3]);
    free(text);
    if (a && b) {
        const sc_rules *ab[] = {a, b};
        run(dir, "ab", ab, 2, argv + 4, argc - 4);
        run(dir, "a", ab, 1, argv + 4, argc - 4);
        run(dir, "b", ab + 1, 1, argv + 4, argc - 4);
    }
    /* what a failed call looks like: an unknown format and an unreadable profile are error codes */
    sc_writer *none;
    if (sc_writer_new("pdf", stdout, NULL, NULL, &none) != SC_ERROR_FORMAT || none) {
        fprintf(stderr, "client: an unknown format must be SC_ERROR_FORMAT\n");
        failures++;
    }
    sc_rules_free(a);
    sc_rules_free(b);
    return failures ? 1 : 0;
}
