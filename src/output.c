/*
 * output.c - output files that are never left half-written (used by the CLI).
 *
 * A file is written under a temporary name in its target folder and renamed into place
 * when complete, so a failure or an interrupt keeps the previous output intact. Pending
 * temporary files are removed by dl_out_cleanup(), which is async-signal-safe and meant
 * for SIGINT and SIGTERM handlers. The signals are blocked while a temporary file is
 * made and registered, and while it is renamed and forgotten, so that no interrupt falls
 * between the two and leaves a file behind.
 *
 * A symbolic link is followed (the file it names is replaced, the link stays); a device
 * or a FIFO is written in place.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"

#define MAX_PENDING 64

/* Temporary paths not yet renamed; read by the signal handler. */
static char pending[MAX_PENDING][4096 + 16];
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

/* Blocks (how SIG_BLOCK) or restores (SIG_SETMASK with *old) the signals whose handlers
 * call dl_out_cleanup(). */
static void block_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, old);
}

static void restore_signals(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}

/* Outputs of corpora run to hundreds of megabytes: a large buffer makes few write calls.
 * Without memory for it the stream keeps stdio's own. */
#define OUT_BUFFER (256 * 1024)

static void big_buffer(dl_out *o)
{
    o->buf = malloc(OUT_BUFFER);
    if (o->buf && setvbuf(o->fp, o->buf, _IOFBF, OUT_BUFFER) != 0) {
        free(o->buf);
        o->buf = NULL;
    }
}

/* Closes the stream and frees its buffer; fclose's result. */
static int close_fp(dl_out *o)
{
    int rc = fclose(o->fp);
    o->fp = NULL;
    free(o->buf);
    o->buf = NULL;
    return rc;
}

int dl_out_open(dl_out *o, const char *path, char *msg, size_t msglen)
{
    memset(o, 0, sizeof *o);
    o->slot = -1;
    if (strlen(path) >= sizeof o->path - 32) {
        snprintf(msg, msglen, "%.200s...: %s", path, strerror(ENAMETOOLONG));
        return -1;
    }
    snprintf(o->path, sizeof o->path, "%s", path);
    snprintf(o->target, sizeof o->target, "%s", path);
    if (strcmp(path, "-") == 0) {
        o->fp = stdout;
        return 0;
    }
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            snprintf(msg, msglen, "%s: %s", path, strerror(EISDIR));
            return -1;
        }
        o->direct = 1;
        o->fp = fopen(path, "wb");
        if (!o->fp) {
            snprintf(msg, msglen, "%s: %s", path, strerror(errno));
            return -1;
        }
        big_buffer(o);
        return 0;
    }
    struct stat lst;
    char real[PATH_MAX];
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) && realpath(path, real) &&
        strlen(real) < sizeof o->target - 32)
        snprintf(o->target, sizeof o->target, "%s", real);
    const char *t = o->target, *slash = strrchr(t, '/');
    if (slash)
        snprintf(o->tmp, sizeof o->tmp, "%.*s/.%s.tmpXXXXXX", (int)(slash - t), t, slash + 1);
    else
        snprintf(o->tmp, sizeof o->tmp, ".%s.tmpXXXXXX", t);
    sigset_t old;
    block_signals(&old);
    int fd = mkstemp(o->tmp);
    int e = errno;
    if (fd >= 0)
        o->slot = pending_add(o->tmp);
    restore_signals(&old);
    if (fd < 0) {
        o->tmp[0] = 0;
        snprintf(msg, msglen, "%s: %s", path, strerror(e));
        return -1;
    }
    o->fp = fdopen(fd, "wb");
    if (!o->fp) {
        snprintf(msg, msglen, "%s: %s", path, strerror(errno));
        close(fd);
        dl_out_abort(o);
        return -1;
    }
    big_buffer(o);
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
    if (!o->fp) {
        snprintf(msg, msglen, "%s: not open", o->path);
        return -1;
    }
    errno = 0;
    int bad = ferror(o->fp);
    int e = errno;
    if (fflush(o->fp) != 0) {
        bad = 1;
        e = errno;
    }
    if (close_fp(o) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    if (bad) {
        snprintf(msg, msglen, "%s: %s", o->path, e ? strerror(e) : "write error");
        dl_out_abort(o);
        return -1;
    }
    if (o->direct)
        return 0;
    /* mkstemp made the file 0600; an output is an ordinary file. */
    mode_t um = umask(0);
    umask(um);
    chmod(o->tmp, 0666 & ~um);
    sigset_t old;
    block_signals(&old);
    int rc = rename(o->tmp, o->target);
    int re = errno;
    if (rc == 0) {
        if (o->slot >= 0)
            pending_used[o->slot] = 0;
        o->slot = -1;
        o->tmp[0] = 0;
    }
    restore_signals(&old);
    if (rc != 0) {
        snprintf(msg, msglen, "%s: %s", o->path, strerror(re));
        dl_out_abort(o);
        return -1;
    }
    return 0;
}

void dl_out_abort(dl_out *o)
{
    if (o->fp && o->fp != stdout)
        close_fp(o);
    o->fp = NULL;
    sigset_t old;
    block_signals(&old);
    if (o->tmp[0])
        unlink(o->tmp);
    o->tmp[0] = 0;
    if (o->slot >= 0)
        pending_used[o->slot] = 0;
    o->slot = -1;
    restore_signals(&old);
}

int dl_out_write(const char *path, dl_out_fill fill, void *ctx, char *msg, size_t msglen)
{
    dl_out out;
    if (dl_out_open(&out, path, msg, msglen))
        return -1;
    dl_error err = {0};
    if (fill(out.fp, ctx, &err) != DL_OK) {
        snprintf(msg, msglen, "%s: %s", path, err.msg);
        dl_out_abort(&out);
        return -1;
    }
    return dl_out_commit(&out, msg, msglen);
}
