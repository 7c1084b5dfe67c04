/* cli/parallel.h — an ordered parallel loop: N items worked on by J threads, each item's result handed back on the calling thread in item order, through a ring of slots (16 a thread, at most 512 but at least 2 a thread). */
#ifndef SC_PARALLEL_H
#define SC_PARALLEL_H

#include <stddef.h>

/* What the loop calls. Slots are caller-defined blocks of `slot_size` bytes, zeroed once and
 * reused: an item's `work` fills the slot, `emit` takes it on the calling thread, in item order,
 * before the slot is given to a later item. 16 × jobs slots exist (at most 512, but at least
 * 2 × jobs), so memory does not grow with the number of items.
 *
 *   worker_init  per worker, on the worker's thread, before its first item: returns its state
 *                (NULL: out of memory; the loop then has one worker fewer, or fails if none is left)
 *   work         item `index` into `slot`, on a worker's thread; workers share nothing else
 *   worker_fini  per worker, on its thread, after its last item
 *   emit         on the calling thread, for index 0, 1, 2, ... in turn
 *   slot_free    frees what a slot holds, at the end */
typedef struct sc_par_ops {
    void *ctx;
    size_t slot_size;
    void *(*worker_init)(void *ctx);
    void (*work)(void *worker, size_t index, void *slot);
    void (*worker_fini)(void *worker);
    void (*emit)(void *ctx, size_t index, void *slot);
    void (*slot_free)(void *slot);
} sc_par_ops;

/* Run items 0 .. n-1 with up to `jobs` threads (1: on the calling thread, no threads at all).
 * Returns 0, or -1 when nothing could be set up (out of memory); then no item was emitted. */
int sc_par_run(size_t n, unsigned jobs, const sc_par_ops *ops);

/* The number of online cores, at least 1. */
unsigned sc_par_cores(void);

#endif
