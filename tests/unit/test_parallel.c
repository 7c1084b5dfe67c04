/* tests/unit/test_parallel.c — the ordered parallel loop (cli/parallel.c): every item worked once and emitted once, in order, from its own slot, whatever the jobs, timing and failing workers. */
#include <check.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

#include "cli/parallel.h"

Suite *suite_parallel(void);

/* What a slot carries from work to emit: the item it was filled for. */
typedef struct slot {
    size_t item;
    unsigned long check;
} slot;

typedef struct run {
    size_t n;
    unsigned *worked;        /* per item: how many times work ran (atomically, under mu) */
    size_t *emitted_order;   /* the items in the order emit saw them */
    size_t nemitted;
    bool emit_in_slot_ok;    /* each emit found the slot filled for its own item */
    unsigned fail_inits;     /* the first this many worker_init calls fail */
    unsigned inits, finis;
    bool slow_odd;           /* odd items take longer, so items finish out of order */
    pthread_mutex_t mu;
} run;

static void *w_init(void *ctx)
{
    run *r = ctx;
    pthread_mutex_lock(&r->mu);
    bool fail = r->inits++ < r->fail_inits;
    pthread_mutex_unlock(&r->mu);
    return fail ? NULL : r;
}

static void w_work(void *worker, size_t index, void *slot_)
{
    run *r = worker;
    slot *s = slot_;
    if (r->slow_odd && index % 2) {
        struct timespec ts = {0, 200000}; /* 0.2 ms */
        nanosleep(&ts, NULL);
    }
    s->item = index;
    s->check = index * 2654435761ul + 1;
    pthread_mutex_lock(&r->mu);
    r->worked[index]++;
    pthread_mutex_unlock(&r->mu);
}

static void w_fini(void *worker)
{
    run *r = worker;
    pthread_mutex_lock(&r->mu);
    r->finis++;
    pthread_mutex_unlock(&r->mu);
}

static void w_emit(void *ctx, size_t index, void *slot_)
{
    run *r = ctx;
    const slot *s = slot_;
    if (s->item != index || s->check != index * 2654435761ul + 1)
        r->emit_in_slot_ok = false;
    r->emitted_order[r->nemitted++] = index;
}

/* Run n items on `jobs` threads and check that each was worked once and emitted once, in order
 * (or, when the loop reports -1 because no worker could set up, that nothing was emitted). */
static void run_and_check_rc(size_t n, unsigned jobs, unsigned fail_inits, bool slow_odd, int want_rc)
{
    run r = {.n = n, .emit_in_slot_ok = true, .fail_inits = fail_inits, .slow_odd = slow_odd};
    r.worked = calloc(n + 1, sizeof *r.worked);
    r.emitted_order = calloc(n + 1, sizeof *r.emitted_order);
    ck_assert_ptr_nonnull(r.worked);
    ck_assert_ptr_nonnull(r.emitted_order);
    pthread_mutex_init(&r.mu, NULL);
    sc_par_ops ops = {.ctx = &r, .slot_size = sizeof(slot), .worker_init = w_init, .work = w_work,
                      .worker_fini = w_fini, .emit = w_emit};
    int rc = sc_par_run(n, jobs, &ops);
    ck_assert_msg(rc == want_rc, "n=%zu jobs=%u fail_inits=%u: rc %d", n, jobs, fail_inits, rc);
    size_t want_emitted = rc == 0 ? n : 0;
    ck_assert_msg(r.nemitted == want_emitted, "n=%zu jobs=%u fail_inits=%u: %zu emitted", n, jobs, fail_inits, r.nemitted);
    for (size_t i = 0; i < want_emitted; i++) {
        ck_assert_msg(r.worked[i] == 1, "n=%zu jobs=%u: item %zu worked %u times", n, jobs, i, r.worked[i]);
        ck_assert_msg(r.emitted_order[i] == i, "n=%zu jobs=%u: emit %zu was item %zu", n, jobs, i, r.emitted_order[i]);
    }
    ck_assert_msg(r.emit_in_slot_ok, "n=%zu jobs=%u: an emit found another item's slot", n, jobs);
    /* every worker that set up is finished; the ones that failed are not */
    ck_assert_uint_eq(r.finis, r.inits - (r.inits < fail_inits ? r.inits : fail_inits));
    pthread_mutex_destroy(&r.mu);
    free(r.worked);
    free(r.emitted_order);
}

static void run_and_check(size_t n, unsigned jobs, unsigned fail_inits, bool slow_odd)
{
    run_and_check_rc(n, jobs, fail_inits, slow_odd, 0);
}

START_TEST(test_every_item_once_in_order)
{
    static const size_t ns[] = {0, 1, 2, 7, 31, 32, 33, 100, 1000};
    static const unsigned jobs[] = {1, 2, 3, 4, 8, 40};
    for (size_t a = 0; a < sizeof ns / sizeof ns[0]; a++)
        for (size_t b = 0; b < sizeof jobs / sizeof jobs[0]; b++)
            run_and_check(ns[a], jobs[b], 0, false);
}
END_TEST

/* Odd items are slow: they finish after later even ones, so the ring fills and runs have gaps. */
START_TEST(test_out_of_order_finishes)
{
    run_and_check(300, 2, 0, true);
    run_and_check(300, 4, 0, true);
    run_and_check(97, 8, 0, true);
}
END_TEST

/* A worker that cannot set up leaves the others to do the work; with none left the caller does it. */
START_TEST(test_failing_workers)
{
    run_and_check(500, 4, 1, false);
    run_and_check(500, 4, 3, true);
    run_and_check(500, 4, 4, false); /* no worker at all: everything on the calling thread */
    run_and_check(10, 2, 2, false);
    /* on one thread (jobs 1, or one item) the loop has nobody else to ask: -1, nothing emitted */
    run_and_check_rc(5, 1, 1, false, -1);
    run_and_check_rc(1, 3, 1, false, -1);
}
END_TEST

Suite *suite_parallel(void)
{
    Suite *s = suite_create("parallel");
    TCase *tc = tcase_create("parallel");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_every_item_once_in_order);
    tcase_add_test(tc, test_out_of_order_finishes);
    tcase_add_test(tc, test_failing_workers);
    suite_add_tcase(s, tc);
    return s;
}
