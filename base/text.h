/* base/text.h — small text utilities shared by every stage: dates, UTF-8, numbers, spelling distance. */
#ifndef SC_TEXT_H
#define SC_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Dates are whole days since 1970-01-01 (proleptic Gregorian). */
typedef int32_t sc_date;

/* Parse exactly YYYY-MM-DD (year 1900..2999) and reject days that do not exist. 0 on success. */
int sc_date_parse(const char *s, size_t n, sc_date *out);
sc_date sc_date_from_ymd(int y, int m, int d);
void sc_date_to_ymd(sc_date d, int *y, int *m, int *day);
/* Writes "YYYY-MM-DD" and a NUL into buf (at least 11 bytes). */
void sc_date_format(sc_date d, char *buf);
/* The number of days in month m (1..12) of year y, leap years counted. */
int sc_date_days_in_month(int y, int m);
/* Add months (may be negative); the day is clamped to the end of the target month. */
sc_date sc_date_add_months(sc_date d, int months);

/* Returns the byte offset of the first invalid UTF-8 sequence or NUL byte, or -1 when all is well. */
long sc_utf8_check(const char *s, size_t n);
/* Length of the valid UTF-8 sequence that starts at p (a NUL-terminated string), 0 when the
 * bytes there are not UTF-8 (stray continuation byte, overlong form, surrogate, beyond U+10FFFF). */
size_t sc_utf8_seq(const unsigned char *p);
/* 3 when s[0..n) starts with a UTF-8 byte order mark (EF BB BF, which Notepad writes), else 0: profiles
 * and rules files alike skip it. */
static inline size_t sc_bom_len(const char *s, size_t n)
{
    return n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}
/* Number of code points in a valid UTF-8 string (used for columns). */
size_t sc_utf8_len(const char *s, size_t n);

/* Whether n bytes at a and at b are the same: memcmp(a, b, n) == 0 for the short ids and keys of a
 * profile, eight bytes at a time without a call (the last word may overlap the one before). */
static inline bool sc_bytes_equal(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        uint64_t x, y;
        for (size_t i = 0; i + 8 <= n; i += 8) {
            memcpy(&x, a + i, 8);
            memcpy(&y, b + i, 8);
            if (x != y)
                return false;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

/* The form in which a school's word for a choice is compared: leading and trailing spaces dropped,
 * each run of spaces, tabs or underscores one space, ASCII letters in lower case (other bytes, such as
 * the UTF-8 of 'ó', as they are). "Op  Schoolniveau" and "op schoolniveau" fold alike, and so do
 * "zeer_zwak" and "Zeer zwak". Writes at most cap-1 bytes and a NUL into out; returns the folded
 * length, or (size_t)-1 when it does not fit. */
size_t sc_word_fold(const char *s, size_t n, char *out, size_t cap);

/* Edit distance (Damerau: adjacent swaps cost 1) between two short strings, capped at 'cap'+1. */
unsigned sc_edit_distance(const char *a, const char *b, unsigned cap);

#endif
