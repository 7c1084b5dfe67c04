/* dsl/rules.h — the compiled rules program: what the compiler produces and the engine reads, never changed after compilation. */
#ifndef SC_RULES_H
#define SC_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/text.h"

#define SC_NONE UINT32_MAX

/* A place in a rules file: index into sc_rules.files, 1-based line and column. */
typedef struct sc_srcpos {
    uint32_t file, line, col;
} sc_srcpos;

/* One source file of the ruleset (the main file first, then its includes in the order met). */
typedef struct sc_rules_file {
    const char *path;      /* as named (main file) or resolved (includes) */
    const char *ruleset;   /* the `ruleset` name declared in that file */
    const char *version;   /* its `version` */
    uint32_t included_by;  /* file index, SC_NONE for the main file */
} sc_rules_file;

/* A scale: named members. Ordered scales are stored best first (rank 0 is best);
 * unordered scales ("choices", written with commas) only support equality and sets. */
typedef struct sc_member {
    const char *name;   /* identifier used in rules and profiles */
    const char *label;  /* Dutch display text, or NULL: use name */
} sc_member;

typedef struct sc_scale {
    const char *name;
    const char *label;
    sc_srcpos pos;
    bool ordered;
    uint32_t nmembers;
    const sc_member *members;
} sc_scale;

/* Bands: named categories over a number range, stored from low to high; a higher band is better.
 * Band k covers [lo, next band's lo); the first starts at the range minimum, the last ends at the maximum
 * (inclusive). The compiler guarantees bands neither overlap nor leave a gap. */
typedef struct sc_band {
    const char *name;
    const char *label;
    double lo;
} sc_band;

/* The most bands a set of bands may have (the compiler refuses more): the reports count answers per band. */
#define SC_MAX_BANDS 64

typedef struct sc_bandset {
    const char *name;
    sc_srcpos pos;
    double min, max;
    uint32_t nbands;
    const sc_band *bands;
} sc_bandset;

typedef enum sc_type_kind {
    SC_TYPE_YESNO,
    SC_TYPE_NUMBER,   /* whole number within [min, max] */
    SC_TYPE_PERCENT,  /* number 0..100, decimals allowed */
    SC_TYPE_DATE,
    SC_TYPE_TEXT,
    SC_TYPE_SCALE,    /* one member of scale `ref` */
    SC_TYPE_SET       /* a set of members of scale `ref` */
} sc_type_kind;

typedef struct sc_type {
    sc_type_kind kind;
    uint32_t scale;  /* for SCALE and SET; SC_NONE otherwise */
    uint32_t bands;  /* for NUMBER and PERCENT with bands; SC_NONE otherwise */
    double min, max; /* for NUMBER and PERCENT */
} sc_type;

/* Predicates: the compiled form of norms, ambitions and conditions. Each tests a subject
 * (an item's answer) and yields true, false or unknown (the subject is unanswered). */
typedef enum sc_pred_kind {
    SC_PRED_AND, SC_PRED_OR, SC_PRED_NOT,
    SC_PRED_AT_LEAST_OF,  /* at least `count` of kids hold */
    SC_PRED_ANSWERED,     /* subject has an answer */
    SC_PRED_IS_YES, SC_PRED_IS_NO,
    SC_PRED_IS_MEMBER,    /* scale value equals one of members[] */
    SC_PRED_RANK_AT_LEAST,/* ordered scale value is members[0] or better */
    SC_PRED_BAND_AT_LEAST,/* banded number falls in band `band` or a higher one */
    SC_PRED_BAND_IS,      /* banded number falls in band `band` */
    SC_PRED_NUM_CMP,      /* number compared with `number` using `cmp` */
    SC_PRED_CONTAINS,     /* set contains every one of members[] */
    SC_PRED_CONTAINS_N,   /* set contains at least `count` of members[] */
    SC_PRED_DATE_WITHIN,  /* date lies in [peildatum - amount unit, peildatum] */
    SC_PRED_DATE_CMP      /* date compared with `date` using `cmp` */
} sc_pred_kind;

typedef enum sc_cmp { SC_CMP_GE, SC_CMP_GT, SC_CMP_LE, SC_CMP_LT, SC_CMP_EQ } sc_cmp;
typedef enum sc_unit { SC_UNIT_DAYS, SC_UNIT_MONTHS, SC_UNIT_YEARS } sc_unit;

typedef struct sc_pred sc_pred;
struct sc_pred {
    sc_pred_kind kind;
    sc_srcpos pos;
    uint32_t subject;     /* item index; SC_NONE for AND/OR/NOT/AT_LEAST_OF */
    uint32_t layer;       /* file index of the text this predicate was written in */
    sc_cmp cmp;
    sc_unit unit;
    uint32_t count;       /* AT_LEAST_OF, CONTAINS_N; also the amount for DATE_WITHIN */
    uint32_t band;        /* BAND_AT_LEAST, BAND_IS */
    double number;        /* NUM_CMP */
    sc_date date;         /* DATE_CMP */
    uint32_t nmembers;
    const uint32_t *members;  /* member indices of the subject's scale */
    uint32_t nkids;
    const sc_pred *const *kids;
};

typedef enum sc_item_role {
    SC_ROLE_ITEM,   /* judged: has a norm and/or an ambition */
    SC_ROLE_FIELD   /* recorded and validated, not judged (used in conditions and reports); the entries of
                       a catalogue are fields */
} sc_item_role;

/* What the long form of an answer may give beside the answer itself (`capacity` in the rules). */
enum { SC_CAPACITY_PLACES = 1u, SC_CAPACITY_HOURS = 2u };

/* A tightening of an item's norm by a file that includes the item's file. */
typedef struct sc_tightening {
    const sc_pred *norm;  /* the extra condition; the effective norm is the original AND all of these */
    sc_srcpos pos;
} sc_tightening;

/* An item: one question of the profile. Ids are dotted ("aanbod.dyscalculie"); ids that start
 * with "school." are answered in the profile's `school:` header, all others under `antwoorden:`. */
typedef struct sc_item {
    const char *id;
    sc_item_role role;
    sc_type type;
    const char *text;      /* the question / statement, in Dutch */
    const char *note;      /* optional */
    const char *help;      /* optional */
    const char *source;    /* where it stands in the source document, optional */
    bool required;         /* an answer must be present even for fields (e.g. school.peildatum) */
    sc_srcpos pos;         /* where it is declared; pos.file is the layer it came from */
    uint32_t agreement;    /* owning agreement index, or SC_NONE */
    uint32_t promise;      /* owning promise index (a promise's own requirement), or SC_NONE */
    uint32_t catalogue;    /* owning catalogue index (a recorded offer), or SC_NONE */
    unsigned capacity;     /* SC_CAPACITY_* bits: what the answer's long form may add */
    uint32_t npromises;
    const uint32_t *promises; /* promises this item serves beside those of its agreement (item-level `serves`) */
    const sc_pred *when;   /* condition for applicability, or NULL */
    const sc_pred *norm;   /* effective norm (tightenings included), or NULL */
    const sc_pred *ambition;
    uint32_t ntightenings;
    const sc_tightening *tightenings;
} sc_item;

typedef struct sc_agreement {
    const char *id;         /* e.g. "A13" */
    const char *title;      /* short Dutch title, optional */
    const char *text;       /* the agreement as the SWV wrote it */
    const char *source;     /* where it stands in the source document */
    sc_srcpos pos;
    bool restated;          /* a later file said text/title/source anew with 'restate' */
    sc_srcpos restated_pos; /* where, when restated */
    uint32_t npromises;
    const uint32_t *promises;  /* the promises it serves */
    uint32_t nitems;
    const uint32_t *items;     /* its items, in declaration order */
} sc_agreement;

/* A catalogue: the SWV's list of ondersteuningsaanbod (extra support, expertise, facilities, partners):
 * fields that a school answers and reports show, never judged. */
typedef struct sc_catalogue {
    const char *id;         /* e.g. "C1" */
    const char *title;      /* short Dutch title, optional */
    const char *text;       /* what the catalogue asks, in Dutch */
    const char *source;
    sc_srcpos pos;
    uint32_t nitems;
    const uint32_t *items;  /* its fields, in declaration order (extensions after) */
} sc_catalogue;

typedef struct sc_promise {
    const char *id;      /* e.g. "P1" */
    const char *text;
    const char *source;
    sc_srcpos pos;
    uint32_t nagreements;
    const uint32_t *agreements;  /* agreements serving it (derived from `serves`) */
    uint32_t nitems;
    const uint32_t *items;       /* the promise's own requirements, e.g. the inspection judgement */
    uint32_t nserving;
    const uint32_t *serving;     /* items of agreements that serve it on their own (item-level `serves`) */
} sc_promise;

typedef struct sc_rules {
    sc_arena arena;          /* everything below lives here */
    const char *name;
    const char *version;
    const char *source;      /* the source document, optional */
    bool has_valid_from, has_valid_until;
    sc_date valid_from, valid_until;

    uint32_t nfiles;
    const sc_rules_file *files;
    uint32_t nscales;
    const sc_scale *scales;
    uint32_t nbandsets;
    const sc_bandset *bandsets;
    uint32_t npromises;
    const sc_promise *promises;
    uint32_t nagreements;
    const sc_agreement *agreements;
    uint32_t ncatalogues;
    const sc_catalogue *catalogues;
    uint32_t nitems;
    const sc_item *items;    /* declaration order: school fields first, then as written */
    uint32_t peildatum;      /* index of the built-in school.peildatum (always there: a required date) */

    /* The lookup the engine uses (sc_rules_find_id), built after the semantic pass by sc_rules_index
     * (their layouts are the library's own, in dsl/rules_index.h): open addressing, size a power of two (id_mask + 1), the ids' text packed together in id_text. */
    uint32_t id_mask;
    const struct sc_id_slot *ids;
    const char *id_text;
    bool ids_nested;         /* some id is an item's and also a group's (only ids the compiler lets pass
                                unchecked for their length can be) */
    /* What binding and judging read of every item, in small dense arrays indexed like items (the
     * sc_item itself only for messages, number ranges and reports), and the required items in order. */
    const struct sc_item_hot *hot;
    const struct sc_item_judge *judge;
    uint32_t nrequired;
    const uint32_t *required;
    /* The members' names as the binder matches them: scale k's in member_keys[member_at[k] ..
     * member_at[k + 1]), in member order, their text packed in member_text. */
    const uint32_t *member_at;
    const struct sc_member_key *member_keys;
    const char *member_text;
} sc_rules;

/* Item index by id (nul-terminated or with explicit length), SC_NONE when absent. */
uint32_t sc_rules_find_item(const sc_rules *r, const char *id, size_t len);
uint32_t sc_rules_find_agreement(const sc_rules *r, const char *id);
uint32_t sc_rules_find_promise(const sc_rules *r, const char *id);
uint32_t sc_rules_find_catalogue(const sc_rules *r, const char *id);
uint32_t sc_scale_find_member(const sc_scale *s, const char *name, size_t len);
/* The same for scale index `scale` of r, through r->member_keys. */
uint32_t sc_rules_find_member(const sc_rules *r, uint32_t scale, const char *name, size_t len);
/* The member a school means by `word`: its name exactly (sc_rules_find_member), or else its name or its
 * label compared as sc_word_fold folds them ("Op schoolniveau", "SCHOOL", "zeer zwak"). The compiler
 * refuses a scale where two members fold alike, so the answer is unambiguous. SC_NONE when none. */
uint32_t sc_rules_find_member_word(const sc_rules *r, uint32_t scale, const char *word, size_t len);
/* The band a number falls in. */
uint32_t sc_bandset_classify(const sc_bandset *b, double v);
/* Does the ruleset apply on this date? */
bool sc_rules_in_force(const sc_rules *r, sc_date d);

void sc_rules_free(sc_rules *r);

#endif
