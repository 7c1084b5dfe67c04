/* dsl/dump.c — writes a compiled ruleset in canonical form: resolved, ordered, every item with its layer and effective norm. */
#include "dump.h"

#include "../base/num.h"
#include "describe.h"

void sc_write_quoted(sc_out *o, const char *s)
{
    sc_out_putc(o, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            sc_out_putc(o, '\\');
        if (*s == '\n') {
            sc_out_puts(o, "\\n");
            continue;
        }
        sc_out_putc(o, *s);
    }
    sc_out_putc(o, '"');
}

static void type_text(sc_out *o, const sc_rules *r, const sc_type *t)
{
    char a[SC_NUM_BUF], b[SC_NUM_BUF];
    switch (t->kind) {
    case SC_TYPE_YESNO: sc_out_puts(o, "yesno"); break;
    case SC_TYPE_NUMBER:
        sc_num_format(a, sizeof a, t->min);
        sc_num_format(b, sizeof b, t->max);
        sc_out_printf(o, "number from %s to %s", a, b);
        break;
    case SC_TYPE_PERCENT: sc_out_puts(o, "percent"); break;
    case SC_TYPE_DATE: sc_out_puts(o, "date"); break;
    case SC_TYPE_TEXT: sc_out_puts(o, "text"); break;
    case SC_TYPE_SCALE: sc_out_puts(o, r->scales[t->scale].name); break;
    case SC_TYPE_SET: sc_out_printf(o, "set of %s", r->scales[t->scale].name); break;
    }
    if (t->bands != SC_NONE)
        sc_out_printf(o, " in %s", r->bandsets[t->bands].name);
}

static void pos_comment(sc_out *o, const sc_rules *r, sc_srcpos p)
{
    if (p.line)
        sc_out_printf(o, "  # %s:%u", r->files[p.file].path, p.line);
}

static void dump_item(sc_out *o, const sc_rules *r, uint32_t i, const char *indent)
{
    const sc_item *it = &r->items[i];
    sc_out_printf(o, "%s%s %s: ", indent, it->role == SC_ROLE_FIELD ? "field" : "item", it->id);
    type_text(o, r, &it->type);
    sc_out_putc(o, ' ');
    sc_write_quoted(o, it->text);
    pos_comment(o, r, it->pos);
    sc_out_putc(o, '\n');
    if (it->required)
        sc_out_printf(o, "%s    required\n", indent);
    if (it->when) {
        sc_out_printf(o, "%s    when ", indent);
        sc_pred_write_rules(o, r, it->when, i);
        sc_out_putc(o, '\n');
    }
    if (it->norm) {
        sc_out_printf(o, "%s    norm ", indent);
        sc_pred_write_rules(o, r, it->norm, i);
        sc_out_putc(o, '\n');
        for (uint32_t k = 0; k < it->ntightenings; k++)
            sc_out_printf(o, "%s    # tightened by %s:%u\n", indent, r->files[it->tightenings[k].pos.file].path,
                          it->tightenings[k].pos.line);
    }
    if (it->ambition) {
        sc_out_printf(o, "%s    ambition ", indent);
        sc_pred_write_rules(o, r, it->ambition, i);
        sc_out_putc(o, '\n');
    }
    if (it->npromises) {
        sc_out_printf(o, "%s    serves", indent);
        for (uint32_t k = 0; k < it->npromises; k++)
            sc_out_printf(o, "%s %s", k ? "," : "", r->promises[it->promises[k]].id);
        sc_out_putc(o, '\n');
    }
    if (it->capacity)
        sc_out_printf(o, "%s    capacity %s\n", indent,
                      it->capacity == (SC_CAPACITY_PLACES | SC_CAPACITY_HOURS) ? "places, hours"
                      : it->capacity == SC_CAPACITY_PLACES                     ? "places"
                                                                               : "hours");
    const char *attr_names[] = {"note", "help", "source"};
    const char *attrs[] = {it->note, it->help, it->source};
    for (int k = 0; k < 3; k++)
        if (attrs[k]) {
            sc_out_printf(o, "%s    %s ", indent, attr_names[k]);
            sc_write_quoted(o, attrs[k]);
            sc_out_putc(o, '\n');
        }
}

void sc_rules_dump(sc_out *o, const sc_rules *r)
{
    char d1[16], d2[16];
    sc_out_puts(o, "ruleset ");
    sc_write_quoted(o, r->name);
    sc_out_puts(o, "\nversion ");
    sc_write_quoted(o, r->version);
    sc_out_putc(o, '\n');
    if (r->has_valid_from) {
        sc_date_format(r->valid_from, d1);
        sc_out_printf(o, "valid from %s", d1);
        if (r->has_valid_until) {
            sc_date_format(r->valid_until, d2);
            sc_out_printf(o, " until %s", d2);
        }
        sc_out_putc(o, '\n');
    }
    if (r->source) {
        sc_out_puts(o, "source ");
        sc_write_quoted(o, r->source);
        sc_out_putc(o, '\n');
    }
    sc_out_puts(o, "# files:\n");
    for (uint32_t i = 0; i < r->nfiles; i++) {
        sc_out_printf(o, "#   [%u] %s (\"%s\" %s)", i, r->files[i].path, r->files[i].ruleset, r->files[i].version);
        if (r->files[i].included_by != SC_NONE)
            sc_out_printf(o, ", included by [%u]", r->files[i].included_by);
        sc_out_putc(o, '\n');
    }

    for (uint32_t i = 0; i < r->nscales; i++) {
        const sc_scale *s = &r->scales[i];
        sc_out_printf(o, "\nscale %s", s->name);
        if (s->label) {
            sc_out_putc(o, ' ');
            sc_write_quoted(o, s->label);
        }
        sc_out_puts(o, ":");
        for (uint32_t k = 0; k < s->nmembers; k++) {
            sc_out_printf(o, "%s%s", k == 0 ? " " : s->ordered ? " > " : ", ", s->members[k].name);
            if (s->members[k].label) {
                sc_out_putc(o, ' ');
                sc_write_quoted(o, s->members[k].label);
            }
        }
        pos_comment(o, r, s->pos);
        sc_out_putc(o, '\n');
    }
    for (uint32_t i = 0; i < r->nbandsets; i++) {
        const sc_bandset *b = &r->bandsets[i];
        char a[SC_NUM_BUF], c[SC_NUM_BUF];
        sc_num_format(a, sizeof a, b->min);
        sc_num_format(c, sizeof c, b->max);
        sc_out_printf(o, "\nbands %s over number from %s to %s:", b->name, a, c);
        pos_comment(o, r, b->pos);
        sc_out_putc(o, '\n');
        for (uint32_t k = 0; k < b->nbands; k++) {
            sc_out_printf(o, "    %s ", b->bands[k].name);
            if (b->bands[k].label) {
                sc_write_quoted(o, b->bands[k].label);
                sc_out_putc(o, ' ');
            }
            if (k > 0) {
                sc_num_format(a, sizeof a, b->bands[k].lo);
                sc_out_printf(o, "from %s", a);
            }
            if (k + 1 < b->nbands) {
                sc_num_format(a, sizeof a, b->bands[k + 1].lo);
                sc_out_printf(o, "%sbelow %s", k > 0 ? " " : "", a);
            }
            sc_out_putc(o, '\n');
        }
    }
    bool header = false;
    for (uint32_t i = 0; i < r->nitems; i++)
        if (r->items[i].agreement == SC_NONE && r->items[i].promise == SC_NONE && r->items[i].catalogue == SC_NONE) {
            if (!header)
                sc_out_putc(o, '\n');
            header = true;
            dump_item(o, r, i, "");
        }
    for (uint32_t i = 0; i < r->npromises; i++) {
        const sc_promise *p = &r->promises[i];
        sc_out_printf(o, "\npromise %s ", p->id);
        sc_write_quoted(o, p->text);
        pos_comment(o, r, p->pos);
        sc_out_putc(o, '\n');
        if (p->source) {
            sc_out_puts(o, "    source ");
            sc_write_quoted(o, p->source);
            sc_out_putc(o, '\n');
        }
        sc_out_puts(o, "    # served by:");
        for (uint32_t k = 0; k < p->nagreements; k++)
            sc_out_printf(o, "%s %s", k ? "," : "", r->agreements[p->agreements[k]].id);
        for (uint32_t k = 0; k < p->nserving; k++)
            sc_out_printf(o, "%s %s", k || p->nagreements ? "," : "", r->items[p->serving[k]].id);
        sc_out_putc(o, '\n');
        for (uint32_t k = 0; k < p->nitems; k++)
            dump_item(o, r, p->items[k], "    ");
    }
    for (uint32_t i = 0; i < r->nagreements; i++) {
        const sc_agreement *a = &r->agreements[i];
        sc_out_printf(o, "\nagreement %s ", a->id);
        sc_write_quoted(o, a->text);
        pos_comment(o, r, a->pos);
        sc_out_putc(o, '\n');
        if (a->restated)
            sc_out_printf(o, "    # restated by %s:%u\n", r->files[a->restated_pos.file].path, a->restated_pos.line);
        if (a->title) {
            sc_out_puts(o, "    title ");
            sc_write_quoted(o, a->title);
            sc_out_putc(o, '\n');
        }
        if (a->npromises) {
            sc_out_puts(o, "    serves");
            for (uint32_t k = 0; k < a->npromises; k++)
                sc_out_printf(o, "%s %s", k ? "," : "", r->promises[a->promises[k]].id);
            sc_out_putc(o, '\n');
        }
        if (a->source) {
            sc_out_puts(o, "    source ");
            sc_write_quoted(o, a->source);
            sc_out_putc(o, '\n');
        }
        for (uint32_t k = 0; k < a->nitems; k++)
            dump_item(o, r, a->items[k], "    ");
    }
    for (uint32_t i = 0; i < r->ncatalogues; i++) {
        const sc_catalogue *c = &r->catalogues[i];
        sc_out_printf(o, "\ncatalogue %s ", c->id);
        sc_write_quoted(o, c->text);
        pos_comment(o, r, c->pos);
        sc_out_putc(o, '\n');
        if (c->title) {
            sc_out_puts(o, "    title ");
            sc_write_quoted(o, c->title);
            sc_out_putc(o, '\n');
        }
        if (c->source) {
            sc_out_puts(o, "    source ");
            sc_write_quoted(o, c->source);
            sc_out_putc(o, '\n');
        }
        for (uint32_t k = 0; k < c->nitems; k++)
            dump_item(o, r, c->items[k], "    ");
    }
}
