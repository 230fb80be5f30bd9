/*
 * cli.h - what the command's files share (main.c: options and single documents;
 * cli_corpus.c: corpora, threads, progress, JSON Lines, `dateline merge`). Not part of
 * the library.
 */
#ifndef DL_CLI_H
#define DL_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "dateline.h"

typedef struct opts {
    const char *dct, *csv, *dot, *svg, *png, *pdf, *timex_tsv, *timeml, *actors_csv;
    const char *outdir, *manifest;
    const char *jsonl_out, *tl_csv, *tl_json, *gexf;   /* corpus formats */
    const char **actor_files;
    int nactor_files;
    unsigned csv_flags;
    int merge, quiet;
    int jsonl;        /* documents come as JSON Lines on standard input */
    int jobs;         /* threads processing documents (-j), 1 by default */
    dl_graph_opts graph;
} opts;

/* ---------------------------------------------------------------- jobs (cli_corpus.c) */

/* One document on its way through the threads. */
typedef struct dl_job {
    size_t index;          /* input order, from 0 */
    size_t lineno;         /* JSON Lines input: its line (1-based) */
    const char *path;      /* for messages: a file name, or "stdin" */
    char *line;            /* JSON Lines input: the line read (owned) */
    char *text;            /* the document's bytes (owned) */
    char *name, *dct, *url; /* owned copies when the input supplies them */
    dl_input in;           /* what dl_doc_process gets */
    dl_doc *doc;           /* the result, or NULL when failed */
    int failed;            /* non-zero: msg says why (already includes path and line) */
    char msg[700];
    size_t bytes;          /* input bytes, for the progress line */
    void *prep;            /* what dl_jobs.prepare made (freed by dl_jobs.release) */
} dl_job;

/* A run of documents: where they come from and where they go. */
typedef struct dl_jobs {
    /* Under a lock, in input order: fills the cheap part of the next job (a path, a
     * line). Returns 1, or 0 at the end of the input. */
    int (*next)(void *ctx, dl_job *j);
    /* On a worker thread: makes j->in (reads a file, parses a line). On failure sets
     * j->failed and j->msg. */
    void (*load)(void *ctx, dl_job *j);
    /* On the calling thread, in input order: uses the result. It may take j->doc (set it
     * to NULL); what is left is freed. */
    void (*done)(void *ctx, dl_job *j);
    /* Optional, on the worker thread after a document was processed: work on the result
     * that needs no shared state (rendering its rows), kept in j->prep for done. */
    void (*prepare)(void *ctx, dl_job *j);
    void (*release)(void *prep);   /* frees j->prep (when prepare is set) */
    void *ctx;
    const dl_engine *eng;
    int threads;           /* 1: everything on the calling thread */
    int progress;          /* draw a progress line on stderr */
    int batch;             /* outputs may wait for a batch of documents (not a stream
                            * whose reader expects each document as soon as it is done) */
    size_t total_docs;     /* 0 when unknown */
    double total_bytes;    /* 0 when unknown */
    /* Filled by dl_jobs_run. */
    size_t docs_done;
    double bytes_done, seconds;
} dl_jobs;

/* Runs every job. Output order is input order whatever the number of threads, so the
 * results are byte-identical to a run on one thread. Returns 0, or -1 when threads
 * could not be started (nothing was run then). */
int dl_jobs_run(dl_jobs *r);

/* The JSON Lines document source: {"id", "date", "text", "url"} per line of f. A line
 * without "id" is named "line<N>"; without "date" its date is read from the text. */
typedef struct dl_jsonl_src {
    FILE *f;
    size_t lineno;
    const char *dct;       /* --dct: overrides each line's date */
} dl_jsonl_src;
int dl_jsonl_next(void *ctx, dl_job *j);
void dl_jsonl_load(void *ctx, dl_job *j);

/* Writes the outputs of a corpus named in o (--csv, --actors-csv, the graph, --jsonl-out,
 * --timelinejs-csv, --timelinejs-json, --gexf). `merged`: the timeline and actors CSV
 * come from the corpus (else they were streamed). Returns 0, or 1 when one failed
 * (reported). */
int dl_cli_write_corpus(dl_corpus *c, const opts *o, int merged);

/* `dateline merge [FILE...]`: reads event lines and writes the merged outputs. Exit
 * status as main's. */
int dl_cli_merge(const opts *o, char **files, int nfiles);

/* Clears the progress line, if one is shown, so that a message starts on a clean line. */
void dl_progress_clear(void);

/* Prints "dateline: error: ..." on stderr (the progress line cleared first). */
void dl_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
