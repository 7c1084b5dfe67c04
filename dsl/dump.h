/* dsl/dump.h — the compiled rules in a canonical, readable form (sopcheck compile --dump). */
#ifndef SC_DUMP_H
#define SC_DUMP_H

#include "../base/out.h"
#include "rules.h"

void sc_rules_dump(sc_out *o, const sc_rules *r);
/* A text in the rules language's quotes, with \" and \\ escaped. */
void sc_write_quoted(sc_out *o, const char *s);

#endif
