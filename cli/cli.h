/* cli/cli.h — what the sopcheck commands share: exit codes, loading the rules (a file or the bundled default), the commands. */
#ifndef SC_CLI_H
#define SC_CLI_H

/* The version sopcheck --version and --help print and the reports name as their tool's. */
#define SC_VERSION "0.1.0"

#include "dsl/compile.h"
#include "dsl/describe.h"
#include "term.h"

enum {
    SC_EXIT_OK = 0,          /* every profile compliant / no errors */
    SC_EXIT_FINDINGS = 1,    /* a profile is not compliant or incomplete (per --fail-on) */
    SC_EXIT_INVALID = 2      /* invalid input, invalid rules or wrong usage */
};

#define SC_MAX_ERRORS 50

/* Compile `path`, or the bundled default ruleset when path is NULL. Diagnostics go to `err`. */
sc_rules *sc_cli_load_rules(const char *path, sc_term *err, unsigned *errors, unsigned *warnings);

/* The versions of the rules for --rules given `npaths` times (none: the bundled default alone).
 * A path may be a directory: its main rulesets join the list, in name order. A main ruleset is a
 * `*.rules` file whose header has `valid from`; a file without it (a layer such as the landelijke
 * norm) is only ever included. Returns the number of versions, with a malloc'd array in *out
 * (free with sc_cli_free_rules_list), or 0 after the errors were reported to `err`. */
size_t sc_cli_load_rules_list(const char *const *paths, size_t npaths, sc_term *err, sc_rules ***out);
void sc_cli_free_rules_list(sc_rules **versions, size_t n);

/* "did you mean" for a mistyped option or command, with usage on stderr; returns SC_EXIT_INVALID. */
int sc_cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The value of option `name` at argv[*i] ("--name value" or "--name=value"), moving *i past it;
 * NULL when argv[*i] is not that option or its value is missing. */
const char *sc_cli_opt_value(int argc, char **argv, int *i, const char *name);
/* "nl" or "en" into *out; -1 for anything else. */
int sc_cli_lang(const char *value, sc_lang *out);

int sc_cmd_compile(int argc, char **argv);
int sc_cmd_check(int argc, char **argv);
int sc_cmd_template(int argc, char **argv);
int sc_cmd_explain(int argc, char **argv);
int sc_cmd_test(int argc, char **argv);
int sc_cmd_diff(int argc, char **argv);
int sc_cmd_fmt(int argc, char **argv);

#endif
