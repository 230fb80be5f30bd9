/*
 * main.c - the dateline command: parses options, reads files, calls the library and
 * writes outputs. Errors go to stderr as "dateline: error: FILE: message".
 *
 * Exit status: 0 success; 1 an input, data or output error (the other inputs still ran);
 * 2 a usage error.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "dateline.h"
#include "output.h"

#define PROG "dateline"

/* ---------------------------------------------------------------- options */


static void usage(FILE *f)
{
    fputs("Usage: " PROG " [options] FILE|DIR|- ...\n"
          "       " PROG " [options] --jsonl < documents.jsonl\n"
          "       " PROG " merge [options] [EVENTS.jsonl ...]\n"
          "Reads English news articles and writes a timeline of dated events (CSV) and an\n"
          "actor-relationship graph (Graphviz).\n\n"
          "Dates:\n"
          "  --dct YYYY-MM-DD     document creation date (default: read from the document's top\n"
          "                       lines, or from --manifest)\n"
          "  --manifest PATH      TSV doc<TAB>date[<TAB>url]: the date of each document\n"
          "Outputs (PATH '-' is standard output):\n"
          "  --csv PATH           timeline CSV\n"
          "  --timex-tsv PATH     every time expression (doc, start, end, type, value, text)\n"
          "  --timeml PATH        the text with TimeML <TIMEX3> tags (one document)\n"
          "  --actors-csv PATH    one row per actor\n"
          "  --dot PATH           actor graph in DOT\n"
          "  --svg PATH, --png PATH, --pdf PATH   actor graph rendered by Graphviz\n"
          "  --jsonl-out PATH     events as JSON Lines (one object per event), the input of\n"
          "                       'dateline merge'\n"
          "  --timelinejs-csv PATH   TimelineJS spreadsheet (its template's columns)\n"
          "  --timelinejs-json PATH  TimelineJS JSON\n"
          "  --gexf PATH          dynamic actor graph in GEXF 1.3 (Gephi)\n"
          "  -o, --output-dir DIR where outputs go when none of the above is given:\n"
          "                       DIR/<doc>.csv, .dot, .svg, or with --merge DIR/timeline.csv,\n"
          "                       graph.dot, graph.svg (default: output)\n"
          "Corpora:\n"
          "  --merge              one timeline and one graph for all documents; the same event\n"
          "                       told by several documents is one row, with 'mentions' and\n"
          "                       'docs' columns added to the timeline CSV\n"
          "  --jsonl              read documents as JSON Lines on standard input\n"
          "                       ({\"id\",\"date\",\"text\",\"url\"} per line) and write their\n"
          "                       events as JSON Lines on standard output (unless outputs are\n"
          "                       named), flushed after each document\n"
          "  -j, --jobs N         process documents on N threads (output identical to -j 1)\n"
          "  merge [FILE...]      merge event lines (of --jsonl or --jsonl-out; standard input\n"
          "                       when no FILE) into one timeline and graph (default: --csv -)\n"
          "Options:\n"
          "  --actors FILE        add or override actors (format of data/actors.tsv)\n"
          "  --bom                start CSV files with a UTF-8 byte order mark (for Excel)\n"
          "  --undated            add events without a date at the end of the timeline\n"
          "  --layout NAME        graph layout: dot, neato, sfdp, circo (default by size)\n"
          "  --event-nodes        show events without a target as small nodes\n"
          "  --min-weight N       keep graph edges with at least N events\n"
          "  --top N              keep the N heaviest graph edges\n"
          "  -q, --quiet          no summary or progress lines on stderr\n"
          "  -h, --help           this help\n"
          "  -V, --version        the version\n"
          "Exit status: 0 success, 1 an input or data error, 2 a usage error.\n",
          f);
}

static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, PROG ": ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry '" PROG " --help'.\n");
    va_end(ap);
    return 2;
}

static void error(const char *fmt, ...)
{
    dl_progress_clear();
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, PROG ": error: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int parse_int(const char *s, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < 0 || v > 1000000000)
        return -1;
    *out = (int)v;
    return 0;
}

/* ---------------------------------------------------------------- strings */

/* The names of a corpus' files and its manifest lines: hundreds of thousands of small
 * strings, kept in large blocks rather than one allocation each. */
typedef struct block {
    struct block *next;
    size_t used, size;
    char data[];
} block;

static block *strings;

/* A copy of s[0..n) (NUL added) that lives until pool_free; NULL when out of memory. */
static char *pool_dup(const char *s, size_t n)
{
    if (!strings || strings->size - strings->used < n + 1) {
        size_t size = n + 1 > 65536 ? n + 1 : 65536;
        block *b = malloc(sizeof *b + size);
        if (!b)
            return NULL;
        b->next = strings;
        b->used = 0;
        b->size = size;
        strings = b;
    }
    char *p = strings->data + strings->used;
    memcpy(p, s, n);
    p[n] = 0;
    strings->used += n + 1;
    return p;
}

static void pool_free(void)
{
    while (strings) {
        block *n = strings->next;
        free(strings);
        strings = n;
    }
}

/* ---------------------------------------------------------------- inputs */

typedef struct input {
    char *path;     /* "-" for standard input */
    char *name;     /* the document id */
    int regular;    /* a regular file, of this device, inode and size when listed */
    dev_t dev;
    ino_t ino;
    off_t size;
} input;

typedef struct inputs {
    input *v;
    size_t n, cap;
} inputs;

static char *doc_name(const char *path)
{
    if (strcmp(path, "-") == 0)
        return pool_dup("stdin", 5);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return pool_dup(base, n);
}

/* Adds path; st, when not NULL, is what stat said of it (one stat per file of a corpus). */
static int add_input(inputs *in, const char *path, const struct stat *st)
{
    if (in->n == in->cap) {
        size_t nc = in->cap ? in->cap * 2 : 16;
        input *v = realloc(in->v, nc * sizeof *v);
        if (!v)
            return -1;
        in->v = v;
        in->cap = nc;
    }
    input *f = &in->v[in->n];
    f->path = pool_dup(path, strlen(path));
    f->name = doc_name(path);
    if (!f->path || !f->name)
        return -1;
    f->regular = st && S_ISREG(st->st_mode);
    f->dev = f->regular ? st->st_dev : 0;
    f->ino = f->regular ? st->st_ino : 0;
    f->size = f->regular ? st->st_size : 0;
    in->n++;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the *.txt files below dir, recursively, in sorted order. */
static int add_dir(inputs *in, const char *dir, int depth)
{
    if (depth > 64)
        return 0;
    DIR *dp = opendir(dir);
    if (!dp) {
        error("%s: %s", dir, strerror(errno));
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dp))) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn)
                break;
            names = nn;
        }
        names[n++] = strdup(de->d_name);
    }
    closedir(dp);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (!names[i])
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        struct stat st;
        int ok = stat(path, &st) == 0;
        if (ok && S_ISDIR(st.st_mode)) {
            rc |= add_dir(in, path, depth + 1);
        } else {
            size_t l = strlen(names[i]);
            if (l > 4 && strcmp(names[i] + l - 4, ".txt") == 0 && add_input(in, path, ok ? &st : NULL))
                rc = 1;
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

/* A regular file in one read (corpora are many small files: no stdio stream for each).
 * Returns the text, or NULL with *fallback set when the file is not regular or changes
 * size while read (read_all then reads it as a stream), or NULL with msg filled. */
static char *read_regular(const char *path, size_t *len, int *fallback, char *msg, size_t msglen)
{
    *fallback = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(msg, msglen, "%s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (unsigned long long)st.st_size >= DL_MAX_DOC_BYTES) {
        close(fd);
        *fallback = 1;      /* the stream reader says why, or reads what is not a file */
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        close(fd);
        snprintf(msg, msglen, "out of memory");
        return NULL;
    }
    for (;;) {
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            close(fd);
            free(buf);
            snprintf(msg, msglen, "%s", e == EISDIR ? "is a directory" : strerror(e));
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n == cap) {     /* it grew while read */
            close(fd);
            free(buf);
            *fallback = 1;
            return NULL;
        }
    }
    close(fd);
    *len = n;
    return buf;
}

/* Reads a whole file ("-": standard input). Returns NULL with msg filled. */
static char *read_all(const char *path, size_t *len, char *msg, size_t msglen)
{
    if (strcmp(path, "-") != 0) {
        int fallback;
        char *text = read_regular(path, len, &fallback, msg, msglen);
        if (text || !fallback)
            return text;
    }
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        snprintf(msg, msglen, "%s", strerror(errno));
        return NULL;
    }
    /* No more than the library takes: a huge file is refused before it is read, and an
     * endless one (/dev/zero, a pipe that never ends) stops at the limit. */
    const size_t limit = DL_MAX_DOC_BYTES;
    size_t cap = 1 << 16, n = 0;
    struct stat st;
    if (fstat(fileno(f), &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            if (f != stdin)
                fclose(f);
            snprintf(msg, msglen, "is a directory");
            return NULL;
        }
        if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size >= limit) {
            if (f != stdin)
                fclose(f);
            snprintf(msg, msglen, "document too large (%lld bytes; the limit is %zu)",
                     (long long)st.st_size, limit - 1);
            return NULL;
        }
        if (S_ISREG(st.st_mode) && (size_t)st.st_size + 1 > cap)
            cap = (size_t)st.st_size + 1;   /* one allocation, and EOF seen at once */
    }
    char *buf = malloc(cap);
    int too_large = 0;
    while (buf) {
        if (n >= limit) {
            too_large = 1;
            break;
        }
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    int bad = ferror(f);
    int e = errno;
    if (f != stdin)
        fclose(f);
    if (!buf) {
        snprintf(msg, msglen, "out of memory");
        return NULL;
    }
    if (too_large) {
        free(buf);
        snprintf(msg, msglen, "document too large (more than %zu bytes)", limit - 1);
        return NULL;
    }
    if (bad) {
        free(buf);
        snprintf(msg, msglen, "%s", e == EISDIR ? "is a directory" : strerror(e));
        return NULL;
    }
    *len = n;
    return buf;
}

/* ---------------------------------------------------------------- manifest */

typedef struct manifest {
    char **doc, **date, **url;
    size_t n;
    size_t *order;   /* indexes sorted by doc, then line: look-ups are binary searches */
} manifest;

static int cmp_manifest(const void *a, const void *b, void *ctx)
{
    const manifest *m = ctx;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int c = strcmp(m->doc[x], m->doc[y]);
    return c ? c : (x > y) - (x < y);
}

static int load_manifest(manifest *m, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        error("%s: %s", path, strerror(errno));
        return -1;
    }
    char *line = NULL;   /* getline: a long line (a long URL) stays one line */
    size_t linecap = 0;
    int lineno = 0, rc = 0;
    size_t cap = 0;
    while (getline(&line, &linecap, f) >= 0) {
        lineno++;
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        char *t1 = strchr(line, '\t');
        if (!t1) {
            error("%s:%d: expected doc<TAB>date[<TAB>url]", path, lineno);
            rc = -1;
            break;
        }
        *t1 = 0;
        char *date = t1 + 1, *t2 = strchr(date, '\t');
        if (t2)
            *t2 = 0;
        if (lineno == 1 && (!strcmp(line, "doc") || !strcmp(line, "doc_id")))
            continue;
        dl_date dt;
        dl_error err;
        if (dl_date_parse(date, &dt, &err) != DL_OK) {
            error("%s:%d: %s", path, lineno, err.msg);
            rc = -1;
            break;
        }
        if (m->n == cap) {
            cap = cap ? cap * 2 : 64;
            m->doc = realloc(m->doc, cap * sizeof(char *));
            m->date = realloc(m->date, cap * sizeof(char *));
            m->url = realloc(m->url, cap * sizeof(char *));
            if (!m->doc || !m->date || !m->url) {
                error("out of memory");
                rc = -1;
                break;
            }
        }
        m->doc[m->n] = pool_dup(line, strlen(line));
        m->date[m->n] = pool_dup(date, strlen(date));
        m->url[m->n] = t2 ? pool_dup(t2 + 1, strlen(t2 + 1)) : NULL;
        if (!m->doc[m->n] || !m->date[m->n] || (t2 && !m->url[m->n])) {
            error("out of memory");
            rc = -1;
            break;
        }
        m->n++;
    }
    free(line);
    fclose(f);
    if (rc == 0 && m->n) {
        m->order = malloc(m->n * sizeof *m->order);
        if (!m->order) {
            error("out of memory");
            return -1;
        }
        for (size_t i = 0; i < m->n; i++)
            m->order[i] = i;
        qsort_r(m->order, m->n, sizeof *m->order, cmp_manifest, m);
    }
    return rc;
}

/* The first line naming doc, if any. */
static void manifest_lookup(const manifest *m, const char *doc, const char **date, const char **url)
{
    size_t lo = 0, hi = m->order ? m->n : 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(m->doc[m->order[mid]], doc) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < (m->order ? m->n : 0) && strcmp(m->doc[m->order[lo]], doc) == 0) {
        *date = m->date[m->order[lo]];
        *url = m->url[m->order[lo]];
    }
}

static void manifest_free(manifest *m)
{
    free(m->doc);
    free(m->date);
    free(m->url);
    free(m->order);
}

/* ---------------------------------------------------------------- signals */

static void on_signal(int sig)
{
    dl_out_cleanup();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* ---------------------------------------------------------------- writing */

typedef dl_status (*writer)(dl_doc *const *docs, size_t n, FILE *out, const opts *o, dl_error *err);

static dl_status w_csv(dl_doc *const *d, size_t n, FILE *f, const opts *o, dl_error *e)
{
    return dl_write_csv(d, n, f, o->csv_flags, e);
}
static dl_status w_csv_rows(dl_doc *const *d, size_t n, FILE *f, const opts *o, dl_error *e)
{
    return dl_write_csv(d, n, f, (o->csv_flags & ~(unsigned)DL_CSV_BOM) | DL_CSV_NO_HEADER, e);
}
static dl_status w_tsv(dl_doc *const *d, size_t n, FILE *f, const opts *o, dl_error *e)
{
    (void)o;
    return dl_write_timex_tsv(d, n, f, 0, e);
}
static dl_status w_tsv_rows(dl_doc *const *d, size_t n, FILE *f, const opts *o, dl_error *e)
{
    (void)o;
    return dl_write_timex_tsv(d, n, f, DL_CSV_NO_HEADER, e);
}
static dl_status w_actors(dl_doc *const *d, size_t n, FILE *f, const opts *o, dl_error *e)
{
    return dl_write_actors_csv(d, n, f, o->csv_flags, e);
}
static dl_status w_actors_rows(dl_doc *const *d, size_t n, FILE *f, const opts *o, dl_error *e)
{
    return dl_write_actors_csv(d, n, f, (o->csv_flags & ~(unsigned)DL_CSV_BOM) | DL_CSV_NO_HEADER, e);
}
static dl_status w_timeml(dl_doc *const *d, size_t n, FILE *f, const opts *o, dl_error *e)
{
    (void)o;
    for (size_t i = 0; i < n; i++) {
        dl_status st = dl_write_timeml(d[i], f, e);
        if (st)
            return st;
    }
    return DL_OK;
}
static dl_status w_jsonl(dl_doc *const *d, size_t n, FILE *f, const opts *o, dl_error *e)
{
    (void)o;
    for (size_t i = 0; i < n; i++) {
        dl_status st = dl_write_jsonl(d[i], f, e);
        if (st)
            return st;
    }
    return DL_OK;
}
static dl_status w_dot(dl_doc *const *d, size_t n, FILE *f, const opts *o, dl_error *e)
{
    return dl_write_dot(d, n, &o->graph, f, e);
}
static dl_status w_svg(dl_doc *const *d, size_t n, FILE *f, const opts *o, dl_error *e)
{
    return dl_render(d, n, &o->graph, "svg", f, e);
}

/* ---------------------------------------------------------------- inputs never overwritten */

/* The files the run reads (inputs, the manifest, actor dictionaries), by device and inode,
 * sorted: an output that is one of them would destroy it, so it is refused. */
typedef struct fileid {
    dev_t dev;
    ino_t ino;
} fileid;

static fileid *read_ids;
static size_t nread_ids;

static int cmp_id(const void *a, const void *b)
{
    const fileid *x = a, *y = b;
    if (x->dev != y->dev)
        return x->dev < y->dev ? -1 : 1;
    return (x->ino > y->ino) - (x->ino < y->ino);
}

static size_t cap_read_ids;

static void note_id(dev_t dev, ino_t ino)
{
    if (nread_ids == cap_read_ids) {
        size_t nc = cap_read_ids ? cap_read_ids * 2 : 64;
        fileid *v = realloc(read_ids, nc * sizeof *v);
        if (!v)
            return;
        read_ids = v;
        cap_read_ids = nc;
    }
    read_ids[nread_ids++] = (fileid){dev, ino};
}

static void note_read(const char *path)
{
    struct stat st;
    if (!path || !strcmp(path, "-") || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return;
    note_id(st.st_dev, st.st_ino);
}

/* Is path a file this run reads? (read_ids must be sorted.) */
static int is_read(const char *path)
{
    struct stat st;
    if (!path || !strcmp(path, "-") || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    fileid k = {st.st_dev, st.st_ino};
    return nread_ids && bsearch(&k, read_ids, nread_ids, sizeof k, cmp_id) != NULL;
}

/* What one output file holds: a writer over documents, or the graph of a run. */
typedef struct file_job {
    writer w;
    dl_doc *const *docs;
    size_t n;
    dl_graph_builder *gb;
    const char *format;   /* graph: NULL for DOT, else "svg", "png", "pdf" */
    const opts *o;
} file_job;

static dl_status fill_docs(FILE *f, void *ctx, dl_error *err)
{
    const file_job *j = ctx;
    return j->w(j->docs, j->n, f, j->o, err);
}

static dl_status fill_graph(FILE *f, void *ctx, dl_error *err)
{
    const file_job *j = ctx;
    return j->format ? dl_graph_builder_render(j->gb, &j->o->graph, j->format, f, err)
                     : dl_graph_builder_write_dot(j->gb, &j->o->graph, f, err);
}

/* Writes one whole output file atomically, unless it is an input of the run. Returns 0 or
 * 1 (error printed). */
static int write_job(const char *path, dl_out_fill fill, file_job *job)
{
    char msg[1024];
    if (is_read(path)) {
        error("%s: is also an input of this run; not overwritten", path);
        return 1;
    }
    if (dl_out_write(path, fill, job, msg, sizeof msg)) {
        error("%s", msg);
        return 1;
    }
    return 0;
}

static int write_file(const char *path, writer w, dl_doc *const *docs, size_t n, const opts *o)
{
    file_job job = {.w = w, .docs = docs, .n = n, .o = o};
    return write_job(path, fill_docs, &job);
}

static int write_graph(const char *path, dl_graph_builder *gb, const char *format, const opts *o)
{
    file_job job = {.gb = gb, .format = format, .o = o};
    return write_job(path, fill_graph, &job);
}

/* A stream output that all documents append to (rows), opened at the start. */
typedef struct stream {
    const char *path;
    writer head, rows;   /* the first document writes the header */
    dl_out out;
    int open, failed, started;
} stream;

/* The streamed outputs, in the order they are written. */
enum { S_CSV, S_TSV, S_ACTORS, S_TIMEML, S_JSONL, NSTREAMS };

/* A document's rows for each stream, rendered on the worker thread that processed it, so
 * that with -j N the calling thread only copies bytes (rows() writes them). */
typedef struct rendered {
    char *buf[NSTREAMS];
    size_t len[NSTREAMS];
    char msg[NSTREAMS][512];   /* non-empty: rendering failed, and why (a dl_error msg) */
} rendered;

static int stream_opened(stream *s)
{
    if (s->open)
        return 1;
    char msg[1024];
    if (dl_out_open(&s->out, s->path, msg, sizeof msg)) {
        error("%s", msg);
        s->failed = 1;
        return 0;
    }
    s->open = 1;
    return 1;
}

static void stream_fail(stream *s, const char *why)
{
    error("%s: %s", s->path, why);
    dl_out_abort(&s->out);
    s->failed = 1;
}

/* Writes document d (NULL: none, only the header) to s. */
static void stream_write(stream *s, dl_doc *d, const opts *o)
{
    if (!s->path || s->failed || !stream_opened(s))
        return;
    dl_error err = {0};
    dl_doc *one[1] = {d};
    writer w = s->started ? s->rows : s->head;
    s->started = 1;
    if (w(d ? one : NULL, d ? 1 : 0, s->out.fp, o, &err) != DL_OK)
        stream_fail(s, err.msg);
}

/* Renders d's rows for stream s into memory (any thread: reads only s->path and s->rows). */
static void stream_render(const stream *s, dl_doc *d, const opts *o, char **buf, size_t *len,
                          char *msg, size_t cap)
{
    *buf = NULL;
    *len = 0;
    msg[0] = 0;
    if (!s->path)
        return;
    FILE *m = open_memstream(buf, len);
    if (!m) {
        snprintf(msg, cap, "%s", strerror(errno));
        return;
    }
    dl_error err = {0};
    dl_doc *one[1] = {d};
    if (s->rows(one, 1, m, o, &err) != DL_OK)
        snprintf(msg, cap, "%s", err.msg);
    if (fclose(m) != 0 && !msg[0])
        snprintf(msg, cap, "%s", strerror(errno));
    if (msg[0]) {
        free(*buf);
        *buf = NULL;
        *len = 0;
    }
}

/* Appends rows rendered by stream_render: the header first when s has none yet. */
static void stream_put(stream *s, const char *buf, size_t len, const char *msg, const opts *o)
{
    if (!s->path || s->failed)
        return;
    if (!s->started) {
        stream_write(s, NULL, o);
        if (s->failed)
            return;
    }
    if (msg[0])
        stream_fail(s, msg);
    else if (len && fwrite(buf, 1, len, s->out.fp) != len)
        stream_fail(s, strerror(errno));
}

static int stream_close(stream *s, const opts *o)
{
    if (!s->path)
        return 0;
    if (!s->started && !s->failed)
        stream_write(s, NULL, o);   /* no document: still a file with its header */
    if (s->failed)
        return 1;
    char msg[1024];
    if (dl_out_commit(&s->out, msg, sizeof msg)) {
        error("%s", msg);
        return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- documents of a run */

/* What the documents of a run go into; used in input order (cli_corpus.c runs them). */
typedef struct run {
    const opts *o;
    const inputs *in;
    const manifest *man;
    int named, graph, per_doc_lines;
    stream s[NSTREAMS];      /* S_CSV, ... */
    dl_corpus *corpus;       /* --merge, or the corpus formats: the events of all documents */
    dl_graph_builder *gb;    /* the graph of all documents (not merged): what it shows of
                              * each, not the documents */
    size_t docs, events, dated;
    dl_jsonl_src *src;       /* --jsonl */
    int rc;
} run;

static int jsonl_next(void *ctx, dl_job *j)
{
    return dl_jsonl_next(((run *)ctx)->src, j);
}

static void jsonl_load(void *ctx, dl_job *j)
{
    dl_jsonl_load(((run *)ctx)->src, j);
}

static int file_next(void *ctx, dl_job *j)
{
    run *r = ctx;
    if (j->index >= r->in->n)
        return 0;
    j->path = r->in->v[j->index].path;
    return 1;
}

static void file_load(void *ctx, dl_job *j)
{
    run *r = ctx;
    const input *f = &r->in->v[j->index];
    char msg[512];
    size_t len = 0;
    j->text = read_all(f->path, &len, msg, sizeof msg);
    if (!j->text) {
        j->failed = 1;
        snprintf(j->msg, sizeof j->msg, "%s: %s", f->path, msg);
        return;
    }
    j->bytes = len;
    j->in = (dl_input){.name = f->name, .text = j->text, .len = len, .dct = r->o->dct};
    if (!r->o->dct && r->o->manifest)
        manifest_lookup(r->man, f->name, &j->in.dct, &j->in.url);
}

/* On the worker thread: renders the document's streamed rows (with -j N the calling
 * thread then only appends bytes). Not with one thread, where it would only add a copy. */
static void doc_prepare(void *ctx, dl_job *j)
{
    run *r = ctx;
    if (!r->named || !j->doc)
        return;
    rendered *rd = calloc(1, sizeof *rd);
    if (!rd)
        return;   /* doc_done writes the document itself */
    for (int k = 0; k < NSTREAMS; k++)
        stream_render(&r->s[k], j->doc, r->o, &rd->buf[k], &rd->len[k], rd->msg[k], sizeof rd->msg[k]);
    j->prep = rd;
}

static void rendered_free(void *p)
{
    rendered *rd = p;
    if (!rd)
        return;
    for (int k = 0; k < NSTREAMS; k++)
        free(rd->buf[k]);
    free(rd);
}

static void doc_done(void *ctx, dl_job *j)
{
    run *r = ctx;
    const opts *o = r->o;
    if (j->failed) {
        error("%s", j->msg);
        r->rc = 1;
        return;
    }
    dl_doc *d = j->doc;
    const char *name = dl_doc_name(d);
    for (size_t w = 0; w < dl_doc_n_warnings(d); w++) {
        dl_progress_clear();
        if (j->lineno)
            fprintf(stderr, PROG ": warning: %s:%zu: %s\n", j->path, j->lineno, dl_doc_warning(d, w));
        else
            fprintf(stderr, PROG ": warning: %s: %s\n", j->path, dl_doc_warning(d, w));
    }
    char outs[3 * 4096 + 16];   /* not zeroed whole: 12 KB a document */
    outs[0] = 0;
    if (r->named) {
        rendered *rd = j->prep;
        for (int k = 0; k < NSTREAMS; k++) {
            if (rd)
                stream_put(&r->s[k], rd->buf[k], rd->len[k], rd->msg[k], o);
            else
                stream_write(&r->s[k], d, o);
        }
        stream *js = &r->s[S_JSONL];
        if (js->open && !js->failed && fflush(js->out.fp) != 0)
            stream_fail(js, strerror(errno));
    } else {
        /* Per-document files in the output folder. */
        char p[4096];
        dl_doc *one[1] = {d};
        snprintf(p, sizeof p, "%s/%s.csv", o->outdir, name);
        r->rc |= write_file(p, w_csv, one, 1, o);
        snprintf(outs, sizeof outs, "%s", p);
        snprintf(p, sizeof p, "%s/%s.dot", o->outdir, name);
        r->rc |= write_file(p, w_dot, one, 1, o);
        snprintf(outs + strlen(outs), sizeof outs - strlen(outs), ", %s", p);
        snprintf(p, sizeof p, "%s/%s.svg", o->outdir, name);
        r->rc |= write_file(p, w_svg, one, 1, o);
        snprintf(outs + strlen(outs), sizeof outs - strlen(outs), ", %s", p);
    }
    size_t dated = 0;
    for (size_t k = 0; k < dl_doc_n_events(d); k++)
        dated += dl_doc_event(d, k)->date[0] != 0;
    r->docs++;
    r->events += dl_doc_n_events(d);
    r->dated += dated;
    if (r->per_doc_lines)
        fprintf(stderr, PROG ": %s: %zu events (%zu dated), %zu actors, %zu time expressions, dct %s%s%s\n",
                name, dl_doc_n_events(d), dated, dl_doc_n_actors(d), dl_doc_n_timex(d),
                dl_doc_dct(d)[0] ? dl_doc_dct(d) : "none", outs[0] ? " -> " : "", outs);
    if (r->corpus) {
        dl_error err = {0};
        if (dl_corpus_add_doc(r->corpus, d, &err) != DL_OK) {
            error("%s: %s", j->path, err.msg);
            r->rc = 1;
        }
    }
    if (r->gb) {
        dl_error err = {0};
        if (dl_graph_builder_add(r->gb, d, &err) != DL_OK) {
            error("%s: %s", j->path, err.msg);
            r->rc = 1;
        }
    }
}

/* ---------------------------------------------------------------- main */

enum {
    O_DCT = 256, O_CSV, O_DOT, O_SVG, O_PNG, O_PDF, O_TIMEX, O_TIMEML, O_ACTORS, O_ACTORS_CSV,
    O_BOM, O_UNDATED, O_MERGE, O_LAYOUT, O_EVENT_NODES, O_MIN_WEIGHT, O_TOP, O_MANIFEST,
    O_JSONL, O_JSONL_OUT, O_TL_CSV, O_TL_JSON, O_GEXF
};

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"dct", required_argument, 0, O_DCT},
        {"csv", required_argument, 0, O_CSV},
        {"dot", required_argument, 0, O_DOT},
        {"svg", required_argument, 0, O_SVG},
        {"png", required_argument, 0, O_PNG},
        {"pdf", required_argument, 0, O_PDF},
        {"timex-tsv", required_argument, 0, O_TIMEX},
        {"timeml", required_argument, 0, O_TIMEML},
        {"actors", required_argument, 0, O_ACTORS},
        {"actors-csv", required_argument, 0, O_ACTORS_CSV},
        {"manifest", required_argument, 0, O_MANIFEST},
        {"output-dir", required_argument, 0, 'o'},
        {"bom", no_argument, 0, O_BOM},
        {"undated", no_argument, 0, O_UNDATED},
        {"merge", no_argument, 0, O_MERGE},
        {"layout", required_argument, 0, O_LAYOUT},
        {"event-nodes", no_argument, 0, O_EVENT_NODES},
        {"min-weight", required_argument, 0, O_MIN_WEIGHT},
        {"top", required_argument, 0, O_TOP},
        {"jsonl", no_argument, 0, O_JSONL},
        {"jsonl-out", required_argument, 0, O_JSONL_OUT},
        {"timelinejs-csv", required_argument, 0, O_TL_CSV},
        {"timelinejs-json", required_argument, 0, O_TL_JSON},
        {"gexf", required_argument, 0, O_GEXF},
        {"jobs", required_argument, 0, 'j'},
        {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'},
        {"version", no_argument, 0, 'V'},
        {0, 0, 0, 0}};
    /* `dateline merge ...`: the same options, event lines as inputs. */
    int merge_cmd = argc > 1 && strcmp(argv[1], "merge") == 0;
    if (merge_cmd) {
        argv[1] = argv[0];
        argv++;
        argc--;
    }
    opts o = {.outdir = "output", .jobs = 1};
    const char *actor_files[argc > 0 ? argc : 1];   /* on the stack: no leak on early exits */
    o.actor_files = actor_files;
    int c;
    while ((c = getopt_long(argc, argv, "o:j:qhV", longopts, NULL)) != -1) {
        switch (c) {
        case O_DCT: {
            dl_date dt;
            dl_error err;
            if (dl_date_parse(optarg, &dt, &err) != DL_OK)
                return (usage_error("--dct: %s", err.msg));
            o.dct = optarg;
            break;
        }
        case O_CSV: o.csv = optarg; break;
        case O_DOT: o.dot = optarg; break;
        case O_SVG: o.svg = optarg; break;
        case O_PNG: o.png = optarg; break;
        case O_PDF: o.pdf = optarg; break;
        case O_TIMEX: o.timex_tsv = optarg; break;
        case O_TIMEML: o.timeml = optarg; break;
        case O_ACTORS: o.actor_files[o.nactor_files++] = optarg; break;
        case O_ACTORS_CSV: o.actors_csv = optarg; break;
        case O_MANIFEST: o.manifest = optarg; break;
        case O_JSONL: o.jsonl = 1; break;
        case O_JSONL_OUT: o.jsonl_out = optarg; break;
        case O_TL_CSV: o.tl_csv = optarg; break;
        case O_TL_JSON: o.tl_json = optarg; break;
        case O_GEXF: o.gexf = optarg; break;
        case 'j':
            if (parse_int(optarg, &o.jobs) || o.jobs < 1 || o.jobs > 256)
                return usage_error("-j: '%s' is not a number of threads (1 to 256)", optarg);
            break;
        case 'o': o.outdir = optarg; break;
        case O_BOM: o.csv_flags |= DL_CSV_BOM; break;
        case O_UNDATED: o.csv_flags |= DL_CSV_UNDATED; break;
        case O_MERGE: o.merge = 1; break;
        case O_LAYOUT:
            if (strcmp(optarg, "dot") && strcmp(optarg, "neato") && strcmp(optarg, "sfdp") &&
                strcmp(optarg, "circo") && strcmp(optarg, "fdp") && strcmp(optarg, "twopi"))
                return (usage_error("--layout: unknown layout '%s'", optarg));
            o.graph.layout = optarg;
            break;
        case O_EVENT_NODES: o.graph.event_nodes = 1; break;
        case O_MIN_WEIGHT:
            if (parse_int(optarg, &o.graph.min_weight))
                return (usage_error("--min-weight: '%s' is not a count", optarg));
            break;
        case O_TOP:
            if (parse_int(optarg, &o.graph.top))
                return (usage_error("--top: '%s' is not a count", optarg));
            break;
        case 'q': o.quiet = 1; break;
        case 'h': usage(stdout); return 0;
        case 'V': printf(PROG " " DL_VERSION "\n"); return 0;
        default: return usage_error("unknown option");
        }
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    signal(SIGPIPE, SIG_IGN);
    if (merge_cmd) {
        return dl_cli_merge(&o, argv + optind, argc - optind);
    }
    if (o.jsonl && optind < argc)
        return usage_error("--jsonl reads standard input: no input files");
    if (!o.jsonl && optind >= argc)
        return usage_error("no input files");

    int rc = 0;
    manifest man = {0};
    inputs in = {0};
    double total_bytes = 0;
    dl_engine *eng = NULL;
    dl_error err = {0};
    run r = {0};
    if (o.manifest && load_manifest(&man, o.manifest)) {
        rc = 1;
        goto done;
    }
    for (int i = optind; i < argc; i++) {
        struct stat st;
        if (strcmp(argv[i], "-") != 0 && stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t before = in.n;
            rc |= add_dir(&in, argv[i], 0);
            if (in.n == before) {
                /* Nothing to read is a mistake worth saying (a wrong folder, or files
                 * that do not end in .txt), not a silent success. */
                error("%s: is a directory with no .txt file", argv[i]);
                rc = 1;
            }
        } else if (add_input(&in, argv[i], NULL)) {
            error("out of memory");
            rc = 1;
            goto done;
        }
    }

    eng = dl_engine_new(&err);
    if (!eng) {
        error("%s", err.msg);
        rc = 1;
        goto done;
    }
    for (int i = 0; i < o.nactor_files; i++)
        if (dl_engine_load_actors(eng, o.actor_files[i], &err) != DL_OK) {
            error("%s", err.msg);
            rc = 1;
            goto done;
        }

    /* An output that names an input (a slip of the shell: --csv article.txt) would
     * replace the user's text: a usage error before anything runs. */
    for (size_t i = 0; i < in.n; i++)
        if (in.v[i].regular)
            note_id(in.v[i].dev, in.v[i].ino);
        else
            note_read(in.v[i].path);
    note_read(o.manifest);
    for (int i = 0; i < o.nactor_files; i++)
        note_read(o.actor_files[i]);
    if (nread_ids)
        qsort(read_ids, nread_ids, sizeof *read_ids, cmp_id);
    {
        const char *outs[] = {o.csv, o.dot, o.svg, o.png, o.pdf, o.timex_tsv, o.timeml, o.actors_csv,
                              o.jsonl_out, o.tl_csv, o.tl_json, o.gexf};
        for (size_t i = 0; i < sizeof outs / sizeof *outs; i++)
            if (is_read(outs[i])) {
                rc = usage_error("%s: is also an input of this run; refusing to overwrite it", outs[i]);
                goto done;
            }
    }

    int named = o.csv || o.dot || o.svg || o.png || o.pdf || o.timex_tsv || o.timeml || o.actors_csv ||
                o.jsonl_out || o.tl_csv || o.tl_json || o.gexf;
    char mpath[3][4096];
    int need_dir = !named && !o.jsonl;
    if (!named && o.jsonl) {
        o.jsonl_out = "-";   /* the mapper: event lines on standard output */
        named = 1;
    } else if (!named && o.merge) {
        /* One corpus: DIR/timeline.csv, graph.dot, graph.svg. */
        snprintf(mpath[0], sizeof mpath[0], "%s/timeline.csv", o.outdir);
        snprintf(mpath[1], sizeof mpath[1], "%s/graph.dot", o.outdir);
        snprintf(mpath[2], sizeof mpath[2], "%s/graph.svg", o.outdir);
        o.csv = mpath[0];
        o.dot = mpath[1];
        o.svg = mpath[2];
        named = 1;
    }
    if (need_dir) {
        if (mkdir(o.outdir, 0777) != 0 && errno != EEXIST) {
            error("%s: %s", o.outdir, strerror(errno));
            rc = 1;
            goto done;
        }
    }
    r = (run){.o = &o, .in = &in, .man = &man, .named = named};
    r.graph = o.dot || o.svg || o.png || o.pdf;
    /* Row outputs stream document by document unless merged; a graph of documents not
     * merged keeps what it shows of them (dl_graph_builder); a merged corpus keeps event
     * records only. */
    r.s[S_CSV] = (stream){.path = o.merge ? NULL : o.csv, .head = w_csv, .rows = w_csv_rows};
    r.s[S_TSV] = (stream){.path = o.timex_tsv, .head = w_tsv, .rows = w_tsv_rows};
    r.s[S_ACTORS] = (stream){.path = o.merge ? NULL : o.actors_csv, .head = w_actors, .rows = w_actors_rows};
    r.s[S_TIMEML] = (stream){.path = o.timeml, .head = w_timeml, .rows = w_timeml};
    r.s[S_JSONL] = (stream){.path = o.merge ? NULL : o.jsonl_out, .head = w_jsonl, .rows = w_jsonl};
    if (named && !o.merge && r.graph && !(r.gb = dl_graph_builder_new(&err))) {
        error("%s", err.msg);
        rc = 1;
        goto done;
    }
    if (o.merge || o.tl_csv || o.tl_json || o.gexf) {
        r.corpus = dl_corpus_new(o.merge ? 0 : DL_CORPUS_NO_MERGE, &err);
        if (!r.corpus) {
            error("%s", err.msg);
            rc = 1;
            goto done;
        }
    }

    dl_jsonl_src src = {.f = stdin, .dct = o.dct};
    dl_jobs jobs = {.done = doc_done, .ctx = &r, .eng = eng, .threads = o.jobs,
                    .prepare = o.jobs > 1 ? doc_prepare : NULL, .release = rendered_free};
    r.src = &src;
    if (o.jsonl) {
        jobs.next = jsonl_next;
        jobs.load = jsonl_load;
    } else {
        jobs.next = file_next;
        jobs.load = file_load;
        for (size_t i = 0; i < in.n; i++) {
            struct stat st;
            if (in.v[i].regular)
                total_bytes += (double)in.v[i].size;
            else if (strcmp(in.v[i].path, "-") && stat(in.v[i].path, &st) == 0)
                total_bytes += (double)st.st_size;
        }
        jobs.total_docs = in.n;
        jobs.total_bytes = total_bytes;
    }
    /* A progress line on a terminal for corpora; one summary line per document otherwise. */
    jobs.progress = !o.quiet && isatty(2) && (o.jsonl || in.n > 1);
    jobs.batch = !o.jsonl;
    r.per_doc_lines = !o.quiet && !jobs.progress;
    if (dl_jobs_run(&jobs) != 0) {
        error("cannot start %d threads", o.jobs);
        rc = 1;
    }
    rc |= r.rc;
    if (jobs.progress)
        fprintf(stderr, PROG ": %zu documents, %zu events (%zu dated) in %.1f s (%.1f MB/s)\n",
                r.docs, r.events, r.dated, jobs.seconds,
                jobs.seconds > 0 ? jobs.bytes_done / jobs.seconds / 1e6 : 0.0);
    for (int k = 0; k < NSTREAMS; k++)
        rc |= stream_close(&r.s[k], &o);
    if (r.corpus)
        rc |= dl_cli_write_corpus(r.corpus, &o, o.merge);
    if (!o.merge && r.gb) {
        if ((o.dot != NULL) + (o.svg != NULL) + (o.png != NULL) + (o.pdf != NULL) == 1)
            dl_graph_builder_consume(r.gb);   /* one graph: the builder's memory goes into it */
        if (o.dot)
            rc |= write_graph(o.dot, r.gb, NULL, &o);
        if (o.svg)
            rc |= write_graph(o.svg, r.gb, "svg", &o);
        if (o.png)
            rc |= write_graph(o.png, r.gb, "png", &o);
        if (o.pdf)
            rc |= write_graph(o.pdf, r.gb, "pdf", &o);
    }

done:
    dl_graph_builder_free(r.gb);
    dl_corpus_free(r.corpus);
    free(in.v);
    manifest_free(&man);
    pool_free();
    free(read_ids);
    dl_engine_free(eng);
    return rc == 2 ? 2 : rc ? 1 : 0;
}
