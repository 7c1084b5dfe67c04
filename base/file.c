/* base/file.c — reads a whole stream into memory, refusing more than a limit as soon as it is passed. */
#include "file.h"

#include <errno.h>
#include <stdlib.h>

int sc_read_stream(FILE *fp, size_t max_bytes, char **text, size_t *len, const char **why)
{
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap + 1);
    int rc = 0;
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (n > max_bytes) {
            rc = -2;
            *why = "file is too large";
            break;
        }
        if (got == 0) {
            if (ferror(fp)) {
                rc = -1;
                *why = errno == EISDIR ? "is a directory" : "read error";
            }
            break;
        }
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    if (!buf) {
        *why = "out of memory";
        return -1;
    }
    if (rc != 0) {
        free(buf);
        return rc;
    }
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return 0;
}
