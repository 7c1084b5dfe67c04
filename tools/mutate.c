/* tools/mutate.c — applies one source mutation for tools/mutants.sh: replaces a text that must occur exactly once in a file, writing the result elsewhere. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* usage: mutate FILE FIND REPLACE OUT    write FILE with FIND replaced by REPLACE to OUT
 *        mutate FILE FIND                 only count: exit 0 when FIND occurs exactly once
 * In FIND and REPLACE, \n is a newline, \t a tab and \\ a backslash (the list keeps a mutant on one line).
 * Exit status: 0 done, 1 FIND does not occur exactly once (the count is printed), 2 usage or I/O error. */

static char *unescape(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n && (s[i + 1] == 'n' || s[i + 1] == 't' || s[i + 1] == '\\')) {
            i++;
            *o++ = s[i] == 'n' ? '\n' : s[i] == 't' ? '\t' : '\\';
        } else {
            *o++ = s[i];
        }
    }
    *o = '\0';
    return out;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        n += fread(buf + n, 1, cap - n, fp);
        if (n < cap)
            break;
        char *bigger = realloc(buf, cap * 2 + 1);
        if (!bigger) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    int bad = ferror(fp);
    fclose(fp);
    if (!buf || bad) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 5) {
        fprintf(stderr, "usage: mutate FILE FIND [REPLACE OUT]\n");
        return 2;
    }
    size_t len;
    char *text = read_all(argv[1], &len);
    char *find = unescape(argv[2]);
    if (!text || !find || !find[0]) {
        fprintf(stderr, "mutate: cannot read %s, or nothing to find\n", argv[1]);
        return 2;
    }
    size_t flen = strlen(find), count = 0;
    const char *at = NULL;
    for (const char *p = strstr(text, find); p; p = strstr(p + 1, find)) {
        if (!at)
            at = p;
        count++;
    }
    if (count != 1) {
        printf("%zu\n", count);
        return 1;
    }
    if (argc == 3)
        return 0;
    char *repl = unescape(argv[3]);
    FILE *out = repl ? fopen(argv[4], "wb") : NULL;
    if (!out) {
        fprintf(stderr, "mutate: cannot write %s\n", argv[4]);
        return 2;
    }
    size_t before = (size_t)(at - text);
    fwrite(text, 1, before, out);
    fputs(repl, out);
    fwrite(at + flen, 1, len - before - flen, out);
    if (fclose(out) != 0) {
        fprintf(stderr, "mutate: cannot write %s\n", argv[4]);
        return 2;
    }
    free(repl);
    free(find);
    free(text);
    return 0;
}
