/* cli/cmd_stubs.c — commands whose implementation has not landed yet: they say so and exit 2. */
#include <stdio.h>

#include "cli.h"

static int unavailable(const char *cmd)
{
    fprintf(stderr, "sopcheck %s: not available in this build\n", cmd);
    return SC_EXIT_INVALID;
}
int sc_cmd_template(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return unavailable("template");
}
int sc_cmd_explain(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return unavailable("explain");
}
