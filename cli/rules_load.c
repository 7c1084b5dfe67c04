/* cli/rules_load.c — finds the rules for a command: a rules file given with --rules, or the bundled Zoetermeer ruleset. */
#include <stdio.h>
#include <string.h>

#include "bundled.h"
#include "cli.h"

/* A source loader over the files compiled into the binary; includes resolve by file name. */
static int bundled_load(void *ctx, sc_arena *arena, const char *from, const char *name, const char **path,
                        const char **text, size_t *len, const char **why)
{
    (void)ctx;
    (void)from;
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    for (const sc_bundled_file *f = sc_bundled_files; f->name; f++) {
        if (strcmp(f->name, base) == 0) {
            *path = sc_arena_printf(arena, "rules/%s", f->name);
            *text = f->text;
            *len = f->len;
            return *path ? 0 : -1;
        }
    }
    *path = name;
    *why = "no such file among the bundled rules";
    return -1;
}

sc_rules *sc_cli_load_rules(const char *path, sc_term *err, unsigned *errors, unsigned *warnings)
{
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, sc_term_diag_fn, err, SC_MAX_ERRORS);
    sc_compile_options opt = {0};
    if (!path) {
        opt.load = bundled_load;
        path = SC_DEFAULT_RULES;
    }
    sc_rules *r = sc_compile_file(path, &opt, &sink);
    if (sink.suppressed)
        fprintf(err->fp, "sopcheck: %u more errors not shown\n", sink.suppressed);
    if (errors)
        *errors = sink.errors;
    if (warnings)
        *warnings = sink.warnings;
    return r;
}
