/* report/common.c — what every report writer shares: format lookup, status words in Dutch and English, escaping. */
#include "report.h"

#include "../base/diag_write.h"
#include "../base/num.h"
#include "../base/text.h"

#include <string.h>

int sc_writer_init(sc_writer *w, const char *format, sc_out *out, sc_out *err, const sc_report_opts *opts)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->err = err;
    sc_out_init_mem(&w->scratch);
    if (opts)
        w->opts = *opts;
    if (strcmp(format, "text") == 0)
        sc_writer_text_init(w);
    else if (strcmp(format, "json") == 0)
        sc_writer_json_init(w);
    else if (strcmp(format, "junit") == 0)
        sc_writer_junit_init(w);
    else if (strcmp(format, "sarif") == 0)
        sc_writer_sarif_init(w);
    else if (strcmp(format, "github") == 0)
        sc_writer_github_init(w);
    else if (strcmp(format, "csv") == 0)
        sc_writer_csv_init(w);
    else if (strcmp(format, "html") == 0)
        sc_writer_html_init(w);
    else
        return -1;
    return 0;
}

sc_error sc_writer_begin(sc_writer *w, const sc_rules *const *versions, size_t nversions)
{
    w->begin(w, versions, nversions);
    return w->out->failed ? SC_ERROR_IO : SC_OK;
}

sc_error sc_writer_profile(sc_writer *w, const sc_result *res)
{
    if (res->status == SC_PROFILE_INVALID && w->err && !w->errors_shown)
        for (uint32_t k = 0; k < res->nerrors; k++) {
            sc_diag d = sc_result_error_diag(res, k);
            sc_diag_write(w->err, &d, w->opts.err_color, w->opts.lang == SC_LANG_NL ? sc_diag_words_dutch() : NULL);
        }
    w->profile(w, res);
    return w->out->failed ? SC_ERROR_IO : SC_OK;
}

sc_error sc_writer_end(sc_writer *w, const sc_accum *acc)
{
    w->end(w, acc);
    sc_writer_release(w);
    return w->out->failed ? SC_ERROR_IO : SC_OK;
}

void sc_writer_begin_fragments(sc_writer *w, const sc_rules *const *versions, size_t nversions)
{
    sc_out *out = w->out;
    sc_out head;
    sc_out_init_mem(&head);
    w->out = &head;
    w->begin(w, versions, nversions);
    sc_out_free(&head);
    w->out = out;
}

void sc_writer_fragment(sc_writer *w, const sc_result *res, sc_out *out, sc_out *err)
{
    out->len = err->len = 0;
    out->failed = err->failed = false;
    w->out = out;
    w->err = err;
    w->written = false;
    sc_writer_profile(w, res);
}

void sc_writer_join(sc_writer *w, const sc_out *out, const sc_out *err)
{
    if (err->len && w->err)
        sc_out_write(w->err, err->buf, err->len);
    if (out->failed || err->failed)
        w->out->failed = true;
    if (!out->len)
        return;
    if (sc_writer_next(w) && w->sep)
        sc_out_puts(w->out, w->sep);
    sc_out_write(w->out, out->buf, out->len);
}

const char *sc_writer_words(sc_writer *w, const sc_rules *r, const sc_pred *p, uint32_t self)
{
    w->scratch.len = 0;
    w->scratch.failed = false;
    sc_pred_write_words(&w->scratch, r, p, self, w->opts.lang);
    return w->scratch.buf && !w->scratch.failed ? w->scratch.buf : "";
}

void sc_writer_release(sc_writer *w)
{
    sc_out_free(&w->scratch);
    if (w->free_priv)
        w->free_priv(w);
}

const char *sc_writer_formats(void)
{
    return "text, json, junit, sarif, github, csv, html";
}

void sc_report_value(sc_out *o, const sc_result *res, uint32_t i, sc_lang lang)
{
    bool nl = lang == SC_LANG_NL;
    const sc_rules *r = res->rules;
    const sc_value *v = &res->profile->answers[i];
    const sc_type *t = &r->items[i].type;
    char buf[SC_NUM_BUF];
    if (!v->present) {
        sc_out_puts(o, nl ? "(niet ingevuld)" : "(not answered)");
        return;
    }
    switch (t->kind) {
    case SC_TYPE_NUMBER:
    case SC_TYPE_PERCENT:
        sc_num_format(buf, sizeof buf, v->v.number);
        sc_out_printf(o, "%s%s", buf, t->kind == SC_TYPE_PERCENT ? "%" : "");
        if (res->items[i].category != SC_NONE)
            sc_out_printf(o, " (%s)", sc_band_text(r, t->bands, res->items[i].category));
        return;
    case SC_TYPE_YESNO: sc_out_puts(o, v->v.yes ? "ja" : "nee"); return;
    case SC_TYPE_DATE:
        sc_date_format(v->v.date, buf);
        sc_out_puts(o, buf);
        return;
    case SC_TYPE_SCALE: sc_out_puts(o, sc_member_text(r, t->scale, v->v.member)); return;
    case SC_TYPE_SET: {
        const sc_scale *sc = &r->scales[t->scale];
        bool first = true;
        for (uint32_t k = 0; k < sc->nmembers && k < 64; k++)
            if ((v->v.set >> k) & 1u) {
                sc_out_puts(o, first ? "" : ", ");
                sc_out_puts(o, sc->members[k].name);
                first = false;
            }
        if (first)
            sc_out_puts(o, nl ? "(leeg)" : "(empty)");
        return;
    }
    case SC_TYPE_TEXT: sc_out_puts(o, v->raw ? v->raw : ""); return;
    }
}

void sc_report_offer_answer(sc_out *o, const sc_result *res, uint32_t i, sc_lang lang)
{
    bool nl = lang == SC_LANG_NL;
    sc_report_value(o, res, i, lang);
    const sc_answer_details *d = res->profile->details ? res->profile->details[i] : NULL;
    if (!d)
        return;
    if (d->has_places)
        sc_out_printf(o, d->places == 1 ? (nl ? ", %u plaats" : ", %u place") : (nl ? ", %u plaatsen" : ", %u places"),
                      d->places);
    if (d->has_hours) {
        char buf[SC_NUM_BUF];
        sc_num_format(buf, sizeof buf, d->hours);
        sc_out_printf(o, nl ? ", %s uur per week" : d->hours == 1 ? ", %s hour a week" : ", %s hours a week", buf);
    }
}

void sc_report_offer_count(const sc_result *res, uint32_t *answered, uint32_t *total)
{
    const sc_rules *r = res->rules;
    *answered = *total = 0;
    for (uint32_t c = 0; r && res->profile && c < r->ncatalogues; c++)
        for (uint32_t f = 0; f < r->catalogues[c].nitems; f++) {
            (*total)++;
            *answered += res->profile->answers[r->catalogues[c].items[f]].present;
        }
}

bool sc_report_blocked(sc_out *o, const sc_result *res, uint32_t i, sc_lang lang)
{
    const sc_item_result *ir = &res->items[i];
    if (ir->status != SC_ITEM_UNANSWERED || ir->missing == SC_NONE || ir->missing == i)
        return false;
    bool nl = lang == SC_LANG_NL;
    const char *dep = res->rules->items[ir->missing].id;
    sc_out_puts(o, nl ? "kan niet worden beoordeeld: " : "cannot be judged: ");
    if (ir->missing == res->rules->peildatum)
        sc_out_puts(o, nl ? "de peildatum ontbreekt" : "the peildatum is missing");
    else
        sc_out_printf(o, nl ? "'%s' is niet ingevuld" : "'%s' is not answered", dep);
    return true;
}

sc_diag sc_result_error_diag(const sc_result *res, uint32_t k)
{
    const sc_profile *p = res->profile;
    const sc_profile_error *e = &res->errors[k];
    sc_diag d = {.severity = e->severity, .file = p && p->path ? p->path : "?", .line = e->line, .col = e->col,
                 .message = e->message, .hint = e->hint};
    if (p && p->text)
        d.src_line = sc_text_line(p->text, p->text_len, e->line, &d.src_line_len);
    return d;
}

void sc_summary_add(sc_summary *s, const sc_result *res)
{
    s->profiles++;
    switch (res->status) {
    case SC_PROFILE_COMPLIANT: s->compliant++; break;
    case SC_PROFILE_NOT_COMPLIANT: s->not_compliant++; break;
    case SC_PROFILE_INCOMPLETE: s->incomplete++; break;
    case SC_PROFILE_INVALID: s->invalid++; break;
    }
}

void sc_summary_merge(sc_summary *dst, const sc_summary *src)
{
    dst->profiles += src->profiles;
    dst->compliant += src->compliant;
    dst->not_compliant += src->not_compliant;
    dst->incomplete += src->incomplete;
    dst->invalid += src->invalid;
}

void sc_accum_init(sc_accum *a)
{
    memset(a, 0, sizeof *a);
}

sc_error sc_accum_add(sc_accum *a, const sc_result *res)
{
    sc_summary_add(&a->summary, res);
    return SC_OK;
}

sc_error sc_accum_merge(sc_accum *dst, const sc_accum *src)
{
    sc_summary_merge(&dst->summary, &src->summary);
    return SC_OK;
}

void sc_accum_free(sc_accum *a)
{
    memset(a, 0, sizeof *a);
}

const char *sc_status_word(sc_profile_status s, sc_lang lang)
{
    static const char *const nl[] = {"voldoet aan de basisondersteuning", "voldoet NIET aan de basisondersteuning",
                                     "onvolledig ingevuld", "ongeldig: kon niet worden beoordeeld"};
    static const char *const en[] = {"meets the basic support", "does NOT meet the basic support", "incomplete",
                                     "invalid: could not be checked"};
    return (lang == SC_LANG_NL ? nl : en)[s];
}

const char *sc_profile_status_id(sc_profile_status s)
{
    static const char *const ids[] = {"compliant", "not_compliant", "incomplete", "invalid"};
    return ids[s];
}

const char *sc_item_status_id(sc_item_status s)
{
    static const char *const ids[] = {"met", "not_met", "unanswered", "not_applicable"};
    return ids[s];
}

const char *sc_group_status_id(sc_group_status s)
{
    static const char *const ids[] = {"met", "not_met", "incomplete"};
    return ids[s];
}

const char *sc_ambition_id(sc_ambition_status s)
{
    return s == SC_AMBITION_REACHED ? "reached" : s == SC_AMBITION_OPEN ? "open" : NULL;
}

void sc_write_json_string(sc_out *o, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *run = p;
    for (; *p; p++) {
        unsigned char c = *p;
        if (c >= 0x80) {
            size_t k = sc_utf8_seq(p);
            if (k) {
                p += k - 1;
                continue;
            }
            /* not UTF-8 (a file name, say): JSON must be UTF-8, so it becomes U+FFFD */
            sc_out_write(o, (const char *)run, (size_t)(p - run));
            sc_out_puts(o, "\\ufffd");
            run = p + 1;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
            continue;
        sc_out_write(o, (const char *)run, (size_t)(p - run));
        run = p + 1;
        switch (c) {
        case '"': sc_out_puts(o, "\\\""); break;
        case '\\': sc_out_puts(o, "\\\\"); break;
        case '\n': sc_out_puts(o, "\\n"); break;
        case '\t': sc_out_puts(o, "\\t"); break;
        case '\r': sc_out_puts(o, "\\r"); break;
        default: {
            char u[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
            sc_out_puts(o, u);
        }
        }
    }
    sc_out_write(o, (const char *)run, (size_t)(p - run));
}

void sc_write_xml_escaped(sc_out *o, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    for (; *p; p++) {
        unsigned char c = *p;
        if (c >= 0x80) {
            size_t k = sc_utf8_seq(p);
            /* bytes that are not UTF-8, and U+FFFE/U+FFFF, are no XML characters */
            if (!k || (k == 3 && c == 0xef && p[1] == 0xbf && p[2] >= 0xbe)) {
                sc_out_puts(o, "&#xfffd;");
                continue;
            }
            sc_out_write(o, (const char *)p, k);
            p += k - 1;
            continue;
        }
        switch (c) {
        case '<': sc_out_puts(o, "&lt;"); break;
        case '>': sc_out_puts(o, "&gt;"); break;
        case '&': sc_out_puts(o, "&amp;"); break;
        case '"': sc_out_puts(o, "&quot;"); break;
        case '\'': sc_out_puts(o, "&apos;"); break;
        case '\n': sc_out_puts(o, "&#10;"); break;
        case '\t': sc_out_puts(o, "&#9;"); break;
        case '\r': sc_out_puts(o, "&#13;"); break;
        default:
            if (c < 0x20 || c == 0x7f)
                sc_out_puts(o, "&#xfffd;"); /* control characters are not allowed in XML 1.0 */
            else
                sc_out_putc(o, (char)c);
        }
    }
}

/* Is the code point of the UTF-8 sequence p[0..k) one HTML does not want in a document: a C1
 * control (U+0080..U+009F) or a noncharacter (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF)? */
static bool html_unwanted(const unsigned char *p, size_t k)
{
    uint32_t cp = k == 2 ? (uint32_t)(p[0] & 0x1f) << 6 | (p[1] & 0x3f)
                : k == 3 ? (uint32_t)(p[0] & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f)
                         : (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3f) << 12 | (uint32_t)(p[2] & 0x3f) << 6 |
                               (p[3] & 0x3f);
    return (cp >= 0x80 && cp <= 0x9f) || (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe;
}

void sc_write_html_escaped(sc_out *o, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *run = p;
    for (; *p; p++) {
        unsigned char c = *p;
        const char *rep;
        if (c >= 0x80) {
            size_t k = sc_utf8_seq(p);
            if (k && !html_unwanted(p, k)) {
                p += k - 1;
                continue;
            }
            sc_out_write(o, (const char *)run, (size_t)(p - run));
            sc_out_puts(o, "&#xfffd;");
            if (k)
                p += k - 1;
            run = p + 1;
            continue;
        }
        switch (c) {
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '&': rep = "&amp;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '\n': rep = "&#10;"; break;
        case '\t': rep = "&#9;"; break;
        default:
            if (c >= 0x20 && c != 0x7f)
                continue;
            rep = "&#xfffd;"; /* CR and the other control characters: no text for people */
        }
        sc_out_write(o, (const char *)run, (size_t)(p - run));
        sc_out_puts(o, rep);
        run = p + 1;
    }
    sc_out_write(o, (const char *)run, (size_t)(p - run));
}
