/* cli/cmd_diff.c — `sopcheck diff`: what changed between two rulesets (norms tightened or relaxed, items and agreements added or removed, ...), as text or JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag_write.h"
#include "base/out.h"
#include "cli.h"
#include "dsl/diff.h"
#include "engine/check.h"
#include "inputs.h"
#include "report/report.h"

/* ---- the impact on profiles (--profiles) ------------------------------------------------------ */
/* Each profile is judged by OLD and by NEW whatever its peildatum (the question is "what would this
 * school get under OLD and under NEW", not which version is in force), one arena reset per profile. */

typedef enum { NEWLY_NOT_MET, NEWLY_INCOMPLETE, NEWLY_MET, NEWLY_KINDS } newly_kind;
static const char *const newly_text[NEWLY_KINDS] = {"newly not met", "newly incomplete", "newly met"};
static const char *const newly_json[NEWLY_KINDS] = {"newly_not_met", "newly_incomplete", "newly_met"};

/* The status of agreement `id` in a result: 0..2 (sc_group_status), -1 when it is not judged there. */
static int agreement_status(const sc_result *res, const char *id)
{
    if (!res->agreements)
        return -1;
    uint32_t a = sc_rules_find_agreement(res->rules, id);
    return a == SC_NONE ? -1 : (int)res->agreements[a];
}

static bool is_newly(newly_kind k, int before, int after)
{
    switch (k) {
    case NEWLY_NOT_MET: return after == SC_GROUP_NOT_MET && before != SC_GROUP_NOT_MET;
    case NEWLY_INCOMPLETE: return after == SC_GROUP_INCOMPLETE && before != SC_GROUP_INCOMPLETE;
    default: return after == SC_GROUP_MET && (before == SC_GROUP_NOT_MET || before == SC_GROUP_INCOMPLETE);
    }
}

/* The agreement ids of one kind of change, comma-separated, NEW's order then OLD's removed ones. */
static void newly_list(sc_out *o, const sc_result *ro, const sc_result *rn, newly_kind k, bool json)
{
    bool first = true;
    const sc_rules *r = rn->rules;
    for (uint32_t a = 0; a < r->nagreements; a++) {
        const char *id = r->agreements[a].id;
        if (!is_newly(k, agreement_status(ro, id), rn->agreements ? (int)rn->agreements[a] : -1))
            continue;
        sc_out_puts(o, first ? "" : json ? "," : ", ");
        if (json) {
            sc_out_putc(o, '"');
            sc_write_json_string(o, id);
            sc_out_putc(o, '"');
        } else {
            sc_out_puts(o, id);
        }
        first = false;
    }
}

static bool has_newly(const sc_result *ro, const sc_result *rn, newly_kind k)
{
    const sc_rules *r = rn->rules;
    for (uint32_t a = 0; a < r->nagreements; a++)
        if (is_newly(k, agreement_status(ro, r->agreements[a].id), rn->agreements ? (int)rn->agreements[a] : -1))
            return true;
    return false;
}

typedef struct impact {
    sc_out o;           /* the text lines or the JSON entries */
    unsigned profiles, changed, status_changed;  /* changed: in status or in an agreement */
    bool oom;
} impact;

static void impact_profile(impact *im, const sc_result *ro, const sc_result *rn, const char *path, bool json)
{
    im->profiles++;
    bool any = ro->status != rn->status;
    for (int k = 0; k < NEWLY_KINDS && !any; k++)
        any = has_newly(ro, rn, (newly_kind)k);
    if (!any)
        return;
    sc_out *o = &im->o;
    const char *naam = rn->school.naam;
    if (!naam)
        naam = ro->school.naam;
    if (json) {
        sc_out_puts(o, im->changed ? ",\n{\"file\":\"" : "\n{\"file\":\"");
        sc_write_json_string(o, path);
        sc_out_puts(o, "\",\"school\":");
        if (naam) {
            sc_out_putc(o, '"');
            sc_write_json_string(o, naam);
            sc_out_putc(o, '"');
        } else {
            sc_out_puts(o, "null");
        }
        sc_out_printf(o, ",\"old\":\"%s\",\"new\":\"%s\"", sc_profile_status_id(ro->status),
                      sc_profile_status_id(rn->status));
        for (int k = 0; k < NEWLY_KINDS; k++) {
            sc_out_printf(o, ",\"%s\":[", newly_json[k]);
            newly_list(o, ro, rn, (newly_kind)k, true);
            sc_out_putc(o, ']');
        }
        sc_out_putc(o, '}');
    } else {
        sc_write_safe(o, path, strlen(path));
        if (naam) {
            sc_out_puts(o, " (");
            sc_write_safe(o, naam, strlen(naam));
            sc_out_putc(o, ')');
        }
        sc_out_printf(o, ": %s -> %s\n", sc_profile_status_id(ro->status), sc_profile_status_id(rn->status));
        for (int k = 0; k < NEWLY_KINDS; k++) {
            if (!has_newly(ro, rn, (newly_kind)k))
                continue;
            sc_out_printf(o, "    %s: ", newly_text[k]);
            newly_list(o, ro, rn, (newly_kind)k, false);
            sc_out_putc(o, '\n');
        }
    }
    im->changed++;
    im->status_changed += ro->status != rn->status;
}

/* Judge every profile by both rulesets. Returns -1 when out of memory. */
static int impact_run(impact *im, const sc_rules *ro, const sc_rules *rn, const sc_inputs *inputs, bool json)
{
    sc_arena arena;
    sc_arena_init(&arena, 0);
    int rc = 0;
    const sc_rules *old_v[1] = {ro}, *new_v[1] = {rn};
    for (size_t i = 0; rc == 0 && i < inputs->len; i++) {
        const sc_input *in = &inputs->items[i];
        sc_arena_reset(&arena);
        char *buf = NULL;
        size_t len = 0;
        const char *why = in->problem;
        if (!why)
            sc_read_input(in->path, SC_YAML_DEFAULT_MAX_BYTES, &buf, &len, &why);
        if (why) {
            fprintf(stderr, "sopcheck diff: cannot read the profile '%s': %s\n", in->path, why);
            im->profiles++;
            continue;
        }
        sc_result a, b;
        if (sc_check_profile_in(&arena, old_v, 1, SC_CHECK_ANY_DATE, in->path, buf, len, NULL, &a) != 0 ||
            sc_check_profile_in(&arena, new_v, 1, SC_CHECK_ANY_DATE, in->path, buf, len, NULL, &b) != 0)
            rc = -1;
        else
            impact_profile(im, &a, &b, in->path, json);
        free(buf);
    }
    sc_arena_free(&arena);
    return rc || im->o.failed ? -1 : 0;
}

static void json_str(sc_out *o, const char *s)
{
    if (!s) {
        sc_out_puts(o, "null");
        return;
    }
    sc_out_putc(o, '"');
    sc_write_json_string(o, s);
    sc_out_putc(o, '"');
}

static void safe(const char *s)
{
    sc_term_safe(stdout, s, strlen(s));
}

static void write_text(const sc_diff *d)
{
    for (size_t i = 0; i < d->nchanges; i++) {
        const sc_change *ch = &d->changes[i];
        printf("%s  ", sc_change_kind_name(ch->kind));
        safe(ch->id);
        /* a capacity or an item's own promises that appear or go: "none" on that side, so the direction shows */
        bool both = ch->kind == SC_CHANGE_CAPACITY || ch->kind == SC_CHANGE_ITEM_SERVES;
        if (ch->field && (ch->old_text || ch->new_text)) {
            printf("  %s: ", ch->field);
            if (ch->old_text || both)
                safe(ch->old_text ? ch->old_text : "none");
            if ((ch->old_text && ch->new_text) || both)
                fputs(" -> ", stdout);
            if (ch->new_text || both)
                safe(ch->new_text ? ch->new_text : "none");
        }
        putchar('\n');
    }
}

static void write_json(const sc_rules *ro, const sc_rules *rn, const sc_diff *d, const impact *im)
{
    sc_out o;
    sc_out_init_file(&o, stdout);
    sc_out_puts(&o, "{\"format\":1,\"old\":{\"name\":");
    json_str(&o, ro->name);
    sc_out_puts(&o, ",\"version\":");
    json_str(&o, ro->version);
    sc_out_puts(&o, "},\"new\":{\"name\":");
    json_str(&o, rn->name);
    sc_out_puts(&o, ",\"version\":");
    json_str(&o, rn->version);
    sc_out_puts(&o, "},\"changes\":[");
    for (size_t i = 0; i < d->nchanges; i++) {
        const sc_change *ch = &d->changes[i];
        sc_out_puts(&o, i ? ",\n{\"kind\":" : "\n{\"kind\":");
        json_str(&o, sc_change_kind_name(ch->kind));
        sc_out_puts(&o, ",\"id\":");
        json_str(&o, ch->id);
        sc_out_puts(&o, ",\"field\":");
        json_str(&o, ch->field);
        sc_out_puts(&o, ",\"old\":");
        json_str(&o, ch->old_text);
        sc_out_puts(&o, ",\"new\":");
        json_str(&o, ch->new_text);
        sc_out_putc(&o, '}');
    }
    sc_out_putc(&o, ']');
    if (im) {
        sc_out_printf(&o, ",\"impact\":{\"profiles\":%u,\"status_changed\":%u,\"changed\":%u,\"changes\":[",
                      im->profiles, im->status_changed, im->changed);
        if (im->o.len)
            sc_out_write(&o, im->o.buf, im->o.len);
        sc_out_puts(&o, "]}");
    }
    sc_out_puts(&o, "}\n");
}

int sc_cmd_diff(int argc, char **argv)
{
    const char *format = "text", *color = NULL, *paths[2] = {NULL, NULL};
    int npaths = 0;
    bool profiles = false;
    sc_inputs inputs = {0};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--format") == 0) {
            if (++i >= argc)
                return sc_cli_usage_error("diff", "--format needs a value: text or json");
            format = argv[i];
        } else if (strncmp(argv[i], "--format=", 9) == 0) {
            format = argv[i] + 9;
        } else if (strncmp(argv[i], "--color=", 8) == 0) {
            color = argv[i] + 8;
        } else if (strcmp(argv[i], "--profiles") == 0) {
            profiles = true;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            sc_inputs_free(&inputs);
            return sc_cli_usage_error("diff", "unknown option '%s'", argv[i]);
        } else if (profiles) {
            if (sc_inputs_add(&inputs, argv[i]) != 0) {
                sc_inputs_free(&inputs);
                fputs("sopcheck diff: out of memory\n", stderr);
                return SC_EXIT_INVALID;
            }
        } else if (npaths < 2) {
            paths[npaths++] = argv[i];
        } else {
            sc_inputs_free(&inputs);
            return sc_cli_usage_error("diff", "give two rules files, OLD and NEW; '%s' is one too many", argv[i]);
        }
    }
    if (profiles && !inputs.len)
        return sc_cli_usage_error("diff", "--profiles needs one or more profiles or directories after it");
    if ((strcmp(format, "text") != 0 && strcmp(format, "json") != 0) || npaths != 2) {
        sc_inputs_free(&inputs);
        if (npaths != 2)
            return sc_cli_usage_error("diff", "give two rules files: sopcheck diff OLD NEW [--profiles PATH...]");
        return sc_cli_usage_error("diff", "unknown format '%s'; use text or json", format);
    }
    sc_term err;
    sc_term_init(&err, stderr, color);
    sc_rules *ro = sc_cli_load_rules(paths[0], &err, NULL, NULL);
    sc_rules *rn = ro ? sc_cli_load_rules(paths[1], &err, NULL, NULL) : NULL;
    if (!ro || !rn) {
        fprintf(stderr, "sopcheck diff: '%s' has errors; nothing compared\n", ro ? paths[1] : paths[0]);
        if (ro)
            sc_rules_free(ro);
        sc_inputs_free(&inputs);
        return SC_EXIT_INVALID;
    }
    sc_diff d;
    int rc = SC_EXIT_INVALID;
    if (sc_diff_rules(ro, rn, &d) != 0) {
        fputs("sopcheck diff: out of memory\n", stderr);
    } else {
        bool json = strcmp(format, "json") == 0;
        impact im = {0};
        sc_out_init_mem(&im.o);
        if (profiles && impact_run(&im, ro, rn, &inputs, json) != 0) {
            fputs("sopcheck diff: out of memory\n", stderr);
            im.oom = true;
        }
        if (json) {
            write_json(ro, rn, &d, profiles ? &im : NULL);
        } else {
            write_text(&d);
            if (profiles) {
                printf("\nimpact on the profiles (each judged by OLD and by NEW, whatever its peildatum):\n");
                if (im.o.len)
                    fwrite(im.o.buf, 1, im.o.len, stdout);
                printf("%u profiles: %u change status, %u change only in their agreements, %u unchanged\n", im.profiles,
                       im.status_changed, im.changed - im.status_changed, im.profiles - im.changed);
            }
        }
        sc_out_free(&im.o);
        if (!im.oom)
            rc = fflush(stdout) == 0 && !ferror(stdout) ? (d.nchanges ? SC_EXIT_FINDINGS : SC_EXIT_OK) : SC_EXIT_INVALID;
    }
    sc_inputs_free(&inputs);
    sc_diff_free(&d);
    sc_rules_free(ro);
    sc_rules_free(rn);
    return rc;
}
