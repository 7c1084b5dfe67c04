/* dsl/diff.h — compares two compiled rulesets into a list of change records (items, norms, agreements, bands, validity); never prints. */
#ifndef SC_DIFF_H
#define SC_DIFF_H

#include <stddef.h>

#include "../base/arena.h"
#include "rules.h"

typedef enum sc_change_kind {
    SC_CHANGE_VALIDITY,          /* valid from / until moved, added or dropped */
    SC_CHANGE_PROMISE_ADDED,
    SC_CHANGE_PROMISE_REMOVED,
    SC_CHANGE_AGREEMENT_ADDED,
    SC_CHANGE_AGREEMENT_REMOVED,
    SC_CHANGE_AGREEMENT_TEXT,
    SC_CHANGE_SERVES,            /* an agreement serves other promises */
    SC_CHANGE_BAND_MOVED,        /* a band of a bandset of the same name starts elsewhere */
    SC_CHANGE_ITEM_ADDED,
    SC_CHANGE_ITEM_REMOVED,
    SC_CHANGE_ITEM_TEXT,
    SC_CHANGE_TIGHTENED,         /* the norm asks more than before */
    SC_CHANGE_RELAXED,           /* the norm asks less than before */
    SC_CHANGE_NORM_CHANGED,      /* the norm differs, neither clearly stricter nor looser */
    SC_CHANGE_NORM_ADDED,
    SC_CHANGE_NORM_REMOVED,
    SC_CHANGE_AMBITION_BECAME_NORM,
    SC_CHANGE_AMBITION,          /* the ambition was added, removed or changed */
    SC_CHANGE_ITEM_MOVED,        /* the item belongs to another agreement, promise or catalogue */
    SC_CHANGE_CATALOGUE_ADDED,   /* a catalogue of the offer (recorded, never judged) */
    SC_CHANGE_CATALOGUE_REMOVED,
    SC_CHANGE_CATALOGUE_TEXT,
    SC_CHANGE_OFFER_ADDED,       /* a field of a catalogue: a question the offer asks, never judged */
    SC_CHANGE_OFFER_REMOVED,
    SC_CHANGE_CAPACITY,          /* what the long form of an answer may add (places, hours) */
    SC_CHANGE_ITEM_SERVES,       /* the promises an item serves itself (item-level serves) */
    SC_CHANGE_AGREEMENT_SOURCE   /* an agreement rests on another source (e.g. by 'restate') */
} sc_change_kind;

/* One change. `field` names what changed ("norm", "text", "serves", "valid from", "from", ...);
 * `old_text` / `new_text` are its values before and after (the rules syntax for conditions),
 * NULL where there is none (an added item has no old value). */
typedef struct sc_change {
    sc_change_kind kind;
    const char *id;        /* item, agreement, promise or catalogue id; "bandset.band" for bands; "ruleset" for validity */
    const char *field;
    const char *old_text;
    const char *new_text;
} sc_change;

typedef struct sc_diff {
    sc_arena arena;        /* the changes and their texts live here */
    size_t nchanges;
    sc_change *changes;    /* validity, promises, agreements, catalogues, bands, then items */
} sc_diff;

/* Compare `old_rules` with `new_rules`. Returns 0, or -1 when out of memory. Free with sc_diff_free. */
int sc_diff_rules(const sc_rules *old_rules, const sc_rules *new_rules, sc_diff *out);
void sc_diff_free(sc_diff *d);

/* The name of a change kind as reports print it: "tightened", "item added", "ambition became norm". */
const char *sc_change_kind_name(sc_change_kind k);

#endif
