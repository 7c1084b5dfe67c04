/* dsl/fmt.h — the canonical layout of one rules file (sopcheck fmt): same program, same comments, one way to write it. */
#ifndef SC_FMT_H
#define SC_FMT_H

#include <stddef.h>

#include "../base/diag.h"
#include "../base/out.h"

#define SC_FMT_WIDTH 100 /* texts and scales are wrapped to stay within this many columns */

/* Format the rules text `text` (len bytes; `path` names it in diagnostics) into `o`.
 * Includes are not followed: only this text is read. Every comment is kept, at the statement it
 * stood before or at the end of the line it ended; at most one blank line is kept where the
 * text had one or more. The result parses to the same program, and formatting it again changes
 * nothing. Returns 0, or -1 when the text has errors (reported to `diags`; nothing is written)
 * or memory ran out (reported too). */
int sc_fmt_rules(sc_out *o, const char *path, const char *text, size_t len, sc_diag_sink *diags);

#endif
