/* dsl/rules_index.h — the compiled rules' lookup tables (id hash slots, the dense per-item arrays, member keys): the library's own, included by the code that builds or probes them, never by the public header. */
#ifndef SC_RULES_INDEX_H
#define SC_RULES_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "rules.h"

/* A member's name for matching: its length and first eight bytes (zero-padded) side by side, 16 bytes,
 * so that most names are told apart without reading their text. */
typedef struct sc_member_key {
    uint64_t head;      /* the first eight bytes of the name, zero-padded */
    uint32_t len;       /* its length */
    uint32_t off;       /* its text: member_text + off */
} sc_member_key;

/* An item as the binder sees it: 16 bytes. */
enum { SC_HOT_SCHOOL = 1 };
typedef struct sc_item_hot {
    uint8_t kind;       /* sc_type_kind */
    uint8_t flags;      /* SC_HOT_SCHOOL: the id starts with "school." (answered under 'school:') */
    uint16_t unused;
    uint32_t scale;     /* type.scale */
    uint32_t id_off;    /* the id in id_text (ids lie there in item order) */
    uint32_t id_len;
} sc_item_hot;

/* An item as the evaluator sees it: 32 bytes. */
typedef struct sc_item_judge {
    const struct sc_pred *when, *norm, *ambition;
    uint32_t bands;     /* type.bands */
    uint32_t field;     /* role is SC_ROLE_FIELD */
} sc_item_judge;

/* One id in the lookup: an item's id, or a group an item id lies in ("aanbod" for "aanbod.dyslexie",
 * "school" for "school.brin"), so that a key of a profile costs one probe whether it names an item,
 * a group or nothing. 16 bytes: a probe reads one slot, and the text only when the hash matches. */
typedef struct sc_id_slot {
    uint32_t hash;      /* sc_hash_id of the id */
    uint32_t item;      /* the item with this id, or SC_NONE when it names a group only */
    uint32_t off;       /* the id's text: id_text + off (a group's is the start of an item's id) */
    unsigned len : 31;  /* its length; 0 marks an empty slot */
    unsigned group : 1; /* some item's id continues it with a dot */
} sc_id_slot;

/* The hash used for id lookups (FNV-1a). */
uint32_t sc_hash_id(const char *s, size_t n);

/* Build the lookup of ids and groups (sc_rules.ids) and the dense per-item arrays (hot, judge, required)
 * in the rules' arena: the compiler's last step. Returns 0, or -1 when out of memory. */
int sc_rules_index(sc_rules *r);
/* The slot of an id or group (text with explicit length), NULL when it names neither. */
const sc_id_slot *sc_rules_find_id(const sc_rules *r, const char *id, size_t len);

#endif
