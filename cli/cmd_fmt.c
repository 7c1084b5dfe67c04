/* cli/cmd_fmt.c — `sopcheck fmt [--check] FILE...`: rewrites rules files in their canonical layout, or says which are not. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/file.h"
#include "base/out.h"
#include "cli.h"
#include "dsl/fmt.h"

#define FMT_MAX_BYTES (1u << 20) /* as for `sopcheck compile` */
#define DIFF_CONTEXT 3
#define DIFF_LINES 6

/* The n-th line of s (0-based) as start and length; the number of lines of s. */
static size_t count_lines(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '\n')
            n++;
    return n + (len && s[len - 1] != '\n');
}

static const char *nth_line(const char *s, size_t len, size_t n, size_t *ll)
{
    size_t i = 0;
    for (; n > 0 && i < len; i++)
        if (s[i] == '\n')
            n--;
    size_t e = i;
    while (e < len && s[e] != '\n')
        e++;
    *ll = e - i;
    return s + i;
}

static bool same_line(const char *a, size_t alen, size_t ai, const char *b, size_t blen, size_t bi)
{
    size_t la, lb;
    const char *x = nth_line(a, alen, ai, &la), *y = nth_line(b, blen, bi, &lb);
    return la == lb && memcmp(x, y, la) == 0;
}

static void print_line(char mark, const char *s, size_t len, size_t i)
{
    size_t ll;
    const char *l = nth_line(s, len, i, &ll);
    putchar(mark);
    sc_term_safe(stdout, l, ll);
    putchar('\n');
}

/* A short unified diff of the first place where `old` and `new` differ: a few lines of context,
 * then at most DIFF_LINES lines taken out and put in; "@@ ... @@" when more differs further on. */
static void short_diff(const char *path, const char *old, size_t olen, const char *new, size_t nlen)
{
    size_t on = count_lines(old, olen), nn = count_lines(new, nlen);
    size_t pre = 0;
    while (pre < on && pre < nn && same_line(old, olen, pre, new, nlen, pre))
        pre++;
    /* where the two meet again after `pre`: the fewest lines taken out plus put in, within a window */
    size_t odel = on - pre, nadd = nn - pre;
    for (size_t d = 1; d <= 4 * DIFF_LINES; d++) {
        bool found = false;
        for (size_t i = 0; i <= d && !found; i++) {
            size_t j = d - i;
            if (pre + i < on && pre + j < nn && same_line(old, olen, pre + i, new, nlen, pre + j)) {
                odel = i, nadd = j;
                found = true;
            }
        }
        if (found)
            break;
    }
    size_t from = pre > DIFF_CONTEXT ? pre - DIFF_CONTEXT : 0;
    size_t oshow = odel < DIFF_LINES ? odel : DIFF_LINES, nshow = nadd < DIFF_LINES ? nadd : DIFF_LINES;
    printf("--- %s\n+++ %s (formatted)\n", path, path);
    printf("@@ -%zu,%zu +%zu,%zu @@\n", from + 1, pre - from + oshow, from + 1, pre - from + nshow);
    for (size_t i = from; i < pre; i++)
        print_line(' ', old, olen, i);
    for (size_t i = 0; i < oshow; i++)
        print_line('-', old, olen, pre + i);
    for (size_t i = 0; i < nshow; i++)
        print_line('+', new, nlen, pre + i);
    size_t ll;
    const char *orest = pre + odel < on ? nth_line(old, olen, pre + odel, &ll) : old + olen;
    const char *nrest = pre + nadd < nn ? nth_line(new, nlen, pre + nadd, &ll) : new + nlen;
    size_t orlen = (size_t)(old + olen - orest), nrlen = (size_t)(new + nlen - nrest);
    if (odel > oshow || nadd > nshow || orlen != nrlen || memcmp(orest, nrest, orlen) != 0)
        printf("@@ ... @@\n");
}

/* Write `text` to a temporary file beside `path` with path's mode, then rename it over path. */
static int replace_file(const char *path, const char *text, size_t len, const char **why)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        *why = strerror(errno);
        return -1;
    }
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp) {
        *why = "out of memory";
        return -1;
    }
    snprintf(tmp, n + 16, "%s.fmt-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        *why = strerror(errno);
        free(tmp);
        return -1;
    }
    int rc = 0;
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, text + done, len - done);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            rc = -1;
            break;
        }
        done += (size_t)w;
    }
    if (rc == 0 && fchmod(fd, st.st_mode & 07777) != 0)
        rc = -1;
    if (rc == 0 && fsync(fd) != 0)
        rc = -1;
    if (rc != 0)
        *why = strerror(errno);
    if (close(fd) != 0 && rc == 0) {
        *why = strerror(errno);
        rc = -1;
    }
    if (rc == 0 && rename(tmp, path) != 0) {
        *why = strerror(errno);
        rc = -1;
    }
    if (rc != 0)
        unlink(tmp);
    free(tmp);
    return rc;
}

/* One file: 0 formatted (or rewritten), 1 not formatted (--check), 2 errors. */
static int fmt_one(const char *arg, bool check, sc_term *err)
{
    bool std = strcmp(arg, "-") == 0;
    const char *path = std ? "<stdin>" : arg;
    const char *why = NULL;
    FILE *fp = std ? stdin : sc_fopen_regular(arg, &why);
    if (!fp) {
        fprintf(stderr, "sopcheck fmt: %s: %s\n", path, why);
        return SC_EXIT_INVALID;
    }
    char *text = NULL;
    size_t len = 0;
    int r = sc_read_stream(fp, FMT_MAX_BYTES, &text, &len, &why);
    if (!std)
        fclose(fp);
    if (r != 0) {
        fprintf(stderr, "sopcheck fmt: %s: %s\n", path, r == -2 ? "larger than 1 MiB" : why);
        free(text);
        return SC_EXIT_INVALID;
    }
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, sc_term_diag_fn, err, SC_MAX_ERRORS);
    sc_out o;
    sc_out_init_mem(&o);
    int rc = SC_EXIT_OK;
    if (sc_fmt_rules(&o, path, text, len, &sink) != 0 || o.failed) {
        if (sink.suppressed)
            fprintf(stderr, "sopcheck: %u more errors not shown\n", sink.suppressed);
        fprintf(stderr, "sopcheck fmt: %s: not formatted: %u error%s\n", path, sink.errors, sink.errors == 1 ? "" : "s");
        rc = SC_EXIT_INVALID;
    } else {
        const char *out = o.buf ? o.buf : "";
        bool same = o.len == len && memcmp(out, text, len) == 0;
        if (check) {
            if (!same) {
                printf("%s: not formatted\n", path);
                short_diff(path, text, len, out, o.len);
                rc = SC_EXIT_FINDINGS;
            }
        } else if (std) {
            if (fwrite(out, 1, o.len, stdout) != o.len || fflush(stdout) != 0) {
                fprintf(stderr, "sopcheck fmt: writing the standard output failed\n");
                rc = SC_EXIT_INVALID;
            }
        } else if (!same && replace_file(path, out, o.len, &why) != 0) {
            fprintf(stderr, "sopcheck fmt: %s: cannot rewrite: %s\n", path, why);
            rc = SC_EXIT_INVALID;
        }
    }
    sc_out_free(&o);
    free(text);
    return rc;
}

int sc_cmd_fmt(int argc, char **argv)
{
    bool check = false;
    const char *color = NULL;
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--check") == 0)
            check = true;
        else if (strncmp(argv[i], "--color=", 8) == 0)
            color = argv[i] + 8;
        else if (argv[i][0] == '-' && argv[i][1])
            return sc_cli_usage_error("fmt", "unknown option '%s'", argv[i]);
        else
            nfiles++;
    }
    if (nfiles == 0)
        return sc_cli_usage_error("fmt", "name the rules files to format (or - for standard input)");
    sc_term err;
    sc_term_init(&err, stderr, color);
    int rc = SC_EXIT_OK;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1])
            continue;
        int r = fmt_one(argv[i], check, &err);
        if (r > rc)
            rc = r;
    }
    fflush(stdout);
    return rc;
}
