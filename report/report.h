/* report/report.h — report writers: results in, text out (text, json, ...); streaming, one profile at a time, never touching the engine. */
#ifndef SC_REPORT_H
#define SC_REPORT_H

#include <stdbool.h>

#include "../base/out.h"
#include "../dsl/describe.h"
#include "../engine/check.h"

typedef struct sc_report_opts {
    sc_lang lang;
    bool color;          /* terminal colours (text only) */
    bool ambitions;      /* include open ambitions where a format makes that optional (sarif) */
    const char *tool_version;
} sc_report_opts;

typedef struct sc_summary {
    unsigned profiles, compliant, not_compliant, incomplete, invalid;
} sc_summary;

/* A writer is called: begin once, profile once per input in order, end once. begin gets every
 * version of the rules the run may judge by, the primary (the report's header) first. `sopcheck
 * check` writes no report without rules; a writer called with none (nversions 0) still writes a
 * well-formed document, but the JSON one then has an empty "versions", which its schema refuses.
 * An input that could not even be read is passed as a result with status INVALID, no profile
 * text and one error at line 0. */
typedef struct sc_writer sc_writer;
struct sc_writer {
    void (*begin)(sc_writer *w, const sc_rules *const *versions, size_t nversions);
    void (*profile)(sc_writer *w, const sc_result *res);
    void (*end)(sc_writer *w, const sc_summary *sum);
    sc_out *out;
    sc_report_opts opts;
    const sc_rules *rules;
    unsigned count;      /* profiles written so far */
    size_t nversions;    /* versions of the rules the run judges by (set by begin, sc_writer_start) */
    sc_out scratch;      /* a reusable memory buffer for texts that must be escaped */
    void *priv;          /* a format's own per-writer state (json: pre-rendered parts), or NULL */
    void (*free_priv)(sc_writer *w);
};

/* What every begin does first: remember the primary version (w->rules) and how many versions
 * the run judges by (w->nversions); returns the primary, or NULL when there is none. */
static inline const sc_rules *sc_writer_start(sc_writer *w, const sc_rules *const *versions, size_t nversions)
{
    w->rules = nversions ? versions[0] : NULL;
    w->nversions = nversions;
    return w->rules;
}

/* Render a condition in words into the writer's scratch buffer and return it (valid until the next call). */
const char *sc_writer_words(sc_writer *w, const sc_pred *p, uint32_t self);
/* Free what a writer holds (called by the end callbacks). */
void sc_writer_release(sc_writer *w);

/* Set up a writer for a format name ("text", "json", "csv", ...); -1 for an unknown name. */
int sc_writer_init(sc_writer *w, const char *format, sc_out *out, const sc_report_opts *opts);
/* The names of the formats, for usage messages: "text, json". */
const char *sc_writer_formats(void);

void sc_summary_add(sc_summary *s, const sc_result *res);

/* Shared words, in the report's language. */
const char *sc_status_word(sc_profile_status s, sc_lang lang);
const char *sc_profile_status_id(sc_profile_status s);      /* "compliant", "not_compliant", ... */
const char *sc_item_status_id(sc_item_status s);            /* "met", "not_met", ... */
const char *sc_group_status_id(sc_group_status s);          /* "met", "not_met", "incomplete" */
const char *sc_ambition_id(sc_ambition_status s);           /* "reached", "open", NULL */
/* The text value of a school header field, or NULL. */
const char *sc_result_school(const sc_result *res, const char *field);

/* An answer as people read it ("65% (In ontwikkeling)", "leerkracht, ib", "(niet ingevuld)"),
 * unescaped: into a memory buffer, then escaped for the format. */
void sc_report_value(sc_out *o, const sc_result *res, uint32_t item, sc_lang lang);

/* For an unanswered item whose own answer may well be there but something it depends on is missing
 * (the peildatum, or another item's answer): writes "kan niet worden beoordeeld: de peildatum
 * ontbreekt" (or "…: 'school.soort' is niet ingevuld") and returns true; else writes nothing and
 * returns false (the item's own answer is missing: "niet ingevuld"). */
bool sc_report_blocked(sc_out *o, const sc_result *res, uint32_t item, sc_lang lang);

/* Error k of a result as a diagnostic, with its source line from the profile text when known
 * (for sc_diag_write). The pointers stay valid as long as the result. */
sc_diag sc_result_error_diag(const sc_result *res, uint32_t k);

/* Escapers: JSON string content (without quotes) and XML text/attribute content. */
void sc_write_json_string(sc_out *o, const char *s);
void sc_write_xml_escaped(sc_out *o, const char *s);
/* HTML text content: & < > " ' as references, LF and TAB as &#10; and &#9;, every other control
 * character (CR, DEL, C1), noncharacters and bytes that are not UTF-8 as U+FFFD; safe in element
 * content and in a quoted attribute value alike. */
void sc_write_html_escaped(sc_out *o, const char *s);

void sc_writer_text_init(sc_writer *w);
void sc_writer_json_init(sc_writer *w);
void sc_writer_junit_init(sc_writer *w);   /* JUnit XML (report/junit.c) */
void sc_writer_sarif_init(sc_writer *w);   /* SARIF 2.1.0 (report/sarif.c) */
void sc_writer_github_init(sc_writer *w);  /* GitHub workflow commands (report/github.c) */
void sc_writer_csv_init(sc_writer *w);     /* CSV for spreadsheets (report/csv.c) */
void sc_writer_html_init(sc_writer *w);    /* one self-contained HTML page (report/html.c) */

#endif
