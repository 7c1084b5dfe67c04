/* tests/unit/test_arena.c — the arena: aligned bump allocation, the cap, and what a reset between profiles keeps and gives back. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"

Suite *suite_arena(void);

START_TEST(test_alignment_and_distinct)
{
    sc_arena a;
    sc_arena_init(&a, 0);
    char *prev = NULL;
    for (size_t n = 0; n < 300; n++) {
        char *p = sc_arena_alloc(&a, n % 37);
        ck_assert_ptr_nonnull(p);
        ck_assert_uint_eq((uintptr_t)p % SC_ARENA_ALIGN, 0);
        memset(p, 0xab, n % 37); /* writable; ASan and valgrind see an overrun */
        ck_assert(p != prev);
        prev = p;
    }
    sc_arena_free(&a);
}
END_TEST

/* A batch loop: a reset keeps a block, the block grows to fit a profile within a round or two, and
 * from then on every profile gets the same memory and the arena stops growing. */
START_TEST(test_reset_keeps_a_block)
{
    sc_arena a;
    sc_arena_init(&a, 0);
    for (int i = 0; i < 100; i++)
        ck_assert_ptr_nonnull(sc_arena_alloc(&a, 1000)); /* 100 KB over several blocks */
    size_t grown = a.used_bytes;
    ck_assert_uint_gt(grown, 100000);
    sc_arena_reset(&a);
    size_t kept = a.used_bytes;
    ck_assert_uint_gt(kept, 0);
    ck_assert_uint_lt(kept, grown);
    ck_assert_ptr_nonnull(sc_arena_alloc(&a, 1000));
    ck_assert_uint_eq(a.used_bytes, kept); /* taken from the kept block, no new one */
    char *first = NULL;
    size_t steady = 0;
    for (int round = 0; round < 20; round++) {
        sc_arena_reset(&a);
        char *p = sc_arena_alloc(&a, 1000);
        ck_assert_ptr_nonnull(p);
        for (int i = 0; i < 100; i++)
            ck_assert_ptr_nonnull(sc_arena_alloc(&a, 1000));
        if (round == 2) {
            first = p;
            steady = a.used_bytes;
        } else if (round > 2) {
            ck_assert_ptr_eq(p, first);            /* the same memory, profile after profile */
            ck_assert_uint_eq(a.used_bytes, steady); /* one block that holds a whole profile */
        }
    }
    ck_assert_uint_le(steady, (size_t)256 * 1024);
    sc_arena_free(&a);
}
END_TEST

/* One huge input does not leave a huge block behind for the rest of the run. */
START_TEST(test_reset_gives_back_a_huge_block)
{
    sc_arena a;
    sc_arena_init(&a, 0);
    ck_assert_ptr_nonnull(sc_arena_alloc(&a, 100));
    ck_assert_ptr_nonnull(sc_arena_alloc(&a, (size_t)4 << 20)); /* 4 MB */
    ck_assert_uint_gt(a.used_bytes, (size_t)4 << 20);
    sc_arena_reset(&a);
    ck_assert_uint_le(a.used_bytes, (size_t)256 * 1024);
    ck_assert_ptr_nonnull(sc_arena_alloc(&a, 100));
    /* only a huge block: nothing is kept, and the arena works on */
    sc_arena_reset(&a);
    sc_arena b;
    sc_arena_init(&b, 0);
    ck_assert_ptr_nonnull(sc_arena_alloc(&b, (size_t)2 << 20));
    sc_arena_reset(&b);
    ck_assert_uint_eq(b.used_bytes, 0);
    ck_assert_ptr_null(b.head);
    ck_assert_ptr_nonnull(sc_arena_alloc(&b, 10));
    sc_arena_free(&b);
    sc_arena_free(&a);
}
END_TEST

/* A capped arena refuses past its cap, and after a reset the same allocations succeed again. */
START_TEST(test_cap_across_resets)
{
    sc_arena a;
    sc_arena_init(&a, 64 * 1024);
    for (int round = 0; round < 3; round++) {
        size_t got = 0;
        while (sc_arena_alloc(&a, 1024))
            got += 1024;
        ck_assert_uint_le(got, 64 * 1024);
        ck_assert_uint_ge(got, 32 * 1024);
        ck_assert_uint_le(a.used_bytes, 64 * 1024);
        ck_assert_ptr_null(sc_arena_alloc(&a, 128 * 1024));
        sc_arena_reset(&a);
    }
    sc_arena_free(&a);
}
END_TEST

Suite *suite_arena(void)
{
    Suite *s = suite_create("arena");
    TCase *tc = tcase_create("arena");
    tcase_add_test(tc, test_alignment_and_distinct);
    tcase_add_test(tc, test_reset_keeps_a_block);
    tcase_add_test(tc, test_reset_gives_back_a_huge_block);
    tcase_add_test(tc, test_cap_across_resets);
    suite_add_tcase(s, tc);
    return s;
}
