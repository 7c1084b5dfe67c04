/* dsl/parse_ctx.h — state shared by the scanner, the parser and the tree builder while one rules file is read. */
#ifndef SC_PARSE_CTX_H
#define SC_PARSE_CTX_H

#include <setjmp.h>
#include <stdbool.h>

#include "ast.h"

/* Locations as bison sees them (%define api.location.type). */
typedef struct sc_yyltype {
    int first_line, first_column, last_line, last_column;
} sc_yyltype;

typedef struct sc_parse_ctx {
    sc_arena *arena;
    sc_diag_sink *diags;
    ast_file *file;
    const char *path;
    const char *text;
    size_t len;
    unsigned max_nesting;
    unsigned paren_depth;
    ast_loc token_end;     /* just after the last token read: where the end of the file is reported */
    bool aborted;          /* a limit was hit: stop, and say nothing more */
    bool recovering;       /* after a syntax error, until the next block: attributes are dropped unreported */
    ast_loc last_error;    /* where the last error was reported (a syntax error there is not reported again) */
    jmp_buf *fatal;        /* the scanner's way out on an internal failure */
    sc_ptrvec *comments;   /* when set, the scanner appends every comment here (ast_comment*, in file order) */
    char *join;            /* the last text joined from parts in quotes, with room to grow (dsl/parser.y) */
    size_t join_len, join_cap;

    /* where the next attribute belongs */
    ast_promise *promise;
    ast_agreement *agreement;   /* also a catalogue (agreement->is_catalogue) */
    ast_extend *extend;
    ast_tighten *tighten;
    ast_item *item;
    sc_ptrvec *items;      /* where an `item` goes; NULL at the top level */
} sc_parse_ctx;

/* Report an error at a location of the file being parsed. */
void sc_parse_error(sc_parse_ctx *ctx, ast_loc at, const char *hint, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Tree building, called from the grammar's actions (dsl/ast.c). */
ast_loc sc_loc_of(const sc_yyltype *l);
void ast_set_ruleset(sc_parse_ctx *c, ast_loc at, const char *text);
void ast_set_version(sc_parse_ctx *c, ast_loc at, const char *text);
void ast_set_valid(sc_parse_ctx *c, ast_loc at, sc_date from, bool has_until, sc_date until);
void ast_set_source(sc_parse_ctx *c, ast_loc at, const char *text);
void ast_add_include(sc_parse_ctx *c, ast_loc at, const char *path);
void ast_add_scale(sc_parse_ctx *c, ast_scale *s);
ast_scale *ast_new_scale(sc_parse_ctx *c, ast_loc at, const char *name, const char *label);
void ast_scale_add_member(sc_parse_ctx *c, ast_scale *s, char sep, ast_loc sep_loc, ast_loc at, const char *name,
                          const char *label);
ast_bandset *ast_new_bandset(sc_parse_ctx *c, ast_loc at, const char *name, double min, double max, ast_loc range_loc);
void ast_bandset_add(sc_parse_ctx *c, ast_bandset *b, ast_band *band);
void ast_add_bandset(sc_parse_ctx *c, ast_bandset *b);
void ast_begin_promise(sc_parse_ctx *c, ast_loc at, const char *id, const char *text);
void ast_begin_agreement(sc_parse_ctx *c, ast_loc at, const char *id, const char *text);
void ast_begin_catalogue(sc_parse_ctx *c, ast_loc at, const char *id, const char *text);
void ast_set_capacity(sc_parse_ctx *c, ast_loc at, sc_ptrvec names);
void ast_set_title(sc_parse_ctx *c, ast_loc at, const char *text);
void ast_set_serves(sc_parse_ctx *c, ast_loc at, sc_ptrvec names);
void ast_begin_item(sc_parse_ctx *c, ast_loc at, bool is_field, const char *id, ast_loc id_loc, ast_type type,
                    const char *text);
void ast_set_pred(sc_parse_ctx *c, ast_loc at, ast_attr_kind kind, ast_pred *p);
void ast_set_note(sc_parse_ctx *c, ast_loc at, const char *text, bool is_help);
void ast_set_required(sc_parse_ctx *c, ast_loc at);
void ast_begin_extend(sc_parse_ctx *c, ast_loc at, const char *id, ast_loc id_loc);
void ast_begin_restate(sc_parse_ctx *c, ast_loc at, const char *id, ast_loc id_loc, const char *text);
void ast_begin_tighten(sc_parse_ctx *c, ast_loc at, const char *id, ast_loc id_loc);
void ast_end_block(sc_parse_ctx *c);

ast_pred *ast_pred_new(sc_parse_ctx *c, ast_pred_kind kind, ast_loc at);
ast_pred *ast_pred_logic(sc_parse_ctx *c, ast_pred_kind kind, ast_loc at, ast_pred *a, ast_pred *b);
ast_pred *ast_pred_with_subject(sc_parse_ctx *c, ast_pred *test, const char *subject, ast_loc subject_loc);
ast_name *ast_name_new(sc_parse_ctx *c, const char *name, ast_loc at);
void ast_push(sc_parse_ctx *c, sc_ptrvec *v, void *p);

#endif
