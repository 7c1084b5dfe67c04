/* cli/cmd_compile.c — `sopcheck compile`: checks rules files and reports every mistake; --dump shows the compiled program. */
#include <stdio.h>
#include <string.h>

#include "base/out.h"
#include "cli.h"
#include "dsl/dump.h"

int sc_cmd_compile(int argc, char **argv)
{
    bool dump = false;
    const char *color = NULL;
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--dump") == 0)
            dump = true;
        else if (strncmp(argv[i], "--color=", 8) == 0)
            color = argv[i] + 8;
        else if (argv[i][0] == '-' && argv[i][1])
            return sc_cli_usage_error("compile", "unknown option '%s'", argv[i]);
        else
            nfiles++;
    }
    sc_term err;
    sc_term_init(&err, stderr, color);
    int rc = SC_EXIT_OK;
    bool any = false;
    for (int i = 1; i < argc || (!any && nfiles == 0); i++) {
        const char *path = NULL;
        if (nfiles > 0) {
            if (argv[i][0] == '-' && argv[i][1])
                continue;
            path = argv[i];
        }
        any = true;
        unsigned errors = 0, warnings = 0;
        sc_rules *r = sc_cli_load_rules(path, &err, &errors, &warnings);
        if (!r) {
            rc = SC_EXIT_INVALID;
        } else {
            if (dump) {
                sc_out o;
                sc_out_init_file(&o, stdout);
                sc_rules_dump(&o, r);
            }
            char catalogues[48] = "";
            if (r->ncatalogues)
                snprintf(catalogues, sizeof catalogues, ", %u catalogue%s", r->ncatalogues, r->ncatalogues == 1 ? "" : "s");
            fprintf(stderr, "%s: %u items in %u agreements%s and %u promises; %u error%s, %u warning%s\n",
                    r->files[0].path, r->nitems, r->nagreements, catalogues, r->npromises, errors, errors == 1 ? "" : "s",
                    warnings, warnings == 1 ? "" : "s");
            sc_rules_free(r);
        }
        if (nfiles == 0)
            break;
    }
    return rc;
}
