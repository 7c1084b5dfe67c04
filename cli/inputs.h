/* cli/inputs.h — turns the paths on the command line into the list of profiles to check: files, directories, standard input. */
#ifndef SC_INPUTS_H
#define SC_INPUTS_H

#include <stddef.h>

/* One input. When `problem` is set, the input could not be used (unreadable, an empty
 * directory, a symlink loop); it is still reported, exactly once. */
typedef struct sc_input {
    char *path;
    const char *problem;
} sc_input;

typedef struct sc_inputs {
    sc_input *items;
    size_t len, cap;
} sc_inputs;

/* Add a command-line path: "-" is standard input; a directory adds its *.yaml and *.yml files,
 * recursively, sorted by path. A path given twice is listed once. Returns -1 when out of memory. */
int sc_inputs_add(sc_inputs *in, const char *path);
void sc_inputs_free(sc_inputs *in);

/* Read a whole input into a malloc'd buffer (NUL-terminated). At most max_bytes: larger gives
 * -2. Returns 0, or -1 with a reason in *why. */
int sc_read_input(const char *path, size_t max_bytes, char **text, size_t *len, const char **why);

/* The same into a buffer kept from one input to the next (*buf, *cap bytes; NULL and 0 at first,
 * grown as needed, the caller frees it): no allocation per input, and for a file only open, read
 * until the end, close. */
int sc_read_input_into(const char *path, size_t max_bytes, char **buf, size_t *cap, size_t *len, const char **why);

#endif
