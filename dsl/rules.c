/* dsl/rules.c — read-only queries on a compiled ruleset: lookups by id, band classification, validity. */
#include "rules.h"
#include "rules_index.h"
#include "base/text.h"

#include <string.h>

/* Eight bytes at a time: a multiply per word, not per byte (the binder hashes a dotted id of
 * 20-40 bytes for every key of a profile). Each word is mixed in with a multiply and a
 * shift; the last eight bytes are read as one more word (overlapping), and the length is folded in so
 * that ids differing only in trailing NULs cannot meet. The value depends on the byte order,
 * which is fine: it is only ever compared within one process (dsl/sema.c and sc_rules_index build
 * the indexes with it, sc_rules_find_id looks up with it). */
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

/* The slot for (hash, text): the one holding that id, else the empty one where it would go. */
static sc_id_slot *sc_id_slot_for(sc_id_slot *slots, uint32_t mask, const char *text, uint32_t hash, const char *id,
                                  size_t len)
{
    for (uint32_t k = hash & mask;; k = (k + 1) & mask) {
        sc_id_slot *s = &slots[k];
        if (!s->len || (s->hash == hash && s->len == len && memcmp(text + s->off, id, len) == 0))
            return s;
    }
}

/* The first eight bytes of a name (fewer when it is shorter), zero-padded, as one word: two names of
 * the same length up to eight bytes have the same word only when they are the same name, in either
 * byte order (the bytes are copied, not shifted). */
static uint64_t sc_name_head(const char *name, size_t len)
{
    uint64_t w = 0;
    memcpy(&w, name, len < 8 ? len : 8);
    return w;
}

/* The binder's table of member names (sc_rules.member_keys). */
static int sc_index_members(sc_rules *r)
{
    size_t nkeys = 0, text_len = 0;
    for (uint32_t k = 0; k < r->nscales; k++)
        for (uint32_t m = 0; m < r->scales[k].nmembers; m++, nkeys++)
            text_len += strlen(r->scales[k].members[m].name) + 1;
    if (nkeys >= UINT32_MAX || text_len >= UINT32_MAX)
        return -1;
    uint32_t *at = sc_arena_alloc(&r->arena, (r->nscales + 1) * sizeof *at);
    sc_member_key *keys = sc_arena_alloc(&r->arena, (nkeys ? nkeys : 1) * sizeof *keys);
    char *text = sc_arena_alloc(&r->arena, text_len ? text_len : 1);
    if (!at || !keys || !text)
        return -1;
    uint32_t n = 0, off = 0;
    for (uint32_t k = 0; k < r->nscales; k++) {
        at[k] = n;
        for (uint32_t m = 0; m < r->scales[k].nmembers; m++, n++) {
            const char *name = r->scales[k].members[m].name;
            size_t len = strlen(name);
            memcpy(text + off, name, len + 1);
            keys[n].head = sc_name_head(name, len);
            keys[n].len = (uint32_t)len;
            keys[n].off = off;
            off += (uint32_t)len + 1;
        }
    }
    at[r->nscales] = n;
    r->member_at = at;
    r->member_keys = keys;
    r->member_text = text;
    return 0;
}

uint32_t sc_rules_find_member(const sc_rules *r, uint32_t scale, const char *name, size_t len)
{
    const sc_member_key *keys = r->member_keys + r->member_at[scale];
    uint32_t n = r->member_at[scale + 1] - r->member_at[scale];
    uint64_t head = sc_name_head(name, len);
    for (uint32_t m = 0; m < n; m++)
        if (keys[m].head == head && keys[m].len == len &&
            (len <= 8 || memcmp(r->member_text + keys[m].off + 8, name + 8, len - 8) == 0))
            return m;
    return SC_NONE;
}

uint32_t sc_rules_find_member_word(const sc_rules *r, uint32_t scale, const char *word, size_t len)
{
    uint32_t m = sc_rules_find_member(r, scale, word, len);
    if (m != SC_NONE)
        return m;
    char want[256], have[256];
    size_t wn = sc_word_fold(word, len, want, sizeof want);
    if (wn == (size_t)-1 || wn == 0)
        return SC_NONE;
    const sc_scale *sc = &r->scales[scale];
    for (m = 0; m < sc->nmembers; m++) {
        const sc_member *mb = &sc->members[m];
        if (sc_word_fold(mb->name, strlen(mb->name), have, sizeof have) == wn && memcmp(have, want, wn) == 0)
            return m;
        if (mb->label && sc_word_fold(mb->label, strlen(mb->label), have, sizeof have) == wn && memcmp(have, want, wn) == 0)
            return m;
    }
    return SC_NONE;
}

int sc_rules_index(sc_rules *r)
{
    size_t nkeys = 0, text_len = 0;
    for (uint32_t i = 0; i < r->nitems; i++) {
        const char *id = r->items[i].id;
        size_t n = strlen(id);
        if (n >= (size_t)1 << 31 || text_len + n + 1 > UINT32_MAX)
            return -1; /* cannot be held in a slot; no rules file comes near */
        text_len += n + 1;
        nkeys++;
        for (size_t k = 0; k < n; k++)
            nkeys += id[k] == '.';
    }
    size_t size = 16;
    while (size < nkeys * 2)
        size *= 2;
    size_t nslots = r->nitems ? r->nitems : 1;
    sc_id_slot *slots = sc_arena_zalloc(&r->arena, size * sizeof *slots);
    char *text = sc_arena_alloc(&r->arena, text_len ? text_len : 1);
    sc_item_hot *hot = sc_arena_zalloc(&r->arena, nslots * sizeof *hot);
    if (!slots || !text || !hot)
        return -1;
    uint32_t mask = (uint32_t)size - 1, off = 0;
    bool nested = false;
    for (uint32_t i = 0; i < r->nitems; i++) {
        const char *id = r->items[i].id;
        size_t n = strlen(id);
        memcpy(text + off, id, n + 1);
        hot[i].id_off = off;
        hot[i].id_len = (uint32_t)n;
        for (size_t k = 0; k <= n; k++) {
            if (k < n && id[k] != '.')
                continue;
            uint32_t h = sc_hash_id(id, k);
            sc_id_slot *s = sc_id_slot_for(slots, mask, text, h, id, k);
            if (!s->len) {
                s->hash = h;
                s->item = SC_NONE;
                s->off = off;
                s->len = (unsigned)k;
            }
            if (k == n)
                s->item = i;
            else
                s->group = 1;
            nested = nested || (s->item != SC_NONE && s->group);
        }
        off += (uint32_t)n + 1;
    }
    r->ids = slots;
    r->id_text = text;
    r->id_mask = mask;
    r->ids_nested = nested;

    sc_item_judge *judge = sc_arena_zalloc(&r->arena, nslots * sizeof *judge);
    uint32_t *required = sc_arena_alloc(&r->arena, nslots * sizeof *required);
    if (!judge || !required)
        return -1;
    uint32_t nrequired = 0;
    for (uint32_t i = 0; i < r->nitems; i++) {
        const sc_item *it = &r->items[i];
        hot[i].kind = (uint8_t)it->type.kind;
        hot[i].flags = strncmp(it->id, "school.", 7) == 0 ? SC_HOT_SCHOOL : 0;
        hot[i].scale = it->type.scale;
        judge[i].when = it->when;
        judge[i].norm = it->norm;
        judge[i].ambition = it->ambition;
        judge[i].bands = it->type.bands;
        judge[i].field = it->role == SC_ROLE_FIELD;
        if (it->required)
            required[nrequired++] = i;
    }
    r->hot = hot;
    r->judge = judge;
    r->nrequired = nrequired;
    r->required = required;
    return sc_index_members(r);
}

const sc_id_slot *sc_rules_find_id(const sc_rules *r, const char *id, size_t len)
{
    if (!r->ids || len == 0 || len >= (size_t)1 << 31)
        return NULL;
    uint32_t h = sc_hash_id(id, len);
    for (uint32_t k = h & r->id_mask;; k = (k + 1) & r->id_mask) {
        const sc_id_slot *s = &r->ids[k];
        if (!s->len)
            return NULL;
        if (s->hash == h && s->len == len && sc_bytes_equal(r->id_text + s->off, id, len))
            return s;
    }
}

uint32_t sc_rules_find_item(const sc_rules *r, const char *id, size_t len)
{
    const sc_id_slot *s = sc_rules_find_id(r, id, len);
    return s ? s->item : SC_NONE;
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

uint32_t sc_rules_find_catalogue(const sc_rules *r, const char *id)
{
    for (uint32_t i = 0; i < r->ncatalogues; i++)
        if (strcmp(r->catalogues[i].id, id) == 0)
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
