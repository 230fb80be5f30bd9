/*
 * main.c - the dateline command: parses options, reads files, calls the library and
 * writes outputs. Errors go to stderr as "dateline: error: FILE: message".
 *
 * Exit status: 0 success; 1 an input, data or output error (the other inputs still ran);
 * 2 a usage error.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dateline.h"
#include "output.h"

#define PROG "dateline"

/* ---------------------------------------------------------------- options */

typedef struct opts {
    const char *dct, *csv, *dot, *svg, *png, *pdf, *timex_tsv, *timeml, *actors_csv;
    const char *outdir, *manifest;
    const char **actor_files;
    int nactor_files;
    unsigned csv_flags;
    int merge, quiet;
    dl_graph_opts graph;
} opts;

static void usage(FILE *f)
{
    fputs("Usage: " PROG " [options] FILE|DIR|- ...\n"
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
          "  -o, --output-dir DIR where outputs go when none of the above is given:\n"
          "                       DIR/<doc>.csv, .dot, .svg (default: output)\n"
          "Options:\n"
          "  --actors FILE        add or override actors (format of data/actors.tsv)\n"
          "  --bom                start CSV files with a UTF-8 byte order mark (for Excel)\n"
          "  --undated            add events without a date at the end of the timeline\n"
          "  --merge              one timeline and one graph for all documents\n"
          "  --layout NAME        graph layout: dot, neato, sfdp, circo (default by size)\n"
          "  --event-nodes        show events without a target as small nodes\n"
          "  --min-weight N       keep graph edges with at least N events\n"
          "  --top N              keep the N heaviest graph edges\n"
          "  -q, --quiet          no summary lines on stderr\n"
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

/* ---------------------------------------------------------------- inputs */

typedef struct input {
    char *path;     /* "-" for standard input */
    char *name;     /* the document id */
} input;

typedef struct inputs {
    input *v;
    size_t n, cap;
} inputs;

static char *doc_name(const char *path)
{
    if (strcmp(path, "-") == 0)
        return strdup("stdin");
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return strndup(base, n);
}

static int add_input(inputs *in, const char *path)
{
    if (in->n == in->cap) {
        size_t nc = in->cap ? in->cap * 2 : 16;
        input *v = realloc(in->v, nc * sizeof *v);
        if (!v)
            return -1;
        in->v = v;
        in->cap = nc;
    }
    in->v[in->n].path = strdup(path);
    in->v[in->n].name = doc_name(path);
    if (!in->v[in->n].path || !in->v[in->n].name)
        return -1;
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
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            rc |= add_dir(in, path, depth + 1);
        } else {
            size_t l = strlen(names[i]);
            if (l > 4 && strcmp(names[i] + l - 4, ".txt") == 0 && add_input(in, path))
                rc = 1;
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

/* Reads a whole file ("-": standard input). Returns NULL with msg filled. */
static char *read_all(const char *path, size_t *len, char *msg, size_t msglen)
{
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
} manifest;

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
        m->doc[m->n] = strdup(line);
        m->date[m->n] = strdup(date);
        m->url[m->n] = t2 ? strdup(t2 + 1) : NULL;
        m->n++;
    }
    free(line);
    fclose(f);
    return rc;
}

static void manifest_lookup(const manifest *m, const char *doc, const char **date, const char **url)
{
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(m->doc[i], doc) == 0) {
            *date = m->date[i];
            *url = m->url[i];
            return;
        }
}

static void manifest_free(manifest *m)
{
    for (size_t i = 0; i < m->n; i++) {
        free(m->doc[i]);
        free(m->date[i]);
        free(m->url[i]);
    }
    free(m->doc);
    free(m->date);
    free(m->url);
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
static dl_status w_dot(dl_doc *const *d, size_t n, FILE *f, const opts *o, dl_error *e)
{
    return dl_write_dot(d, n, &o->graph, f, e);
}
static dl_status w_svg(dl_doc *const *d, size_t n, FILE *f, const opts *o, dl_error *e)
{
    return dl_render(d, n, &o->graph, "svg", f, e);
}
static dl_status w_png(dl_doc *const *d, size_t n, FILE *f, const opts *o, dl_error *e)
{
    return dl_render(d, n, &o->graph, "png", f, e);
}
static dl_status w_pdf(dl_doc *const *d, size_t n, FILE *f, const opts *o, dl_error *e)
{
    return dl_render(d, n, &o->graph, "pdf", f, e);
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

static void note_read(const char *path)
{
    struct stat st;
    if (!path || !strcmp(path, "-") || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return;
    fileid *v = realloc(read_ids, (nread_ids + 1) * sizeof *v);
    if (!v)
        return;
    read_ids = v;
    read_ids[nread_ids++] = (fileid){st.st_dev, st.st_ino};
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

/* Writes one whole output file atomically. Returns 0 or 1 (error printed). */
static int write_file(const char *path, writer w, dl_doc *const *docs, size_t n, const opts *o)
{
    dl_out out;
    char msg[1024];
    if (is_read(path)) {
        error("%s: is also an input of this run; not overwritten", path);
        return 1;
    }
    if (dl_out_open(&out, path, msg, sizeof msg)) {
        error("%s", msg);
        return 1;
    }
    dl_error err = {0};
    if (w(docs, n, out.fp, o, &err) != DL_OK) {
        error("%s: %s", path, err.msg);
        dl_out_abort(&out);
        return 1;
    }
    if (dl_out_commit(&out, msg, sizeof msg)) {
        error("%s", msg);
        return 1;
    }
    return 0;
}

/* A stream output that all documents append to (rows), opened at the start. */
typedef struct stream {
    const char *path;
    writer head, rows;   /* the first document writes the header */
    dl_out out;
    int open, failed, started;
} stream;

static void stream_write(stream *s, dl_doc *d, const opts *o)
{
    if (!s->path || s->failed)
        return;
    char msg[1024];
    if (!s->open) {
        if (dl_out_open(&s->out, s->path, msg, sizeof msg)) {
            error("%s", msg);
            s->failed = 1;
            return;
        }
        s->open = 1;
    }
    dl_error err = {0};
    dl_doc *one[1] = {d};
    writer w = s->started ? s->rows : s->head;
    s->started = 1;
    if (w(d ? one : NULL, d ? 1 : 0, s->out.fp, o, &err) != DL_OK) {
        error("%s: %s", s->path, err.msg);
        dl_out_abort(&s->out);
        s->failed = 1;
    }
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

/* ---------------------------------------------------------------- main */

enum {
    O_DCT = 256, O_CSV, O_DOT, O_SVG, O_PNG, O_PDF, O_TIMEX, O_TIMEML, O_ACTORS, O_ACTORS_CSV,
    O_BOM, O_UNDATED, O_MERGE, O_LAYOUT, O_EVENT_NODES, O_MIN_WEIGHT, O_TOP, O_MANIFEST
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
        {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'},
        {"version", no_argument, 0, 'V'},
        {0, 0, 0, 0}};
    opts o = {.outdir = "output"};
    o.actor_files = calloc((size_t)argc, sizeof(char *));
    if (!o.actor_files) {
        error("out of memory");
        return 1;
    }
/* Every way out frees what main holds, so that LeakSanitizer and valgrind see no leak. */
#define EXIT_WITH(code) do { free(o.actor_files); return (code); } while (0)
    int c;
    while ((c = getopt_long(argc, argv, "o:qhV", longopts, NULL)) != -1) {
        switch (c) {
        case O_DCT: {
            dl_date dt;
            dl_error err;
            if (dl_date_parse(optarg, &dt, &err) != DL_OK)
                EXIT_WITH(usage_error("--dct: %s", err.msg));
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
        case 'o': o.outdir = optarg; break;
        case O_BOM: o.csv_flags |= DL_CSV_BOM; break;
        case O_UNDATED: o.csv_flags |= DL_CSV_UNDATED; break;
        case O_MERGE: o.merge = 1; break;
        case O_LAYOUT:
            if (strcmp(optarg, "dot") && strcmp(optarg, "neato") && strcmp(optarg, "sfdp") &&
                strcmp(optarg, "circo") && strcmp(optarg, "fdp") && strcmp(optarg, "twopi"))
                EXIT_WITH(usage_error("--layout: unknown layout '%s'", optarg));
            o.graph.layout = optarg;
            break;
        case O_EVENT_NODES: o.graph.event_nodes = 1; break;
        case O_MIN_WEIGHT:
            if (parse_int(optarg, &o.graph.min_weight))
                EXIT_WITH(usage_error("--min-weight: '%s' is not a count", optarg));
            break;
        case O_TOP:
            if (parse_int(optarg, &o.graph.top))
                EXIT_WITH(usage_error("--top: '%s' is not a count", optarg));
            break;
        case 'q': o.quiet = 1; break;
        case 'h': usage(stdout); EXIT_WITH(0);
        case 'V': printf(PROG " " DL_VERSION "\n"); EXIT_WITH(0);
        default: EXIT_WITH(usage_error("unknown option"));
        }
    }
    if (optind >= argc)
        EXIT_WITH(usage_error("no input files"));

    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    signal(SIGPIPE, SIG_IGN);

    int rc = 0;
    manifest man = {0};
    inputs in = {0};
    dl_engine *eng = NULL;
    dl_doc **kept = NULL;
    size_t nkept = 0, capkept = 0;
    dl_error err = {0};
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
        } else if (add_input(&in, argv[i])) {
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
        note_read(in.v[i].path);
    note_read(o.manifest);
    for (int i = 0; i < o.nactor_files; i++)
        note_read(o.actor_files[i]);
    if (nread_ids)
        qsort(read_ids, nread_ids, sizeof *read_ids, cmp_id);
    {
        const char *outs[] = {o.csv, o.dot, o.svg, o.png, o.pdf, o.timex_tsv, o.timeml, o.actors_csv};
        for (size_t i = 0; i < sizeof outs / sizeof *outs; i++)
            if (is_read(outs[i])) {
                rc = usage_error("%s: is also an input of this run; refusing to overwrite it", outs[i]);
                goto done;
            }
    }

    int named = o.csv || o.dot || o.svg || o.png || o.pdf || o.timex_tsv || o.timeml || o.actors_csv;
    if (!named) {
        if (mkdir(o.outdir, 0777) != 0 && errno != EEXIST) {
            error("%s: %s", o.outdir, strerror(errno));
            rc = 1;
            goto done;
        }
    }
    int graph = o.dot || o.svg || o.png || o.pdf;
    /* Row outputs stream document by document unless merged; the graph keeps documents. */
    stream s_csv = {.path = o.merge ? NULL : o.csv, .head = w_csv, .rows = w_csv_rows};
    stream s_tsv = {.path = o.merge ? NULL : o.timex_tsv, .head = w_tsv, .rows = w_tsv_rows};
    stream s_act = {.path = o.merge ? NULL : o.actors_csv, .head = w_actors, .rows = w_actors_rows};
    int keep = named && (graph || o.merge || o.timeml);

    for (size_t i = 0; i < in.n; i++) {
        const char *path = in.v[i].path;
        char msg[512];
        size_t len = 0;
        char *text = read_all(path, &len, msg, sizeof msg);
        if (!text) {
            error("%s: %s", path, msg);
            rc = 1;
            continue;
        }
        dl_input di = {.name = in.v[i].name, .text = text, .len = len, .dct = o.dct};
        if (!o.dct && o.manifest)
            manifest_lookup(&man, in.v[i].name, &di.dct, &di.url);
        dl_doc *d = dl_doc_process(eng, &di, &err);
        free(text);
        if (!d) {
            error("%s: %s", path, err.msg);
            rc = 1;
            continue;
        }
        for (size_t w = 0; w < dl_doc_n_warnings(d); w++)
            fprintf(stderr, PROG ": warning: %s: %s\n", path, dl_doc_warning(d, w));
        char outs[3 * 4096 + 16] = "";
        if (named) {
            stream_write(&s_csv, d, &o);
            stream_write(&s_tsv, d, &o);
            stream_write(&s_act, d, &o);
        } else {
            /* Per-document files in the output folder. */
            char p[4096];
            dl_doc *one[1] = {d};
            snprintf(p, sizeof p, "%s/%s.csv", o.outdir, in.v[i].name);
            rc |= write_file(p, w_csv, one, 1, &o);
            snprintf(outs, sizeof outs, "%s", p);
            snprintf(p, sizeof p, "%s/%s.dot", o.outdir, in.v[i].name);
            rc |= write_file(p, w_dot, one, 1, &o);
            snprintf(outs + strlen(outs), sizeof outs - strlen(outs), ", %s", p);
            snprintf(p, sizeof p, "%s/%s.svg", o.outdir, in.v[i].name);
            rc |= write_file(p, w_svg, one, 1, &o);
            snprintf(outs + strlen(outs), sizeof outs - strlen(outs), ", %s", p);
        }
        if (!o.quiet) {
            size_t dated = 0;
            for (size_t k = 0; k < dl_doc_n_events(d); k++)
                dated += dl_doc_event(d, k)->date[0] != 0;
            fprintf(stderr, PROG ": %s: %zu events (%zu dated), %zu actors, %zu time expressions, dct %s%s%s\n",
                    in.v[i].name, dl_doc_n_events(d), dated, dl_doc_n_actors(d), dl_doc_n_timex(d),
                    dl_doc_dct(d)[0] ? dl_doc_dct(d) : "none", outs[0] ? " -> " : "", outs);
        }
        if (keep) {
            if (nkept == capkept) {
                capkept = capkept ? capkept * 2 : 16;
                dl_doc **nk = realloc(kept, capkept * sizeof *nk);
                if (!nk) {
                    error("out of memory");
                    dl_doc_free(d);
                    rc = 1;
                    break;
                }
                kept = nk;
            }
            kept[nkept++] = d;
        } else {
            dl_doc_free(d);
        }
    }
    rc |= stream_close(&s_csv, &o);
    rc |= stream_close(&s_tsv, &o);
    rc |= stream_close(&s_act, &o);
    if (o.merge) {
        if (o.csv)
            rc |= write_file(o.csv, w_csv, kept, nkept, &o);
        if (o.timex_tsv)
            rc |= write_file(o.timex_tsv, w_tsv, kept, nkept, &o);
        if (o.actors_csv)
            rc |= write_file(o.actors_csv, w_actors, kept, nkept, &o);
    }
    if (o.timeml)
        rc |= write_file(o.timeml, w_timeml, kept, nkept, &o);
    if (o.dot)
        rc |= write_file(o.dot, w_dot, kept, nkept, &o);
    if (o.svg)
        rc |= write_file(o.svg, w_svg, kept, nkept, &o);
    if (o.png)
        rc |= write_file(o.png, w_png, kept, nkept, &o);
    if (o.pdf)
        rc |= write_file(o.pdf, w_pdf, kept, nkept, &o);

done:
    for (size_t i = 0; i < nkept; i++)
        dl_doc_free(kept[i]);
    free(kept);
    for (size_t i = 0; i < in.n; i++) {
        free(in.v[i].path);
        free(in.v[i].name);
    }
    free(in.v);
    manifest_free(&man);
    free(o.actor_files);
    free(read_ids);
    dl_engine_free(eng);
    return rc == 2 ? 2 : rc ? 1 : 0;
#undef EXIT_WITH
}
