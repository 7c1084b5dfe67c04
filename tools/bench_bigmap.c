/* tools/bench_bigmap.c — how loading a YAML mapping scales with its number of keys (duplicate-key detection must not be quadratic).
 *
 *   bench_bigmap      loads maps of 10,000 and 40,000 keys, best of three CPU times each, and prints both and their ratio
 *
 * Four times the keys should take about four times as long; sixteen times would mean quadratic work. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "engine/yaml.h"

static char *big_map_text(unsigned nkeys, size_t *len)
{
    size_t cap = (size_t)nkeys * 24 + 64;
    char *text = malloc(cap);
    if (!text)
        return NULL;
    size_t at = 0;
    for (unsigned i = 0; i < nkeys; i++)
        at += (size_t)snprintf(text + at, cap - at, "sleutel_%u: %u\n", i, i);
    *len = at;
    return text;
}

/* best of three CPU seconds for one load; -1 when the map does not load whole */
static double load_seconds(unsigned nkeys)
{
    size_t len;
    char *text = big_map_text(nkeys, &len);
    if (!text)
        return -1;
    sc_yaml_limits limits = {.max_bytes = 8u << 20, .max_nodes = 1000000};
    double best = 1e9;
    for (int round = 0; round < 3; round++) {
        sc_arena arena;
        sc_arena_init(&arena, 0);
        sc_diag_sink sink;
        sc_diag_sink_init(&sink, NULL, NULL, 0);
        sc_node *root = NULL;
        clock_t start = clock();
        int rc = sc_yaml_load(&arena, "big.yaml", text, len, &limits, &sink, &root);
        double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
        bool whole = rc == 0 && root && root->n == nkeys;
        sc_arena_free(&arena);
        if (!whole) {
            free(text);
            return -1;
        }
        if (seconds < best)
            best = seconds;
    }
    free(text);
    return best;
}

int main(void)
{
    double small = load_seconds(10000), large = load_seconds(40000);
    if (small < 0 || large < 0) {
        fprintf(stderr, "bench_bigmap: a map did not load\n");
        return 1;
    }
    printf("10000 keys %.4f s, 40000 keys %.4f s, ratio %.1f\n", small, large, small > 0 ? large / small : 0.0);
    return 0;
}
