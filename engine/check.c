/* engine/check.c — evaluation: judges each item, agreement and promise of a bound profile, and loads+checks one profile text. */
#include "check.h"

#include <string.h>

#include "../base/out.h"
#include "../dsl/rules_index.h"

/* Kleene logic: 1 true, 0 false, -1 unknown (an answer is missing). */
int sc_pred_eval(const sc_rules *rules, const sc_profile *profile, const sc_pred *p)
{
    switch (p->kind) {
    case SC_PRED_AND: {
        int result = 1;
        for (uint32_t i = 0; i < p->nkids; i++) {
            int v = sc_pred_eval(rules, profile, p->kids[i]);
            if (v == 0)
                return 0;
            if (v < 0)
                result = -1;
        }
        return result;
    }
    case SC_PRED_OR: {
        int result = 0;
        for (uint32_t i = 0; i < p->nkids; i++) {
            int v = sc_pred_eval(rules, profile, p->kids[i]);
            if (v == 1)
                return 1;
            if (v < 0)
                result = -1;
        }
        return result;
    }
    case SC_PRED_NOT: {
        int v = sc_pred_eval(rules, profile, p->kids[0]);
        return v < 0 ? -1 : !v;
    }
    case SC_PRED_AT_LEAST_OF: {
        uint32_t yes = 0, unknown = 0;
        for (uint32_t i = 0; i < p->nkids; i++) {
            int v = sc_pred_eval(rules, profile, p->kids[i]);
            yes += v == 1;
            unknown += v < 0;
        }
        if (yes >= p->count)
            return 1;
        return yes + unknown >= p->count ? -1 : 0;
    }
    default:
        break;
    }

    const sc_value *v = &profile->answers[p->subject];
    if (p->kind == SC_PRED_ANSWERED)
        return v->present;
    if (!v->present)
        return -1;
    const sc_item_judge *it = &rules->judge[p->subject];
    switch (p->kind) {
    case SC_PRED_IS_YES: return v->v.yes;
    case SC_PRED_IS_NO: return !v->v.yes;
    case SC_PRED_IS_MEMBER:
        for (uint32_t i = 0; i < p->nmembers; i++)
            if (v->v.member == p->members[i])
                return 1;
        return 0;
    case SC_PRED_RANK_AT_LEAST: return v->v.member <= p->members[0]; /* rank 0 is best */
    case SC_PRED_BAND_AT_LEAST: return sc_bandset_classify(&rules->bandsets[it->bands], v->v.number) >= p->band;
    case SC_PRED_BAND_IS: return sc_bandset_classify(&rules->bandsets[it->bands], v->v.number) == p->band;
    case SC_PRED_NUM_CMP: {
        double x = v->v.number;
        switch (p->cmp) {
        case SC_CMP_GE: return x >= p->number;
        case SC_CMP_GT: return x > p->number;
        case SC_CMP_LE: return x <= p->number;
        case SC_CMP_LT: return x < p->number;
        case SC_CMP_EQ: return x == p->number;
        }
        return 0;
    }
    case SC_PRED_CONTAINS:
    case SC_PRED_CONTAINS_N: {
        uint32_t have = 0;
        for (uint32_t i = 0; i < p->nmembers; i++)
            have += (v->v.set >> p->members[i]) & 1u;
        return p->kind == SC_PRED_CONTAINS ? have == p->nmembers : have >= p->count;
    }
    case SC_PRED_DATE_WITHIN: {
        if (!profile->has_peildatum)
            return -1;
        sc_date end = profile->peildatum, start;
        if (p->unit == SC_UNIT_DAYS)
            start = end - (sc_date)p->count;
        else
            start = sc_date_add_months(end, -(int)(p->unit == SC_UNIT_YEARS ? p->count * 12 : p->count));
        return v->v.date >= start && v->v.date <= end;
    }
    case SC_PRED_DATE_CMP: return p->cmp == SC_CMP_LT ? v->v.date < p->date : v->v.date > p->date;
    default: return -1;
    }
}

/* Fold one norm result into a group's status: not met wins over unanswered, which wins over met. */
static void fold(sc_group_status *g, sc_item_status s)
{
    if (s == SC_ITEM_NOT_MET)
        *g = SC_GROUP_NOT_MET;
    else if (s == SC_ITEM_UNANSWERED && *g == SC_GROUP_MET)
        *g = SC_GROUP_INCOMPLETE;
}

static void fold_group(sc_group_status *g, sc_group_status s)
{
    if (s == SC_GROUP_NOT_MET)
        *g = SC_GROUP_NOT_MET;
    else if (s == SC_GROUP_INCOMPLETE && *g == SC_GROUP_MET)
        *g = SC_GROUP_INCOMPLETE;
}

/* Why `p` is unknown (sc_pred_eval gives -1): the item whose missing answer makes it so; `self` when
 * its own answer is one of them, else the first found; `peildatum` for a date condition on an answer
 * when the profile has no peildatum. SC_NONE when nothing missing explains it. */
static uint32_t unknown_cause(const sc_rules *rules, const sc_profile *profile, const sc_pred *p, uint32_t self,
                              uint32_t peildatum)
{
    switch (p->kind) {
    case SC_PRED_AND:
    case SC_PRED_OR:
    case SC_PRED_NOT:
    case SC_PRED_AT_LEAST_OF: {
        uint32_t first = SC_NONE;
        for (uint32_t k = 0; k < p->nkids; k++) {
            if (sc_pred_eval(rules, profile, p->kids[k]) >= 0)
                continue; /* only the unknown parts leave the whole unknown */
            uint32_t cause = unknown_cause(rules, profile, p->kids[k], self, peildatum);
            if (cause == self)
                return self;
            if (first == SC_NONE)
                first = cause;
        }
        return first;
    }
    case SC_PRED_ANSWERED:
        return SC_NONE; /* never unknown */
    default:
        break;
    }
    if (!profile->answers[p->subject].present)
        return p->subject;
    if (p->kind == SC_PRED_DATE_WITHIN && !profile->has_peildatum)
        return peildatum;
    return SC_NONE;
}

static sc_item_result judge_item(const sc_rules *rules, const sc_profile *profile, uint32_t i, uint32_t peildatum)
{
    const sc_item_judge *it = &rules->judge[i]; /* what judging reads of rules->items[i] */
    const sc_value *v = &profile->answers[i];
    sc_item_result res = {SC_ITEM_NOT_APPLICABLE, SC_AMBITION_NONE, SC_NONE, SC_NONE};
    if (it->bands != SC_NONE && v->present)
        res.category = sc_bandset_classify(&rules->bandsets[it->bands], v->v.number);
    if (it->field)
        return res;
    if (it->when) {
        int applies = sc_pred_eval(rules, profile, it->when);
        if (applies == 0)
            return res;
        if (applies < 0) {
            /* whether it applies depends on a missing answer */
            if (it->norm) {
                res.status = SC_ITEM_UNANSWERED;
                res.missing = unknown_cause(rules, profile, it->when, i, peildatum);
            }
            if (it->ambition)
                res.ambition = SC_AMBITION_OPEN;
            return res;
        }
    }
    if (it->norm) {
        int met = sc_pred_eval(rules, profile, it->norm);
        res.status = met == 1 ? SC_ITEM_MET : met == 0 ? SC_ITEM_NOT_MET : SC_ITEM_UNANSWERED;
        if (met < 0)
            res.missing = unknown_cause(rules, profile, it->norm, i, peildatum);
    }
    if (it->ambition)
        res.ambition = sc_pred_eval(rules, profile, it->ambition) == 1 ? SC_AMBITION_REACHED : SC_AMBITION_OPEN;
    return res;
}

int sc_check_evaluate(sc_arena *arena, const sc_rules *rules, const sc_profile *profile, sc_result *out)
{
    sc_item_result *items = sc_arena_alloc(arena, (rules->nitems ? rules->nitems : 1) * sizeof *items);
    sc_group_status *agreements = sc_arena_alloc(arena, (rules->nagreements ? rules->nagreements : 1) * sizeof *agreements);
    sc_group_status *promises = sc_arena_alloc(arena, (rules->npromises ? rules->npromises : 1) * sizeof *promises);
    if (!items || !agreements || !promises)
        return -1;
    for (uint32_t i = 0; i < rules->nitems; i++)
        items[i] = judge_item(rules, profile, i, rules->peildatum);
    sc_profile_status status = SC_PROFILE_COMPLIANT;
    sc_group_status overall = SC_GROUP_MET;
    for (uint32_t a = 0; a < rules->nagreements; a++) {
        agreements[a] = SC_GROUP_MET;
        const sc_agreement *ag = &rules->agreements[a];
        for (uint32_t k = 0; k < ag->nitems; k++)
            fold(&agreements[a], items[ag->items[k]].status);
        fold_group(&overall, agreements[a]);
    }
    for (uint32_t p = 0; p < rules->npromises; p++) {
        promises[p] = SC_GROUP_MET;
        const sc_promise *pr = &rules->promises[p];
        for (uint32_t k = 0; k < pr->nagreements; k++)
            fold_group(&promises[p], agreements[pr->agreements[k]]);
        for (uint32_t k = 0; k < pr->nitems; k++)
            fold(&promises[p], items[pr->items[k]].status);
        for (uint32_t k = 0; k < pr->nserving; k++)
            fold(&promises[p], items[pr->serving[k]].status);
        fold_group(&overall, promises[p]);
    }
    if (overall == SC_GROUP_NOT_MET)
        status = SC_PROFILE_NOT_COMPLIANT;
    else if (overall == SC_GROUP_INCOMPLETE || profile->nmissing)
        status = SC_PROFILE_INCOMPLETE; /* a required answer left out: it cannot be fully judged */
    out->rules = rules;
    out->profile = profile;
    out->school = profile->school;
    out->status = status;
    out->items = items;
    out->agreements = agreements;
    out->promises = promises;
    return 0;
}

/* ---- one profile from text to result --------------------------------------------------------- */

typedef struct error_collector {
    sc_arena *arena;
    sc_profile_error *errors;
    uint32_t n, cap;
    bool oom;
} error_collector;

static void collect(void *ctx, const sc_diag *d)
{
    error_collector *c = ctx;
    if (c->n == c->cap) {
        uint32_t cap = c->cap ? c->cap * 2 : 8;
        sc_profile_error *e = sc_arena_alloc(c->arena, cap * sizeof *e);
        if (!e) {
            c->oom = true;
            return;
        }
        if (c->n)
            memcpy(e, c->errors, c->n * sizeof *e);
        c->errors = e;
        c->cap = cap;
    }
    sc_profile_error *e = &c->errors[c->n];
    e->severity = d->severity;
    e->line = d->line;
    e->col = d->col;
    e->message = sc_arena_strdup(c->arena, d->message);
    e->hint = d->hint ? sc_arena_strdup(c->arena, d->hint) : NULL;
    if (!e->message) {
        c->oom = true;
        return;
    }
    c->n++;
}

const sc_rules *sc_rules_pick(const sc_rules *const *versions, size_t n, sc_date d)
{
    const sc_rules *best = NULL;
    for (size_t i = 0; i < n; i++) {
        const sc_rules *r = versions[i];
        if (!sc_rules_in_force(r, d))
            continue;
        if (!best || (r->has_valid_from && (!best->has_valid_from || r->valid_from > best->valid_from)))
            best = r;
    }
    return best;
}

/* ", 'NAME' version V (valid from A until B)" for each version, into the arena. */
static const char *versions_text(sc_arena *a, const sc_rules *const *versions, size_t n, sc_lang lang)
{
    sc_out o;
    sc_out_init_mem(&o);
    for (size_t i = 0; i < n; i++) {
        const sc_rules *r = versions[i];
        char from[16], until[16];
        sc_date_format(r->valid_from, from);
        sc_date_format(r->valid_until, until);
        sc_out_printf(&o, SC_TR(lang, "%s'%s' versie %s (geldig %s%s%s%s)", "%s'%s' version %s (valid %s%s%s%s)"),
                      i ? ", " : "", r->name, r->version,
                      r->has_valid_from ? SC_TR(lang, "vanaf ", "from ") : SC_TR(lang, "altijd", "always"),
                      r->has_valid_from ? from : "", r->has_valid_until ? SC_TR(lang, " tot en met ", " until ") : "",
                      r->has_valid_until ? until : "");
    }
    const char *s = o.failed ? NULL : sc_arena_strndup(a, o.buf ? o.buf : "", o.len);
    sc_out_free(&o);
    return s;
}

/* `none_at` set: no version is in force on the peeked peildatum; report that at its line:col, not the
 * profile's other errors (they would be about a version that does not apply). */
static int check_profile(sc_arena *arena, const sc_rules *rules, const sc_rules *const *versions, size_t n,
                         unsigned flags, const char *path, const char *text, size_t len, const sc_yaml_limits *limits,
                         const uint32_t *none_at, sc_date peildatum, sc_result *out)
{
    memset(out, 0, sizeof *out);
    out->rules = rules;
    out->status = SC_PROFILE_INVALID;
    error_collector col = {.arena = arena};
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, collect, &col, SC_CHECK_MAX_ERRORS);
    sc_profile *profile = sc_arena_zalloc(arena, sizeof *profile);
    if (!profile)
        return -1;
    out->profile = profile;
    int rc = sc_profile_load(arena, rules, path, text, len, limits, &sink, profile);
    out->school = profile->school;
    profile->path = path;
    profile->text = text;
    profile->text_len = len;
    sc_lang lang = SC_YAML_LANG(limits);
    if (none_at) {
        col.n = 0;
        sc_diag_sink_init(&sink, collect, &col, SC_CHECK_MAX_ERRORS);
        char on[16];
        sc_date_format(peildatum, on);
        const char *list = versions_text(arena, versions, n, lang);
        if (!list)
            return -1;
        sc_diag_report(&sink, SC_SEV_ERROR, path, text, len, none_at[0], none_at[1],
                       SC_TR(lang, "controleer de peildatum, of voeg de versie van de regels toe die op die datum geldt (--rules)",
                             "check the peildatum, or add the version of the rules in force on that date (--rules)"),
                       SC_TR(lang, "op de peildatum %s geldt geen versie van de regels: %s",
                             "no version of the rules is in force on the peildatum %s: %s"),
                       on, list);
        out->errors = col.errors;
        out->nerrors = col.n;
        return col.oom ? -1 : 0;
    }
    out->errors = col.errors;
    out->nerrors = col.n;
    out->nsuppressed = sink.suppressed;
    if (col.oom)
        return -1;
    const sc_missing *no_date = NULL;
    if (n > 1 && !(flags & SC_CHECK_ANY_DATE) && !profile->has_peildatum) {
        for (uint32_t j = 0; j < profile->nmissing && !no_date; j++)
            if (profile->missing[j].item == rules->peildatum)
                no_date = &profile->missing[j];
    }
    if (no_date) {
        /* unanswered, the peildatum leaves a profile incomplete; with several versions it also leaves
         * no way to pick the one that judges it. Only that is reported, as when no version is in
         * force: other errors would be about versions[0], which need not apply. */
        col.n = 0;
        sc_diag_sink_init(&sink, collect, &col, SC_CHECK_MAX_ERRORS);
        bool key = profile->answers[no_date->item].line != 0; /* 'peildatum:' is there, without a date */
        sc_diag_report(&sink, SC_SEV_ERROR, path, text, len, no_date->line, no_date->col,
                       key ? SC_TR(lang, "schrijf de datum achter 'peildatum:', als JJJJ-MM-DD",
                                   "write the date after 'peildatum:', as YYYY-MM-DD")
                           : SC_TR(lang, "voeg 'peildatum: JJJJ-MM-DD' toe onder 'school:'",
                                   "add 'peildatum: YYYY-MM-DD' under 'school:'"),
                       "%s",
                       SC_TR(lang,
                             "het profiel heeft geen peildatum, en die is nodig om te kiezen welke versie van de "
                             "regels het beoordeelt",
                             "the profile has no peildatum, which is needed to pick the version of the rules that "
                             "judges it"));
        out->errors = col.errors;
        out->nerrors = col.n;
        out->nsuppressed = 0;
        return col.oom ? -1 : 0;
    }
    if (rc != 0 || sink.errors > 0)
        return 0;
    if (!(flags & SC_CHECK_ANY_DATE) && profile->has_peildatum && !sc_rules_in_force(rules, profile->peildatum)) {
        /* judged by a version that was not in force, the outcome would mislead */
        char on[16], from[16], until[16];
        sc_date_format(profile->peildatum, on);
        sc_date_format(rules->valid_from, from);
        sc_date_format(rules->valid_until, until);
        const sc_value *v = &profile->answers[rules->peildatum];
        sc_diag_report(&sink, SC_SEV_ERROR, path, text, len, v->line, v->col,
                       SC_TR(lang,
                             "controleer de peildatum, of controleer het profiel met de versie van de regels die op die "
                             "datum geldt (--rules)",
                             "check the peildatum, or check the profile with the version of the rules in force on that "
                             "date (--rules)"),
                       SC_TR(lang, "de regels '%s' versie %s gelden niet op de peildatum %s (geldig %s%s%s%s)",
                             "the rules '%s' version %s are not in force on the peildatum %s (valid %s%s%s%s)"),
                       rules->name, rules->version, on,
                       rules->has_valid_from ? SC_TR(lang, "vanaf ", "from ") : "", rules->has_valid_from ? from : "",
                       rules->has_valid_until ? SC_TR(lang, " tot en met ", " until ") : "",
                       rules->has_valid_until ? until : "");
        out->errors = col.errors;
        out->nerrors = col.n;
        return col.oom ? -1 : 0;
    }
    if (sc_check_evaluate(arena, rules, profile, out) != 0)
        return -1;
    out->errors = col.errors;
    out->nerrors = col.n;
    return 0;
}

int sc_check_profile(sc_arena *arena, const sc_rules *rules, const char *path, const char *text, size_t len,
                     const sc_yaml_limits *limits, sc_result *out)
{
    return check_profile(arena, rules, &rules, 1, 0, path, text, len, limits, NULL, 0, out);
}

int sc_check_profile_in(sc_arena *arena, const sc_rules *const *versions, size_t n, unsigned flags, const char *path,
                        const char *text, size_t len, const sc_yaml_limits *limits, sc_result *out)
{
    const sc_rules *rules = versions[0];
    sc_date d = 0;
    uint32_t at[2] = {1, 1};
    if (n > 1 && !(flags & SC_CHECK_ANY_DATE) && sc_profile_peek_peildatum(text, len, limits, &d, &at[0], &at[1]) == 1) {
        const sc_rules *pick = sc_rules_pick(versions, n, d);
        if (!pick)
            return check_profile(arena, rules, versions, n, flags, path, text, len, limits, at, d, out);
        rules = pick;
    }
    return check_profile(arena, rules, versions, n, flags, path, text, len, limits, NULL, 0, out);
}
