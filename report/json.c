/* report/json.c — the JSON report (format 3, documented in docs/json.md): what the rules say once per version, then each profile's results, streamed. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "../dsl/rules_index.h"

#include "../base/num.h"

/* The writer assembles its output in a small buffer and hands it to sc_out a few kilobytes at a
 * time, instead of calling sc_out for every quote, key and comma. */
#define JB_CAP 4096u
typedef struct jbuf {
    sc_out *o;
    size_t n;
    char b[JB_CAP];
} jbuf;

static void jb_flush(jbuf *j)
{
    if (j->n) {
        sc_out_write(j->o, j->b, j->n);
        j->n = 0;
    }
}

static inline void jb_write(jbuf *j, const char *s, size_t n)
{
    if (n > JB_CAP - j->n) {
        jb_flush(j);
        if (n > JB_CAP) {
            sc_out_write(j->o, s, n);
            return;
        }
    }
    memcpy(j->b + j->n, s, n);
    j->n += n;
}

static void jb_putc(jbuf *j, char c)
{
    if (j->n == JB_CAP)
        jb_flush(j);
    j->b[j->n++] = c;
}

/* inline, so that the length of a literal is known when compiling */
static inline void jb_puts(jbuf *j, const char *s)
{
    jb_write(j, s, strlen(s));
}

/* Room for n bytes (n <= JB_CAP) at the end of the buffer, to be written directly; jb_commit says how
 * many were. */
static inline char *jb_reserve(jbuf *j, size_t n)
{
    if (n > JB_CAP - j->n)
        jb_flush(j);
    return j->b + j->n;
}

static inline void jb_commit(jbuf *j, const char *end)
{
    j->n = (size_t)(end - j->b);
}

/* The decimal digits of u at p (at most 20); returns the end. */
static inline char *digits_at(char *p, uint64_t u)
{
    if (u < 100) { /* columns and many lines */
        if (u >= 10)
            *p++ = (char)('0' + u / 10);
        *p++ = (char)('0' + u % 10);
        return p;
    }
    char digits[20];
    size_t n = sizeof digits;
    do {
        digits[--n] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    memcpy(p, digits + n, sizeof digits - n);
    return p + (sizeof digits - n);
}

static void put_uint(jbuf *o, uint64_t u)
{
    jb_commit(o, digits_at(jb_reserve(o, 20), u));
}

/* String content as sc_write_json_string escapes it; most strings need no escaping at all. */
static void jb_json_string(jbuf *o, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p && *p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\')
        p++;
    if (!*p) {
        jb_write(o, s, (size_t)(p - (const unsigned char *)s));
        return;
    }
    jb_flush(o);
    sc_write_json_string(o->o, s);
}

static void key(jbuf *o, const char *k)
{
    jb_putc(o, '"');
    jb_puts(o, k);
    jb_puts(o, "\":");
}

static void str(jbuf *o, const char *s)
{
    if (!s) {
        jb_puts(o, "null");
        return;
    }
    jb_putc(o, '"');
    jb_json_string(o, s);
    jb_putc(o, '"');
}

static void kv_str(jbuf *o, const char *k, const char *v, bool comma)
{
    key(o, k);
    str(o, v);
    if (comma)
        jb_putc(o, ',');
}

/* --- the parts of a profile's report that depend on the rules alone -------------------------------
 *
 * What the rules say about an item (its text, norm in words, source, where it is declared) is
 * written once per version, in the header. A profile's report holds only its results, and even
 * there most bytes are the same for every profile: an item's and an agreement's id, the few ways
 * an item's status, ambition, category and scale value can read. They are rendered once, when a
 * writer begins, into one buffer, and copied from there for each profile. The cache belongs to the
 * writer that built it (w->priv; one writer per thread); a writer whose rules or language changed
 * renders everything itself, so the output never depends on it. */

typedef struct json_cache {
    const sc_writer *owner;
    const sc_rules *rules;
    sc_lang lang;
    sc_out text;          /* the fragments, back to back */
    size_t *at;           /* fragment k is text.buf[at[k] .. at[k + 1]) */
    size_t first_agreement, first_status, no_category;
    size_t *first_member; /* per scale: the fragment of its member 0 */
    size_t *first_band;   /* per bandset: the fragment of its band 0 */
} json_cache;

#define ITEM_STATUSES (SC_ITEM_NOT_APPLICABLE + 1)
#define AMBITION_STATUSES (SC_AMBITION_OPEN + 1)

static void cache_drop(json_cache *cache)
{
    sc_out_free(&cache->text);
    free(cache->at);
    free(cache->first_member);
    free(cache->first_band);
    memset(cache, 0, sizeof *cache);
}

/* The writer's cache, freed with the writer (sc_writer_release). */
static void cache_free(sc_writer *w)
{
    if (w->priv) {
        cache_drop(w->priv);
        free(w->priv);
        w->priv = NULL;
    }
}

static const json_cache *cache_for(const sc_writer *w, const sc_rules *r)
{
    const json_cache *cache = w->priv;
    if (!cache)
        return NULL;
    return cache->owner == w && cache->rules == r && cache->lang == w->opts.lang && cache->at && !cache->text.failed
               ? cache
               : NULL;
}

/* Fragments are short (an id, a status, a category: under 64 bytes nearly always) and the cache's
 * text has FRAGMENT_SLACK bytes after the last one, so a short fragment is copied as a fixed 64
 * bytes (four wide moves, no call) of which only its own length counts. */
#define FRAGMENT_SLACK 64u

static inline void put_fragment(jbuf *o, const json_cache *c, size_t k)
{
    const char *src = c->text.buf + c->at[k];
    size_t n = c->at[k + 1] - c->at[k];
    if (n <= FRAGMENT_SLACK && JB_CAP - o->n >= FRAGMENT_SLACK) {
        memcpy(o->b + o->n, src, FRAGMENT_SLACK);
        o->n += n;
        return;
    }
    jb_write(o, src, n);
}

/* `{"id":"...",` of an item or an agreement in a profile's report */
static void id_head(jbuf *o, const char *id)
{
    jb_putc(o, '{');
    kv_str(o, "id", id, true);
}

/* Up to the value: `"status":...,"ambition":...,"value":`. */
static void item_status(jbuf *o, sc_item_status status, sc_ambition_status ambition)
{
    kv_str(o, "status", sc_item_status_id(status), true);
    kv_str(o, "ambition", sc_ambition_id(ambition), true);
    key(o, "value");
}

/* A list of ids: `["A1","A6"]`. */
static void id_list(jbuf *o, const char *(*id)(const sc_rules *, uint32_t), const sc_rules *r, const uint32_t *k,
                    uint32_t n)
{
    jb_putc(o, '[');
    for (uint32_t i = 0; i < n; i++) {
        if (i)
            jb_putc(o, ',');
        str(o, id(r, k[i]));
    }
    jb_putc(o, ']');
}

static const char *item_id(const sc_rules *r, uint32_t k)
{
    return r->items[k].id;
}

static const char *agreement_id(const sc_rules *r, uint32_t k)
{
    return r->agreements[k].id;
}

static const char *promise_id(const sc_rules *r, uint32_t k)
{
    return r->promises[k].id;
}

/* A date as a JSON string "YYYY-MM-DD" (ten digits and dashes: nothing to escape). */
static void put_date(jbuf *o, sc_date d)
{
    char buf[12];
    sc_date_format(d, buf + 1);
    buf[0] = buf[11] = '"';
    jb_write(o, buf, 12);
}

static void date_or_null(jbuf *o, bool has, sc_date d)
{
    if (has)
        put_date(o, d);
    else
        jb_puts(o, "null");
}

/* The rest of a promise or an agreement in a version, up to its closing brace: its source, the ids of
 * what it is linked to (a promise's agreements, an agreement's promises) and of its items. */
static void group_links(jbuf *o, const sc_rules *r, const char *source, const char *links_key,
                        const char *(*link_id)(const sc_rules *, uint32_t), const uint32_t *links, uint32_t nlinks,
                        const uint32_t *items, uint32_t nitems)
{
    kv_str(o, "source", source, true);
    key(o, links_key);
    id_list(o, link_id, r, links, nlinks);
    jb_putc(o, ',');
    key(o, "items");
    id_list(o, item_id, r, items, nitems);
    jb_putc(o, '}');
}

/* One version of the rules: what it is, what it promises and agrees, and what it says about each
 * item that a profile's report lists (in the report's language). */
static void json_version(sc_writer *w, jbuf *o, const sc_rules *r)
{
    jb_putc(o, '{');
    kv_str(o, "name", r->name, true);
    kv_str(o, "version", r->version, true);
    key(o, "valid_from");
    date_or_null(o, r->has_valid_from, r->valid_from);
    jb_putc(o, ',');
    key(o, "valid_until");
    date_or_null(o, r->has_valid_until, r->valid_until);
    jb_puts(o, ",\"files\":[");
    for (uint32_t i = 0; i < r->nfiles; i++) {
        if (i)
            jb_putc(o, ',');
        jb_putc(o, '{');
        kv_str(o, "path", r->files[i].path, true);
        kv_str(o, "ruleset", r->files[i].ruleset, true);
        kv_str(o, "version", r->files[i].version, false);
        jb_putc(o, '}');
    }
    jb_puts(o, "],\n\"promises\":[");
    for (uint32_t p = 0; p < r->npromises; p++) {
        const sc_promise *pr = &r->promises[p];
        jb_puts(o, p ? ",{" : "{");
        kv_str(o, "id", pr->id, true);
        kv_str(o, "text", pr->text, true);
        key(o, "serving");
        id_list(o, item_id, r, pr->serving, pr->nserving);
        jb_putc(o, ',');
        group_links(o, r, pr->source, "agreements", agreement_id, pr->agreements, pr->nagreements, pr->items, pr->nitems);
    }
    jb_puts(o, "],\n\"agreements\":[");
    for (uint32_t a = 0; a < r->nagreements; a++) {
        const sc_agreement *ag = &r->agreements[a];
        jb_puts(o, a ? ",{" : "{");
        kv_str(o, "id", ag->id, true);
        kv_str(o, "title", ag->title, true);
        kv_str(o, "text", ag->text, true);
        group_links(o, r, ag->source, "promises", promise_id, ag->promises, ag->npromises, ag->items, ag->nitems);
    }
    jb_puts(o, "],\n\"catalogues\":[");
    for (uint32_t c = 0; c < r->ncatalogues; c++) {
        const sc_catalogue *ca = &r->catalogues[c];
        jb_puts(o, c ? ",{" : "{");
        kv_str(o, "id", ca->id, true);
        kv_str(o, "title", ca->title, true);
        kv_str(o, "text", ca->text, true);
        kv_str(o, "source", ca->source, true);
        key(o, "items");
        id_list(o, item_id, r, ca->items, ca->nitems);
        jb_putc(o, '}');
    }
    jb_puts(o, "],\n\"items\":{");
    bool first = true;
    for (uint32_t i = 0; i < r->nitems; i++) {
        const sc_item *it = &r->items[i];
        if (it->agreement == SC_NONE && it->promise == SC_NONE && it->catalogue == SC_NONE)
            continue; /* a field such as school.naam: in the profile's "school", not judged */
        jb_puts(o, first ? "\n" : ",\n");
        first = false;
        str(o, it->id);
        jb_puts(o, ":{");
        kv_str(o, "text", it->text, true);
        kv_str(o, "norm", it->norm ? sc_writer_words(w, r, it->norm, i) : NULL, true);
        kv_str(o, "ambition_norm", it->ambition ? sc_writer_words(w, r, it->ambition, i) : NULL, true);
        kv_str(o, "source", it->source, true);
        kv_str(o, "catalogue", it->catalogue != SC_NONE ? r->catalogues[it->catalogue].id : NULL, true);
        jb_puts(o, "\"promises\":");
        id_list(o, promise_id, r, it->promises, it->npromises);
        jb_puts(o, ",\"capacity\":[");
        if (it->capacity & SC_CAPACITY_PLACES)
            jb_puts(o, it->capacity & SC_CAPACITY_HOURS ? "\"places\",\"hours\"" : "\"places\"");
        else if (it->capacity & SC_CAPACITY_HOURS)
            jb_puts(o, "\"hours\"");
        jb_puts(o, "],");
        key(o, "rules");
        jb_putc(o, '{');
        kv_str(o, "file", r->files[it->pos.file].path, true);
        jb_puts(o, "\"line\":");
        put_uint(o, it->pos.line);
        jb_putc(o, ',');
        kv_str(o, "layer", r->files[it->pos.file].ruleset, false);
        jb_puts(o, "}}");
    }
    jb_puts(o, "}}");
}

static void cache_build(sc_writer *w, const sc_rules *r)
{
    if (!w->priv) {
        w->priv = calloc(1, sizeof(json_cache));
        w->free_priv = cache_free;
        if (!w->priv)
            return;
    }
    json_cache *cache = w->priv;
    cache_drop(cache);
    size_t n = (size_t)r->nitems + r->nagreements + ITEM_STATUSES * AMBITION_STATUSES + 1;
    for (uint32_t sc = 0; sc < r->nscales; sc++)
        n += r->scales[sc].nmembers;
    for (uint32_t b = 0; b < r->nbandsets; b++)
        n += r->bandsets[b].nbands;
    cache->at = malloc((n + 1) * sizeof *cache->at);
    cache->first_member = malloc((r->nscales + 1) * sizeof *cache->first_member);
    cache->first_band = malloc((r->nbandsets + 1) * sizeof *cache->first_band);
    if (!cache->at || !cache->first_member || !cache->first_band) {
        cache_drop(cache);
        return;
    }
    sc_out_init_mem(&cache->text);
    jbuf j = {.o = &cache->text};
    jbuf *o = &j;
    size_t k = 0;
#define NEXT_FRAGMENT() (cache->at[k++] = cache->text.len + o->n)
    for (uint32_t i = 0; i < r->nitems; i++) {
        NEXT_FRAGMENT();
        id_head(o, r->items[i].id);
    }
    cache->first_agreement = k;
    for (uint32_t a = 0; a < r->nagreements; a++) {
        NEXT_FRAGMENT();
        id_head(o, r->agreements[a].id);
    }
    cache->first_status = k;
    for (int st = 0; st < ITEM_STATUSES; st++)
        for (int am = 0; am < AMBITION_STATUSES; am++) {
            NEXT_FRAGMENT();
            item_status(o, (sc_item_status)st, (sc_ambition_status)am);
        }
    cache->no_category = k;
    NEXT_FRAGMENT();
    kv_str(o, "category", NULL, true);
    for (uint32_t sc = 0; sc < r->nscales; sc++) {
        cache->first_member[sc] = k;
        for (uint32_t m = 0; m < r->scales[sc].nmembers; m++) {
            NEXT_FRAGMENT();
            str(o, r->scales[sc].members[m].name);
        }
    }
    for (uint32_t b = 0; b < r->nbandsets; b++) {
        cache->first_band[b] = k;
        for (uint32_t m = 0; m < r->bandsets[b].nbands; m++) {
            NEXT_FRAGMENT();
            kv_str(o, "category", r->bandsets[b].bands[m].name, true);
        }
    }
    NEXT_FRAGMENT();
#undef NEXT_FRAGMENT
    jb_flush(o);
    static const char slack[FRAGMENT_SLACK]; /* read past the last fragment by put_fragment, never written out */
    sc_out_write(&cache->text, slack, sizeof slack);
    if (k != n + 1 || cache->text.failed || !cache->text.buf) {
        cache_drop(cache);
        return;
    }
    cache->owner = w;
    cache->rules = r;
    cache->lang = w->opts.lang;
}

static void json_begin(sc_writer *w, const sc_rules *const *versions, size_t nversions)
{
    const sc_rules *r = sc_writer_start(w, versions, nversions);
    jbuf j = {.o = w->out};
    jbuf *o = &j;
    jb_puts(o, "{\"format\":3,\"tool\":{\"name\":\"sopcheck\",");
    kv_str(o, "version", w->opts.tool_version ? w->opts.tool_version : "", false);
    jb_puts(o, "},\"rules\":{");
    kv_str(o, "name", r ? r->name : NULL, true);
    kv_str(o, "version", r ? r->version : NULL, false);
    jb_puts(o, "},\n\"versions\":[");
    for (size_t v = 0; v < nversions; v++) {
        if (v)
            jb_puts(o, ",\n");
        json_version(w, o, versions[v]);
    }
    jb_puts(o, "],\n\"profiles\":[\n");
    jb_flush(o);
    if (r)
        cache_build(w, r);
}

/* A number as sc_num_format writes it (the shortest text that reads back to it); whole numbers and numbers
 * with one decimal (nearly all answers) straight into the buffer. */
static void put_number(jbuf *o, double x)
{
    if (x > -1e15 && x < 1e15 && x == (double)(int64_t)x && !(x == 0 && signbit(x))) {
        int64_t whole = (int64_t)x;
        if (whole < 0)
            jb_putc(o, '-');
        put_uint(o, whole < 0 ? (uint64_t)-whole : (uint64_t)whole);
        return;
    }
    if (x > -1e6 && x < 1e6) {
        /* x is the double nearest to tenths/10, and no whole number: the shortest text that reads back to x */
        int64_t tenths = (int64_t)(x * 10 + (x < 0 ? -0.5 : 0.5));
        if ((double)tenths / 10 == x) {
            uint64_t t = tenths < 0 ? (uint64_t)-tenths : (uint64_t)tenths;
            if (tenths < 0)
                jb_putc(o, '-');
            put_uint(o, t / 10);
            jb_putc(o, '.');
            jb_putc(o, (char)('0' + t % 10));
            return;
        }
    }
    char buf[SC_NUM_BUF];
    sc_num_format(buf, sizeof buf, x);
    jb_puts(o, buf);
}

static void value(jbuf *o, const sc_rules *r, uint32_t i, const sc_value *v, const json_cache *c)
{
    if (!v->present) {
        jb_puts(o, "null");
        return;
    }
    const sc_item_hot *t = &r->hot[i]; /* the item's type kind and scale, from the dense array */
    switch ((sc_type_kind)t->kind) {
    case SC_TYPE_NUMBER:
    case SC_TYPE_PERCENT:
        put_number(o, v->v.number);
        return;
    case SC_TYPE_YESNO: jb_puts(o, v->v.yes ? "\"ja\"" : "\"nee\""); return;
    case SC_TYPE_DATE: put_date(o, v->v.date); return;
    case SC_TYPE_SCALE:
        if (c)
            put_fragment(o, c, c->first_member[t->scale] + v->v.member);
        else
            str(o, r->scales[t->scale].members[v->v.member].name);
        return;
    case SC_TYPE_SET: {
        const sc_scale *sc = &r->scales[t->scale];
        jb_putc(o, '[');
        bool first = true;
        for (uint32_t k = 0; k < sc->nmembers && k < 64; k++)
            if ((v->v.set >> k) & 1u) {
                if (!first)
                    jb_putc(o, ',');
                first = false;
                if (c)
                    put_fragment(o, c, c->first_member[t->scale] + k);
                else
                    str(o, sc->members[k].name);
            }
        jb_putc(o, ']');
        return;
    }
    case SC_TYPE_TEXT: str(o, v->v.text ? v->v.text : v->raw); return;
    }
}

/* A text the school wrote, with where it stands: `{"text":"...","line":L,"col":C}`, or null. */
static void text_at(jbuf *o, const sc_text_at *t)
{
    if (!t->text) {
        jb_puts(o, "null");
        return;
    }
    jb_putc(o, '{');
    kv_str(o, "text", t->text, true);
    jb_puts(o, "\"line\":");
    put_uint(o, t->line);
    jb_puts(o, ",\"col\":");
    put_uint(o, t->col);
    jb_putc(o, '}');
}

static void audience_texts(jbuf *o, const sc_audience_texts *t)
{
    jb_puts(o, "\"sop\":");
    text_at(o, &t->sop);
    jb_puts(o, ",\"parents\":");
    text_at(o, &t->parents);
}

/* What the long form of answer i adds (`,"details":{...}`), only when the school wrote one: the texts for
 * the SOP and for parents, places and hours a week. */
static void details(jbuf *o, const sc_profile *prof, uint32_t i)
{
    const sc_answer_details *d = prof && prof->details ? prof->details[i] : NULL;
    if (!d)
        return;
    jb_puts(o, ",\"details\":{");
    audience_texts(o, &(sc_audience_texts){d->sop, d->parents});
    jb_puts(o, ",\"places\":");
    if (d->has_places)
        put_uint(o, d->places);
    else
        jb_puts(o, "null");
    jb_puts(o, ",\"hours\":");
    if (d->has_hours)
        put_number(o, d->hours);
    else
        jb_puts(o, "null");
    jb_putc(o, '}');
}

/* A recorded answer (a catalogue's field): `{"id","value","line","col"}` and its details. */
static void recorded(jbuf *o, const sc_result *res, uint32_t i, const json_cache *c)
{
    const sc_value *v = &res->profile->answers[i];
    if (c)
        put_fragment(o, c, i);
    else
        id_head(o, res->rules->items[i].id);
    key(o, "value");
    value(o, res->rules, i, v, c);
    if (v->present || v->line) {
        jb_puts(o, ",\"line\":");
        put_uint(o, v->line);
        jb_puts(o, ",\"col\":");
        put_uint(o, v->col);
    } else {
        jb_puts(o, ",\"line\":null,\"col\":null");
    }
    details(o, res->profile, i);
    jb_putc(o, '}');
}

/* The plans of a profile (its own ambitions, its expertise in development): `[{"text","line","col","date"}]`. */
static void plans(jbuf *o, const sc_plan *p, uint32_t n)
{
    jb_putc(o, '[');
    for (uint32_t k = 0; k < n; k++) {
        if (k)
            jb_putc(o, ',');
        jb_putc(o, '{');
        kv_str(o, "text", p[k].text.text, true);
        jb_puts(o, "\"line\":");
        put_uint(o, p[k].text.line);
        jb_puts(o, ",\"col\":");
        put_uint(o, p[k].text.col);
        jb_puts(o, ",\"date\":");
        date_or_null(o, p[k].has_date, p[k].date);
        jb_putc(o, '}');
    }
    jb_putc(o, ']');
}

/* The offer (every catalogue's fields, answered or not) and the school's own texts of a valid profile. */
static void offer_and_texts(jbuf *o, const sc_result *res, const json_cache *c)
{
    const sc_rules *r = res->rules;
    const sc_profile *prof = res->profile;
    jb_puts(o, ",\n\"offer\":[");
    for (uint32_t k = 0; k < r->ncatalogues; k++) {
        const sc_catalogue *ca = &r->catalogues[k];
        if (k)
            jb_putc(o, ',');
        jb_putc(o, '{');
        kv_str(o, "id", ca->id, true);
        jb_puts(o, "\"items\":[");
        for (uint32_t f = 0; f < ca->nitems; f++) {
            if (f)
                jb_putc(o, ',');
            recorded(o, res, ca->items[f], c);
        }
        jb_puts(o, "]}");
    }
    jb_puts(o, "],\"texts\":{\"sections\":[");
    for (uint32_t k = 0; k < prof->nsection_texts; k++) {
        const sc_section_texts *t = &prof->section_texts[k];
        if (k)
            jb_putc(o, ',');
        jb_putc(o, '{');
        static const char *const kinds[] = {"school", "promise", "agreement", "catalogue"};
        kv_str(o, "kind", kinds[t->kind], true);
        const char *id = t->kind == SC_SECTION_PROMISE     ? r->promises[t->index].id
                         : t->kind == SC_SECTION_AGREEMENT ? r->agreements[t->index].id
                         : t->kind == SC_SECTION_CATALOGUE ? r->catalogues[t->index].id
                                                           : NULL;
        kv_str(o, "id", id, true);
        jb_puts(o, "\"line\":");
        put_uint(o, t->line);
        jb_puts(o, ",\"col\":");
        put_uint(o, t->col);
        jb_putc(o, ',');
        audience_texts(o, &t->texts);
        jb_putc(o, '}');
    }
    jb_puts(o, "],\"limits\":{");
    audience_texts(o, &prof->limits);
    jb_puts(o, "},\"ambitions\":");
    plans(o, prof->ambitions, prof->nambitions);
    jb_puts(o, ",\"developing\":");
    plans(o, prof->developing, prof->ndeveloping);
    jb_putc(o, '}');
}

/* An item's results: `{"id","status","ambition","value","category","line","col"}`. `c` is the
 * writer's cache for the profile's rules, or NULL. */
static void item(jbuf *o, const sc_result *res, uint32_t i, const json_cache *c)
{
    const sc_rules *r = res->rules;
    const sc_item_result *ir = &res->items[i];
    const sc_value *v = &res->profile->answers[i];
    if (c && (ir->status >= ITEM_STATUSES || ir->ambition >= AMBITION_STATUSES))
        c = NULL;
    if (c) {
        put_fragment(o, c, i);
        put_fragment(o, c, c->first_status + (size_t)ir->status * AMBITION_STATUSES + ir->ambition);
    } else {
        id_head(o, r->items[i].id);
        item_status(o, ir->status, ir->ambition);
    }
    value(o, r, i, v, c);
    jb_putc(o, ',');
    if (c)
        put_fragment(o, c, ir->category != SC_NONE ? c->first_band[r->judge[i].bands] + ir->category : c->no_category);
    else
        kv_str(o, "category", ir->category != SC_NONE ? r->bandsets[r->judge[i].bands].bands[ir->category].name : NULL,
               true);
    /* `"line":L,"col":C}` or with nulls: at most 7 + 20 + 7 + 20 + 1 bytes */
    char *p = jb_reserve(o, 64);
    if (v->present || v->line) {
        memcpy(p, "\"line\":", 7);
        p = digits_at(p + 7, v->line);
        memcpy(p, ",\"col\":", 7);
        p = digits_at(p + 7, v->col);
    } else {
        static const char nulls[] = "\"line\":null,\"col\":null";
        memcpy(p, nulls, sizeof nulls - 1);
        p += sizeof nulls - 1;
    }
    jb_commit(o, p);
    details(o, res->profile, i);
    jb_putc(o, '}');
}

static void json_profile(sc_writer *w, const sc_result *res)
{
    jbuf j = {.o = w->out};
    jbuf *o = &j;
    const sc_rules *r = res->rules;
    const json_cache *c = r ? cache_for(w, r) : NULL;
    if (sc_writer_next(w))
        jb_puts(o, w->sep);
    jb_putc(o, '{');
    kv_str(o, "file", res->profile && res->profile->path ? res->profile->path : "", true);
    /* the version of the rules that judged the profile (several may be given, see docs/json.md) */
    key(o, "rules");
    jb_putc(o, '{');
    kv_str(o, "name", r ? r->name : NULL, true);
    kv_str(o, "version", r ? r->version : NULL, false);
    jb_puts(o, "},");
    key(o, "school");
    jb_putc(o, '{');
    kv_str(o, "brin", res->school.brin, true);
    kv_str(o, "naam", res->school.naam, true);
    kv_str(o, "bestuur", res->school.bestuur, true);
    kv_str(o, "wijk", res->school.wijk, true);
    kv_str(o, "peildatum", res->school.peildatum, false);
    jb_puts(o, "},");
    kv_str(o, "status", sc_profile_status_id(res->status), true);
    key(o, "errors");
    jb_putc(o, '[');
    for (uint32_t k = 0; k < res->nerrors; k++) {
        const sc_profile_error *e = &res->errors[k];
        if (k)
            jb_putc(o, ',');
        jb_puts(o, "{\"line\":");
        put_uint(o, e->line);
        jb_puts(o, ",\"col\":");
        put_uint(o, e->col);
        jb_putc(o, ',');
        kv_str(o, "severity", e->severity == SC_SEV_ERROR ? "error" : "warning", true);
        kv_str(o, "message", e->message, true);
        kv_str(o, "hint", e->hint, false);
        jb_putc(o, '}');
    }
    /* the required answers the profile leaves out (always there, possibly empty) */
    jb_puts(o, "],\"missing_required\":[");
    const sc_profile *prof = res->profile;
    for (uint32_t k = 0; prof && r && prof->rules == r && k < prof->nmissing; k++) {
        if (k)
            jb_putc(o, ',');
        str(o, r->items[prof->missing[k].item].id);
    }
    jb_puts(o, "]");
    if (res->status != SC_PROFILE_INVALID && res->items) {
        jb_puts(o, ",\"promises\":[");
        for (uint32_t p = 0; p < r->npromises; p++) {
            const sc_promise *pr = &r->promises[p];
            if (p)
                jb_putc(o, ',');
            jb_putc(o, '{');
            kv_str(o, "id", pr->id, true);
            kv_str(o, "status", sc_group_status_id(res->promises[p]), true);
            jb_puts(o, "\"items\":[");
            for (uint32_t k = 0; k < pr->nitems; k++) {
                if (k)
                    jb_putc(o, ',');
                item(o, res, pr->items[k], c);
            }
            jb_puts(o, "]}");
        }
        jb_puts(o, "],\"agreements\":[");
        for (uint32_t a = 0; a < r->nagreements; a++) {
            const sc_agreement *ag = &r->agreements[a];
            if (a)
                jb_puts(o, ",\n");
            if (c)
                put_fragment(o, c, c->first_agreement + a);
            else
                id_head(o, ag->id);
            kv_str(o, "status", sc_group_status_id(res->agreements[a]), true);
            key(o, "items");
            jb_putc(o, '[');
            for (uint32_t k = 0; k < ag->nitems; k++) {
                if (k)
                    jb_putc(o, ',');
                item(o, res, ag->items[k], c);
            }
            jb_puts(o, "]}");
        }
        jb_puts(o, "],\"categories\":{");
        for (uint32_t b = 0; b < r->nbandsets; b++) {
            const sc_bandset *bs = &r->bandsets[b];
            unsigned counts[SC_MAX_BANDS] = {0};
            for (uint32_t i = 0; i < r->nitems; i++)
                if (r->judge[i].bands == b && res->items[i].category != SC_NONE && res->items[i].category < SC_MAX_BANDS)
                    counts[res->items[i].category]++;
            if (b)
                jb_putc(o, ',');
            key(o, bs->name);
            jb_putc(o, '{');
            for (uint32_t k = 0; k < bs->nbands; k++) {
                jb_puts(o, k ? ",\"" : "\"");
                jb_puts(o, bs->bands[k].name);
                jb_puts(o, "\":");
                put_uint(o, k < SC_MAX_BANDS ? counts[k] : 0);
            }
            jb_putc(o, '}');
        }
        unsigned reached = 0, open = 0;
        for (uint32_t i = 0; i < r->nitems; i++) {
            reached += res->items[i].ambition == SC_AMBITION_REACHED;
            open += res->items[i].ambition == SC_AMBITION_OPEN;
        }
        jb_puts(o, "},\"ambitions\":{\"reached\":");
        put_uint(o, reached);
        jb_puts(o, ",\"open\":");
        put_uint(o, open);
        jb_putc(o, '}');    offer_and_texts(o, res, c);
    }
    jb_putc(o, '}');
    jb_flush(o);
}

static void json_end(sc_writer *w, const sc_accum *acc)
{
    const sc_summary *s = &acc->summary;
    sc_out_printf(w->out,
                  "\n],\"summary\":{\"profiles\":%u,\"compliant\":%u,\"not_compliant\":%u,\"incomplete\":%u,\"invalid\":%u}}\n",
                  s->profiles, s->compliant, s->not_compliant, s->incomplete, s->invalid);
}

void sc_writer_json_init(sc_writer *w)
{
    w->begin = json_begin;
    w->profile = json_profile;
    w->end = json_end;
    w->sep = ",\n"; /* between profiles */
}
