/* cli/main.c — the sopcheck command line: picks the command, prints help and version. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "cli.h"
#include "options.h"


static const struct {
    const char *name;
    int (*run)(int, char **);
} commands[] = {
    {"check", sc_cmd_check},     {"compile", sc_cmd_compile}, {"template", sc_cmd_template},
    {"explain", sc_cmd_explain}, {"test", sc_cmd_test},         {"diff", sc_cmd_diff},
    {"fmt", sc_cmd_fmt},
};

int sc_cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "sopcheck%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nrun 'sopcheck%s%s --help' for usage\n", cmd ? " " : "", cmd ? cmd : "");
    return SC_EXIT_INVALID;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        sc_cli_print_usage(stderr);
        return SC_EXIT_INVALID;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        sc_cli_print_usage(stdout);
        return SC_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("sopcheck %s\n", SC_VERSION);
        return SC_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0) {
            /* COMMAND --help (or -h) anywhere before "--": the command's options, from cli/options.c */
            for (int a = 2; a < argc && strcmp(argv[a], "--") != 0; a++)
                if (strcmp(argv[a], "--help") == 0 || strcmp(argv[a], "-h") == 0) {
                    const sc_cli_command *c = sc_cli_command_find(argv[1]);
                    if (c) {
                        sc_cli_print_command_help(stdout, c);
                        return SC_EXIT_OK;
                    }
                }
            return commands[i].run(argc - 1, argv + 1);
        }
    const char *best = NULL;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (sc_edit_distance(argv[1], commands[i].name, 2) <= 2)
            best = commands[i].name;
    if (best)
        return sc_cli_usage_error(NULL, "unknown command '%s'; did you mean '%s'?", argv[1], best);
    return sc_cli_usage_error(NULL, "unknown command '%s'", argv[1]);
}
