/* cli/options.c — the table of sopcheck's commands and options, and the --help texts printed from it. */
#include <string.h>

#include "cli.h"
#include "options.h"

#define COLOR_OPT {"--color", NULL, "auto|always|never", "auto always never", "colour in diagnostics: auto (a terminal, and NO_COLOR not set to a non-empty value), always or never"}
#define LANG_OPT(what) {"--lang", NULL, "nl|en", "nl en", "the language of " what " (default nl)"}
#define RULES_OPT(what) {"--rules", NULL, "FILE|DIR", NULL, what}

static const sc_cli_option check_opts[] = {
    RULES_OPT("the rules to judge by; give several versions (or a directory of them) and each profile is "
              "judged by the version in force on its peildatum (default: the bundled Zoetermeer rules)"),
    {"--format", NULL, "text|json|junit|sarif|github|csv|html", "text json junit sarif github csv html",
     "text (default, for people), json (docs/json-schema.json), junit (JUnit XML), sarif (SARIF 2.1.0, "
     "code scanning), github (GitHub Actions annotations), csv (spreadsheets: a row per profile and "
     "agreement), html (one page for people); see docs/reports.md"},
    LANG_OPT("the report"),
    {"--output", "-o", "FILE", NULL,
     "write the report to FILE, complete or not at all (default: standard output; diagnostics always go "
     "to standard error)"},
    {"--fail-on", NULL, "not-compliant|incomplete|never", "not-compliant incomplete never",
     "what makes the exit status 1: not-compliant, incomplete (default: either) or never; invalid input "
     "always gives 2"},
    {"--ambitions", NULL, NULL, NULL, "also report open ambitions in sarif, as notes (text and json always show them)"},
    {"--max-bytes", NULL, "N", NULL, "refuse profiles larger than N bytes (default 1048576)"},
    {"--jobs", "-j", "N", NULL,
     "check on N threads (-j alone or 0: one per core; default 1); the report is the same, in the same order"},
    COLOR_OPT,
    {NULL, NULL, NULL, NULL, NULL}};

static const sc_cli_option template_opts[] = {
    RULES_OPT("the rules whose questions the profile asks (default: the bundled Zoetermeer rules)"),
    LANG_OPT("the questions' comments"),
    {NULL, NULL, NULL, NULL, NULL}};

static const sc_cli_option explain_opts[] = {
    RULES_OPT("the rules the ids are looked up in (default: the bundled Zoetermeer rules)"),
    LANG_OPT("the explanation"),
    {NULL, NULL, NULL, NULL, NULL}};

static const sc_cli_option test_opts[] = {
    RULES_OPT("the rules the tests run against, several versions or a directory of them (default: each "
              "test file's own rules, else the bundled Zoetermeer rules)"),
    {"--coverage", NULL, NULL, NULL, "say which items, agreements and promises no test exercises"},
    LANG_OPT("the messages"),
    COLOR_OPT,
    {NULL, NULL, NULL, NULL, NULL}};

static const sc_cli_option compile_opts[] = {
    {"--dump", NULL, NULL, NULL, "show how the rules were understood: every item, agreement and promise after include and extend"},
    COLOR_OPT,
    {NULL, NULL, NULL, NULL, NULL}};

static const sc_cli_option fmt_opts[] = {
    {"--check", NULL, NULL, NULL, "only say which files are not laid out canonically (exit status 1); change nothing"},
    COLOR_OPT,
    {NULL, NULL, NULL, NULL, NULL}};

static const sc_cli_option diff_opts[] = {
    {"--format", NULL, "text|json", "text json", "text (default) or json"},
    {"--profiles", NULL, "PATH...", NULL, "also judge these profiles by both versions and say which schools change outcome"},
    COLOR_OPT,
    {NULL, NULL, NULL, NULL, NULL}};

static const sc_cli_command commands[] = {
    {"check", "PATH...", "check profiles (files, directories of *.yaml/*.yml, or - for standard input)", check_opts},
    {"template", "", "print a blank profile: every question, its allowed values and norm", template_opts},
    {"explain", "ID...", "show an item (question, type, norm, ambition, source), an agreement, a catalogue of the offer or a promise", explain_opts},
    {"test", "TEST...", "run rule tests (*.test.yaml files or directories); see docs/authoring.md", test_opts},
    {"compile", "[RULES...]", "check rules files (default: the bundled rules)", compile_opts},
    {"fmt", "FILE...", "lay rules files out canonically, comments kept (- for standard input)", fmt_opts},
    {"diff", "OLD NEW", "what changed between two rules files: norms tightened or relaxed, items added, ...", diff_opts},
};

const sc_cli_command *sc_cli_commands(size_t *n)
{
    *n = sizeof commands / sizeof commands[0];
    return commands;
}

const sc_cli_command *sc_cli_command_find(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

const char *sc_cli_exit_status_text(void)
{
    return "  0  every profile is compliant (compile, fmt --check, test: no errors, no failures)\n"
           "  1  a profile is not compliant or incomplete (as --fail-on says); a test failed; a file is not formatted\n"
           "  2  invalid input: a profile or rules file that could not be read or has errors, or wrong usage\n";
}

/* `text` from column `col` on, words wrapped before column 100, continuation lines indented by `indent`;
 * a '\1' is a space that never breaks (inside one "[--option VALUE]"). */
static void print_wrapped(FILE *out, const char *text, size_t col, size_t indent)
{
    const size_t width = 100;
    const char *p = text;
    while (*p) {
        size_t len = strcspn(p, " ");
        if (col > indent && col + 1 + len > width) {
            fprintf(out, "\n%*s", (int)indent, "");
            col = indent;
        } else if (col > indent) {
            fputc(' ', out);
            col++;
        }
        for (size_t k = 0; k < len; k++)
            fputc(p[k] == '\1' ? ' ' : p[k], out);
        col += len;
        p += len;
        while (*p == ' ')
            p++;
    }
    fputc('\n', out);
}

/* "[--rules FILE|DIR] [--ambitions] ... OPERANDS" after "  sopcheck NAME". */
static void print_synopsis(FILE *out, const sc_cli_command *c)
{
    char line[4096];
    size_t n = 0;
    line[0] = '\0';
    for (const sc_cli_option *o = c->options; o->name && n < sizeof line - 200; o++)
        n += (size_t)snprintf(line + n, sizeof line - n, "%s[%s%s%s]", n ? " " : "", o->name, o->arg ? "\1" : "",
                              o->arg ? o->arg : "");
    if (c->operands[0] && n < sizeof line - 200)
        snprintf(line + n, sizeof line - n, "%s%s", n ? " " : "", c->operands);
    size_t col = (size_t)fprintf(out, "  sopcheck %s", c->name);
    if (line[0]) {
        fputc(' ', out);
        print_wrapped(out, line, col + 1, col + 1);
    } else
        fputc('\n', out);
}

void sc_cli_print_usage(FILE *out)
{
    fputs("sopcheck " SC_VERSION " — checks school support profiles (SOP) against the basisondersteuning\n\nusage:\n", out);
    for (const sc_cli_command *c = commands; c < commands + sizeof commands / sizeof commands[0]; c++) {
        print_synopsis(out, c);
        fputs("                 ", out);
        print_wrapped(out, c->summary, 17, 17);
    }
    fputs("  sopcheck --help | --version\n\n"
          "'sopcheck COMMAND --help' describes each option of a command; 'man sopcheck' all of them.\n"
          "Without --rules, the bundled Zoetermeer ruleset (rules/zoetermeer-2023.rules) is used.\n\n"
          "exit status:\n", out);
    fputs(sc_cli_exit_status_text(), out);
}

void sc_cli_print_command_help(FILE *out, const sc_cli_command *c)
{
    fputs("usage:\n", out);
    print_synopsis(out, c);
    fputc('\n', out);
    print_wrapped(out, c->summary, 0, 0);
    fputs("\noptions:\n", out);
    for (const sc_cli_option *o = c->options; o->name; o++) {
        char head[128];
        snprintf(head, sizeof head, "  %s%s%s%s%s", o->alias ? o->alias : "", o->alias ? ", " : "", o->name,
                 o->arg ? " " : "", o->arg ? o->arg : "");
        fputs(head, out);
        size_t col = strlen(head);
        if (col < 24) {
            fprintf(out, "%*s", (int)(24 - col), "");
            col = 24;
        } else {
            fputs("\n                        ", out);
            col = 24;
        }
        print_wrapped(out, o->help, col, 24);
    }
    fputs("  -h, --help            print this help\n\nexit status:\n", out);
    fputs(sc_cli_exit_status_text(), out);
}
