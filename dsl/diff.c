/* dsl/diff.c — compares two compiled rulesets: conditions are compared by their structure (numbers as doubles, items, members and bands by name), and shown in canonical rules text. */
#include "diff.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../base/num.h"
#include "../base/out.h"
#include "../base/text.h"
#include "describe.h"

typedef struct diff_ctx {
    sc_diff *d;
    size_t cap;
    bool oom;
} diff_ctx;

static const char *const kind_names[] = {
    [SC_CHANGE_VALIDITY] = "validity changed",
    [SC_CHANGE_PROMISE_ADDED] = "promise added",
    [SC_CHANGE_PROMISE_REMOVED] = "promise removed",
    [SC_CHANGE_AGREEMENT_ADDED] = "agreement added",
    [SC_CHANGE_AGREEMENT_REMOVED] = "agreement removed",
    [SC_CHANGE_AGREEMENT_TEXT] = "agreement text changed",
    [SC_CHANGE_SERVES] = "serves changed",
    [SC_CHANGE_BAND_MOVED] = "band moved",
    [SC_CHANGE_ITEM_ADDED] = "item added",
    [SC_CHANGE_ITEM_REMOVED] = "item removed",
    [SC_CHANGE_ITEM_TEXT] = "item text changed",
    [SC_CHANGE_TIGHTENED] = "tightened",
    [SC_CHANGE_RELAXED] = "relaxed",
    [SC_CHANGE_NORM_CHANGED] = "changed",
    [SC_CHANGE_NORM_ADDED] = "norm added",
    [SC_CHANGE_NORM_REMOVED] = "norm removed",
    [SC_CHANGE_AMBITION_BECAME_NORM] = "ambition became norm",
    [SC_CHANGE_AMBITION] = "ambition changed",
    [SC_CHANGE_ITEM_MOVED] = "item moved",
    [SC_CHANGE_CATALOGUE_ADDED] = "catalogue added",
    [SC_CHANGE_CATALOGUE_REMOVED] = "catalogue removed",
    [SC_CHANGE_CATALOGUE_TEXT] = "catalogue text changed",
    [SC_CHANGE_OFFER_ADDED] = "offer added",
    [SC_CHANGE_OFFER_REMOVED] = "offer removed",
    [SC_CHANGE_CAPACITY] = "capacity changed",
    [SC_CHANGE_ITEM_SERVES] = "item serves changed",
    [SC_CHANGE_AGREEMENT_SOURCE] = "agreement source changed",
};

const char *sc_change_kind_name(sc_change_kind k)
{
    if ((size_t)k < sizeof kind_names / sizeof kind_names[0] && kind_names[k])
        return kind_names[k];
    return "changed";
}

static void add(diff_ctx *c, sc_change_kind kind, const char *id, const char *field, const char *o, const char *n)
{
    if (c->oom)
        return;
    sc_diff *d = c->d;
    if (d->nchanges == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 32;
        sc_change *nc = sc_arena_alloc(&d->arena, cap * sizeof *nc);
        if (!nc) {
            c->oom = true;
            return;
        }
        if (d->nchanges)
            memcpy(nc, d->changes, d->nchanges * sizeof *nc);
        d->changes = nc;
        c->cap = cap;
    }
    d->changes[d->nchanges++] = (sc_change){kind, id, field, o, n};
}

/* The canonical rules text of a condition, in the diff's arena; NULL for no condition. */
static const char *pred_text(diff_ctx *c, const sc_rules *r, const sc_pred *p, uint32_t self)
{
    if (!p)
        return NULL;
    sc_out o;
    sc_out_init_mem(&o);
    sc_pred_write_rules(&o, r, p, self);
    const char *s = NULL;
    if (!o.failed)
        s = sc_arena_strndup(&c->d->arena, o.buf ? o.buf : "", o.len);
    sc_out_free(&o);
    if (!s)
        c->oom = true;
    return s;
}

static bool same(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

/* The name of a band of the subject's bands in r. */
static const char *band_name(const sc_rules *r, const sc_pred *p)
{
    uint32_t bs = p->subject != SC_NONE ? r->items[p->subject].type.bands : SC_NONE;
    if (bs == SC_NONE || p->band >= r->bandsets[bs].nbands)
        return NULL;
    return r->bandsets[bs].bands[p->band].name;
}

/* The name of the k-th member a condition names, from its subject's scale in r. */
static const char *member_name(const sc_rules *r, const sc_pred *p, uint32_t k)
{
    uint32_t sc = p->subject != SC_NONE ? r->items[p->subject].type.scale : SC_NONE;
    if (sc == SC_NONE || p->members[k] >= r->scales[sc].nmembers)
        return NULL;
    return r->scales[sc].members[p->members[k]].name;
}

/* Whether condition a (of ruleset ra) and b (of rb) say the same: the same kind, the same subject by id, the
 * same comparison, numbers equal as doubles (not as rendered: 0.12345678901 is not 0.12345678902), the same
 * dates, amounts, units, members and bands by name, in the same order, and kids that are the same in turn. */
static bool pred_equal(const sc_rules *ra, const sc_pred *a, const sc_rules *rb, const sc_pred *b)
{
    if (!a || !b)
        return a == b;
    if (a->kind != b->kind || (a->subject == SC_NONE) != (b->subject == SC_NONE))
        return false;
    if (a->subject != SC_NONE && strcmp(ra->items[a->subject].id, rb->items[b->subject].id) != 0)
        return false;
    switch (a->kind) {
    case SC_PRED_AND:
    case SC_PRED_OR:
    case SC_PRED_NOT:
    case SC_PRED_AT_LEAST_OF:
        if (a->nkids != b->nkids || (a->kind == SC_PRED_AT_LEAST_OF && a->count != b->count))
            return false;
        for (uint32_t k = 0; k < a->nkids; k++)
            if (!pred_equal(ra, a->kids[k], rb, b->kids[k]))
                return false;
        return true;
    case SC_PRED_ANSWERED:
    case SC_PRED_IS_YES:
    case SC_PRED_IS_NO:
        return true;
    case SC_PRED_IS_MEMBER:
    case SC_PRED_RANK_AT_LEAST:
    case SC_PRED_CONTAINS:
    case SC_PRED_CONTAINS_N:
        if (a->nmembers != b->nmembers || (a->kind == SC_PRED_CONTAINS_N && a->count != b->count))
            return false;
        for (uint32_t k = 0; k < a->nmembers; k++)
            if (!same(member_name(ra, a, k), member_name(rb, b, k)))
                return false;
        return true;
    case SC_PRED_BAND_AT_LEAST:
    case SC_PRED_BAND_IS:
        return same(band_name(ra, a), band_name(rb, b));
    case SC_PRED_NUM_CMP:
        return a->cmp == b->cmp && a->number == b->number;
    case SC_PRED_DATE_WITHIN:
        return a->count == b->count && a->unit == b->unit;
    case SC_PRED_DATE_CMP:
        return a->cmp == b->cmp && a->date == b->date;
    }
    return false;
}

/* -1 stricter (tightened), +1 looser (relaxed), 0 not comparable or equal, for two simple norms. */
static int compare_simple(const sc_rules *ro, const sc_pred *po, uint32_t so, const sc_rules *rn, const sc_pred *pn,
                          uint32_t sn)
{
    if (po->kind != pn->kind || po->subject != so || pn->subject != sn)
        return 0;
    const sc_item *io = &ro->items[so], *in = &rn->items[sn];
    switch (po->kind) {
    case SC_PRED_RANK_AT_LEAST: {
        if (io->type.kind != SC_TYPE_SCALE || in->type.kind != SC_TYPE_SCALE || !po->nmembers || !pn->nmembers)
            return 0;
        const sc_scale *so_ = &ro->scales[io->type.scale], *sn_ = &rn->scales[in->type.scale];
        if (strcmp(so_->name, sn_->name) != 0 || !so_->ordered || !sn_->ordered)
            return 0;
        const char *oname = so_->members[po->members[0]].name;
        uint32_t orank = sc_scale_find_member(sn_, oname, strlen(oname));
        uint32_t nrank = pn->members[0];
        if (orank == SC_NONE || orank == nrank)
            return 0;
        return nrank < orank ? -1 : 1;  /* rank 0 is best: a better member asks more */
    }
    case SC_PRED_NUM_CMP:
        if (po->cmp != pn->cmp || po->number == pn->number)
            return 0;
        if (po->cmp == SC_CMP_GE || po->cmp == SC_CMP_GT)
            return pn->number > po->number ? -1 : 1;
        if (po->cmp == SC_CMP_LE || po->cmp == SC_CMP_LT)
            return pn->number < po->number ? -1 : 1;
        return 0;
    case SC_PRED_BAND_AT_LEAST: {
        if (io->type.bands == SC_NONE || in->type.bands == SC_NONE)
            return 0;
        const sc_bandset *bo = &ro->bandsets[io->type.bands], *bn = &rn->bandsets[in->type.bands];
        if (strcmp(bo->name, bn->name) != 0 || po->band == pn->band)
            return 0;
        return pn->band > po->band ? -1 : 1;  /* a higher band asks more */
    }
    default:
        return 0;
    }
}

/* A tightened norm compiles to `old and extra` (nested for several tightenings): the extra
 * conditions in rules text when `pn` is such a form of the old norm text, else NULL. */
static const char *tightening_extra(diff_ctx *c, const sc_rules *rn, const sc_pred *pn, uint32_t sn,
                                    const sc_rules *ro, const sc_pred *po)
{
    const sc_pred *extras[16];
    size_t nextra = 0;
    for (const sc_pred *p = pn; p && p->kind == SC_PRED_AND && p->nkids >= 2 && nextra < 16; p = p->kids[0]) {
        for (uint32_t k = p->nkids; k-- > 1 && nextra < 16;)
            extras[nextra++] = p->kids[k];
        if (pred_equal(rn, p->kids[0], ro, po)) {
            sc_out o;
            sc_out_init_mem(&o);
            for (size_t k = nextra; k-- > 0;) {
                if (k + 1 != nextra)
                    sc_out_puts(&o, " and ");
                bool paren = extras[k]->kind == SC_PRED_OR;
                if (paren)
                    sc_out_putc(&o, '(');
                sc_pred_write_rules(&o, rn, extras[k], sn);
                if (paren)
                    sc_out_putc(&o, ')');
            }
            const char *s = o.failed ? NULL : sc_arena_strndup(&c->d->arena, o.buf ? o.buf : "", o.len);
            sc_out_free(&o);
            if (!s)
                c->oom = true;
            return s;
        }
    }
    return NULL;
}

/* The id of the agreement an item belongs to, of the promise it is a requirement of, or of the catalogue it is a
 * field of; NULL for a field of the school. */
static const char *owner_id(const sc_rules *r, const sc_item *it)
{
    if (it->agreement != SC_NONE)
        return r->agreements[it->agreement].id;
    if (it->promise != SC_NONE)
        return r->promises[it->promise].id;
    if (it->catalogue != SC_NONE)
        return r->catalogues[it->catalogue].id;
    return NULL;
}

/* What the long form of an answer may add, as the rules write it ("places, hours"); NULL for nothing. */
static const char *capacity_text(unsigned capacity)
{
    if (capacity & SC_CAPACITY_PLACES)
        return capacity & SC_CAPACITY_HOURS ? "places, hours" : "places";
    return capacity & SC_CAPACITY_HOURS ? "hours" : NULL;
}

static const char *id_list_text(diff_ctx *c, const sc_rules *r, const uint32_t *promises, uint32_t n);

static void diff_item(diff_ctx *c, const sc_rules *ro, uint32_t so, const sc_rules *rn, uint32_t sn)
{
    const sc_item *io = &ro->items[so], *in = &rn->items[sn];
    if (!same(io->text, in->text))
        add(c, SC_CHANGE_ITEM_TEXT, in->id, "text", io->text, in->text);
    const char *on = pred_text(c, ro, io->norm, so), *nn = pred_text(c, rn, in->norm, sn);
    const char *oa = pred_text(c, ro, io->ambition, so), *na = pred_text(c, rn, in->ambition, sn);
    bool became = false;
    if (on && nn) {
        if (!pred_equal(ro, io->norm, rn, in->norm)) {
            /* a tightening added (the new norm is the old one and more), or one taken back (the old
             * norm was the new one and more) */
            const char *extra = tightening_extra(c, rn, in->norm, sn, ro, io->norm);
            bool undone = !extra && tightening_extra(c, ro, io->norm, so, rn, in->norm);
            int cmp = extra ? -1 : undone ? 1 : compare_simple(ro, io->norm, so, rn, in->norm, sn);
            sc_change_kind k = cmp < 0 ? SC_CHANGE_TIGHTENED : cmp > 0 ? SC_CHANGE_RELAXED : SC_CHANGE_NORM_CHANGED;
            add(c, k, in->id, "norm", on, extra ? extra : nn);
        }
    } else if (nn) {
        became = oa && pred_equal(ro, io->ambition, rn, in->norm);
        add(c, became ? SC_CHANGE_AMBITION_BECAME_NORM : SC_CHANGE_NORM_ADDED, in->id, "norm", NULL, nn);
    } else if (on) {
        add(c, SC_CHANGE_NORM_REMOVED, in->id, "norm", on, NULL);
    }
    if (!pred_equal(ro, io->ambition, rn, in->ambition) && !(became && !na))
        add(c, SC_CHANGE_AMBITION, in->id, "ambition", oa, na);
    const char *og = owner_id(ro, io), *ng = owner_id(rn, in);
    if (!same(og, ng)) {
        bool agreements = (io->agreement != SC_NONE || !og) && (in->agreement != SC_NONE || !ng);
        add(c, SC_CHANGE_ITEM_MOVED, in->id, agreements ? "agreement" : "belongs to", og, ng);
    }
    if (io->capacity != in->capacity)
        add(c, SC_CHANGE_CAPACITY, in->id, "capacity", capacity_text(io->capacity), capacity_text(in->capacity));
    const char *op = id_list_text(c, ro, io->promises, io->npromises), *np = id_list_text(c, rn, in->promises, in->npromises);
    if (op && np && strcmp(op, np) != 0)
        add(c, SC_CHANGE_ITEM_SERVES, in->id, "serves", *op ? op : NULL, *np ? np : NULL);
}

/* The ids of promises, comma-separated ("" for none), in the diff's arena; NULL when out of memory. */
static const char *id_list_text(diff_ctx *c, const sc_rules *r, const uint32_t *promises, uint32_t n)
{
    sc_out o;
    sc_out_init_mem(&o);
    for (uint32_t i = 0; i < n; i++) {
        if (i)
            sc_out_puts(&o, ", ");
        sc_out_puts(&o, r->promises[promises[i]].id);
    }
    const char *s = o.failed ? NULL : sc_arena_strndup(&c->d->arena, o.buf ? o.buf : "", o.len);
    sc_out_free(&o);
    if (!s)
        c->oom = true;
    return s;
}

static const char *serves_text(diff_ctx *c, const sc_rules *r, const sc_agreement *a)
{
    return id_list_text(c, r, a->promises, a->npromises);
}

static const char *date_text(diff_ctx *c, bool has, sc_date d)
{
    if (!has)
        return NULL;
    char buf[16];
    sc_date_format(d, buf);
    const char *s = sc_arena_strdup(&c->d->arena, buf);
    if (!s)
        c->oom = true;
    return s;
}

static const char *number_text(diff_ctx *c, double v)
{
    char buf[SC_NUM_BUF];
    sc_num_format(buf, sizeof buf, v);
    const char *s = sc_arena_strdup(&c->d->arena, buf);
    if (!s)
        c->oom = true;
    return s;
}

static uint32_t find_bandset(const sc_rules *r, const char *name)
{
    for (uint32_t i = 0; i < r->nbandsets; i++)
        if (strcmp(r->bandsets[i].name, name) == 0)
            return i;
    return SC_NONE;
}

int sc_diff_rules(const sc_rules *ro, const sc_rules *rn, sc_diff *out)
{
    memset(out, 0, sizeof *out);
    sc_arena_init(&out->arena, 0);
    diff_ctx c = {out, 0, false};

    /* validity */
    const char *of = date_text(&c, ro->has_valid_from, ro->valid_from), *nf = date_text(&c, rn->has_valid_from, rn->valid_from);
    if (!same(of, nf))
        add(&c, SC_CHANGE_VALIDITY, "ruleset", "valid from", of, nf);
    const char *ou = date_text(&c, ro->has_valid_until, ro->valid_until);
    const char *nu = date_text(&c, rn->has_valid_until, rn->valid_until);
    if (!same(ou, nu))
        add(&c, SC_CHANGE_VALIDITY, "ruleset", "valid until", ou, nu);

    /* promises */
    for (uint32_t i = 0; i < ro->npromises; i++)
        if (sc_rules_find_promise(rn, ro->promises[i].id) == SC_NONE)
            add(&c, SC_CHANGE_PROMISE_REMOVED, ro->promises[i].id, "text", ro->promises[i].text, NULL);
    for (uint32_t i = 0; i < rn->npromises; i++)
        if (sc_rules_find_promise(ro, rn->promises[i].id) == SC_NONE)
            add(&c, SC_CHANGE_PROMISE_ADDED, rn->promises[i].id, "text", NULL, rn->promises[i].text);

    /* agreements */
    for (uint32_t i = 0; i < ro->nagreements; i++)
        if (sc_rules_find_agreement(rn, ro->agreements[i].id) == SC_NONE)
            add(&c, SC_CHANGE_AGREEMENT_REMOVED, ro->agreements[i].id, "text", ro->agreements[i].text, NULL);
    for (uint32_t i = 0; i < rn->nagreements; i++) {
        const sc_agreement *an = &rn->agreements[i];
        uint32_t j = sc_rules_find_agreement(ro, an->id);
        if (j == SC_NONE) {
            add(&c, SC_CHANGE_AGREEMENT_ADDED, an->id, "text", NULL, an->text);
            continue;
        }
        const sc_agreement *ao = &ro->agreements[j];
        if (!same(ao->text, an->text))
            add(&c, SC_CHANGE_AGREEMENT_TEXT, an->id, "text", ao->text, an->text);
        if (!same(ao->source, an->source))
            add(&c, SC_CHANGE_AGREEMENT_SOURCE, an->id, "source", ao->source, an->source);
        const char *so = serves_text(&c, ro, ao), *sn = serves_text(&c, rn, an);
        if (so && sn && strcmp(so, sn) != 0)
            add(&c, SC_CHANGE_SERVES, an->id, "serves", so, sn);
    }

    /* catalogues of the offer */
    for (uint32_t i = 0; i < ro->ncatalogues; i++)
        if (sc_rules_find_catalogue(rn, ro->catalogues[i].id) == SC_NONE)
            add(&c, SC_CHANGE_CATALOGUE_REMOVED, ro->catalogues[i].id, "text", ro->catalogues[i].text, NULL);
    for (uint32_t i = 0; i < rn->ncatalogues; i++) {
        const sc_catalogue *cn = &rn->catalogues[i];
        uint32_t j = sc_rules_find_catalogue(ro, cn->id);
        if (j == SC_NONE)
            add(&c, SC_CHANGE_CATALOGUE_ADDED, cn->id, "text", NULL, cn->text);
        else if (!same(ro->catalogues[j].text, cn->text))
            add(&c, SC_CHANGE_CATALOGUE_TEXT, cn->id, "text", ro->catalogues[j].text, cn->text);
    }

    /* bands of bandsets with the same name */
    for (uint32_t i = 0; i < rn->nbandsets; i++) {
        const sc_bandset *bn = &rn->bandsets[i];
        uint32_t j = find_bandset(ro, bn->name);
        if (j == SC_NONE)
            continue;
        const sc_bandset *bo = &ro->bandsets[j];
        for (uint32_t k = 0; k < bn->nbands; k++) {
            for (uint32_t m = 0; m < bo->nbands; m++) {
                if (strcmp(bo->bands[m].name, bn->bands[k].name) != 0)
                    continue;
                double lo_old = m == 0 ? bo->min : bo->bands[m].lo, lo_new = k == 0 ? bn->min : bn->bands[k].lo;
                if (lo_old != lo_new) {
                    const char *id = sc_arena_printf(&out->arena, "%s.%s", bn->name, bn->bands[k].name);
                    if (!id)
                        c.oom = true;
                    add(&c, SC_CHANGE_BAND_MOVED, id, "from", number_text(&c, lo_old), number_text(&c, lo_new));
                }
            }
        }
    }

    /* items */
    for (uint32_t i = 0; i < ro->nitems; i++) {
        const sc_item *io = &ro->items[i];
        if (sc_rules_find_item(rn, io->id, strlen(io->id)) == SC_NONE)
            add(&c, io->catalogue != SC_NONE ? SC_CHANGE_OFFER_REMOVED : SC_CHANGE_ITEM_REMOVED, io->id,
                io->norm ? "norm" : "text", io->norm ? pred_text(&c, ro, io->norm, i) : io->text, NULL);
    }
    for (uint32_t i = 0; i < rn->nitems; i++) {
        const sc_item *in = &rn->items[i];
        uint32_t j = sc_rules_find_item(ro, in->id, strlen(in->id));
        if (j == SC_NONE)
            add(&c, in->catalogue != SC_NONE ? SC_CHANGE_OFFER_ADDED : SC_CHANGE_ITEM_ADDED, in->id, in->norm ? "norm" : in->ambition ? "ambition" : "text", NULL,
                in->norm ? pred_text(&c, rn, in->norm, i) : in->ambition ? pred_text(&c, rn, in->ambition, i) : in->text);
        else
            diff_item(&c, ro, j, rn, i);
    }
    return c.oom ? -1 : 0;
}

void sc_diff_free(sc_diff *d)
{
    sc_arena_free(&d->arena);
    d->changes = NULL;
    d->nchanges = 0;
}
