/* dsl/compile.h — the rules compiler's entry point: rules text (and its includes) to a checked, compiled sc_rules. */
#ifndef SC_COMPILE_H
#define SC_COMPILE_H

#include <stddef.h>

#include "../base/diag.h"
#include "rules.h"

/* Reads the text of a rules file. `from` is the path of the including file (NULL for the main
 * file); the loader resolves `name` against it, stores the resolved path in *path and the text
 * in *text / *len (allocated in `arena`). Returns 0, or -1 with a reason in *why (static text). */
typedef int (*sc_source_loader)(void *ctx, sc_arena *arena, const char *from, const char *name,
                                const char **path, const char **text, size_t *len, const char **why);

typedef struct sc_compile_options {
    sc_source_loader load;   /* NULL: the file system (sc_load_file) */
    void *load_ctx;
    size_t max_file_bytes;   /* default 1 MiB per rules file */
    unsigned max_include_depth; /* default 8 */
    unsigned max_nesting;    /* default 64: parentheses and not/and/or depth */
} sc_compile_options;

/* Compile the rules file `path`. Diagnostics go to `diags` (errors and warnings).
 * Returns the compiled rules (free with sc_rules_free), or NULL when there were errors. */
sc_rules *sc_compile_file(const char *path, const sc_compile_options *opt, sc_diag_sink *diags);

/* The file-system loader: resolves `name` relative to the directory of `from`. */
int sc_load_file(void *ctx, sc_arena *arena, const char *from, const char *name, const char **path,
                 const char **text, size_t *len, const char **why);

#endif
