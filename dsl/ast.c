/* dsl/ast.c — builds the syntax tree from the grammar's actions, and runs the scanner and parser over one rules file. */
#include "ast.h"

#include <stdarg.h>
#include <string.h>

#include "parse_ctx.h"
#include "parser.h"
#define YYSTYPE SC_YYSTYPE
#define YYLTYPE SC_YYLTYPE
#include "lexer.h"

void sc_parse_error(sc_parse_ctx *ctx, ast_loc at, const char *hint, const char *fmt, ...)
{
    if (ctx->aborted)
        return;
    ctx->last_error = at;
    va_list ap;
    va_start(ap, fmt);
    sc_diag_vreport(ctx->diags, SC_SEV_ERROR, ctx->path, ctx->text, ctx->len, at.line, at.col, hint, fmt, ap);
    va_end(ap);
}

static void *ctx_alloc(sc_parse_ctx *c, size_t n)
{
    void *p = sc_arena_zalloc(c->arena, n);
    if (!p)
        longjmp(*c->fatal, 1);
    return p;
}

void ast_push(sc_parse_ctx *c, sc_ptrvec *v, void *p)
{
    if (!p || sc_ptrvec_push(c->arena, v, p) != 0)
        longjmp(*c->fatal, 1);
}

ast_loc sc_loc_of(const sc_yyltype *l)
{
    return (ast_loc){(uint32_t)l->first_line, (uint32_t)l->first_column};
}

static void push_decl(sc_parse_ctx *c, ast_decl_kind kind, ast_loc at, ast_decl **out)
{
    ast_decl *d = ctx_alloc(c, sizeof *d);
    d->kind = kind;
    d->loc = at;
    ast_push(c, &c->file->decls, d);
    *out = d;
}

/* A new top-level statement ends whatever block was open. */
void ast_end_block(sc_parse_ctx *c)
{
    c->recovering = false;
    c->promise = NULL;
    c->agreement = NULL;
    c->extend = NULL;
    c->tighten = NULL;
    c->item = NULL;
    c->items = NULL;
}

static void set_once(sc_parse_ctx *c, ast_text *slot, ast_loc at, const char *text, const char *what)
{
    if (slot->text) {
        sc_parse_error(c, at, "remove one of them", "%s is given twice (first at line %u)", what, slot->loc.line);
        return;
    }
    slot->text = text;
    slot->loc = at;
}

void ast_set_ruleset(sc_parse_ctx *c, ast_loc at, const char *text)
{
    set_once(c, &c->file->ruleset, at, text, "'ruleset'");
}

void ast_set_version(sc_parse_ctx *c, ast_loc at, const char *text)
{
    set_once(c, &c->file->version, at, text, "'version'");
}

void ast_set_valid(sc_parse_ctx *c, ast_loc at, sc_date from, bool has_until, sc_date until)
{
    ast_file *f = c->file;
    if (f->has_valid_from) {
        sc_parse_error(c, at, "remove one of them", "'valid from' is given twice (first at line %u)", f->valid_loc.line);
        return;
    }
    f->has_valid_from = true;
    f->valid_from = from;
    f->has_valid_until = has_until;
    f->valid_until = until;
    f->valid_loc = at;
}

void ast_set_source(sc_parse_ctx *c, ast_loc at, const char *text)
{
    if (c->recovering)
        return;
    if (c->item)
        set_once(c, &c->item->source, at, text, "the item's 'source'");
    else if (c->agreement)
        set_once(c, &c->agreement->source, at, text, "the agreement's 'source'");
    else if (c->promise)
        set_once(c, &c->promise->source, at, text, "the promise's 'source'");
    else if (c->extend && c->extend->restate)
        set_once(c, &c->extend->source, at, text, "the restated agreement's 'source'");
    else if (c->extend || c->tighten)
        sc_parse_error(c, at, "put 'source' under an item", "'source' does not belong to 'extend' or 'tighten'");
    else
        set_once(c, &c->file->source, at, text, "the ruleset's 'source'");
}

void ast_add_include(sc_parse_ctx *c, ast_loc at, const char *path)
{
    ast_end_block(c);
    ast_decl *d;
    push_decl(c, AST_DECL_INCLUDE, at, &d);
    d->u.include = (ast_text){path, at};
}

ast_scale *ast_new_scale(sc_parse_ctx *c, ast_loc at, const char *name, const char *label)
{
    ast_end_block(c);
    ast_scale *s = ctx_alloc(c, sizeof *s);
    s->name = name;
    s->label = label;
    s->loc = at;
    return s;
}

void ast_scale_add_member(sc_parse_ctx *c, ast_scale *s, char sep, ast_loc sep_loc, ast_loc at, const char *name,
                          const char *label)
{
    if (sep) {
        if (s->sep && s->sep != sep && !s->mixed_seps) {
            s->mixed_seps = true;
            s->mixed_loc = sep_loc;
        }
        if (!s->sep)
            s->sep = sep;
    }
    ast_member *m = ctx_alloc(c, sizeof *m);
    m->name = name;
    m->label = label;
    m->loc = at;
    ast_push(c, &s->members, m);
}

void ast_add_scale(sc_parse_ctx *c, ast_scale *s)
{
    ast_decl *d;
    push_decl(c, AST_DECL_SCALE, s->loc, &d);
    d->u.scale = s;
}

ast_bandset *ast_new_bandset(sc_parse_ctx *c, ast_loc at, const char *name, double min, double max, ast_loc range_loc)
{
    ast_end_block(c);
    ast_bandset *b = ctx_alloc(c, sizeof *b);
    b->name = name;
    b->loc = at;
    b->min = min;
    b->max = max;
    b->range_loc = range_loc;
    return b;
}

void ast_bandset_add(sc_parse_ctx *c, ast_bandset *b, ast_band *band)
{
    ast_push(c, &b->bands, band);
}

void ast_add_bandset(sc_parse_ctx *c, ast_bandset *b)
{
    ast_decl *d;
    push_decl(c, AST_DECL_BANDS, b->loc, &d);
    d->u.bands = b;
}

void ast_begin_promise(sc_parse_ctx *c, ast_loc at, const char *id, const char *text)
{
    ast_end_block(c);
    ast_promise *p = ctx_alloc(c, sizeof *p);
    p->id = id;
    p->loc = at;
    p->text = text;
    ast_decl *d;
    push_decl(c, AST_DECL_PROMISE, at, &d);
    d->u.promise = p;
    c->promise = p;
    c->items = &p->items;
}

static void begin_group(sc_parse_ctx *c, ast_loc at, const char *id, const char *text, bool is_catalogue)
{
    ast_end_block(c);
    ast_agreement *a = ctx_alloc(c, sizeof *a);
    a->is_catalogue = is_catalogue;
    a->id = id;
    a->loc = at;
    a->text = text;
    ast_decl *d;
    push_decl(c, is_catalogue ? AST_DECL_CATALOGUE : AST_DECL_AGREEMENT, at, &d);
    d->u.agreement = a;
    c->agreement = a;
    c->items = &a->items;
}

void ast_begin_agreement(sc_parse_ctx *c, ast_loc at, const char *id, const char *text)
{
    begin_group(c, at, id, text, false);
}

void ast_begin_catalogue(sc_parse_ctx *c, ast_loc at, const char *id, const char *text)
{
    begin_group(c, at, id, text, true);
}

void ast_set_title(sc_parse_ctx *c, ast_loc at, const char *text)
{
    if (c->recovering)
        return;
    if (!c->agreement && c->extend && c->extend->restate && !c->item) {
        set_once(c, &c->extend->title, at, text, "the restated agreement's 'title'");
        return;
    }
    if (!c->agreement) {
        sc_parse_error(c, at, "put 'title' right after 'agreement ...' or 'catalogue ...'",
                       "'title' belongs to an agreement or a catalogue");
        return;
    }
    set_once(c, &c->agreement->title, at, text, "the agreement's 'title'");
}

/* `serves` right after 'agreement ...' names the promises the agreement serves; under an 'item ...' line
 * of an agreement (or of an 'extend'), the promises that item serves beside its agreement's. */
void ast_set_serves(sc_parse_ctx *c, ast_loc at, sc_ptrvec names)
{
    if (c->recovering)
        return;
    if (c->item && (c->agreement || c->extend) && !(c->agreement && c->agreement->is_catalogue)) {
        if (c->item->is_field) {
            sc_parse_error(c, at, "declare it with 'item' and a norm to let it serve a promise",
                           "field '%s' is recorded, not judged, and cannot serve a promise", c->item->id);
            return;
        }
        if (c->item->serves.len) {
            sc_parse_error(c, at, "name all promises in one 'serves', separated by commas",
                           "'serves' is given twice for item '%s' (first at line %u)", c->item->id, c->item->serves_loc.line);
            return;
        }
        c->item->serves = names;
        c->item->serves_loc = at;
        return;
    }
    if (c->agreement && c->agreement->is_catalogue) {
        sc_parse_error(c, at, "a catalogue records the school's offer and is never judged; move 'serves' to an agreement",
                       "a catalogue serves no promise");
        return;
    }
    if (!c->agreement) {
        sc_parse_error(c, at, "put 'serves' right after 'agreement ...', or under an item of an agreement",
                       "'serves' belongs to an agreement or to one of its items");
        return;
    }
    if (c->agreement->serves.len) {
        sc_parse_error(c, at, "name all promises in one 'serves', separated by commas",
                       "'serves' is given twice (first at line %u)", c->agreement->serves_loc.line);
        return;
    }
    c->agreement->serves = names;
    c->agreement->serves_loc = at;
}

/* `capacity places, hours` under a field or item: its answer may give a number of places and hours a week. */
void ast_set_capacity(sc_parse_ctx *c, ast_loc at, sc_ptrvec names)
{
    if (c->recovering)
        return;
    if (!c->item) {
        sc_parse_error(c, at, "put it under a 'field ...' or 'item ...' line", "'capacity' must follow a field or item");
        return;
    }
    if (c->item->capacity) {
        sc_parse_error(c, at, "name both in one line: 'capacity places, hours'",
                       "'capacity' is given twice for '%s' (first at line %u)", c->item->id, c->item->capacity_loc.line);
        return;
    }
    unsigned bits = 0;
    for (size_t i = 0; i < names.len; i++) {
        const ast_name *n = names.items[i];
        unsigned bit = strcmp(n->name, "places") == 0 ? AST_CAPACITY_PLACES
                       : strcmp(n->name, "hours") == 0 ? AST_CAPACITY_HOURS
                                                        : 0;
        if (!bit) {
            sc_parse_error(c, n->loc, "write 'places', 'hours' or both", "'%s' is no kind of capacity", n->name);
            return;
        }
        if (bits & bit) {
            sc_parse_error(c, n->loc, "name it once", "'%s' is named twice", n->name);
            return;
        }
        bits |= bit;
    }
    c->item->capacity = bits;
    c->item->capacity_loc = at;
}

void ast_begin_item(sc_parse_ctx *c, ast_loc at, bool is_field, const char *id, ast_loc id_loc, ast_type type,
                    const char *text)
{
    ast_item *it = ctx_alloc(c, sizeof *it);
    it->is_field = is_field;
    it->id = id;
    it->loc = at;
    it->id_loc = id_loc;
    it->type = type;
    it->text = text;
    /* 'tighten' holds a norm, no items; a field after it is simply the next declaration */
    bool reported = false;
    if (c->tighten) {
        if (!is_field) {
            sc_parse_error(c, at, "start an 'agreement' or 'extend' first", "an item cannot follow 'tighten'");
            reported = true;
        }
        ast_end_block(c);
    }
    if (c->items && !is_field && c->agreement && c->agreement->is_catalogue && !c->recovering && !reported) {
        sc_parse_error(c, at, "write 'field' instead of 'item': a catalogue records answers and never judges them",
                       "item '%s' cannot be judged inside catalogue '%s'", id, c->agreement->id);
    } else if (c->items) {
        ast_push(c, c->items, it);
    } else if (is_field) {
        ast_decl *d;
        push_decl(c, AST_DECL_FIELD, at, &d);
        d->u.field = it;
    } else if (!c->recovering && !reported) {
        sc_parse_error(c, at, "put the item after 'agreement ...', 'promise ...' or 'extend ...'",
                       "item '%s' does not belong to an agreement or promise", id);
    }
    c->item = it;
    c->recovering = false;
}

void ast_set_pred(sc_parse_ctx *c, ast_loc at, ast_attr_kind kind, ast_pred *p)
{
    static const char *const names[] = {"norm", "ambition", "when"};
    if (c->recovering)
        return;
    if (kind == AST_ATTR_NORM && c->tighten && !c->item) {
        if (c->tighten->norm) {
            sc_parse_error(c, at, "combine the conditions with 'and'", "'norm' is given twice for this 'tighten' (first at line %u)",
                           c->tighten->norm_loc.line);
            return;
        }
        c->tighten->norm = p;
        c->tighten->norm_loc = at;
        return;
    }
    if (!c->item) {
        sc_parse_error(c, at, "put it under an 'item ...' line", "'%s' must follow an item", names[kind]);
        return;
    }
    ast_pred **slot = kind == AST_ATTR_NORM ? &c->item->norm : kind == AST_ATTR_AMBITION ? &c->item->ambition : &c->item->when;
    ast_loc *slot_loc = kind == AST_ATTR_NORM       ? &c->item->norm_loc
                        : kind == AST_ATTR_AMBITION ? &c->item->ambition_loc
                                                    : &c->item->when_loc;
    if (*slot) {
        sc_parse_error(c, at, "combine the conditions with 'and' or 'or' in one line",
                       "'%s' is given twice for item '%s' (first at line %u)", names[kind], c->item->id, slot_loc->line);
        return;
    }
    *slot = p;
    *slot_loc = at;
}

void ast_set_note(sc_parse_ctx *c, ast_loc at, const char *text, bool is_help)
{
    if (c->recovering)
        return;
    if (!c->item) {
        sc_parse_error(c, at, "put it under an 'item ...' line", "'%s' must follow an item", is_help ? "help" : "note");
        return;
    }
    set_once(c, is_help ? &c->item->help : &c->item->note, at, text, is_help ? "'help'" : "'note'");
}

void ast_set_required(sc_parse_ctx *c, ast_loc at)
{
    if (c->recovering)
        return;
    if (!c->item) {
        sc_parse_error(c, at, "put it under a 'field ...' line", "'required' must follow a field or item");
        return;
    }
    c->item->required = true;
}

void ast_begin_extend(sc_parse_ctx *c, ast_loc at, const char *id, ast_loc id_loc)
{
    ast_end_block(c);
    ast_extend *e = ctx_alloc(c, sizeof *e);
    e->agreement = (ast_name){id, id_loc};
    e->loc = at;
    ast_decl *d;
    push_decl(c, AST_DECL_EXTEND, at, &d);
    d->u.extend = e;
    c->extend = e;
    c->items = &e->items;
}

void ast_begin_restate(sc_parse_ctx *c, ast_loc at, const char *id, ast_loc id_loc, const char *text)
{
    ast_begin_extend(c, at, id, id_loc);
    c->extend->restate = true;
    c->extend->text = text;
}

void ast_begin_tighten(sc_parse_ctx *c, ast_loc at, const char *id, ast_loc id_loc)
{
    ast_end_block(c);
    ast_tighten *t = ctx_alloc(c, sizeof *t);
    t->item = (ast_name){id, id_loc};
    t->loc = at;
    ast_decl *d;
    push_decl(c, AST_DECL_TIGHTEN, at, &d);
    d->u.tighten = t;
    c->tighten = t;
}

ast_name *ast_name_new(sc_parse_ctx *c, const char *name, ast_loc at)
{
    ast_name *n = ctx_alloc(c, sizeof *n);
    n->name = name;
    n->loc = at;
    return n;
}

ast_pred *ast_pred_new(sc_parse_ctx *c, ast_pred_kind kind, ast_loc at)
{
    ast_pred *p = ctx_alloc(c, sizeof *p);
    p->kind = kind;
    p->loc = at;
    p->depth = 1;
    return p;
}

static void check_depth(sc_parse_ctx *c, ast_pred *p)
{
    if (p->depth > c->max_nesting && !c->aborted) {
        sc_parse_error(c, p->loc, "split the condition into simpler parts", "the condition is nested more than %u deep",
                       c->max_nesting);
        c->aborted = true;
    }
}

/* and/or chains are kept flat (a or b or c is one node with three parts), so that long
 * lists do not make deep trees. */
ast_pred *ast_pred_logic(sc_parse_ctx *c, ast_pred_kind kind, ast_loc at, ast_pred *a, ast_pred *b)
{
    if (!a || (kind != AST_NOT && !b))
        return a ? a : b;
    ast_pred *p;
    if (kind != AST_NOT && a->kind == kind) {
        p = a;
    } else {
        p = ast_pred_new(c, kind, at);
        ast_push(c, &p->kids, a);
        if (a->depth + 1 > p->depth)
            p->depth = a->depth + 1;
    }
    if (b) {
        ast_push(c, &p->kids, b);
        if (b->depth + 1 > p->depth)
            p->depth = b->depth + 1;
    }
    check_depth(c, p);
    return p;
}

ast_pred *ast_pred_with_subject(sc_parse_ctx *c, ast_pred *test, const char *subject, ast_loc subject_loc)
{
    (void)c;
    if (!test)
        return NULL;
    test->subject = (ast_name){subject, subject_loc};
    test->loc = subject_loc;
    return test;
}

ast_file *sc_parse_rules(sc_arena *arena, const char *path, const char *text, size_t len,
                         const sc_parse_limits *limits, sc_diag_sink *diags)
{
    return sc_parse_rules_keep_comments(arena, path, text, len, limits, diags, NULL);
}

static ast_file *parse_rules(sc_arena *arena, const char *path, const char *text, size_t len,
                             const sc_parse_limits *limits, sc_diag_sink *diags, sc_ptrvec *comments);

ast_file *sc_parse_rules_keep_comments(sc_arena *arena, const char *path, const char *text, size_t len,
                                       const sc_parse_limits *limits, sc_diag_sink *diags, sc_ptrvec *comments)
{
    /* a byte order mark is skipped, as in a profile: positions count from the text after it */
    size_t bom = sc_bom_len(text, len);
    return parse_rules(arena, path, text + bom, len - bom, limits, diags, comments);
}

static ast_file *parse_rules(sc_arena *arena, const char *path, const char *text, size_t len,
                             const sc_parse_limits *limits, sc_diag_sink *diags, sc_ptrvec *comments)
{
    ast_file *file = sc_arena_zalloc(arena, sizeof *file);
    if (!file)
        return NULL;
    file->path = path;
    file->text = text;
    file->text_len = len;

    sc_parse_ctx ctx = {.arena = arena, .diags = diags, .file = file, .path = path, .text = text, .len = len,
                        .comments = comments};
    ctx.max_nesting = limits && limits->max_nesting ? limits->max_nesting : 64;

    /* the scanner works on valid UTF-8 without NUL bytes only */
    long bad = sc_utf8_check(text, len);
    if (bad >= 0) {
        unsigned line = 1, col = 1;
        for (long i = 0; i < bad; i++) {
            if (text[i] == '\n') {
                line++;
                col = 1;
            } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        if (text[bad] == '\0')
            sc_diag_report(diags, SC_SEV_ERROR, path, text, len, line, col, "remove the NUL byte; rules files are plain text",
                           "the file holds a NUL byte");
        else
            sc_diag_report(diags, SC_SEV_ERROR, path, text, len, line, col, "save the file as UTF-8",
                           "the file is not valid UTF-8 (byte 0x%02x)", (unsigned char)text[bad]);
        return file;
    }

    jmp_buf fatal;
    ctx.fatal = &fatal;
    yyscan_t scanner = NULL;
    YY_BUFFER_STATE buf = NULL;
    /* volatile: read after a longjmp */
    volatile int failed = 0;
    if (setjmp(fatal) == 0) {
        if (sc_yylex_init_extra(&ctx, &scanner) != 0)
            return NULL;
        buf = sc_yy_scan_bytes(text, (int)len, scanner);
        sc_yyparse(scanner, &ctx);
    } else {
        failed = 1;
    }
    if (scanner) {
        if (buf)
            sc_yy_delete_buffer(buf, scanner);
        sc_yylex_destroy(scanner);
    }
    if (failed) {
        sc_diag_report(diags, SC_SEV_ERROR, path, text, len, 0, 0, NULL, "out of memory while reading the rules");
        return NULL;
    }
    return file;
}
