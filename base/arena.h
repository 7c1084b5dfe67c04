/* base/arena.h — region allocator: one arena per compiled ruleset and per loaded profile, freed in one call. */
#ifndef SC_ARENA_H
#define SC_ARENA_H

#include <stddef.h>
#include <stdint.h>

typedef struct sc_arena_block sc_arena_block;

/* An arena hands out memory that lives until sc_arena_free; there is no per-object free.
 * An arena can be capped (max_bytes > 0): allocations beyond the cap fail with NULL,
 * which callers turn into a diagnostic instead of letting hostile input exhaust memory. */
typedef struct sc_arena {
    char *cur, *end;    /* the free part of the newest block (NULL before the first block) */
    sc_arena_block *head;
    size_t used_bytes;  /* total bytes of all blocks */
    size_t max_bytes;   /* 0: no cap */
} sc_arena;

void sc_arena_init(sc_arena *a, size_t max_bytes);
void sc_arena_free(sc_arena *a);
/* Drop everything but keep the largest block of at most 256 KB for reuse (batch loops). */
void sc_arena_reset(sc_arena *a);

#define SC_ARENA_ALIGN (sizeof(max_align_t))

void *sc_arena_alloc_slow(sc_arena *a, size_t n); /* sc_arena_alloc when the newest block is full */

/* aligned for any type; NULL when capped or out of memory (inline; base/arena.c holds the external definition) */
inline void *sc_arena_alloc(sc_arena *a, size_t n)
{
    /* cur and end are multiples of the alignment, so a rounded-up n <= end - cur fits too;
     * n == 0 wraps to SIZE_MAX and takes the slow path (which hands out one aligned unit) */
    if (n - 1 < (size_t)((uintptr_t)a->end - (uintptr_t)a->cur)) {
        void *p = a->cur;
        a->cur += (n + SC_ARENA_ALIGN - 1) & ~(SC_ARENA_ALIGN - 1);
        return p;
    }
    return sc_arena_alloc_slow(a, n);
}

void *sc_arena_zalloc(sc_arena *a, size_t n);          /* zero-filled */
char *sc_arena_strndup(sc_arena *a, const char *s, size_t n);
char *sc_arena_strdup(sc_arena *a, const char *s);
char *sc_arena_printf(sc_arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A growable array of pointers whose storage lives in an arena (old storage is simply left behind). */
typedef struct sc_ptrvec {
    void **items;
    size_t len, cap;
} sc_ptrvec;

int sc_ptrvec_push(sc_arena *a, sc_ptrvec *v, void *p); /* 0 on success, -1 when out of memory */

#endif
