/*
 * output.c - output files that are never left half-written (used by the CLI).
 *
 * A file is written under a temporary name in its target folder and renamed into place
 * when complete, so a failure or an interrupt keeps the previous output intact. Pending
 * temporary files are removed by dl_out_cleanup(), which is async-signal-safe and meant
 * for SIGINT and SIGTERM handlers.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output.h"

#define MAX_PENDING 64

/* Temporary paths not yet renamed; read by the signal handler. */
static char pending[MAX_PENDING][4096];
static volatile sig_atomic_t pending_used[MAX_PENDING];

static int pending_add(const char *tmp)
{
    for (int i = 0; i < MAX_PENDING; i++) {
        if (!pending_used[i]) {
            snprintf(pending[i], sizeof pending[i], "%s", tmp);
            pending_used[i] = 1;
            return i;
        }
    }
    return -1;
}

void dl_out_cleanup(void)
{
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending_used[i]) {
            unlink(pending[i]);
            pending_used[i] = 0;
        }
}

int dl_out_open(dl_out *o, const char *path, char *msg, size_t msglen)
{
    memset(o, 0, sizeof *o);
    o->slot = -1;
    snprintf(o->path, sizeof o->path, "%s", path);
    if (strcmp(path, "-") == 0) {
        o->fp = stdout;
        return 0;
    }
    const char *slash = strrchr(path, '/');
    if (slash)
        snprintf(o->tmp, sizeof o->tmp, "%.*s/.%s.tmpXXXXXX", (int)(slash - path), path, slash + 1);
    else
        snprintf(o->tmp, sizeof o->tmp, ".%s.tmpXXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        snprintf(msg, msglen, "%s: %s", path, strerror(errno));
        return -1;
    }
    o->slot = pending_add(o->tmp);
    o->fp = fdopen(fd, "wb");
    if (!o->fp) {
        snprintf(msg, msglen, "%s: %s", path, strerror(errno));
        close(fd);
        dl_out_abort(o);
        return -1;
    }
    return 0;
}

int dl_out_commit(dl_out *o, char *msg, size_t msglen)
{
    if (o->fp == stdout) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            snprintf(msg, msglen, "standard output: %s", strerror(errno));
            return -1;
        }
        o->fp = NULL;
        return 0;
    }
    if (!o->fp)
        return -1;
    int bad = ferror(o->fp);
    if (fflush(o->fp) != 0)
        bad = 1;
    int e = errno;
    if (fclose(o->fp) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    o->fp = NULL;
    if (bad) {
        snprintf(msg, msglen, "%s: %s", o->path, e ? strerror(e) : "write error");
        dl_out_abort(o);
        return -1;
    }
    /* mkstemp made the file 0600; an output is an ordinary file. */
    mode_t um = umask(0);
    umask(um);
    chmod(o->tmp, 0666 & ~um);
    if (rename(o->tmp, o->path) != 0) {
        snprintf(msg, msglen, "%s: %s", o->path, strerror(errno));
        dl_out_abort(o);
        return -1;
    }
    if (o->slot >= 0)
        pending_used[o->slot] = 0;
    o->slot = -1;
    return 0;
}

void dl_out_abort(dl_out *o)
{
    if (o->fp && o->fp != stdout)
        fclose(o->fp);
    o->fp = NULL;
    if (o->tmp[0])
        unlink(o->tmp);
    if (o->slot >= 0)
        pending_used[o->slot] = 0;
    o->slot = -1;
}
