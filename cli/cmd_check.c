/* cli/cmd_check.c — `sopcheck check`: checks profiles against the rules and writes one report, streamed, one profile in memory at a time. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "inputs.h"
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
    bool ambitions;
} check_opts;

static const char *opt_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) == 0 && argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (strcmp(argv[*i], name) == 0 && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}

/* Writes the report to a temporary file beside --output and renames it at the end, so that a
 * killed run never leaves half a report behind. */
typedef struct output {
    FILE *fp;
    char *tmp;
    bool direct;  /* not a regular file: written in place */
} output;

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
    free(o->tmp);
    return rc;
}

/* A result for an input that could not be read at all. */
static void unreadable_result(sc_arena *a, const sc_rules *rules, const char *path, const char *why, sc_result *res)
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
    e->message = sc_arena_printf(a, "cannot read the profile: %s", why);
    e->hint = strcmp(why, "file is too large") == 0 ? "profiles are at most --max-bytes bytes (default 1 MiB)" : NULL;
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

static void errors_to_stderr(sc_term *err, const sc_result *res)
{
    const sc_profile *p = res->profile;
    for (uint32_t k = 0; k < res->nerrors; k++) {
        const sc_profile_error *e = &res->errors[k];
        sc_diag d = {.severity = e->severity, .file = p && p->path ? p->path : "?", .line = e->line, .col = e->col,
                     .message = e->message, .hint = e->hint};
        if (p && p->text)
            d.src_line = sc_text_line(p->text, p->text_len, e->line, &d.src_line_len);
        sc_term_diag(err, &d);
    }
}

int sc_cmd_check(int argc, char **argv)
{
    check_opts o = {.format = "text", .lang = SC_LANG_NL, .fail = FAIL_ON_INCOMPLETE, .max_bytes = (size_t)1 << 20};
    sc_inputs inputs = {0};
    int npaths = 0;
    const char *v;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if ((v = opt_value(argc, argv, &i, "--rules"))) {
            if (o.nrules == sizeof o.rules / sizeof o.rules[0]) {
                sc_inputs_free(&inputs);
                return sc_cli_usage_error("check", "--rules is given too often (at most 16)");
            }
            o.rules[o.nrules++] = v;
        }
        else if ((v = opt_value(argc, argv, &i, "--format")))
            o.format = v;
        else if ((v = opt_value(argc, argv, &i, "--output")) || (v = opt_value(argc, argv, &i, "-o")))
            o.output = v;
        else if ((v = opt_value(argc, argv, &i, "--color")))
            o.color = v;
        else if ((v = opt_value(argc, argv, &i, "--lang"))) {
            if (strcmp(v, "nl") == 0)
                o.lang = SC_LANG_NL;
            else if (strcmp(v, "en") == 0)
                o.lang = SC_LANG_EN;
            else {
                sc_inputs_free(&inputs);
                return sc_cli_usage_error("check", "--lang takes nl or en, not '%s'", v);
            }
        } else if ((v = opt_value(argc, argv, &i, "--fail-on"))) {
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
        } else if ((v = opt_value(argc, argv, &i, "--max-bytes"))) {
            char *end;
            unsigned long long n = strtoull(v, &end, 10);
            if (*end || n == 0 || n > ((size_t)1 << 30)) {
                sc_inputs_free(&inputs);
                return sc_cli_usage_error("check", "--max-bytes takes a number of bytes from 1 to 1073741824");
            }
            o.max_bytes = (size_t)n;
        } else if (strcmp(a, "--ambitions") == 0) {
            o.ambitions = true;
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

    sc_summary sum = {0};
    sc_yaml_limits limits = {.max_bytes = o.max_bytes};
    sc_arena arena;
    sc_arena_init(&arena, 0);
    w.begin(&w, rules);
    report_flush(&out, dest.fp);
    bool oom = false;
    for (size_t i = 0; i < inputs.len; i++) {
        const sc_input *in = &inputs.items[i];
        sc_arena_reset(&arena);
        sc_result res;
        char *buf = NULL;
        size_t len = 0;
        const char *why = in->problem;
        if (!why && sc_read_input(in->path, o.max_bytes, &buf, &len, &why) == 0) {
            if (sc_check_profile_in(&arena, (const sc_rules *const *)versions, nversions, 0, in->path, buf, len, &limits,
                                    &res) != 0) {
                oom = true;
                why = "out of memory";
            }
        }
        if (why)
            unreadable_result(&arena, rules, in->path, why, &res);
        if (!text && res.status == SC_PROFILE_INVALID)
            errors_to_stderr(&err, &res);
        sc_summary_add(&sum, &res);
        w.rules = res.rules; /* norms in words are written with the version that judged the profile */
        w.profile(&w, &res);
        report_flush(&out, dest.fp);
        free(buf);
    }
    w.rules = rules;
    w.end(&w, &sum);
    report_flush(&out, dest.fp);
    sc_out_free(&out);
    sc_arena_free(&arena);
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
