/* tests/unit/test_util.c — what the unit suites share: a diagnostic sink that keeps what it was told (position, message, hint), one that prints it, the check of a first error, and reading a whole file. */
#include "test_util.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/file.h"

static void keep_diag(void *ctx, const sc_diag *d)
{
    sc_test_diags *r = ctx;
    if (r->nseen >= SC_TEST_MAX_SEEN)
        return;
    r->line[r->nseen] = d->line;
    r->col[r->nseen] = d->col;
    snprintf(r->message[r->nseen], sizeof r->message[0], "%s", d->message);
    snprintf(r->hint[r->nseen], sizeof r->hint[0], "%s", d->hint ? d->hint : "");
    r->nseen++;
}

void sc_test_diags_init(sc_test_diags *d)
{
    memset(d, 0, sizeof *d);
    sc_diag_sink_init(&d->sink, keep_diag, d, 0);
}

void sc_test_print_diag(void *ctx, const sc_diag *d)
{
    (void)ctx;
    fprintf(stderr, "%s:%u:%u: %s\n", d->file, d->line, d->col, d->message);
}

void sc_test_assert_first_at(const sc_test_diags *r, unsigned line, unsigned col, const char *fragment)
{
    ck_assert_uint_ge(r->nseen, 1);
    ck_assert_msg(r->line[0] == line && r->col[0] == col, "expected %u:%u, got %u:%u (%s)", line, col, r->line[0],
                  r->col[0], r->message[0]);
    ck_assert_msg(strstr(r->message[0], fragment), "message '%s' lacks '%s'", r->message[0], fragment);
}

char *sc_test_read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    char *text = NULL;
    const char *why;
    int rc = sc_read_stream(fp, SIZE_MAX, &text, len, &why);
    fclose(fp);
    return rc == 0 ? text : NULL;
}
