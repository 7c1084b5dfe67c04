/* report/json.c — the JSON report (format 1, documented in docs/json.md): stable keys, streamed profile by profile. */
#include <string.h>

#include "report.h"

static void key(sc_out *o, const char *k)
{
    sc_out_putc(o, '"');
    sc_out_puts(o, k);
    sc_out_puts(o, "\":");
}

static void str(sc_out *o, const char *s)
{
    if (!s) {
        sc_out_puts(o, "null");
        return;
    }
    sc_out_putc(o, '"');
    sc_write_json_string(o, s);
    sc_out_putc(o, '"');
}

static void kv_str(sc_out *o, const char *k, const char *v, bool comma)
{
    key(o, k);
    str(o, v);
    if (comma)
        sc_out_putc(o, ',');
}

static void json_begin(sc_writer *w, const sc_rules *r)
{
    sc_out *o = w->out;
    w->rules = r;
    sc_out_puts(o, "{\"format\":1,\"tool\":{\"name\":\"sopcheck\",");
    kv_str(o, "version", w->opts.tool_version ? w->opts.tool_version : "", false);
    sc_out_puts(o, "},\"rules\":{");
    if (r) {
        kv_str(o, "name", r->name, true);
        kv_str(o, "version", r->version, true);
        key(o, "files");
        sc_out_putc(o, '[');
        for (uint32_t i = 0; i < r->nfiles; i++) {
            if (i)
                sc_out_putc(o, ',');
            sc_out_putc(o, '{');
            kv_str(o, "path", r->files[i].path, true);
            kv_str(o, "ruleset", r->files[i].ruleset, true);
            kv_str(o, "version", r->files[i].version, false);
            sc_out_putc(o, '}');
        }
        sc_out_putc(o, ']');
    }
    sc_out_puts(o, "},\"profiles\":[\n");
}

static void value(sc_out *o, const sc_rules *r, uint32_t i, const sc_value *v)
{
    if (!v->present) {
        sc_out_puts(o, "null");
        return;
    }
    const sc_type *t = &r->items[i].type;
    char buf[48];
    switch (t->kind) {
    case SC_TYPE_NUMBER:
    case SC_TYPE_PERCENT:
        sc_format_number(buf, sizeof buf, v->v.number);
        sc_out_puts(o, buf);
        return;
    case SC_TYPE_YESNO: str(o, v->v.yes ? "ja" : "nee"); return;
    case SC_TYPE_DATE:
        sc_date_format(v->v.date, buf);
        str(o, buf);
        return;
    case SC_TYPE_SCALE: str(o, r->scales[t->scale].members[v->v.member].name); return;
    case SC_TYPE_SET: {
        const sc_scale *sc = &r->scales[t->scale];
        sc_out_putc(o, '[');
        bool first = true;
        for (uint32_t k = 0; k < sc->nmembers && k < 64; k++)
            if ((v->v.set >> k) & 1u) {
                if (!first)
                    sc_out_putc(o, ',');
                first = false;
                str(o, sc->members[k].name);
            }
        sc_out_putc(o, ']');
        return;
    }
    case SC_TYPE_TEXT: str(o, v->v.text ? v->v.text : v->raw); return;
    }
}

static void item(sc_writer *w, const sc_result *res, uint32_t i)
{
    sc_out *o = w->out;
    const sc_rules *r = res->rules;
    const sc_item *it = &r->items[i];
    const sc_item_result *ir = &res->items[i];
    const sc_value *v = &res->profile->answers[i];
    sc_out_putc(o, '{');
    kv_str(o, "id", it->id, true);
    kv_str(o, "text", it->text, true);
    kv_str(o, "status", sc_item_status_id(ir->status), true);
    kv_str(o, "ambition", sc_ambition_id(ir->ambition), true);
    key(o, "value");
    value(o, r, i, v);
    sc_out_putc(o, ',');
    kv_str(o, "category", ir->category != SC_NONE ? r->bandsets[it->type.bands].bands[ir->category].name : NULL, true);
    kv_str(o, "norm", it->norm ? sc_writer_words(w, it->norm, i) : NULL, true);
    kv_str(o, "ambition_norm", it->ambition ? sc_writer_words(w, it->ambition, i) : NULL, true);
    kv_str(o, "source", it->source, true);
    if (v->present || v->line)
        sc_out_printf(o, "\"line\":%u,\"col\":%u,", v->line, v->col);
    else
        sc_out_puts(o, "\"line\":null,\"col\":null,");
    key(o, "rules");
    sc_out_putc(o, '{');
    kv_str(o, "file", r->files[it->pos.file].path, true);
    sc_out_printf(o, "\"line\":%u,", it->pos.line);
    kv_str(o, "layer", r->files[it->pos.file].ruleset, false);
    sc_out_puts(o, "}}");
}

static void json_profile(sc_writer *w, const sc_result *res)
{
    sc_out *o = w->out;
    const sc_rules *r = res->rules;
    if (w->count++)
        sc_out_puts(o, ",\n");
    sc_out_putc(o, '{');
    kv_str(o, "file", res->profile && res->profile->path ? res->profile->path : "", true);
    key(o, "school");
    sc_out_putc(o, '{');
    static const char *const fields[][2] = {{"brin", "school.brin"},       {"naam", "school.naam"},
                                            {"bestuur", "school.bestuur"}, {"wijk", "school.wijk"},
                                            {"peildatum", "school.peildatum"}};
    for (int k = 0; k < 5; k++)
        kv_str(o, fields[k][0], sc_result_school(res, fields[k][1]), k < 4);
    sc_out_puts(o, "},");
    kv_str(o, "status", sc_profile_status_id(res->status), true);
    key(o, "errors");
    sc_out_putc(o, '[');
    for (uint32_t k = 0; k < res->nerrors; k++) {
        const sc_profile_error *e = &res->errors[k];
        if (k)
            sc_out_putc(o, ',');
        sc_out_printf(o, "{\"line\":%u,\"col\":%u,", e->line, e->col);
        kv_str(o, "severity", e->severity == SC_SEV_ERROR ? "error" : "warning", true);
        kv_str(o, "message", e->message, true);
        kv_str(o, "hint", e->hint, false);
        sc_out_putc(o, '}');
    }
    sc_out_puts(o, "]");
    if (res->status != SC_PROFILE_INVALID && res->items) {
        sc_out_puts(o, ",\"promises\":[");
        for (uint32_t p = 0; p < r->npromises; p++) {
            const sc_promise *pr = &r->promises[p];
            if (p)
                sc_out_putc(o, ',');
            sc_out_putc(o, '{');
            kv_str(o, "id", pr->id, true);
            kv_str(o, "status", sc_group_status_id(res->promises[p]), true);
            key(o, "agreements");
            sc_out_putc(o, '[');
            for (uint32_t k = 0; k < pr->nagreements; k++) {
                if (k)
                    sc_out_putc(o, ',');
                str(o, r->agreements[pr->agreements[k]].id);
            }
            sc_out_puts(o, "],\"items\":[");
            for (uint32_t k = 0; k < pr->nitems; k++) {
                if (k)
                    sc_out_putc(o, ',');
                item(w, res, pr->items[k]);
            }
            sc_out_puts(o, "]}");
        }
        sc_out_puts(o, "],\"agreements\":[");
        for (uint32_t a = 0; a < r->nagreements; a++) {
            const sc_agreement *ag = &r->agreements[a];
            if (a)
                sc_out_puts(o, ",\n");
            sc_out_putc(o, '{');
            kv_str(o, "id", ag->id, true);
            kv_str(o, "title", ag->title, true);
            kv_str(o, "source", ag->source, true);
            kv_str(o, "status", sc_group_status_id(res->agreements[a]), true);
            key(o, "items");
            sc_out_putc(o, '[');
            for (uint32_t k = 0; k < ag->nitems; k++) {
                if (k)
                    sc_out_putc(o, ',');
                item(w, res, ag->items[k]);
            }
            sc_out_puts(o, "]}");
        }
        sc_out_puts(o, "],\"categories\":{");
        for (uint32_t b = 0; b < r->nbandsets; b++) {
            const sc_bandset *bs = &r->bandsets[b];
            unsigned counts[64] = {0};
            for (uint32_t i = 0; i < r->nitems; i++)
                if (r->items[i].type.bands == b && res->items[i].category != SC_NONE && res->items[i].category < 64)
                    counts[res->items[i].category]++;
            if (b)
                sc_out_putc(o, ',');
            key(o, bs->name);
            sc_out_putc(o, '{');
            for (uint32_t k = 0; k < bs->nbands; k++)
                sc_out_printf(o, "%s\"%s\":%u", k ? "," : "", bs->bands[k].name, k < 64 ? counts[k] : 0);
            sc_out_putc(o, '}');
        }
        unsigned reached = 0, open = 0;
        for (uint32_t i = 0; i < r->nitems; i++) {
            reached += res->items[i].ambition == SC_AMBITION_REACHED;
            open += res->items[i].ambition == SC_AMBITION_OPEN;
        }
        sc_out_printf(o, "},\"ambitions\":{\"reached\":%u,\"open\":%u}", reached, open);
    }
    sc_out_putc(o, '}');
}

static void json_end(sc_writer *w, const sc_summary *s)
{
    sc_out_printf(w->out,
                  "\n],\"summary\":{\"profiles\":%u,\"compliant\":%u,\"not_compliant\":%u,\"incomplete\":%u,\"invalid\":%u}}\n",
                  s->profiles, s->compliant, s->not_compliant, s->incomplete, s->invalid);
    sc_writer_release(w);
}

void sc_writer_json_init(sc_writer *w)
{
    w->begin = json_begin;
    w->profile = json_profile;
    w->end = json_end;
}
