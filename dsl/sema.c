/* dsl/sema.c — the semantic pass: checks names, types, bands and layers across all files, and builds the compiled rules. */
#include "sema.h"
#include "rules_index.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../base/num.h"

/* ---- symbol tables: name -> record, open addressing in the work arena -------------------- */

typedef struct sym {
    const char *name;
    void *rec;
} sym;

typedef struct symtab {
    sym *slots;
    uint32_t mask, count;
} symtab;

static int symtab_grow(sc_arena *a, symtab *t)
{
    uint32_t size = t->slots ? (t->mask + 1) * 2 : 64;
    sym *slots = sc_arena_zalloc(a, size * sizeof *slots);
    if (!slots)
        return -1;
    for (uint32_t i = 0; t->slots && i <= t->mask; i++) {
        if (!t->slots[i].name)
            continue;
        uint32_t h = sc_hash_id(t->slots[i].name, strlen(t->slots[i].name)) & (size - 1);
        while (slots[h].name)
            h = (h + 1) & (size - 1);
        slots[h] = t->slots[i];
    }
    t->slots = slots;
    t->mask = size - 1;
    return 0;
}

static void *symtab_get(const symtab *t, const char *name)
{
    if (!t->slots || !name)
        return NULL;
    uint32_t h = sc_hash_id(name, strlen(name)) & t->mask;
    while (t->slots[h].name) {
        if (strcmp(t->slots[h].name, name) == 0)
            return t->slots[h].rec;
        h = (h + 1) & t->mask;
    }
    return NULL;
}

/* Returns the existing record when the name is taken, else inserts and returns NULL. */
static void *symtab_put(sc_arena *a, symtab *t, const char *name, void *rec, int *oom)
{
    void *old = symtab_get(t, name);
    if (old)
        return old;
    if ((!t->slots || (t->count + 1) * 2 > t->mask + 1) && symtab_grow(a, t) != 0) {
        *oom = 1;
        return NULL;
    }
    uint32_t h = sc_hash_id(name, strlen(name)) & t->mask;
    while (t->slots[h].name)
        h = (h + 1) & t->mask;
    t->slots[h] = (sym){name, rec};
    t->count++;
    return NULL;
}

/* The closest name in the table within two edits, for "did you mean". */
static const char *symtab_suggest(const symtab *t, const char *name)
{
    const char *best = NULL;
    unsigned cap = strlen(name) <= 4 ? 1 : 2; /* two edits turn any short name into another */
    unsigned best_d = cap + 1;
    for (uint32_t i = 0; t->slots && i <= t->mask; i++) {
        if (!t->slots[i].name)
            continue;
        unsigned d = sc_edit_distance(name, t->slots[i].name, cap);
        if (d < best_d || (d == best_d && best && strcmp(t->slots[i].name, best) < 0)) {
            best_d = d;
            best = t->slots[i].name;
        }
    }
    return best_d <= cap ? best : NULL;
}

/* ---- records of the declarations ------------------------------------------------------------ */

typedef enum { TYPE_SCALE, TYPE_BANDS } type_rec_kind;

typedef struct type_rec {
    type_rec_kind kind;
    uint32_t index, file;
    ast_loc loc;
} type_rec;

typedef enum { GROUP_PROMISE, GROUP_AGREEMENT, GROUP_CATALOGUE } group_kind;
static const char *const group_words[] = {"a promise", "an agreement", "a catalogue"};

typedef struct group_rec {   /* a promise, an agreement or a catalogue */
    group_kind kind;
    uint32_t index, file;
    ast_loc loc;
    const char *id;
    ast_promise *promise;
    ast_agreement *agreement;   /* an agreement's or a catalogue's */
    sc_ptrvec items;         /* item_rec*, including those added by `extend` */
    const ast_extend *restated;   /* the last 'restate' of an agreement, in include order, or NULL */
    uint32_t restated_file;
} group_rec;

typedef struct item_rec {
    uint32_t index, file;
    ast_item *ast;           /* NULL for the built-in school fields */
    group_rec *owner;
} item_rec;

typedef struct tighten_rec {
    ast_tighten *ast;
    uint32_t file;
} tighten_rec;

/* Beside each built scale and bandset: its names as a table (member or band index + 1), so that
 * a name is found, and a name given twice is caught, in constant time, not by a scan of all the
 * others (a scale of 100,000 members would take minutes); for a scale also a mark per member
 * (`seen`), to catch a member listed twice in one list, stamped with the list's number. */
typedef struct names_rec {
    symtab names;
    uint32_t *seen;
} names_rec;

typedef struct sema {
    sc_compiler *c;
    sc_arena *out;           /* the rules arena */
    sc_arena *work;
    int oom;
    symtab types, groups, items;
    sc_ptrvec scales, bandsets;  /* sc_scale*, sc_bandset* (built) */
    sc_ptrvec promises, agreements, catalogues; /* group_rec* */
    sc_ptrvec item_recs;     /* item_rec* */
    sc_ptrvec tightens;      /* tighten_rec* */
    sc_ptrvec scale_names, band_names; /* names_rec*, beside scales and bandsets */
    uint32_t list_stamp;     /* the number of the last list of members or promises checked for repeats */
    uint32_t *promise_seen;  /* per promise: the list_stamp of the last 'serves' list that named it */
} sema;

/* Past the sink's limit of errors none is shown: the search for a "did you mean" is skipped, so
 * that a file of a hundred thousand unknown names does not cost a hundred thousand searches. */
static bool sema_muted(const sema *s)
{
    const sc_diag_sink *d = s->c->diags;
    return d->max_errors && d->errors >= d->max_errors;
}

static const char *const builtin_text_fields[][2] = {
    {"school.brin", "BRIN-nummer"},
    {"school.naam", "Naam van de school"},
    {"school.bestuur", "Bestuur (bevoegd gezag)"},
    {"school.wijk", "Wijk"},
};

static void *walloc(sema *s, size_t n)
{
    void *p = sc_arena_zalloc(s->work, n);
    if (!p)
        s->oom = 1;
    return p;
}

static void *oalloc(sema *s, size_t n)
{
    void *p = sc_arena_zalloc(s->out, n ? n : 1);
    if (!p)
        s->oom = 1;
    return p;
}

static const char *ostr(sema *s, const char *str)
{
    if (!str)
        return NULL;
    const char *p = sc_arena_strdup(s->out, str);
    if (!p)
        s->oom = 1;
    return p;
}

static void push(sema *s, sc_ptrvec *v, void *p)
{
    if (sc_ptrvec_push(s->work, v, p) != 0)
        s->oom = 1;
}

static sc_srcpos srcpos(uint32_t file, ast_loc at)
{
    return (sc_srcpos){file, at.line, at.col};
}

static const char *file_path(sema *s, uint32_t file)
{
    return ((const sc_src *)s->c->srcs.items[file])->ast->path;
}

/* Is `ancestor` a file that (directly or not) includes `file`? */
static bool includes(sema *s, uint32_t ancestor, uint32_t file)
{
    for (uint32_t k = ((const sc_src *)s->c->srcs.items[file])->included_by; k != SC_NONE;
         k = ((const sc_src *)s->c->srcs.items[k])->included_by)
        if (k == ancestor)
            return true;
    return false;
}

static void where_first(sema *s, uint32_t file, ast_loc loc, char *buf, size_t n)
{
    snprintf(buf, n, "%s:%u", file_path(s, file), loc.line);
}

/* ---- scales and bands ------------------------------------------------------------------- */

static void declare_scale(sema *s, uint32_t file, ast_scale *as)
{
    sc_compiler *c = s->c;
    type_rec *rec = walloc(s, sizeof *rec);
    if (!rec)
        return;
    rec->kind = TYPE_SCALE;
    rec->file = file;
    rec->loc = as->loc;
    rec->index = (uint32_t)s->scales.len;
    type_rec *old = symtab_put(s->work, &s->types, as->name, rec, &s->oom);
    if (old) {
        char w[256];
        where_first(s, old->file, old->loc, w, sizeof w);
        sc_sema_error(c, file, as->loc, "give one of them another name", "'%s' is already declared (at %s)", as->name, w);
        return;
    }
    if (as->mixed_seps)
        sc_sema_error(c, file, as->mixed_loc, "use '>' (best first), '<' (worst first) or ',' (no order), not a mix",
                      "scale '%s' mixes separators", as->name);
    sc_scale *sc = oalloc(s, sizeof *sc);
    if (!sc)
        return;
    sc->name = ostr(s, as->name);
    sc->label = ostr(s, as->label);
    sc->pos = srcpos(file, as->loc);
    sc->ordered = as->sep == '>' || as->sep == '<' || as->sep == 0;
    sc->nmembers = (uint32_t)as->members.len;
    sc_member *m = oalloc(s, sc->nmembers * sizeof *m);
    names_rec *nr = walloc(s, sizeof *nr);
    if (!m || !nr)
        return;
    for (uint32_t i = 0; i < sc->nmembers; i++) {
        const ast_member *am = as->members.items[i];
        /* stored best first: a '<' scale is written worst first */
        uint32_t k = as->sep == '<' ? sc->nmembers - 1 - i : i;
        if (symtab_put(s->work, &nr->names, am->name, (void *)(uintptr_t)(k + 1), &s->oom))
            sc_sema_error(c, file, am->loc, "list each member once", "member '%s' appears twice in scale '%s'",
                          am->name, as->name);
        m[k].name = ostr(s, am->name);
        m[k].label = ostr(s, am->label);
    }
    /* a school may write a member by its name or its label, in any case (sc_rules_find_member_word):
     * two members that fold alike would make such an answer ambiguous */
    symtab folded = {0};
    for (uint32_t i = 0; i < sc->nmembers && !s->oom; i++) {
        const ast_member *am = as->members.items[i];
        const char *words[2] = {am->name, am->label};
        for (int w = 0; w < 2; w++) {
            if (!words[w])
                continue;
            char buf[256];
            size_t n = sc_word_fold(words[w], strlen(words[w]), buf, sizeof buf);
            if (n == (size_t)-1 || n == 0)
                continue;
            char *key = sc_arena_strndup(s->work, buf, n);
            if (!key) {
                s->oom = 1;
                break;
            }
            const ast_member *other = symtab_put(s->work, &folded, key, (void *)am, &s->oom);
            if (other && other != am && strcmp(other->name, am->name) != 0) /* a repeated name is reported above */
                sc_sema_error(c, file, am->loc, "give one of them another name or label",
                              "members '%s' and '%s' of scale '%s' read alike ('%s'): a school that writes it "
                              "could mean either",
                              other->name, am->name, as->name, key);
        }
    }
    sc->members = m;
    push(s, &s->scales, sc);
    push(s, &s->scale_names, nr);
}

static void declare_bands(sema *s, uint32_t file, ast_bandset *ab)
{
    sc_compiler *c = s->c;
    type_rec *rec = walloc(s, sizeof *rec);
    if (!rec)
        return;
    rec->kind = TYPE_BANDS;
    rec->file = file;
    rec->loc = ab->loc;
    rec->index = (uint32_t)s->bandsets.len;
    type_rec *old = symtab_put(s->work, &s->types, ab->name, rec, &s->oom);
    if (old) {
        char w[256];
        where_first(s, old->file, old->loc, w, sizeof w);
        sc_sema_error(c, file, ab->loc, "give one of them another name", "'%s' is already declared (at %s)", ab->name, w);
        return;
    }
    /* with no range to measure against, the bands are not also reported as lying outside it */
    bool range_ok = ab->min < ab->max;
    if (!range_ok)
        sc_sema_error(c, file, ab->range_loc, "write the smaller number first: from 0 to 10",
                      "the range of bands '%s' is empty or reversed", ab->name);
    sc_bandset *bs = oalloc(s, sizeof *bs);
    if (!bs)
        return;
    bs->name = ostr(s, ab->name);
    bs->pos = srcpos(file, ab->loc);
    bs->min = ab->min;
    bs->max = ab->max;
    bs->nbands = (uint32_t)ab->bands.len;
    if (bs->nbands > SC_MAX_BANDS) {
        /* the reports count the items of each band in arrays of this size */
        const ast_band *extra = ab->bands.items[SC_MAX_BANDS];
        sc_sema_error(c, file, extra->loc, "merge bands, or split the range into two sets of bands",
                      "bands '%s' have %u bands; at most %u are allowed", ab->name, bs->nbands, (unsigned)SC_MAX_BANDS);
    }
    sc_band *b = oalloc(s, bs->nbands * sizeof *b);
    names_rec *nr = walloc(s, sizeof *nr);
    if (!b || !nr)
        return;
    char x[SC_NUM_BUF], y[SC_NUM_BUF];
    for (uint32_t i = 0; i < bs->nbands; i++) {
        const ast_band *cur = ab->bands.items[i];
        if (symtab_put(s->work, &nr->names, cur->name, (void *)(uintptr_t)(i + 1), &s->oom))
            sc_sema_error(c, file, cur->loc, "give each band its own name", "band '%s' appears twice", cur->name);
        b[i].name = ostr(s, cur->name);
        b[i].label = ostr(s, cur->label);
        b[i].lo = cur->has_from ? cur->from : ab->min;
        bool first = i == 0, last = i + 1 == bs->nbands;
        if (range_ok && cur->has_from && (cur->from < ab->min || cur->from > ab->max)) {
            sc_num_format(x, sizeof x, cur->from);
            sc_sema_error(c, file, cur->from_loc, "bands must lie within their range", "band '%s' starts at %s, outside the range of '%s'",
                          cur->name, x, ab->name);
        }
        if (range_ok && cur->has_below && (cur->below <= ab->min || cur->below > ab->max)) {
            sc_num_format(x, sizeof x, cur->below);
            sc_sema_error(c, file, cur->below_loc, "bands must lie within their range", "band '%s' ends below %s, outside the range of '%s'",
                          cur->name, x, ab->name);
        }
        if (cur->has_from && cur->has_below && cur->from >= cur->below) {
            sc_sema_error(c, file, cur->loc, "'from' must be smaller than 'below'", "band '%s' is empty", cur->name);
        }
        if (range_ok && first && cur->has_from && cur->from > ab->min) {
            sc_num_format(x, sizeof x, ab->min);
            sc_num_format(y, sizeof y, cur->from);
            sc_sema_error(c, file, cur->from_loc, "let the first band start at the bottom (leave out 'from')",
                          "gap in bands '%s': values from %s below %s fall in no band", ab->name, x, y);
        }
        if (!first && !cur->has_from)
            sc_sema_error(c, file, cur->loc, "say where it starts: 'from N'", "band '%s' has no 'from'", cur->name);
        if (!last && !cur->has_below)
            sc_sema_error(c, file, cur->loc, "say where it stops: 'below N' (only the last band runs to the top)",
                          "band '%s' has no 'below'", cur->name);
        if (range_ok && last && cur->has_below && cur->below <= ab->max) {
            sc_num_format(x, sizeof x, cur->below);
            sc_num_format(y, sizeof y, ab->max);
            sc_sema_error(c, file, cur->below_loc, "let the last band run to the top (leave out 'below')",
                          "gap in bands '%s': values from %s to %s fall in no band", ab->name, x, y);
        }
        if (!first) {
            const ast_band *prev = ab->bands.items[i - 1];
            if (prev->has_below && cur->has_from && prev->below != cur->from) {
                sc_num_format(x, sizeof x, prev->below < cur->from ? prev->below : cur->from);
                sc_num_format(y, sizeof y, prev->below < cur->from ? cur->from : prev->below);
                if (prev->below < cur->from)
                    sc_sema_error(c, file, cur->from_loc, "start each band where the one before it stops",
                                  "gap in bands '%s': values from %s below %s fall between '%s' and '%s'", ab->name, x, y,
                                  prev->name, cur->name);
                else
                    sc_sema_error(c, file, cur->from_loc, "start each band where the one before it stops",
                                  "bands '%s' and '%s' overlap from %s below %s", prev->name, cur->name, x, y);
            }
        }
    }
    bs->bands = b;
    push(s, &s->bandsets, bs);
    push(s, &s->band_names, nr);
}

/* ---- promises, agreements, items --------------------------------------------------------- */

static item_rec *declare_item(sema *s, uint32_t file, ast_item *it, group_rec *owner)
{
    item_rec *rec = walloc(s, sizeof *rec);
    if (!rec)
        return NULL;
    rec->index = (uint32_t)s->item_recs.len;
    rec->file = file;
    rec->ast = it;
    rec->owner = owner;
    item_rec *old = symtab_put(s->work, &s->items, it->id, rec, &s->oom);
    if (old) {
        if (!old->ast) {
            sc_sema_error(s->c, file, it->id_loc, "choose another id", "'%s' is a built-in field", it->id);
        } else {
            char w[256];
            where_first(s, old->file, old->ast->id_loc, w, sizeof w);
            sc_sema_error(s->c, file, it->id_loc, "item ids must be unique across all files", "item '%s' is already declared (at %s)",
                          it->id, w);
        }
        return NULL;
    }
    if (it->is_field && (it->norm || it->ambition))
        sc_sema_error(s->c, file, it->norm ? it->norm_loc : it->ambition_loc, "declare it with 'item' to judge it",
                      "field '%s' cannot have a norm or ambition", it->id);
    push(s, &s->item_recs, rec);
    if (owner)
        push(s, &owner->items, rec);
    return rec;
}

static sc_ptrvec *groups_of(sema *s, group_kind kind)
{
    return kind == GROUP_PROMISE ? &s->promises : kind == GROUP_AGREEMENT ? &s->agreements : &s->catalogues;
}

static group_rec *declare_group(sema *s, uint32_t file, ast_loc loc, const char *id, group_kind kind)
{
    group_rec *g = walloc(s, sizeof *g);
    if (!g)
        return NULL;
    g->kind = kind;
    g->file = file;
    g->loc = loc;
    g->id = id;
    group_rec *old = symtab_put(s->work, &s->groups, id, g, &s->oom);
    if (old) {
        char w[256];
        where_first(s, old->file, old->loc, w, sizeof w);
        sc_sema_error(s->c, file, loc, "promise, agreement and catalogue ids must be unique",
                      "'%s' is already declared as %s (at %s)", id, group_words[old->kind], w);
        return NULL;
    }
    g->index = (uint32_t)groups_of(s, kind)->len;
    push(s, groups_of(s, kind), g);
    return g;
}

static void declare_items_of(sema *s, uint32_t file, sc_ptrvec *items, group_rec *owner)
{
    for (size_t i = 0; i < items->len; i++)
        declare_item(s, file, items->items[i], owner);
}

/* The closest promise id (or agreement id) within two edits, for "did you mean": a suggestion of
 * the other kind would only lead to the next error. */
static const char *suggest_group(sema *s, const char *name, group_kind kind)
{
    const sc_ptrvec *v = groups_of(s, kind);
    unsigned cap = strlen(name) <= 4 ? 1 : 2;
    unsigned best_d = cap + 1;
    const char *best = NULL;
    for (size_t i = 0; i < v->len; i++) {
        const char *id = ((const group_rec *)v->items[i])->id;
        unsigned d = sc_edit_distance(name, id, cap);
        if (d < best_d || (d == best_d && best && strcmp(id, best) < 0)) {
            best_d = d;
            best = id;
        }
    }
    return best_d <= cap ? best : NULL;
}

static void declare_file(sema *s, uint32_t file);

static void declare_decl(sema *s, uint32_t file, ast_decl *d)
{
    switch (d->kind) {
    case AST_DECL_INCLUDE:
        /* the included file's declarations count as written here */
        for (uint32_t k = 0; k < s->c->srcs.len; k++) {
            const sc_src *src = s->c->srcs.items[k];
            if (src->included_by == file && src->include_loc.line == d->loc.line && src->include_loc.col == d->loc.col)
                declare_file(s, k);
        }
        break;
    case AST_DECL_SCALE:
        declare_scale(s, file, d->u.scale);
        break;
    case AST_DECL_BANDS:
        declare_bands(s, file, d->u.bands);
        break;
    case AST_DECL_PROMISE: {
        group_rec *g = declare_group(s, file, d->u.promise->loc, d->u.promise->id, GROUP_PROMISE);
        if (g)
            g->promise = d->u.promise;
        declare_items_of(s, file, &d->u.promise->items, g);
        break;
    }
    case AST_DECL_AGREEMENT:
    case AST_DECL_CATALOGUE: {
        group_rec *g = declare_group(s, file, d->u.agreement->loc, d->u.agreement->id,
                                     d->kind == AST_DECL_CATALOGUE ? GROUP_CATALOGUE : GROUP_AGREEMENT);
        if (g)
            g->agreement = d->u.agreement;
        declare_items_of(s, file, &d->u.agreement->items, g);
        break;
    }
    case AST_DECL_FIELD:
        declare_item(s, file, d->u.field, NULL);
        break;
    case AST_DECL_EXTEND: {
        ast_extend *e = d->u.extend;
        group_rec *g = symtab_get(&s->groups, e->agreement.name);
        if (g && g->kind == GROUP_PROMISE) {
            sc_sema_error(s->c, file, e->agreement.loc, "'extend' names an agreement or a catalogue of an included file",
                          "'%s' is a promise, not an agreement", g->id);
            g = NULL;
        } else if (!g) {
            const char *sug = sema_muted(s) ? NULL : suggest_group(s, e->agreement.name, GROUP_AGREEMENT);
            if (!sug && !sema_muted(s))
                sug = suggest_group(s, e->agreement.name, GROUP_CATALOGUE);
            char hint[160];
            snprintf(hint, sizeof hint, "did you mean '%s'?", sug ? sug : "");
            sc_sema_error(s->c, file, e->agreement.loc, sug ? hint : "name an agreement of an included file",
                          "unknown agreement '%s'", e->agreement.name);
        } else if (g->file == file) {
            sc_sema_error(s->c, file, e->agreement.loc, e->restate ? "change the agreement's own text" : "add the items to the agreement itself",
                          "'%s' is for agreements of an included file; '%s' is declared in this file",
                          e->restate ? "restate" : "extend", g->id);
            g = NULL;
        } else if (!includes(s, file, g->file)) {
            sc_sema_error(s->c, file, e->agreement.loc, "include that file here, or extend the agreement in a file that includes it",
                          "'%s' is for agreements of an included file; '%s' is declared in '%s', which this file does not include",
                          e->restate ? "restate" : "extend", g->id, file_path(s, g->file));
            g = NULL;
        }
        if (g && e->restate) {
            if (g->kind == GROUP_CATALOGUE) {
                sc_sema_error(s->c, file, e->agreement.loc, "restate an agreement; a catalogue only records what a school offers",
                              "'restate' is for agreements; '%s' is a catalogue", g->id);
            } else if (g->restated && g->restated_file == file) {
                sc_sema_error(s->c, file, e->agreement.loc, "give the agreement one 'restate' in this file",
                              "agreement '%s' is restated twice in this file (first at line %u)", g->id,
                              g->restated->agreement.loc.line);
            } else {
                g->restated = e;
                g->restated_file = file;
            }
        }
        if (g && g->kind == GROUP_CATALOGUE)
            for (size_t k = 0; k < e->items.len; k++) {
                const ast_item *it = e->items.items[k];
                if (!it->is_field)
                    sc_sema_error(s->c, file, it->loc, "write 'field' instead of 'item': a catalogue records answers and never judges them",
                                  "item '%s' cannot be judged inside catalogue '%s'", it->id, g->id);
            }
        declare_items_of(s, file, &e->items, g && g->kind != GROUP_PROMISE ? g : NULL);
        break;
    }
    case AST_DECL_TIGHTEN: {
        tighten_rec *t = walloc(s, sizeof *t);
        if (t) {
            t->ast = d->u.tighten;
            t->file = file;
            push(s, &s->tightens, t);
        }
        break;
    }
    }
}

static void declare_file(sema *s, uint32_t file)
{
    ast_file *f = ((const sc_src *)s->c->srcs.items[file])->ast;
    for (size_t i = 0; i < f->decls.len && !s->oom; i++)
        declare_decl(s, file, f->decls.items[i]);
}

/* ---- types ------------------------------------------------------------------------------ */

static const char *type_word(const sc_rules *r, const sc_type *t)
{
    switch (t->kind) {
    case SC_TYPE_YESNO: return "a yes/no answer";
    case SC_TYPE_NUMBER: return t->bands != SC_NONE ? "a number with bands" : "a number";
    case SC_TYPE_PERCENT: return t->bands != SC_NONE ? "a percentage with bands" : "a percentage";
    case SC_TYPE_DATE: return "a date";
    case SC_TYPE_TEXT: return "a text";
    case SC_TYPE_SCALE: return r->scales[t->scale].ordered ? "a member of an ordered scale" : "a choice";
    case SC_TYPE_SET: return "a set";
    }
    return "?";
}

static const char *type_hint(const sc_rules *r, const sc_type *t)
{
    switch (t->kind) {
    case SC_TYPE_YESNO: return "for a yes/no answer use 'is ja' or 'is nee'";
    case SC_TYPE_NUMBER:
    case SC_TYPE_PERCENT:
        return t->bands != SC_NONE ? "for a number with bands use 'BAND or better', 'is BAND', 'at least N' or 'at most N'"
                                   : "for a number use 'at least N', 'at most N', 'more than N', 'less than N' or 'is N'";
    case SC_TYPE_DATE: return "for a date use 'within N months before peildatum', 'before DATE' or 'after DATE'";
    case SC_TYPE_TEXT: return "a text can only be tested with 'answered'";
    case SC_TYPE_SCALE:
        return r->scales[t->scale].ordered ? "for a scale use 'at MEMBER', 'MEMBER or better', 'is MEMBER' or 'is one of A, B'"
                                           : "for a choice without order use 'is MEMBER' or 'is one of A, B'";
    case SC_TYPE_SET: return "for a set use 'contains A, B' or 'contains at least N of A, B, C'";
    }
    return NULL;
}

static int resolve_type(sema *s, uint32_t file, const ast_type *at, sc_type *out)
{
    sc_compiler *c = s->c;
    memset(out, 0, sizeof *out);
    out->scale = SC_NONE;
    out->bands = SC_NONE;
    switch (at->kind) {
    case AST_TYPE_YESNO: out->kind = SC_TYPE_YESNO; break;
    case AST_TYPE_DATE: out->kind = SC_TYPE_DATE; break;
    case AST_TYPE_TEXT: out->kind = SC_TYPE_TEXT; break;
    case AST_TYPE_NUMBER:
        out->kind = SC_TYPE_NUMBER;
        out->min = 0;
        out->max = 1000000;
        if (at->has_range) {
            if (at->min != floor(at->min) || at->max != floor(at->max))
                sc_sema_error(c, file, at->range_loc, "a number answer is whole; use 'percent' for decimals",
                              "the range of a number must be whole numbers");
            if (at->min > at->max)
                sc_sema_error(c, file, at->range_loc, "write the smaller number first", "the range is reversed");
            out->min = at->min;
            out->max = at->max;
        }
        break;
    case AST_TYPE_PERCENT:
        out->kind = SC_TYPE_PERCENT;
        out->min = 0;
        out->max = 100;
        break;
    case AST_TYPE_NAMED:
    case AST_TYPE_SET_OF: {
        type_rec *tr = symtab_get(&s->types, at->scale.name);
        if (!tr || tr->kind != TYPE_SCALE) {
            const char *sug = sema_muted(s) ? NULL : symtab_suggest(&s->types, at->scale.name);
            char hint[200];
            if (tr)
                snprintf(hint, sizeof hint, "'%s' are bands: write 'percent in %s'", at->scale.name, at->scale.name);
            else if (sug)
                snprintf(hint, sizeof hint, "did you mean '%s'?", sug);
            else
                snprintf(hint, sizeof hint, "declare it with 'scale %s: ...', or use yesno, number, percent, date or text",
                         at->scale.name);
            sc_sema_error(c, file, at->scale.loc, hint, "unknown type '%s'", at->scale.name);
            return -1;
        }
        out->kind = at->kind == AST_TYPE_NAMED ? SC_TYPE_SCALE : SC_TYPE_SET;
        out->scale = tr->index;
        if (out->kind == SC_TYPE_SET && ((const sc_scale *)s->scales.items[tr->index])->nmembers > 64) {
            sc_sema_error(c, file, at->scale.loc, "split the scale", "a set can be made of a scale of at most 64 members");
            return -1;
        }
        break;
    }
    }
    if (at->bands.name) {
        type_rec *tr = symtab_get(&s->types, at->bands.name);
        if (!tr || tr->kind != TYPE_BANDS) {
            /* "did you mean": the closest name of bands, within two edits */
            const char *best = NULL;
            unsigned cap = strlen(at->bands.name) <= 4 ? 1 : 2, best_d = cap + 1;
            for (size_t i = 0; !tr && !sema_muted(s) && i < s->bandsets.len; i++) {
                const char *name = ((const sc_bandset *)s->bandsets.items[i])->name;
                unsigned d = sc_edit_distance(at->bands.name, name, cap);
                if (d < best_d) {
                    best_d = d;
                    best = name;
                }
            }
            char hint[200];
            if (tr)
                snprintf(hint, sizeof hint, "that is a scale; bands are declared with 'bands'");
            else if (best)
                snprintf(hint, sizeof hint, "did you mean '%s'?", best);
            else
                snprintf(hint, sizeof hint, "declare them with 'bands NAME over percent:'");
            sc_sema_error(c, file, at->bands.loc, hint, "unknown bands '%s'", at->bands.name);
            return -1;
        }
        const sc_bandset *bs = s->bandsets.items[tr->index];
        if (out->min < bs->min || out->max > bs->max) {
            char a[SC_NUM_BUF], b[SC_NUM_BUF];
            sc_num_format(a, sizeof a, bs->min);
            sc_num_format(b, sizeof b, bs->max);
            sc_sema_error(c, file, at->bands.loc, "give the number a range within the bands: 'number from A to B in ...'",
                          "answers can lie outside the bands '%s' (%s to %s)", at->bands.name, a, b);
            return -1;
        }
        out->bands = tr->index;
    }
    return 0;
}

/* ---- conditions ------------------------------------------------------------------------- */

typedef struct pred_ctx {
    uint32_t file;
    uint32_t self;           /* the item the condition belongs to */
    const sc_type *types;    /* resolved types of all items */
    const sc_rules *view;    /* rules under construction: scales and bandsets are set */
} pred_ctx;

static uint32_t find_member(sema *s, const pred_ctx *pc, const sc_scale *sc, const ast_name *n)
{
    const names_rec *nr = s->scale_names.items[sc - pc->view->scales];
    uintptr_t k = (uintptr_t)symtab_get(&nr->names, n->name);
    if (k)
        return (uint32_t)(k - 1);
    if (sema_muted(s)) {
        sc_sema_error(s->c, pc->file, n->loc, NULL, "'%s' is not a member of scale '%s'", n->name, sc->name);
        return SC_NONE;
    }
    const char *best = NULL;
    unsigned best_d = 3;
    for (uint32_t i = 0; i < sc->nmembers; i++) {
        unsigned d = sc_edit_distance(n->name, sc->members[i].name, 2);
        if (d < best_d) {
            best_d = d;
            best = sc->members[i].name;
        }
    }
    char hint[512];
    if (best) {
        snprintf(hint, sizeof hint, "did you mean '%s'?", best);
    } else {
        size_t used = (size_t)snprintf(hint, sizeof hint, "the members are:");
        for (uint32_t i = 0; i < sc->nmembers && used < sizeof hint; i++)
            used += (size_t)snprintf(hint + used, sizeof hint - used, "%s %s", i ? "," : "", sc->members[i].name);
    }
    sc_sema_error(s->c, pc->file, n->loc, hint, "'%s' is not a member of scale '%s'", n->name, sc->name);
    return SC_NONE;
}

static uint32_t find_band(sema *s, const pred_ctx *pc, const sc_bandset *bs, const ast_name *n)
{
    const names_rec *nr = s->band_names.items[bs - pc->view->bandsets];
    uintptr_t k = (uintptr_t)symtab_get(&nr->names, n->name);
    if (k)
        return (uint32_t)(k - 1);
    char hint[512];
    size_t used = (size_t)snprintf(hint, sizeof hint, "the bands are:");
    for (uint32_t i = 0; i < bs->nbands && used < sizeof hint; i++)
        used += (size_t)snprintf(hint + used, sizeof hint - used, "%s %s", i ? "," : "", bs->bands[i].name);
    sc_sema_error(s->c, pc->file, n->loc, hint, "'%s' is not a band of '%s'", n->name, bs->name);
    return SC_NONE;
}

static const uint32_t *resolve_members(sema *s, const pred_ctx *pc, const sc_scale *sc, const sc_ptrvec *names, uint32_t *count)
{
    uint32_t *m = oalloc(s, names->len * sizeof *m);
    names_rec *nr = s->scale_names.items[sc - pc->view->scales];
    if (!nr->seen)
        nr->seen = walloc(s, (sc->nmembers ? sc->nmembers : 1) * sizeof *nr->seen);
    if (!m || !nr->seen)
        return NULL;
    uint32_t stamp = ++s->list_stamp;
    bool ok = true;
    for (size_t i = 0; i < names->len; i++) {
        const ast_name *n = names->items[i];
        m[i] = find_member(s, pc, sc, n);
        if (m[i] == SC_NONE) {
            ok = false;
            continue;
        }
        if (nr->seen[m[i]] == stamp) {
            sc_sema_error(s->c, pc->file, n->loc, "name each member once", "'%s' is listed twice", n->name);
            ok = false;
        }
        nr->seen[m[i]] = stamp;
    }
    *count = (uint32_t)names->len;
    return ok ? m : NULL;
}

static bool is_numeric(const sc_type *t)
{
    return t->kind == SC_TYPE_NUMBER || t->kind == SC_TYPE_PERCENT;
}

static const char *pred_words[] = {
    [AST_IS_YES] = "is ja", [AST_IS_NO] = "is nee", [AST_IS_NAME] = "is ...", [AST_IS_NUMBER] = "is N",
    [AST_IS_ONE_OF] = "is one of ...", [AST_AT] = "at ...", [AST_OR_BETTER] = "... or better",
    [AST_NUM_CMP] = "a number comparison", [AST_CONTAINS] = "contains ...", [AST_CONTAINS_N] = "contains at least N of ...",
    [AST_WITHIN] = "within ... before peildatum", [AST_DATE_BEFORE] = "before DATE", [AST_DATE_AFTER] = "after DATE",
    [AST_ANSWERED] = "answered",
};

static sc_pred *resolve_pred(sema *s, const pred_ctx *pc, const ast_pred *ap);

static sc_pred *type_mismatch(sema *s, const pred_ctx *pc, const ast_pred *ap, uint32_t subject)
{
    const sc_type *t = &pc->types[subject];
    const item_rec *ir = s->item_recs.items[subject];
    const char *id = ir->ast ? ir->ast->id : subject < 4 ? builtin_text_fields[subject][0] : "school.peildatum";
    sc_sema_error(s->c, pc->file, ap->loc, type_hint(pc->view, t), "'%s' does not fit '%s', which is %s", pred_words[ap->kind],
                  id, type_word(pc->view, t));
    return NULL;
}

static sc_pred *resolve_pred(sema *s, const pred_ctx *pc, const ast_pred *ap)
{
    if (!ap || s->oom)
        return NULL;
    sc_pred *p = oalloc(s, sizeof *p);
    if (!p)
        return NULL;
    p->pos = srcpos(pc->file, ap->loc);
    p->layer = pc->file;
    p->subject = SC_NONE;
    p->band = SC_NONE;

    if (ap->kind == AST_AND || ap->kind == AST_OR || ap->kind == AST_NOT || ap->kind == AST_AT_LEAST_OF) {
        p->kind = ap->kind == AST_AND ? SC_PRED_AND : ap->kind == AST_OR ? SC_PRED_OR : ap->kind == AST_NOT ? SC_PRED_NOT : SC_PRED_AT_LEAST_OF;
        p->nkids = (uint32_t)ap->kids.len;
        const sc_pred **kids = oalloc(s, p->nkids * sizeof *kids);
        if (!kids)
            return NULL;
        bool ok = true;
        for (uint32_t i = 0; i < p->nkids; i++) {
            kids[i] = resolve_pred(s, pc, ap->kids.items[i]);
            ok = ok && kids[i];
        }
        p->kids = kids;
        if (ap->kind == AST_AT_LEAST_OF) {
            if (ap->number != floor(ap->number) || ap->number < 1 || ap->number > p->nkids) {
                sc_sema_error(s->c, pc->file, ap->number_loc, "count between 1 and the number of conditions listed",
                              "'at least N of' needs N from 1 to %u", p->nkids);
                return NULL;
            }
            p->count = (uint32_t)ap->number;
        }
        return ok ? p : NULL;
    }

    uint32_t subject = pc->self;
    if (ap->subject.name) {
        const item_rec *ir = symtab_get(&s->items, ap->subject.name);
        if (!ir) {
            const char *sug = sema_muted(s) ? NULL : symtab_suggest(&s->items, ap->subject.name);
            char hint[200];
            snprintf(hint, sizeof hint, "did you mean '%s'?", sug ? sug : "");
            sc_sema_error(s->c, pc->file, ap->subject.loc, sug ? hint : "conditions may test any item or field by its id",
                          "unknown item '%s'", ap->subject.name);
            return NULL;
        }
        subject = ir->index;
    }
    p->subject = subject;
    const sc_type *t = &pc->types[subject];
    if (t->kind == (sc_type_kind)-1)
        return NULL; /* its type was already reported */
    const sc_scale *sc = (t->kind == SC_TYPE_SCALE || t->kind == SC_TYPE_SET) ? pc->view->scales + t->scale : NULL;
    const sc_bandset *bs = t->bands != SC_NONE ? pc->view->bandsets + t->bands : NULL;
    char a[SC_NUM_BUF], b[SC_NUM_BUF];

    switch (ap->kind) {
    case AST_IS_YES:
    case AST_IS_NO:
        if (t->kind != SC_TYPE_YESNO)
            return type_mismatch(s, pc, ap, subject);
        p->kind = ap->kind == AST_IS_YES ? SC_PRED_IS_YES : SC_PRED_IS_NO;
        return p;
    case AST_IS_NAME: {
        const ast_name *n = ap->names.items[0];
        if (sc) {
            if (t->kind == SC_TYPE_SET)
                return type_mismatch(s, pc, ap, subject);
            p->kind = SC_PRED_IS_MEMBER;
            p->members = resolve_members(s, pc, sc, &ap->names, &p->nmembers);
            return p->members ? p : NULL;
        }
        if (bs) {
            p->kind = SC_PRED_BAND_IS;
            p->band = find_band(s, pc, bs, n);
            return p->band == SC_NONE ? NULL : p;
        }
        return type_mismatch(s, pc, ap, subject);
    }
    case AST_IS_ONE_OF:
        if (!sc || t->kind != SC_TYPE_SCALE)
            return type_mismatch(s, pc, ap, subject);
        p->kind = SC_PRED_IS_MEMBER;
        p->members = resolve_members(s, pc, sc, &ap->names, &p->nmembers);
        return p->members ? p : NULL;
    case AST_AT:
    case AST_OR_BETTER: {
        const ast_name *n = ap->names.items[0];
        if (sc && t->kind == SC_TYPE_SCALE) {
            if (!sc->ordered) {
                sc_sema_error(s->c, pc->file, ap->loc, "use 'is' or 'is one of'; or write the scale with '>' to give it an order",
                              "scale '%s' has no order, so '%s' has no meaning", sc->name, pred_words[ap->kind]);
                return NULL;
            }
            p->kind = SC_PRED_RANK_AT_LEAST;
            p->members = resolve_members(s, pc, sc, &ap->names, &p->nmembers);
            return p->members ? p : NULL;
        }
        if (bs && ap->kind == AST_OR_BETTER) {
            p->kind = SC_PRED_BAND_AT_LEAST;
            p->band = find_band(s, pc, bs, n);
            return p->band == SC_NONE ? NULL : p;
        }
        return type_mismatch(s, pc, ap, subject);
    }
    case AST_IS_NUMBER:
    case AST_NUM_CMP: {
        if (!is_numeric(t))
            return type_mismatch(s, pc, ap, subject);
        p->kind = SC_PRED_NUM_CMP;
        p->number = ap->number;
        p->cmp = ap->kind == AST_IS_NUMBER ? SC_CMP_EQ
                 : ap->cmp == AST_GE       ? SC_CMP_GE
                 : ap->cmp == AST_GT       ? SC_CMP_GT
                 : ap->cmp == AST_LE       ? SC_CMP_LE
                                           : SC_CMP_LT;
        bool possible = true;
        switch (p->cmp) {
        case SC_CMP_GE: possible = p->number <= t->max; break;
        case SC_CMP_GT: possible = p->number < t->max; break;
        case SC_CMP_LE: possible = p->number >= t->min; break;
        case SC_CMP_LT: possible = p->number > t->min; break;
        case SC_CMP_EQ:
            possible = p->number >= t->min && p->number <= t->max &&
                       (t->kind != SC_TYPE_NUMBER || p->number == floor(p->number));
            break;
        }
        if (!possible) {
            sc_num_format(a, sizeof a, t->min);
            sc_num_format(b, sizeof b, t->max);
            sc_sema_error(s->c, pc->file, ap->number_loc, "check the number, or widen the item's range",
                          "no answer can meet this: answers lie from %s to %s", a, b);
            return NULL;
        }
        return p;
    }
    case AST_CONTAINS:
    case AST_CONTAINS_N:
        if (!sc || t->kind != SC_TYPE_SET)
            return type_mismatch(s, pc, ap, subject);
        p->kind = ap->kind == AST_CONTAINS ? SC_PRED_CONTAINS : SC_PRED_CONTAINS_N;
        p->members = resolve_members(s, pc, sc, &ap->names, &p->nmembers);
        if (!p->members)
            return NULL;
        if (ap->kind == AST_CONTAINS_N) {
            if (ap->number != floor(ap->number) || ap->number < 1 || ap->number > p->nmembers) {
                sc_sema_error(s->c, pc->file, ap->number_loc, "count between 1 and the number of members listed",
                              "'contains at least N of' needs N from 1 to %u", p->nmembers);
                return NULL;
            }
            p->count = (uint32_t)ap->number;
        }
        return p;
    case AST_WITHIN:
        if (t->kind != SC_TYPE_DATE)
            return type_mismatch(s, pc, ap, subject);
        if (ap->number != floor(ap->number) || ap->number < 1 || ap->number > 100000) {
            sc_sema_error(s->c, pc->file, ap->number_loc, "write a whole number of days, months or years", "the period must be a whole number from 1");
            return NULL;
        }
        p->kind = SC_PRED_DATE_WITHIN;
        p->count = (uint32_t)ap->number;
        p->unit = ap->unit == AST_DAYS ? SC_UNIT_DAYS : ap->unit == AST_MONTHS ? SC_UNIT_MONTHS : SC_UNIT_YEARS;
        return p;
    case AST_DATE_BEFORE:
    case AST_DATE_AFTER:
        if (t->kind != SC_TYPE_DATE)
            return type_mismatch(s, pc, ap, subject);
        p->kind = SC_PRED_DATE_CMP;
        p->cmp = ap->kind == AST_DATE_BEFORE ? SC_CMP_LT : SC_CMP_GT;
        p->date = ap->date;
        return p;
    case AST_ANSWERED:
        p->kind = SC_PRED_ANSWERED;
        return p;
    default:
        return NULL;
    }
}

/* ---- building the result ------------------------------------------------------------------ */

static uint32_t *index_list(sema *s, const sc_ptrvec *recs, bool items)
{
    uint32_t *out = oalloc(s, recs->len * sizeof *out);
    if (!out)
        return NULL;
    for (size_t i = 0; i < recs->len; i++)
        out[i] = items ? ((const item_rec *)recs->items[i])->index : ((const group_rec *)recs->items[i])->index;
    return out;
}

static void check_header(sema *s)
{
    sc_compiler *c = s->c;
    sc_rules *r = c->rules;
    const ast_file *main = ((const sc_src *)c->srcs.items[0])->ast;
    if (!main->ruleset.text)
        sc_sema_error(c, 0, (ast_loc){1, 1}, "start the file with: ruleset \"Name of the rules\"", "the rules have no 'ruleset' name");
    if (!main->version.text)
        sc_sema_error(c, 0, (ast_loc){1, 1}, "add a line: version \"2023-04-04\"", "the rules have no 'version'");
    r->name = ostr(s, main->ruleset.text ? main->ruleset.text : "");
    r->version = ostr(s, main->version.text ? main->version.text : "");
    r->source = ostr(s, main->source.text);
    r->has_valid_from = main->has_valid_from;
    r->has_valid_until = main->has_valid_until;
    r->valid_from = main->valid_from;
    r->valid_until = main->valid_until;
    if (main->has_valid_until && main->valid_until < main->valid_from)
        sc_sema_error(c, 0, main->valid_loc, "'until' must come after 'from'", "the validity period ends before it starts");

    r->nfiles = (uint32_t)c->srcs.len;
    sc_rules_file *files = oalloc(s, r->nfiles * sizeof *files);
    if (!files)
        return;
    for (uint32_t i = 0; i < r->nfiles; i++) {
        const sc_src *src = c->srcs.items[i];
        files[i].path = ostr(s, src->ast->path);
        files[i].ruleset = ostr(s, src->ast->ruleset.text ? src->ast->ruleset.text : "");
        files[i].version = ostr(s, src->ast->version.text ? src->ast->version.text : "");
        files[i].included_by = src->included_by;
    }
    r->files = files;
}

static void declare_builtins(sema *s)
{
    for (size_t i = 0; i < sizeof builtin_text_fields / sizeof builtin_text_fields[0] + 1; i++) {
        item_rec *rec = walloc(s, sizeof *rec);
        if (!rec)
            return;
        rec->index = (uint32_t)s->item_recs.len;
        const char *id = i < 4 ? builtin_text_fields[i][0] : "school.peildatum";
        symtab_put(s->work, &s->items, id, rec, &s->oom);
        push(s, &s->item_recs, rec);
    }
}

/* An id that is also the start of another ("aanbod" and "aanbod.dyslexie") cannot be written in YAML. */
static void check_prefixes(sema *s)
{
    for (size_t i = 0; i < s->item_recs.len; i++) {
        const item_rec *ir = s->item_recs.items[i];
        if (!ir->ast)
            continue;
        const char *id = ir->ast->id;
        char buf[512];
        for (const char *dot = strchr(id, '.'); dot; dot = strchr(dot + 1, '.')) {
            size_t n = (size_t)(dot - id);
            if (n >= sizeof buf)
                break;
            memcpy(buf, id, n);
            buf[n] = '\0';
            const item_rec *other = symtab_get(&s->items, buf);
            if (other && other->ast)
                sc_sema_error(s->c, ir->file, ir->ast->id_loc, "rename one of them; a profile cannot answer both",
                              "item '%s' starts with the id of item '%s'", id, buf);
            else if (other) /* school.naam and school.naam.kort clash in the profile's school: header too */
                sc_sema_error(s->c, ir->file, ir->ast->id_loc, "choose another id; a profile cannot answer both",
                              "item '%s' starts with the id of the built-in field '%s'", id, buf);
        }
    }
}

/* The promise indices a `serves` line names (each once, each a promise), with `rec` pushed onto
 * by[promise] for each; every other name is reported. NULL only when out of memory. */
static uint32_t *resolve_serves(sema *s, uint32_t file, const sc_ptrvec *names, sc_ptrvec *by, void *rec, uint32_t *count)
{
    uint32_t *serves = oalloc(s, (names->len ? names->len : 1) * sizeof *serves);
    uint32_t n = 0;
    if (!s->promise_seen)
        s->promise_seen = walloc(s, (s->promises.len ? s->promises.len : 1) * sizeof *s->promise_seen);
    if (!serves || !s->promise_seen)
        return NULL;
    uint32_t stamp = ++s->list_stamp;
    for (size_t k = 0; k < names->len; k++) {
        const ast_name *pn = names->items[k];
        const group_rec *pg = symtab_get(&s->groups, pn->name);
        if (!pg || pg->kind != GROUP_PROMISE) {
            const char *sug = sema_muted(s) ? NULL : suggest_group(s, pn->name, GROUP_PROMISE);
            char hint[200];
            snprintf(hint, sizeof hint, "did you mean '%s'?", sug ? sug : "");
            if (pg)
                sc_sema_error(s->c, file, pn->loc, "'serves' names promises, declared with 'promise'", "'%s' is %s, not a promise",
                              pn->name, group_words[pg->kind]);
            else
                sc_sema_error(s->c, file, pn->loc, sug ? hint : "'serves' names promises, declared with 'promise'",
                              "unknown promise '%s'", pn->name);
            continue;
        }
        if (s->promise_seen[pg->index] == stamp) {
            sc_sema_error(s->c, file, pn->loc, "name each promise once", "promise '%s' is named twice", pn->name);
            continue;
        }
        s->promise_seen[pg->index] = stamp;
        serves[n++] = pg->index;
        push(s, &by[pg->index], rec);
    }
    *count = n;
    return serves;
}

int sc_sema_run(sc_compiler *c)
{
    sema st = {.c = c, .out = &c->rules->arena, .work = &c->work};
    sema *s = &st;
    sc_rules *r = c->rules;
    unsigned errors_before = c->diags->errors;

    check_header(s);
    declare_builtins(s);
    declare_file(s, 0);
    check_prefixes(s);
    if (s->oom)
        return -1;

    r->nscales = (uint32_t)s->scales.len;
    sc_scale *scales = oalloc(s, r->nscales * sizeof *scales);
    r->nbandsets = (uint32_t)s->bandsets.len;
    sc_bandset *bandsets = oalloc(s, r->nbandsets * sizeof *bandsets);
    if (!scales || !bandsets)
        return -1;
    for (uint32_t i = 0; i < r->nscales; i++)
        scales[i] = *(const sc_scale *)s->scales.items[i];
    for (uint32_t i = 0; i < r->nbandsets; i++)
        bandsets[i] = *(const sc_bandset *)s->bandsets.items[i];
    r->scales = scales;
    r->bandsets = bandsets;

    /* items: types first (conditions need every item's type), then conditions */
    r->nitems = (uint32_t)s->item_recs.len;
    sc_item *items = oalloc(s, r->nitems * sizeof *items);
    sc_type *types = walloc(s, r->nitems * sizeof *types);
    if (!items || !types)
        return -1;
    for (uint32_t i = 0; i < r->nitems; i++) {
        const item_rec *ir = s->item_recs.items[i];
        sc_item *it = &items[i];
        it->agreement = it->promise = it->catalogue = SC_NONE;
        if (!ir->ast) {
            it->id = ostr(s, i < 4 ? builtin_text_fields[i][0] : "school.peildatum");
            it->text = ostr(s, i < 4 ? builtin_text_fields[i][1] : "Peildatum");
            it->role = SC_ROLE_FIELD;
            it->type = (sc_type){.kind = i < 4 ? SC_TYPE_TEXT : SC_TYPE_DATE, .scale = SC_NONE, .bands = SC_NONE};
            it->required = i == 4;
            if (i == 4)
                r->peildatum = i;
            it->pos = (sc_srcpos){0, 0, 0};
            types[i] = it->type;
            continue;
        }
        const ast_item *a = ir->ast;
        it->id = ostr(s, a->id);
        it->role = a->is_field ? SC_ROLE_FIELD : SC_ROLE_ITEM;
        it->text = ostr(s, a->text);
        it->note = ostr(s, a->note.text);
        it->help = ostr(s, a->help.text);
        it->source = ostr(s, a->source.text);
        it->required = a->required;
        it->pos = srcpos(ir->file, a->loc);
        it->capacity = (a->capacity & AST_CAPACITY_PLACES ? SC_CAPACITY_PLACES : 0u) |
                       (a->capacity & AST_CAPACITY_HOURS ? SC_CAPACITY_HOURS : 0u);
        if (ir->owner) {
            if (ir->owner->kind == GROUP_PROMISE)
                it->promise = ir->owner->index;
            else if (ir->owner->kind == GROUP_AGREEMENT)
                it->agreement = ir->owner->index;
            else
                it->catalogue = ir->owner->index;
        }
        if (resolve_type(s, ir->file, &a->type, &it->type) != 0)
            it->type.kind = (sc_type_kind)-1;
        types[i] = it->type;
    }
    r->items = items;
    pred_ctx pc = {.types = types, .view = r};
    for (uint32_t i = 0; i < r->nitems; i++) {
        const item_rec *ir = s->item_recs.items[i];
        if (!ir->ast || types[i].kind == (sc_type_kind)-1)
            continue;
        pc.file = ir->file;
        pc.self = i;
        items[i].norm = resolve_pred(s, &pc, ir->ast->norm);
        items[i].ambition = resolve_pred(s, &pc, ir->ast->ambition);
        items[i].when = resolve_pred(s, &pc, ir->ast->when);
        if (!ir->ast->is_field && !ir->ast->norm && !ir->ast->ambition)
            sc_sema_warning(c, ir->file, ir->ast->id_loc, "add a 'norm' or an 'ambition', or declare it as a 'field'",
                            "item '%s' has neither norm nor ambition", ir->ast->id);
    }

    /* tightenings: only of items from included files; the effective norm is the old one AND the new ones.
     * One tightening of an item per file: its conditions go in one norm, joined with 'and' (so the
     * number of tightenings of an item stays below the depth of includes, and each costs a copy of
     * the ones before it, not of thousands). */
    const tighten_rec **last_tighten = walloc(s, r->nitems * sizeof *last_tighten);
    if (!last_tighten)
        return -1;
    for (size_t k = 0; k < s->tightens.len; k++) {
        const tighten_rec *t = s->tightens.items[k];
        item_rec *ir = symtab_get(&s->items, t->ast->item.name);
        if (ir && !ir->ast) {
            sc_sema_error(c, t->file, t->ast->item.loc, "name an item of an included file",
                          "'%s' is a built-in field and has no norm to tighten", t->ast->item.name);
            continue;
        }
        if (!ir) {
            const char *sug = sema_muted(s) ? NULL : symtab_suggest(&s->items, t->ast->item.name);
            char hint[200];
            snprintf(hint, sizeof hint, "did you mean '%s'?", sug ? sug : "");
            sc_sema_error(c, t->file, t->ast->item.loc, sug ? hint : "name an item of an included file", "unknown item '%s'",
                          t->ast->item.name);
            continue;
        }
        if (ir->ast->is_field) {
            /* a field is never judged (engine/check.c): a norm on it would silently do nothing */
            sc_sema_error(c, t->file, t->ast->item.loc, "declare it with 'item' where it is declared, to judge it",
                          "'%s' is a field and has no norm to tighten: fields are never judged", ir->ast->id);
            continue;
        }
        if (ir->file == t->file) {
            sc_sema_error(c, t->file, t->ast->item.loc, "change the item's norm where it is declared",
                          "'tighten' is for items of an included file; '%s' is declared in this file", ir->ast->id);
            continue;
        }
        if (!includes(s, t->file, ir->file)) {
            sc_sema_error(c, t->file, t->ast->item.loc, "include that file here, or tighten the item in a file that includes it",
                          "'tighten' is for items of an included file; '%s' is declared in '%s', which this file does not include",
                          ir->ast->id, file_path(s, ir->file));
            continue;
        }
        const tighten_rec *before = last_tighten[ir->index];
        if (before && before->file == t->file) {
            sc_sema_error(c, t->file, t->ast->item.loc, "give one 'tighten' a norm of all the conditions, joined with 'and'",
                          "'%s' is tightened twice in this file (first at line %u)", ir->ast->id, before->ast->loc.line);
            continue;
        }
        last_tighten[ir->index] = t;
        if (!t->ast->norm) {
            sc_sema_error(c, t->file, t->ast->loc, "add a line 'norm ...' under it", "'tighten %s' has no norm", ir->ast->id);
            continue;
        }
        if (types[ir->index].kind == (sc_type_kind)-1)
            continue;
        pc.file = t->file;
        pc.self = ir->index;
        const sc_pred *extra = resolve_pred(s, &pc, t->ast->norm);
        if (!extra)
            continue;
        sc_item *it = &items[ir->index];
        if (!it->norm) {
            it->norm = extra;
        } else {
            sc_pred *both = oalloc(s, sizeof *both);
            const sc_pred **kids = oalloc(s, 2 * sizeof *kids);
            if (!both || !kids)
                return -1;
            kids[0] = it->norm;
            kids[1] = extra;
            both->kind = SC_PRED_AND;
            both->pos = extra->pos;
            both->layer = t->file;
            both->subject = SC_NONE;
            both->band = SC_NONE;
            both->nkids = 2;
            both->kids = kids;
            it->norm = both;
        }
        sc_tightening *tl = oalloc(s, (it->ntightenings + 1) * sizeof *tl);
        if (!tl)
            return -1;
        if (it->ntightenings)
            memcpy(tl, it->tightenings, it->ntightenings * sizeof *tl);
        tl[it->ntightenings++] = (sc_tightening){extra, srcpos(t->file, t->ast->loc)};
        it->tightenings = tl;
    }

    /* promises, agreements and catalogues */
    r->npromises = (uint32_t)s->promises.len;
    r->nagreements = (uint32_t)s->agreements.len;
    r->ncatalogues = (uint32_t)s->catalogues.len;
    sc_promise *promises = oalloc(s, r->npromises * sizeof *promises);
    sc_agreement *agreements = oalloc(s, r->nagreements * sizeof *agreements);
    sc_catalogue *catalogues = oalloc(s, r->ncatalogues * sizeof *catalogues);
    sc_ptrvec *served_by = walloc(s, r->npromises * sizeof *served_by);
    sc_ptrvec *serving = walloc(s, r->npromises * sizeof *serving);
    if (!promises || !agreements || !catalogues || (r->npromises && (!served_by || !serving)))
        return -1;
    for (uint32_t i = 0; i < r->nagreements; i++) {
        const group_rec *g = s->agreements.items[i];
        const ast_agreement *a = g->agreement;
        sc_agreement *ag = &agreements[i];
        ag->id = ostr(s, a->id);
        const ast_extend *re = g->restated;
        ag->title = ostr(s, re && re->title.text ? re->title.text : a->title.text);
        ag->text = ostr(s, re ? re->text : a->text);
        ag->source = ostr(s, re && re->source.text ? re->source.text : a->source.text);
        ag->pos = srcpos(g->file, a->loc);
        ag->restated = re != NULL;
        if (re)
            ag->restated_pos = srcpos(g->restated_file, re->loc);
        ag->nitems = (uint32_t)g->items.len;
        ag->items = index_list(s, &g->items, true);
        ag->promises = resolve_serves(s, g->file, &a->serves, served_by, (void *)g, &ag->npromises);
        if (!ag->promises)
            return -1;
        if (a->serves.len == 0)
            sc_sema_warning(c, g->file, a->loc, "add a line 'serves P1' naming the promises it carries out",
                            "agreement '%s' serves no promise", a->id);
    }
    /* items that serve a promise of their own, beside their agreement's */
    for (uint32_t i = 0; i < r->nitems; i++) {
        item_rec *ir = s->item_recs.items[i];
        items[i].promises = NULL;
        if (!ir->ast || !ir->ast->serves.len)
            continue;
        uint32_t *list = resolve_serves(s, ir->file, &ir->ast->serves, serving, ir, &items[i].npromises);
        if (!list)
            return -1;
        items[i].promises = list;
        const sc_agreement *own = items[i].agreement != SC_NONE ? &agreements[items[i].agreement] : NULL;
        for (uint32_t k = 0; own && k < items[i].npromises; k++)
            for (uint32_t j = 0; j < own->npromises; j++)
                if (own->promises[j] == list[k])
                    sc_sema_warning(c, ir->file, ir->ast->serves_loc, "remove it from the item's 'serves'",
                                    "item '%s' serves promise '%s' already through agreement '%s'", ir->ast->id,
                                    ((const group_rec *)s->promises.items[list[k]])->id, own->id);
    }
    for (uint32_t i = 0; i < r->npromises; i++) {
        const group_rec *g = s->promises.items[i];
        const ast_promise *a = g->promise;
        sc_promise *pr = &promises[i];
        pr->id = ostr(s, a->id);
        pr->text = ostr(s, a->text);
        pr->source = ostr(s, a->source.text);
        pr->pos = srcpos(g->file, a->loc);
        pr->nitems = (uint32_t)g->items.len;
        pr->items = index_list(s, &g->items, true);
        pr->nagreements = (uint32_t)served_by[i].len;
        pr->agreements = index_list(s, &served_by[i], false);
        pr->nserving = (uint32_t)serving[i].len;
        pr->serving = index_list(s, &serving[i], true);
        if (pr->nagreements == 0 && pr->nitems == 0 && pr->nserving == 0)
            sc_sema_warning(c, g->file, a->loc, "name it in the 'serves' line of the agreements that carry it out",
                            "no agreement serves promise '%s'", a->id);
    }
    for (uint32_t i = 0; i < r->ncatalogues; i++) {
        const group_rec *g = s->catalogues.items[i];
        const ast_agreement *a = g->agreement;
        sc_catalogue *cat = &catalogues[i];
        cat->id = ostr(s, a->id);
        cat->title = ostr(s, a->title.text);
        cat->text = ostr(s, a->text);
        cat->source = ostr(s, a->source.text);
        cat->pos = srcpos(g->file, a->loc);
        cat->nitems = (uint32_t)g->items.len;
        cat->items = index_list(s, &g->items, true);
    }
    r->promises = promises;
    r->agreements = agreements;
    r->catalogues = catalogues;

    return s->oom ? -1 : (c->diags->errors != errors_before ? -1 : 0);
}
