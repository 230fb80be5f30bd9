/*
 * cli_corpus.c - the command's corpus machinery: documents processed on N threads with
 * results used in input order (so -j N writes exactly what -j 1 writes), the progress
 * line, JSON Lines documents on standard input, the outputs of a corpus, and
 * `dateline merge`.
 *
 * Threads: workers take the next input under a lock (cheap: a path, a line), then read
 * or parse it and run the pipeline without the lock, each on its own dl_doc with the
 * shared read-only engine. The calling thread takes the results in input order from a
 * ring of 4 slots per thread, so memory stays bounded however far a fast worker gets.
 */
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "output.h"

#define PROG "dateline"

/* ---------------------------------------------------------------- messages and progress */

static int progress_visible;

void dl_progress_clear(void)
{
    if (progress_visible) {
        fputs("\r\033[K", stderr);
        progress_visible = 0;
    }
}

void dl_cli_error(const char *fmt, ...)
{
    dl_progress_clear();
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, PROG ": error: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress_draw(const dl_jobs *r, double elapsed)
{
    double rate = elapsed > 0 ? r->bytes_done / elapsed / 1e6 : 0;
    char left[64] = "";
    double remain = -1;
    if (r->total_bytes > 0 && r->bytes_done > 0)
        remain = elapsed * (r->total_bytes - r->bytes_done) / r->bytes_done;
    else if (r->total_docs > 0 && r->docs_done > 0)
        remain = elapsed * (double)(r->total_docs - r->docs_done) / (double)r->docs_done;
    if (remain >= 0) {
        long s = (long)(remain + 0.5);
        if (s < 3600)
            snprintf(left, sizeof left, ", %ld:%02ld left", s / 60, s % 60);
        else
            snprintf(left, sizeof left, ", %ld:%02ld:%02ld left", s / 3600, s / 60 % 60, s % 60);
    }
    if (r->total_docs)
        fprintf(stderr, "\r" PROG ": %zu/%zu documents, %.1f MB/s%s\033[K", r->docs_done,
                r->total_docs, rate, left);
    else
        fprintf(stderr, "\r" PROG ": %zu documents, %.1f MB/s\033[K", r->docs_done, rate);
    fflush(stderr);
    progress_visible = 1;
}

/* ---------------------------------------------------------------- jobs */

static void job_free(const dl_jobs *r, dl_job *j)
{
    if (j->prep && r->release)
        r->release(j->prep);
    dl_doc_free(j->doc);
    free(j->line);
    free(j->text);
    free(j->name);
    free(j->dct);
    free(j->url);
    memset(j, 0, sizeof *j);
}

/* Loads and processes one job (any thread). */
static void job_work(const dl_jobs *r, dl_job *j)
{
    r->load(r->ctx, j);
    free(j->line);
    j->line = NULL;
    if (j->failed)
        return;
    dl_error err = {0};
    j->doc = dl_doc_process(r->eng, &j->in, &err);
    if (!j->doc) {
        j->failed = 1;
        if (j->lineno)
            snprintf(j->msg, sizeof j->msg, "%s:%zu: %s", j->path, j->lineno, err.msg);
        else
            snprintf(j->msg, sizeof j->msg, "%s: %s", j->path, err.msg);
    } else if (r->prepare) {
        r->prepare(r->ctx, j);
    }
    free(j->text);
    j->text = NULL;
}

/* The calling thread's part: the result in order, then the progress line. */
static void job_finish(dl_jobs *r, dl_job *j, double t0, double *last_draw)
{
    r->done(r->ctx, j);
    r->docs_done++;
    r->bytes_done += (double)j->bytes;
    job_free(r, j);
    if (r->progress) {
        double t = now();
        if (t - *last_draw >= 0.1) {
            progress_draw(r, t - t0);
            *last_draw = t;
        }
    }
}

typedef struct pool {
    dl_jobs *r;
    pthread_mutex_t mu;
    pthread_cond_t ready, space;
    dl_job *ring;
    int *state;            /* 0 free, 1 being worked on, 2 ready */
    size_t window, handed, consumed;
    size_t finished;       /* jobs done by workers (consumed or not) */
    int eof;
} pool;

/* Is there work for the calling thread? The next job in order must be done. When outputs
 * may come in batches (r->batch), it waits for half a ring of done jobs, the end of the
 * input, or a full ring, so that it wakes once per batch, not once per document: with as
 * many workers as cores, a wake-up per document costs more in switches than it writes. */
static int writable(const pool *p)
{
    if (p->state[p->consumed % p->window] != 2)
        return 0;
    return !p->r->batch || p->eof || p->finished - p->consumed >= p->window / 2 ||
           p->handed >= p->consumed + p->window;
}

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->eof && p->handed >= p->consumed + p->window) {
            if (writable(p))
                pthread_cond_signal(&p->ready);
            pthread_cond_wait(&p->space, &p->mu);
        }
        if (p->eof)
            break;
        size_t idx = p->handed;
        dl_job *j = &p->ring[idx % p->window];
        memset(j, 0, sizeof *j);
        j->index = idx;
        if (!p->r->next(p->r->ctx, j)) {
            p->eof = 1;
            pthread_cond_broadcast(&p->ready);
            pthread_cond_broadcast(&p->space);
            break;
        }
        p->handed++;
        p->state[idx % p->window] = 1;
        pthread_mutex_unlock(&p->mu);
        job_work(p->r, j);
        pthread_mutex_lock(&p->mu);
        p->state[idx % p->window] = 2;
        p->finished++;
        if (writable(p))
            pthread_cond_signal(&p->ready);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

int dl_jobs_run(dl_jobs *r)
{
    double t0 = now(), last = t0;
    r->docs_done = 0;
    r->bytes_done = 0;
    if (r->threads <= 1) {
        for (size_t i = 0;; i++) {
            dl_job j;
            memset(&j, 0, sizeof j);
            j.index = i;
            if (!r->next(r->ctx, &j))
                break;
            job_work(r, &j);
            job_finish(r, &j, t0, &last);
        }
    } else {
        pool p = {.r = r, .window = (size_t)r->threads * (r->batch ? 8 : 4)};
        p.ring = calloc(p.window, sizeof *p.ring);
        p.state = calloc(p.window, sizeof *p.state);
        pthread_t *tid = calloc((size_t)r->threads, sizeof *tid);
        if (!p.ring || !p.state || !tid) {
            free(p.ring);
            free(p.state);
            free(tid);
            return -1;
        }
        pthread_mutex_init(&p.mu, NULL);
        pthread_cond_init(&p.ready, NULL);
        pthread_cond_init(&p.space, NULL);
        int started = 0;
        for (; started < r->threads; started++)
            if (pthread_create(&tid[started], NULL, worker, &p) != 0)
                break;
        if (started == 0) {
            free(p.ring);
            free(p.state);
            free(tid);
            return -1;
        }
        pthread_mutex_lock(&p.mu);
        for (;;) {
            while (!writable(&p) && !(p.eof && p.consumed == p.handed))
                pthread_cond_wait(&p.ready, &p.mu);
            if (p.state[p.consumed % p.window] != 2)
                break;
            /* Every job done in order, then back to sleep. */
            size_t slot;
            while (p.state[slot = p.consumed % p.window] == 2) {
                pthread_mutex_unlock(&p.mu);
                job_finish(r, &p.ring[slot], t0, &last);
                pthread_mutex_lock(&p.mu);
                p.state[slot] = 0;
                p.consumed++;
                pthread_cond_broadcast(&p.space);
            }
        }
        pthread_mutex_unlock(&p.mu);
        for (int i = 0; i < started; i++)
            pthread_join(tid[i], NULL);
        pthread_mutex_destroy(&p.mu);
        pthread_cond_destroy(&p.ready);
        pthread_cond_destroy(&p.space);
        free(p.ring);
        free(p.state);
        free(tid);
    }
    r->seconds = now() - t0;
    dl_progress_clear();
    return 0;
}

/* ---------------------------------------------------------------- JSON Lines documents */

int dl_jsonl_next(void *ctx, dl_job *j)
{
    dl_jsonl_src *s = ctx;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, s->f)) >= 0) {
        s->lineno++;
        size_t k = 0;
        while (k < (size_t)n && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r' || line[k] == '\n'))
            k++;
        if (k == (size_t)n)
            continue;   /* blank lines are no documents */
        j->line = line;
        j->lineno = s->lineno;
        j->path = "stdin";
        j->bytes = (size_t)n;
        return 1;
    }
    free(line);
    return 0;
}

static char *str_of(json_t *o, const char *key, int *bad)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return NULL;
    if (json_is_string(v))
        return strndup(json_string_value(v), json_string_length(v));
    if (json_is_integer(v)) {
        char b[32];
        snprintf(b, sizeof b, "%lld", (long long)json_integer_value(v));
        return strdup(b);
    }
    *bad = 1;
    return NULL;
}

void dl_jsonl_load(void *ctx, dl_job *j)
{
    dl_jsonl_src *s = ctx;
    json_error_t je;
    json_t *o = json_loads(j->line, JSON_ALLOW_NUL, &je);
    j->failed = 1;
    if (!o) {
        snprintf(j->msg, sizeof j->msg, "stdin:%zu: invalid JSON at column %d: %s", j->lineno,
                 je.column, je.text);
        return;
    }
    json_t *text = json_object_get(o, "text");
    int bad = 0;
    if (!json_is_object(o)) {
        snprintf(j->msg, sizeof j->msg, "stdin:%zu: expected a JSON object", j->lineno);
    } else if (!json_is_string(text)) {
        snprintf(j->msg, sizeof j->msg, "stdin:%zu: field 'text': missing or not a string", j->lineno);
    } else {
        j->name = str_of(o, "id", &bad);
        j->dct = str_of(o, "date", &bad);
        j->url = str_of(o, "url", &bad);
        size_t len = json_string_length(text);
        j->text = malloc(len ? len : 1);
        if (bad) {
            snprintf(j->msg, sizeof j->msg, "stdin:%zu: fields 'id', 'date' and 'url' must be strings",
                     j->lineno);
        } else if (!j->text) {
            snprintf(j->msg, sizeof j->msg, "stdin:%zu: out of memory", j->lineno);
        } else {
            memcpy(j->text, json_string_value(text), len);
            if (!j->name) {
                char b[48];
                snprintf(b, sizeof b, "line%zu", j->lineno);
                j->name = strdup(b);
            }
            j->in = (dl_input){.name = j->name ? j->name : "doc", .text = j->text, .len = len,
                               .dct = s->dct ? s->dct : j->dct, .url = j->url};
            j->failed = 0;
        }
    }
    json_decref(o);
}

/* ---------------------------------------------------------------- corpus outputs */

typedef dl_status (*cwriter)(dl_corpus *c, FILE *out, const opts *o, dl_error *err);

static dl_status c_csv(dl_corpus *c, FILE *f, const opts *o, dl_error *e)
{
    return dl_corpus_write_csv(c, f, o->csv_flags, e);
}
static dl_status c_actors(dl_corpus *c, FILE *f, const opts *o, dl_error *e)
{
    return dl_corpus_write_actors_csv(c, f, o->csv_flags, e);
}
static dl_status c_dot(dl_corpus *c, FILE *f, const opts *o, dl_error *e)
{
    return dl_corpus_write_dot(c, &o->graph, f, e);
}
static dl_status c_svg(dl_corpus *c, FILE *f, const opts *o, dl_error *e)
{
    return dl_corpus_render(c, &o->graph, "svg", f, e);
}
static dl_status c_png(dl_corpus *c, FILE *f, const opts *o, dl_error *e)
{
    return dl_corpus_render(c, &o->graph, "png", f, e);
}
static dl_status c_pdf(dl_corpus *c, FILE *f, const opts *o, dl_error *e)
{
    return dl_corpus_render(c, &o->graph, "pdf", f, e);
}
static dl_status c_jsonl(dl_corpus *c, FILE *f, const opts *o, dl_error *e)
{
    (void)o;
    return dl_corpus_write_jsonl(c, f, e);
}
static dl_status c_tl_csv(dl_corpus *c, FILE *f, const opts *o, dl_error *e)
{
    return dl_corpus_write_timelinejs_csv(c, f, o->csv_flags & DL_CSV_BOM, e);
}
static dl_status c_tl_json(dl_corpus *c, FILE *f, const opts *o, dl_error *e)
{
    (void)o;
    return dl_corpus_write_timelinejs_json(c, f, e);
}
static dl_status c_gexf(dl_corpus *c, FILE *f, const opts *o, dl_error *e)
{
    (void)o;
    return dl_corpus_write_gexf(c, f, e);
}

typedef struct corpus_job {
    cwriter w;
    dl_corpus *c;
    const opts *o;
} corpus_job;

static dl_status fill_corpus(FILE *f, void *ctx, dl_error *err)
{
    const corpus_job *j = ctx;
    return j->w(j->c, f, j->o, err);
}

static int write_corpus_file(const char *path, cwriter w, dl_corpus *c, const opts *o)
{
    if (!path)
        return 0;
    corpus_job job = {w, c, o};
    char msg[1024];
    if (dl_out_write(path, fill_corpus, &job, msg, sizeof msg)) {
        dl_cli_error("%s", msg);
        return 1;
    }
    return 0;
}

int dl_cli_write_corpus(dl_corpus *c, const opts *o, int merged)
{
    int rc = 0;
    if (merged) {
        rc |= write_corpus_file(o->csv, c_csv, c, o);
        rc |= write_corpus_file(o->actors_csv, c_actors, c, o);
        rc |= write_corpus_file(o->dot, c_dot, c, o);
        rc |= write_corpus_file(o->svg, c_svg, c, o);
        rc |= write_corpus_file(o->png, c_png, c, o);
        rc |= write_corpus_file(o->pdf, c_pdf, c, o);
        rc |= write_corpus_file(o->jsonl_out, c_jsonl, c, o);
    }
    rc |= write_corpus_file(o->tl_csv, c_tl_csv, c, o);
    rc |= write_corpus_file(o->tl_json, c_tl_json, c, o);
    rc |= write_corpus_file(o->gexf, c_gexf, c, o);
    return rc;
}

/* ---------------------------------------------------------------- dateline merge */

/* Adds the event lines of one stream. Returns 0, or 1 when a line was bad (reported). */
static int merge_stream(dl_corpus *c, FILE *f, const char *name, int *fatal)
{
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    int rc = 0;
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t k = 0;
        while (k < (size_t)n && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r' || line[k] == '\n'))
            k++;
        if (k == (size_t)n)
            continue;
        dl_error err = {0};
        dl_status st = dl_corpus_add_json(c, line, (size_t)n, &err);
        if (st == DL_ENOMEM) {
            dl_cli_error("%s:%zu: %s", name, lineno, err.msg);
            *fatal = 1;
            rc = 1;
            break;
        }
        if (st != DL_OK) {
            dl_cli_error("%s:%zu: %s", name, lineno, err.msg);
            rc = 1;
        }
    }
    if (ferror(f)) {
        dl_cli_error("%s: %s", name, strerror(errno));
        rc = 1;
    }
    free(line);
    return rc;
}

int dl_cli_merge(const opts *o, char **files, int nfiles)
{
    dl_error err = {0};
    dl_corpus *c = dl_corpus_new(0, &err);
    if (!c) {
        dl_cli_error("%s", err.msg);
        return 1;
    }
    int rc = 0, fatal = 0;
    if (nfiles == 0)
        rc |= merge_stream(c, stdin, "stdin", &fatal);
    for (int i = 0; i < nfiles && !fatal; i++) {
        int is_stdin = !strcmp(files[i], "-");
        FILE *f = is_stdin ? stdin : fopen(files[i], "r");
        if (!f) {
            dl_cli_error("%s: %s", files[i], strerror(errno));
            rc = 1;
            continue;
        }
        rc |= merge_stream(c, f, is_stdin ? "stdin" : files[i], &fatal);
        if (!is_stdin)
            fclose(f);
    }
    if (!fatal) {
        opts w = *o;
        int named = o->csv || o->dot || o->svg || o->png || o->pdf || o->actors_csv ||
                    o->jsonl_out || o->tl_csv || o->tl_json || o->gexf;
        if (!named)
            w.csv = "-";
        rc |= dl_cli_write_corpus(c, &w, 1);
        if (!o->quiet)
        {
            size_t ne = dl_corpus_n_events(c), nd = dl_corpus_n_docs(c);
            fprintf(stderr, PROG ": merged %zu event%s from %zu document%s\n", ne, ne == 1 ? "" : "s",
                    nd, nd == 1 ? "" : "s");
        }
    }
    dl_corpus_free(c);
    return rc ? 1 : 0;
}
