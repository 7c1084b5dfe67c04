/* cli/main.c — the sopcheck command line: picks the command, prints help and version. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "cli.h"


static const char usage[] =
    "sopcheck " SC_VERSION " — checks school support profiles (SOP) against the basisondersteuning\n"
    "\n"
    "usage:\n"
    "  sopcheck check [--rules FILE|DIR]... [--format text|json|junit|sarif|github|csv|html]\n"
    "                 [--lang nl|en] [--output FILE] [--fail-on not-compliant|incomplete|never]\n"
    "                 [--ambitions] [--max-bytes N] [--color auto|always|never] PATH...\n"
    "                 check profiles (files, directories of *.yaml/*.yml, or - for standard input)\n"
    "      --rules       the rules to judge by; give several versions (or a directory of them) and\n"
    "                    each profile is judged by the version in force on its peildatum\n"
    "      --format      text (default, for people), json (docs/json-schema.json), junit (JUnit XML),\n"
    "                    sarif (SARIF 2.1.0, code scanning), github (GitHub Actions annotations),\n"
    "                    csv (spreadsheets: a row per profile and agreement), html (one page for\n"
    "                    people); see docs/reports.md\n"
    "      --output FILE write the report to FILE, complete or not at all (default: standard output;\n"
    "                    diagnostics always go to standard error)\n"
    "      --fail-on     what makes the exit status 1: not-compliant, incomplete (default: either)\n"
    "                    or never; invalid input always gives 2\n"
    "      --ambitions   also report open ambitions in sarif, as notes (text and json always show them)\n"
    "      --max-bytes N refuse profiles larger than N bytes (default 1048576)\n"
    "      -j N, --jobs N check on N threads (-j alone or 0: one per core; default 1); the report is\n"
    "                    the same, in the same order\n"
    "  sopcheck template [--rules FILE] [--lang nl|en]\n"
    "                 print a blank profile: every question, its allowed values and norm\n"
    "  sopcheck explain [--rules FILE] [--lang nl|en] ID...\n"
    "                 show an item (question, type, norm, ambition, source), an agreement or a promise\n"
    "  sopcheck test [--rules FILE|DIR]... [--coverage] [--lang nl|en] TEST...\n"
    "                 run rule tests (*.test.yaml files or directories); see docs/authoring.md\n"
    "  sopcheck compile [--dump] [RULES...]  check rules files; --dump shows how they were understood\n"
    "  sopcheck fmt [--check] FILE...        lay rules files out canonically, comments kept (- for standard input);\n"
    "                 --check only says which files are not formatted (exit 1)\n"
    "  sopcheck diff [--format text|json] OLD NEW [--profiles PATH...]\n"
    "                 what changed between two rules files: norms tightened or relaxed, items added, ...;\n"
    "                 --profiles: which schools change outcome\n"
    "  sopcheck --help | --version\n"
    "\n"
    "Without --rules, the bundled Zoetermeer ruleset (rules/" "zoetermeer-2023.rules) is used.\n"
    "\n"
    "exit status:\n"
    "  0  every profile is compliant (compile: no errors)\n"
    "  1  a profile is not compliant or incomplete (as --fail-on says)\n"
    "  2  invalid input: a profile or rules file that could not be read, or wrong usage\n";

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
    fputs("\nrun 'sopcheck --help' for usage\n", stderr);
    return SC_EXIT_INVALID;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return SC_EXIT_INVALID;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        fputs(usage, stdout);
        return SC_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("sopcheck %s\n", SC_VERSION);
        return SC_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    const char *best = NULL;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (sc_edit_distance(argv[1], commands[i].name, 2) <= 2)
            best = commands[i].name;
    if (best)
        return sc_cli_usage_error(NULL, "unknown command '%s'; did you mean '%s'?", argv[1], best);
    return sc_cli_usage_error(NULL, "unknown command '%s'", argv[1]);
}
