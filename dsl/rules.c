/* dsl/rules.c — read-only queries on a compiled ruleset: lookups by id, band classification, validity. */
#include "rules.h"

#include <string.h>

/* Eight bytes at a time: a multiply per word, not per byte (the binder hashes a dotted id of
 * 20-40 bytes for every key of a profile). Each word is mixed in with a multiply and a
 * shift; the last eight bytes are read as one more word (overlapping), and the length is folded in so
 * that ids differing only in trailing NULs cannot meet. The value depends on the byte order,
 * which is fine: it is only ever compared within one process (dsl/sema.c builds the index
 * with it, sc_rules_find_item looks up with it). */
uint32_t sc_hash_id(const char *s, size_t n)
{
    const uint64_t k = 0x9e3779b97f4a7c15ull;
    uint64_t h = (uint64_t)n * k, w = 0;
    if (n >= 8) {
        const char *last = s + n - 8;
        for (; s < last; s += 8) {
            memcpy(&w, s, 8);
            h = (h ^ w) * k;
            h ^= h >> 29;
        }
        memcpy(&w, last, 8); /* the last eight bytes, overlapping the word before when n is no multiple of 8 */
    } else {
        for (size_t i = 0; i < n; i++)
            w |= (uint64_t)(unsigned char)s[i] << (8 * i);
    }
    h = (h ^ w) * k;
    h ^= h >> 32;
    return (uint32_t)h;
}

uint32_t sc_rules_find_item(const sc_rules *r, const char *id, size_t len)
{
    if (!r->index)
        return SC_NONE;
    uint32_t h = sc_hash_id(id, len) & r->index_mask;
    for (;;) {
        uint32_t k = r->index[h];
        if (k == SC_NONE)
            return SC_NONE;
        const char *cand = r->items[k].id;
        if (cand[0] == id[0] && strncmp(cand, id, len) == 0 && cand[len] == '\0')
            return k;
        h = (h + 1) & r->index_mask;
    }
}

uint32_t sc_rules_find_agreement(const sc_rules *r, const char *id)
{
    for (uint32_t i = 0; i < r->nagreements; i++)
        if (strcmp(r->agreements[i].id, id) == 0)
            return i;
    return SC_NONE;
}

uint32_t sc_rules_find_promise(const sc_rules *r, const char *id)
{
    for (uint32_t i = 0; i < r->npromises; i++)
        if (strcmp(r->promises[i].id, id) == 0)
            return i;
    return SC_NONE;
}

uint32_t sc_scale_find_member(const sc_scale *s, const char *name, size_t len)
{
    for (uint32_t i = 0; i < s->nmembers; i++)
        if (s->members[i].name[0] == name[0] && strncmp(s->members[i].name, name, len) == 0 &&
            s->members[i].name[len] == '\0')
            return i;
    return SC_NONE;
}

uint32_t sc_bandset_classify(const sc_bandset *b, double v)
{
    uint32_t k = 0;
    while (k + 1 < b->nbands && v >= b->bands[k + 1].lo)
        k++;
    return k;
}

bool sc_rules_in_force(const sc_rules *r, sc_date d)
{
    if (r->has_valid_from && d < r->valid_from)
        return false;
    if (r->has_valid_until && d > r->valid_until)
        return false;
    return true;
}

void sc_rules_free(sc_rules *r)
{
    if (!r)
        return;
    sc_arena a = r->arena; /* r itself lives in its arena */
    sc_arena_free(&a);
}
