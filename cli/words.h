/* cli/words.h — what template and explain share: texts wrapped into prefixed lines with nothing harmful left in them, and an item's allowed answers and bands in Dutch or English words. */
#ifndef SC_CLI_WORDS_H
#define SC_CLI_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/out.h"
#include "dsl/describe.h"

/* --- lines of text -------------------------------------------------------------------------------- */

/* What a text loses on its way out. Control characters (C0, DEL, C1) always become '?', so that rules
 * text cannot steer a terminal; in YAML comments U+FFFE/U+FFFF become '?' too and byte-order marks go. */
typedef enum sc_words_clean { SC_WORDS_TERMINAL, SC_WORDS_YAML } sc_words_clean;

/* Columns of n bytes of UTF-8 (one per character). */
size_t sc_words_columns(const char *s, size_t n);

/* n bytes of one word, cleaned. */
void sc_words_write_word(sc_out *o, const char *s, size_t n, sc_words_clean clean);

/* Write `text` as lines of at most `width` columns (a longer word gets a line of its own): the first line
 * starts with `lead`, every further line (wrapped, or after a line break in the text: LF, CR, CRLF, NEL,
 * LS, PS) with `hang`. No line ends in blanks, and every line of the text gets its prefix, so a text can
 * never leave a comment or a field. */
void sc_words_wrapped(sc_out *o, const char *lead, const char *hang, const char *text, size_t width,
                      sc_words_clean clean);

/* A memory sink emptied for a new text, and the text in it ("" before anything was written). */
sc_out *sc_words_scratch(sc_out *s);
const char *sc_words_text(const sc_out *s);

/* --- what an item takes --------------------------------------------------------------------------- */

/* The words for answers, in one language. Answers themselves (ja, nee, members) stay as the rules name them. */
typedef struct sc_words {
    const char *yesno, *number, *percent, *date, *text, *choose, *list, *best_first, *below, *upto, *or_more,
        *required;
} sc_words;

const sc_words *sc_words_for(sc_lang lang);

/* What the item takes: "ja of nee", "een getal van 0 tot 52", "kies uit: school (op schoolniveau), ...",
 * then "; verplicht" when an answer is required (the peildatum always is). */
void sc_words_answer(sc_out *s, const sc_words *w, const sc_rules *r, const sc_item *it);

/* Whether the item's answers fall into bands, and the bands: "Niet ontwikkeld: onder 50, In ontwikkeling:
 * 50 tot 70, ...". */
bool sc_words_banded(const sc_item *it);
void sc_words_bands(sc_out *s, const sc_words *w, const sc_rules *r, uint32_t bandset);

#endif
