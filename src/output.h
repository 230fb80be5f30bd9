/*
 * output.h - atomic output files for the CLI (output.c). Not part of the library.
 */
#ifndef DL_OUTPUT_H
#define DL_OUTPUT_H

#include <stdio.h>
#include <sys/stat.h>

#include "dateline.h"

typedef struct dl_out {
    FILE *fp;            /* where to write */
    char path[4096];     /* the final path as the user gave it, or "-" for standard output */
    char target[4096];   /* the file renamed into: path, or the file a symbolic link names */
    char tmp[4096 + 16];   /* the temporary file beside it */
    int slot;            /* its place in the list of pending temporary files */
    int direct;          /* a device or a FIFO (/dev/null, /dev/stdout): written in place */
    char *buf;           /* the stream's buffer (large: few write calls), or NULL */
} dl_out;

/* Opens a temporary file beside path ("-": standard output). A path that names a device,
 * a FIFO or a socket is opened and written directly (there is nothing to rename, and a
 * rename would replace the device). 0, or -1 with msg filled. */
int dl_out_open(dl_out *o, const char *path, char *msg, size_t msglen);
/* Flushes, closes and renames into place. 0, or -1 with msg filled (the old file stays). */
int dl_out_commit(dl_out *o, char *msg, size_t msglen);
/* Closes and removes the temporary file; the previous output stays as it was. */
void dl_out_abort(dl_out *o);
/* Writes what fill writes to a whole file at path atomically (open, fill, commit; abort on
 * any failure). Returns 0, or -1 with msg filled ("PATH: reason"). */
typedef dl_status (*dl_out_fill)(FILE *f, void *ctx, dl_error *err);
int dl_out_write(const char *path, dl_out_fill fill, void *ctx, char *msg, size_t msglen);
/* Removes every pending temporary file; async-signal-safe. */
void dl_out_cleanup(void);

#endif
