/* base/diag_write.h — renders diagnostics and untrusted text for people (terminal-safe). */
#ifndef SC_DIAG_WRITE_H
#define SC_DIAG_WRITE_H

#include <stdbool.h>

#include "diag.h"
#include "out.h"

/* file:line:col: error: message, the source line, a caret under the column, and "hint: ...".
 * `words` names the severities and the hint (error, warning, note, hint) in the reader's
 * language; NULL: English. */
void sc_diag_write(sc_out *o, const sc_diag *d, bool color, const char *const words[4]);
/* Those four words in Dutch: fout, waarschuwing, opmerking, tip. */
const char *const *sc_diag_words_dutch(void);

/* Write text with control characters (ESC, CR, C1 controls, ...) and bytes that are not valid
 * UTF-8 replaced by '?' (a tab by a space), so that text from a profile cannot steer the reader's
 * terminal. */
void sc_write_safe(sc_out *o, const char *s, size_t n);

#endif
