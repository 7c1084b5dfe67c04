/* base/file.h — reading a whole file or stream into memory, with a size limit, for rules and profiles alike. */
#ifndef SC_FILE_H
#define SC_FILE_H

#include <stddef.h>
#include <stdio.h>

/* Read all of fp into a malloc'd, NUL-terminated buffer. Returns 0; -1 with a reason in *why
 * (a static text: read error, out of memory); -2 when the stream holds more than max_bytes. */
int sc_read_stream(FILE *fp, size_t max_bytes, char **text, size_t *len, const char **why);

/* Open path for reading without ever waiting: O_NONBLOCK, so that a FIFO (or a device) opens at
 * once, then fstat, and only a regular file is kept (a FIFO, socket or device named *.yaml would
 * hang a read or never end). Returns the descriptor, blocking again, or -1 with a reason in *why (a
 * static text: "no such file", "is a directory", "is not a regular file", or the system's). */
int sc_open_regular(const char *path, const char **why);

/* The same as a stdio stream ("rb"); NULL with a reason in *why. */
FILE *sc_fopen_regular(const char *path, const char **why);

#endif
