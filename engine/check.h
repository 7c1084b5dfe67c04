/* engine/check.h — evaluation: a bound profile against the compiled rules gives a result structure; no text is produced here. */
#ifndef SC_CHECK_H
#define SC_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../dsl/rules.h"
#include "profile.h"

/* sc_profile_status, sc_item_status, sc_ambition_status and sc_group_status are public: include/sopcheck.h. */

typedef struct sc_item_result {
    sc_item_status status;
    sc_ambition_status ambition;
    uint32_t category;          /* band index for banded items with an answer, else SC_NONE */
    uint32_t missing;           /* UNANSWERED: the item whose missing answer leaves it unjudged: the item
                                   itself, an item its norm or `when` depends on, or school.peildatum when
                                   a date condition needs the peildatum; else SC_NONE */
} sc_item_result;

/* A profile error, kept with the result so every report format can carry it. */
typedef struct sc_profile_error {
    sc_severity severity;
    uint32_t line, col;
    const char *message;
    const char *hint;
} sc_profile_error;

struct sc_result {
    const sc_rules *rules;
    const sc_profile *profile;       /* answers, path and text */
    sc_school school;                /* the profile's school (profile->school); all NULL when unknown */
    sc_profile_status status;
    uint32_t nerrors;
    const sc_profile_error *errors;  /* errors and warnings, in input order */
    uint32_t nsuppressed;            /* errors beyond SC_CHECK_MAX_ERRORS, counted only */
    const sc_item_result *items;     /* rules->nitems entries (NULL when invalid) */
    const sc_group_status *agreements;  /* rules->nagreements entries */
    const sc_group_status *promises;    /* rules->npromises entries */
};

/* Evaluate a valid profile. All memory comes from `arena` (the profile's). A profile that leaves a
 * required answer out (profile->missing) is never compliant: at least incomplete. Returns 0, or -1
 * when out of memory. */
int sc_check_evaluate(sc_arena *arena, const sc_rules *rules, const sc_profile *profile, sc_result *out);

#define SC_CHECK_MAX_ERRORS 50u

/* Load, validate and evaluate one profile text: the whole job for one file. Errors are kept in
 * out->errors (status SC_PROFILE_INVALID); memory comes from `arena`, which must outlive `out`.
 * `path` and `text` must outlive the result too. `limits` (NULL: the defaults) also carries the
 * language of the errors' messages and hints: Dutch unless limits->lang is SC_LANG_EN (see
 * sc_yaml_limits). Returns 0, or -1 when out of memory. */
int sc_check_profile(sc_arena *arena, const sc_rules *rules, const char *path, const char *text, size_t len,
                     const sc_yaml_limits *limits, sc_result *out);

/* Several versions of the rules: each profile is judged by the version in force on its peildatum.
 * When several are in force, the one with the latest `valid from` wins (a version without
 * `valid from` counts as the earliest; on a tie the one named first). */
const sc_rules *sc_rules_pick(const sc_rules *const *versions, size_t n, sc_date d);

#define SC_CHECK_ANY_DATE 1u  /* judge by versions[0] whatever the peildatum (no in-force refusal) */

/* sc_check_profile over a list of versions (n >= 1; versions[0] is the primary). With one version
 * it is sc_check_profile. With more, the peildatum is read first (sc_profile_peek_peildatum) and the
 * version in force on it judges the profile (out->rules); when none is, the profile is invalid with one
 * error at its peildatum that names every version and its period. A profile whose peildatum is
 * written but no date is read against versions[0], which reports why; a profile without a
 * peildatum is invalid, with one error where the peildatum is missing (its empty key, else the
 * `school:` key): no version can be picked. With SC_CHECK_ANY_DATE in `flags`,
 * versions[0] judges the profile and its validity period is not looked at. */
int sc_check_profile_in(sc_arena *arena, const sc_rules *const *versions, size_t n, unsigned flags, const char *path,
                        const char *text, size_t len, const sc_yaml_limits *limits, sc_result *out);

/* Evaluate one predicate against a profile: 1 true, 0 false, -1 unknown (a subject is unanswered). */
int sc_pred_eval(const sc_rules *rules, const sc_profile *profile, const sc_pred *p);

#endif
