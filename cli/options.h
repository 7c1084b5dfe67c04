/* cli/options.h — every command and option of sopcheck as data: the one source of --help, the man page and the shell completions. */
#ifndef SC_CLI_OPTIONS_H
#define SC_CLI_OPTIONS_H

#include <stdio.h>

typedef struct sc_cli_option {
    const char *name;      /* "--rules" */
    const char *alias;     /* "-j", or NULL */
    const char *arg;       /* "FILE|DIR", or NULL for a flag */
    const char *values;    /* the words a completion offers for arg ("nl en"), or NULL (a file) */
    const char *help;      /* one or more sentences, wrapped by the printer */
} sc_cli_option;

typedef struct sc_cli_command {
    const char *name;               /* "check" */
    const char *operands;           /* "PATH..." */
    const char *summary;            /* one line */
    const sc_cli_option *options;   /* ends with {NULL} */
} sc_cli_command;

/* The commands, in the order --help lists them; *n gets their number. */
const sc_cli_command *sc_cli_commands(size_t *n);
/* The command named `name`, or NULL. */
const sc_cli_command *sc_cli_command_find(const char *name);

/* `sopcheck --help`: every command with its synopsis and summary. */
void sc_cli_print_usage(FILE *out);
/* `sopcheck COMMAND --help`: the synopsis, the summary and every option. */
void sc_cli_print_command_help(FILE *out, const sc_cli_command *c);
/* The exit statuses, as --help and the man page give them. */
const char *sc_cli_exit_status_text(void);

#endif
