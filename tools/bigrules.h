/* tools/bigrules.h — generated rules files of about 1 MB, one per construct of the language, for timing the compiler (tools/bench_compile.c) and for checking that each compiles or is refused (tests/unit/test_big_rules.c).
 *
 * Each case is a main file (and, for `tighten`, an included one) made of one construct repeated
 * until the file is close to BIGRULES_BYTES, under the 1 MiB limit for a rules file. A case states
 * what the compiler must make of it: no error, or its first error (line, column, message).
 * Header-only, with static functions: both users include it once. */
#ifndef SC_BIGRULES_H
#define SC_BIGRULES_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BIGRULES_BYTES ((size_t)1000 * 1000)

typedef struct bigrules_buf {
    char *s;
    size_t len, cap;
    int failed;
} bigrules_buf;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void bigrules_put(bigrules_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp) {
        b->failed = 1;
        return;
    }
    if (b->len + (size_t)n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 65536;
        while (cap < b->len + (size_t)n + 1)
            cap *= 2;
        char *s = realloc(b->s, cap);
        if (!s) {
            b->failed = 1;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
    memcpy(b->s + b->len, tmp, (size_t)n + 1);
    b->len += (size_t)n;
}

/* room for more of a case: the bytes of one more repetition (bound) and a tail of 200 bytes */
static int bigrules_room(const bigrules_buf *b, size_t bound)
{
    return b->len + bound + 200 < BIGRULES_BYTES;
}

typedef struct bigrules_case {
    const char *name;      /* the construct */
    const char *error;     /* NULL: compiles without error; else its first error */
    unsigned line, col;    /* where that error is (1-based) */
} bigrules_case;

static const bigrules_case bigrules_cases[] = {
    {"scale-members", NULL, 0, 0},          /* one scale of ~100,000 members */
    {"scale-is-one-of", NULL, 0, 0},        /* a scale of ~50,000 members, and one 'is one of' naming them all */
    /* more than 64 bands are refused (the reports count per band): one located error, found in linear time */
    {"bands", "bands 'b' have 30000 bands; at most 64 are allowed", 68, 5},      /* one set of ~30,000 bands */
    {"band-refs", "bands 'b' have 9000 bands; at most 64 are allowed", 68, 5},   /* ~9,000 bands, an item per band */
    {"items", NULL, 0, 0},                  /* one agreement of ~25,000 items */
    {"agreements", NULL, 0, 0},             /* ~12,000 agreements of one item each */
    {"serves", NULL, 0, 0},                 /* ~35,000 promises, all served by one agreement */
    {"text-parts", NULL, 0, 0},             /* one text of ~100,000 parts in quotes */
    {"or-chain", NULL, 0, 0},               /* one norm of ~100,000 conditions joined by 'or' */
    {"at-least-of", NULL, 0, 0},            /* one 'at least 1 of (...)' of ~100,000 conditions */
    {"no-norm-warnings", NULL, 0, 0},       /* ~30,000 items without a norm: as many warnings */
    {"tighten", "'aanbod.x' is tightened twice in this file (first at line 4)", 6, 9},
    {"contains-repeated", "'m0' is listed twice", 6, 41},
    {"unknown-items", "unknown item 'onbekend0'", 12005, 10},
    {"unknown-members", "'onbekend0' is not a member of scale 's'", 6, 20},
};
#define BIGRULES_NCASES (sizeof bigrules_cases / sizeof bigrules_cases[0])

static void bigrules_header(bigrules_buf *b)
{
    bigrules_put(b, "ruleset \"groot\"\nversion \"1\"\n");
}

/* The text of case k into *main (and the included file into *inc, or NULL). 0, or -1 out of memory. */
static int bigrules_make(size_t k, char **main_text, size_t *main_len, char **inc_text, size_t *inc_len)
{
    bigrules_buf b = {0}, inc = {0};
    const char *name = bigrules_cases[k].name;
    bigrules_header(&b);
    unsigned i = 0;
    if (strcmp(name, "scale-members") == 0) {
        bigrules_put(&b, "scale s: m0\n");
        for (i = 1; bigrules_room(&b, 12); i++)
            bigrules_put(&b, "> m%u\n", i);
    } else if (strcmp(name, "scale-is-one-of") == 0) {
        unsigned n = 50000;
        bigrules_put(&b, "scale s: m0");
        for (i = 1; i < n; i++)
            bigrules_put(&b, " > m%u", i);
        bigrules_put(&b, "\nagreement A \"a\"\nitem a.x: s \"x\"\n    norm is one of m0");
        for (i = 1; i < n; i++)
            bigrules_put(&b, ", m%u", i);
        bigrules_put(&b, "\n");
    } else if (strcmp(name, "bands") == 0) {
        unsigned n = 30000;
        bigrules_put(&b, "bands b over number from 0 to %u:\n    b0 below 1\n", n);
        for (i = 1; i + 1 < n; i++)
            bigrules_put(&b, "    b%u from %u below %u\n", i, i, i + 1);
        bigrules_put(&b, "    b%u from %u\n", i, i);
        bigrules_put(&b, "agreement A \"a\"\nitem a.x: number from 0 to %u in b \"x\"\n    norm b7 or better\n", n);
    } else if (strcmp(name, "band-refs") == 0) {
        unsigned n = 9000;
        bigrules_put(&b, "bands b over number from 0 to %u:\n    b0 below 1\n", n);
        for (i = 1; i + 1 < n; i++)
            bigrules_put(&b, "    b%u from %u below %u\n", i, i, i + 1);
        bigrules_put(&b, "    b%u from %u\n", i, i);
        bigrules_put(&b, "agreement A \"a\"\n");
        for (i = 0; i < n; i++)
            bigrules_put(&b, "item a.x%u: number from 0 to %u in b \"x\"\n    norm is b%u\n", i, n, n - 1 - i);
    } else if (strcmp(name, "items") == 0) {
        bigrules_put(&b, "agreement A \"a\"\n");
        for (i = 0; bigrules_room(&b, 40); i++)
            bigrules_put(&b, "item a.x%u: yesno \"x\"\n    norm is ja\n", i);
    } else if (strcmp(name, "agreements") == 0) {
        bigrules_put(&b, "promise P \"p\"\n");
        for (i = 0; bigrules_room(&b, 80); i++)
            bigrules_put(&b, "agreement A%u \"a\"\n    serves P\nitem a%u.x: yesno \"x\"\n    norm is ja\n", i, i);
    } else if (strcmp(name, "serves") == 0) {
        unsigned n = 35000;
        for (i = 0; i < n; i++)
            bigrules_put(&b, "promise P%u \"p\"\n", i);
        bigrules_put(&b, "agreement A \"a\"\n    serves P0");
        for (i = 1; i < n; i++)
            bigrules_put(&b, ", P%u", i);
        bigrules_put(&b, "\nitem a.x: yesno \"x\"\n    norm is ja\n");
    } else if (strcmp(name, "text-parts") == 0) {
        bigrules_put(&b, "agreement A \"a\"\nitem a.x: yesno \"x\"\n    norm is ja\n    note \"deel\"\n");
        for (i = 0; bigrules_room(&b, 10); i++)
            bigrules_put(&b, "\"deel\"\n");
    } else if (strcmp(name, "or-chain") == 0) {
        bigrules_put(&b, "agreement A \"a\"\nitem a.x: yesno \"x\"\n    norm is ja");
        for (i = 0; bigrules_room(&b, 10); i++)
            bigrules_put(&b, " or is ja");
        bigrules_put(&b, "\n");
    } else if (strcmp(name, "at-least-of") == 0) {
        bigrules_put(&b, "agreement A \"a\"\nitem a.x: yesno \"x\"\n    norm at least 1 of (is ja");
        for (i = 0; bigrules_room(&b, 10); i++)
            bigrules_put(&b, ", is ja");
        bigrules_put(&b, ")\n");
    } else if (strcmp(name, "no-norm-warnings") == 0) {
        bigrules_put(&b, "agreement A \"a\"\n");
        for (i = 0; bigrules_room(&b, 30); i++)
            bigrules_put(&b, "item a.x%u: yesno \"x\"\n", i);
    } else if (strcmp(name, "tighten") == 0) {
        bigrules_put(&inc, "ruleset \"basis\"\nversion \"1\"\nagreement A \"a\"\nitem aanbod.x: yesno \"x\"\n    norm is ja\n");
        bigrules_put(&b, "include \"basis.rules\"\n");
        /* lines 4 and on: "tighten aanbod.x" and its norm, over and over */
        for (i = 0; bigrules_room(&b, 40); i++)
            bigrules_put(&b, "tighten aanbod.x\n    norm is ja\n");
    } else if (strcmp(name, "contains-repeated") == 0) {
        bigrules_put(&b, "scale s: m0, m1\nagreement A \"a\"\nitem a.x: set of s \"x\"\n    norm contains at least 1 of m0, m1");
        for (i = 0; bigrules_room(&b, 6); i++)
            bigrules_put(&b, ", m%u", i % 2);
        bigrules_put(&b, "\n");
    } else if (strcmp(name, "unknown-items") == 0) {
        unsigned n = 12000;
        bigrules_put(&b, "agreement A \"a\"\n");
        for (i = 0; i < n; i++)
            bigrules_put(&b, "field a.x%u: yesno \"x\"\n", i);
        bigrules_put(&b, "item a.y: yesno \"y\"\n    norm onbekend0 is ja");
        for (i = 1; bigrules_room(&b, 24); i++)
            bigrules_put(&b, " or onbekend%u is ja", i);
        bigrules_put(&b, "\n");
    } else if (strcmp(name, "unknown-members") == 0) {
        unsigned n = 40000;
        bigrules_put(&b, "scale s: m0");
        for (i = 1; i < n; i++)
            bigrules_put(&b, " > m%u", i);
        bigrules_put(&b, "\nagreement A \"a\"\nitem a.x: s \"x\"\n    norm is one of onbekend0");
        for (i = 1; bigrules_room(&b, 16); i++)
            bigrules_put(&b, ", onbekend%u", i);
        bigrules_put(&b, "\n");
    }
    if (b.failed || inc.failed) {
        free(b.s);
        free(inc.s);
        return -1;
    }
    *main_text = b.s;
    *main_len = b.len;
    *inc_text = inc.s;
    *inc_len = inc.len;
    return 0;
}

#endif
