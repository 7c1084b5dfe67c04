/* engine/profile.h — a school's profile bound to a ruleset: one typed, located answer per item, after validation. */
#ifndef SC_PROFILE_H
#define SC_PROFILE_H

#include <stdbool.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/diag.h"
#include "../dsl/rules.h"
#include "../include/sopcheck.h"
#include "yaml.h"

/* One answer. `present` false means unanswered (absent or empty): its own status, never "nee". */
typedef struct sc_value {
    bool present;
    uint32_t line, col;     /* of the value (or of the key when the value is empty), 0 when absent */
    const char *raw;        /* the text as written (scalars), or NULL */
    union {
        bool yes;           /* YESNO */
        double number;      /* NUMBER, PERCENT */
        sc_date date;       /* DATE */
        uint32_t member;    /* SCALE */
        uint64_t set;       /* SET: bit k = member k */
        const char *text;   /* TEXT */
    } v;
} sc_value;

/* A required answer (`required` in the rules, and always school.peildatum) that the profile does not
 * give: the key is absent, or present without a value (or with an empty text). Not an error: the
 * profile cannot be fully judged, so it is at least incomplete. */
typedef struct sc_missing {
    uint32_t item;
    uint32_t line, col;     /* the empty key or text; else the key of its section ('school:' or
                               'antwoorden:'); 1:1 when that is absent too */
} sc_missing;

/* sc_school (who the profile is of: the school: header's answers as written) is public: include/sopcheck.h. */

/* A text the school wrote, and where: text NULL (and line 0) when not given. */
typedef struct sc_text_at {
    const char *text;
    uint32_t line, col;
} sc_text_at;

/* Free texts are limited, in characters (not bytes): a longer one is an error, never cut short. */
#define SC_PROFILE_TEXT_MAX 4000u         /* a text for the SOP, an ambition, a limit */
#define SC_PROFILE_PARENTS_TEXT_MAX 1000u /* a text for parents (the ouderposter, the schoolgids) */

/* What the long form of an answer adds to it (docs/profile.md, "Een antwoord met toelichting"):
 *   aanbod:
 *     dyslexie:
 *       antwoord: school
 *       toelichting: "..."     a text for the SOP
 *       ouders: "..."          a shorter text for parents
 *       plaatsen: 12           with `capacity places` in the rules
 *       uren_per_week: 4       with `capacity hours` */
typedef struct sc_answer_details {
    sc_text_at sop, parents;
    bool has_places, has_hours;
    uint32_t places;
    double hours;
    uint32_t places_line, places_col, hours_line, hours_col;
} sc_answer_details;

/* Texts for the two audiences: the SOP's (longer) and the parents' (shorter; when absent, documents
 * for parents fall back to the SOP's). */
typedef struct sc_audience_texts {
    sc_text_at sop, parents;
} sc_audience_texts;

/* What a text under 'teksten:' introduces: the school as a whole, or a promise, agreement or catalogue. */
typedef enum sc_section_kind { SC_SECTION_SCHOOL, SC_SECTION_PROMISE, SC_SECTION_AGREEMENT, SC_SECTION_CATALOGUE } sc_section_kind;

typedef struct sc_section_texts {
    sc_section_kind kind;
    uint32_t index;         /* into rules->promises, agreements or catalogues; 0 for SCHOOL */
    uint32_t line, col;     /* of its key */
    sc_audience_texts texts;
} sc_section_texts;

/* One of the school's own ambitions, or an expertise it is developing: a text, optionally with the date
 * by which it should stand. */
typedef struct sc_plan {
    sc_text_at text;
    bool has_date;
    sc_date date;
} sc_plan;

/* A profile: its text, its tree and its answers, all in one arena. */
typedef struct sc_profile {
    sc_arena *arena;
    const char *path;
    const char *text;
    size_t text_len;
    const sc_rules *rules;
    uint32_t format;        /* the `profiel:` format number */
    sc_value *answers;      /* rules->nitems entries, indexed like rules->items */
    bool has_peildatum;
    sc_date peildatum;
    uint32_t nmissing;
    const sc_missing *missing; /* the required answers not given, in the order of rules->items */
    sc_school school;       /* filled by sc_profile_load from the school.* answers, as far as they were read */
    uint32_t school_line, school_col;   /* the 'school:' key, 0 when absent */
    uint32_t answers_line, answers_col; /* the 'antwoorden:' key, 0 when absent */

    /* What the school describes beside its answers (none of it is judged): */
    const sc_answer_details *const *details; /* rules->nitems entries, NULL each without a long form; the whole
                                                array NULL when no answer has one */
    uint32_t nsection_texts;
    const sc_section_texts *section_texts;  /* 'teksten:', in the order written */
    sc_audience_texts limits;               /* 'grenzen:' — the limits of the support the school can offer */
    uint32_t nambitions;
    const sc_plan *ambitions;               /* 'ambities:' — the school's own */
    uint32_t ndeveloping;
    const sc_plan *developing;              /* 'expertise_in_ontwikkeling:' */
} sc_profile;

/* Load and validate a profile from text (not necessarily NUL-terminated).
 * Every problem goes to `diags` as file:line:col errors: YAML errors, unknown keys (with a
 * "did you mean"), values of the wrong type or outside their scale or range, a peildatum
 * that is no date; in limits->lang (Dutch when limits is NULL or zero-initialised, see sc_yaml_limits). Returns 0 when the profile is valid, -1 when it is not (the profile is then
 * still filled as far as it could be, for reporting the school's identity). A required answer
 * that is not given is no error: it is listed in out->missing. */
int sc_profile_load(sc_arena *arena, const sc_rules *rules, const char *path, const char *text, size_t len,
                    const sc_yaml_limits *limits, sc_diag_sink *diags, sc_profile *out);

/* The peildatum of a profile text, read before the profile is bound to any rules (to choose the
 * version of the rules in force on that date): loads the YAML into a scratch arena of its own and
 * reads `school.peildatum`, silently. Returns 1 with *date and the value's *line, *col set; 0 when
 * the text has no readable peildatum (its errors are reported when the profile is loaded). */
int sc_profile_peek_peildatum(const char *text, size_t len, const sc_yaml_limits *limits, sc_date *date,
                              uint32_t *line, uint32_t *col);

#endif
