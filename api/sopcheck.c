/* api/sopcheck.c — the public API of include/sopcheck.h over the internals: compiling, a checker that owns a profile's memory, views of a result, writers to a FILE, error texts. */
#include "../include/sopcheck.h"

#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/file.h"
#include "../dsl/compile.h"
#include "../engine/check.h"
#include "../report/report.h"

const char *sc_error_text(sc_error e, sc_lang lang)
{
    static const char *const nl[] = {
        [SC_OK] = "geen fout",
        [SC_ERROR_NOMEM] = "onvoldoende geheugen",
        [SC_ERROR_ARGUMENT] = "ongeldig argument",
        [SC_ERROR_IO] = "fout bij het lezen of schrijven van een bestand",
        [SC_ERROR_TOO_LARGE] = "het bestand is te groot",
        [SC_ERROR_RULES] = "de regels bevatten fouten",
        [SC_ERROR_FORMAT] = "onbekend rapportformaat",
    };
    static const char *const en[] = {
        [SC_OK] = "no error",
        [SC_ERROR_NOMEM] = "out of memory",
        [SC_ERROR_ARGUMENT] = "invalid argument",
        [SC_ERROR_IO] = "a file could not be read or written",
        [SC_ERROR_TOO_LARGE] = "the file is too large",
        [SC_ERROR_RULES] = "the rules have errors",
        [SC_ERROR_FORMAT] = "unknown report format",
    };
    if ((unsigned)e > SC_ERROR_FORMAT)
        return lang == SC_LANG_NL ? "onbekende fout" : "unknown error";
    return (lang == SC_LANG_NL ? nl : en)[e];
}

/* ---- rules ------------------------------------------------------------------------------------ */

static sc_error compile(const char *path, const sc_compile_options *opt, sc_diag_fn diag, void *ctx, sc_rules **out)
{
    if (!path || !out)
        return SC_ERROR_ARGUMENT;
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, diag, ctx, 0);
    *out = sc_compile_file(path, opt, &sink);
    return *out ? SC_OK : SC_ERROR_RULES;
}

sc_error sc_rules_compile_file(const char *path, sc_diag_fn diag, void *ctx, sc_rules **out)
{
    return compile(path, NULL, diag, ctx, out);
}

/* The main file from memory, its includes from the file system. */
typedef struct string_source {
    const char *name, *text;
    size_t len;
} string_source;

static int string_load(void *ctx, sc_arena *arena, const char *from, const char *name, const char **path,
                       const char **text, size_t *len, const char **why)
{
    const string_source *src = ctx;
    if (from || strcmp(name, src->name) != 0)
        return sc_load_file(NULL, arena, from, name, path, text, len, why);
    char *copy = sc_arena_alloc(arena, src->len + 1);
    if (!copy) {
        *why = "out of memory";
        return -1;
    }
    memcpy(copy, src->text, src->len);
    copy[src->len] = '\0';
    *path = src->name;
    *text = copy;
    *len = src->len;
    return 0;
}

sc_error sc_rules_compile_string(const char *name, const char *text, size_t len, sc_diag_fn diag, void *ctx,
                                 sc_rules **out)
{
    if (!name || (!text && len))
        return SC_ERROR_ARGUMENT;
    string_source src = {.name = name, .text = text ? text : "", .len = len};
    sc_compile_options opt = {.load = string_load, .load_ctx = &src};
    return compile(name, &opt, diag, ctx, out);
}

const char *sc_rules_name(const sc_rules *r)
{
    return r ? r->name : NULL;
}

const char *sc_rules_version(const sc_rules *r)
{
    return r ? r->version : NULL;
}

/* ---- the checker ------------------------------------------------------------------------------ */

struct sc_checker {
    const sc_rules **versions;
    size_t nversions;
    sc_yaml_limits limits;
    sc_arena arena;          /* the last profile, its text and its result; reset by each check */
    sc_result res;
};

sc_error sc_checker_new(const sc_rules *const *versions, size_t nversions, sc_lang lang, sc_checker **out)
{
    if (!out)
        return SC_ERROR_ARGUMENT;
    *out = NULL;
    if (!versions || nversions == 0)
        return SC_ERROR_ARGUMENT;
    for (size_t i = 0; i < nversions; i++)
        if (!versions[i])
            return SC_ERROR_ARGUMENT;
    sc_checker *c = calloc(1, sizeof *c);
    if (!c || !(c->versions = malloc(nversions * sizeof *c->versions))) {
        free(c);
        return SC_ERROR_NOMEM;
    }
    memcpy(c->versions, versions, nversions * sizeof *c->versions);
    c->nversions = nversions;
    c->limits.lang = lang;
    sc_arena_init(&c->arena, 0);
    *out = c;
    return SC_OK;
}

sc_error sc_checker_check(sc_checker *c, const char *path, const char *text, size_t len, const sc_result **out)
{
    if (!c || !path || (!text && len) || !out)
        return SC_ERROR_ARGUMENT;
    *out = NULL;
    sc_arena_reset(&c->arena);
    const char *p = sc_arena_strdup(&c->arena, path);
    char *t = sc_arena_alloc(&c->arena, len + 1);
    if (!p || !t)
        return SC_ERROR_NOMEM;
    if (len)
        memcpy(t, text, len);
    t[len] = '\0';
    if (sc_check_profile_in(&c->arena, c->versions, c->nversions, 0, p, t, len, &c->limits, &c->res) != 0)
        return SC_ERROR_NOMEM;
    *out = &c->res;
    return SC_OK;
}

sc_error sc_checker_check_file(sc_checker *c, const char *path, const sc_result **out)
{
    if (!c || !path || !out)
        return SC_ERROR_ARGUMENT;
    *out = NULL;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return SC_ERROR_IO;
    char *text = NULL;
    size_t len = 0;
    const char *why = NULL;
    int rc = sc_read_stream(fp, SC_YAML_DEFAULT_MAX_BYTES, &text, &len, &why);
    fclose(fp);
    if (rc != 0) {
        free(text);
        return rc == -2 ? SC_ERROR_TOO_LARGE : why && strcmp(why, "out of memory") == 0 ? SC_ERROR_NOMEM : SC_ERROR_IO;
    }
    sc_error e = sc_checker_check(c, path, text, len, out);
    free(text);
    return e;
}

void sc_checker_free(sc_checker *c)
{
    if (!c)
        return;
    sc_arena_free(&c->arena);
    free(c->versions);
    free(c);
}

/* ---- views of a result ------------------------------------------------------------------------ */

sc_profile_status sc_result_status(const sc_result *res)
{
    return res ? res->status : SC_PROFILE_INVALID;
}

const char *sc_result_path(const sc_result *res)
{
    return res && res->profile ? res->profile->path : NULL;
}

const sc_school *sc_result_school(const sc_result *res)
{
    static const sc_school none;
    return res ? &res->school : &none;
}

const sc_rules *sc_result_rules(const sc_result *res)
{
    return res ? res->rules : NULL;
}

uint32_t sc_result_nerrors(const sc_result *res)
{
    return res ? res->nerrors : 0;
}

/* Judged: the per-item and per-group results are there. */
static bool judged(const sc_result *res)
{
    return res && res->rules && res->items && res->profile && res->status != SC_PROFILE_INVALID;
}

uint32_t sc_result_nitems(const sc_result *res)
{
    return judged(res) ? res->rules->nitems : 0;
}

sc_error sc_result_item(const sc_result *res, uint32_t i, sc_item_view *out)
{
    if (!out || i >= sc_result_nitems(res))
        return SC_ERROR_ARGUMENT;
    const sc_rules *r = res->rules;
    const sc_item *it = &r->items[i];
    const sc_value *v = &res->profile->answers[i];
    *out = (sc_item_view){
        .id = it->id,
        .text = it->text,
        .agreement = it->agreement != SC_NONE ? r->agreements[it->agreement].id : NULL,
        .promise = it->promise != SC_NONE ? r->promises[it->promise].id : NULL,
        .answered = v->present,
        .line = v->line,
        .col = v->col,
        .status = res->items[i].status,
        .ambition = res->items[i].ambition,
    };
    return SC_OK;
}

uint32_t sc_result_nagreements(const sc_result *res)
{
    return judged(res) ? res->rules->nagreements : 0;
}

sc_error sc_result_agreement(const sc_result *res, uint32_t a, sc_group_view *out)
{
    if (!out || a >= sc_result_nagreements(res))
        return SC_ERROR_ARGUMENT;
    const sc_agreement *ag = &res->rules->agreements[a];
    *out = (sc_group_view){.id = ag->id, .title = ag->title, .status = res->agreements[a]};
    return SC_OK;
}

uint32_t sc_result_npromises(const sc_result *res)
{
    return judged(res) ? res->rules->npromises : 0;
}

sc_error sc_result_promise(const sc_result *res, uint32_t p, sc_group_view *out)
{
    if (!out || p >= sc_result_npromises(res))
        return SC_ERROR_ARGUMENT;
    const sc_promise *pr = &res->rules->promises[p];
    *out = (sc_group_view){.id = pr->id, .title = pr->text, .status = res->promises[p]};
    return SC_OK;
}

/* ---- writers to a FILE ------------------------------------------------------------------------ */

/* sc_writer_new's writer: the writer first, so that the public handle is both. */
typedef struct file_writer {
    sc_writer w;
    sc_out out, err;
} file_writer;

sc_error sc_writer_new(const char *format, FILE *out, FILE *err, const sc_report_opts *opts, sc_writer **w)
{
    if (!w)
        return SC_ERROR_ARGUMENT;
    *w = NULL;
    if (!format || !out)
        return SC_ERROR_ARGUMENT;
    file_writer *fw = calloc(1, sizeof *fw);
    if (!fw)
        return SC_ERROR_NOMEM;
    sc_out_init_file(&fw->out, out);
    if (err)
        sc_out_init_file(&fw->err, err);
    if (sc_writer_init(&fw->w, format, &fw->out, err ? &fw->err : NULL, opts) != 0) {
        free(fw);
        return SC_ERROR_FORMAT;
    }
    *w = &fw->w;
    return SC_OK;
}

void sc_writer_free(sc_writer *w)
{
    if (!w)
        return;
    sc_writer_release(w);
    free((file_writer *)w);
}
