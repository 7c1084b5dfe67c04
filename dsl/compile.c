/* dsl/compile.c — the compiler's driver: reads the main rules file and its includes, then runs the semantic pass. */
#include "compile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/file.h"
#include "sema.h"
#include "rules_index.h"

#define SC_DEFAULT_MAX_RULES_BYTES ((size_t)1 << 20)
#define SC_DEFAULT_MAX_INCLUDE_DEPTH 8u

static void sema_vreport(sc_compiler *c, sc_severity sev, uint32_t file, ast_loc at, const char *hint, const char *fmt,
                         va_list ap)
{
    const sc_src *s = file < c->srcs.len ? c->srcs.items[file] : NULL;
    const ast_file *f = s ? s->ast : NULL;
    sc_diag_vreport(c->diags, sev, f ? f->path : "?", f ? f->text : NULL, f ? f->text_len : 0, at.line, at.col, hint,
                    fmt, ap);
}

void sc_sema_error(sc_compiler *c, uint32_t file, ast_loc at, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sema_vreport(c, SC_SEV_ERROR, file, at, hint, fmt, ap);
    va_end(ap);
}

void sc_sema_warning(sc_compiler *c, uint32_t file, ast_loc at, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sema_vreport(c, SC_SEV_WARNING, file, at, hint, fmt, ap);
    va_end(ap);
}

int sc_load_file(void *ctx, sc_arena *arena, const char *from, const char *name, const char **path,
                 const char **text, size_t *len, const char **why)
{
    size_t max = ctx ? *(const size_t *)ctx : SC_DEFAULT_MAX_RULES_BYTES;
    const char *resolved = name;
    if (from && name[0] != '/') {
        const char *slash = strrchr(from, '/');
        if (slash)
            resolved = sc_arena_printf(arena, "%.*s/%s", (int)(slash - from), from, name);
    }
    if (!resolved) {
        *why = "out of memory";
        return -1;
    }
    *path = resolved;
    FILE *fp = sc_fopen_regular(resolved, why);
    if (!fp)
        return -1;
    char *buf = NULL;
    size_t n = 0;
    int rc = sc_read_stream(fp, max, &buf, &n, why);
    fclose(fp);
    if (rc == -2)
        *why = "the file is larger than the limit for rules files";
    if (rc != 0)
        return -1;
    char *copy = sc_arena_strndup(arena, buf, n);
    free(buf);
    if (!copy) {
        *why = "out of memory";
        return -1;
    }
    *text = copy;
    *len = n;
    return 0;
}

/* A path with its "." segments and "dir/.." pairs taken out (without asking the file system), so that
 * "./regels.rules" and "regels.rules" count as one file. Returns false when it does not fit. */
static bool normalize_path(const char *in, char *out, size_t size)
{
    size_t n = 0;
    size_t kept = 0; /* segments in out that a ".." may take back */
    if (*in == '/') {
        if (size < 2)
            return false;
        out[n++] = '/';
    }
    for (const char *p = in; *p;) {
        while (*p == '/')
            p++;
        const char *end = p;
        while (*end && *end != '/')
            end++;
        size_t len = (size_t)(end - p);
        if (len == 0 || (len == 1 && p[0] == '.')) {
            /* nothing */
        } else if (len == 2 && p[0] == '.' && p[1] == '.' && kept > 0) {
            while (n > 0 && out[n - 1] != '/')
                n--;
            if (n > 0 && !(n == 1 && out[0] == '/'))
                n--;
            kept--;
        } else {
            bool dots = len == 2 && p[0] == '.' && p[1] == '.';
            if (n + len + 2 > size)
                return false;
            if (n > 0 && out[n - 1] != '/')
                out[n++] = '/';
            memcpy(out + n, p, len);
            n += len;
            if (!dots)
                kept++;
        }
        p = end;
    }
    if (n == 0)
        out[n++] = '.';
    out[n] = '\0';
    return true;
}

/* Do two paths name the same file, as far as their spelling tells? */
static bool same_file(const char *a, const char *b)
{
    char na[4096], nb[4096];
    if (!normalize_path(a, na, sizeof na) || !normalize_path(b, nb, sizeof nb))
        return strcmp(a, b) == 0;
    return strcmp(na, nb) == 0;
}

/* Read one file and, in order, the files it includes. Returns its file index or SC_NONE. */
static uint32_t read_tree(sc_compiler *c, const char *name, uint32_t includer, ast_loc at, unsigned depth)
{
    const sc_src *parent = includer == SC_NONE ? NULL : c->srcs.items[includer];
    const char *from = parent ? parent->ast->path : NULL;
    const char *path = NULL, *text = NULL, *why = "unknown error";
    size_t len = 0;
    sc_source_loader load = c->opt->load ? c->opt->load : sc_load_file;
    size_t max_bytes = c->opt->max_file_bytes ? c->opt->max_file_bytes : SC_DEFAULT_MAX_RULES_BYTES;
    void *load_ctx = c->opt->load ? c->opt->load_ctx : &max_bytes;
    if (load(load_ctx, &c->work, from, name, &path, &text, &len, &why) != 0) {
        if (parent)
            sc_sema_error(c, includer, at, "check the file name; it is read relative to this file",
                          "cannot include '%s': %s", path ? path : name, why);
        else
            sc_diag_report(c->diags, SC_SEV_ERROR, path ? path : name, NULL, 0, 0, 0, NULL, "cannot read rules: %s", why);
        return SC_NONE;
    }
    if (len > max_bytes) {
        sc_diag_report(c->diags, SC_SEV_ERROR, path, NULL, 0, 1, 1, "rules files are at most 1 MiB; split the file with 'include'",
                       "the file is too large (%zu bytes)", len);
        return SC_NONE;
    }
    /* a file already on the include chain: a cycle; already read elsewhere: nothing new to add */
    for (uint32_t k = includer; k != SC_NONE; k = ((const sc_src *)c->srcs.items[k])->included_by) {
        const sc_src *s = c->srcs.items[k];
        if (same_file(s->ast->path, path)) {
            sc_sema_error(c, includer, at, "remove one of the includes", "'%s' includes itself (through '%s')", path,
                          parent->ast->path);
            return SC_NONE;
        }
    }
    for (uint32_t k = 0; k < c->srcs.len; k++) {
        const sc_src *s = c->srcs.items[k];
        if (same_file(s->ast->path, path)) {
            sc_sema_error(c, includer, at, "include each file once", "'%s' is already included (by '%s')", path,
                          s->included_by == SC_NONE ? s->ast->path
                                                    : ((const sc_src *)c->srcs.items[s->included_by])->ast->path);
            return SC_NONE;
        }
    }
    unsigned max_depth = c->opt->max_include_depth ? c->opt->max_include_depth : SC_DEFAULT_MAX_INCLUDE_DEPTH;
    if (depth > max_depth) {
        sc_sema_error(c, includer, at, "flatten the chain of includes", "includes are nested more than %u deep", max_depth);
        return SC_NONE;
    }
    sc_parse_limits limits = {.max_nesting = c->opt->max_nesting};
    ast_file *f = sc_parse_rules(&c->work, path, text, len, &limits, c->diags);
    if (!f)
        return SC_NONE;
    sc_src *src = sc_arena_zalloc(&c->work, sizeof *src);
    if (!src || sc_ptrvec_push(&c->work, &c->srcs, src) != 0)
        return SC_NONE;
    src->ast = f;
    src->included_by = includer;
    src->include_loc = at;
    uint32_t index = (uint32_t)c->srcs.len - 1;
    for (size_t i = 0; i < f->decls.len; i++) {
        const ast_decl *d = f->decls.items[i];
        if (d->kind != AST_DECL_INCLUDE)
            continue;
        if (!d->u.include.text || !d->u.include.text[0]) {
            /* never hand an empty name to the loader: it would name the including file's directory */
            sc_sema_error(c, index, d->loc, "write the name of the rules file to include, e.g. include \"extra.rules\"",
                          "'include' needs a file name");
            continue;
        }
        read_tree(c, d->u.include.text, index, d->loc, depth + 1);
    }
    return index;
}

sc_rules *sc_compile_file(const char *path, const sc_compile_options *opt, sc_diag_sink *diags)
{
    sc_compile_options defaults = {0};
    sc_compiler c = {.diags = diags, .opt = opt ? opt : &defaults};
    sc_arena_init(&c.work, 0);
    unsigned errors_before = diags->errors;

    sc_rules *rules = NULL;
    if (read_tree(&c, path, SC_NONE, (ast_loc){0, 0}, 0) != SC_NONE && diags->errors == errors_before) {
        sc_arena ra;
        sc_arena_init(&ra, 0);
        rules = sc_arena_zalloc(&ra, sizeof *rules);
        if (rules) {
            rules->arena = ra;
            c.rules = rules;
            if (sc_sema_run(&c) != 0 || diags->errors != errors_before) {
                sc_rules_free(rules);
                rules = NULL;
            } else if (sc_rules_index(rules) != 0) { /* the engine's lookup of ids and groups */
                sc_diag_report(diags, SC_SEV_ERROR, path, NULL, 0, 0, 0, NULL, "out of memory while reading the rules");
                sc_rules_free(rules);
                rules = NULL;
            }
        } else {
            sc_arena_free(&ra);
        }
    }
    sc_arena_free(&c.work);
    return rules;
}
