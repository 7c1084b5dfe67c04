/* include/sopcheck.h — the library's public face: compile rules, check profiles, walk the results, write reports, add up a run; the one header a client needs (docs/library.md). */
#ifndef SOPCHECK_H
#define SOPCHECK_H

/* Only the C library's headers: a client compiles with -I include and links libsopcheck.a (and
 * libyaml, libm, pthreads), and never sees how the rules or a result are laid out. The library
 * itself includes this header too, so each type below has one definition.
 *
 * Every object is the caller's: what a call makes, the matching _free frees. The library keeps
 * no global state, never prints and never exits; what goes wrong in a call comes back as an
 * sc_error, and its text in the user's language from sc_error_text. Problems in the rules come
 * through the diagnostics callback with file, line and column; problems in a profile are no
 * failed call: they are the result (status SC_PROFILE_INVALID, with its errors). */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- error codes ------------------------------------------------------------------------------ */

typedef enum sc_error {
    SC_OK = 0,
    SC_ERROR_NOMEM,       /* out of memory */
    SC_ERROR_ARGUMENT,    /* a NULL where an object is needed, no versions, an index out of range */
    SC_ERROR_IO,          /* a file could not be read, or a report could not be written completely */
    SC_ERROR_TOO_LARGE,   /* a profile is larger than the checker's limit */
    SC_ERROR_RULES,       /* the rules have errors (each went to the diagnostics callback) */
    SC_ERROR_FORMAT       /* no report format has that name (sc_writer_formats lists them) */
} sc_error;

typedef enum sc_lang { SC_LANG_NL, SC_LANG_EN } sc_lang;

/* The text of an error code, in `lang`. */
const char *sc_error_text(sc_error e, sc_lang lang);

/* ---- diagnostics ------------------------------------------------------------------------------ */

typedef enum { SC_SEV_ERROR, SC_SEV_WARNING, SC_SEV_NOTE } sc_severity;

/* One diagnostic. Positions are 1-based; line 0 means "the whole file".
 * src_line points into the input text (not NUL-terminated, src_line_len bytes) so a
 * printer can quote the line and put a caret under col; it is NULL when unknown.
 * All pointers are valid only during the sink call, unless the producer says otherwise. */
typedef struct sc_diag {
    sc_severity severity;
    const char *file;
    unsigned line, col;
    const char *message;  /* what is wrong */
    const char *hint;     /* what to do about it; may be NULL */
    const char *src_line;
    size_t src_line_len;
} sc_diag;

typedef void (*sc_diag_fn)(void *ctx, const sc_diag *d);

/* ---- rules ------------------------------------------------------------------------------------ */

typedef struct sc_rules sc_rules;  /* compiled rules: immutable, shared freely between threads */

/* Compile the rules file `path` (and what it includes, relative to it). Errors and warnings go to
 * `diag` (may be NULL). SC_ERROR_RULES when there were errors; *out is then NULL. */
sc_error sc_rules_compile_file(const char *path, sc_diag_fn diag, void *ctx, sc_rules **out);
/* The same from text in memory (len bytes) named `name` in diagnostics; includes are read from
 * files, relative to `name`. */
sc_error sc_rules_compile_string(const char *name, const char *text, size_t len, sc_diag_fn diag, void *ctx,
                                 sc_rules **out);
void sc_rules_free(sc_rules *r);
const char *sc_rules_name(const sc_rules *r);     /* the `ruleset` name */
const char *sc_rules_version(const sc_rules *r);  /* its `version` */

/* ---- checking profiles ------------------------------------------------------------------------ */

typedef enum sc_profile_status {
    SC_PROFILE_COMPLIANT,
    SC_PROFILE_NOT_COMPLIANT,  /* some norm is not met */
    SC_PROFILE_INCOMPLETE,     /* nothing fails, some norm item or required answer is unanswered */
    SC_PROFILE_INVALID         /* could not be evaluated: see the errors */
} sc_profile_status;

typedef enum sc_item_status {
    SC_ITEM_MET,
    SC_ITEM_NOT_MET,
    SC_ITEM_UNANSWERED,        /* the norm needs an answer that is missing */
    SC_ITEM_NOT_APPLICABLE     /* its `when` does not hold, or it has no norm (ambition only, field) */
} sc_item_status;

typedef enum sc_ambition_status { SC_AMBITION_NONE, SC_AMBITION_REACHED, SC_AMBITION_OPEN } sc_ambition_status;

typedef enum sc_group_status { SC_GROUP_MET, SC_GROUP_NOT_MET, SC_GROUP_INCOMPLETE } sc_group_status;

/* Who a profile is of: the `school:` header's answers as written, NULL where the profile leaves
 * one out (school.soort is the rules' own field; the others are built in). */
typedef struct sc_school {
    const char *brin;
    const char *naam;
    const char *bestuur;
    const char *wijk;
    const char *soort;
    const char *peildatum;  /* as written: "2025-03-01" */
} sc_school;

typedef struct sc_result sc_result;    /* one profile's outcome */
typedef struct sc_checker sc_checker;  /* the versions of the rules, and the memory of the result last made */

/* A checker judges each profile by the version of the rules in force on its peildatum (the one
 * with the latest `valid from` when several are; versions[0] is the primary, the one a report
 * names in its head). With one version, every profile is judged by it, and a profile whose
 * peildatum lies outside its period is invalid. The versions must outlive the checker. Messages
 * about profiles are in `lang`. One checker per thread. */
sc_error sc_checker_new(const sc_rules *const *versions, size_t nversions, sc_lang lang, sc_checker **out);
/* Check a profile text (len bytes, copied) named `path` in its errors. *out is valid until the
 * next check with this checker or its free. */
sc_error sc_checker_check(sc_checker *c, const char *path, const char *text, size_t len, const sc_result **out);
/* The same for a file (at most 1 MiB: SC_ERROR_TOO_LARGE; unreadable: SC_ERROR_IO). */
sc_error sc_checker_check_file(sc_checker *c, const char *path, const sc_result **out);
void sc_checker_free(sc_checker *c);

/* ---- walking a result ------------------------------------------------------------------------- */

sc_profile_status sc_result_status(const sc_result *res);
const char *sc_result_path(const sc_result *res);
const sc_school *sc_result_school(const sc_result *res);
const sc_rules *sc_result_rules(const sc_result *res);  /* the version that judged it */

/* The profile's errors and warnings, as diagnostics with their source line (valid as long as the result). */
uint32_t sc_result_nerrors(const sc_result *res);
sc_diag sc_result_error_diag(const sc_result *res, uint32_t k);

/* An item (a question) of the judging version and how the profile fares on it. */
typedef struct sc_item_view {
    const char *id;            /* "aanbod.dyscalculie" */
    const char *text;          /* the question */
    const char *agreement;     /* the id of the agreement it belongs to, or NULL */
    const char *promise;       /* the id of the promise it belongs to, or NULL */
    bool answered;
    unsigned line, col;        /* of the answer, 0 when the profile does not give it */
    sc_item_status status;
    sc_ambition_status ambition;
} sc_item_view;

/* An agreement or a promise and its status in the profile. */
typedef struct sc_group_view {
    const char *id;            /* "A13", "P1" */
    const char *title;         /* an agreement's short title, or NULL; a promise's text */
    sc_group_status status;
} sc_group_view;

/* The counts are 0 for an invalid profile (it was not judged). */
uint32_t sc_result_nitems(const sc_result *res);
sc_error sc_result_item(const sc_result *res, uint32_t i, sc_item_view *out);
uint32_t sc_result_nagreements(const sc_result *res);
sc_error sc_result_agreement(const sc_result *res, uint32_t a, sc_group_view *out);
uint32_t sc_result_npromises(const sc_result *res);
sc_error sc_result_promise(const sc_result *res, uint32_t p, sc_group_view *out);

/* ---- the accumulator: what crosses profiles --------------------------------------------------
 *
 * A writer sees one profile at a time and keeps nothing of it; what a report says about the run
 * as a whole (the totals, and tomorrow an overview per bestuur or per wijk) is added up in an
 * accumulator that the caller owns and hands to sc_writer_end. A caller that checks on several
 * threads gives each item (or each thread) an accumulator of its own and merges them in input
 * order, so that a view that lists schools lists them in the order of the inputs. What an
 * accumulator keeps it copies: a result's memory is gone once the next profile is checked.
 *
 *   sc_accum a;  sc_accum_init(&a);
 *   for each result:  sc_accum_add(&a, res);
 *   sc_writer_end(w, &a);  sc_accum_free(&a);
 *
 * A new view across schools is a new member here (filled by sc_accum_add, combined by
 * sc_accum_merge, freed by sc_accum_free) and a writer that reads it at end. */
typedef struct sc_summary {
    unsigned profiles, compliant, not_compliant, incomplete, invalid;
} sc_summary;

typedef struct sc_accum {
    sc_summary summary;  /* profiles by status */
} sc_accum;

void sc_accum_init(sc_accum *a);
/* Add one result (SC_ERROR_NOMEM leaves a unchanged). */
sc_error sc_accum_add(sc_accum *a, const sc_result *res);
/* Add everything src holds to dst, src's results after dst's. */
sc_error sc_accum_merge(sc_accum *dst, const sc_accum *src);
void sc_accum_free(sc_accum *a);

/* ---- report writers --------------------------------------------------------------------------- */

typedef struct sc_report_opts {
    sc_lang lang;
    bool color;          /* the report goes to a colour terminal (only text uses colours) */
    bool err_color;      /* the diagnostics written to the writer's `err` go to a colour terminal */
    bool ambitions;      /* include open ambitions where a format makes that optional (sarif) */
    const char *tool_version;
} sc_report_opts;

typedef struct sc_writer sc_writer;

/* "text, json, junit, sarif, github, csv, html" */
const char *sc_writer_formats(void);
/* A writer of `format` to `out`. Invalid profiles' errors also go to `err` as diagnostics
 * (file:line:col: error: ..., the line, a caret) in every format but text, which shows them in
 * the report itself; err may be NULL. `opts` may be NULL (Dutch, no colours). */
sc_error sc_writer_new(const char *format, FILE *out, FILE *err, const sc_report_opts *opts, sc_writer **w);
/* Call begin once with every version the results may have been judged by, the primary first;
 * then profile for each result in order; then end with the run's accumulator. Each returns
 * SC_ERROR_IO once a write has failed (the report is then incomplete). */
sc_error sc_writer_begin(sc_writer *w, const sc_rules *const *versions, size_t nversions);
sc_error sc_writer_profile(sc_writer *w, const sc_result *res);
sc_error sc_writer_end(sc_writer *w, const sc_accum *acc);
void sc_writer_free(sc_writer *w);

#endif
