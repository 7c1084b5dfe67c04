/* cli/cmd_diff.c — `sopcheck diff`: what changed between two rulesets (norms tightened or relaxed, items and agreements added or removed, ...), as text or JSON. */
#include <stdio.h>
#include <string.h>

#include "base/out.h"
#include "cli.h"
#include "dsl/diff.h"
#include "report/report.h"

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
        if (ch->field && (ch->old_text || ch->new_text)) {
            printf("  %s: ", ch->field);
            if (ch->old_text)
                safe(ch->old_text);
            if (ch->old_text && ch->new_text)
                fputs(" -> ", stdout);
            if (ch->new_text)
                safe(ch->new_text);
        }
        putchar('\n');
    }
}

static void write_json(const sc_rules *ro, const sc_rules *rn, const sc_diff *d)
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
    sc_out_puts(&o, "]}\n");
}

int sc_cmd_diff(int argc, char **argv)
{
    const char *format = "text", *color = NULL, *paths[2] = {NULL, NULL};
    int npaths = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--format") == 0) {
            if (++i >= argc)
                return sc_cli_usage_error("diff", "--format needs a value: text or json");
            format = argv[i];
        } else if (strncmp(argv[i], "--format=", 9) == 0) {
            format = argv[i] + 9;
        } else if (strncmp(argv[i], "--color=", 8) == 0) {
            color = argv[i] + 8;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return sc_cli_usage_error("diff", "unknown option '%s'", argv[i]);
        } else if (npaths < 2) {
            paths[npaths++] = argv[i];
        } else {
            return sc_cli_usage_error("diff", "give two rules files, OLD and NEW; '%s' is one too many", argv[i]);
        }
    }
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return sc_cli_usage_error("diff", "unknown format '%s'; use text or json", format);
    if (npaths != 2)
        return sc_cli_usage_error("diff", "give two rules files: sopcheck diff OLD NEW");
    sc_term err;
    sc_term_init(&err, stderr, color);
    sc_rules *ro = sc_cli_load_rules(paths[0], &err, NULL, NULL);
    sc_rules *rn = ro ? sc_cli_load_rules(paths[1], &err, NULL, NULL) : NULL;
    if (!ro || !rn) {
        fprintf(stderr, "sopcheck diff: '%s' has errors; nothing compared\n", ro ? paths[1] : paths[0]);
        if (ro)
            sc_rules_free(ro);
        return SC_EXIT_INVALID;
    }
    sc_diff d;
    int rc = SC_EXIT_INVALID;
    if (sc_diff_rules(ro, rn, &d) != 0) {
        fputs("sopcheck diff: out of memory\n", stderr);
    } else {
        if (strcmp(format, "json") == 0)
            write_json(ro, rn, &d);
        else
            write_text(&d);
        rc = fflush(stdout) == 0 && !ferror(stdout) ? (d.nchanges ? SC_EXIT_FINDINGS : SC_EXIT_OK) : SC_EXIT_INVALID;
    }
    sc_diff_free(&d);
    sc_rules_free(ro);
    sc_rules_free(rn);
    return rc;
}
