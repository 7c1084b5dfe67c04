/* base/file.h — reading a whole file or stream into memory, with a size limit, for rules and profiles alike. */
#ifndef SC_FILE_H
#define SC_FILE_H

#include <stddef.h>
#include <stdio.h>

/* Read all of fp into a malloc'd, NUL-terminated buffer. Returns 0; -1 with a reason in *why
 * (a static text: read error, out of memory); -2 when the stream holds more than max_bytes. */
int sc_read_stream(FILE *fp, size_t max_bytes, char **text, size_t *len, const char **why);

#endif
