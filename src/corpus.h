/*
 * corpus.h - private declarations shared by the corpus modules: merge.c (records and
 * their merging), export_json.c (JSON Lines, TimelineJS) and export_gexf.c (GEXF).
 * Not installed; the public side is the "corpora" section of include/dateline.h.
 */
#ifndef DL_CORPUS_H
#define DL_CORPUS_H

#include "internal.h"

/* Fills r with the record of event i of d: pointers into the document, the sentence on
 * one line in *sent (cleared first), mentions 1, docs {d's name}. *one receives the docs
 * array. Returns 0, or -1 when the buffer could not grow. */
int dl_evrec_from_doc(const dl_doc *d, size_t i, dl_evrec *r, dl_buf *sent, const char **one);

/* Makes a document that shows the corpus' records (dated ones unless `undated`) to the
 * exporters written for documents: one event per record, its actors, and its sentence as
 * the document's text. The view points into the corpus: free it (dl_doc_free) before the
 * corpus changes. NULL with err filled on failure. */
dl_doc *dl_corpus_view(dl_corpus *c, int undated, dl_error *err);

/* A record's dates as numbers, for the exporters that need them: first and last day
 * (y, m, d; 0 where the precision stops: month precision has d = 0), whether the value
 * spans more than its own unit (a week, a season, a decade: then last is meaningful),
 * and the time of day "HH:MM" or "". Returns 0, or -1 when the record has no usable date. */
typedef struct dl_when {
    int y, m, d;          /* first day, to the precision of the value */
    int ey, em, ed;       /* last day, when span */
    int span;             /* non-zero: [first, last] is a range to show */
    char time[6];         /* "HH:MM" or "" */
} dl_when;
int dl_evrec_when(const dl_evrec *r, dl_when *w);

/* Writes a CSV cell (RFC 4180 quoting; text cells guarded against formulas when `text`)
 * preceded by a comma unless *first. */
void dl_csv_cell(FILE *out, int *first, const char *s, int text, dl_buf *scratch);

/* Appends s to b escaped for XML/HTML text and attributes (& < > " ' and the control
 * characters XML 1.0 forbids, which become U+FFFD). */
void dl_buf_xml(dl_buf *b, const char *s);

#endif
