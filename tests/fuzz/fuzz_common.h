/* tests/fuzz/fuzz_common.h — what both fuzz harnesses check on every output: the JSON report is well-formed UTF-8 JSON, the text report is terminal-safe, diagnostics are located inside the input. */
#ifndef SC_FUZZ_COMMON_H
#define SC_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/text.h"

/* The input being run, when it has a name (the regression tests set it). */
static const char *sc_fuzz_input_name;

/* A broken invariant: say which and stop, so that libFuzzer keeps the input as a crash. */
#define SC_FUZZ_ASSERT(cond, what)                                                                                     \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            fprintf(stderr, "fuzz invariant broken: %s (%s:%d)%s%s\n", (what), __FILE__, __LINE__,                     \
                    sc_fuzz_input_name ? " on " : "", sc_fuzz_input_name ? sc_fuzz_input_name : "");                   \
            abort();                                                                                                   \
        }                                                                                                              \
    } while (0)

/* --- a strict JSON checker (RFC 8259: one value, UTF-8, no control characters in strings) --- */

typedef struct sc_fuzz_json {
    const unsigned char *p, *end;
    unsigned depth;
} sc_fuzz_json;

static inline void sc_fuzz_json_ws(sc_fuzz_json *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\t' || *j->p == '\r'))
        j->p++;
}

static inline bool sc_fuzz_json_lit(sc_fuzz_json *j, const char *lit)
{
    size_t n = strlen(lit);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, lit, n) != 0)
        return false;
    j->p += n;
    return true;
}

static inline bool sc_fuzz_json_string(sc_fuzz_json *j)
{
    if (j->p >= j->end || *j->p != '"')
        return false;
    const unsigned char *start = ++j->p;
    while (j->p < j->end && *j->p != '"') {
        unsigned char c = *j->p;
        if (c < 0x20)
            return false;
        if (c == '\\') {
            j->p++;
            if (j->p >= j->end)
                return false;
            c = *j->p;
            if (c == 'u') {
                for (int k = 1; k <= 4; k++)
                    if (j->p + k >= j->end || !strchr("0123456789abcdefABCDEF", j->p[k]) || !j->p[k])
                        return false;
                j->p += 4;
            } else if (!strchr("\"\\/bfnrt", c) || !c) {
                return false;
            }
        }
        j->p++;
    }
    if (j->p >= j->end)
        return false;
    if (sc_utf8_check((const char *)start, (size_t)(j->p - start)) >= 0)
        return false;
    j->p++;
    return true;
}

static inline bool sc_fuzz_json_number(sc_fuzz_json *j)
{
    const unsigned char *start = j->p;
    if (j->p < j->end && *j->p == '-')
        j->p++;
    if (j->p >= j->end || *j->p < '0' || *j->p > '9')
        return false;
    if (*j->p == '0')
        j->p++;
    else
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
            j->p++;
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        if (j->p >= j->end || *j->p < '0' || *j->p > '9')
            return false;
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
            j->p++;
    }
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
            j->p++;
        if (j->p >= j->end || *j->p < '0' || *j->p > '9')
            return false;
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
            j->p++;
    }
    return j->p > start;
}

static inline bool sc_fuzz_json_value(sc_fuzz_json *j)
{
    sc_fuzz_json_ws(j);
    if (j->p >= j->end || ++j->depth > 64)
        return false;
    bool ok;
    switch (*j->p) {
    case '{':
        j->p++;
        sc_fuzz_json_ws(j);
        if (j->p < j->end && *j->p == '}') {
            j->p++;
            ok = true;
            break;
        }
        for (;;) {
            sc_fuzz_json_ws(j);
            if (!sc_fuzz_json_string(j))
                return false;
            sc_fuzz_json_ws(j);
            if (j->p >= j->end || *j->p++ != ':')
                return false;
            if (!sc_fuzz_json_value(j))
                return false;
            sc_fuzz_json_ws(j);
            if (j->p >= j->end)
                return false;
            if (*j->p == ',') {
                j->p++;
                continue;
            }
            if (*j->p++ != '}')
                return false;
            break;
        }
        ok = true;
        break;
    case '[':
        j->p++;
        sc_fuzz_json_ws(j);
        if (j->p < j->end && *j->p == ']') {
            j->p++;
            ok = true;
            break;
        }
        for (;;) {
            if (!sc_fuzz_json_value(j))
                return false;
            sc_fuzz_json_ws(j);
            if (j->p >= j->end)
                return false;
            if (*j->p == ',') {
                j->p++;
                continue;
            }
            if (*j->p++ != ']')
                return false;
            break;
        }
        ok = true;
        break;
    case '"': ok = sc_fuzz_json_string(j); break;
    case 't': ok = sc_fuzz_json_lit(j, "true"); break;
    case 'f': ok = sc_fuzz_json_lit(j, "false"); break;
    case 'n': ok = sc_fuzz_json_lit(j, "null"); break;
    default: ok = sc_fuzz_json_number(j); break;
    }
    j->depth--;
    return ok;
}

/* Is text[0..len) exactly one JSON value (with white space around it)? */
static inline bool sc_fuzz_json_valid(const char *text, size_t len)
{
    sc_fuzz_json j = {(const unsigned char *)text, (const unsigned char *)text + len, 0};
    if (!sc_fuzz_json_value(&j))
        return false;
    sc_fuzz_json_ws(&j);
    return j.p == j.end;
}

/* --- the text report: valid UTF-8 and nothing that steers a terminal (without colour) ---------- */

static inline bool sc_fuzz_text_safe(const char *text, size_t len)
{
    if (sc_utf8_check(text, len) >= 0)
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c < 0x20 && c != '\n') || c == 0x7f)
            return false;
        if (c == 0xC2 && i + 1 < len && (unsigned char)text[i + 1] >= 0x80 && (unsigned char)text[i + 1] <= 0x9f)
            return false;
    }
    return true;
}

/* --- positions: a diagnostic points into the text it is about ---------------------------------- */

/* The highest line number a position in text can have: 1 + the line breaks, counted as YAML
 * counts them (CR LF, CR, LF, NEL, LS, PS). */
static inline unsigned sc_fuzz_count_lines(const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    unsigned n = 1;
    for (size_t i = 0; i < len; i++) {
        if (p[i] == '\n' || (p[i] == '\r' && (i + 1 >= len || p[i + 1] != '\n')))
            n++;
        else if (p[i] == 0xC2 && i + 1 < len && p[i + 1] == 0x85)
            n++;
        else if (p[i] == 0xE2 && i + 2 < len && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9))
            n++;
    }
    return n;
}

#endif
