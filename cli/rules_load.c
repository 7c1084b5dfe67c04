/* cli/rules_load.c — finds the rules for a command: a rules file given with --rules, or the bundled Zoetermeer ruleset. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bundled.h"
#include "cli.h"

/* A source loader over the files compiled into the binary; includes resolve by file name. */
static int bundled_load(void *ctx, sc_arena *arena, const char *from, const char *name, const char **path,
                        const char **text, size_t *len, const char **why)
{
    (void)ctx;
    (void)from;
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    for (const sc_bundled_file *f = sc_bundled_files; f->name; f++) {
        if (strcmp(f->name, base) == 0) {
            *path = sc_arena_printf(arena, "rules/%s", f->name);
            *text = f->text;
            *len = f->len;
            return *path ? 0 : -1;
        }
    }
    *path = name;
    *why = "no such file among the bundled rules";
    return -1;
}

sc_rules *sc_cli_load_rules(const char *path, sc_term *err, unsigned *errors, unsigned *warnings)
{
    sc_diag_sink sink;
    sc_diag_sink_init(&sink, sc_term_diag_fn, err, SC_MAX_ERRORS);
    sc_compile_options opt = {0};
    if (!path) {
        opt.load = bundled_load;
        path = SC_DEFAULT_RULES;
    }
    sc_rules *r = sc_compile_file(path, &opt, &sink);
    if (sink.suppressed)
        fprintf(err->fp, "sopcheck: %u more errors not shown\n", sink.suppressed);
    if (errors)
        *errors = sink.errors;
    if (warnings)
        *warnings = sink.warnings;
    return r;
}

static int add_version(sc_rules ***v, size_t *n, size_t *cap, sc_rules *r)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 4;
        sc_rules **nv = realloc(*v, c * sizeof *nv);
        if (!nv)
            return -1;
        *v = nv;
        *cap = c;
    }
    (*v)[(*n)++] = r;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every main ruleset of a directory (a *.rules file with `valid from`), in name order. -1 on an error. */
static int load_dir(const char *dir, sc_term *err, sc_rules ***v, size_t *n, size_t *cap)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(err->fp, "sopcheck: cannot read the rules directory '%s'\n", dir);
        return -1;
    }
    char **names = NULL;
    size_t nn = 0, cn = 0;
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len <= 6 || e->d_name[0] == '.' || strcmp(e->d_name + len - 6, ".rules") != 0)
            continue;
        if (nn == cn) {
            cn = cn ? cn * 2 : 8;
            char **nv = realloc(names, cn * sizeof *nv);
            if (!nv) {
                rc = -1;
                break;
            }
            names = nv;
        }
        size_t plen = strlen(dir) + len + 2;
        if (!(names[nn] = malloc(plen))) {
            rc = -1;
            break;
        }
        snprintf(names[nn++], plen, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
    }
    closedir(d);
    if (rc != 0)
        fputs("sopcheck: out of memory\n", err->fp);
    if (nn)
        qsort(names, nn, sizeof *names, by_name);
    size_t before = *n;
    for (size_t i = 0; rc == 0 && i < nn; i++) {
        sc_rules *r = sc_cli_load_rules(names[i], err, NULL, NULL);
        if (!r)
            rc = -1;
        else if (!r->has_valid_from)
            sc_rules_free(r); /* only ever included */
        else if (add_version(v, n, cap, r) != 0) {
            sc_rules_free(r);
            fputs("sopcheck: out of memory\n", err->fp);
            rc = -1;
        }
    }
    if (rc == 0 && *n == before) {
        fprintf(err->fp, "sopcheck: '%s' holds no main ruleset (a *.rules file with 'valid from')\n", dir);
        rc = -1;
    }
    for (size_t i = 0; i < nn; i++)
        free(names[i]);
    free(names);
    return rc;
}

size_t sc_cli_load_rules_list(const char *const *paths, size_t npaths, sc_term *err, sc_rules ***out)
{
    sc_rules **v = NULL;
    size_t n = 0, cap = 0;
    *out = NULL;
    int rc = 0;
    if (npaths == 0) {
        sc_rules *r = sc_cli_load_rules(NULL, err, NULL, NULL);
        rc = !r || add_version(&v, &n, &cap, r) != 0 ? -1 : 0;
        if (rc && r)
            sc_rules_free(r);
    }
    for (size_t i = 0; rc == 0 && i < npaths; i++) {
        struct stat st;
        if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            rc = load_dir(paths[i], err, &v, &n, &cap);
            continue;
        }
        sc_rules *r = sc_cli_load_rules(paths[i], err, NULL, NULL);
        if (!r || add_version(&v, &n, &cap, r) != 0) {
            if (r)
                sc_rules_free(r);
            rc = -1;
        }
    }
    if (rc != 0) {
        sc_cli_free_rules_list(v, n);
        return 0;
    }
    *out = v;
    return n;
}

void sc_cli_free_rules_list(sc_rules **versions, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sc_rules_free(versions[i]);
    free(versions);
}
