/* engine/yaml.c — YAML text to a located node tree with libyaml's event API, refusing what a profile never needs. */
#include "yaml.h"

#include <string.h>
#include <yaml.h>

#include "../base/text.h"

/* Mappings with more keys than this get a hash table for the duplicate-key check. */
#define SC_YAML_LINEAR_KEYS 16u

/* Nodes (each with its text) are packed at 8-byte alignment into chunks of this many bytes taken from the
 * arena, rather than each rounded up to the arena's 16: the tree is smaller, so fewer cache lines. */
#define SC_YAML_NODE_CHUNK ((size_t)4096)

/* An open collection: its node and where its children start on the loader's child stack. */
typedef struct sc_yaml_frame {
    sc_node *node;
    size_t first_child; /* index into sc_yaml_loader.children */
    uint32_t *key_slots; /* MAP only, once it has many keys: open-addressing table of child indexes + 1 */
    size_t key_slots_mask;
} sc_yaml_frame;

typedef struct sc_yaml_loader {
    sc_arena *arena;
    const char *path;
    const char *text;
    size_t text_len;
    sc_diag_sink *diags;
    sc_yaml_limits limits;

    /* children of every open collection, innermost last; copied out once when a collection closes */
    sc_node **children;
    size_t nchildren, children_cap;

    char *node_cur, *node_end; /* the free part of the current node chunk */

    sc_yaml_frame *frames; /* open collections, outermost first */
    uint32_t depth, frames_cap;

    uint32_t nnodes;
    unsigned ndocuments;
    unsigned nerrors; /* errors this load reported */
    bool stopped; /* a limit or allocation failure: stop reading */
    sc_node *root;
} sc_yaml_loader;

static void sc_yaml_error(sc_yaml_loader *ld, uint32_t line, uint32_t col, const char *hint, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void sc_yaml_error(sc_yaml_loader *ld, uint32_t line, uint32_t col, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sc_diag_vreport(ld->diags, SC_SEV_ERROR, ld->path, ld->text, ld->text_len, line, col, hint, fmt, ap);
    va_end(ap);
    ld->nerrors++;
}

/* A text in the language of the loader's messages. */
#define TR(nl, en) SC_TR(ld->limits.lang, nl, en)

static void sc_yaml_out_of_memory(sc_yaml_loader *ld, uint32_t line, uint32_t col)
{
    sc_yaml_error(ld, line, col,
                  TR("het bestand is te groot of te ingewikkeld om te lezen; maak het kleiner",
                     "the file is too large or too complex to load; make it smaller"),
                  TR("onvoldoende geheugen om het bestand te lezen", "out of memory while reading the file"));
    ld->stopped = true;
}

/* Line and column (1-based, columns in characters) of a byte offset, counting line breaks the
 * way libyaml does (CR LF, CR, LF, NEL, LS, PS) and skipping a leading byte order mark.
 * The text before `offset` must be valid UTF-8. */
static void sc_yaml_offset_position(const char *text, size_t len, size_t offset, uint32_t *line, uint32_t *col)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t i = 0;
    uint32_t at_line = 1, at_col = 1;
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        i = 3;
    if (offset > len)
        offset = len;
    while (i < offset) {
        unsigned char c = p[i];
        size_t brk = 0;
        if (c == '\r')
            brk = (i + 1 < len && p[i + 1] == '\n') ? 2 : 1;
        else if (c == '\n')
            brk = 1;
        else if (c == 0xC2 && i + 1 < len && p[i + 1] == 0x85)
            brk = 2;
        else if (c == 0xE2 && i + 2 < len && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9))
            brk = 3;
        if (brk) {
            at_line++;
            at_col = 1;
            i += brk;
            continue;
        }
        if ((c & 0xC0) != 0x80)
            at_col++;
        i++;
    }
    *line = at_line;
    *col = at_col;
}

/* The bytes of the line from the character at line:col (1-based, columns in characters) to the
 * end of that line, in *len; NULL when there is no such place. */
static const char *sc_yaml_source_at(const sc_yaml_loader *ld, uint32_t line, uint32_t col, size_t *len)
{
    size_t line_len;
    const char *start = sc_text_line(ld->text, ld->text_len, line, &line_len);
    if (!start)
        return NULL;
    uint32_t at_col = 0;
    for (size_t i = 0; i < line_len; i++) {
        if (((unsigned char)start[i] & 0xC0) == 0x80)
            continue;
        if (++at_col == col) {
            *len = line_len - i;
            return start + i;
        }
    }
    return NULL;
}

static char sc_yaml_byte_at(const sc_yaml_loader *ld, uint32_t line, uint32_t col)
{
    size_t len;
    const char *at = sc_yaml_source_at(ld, line, col, &len);
    return at ? *at : '\0';
}

/* What the school reads about a libyaml problem: a hint for the problems a school is most likely
 * to meet, and in Dutch the problem itself in words (*text; libyaml's own text when it is not one
 * of these). */
typedef struct sc_yaml_problem_text {
    const char *problem;  /* a part of libyaml's text */
    const char *nl_text;  /* the problem in Dutch */
    const char *nl_hint, *en_hint;  /* NULL: the general hint */
} sc_yaml_problem_text;

static const sc_yaml_problem_text sc_yaml_problems[] = {
    {"mapping values are not allowed", "hier staat een ':' op een plek waar dat niet kan",
     "zet tekst met ': ' erin tussen aanhalingstekens; of controleer hoe ver deze regel inspringt",
     "text that contains ': ' must be put in quotes; otherwise check the indentation of this line"},
    {"cannot start any token", "met dit teken kan hier niets beginnen", "zet deze tekst tussen aanhalingstekens",
     "put this text in quotes"},
    {"found a tab character", "er staat een tab in de inspringing", "spring in met spaties; YAML staat geen tabs toe",
     NULL},
    {"did not find expected key", "hier hoort een sleutel te staan",
     "controleer de inspringing: de sleutels van één blok beginnen in dezelfde kolom",
     "check the indentation: the keys of one mapping must start in the same column"},
    {"did not find expected '-' indicator", "hier hoort een onderdeel van de lijst te staan, met '- ' ervoor",
     "controleer de inspringing: de onderdelen van één lijst beginnen in dezelfde kolom, elk met '- '",
     "check the indentation: the items of one list must start in the same column, each with '- '"},
    {"could not find expected ':'", "achter een sleutel ontbreekt de ':'",
     "zet ':' direct achter de sleutel, op dezelfde regel", "a key must be followed by ':' on the same line"},
    {"unexpected end of stream", "het bestand houdt op voordat alles is afgesloten",
     "er is een aanhalingsteken of haakje geopend en nooit gesloten",
     "a quote or bracket was opened but never closed"},
    {"control characters", "het bestand bevat een onzichtbaar stuurteken", "haal het onzichtbare stuurteken weg",
     "remove the invisible control character"},
    {"did not find expected ',' or ']'", "de lijst tussen [ ] is niet goed afgesloten",
     "scheid de onderdelen van een lijst met ',' en sluit de lijst af met ']'",
     "separate the members of a list with ',' and close it with ']'"},
    {"did not find expected ',' or '}'", "het blok tussen { } is niet goed afgesloten",
     "scheid de paren met ',' en sluit het blok af met '}'",
     "separate the pairs with ',' and close the mapping with '}'"},
    {"block sequence entries are not allowed", "hier kan geen onderdeel van een lijst ('- ') staan",
     "zet '- ' aan het begin van een eigen regel, of zet deze tekst tussen aanhalingstekens", NULL},
    {"found unknown escape character", "na een '\\' in tekst tussen dubbele aanhalingstekens staat een teken dat niet kan",
     "schrijf '\\\\' voor een '\\', of zet de tekst tussen enkele aanhalingstekens", NULL},
    {"did not find expected node content", "hier ontbreekt een waarde", NULL, NULL},
    {"found unexpected ':'", "hier staat een ':' op een plek waar dat niet kan", NULL, NULL},
};

/* Where libyaml was when it met the problem, in Dutch: "in de tekst tussen aanhalingstekens". */
static const char *const sc_yaml_contexts_nl[][2] = {
    {"quoted scalar", "in de tekst tussen aanhalingstekens"},
    {"plain scalar", "in de tekst"},
    {"block scalar", "in het tekstblok"},
    {"simple key", "in de sleutel"},
    {"block mapping", "in het blok sleutels"},
    {"block collection", "in het blok"},
    {"flow sequence", "in de lijst tussen [ ]"},
    {"flow mapping", "in het blok tussen { }"},
    {"node", "in de waarde"},
    {"anchor", "in het anker"},
    {"alias", "in de verwijzing"},
    {"tag", "in de tag"},
};

static void sc_yaml_describe_problem(const sc_yaml_loader *ld, const char *problem, uint32_t line, uint32_t col,
                                     const char **text, const char **hint)
{
    bool nl = ld->limits.lang == SC_LANG_NL;
    *text = problem;
    *hint = NULL;
    if (!problem)
        return;
    const sc_yaml_problem_text *found = NULL;
    for (size_t i = 0; i < sizeof sc_yaml_problems / sizeof sc_yaml_problems[0] && !found; i++)
        if (strstr(problem, sc_yaml_problems[i].problem))
            found = &sc_yaml_problems[i];
    if (found && nl)
        *text = found->nl_text;
    *hint = found ? (nl ? found->nl_hint : found->en_hint) : NULL;
    if (found == &sc_yaml_problems[0] && col > 1024) /* libyaml reads no key longer than 1024 characters */
        *hint = TR("een sleutel is hoogstens 1024 tekens lang, en de sleutels van een profiel zijn veel korter: "
                   "controleer deze regel",
                   "a key is at most 1024 characters long, and a profile's keys are much shorter: check this line");
    if (found == &sc_yaml_problems[1] && sc_yaml_byte_at(ld, line, col) == '\t') {
        if (nl)
            *text = sc_yaml_problems[2].nl_text;
        *hint = TR(sc_yaml_problems[2].nl_hint, "indent with spaces; YAML does not allow tabs");
    }
    if (!*hint)
        *hint = TR("controleer de aanhalingstekens en de inspringing rond deze plek",
                   "check the quoting and indentation around this place");
}

/* libyaml's context in the loader's language, or NULL when it says nothing to a school
 * ("while scanning for the next token", in Dutch). */
static const char *sc_yaml_context_text(const sc_yaml_loader *ld, const char *context)
{
    if (!context || ld->limits.lang != SC_LANG_NL)
        return context;
    for (size_t i = 0; i < sizeof sc_yaml_contexts_nl / sizeof sc_yaml_contexts_nl[0]; i++)
        if (strstr(context, sc_yaml_contexts_nl[i][0]))
            return sc_yaml_contexts_nl[i][1];
    return NULL;
}

/* A place at the end of the input (libyaml's mark after the last newline, or one line past a last
 * line without one) is moved to just after the last character that is not blank: the line where
 * the value is missing, not the empty line after it. */
static void sc_yaml_clamp_to_text(const sc_yaml_loader *ld, uint32_t *line, uint32_t *col)
{
    size_t end = ld->text_len;
    while (end > 0 && strchr(" \t\r\n", ld->text[end - 1]))
        end--;
    uint32_t end_line, end_col;
    sc_yaml_offset_position(ld->text, ld->text_len, end, &end_line, &end_col);
    if (*line > end_line || (*line == end_line && *col > end_col)) {
        *line = end_line;
        *col = end_col;
    }
}

static void sc_yaml_report_parser_error(sc_yaml_loader *ld, const yaml_parser_t *parser)
{
    const char *problem = parser->problem ? parser->problem : TR("onleesbare YAML", "unreadable YAML");
    uint32_t line = 1, col = 1;
    switch (parser->error) {
    case YAML_MEMORY_ERROR:
        sc_yaml_out_of_memory(ld, 1, 1);
        return;
    case YAML_READER_ERROR:
        sc_yaml_offset_position(ld->text, ld->text_len, parser->problem_offset, &line, &col);
        break;
    default: {
        line = (uint32_t)parser->problem_mark.line + 1;
        col = (uint32_t)parser->problem_mark.column + 1;
        sc_yaml_clamp_to_text(ld, &line, &col);
        break;
    }
    }
    const char *text, *hint, *context = sc_yaml_context_text(ld, parser->context);
    sc_yaml_describe_problem(ld, problem, line, col, &text, &hint);
    uint32_t context_line = (uint32_t)parser->context_mark.line + 1, context_col = (uint32_t)parser->context_mark.column + 1;
    sc_yaml_clamp_to_text(ld, &context_line, &context_col);
    if (context)
        sc_yaml_error(ld, line, col, hint,
                      TR("fout in de YAML-opbouw: %s (%s vanaf regel %u, kolom %u)",
                         "YAML syntax error: %s (%s at line %u, column %u)"),
                      text, context, (unsigned)context_line, (unsigned)context_col);
    else
        sc_yaml_error(ld, line, col, hint, TR("fout in de YAML-opbouw: %s", "YAML syntax error: %s"), text);
}

/* Room for a node of `need` bytes (a multiple of its alignment) when the current chunk is too full. */
static sc_node *sc_yaml_node_space(sc_yaml_loader *ld, size_t need)
{
    if (need > SC_YAML_NODE_CHUNK / 4) /* a long text: on its own, the chunk stays in use */
        return sc_arena_alloc(ld->arena, need);
    char *p = sc_arena_alloc(ld->arena, SC_YAML_NODE_CHUNK);
    if (!p)
        return sc_arena_alloc(ld->arena, need); /* a capped arena may still have room for the node alone */
    ld->node_cur = p + need;
    ld->node_end = p + SC_YAML_NODE_CHUNK;
    return (sc_node *)(void *)p;
}

/* A node, with `extra` bytes right after it (a scalar's text: one allocation instead of two). */
static inline sc_node *sc_yaml_new_node(sc_yaml_loader *ld, sc_node_kind kind, const yaml_mark_t *mark, size_t extra)
{
    uint32_t line = (uint32_t)mark->line + 1, col = (uint32_t)mark->column + 1;
    if (++ld->nnodes > ld->limits.max_nodes) {
        sc_yaml_error(ld, line, col,
                      TR("splits het bestand, of haal weg wat niet nodig is", "split the file or remove what is not needed"),
                      TR("het bestand heeft meer dan %u waarden, het meeste dat een profiel mag hebben",
                         "the file has more than %u values, the most a profile may have"),
                      ld->limits.max_nodes);
        ld->stopped = true;
        return NULL;
    }
    size_t need = (sizeof(sc_node) + extra + _Alignof(sc_node) - 1) & ~(_Alignof(sc_node) - 1);
    sc_node *n;
    if (need <= (size_t)((uintptr_t)ld->node_end - (uintptr_t)ld->node_cur)) {
        n = (sc_node *)(void *)ld->node_cur;
        ld->node_cur += need;
    } else {
        n = sc_yaml_node_space(ld, need);
    }
    if (!n) {
        sc_yaml_out_of_memory(ld, line, col);
        return NULL;
    }
    n->kind = kind;
    n->line = line;
    n->col = col;
    n->str = NULL;
    n->len = 0;
    n->plain = false;
    n->n = 0;
    n->keys = NULL;
    n->values = NULL;
    return n;
}

static uint32_t sc_yaml_hash(const char *s, uint32_t len)
{
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static bool sc_yaml_same_key(const sc_node *a, const sc_node *b)
{
    return a->len == b->len && a->kind == SC_NODE_SCALAR && b->kind == SC_NODE_SCALAR &&
           memcmp(a->str, b->str, a->len) == 0;
}

/* Put child index `at` into the frame's key table; returns the index of an equal key already there, or SIZE_MAX. */
static size_t sc_yaml_key_slots_insert(sc_yaml_loader *ld, sc_yaml_frame *f, size_t at)
{
    const sc_node *key = ld->children[at];
    size_t i = sc_yaml_hash(key->str, key->len) & f->key_slots_mask;
    while (f->key_slots[i]) {
        size_t other = f->key_slots[i] - 1;
        if (sc_yaml_same_key(ld->children[other], key))
            return other;
        i = (i + 1) & f->key_slots_mask;
    }
    f->key_slots[i] = (uint32_t)(at + 1);
    return SIZE_MAX;
}

/* (Re)build the key table of a mapping big enough for `nkeys` keys; false when out of memory. */
static bool sc_yaml_key_slots_grow(sc_yaml_loader *ld, sc_yaml_frame *f, size_t nkeys)
{
    size_t cap = 64;
    while (cap < nkeys * 2)
        cap *= 2;
    uint32_t *slots = sc_arena_zalloc(ld->arena, cap * sizeof *slots);
    if (!slots)
        return false;
    f->key_slots = slots;
    f->key_slots_mask = cap - 1;
    for (size_t at = f->first_child; at < ld->nchildren; at += 2)
        if (ld->children[at]->kind == SC_NODE_SCALAR)
            sc_yaml_key_slots_insert(ld, f, at);
    return true;
}

static void sc_yaml_duplicate_key(sc_yaml_loader *ld, const sc_node *first, const sc_node *key)
{
    sc_yaml_error(ld, key->line, key->col,
                  TR("haal een van de twee weg, of voeg ze samen tot één", "remove one of the two, or merge them into one"),
                  TR("de sleutel '%s' staat twee keer in hetzelfde blok (de eerste keer op regel %u)",
                     "the key '%s' appears twice in the same mapping (first at line %u)"),
                  key->str, (unsigned)first->line);
}

/* sc_yaml_check_duplicate_key for a mapping with many keys: through its hash table. */
static void sc_yaml_check_duplicate_key_hashed(sc_yaml_loader *ld, sc_yaml_frame *f, const sc_node *key)
{
    size_t nkeys = (ld->nchildren - f->first_child) / 2;
    if ((!f->key_slots || (nkeys + 1) * 2 > f->key_slots_mask + 1) && !sc_yaml_key_slots_grow(ld, f, nkeys + 1)) {
        sc_yaml_out_of_memory(ld, key->line, key->col);
        return;
    }
    /* the key sits at ld->nchildren once pushed; insert after the push so the table can point at it */
    ld->children[ld->nchildren] = (sc_node *)key;
    size_t found = sc_yaml_key_slots_insert(ld, f, ld->nchildren);
    if (found != SIZE_MAX)
        sc_yaml_duplicate_key(ld, ld->children[found], key);
}

/* A scalar key is about to be pushed at ld->nchildren: refuse it when the mapping already has it.
 * A few keys are compared one by one: length and first byte (the text sits right after its node)
 * before the whole text. */
static inline void sc_yaml_check_duplicate_key(sc_yaml_loader *ld, sc_yaml_frame *f, const sc_node *key)
{
    size_t nkeys = (ld->nchildren - f->first_child) / 2;
    if (nkeys >= SC_YAML_LINEAR_KEYS || f->key_slots) {
        sc_yaml_check_duplicate_key_hashed(ld, f, key);
        return;
    }
    for (size_t at = f->first_child; at < ld->nchildren; at += 2) {
        const sc_node *k = ld->children[at];
        if (k->len == key->len && k->kind == SC_NODE_SCALAR && k->str[0] == key->str[0] &&
            memcmp(k->str, key->str, key->len) == 0) {
            sc_yaml_duplicate_key(ld, k, key);
            return;
        }
    }
}

static bool sc_yaml_grow_children(sc_yaml_loader *ld)
{
    size_t cap = ld->children_cap ? ld->children_cap * 2 : 256;
    sc_node **grown = sc_arena_alloc(ld->arena, cap * sizeof *grown);
    if (!grown)
        return false;
    if (ld->nchildren)
        memcpy(grown, ld->children, ld->nchildren * sizeof *grown);
    ld->children = grown;
    ld->children_cap = cap;
    return true;
}

/* Make room for one more child on the stack (so the slot at nchildren may be written). */
static inline bool sc_yaml_reserve_child(sc_yaml_loader *ld)
{
    return ld->nchildren < ld->children_cap || sc_yaml_grow_children(ld);
}

/* A node starts: check what its place in the parent allows (keys must be unique scalars).
 * Called before the node is pushed; collections are pushed only when they close. */
static void sc_yaml_check_place(sc_yaml_loader *ld, sc_node *node)
{
    if (ld->depth == 0)
        return;
    sc_yaml_frame *f = &ld->frames[ld->depth - 1];
    if (f->node->kind != SC_NODE_MAP || (ld->nchildren - f->first_child) % 2 != 0)
        return;
    if (node->kind != SC_NODE_SCALAR) {
        sc_yaml_error(ld, node->line, node->col,
                      TR("een sleutel is een gewone naam, zoals 'aanbod', met ':' erachter",
                         "a key is a plain name such as 'aanbod' followed by ':'"),
                      TR("een sleutel moet een naam zijn, geen %s", "a key must be a name, not a %s"),
                      node->kind == SC_NODE_MAP ? TR("blok met sleutels", "mapping") : TR("lijst", "list"));
        return;
    }
    sc_yaml_check_duplicate_key(ld, f, node);
}

/* Attach a finished node to its parent (or make it the root). */
static void sc_yaml_attach(sc_yaml_loader *ld, sc_node *node)
{
    if (ld->depth == 0) {
        if (!ld->root)
            ld->root = node;
        return;
    }
    if (!sc_yaml_reserve_child(ld)) {
        sc_yaml_out_of_memory(ld, node->line, node->col);
        return;
    }
    ld->children[ld->nchildren++] = node;
}

static bool sc_yaml_refuse_properties(sc_yaml_loader *ld, const yaml_mark_t *mark, const yaml_char_t *anchor,
                                      const yaml_char_t *tag)
{
    bool refused = false;
    if (anchor) {
        sc_yaml_error(ld, (uint32_t)mark->line + 1, (uint32_t)mark->column + 1,
                      TR("schrijf de waarde voluit op elke plek waar die nodig is",
                         "write the value out in full where it is needed"),
                      TR("ankers ('&%s') mogen niet in een profiel", "anchors ('&%s') are not allowed in a profile"),
                      (const char *)anchor);
        refused = true;
    }
    if (tag) {
        /* quote the tag as written ("!!str"), not as resolved ("tag:yaml.org,2002:str") */
        uint32_t line = (uint32_t)mark->line + 1, col = (uint32_t)mark->column + 1;
        size_t len = 0, tag_len = 0;
        const char *at = sc_yaml_source_at(ld, line, col, &len);
        const char *bang = at ? memchr(at, '!', len) : NULL;
        if (bang) {
            len -= (size_t)(bang - at);
            while (tag_len < len && tag_len < 40 && bang[tag_len] != ' ' && bang[tag_len] != '\t')
                tag_len++;
        } else {
            bang = (const char *)tag;
            tag_len = strlen(bang);
        }
        sc_yaml_error(ld, line, col,
                      TR("haal de tag weg; zet tekst die op een getal of een datum lijkt tussen aanhalingstekens",
                         "remove the tag; to write text that looks like a number or date, put it in quotes"),
                      TR("tags ('%.*s') mogen niet in een profiel", "tags ('%.*s') are not allowed in a profile"),
                      (int)tag_len, bang);
        refused = true;
    }
    return refused;
}

static void sc_yaml_on_scalar(sc_yaml_loader *ld, const yaml_event_t *ev)
{
    const yaml_mark_t *mark = &ev->start_mark;
    if (ev->data.scalar.anchor || ev->data.scalar.tag)
        sc_yaml_refuse_properties(ld, mark, ev->data.scalar.anchor, ev->data.scalar.tag);
    size_t length = ev->data.scalar.length;
    if (length > ld->limits.max_scalar) {
        sc_yaml_error(ld, (uint32_t)mark->line + 1, (uint32_t)mark->column + 1,
                      TR("maak deze tekst korter", "shorten this text"),
                      TR("deze tekst is %zu bytes lang; het meeste dat mag is %u",
                         "this text is %zu bytes long; the most allowed is %u"),
                      length, ld->limits.max_scalar);
        ld->stopped = true;
        return;
    }
    sc_node *node = sc_yaml_new_node(ld, SC_NODE_SCALAR, mark, length + 1);
    if (!node)
        return;
    const char *value = (const char *)ev->data.scalar.value;
    /* the text has no NUL byte (checked before parsing): only a "\0" escape can make one */
    if (ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE && memchr(value, '\0', length))
        sc_yaml_error(ld, node->line, node->col,
                      TR("haal '\\0' uit deze tekst", "remove the '\\0' escape from this text"),
                      TR("deze tekst bevat een NUL-teken", "this text contains a NUL character"));
    char *copy = (char *)(node + 1);
    memcpy(copy, value, length);
    copy[length] = '\0';
    node->str = copy;
    node->len = (uint32_t)length;
    node->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    if (!sc_yaml_reserve_child(ld)) {
        sc_yaml_out_of_memory(ld, node->line, node->col);
        return;
    }
    /* sc_yaml_check_place and sc_yaml_attach in one, for the commonest node: a scalar is never a wrong key */
    if (ld->depth == 0) {
        if (!ld->root)
            ld->root = node;
        return;
    }
    sc_yaml_frame *f = &ld->frames[ld->depth - 1];
    if (f->node->kind == SC_NODE_MAP && (ld->nchildren - f->first_child) % 2 == 0)
        sc_yaml_check_duplicate_key(ld, f, node);
    ld->children[ld->nchildren++] = node;
}

static void sc_yaml_on_alias(sc_yaml_loader *ld, const yaml_event_t *ev)
{
    const yaml_mark_t *mark = &ev->start_mark;
    sc_yaml_error(ld, (uint32_t)mark->line + 1, (uint32_t)mark->column + 1,
                  TR("schrijf de waarde voluit op elke plek waar die nodig is",
                     "write the value out in full where it is needed"),
                  TR("verwijzingen ('*%s') mogen niet in een profiel", "aliases ('*%s') are not allowed in a profile"),
                  (const char *)ev->data.alias.anchor);
    /* stand-in so the mapping keeps its shape while the rest of the file is checked */
    sc_node *node = sc_yaml_new_node(ld, SC_NODE_SCALAR, mark, 0);
    if (!node)
        return;
    node->str = "";
    node->plain = true;
    sc_yaml_attach(ld, node);
}

static void sc_yaml_on_collection_start(sc_yaml_loader *ld, const yaml_event_t *ev, sc_node_kind kind)
{
    const yaml_mark_t *mark = &ev->start_mark;
    if (kind == SC_NODE_MAP)
        sc_yaml_refuse_properties(ld, mark, ev->data.mapping_start.anchor, ev->data.mapping_start.tag);
    else
        sc_yaml_refuse_properties(ld, mark, ev->data.sequence_start.anchor, ev->data.sequence_start.tag);
    if (ld->depth >= ld->limits.max_depth) {
        sc_yaml_error(ld, (uint32_t)mark->line + 1, (uint32_t)mark->column + 1,
                      TR("een profiel heeft maar een paar niveaus nodig (antwoorden, een groep, een vraag, een lijst)",
                         "a profile needs only a few levels (antwoorden, a group, an item, a list)"),
                      TR("lijsten en blokken zijn meer dan %u niveaus diep in elkaar gezet",
                         "lists and mappings are nested more than %u deep"),
                      ld->limits.max_depth);
        ld->stopped = true;
        return;
    }
    sc_node *node = sc_yaml_new_node(ld, kind, mark, 0);
    if (!node)
        return;
    sc_yaml_check_place(ld, node);
    if (ld->depth == ld->frames_cap) {
        uint32_t cap = ld->frames_cap ? ld->frames_cap * 2 : 16;
        sc_yaml_frame *grown = sc_arena_alloc(ld->arena, cap * sizeof *grown);
        if (!grown) {
            sc_yaml_out_of_memory(ld, node->line, node->col);
            return;
        }
        if (ld->depth)
            memcpy(grown, ld->frames, ld->depth * sizeof *grown);
        ld->frames = grown;
        ld->frames_cap = cap;
    }
    sc_yaml_frame *f = &ld->frames[ld->depth++];
    f->node = node;
    f->first_child = ld->nchildren;
    f->key_slots = NULL;
    f->key_slots_mask = 0;
}

static void sc_yaml_on_collection_end(sc_yaml_loader *ld)
{
    if (ld->depth == 0)
        return;
    sc_yaml_frame *f = &ld->frames[--ld->depth];
    sc_node *node = f->node;
    size_t count = ld->nchildren - f->first_child;
    /* no child pushed yet ("[]" or "{}" as the whole file): the stack is still unallocated */
    sc_node **first = count ? ld->children + f->first_child : NULL;
    if (node->kind == SC_NODE_MAP) {
        size_t npairs = count / 2;
        if (npairs) {
            sc_node **slots = sc_arena_alloc(ld->arena, 2 * npairs * sizeof *slots);
            if (!slots) {
                sc_yaml_out_of_memory(ld, node->line, node->col);
                return;
            }
            node->keys = slots;
            node->values = slots + npairs;
            for (size_t i = 0; i < npairs; i++) {
                node->keys[i] = first[2 * i];
                node->values[i] = first[2 * i + 1];
            }
        }
        node->n = (uint32_t)npairs;
    } else if (count) {
        node->values = sc_arena_alloc(ld->arena, count * sizeof *node->values);
        if (!node->values) {
            sc_yaml_out_of_memory(ld, node->line, node->col);
            return;
        }
        memcpy(node->values, first, count * sizeof *first);
        node->n = (uint32_t)count;
    }
    ld->nchildren = f->first_child;
    sc_yaml_attach(ld, node);
}

static void sc_yaml_on_event(sc_yaml_loader *ld, const yaml_event_t *ev, bool *done)
{
    switch (ev->type) {
    case YAML_STREAM_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
    case YAML_NO_EVENT:
        break;
    case YAML_STREAM_END_EVENT:
        *done = true;
        break;
    case YAML_DOCUMENT_START_EVENT:
        if (ld->ndocuments++ > 0) {
            sc_yaml_error(
                ld, (uint32_t)ev->start_mark.line + 1, (uint32_t)ev->start_mark.column + 1,
                TR("een profiel is één document: haal de regel '---' en wat erna komt weg, of zet dat in een eigen bestand",
                   "a profile is one document: remove the '---' line and what follows, or move it to a file of its own"),
                TR("hier begint een tweede YAML-document", "a second YAML document starts here"));
            ld->stopped = true;
        }
        break;
    case YAML_ALIAS_EVENT:
        sc_yaml_on_alias(ld, ev);
        break;
    case YAML_SCALAR_EVENT:
        sc_yaml_on_scalar(ld, ev);
        break;
    case YAML_SEQUENCE_START_EVENT:
        sc_yaml_on_collection_start(ld, ev, SC_NODE_SEQ);
        break;
    case YAML_MAPPING_START_EVENT:
        sc_yaml_on_collection_start(ld, ev, SC_NODE_MAP);
        break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        sc_yaml_on_collection_end(ld);
        break;
    }
}

/* Refuse bytes that are not UTF-8 text before libyaml sees them; true when the text is fine. */
static bool sc_yaml_check_encoding(sc_yaml_loader *ld)
{
    /* most profiles are nearly all ASCII: skip the plain stretch eight bytes at a time */
    size_t ascii = 0;
    while (ascii + 8 <= ld->text_len) {
        uint64_t word;
        memcpy(&word, ld->text + ascii, sizeof word);
        bool has_zero = ((word - UINT64_C(0x0101010101010101)) & ~word & UINT64_C(0x8080808080808080)) != 0;
        if (has_zero || (word & UINT64_C(0x8080808080808080)))
            break;
        ascii += 8;
    }
    long rest = sc_utf8_check(ld->text + ascii, ld->text_len - ascii);
    if (rest < 0)
        return true;
    long bad = (long)ascii + rest;
    uint32_t line, col;
    sc_yaml_offset_position(ld->text, ld->text_len, (size_t)bad, &line, &col);
    unsigned char byte = (unsigned char)ld->text[bad];
    const unsigned char *start = (const unsigned char *)ld->text;
    if (bad == 0 && ld->text_len >= 2 && ((start[0] == 0xFF && start[1] == 0xFE) || (start[0] == 0xFE && start[1] == 0xFF)))
        sc_yaml_error(ld, 1, 1,
                      TR("sla het bestand op als UTF-8-tekst (in Kladblok: Opslaan als, Codering UTF-8)",
                         "save the file as UTF-8 text (in Notepad: Save as, Encoding UTF-8)"),
                      TR("het bestand is geen geldige UTF-8-tekst (byte 0x%02X): het is opgeslagen als UTF-16",
                         "the file is not valid UTF-8 text (byte 0x%02X): it is saved as UTF-16"),
                      byte);
    else if (byte == 0)
        sc_yaml_error(ld, line, col,
                      TR("het bestand is misschien geen tekst, of opgeslagen als UTF-16; sla het op als UTF-8-tekst",
                         "the file may be binary or saved as UTF-16; save it as UTF-8 text"),
                      TR("het bestand bevat een NUL-byte", "the file contains a NUL byte"));
    else
        sc_yaml_error(ld, line, col, TR("sla het bestand op als UTF-8-tekst", "save the file as UTF-8 text"),
                      TR("het bestand is geen geldige UTF-8-tekst (byte 0x%02X)",
                         "the file is not valid UTF-8 text (byte 0x%02X)"),
                      byte);
    return false;
}

int sc_yaml_load(sc_arena *arena, const char *path, const char *text, size_t len, const sc_yaml_limits *limits,
                 sc_diag_sink *diags, sc_node **root)
{
    sc_yaml_loader ld;
    memset(&ld, 0, sizeof ld);
    ld.arena = arena;
    ld.path = path;
    ld.text = text;
    ld.text_len = len;
    ld.diags = diags;
    if (limits)
        ld.limits = *limits;
    if (!ld.limits.max_bytes)
        ld.limits.max_bytes = SC_YAML_DEFAULT_MAX_BYTES;
    if (!ld.limits.max_depth)
        ld.limits.max_depth = SC_YAML_DEFAULT_MAX_DEPTH;
    if (!ld.limits.max_nodes)
        ld.limits.max_nodes = SC_YAML_DEFAULT_MAX_NODES;
    if (!ld.limits.max_scalar)
        ld.limits.max_scalar = SC_YAML_DEFAULT_MAX_SCALAR;
    *root = NULL;

    if (len > ld.limits.max_bytes) {
        sc_yaml_error(&ld, 1, 1,
                      SC_TR(ld.limits.lang, "maak het bestand kleiner, of verhoog de grens (--max-bytes)",
                            "make the file smaller, or raise the limit (--max-bytes)"),
                      SC_TR(ld.limits.lang, "het bestand is %zu bytes; het meeste dat mag is %zu",
                            "the file is %zu bytes; the most allowed is %zu"),
                      len, ld.limits.max_bytes);
        return -1;
    }
    if (!text && len) {
        sc_yaml_error(&ld, 1, 1, NULL, SC_TR(ld.limits.lang, "geen tekst om te lezen", "no text to read"));
        return -1;
    }
    if (!sc_yaml_check_encoding(&ld))
        return -1;

    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        sc_yaml_out_of_memory(&ld, 1, 1);
        return -1;
    }
    /* no yaml_parser_set_encoding: libyaml's own detection skips a UTF-8 byte order mark without
     * counting it as a column, and the text is known to be UTF-8 by now */
    yaml_parser_set_input_string(&parser, (const unsigned char *)(text ? text : ""), len);

    bool done = false;
    while (!done && !ld.stopped) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            sc_yaml_report_parser_error(&ld, &parser);
            break;
        }
        sc_yaml_on_event(&ld, &ev, &done);
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);

    if (ld.nerrors)
        return -1;
    /* "---" alone yields one empty plain scalar: that is an empty document too */
    if (ld.root && ld.root->kind == SC_NODE_SCALAR && ld.root->plain && ld.root->len == 0)
        ld.root = NULL;
    *root = ld.root;
    return 0;
}

bool sc_node_is_null(const sc_node *n)
{
    if (!n || n->kind != SC_NODE_SCALAR || !n->plain)
        return false;
    if (n->len == 0)
        return true;
    if (n->len == 1)
        return n->str[0] == '~';
    return n->len == 4 &&
           (memcmp(n->str, "null", 4) == 0 || memcmp(n->str, "Null", 4) == 0 || memcmp(n->str, "NULL", 4) == 0);
}

const sc_node *sc_node_get(const sc_node *map, const char *key)
{
    if (!map || map->kind != SC_NODE_MAP || !key)
        return NULL;
    size_t len = strlen(key);
    for (uint32_t i = 0; i < map->n; i++) {
        const sc_node *k = map->keys[i];
        if (k->kind == SC_NODE_SCALAR && k->len == len && memcmp(k->str, key, len) == 0)
            return map->values[i];
    }
    return NULL;
}
