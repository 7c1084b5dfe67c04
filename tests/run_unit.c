/* tests/run_unit.c — runs every Check suite in tests/unit (the list is generated from the sources by the Makefile). */
#include <check.h>
#include <stdlib.h>

#define SC_SUITE(name) Suite *name(void);
#include "suites.h"
#undef SC_SUITE

int main(void)
{
    SRunner *sr = srunner_create(NULL);
#define SC_SUITE(name) srunner_add_suite(sr, name());
#include "suites.h"
#undef SC_SUITE
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
