/* report/report.h — report writers: results in, text out (text, json, ...); streaming, one profile at a time, never touching the engine. */
#ifndef SC_REPORT_H
#define SC_REPORT_H

#include <stdbool.h>

#include "../base/out.h"
#include "../dsl/describe.h"
#include "../engine/check.h"

/* sc_report_opts, sc_summary and the accumulator (sc_accum, what crosses profiles: the totals, and
 * tomorrow an overview per bestuur or per wijk; see include/sopcheck.h) are public. Under -j each
 * item in flight has its own accumulator (the worker adds its one result into the slot's), and the
 * calling thread merges them into the run's in input order, so that a view that lists schools
 * lists them in the order of the inputs whatever -j is. */

/* --- writers -----------------------------------------------------------------------------------
 *
 * A writer is called through sc_writer_begin once, sc_writer_profile once per input in order, and
 * sc_writer_end once. begin gets every version of the rules the run may judge by, the primary (the
 * report's header) first; each result carries the version that judged it (res->rules), and the
 * writer renders it by that version alone. `sopcheck check` writes no report without rules; a
 * writer called with none (nversions 0) still writes a well-formed document, but the JSON one then
 * has an empty "versions", which its schema refuses. An input that could not even be read is
 * passed as a result with status INVALID, no profile text and one error at line 0.
 *
 * The writer owns its whole output: the separators between profiles (or, in SARIF, between
 * results), and where an invalid profile's errors go: a report that shows them with their source
 * lines (text) keeps them; the others carry them in their own form and also write them as
 * diagnostics (file:line:col: error: ..., the line, a caret) to `err`, when the caller gives one.
 *
 * Several writers of one format can share a run (the -j workers): each writes a profile into
 * buffers of its own (sc_writer_fragment), and the run's writer joins them in input order
 * (sc_writer_join), adding the separators; the output is byte for byte that of one writer. */
typedef struct sc_writer sc_writer;
struct sc_writer {
    /* the format's own steps, called by sc_writer_begin, sc_writer_profile and sc_writer_end */
    void (*begin)(sc_writer *w, const sc_rules *const *versions, size_t nversions);
    void (*profile)(sc_writer *w, const sc_result *res);
    void (*end)(sc_writer *w, const sc_accum *acc);
    sc_out *out;
    sc_out *err;         /* where invalid profiles' errors go as diagnostics (see above), or NULL */
    sc_report_opts opts;
    const char *sep;     /* the format's separator between two pieces of its stream, or NULL (set by init) */
    bool errors_shown;   /* the report itself shows an invalid profile's errors with their lines (set by init) */
    bool written;        /* a piece has been written since begin: the next one comes after `sep` */
    const sc_rules *const *versions; /* from begin */
    size_t nversions;
    sc_out scratch;      /* a reusable memory buffer for texts that must be escaped */
    void *priv;          /* a format's own per-writer state (json: pre-rendered parts), or NULL */
    void (*free_priv)(sc_writer *w);
};

/* Set up a writer for a format name ("text", "json", "csv", ...) writing to `out` (and its
 * diagnostics to `err`, which may be NULL); -1 for an unknown name. */
int sc_writer_init(sc_writer *w, const char *format, sc_out *out, sc_out *err, const sc_report_opts *opts);
/* sc_writer_begin (the report's head), sc_writer_profile (one profile's report, and its errors to
 * `err` where the format sends them) and sc_writer_end (the report's tail, with what the
 * accumulator added up; frees what the writer holds) are public: include/sopcheck.h. Each returns
 * SC_ERROR_IO once out->failed. */

/* Free what a writer holds without writing its tail (a worker's writer; sc_writer_end does it too). */
void sc_writer_release(sc_writer *w);

/* A writer that writes profiles for another writer of its format to join (a -j worker): set up
 * for the versions as sc_writer_begin does, without writing the report's head. */
void sc_writer_begin_fragments(sc_writer *w, const sc_rules *const *versions, size_t nversions);
/* One profile's report into `out` and its diagnostics into `err` (memory buffers, emptied
 * first), with no separator before it. */
void sc_writer_fragment(sc_writer *w, const sc_result *res, sc_out *out, sc_out *err);
/* The run's writer takes a fragment: its diagnostics to w->err, then its separator (when this is
 * not the first piece and the fragment is not empty) and the report to w->out. A failed fragment
 * fails the report. */
void sc_writer_join(sc_writer *w, const sc_out *out, const sc_out *err);

/* For a format: what every begin does first: remember the versions; returns the primary, or NULL
 * when there is none. */
static inline const sc_rules *sc_writer_start(sc_writer *w, const sc_rules *const *versions, size_t nversions)
{
    w->versions = versions;
    w->nversions = nversions;
    w->written = false;
    return nversions ? versions[0] : NULL;
}

/* For a format: before a piece that a separator parts from the one before (a profile; in SARIF a
 * result): true when one was written since begin, so the separator is due; marks this one written. */
static inline bool sc_writer_next(sc_writer *w)
{
    bool due = w->written;
    w->written = true;
    return due;
}

/* A condition of the version r in words, into the writer's scratch buffer (valid until the next call). */
const char *sc_writer_words(sc_writer *w, const sc_rules *r, const sc_pred *p, uint32_t self);

void sc_summary_add(sc_summary *s, const sc_result *res);
void sc_summary_merge(sc_summary *dst, const sc_summary *src);

/* Shared words, in the report's language. */
const char *sc_status_word(sc_profile_status s, sc_lang lang);
const char *sc_profile_status_id(sc_profile_status s);      /* "compliant", "not_compliant", ... */
const char *sc_item_status_id(sc_item_status s);            /* "met", "not_met", ... */
const char *sc_group_status_id(sc_group_status s);          /* "met", "not_met", "incomplete" */
const char *sc_ambition_id(sc_ambition_status s);           /* "reached", "open", NULL */

/* An answer as people read it ("65% (In ontwikkeling)", "leerkracht, ib", "(niet ingevuld)"),
 * unescaped: into a memory buffer, then escaped for the format. */
void sc_report_value(sc_out *o, const sc_result *res, uint32_t item, sc_lang lang);

/* An answer of the offer (or any answer with a long form) as people read it, with the places and hours
 * its long form adds: "op schoolniveau, 8 plaatsen, 4 uur per week"; unescaped, like sc_report_value. */
void sc_report_offer_answer(sc_out *o, const sc_result *res, uint32_t item, sc_lang lang);

/* How many fields of the offer (every catalogue of the judging version) a valid result answers, of how many. */
void sc_report_offer_count(const sc_result *res, uint32_t *answered, uint32_t *total);

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
