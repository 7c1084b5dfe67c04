/* base/arena.c — region allocator: bump allocation in chained blocks, one free for everything. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sc_arena_block {
    sc_arena_block *next;
    size_t size; /* usable bytes in data */
    _Alignas(64) max_align_t data[]; /* starts on a cache line: where nodes fall is the same from run to run */
};

#define SC_ARENA_MIN_BLOCK ((size_t)16 * 1024)
#define SC_ARENA_LINE ((size_t)64)
/* The largest block a reset keeps (a profile takes some 30 KB; one that took megabytes is rare). */
#define SC_ARENA_KEEP_MAX ((size_t)256 * 1024)

void sc_arena_init(sc_arena *a, size_t max_bytes)
{
    a->cur = a->end = NULL;
    a->head = NULL;
    a->used_bytes = 0;
    a->max_bytes = max_bytes;
}

void sc_arena_free(sc_arena *a)
{
    sc_arena_block *b = a->head;
    while (b) {
        sc_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->cur = a->end = NULL;
    a->head = NULL;
    a->used_bytes = 0;
}

void sc_arena_reset(sc_arena *a)
{
    if (!a->head)
        return;
    /* keep the largest block up to SC_ARENA_KEEP_MAX: the next run of a batch loop most likely fits in
     * it whole, with no malloc; a block grown by one huge input is given back */
    sc_arena_block *keep = NULL;
    for (sc_arena_block *b = a->head; b; b = b->next)
        if (b->size <= SC_ARENA_KEEP_MAX && (!keep || b->size > keep->size))
            keep = b;
    sc_arena_block *b = a->head;
    while (b) {
        sc_arena_block *next = b->next;
        if (b != keep)
            free(b);
        b = next;
    }
    a->head = keep;
    if (!keep) {
        a->used_bytes = 0;
        a->cur = a->end = NULL;
        return;
    }
    keep->next = NULL;
    a->used_bytes = keep->size;
    a->cur = (char *)keep->data;
    a->end = a->cur + keep->size;
}

extern inline void *sc_arena_alloc(sc_arena *a, size_t n);

void *sc_arena_alloc_slow(sc_arena *a, size_t n)
{
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX / 2)
        return NULL;
    size_t need = (n + SC_ARENA_ALIGN - 1) & ~(SC_ARENA_ALIGN - 1);
    if ((size_t)((uintptr_t)a->end - (uintptr_t)a->cur) < need) {
        sc_arena_block *b = a->head;
        size_t size = need > SC_ARENA_MIN_BLOCK ? need : SC_ARENA_MIN_BLOCK;
        if (b && size < b->size * 2 && b->size * 2 <= (size_t)1 << 24)
            size = b->size * 2;
        if (a->max_bytes && a->used_bytes + size > a->max_bytes) {
            if (a->used_bytes + need > a->max_bytes)
                return NULL;
            size = need;
        }
        sc_arena_block *nb = aligned_alloc(SC_ARENA_LINE, (sizeof *nb + size + SC_ARENA_LINE - 1) & ~(SC_ARENA_LINE - 1));
        if (!nb)
            return NULL;
        nb->next = b;
        nb->size = size;
        a->head = nb;
        a->used_bytes += size;
        a->cur = (char *)nb->data;
        a->end = a->cur + size;
    }
    void *p = a->cur;
    a->cur += need;
    return p;
}

void *sc_arena_zalloc(sc_arena *a, size_t n)
{
    void *p = sc_arena_alloc(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *sc_arena_strndup(sc_arena *a, const char *s, size_t n)
{
    char *p = sc_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *sc_arena_strdup(sc_arena *a, const char *s)
{
    return sc_arena_strndup(a, s, strlen(s));
}

char *sc_arena_printf(sc_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = sc_arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

int sc_ptrvec_push(sc_arena *a, sc_ptrvec *v, void *p)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        void **items = sc_arena_alloc(a, cap * sizeof *items);
        if (!items)
            return -1;
        if (v->len)
            memcpy(items, v->items, v->len * sizeof *items);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->len++] = p;
    return 0;
}
