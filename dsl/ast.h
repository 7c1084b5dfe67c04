/* dsl/ast.h — the syntax tree of one rules file, as the parser builds it: every node located, nothing resolved yet. */
#ifndef SC_AST_H
#define SC_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/diag.h"
#include "../base/text.h"

typedef struct ast_loc {
    uint32_t line, col;
} ast_loc;

typedef struct ast_name {
    const char *name;
    ast_loc loc;
} ast_name;

typedef struct ast_member {
    const char *name;
    const char *label;
    ast_loc loc;
} ast_member;

typedef struct ast_scale {
    const char *name, *label;
    ast_loc loc;
    char sep;            /* '>' best first, '<' worst first, ',' unordered, 0 for a single member */
    bool mixed_seps;     /* more than one kind of separator was used */
    ast_loc mixed_loc;
    sc_ptrvec members;   /* ast_member* */
} ast_scale;

typedef struct ast_band {
    const char *name, *label;
    ast_loc loc;
    bool has_from, has_below;
    double from, below;
    ast_loc from_loc, below_loc;
} ast_band;

typedef struct ast_bandset {
    const char *name;
    ast_loc loc;
    double min, max;
    ast_loc range_loc;
    sc_ptrvec bands;     /* ast_band* */
} ast_bandset;

typedef enum ast_type_kind {
    AST_TYPE_YESNO, AST_TYPE_NUMBER, AST_TYPE_PERCENT, AST_TYPE_DATE, AST_TYPE_TEXT,
    AST_TYPE_NAMED,      /* a scale */
    AST_TYPE_SET_OF      /* set of a scale */
} ast_type_kind;

typedef struct ast_type {
    ast_type_kind kind;
    ast_loc loc;
    ast_name scale;      /* NAMED, SET_OF */
    bool has_range;
    double min, max;
    ast_loc range_loc;
    ast_name bands;      /* NUMBER/PERCENT `in BANDS`; name NULL when none */
} ast_type;

typedef enum ast_pred_kind {
    AST_AND, AST_OR, AST_NOT, AST_AT_LEAST_OF,
    AST_IS_YES, AST_IS_NO,
    AST_IS_NAME,         /* is X: a scale member or a band */
    AST_IS_NUMBER,
    AST_IS_ONE_OF,
    AST_AT,              /* at X: ordered scale member X or better */
    AST_OR_BETTER,       /* X or better: scale member or band */
    AST_NUM_CMP,
    AST_CONTAINS, AST_CONTAINS_N,
    AST_WITHIN,
    AST_DATE_BEFORE, AST_DATE_AFTER,
    AST_ANSWERED
} ast_pred_kind;

typedef enum ast_cmp { AST_GE, AST_GT, AST_LE, AST_LT } ast_cmp;
typedef enum ast_unit { AST_DAYS, AST_MONTHS, AST_YEARS } ast_unit;

typedef struct ast_pred ast_pred;
struct ast_pred {
    ast_pred_kind kind;
    ast_loc loc;
    ast_name subject;    /* name NULL: the item itself */
    ast_cmp cmp;
    ast_unit unit;
    double number;       /* NUM_CMP, IS_NUMBER, WITHIN amount, COUNT */
    ast_loc number_loc;
    sc_date date;
    sc_ptrvec names;     /* ast_name*: members or bands */
    sc_ptrvec kids;      /* ast_pred*: AND/OR (n-ary), NOT (1), AT_LEAST_OF */
    uint32_t depth;      /* nesting depth of the subtree */
};

typedef enum ast_attr_kind { AST_ATTR_NORM, AST_ATTR_AMBITION, AST_ATTR_WHEN } ast_attr_kind;

typedef struct ast_text {
    const char *text;
    ast_loc loc;
} ast_text;

typedef struct ast_item {
    bool is_field;
    const char *id;
    ast_loc loc;         /* of the `item`/`field` keyword */
    ast_loc id_loc;
    ast_type type;
    const char *text;
    ast_pred *norm, *ambition, *when;
    ast_loc norm_loc, ambition_loc, when_loc;
    ast_text note, help, source;
    bool required;
    sc_ptrvec serves;    /* ast_name*: promises this item serves beside its agreement's (item-level `serves`) */
    ast_loc serves_loc;
    unsigned capacity;   /* AST_CAPACITY_* bits: the long form of the answer may give places, hours */
    ast_loc capacity_loc;
} ast_item;

/* What `capacity` may name: places (a whole number) and hours a week. */
enum { AST_CAPACITY_PLACES = 1u, AST_CAPACITY_HOURS = 2u };

typedef struct ast_promise {
    const char *id;
    ast_loc loc;
    const char *text;
    ast_text source;
    sc_ptrvec items;     /* ast_item* */
} ast_promise;

/* An agreement, or a catalogue (`catalogue C1 "..."`): a group of recorded fields that is never
 * judged, the SWV's list of ondersteuningsaanbod. Both have a title, a source and items. */
typedef struct ast_agreement {
    bool is_catalogue;
    const char *id;
    ast_loc loc;
    const char *text;
    ast_text title, source;
    sc_ptrvec serves;    /* ast_name* */
    ast_loc serves_loc;
    sc_ptrvec items;
} ast_agreement;

typedef struct ast_extend {
    ast_name agreement;
    ast_loc loc;
    sc_ptrvec items;
    /* 'restate A14 "text"': the agreement's text said anew, with its own 'title'/'source' lines */
    bool restate;
    const char *text;
    ast_text title, source;
} ast_extend;

typedef struct ast_tighten {
    ast_name item;
    ast_loc loc;
    ast_pred *norm;
    ast_loc norm_loc;
} ast_tighten;

/* A top-level declaration, in file order. Includes keep their place so that the included
 * declarations count as written where the include stands. */
typedef enum ast_decl_kind {
    AST_DECL_INCLUDE, AST_DECL_SCALE, AST_DECL_BANDS, AST_DECL_PROMISE, AST_DECL_AGREEMENT,
    AST_DECL_FIELD, AST_DECL_EXTEND, AST_DECL_TIGHTEN, AST_DECL_CATALOGUE
} ast_decl_kind;

typedef struct ast_decl {
    ast_decl_kind kind;
    ast_loc loc;
    union {
        ast_text include;
        ast_scale *scale;
        ast_bandset *bands;
        ast_promise *promise;
        ast_agreement *agreement;   /* AGREEMENT and CATALOGUE */
        ast_item *field;
        ast_extend *extend;
        ast_tighten *tighten;
    } u;
} ast_decl;

typedef struct ast_file {
    const char *path;
    const char *text;
    size_t text_len;
    ast_text ruleset, version, source;
    bool has_valid_from, has_valid_until;
    sc_date valid_from, valid_until;
    ast_loc valid_loc;
    sc_ptrvec decls;     /* ast_decl* */
} ast_file;

/* Parse one rules text into an ast_file in `arena`. Syntax errors go to `diags`.
 * Returns the file (possibly partial) or NULL when the text could not be read at all. */
typedef struct sc_parse_limits {
    unsigned max_nesting;
} sc_parse_limits;

ast_file *sc_parse_rules(sc_arena *arena, const char *path, const char *text, size_t len,
                         const sc_parse_limits *limits, sc_diag_sink *diags);

/* A comment, from its '#' to the end of its line (trailing blanks dropped). */
typedef struct ast_comment {
    ast_loc loc;
    const char *text;
} ast_comment;

/* The same, and every comment of the text appended to `comments` (ast_comment*, in file order):
 * for tools that rewrite the text (sopcheck fmt). */
ast_file *sc_parse_rules_keep_comments(sc_arena *arena, const char *path, const char *text, size_t len,
                                       const sc_parse_limits *limits, sc_diag_sink *diags, sc_ptrvec *comments);

#endif
