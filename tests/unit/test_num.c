/* tests/unit/test_num.c — the number writer and reader of base/num.c: shortest round-trip texts, exact reading, and both checked against the C library's in the C locale. */
#include <check.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/num.h"

Suite *suite_num(void);

/* the same double, to the bit: -0 is not 0 */
static bool same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static double from_bits(uint64_t u)
{
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

/* a reproducible stream of 64-bit numbers (splitmix64) */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* What the C library calls shortest: the fewest significant digits p for which "%.*e" with p - 1 reads back
 * through strtod. Fills digits (without point, sign or trailing zeros) and the exponent of the first digit. */
static void libc_shortest(double v, char *digits, int *exp10)
{
    char buf[64];
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, fabs(v));
        if (strtod(buf, NULL) == fabs(v))
            break;
    }
    size_t n = 0;
    const char *s = buf;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9')
            digits[n++] = *s;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    *exp10 = atoi(s + 1);
}

/* The same from our text: "0.00125" gives "125" and -3, "1.5e+300" gives "15" and 300. */
static void our_digits(const char *text, char *digits, int *exp10)
{
    size_t n = 0;
    int point = -1, lead = 0;
    int seen = 0;
    const char *s = text;
    for (; *s && *s != 'e'; s++) {
        if (*s == '.') {
            point = seen;
            continue;
        }
        if (*s < '0' || *s > '9')
            continue;
        if (n == 0 && *s == '0') {
            seen++;
            lead++;
            continue;
        }
        digits[n++] = *s;
        seen++;
    }
    if (point < 0)
        point = seen;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    if (n == 0)
        digits[n++] = '0';
    digits[n] = '\0';
    *exp10 = point - lead - 1 + (*s == 'e' ? atoi(s + 1) : 0);
}

/* sc_num_format writes `expect` for v, and the text reads back to v (where sc_num_parse reads that range). */
static void assert_writes(double v, const char *expect)
{
    char buf[SC_NUM_BUF];
    size_t len = sc_num_format(buf, sizeof buf, v);
    ck_assert_str_eq(buf, expect);
    ck_assert_uint_eq(len, strlen(expect));
    if (fabs(v) < 1e15) {
        double back = 1234;
        bool whole = false;
        ck_assert_int_eq(sc_num_parse(buf, len, &back, &whole), 0);
        ck_assert_msg(same_double(back, v), "%s reads back as another double", buf);
        ck_assert(whole == (strchr(buf, '.') == NULL));
    }
    ck_assert_msg(same_double(strtod(buf, NULL), v), "strtod reads %s as another double", buf);
}

START_TEST(test_round_trip_cases)
{
    assert_writes(0, "0");
    assert_writes(-0.0, "-0");
    assert_writes(1, "1");
    assert_writes(75, "75");
    assert_writes(-3, "-3");
    assert_writes(0.1, "0.1");
    assert_writes(0.3, "0.3");
    assert_writes(0.1 + 0.2, "0.30000000000000004");
    assert_writes(72.5, "72.5");
    assert_writes(72.55, "72.55");
    assert_writes(-72.55, "-72.55");
    assert_writes(69.99, "69.99");
    assert_writes(1e-7, "0.0000001");
    assert_writes(1.5e-10, "0.00000000015");
    assert_writes(0.12345678901, "0.12345678901");
    assert_writes(0.12345678902, "0.12345678902");
    assert_writes(1.0 / 3, "0.3333333333333333");
    assert_writes(2.0 / 3, "0.6666666666666666");
    assert_writes(100.0 / 7, "14.285714285714286");
    assert_writes(123456789012.5, "123456789012.5");
    assert_writes(999999999999999, "999999999999999");
    assert_writes(999999999999999.9, "999999999999999.9");
    assert_writes(9007199254740993.0, "9007199254740992"); /* 2^53 + 1 is no double */
    assert_writes(1e15, "1000000000000000");
    assert_writes(1e20, "100000000000000000000");
    assert_writes(1.2345678901234568e20, "123456789012345680000");
    assert_writes(1e21, "1e+21");
    assert_writes(1.5e300, "1.5e+300");
    assert_writes(DBL_MAX, "1.7976931348623157e+308");
    assert_writes(-DBL_MAX, "-1.7976931348623157e+308");
    char expect[SC_NUM_BUF] = "0.";
    memset(expect + 2, '0', 307);
    strcpy(expect + 309, "22250738585072014");
    assert_writes(DBL_MIN, expect); /* 2.2250738585072014e-308, written out */
    char buf[SC_NUM_BUF];
    size_t len = sc_num_format(buf, sizeof buf, 4.9406564584124654e-324); /* the smallest double */
    ck_assert_uint_eq(len, 2 + 323 + 1);
    ck_assert_str_eq(buf + len - 3, "005");
    ck_assert(same_double(strtod(buf, NULL), 4.9406564584124654e-324));
    ck_assert_uint_lt(sc_num_format(buf, sizeof buf, -2.2250738585072009e-308), SC_NUM_BUF); /* 17 digits, far down */
    assert_writes(NAN, "nan");
    assert_writes(INFINITY, "inf");
    assert_writes(-INFINITY, "-inf");
}
END_TEST

START_TEST(test_format_bounded)
{
    char buf[8];
    ck_assert_uint_eq(sc_num_format(buf, sizeof buf, 0.12345678901), 13);
    ck_assert_str_eq(buf, "0.12345"); /* cut, like snprintf, and always ended */
    ck_assert_uint_eq(sc_num_format(NULL, 0, 72.5), 4);
    buf[0] = 'x';
    ck_assert_uint_eq(sc_num_format(buf, 1, 72.5), 4);
    ck_assert_int_eq(buf[0], '\0');
}
END_TEST

START_TEST(test_fixed)
{
    static const struct {
        double v;
        unsigned decimals;
        const char *text;
    } cases[] = {
        {66.66, 1, "66.7"}, {50, 1, "50.0"},   {0, 1, "0.0"},     {100, 1, "100.0"}, {99.96, 1, "100.0"},
        {0.04, 1, "0.0"},   {-0.04, 1, "-0.0"}, {0.25, 1, "0.2"},  {0.35, 1, "0.3"},  {2.5, 0, "2"},
        {3.5, 0, "4"},      {0.5, 0, "0"},     {1e-7, 3, "0.000"}, {72.55, 2, "72.55"}, {1.0 / 3, 5, "0.33333"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[SC_NUM_BUF], libc[400];
        sc_num_format_fixed(buf, sizeof buf, cases[i].v, cases[i].decimals);
        ck_assert_str_eq(buf, cases[i].text);
        snprintf(libc, sizeof libc, "%.*f", (int)cases[i].decimals, cases[i].v);
        ck_assert_str_eq(buf, libc);
    }
    uint64_t state = 7;
    for (int i = 0; i < 20000; i++) {
        double v = (double)(next_random(&state) % 2000001) / 20000.0; /* 0 to 100, ties included */
        unsigned decimals = (unsigned)(next_random(&state) % 4);
        char buf[SC_NUM_BUF], libc[400];
        sc_num_format_fixed(buf, sizeof buf, v, decimals);
        snprintf(libc, sizeof libc, "%.*f", (int)decimals, v);
        ck_assert_str_eq(buf, libc);
    }
}
END_TEST

/* reads `text` as the double `v` (bit for bit) and as whole or not */
static void assert_reads(const char *text, double v, bool whole)
{
    double got = 1234;
    bool got_whole = !whole;
    ck_assert_int_eq(sc_num_parse(text, strlen(text), &got, &got_whole), 0);
    ck_assert_msg(same_double(got, v), "'%s' read as %.17g, not %.17g", text, got, v);
    ck_assert(got_whole == whole);
}

START_TEST(test_parse)
{
    assert_reads("0", 0, true);
    assert_reads("-0", -0.0, true);
    assert_reads("007", 7, true);
    assert_reads("72.55", 72.55, false);
    assert_reads("0.1", 0.1, false);
    assert_reads("0.12345678901", 0.12345678901, false);
    assert_reads("0.12345678902", 0.12345678902, false);
    assert_reads("0.0000001", 1e-7, false);
    assert_reads("999999999999999.9", 999999999999999.9, false);
    assert_reads("0.30000000000000004", 0.30000000000000004, false);
    /* from 2^49 on, doubles are 0.125 apart: ties go to the even one */
    assert_reads("562949953421312.0625", 562949953421312.0, false);
    assert_reads("562949953421312.1875", 562949953421312.25, false);
    assert_reads("562949953421312.0625000000000000000000000001", 562949953421312.125, false); /* just above */
    assert_reads("2.675", 2.675, false);
    double v;
    bool whole;
    ck_assert_int_eq(sc_num_parse("", 0, &v, &whole), -1);
    ck_assert_int_eq(sc_num_parse("-", 1, &v, &whole), -1);
    ck_assert_int_eq(sc_num_parse("1.", 2, &v, &whole), -1);
    ck_assert_int_eq(sc_num_parse(".5", 2, &v, &whole), -1);
    ck_assert_int_eq(sc_num_parse("+5", 2, &v, &whole), -1);
    ck_assert_int_eq(sc_num_parse("1e5", 3, &v, &whole), -1);
    ck_assert_int_eq(sc_num_parse(" 5", 2, &v, &whole), -1);
    ck_assert_int_eq(sc_num_parse("5 ", 2, &v, &whole), -1);
    ck_assert_int_eq(sc_num_parse("1000000000000000", 16, &v, &whole), -2);
    ck_assert_int_eq(sc_num_parse("999999999999999.99999", 21, &v, &whole), -2); /* rounds to 1e15 */
    ck_assert_int_eq(sc_num_parse("00000000000000000000000000000000001", 35, &v, &whole), 0);
    ck_assert(v == 1);
    v = 0;
    whole = true;
    ck_assert_int_eq(sc_num_parse("72,5", 4, &v, &whole), -3);
    ck_assert(v == 72.5 && !whole);
    ck_assert_int_eq(sc_num_parse("72,", 3, &v, &whole), -1);
    ck_assert_int_eq(sc_num_parse("1000000000000000,5", 18, &v, &whole), -2);
}
END_TEST

/* digits beyond what a double holds still decide: a long tail just above or below a midpoint */
START_TEST(test_parse_long)
{
    char text[2000];
    /* 0.1 followed by 1500 more digits of its exact binary value's neighbourhood: strtod is the judge */
    uint64_t state = 99;
    for (int round = 0; round < 200; round++) {
        size_t n = 0;
        int int_digits = (int)(next_random(&state) % 16);
        if (!int_digits)
            text[n++] = '0';
        for (int k = 0; k < int_digits; k++)
            text[n++] = (char)('0' + (k == 0 ? 1 + next_random(&state) % 9 : next_random(&state) % 10));
        text[n++] = '.';
        size_t frac = 1 + next_random(&state) % 1500;
        for (size_t k = 0; k < frac; k++)
            text[n++] = (char)('0' + next_random(&state) % 10);
        text[n] = '\0';
        double ours = 0;
        bool whole;
        int rc = sc_num_parse(text, n, &ours, &whole);
        ck_assert_int_eq(rc, 0);
        ck_assert_msg(same_double(ours, strtod(text, NULL)), "%.60s... (%zu digits) is read otherwise than by strtod",
                      text, n);
    }
    /* the exact midpoint between 1 and the next double, then a hair above it after 900 zeros */
    const char *mid = "1.00000000000000011102230246251565404236316680908203125";
    size_t n = strlen(mid);
    memcpy(text, mid, n);
    double v;
    bool whole;
    text[n] = '\0';
    ck_assert_int_eq(sc_num_parse(text, n, &v, &whole), 0);
    ck_assert(v == 1.0); /* a tie: to even */
    for (int k = 0; k < 900; k++)
        text[n++] = '0';
    text[n++] = '1';
    text[n] = '\0';
    ck_assert_int_eq(sc_num_parse(text, n, &v, &whole), 0);
    ck_assert(v == nextafter(1.0, 2.0));
}
END_TEST

/* Our shortest text has the same digits as the C library's shortest "%.*e" (the C locale is in force here), and
 * both read back; for numbers like the rules' and for any bit pattern. */
static void assert_like_libc(double v)
{
    char buf[SC_NUM_BUF], ours[40], theirs[40];
    int our_exp, their_exp;
    sc_num_format(buf, sizeof buf, v);
    our_digits(buf, ours, &our_exp);
    libc_shortest(v, theirs, &their_exp);
    ck_assert_msg(strcmp(ours, theirs) == 0 && our_exp == their_exp, "%.17g: ours %s, C library %se%d", v, buf, theirs,
                  their_exp);
    ck_assert_msg(same_double(strtod(buf, NULL), v), "%s does not read back", buf);
    if (fabs(v) < 1e15) {
        double back;
        bool whole;
        ck_assert_int_eq(sc_num_parse(buf, strlen(buf), &back, &whole), 0);
        ck_assert_msg(same_double(back, v), "%s reads back otherwise", buf);
    }
}

START_TEST(test_like_libc)
{
    uint64_t state = 12;
    /* numbers as profiles and rules hold them: a few decimals, percentages, counts */
    for (int i = 0; i < 30000; i++) {
        uint64_t r = next_random(&state);
        double scale = pow(10, (double)(r % 9));
        double v = (double)(next_random(&state) % 100000000) / scale;
        assert_like_libc(v);
        assert_like_libc(v / 100); /* more decimals */
    }
    /* between 1e-12 and 1e16, any bits */
    for (int i = 0; i < 20000; i++) {
        double v = ldexp(0.5 + (double)(next_random(&state) >> 11) * 0x1p-54, (int)(next_random(&state) % 94) - 40);
        assert_like_libc(v);
    }
    /* any finite double at all */
    for (int i = 0; i < 1500; i++) {
        double v = from_bits(next_random(&state));
        if (isfinite(v))
            assert_like_libc(v);
    }
    assert_like_libc(DBL_MAX);
    assert_like_libc(DBL_MIN);
    assert_like_libc(DBL_TRUE_MIN);
    assert_like_libc(nextafter(DBL_MIN, 0));
    assert_like_libc(0x1p-44); /* shortest by precision, not the shortest in the interval */
}
END_TEST

/* A host that sets a locale with a decimal comma changes nothing. */
START_TEST(test_locale_comma)
{
    const char *names[] = {"nl_NL.UTF-8", "nl_NL.utf8", "nl_NL"};
    const char *got = NULL;
    for (size_t i = 0; i < 3 && !got; i++)
        got = setlocale(LC_ALL, names[i]);
    ck_assert_msg(got != NULL, "the locale nl_NL.UTF-8 is not available (LOCPATH=%s): make check makes it in "
                               "build/locale with localedef, which needs the locales package",
                  getenv("LOCPATH") ? getenv("LOCPATH") : "unset");
    ck_assert_str_eq(localeconv()->decimal_point, ","); /* the locale is in force: printf would write 72,55 */
    char buf[SC_NUM_BUF];
    sc_num_format(buf, sizeof buf, 72.55);
    ck_assert_str_eq(buf, "72.55");
    sc_num_format_fixed(buf, sizeof buf, 66.66, 1);
    ck_assert_str_eq(buf, "66.7");
    double v;
    bool whole;
    ck_assert_int_eq(sc_num_parse("72.55", 5, &v, &whole), 0);
    ck_assert(v == 72.55);
    setlocale(LC_ALL, "C");
}
END_TEST

static void back_to_c(void)
{
    setlocale(LC_ALL, "C");
}

Suite *suite_num(void)
{
    Suite *s = suite_create("num");
    TCase *tc = tcase_create("num");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, back_to_c, back_to_c);
    tcase_add_test(tc, test_round_trip_cases);
    tcase_add_test(tc, test_format_bounded);
    tcase_add_test(tc, test_fixed);
    tcase_add_test(tc, test_parse);
    tcase_add_test(tc, test_parse_long);
    tcase_add_test(tc, test_like_libc);
    tcase_add_test(tc, test_locale_comma);
    suite_add_tcase(s, tc);
    return s;
}
