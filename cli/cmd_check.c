/* cli/cmd_check.c — `sopcheck check`: checks profiles against the rules and writes one report, streamed, one profile in memory at a time. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "inputs.h"
#include "parallel.h"
#include "report/report.h"


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

/* --- the loop over the profiles: on this thread, or on -j N workers (cli/parallel.c) -----------
 *
 * Each worker has its own arena and its own writer of the report's format, and writes a profile's
 * report and its diagnostics into a ring slot (sc_writer_fragment), with the result added to the
 * slot's accumulator. This thread joins the slots into the report in input order (sc_writer_join,
 * which puts the format's separators between them) and merges their accumulators into the run's,
 * so the output is the same byte for byte whatever -j is. */
typedef struct check_run {
    const sc_rules *const *versions;
    size_t nversions;
    const sc_rules *rules;          /* versions[0]: the report's header */
    const sc_inputs *inputs;
    const char *format;
    sc_report_opts ro;
    sc_yaml_limits limits;          /* with the user's --lang: the profiles' messages are in the report's language */
    size_t max_bytes;
    /* this thread's side */
    sc_writer *w;                   /* the report's writer */
    sc_accum acc;                   /* the run's, merged in input order */
    bool oom;
} check_run;

typedef struct check_worker {
    const check_run *run;
    sc_writer w;
    sc_arena arena;
    char *text;                     /* the profile read last: one buffer, reused */
    size_t text_cap;
} check_worker;

typedef struct check_slot {
    sc_out report, diag;
    sc_accum acc;                   /* the slot's one result */
    bool oom;
} check_slot;

static void *check_worker_init(void *ctx)
{
    const check_run *run = ctx;
    check_worker *cw = calloc(1, sizeof *cw);
    if (!cw)
        return NULL;
    cw->run = run;
    if (sc_writer_init(&cw->w, run->format, NULL, NULL, &run->ro) != 0) {
        free(cw);
        return NULL;
    }
    sc_writer_begin_fragments(&cw->w, run->versions, run->nversions); /* on the worker's thread: json keeps its per-run fragments per thread */
    sc_arena_init(&cw->arena, 0);
    return cw;
}

static void check_work(void *worker, size_t i, void *slot_)
{
    check_worker *cw = worker;
    const check_run *run = cw->run;
    check_slot *slot = slot_;
    const sc_input *in = &run->inputs->items[i];
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
    sc_accum_free(&slot->acc);
    sc_accum_init(&slot->acc);
    if (sc_accum_add(&slot->acc, &res) != 0)
        slot->oom = true;
    sc_writer_fragment(&cw->w, &res, &slot->report, &slot->diag);
}

static void check_worker_fini(void *worker)
{
    check_worker *cw = worker;
    sc_writer_release(&cw->w);
    sc_arena_free(&cw->arena);
    free(cw->text);
    free(cw);
}

static void check_emit(void *ctx, size_t i, void *slot_)
{
    (void)i;
    check_run *run = ctx;
    check_slot *slot = slot_;
    sc_writer_join(run->w, &slot->report, &slot->diag);
    if (sc_accum_merge(&run->acc, &slot->acc) != 0)
        slot->oom = true;
    run->oom = run->oom || slot->oom;
}

static void check_slot_free(void *slot_)
{
    check_slot *slot = slot_;
    sc_out_free(&slot->report);
    sc_out_free(&slot->diag);
    sc_accum_free(&slot->acc);
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

    sc_out out, errout;
    output dest;
    sc_writer w;
    sc_report_opts ro = {.lang = o.lang, .err_color = err.color, .ambitions = o.ambitions, .tool_version = SC_VERSION};
    if (sc_writer_init(&w, o.format, &out, &errout, &ro) != 0) {
        sc_cli_free_rules_list(versions, nversions);
        sc_inputs_free(&inputs);
        return sc_cli_usage_error("check", "unknown format '%s'; the formats are %s", o.format, sc_writer_formats());
    }
    if (output_open(&dest, o.output) != 0) {
        sc_cli_free_rules_list(versions, nversions);
        sc_inputs_free(&inputs);
        return SC_EXIT_INVALID;
    }
    sc_term out_term;
    sc_term_init(&out_term, dest.fp, o.color);
    w.opts.color = out_term.color;
    sc_out_init_file(&out, dest.fp);
    sc_out_init_file(&errout, stderr);

    sc_writer_begin(&w, (const sc_rules *const *)versions, nversions);
    check_run run = {.versions = (const sc_rules *const *)versions, .nversions = nversions, .rules = rules,
                     .inputs = &inputs, .format = o.format, .ro = w.opts,
                     .limits = {.max_bytes = o.max_bytes, .lang = o.lang},
                     .max_bytes = o.max_bytes, .w = &w};
    sc_accum_init(&run.acc);
    sc_par_ops ops = {.ctx = &run, .slot_size = sizeof(check_slot), .worker_init = check_worker_init,
                      .work = check_work, .worker_fini = check_worker_fini, .emit = check_emit,
                      .slot_free = check_slot_free};
    if (sc_par_run(inputs.len, o.jobs, &ops) != 0)
        run.oom = true;
    sc_summary sum = run.acc.summary;
    bool oom = run.oom;
    sc_writer_end(&w, &run.acc);
    sc_accum_free(&run.acc);
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
