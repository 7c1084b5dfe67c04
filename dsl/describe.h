/* dsl/describe.h — compiled conditions back to text: in the rules language (canonical) and in words for reports (Dutch or English). */
#ifndef SC_DESCRIBE_H
#define SC_DESCRIBE_H

#include "../base/out.h"
#include "rules.h"

#include "../include/sopcheck.h" /* sc_lang */

/* The condition in the rules language, e.g. "school or better", "at least 2",
 * "sop.vastgesteld is ja and contains leerkracht, ib". The subject is written only when it
 * differs from `self` (the item the condition belongs to; SC_NONE to always write it). */
void sc_pred_write_rules(sc_out *o, const sc_rules *r, const sc_pred *p, uint32_t self);

/* The condition in words for a school: "minstens op school", "ontwikkeld of hoger",
 * "binnen 12 maanden vóór de peildatum". */
void sc_pred_write_words(sc_out *o, const sc_rules *r, const sc_pred *p, uint32_t self, sc_lang lang);

/* The display text of a scale member or a band (its label, or its name). */
const char *sc_member_text(const sc_rules *r, uint32_t scale, uint32_t member);
const char *sc_band_text(const sc_rules *r, uint32_t bandset, uint32_t band);

#endif
