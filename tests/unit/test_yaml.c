/* tests/unit/test_yaml.c — the YAML loader: tree shape and positions, and every refusal at its exact line:col. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "engine/yaml.h"

#include "test_util.h"

Suite *suite_yaml(void);

/* One load: the diagnostics it produced and the tree, all freed by yaml_run_done. */
typedef struct yaml_run {
    sc_arena arena;
    sc_test_diags diags;
    sc_node *root;
    int rc;
} yaml_run;

/* The messages these tests read are the English ones (Dutch is the default; tests/bad-nl reads those). */
static const sc_yaml_limits english = {.lang = SC_LANG_EN};

/* NULL limits: the defaults, in English. */
static yaml_run *yaml_run_bytes(const char *text, size_t len, const sc_yaml_limits *limits)
{
    yaml_run *r = calloc(1, sizeof *r);
    ck_assert_ptr_nonnull(r);
    sc_arena_init(&r->arena, 0);
    sc_test_diags_init(&r->diags);
    r->root = (sc_node *)1; /* must be overwritten */
    r->rc = sc_yaml_load(&r->arena, "school.yaml", text, len, limits ? limits : &english, &r->diags.sink, &r->root);
    return r;
}

static yaml_run *yaml_run_text(const char *text)
{
    return yaml_run_bytes(text, strlen(text), NULL);
}

static void yaml_run_done(yaml_run *r)
{
    sc_arena_free(&r->arena);
    free(r);
}

/* The load was refused with its first error at line:col, and the message holds `fragment`. */
static void assert_refused_at(const char *text, size_t len, const sc_yaml_limits *limits, unsigned line,
                              unsigned col, const char *fragment)
{
    yaml_run *r = yaml_run_bytes(text, len, limits);
    ck_assert_int_eq(r->rc, -1);
    ck_assert_ptr_null(r->root);
    ck_assert_uint_ge(r->diags.sink.errors, 1);
    sc_test_assert_first_at(&r->diags, line, col, fragment);
    yaml_run_done(r);
}

#define REFUSED(text, line, col, fragment) assert_refused_at((text), strlen(text), NULL, (line), (col), (fragment))

static void assert_scalar(const sc_node *n, const char *str, unsigned line, unsigned col)
{
    ck_assert_ptr_nonnull(n);
    ck_assert_int_eq(n->kind, SC_NODE_SCALAR);
    ck_assert_str_eq(n->str, str);
    ck_assert_uint_eq(n->len, strlen(str));
    ck_assert_uint_eq(n->line, line);
    ck_assert_uint_eq(n->col, col);
}

/* --- the tree ------------------------------------------------------------------------ */

START_TEST(test_tree_shape_and_positions)
{
    yaml_run *r = yaml_run_text("profiel: 1\n"
                                "school:\n"
                                "  naam: \"De Regenboog\"\n"
                                "antwoorden:\n"
                                "  betrokkenen: [leerkracht, ib]\n"
                                "  lijst:\n"
                                "    - a\n"
                                "    - 'b'\n");
    ck_assert_int_eq(r->rc, 0);
    ck_assert_uint_eq(r->diags.sink.errors, 0);
    const sc_node *root = r->root;
    ck_assert_ptr_nonnull(root);
    ck_assert_int_eq(root->kind, SC_NODE_MAP);
    ck_assert_uint_eq(root->n, 3);
    ck_assert_uint_eq(root->line, 1);
    ck_assert_uint_eq(root->col, 1);
    assert_scalar(root->keys[0], "profiel", 1, 1);
    assert_scalar(root->values[0], "1", 1, 10);
    ck_assert(root->values[0]->plain);
    assert_scalar(root->keys[1], "school", 2, 1);
    const sc_node *school = root->values[1];
    ck_assert_int_eq(school->kind, SC_NODE_MAP);
    ck_assert_uint_eq(school->line, 3);
    ck_assert_uint_eq(school->col, 3);
    assert_scalar(school->values[0], "De Regenboog", 3, 9);
    ck_assert(!school->values[0]->plain);
    const sc_node *answers = sc_node_get(root, "antwoorden");
    ck_assert_ptr_eq(answers, root->values[2]);
    const sc_node *flow = sc_node_get(answers, "betrokkenen");
    ck_assert_int_eq(flow->kind, SC_NODE_SEQ);
    ck_assert_uint_eq(flow->n, 2);
    ck_assert_ptr_null(flow->keys);
    ck_assert_uint_eq(flow->col, 16);
    assert_scalar(flow->values[0], "leerkracht", 5, 17);
    assert_scalar(flow->values[1], "ib", 5, 29);
    const sc_node *block = sc_node_get(answers, "lijst");
    ck_assert_int_eq(block->kind, SC_NODE_SEQ);
    ck_assert_uint_eq(block->line, 7);
    ck_assert_uint_eq(block->col, 5);
    assert_scalar(block->values[0], "a", 7, 7);
    assert_scalar(block->values[1], "b", 8, 7);
    ck_assert(!block->values[1]->plain);
    ck_assert_ptr_null(sc_node_get(root, "ontbreekt"));
    ck_assert_ptr_null(sc_node_get(flow, "leerkracht"));
    ck_assert_ptr_null(sc_node_get(NULL, "x"));
    yaml_run_done(r);
}
END_TEST

START_TEST(test_empty_documents)
{
    const char *empties[] = {"", "\n\n", "# alleen commentaar\n   # nog een\n", "---\n", "---\n...\n", "\xEF\xBB\xBF"};
    for (size_t i = 0; i < sizeof empties / sizeof empties[0]; i++) {
        yaml_run *r = yaml_run_text(empties[i]);
        ck_assert_msg(r->rc == 0, "'%s' refused", empties[i]);
        ck_assert_ptr_null(r->root);
        ck_assert_uint_eq(r->diags.sink.errors, 0);
        yaml_run_done(r);
    }
    /* a document holding only "~" is not empty: the caller sees the null scalar */
    yaml_run *r = yaml_run_text("~\n");
    ck_assert_int_eq(r->rc, 0);
    ck_assert_ptr_nonnull(r->root);
    ck_assert(sc_node_is_null(r->root));
    yaml_run_done(r);
}
END_TEST

START_TEST(test_null_and_empty_values)
{
    yaml_run *r = yaml_run_text("a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: ''\ng: \"null\"\nh: nul\ni: |\nj: 0\n");
    ck_assert_int_eq(r->rc, 0);
    const char *nulls = "abcde", *not_nulls = "fghij";
    for (const char *k = nulls; *k; k++) {
        char key[2] = {*k, 0};
        ck_assert_msg(sc_node_is_null(sc_node_get(r->root, key)), "%s should be null", key);
    }
    for (const char *k = not_nulls; *k; k++) {
        char key[2] = {*k, 0};
        ck_assert_msg(!sc_node_is_null(sc_node_get(r->root, key)), "%s should not be null", key);
    }
    /* an empty value sits right after the key's colon */
    const sc_node *a = sc_node_get(r->root, "a");
    ck_assert_uint_eq(a->len, 0);
    ck_assert_uint_eq(a->line, 1);
    ck_assert(!sc_node_is_null(NULL));
    ck_assert(!sc_node_is_null(r->root));
    yaml_run_done(r);
}
END_TEST

START_TEST(test_block_scalars_and_empty_collections)
{
    yaml_run *r = yaml_run_text("letterlijk: |\n  regel een\n  regel twee\ngevouwen: >\n  een\n  twee\nleeg: []\ngeen: {}\n");
    ck_assert_int_eq(r->rc, 0);
    const sc_node *lit = sc_node_get(r->root, "letterlijk");
    ck_assert_str_eq(lit->str, "regel een\nregel twee\n");
    ck_assert(!lit->plain);
    ck_assert_str_eq(sc_node_get(r->root, "gevouwen")->str, "een twee\n");
    const sc_node *empty_seq = sc_node_get(r->root, "leeg"), *empty_map = sc_node_get(r->root, "geen");
    ck_assert_int_eq(empty_seq->kind, SC_NODE_SEQ);
    ck_assert_uint_eq(empty_seq->n, 0);
    ck_assert_int_eq(empty_map->kind, SC_NODE_MAP);
    ck_assert_uint_eq(empty_map->n, 0);
    yaml_run_done(r);
}
END_TEST

START_TEST(test_crlf_line_endings)
{
    yaml_run *r = yaml_run_text("a: 1\r\nb:\r\n  - x\r\n  - \"y\"\r\nc: |\r\n  tekst\r\n");
    ck_assert_int_eq(r->rc, 0);
    assert_scalar(r->root->keys[1], "b", 2, 1);
    const sc_node *b = r->root->values[1];
    assert_scalar(b->values[0], "x", 3, 5);
    assert_scalar(b->values[1], "y", 4, 5);
    ck_assert_str_eq(sc_node_get(r->root, "c")->str, "tekst\n");
    yaml_run_done(r);
    /* positions of errors count CR LF as one line break, for libyaml's errors and for ours */
    REFUSED("a: 1\r\nb: c: d\r\n", 2, 5, "mapping values are not allowed");
    REFUSED("a: 1\r\nb: 2\r\na: 3\r\n", 3, 1, "the key 'a' appears twice");
    REFUSED("a: 1\r\nb: \xFF\r\n", 2, 4, "not valid UTF-8");
    /* old Mac line ends (CR alone) are line breaks to libyaml too */
    REFUSED("a: 1\rb: \xFF\r", 2, 4, "not valid UTF-8");
}
END_TEST

START_TEST(test_utf8_text)
{
    yaml_run *r = yaml_run_text("opmerking: \"geëvalueerd\"\nwijk: Meerzicht-Oost ëë\nnaïef: ja\n");
    ck_assert_int_eq(r->rc, 0);
    assert_scalar(sc_node_get(r->root, "opmerking"), "geëvalueerd", 1, 12);
    ck_assert_uint_eq(sc_node_get(r->root, "opmerking")->len, 12); /* bytes, ë is two */
    ck_assert_str_eq(sc_node_get(r->root, "wijk")->str, "Meerzicht-Oost ëë");
    /* columns count characters, not bytes */
    assert_scalar(sc_node_get(r->root, "naïef"), "ja", 3, 8);
    yaml_run_done(r);
    REFUSED("v: ëë: x\n", 1, 6, "mapping values are not allowed");
    /* a byte order mark is not a column */
    r = yaml_run_text("\xEF\xBB\xBF" "a: 1\n");
    ck_assert_int_eq(r->rc, 0);
    assert_scalar(r->root->keys[0], "a", 1, 1);
    yaml_run_done(r);
    REFUSED("\xEF\xBB\xBF" "a: \xC3\n", 1, 4, "not valid UTF-8");
}
END_TEST

/* --- refusals ------------------------------------------------------------------------- */

START_TEST(test_syntax_errors)
{
    REFUSED("a: b: c\n", 1, 5, "YAML syntax error: mapping values are not allowed in this context");
    REFUSED("naam: \"De Regenboog\nwijk: x\n", 2, 8, "found unexpected end of stream");
    /* libyaml's context is named with its own position */
    REFUSED("naam: \"De Regenboog\nwijk: x\n", 2, 8, "while scanning a quoted scalar at line 1, column 7");
    REFUSED("profiel: 1\nschool:\n  naam: x\n naam2: y\n", 4, 2, "did not find expected key");
    REFUSED("a: [1, 2\n", 1, 9, "did not find expected ',' or ']'");
    REFUSED("a: @x\n", 1, 4, "found character that cannot start any token");
    /* a hint that says what to do */
    yaml_run *r = yaml_run_text("school:\n\tnaam: x\n");
    ck_assert_int_eq(r->rc, -1);
    ck_assert_uint_eq(r->diags.line[0], 2);
    ck_assert_uint_eq(r->diags.col[0], 1);
    ck_assert_ptr_nonnull(strstr(r->diags.hint[0], "tabs"));
    yaml_run_done(r);
    r = yaml_run_text("opmerking: let op: dit\n");
    ck_assert_ptr_nonnull(strstr(r->diags.hint[0], "quotes"));
    yaml_run_done(r);
}
END_TEST

START_TEST(test_control_character)
{
    /* libyaml's reader refuses it; the position comes from its byte offset */
    REFUSED("a: 1\nb: x\x01y\n", 2, 5, "control characters are not allowed");
    REFUSED("a: ë\x7F\n", 1, 5, "control characters are not allowed");
}
END_TEST

START_TEST(test_anchors_and_aliases)
{
    REFUSED("a: &x 1\nb: 2\n", 1, 4, "anchors ('&x') are not allowed");
    REFUSED("a: 1\nb: *x\n", 2, 4, "aliases ('*x') are not allowed");
    REFUSED("a: &lijst [1, 2]\n", 1, 4, "anchors ('&lijst')");
    REFUSED("a:\n  - &m {b: 1}\n", 2, 5, "anchors ('&m')");
    /* every one is reported, in file order */
    yaml_run *r = yaml_run_text("a: &x 1\nb: *x\nc: *x\n");
    ck_assert_int_eq(r->rc, -1);
    ck_assert_uint_eq(r->diags.sink.errors, 3);
    ck_assert_uint_eq(r->diags.line[1], 2);
    ck_assert_uint_eq(r->diags.line[2], 3);
    yaml_run_done(r);
}
END_TEST

START_TEST(test_alias_bomb)
{
    /* "billion laughs": 9 levels of 9 aliases each would expand to 9^9 nodes */
    char text[2048];
    size_t at = (size_t)snprintf(text, sizeof text, "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int level = 1; level <= 9; level++) {
        at += (size_t)snprintf(text + at, sizeof text - at, "l%d: &l%d [", level, level);
        for (int k = 0; k < 9; k++)
            at += (size_t)snprintf(text + at, sizeof text - at, "%s*l%d", k ? ", " : "", level - 1);
        at += (size_t)snprintf(text + at, sizeof text - at, "]\n");
    }
    yaml_run *r = yaml_run_bytes(text, at, NULL);
    ck_assert_int_eq(r->rc, -1);
    ck_assert_ptr_null(r->root);
    ck_assert_uint_eq(r->diags.line[0], 1);
    ck_assert_uint_eq(r->diags.col[0], 5);
    ck_assert_ptr_nonnull(strstr(r->diags.message[0], "anchors ('&l0')"));
    /* one error per anchor and per alias, nothing expanded */
    ck_assert_uint_eq(r->diags.sink.errors, 10 + 81);
    yaml_run_done(r);
}
END_TEST

START_TEST(test_tags)
{
    REFUSED("a: !!str 1\n", 1, 4, "tags ('!!str') are not allowed");
    REFUSED("a: !eigen x\n", 1, 4, "tags ('!eigen')");
    REFUSED("a: !!map {b: 1}\n", 1, 4, "tags ('!!map')");
    REFUSED("- !!seq [1]\n", 1, 3, "tags ('!!seq')");
    REFUSED("a: ! x\n", 1, 4, "tags ('!')");
}
END_TEST

START_TEST(test_second_document)
{
    REFUSED("a: 1\n---\nb: 2\n", 2, 1, "a second YAML document");
    REFUSED("---\na: 1\n---\n", 3, 1, "a second YAML document");
    REFUSED("a: 1\n...\n---\nb: 2\n", 3, 1, "a second YAML document");
}
END_TEST

START_TEST(test_duplicate_keys)
{
    REFUSED("a: 1\nb: 2\na: 3\n", 3, 1, "the key 'a' appears twice in the same mapping (first at line 1)");
    REFUSED("a: 1\n'a': 2\n", 2, 1, "the key 'a' appears twice");
    REFUSED("x:\n  a: 1\n  b: 2\n  a: 3\n", 4, 3, "the key 'a' appears twice");
    REFUSED("x: {a: 1, a: 2}\n", 1, 11, "the key 'a' appears twice");
    /* the same key in different mappings is fine */
    yaml_run *r = yaml_run_text("a:\n  a: 1\nb:\n  a: 2\nc: [{a: 1}, {a: 2}]\n");
    ck_assert_int_eq(r->rc, 0);
    yaml_run_done(r);
    /* prefixes are not duplicates */
    r = yaml_run_text("ab: 1\na: 2\nabc: 3\n");
    ck_assert_int_eq(r->rc, 0);
    yaml_run_done(r);
    /* every duplicate is reported */
    r = yaml_run_text("a: 1\nb: 1\na: 2\nb: 2\n");
    ck_assert_uint_eq(r->diags.sink.errors, 2);
    ck_assert_uint_eq(r->diags.line[0], 3);
    ck_assert_uint_eq(r->diags.line[1], 4);
    yaml_run_done(r);
}
END_TEST

static char *big_map_text(unsigned nkeys, const char *extra, size_t *len)
{
    size_t cap = (size_t)nkeys * 24 + 64;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    size_t at = 0;
    for (unsigned i = 0; i < nkeys; i++)
        at += (size_t)snprintf(text + at, cap - at, "sleutel_%u: %u\n", i, i);
    at += (size_t)snprintf(text + at, cap - at, "%s", extra);
    *len = at;
    return text;
}

START_TEST(test_big_map)
{
    size_t len;
    char *text = big_map_text(10000, "", &len);
    yaml_run *r = yaml_run_bytes(text, len, NULL);
    ck_assert_int_eq(r->rc, 0);
    ck_assert_uint_eq(r->root->n, 10000);
    assert_scalar(r->root->keys[9999], "sleutel_9999", 10000, 1);
    assert_scalar(r->root->values[9999], "9999", 10000, 15);
    assert_scalar(r->root->keys[17], "sleutel_17", 18, 1);
    yaml_run_done(r);
    free(text);

    /* a duplicate after many keys (the hash path) is found at its place */
    text = big_map_text(10000, "sleutel_17: x\nsleutel_10000: y\nsleutel_9999: z\n", &len);
    r = yaml_run_bytes(text, len, NULL);
    ck_assert_int_eq(r->rc, -1);
    ck_assert_uint_eq(r->diags.sink.errors, 2);
    ck_assert_uint_eq(r->diags.line[0], 10001);
    ck_assert_uint_eq(r->diags.col[0], 1);
    ck_assert_ptr_nonnull(
        strstr(r->diags.message[0], "'sleutel_17' appears twice in the same mapping (first at line 18)"));
    ck_assert_uint_eq(r->diags.line[1], 10003);
    yaml_run_done(r);
    free(text);
}
END_TEST

/* How loading scales with the number of keys is measured by `make bench` (tools/bench_bigmap.c):
 * a benchmark measures, a test does not time. */

START_TEST(test_non_scalar_keys)
{
    REFUSED("? [a, b]\n: 1\n", 1, 3, "a key must be a name, not a list");
    REFUSED("{[a]: 1}\n", 1, 2, "a key must be a name, not a list");
    REFUSED("? {a: 1}\n: 2\n", 1, 3, "a key must be a name, not a mapping");
}
END_TEST

START_TEST(test_nul_bytes)
{
    static const char with_nul[] = "a: 1\nb: x\0y\n";
    assert_refused_at(with_nul, sizeof with_nul - 1, NULL, 2, 5, "NUL byte");
    /* UTF-16 text is NUL bytes to a UTF-8 reader */
    static const char utf16[] = "a\0:\0 \0001\0\n\0";
    assert_refused_at(utf16, sizeof utf16 - 1, NULL, 1, 2, "NUL byte");
    /* and a NUL written as an escape */
    REFUSED("a: 1\nb: \"x\\0y\"\n", 2, 4, "NUL character");
}
END_TEST

START_TEST(test_invalid_utf8)
{
    REFUSED("naam: gr\xC3\xABn \xFF\n", 1, 12, "not valid UTF-8 text (byte 0xFF)");
    REFUSED("a: 1\nnaam: caf\xE9\n", 2, 10, "byte 0xE9");              /* Latin-1 é */
    REFUSED("a: \xC0\xAF\n", 1, 4, "byte 0xC0");                       /* overlong */
    REFUSED("a: \xED\xA0\x80\n", 1, 4, "byte 0xED");                   /* surrogate */
    REFUSED("a: \xE2\x82\n", 1, 4, "byte 0xE2");                       /* truncated */
    REFUSED("\xFF\xFE" "a\0", 1, 1, "byte 0xFF");                      /* UTF-16 BOM */
    /* the error names what to do */
    yaml_run *r = yaml_run_text("a: \xE9\n");
    ck_assert_ptr_nonnull(strstr(r->diags.hint[0], "UTF-8"));
    yaml_run_done(r);
}
END_TEST

START_TEST(test_max_bytes)
{
    sc_yaml_limits limits = {.max_bytes = 10, .lang = SC_LANG_EN};
    assert_refused_at("a: 1234567\n", 11, &limits, 1, 1, "the file is 11 bytes; the most allowed is 10");
    yaml_run *r = yaml_run_bytes("a: 123456\n", 10, &limits);
    ck_assert_int_eq(r->rc, 0);
    yaml_run_done(r);
    /* the default is 1 MiB */
    size_t len = SC_YAML_DEFAULT_MAX_BYTES + 1;
    char *text = malloc(len);
    ck_assert_ptr_nonnull(text);
    memset(text, '#', len);
    assert_refused_at(text, len, NULL, 1, 1, "the most allowed is 1048576");
    free(text);
}
END_TEST

START_TEST(test_max_depth)
{
    sc_yaml_limits limits = {.max_depth = 3, .lang = SC_LANG_EN};
    const char *deep = "a:\n  b:\n    c:\n      d: 1\n";
    assert_refused_at(deep, strlen(deep), &limits, 4, 7, "nested more than 3 deep");
    const char *ok = "a:\n  b:\n    c: 1\n";
    yaml_run *r = yaml_run_bytes(ok, strlen(ok), &limits);
    ck_assert_int_eq(r->rc, 0);
    yaml_run_done(r);
    assert_refused_at("[[[[1]]]]", 9, &limits, 1, 4, "nested more than 3 deep");
}
END_TEST

START_TEST(test_deep_nesting_does_not_crash)
{
    /* 10,000 '[' (and '{' and '- '): refused at the 17th level, quickly, without running out of stack */
    const size_t depth = 10000;
    char *text = malloc(depth * 2 + 1);
    ck_assert_ptr_nonnull(text);
    memset(text, '[', depth);
    memset(text + depth, ']', depth);
    assert_refused_at(text, depth * 2, NULL, 1, 17, "nested more than 16 deep");
    assert_refused_at(text, depth, NULL, 1, 17, "nested more than 16 deep"); /* never closed */
    /* in '{{{…' each inner mapping is a key of the outer one: refused as a key first, then for depth */
    memset(text, '{', depth);
    yaml_run *r = yaml_run_bytes(text, depth, NULL);
    ck_assert_int_eq(r->rc, -1);
    ck_assert_uint_eq(r->diags.sink.errors, 16); /* 15 keys (levels 2..16), then the depth */
    ck_assert_uint_eq(r->diags.col[0], 2);
    ck_assert_ptr_nonnull(strstr(r->diags.message[0], "a key must be a name, not a mapping"));
    ck_assert_uint_eq(r->diags.col[15], 17);
    ck_assert_ptr_nonnull(strstr(r->diags.message[15], "nested more than 16 deep"));
    yaml_run_done(r);
    free(text);
    char *dashes = malloc(depth * 2 + 2);
    ck_assert_ptr_nonnull(dashes);
    for (size_t i = 0; i < depth; i++) {
        dashes[2 * i] = '-';
        dashes[2 * i + 1] = ' ';
    }
    dashes[2 * depth] = 'x';
    assert_refused_at(dashes, 2 * depth + 1, NULL, 1, 33, "nested more than 16 deep");
    free(dashes);
}
END_TEST

START_TEST(test_max_nodes)
{
    sc_yaml_limits limits = {.max_nodes = 5, .lang = SC_LANG_EN};
    /* the list is node 1, its items 2..6: the fifth item is one too many */
    assert_refused_at("[1, 2, 3, 4, 5]", 15, &limits, 1, 14, "more than 5 values");
    yaml_run *r = yaml_run_bytes("[1, 2, 3, 4]", 12, &limits);
    ck_assert_int_eq(r->rc, 0);
    yaml_run_done(r);
    /* keys count too */
    assert_refused_at("a: 1\nb: 2\nc: 3\n", 15, &limits, 3, 1, "more than 5 values");
}
END_TEST

START_TEST(test_max_scalar)
{
    sc_yaml_limits limits = {.max_scalar = 4, .lang = SC_LANG_EN};
    assert_refused_at("a: hallo\n", 9, &limits, 1, 4, "this text is 5 bytes long; the most allowed is 4");
    yaml_run *r = yaml_run_bytes("a: hoi\n", 7, &limits);
    ck_assert_int_eq(r->rc, 0);
    yaml_run_done(r);
    /* keys are scalars too */
    assert_refused_at("sleutel: 1\n", 11, &limits, 1, 1, "this text is 7 bytes long");
}
END_TEST

START_TEST(test_arena_cap_is_an_error_not_a_crash)
{
    sc_arena arena;
    sc_arena_init(&arena, 1024); /* smaller than the first block: every allocation fails */
    yaml_run *r = calloc(1, sizeof *r);
    ck_assert_ptr_nonnull(r);
    sc_test_diags_init(&r->diags);
    sc_node *root = NULL;
    int rc = sc_yaml_load(&arena, "school.yaml", "a: 1\n", 5, &english, &r->diags.sink, &root);
    ck_assert_int_eq(rc, -1);
    ck_assert_ptr_null(root);
    ck_assert_ptr_nonnull(strstr(r->diags.message[0], "out of memory"));
    sc_arena_free(&arena);
    free(r);
}
END_TEST

START_TEST(test_arena_reuse)
{
    /* a batch loop resets one arena between profiles */
    sc_arena arena;
    sc_arena_init(&arena, 0);
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, NULL, NULL, 0);
    for (int i = 0; i < 100; i++) {
        sc_node *root = NULL;
        ck_assert_int_eq(sc_yaml_load(&arena, "x.yaml", "a: [1, 2]\nb: {c: d}\n", 20, NULL, &sink, &root), 0);
        ck_assert_str_eq(sc_node_get(sc_node_get(root, "b"), "c")->str, "d");
        sc_arena_reset(&arena);
    }
    ck_assert_uint_eq(sink.errors, 0);
    sc_arena_free(&arena);
}
END_TEST

Suite *suite_yaml(void)
{
    Suite *s = suite_create("yaml");
    TCase *tree = tcase_create("tree");
    tcase_add_test(tree, test_tree_shape_and_positions);
    tcase_add_test(tree, test_empty_documents);
    tcase_add_test(tree, test_null_and_empty_values);
    tcase_add_test(tree, test_block_scalars_and_empty_collections);
    tcase_add_test(tree, test_crlf_line_endings);
    tcase_add_test(tree, test_utf8_text);
    tcase_add_test(tree, test_arena_reuse);
    suite_add_tcase(s, tree);
    TCase *refused = tcase_create("refused");
    tcase_set_timeout(refused, 30);
    tcase_add_test(refused, test_syntax_errors);
    tcase_add_test(refused, test_control_character);
    tcase_add_test(refused, test_anchors_and_aliases);
    tcase_add_test(refused, test_alias_bomb);
    tcase_add_test(refused, test_tags);
    tcase_add_test(refused, test_second_document);
    tcase_add_test(refused, test_duplicate_keys);
    tcase_add_test(refused, test_big_map);
    tcase_add_test(refused, test_non_scalar_keys);
    tcase_add_test(refused, test_nul_bytes);
    tcase_add_test(refused, test_invalid_utf8);
    tcase_add_test(refused, test_max_bytes);
    tcase_add_test(refused, test_max_depth);
    tcase_add_test(refused, test_deep_nesting_does_not_crash);
    tcase_add_test(refused, test_max_nodes);
    tcase_add_test(refused, test_max_scalar);
    tcase_add_test(refused, test_arena_cap_is_an_error_not_a_crash);
    suite_add_tcase(s, refused);
    return s;
}
