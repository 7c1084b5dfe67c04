/* base/num.h — numbers as text and back without the C library's locale: the shortest decimal that reads back to the same double, and a correctly rounded reader. */
#ifndef SC_NUM_H
#define SC_NUM_H

#include <stdbool.h>
#include <stddef.h>

/* Room for any number sc_num_format writes, with its NUL ("-0." and 323 zeros and 17 digits at the most). */
#define SC_NUM_BUF 352

/* Writes v as the shortest decimal text that sc_num_parse (or any correctly rounding reader) reads back to the
 * very same double: "75", "72.5", "0.1", "0.12345678901", "-0". Never a decimal comma, whatever LC_NUMERIC says,
 * and no exponent below 1e21, so that every number the rules language and the profile format can hold is
 * written in their own notation; from 1e21 on "1e+21", "1.7976931348623157e+308". Not finite: "nan", "inf",
 * "-inf". Like snprintf: writes at most size bytes including the NUL (nothing when size is 0) and returns the
 * length of the whole text; SC_NUM_BUF bytes always suffice. */
size_t sc_num_format(char *buf, size_t size, double v);

/* Writes v with exactly `decimals` digits after the point, rounded to nearest (an exact tie to even), as
 * printf's "%.*f" does in the C locale: sc_num_format_fixed(buf, n, 66.66, 1) is "66.7". No exponent.
 * decimals is at most 20. Returns the length, like snprintf. */
size_t sc_num_format_fixed(char *buf, size_t size, double v, unsigned decimals);

/* Reads a plain decimal number: optional '-', digits, optional '.' and digits; no exponent, no '+', no
 * spaces. The result is the double nearest to the decimal (a tie to even), whatever the locale. Sets
 * *is_whole when there is no fraction part. Returns 0 on success, -1 when the text is not such a number,
 * -2 when it is out of range (|x| >= 1e15), -3 when it is such a number but written with a decimal comma
 * ("72,5"): then *out holds the number it would be with a point, and *is_whole is false. */
int sc_num_parse(const char *s, size_t n, double *out, bool *is_whole);

#endif
