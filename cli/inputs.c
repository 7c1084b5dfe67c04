/* cli/inputs.c — collects the profiles to check from files and directories (sorted, no loops, nothing skipped silently), and reads them with a size limit. */
#define _DEFAULT_SOURCE /* d_type and DT_* in <dirent.h> (glibc, musl, the BSDs) */
#include "inputs.h"

#include "base/file.h"

#include <dirent.h>
#include <stdbool.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(DT_REG) && defined(DT_DIR)
#define ENTRY_TYPE(e) ((e)->d_type)
#else
#define ENTRY_TYPE(e) 0 /* unknown: every entry is stat'ed */
#define DT_REG 1
#define DT_DIR 2
#endif

/* The paths listed before the current sc_inputs_add call, so that push() finds a path given
 * twice without comparing it with every path before it (a shell glob of 10,000 profiles). The
 * paths one call adds are distinct by construction (one directory's names, under distinct
 * directories), so they are looked up only against earlier calls' paths, and a single directory
 * needs no table at all. An open-addressing table of item indexes + 1, kept beside the list and
 * rebuilt when it describes another list. */
static struct {
    const sc_inputs *owner;
    size_t count;       /* owner->items[0 .. count) are in the table */
    uint32_t *slots;
    size_t mask;
} seen;

static size_t path_hash(const char *s)
{
    uint64_t h = 14695981039346656037ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return (size_t)h;
}

static void seen_forget(void)
{
    free(seen.slots);
    memset(&seen, 0, sizeof seen);
}

/* The slot holding `path`, or the empty slot where it would go. */
static size_t seen_slot(const sc_inputs *in, const char *path)
{
    size_t i = path_hash(path) & seen.mask;
    while (seen.slots[i] && strcmp(in->items[seen.slots[i] - 1].path, path) != 0)
        i = (i + 1) & seen.mask;
    return i;
}

/* Make the table hold exactly in->items[0 .. upto); -1 when out of memory. */
static int seen_sync(const sc_inputs *in, size_t upto)
{
    if (seen.owner != in || seen.count > upto) {
        seen_forget();
        seen.owner = in;
    }
    if (upto >= UINT32_MAX / 2)
        return -1;
    if (!seen.slots || upto * 2 > seen.mask + 1) {
        size_t cap = 64;
        while (cap < upto * 2)
            cap *= 2;
        uint32_t *slots = calloc(cap, sizeof *slots);
        if (!slots)
            return -1;
        free(seen.slots);
        seen.slots = slots;
        seen.mask = cap - 1;
        seen.count = 0;
    }
    for (; seen.count < upto; seen.count++)
        seen.slots[seen_slot(in, in->items[seen.count].path)] = (uint32_t)seen.count + 1;
    return 0;
}

/* Add a path the list takes over (malloc'd; freed here when it is listed already), unless one of
 * the first `before` items has it. */
static int push_owned(sc_inputs *in, char *path, const char *problem, size_t before)
{
    if (!path)
        return -1;
    if (before) {
        if (seen_sync(in, before) != 0) {
            free(path);
            return -1;
        }
        if (seen.slots[seen_slot(in, path)]) {
            free(path);
            return 0;
        }
    }
    if (in->len == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 16;
        sc_input *items = realloc(in->items, cap * sizeof *items);
        if (!items) {
            free(path);
            return -1;
        }
        in->items = items;
        in->cap = cap;
    }
    in->items[in->len++] = (sc_input){path, problem};
    return 0;
}

static int push(sc_inputs *in, const char *path, const char *problem, size_t before)
{
    return push_owned(in, strdup(path), problem, before);
}

static bool is_profile_name(const char *name)
{
    size_t n = strlen(name);
    return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) || (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct dir_stack {
    dev_t dev;
    ino_t ino;
    const struct dir_stack *up;
} dir_stack;

/* Adds the profiles below dir; returns how many inputs it added, or -1 when out of memory. */
static long add_dir(sc_inputs *in, const char *dir, const dir_stack *up, size_t before)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return push(in, dir, strerror(errno), before) == 0 ? 1 : -1;
    for (const dir_stack *s = up; s; s = s->up)
        if (s->dev == st.st_dev && s->ino == st.st_ino)
            return push(in, dir, "directory loops back to a directory above it (symbolic link); not followed", before) == 0 ? 1 : -1;
    dir_stack here = {st.st_dev, st.st_ino, up};
    DIR *d = opendir(dir);
    if (!d)
        return push(in, dir, strerror(errno), before) == 0 ? 1 : -1;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    long rc = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ., .., and hidden files such as .git */
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                rc = -1;
                break;
            }
            names = nn;
        }
        /* the path, its NUL, then the entry's type from readdir (d_type) in the byte after it: a
         * regular file or a directory needs no stat of its own */
        size_t dlen = strlen(dir), elen = strlen(e->d_name);
        bool slash = dir[dlen - 1] != '/';
        names[n] = malloc(dlen + slash + elen + 2);
        if (!names[n]) {
            rc = -1;
            break;
        }
        memcpy(names[n], dir, dlen);
        names[n][dlen] = '/';
        memcpy(names[n] + dlen + slash, e->d_name, elen + 1);
        names[n][dlen + slash + elen + 1] = (char)ENTRY_TYPE(e);
        n++;
    }
    closedir(d);
    if (rc == 0 && n > 0)
        qsort(names, n, sizeof *names, cmp_str);
    long added = 0;
    for (size_t i = 0; i < n; i++) {
        if (rc == 0) {
            struct stat es;
            const char *base = strrchr(names[i], '/') + 1;
            unsigned char type = (unsigned char)base[strlen(base) + 1];
            if (type == DT_REG) {
                /* not a symbolic link: what stat would say */
                if (is_profile_name(base)) {
                    rc = push_owned(in, names[i], NULL, before);
                    names[i] = NULL;
                    added++;
                }
            } else if (type == DT_DIR) {
                long k = add_dir(in, names[i], &here, before);
                if (k < 0)
                    rc = -1;
                else
                    added += k;
            } else if (stat(names[i], &es) != 0) { /* a symbolic link, or a file system without d_type */
                if (is_profile_name(base)) {
                    rc = push_owned(in, names[i], strerror(errno), before);
                    names[i] = NULL;
                    added++;
                }
            } else if (S_ISDIR(es.st_mode)) {
                long k = add_dir(in, names[i], &here, before);
                if (k < 0)
                    rc = -1;
                else
                    added += k;
            } else if (is_profile_name(base)) {
                rc = push_owned(in, names[i], NULL, before);
                names[i] = NULL;
                added++;
            }
        }
        free(names[i]);
    }
    free(names);
    if (rc != 0)
        return -1;
    return added;
}

int sc_inputs_add(sc_inputs *in, const char *path)
{
    size_t before = in->len;
    if (strcmp(path, "-") == 0)
        return push(in, "-", NULL, before);
    struct stat st;
    if (stat(path, &st) != 0)
        return push(in, path, errno == ENOENT ? "no such file or directory" : strerror(errno), before);
    if (S_ISDIR(st.st_mode)) {
        long k = add_dir(in, path, NULL, before);
        if (k < 0)
            return -1;
        if (k == 0)
            return push(in, path, "directory holds no profiles (*.yaml or *.yml)", before);
        return 0;
    }
    return push(in, path, NULL, before);
}

void sc_inputs_free(sc_inputs *in)
{
    if (seen.owner == in)
        seen_forget();
    for (size_t i = 0; i < in->len; i++)
        free(in->items[i].path);
    free(in->items);
    in->items = NULL;
    in->len = in->cap = 0;
}

int sc_read_input(const char *path, size_t max_bytes, char **text, size_t *len, const char **why)
{
    FILE *fp = strcmp(path, "-") == 0 ? stdin : sc_fopen_regular(path, why);
    if (!fp)
        return -1;
    int rc = sc_read_stream(fp, max_bytes, text, len, why);
    if (fp != stdin)
        fclose(fp);
    return rc;
}

int sc_read_input_into(const char *path, size_t max_bytes, char **buf, size_t *cap, size_t *len, const char **why)
{
    if (strcmp(path, "-") == 0) {
        char *text;
        int rc = sc_read_input(path, max_bytes, &text, len, why);
        if (rc == 0) {
            free(*buf);
            *buf = text;
            *cap = *len + 1;
        }
        return rc;
    }
    int fd = sc_open_regular(path, why);
    if (fd < 0)
        return -1;
    size_t n = 0;
    int rc = 0;
    for (;;) {
        if (*cap - n < 2) { /* room for a byte more and the NUL */
            size_t ncap = *cap ? *cap * 2 : 65536;
            char *nb = realloc(*buf, ncap);
            if (!nb) {
                *why = "out of memory";
                rc = -1;
                break;
            }
            *buf = nb;
            *cap = ncap;
        }
        /* at most one byte past the limit: enough to know the file is too large */
        size_t want = *cap - n - 1;
        if (want > max_bytes + 1 - n)
            want = max_bytes + 1 - n;
        ssize_t got = read(fd, *buf + n, want);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            *why = errno == EISDIR ? "is a directory" : "read error";
            rc = -1;
            break;
        }
        n += (size_t)got;
        if (n > max_bytes) {
            *why = "file is too large";
            rc = -2;
            break;
        }
        if (got == 0)
            break;
    }
    close(fd);
    if (rc == 0) {
        (*buf)[n] = '\0';
        *len = n;
    }
    return rc;
}
