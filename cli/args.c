/* cli/args.c — what the commands share in reading their options: "--name value" or "--name=value", and the report language. */
#include <string.h>

#include "cli.h"

const char *sc_cli_opt_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) == 0 && argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (strcmp(argv[*i], name) == 0 && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}

int sc_cli_lang(const char *value, sc_lang *out)
{
    if (strcmp(value, "nl") == 0)
        *out = SC_LANG_NL;
    else if (strcmp(value, "en") == 0)
        *out = SC_LANG_EN;
    else
        return -1;
    return 0;
}
