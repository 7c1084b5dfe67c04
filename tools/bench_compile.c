/* tools/bench_compile.c — how long compiling a ruleset takes, without process start-up: sc_compile_file in a loop.
 *
 *   bench_compile [RULES [COUNT]]     default rules/zoetermeer-2023.rules, 1000 times
 *   bench_compile --big [CASE]        each generated rules file of about 1 MB (tools/bigrules.h), once
 *
 * Compiles (and frees) the rules COUNT times after one warm-up compile and prints the mean
 * time per compile, and the fastest of COUNT/100 batches as a check on noise. With --big it
 * compiles each case of tools/bigrules.h once, from memory, with the CLI's limit of 50 errors
 * shown, and prints its size, time, errors and warnings: a construct that compiles in time that
 * grows faster than its input stands out as seconds where the others take milliseconds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dsl/compile.h"
#include "tools/bigrules.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int compile_once(const char *path)
{
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, NULL, NULL, 0);
    sc_rules *r = sc_compile_file(path, NULL, &sink);
    if (!r)
        return -1;
    sc_rules_free(r);
    return 0;
}

typedef struct big_src {
    const char *main, *inc;
    size_t main_len, inc_len;
} big_src;

/* "groot.rules" is the main file, "basis.rules" the included one */
static int big_load(void *ctx, sc_arena *arena, const char *from, const char *name, const char **path, const char **text,
                    size_t *len, const char **why)
{
    (void)arena;
    (void)from;
    const big_src *src = ctx;
    *path = name;
    if (strcmp(name, "groot.rules") == 0) {
        *text = src->main;
        *len = src->main_len;
        return 0;
    }
    if (strcmp(name, "basis.rules") == 0 && src->inc) {
        *text = src->inc;
        *len = src->inc_len;
        return 0;
    }
    *why = "no such file";
    return -1;
}

static void first_error(void *ctx, const sc_diag *d)
{
    char *first = ctx;
    if (d->severity == SC_SEV_ERROR && !first[0])
        snprintf(first, 200, "%u:%u: %s", d->line, d->col, d->message);
}

static int big(const char *only)
{
    for (size_t k = 0; k < BIGRULES_NCASES; k++) {
        if (only && strcmp(only, bigrules_cases[k].name) != 0)
            continue;
        big_src src = {0};
        char *m, *inc;
        if (bigrules_make(k, &m, &src.main_len, &inc, &src.inc_len) != 0) {
            fprintf(stderr, "bench_compile: out of memory\n");
            return 1;
        }
        src.main = m;
        src.inc = inc;
        char first[200] = "";
        sc_diag_sink sink;
        sc_diag_sink_init(&sink, first_error, first, 50);
        sc_compile_options opt = {.load = big_load, .load_ctx = &src};
        double t0 = now();
        sc_rules *r = sc_compile_file("groot.rules", &opt, &sink);
        double t = now() - t0;
        printf("%-18s %8zu bytes  %8.1f ms  %u errors, %u warnings%s%s\n", bigrules_cases[k].name, src.main_len + src.inc_len,
               t * 1e3, sink.errors, sink.warnings, first[0] ? "  first: " : "", first);
        fflush(stdout);
        sc_rules_free(r);
        free(m);
        free(inc);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--big") == 0)
        return big(argc > 2 ? argv[2] : NULL);
    const char *path = argc > 1 ? argv[1] : "rules/zoetermeer-2023.rules";
    long count = argc > 2 ? strtol(argv[2], NULL, 10) : 1000;
    if (count < 100)
        count = 100;
    if (compile_once(path) != 0) {
        fprintf(stderr, "bench_compile: '%s' does not compile\n", path);
        return 1;
    }
    long batch = count / 100;
    double best = 1e9, start = now();
    for (long b = 0; b < 100; b++) {
        double t0 = now();
        for (long i = 0; i < batch; i++)
            if (compile_once(path) != 0)
                return 1;
        double per = (now() - t0) / (double)batch;
        if (per < best)
            best = per;
    }
    double mean = (now() - start) / (double)(batch * 100);
    printf("compile %s: %ld times, mean %.1f us per compile (fastest batch %.1f us)\n", path, batch * 100, mean * 1e6,
           best * 1e6);
    return 0;
}
