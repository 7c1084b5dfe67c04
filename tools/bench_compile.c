/* tools/bench_compile.c — how long compiling a ruleset takes, without process start-up: sc_compile_file in a loop.
 *
 *   bench_compile [RULES [COUNT]]     default rules/zoetermeer-2023.rules, 1000 times
 *
 * Compiles (and frees) the rules COUNT times after one warm-up compile and prints the mean
 * time per compile, and the fastest of COUNT/100 batches as a check on noise. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "dsl/compile.h"

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

int main(int argc, char **argv)
{
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
