/* cli/cmd_check.c — `sopcheck check`: checks profiles against the rules and writes one report, streamed, one profile in memory at a time. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/diag_write.h"
#include "cli.h"
#include "inputs.h"
#include "parallel.h"
#include "report/report.h"

#define SC_VERSION_TEXT "0.1.0"

typedef enum { FAIL_ON_NOT_COMPLIANT, FAIL_ON_INCOMPLETE, FAIL_ON_NEVER } fail_on;

typedef struct check_opts {
    const char *rules[16];  /* --rules, once per version (a file or a directory of them) */
    size_t nrules;
    const char *format;
    const char *output;
    const char *color;
    sc_lang lang;
    fail_on fail;
    size_t max_bytes;
    unsigned jobs;       /* -j: worker threads */
    bool ambitions;
} check_opts;

/* Writes the report to a temporary file beside --output and renames it at the end, so that a
 * killed run never leaves half a report behind. */
typedef struct output {
    FILE *fp;
    char *tmp;
    bool direct;  /* not a regular file: written in place */
} output;

/* The one piece of process-wide state in sopcheck (an exception to "no globals", and only here in
 * cli/): the path of the temporary report, for a signal handler. SIGINT (Ctrl-C), SIGTERM (a CI
 * runner's cancel) and SIGHUP would otherwise end the run with the temporary file left beside
 * --output. A handler may only do what is async-signal-safe, so the path is copied into a static
 * buffer before the handler is installed, and `tmp_saved` says whether it holds one; the handler
 * unlinks it, restores the default action and raises the signal again, so that the run still ends
 * as killed by that signal (exit status 128 + N in a shell). The flag is cleared only after the
 * rename: a signal in between unlinks a name that is gone, which does nothing. A path longer than
 * the buffer is not saved (then the temporary file can be left behind, as before). A signal that
 * was ignored when sopcheck started (a background job's SIGINT) stays ignored. */
static char tmp_saved_path[4096];
static volatile sig_atomic_t tmp_saved;

static void on_fatal_signal(int sig)
{
    if (tmp_saved)
        unlink(tmp_saved_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void remove_tmp_on_signals(const char *tmp)
{
    size_t n = strlen(tmp);
    if (n >= sizeof tmp_saved_path)
        return;
    memcpy(tmp_saved_path, tmp, n + 1);
    tmp_saved = 1;
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction old, sa;
        if (sigaction(sigs[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fatal_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

static int output_open(output *o, const char *path)
{
    o->fp = stdout;
    o->tmp = NULL;
    o->direct = false;
    if (!path || strcmp(path, "-") == 0)
        return 0;
    /* a device or a pipe (/dev/null, /dev/stdout, a FIFO) is written as it is: renaming over it would replace it */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode) || !(o->fp = fopen(path, "w"))) {
            fprintf(stderr, "sopcheck: cannot write '%s': %s\n", path, S_ISDIR(st.st_mode) ? "is a directory" : strerror(errno));
            o->fp = stdout;
            return -1;
        }
        o->direct = true;
        return 0;
    }
    size_t n = strlen(path) + 16;
    o->tmp = malloc(n);
    if (!o->tmp)
        return -1;
    snprintf(o->tmp, n, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0 || !(o->fp = fdopen(fd, "w"))) {
        if (fd >= 0)
            close(fd);
        fprintf(stderr, "sopcheck: cannot write '%s': %s\n", path, strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        return -1;
    }
    remove_tmp_on_signals(o->tmp);
    return 0;
}

static int output_close(output *o, const char *path, bool ok)
{
    if (o->direct)
        return fclose(o->fp) == 0 && ok ? 0 : -1;
    if (!o->tmp)
        return fflush(stdout) == 0 && ok ? 0 : -1;
    /* mkstemp makes the file private (0600); give the report the mode any new file would get */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fileno(o->fp), 0666 & ~mask) != 0)
        ok = false;
    int rc = fclose(o->fp) == 0 && ok ? 0 : -1;
    if (rc == 0 && rename(o->tmp, path) != 0) {
        fprintf(stderr, "sopcheck: cannot write '%s': %s\n", path, strerror(errno));
        rc = -1;
    }
    if (rc != 0)
        unlink(o->tmp);
    tmp_saved = 0;
    free(o->tmp);
    return rc;
}

/* Why an input could not be read, in Dutch: the reasons cli/inputs.c and sc_read_stream give, each
 * beside its English text. A reason not listed here (a rare system error) is shown as the system
 * gives it. */
static const char *const why_nl[][2] = {
    {"no such file or directory", "het bestand of de map bestaat niet"},
    {"no such file", "het bestand bestaat niet"},
    {"file is too large", "het bestand is te groot"},
    {"is a directory", "het is een map"},
    {"is not a regular file", "het is geen gewoon bestand"},
    {"read error", "fout bij het lezen"},
    {"out of memory", "onvoldoende geheugen"},
    {"Permission denied", "geen toestemming om het te lezen"},
    {"directory holds no profiles (*.yaml or *.yml)", "de map bevat geen profielen (*.yaml of *.yml)"},
    {"directory loops back to a directory above it (symbolic link); not followed",
     "de map verwijst terug naar een map erboven (symbolische koppeling); niet gevolgd"},
};

static const char *why_text(const char *why, sc_lang lang)
{
    if (lang == SC_LANG_NL)
        for (size_t i = 0; i < sizeof why_nl / sizeof why_nl[0]; i++)
            if (strcmp(why, why_nl[i][0]) == 0)
                return why_nl[i][1];
    return why;
}

/* A result for an input that could not be read at all, in the report's language. */
static void unreadable_result(sc_arena *a, const sc_rules *rules, const char *path, const char *why, sc_lang lang,
                              sc_result *res)
{
    memset(res, 0, sizeof *res);
    sc_profile *p = sc_arena_zalloc(a, sizeof *p);
    sc_profile_error *e = sc_arena_zalloc(a, sizeof *e);
    res->rules = rules;
    res->status = SC_PROFILE_INVALID;
    if (!p || !e)
        return;
    p->path = sc_arena_strdup(a, path);
    p->rules = rules;
    e->severity = SC_SEV_ERROR;
    e->message = sc_arena_printf(a, SC_TR(lang, "kan het profiel niet lezen: %s", "cannot read the profile: %s"),
                                 why_text(why, lang));
    e->hint = strcmp(why, "file is too large") == 0
                  ? SC_TR(lang, "een profiel is hoogstens --max-bytes bytes groot (standaard 1 MiB)",
                          "profiles are at most --max-bytes bytes (default 1 MiB)")
                  : NULL;
    res->profile = p;
    res->errors = e;
    res->nerrors = e->message ? 1 : 0;
}

/* The writers write into a memory buffer; it goes to the file once per profile, in one call,
 * instead of one stdio call per piece of text. A failed write is remembered like any other. */
static void report_flush(sc_out *out, FILE *fp)
{
    if (out->len && !out->failed && fwrite(out->buf, 1, out->len, fp) != out->len)
        out->failed = true;
    out->len = 0;
}

/* A profile's errors as sc_term_diag shows them, into `o` (written to stderr in input order), with
 * the severity in the report's language like the messages. */
static void errors_to(sc_out *o, bool color, sc_lang lang, const sc_result *res)
{
    for (uint32_t k = 0; k < res->nerrors; k++) {
        sc_diag d = sc_result_error_diag(res, k);
        sc_diag_write(o, &d, color, lang == SC_LANG_NL ? sc_diag_words_dutch() : NULL);
    }
}

/* --- the loop over the profiles: on this thread, or on -j N workers (cli/parallel.c) -----------
 *
 * Each worker has its own arena and its own writer, and renders a profile's report and its
 * stderr lines into a ring slot; this thread writes the slots in input order, so the output is
 * the same byte for byte whatever -j is. The summary is added up here, in input order. A writer's
 * state that runs across profiles is `count`: text and json write a separator before every
 * profile but the first, so a worker sets it to the profile's index; sarif counts results with it
 * (a comma before every result but the run's first), so a worker starts each profile at 0 and
 * this thread puts the comma between one profile's results and the next's. */
typedef struct check_run {
    const sc_rules *const *versions;
    size_t nversions;
    const sc_rules *rules;          /* versions[0]: the report's header */
    const sc_inputs *inputs;
    const char *format;
    sc_report_opts ro;
    sc_yaml_limits limits;          /* with the user's --lang: the profiles' messages are in the report's language */
    size_t max_bytes;
    bool text, diag_color, count_is_results;
    /* this thread's side */
    FILE *fp;
    sc_out *out;                    /* its failed flag is the report's */
    sc_summary sum;
    unsigned long results;          /* sarif: results written so far */
    bool oom;
} check_run;

typedef struct check_worker {
    const check_run *run;
    sc_writer w;
    sc_out sink;                    /* a worker's begin and end: thrown away */
    sc_arena arena;
    char *text;                     /* the profile read last: one buffer, reused */
    size_t text_cap;
} check_worker;

typedef struct check_slot {
    sc_out report, diag;
    sc_profile_status status;
    unsigned results;
    bool oom;
} check_slot;

static void *check_worker_init(void *ctx)
{
    const check_run *run = ctx;
    check_worker *cw = calloc(1, sizeof *cw);
    if (!cw)
        return NULL;
    cw->run = run;
    sc_out_init_mem(&cw->sink);
    if (sc_writer_init(&cw->w, run->format, &cw->sink, &run->ro) != 0) {
        free(cw);
        return NULL;
    }
    cw->w.begin(&cw->w, run->versions, run->nversions); /* on the worker's thread: json keeps its per-run fragments per thread */
    cw->sink.len = 0;
    sc_arena_init(&cw->arena, 0);
    return cw;
}

static void check_work(void *worker, size_t i, void *slot_)
{
    check_worker *cw = worker;
    const check_run *run = cw->run;
    check_slot *slot = slot_;
    const sc_input *in = &run->inputs->items[i];
    slot->report.len = slot->diag.len = 0;
    slot->report.failed = slot->diag.failed = false;
    slot->oom = false;
    sc_arena_reset(&cw->arena);
    sc_result res;
    size_t len = 0;
    const char *why = in->problem;
    if (!why && sc_read_input_into(in->path, run->max_bytes, &cw->text, &cw->text_cap, &len, &why) == 0) {
        if (sc_check_profile_in(&cw->arena, run->versions, run->nversions, 0, in->path, cw->text, len, &run->limits, &res) !=
            0) {
            slot->oom = true;
            why = "out of memory";
        }
    }
    if (why)
        unreadable_result(&cw->arena, run->rules, in->path, why, run->limits.lang, &res);
    if (!run->text && res.status == SC_PROFILE_INVALID)
        errors_to(&slot->diag, run->diag_color, run->limits.lang, &res);
    slot->status = res.status;
    cw->w.out = &slot->report;
    cw->w.count = run->count_is_results ? 0 : (unsigned)i;
    cw->w.rules = res.rules; /* norms in words are written with the version that judged the profile */
    cw->w.profile(&cw->w, &res);
    slot->results = cw->w.count;
}

static void check_worker_fini(void *worker)
{
    check_worker *cw = worker;
    sc_summary none = {0};
    cw->w.out = &cw->sink;
    cw->w.rules = cw->run->rules;
    cw->w.end(&cw->w, &none);
    sc_out_free(&cw->sink);
    sc_arena_free(&cw->arena);
    free(cw->text);
    free(cw);
}

static void check_emit(void *ctx, size_t i, void *slot_)
{
    (void)i;
    check_run *run = ctx;
    check_slot *slot = slot_;
    if (slot->diag.len)
        fwrite(slot->diag.buf, 1, slot->diag.len, stderr);
    sc_result r = {.status = slot->status};
    sc_summary_add(&run->sum, &r);
    run->oom = run->oom || slot->oom;
    if (slot->report.failed || slot->diag.failed)
        run->out->failed = true;
    if (run->count_is_results && slot->results) {
        if (run->results && !run->out->failed && fwrite(",\n", 1, 2, run->fp) != 2)
            run->out->failed = true;
        run->results += slot->results;
    }
    if (slot->report.len && !run->out->failed && fwrite(slot->report.buf, 1, slot->report.len, run->fp) != slot->report.len)
        run->out->failed = true;
}

static void check_slot_free(void *slot_)
{
    check_slot *slot = slot_;
    sc_out_free(&slot->report);
    sc_out_free(&slot->diag);
}

int sc_cmd_check(int argc, char **argv)
{
    check_opts o = {.format = "text", .lang = SC_LANG_NL, .fail = FAIL_ON_INCOMPLETE, .max_bytes = (size_t)1 << 20, .jobs = 1};
    sc_inputs inputs = {0};
    int npaths = 0;
    const char *v;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if ((v = sc_cli_opt_value(argc, argv, &i, "--rules"))) {
            if (o.nrules == sizeof o.rules / sizeof o.rules[0]) {
                sc_inputs_free(&inputs);
                return sc_cli_usage_error("check", "--rules is given too often (at most 16)");
            }
            o.rules[o.nrules++] = v;
        }
        else if ((v = sc_cli_opt_value(argc, argv, &i, "--format")))
            o.format = v;
        else if ((v = sc_cli_opt_value(argc, argv, &i, "--output")) || (v = sc_cli_opt_value(argc, argv, &i, "-o")))
            o.output = v;
        else if ((v = sc_cli_opt_value(argc, argv, &i, "--color")))
            o.color = v;
        else if ((v = sc_cli_opt_value(argc, argv, &i, "--lang"))) {
            if (sc_cli_lang(v, &o.lang) != 0) {
                sc_inputs_free(&inputs);
                return sc_cli_usage_error("check", "--lang takes nl or en, not '%s'", v);
            }
        } else if ((v = sc_cli_opt_value(argc, argv, &i, "--fail-on"))) {
            if (strcmp(v, "not-compliant") == 0)
                o.fail = FAIL_ON_NOT_COMPLIANT;
            else if (strcmp(v, "incomplete") == 0)
                o.fail = FAIL_ON_INCOMPLETE;
            else if (strcmp(v, "never") == 0)
                o.fail = FAIL_ON_NEVER;
            else {
                sc_inputs_free(&inputs);
                return sc_cli_usage_error("check", "--fail-on takes not-compliant, incomplete or never, not '%s'", v);
            }
        } else if ((v = sc_cli_opt_value(argc, argv, &i, "--max-bytes"))) {
            char *end;
            unsigned long long n = strtoull(v, &end, 10);
            if (*end || n == 0 || n > ((size_t)1 << 30)) {
                sc_inputs_free(&inputs);
                return sc_cli_usage_error("check", "--max-bytes takes a number of bytes from 1 to 1073741824");
            }
            o.max_bytes = (size_t)n;
        } else if (strcmp(a, "--ambitions") == 0) {
            o.ambitions = true;
        } else if (strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0 || strncmp(a, "--jobs=", 7) == 0 ||
                   (a[0] == '-' && a[1] == 'j' && a[2] >= '0' && a[2] <= '9')) {
            /* -j N, -jN, --jobs N, --jobs=N; -j alone (no number follows) or 0: one worker per core */
            const char *n = a[1] == 'j' ? a + 2 : a[6] == '=' ? a + 7 : "";
            if (!*n && i + 1 < argc && argv[i + 1][0] >= '0' && argv[i + 1][0] <= '9')
                n = argv[++i];
            char *end;
            unsigned long j = strtoul(*n ? n : "0", &end, 10);
            if (*end || j > 1024) {
                sc_inputs_free(&inputs);
                return sc_cli_usage_error("check", "-j takes a number of jobs from 0 (one per core) to 1024, not '%s'", n);
            }
            o.jobs = j ? (unsigned)j : sc_par_cores();
        } else if (a[0] == '-' && a[1]) {
            sc_inputs_free(&inputs);
            return sc_cli_usage_error("check", "unknown option '%s' (or it needs a value)", a);
        } else {
            npaths++;
            if (sc_inputs_add(&inputs, a) != 0) {
                sc_inputs_free(&inputs);
                fputs("sopcheck: out of memory\n", stderr);
                return SC_EXIT_INVALID;
            }
        }
    }
    if (npaths == 0)
        return sc_cli_usage_error("check", "name one or more profiles or directories (or - for standard input)");

    sc_term err;
    sc_term_init(&err, stderr, o.color);
    sc_rules **versions = NULL;
    size_t nversions = sc_cli_load_rules_list(o.rules, o.nrules, &err, &versions);
    sc_rules *rules = nversions ? versions[0] : NULL; /* the primary: the report's header */
    if (!rules) {
        sc_inputs_free(&inputs);
        fprintf(stderr, "sopcheck: the rules have errors; no profile was checked\n");
        return SC_EXIT_INVALID;
    }

    sc_out out;
    output dest;
    sc_writer w;
    sc_report_opts ro = {.lang = o.lang, .ambitions = o.ambitions, .tool_version = SC_VERSION_TEXT};
    if (sc_writer_init(&w, o.format, &out, &ro) != 0) {
        sc_cli_free_rules_list(versions, nversions);
        sc_inputs_free(&inputs);
        return sc_cli_usage_error("check", "unknown format '%s'; the formats are %s", o.format, sc_writer_formats());
    }
    if (output_open(&dest, o.output) != 0) {
        sc_cli_free_rules_list(versions, nversions);
        sc_inputs_free(&inputs);
        return SC_EXIT_INVALID;
    }
    bool text = strcmp(o.format, "text") == 0;
    sc_term out_term;
    sc_term_init(&out_term, dest.fp, o.color);
    w.opts.color = text && out_term.color;
    sc_out_init_mem(&out);

    w.begin(&w, (const sc_rules *const *)versions, nversions);
    report_flush(&out, dest.fp);
    check_run run = {.versions = (const sc_rules *const *)versions, .nversions = nversions, .rules = rules,
                     .inputs = &inputs, .format = o.format, .ro = w.opts,
                     .limits = {.max_bytes = o.max_bytes, .lang = o.lang},
                     .max_bytes = o.max_bytes, .text = text, .diag_color = err.color,
                     .count_is_results = strcmp(o.format, "sarif") == 0, .fp = dest.fp, .out = &out};
    sc_par_ops ops = {.ctx = &run, .slot_size = sizeof(check_slot), .worker_init = check_worker_init,
                      .work = check_work, .worker_fini = check_worker_fini, .emit = check_emit,
                      .slot_free = check_slot_free};
    if (sc_par_run(inputs.len, o.jobs, &ops) != 0)
        run.oom = true;
    sc_summary sum = run.sum;
    bool oom = run.oom;
    w.rules = rules;
    w.end(&w, &sum);
    report_flush(&out, dest.fp);
    sc_out_free(&out);
    sc_cli_free_rules_list(versions, nversions);
    sc_inputs_free(&inputs);
    if (output_close(&dest, o.output, !out.failed) != 0) {
        fprintf(stderr, "sopcheck: the report could not be written completely\n");
        return SC_EXIT_INVALID;
    }
    if (oom)
        fputs("sopcheck: out of memory\n", stderr);
    if (sum.invalid || oom)
        return SC_EXIT_INVALID;
    if (o.fail == FAIL_ON_NEVER)
        return SC_EXIT_OK;
    if (sum.not_compliant || (o.fail == FAIL_ON_INCOMPLETE && sum.incomplete))
        return SC_EXIT_FINDINGS;
    return SC_EXIT_OK;
}
