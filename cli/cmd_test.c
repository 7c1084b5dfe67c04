/* cli/cmd_test.c — `sopcheck test`: runs rule tests (placeholder until the runner lands). */
#include <stdio.h>

#include "cli.h"

int sc_cmd_test(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("sopcheck test: not available in this build\n", stderr);
    return SC_EXIT_INVALID;
}
