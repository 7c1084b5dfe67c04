/* cli/cmd_stubs.c — commands whose implementation has not landed yet: they say so and exit 2. */
#include <stdio.h>

#include "cli.h"

int sc_cmd_check(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("sopcheck check: not available in this build\n", stderr);
    return SC_EXIT_INVALID;
}
int sc_cmd_template(int argc, char **argv)
{
    return sc_cmd_check(argc, argv);
}
int sc_cmd_explain(int argc, char **argv)
{
    return sc_cmd_check(argc, argv);
}
