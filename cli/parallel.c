/* cli/parallel.c — the ordered parallel loop: workers claim items in order, fill ring slots, and the calling thread emits the slots in item order. */
#include "parallel.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

/* Item i uses slot i % k. A worker may claim item i only when item i - k has been emitted, so
 * at most k items are in flight or waiting: memory is k slots, whatever n is.
 *
 * k is 16 a worker, at most 512, and never fewer than 2 a worker (so above 256 workers, 2 a worker).
 * The calling thread does not wake for every item: it sleeps until a run of `batch` items from
 * the next one to emit is finished (or the run reaches the last item, or no worker is left), then
 * emits the whole run. With k = 16 slots a worker and batch = k / 2, a run of 10,000 items wakes
 * it a few hundred times instead of 10,000, and the workers rarely wait for a free slot. */
#define PAR_SLOTS_PER_JOB 16u
#define PAR_MAX_SLOTS 512u

typedef struct par {
    const sc_par_ops *ops;
    size_t n, k, batch;
    unsigned char *slots;
    bool *done;          /* per slot: its item is finished and not yet emitted */
    size_t next;         /* the next item to claim */
    size_t emitted;      /* items 0 .. emitted-1 are emitted */
    unsigned alive;      /* workers that may still finish an item */
    bool caller_waits;   /* the caller sleeps on cv_done */
    unsigned free_waiters; /* workers asleep until a slot is emitted */
    pthread_mutex_t mu;
    pthread_cond_t cv_free;  /* slots were emitted: workers may claim further */
    pthread_cond_t cv_done;  /* a run is finished, or a worker stopped: the caller looks */
} par;

static void *slot_at(const par *p, size_t i)
{
    return p->slots + (i % p->k) * p->ops->slot_size;
}

/* How many items from `emitted` on are finished, one after another (under the lock). */
static size_t finished_run(const par *p)
{
    size_t run = 0;
    while (p->emitted + run < p->n && run < p->k && p->done[(p->emitted + run) % p->k])
        run++;
    return run;
}

/* Whether the caller, asleep, should look now (under the lock). */
static bool caller_should_wake(const par *p)
{
    size_t run = finished_run(p);
    return run >= p->batch || (run > 0 && p->emitted + run == p->n) || p->alive == 0;
}

static void *worker_main(void *arg)
{
    par *p = arg;
    void *w = p->ops->worker_init(p->ops->ctx);
    pthread_mutex_lock(&p->mu);
    while (w) {
        while (p->next < p->n && p->next >= p->emitted + p->k) {
            p->free_waiters++;
            pthread_cond_wait(&p->cv_free, &p->mu);
            p->free_waiters--;
        }
        if (p->next >= p->n)
            break;
        size_t i = p->next++;
        pthread_mutex_unlock(&p->mu);
        p->ops->work(w, i, slot_at(p, i));
        pthread_mutex_lock(&p->mu);
        p->done[i % p->k] = true;
        if (p->caller_waits && caller_should_wake(p))
            pthread_cond_signal(&p->cv_done);
    }
    p->alive--;
    pthread_cond_signal(&p->cv_done);
    pthread_mutex_unlock(&p->mu);
    if (w)
        p->ops->worker_fini(w);
    return NULL;
}

/* Items from .. n-1 on the calling thread, one slot. */
static int run_inline(const sc_par_ops *ops, size_t from, size_t n, void *slot)
{
    void *w = ops->worker_init(ops->ctx);
    if (!w)
        return -1;
    for (size_t i = from; i < n; i++) {
        ops->work(w, i, slot);
        ops->emit(ops->ctx, i, slot);
    }
    ops->worker_fini(w);
    return 0;
}

static void free_slots(const sc_par_ops *ops, unsigned char *slots, size_t k)
{
    if (!slots)
        return;
    if (ops->slot_free)
        for (size_t s = 0; s < k; s++)
            ops->slot_free(slots + s * ops->slot_size);
    free(slots);
}

int sc_par_run(size_t n, unsigned jobs, const sc_par_ops *ops)
{
    if (jobs < 1)
        jobs = 1;
    if (jobs > n)
        jobs = n ? (unsigned)n : 1;
    if (jobs == 1) {
        unsigned char *slot = calloc(1, ops->slot_size);
        if (!slot)
            return -1;
        int rc = run_inline(ops, 0, n, slot);
        free_slots(ops, slot, 1);
        return rc;
    }

    size_t k = (size_t)jobs * PAR_SLOTS_PER_JOB;
    if (k > PAR_MAX_SLOTS)
        k = PAR_MAX_SLOTS;
    if (k < (size_t)jobs * 2)
        k = (size_t)jobs * 2;
    par p = {.ops = ops, .n = n, .k = k, .batch = k / 2};
    p.slots = calloc(p.k, ops->slot_size);
    p.done = calloc(p.k, sizeof *p.done);
    pthread_t *tid = calloc(jobs, sizeof *tid);
    if (!p.slots || !p.done || !tid) {
        free(p.slots);
        free(p.done);
        free(tid);
        return -1;
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.cv_free, NULL);
    pthread_cond_init(&p.cv_done, NULL);

    unsigned started = 0;
    pthread_mutex_lock(&p.mu);
    for (unsigned t = 0; t < jobs; t++) {
        if (pthread_create(&tid[started], NULL, worker_main, &p) != 0)
            break;
        started++;
        p.alive++;
    }
    pthread_mutex_unlock(&p.mu);

    int rc = 0;
    for (size_t e = 0; e < n;) {
        pthread_mutex_lock(&p.mu);
        while (!caller_should_wake(&p)) {
            p.caller_waits = true;
            pthread_cond_wait(&p.cv_done, &p.mu);
            p.caller_waits = false;
        }
        size_t run = finished_run(&p);
        pthread_mutex_unlock(&p.mu);
        if (run == 0) {
            /* no worker is left (none started, or none could set up): a worker finishes every item
             * it claims, so items e .. n-1 are unclaimed; do them here */
            rc = run_inline(ops, e, n, slot_at(&p, e));
            break;
        }
        for (size_t i = e; i < e + run; i++)
            ops->emit(ops->ctx, i, slot_at(&p, i));
        pthread_mutex_lock(&p.mu);
        for (size_t i = e; i < e + run; i++)
            p.done[i % p.k] = false;
        e += run;
        p.emitted = e;
        if (p.free_waiters)
            pthread_cond_broadcast(&p.cv_free);
        pthread_mutex_unlock(&p.mu);
    }
    for (unsigned t = 0; t < started; t++)
        pthread_join(tid[t], NULL);

    pthread_cond_destroy(&p.cv_done);
    pthread_cond_destroy(&p.cv_free);
    pthread_mutex_destroy(&p.mu);
    free_slots(ops, p.slots, p.k);
    free(p.done);
    free(tid);
    return rc;
}

unsigned sc_par_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1u : n > 1024 ? 1024u : (unsigned)n;
}
