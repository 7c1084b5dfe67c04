/* engine/profile.c — binds a profile's YAML tree to the compiled rules: one typed, located answer per item, every problem reported. */
#include "profile.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../base/num.h"
#include "../base/text.h"
#include "../dsl/rules_index.h"

/* Longest dotted id a key path may build; longer paths cannot name an item. */
#define SC_PATH_MAX 256
/* How many names a hint lists before it stops with "…". */
#define SC_HINT_MAX_NAMES 12

static const char SC_SCHOOL_PREFIX[] = "school";

/* The state of one binding: where answers go, where errors go, and the dotted path being built. */
typedef struct sc_binder {
    sc_arena *arena;
    const sc_rules *rules;
    sc_profile *out;
    sc_diag_sink *diags;
    unsigned nerrors;
    bool *rejected; /* per item: an answer was given but refused (already reported) */
    char path[SC_PATH_MAX];
    size_t path_len;
    uint32_t next;      /* the item after the one bound last: what the next key most likely names */
    const sc_answer_details **details; /* out->details, allocated when the first long form is met */
    sc_lang lang;       /* of the messages and hints */
} sc_binder;

/* A text in the binder's language (b->lang): the Dutch and the English side by side. */
#define TR(nl, en) SC_TR(b->lang, nl, en)

static void sc_bind_error(sc_binder *b, uint32_t line, uint32_t col, const char *hint, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void sc_bind_error(sc_binder *b, uint32_t line, uint32_t col, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sc_diag_vreport(b->diags, SC_SEV_ERROR, b->out->path, b->out->text, b->out->text_len, line, col, hint, fmt, ap);
    va_end(ap);
    b->nerrors++;
}

static bool sc_is_school_id(const char *id)
{
    return id[0] == 's' && id[1] == 'c' && strncmp(id, "school.", 7) == 0; /* most ids fail on the first two */
}

/* Numbers as a school writes them: "75", "72.5", never "75.0", "1e+06" or "-0". */
static void sc_number_text(double v, char *buf, size_t cap)
{
    sc_num_format(buf, cap, v == 0 ? 0 : v);
}

/* --- text for hints: appending names to a bounded buffer ------------------------------------ */

/* snprintf for hints: a hint cut short is fine, so truncation is not worth a warning. */
static void sc_hint_printf(char *buf, size_t cap, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void sc_hint_printf(char *buf, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, cap, fmt, ap);
    va_end(ap);
}

typedef struct sc_hint_buf {
    char *text;
    size_t cap, len;
    unsigned nnames;
} sc_hint_buf;

static void sc_hint_append(sc_hint_buf *h, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void sc_hint_append(sc_hint_buf *h, const char *fmt, ...)
{
    if (h->len + 1 >= h->cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(h->text + h->len, h->cap - h->len, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    h->len += (size_t)n < h->cap - h->len ? (size_t)n : h->cap - h->len - 1;
}

/* Append one name to a comma-separated list, stopping with "…" after SC_HINT_MAX_NAMES. */
static void sc_hint_name(sc_hint_buf *h, const char *name, size_t len)
{
    if (h->nnames == SC_HINT_MAX_NAMES)
        sc_hint_append(h, ", …");
    if (h->nnames++ >= SC_HINT_MAX_NAMES)
        return;
    sc_hint_append(h, "%s%.*s", h->nnames > 1 ? ", " : "", (int)len, name);
}

/* What an answer of this item must look like, e.g. "one of: school, wijk" or "ja or nee". */
static void sc_describe_allowed(const sc_binder *b, const sc_item *item, char *buf, size_t cap)
{
    const sc_rules *rules = b->rules;
    sc_hint_buf h = {buf, cap, 0, 0};
    buf[0] = '\0';
    char lo[SC_NUM_BUF], hi[SC_NUM_BUF];
    sc_number_text(item->type.min, lo, sizeof lo);
    sc_number_text(item->type.max, hi, sizeof hi);
    switch (item->type.kind) {
    case SC_TYPE_YESNO:
        sc_hint_append(&h, "%s", TR("ja of nee", "ja or nee"));
        break;
    case SC_TYPE_NUMBER:
        sc_hint_append(&h, TR("een heel getal van %s tot en met %s", "a whole number from %s to %s"), lo, hi);
        break;
    case SC_TYPE_PERCENT:
        sc_hint_append(&h,
                       TR("een percentage van %s tot en met %s (decimalen met een punt, bijv. 72.5)",
                          "a percentage from %s to %s (decimals allowed, e.g. 72.5)"),
                       lo, hi);
        break;
    case SC_TYPE_DATE:
        sc_hint_append(&h, "%s", TR("een datum als JJJJ-MM-DD, bijv. 2026-03-15", "a date written YYYY-MM-DD, e.g. 2026-03-15"));
        break;
    case SC_TYPE_TEXT:
        sc_hint_append(&h, "%s", TR("tekst", "text"));
        break;
    case SC_TYPE_SCALE:
    case SC_TYPE_SET: {
        const sc_scale *scale = &rules->scales[item->type.scale];
        sc_hint_append(&h, "%s",
                       item->type.kind == SC_TYPE_SCALE ? TR("een van: ", "one of: ")
                                                        : TR("een lijst met een of meer van: ", "a list of some of: "));
        for (uint32_t m = 0; m < scale->nmembers; m++)
            sc_hint_name(&h, scale->members[m].name, strlen(scale->members[m].name));
        break;
    }
    }
}

/* "write <what is allowed>" into hint; made only when an error needs it. */
static const char *sc_allowed_hint(const sc_binder *b, const sc_item *item, char *hint, size_t cap)
{
    char allowed[512];
    sc_describe_allowed(b, item, allowed, sizeof allowed);
    sc_hint_printf(hint, cap, TR("schrijf %s", "write %s"), allowed);
    return hint;
}

/* --- did you mean ----------------------------------------------------------------------------- */

/* Number of dot-separated segments in an id. */
static unsigned sc_segments(const char *s, size_t len)
{
    unsigned n = 1;
    for (size_t i = 0; i < len; i++)
        n += s[i] == '.';
    return n;
}

/* Length of the first `segments` segments of id. */
static size_t sc_prefix_len(const char *id, unsigned segments)
{
    size_t i = 0;
    for (unsigned seen = 1;; i++) {
        if (id[i] == '\0')
            return i;
        if (id[i] == '.' && seen++ == segments)
            return i;
    }
}

/* A hint for an unknown dotted path: the closest id (or group of ids at the same depth) within
 * distance 2; else the closest sibling under the same prefix, with the names found there. */
static void sc_suggest_path(const sc_binder *b, const char *path, size_t path_len, bool school_section, char *hint,
                            size_t cap)
{
    const sc_rules *rules = b->rules;
    unsigned depth = sc_segments(path, path_len);
    char best[2 * SC_PATH_MAX] = "";
    unsigned best_dist = 3;
    char candidate[SC_PATH_MAX];
    for (uint32_t i = 0; i < rules->nitems && best_dist > 1; i++) {
        const char *id = rules->items[i].id;
        if (sc_is_school_id(id) != school_section)
            continue;
        size_t n = sc_prefix_len(id, depth);
        if (n >= sizeof candidate)
            continue;
        memcpy(candidate, id, n);
        candidate[n] = '\0';
        unsigned d = sc_edit_distance(path, candidate, 2);
        if (d < best_dist) {
            best_dist = d;
            memcpy(best, candidate, n + 1);
        }
    }
    if (best[0]) {
        sc_hint_printf(hint, cap, TR("bedoelt u '%s'?", "did you mean '%s'?"), best);
        return;
    }

    /* siblings: ids that share everything up to the last dot */
    const char *last_dot = NULL;
    for (size_t i = 0; i < path_len; i++)
        if (path[i] == '.')
            last_dot = path + i;
    if (!last_dot) {
        hint[0] = '\0';
        return;
    }
    size_t parent_len = (size_t)(last_dot - path);
    const char *segment = last_dot + 1;
    char names[512];
    sc_hint_buf list = {names, sizeof names, 0, 0};
    names[0] = '\0';
    unsigned sibling_dist = UINT32_MAX;
    for (uint32_t i = 0; i < rules->nitems; i++) {
        const char *id = rules->items[i].id;
        if (strncmp(id, path, parent_len) != 0 || id[parent_len] != '.')
            continue;
        const char *name = id + parent_len + 1;
        size_t name_len = strcspn(name, ".");
        if (name_len >= sizeof candidate)
            continue;
        /* one name per group, even when the group holds several items (ids themselves are unique) */
        bool listed = false;
        for (uint32_t j = 0; j < i && !listed && name[name_len] == '.'; j++) {
            const char *earlier = rules->items[j].id;
            listed = strncmp(earlier, path, parent_len) == 0 && earlier[parent_len] == '.' &&
                     strncmp(earlier + parent_len + 1, name, name_len) == 0 &&
                     (earlier[parent_len + 1 + name_len] == '.' || earlier[parent_len + 1 + name_len] == '\0');
        }
        if (listed)
            continue;
        sc_hint_name(&list, name, name_len);
        memcpy(candidate, name, name_len);
        candidate[name_len] = '\0';
        unsigned d = sc_edit_distance(segment, candidate, 64);
        if (d < sibling_dist) {
            sibling_dist = d;
            memcpy(best, id, parent_len + 1 + name_len);
            best[parent_len + 1 + name_len] = '\0';
        }
    }
    if (best[0])
        sc_hint_printf(hint, cap, TR("bedoelt u '%s'? Onder '%.*s' staan: %s", "did you mean '%s'? '%.*s' has: %s"), best,
                       (int)parent_len, path, names);
    else
        hint[0] = '\0';
}

/* --- values ------------------------------------------------------------------------------------ */

static bool sc_ascii_equal_nocase(const char *a, size_t alen, const char *b)
{
    size_t blen = strlen(b);
    if (alen != blen)
        return false;
    for (size_t i = 0; i < alen; i++) {
        char ca = a[i], cb = b[i];
        if (ca >= 'A' && ca <= 'Z')
            ca = (char)(ca - 'A' + 'a');
        if (ca != cb)
            return false;
    }
    return true;
}

/* Reports why a scalar that is not a date fails: its shape, its range, or a day that does not exist. */
static void sc_report_bad_date(sc_binder *b, const sc_item *item, const sc_node *value)
{
    const char *s = value->str;
    bool shaped = value->len == 10 && s[4] == '-' && s[7] == '-';
    for (int i = 0; shaped && i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            shaped = false;
    const char *hint =
        TR("schrijf de datum als jaar-maand-dag, bijv. 2026-03-15", "write the date as year-month-day, e.g. 2026-03-15");
    if (!shaped) {
        sc_bind_error(b, value->line, value->col, hint,
                      TR("'%s' bij '%s' is geen datum in de vorm JJJJ-MM-DD", "'%s' for '%s' is not a date written YYYY-MM-DD"),
                      s, item->id);
        return;
    }
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (m < 1 || m > 12 || d < 1 || d > sc_date_days_in_month(y, m))
        sc_bind_error(b, value->line, value->col, TR("controleer de dag en de maand", "check the day and the month"),
                      TR("de datum '%s' bij '%s' bestaat niet", "the date '%s' for '%s' does not exist"), s, item->id);
    else
        sc_bind_error(b, value->line, value->col,
                      TR("schrijf een jaar van 1900 tot en met 2999", "write a year from 1900 to 2999"),
                      TR("de datum '%s' bij '%s' ligt buiten de jaren 1900 tot en met 2999",
                         "the date '%s' for '%s' lies outside the years 1900 to 2999"),
                      s, item->id);
}

/* The bounds of a NUMBER or PERCENT type; an unset range falls back to the language's defaults. */
static void sc_type_range(const sc_type *t, double *lo, double *hi)
{
    *lo = t->min;
    *hi = t->max;
    if (t->min == 0 && t->max == 0)
        *hi = t->kind == SC_TYPE_PERCENT ? 100 : 1000000;
}

/* Convert one scalar to the item's (non-set) type; false after reporting an error. */
static bool sc_convert_scalar(sc_binder *b, uint32_t index, const sc_node *value, sc_value *out)
{
    const sc_item *item = &b->rules->items[index]; /* read for messages and ranges only */
    const sc_item_hot *hot = &b->rules->hot[index];
    const char *s = value->str;
    char lo_text[SC_NUM_BUF], hi_text[SC_NUM_BUF], hint[600];
    switch ((sc_type_kind)hot->kind) {
    case SC_TYPE_YESNO:
        if (sc_ascii_equal_nocase(s, value->len, "ja") || sc_ascii_equal_nocase(s, value->len, "yes") ||
            sc_ascii_equal_nocase(s, value->len, "true")) {
            out->v.yes = true;
            return true;
        }
        if (sc_ascii_equal_nocase(s, value->len, "nee") || sc_ascii_equal_nocase(s, value->len, "no") ||
            sc_ascii_equal_nocase(s, value->len, "false")) {
            out->v.yes = false;
            return true;
        }
        sc_bind_error(b, value->line, value->col, sc_allowed_hint(b, item, hint, sizeof hint),
                      TR("'%s' is geen antwoord op de ja/nee-vraag '%s'",
                         "'%s' is not an answer to the yes/no question '%s'"),
                      s, item->id);
        return false;
    case SC_TYPE_NUMBER:
    case SC_TYPE_PERCENT: {
        bool percent = hot->kind == SC_TYPE_PERCENT;
        double lo, hi, number;
        bool whole;
        sc_type_range(&item->type, &lo, &hi);
        size_t n = value->len;
        if (percent && n && s[n - 1] == '%')
            n--;
        else if (percent && n > 7 && sc_ascii_equal_nocase(s + n - 7, 7, "procent"))
            n -= 7; /* "70 procent", as a school writes it */
        if (n < value->len)
            while (n && s[n - 1] == ' ')
                n--;
        int parsed = sc_num_parse(s, n, &number, &whole);
        bool comma = parsed == -3; /* "72,5": refused below, once it is clear that 72.5 would do */
        if (comma)
            parsed = 0;
        const char *what = percent ? TR("percentage", "a percentage") : TR("heel getal", "a whole number");
        if (parsed != 0 || number < lo || number > hi || (!percent && !whole && number != (double)(long long)number)) {
            sc_number_text(lo, lo_text, sizeof lo_text);
            sc_number_text(hi, hi_text, sizeof hi_text);
        }
        if (parsed == -1) {
            sc_bind_error(b, value->line, value->col, sc_allowed_hint(b, item, hint, sizeof hint),
                          TR("'%s' bij '%s' is geen %s van %s tot en met %s", "'%s' for '%s' is not %s from %s to %s"),
                          s, item->id, what, lo_text, hi_text);
            return false;
        }
        if (parsed == -2 || number < lo || number > hi) {
            sc_bind_error(b, value->line, value->col, sc_allowed_hint(b, item, hint, sizeof hint),
                          TR("'%s' bij '%s' ligt buiten het toegestane bereik van %s tot en met %s",
                             "'%s' for '%s' is outside the allowed range %s to %s"),
                          s, item->id, lo_text, hi_text);
            return false;
        }
        if (!percent && !whole && number != (double)(long long)number) {
            sc_bind_error(b, value->line, value->col, sc_allowed_hint(b, item, hint, sizeof hint),
                          TR("'%s' bij '%s' is geen heel getal; het antwoord is een heel getal van %s tot en met %s",
                             "'%s' for '%s' is not a whole number; the answer is a whole number from %s to %s"),
                          s, item->id, lo_text, hi_text);
            return false;
        }
        if (comma) {
            char point[64];
            size_t k = 0;
            for (; k < n && k + 1 < sizeof point; k++)
                point[k] = s[k] == ',' ? '.' : s[k];
            point[k] = '\0';
            sc_hint_printf(hint, sizeof hint, TR("schrijf %s", "write %s"), point);
            sc_bind_error(b, value->line, value->col, hint,
                          TR("'%s' bij '%s' heeft een decimale komma; getallen schrijft u met een punt",
                             "'%s' for '%s' has a decimal comma; numbers are written with a decimal point"),
                          s, item->id);
            return false;
        }
        out->v.number = number == 0 ? 0 : number;
        return true;
    }
    case SC_TYPE_DATE:
        if (sc_date_parse(s, value->len, &out->v.date) == 0)
            return true;
        sc_report_bad_date(b, item, value);
        return false;
    case SC_TYPE_TEXT:
        out->v.text = s;
        return true;
    case SC_TYPE_SCALE: {
        const sc_scale *scale = &b->rules->scales[hot->scale];
        uint32_t member = sc_rules_find_member_word(b->rules, hot->scale, s, value->len);
        if (member != SC_NONE) {
            out->v.member = member;
            return true;
        }
        uint32_t best = SC_NONE;
        unsigned best_dist = 3;
        for (uint32_t m = 0; m < scale->nmembers; m++) {
            unsigned d = sc_edit_distance(s, scale->members[m].name, 2);
            if (d < best_dist) {
                best_dist = d;
                best = m;
            }
        }
        char allowed[512];
        sc_describe_allowed(b, item, allowed, sizeof allowed);
        if (best != SC_NONE)
            sc_hint_printf(hint, sizeof hint, TR("bedoelt u '%s'? Schrijf %s", "did you mean '%s'? Write %s"),
                           scale->members[best].name, allowed);
        else
            sc_hint_printf(hint, sizeof hint, TR("schrijf %s", "write %s"), allowed);
        sc_bind_error(b, value->line, value->col, hint,
                      TR("'%s' is geen van de keuzes bij '%s'", "'%s' is not one of the choices for '%s'"), s, item->id);
        return false;
    }
    case SC_TYPE_SET:
        break; /* sets are converted by sc_convert_set */
    }
    return false;
}

/* A set: a list of member names, or one name on its own; false after reporting an error. */
static bool sc_convert_set(sc_binder *b, uint32_t index, const sc_node *value, sc_value *out)
{
    const sc_item *item = &b->rules->items[index];
    uint32_t scale = b->rules->hot[index].scale;
    const sc_node *const *entries = (const sc_node *const *)value->values;
    uint32_t nentries = value->n;
    if (value->kind == SC_NODE_SCALAR) {
        entries = &value;
        nentries = 1;
    }
    char hint[600];
    uint64_t set = 0;
    bool ok = true;
    for (uint32_t i = 0; i < nentries; i++) {
        const sc_node *entry = entries[i];
        if (entry->kind != SC_NODE_SCALAR) {
            sc_bind_error(b, entry->line, entry->col, sc_allowed_hint(b, item, hint, sizeof hint),
                          TR("elk onderdeel van de lijst bij '%s' moet één keuze zijn, geen %s",
                             "each entry of the list for '%s' must be one choice, not a %s"),
                          item->id, entry->kind == SC_NODE_MAP ? TR("blok met sleutels", "mapping") : TR("lijst", "list"));
            ok = false;
            continue;
        }
        if (sc_node_is_null(entry) || entry->len == 0) {
            sc_bind_error(b, entry->line, entry->col, sc_allowed_hint(b, item, hint, sizeof hint),
                          TR("de lijst bij '%s' heeft een leeg onderdeel", "the list for '%s' has an empty entry"),
                          item->id);
            ok = false;
            continue;
        }
        uint32_t member = sc_rules_find_member_word(b->rules, scale, entry->str, entry->len);
        if (member == SC_NONE || member >= 64) {
            sc_bind_error(b, entry->line, entry->col, sc_allowed_hint(b, item, hint, sizeof hint),
                          TR("'%s' is geen van de keuzes bij '%s'", "'%s' is not one of the choices for '%s'"),
                          entry->str, item->id);
            ok = false;
            continue;
        }
        uint64_t bit = (uint64_t)1 << member;
        if (set & bit) {
            sc_bind_error(b, entry->line, entry->col, TR("haal de tweede weg", "remove the second one"),
                          TR("'%s' staat twee keer in de lijst bij '%s'", "'%s' is listed twice for '%s'"), entry->str,
                          item->id);
            ok = false;
            continue;
        }
        set |= bit;
    }
    out->v.set = set;
    return ok;
}

/* --- what the school describes beside its answers --------------------------------------------- */

static const char *sc_node_kind_word(const sc_binder *b, const sc_node *n)
{
    return n->kind == SC_NODE_MAP ? TR("blok met sleutels", "mapping")
           : n->kind == SC_NODE_SEQ ? TR("lijst", "list")
                                    : TR("losse waarde", "single value");
}

static void sc_bind_oom(sc_binder *b)
{
    sc_bind_error(b, 1, 1, TR("maak het bestand kleiner", "make the file smaller"), "%s",
                  TR("onvoldoende geheugen om het profiel te lezen", "out of memory while reading the profile"));
}

/* An unknown key where only a few are known: names them, with the closest one. */
static void sc_unknown_key_among(sc_binder *b, const sc_node *key, const char *where, const char *const *known, size_t n)
{
    char names[300];
    sc_hint_buf list = {names, sizeof names, 0, 0};
    names[0] = '\0';
    const char *best = NULL;
    unsigned best_d = 3;
    for (size_t i = 0; i < n; i++) {
        sc_hint_name(&list, known[i], strlen(known[i]));
        unsigned d = sc_edit_distance(key->str, known[i], 2);
        if (d < best_d) {
            best_d = d;
            best = known[i];
        }
    }
    char hint[600];
    if (best)
        sc_hint_printf(hint, sizeof hint, TR("bedoelt u '%s'? Onder '%s' staan: %s", "did you mean '%s'? '%s' has: %s"), best,
                       where, names);
    else
        sc_hint_printf(hint, sizeof hint, TR("onder '%s' staan: %s", "'%s' has: %s"), where, names);
    sc_bind_error(b, key->line, key->col, hint, TR("onbekende sleutel '%s' onder '%s'", "unknown key '%s' under '%s'"), key->str,
                  where);
}

/* A free text of at most `max` characters, named `what` in messages; false after an error. An empty
 * value leaves *out as it is: nothing written. */
static bool sc_bind_text(sc_binder *b, const sc_node *value, unsigned max, const char *what, sc_text_at *out)
{
    if (value->kind != SC_NODE_SCALAR) {
        sc_bind_error(b, value->line, value->col,
                      TR("schrijf de tekst tussen aanhalingstekens achter de sleutel", "write the text in quotes after the key"),
                      TR("bij '%s' hoort een tekst, geen %s", "'%s' takes a text, not a %s"), what, sc_node_kind_word(b, value));
        return false;
    }
    if (sc_node_is_null(value) || value->len == 0)
        return true;
    size_t chars = sc_utf8_len(value->str, value->len);
    if (chars > max) {
        char hint[200];
        sc_hint_printf(hint, sizeof hint, TR("maak de tekst korter: ten hoogste %u tekens", "shorten it to at most %u characters"),
                       max);
        sc_bind_error(b, value->line, value->col, hint,
                      TR("de tekst bij '%s' is %zu tekens lang, langer dan de %u die passen",
                         "the text for '%s' is %zu characters long, more than the %u allowed"),
                      what, chars, max);
        return false;
    }
    out->text = value->str;
    out->line = value->line;
    out->col = value->col;
    return true;
}

/* A text for the two audiences: one text (the SOP's), or 'sop:' and 'ouders:' with a text each. */
static void sc_bind_audience(sc_binder *b, const char *where, const sc_node *value, sc_audience_texts *out)
{
    if (value->kind == SC_NODE_SCALAR) {
        sc_bind_text(b, value, SC_PROFILE_TEXT_MAX, where, &out->sop);
        return;
    }
    if (value->kind != SC_NODE_MAP) {
        sc_bind_error(b, value->line, value->col,
                      TR("schrijf één tekst, of 'sop:' en 'ouders:' met elk een tekst",
                         "write one text, or 'sop:' and 'ouders:' with a text each"),
                      TR("bij '%s' hoort een tekst, geen %s", "'%s' takes a text, not a %s"), where, sc_node_kind_word(b, value));
        return;
    }
    static const char *const keys[] = {"sop", "ouders"};
    char what[SC_PATH_MAX + 16];
    for (uint32_t i = 0; i < value->n; i++) {
        const sc_node *k = value->keys[i], *v = value->values[i];
        bool parents = strcmp(k->str, "ouders") == 0;
        if (!parents && strcmp(k->str, "sop") != 0) {
            sc_unknown_key_among(b, k, where, keys, 2);
            continue;
        }
        snprintf(what, sizeof what, "%s.%s", where, k->str);
        sc_bind_text(b, v, parents ? SC_PROFILE_PARENTS_TEXT_MAX : SC_PROFILE_TEXT_MAX, what, parents ? &out->parents : &out->sop);
    }
}

/* 'ambities:' or 'expertise_in_ontwikkeling:': a list of texts, each alone or as 'tekst:' with a 'streefdatum:'. */
static void sc_bind_plans(sc_binder *b, const sc_node *key, const sc_node *value, uint32_t *count, const sc_plan **out)
{
    if (sc_node_is_null(value))
        return;
    if (value->kind != SC_NODE_SEQ) {
        char hint[200];
        sc_hint_printf(hint, sizeof hint,
                       TR("zet onder '%s:' elke tekst op een eigen regel die begint met '- '",
                          "under '%s:' put each text on its own line starting with '- '"),
                       key->str);
        sc_bind_error(b, value->line, value->col, hint, TR("bij '%s' hoort een lijst, geen %s", "'%s' takes a list, not a %s"),
                      key->str, sc_node_kind_word(b, value));
        return;
    }
    sc_plan *plans = sc_arena_alloc(b->arena, (value->n ? value->n : 1) * sizeof *plans);
    if (!plans) {
        sc_bind_oom(b);
        return;
    }
    static const char *const keys[] = {"tekst", "streefdatum"};
    uint32_t n = 0;
    for (uint32_t i = 0; i < value->n; i++) {
        const sc_node *e = value->values[i];
        sc_plan p;
        memset(&p, 0, sizeof p);
        if (e->kind == SC_NODE_SCALAR) {
            sc_bind_text(b, e, SC_PROFILE_TEXT_MAX, key->str, &p.text);
        } else if (e->kind == SC_NODE_MAP) {
            for (uint32_t k = 0; k < e->n; k++) {
                const sc_node *ek = e->keys[k], *ev = e->values[k];
                if (strcmp(ek->str, "tekst") == 0) {
                    sc_bind_text(b, ev, SC_PROFILE_TEXT_MAX, key->str, &p.text);
                } else if (strcmp(ek->str, "streefdatum") == 0) {
                    if (ev->kind == SC_NODE_SCALAR && sc_node_is_null(ev))
                        continue;
                    if (ev->kind != SC_NODE_SCALAR || sc_date_parse(ev->str, ev->len, &p.date) != 0)
                        sc_bind_error(b, ev->line, ev->col,
                                      TR("schrijf de datum als jaar-maand-dag, bijv. 2027-08-01",
                                         "write the date as year-month-day, e.g. 2027-08-01"),
                                      TR("de streefdatum bij '%s' is geen datum", "the target date under '%s' is not a date"),
                                      key->str);
                    else
                        p.has_date = true;
                } else {
                    sc_unknown_key_among(b, ek, key->str, keys, 2);
                }
            }
            if (!p.text.text && e->n)
                sc_bind_error(b, e->line, e->col, TR("schrijf de tekst achter 'tekst:'", "write the text after 'tekst:'"),
                              TR("een onderdeel van '%s' heeft geen tekst", "an entry of '%s' has no text"), key->str);
        } else {
            sc_bind_error(b, e->line, e->col, TR("schrijf één tekst per regel", "write one text a line"),
                          TR("een onderdeel van '%s' kan geen lijst zijn", "an entry of '%s' cannot be a list"), key->str);
        }
        if (p.text.text)
            plans[n++] = p;
    }
    *count = n;
    *out = plans;
}

/* 'teksten:': per section (the school, a promise, an agreement or a catalogue, by its id) a text for the SOP
 * and one for parents. */
static const sc_node *sc_section_map(sc_binder *b, const sc_node *key, const sc_node *value, const char *example);

static void sc_bind_section_texts(sc_binder *b, const sc_node *key, const sc_node *value)
{
    const sc_node *map = sc_section_map(b, key, value, "A1: \"Zo werken wij ...\"");
    if (!map)
        return;
    const sc_rules *r = b->rules;
    sc_section_texts *list = sc_arena_alloc(b->arena, (map->n ? map->n : 1) * sizeof *list);
    if (!list) {
        sc_bind_oom(b);
        return;
    }
    uint32_t n = 0;
    char where[SC_PATH_MAX + 16];
    for (uint32_t i = 0; i < map->n; i++) {
        const sc_node *k = map->keys[i], *v = map->values[i];
        sc_section_texts t;
        memset(&t, 0, sizeof t);
        t.line = k->line;
        t.col = k->col;
        if (strcmp(k->str, "school") == 0)
            t.kind = SC_SECTION_SCHOOL;
        else if ((t.index = sc_rules_find_agreement(r, k->str)) != SC_NONE)
            t.kind = SC_SECTION_AGREEMENT;
        else if ((t.index = sc_rules_find_promise(r, k->str)) != SC_NONE)
            t.kind = SC_SECTION_PROMISE;
        else if ((t.index = sc_rules_find_catalogue(r, k->str)) != SC_NONE)
            t.kind = SC_SECTION_CATALOGUE;
        else {
            const char *best = NULL;
            unsigned best_d = 3;
            for (uint32_t g = 0; g < r->nagreements + r->npromises + r->ncatalogues; g++) {
                const char *id = g < r->nagreements                   ? r->agreements[g].id
                                 : g < r->nagreements + r->npromises ? r->promises[g - r->nagreements].id
                                                                      : r->catalogues[g - r->nagreements - r->npromises].id;
                unsigned d = sc_edit_distance(k->str, id, 2);
                if (d < best_d) {
                    best_d = d;
                    best = id;
                }
            }
            char hint[300];
            if (best)
                sc_hint_printf(hint, sizeof hint, TR("bedoelt u '%s'?", "did you mean '%s'?"), best);
            else
                sc_hint_printf(hint, sizeof hint, "%s",
                               TR("schrijf 'school' of het id van een afspraak, belofte of catalogus, bijv. A1",
                                  "write 'school' or the id of an agreement, promise or catalogue, e.g. A1"));
            sc_bind_error(b, k->line, k->col, hint, TR("onbekende sleutel '%s' onder 'teksten'", "unknown key '%s' under 'teksten'"),
                          k->str);
            continue;
        }
        if (t.kind == SC_SECTION_SCHOOL)
            t.index = 0;
        snprintf(where, sizeof where, "teksten.%s", k->str);
        sc_bind_audience(b, where, v, &t.texts);
        if (t.texts.sop.text || t.texts.parents.text)
            list[n++] = t;
    }
    b->out->section_texts = list;
    b->out->nsection_texts = n;
}

/* A capacity number of the long form: a whole number of places, or hours a week; false after an error. */
static bool sc_bind_capacity(sc_binder *b, const sc_item *item, const sc_node *v, bool hours, double *out)
{
    double lo = 0, hi = hours ? 168 : 100000, number = 0;
    bool whole = false;
    int parsed = v->kind == SC_NODE_SCALAR ? sc_num_parse(v->str, v->len, &number, &whole) : -1;
    if (parsed != 0 || number < lo || number > hi || (!hours && number != (double)(long long)number)) {
        sc_bind_error(b, v->line, v->col,
                      hours ? TR("schrijf een getal van 0 tot en met 168, bijv. 4 of 2.5",
                                 "write a number from 0 to 168, e.g. 4 or 2.5")
                            : TR("schrijf een heel getal van 0 tot en met 100000, bijv. 12",
                                 "write a whole number from 0 to 100000, e.g. 12"),
                      hours ? TR("'%s' bij '%s.uren_per_week' is geen aantal uren per week",
                                 "'%s' for '%s.uren_per_week' is not a number of hours a week")
                            : TR("'%s' bij '%s.plaatsen' is geen aantal plaatsen", "'%s' for '%s.plaatsen' is not a number of places"),
                      v->kind == SC_NODE_SCALAR ? v->str : "", item->id);
        return false;
    }
    *out = number == 0 ? 0 : number;
    return true;
}

/* The long form of an answer: 'antwoord' and what the details add (texts, capacity). Returns the node of
 * the answer itself, or NULL when the long form gives none (the item is then unanswered, at its key). */
static const sc_node *sc_bind_details(sc_binder *b, uint32_t index, const sc_node *map)
{
    const sc_item *item = &b->rules->items[index];
    const char *known[5] = {"antwoord", "toelichting", "ouders"};
    size_t nknown = 3;
    if (item->capacity & SC_CAPACITY_PLACES)
        known[nknown++] = "plaatsen";
    if (item->capacity & SC_CAPACITY_HOURS)
        known[nknown++] = "uren_per_week";
    sc_answer_details d;
    memset(&d, 0, sizeof d);
    const sc_node *answer = NULL;
    char what[SC_PATH_MAX + 16];
    for (uint32_t i = 0; i < map->n; i++) {
        const sc_node *k = map->keys[i], *v = map->values[i];
        if (strcmp(k->str, "antwoord") == 0) {
            answer = v;
        } else if (strcmp(k->str, "toelichting") == 0 || strcmp(k->str, "ouders") == 0) {
            bool parents = k->str[0] == 'o';
            snprintf(what, sizeof what, "%s.%s", item->id, k->str);
            sc_bind_text(b, v, parents ? SC_PROFILE_PARENTS_TEXT_MAX : SC_PROFILE_TEXT_MAX, what, parents ? &d.parents : &d.sop);
        } else if (strcmp(k->str, "plaatsen") == 0 && (item->capacity & SC_CAPACITY_PLACES)) {
            double places;
            if (sc_node_is_null(v))
                continue;
            if (sc_bind_capacity(b, item, v, false, &places)) {
                d.has_places = true;
                d.places = (uint32_t)places;
                d.places_line = v->line;
                d.places_col = v->col;
            }
        } else if (strcmp(k->str, "uren_per_week") == 0 && (item->capacity & SC_CAPACITY_HOURS)) {
            if (sc_node_is_null(v))
                continue;
            if (sc_bind_capacity(b, item, v, true, &d.hours)) {
                d.has_hours = true;
                d.hours_line = v->line;
                d.hours_col = v->col;
            }
        } else if (strcmp(k->str, "plaatsen") == 0 || strcmp(k->str, "uren_per_week") == 0) {
            sc_bind_error(b, k->line, k->col, TR("haal het weg; de regels vragen hier geen capaciteit", "remove it; the rules ask no capacity here"),
                          TR("bij '%s' wordt geen '%s' gevraagd", "'%s' does not ask for '%s'"), item->id, k->str);
        } else {
            sc_unknown_key_among(b, k, item->id, known, nknown);
        }
    }
    if (d.sop.text || d.parents.text || d.has_places || d.has_hours) {
        if (!b->details) {
            size_t n = b->rules->nitems ? b->rules->nitems : 1;
            b->details = sc_arena_alloc(b->arena, n * sizeof *b->details);
            if (!b->details) {
                sc_bind_oom(b);
                return answer;
            }
            memset(b->details, 0, n * sizeof *b->details);
            b->out->details = b->details;
        }
        sc_answer_details *kept = sc_arena_alloc(b->arena, sizeof *kept);
        if (!kept) {
            sc_bind_oom(b);
            return answer;
        }
        *kept = d;
        b->details[index] = kept;
    }
    return answer;
}

/* Bind one answer (the value under a key that names item `index`). */
static void sc_bind_answer(sc_binder *b, uint32_t index, const sc_node *key, const sc_node *value)
{
    const sc_item *item = &b->rules->items[index];
    sc_value *answer = &b->out->answers[index];
    if (answer->line) {
        sc_bind_error(b, key->line, key->col, TR("haal een van de twee antwoorden weg", "remove one of the two answers"),
                      TR("'%s' is twee keer beantwoord (de eerste keer op regel %u)",
                         "'%s' is answered twice (first at line %u)"),
                      item->id, (unsigned)answer->line);
        return;
    }
    answer->present = false;
    answer->line = key->line;
    answer->col = key->col;
    answer->raw = NULL;
    sc_type_kind kind = (sc_type_kind)b->rules->hot[index].kind;
    bool set_type = kind == SC_TYPE_SET;
    char allowed[512], hint[600];

    if (value->kind == SC_NODE_MAP) {
        /* the long form: 'antwoord:' with a text, or capacity, beside it */
        value = sc_bind_details(b, index, value);
        if (!value)
            return; /* unanswered, located at its key */
    }
    if (value->kind == SC_NODE_MAP) {
        sc_describe_allowed(b, item, allowed, sizeof allowed);
        sc_hint_printf(hint, sizeof hint,
                       TR("schrijf het antwoord achter '%s:' op dezelfde regel (%s)",
                          "write the answer after '%s:' on the same line (%s)"),
                       key->str, allowed);
        sc_bind_error(b, value->line, value->col, hint,
                      TR("'%s' is één vraag; het antwoord kan geen blok met sleutels zijn",
                         "'%s' is one question; its answer cannot be a mapping"),
                      item->id);
        b->rejected[index] = true;
        return;
    }
    if (value->kind == SC_NODE_SCALAR) {
        if (sc_node_is_null(value))
            return; /* unanswered, located at its key */
        if (value->len == 0) {
            /* "" says nothing either, for a text too: unanswered for its norm as for 'required' (docs/profile.md),
             * located at the empty text */
            if (kind == SC_TYPE_TEXT) {
                answer->line = value->line;
                answer->col = value->col;
            }
            return;
        }
    }
    if (value->kind == SC_NODE_SEQ && !set_type) {
        sc_describe_allowed(b, item, allowed, sizeof allowed);
        sc_hint_printf(hint, sizeof hint, TR("schrijf één antwoord: %s", "write one answer, %s"), allowed);
        sc_bind_error(b, value->line, value->col, hint,
                      TR("bij '%s' hoort één antwoord, maar er staat een lijst", "'%s' takes one answer, but a list was given"),
                      item->id);
        b->rejected[index] = true;
        return;
    }
    sc_value converted = *answer;
    converted.line = value->line;
    converted.col = value->col;
    converted.raw = value->kind == SC_NODE_SCALAR ? value->str : NULL;
    bool ok = set_type ? sc_convert_set(b, index, value, &converted) : sc_convert_scalar(b, index, value, &converted);
    if (!ok) {
        b->rejected[index] = true;
        return;
    }
    converted.present = true;
    *answer = converted;
}

/* --- the sections -------------------------------------------------------------------------------- */

/* A key in the wrong section: the path (under 'antwoorden:' when !school_section, else under
 * 'school:') names an item or group of the other section. *name is then the name to move. */
static bool sc_in_other_section(const sc_binder *b, bool school_section, const char **name)
{
    const size_t prefix = sizeof SC_SCHOOL_PREFIX; /* "school." */
    char other[SC_PATH_MAX];
    const char *id;
    size_t len;
    if (!school_section) {
        if (b->path_len + prefix >= sizeof other)
            return false;
        memcpy(other, SC_SCHOOL_PREFIX, prefix - 1);
        other[prefix - 1] = '.';
        memcpy(other + prefix, b->path, b->path_len);
        len = prefix + b->path_len;
        other[len] = '\0';
        id = other;
        *name = b->path;
    } else {
        if (b->path_len <= prefix)
            return false;
        id = b->path + prefix;
        len = b->path_len - prefix;
        *name = id;
        if (sc_is_school_id(id) || (len == prefix - 1 && memcmp(id, SC_SCHOOL_PREFIX, len) == 0))
            return false; /* 'school:' inside 'school:' is no answer that belongs elsewhere */
    }
    return sc_rules_find_id(b->rules, id, len) != NULL; /* an item or a group */
}

/* The item b->path names, else SC_NONE with *group telling whether it names a group. A profile mostly
 * follows the order of the rules, so the item after the one bound last is tried first: its id is the
 * path, or continues it with a dot (a group, unless some id is both). Else the lookup. */
static uint32_t sc_find_path(const sc_binder *b, bool *group)
{
    const sc_rules *r = b->rules;
    if (b->next < r->nitems) {
        const sc_item_hot *h = &r->hot[b->next];
        const char *id = r->id_text + h->id_off;
        if (h->id_len >= b->path_len && sc_bytes_equal(id, b->path, b->path_len)) {
            if (h->id_len == b->path_len) {
                *group = false;
                return b->next;
            }
            if (id[b->path_len] == '.' && !r->ids_nested) {
                *group = true;
                return SC_NONE;
            }
        }
    }
    const sc_id_slot *slot = sc_rules_find_id(r, b->path, b->path_len);
    *group = slot && slot->group;
    return slot ? slot->item : SC_NONE;
}

/* Bind the keys of `map` under the path in b->path (which may be empty); nested mappings extend it. */
static void sc_bind_map(sc_binder *b, const sc_node *map, bool school_section)
{
    size_t parent_len = b->path_len;
    for (uint32_t i = 0; i < map->n; i++) {
        const sc_node *key = map->keys[i], *value = map->values[i];
        b->path_len = parent_len;
        size_t need = (parent_len ? parent_len + 1 : 0) + key->len;
        if (need >= sizeof b->path || key->len == 0) {
            sc_bind_error(b, key->line, key->col, NULL, TR("onbekende sleutel '%.*s%s%s'", "unknown key '%.*s%s%s'"),
                          (int)parent_len, b->path, parent_len ? "." : "", key->str);
            continue;
        }
        if (parent_len)
            b->path[b->path_len++] = '.';
        memcpy(b->path + b->path_len, key->str, key->len);
        b->path_len += key->len;
        b->path[b->path_len] = '\0';

        bool group;
        uint32_t index = sc_find_path(b, &group);
        if (index != SC_NONE && ((b->rules->hot[index].flags & SC_HOT_SCHOOL) != 0) != school_section) {
            sc_bind_error(b, key->line, key->col, TR("zet het onder 'school:'", "move it under 'school:'"),
                          TR("'%s' hoort onder 'school:', niet onder 'antwoorden:'",
                             "'%s' belongs under 'school:', not under 'antwoorden:'"),
                          b->path);
            continue;
        }
        if (index != SC_NONE) {
            b->next = index + 1;
            sc_bind_answer(b, index, key, value);
            continue;
        }
        if (group) {
            if (value->kind == SC_NODE_MAP) {
                sc_bind_map(b, value, school_section);
            } else if (!sc_node_is_null(value)) {
                char names[512];
                sc_hint_buf list = {names, sizeof names, 0, 0};
                names[0] = '\0';
                for (uint32_t k = 0; k < b->rules->nitems; k++) {
                    const char *id = b->rules->items[k].id;
                    if (strncmp(id, b->path, b->path_len) == 0 && id[b->path_len] == '.')
                        sc_hint_name(&list, id + b->path_len + 1, strlen(id + b->path_len + 1));
                }
                char hint[600];
                sc_hint_printf(hint, sizeof hint,
                               TR("schrijf elk antwoord op een eigen regel onder '%s:' (%s)",
                                  "write each answer on its own line under '%s:' (%s)"),
                               key->str, names);
                sc_bind_error(b, value->line, value->col, hint,
                              TR("'%s' is een groep vragen, geen losse vraag: beantwoord ze een voor een",
                                 "'%s' is a group of questions, not one question: answer them one by one"),
                              b->path);
            }
            continue;
        }
        char hint[600] = "";
        const char *name;
        if (sc_in_other_section(b, school_section, &name))
            sc_hint_printf(hint, sizeof hint, TR("'%s' hoort onder '%s:'; zet het daar", "'%s' belongs under '%s:'; move it there"),
                           name, school_section ? "antwoorden" : "school");
        /* a suggestion costs a pass over the ids: skip it when the sink holds the error back anyway */
        else if (!b->diags->max_errors || b->diags->errors < b->diags->max_errors)
            sc_suggest_path(b, b->path, b->path_len, school_section, hint, sizeof hint);
        sc_bind_error(b, key->line, key->col, hint[0] ? hint : NULL, TR("onbekende sleutel '%s'", "unknown key '%s'"),
                      b->path);
    }
    b->path_len = parent_len;
    b->path[parent_len] = '\0';
}

/* A section's value: a mapping, or empty (nothing answered); anything else is an error. */
static const sc_node *sc_section_map(sc_binder *b, const sc_node *key, const sc_node *value, const char *example)
{
    if (value->kind == SC_NODE_MAP)
        return value;
    if (sc_node_is_null(value))
        return NULL;
    char hint[200];
    sc_hint_printf(hint, sizeof hint,
                   TR("schrijf '%s:' op een eigen regel, met ingesprongen regels eronder zoals '  %s'",
                      "write '%s:' on a line of its own, with indented lines under it such as '  %s'"),
                   key->str, example);
    sc_bind_error(b, value->line, value->col, hint,
                  TR("onder '%s' horen sleutels met antwoorden, geen %s", "'%s' must hold keys and answers, not a %s"),
                  key->str, value->kind == SC_NODE_SEQ ? TR("lijst", "list") : TR("losse waarde", "single value"));
    return NULL;
}

static void sc_bind_format(sc_binder *b, const sc_node *value)
{
    if (value->kind == SC_NODE_SCALAR && value->len == 1 && value->str[0] == '1') {
        b->out->format = 1;
        return;
    }
    if (value->kind == SC_NODE_SCALAR && !sc_node_is_null(value))
        sc_bind_error(b, value->line, value->col, TR("schrijf 'profiel: 1'", "write 'profiel: 1'"),
                      TR("profielformaat '%s' is onbekend; deze versie van sopcheck leest formaat 1",
                         "profile format '%s' is unknown; this version of sopcheck reads format 1"),
                      value->str);
    else
        sc_bind_error(b, value->line, value->col, TR("schrijf 'profiel: 1'", "write 'profiel: 1'"),
                      TR("bij 'profiel' hoort het formaatnummer 1", "'profiel' must be the format number 1"));
}

/* A top-level key that is none of profiel, school and antwoorden. */
static void sc_report_unknown_top_key(sc_binder *b, const sc_node *key)
{
    static const char *const known[] = {"profiel", "school", "antwoorden", "teksten", "grenzen", "ambities",
                                        "expertise_in_ontwikkeling"};
    char hint[300] = "";
    unsigned best_dist = 3;
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        unsigned d = sc_edit_distance(key->str, known[i], 2);
        if (d < best_dist) {
            best_dist = d;
            sc_hint_printf(hint, sizeof hint, TR("bedoelt u '%s'?", "did you mean '%s'?"), known[i]);
        }
    }
    if (!hint[0] && key->len + sizeof SC_SCHOOL_PREFIX + 1 < SC_PATH_MAX) {
        char id[SC_PATH_MAX];
        size_t id_len = sizeof SC_SCHOOL_PREFIX; /* "school." */
        memcpy(id, SC_SCHOOL_PREFIX, id_len - 1);
        id[id_len - 1] = '.';
        memcpy(id + id_len, key->str, key->len);
        id_len += key->len;
        id[id_len] = '\0';
        if (sc_rules_find_item(b->rules, id, id_len) != SC_NONE)
            sc_hint_printf(hint, sizeof hint,
                           TR("'%s' hoort onder 'school:'; zet het daar, ingesprongen",
                              "'%s' belongs under 'school:'; indent it there"),
                           key->str);
        else if (!sc_is_school_id(key->str) && sc_rules_find_id(b->rules, key->str, key->len) != NULL)
            sc_hint_printf(hint, sizeof hint,
                           TR("antwoorden horen onder 'antwoorden:'; zet '%s' daar, ingesprongen",
                              "answers belong under 'antwoorden:'; indent '%s' there"),
                           key->str);
    }
    if (!hint[0])
        sc_hint_printf(hint, sizeof hint, "%s",
                       TR("een profiel heeft bovenaan alleen 'profiel:', 'school:', 'antwoorden:' en de teksten van de "
                          "school: 'teksten:', 'grenzen:', 'ambities:', 'expertise_in_ontwikkeling:'",
                          "a profile has only 'profiel:', 'school:', 'antwoorden:' and the school's texts at the top: "
                          "'teksten:', 'grenzen:', 'ambities:', 'expertise_in_ontwikkeling:'"));
    sc_bind_error(b, key->line, key->col, hint, TR("onbekende sleutel '%s'", "unknown key '%s'"), key->str);
}

/* Items that must be answered: a missing one (no key, nothing after it, or "") is no error but unanswered,
 * listed in out->missing, located at its empty key (or empty text), else where its section starts. */
static void sc_check_required(sc_binder *b, const sc_node *school_key, const sc_node *answers_key)
{
    sc_missing *missing = NULL;
    uint32_t n = 0;
    for (uint32_t pass = 0; pass < 2; pass++) {
        for (uint32_t r = 0; r < b->rules->nrequired; r++) {
            uint32_t i = b->rules->required[r]; /* the compiler makes school.peildatum required */
            const sc_item *item = &b->rules->items[i];
            const sc_value *answer = &b->out->answers[i];
            if (answer->present || b->rejected[i])
                continue;
            if (pass == 0) {
                n++;
                continue;
            }
            sc_missing *m = &missing[b->out->nmissing++];
            m->item = i;
            if (answer->line) {
                m->line = answer->line;
                m->col = answer->col;
            } else {
                const sc_node *section = sc_is_school_id(item->id) ? school_key : answers_key;
                m->line = section ? section->line : 1;
                m->col = section ? section->col : 1;
            }
        }
        if (pass == 0) {
            if (!n)
                return;
            missing = sc_arena_alloc(b->arena, n * sizeof *missing);
            if (!missing) {
                sc_bind_error(b, 1, 1, TR("maak het bestand kleiner", "make the file smaller"), "%s",
                              TR("onvoldoende geheugen om het profiel te lezen", "out of memory while reading the profile"));
                return;
            }
            b->out->missing = missing;
        }
    }
}

static int profile_load(sc_arena *arena, const sc_rules *rules, const char *path, const char *text, size_t len,
                        const sc_yaml_limits *limits, sc_diag_sink *diags, sc_profile *out)
{
    memset(out, 0, sizeof *out);
    out->arena = arena;
    out->path = path;
    out->text = text;
    out->text_len = len;
    out->rules = rules;

    sc_binder b;
    memset(&b, 0, sizeof b);
    b.arena = arena;
    b.rules = rules;
    b.out = out;
    b.diags = diags;
    b.lang = SC_YAML_LANG(limits);

    size_t nslots = rules->nitems ? rules->nitems : 1;
    out->answers = sc_arena_alloc(arena, nslots * sizeof *out->answers);
    b.rejected = sc_arena_alloc(arena, nslots * sizeof *b.rejected);
    if (!out->answers || !b.rejected) {
        if (out->answers)
            memset(out->answers, 0, nslots * sizeof *out->answers);
        sc_bind_error(&b, 1, 1, SC_TR(b.lang, "maak het bestand kleiner", "make the file smaller"),
                      SC_TR(b.lang, "onvoldoende geheugen om het profiel te lezen", "out of memory while reading the profile"));
        return -1;
    }

    sc_node *root = NULL;
    int loaded = sc_yaml_load(arena, path, text, len, limits, diags, &root);
    /* cleared only now, after the parser has been through the cache: binding finds them there */
    memset(out->answers, 0, nslots * sizeof *out->answers);
    memset(b.rejected, 0, nslots * sizeof *b.rejected);
    if (loaded != 0)
        return -1;
    const char *start_hint = SC_TR(b.lang, "begin met 'profiel: 1', dan 'school:' en 'antwoorden:'",
                                   "start with 'profiel: 1', then 'school:' and 'antwoorden:'");
    if (!root) {
        sc_bind_error(&b, 1, 1, start_hint, "%s", SC_TR(b.lang, "het profiel is leeg", "the profile is empty"));
        return -1;
    }
    if (root->kind != SC_NODE_MAP) {
        sc_bind_error(&b, 1, 1, start_hint,
                      SC_TR(b.lang, "het profiel moet bestaan uit 'profiel', 'school' en 'antwoorden', niet uit een %s",
                            "the profile must be a mapping with 'profiel', 'school' and 'antwoorden', not a %s"),
                      root->kind == SC_NODE_SEQ ? SC_TR(b.lang, "lijst", "list")
                                                : SC_TR(b.lang, "losse waarde", "single value"));
        return -1;
    }

    const sc_node *format_key = NULL, *school_key = NULL, *answers_key = NULL;
    for (uint32_t i = 0; i < root->n; i++) {
        const sc_node *key = root->keys[i], *value = root->values[i];
        b.path_len = 0;
        b.path[0] = '\0';
        if (strcmp(key->str, "profiel") == 0) {
            format_key = key;
            sc_bind_format(&b, value);
        } else if (strcmp(key->str, "school") == 0) {
            school_key = key;
            const sc_node *school = sc_section_map(&b, key, value, "peildatum: 2026-10-01");
            if (school) {
                memcpy(b.path, SC_SCHOOL_PREFIX, sizeof SC_SCHOOL_PREFIX);
                b.path_len = sizeof SC_SCHOOL_PREFIX - 1;
                sc_bind_map(&b, school, true);
            }
        } else if (strcmp(key->str, "antwoorden") == 0) {
            answers_key = key;
            const sc_node *answers = sc_section_map(&b, key, value, "aanbod.dyscalculie: school");
            if (answers)
                sc_bind_map(&b, answers, false);
        } else if (strcmp(key->str, "teksten") == 0) {
            sc_bind_section_texts(&b, key, value);
        } else if (strcmp(key->str, "grenzen") == 0) {
            if (!sc_node_is_null(value))
                sc_bind_audience(&b, "grenzen", value, &out->limits);
        } else if (strcmp(key->str, "ambities") == 0) {
            sc_bind_plans(&b, key, value, &out->nambitions, &out->ambitions);
        } else if (strcmp(key->str, "expertise_in_ontwikkeling") == 0) {
            sc_bind_plans(&b, key, value, &out->ndeveloping, &out->developing);
        } else {
            sc_report_unknown_top_key(&b, key);
        }
    }
    if (!format_key)
        sc_bind_error(&b, 1, 1, SC_TR(b.lang, "zet 'profiel: 1' op de eerste regel", "add 'profiel: 1' as the first line"),
                      "%s", SC_TR(b.lang, "het profiel heeft geen regel 'profiel:'", "the profile has no 'profiel:' line"));
    sc_check_required(&b, school_key, answers_key);
    if (school_key) {
        out->school_line = school_key->line;
        out->school_col = school_key->col;
    }
    if (answers_key) {
        out->answers_line = answers_key->line;
        out->answers_col = answers_key->col;
    }

    if (out->answers[rules->peildatum].present) {
        out->has_peildatum = true;
        out->peildatum = out->answers[rules->peildatum].v.date;
    }
    return b.nerrors ? -1 : 0;
}

/* The text of the answer to the school field `id`, or NULL. */
static const char *school_field(const sc_profile *p, const char *id)
{
    uint32_t k = sc_rules_find_item(p->rules, id, strlen(id));
    return k != SC_NONE && p->answers[k].present ? p->answers[k].raw : NULL;
}

int sc_profile_load(sc_arena *arena, const sc_rules *rules, const char *path, const char *text, size_t len,
                    const sc_yaml_limits *limits, sc_diag_sink *diags, sc_profile *out)
{
    int rc = profile_load(arena, rules, path, text, len, limits, diags, out);
    if (out->answers) {
        sc_school *s = &out->school;
        s->brin = school_field(out, "school.brin");
        s->naam = school_field(out, "school.naam");
        s->bestuur = school_field(out, "school.bestuur");
        s->wijk = school_field(out, "school.wijk");
        s->soort = school_field(out, "school.soort");
        s->peildatum = out->answers[rules->peildatum].present ? out->answers[rules->peildatum].raw : NULL;
    }
    return rc;
}

int sc_profile_peek_peildatum(const char *text, size_t len, const sc_yaml_limits *limits, sc_date *date,
                              uint32_t *line, uint32_t *col)
{
    sc_arena scratch;
    sc_arena_init(&scratch, 0);
    sc_diag_sink quiet;
    sc_diag_sink_init(&quiet, NULL, NULL, 1);
    sc_node *root = NULL;
    int found = 0;
    if (sc_yaml_load(&scratch, "", text, len, limits, &quiet, &root) == 0 && root && root->kind == SC_NODE_MAP) {
        const sc_node *school = sc_node_get(root, "school");
        const sc_node *v = school && school->kind == SC_NODE_MAP ? sc_node_get(school, "peildatum") : NULL;
        if (v && v->kind == SC_NODE_SCALAR && sc_date_parse(v->str, v->len, date) == 0) {
            *line = v->line;
            *col = v->col;
            found = 1;
        }
    }
    sc_arena_free(&scratch);
    return found;
}
