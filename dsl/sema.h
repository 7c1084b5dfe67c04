/* dsl/sema.h — the compiler's inside: the files read for one ruleset and the semantic pass over their trees. */
#ifndef SC_SEMA_H
#define SC_SEMA_H

#include "ast.h"
#include "compile.h"
#include "rules.h"

/* One file of the ruleset as read: its tree and where it was included from. */
typedef struct sc_src {
    ast_file *ast;
    uint32_t included_by;  /* SC_NONE for the main file */
    ast_loc include_loc;   /* where, in the including file */
} sc_src;

typedef struct sc_compiler {
    sc_arena work;         /* trees and tables; freed when compilation ends */
    sc_rules *rules;       /* the result, in its own arena */
    sc_diag_sink *diags;
    const sc_compile_options *opt;
    sc_ptrvec srcs;        /* sc_src*, index = file index */
} sc_compiler;

void sc_sema_error(sc_compiler *c, uint32_t file, ast_loc at, const char *hint, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
void sc_sema_warning(sc_compiler *c, uint32_t file, ast_loc at, const char *hint, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Check the trees of c->srcs and fill c->rules. Returns 0 when no error was found. */
int sc_sema_run(sc_compiler *c);

#endif
