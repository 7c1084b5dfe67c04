/* dsl/parser.y — the grammar of the rules language: a pure parser that only builds the syntax tree (dsl/ast.h). */
%require "3.8"
%define api.pure full
%define api.prefix {sc_yy}
%define api.location.type {sc_yyltype}
%define parse.error custom
%locations
%expect 0

%code requires {
#include "dsl/parse_ctx.h"
#ifndef SC_YY_TYPEDEF_YY_SCANNER_T
#define SC_YY_TYPEDEF_YY_SCANNER_T
typedef void *yyscan_t;
#endif
}

%code provides {
#define YY_DECL int sc_yylex(SC_YYSTYPE *yylval_param, SC_YYLTYPE *yylloc_param, yyscan_t yyscanner)
YY_DECL;
}

%code {
#include <stdio.h>
#include <string.h>
#define L(at) sc_loc_of(&(at))
static void sc_yyerror(const SC_YYLTYPE *loc, yyscan_t scanner, sc_parse_ctx *ctx, const char *msg);
static char *sc_join(sc_parse_ctx *ctx, const char *a, const char *b);
}

%param {yyscan_t scanner}
%parse-param {sc_parse_ctx *ctx}
%initial-action {
    @$.first_line = @$.last_line = 1;
    @$.first_column = @$.last_column = 1;
}

%union {
    const char *text;
    double number;
    sc_date date;
    ast_pred *pred;
    ast_type type;
    ast_band *band;
    ast_scale *scale;
    ast_bandset *bandset;
    sc_ptrvec list;
    int n;
}

%token <text> IDENT "a name" STRING "a text in quotes"
%token <number> NUMBER "a number"
%token <date> DATE "a date"
%token RULESET "'ruleset'" VERSION "'version'" VALID "'valid'" FROM "'from'" UNTIL "'until'"
%token SOURCE "'source'" INCLUDE "'include'" SCALE "'scale'" BANDS "'bands'" OVER "'over'"
%token BELOW "'below'" PROMISE "'promise'" AGREEMENT "'agreement'" SERVES "'serves'" TITLE "'title'"
%token ITEM "'item'" FIELD "'field'" NORM "'norm'" AMBITION "'ambition'" WHEN "'when'" NOTE "'note'"
%token HELP "'help'" REQUIRED "'required'" TIGHTEN "'tighten'" EXTEND "'extend'" RESTATE "'restate'"
%token CATALOGUE "'catalogue'" CAPACITY "'capacity'"
%token IS "'is'" ONE "'one'" OF "'of'" AT "'at'" LEAST "'least'" MOST "'most'" MORE "'more'"
%token LESS "'less'" THAN "'than'" OR "'or'" AND "'and'" NOT "'not'" BETTER "'better'"
%token CONTAINS "'contains'" WITHIN "'within'" BEFORE "'before'" AFTER "'after'" DAYS "'days'"
%token MONTHS "'months'" YEARS "'years'" PEILDATUM "'peildatum'" ANSWERED "'answered'"
%token JA "'ja'" NEE "'nee'" YESNO "'yesno'" NUMBER_KW "'number'" PERCENT "'percent'"
%token DATE_KW "'date'" TEXT_KW "'text'" SET "'set'" TO "'to'" IN "'in'"

%type <text> text opt_label
%type <pred> pred test
%type <type> type numeric_type
%type <list> names pred_list
%type <scale> scale_head scale_members
%type <bandset> bands_head bands
%type <band> band
%type <n> unit

%left OR
%left AND
%precedence NOT
/* `contains a, b` takes every following name: a list inside `at least N of (...)` ends at the next condition. */
%precedence LIST
%precedence ','

%%

file:
    %empty
  | file statement
  | file error
  ;

statement:
    RULESET text                        { ast_set_ruleset(ctx, L(@1), $2); }
  | VERSION text                        { ast_set_version(ctx, L(@1), $2); }
  | VALID FROM DATE                     { ast_set_valid(ctx, L(@1), $3, false, 0); }
  | VALID FROM DATE UNTIL DATE          { ast_set_valid(ctx, L(@1), $3, true, $5); }
  | SOURCE text                         { ast_set_source(ctx, L(@1), $2); }
  | INCLUDE text                        { ast_add_include(ctx, L(@1), $2); }
  | scale_members                       { ast_add_scale(ctx, $1); }
  | bands                               { ast_add_bandset(ctx, $1); }
  | PROMISE IDENT text                  { ast_begin_promise(ctx, L(@2), $2, $3); }
  | AGREEMENT IDENT text                { ast_begin_agreement(ctx, L(@2), $2, $3); }
  | CATALOGUE IDENT text                { ast_begin_catalogue(ctx, L(@2), $2, $3); }
  | TITLE text                          { ast_set_title(ctx, L(@1), $2); }
  | SERVES names                        { ast_set_serves(ctx, L(@1), $2); }
  | ITEM IDENT ':' type text            { ast_begin_item(ctx, L(@1), false, $2, L(@2), $4, $5); }
  | FIELD IDENT ':' type text           { ast_begin_item(ctx, L(@1), true, $2, L(@2), $4, $5); }
  | NORM pred                           { ast_set_pred(ctx, L(@1), AST_ATTR_NORM, $2); }
  | AMBITION pred                       { ast_set_pred(ctx, L(@1), AST_ATTR_AMBITION, $2); }
  | WHEN pred                           { ast_set_pred(ctx, L(@1), AST_ATTR_WHEN, $2); }
  | NOTE text                           { ast_set_note(ctx, L(@1), $2, false); }
  | HELP text                           { ast_set_note(ctx, L(@1), $2, true); }
  | REQUIRED                            { ast_set_required(ctx, L(@1)); }
  | CAPACITY names                      { ast_set_capacity(ctx, L(@1), $2); }
  | EXTEND IDENT                        { ast_begin_extend(ctx, L(@1), $2, L(@2)); }
  | TIGHTEN IDENT                       { ast_begin_tighten(ctx, L(@1), $2, L(@2)); }
  | RESTATE IDENT text                  { ast_begin_restate(ctx, L(@1), $2, L(@2), $3); }
  ;

text:
    STRING                              { $$ = $1; }
  | text STRING                         { $$ = sc_join(ctx, $1, $2); }
  ;

opt_label:
    %empty                              { $$ = NULL; }
  | text                                { $$ = $1; }
  ;

/* scale niveau "Niveau": school > wijk > ... */
scale_head:
    SCALE IDENT opt_label ':' IDENT opt_label {
        $$ = ast_new_scale(ctx, L(@2), $2, $3);
        ast_scale_add_member(ctx, $$, 0, L(@5), L(@5), $5, $6);
    }
  ;

scale_members:
    scale_head                          { $$ = $1; }
  | scale_members '>' IDENT opt_label   { $$ = $1; ast_scale_add_member(ctx, $$, '>', L(@2), L(@3), $3, $4); }
  | scale_members '<' IDENT opt_label   { $$ = $1; ast_scale_add_member(ctx, $$, '<', L(@2), L(@3), $3, $4); }
  | scale_members ',' IDENT opt_label   { $$ = $1; ast_scale_add_member(ctx, $$, ',', L(@2), L(@3), $3, $4); }
  ;

/* bands hgw over percent:  name "label" below 50  ...  */
bands_head:
    BANDS IDENT OVER PERCENT ':'        { $$ = ast_new_bandset(ctx, L(@2), $2, 0, 100, L(@4)); }
  | BANDS IDENT OVER NUMBER_KW FROM NUMBER TO NUMBER ':' {
        $$ = ast_new_bandset(ctx, L(@2), $2, $6, $8, L(@6));
    }
  ;

bands:
    bands_head band                     { $$ = $1; ast_bandset_add(ctx, $$, $2); }
  | bands band                          { $$ = $1; ast_bandset_add(ctx, $$, $2); }
  ;

band:
    IDENT opt_label BELOW NUMBER pct {
        $$ = sc_arena_zalloc(ctx->arena, sizeof *$$);
        if ($$) { $$->name = $1; $$->label = $2; $$->loc = L(@1); $$->has_below = true; $$->below = $4; $$->below_loc = L(@4); }
    }
  | IDENT opt_label FROM NUMBER pct BELOW NUMBER pct {
        $$ = sc_arena_zalloc(ctx->arena, sizeof *$$);
        if ($$) { $$->name = $1; $$->label = $2; $$->loc = L(@1); $$->has_from = true; $$->from = $4; $$->from_loc = L(@4);
                  $$->has_below = true; $$->below = $7; $$->below_loc = L(@7); }
    }
  | IDENT opt_label FROM NUMBER pct {
        $$ = sc_arena_zalloc(ctx->arena, sizeof *$$);
        if ($$) { $$->name = $1; $$->label = $2; $$->loc = L(@1); $$->has_from = true; $$->from = $4; $$->from_loc = L(@4); }
    }
  ;

pct:
    %empty
  | '%'
  ;

numeric_type:
    NUMBER_KW                           { $$ = (ast_type){.kind = AST_TYPE_NUMBER, .loc = L(@1)}; }
  | NUMBER_KW FROM NUMBER TO NUMBER     { $$ = (ast_type){.kind = AST_TYPE_NUMBER, .loc = L(@1), .has_range = true,
                                                          .min = $3, .max = $5, .range_loc = L(@3)}; }
  | PERCENT                             { $$ = (ast_type){.kind = AST_TYPE_PERCENT, .loc = L(@1)}; }
  ;

type:
    numeric_type                        { $$ = $1; }
  | numeric_type IN IDENT               { $$ = $1; $$.bands = (ast_name){$3, L(@3)}; }
  | YESNO                               { $$ = (ast_type){.kind = AST_TYPE_YESNO, .loc = L(@1)}; }
  | DATE_KW                             { $$ = (ast_type){.kind = AST_TYPE_DATE, .loc = L(@1)}; }
  | TEXT_KW                             { $$ = (ast_type){.kind = AST_TYPE_TEXT, .loc = L(@1)}; }
  | IDENT                               { $$ = (ast_type){.kind = AST_TYPE_NAMED, .loc = L(@1), .scale = {$1, L(@1)}}; }
  | SET OF IDENT                        { $$ = (ast_type){.kind = AST_TYPE_SET_OF, .loc = L(@1), .scale = {$3, L(@3)}}; }
  ;

names:
    IDENT                               { $$ = (sc_ptrvec){0}; ast_push(ctx, &$$, ast_name_new(ctx, $1, L(@1))); }
  | names ',' IDENT                     { $$ = $1; ast_push(ctx, &$$, ast_name_new(ctx, $3, L(@3))); }
  ;

pred:
    test                                { $$ = $1; }
  | IDENT test                          { $$ = ast_pred_with_subject(ctx, $2, $1, L(@1)); }
  | pred OR pred                        { $$ = ast_pred_logic(ctx, AST_OR, L(@2), $1, $3); }
  | pred AND pred                       { $$ = ast_pred_logic(ctx, AST_AND, L(@2), $1, $3); }
  | NOT pred                            { $$ = ast_pred_logic(ctx, AST_NOT, L(@1), $2, NULL); }
  | '(' pred ')'                        { $$ = $2; }
  | AT LEAST NUMBER OF '(' pred_list ')' {
        $$ = ast_pred_new(ctx, AST_AT_LEAST_OF, L(@1));
        if ($$) { $$->number = $3; $$->number_loc = L(@3); $$->kids = $6; }
    }
  ;

pred_list:
    pred                                { $$ = (sc_ptrvec){0}; ast_push(ctx, &$$, $1); }
  | pred_list ',' pred                  { $$ = $1; ast_push(ctx, &$$, $3); }
  ;

test:
    IS JA                               { $$ = ast_pred_new(ctx, AST_IS_YES, L(@1)); }
  | IS NEE                              { $$ = ast_pred_new(ctx, AST_IS_NO, L(@1)); }
  | IS IDENT                            { $$ = ast_pred_new(ctx, AST_IS_NAME, L(@1));
                                          if ($$) ast_push(ctx, &$$->names, ast_name_new(ctx, $2, L(@2))); }
  | IS NUMBER pct                       { $$ = ast_pred_new(ctx, AST_IS_NUMBER, L(@1));
                                          if ($$) { $$->number = $2; $$->number_loc = L(@2); } }
  | IS ONE OF names %prec LIST          { $$ = ast_pred_new(ctx, AST_IS_ONE_OF, L(@1)); if ($$) $$->names = $4; }
  | AT IDENT                            { $$ = ast_pred_new(ctx, AST_AT, L(@1));
                                          if ($$) ast_push(ctx, &$$->names, ast_name_new(ctx, $2, L(@2))); }
  | IDENT OR BETTER                     { $$ = ast_pred_new(ctx, AST_OR_BETTER, L(@1));
                                          if ($$) ast_push(ctx, &$$->names, ast_name_new(ctx, $1, L(@1))); }
  | AT LEAST NUMBER pct                 { $$ = ast_pred_new(ctx, AST_NUM_CMP, L(@1));
                                          if ($$) { $$->cmp = AST_GE; $$->number = $3; $$->number_loc = L(@3); } }
  | AT MOST NUMBER pct                  { $$ = ast_pred_new(ctx, AST_NUM_CMP, L(@1));
                                          if ($$) { $$->cmp = AST_LE; $$->number = $3; $$->number_loc = L(@3); } }
  | MORE THAN NUMBER pct                { $$ = ast_pred_new(ctx, AST_NUM_CMP, L(@1));
                                          if ($$) { $$->cmp = AST_GT; $$->number = $3; $$->number_loc = L(@3); } }
  | LESS THAN NUMBER pct                { $$ = ast_pred_new(ctx, AST_NUM_CMP, L(@1));
                                          if ($$) { $$->cmp = AST_LT; $$->number = $3; $$->number_loc = L(@3); } }
  | CONTAINS names %prec LIST           { $$ = ast_pred_new(ctx, AST_CONTAINS, L(@1)); if ($$) $$->names = $2; }
  | CONTAINS AT LEAST NUMBER OF names %prec LIST {
        $$ = ast_pred_new(ctx, AST_CONTAINS_N, L(@1));
        if ($$) { $$->number = $4; $$->number_loc = L(@4); $$->names = $6; }
    }
  | WITHIN NUMBER unit BEFORE PEILDATUM {
        $$ = ast_pred_new(ctx, AST_WITHIN, L(@1));
        if ($$) { $$->number = $2; $$->number_loc = L(@2); $$->unit = (ast_unit)$3; }
    }
  | BEFORE DATE                         { $$ = ast_pred_new(ctx, AST_DATE_BEFORE, L(@1)); if ($$) $$->date = $2; }
  | AFTER DATE                          { $$ = ast_pred_new(ctx, AST_DATE_AFTER, L(@1)); if ($$) $$->date = $2; }
  | ANSWERED                            { $$ = ast_pred_new(ctx, AST_ANSWERED, L(@1)); }
  ;

unit:
    DAYS                                { $$ = AST_DAYS; }
  | MONTHS                              { $$ = AST_MONTHS; }
  | YEARS                               { $$ = AST_YEARS; }
  ;

%%

/* "a" "b" is "a b". A text of many parts grows in place: the last join's buffer is extended,
 * doubling when full, so that a text of n parts costs its length, not n copies of it. */
static char *sc_join(sc_parse_ctx *ctx, const char *a, const char *b)
{
    size_t la = a == ctx->join ? ctx->join_len : strlen(a), lb = strlen(b), need = la + 1 + lb + 1;
    char *s = ctx->join;
    if (a != ctx->join || need > ctx->join_cap) {
        size_t cap = need < 64 ? 64 : need * 2;
        if (!(s = sc_arena_alloc(ctx->arena, cap)))
            return (char *)a;
        memcpy(s, a, la);
        ctx->join_cap = cap;
    }
    s[la] = ' ';
    memcpy(s + la + 1, b, lb + 1);
    ctx->join = s;
    ctx->join_len = la + 1 + lb;
    return s;
}

static void sc_yyerror(const SC_YYLTYPE *loc, yyscan_t scanner, sc_parse_ctx *ctx, const char *msg)
{
    (void)scanner;
    if (ctx->aborted)
        return;
    if (strstr(msg, "exhausted")) {
        sc_parse_error(ctx, sc_loc_of(loc), "split the condition into simpler parts", "the rules are nested too deeply");
        ctx->aborted = true;
        return;
    }
    sc_parse_error(ctx, sc_loc_of(loc), NULL, "%s", msg);
}

/* Token names for messages. With parse.error custom, yysymbol_name gives the aliases as written
 * inside their quotes ("a name", "'norm'") and character tokens quoted ("':'"): use them as they are. */
static void sc_symbol_text(yysymbol_kind_t sym, char *buf, size_t size)
{
    if (sym == YYSYMBOL_YYEOF)
        snprintf(buf, size, "the end of the file");
    else
        snprintf(buf, size, "%s", yysymbol_name(sym));
}

static int yyreport_syntax_error(const yypcontext_t *yyctx, yyscan_t scanner, sc_parse_ctx *ctx)
{
    (void)scanner;
    /* The statement is lost: what follows it up to the next block (its norm, source, ...) would
     * only produce follow-on errors about attributes without an item. */
    ctx->recovering = true;
    if (ctx->aborted)
        return 0;
    /* the scanner already reported what is wrong with this token ('3x', 'aanbod.') */
    ast_loc at = sc_loc_of(yypcontext_location(yyctx));
    if (at.line == ctx->last_error.line && at.col == ctx->last_error.col)
        return 0;
    enum { MAX_EXPECTED = 6 };
    yysymbol_kind_t expected[MAX_EXPECTED];
    int n = yypcontext_expected_tokens(yyctx, expected, MAX_EXPECTED);
    char got[64], what[512] = "";
    yysymbol_kind_t lookahead = yypcontext_token(yyctx);
    sc_symbol_text(lookahead, got, sizeof got);
    size_t used = 0;
    if (n > 0) {
        used += (size_t)snprintf(what + used, sizeof what - used, "expected ");
        for (int i = 0; i < n && used < sizeof what; i++) {
            char one[64];
            sc_symbol_text(expected[i], one, sizeof one);
            used += (size_t)snprintf(what + used, sizeof what - used, "%s%s", i == 0 ? "" : (i == n - 1 ? " or " : ", "), one);
        }
    }
    /* with many possibilities (n == 0) a list helps less than a pointer to the statement words */
    const char *hint = n == 0 ? "a statement starts with a word such as 'item', 'norm' or 'agreement'; "
                                "check the end of the line before too" : NULL;
    sc_parse_error(ctx, at, hint, "unexpected %s%s%s", got, n > 0 ? "; " : "", what);
    return 0;
}
