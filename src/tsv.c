/*
 * tsv.c - reading the plain TSV files of data/ (and users' files in the same formats):
 * '#' comment lines, blank lines skipped, one header line checked against the expected
 * columns, rows with exactly that many cells. Errors name the file and line.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static int count_cols(const char *s, size_t n)
{
    int c = 1;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\t')
            c++;
    return c;
}

/* Returns the next line [*ls, *le) without its line ending, or 0 at the end. */
static int next_line(dl_tsv *t, const char **ls, const char **le)
{
    if (t->p >= t->end)
        return 0;
    const char *s = t->p;
    const char *e = memchr(s, '\n', (size_t)(t->end - s));
    t->p = e ? e + 1 : t->end;
    if (!e)
        e = t->end;
    if (e > s && e[-1] == '\r')
        e--;
    t->line++;
    *ls = s;
    *le = e;
    return 1;
}

static int skip_line(const char *s, const char *e)
{
    if (s == e || *s == '#')
        return 1;
    for (const char *q = s; q < e; q++)
        if (*q != ' ' && *q != '\t')
            return 0;
    return 1;
}

dl_status dl_tsv_open_mem(dl_tsv *t, const char *src, const char *text, size_t len,
                          const char *header, dl_error *err)
{
    memset(t, 0, sizeof *t);
    t->src = src;
    t->p = text;
    t->end = text + len;
    /* A BOM before the first line is tolerated: spreadsheets add one. */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        t->p += 3;
    const char *ls, *le;
    while (next_line(t, &ls, &le)) {
        if (skip_line(ls, le))
            continue;
        size_t hl = strlen(header);
        if ((size_t)(le - ls) != hl || memcmp(ls, header, hl) != 0)
            return dl_fail(err, DL_EDATA, "%s:%d: expected the header \"%s\"", src, t->line, header);
        t->ncols = count_cols(header, hl);
        return DL_OK;
    }
    return dl_fail(err, DL_EDATA, "%s: no header line (expected \"%s\")", src, header);
}

dl_status dl_tsv_open_file(dl_tsv *t, const char *path, const char *header, dl_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return dl_fail(err, DL_EIO, "%s: %s", path, strerror(errno));
    dl_buf b;
    dl_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        dl_buf_append(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        dl_buf_free(&b);
        return dl_fail(err, DL_EIO, "%s: read error", path);
    }
    if (b.oom) {
        dl_buf_free(&b);
        return dl_fail(err, DL_ENOMEM, "%s: out of memory", path);
    }
    if (!b.p)
        dl_buf_append(&b, "", 0);
    if (b.oom)
        return dl_fail(err, DL_ENOMEM, "%s: out of memory", path);
    if (memchr(b.p, 0, b.len)) {
        dl_buf_free(&b);
        return dl_fail(err, DL_EDATA, "%s: not a text file (NUL byte)", path);
    }
    dl_status st = dl_tsv_open_mem(t, path, b.p, b.len, header, err);
    t->copy = b.p;
    if (st != DL_OK) {
        free(b.p);
        t->copy = NULL;
    }
    return st;
}

int dl_tsv_next(dl_tsv *t, const char **cells, size_t *lens, int max, dl_error *err)
{
    const char *ls, *le;
    while (next_line(t, &ls, &le)) {
        if (skip_line(ls, le))
            continue;
        /* The cells are found and counted in one pass of memchr (a byte loop cost
         * more than the rest of the reading); cells past max are counted only. */
        int n = 0;
        for (const char *s = ls;;) {
            const char *e = memchr(s, '\t', (size_t)(le - s));
            if (n < max) {
                cells[n] = s;
                lens[n] = (size_t)((e ? e : le) - s);
            }
            n++;
            if (!e)
                break;
            s = e + 1;
        }
        if (n != t->ncols || n > max) {
            dl_fail(err, DL_EDATA, "%s:%d: %d columns, expected %d", t->src, t->line, n, t->ncols);
            return -1;
        }
        return 1;
    }
    return 0;
}

void dl_tsv_close(dl_tsv *t)
{
    free(t->copy);
    t->copy = NULL;
}
