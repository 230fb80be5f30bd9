/*
 * dateline.h - the public interface of libdateline.
 *
 * dateline reads English news text and finds its time expressions, its actors and
 * its events (who did what to whom, and when), and writes them as a timeline CSV, a
 * TimeML/TSV list of time expressions and a Graphviz actor graph.
 *
 * Lifecycle:
 *     dl_engine *e = dl_engine_new(&err);           knowledge (dictionaries), shared, read-only
 *     dl_doc *d = dl_doc_process(e, &in, &err);     one document through the whole pipeline
 *     dl_write_csv(d, fp, 0, &err); ...             exporters
 *     dl_doc_free(d); dl_engine_free(e);
 *
 * Ownership, once for the whole API: everything a function returns through a `const`
 * pointer belongs to the object it was read from (an engine or a document) and lives
 * until that object is freed; nothing returned needs freeing except objects made by a
 * `*_new` or `dl_doc_process`, each freed by its own `*_free`, which accepts NULL.
 * An engine is never changed by processing: several threads may process documents
 * with one engine at the same time. A document belongs to one thread at a time.
 *
 * The library never prints, never exits and never reads the system clock.
 */
#ifndef DATELINE_H
#define DATELINE_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DL_VERSION "0.1.0"

/* ---------------------------------------------------------------- errors */

/** Result codes. Every fallible call returns one and fills a dl_error. */
typedef enum dl_status {
    DL_OK = 0,     /* Successful result */
    DL_ENOMEM,     /* An allocation failed */
    DL_EIO,        /* A file could not be opened, read or written */
    DL_EBINARY,    /* The input is not text (a NUL byte, or mostly control bytes) */
    DL_EDATA,      /* A dictionary or manifest line is malformed */
    DL_EARG,       /* An argument is invalid (a malformed or impossible date, an unknown format) */
    DL_ERENDER,    /* Graphviz could not lay out or render the graph */
    DL_EPARSE      /* An input record (a JSON line, an event line) is malformed */
} dl_status;

/**
 * An error: its code and a message. Messages about a document name the place in it (a
 * byte offset) but not the document, which the caller knows; messages about files the
 * library opens itself (dictionaries) name the file and line.
 */
typedef struct dl_error {
    dl_status code;
    char msg[512];
} dl_error;

/** A short English description of a status code; never NULL, static storage. */
const char *dl_status_str(dl_status code);

/* ---------------------------------------------------------------- dates */

/** A calendar day. */
typedef struct dl_date {
    int year, month, day;
} dl_date;

/**
 * Parses `YYYY-MM-DD` into *out. Returns DL_OK, or DL_EARG (with a message in err,
 * which may be NULL) when the text is malformed or names no real day (2023-02-30).
 */
dl_status dl_date_parse(const char *s, dl_date *out, dl_error *err);

/* ---------------------------------------------------------------- engine */

/** The loaded knowledge: dictionaries, lexicons, patterns. Opaque. */
typedef struct dl_engine dl_engine;

/**
 * Makes an engine with the built-in dictionaries (compiled from data/ at build time).
 * Returns NULL and fills err on failure. Free with dl_engine_free().
 */
dl_engine *dl_engine_new(dl_error *err);

/**
 * Adds or overrides actors from a file in the format of data/actors.tsv (an entry
 * whose name is already known replaces it). Errors name the file and line.
 */
dl_status dl_engine_load_actors(dl_engine *e, const char *path, dl_error *err);

/** Frees an engine; accepts NULL. Documents made with it must be freed first. */
void dl_engine_free(dl_engine *e);

/* ---------------------------------------------------------------- documents */

/** One input document. */
typedef struct dl_input {
    const char *name;   /* the document id: the file name without its extension */
    const char *text;   /* the bytes of the document; need not be NUL-terminated */
    size_t len;         /* their number */
    const char *dct;    /* document creation date YYYY-MM-DD, or NULL: read from the text */
    const char *url;    /* where it came from, or NULL */
} dl_input;

/**
 * The largest document dl_doc_process takes is DL_MAX_DOC_BYTES - 1 bytes; a longer one
 * is refused (DL_EARG). Offsets are 32-bit, and a document takes up to ~17 bytes of memory
 * per input byte, so this keeps one document under ~4.5 GB.
 */
#define DL_MAX_DOC_BYTES ((size_t)256 << 20)

/** A processed document. Opaque. */
typedef struct dl_doc dl_doc;

/**
 * Runs the whole pipeline on one document. Returns a document (free with
 * dl_doc_free) or NULL with err filled: DL_EBINARY for a NUL byte or binary data,
 * DL_EARG for a malformed dct, DL_ENOMEM. Invalid UTF-8 is not an error: each bad
 * byte becomes U+FFFD and the document carries a warning (dl_doc_warning).
 */
dl_doc *dl_doc_process(const dl_engine *e, const dl_input *in, dl_error *err);

/** Frees a document; accepts NULL. */
void dl_doc_free(dl_doc *d);

/** The document id given in dl_input.name. */
const char *dl_doc_name(const dl_doc *d);

/** The document creation date used ("YYYY-MM-DD"), or "" when none was given or found. */
const char *dl_doc_dct(const dl_doc *d);

/** Warnings (invalid UTF-8 replaced, limits reached), each naming the byte offset. */
size_t dl_doc_n_warnings(const dl_doc *d);
const char *dl_doc_warning(const dl_doc *d, size_t i);

/** Counts of what the pipeline found. */
size_t dl_doc_n_sentences(const dl_doc *d);
size_t dl_doc_n_tokens(const dl_doc *d);

/** A sentence: its code-point and byte span in the input, end exclusive. */
typedef struct dl_sentence {
    size_t start, end;             /* code points */
    size_t byte_start, byte_end;   /* bytes of the (repaired) text */
    int paragraph;                 /* 0-based paragraph number */
    int boilerplate;               /* non-zero: web-page furniture, yields nothing */
} dl_sentence;
const dl_sentence *dl_doc_sentence(const dl_doc *d, size_t i);

/** The (repaired) text of the document and its length in bytes. */
const char *dl_doc_text(const dl_doc *d, size_t *len);

/* ---------------------------------------------------------------- results */

/** A TimeML TIMEX3 expression. */
typedef struct dl_timex {
    size_t start, end;             /* code points into the input, end exclusive */
    size_t byte_start, byte_end;   /* bytes */
    const char *type;              /* "DATE", "TIME", "DURATION" or "SET" */
    const char *value;             /* TIMEX3 value: "2024-06-18", "P24Y", "PRESENT_REF" */
    const char *mod;               /* TIMEX3 mod ("BEFORE", "APPROX", "START"...) or "" */
    const char *text;              /* the words */
    int sentence;                  /* sentence index */
} dl_timex;
size_t dl_doc_n_timex(const dl_doc *d);
const dl_timex *dl_doc_timex(const dl_doc *d, size_t i);

/** An actor found in the document. */
typedef struct dl_actor {
    const char *name;      /* canonical name */
    const char *type;      /* "person", "country", "organization", "group" or "place" */
    const char *country;   /* ISO 3166-1 alpha-3, or "" */
    const char *role;      /* office or sector ("head_of_state", "military") or "" */
    int mentions;          /* how many times the text names it */
    size_t first_offset;   /* code point of its first mention */
} dl_actor;
size_t dl_doc_n_actors(const dl_doc *d);
const dl_actor *dl_doc_actor(const dl_doc *d, size_t i);

/** An event: who did what to whom, and when. Strings are "" when absent. */
typedef struct dl_event {
    const char *id;            /* "<doc>-e<N>" */
    const char *date;          /* TIMEX3 value at its precision ("2023-09"), "" when undated */
    const char *date_mod;      /* TimeML mod or "" */
    const char *start, *end;   /* first and last day covered, YYYY-MM-DD, or "" when open */
    const char *precision;     /* day, week, month, season, quarter, year, decade, century */
    const char *date_text;     /* the words the date came from */
    const char *date_anchor;   /* explicit, document-date, event, narrative */
    const dl_actor *source;    /* or NULL */
    const dl_actor *target;    /* or NULL */
    const char *relation;      /* the event's lemma: "visit", "veto" */
    const char *cameo;         /* CAMEO code "042" */
    int quad_class;            /* 1..4, 0 when unknown */
    double goldstein;          /* -10..10 */
    const char *object;        /* what is not an actor ("its first military reconnaissance satellite") */
    const char *modality;      /* asserted, planned, negated, reported, hypothetical */
    const char *trigger;       /* the trigger words */
    int sentence;              /* sentence index (0-based) */
    size_t char_start, char_end; /* trigger's code points */
} dl_event;
size_t dl_doc_n_events(const dl_doc *d);
const dl_event *dl_doc_event(const dl_doc *d, size_t i);

/* ---------------------------------------------------------------- exporters */

/** Flags for the exporters. */
enum {
    DL_CSV_BOM = 1 << 0,       /* write a UTF-8 byte order mark first (for Excel) */
    DL_CSV_UNDATED = 1 << 1,   /* add undated events at the end */
    DL_CSV_NO_HEADER = 1 << 2  /* leave out the header row */
};

/**
 * Writes the timeline CSV of one or more documents (events sorted by start, then
 * document order). RFC 4180, UTF-8; text cells that a spreadsheet would run as a
 * formula get a leading apostrophe. Returns DL_EIO when writing fails.
 */
dl_status dl_write_csv(dl_doc *const *docs, size_t n, FILE *out, unsigned flags, dl_error *err);

/** Writes every time expression as TSV: doc, start, end, type, value, text. */
dl_status dl_write_timex_tsv(dl_doc *const *docs, size_t n, FILE *out, unsigned flags, dl_error *err);

/** Writes the document's text with <TIMEX3> tags inserted, otherwise byte for byte. */
dl_status dl_write_timeml(const dl_doc *d, FILE *out, dl_error *err);

/** Writes one row per actor: id, name, type, country, role, mentions, first_offset. */
dl_status dl_write_actors_csv(dl_doc *const *docs, size_t n, FILE *out, unsigned flags, dl_error *err);

/** Options of the graph. */
typedef struct dl_graph_opts {
    int event_nodes;     /* non-zero: events without a target become small nodes */
    int min_weight;      /* keep edges with at least this many events (0: all) */
    int top;             /* keep only the N heaviest edges (0: all) */
    const char *layout;  /* "dot", "neato", "sfdp", "circo", or NULL: chosen by size */
} dl_graph_opts;

/** Writes the actor graph of the documents in DOT, built with cgraph. */
dl_status dl_write_dot(dl_doc *const *docs, size_t n, const dl_graph_opts *o, FILE *out, dl_error *err);

/**
 * Lays the graph out and renders it with Graphviz's gvc in `format` ("svg", "png",
 * "pdf") to out.
 */
dl_status dl_render(dl_doc *const *docs, size_t n, const dl_graph_opts *o, const char *format,
                    FILE *out, dl_error *err);

/**
 * The graph of many documents, made one document at a time so that they need not be kept:
 * a builder copies what the graph shows (a small record per dated event, the nodes' actors,
 * the evidence lines a tooltip can list), so memory grows with events, not with text.
 * Writing or rendering it gives what dl_write_dot and dl_render give for the same
 * documents in the same order, and leaves the builder usable. A builder belongs to one
 * thread at a time. dl_graph_builder_new returns NULL (err filled) when out of memory.
 */
typedef struct dl_graph_builder dl_graph_builder;
dl_graph_builder *dl_graph_builder_new(dl_error *err);
/** Adds a document's events; the document may be freed right after. DL_ENOMEM on failure. */
dl_status dl_graph_builder_add(dl_graph_builder *gb, const dl_doc *d, dl_error *err);
dl_status dl_graph_builder_write_dot(dl_graph_builder *gb, const dl_graph_opts *o, FILE *out,
                                     dl_error *err);
dl_status dl_graph_builder_render(dl_graph_builder *gb, const dl_graph_opts *o, const char *format,
                                  FILE *out, dl_error *err);
/**
 * Says that the next write or render is the builder's last: it frees what it holds of each
 * edge and node as soon as the graph has it, so that the memory at the end is the graph's,
 * not the graph's and the builder's. After it only dl_graph_builder_free is of use.
 */
void dl_graph_builder_consume(dl_graph_builder *gb);
/** Frees a builder; accepts NULL. */
void dl_graph_builder_free(dl_graph_builder *gb);


/* ---------------------------------------------------------------- corpora
 *
 * Many documents at once (merge.c, export_json.c, export_gexf.c). A corpus holds event
 * records: flat copies of events with every string copied, so a document can be freed as
 * soon as its events are added, and memory grows with the number of distinct events and
 * actors, not with the text read. The same event told by several documents (same date,
 * source, relation and target) becomes one record that counts its mentions and lists its
 * documents, the way GDELT counts mentions; its other fields are those of its most certain
 * telling (asserted first), then its earliest. Merging is associative and commutative: the
 * records of partial corpora (written as JSON Lines and read back) merge into the same
 * result as one corpus of all the documents, whatever the order. Undated events are never
 * merged with each other. A corpus belongs to one thread at a time.
 */

/**
 * An event record: an event with its actors, its evidence and its document, as plain
 * strings ("" when absent, never NULL). The field names are the timeline CSV's columns.
 */
typedef struct dl_evrec {
    const char *event_id;          /* "<doc>-e<N>" of the telling that represents it */
    const char *doc, *dct, *url;   /* that document: id, creation date ("" unknown), URL */
    const char *date, *date_mod, *start, *end, *precision, *date_text, *date_anchor;
    const char *source, *source_type, *source_country, *source_role;
    const char *relation, *cameo;
    int quad_class;                /* 1..4, 0 when unknown */
    double goldstein;              /* meaningful only when cameo is not "" */
    const char *target, *target_type, *target_country, *target_role;
    const char *object, *modality, *trigger;
    const char *sentence;          /* the evidence sentence, on one line */
    int sentence_no;               /* 1-based */
    long char_start, char_end;     /* the trigger's code points in its document */
    long mentions;                 /* how many times the corpus tells it (>= 1) */
    size_t ndocs;                  /* how many documents tell it */
    const char *const *docs;       /* their ids, sorted (strcmp), no duplicates */
} dl_evrec;

/** A set of event records, merged or not. Opaque. */
typedef struct dl_corpus dl_corpus;

/** Flags of dl_corpus_new. */
enum {
    DL_CORPUS_NO_MERGE = 1 << 0    /* keep every event as its own record (no merging) */
};

/** Makes an empty corpus. Returns NULL (err filled) when out of memory. Free with dl_corpus_free. */
dl_corpus *dl_corpus_new(unsigned flags, dl_error *err);

/** Frees a corpus; accepts NULL. */
void dl_corpus_free(dl_corpus *c);

/**
 * Adds every event of a document (dated or not), copying what it needs: the document may
 * be freed right after. DL_ENOMEM on failure (the corpus stays usable).
 */
dl_status dl_corpus_add_doc(dl_corpus *c, const dl_doc *d, dl_error *err);

/**
 * Adds one record (copied; its mentions and docs are added to a matching record's).
 * A record with no doc, or mentions < 1, is DL_EARG.
 */
dl_status dl_corpus_add(dl_corpus *c, const dl_evrec *r, dl_error *err);

/**
 * Parses one JSON Lines event record (as written by dl_write_jsonl or
 * dl_corpus_write_jsonl) and adds it. DL_EPARSE with a message (column included) when
 * the line is not such a record; the corpus is then unchanged.
 */
dl_status dl_corpus_add_json(dl_corpus *c, const char *line, size_t len, dl_error *err);

/**
 * The records in timeline order: dated before undated, then by start (end when start
 * is open), then document id, sentence and offset. The pointer returned by
 * dl_corpus_event lives until the next change of the corpus. dl_corpus_n_events may
 * allocate (to sort) and returns 0 when that fails.
 */
size_t dl_corpus_n_events(dl_corpus *c);
const dl_evrec *dl_corpus_event(dl_corpus *c, size_t i);

/** Documents added, distinct documents named by the records. */
size_t dl_corpus_n_docs(dl_corpus *c);

/**
 * The timeline CSV of a corpus: the columns of dl_write_csv, then `mentions` (times
 * told) and `docs` (number of documents that tell it). Flags as dl_write_csv.
 */
dl_status dl_corpus_write_csv(dl_corpus *c, FILE *out, unsigned flags, dl_error *err);

/**
 * The actors of a corpus' events: id, name, type, country, role, events (records with the
 * actor as source or target), mentions (times those events are told). Dated events only
 * unless DL_CSV_UNDATED.
 */
dl_status dl_corpus_write_actors_csv(dl_corpus *c, FILE *out, unsigned flags, dl_error *err);

/** The actor graph of a corpus (dated events; one event per record, so weights count
 * events, not mentions), as DOT or rendered like dl_write_dot and dl_render. */
dl_status dl_corpus_write_dot(dl_corpus *c, const dl_graph_opts *o, FILE *out, dl_error *err);
dl_status dl_corpus_render(dl_corpus *c, const dl_graph_opts *o, const char *format, FILE *out,
                           dl_error *err);

/**
 * JSON Lines, one object per event (dated or not), keys the timeline CSV's columns plus
 * dct, url, source_role, target_role, mentions and docs (an array of ids); goldstein and
 * quad_class are null when unknown. Valid UTF-8 JSON whatever the text. dl_write_jsonl
 * writes one document's events; dl_corpus_write_jsonl a corpus' records, which
 * dl_corpus_add_json reads back.
 */
dl_status dl_write_jsonl(const dl_doc *d, FILE *out, dl_error *err);
dl_status dl_corpus_write_jsonl(dl_corpus *c, FILE *out, dl_error *err);

/**
 * TimelineJS's spreadsheet format: the header `Year,Month,Day,Time,End Year,End Month,
 * End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media
 * Thumbnail,Type,Group,Background`, one row per dated event. Display Date at the date's
 * precision ("18 June 2024", "March 2024", "Winter 2023–24"), Headline a short sentence
 * ("Vladimir Putin visits North Korea"), Text the evidence sentence (HTML-escaped) and its
 * document, Group the source actor. DL_CSV_BOM honoured.
 */
dl_status dl_corpus_write_timelinejs_csv(dl_corpus *c, FILE *out, unsigned flags, dl_error *err);

/** TimelineJS's JSON: {"events": [{start_date, end_date, display_date, text: {headline,
 * text}, group, unique_id}]}, one event per dated record. */
dl_status dl_corpus_write_timelinejs_json(dl_corpus *c, FILE *out, dl_error *err);

/**
 * GEXF 1.3 for Gephi: a dynamic directed graph (timeformat date) with a node per actor
 * (from its first event on) and an edge per (source, target, relation) whose weight
 * counts events and whose spells give each event's start and end.
 */
dl_status dl_corpus_write_gexf(dl_corpus *c, FILE *out, dl_error *err);

/**
 * A short English sentence for an event: "Vladimir Putin visits North Korea", "Russian
 * forces attack Kharkiv", "Satellite launched". Writes at most n bytes (NUL included)
 * to out and returns out.
 */
char *dl_evrec_headline(const dl_evrec *r, char *out, size_t n);

/**
 * The date of a record as a reader says it, at its precision: "18 June 2024",
 * "March 2024", "Winter 2023–24", "Week of 17 June 2024", "1990s", "Before March 2024".
 * "" for an undated record. Writes at most n bytes to out and returns out.
 */
char *dl_evrec_display_date(const dl_evrec *r, char *out, size_t n);

#ifdef __cplusplus
}
#endif
#endif
