/* dsl/describe.c — writes compiled conditions as rules text (canonical form) or as words for people, in Dutch or English. */
#include "describe.h"

#include "../base/num.h"

#include <math.h>
#include <stdio.h>

const char *sc_member_text(const sc_rules *r, uint32_t scale, uint32_t member)
{
    const sc_member *m = &r->scales[scale].members[member];
    return m->label ? m->label : m->name;
}

const char *sc_band_text(const sc_rules *r, uint32_t bandset, uint32_t band)
{
    const sc_band *b = &r->bandsets[bandset].bands[band];
    return b->label ? b->label : b->name;
}

static const sc_scale *subject_scale(const sc_rules *r, const sc_pred *p)
{
    return &r->scales[r->items[p->subject].type.scale];
}

static const sc_bandset *subject_bands(const sc_rules *r, const sc_pred *p)
{
    return &r->bandsets[r->items[p->subject].type.bands];
}

static bool is_logic(const sc_pred *p)
{
    return p->kind == SC_PRED_AND || p->kind == SC_PRED_OR || p->kind == SC_PRED_NOT || p->kind == SC_PRED_AT_LEAST_OF;
}

static void write_names(sc_out *o, const sc_scale *sc, const sc_pred *p)
{
    for (uint32_t i = 0; i < p->nmembers; i++) {
        if (i)
            sc_out_puts(o, ", ");
        sc_out_puts(o, sc->members[p->members[i]].name);
    }
}

static void write_kid_rules(sc_out *o, const sc_rules *r, const sc_pred *parent, const sc_pred *kid, uint32_t self)
{
    /* parentheses where the reader needs them: a looser operator inside a tighter one */
    bool paren = is_logic(kid) && kid->kind != SC_PRED_NOT && kid->kind != SC_PRED_AT_LEAST_OF &&
                 (parent->kind == SC_PRED_NOT || (parent->kind == SC_PRED_AND && kid->kind == SC_PRED_OR));
    if (paren)
        sc_out_putc(o, '(');
    sc_pred_write_rules(o, r, kid, self);
    if (paren)
        sc_out_putc(o, ')');
}

void sc_pred_write_rules(sc_out *o, const sc_rules *r, const sc_pred *p, uint32_t self)
{
    char num[SC_NUM_BUF], date[16];
    if (is_logic(p)) {
        if (p->kind == SC_PRED_NOT) {
            sc_out_puts(o, "not ");
            write_kid_rules(o, r, p, p->kids[0], self);
            return;
        }
        if (p->kind == SC_PRED_AT_LEAST_OF) {
            sc_out_printf(o, "at least %u of (", p->count);
            for (uint32_t i = 0; i < p->nkids; i++) {
                if (i)
                    sc_out_puts(o, ", ");
                bool paren = p->kids[i]->kind == SC_PRED_CONTAINS || p->kids[i]->kind == SC_PRED_CONTAINS_N ||
                             (p->kids[i]->kind == SC_PRED_IS_MEMBER && p->kids[i]->nmembers > 1);
                if (paren)
                    sc_out_putc(o, '(');
                sc_pred_write_rules(o, r, p->kids[i], self);
                if (paren)
                    sc_out_putc(o, ')');
            }
            sc_out_putc(o, ')');
            return;
        }
        for (uint32_t i = 0; i < p->nkids; i++) {
            if (i)
                sc_out_puts(o, p->kind == SC_PRED_AND ? " and " : " or ");
            write_kid_rules(o, r, p, p->kids[i], self);
        }
        return;
    }
    if (p->subject != self) {
        sc_out_puts(o, r->items[p->subject].id);
        sc_out_putc(o, ' ');
    }
    switch (p->kind) {
    case SC_PRED_ANSWERED: sc_out_puts(o, "answered"); break;
    case SC_PRED_IS_YES: sc_out_puts(o, "is ja"); break;
    case SC_PRED_IS_NO: sc_out_puts(o, "is nee"); break;
    case SC_PRED_IS_MEMBER:
        sc_out_puts(o, p->nmembers > 1 ? "is one of " : "is ");
        write_names(o, subject_scale(r, p), p);
        break;
    case SC_PRED_RANK_AT_LEAST:
        sc_out_printf(o, "%s or better", subject_scale(r, p)->members[p->members[0]].name);
        break;
    case SC_PRED_BAND_AT_LEAST: sc_out_printf(o, "%s or better", subject_bands(r, p)->bands[p->band].name); break;
    case SC_PRED_BAND_IS: sc_out_printf(o, "is %s", subject_bands(r, p)->bands[p->band].name); break;
    case SC_PRED_NUM_CMP: {
        static const char *const words[] = {"at least", "more than", "at most", "less than", "is"};
        sc_num_format(num, sizeof num, p->number);
        sc_out_printf(o, "%s %s", words[p->cmp], num);
        break;
    }
    case SC_PRED_CONTAINS:
        sc_out_puts(o, "contains ");
        write_names(o, subject_scale(r, p), p);
        break;
    case SC_PRED_CONTAINS_N:
        sc_out_printf(o, "contains at least %u of ", p->count);
        write_names(o, subject_scale(r, p), p);
        break;
    case SC_PRED_DATE_WITHIN: {
        static const char *const units[] = {"days", "months", "years"};
        sc_out_printf(o, "within %u %s before peildatum", p->count, units[p->unit]);
        break;
    }
    case SC_PRED_DATE_CMP:
        sc_date_format(p->date, date);
        sc_out_printf(o, "%s %s", p->cmp == SC_CMP_LT ? "before" : "after", date);
        break;
    default: break;
    }
}

/* ---- in words ----------------------------------------------------------------------------- */

static void write_member_list(sc_out *o, const sc_rules *r, const sc_pred *p, sc_lang lang)
{
    uint32_t scale = r->items[p->subject].type.scale;
    for (uint32_t i = 0; i < p->nmembers; i++) {
        if (i)
            sc_out_puts(o, i + 1 == p->nmembers ? (lang == SC_LANG_NL ? " en " : " and ") : ", ");
        sc_out_puts(o, sc_member_text(r, scale, p->members[i]));
    }
}

void sc_pred_write_words(sc_out *o, const sc_rules *r, const sc_pred *p, uint32_t self, sc_lang lang)
{
    bool nl = lang == SC_LANG_NL;
    char num[SC_NUM_BUF], date[16];
    if (is_logic(p)) {
        if (p->kind == SC_PRED_NOT) {
            sc_out_puts(o, nl ? "niet (" : "not (");
            sc_pred_write_words(o, r, p->kids[0], self, lang);
            sc_out_putc(o, ')');
            return;
        }
        if (p->kind == SC_PRED_AT_LEAST_OF)
            sc_out_printf(o, nl ? "minstens %u van: " : "at least %u of: ", p->count);
        for (uint32_t i = 0; i < p->nkids; i++) {
            if (i)
                sc_out_puts(o, p->kind == SC_PRED_AND ? (nl ? " en " : " and ")
                               : p->kind == SC_PRED_OR ? (nl ? " of " : " or ")
                                                       : "; ");
            bool paren = is_logic(p->kids[i]) && p->kids[i]->kind != SC_PRED_NOT;
            if (paren)
                sc_out_putc(o, '(');
            sc_pred_write_words(o, r, p->kids[i], self, lang);
            if (paren)
                sc_out_putc(o, ')');
        }
        return;
    }
    if (p->subject != self)
        sc_out_printf(o, "%s: ", r->items[p->subject].id);
    const sc_item *it = &r->items[p->subject];
    switch (p->kind) {
    case SC_PRED_ANSWERED: sc_out_puts(o, nl ? "ingevuld" : "answered"); break;
    case SC_PRED_IS_YES: sc_out_puts(o, "ja"); break;
    case SC_PRED_IS_NO: sc_out_puts(o, "nee"); break;
    case SC_PRED_IS_MEMBER:
        if (p->nmembers > 1)
            sc_out_puts(o, nl ? "een van: " : "one of: ");
        write_member_list(o, r, p, lang);
        break;
    case SC_PRED_RANK_AT_LEAST: {
        uint32_t m = p->members[0];
        sc_out_puts(o, sc_member_text(r, it->type.scale, m));
        if (m > 0)
            sc_out_puts(o, nl ? " of beter" : " or better");
        break;
    }
    case SC_PRED_BAND_AT_LEAST: {
        const sc_bandset *bs = &r->bandsets[it->type.bands];
        sc_out_puts(o, sc_band_text(r, it->type.bands, p->band));
        if (p->band + 1 < bs->nbands)
            sc_out_puts(o, nl ? " of hoger" : " or higher");
        sc_num_format(num, sizeof num, bs->bands[p->band].lo);
        sc_out_printf(o, " (%s%s%s)", nl ? "vanaf " : "from ", num, it->type.kind == SC_TYPE_PERCENT ? "%" : "");
        break;
    }
    case SC_PRED_BAND_IS: sc_out_puts(o, sc_band_text(r, it->type.bands, p->band)); break;
    case SC_PRED_NUM_CMP: {
        static const char *const nl_words[] = {"minstens", "meer dan", "hoogstens", "minder dan", "precies"};
        static const char *const en_words[] = {"at least", "more than", "at most", "less than", "exactly"};
        sc_num_format(num, sizeof num, p->number);
        sc_out_printf(o, "%s %s%s", (nl ? nl_words : en_words)[p->cmp], num, it->type.kind == SC_TYPE_PERCENT ? "%" : "");
        break;
    }
    case SC_PRED_CONTAINS:
        sc_out_puts(o, nl ? "met " : "including ");
        write_member_list(o, r, p, lang);
        break;
    case SC_PRED_CONTAINS_N:
        sc_out_printf(o, nl ? "minstens %u van: " : "at least %u of: ", p->count);
        write_member_list(o, r, p, lang);
        break;
    case SC_PRED_DATE_WITHIN: {
        static const char *const nl_units[2][3] = {{"dag", "maand", "jaar"}, {"dagen", "maanden", "jaar"}};
        static const char *const en_units[2][3] = {{"day", "month", "year"}, {"days", "months", "years"}};
        const char *unit = (nl ? nl_units : en_units)[p->count != 1][p->unit];
        sc_out_printf(o, nl ? "binnen %u %s vóór de peildatum" : "within %u %s before the reference date", p->count, unit);
        break;
    }
    case SC_PRED_DATE_CMP:
        sc_date_format(p->date, date);
        sc_out_printf(o, "%s %s", p->cmp == SC_CMP_LT ? (nl ? "vóór" : "before") : (nl ? "na" : "after"), date);
        break;
    default: break;
    }
}
