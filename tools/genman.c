/* tools/genman.c — writes the man page and the bash and zsh completions from cli/options.c, the table --help prints. */
#include <stdio.h>
#include <string.h>

#include "cli/options.h"

/* roff text: backslashes and hyphens escaped, a line start that roff would read as a request guarded */
static void roff(FILE *out, const char *s)
{
    if (*s == '.' || *s == '\'')
        fputs("\\&", out);
    for (; *s; s++) {
        if (*s == '\\')
            fputs("\\e", out);
        else if (*s == '-')
            fputs("\\-", out);
        else
            fputc(*s, out);
    }
}

static void man_page(FILE *out, FILE *tmpl)
{
    char line[1024];
    size_t n;
    const sc_cli_command *cmds = sc_cli_commands(&n);
    while (fgets(line, sizeof line, tmpl)) {
        if (strcmp(line, ".\\\" @COMMANDS@\n") != 0) {
            fputs(line, out);
            continue;
        }
        for (size_t i = 0; i < n; i++) {
            const sc_cli_command *c = &cmds[i];
            fputs(".SS \"sopcheck ", out);
            fputs(c->name, out);
            fputs("\"\n.B sopcheck ", out);
            fputs(c->name, out);
            fputc('\n', out);
            for (const sc_cli_option *o = c->options; o->name; o++) {
                fputs(".RB [ ", out);
                roff(out, o->name);
                if (o->arg) {
                    fputs(" \"\\ \\fI", out);
                    roff(out, o->arg);
                    fputs("\\fR\"", out);
                }
                fputs(" ]\n", out);
            }
            if (c->operands[0]) {
                fputs(".I ", out);
                roff(out, c->operands);
                fputc('\n', out);
            }
            fputs(".PP\n", out);
            roff(out, c->summary);
            fputs(".\n", out);
            for (const sc_cli_option *o = c->options; o->name; o++) {
                fputs(".TP\n", out);
                if (o->alias) {
                    fputs("\\fB", out);
                    roff(out, o->alias);
                    fputs("\\fR, ", out);
                }
                fputs("\\fB", out);
                roff(out, o->name);
                fputs("\\fR", out);
                if (o->arg) {
                    fputs(" \\fI", out);
                    roff(out, o->arg);
                    fputs("\\fR", out);
                }
                fputc('\n', out);
                roff(out, o->help);
                fputc('\n', out);
            }
        }
    }
}

static void bash_completion(FILE *out)
{
    size_t n;
    const sc_cli_command *cmds = sc_cli_commands(&n);
    fputs("# bash completion for sopcheck, generated from its option table (tools/genman.c)\n"
          "_sopcheck() {\n"
          "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} opts=\"\" cmd=${COMP_WORDS[1]}\n"
          "    if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
          "        COMPREPLY=($(compgen -W \"", out);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s ", cmds[i].name);
    fputs("--help --version\" -- \"$cur\")); return\n    fi\n    case \"$cmd\" in\n", out);
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "    %s)\n        case \"$prev\" in\n", cmds[i].name);
        for (const sc_cli_option *o = cmds[i].options; o->name; o++)
            if (o->arg)
                fprintf(out, "        %s%s%s) COMPREPLY=($(compgen %s%s%s -- \"$cur\")); return;;\n", o->name,
                        o->alias ? "|" : "", o->alias ? o->alias : "", o->values ? "-W \"" : "-f", o->values ? o->values : "",
                        o->values ? "\"" : "");
        fputs("        esac\n        opts=\"", out);
        for (const sc_cli_option *o = cmds[i].options; o->name; o++)
            fprintf(out, "%s %s%s", o->name, o->alias ? o->alias : "", o->alias ? " " : "");
        fputs("--help\";;\n", out);
    }
    fputs("    esac\n"
          "    if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\")); else COMPREPLY=($(compgen -f -- \"$cur\")); fi\n"
          "}\n"
          "complete -o filenames -F _sopcheck sopcheck\n", out);
}

/* zsh: the words in a _describe/_arguments spec need ':' and '[' ']' escaped */
static void zsh_text(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == ':' || *s == '[' || *s == ']' || *s == '\\' || *s == '\'')
            fputc(*s == '\'' ? '`' : '\\', out);
        if (*s != '\'')
            fputc(*s, out);
    }
}

static void zsh_completion(FILE *out)
{
    size_t n;
    const sc_cli_command *cmds = sc_cli_commands(&n);
    fputs("#compdef sopcheck\n# zsh completion for sopcheck, generated from its option table (tools/genman.c)\n"
          "_sopcheck() {\n    local -a commands\n    commands=(\n", out);
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "        '%s:", cmds[i].name);
        zsh_text(out, cmds[i].summary);
        fputs("'\n", out);
    }
    fputs("    )\n    if (( CURRENT == 2 )); then _describe command commands; return; fi\n    case $words[2] in\n", out);
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "    %s) _arguments \\\n", cmds[i].name);
        for (const sc_cli_option *o = cmds[i].options; o->name; o++) {
            fprintf(out, "        '%s[", o->name);
            zsh_text(out, o->help);
            fputc(']', out);
            if (o->arg) {
                fputs(":", out);
                zsh_text(out, o->arg);
                fputs(o->values ? ":(" : ":_files", out);
                if (o->values)
                    fprintf(out, "%s)", o->values);
            }
            fputs("' \\\n", out);
        }
        fputs("        '*:file:_files' ;;\n", out);
    }
    fputs("    esac\n}\n_sopcheck \"$@\"\n", out);
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--man") == 0) {
        FILE *t = fopen(argv[2], "r");
        if (!t) {
            perror(argv[2]);
            return 1;
        }
        man_page(stdout, t);
        fclose(t);
    } else if (argc == 2 && strcmp(argv[1], "--bash") == 0)
        bash_completion(stdout);
    else if (argc == 2 && strcmp(argv[1], "--zsh") == 0)
        zsh_completion(stdout);
    else {
        fputs("usage: genman --man TEMPLATE | --bash | --zsh\n", stderr);
        return 2;
    }
    return ferror(stdout) ? 1 : 0;
}
