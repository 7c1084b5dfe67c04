/* base/num.c — the shortest round-trip decimal for a double, and a correctly rounded decimal reader, both exact and free of the locale. */
#include "num.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/*
 * Why not printf and strtod: both follow LC_NUMERIC, so a host program that calls setlocale(LC_ALL,
 * "nl_NL.UTF-8") would get "72,55" in a JSON report, and "%.10g" drops digits the rules may hold. A "C"
 * locale through newlocale/uselocale would fix the first, but it is a per-thread switch with its own failure
 * path around every number. So the digits are made here, exactly:
 *
 *  - writing: a double is m * 2^e with integer m; its exact decimal digits are those of m * 2^e (e >= 0) or
 *    of m * 5^-e with the point -e places from the right (e < 0). They are rounded to 1, 2, ... 17
 *    significant digits (to nearest, a tie to even), and the first that reads back to the same double wins.
 *    Most numbers here are percentages and counts: a short path finds those without big numbers (see
 *    num_short).
 *  - reading: digits and a power of ten; when the digits fit in 53 bits and the power is at most 22, one
 *    division or multiplication of exact doubles is the correctly rounded result (Clinger's fast path). Else
 *    the quotient of big integers is computed to 55 bits and more, and rounded from its remainder.
 */

/* --- big unsigned integers, just enough for the above -------------------------------------------------------- */

/* The largest numbers: a reader's quotient of up to 801 digits over 10^1125 (3,740 bits) shifted by 56 bits;
 * a writer's m * 5^1074 (2,548 bits). 4,160 bits hold both. */
#define NUM_LIMBS 130

typedef struct {
    uint32_t w[NUM_LIMBS]; /* least significant first */
    unsigned n;            /* limbs in use; w[n - 1] != 0, or n == 0 for zero */
} num_big;

static void big_set(num_big *a, uint64_t v)
{
    a->n = 0;
    while (v) {
        a->w[a->n++] = (uint32_t)v;
        v >>= 32;
    }
}

static void big_mul_small(num_big *a, uint32_t m)
{
    uint64_t carry = 0;
    for (unsigned i = 0; i < a->n; i++) {
        uint64_t t = (uint64_t)a->w[i] * m + carry;
        a->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry && a->n < NUM_LIMBS)
        a->w[a->n++] = (uint32_t)carry;
}

static void big_add_small(num_big *a, uint32_t v)
{
    uint64_t carry = v;
    for (unsigned i = 0; i < a->n && carry; i++) {
        uint64_t t = (uint64_t)a->w[i] + carry;
        a->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry && a->n < NUM_LIMBS)
        a->w[a->n++] = (uint32_t)carry;
}

static void big_mul_pow5(num_big *a, unsigned e)
{
    for (; e >= 13; e -= 13)
        big_mul_small(a, 1220703125u); /* 5^13, the largest power of five below 2^32 */
    uint32_t m = 1;
    while (e--)
        m *= 5;
    big_mul_small(a, m);
}

static void big_shl(num_big *a, unsigned bits)
{
    if (!a->n)
        return;
    unsigned limbs = bits / 32, b = bits % 32;
    unsigned n = a->n + limbs + 1;
    if (n > NUM_LIMBS)
        n = NUM_LIMBS; /* not reached: the callers stay within NUM_LIMBS (see above) */
    for (unsigned i = n; i-- > 0;) {
        uint64_t hi = i >= limbs && i - limbs < a->n ? a->w[i - limbs] : 0;
        uint64_t lo = i >= limbs + 1 && i - limbs - 1 < a->n ? a->w[i - limbs - 1] : 0;
        a->w[i] = b ? (uint32_t)((hi << b) | (lo >> (32 - b))) : (uint32_t)hi;
    }
    a->n = n;
    while (a->n && !a->w[a->n - 1])
        a->n--;
}

static void big_shr1(num_big *a)
{
    for (unsigned i = 0; i < a->n; i++)
        a->w[i] = (a->w[i] >> 1) | (i + 1 < a->n ? a->w[i + 1] << 31 : 0);
    while (a->n && !a->w[a->n - 1])
        a->n--;
}

static int big_cmp(const num_big *a, const num_big *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (unsigned i = a->n; i-- > 0;)
        if (a->w[i] != b->w[i])
            return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

/* a -= b, with a >= b */
static void big_sub(num_big *a, const num_big *b)
{
    int64_t borrow = 0;
    for (unsigned i = 0; i < a->n; i++) {
        int64_t t = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
        borrow = t < 0;
        a->w[i] = (uint32_t)(t + (borrow ? (int64_t)1 << 32 : 0));
    }
    while (a->n && !a->w[a->n - 1])
        a->n--;
}

static unsigned big_bits(const num_big *a)
{
    if (!a->n)
        return 0;
    unsigned bits = (a->n - 1) * 32;
    for (uint32_t top = a->w[a->n - 1]; top; top >>= 1)
        bits++;
    return bits;
}

/* a /= d; returns the remainder */
static uint32_t big_div_small(num_big *a, uint32_t d)
{
    uint64_t rem = 0;
    for (unsigned i = a->n; i-- > 0;) {
        uint64_t cur = (rem << 32) | a->w[i];
        a->w[i] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    while (a->n && !a->w[a->n - 1])
        a->n--;
    return (uint32_t)rem;
}

/* --- reading ----------------------------------------------------------------------------------------------------- */

static const double num_pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                     1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* The most significant digits a reader keeps: a midpoint between two doubles has at most 768 significant
 * digits, so digits beyond these only matter as "more than zero", which one extra '1' stands for. */
#define NUM_KEEP 800

/* The double nearest to the decimal digits[0..nd) * 10^exp10 (a tie to even); digits has no leading zero, nd
 * is at most NUM_KEEP + 1. Positive; 0 when it rounds below the smallest double, HUGE_VAL above the largest. */
static double num_decimal_to_double(const char *digits, size_t nd, int exp10)
{
    if (nd == 0)
        return 0;
    long pos = (long)nd + exp10; /* the number lies in [10^(pos-1), 10^pos) */
    if (pos > 310)
        return HUGE_VAL;
    if (pos < -324)
        return 0;
    if (nd <= 19) {
        uint64_t m = 0;
        for (size_t i = 0; i < nd; i++)
            m = m * 10 + (uint64_t)(digits[i] - '0');
        if (m < ((uint64_t)1 << 53)) {
            if (exp10 >= 0 && exp10 <= 22)
                return (double)m * num_pow10[exp10];
            if (exp10 < 0 && exp10 >= -22)
                return (double)m / num_pow10[-exp10];
        }
    }
    /* value = a / b exactly */
    num_big a, b, q;
    big_set(&a, 0);
    for (size_t i = 0; i < nd;) { /* nine digits at a time */
        uint32_t chunk = 0, scale = 1;
        for (int k = 0; k < 9 && i < nd; k++, i++) {
            chunk = chunk * 10 + (uint32_t)(digits[i] - '0');
            scale *= 10;
        }
        big_mul_small(&a, scale);
        big_add_small(&a, chunk);
    }
    big_set(&b, 1);
    if (exp10 > 0) {
        big_mul_pow5(&a, (unsigned)exp10);
        big_shl(&a, (unsigned)exp10);
    } else if (exp10 < 0) {
        big_mul_pow5(&b, (unsigned)-exp10);
        big_shl(&b, (unsigned)-exp10);
    }
    /* scale so that the quotient has 55 or 56 bits: a / b lies in [2^(e-1), 2^(e+1)) */
    int e = (int)big_bits(&a) - (int)big_bits(&b);
    int s = 55 - e;
    if (s > 0)
        big_shl(&a, (unsigned)s);
    else if (s < 0)
        big_shl(&b, (unsigned)-s);
    /* q = a / b by shift and subtract: the quotient is below 2^57 */
    uint64_t quot = 0;
    q = b;
    big_shl(&q, 56);
    for (int bit = 56; bit >= 0; bit--) {
        if (big_cmp(&a, &q) >= 0) {
            big_sub(&a, &q);
            quot |= (uint64_t)1 << bit;
        }
        big_shr1(&q);
    }
    bool sticky = a.n != 0;
    /* value = (quot + rest) * 2^-s; its leading bit is 2^top */
    int qbits = 0;
    for (uint64_t t = quot; t; t >>= 1)
        qbits++;
    int top = qbits - 1 - s;
    if (top > 1023)
        return HUGE_VAL;
    int prec = top >= -1022 ? 53 : 53 - (-1022 - top); /* fewer bits below the normal range */
    if (prec < 0)
        return 0;
    int drop = qbits - prec; /* from 2 to 56: qbits is 55 or 56 */
    uint64_t m = quot >> drop;
    uint64_t rest = quot & (((uint64_t)1 << drop) - 1);
    uint64_t half = (uint64_t)1 << (drop - 1);
    if (rest > half || (rest == half && (sticky || (m & 1))))
        m++;
    return ldexp((double)m, drop - s);
}

int sc_num_parse(const char *s, size_t n, double *out, bool *is_whole)
{
    size_t i = 0;
    bool neg = false;
    if (i < n && s[i] == '-') {
        neg = true;
        i++;
    }
    char digits[NUM_KEEP + 1];
    size_t nd = 0;
    long exp10 = 0;
    bool more = false; /* a nonzero digit beyond NUM_KEEP */
    size_t int_start = i;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
        if (nd == 0 && s[i] == '0')
            continue;
        if (nd < NUM_KEEP)
            digits[nd++] = s[i];
        else {
            exp10++;
            more |= s[i] != '0';
        }
    }
    if (i == int_start)
        return -1;
    size_t int_digits = nd + (size_t)exp10;
    bool comma = false, whole = true;
    if (i < n && (s[i] == '.' || s[i] == ',')) {
        comma = s[i] == ',';
        i++;
        size_t frac_start = i;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
            if (nd == 0 && s[i] == '0') {
                exp10--;
                continue;
            }
            if (nd < NUM_KEEP) {
                digits[nd++] = s[i];
                exp10--;
            } else
                more |= s[i] != '0';
        }
        if (i == frac_start)
            return -1;
        whole = false;
    }
    if (i != n)
        return -1;
    if (int_digits > 15)
        return -2; /* at least 1e15, and no need to read further */
    if (more) {
        digits[nd++] = '1'; /* one more place, below the last kept digit */
        exp10--;
    }
    double v = num_decimal_to_double(digits, nd, (int)exp10);
    if (v >= 1e15)
        return -2;
    *out = neg ? -v : v;
    *is_whole = whole;
    return comma ? -3 : 0;
}

/* --- writing ----------------------------------------------------------------------------------------------------- */

/* Appends to a bounded buffer, counting what would not fit. */
typedef struct {
    char *buf;
    size_t size, len;
} num_out;

static void put_c(num_out *o, char c)
{
    if (o->len + 1 < o->size)
        o->buf[o->len] = c;
    o->len++;
}

static void put_n(num_out *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        put_c(o, s[i]);
}

static size_t num_end(num_out *o)
{
    if (o->size)
        o->buf[o->len < o->size ? o->len : o->size - 1] = '\0';
    return o->len;
}

/* The digits d[0..n) of a number 0.d * 10^pos, written plainly: "0.00123", "12.5", "1200". */
static void put_plain(num_out *o, const char *d, size_t n, long pos, size_t decimals)
{
    if (pos <= 0) {
        put_c(o, '0');
    } else {
        for (long k = 0; k < pos; k++)
            put_c(o, (size_t)k < n ? d[k] : '0');
    }
    if (!decimals)
        return;
    put_c(o, '.');
    for (size_t k = 0; k < decimals; k++) {
        long at = pos + (long)k;
        put_c(o, at >= 0 && (size_t)at < n ? d[at] : '0');
    }
}

/* The exact decimal digits of a finite v > 0, most significant first, without trailing zeros, into d (room
 * for 800); *pos is such that v = 0.d * 10^pos. Returns the number of digits. */
static size_t num_exact_digits(double v, char *d, long *pos)
{
    int e2;
    double frac = frexp(v, &e2); /* v = frac * 2^e2, frac in [0.5, 1) */
    uint64_t m = (uint64_t)ldexp(frac, 53);
    e2 -= 53;
    while (m && !(m & 1)) { /* fewer bits, smaller big numbers */
        m >>= 1;
        e2++;
    }
    num_big x;
    big_set(&x, m);
    if (e2 > 0)
        big_shl(&x, (unsigned)e2);
    else if (e2 < 0)
        big_mul_pow5(&x, (unsigned)-e2);
    /* nine decimal digits at a time, least significant first */
    char rev[810];
    size_t n = 0;
    while (x.n) {
        uint32_t chunk = big_div_small(&x, 1000000000u);
        for (int k = 0; k < 9; k++) {
            rev[n++] = (char)('0' + chunk % 10);
            chunk /= 10;
        }
    }
    while (n && rev[n - 1] == '0')
        n--;
    size_t lead = 0; /* trailing zeros of the number: leading in rev */
    while (lead < n && rev[lead] == '0')
        lead++;
    for (size_t k = 0; k < n - lead; k++)
        d[k] = rev[n - 1 - k];
    *pos = (long)n + (e2 < 0 ? e2 : 0);
    return n - lead;
}

/* Rounds the digits d[0..n) (of 0.d * 10^*pos) to `keep` digits, to nearest and a tie to even, in place;
 * trailing zeros go. Returns the new count; *pos grows by one when 9.99... becomes 10. keep may be 0 or less
 * (rounding to a power of ten above the first digit). */
static size_t num_round(char *d, size_t n, long *pos, long keep)
{
    if (keep >= (long)n)
        return n;
    bool up;
    if (keep < 0) {
        up = false;
    } else {
        char next = d[keep];
        bool beyond = false;
        for (size_t k = (size_t)keep + 1; k < n && !beyond; k++)
            beyond = d[k] != '0';
        if (next != '5')
            up = next > '5';
        else
            up = beyond || (keep > 0 && (d[keep - 1] - '0') % 2 == 1); /* a tie: to even (0 is even) */
    }
    size_t len = keep > 0 ? (size_t)keep : 0;
    if (up) {
        size_t k = len;
        while (k > 0 && d[k - 1] == '9')
            k--;
        if (k == 0) {
            d[0] = '1';
            len = 1;
            (*pos)++;
        } else {
            d[k - 1]++;
            len = k;
        }
    }
    while (len && d[len - 1] == '0')
        len--;
    return len;
}

/* Numbers of at most about 12 significant digits without big numbers: the text t * 10^-k reads back as
 * exactly (double)t / 10^k (t below 2^53, k at most 22), so when that equals v, the text reads back to v.
 * While |v| * 10^k stays below 4e12, the distance between two doubles near v * 10^k is below 0.001, so at most
 * one k-decimal text reads back to v, it is the one nearest to v, and fewer decimals cannot: what the loop of
 * precisions in num_write would find too. False to leave it to num_write. */
static bool num_short(num_out *o, double v)
{
    double a = fabs(v);
    for (int k = 1; k <= 22; k++) {
        double scaled = a * num_pow10[k];
        if (scaled >= 4e12)
            return false;
        uint64_t t = (uint64_t)(scaled + 0.5);
        if ((double)t / num_pow10[k] != a)
            continue;
        char d[24];
        size_t n = 0;
        for (uint64_t u = t; u; u /= 10)
            d[n++] = (char)('0' + u % 10);
        for (size_t i = 0; i < n / 2; i++) {
            char c = d[i];
            d[i] = d[n - 1 - i];
            d[n - 1 - i] = c;
        }
        while (n && d[n - 1] == '0') {
            n--;
            k--;
        }
        if (v < 0)
            put_c(o, '-');
        put_plain(o, d, n, (long)n - k, (size_t)k);
        return true;
    }
    return false;
}

/* The general case, for any finite v != 0: the exact digits, rounded to 1..17 significant digits. */
static void num_write(num_out *o, double v)
{
    char exact[810];
    long exact_pos;
    size_t nexact = num_exact_digits(fabs(v), exact, &exact_pos);
    char d[810];
    long pos = exact_pos;
    size_t n = nexact;
    for (long p = 1; p <= 17; p++) {
        memcpy(d, exact, nexact);
        pos = exact_pos;
        n = num_round(d, nexact, &pos, p);
        if (num_decimal_to_double(d, n, (int)(pos - (long)n)) == fabs(v))
            break;
    }
    if (v < 0)
        put_c(o, '-');
    if (pos <= 21) {
        put_plain(o, d, n, pos, pos < (long)n ? (size_t)((long)n - pos) : 0);
        return;
    }
    put_c(o, d[0]);
    if (n > 1) {
        put_c(o, '.');
        put_n(o, d + 1, n - 1);
    }
    char e[8];
    size_t ne = 0;
    for (long x = pos - 1; x; x /= 10)
        e[ne++] = (char)('0' + x % 10);
    put_n(o, "e+", 2);
    while (ne)
        put_c(o, e[--ne]);
}

size_t sc_num_format(char *buf, size_t size, double v)
{
    num_out o = {buf, size, 0};
    if (isnan(v)) {
        put_n(&o, "nan", 3);
    } else if (isinf(v)) {
        put_n(&o, v < 0 ? "-inf" : "inf", v < 0 ? 4 : 3);
    } else if (v == 0) {
        put_n(&o, signbit(v) ? "-0" : "0", signbit(v) ? 2 : 1);
    } else if (fabs(v) < 9007199254740992.0 && v == (double)(int64_t)v) {
        /* a whole number below 2^53: its digits are exact */
        int64_t w = (int64_t)v;
        uint64_t u = w < 0 ? (uint64_t)-w : (uint64_t)w;
        char d[20];
        size_t n = 0;
        for (; u; u /= 10)
            d[n++] = (char)('0' + u % 10);
        if (w < 0)
            put_c(&o, '-');
        while (n)
            put_c(&o, d[--n]);
    } else if (!num_short(&o, v)) {
        num_write(&o, v);
    }
    return num_end(&o);
}

size_t sc_num_format_fixed(char *buf, size_t size, double v, unsigned decimals)
{
    num_out o = {buf, size, 0};
    if (decimals > 20)
        decimals = 20;
    if (!isfinite(v))
        return sc_num_format(buf, size, v);
    char d[810];
    long pos = 0;
    size_t n = 0;
    if (v != 0) {
        n = num_exact_digits(fabs(v), d, &pos);
        n = num_round(d, n, &pos, pos + (long)decimals);
    }
    if (signbit(v))
        put_c(&o, '-'); /* as printf: "-0.0" for -0.04 */
    put_plain(&o, d, n, pos, decimals);
    return num_end(&o);
}
