/* engine/yaml.h — YAML text to a small tree with line:col on every node, via libyaml's event API, with limits. */
#ifndef SC_YAML_H
#define SC_YAML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/diag.h"
#include "../dsl/describe.h"

typedef enum sc_node_kind { SC_NODE_SCALAR, SC_NODE_MAP, SC_NODE_SEQ } sc_node_kind;

typedef struct sc_node sc_node;
struct sc_node { /* 48 bytes: the 32-bit fields first, then the pointers, no padding between */
    sc_node_kind kind;
    uint32_t line, col;     /* 1-based, of the node's first character */
    /* SCALAR: the text (NUL-terminated copy in the arena) */
    uint32_t len;
    /* MAP: n pairs keys[i] -> values[i]; SEQ: n items values[i] */
    uint32_t n;
    bool plain;             /* unquoted scalar (YAML's null/empty only counts when plain) */
    const char *str;        /* SCALAR */
    sc_node **keys;         /* MAP */
    sc_node **values;       /* MAP and SEQ */
};

/* The options of the profile loader (this YAML loader, sc_profile_load, sc_check_profile and
 * sc_check_profile_in all take them): limits for hostile input, and the language of every message
 * and hint a school reads. Zero fields take the defaults below; a NULL pointer means every default.
 *
 * `lang` is sc_lang, whose zero is SC_LANG_NL: zero-initialised options, and NULL, give Dutch
 * messages, the language of `sopcheck check` by default, so a caller that forgets the language
 * shows a school its own language rather than English. A caller that wants English says so
 * (`.lang = SC_LANG_EN`), and the CLI passes the user's --lang at every call. The English texts are
 * the reference (tests/bad); each Dutch text sits beside its English twin in the code (SC_TR) and
 * takes the same printf arguments. */
typedef struct sc_yaml_limits {
    size_t max_bytes;      /* default 1 MiB */
    uint32_t max_depth;    /* default 16 */
    uint32_t max_nodes;    /* default 100000 */
    uint32_t max_scalar;   /* default 64 KiB per scalar */
    sc_lang lang;          /* the messages' language: SC_LANG_NL (zero, the default) or SC_LANG_EN */
} sc_yaml_limits;

/* The language of a loader's messages: limits->lang, Dutch when limits is NULL. */
#define SC_YAML_LANG(limits) ((limits) ? (limits)->lang : SC_LANG_NL)

/* One message in two languages, side by side: the Dutch text when `lang` is SC_LANG_NL, else the
 * English one. With printf formats both texts take the same arguments in the same order (the
 * compiler checks both against them). */
#define SC_TR(lang, nl, en) ((lang) == SC_LANG_NL ? (nl) : (en))

#define SC_YAML_DEFAULT_MAX_BYTES ((size_t)1 << 20)
#define SC_YAML_DEFAULT_MAX_DEPTH 16u
#define SC_YAML_DEFAULT_MAX_NODES 100000u
#define SC_YAML_DEFAULT_MAX_SCALAR 65536u

/* Parse one YAML document from text into a tree allocated in `arena`.
 * Refused with an error at the right line:col, in limits->lang (Dutch by default): syntax errors
 * (libyaml's problem and mark; in Dutch the common problems in words, the rest as libyaml says them),
 * anchors and aliases, tags, a second document, duplicate keys in a mapping, non-scalar keys,
 * NUL bytes and invalid UTF-8, input over the limits. An empty document gives *root = NULL
 * and no error (the caller decides what empty means).
 * Returns 0 when a tree was built, -1 after reporting at least one error to `diags`. */
int sc_yaml_load(sc_arena *arena, const char *path, const char *text, size_t len,
                 const sc_yaml_limits *limits, sc_diag_sink *diags, sc_node **root);

/* A plain scalar that YAML reads as null: empty, "~", "null", "Null", "NULL". */
bool sc_node_is_null(const sc_node *n);
/* Value for key in a MAP, or NULL. */
const sc_node *sc_node_get(const sc_node *map, const char *key);

#endif
