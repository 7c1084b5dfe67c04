/* tools/yamlfloor.c — the floor for `sopcheck check`: read each profile and run libyaml's event parser over it, nothing else.
 *
 *   yamlfloor FILE...        the files named
 *   yamlfloor -l LIST        the files named in LIST, one path a line
 *
 * Each file is read whole into memory (as sopcheck does), parsed with yaml_parser_parse until the
 * stream ends, every event deleted; no tree, no checks, no output. What `sopcheck check` costs
 * above this is ours. Prints the number of files and events to stderr; exit 1 if a file could not
 * be read or parsed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static char *buf;
static size_t cap;

/* Read the whole file into buf; its length, or -1. */
static long read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t n = 0;
    for (;;) {
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                fclose(f);
                return -1;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    return bad ? -1 : (long)n;
}

static unsigned long events;

/* Parse one file; 0, or -1 after saying why. */
static int floor_one(const char *path)
{
    long len = read_file(path);
    if (len < 0) {
        fprintf(stderr, "yamlfloor: cannot read '%s'\n", path);
        return -1;
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return -1;
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, (size_t)len);
    int rc = 0;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            fprintf(stderr, "yamlfloor: '%s': %s\n", path, parser.problem ? parser.problem : "parse error");
            rc = -1;
            break;
        }
        events++;
        int end = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        if (end)
            break;
    }
    yaml_parser_delete(&parser);
    return rc;
}

int main(int argc, char **argv)
{
    unsigned long files = 0;
    int rc = 0;
    if (argc == 3 && strcmp(argv[1], "-l") == 0) {
        FILE *list = fopen(argv[2], "r");
        if (!list) {
            fprintf(stderr, "yamlfloor: cannot read '%s'\n", argv[2]);
            return 1;
        }
        char line[4096];
        while (fgets(line, sizeof line, list)) {
            line[strcspn(line, "\r\n")] = '\0';
            if (!line[0])
                continue;
            files++;
            if (floor_one(line) != 0)
                rc = 1;
        }
        fclose(list);
    } else if (argc >= 2 && argv[1][0] != '-') {
        for (int i = 1; i < argc; i++) {
            files++;
            if (floor_one(argv[i]) != 0)
                rc = 1;
        }
    } else {
        fputs("usage: yamlfloor FILE... | yamlfloor -l LIST\n", stderr);
        return 2;
    }
    free(buf);
    fprintf(stderr, "yamlfloor: %lu files, %lu events\n", files, events);
    return rc;
}
