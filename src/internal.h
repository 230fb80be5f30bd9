/*
 * internal.h - private declarations shared by the modules of libdateline.
 *
 * One section per pipeline stage, in pipeline order:
 *   memory (arena.c, buf.c, hash.c) -> data (data.c, tsv.c) -> text (text.c)
 *   -> segment (segment.c, lexicon.c) -> calendar (calendar.c) -> timex (timex.c)
 *   -> actors (actors.c) -> events (events.c) -> anchoring (anchor.c)
 *   -> exporters (export_csv.c, export_tsv.c, export_dot.c, render.c)
 * The public interface is include/dateline.h; nothing here is installed.
 */
#ifndef DL_INTERNAL_H
#define DL_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "dateline.h"

#define DL_UNUSED(x) ((void)(x))
#define DL_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Fills err (which may be NULL) and returns code. printf-style message. */
dl_status dl_fail(dl_error *err, dl_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ================================================================ memory */

/* An arena: many small allocations freed in one call. Allocation failure returns NULL. */
typedef struct dl_arena dl_arena;
dl_arena *dl_arena_new(void);
void *dl_arena_alloc(dl_arena *a, size_t n);            /* 8-byte aligned, uninitialised */
void *dl_arena_calloc(dl_arena *a, size_t n);
char *dl_arena_strndup(dl_arena *a, const char *s, size_t n);
char *dl_arena_strdup(dl_arena *a, const char *s);
char *dl_arena_printf(dl_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dl_arena_free(dl_arena *a);

/* A growable byte buffer, always NUL-terminated. After a failed allocation `oom` is set and
 * further appends do nothing, so a caller checks once at the end. */
typedef struct dl_buf {
    char *p;
    size_t len, cap;
    int oom;
} dl_buf;
void dl_buf_init(dl_buf *b);
/* Makes room for n more bytes (and the NUL); 0, or -1 with oom set. */
int dl_buf_reserve(dl_buf *b, size_t n);
void dl_buf_printf(dl_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends are inline: exporters append a byte at a time. */
static inline void dl_buf_append(dl_buf *b, const char *s, size_t n)
{
    if ((b->cap - b->len <= n || b->oom) && dl_buf_reserve(b, n))
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}
static inline void dl_buf_putc(dl_buf *b, char c)
{
    if ((b->cap - b->len <= 1 || b->oom) && dl_buf_reserve(b, 1))
        return;
    b->p[b->len++] = c;
    b->p[b->len] = 0;
}
static inline void dl_buf_puts(dl_buf *b, const char *s)
{
    dl_buf_append(b, s, strlen(s));
}
void dl_buf_clear(dl_buf *b);
void dl_buf_free(dl_buf *b);

/* Are the n bytes at a and b equal, 1 <= n <= 16? Words are short: two overlapping loads
 * of eight or four bytes, or (n < 4) the first, middle and last byte, never reading past
 * either. */
static inline int dl_bytes_eq_short(const char *a, const char *b, size_t n)
{
    uint64_t x, y, u, v;
    if (n >= 8) {
        memcpy(&x, a, 8), memcpy(&y, b, 8), memcpy(&u, a + n - 8, 8), memcpy(&v, b + n - 8, 8);
        return x == y && u == v;
    }
    if (n >= 4) {
        uint32_t x4, y4, u4, v4;
        memcpy(&x4, a, 4), memcpy(&y4, b, 4), memcpy(&u4, a + n - 4, 4), memcpy(&v4, b + n - 4, 4);
        return x4 == y4 && u4 == v4;
    }
    return a[0] == b[0] && a[n >> 1] == b[n >> 1] && a[n - 1] == b[n - 1];
}

/* Are the n bytes at a and b equal? Any n; beyond 16 bytes, memcmp. */
static inline int dl_bytes_eq(const char *a, const char *b, size_t n)
{
    if (n > 16)
        return memcmp(a, b, n) == 0;
    return n == 0 || dl_bytes_eq_short(a, b, n);
}

/* Copies the string s into out (n bytes), cut as snprintf(out, n, "%s", s) would cut it,
 * without its cost. */
static inline void dl_copy_cut(char *out, size_t n, const char *s)
{
    if (n == 0)
        return;
    size_t l = strnlen(s, n - 1);
    memmove(out, s, l);
    out[l] = 0;
}

/* Writes v as printf's "%.1f" does (quickly for numbers with one decimal, the usual
 * case); returns the length written, at most n - 1. */
size_t dl_format_tenths(char *out, size_t n, double v);

/* Grows the array *pp of element size `size` to hold at least `need` elements.
 * Returns 0, or -1 when the allocation fails (the array is left as it was). */
int dl_grow(void **pp, size_t *cap, size_t need, size_t size);
#define DL_GROW(arr, cap, need) dl_grow((void **)&(arr), &(cap), (need), sizeof(*(arr)))

/* A hash map from byte strings to uint32 values (open addressing, dl_hash). Keys are
 * copied into the map's own storage. */
typedef struct dl_map dl_map;
dl_map *dl_map_new(void);
void dl_map_free(dl_map *m);
/* Sets key -> value; returns 0, or -1 on allocation failure. */
int dl_map_put(dl_map *m, const char *key, size_t klen, uint32_t value);
/* Returns 1 and sets *value when the key is present, else 0. */
int dl_map_get(const dl_map *m, const char *key, size_t klen, uint32_t *value);
/* The same with the key's dl_hash already known (a token's: dl_token.hash). */
int dl_map_get_h(const dl_map *m, const char *key, size_t klen, uint32_t hash, uint32_t *value);
size_t dl_map_count(const dl_map *m);
uint32_t dl_hash(const char *s, size_t n);

/* ================================================================ data */

/* Files of data/ compiled into the library at build time (build/data_embed.c). */
typedef struct dl_blob {
    const char *name;           /* "actors.tsv" */
    const unsigned char *data;
    size_t len;
} dl_blob;
const dl_blob *dl_data_get(const char *name);   /* NULL when no such file */

/* Reading plain TSV with '#' comments and one header line. */
typedef struct dl_tsv {
    const char *src;        /* for messages: "data/actors.tsv" or a user's path */
    const char *p, *end;
    int line;               /* 1-based number of the line last read */
    int ncols;              /* columns of the header */
    char *copy;             /* owned buffer when read from a file */
} dl_tsv;
/* Starts reading text (not copied) and checks the header against `header` (tab-separated
 * column names). */
dl_status dl_tsv_open_mem(dl_tsv *t, const char *src, const char *text, size_t len,
                          const char *header, dl_error *err);
dl_status dl_tsv_open_file(dl_tsv *t, const char *path, const char *header, dl_error *err);
/* Reads the next data line into cells (pointers into a per-line scratch copy owned by t,
 * valid until the next call). Returns 1 for a row, 0 at the end, -1 with err filled when a
 * row has the wrong number of columns. Lengths in lens. */
int dl_tsv_next(dl_tsv *t, const char **cells, size_t *lens, int max, dl_error *err);

/* Is the cell c of n bytes the string s? */
static inline int dl_cell_is(const char *c, size_t n, const char *s)
{
    return strlen(s) == n && memcmp(c, s, n) == 0;
}
void dl_tsv_close(dl_tsv *t);

/* ================================================================ engine and document */

typedef struct dl_timex_lex dl_timex_lex;   /* timex.c: vocabulary of time words */
typedef struct dl_actor_dict dl_actor_dict; /* actors.c: the actor dictionary */
typedef struct dl_event_lex dl_event_lex;   /* events.c: trigger lexicon and CAMEO table */

struct dl_engine {
    dl_map *abbrev;          /* segment.c: abbreviation (lower case, no final dot) -> DL_AB_* */
    char **boiler;           /* segment.c: phrases that open web-page furniture */
    size_t *boiler_len;      /* their lengths */
    size_t nboiler;
    dl_timex_lex *timex;
    dl_actor_dict *actors;
    dl_event_lex *events;
};

/* Token shape flags. */
enum {
    DL_T_ALPHA = 1 << 0,    /* letters (and inner hyphens/apostrophes/dots) */
    DL_T_DIGIT = 1 << 1,    /* starts with a digit */
    DL_T_PUNCT = 1 << 2,    /* punctuation or symbol */
    DL_T_CAP = 1 << 3,      /* first letter upper case */
    DL_T_UPPER = 1 << 4,    /* all letters upper case (and more than one) */
    DL_T_SENT_START = 1 << 5, /* first word of its sentence (or after an opening quote) */
    DL_T_ABBREV = 1 << 6,   /* ends with a dot that belongs to it ("U.S.", "Jan.", "V.") */
    DL_T_NUMBER = 1 << 7,   /* a number: 24, 4.8, 10,000, 1948 */
    DL_T_SPACE_BEFORE = 1 << 8, /* white space precedes it */
    DL_T_NEWLINE_BEFORE = 1 << 9, /* a line break precedes it */
    DL_T_HYPHEN = 1 << 10,  /* a word (DL_T_ALPHA or DL_T_DIGIT) with a '-' in lower */
    DL_T_DOT = 1 << 11      /* a '.' in lower ("U.S.", "Jan.", "4.8", "...") */
};

/* Part-of-speech bits from WordNet (a word may have several), and verb forms. */
enum { DL_POS_NOUN = 1, DL_POS_VERB = 2, DL_POS_ADJ = 4, DL_POS_ADV = 8, DL_POS_FUNC = 16 };
enum { DL_VF_NONE = 0, DL_VF_BASE, DL_VF_S, DL_VF_PAST, DL_VF_ING };

typedef struct dl_token {
    uint32_t b, blen;        /* bytes in doc->text */
    uint32_t cp, cplen;      /* code points */
    uint16_t flags;          /* DL_T_* */
    uint8_t pos;             /* DL_POS_* mask from WordNet (0: unknown word) */
    uint8_t vform;           /* DL_VF_* when the word is an inflected verb form */
    uint32_t hash;           /* dl_hash(lower, llen): look-ups reuse it (dl_map_get_h) */
    const char *lower;       /* lower-cased text, quotes and dashes folded to ASCII */
    const char *lemma;       /* WordNet base form (verb reading first), or lower (the very
                              * pointer when the base form is the word itself) */
    const char *nlemma;      /* noun base form ("visits" -> "visit"), or lower (likewise) */
    uint16_t llen;           /* strlen(lower) */
} dl_token;

typedef struct dl_sent {
    dl_sentence pub;
    uint32_t tok0, ntok;     /* tokens [tok0, tok0+ntok) */
} dl_sent;

/* A time expression inside the pipeline. */
typedef struct dl_timex_int {
    dl_timex pub;
    uint32_t tok0, ntok;     /* tokens it covers */
    int anchor_kind;         /* DL_ANCHOR_* how its value was resolved */
    int relative;            /* non-zero: resolved against the DCT or the narrative */
    int docdate;             /* the document's own date line ("MOSCOW, June 17, 2024 -"): no
                                event's date */
    int range_days;          /* "Sept. 9-10": the days the range runs on after the value's
                                first day (1), or 0; TIMEX3 has no value for a range */
} dl_timex_int;

enum { DL_ANCHOR_EXPLICIT = 1, DL_ANCHOR_DCT, DL_ANCHOR_EVENT, DL_ANCHOR_NARRATIVE };

/* An actor mention. */
typedef struct dl_mention {
    uint32_t tok0, ntok;     /* tokens it covers */
    int actor;               /* index into doc->actors */
    int kind;                /* DL_M_* */
    const char *role;        /* role or sector given by the mention ("military"), or NULL */
    int actor2;              /* the second actor of "the two leaders", or -1 */
    int ref;                 /* actors.c: what dl_actors_resolve_at re-reads, or -1 */
} dl_mention;
enum { DL_M_NAME = 1, DL_M_DEMONYM, DL_M_SEAT, DL_M_SHORT, DL_M_DESCRIPTION, DL_M_PRONOUN,
       DL_M_KIN };

typedef struct dl_actor_int {
    dl_actor pub;
    int dict;                /* entry in the engine's dictionary, or -1 when found in the text */
    uint8_t gender;          /* a person's, for he and she (actors.c G_*), 0 unknown */
} dl_actor_int;

typedef struct dl_event_int {
    dl_event pub;
    int source, target;      /* indexes into doc->actors, or -1 */
    uint32_t trig0, ntrig;   /* trigger tokens */
    int timex;               /* the time expression that dates it, or -1 */
    int order;               /* document order */
    /* Found by events.c for anchor.c: */
    int source_men, target_men; /* the mentions source and target came from, or -1 */
    int clause_tx;           /* a date in the trigger's own clause, or -1 */
    int outer_tx;            /* a date in a clause around it, or -1 */
    int ref_ev;              /* the event an anchoring phrase names ("after Kim's visit"), or -1 */
    int ref_dur;             /* the duration of "two months after ...", or -1 */
    int ref_mod;             /* DL_REL_* */
    const char *ref_text;    /* the words of that phrase */
    int prev_tx;             /* "for the first time in 24 years": that duration, or -1 */
    int sent_actor[4];       /* actors named in the sentence (for "the trip"), -1 padded */
    uint8_t noun;            /* the trigger is a noun ("visit", "trip") */
    uint8_t tense;           /* DL_TENSE_* */
    uint8_t modality;        /* DL_MOD_* */
    uint8_t definite;        /* a noun trigger with no actor of its own ("the trip") */
    uint8_t anchor_ref;      /* an anchoring phrase of another event names this one */
    uint8_t needs_target;    /* an event only with an actor as target ("welcome") */
    uint8_t abroad;          /* an event only in another state than its source's ("visit") */
    uint8_t target_second;   /* the target is target_men's second actor ("the two men met") */
    uint8_t says;            /* a statement (say, tell, announce) */
    uint8_t reports;         /* a statement whose content is another event */
    uint8_t named_doer;      /* a source, or a subject with a name in it */
    int inner_of;            /* a noun that is the object of this verb event ("signed a treaty"), or -1 */
    uint8_t light;           /* a light verb whose object's noun is the event ("launched an invasion") */
    uint8_t background;      /* in a clause that tells what came before ("since a rift began in
                                2021", "after France cut visas") or describes a noun ("Rajoelina,
                                who seized power in 2009"): its date is not the story's time */
    const char *thing;       /* the object's core words ("military reconnaissance satellite"),
                              * the timeline's target when no actor is, or "" */
} dl_event_int;

/* Modalities of events (dl_event.modality names them). */
enum { DL_MOD_ASSERTED, DL_MOD_PLANNED, DL_MOD_NEGATED, DL_MOD_REPORTED, DL_MOD_HYPOTHETICAL };
/* Tenses of a trigger's verb group; a noun takes its clause's. */
enum { DL_TENSE_NONE, DL_TENSE_PAST, DL_TENSE_PRESENT, DL_TENSE_PERFECT, DL_TENSE_FUTURE };
/* How an anchoring phrase relates the event to the one it names. */
enum { DL_REL_NONE, DL_REL_BEFORE, DL_REL_AFTER, DL_REL_SINCE, DL_REL_SAME };

struct dl_doc {
    dl_arena *arena;
    const dl_engine *eng;
    const char *name;
    char dct_str[11];        /* "YYYY-MM-DD" or "" */
    dl_date dct;
    int has_dct;
    const char *url;

    char *text;              /* repaired UTF-8 text, NUL-terminated (owned) */
    size_t len;

    dl_token *tok; size_t ntok, cap_tok;
    dl_sent *sent; size_t nsent, cap_sent;
    dl_timex_int *tx; size_t ntx, cap_tx;
    dl_mention *men; size_t nmen, cap_men;
    dl_actor_int *act; size_t nact, cap_act;
    dl_event_int *ev; size_t nev, cap_ev;
    char **warn; size_t nwarn, cap_warn;
};

/* Adds a warning to the document (copied). Returns 0 or -1 on allocation failure. */
int dl_doc_warn(dl_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ================================================================ text (text.c) */

/* Limits that keep time and memory per document linear and bounded (README, "Limits").
 * A document must be smaller than DL_MAX_DOC_BYTES (dateline.h); a run of word characters
 * longer than DL_MAX_TOKEN_BYTES is cut into tokens of that size; a sentence is never
 * longer than DL_MAX_SENT_TOKENS tokens (a longer one is split at its last comma,
 * semicolon, colon or dash in its final fifth, or at the limit); a dotted letter group
 * ("U.S.A.") has at most DL_MAX_DOTTED_GROUPS dots. Each kind of cut adds one warning. */
#define DL_MAX_TOKEN_BYTES 256
#define DL_MAX_SENT_TOKENS 1000
#define DL_MAX_DOTTED_GROUPS 8

/* NUL bytes that follow d->text's own (segment.c reads words eight bytes at a time). */
#define DL_TEXT_PAD 8

/* Copies the input into d->text (followed by DL_TEXT_PAD more NUL bytes): drops a BOM
 * (offsets still count it as a code point), replaces invalid UTF-8 by U+FFFD (one
 * warning), rejects NUL bytes and binary data, and reads a document date from the top
 * when in->dct is NULL. */
dl_status dl_text_prepare(dl_doc *d, const dl_input *in, dl_error *err);

/* Decodes one UTF-8 code point at s (n bytes left); returns its length (1..4), or 0 when
 * the sequence is invalid. */
int dl_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* ================================================================ segment (segment.c, lexicon.c) */

enum { DL_AB_TITLE = 1, DL_AB_MONTH, DL_AB_OTHER };
dl_status dl_segment_load(dl_engine *e, dl_error *err);
void dl_segment_free_lex(dl_engine *e);

/* Tokenises d->text, splits paragraphs and sentences, marks boilerplate, and looks every
 * token up in the lexicon. */
dl_status dl_segment(dl_doc *d, dl_error *err);

/* WordNet-derived lexicon, compiled at build time (build/wordnet_table.c).
 * Looks up a lower-case word: returns 1 and fills pos mask, verb form and lemmas. */
typedef struct dl_lexentry {
    uint8_t pos;          /* DL_POS_* */
    uint8_t vform;        /* DL_VF_* for an inflected verb form */
    uint8_t self;         /* DL_LEX_*_SELF: a base form below is the word itself */
    const char *vlemma;   /* verb base form, or NULL */
    const char *nlemma;   /* noun base form, or NULL */
} dl_lexentry;
enum { DL_LEX_V_SELF = 1, DL_LEX_N_SELF = 2 };
int dl_lex_lookup(const char *w, size_t n, dl_lexentry *out);
/* The same with dl_hash(w, n) already known. */
int dl_lex_lookup_h(const char *w, size_t n, uint32_t hash, dl_lexentry *out);

/* Is the token text equal to s (lower-case compare)? */
static inline int dl_tok_is(const dl_token *t, const char *s)
{
    return t->lower && t->lower[0] == s[0] && strcmp(t->lower, s) == 0;
}

/* ================================================================ calendar (calendar.c) */

/* Days between dates and back, ISO weeks, month lengths. Proleptic Gregorian. */
int dl_cal_is_leap(int y);
int dl_cal_days_in_month(int y, int m);
long dl_cal_to_days(int y, int m, int d);            /* days since 1970-01-01 */
void dl_cal_from_days(long days, int *y, int *m, int *d);
int dl_cal_weekday(int y, int m, int d);             /* 1 Monday .. 7 Sunday */
void dl_cal_iso_week(int y, int m, int d, int *wy, int *w);
int dl_cal_valid(int y, int m, int d);

/* The first and last day a TIMEX3 date value covers ("2023-09" -> 2023-09-01..2023-09-30,
 * "2023-WI" -> 2023-12-01..2024-02-29, "2024-W25", "2023-Q3", "199", "19"), and its
 * precision name ("day", "week", "month", "season", "quarter", "half", "year", "decade",
 * "century"). Returns 0, or -1 when the value is no calendar date (PRESENT_REF, XXXX-03). */
int dl_cal_value_span(const char *value, dl_date *first, dl_date *last, const char **precision);

/* Shifts a TIMEX3 date value by a duration ("P2M", "P1Y", "P3D", "P2W") forwards (sign +1)
 * or backwards (-1), keeping the value's precision ("2023-09" + P2M = "2023-11"): a finer
 * duration adds no precision the value did not have ("2023-09" + P10D = "2023-09": ten
 * days after some day of September). Writes at most n bytes to out. Returns 0 or -1. */
int dl_cal_shift(const char *value, const char *duration, int sign, char *out, size_t n);

/* Granularities of a TIMEX3 date value, finest first. */
enum { DL_G_DAY, DL_G_WEEKEND, DL_G_WEEK, DL_G_MONTH, DL_G_SEASON, DL_G_QUARTER, DL_G_HALF,
       DL_G_YEAR, DL_G_DECADE, DL_G_CENTURY };
/* Seasons, in TimeML's order of the year's start (winter holds December to February). */
enum { DL_SEASON_SP = 1, DL_SEASON_SU, DL_SEASON_FA, DL_SEASON_WI };

long dl_cal_iso_week_monday(int wy, int w);          /* the Monday of ISO week w of year wy */
int dl_cal_iso_weeks(int wy);                        /* 52 or 53 */
void dl_cal_season_of(int y, int m, int *sy, int *season); /* December 2023 -> 2023 WI */
void dl_cal_easter(int y, int *m, int *d);           /* Western Easter Sunday */
/* Day of the month of the n-th weekday wd (1 Monday) of a month; n -1 is the last.
 * Returns 0 when there is none (a fifth Monday). */
int dl_cal_nth_weekday(int y, int m, int n, int wd);
/* Adds months to a day (days since the epoch), keeping the day of the month or clamping
 * it to the month's end (31 January + 1 month = 28 or 29 February). */
long dl_cal_add_months(long day, long months);
/* The first and last day of the period of granularity gran that holds day. */
void dl_cal_period(int gran, long day, long *first, long *last);
/* Writes the TIMEX3 value of the period of granularity gran that holds day ("2024-W25",
 * "2023-WI", "199"). Returns 0, or -1 when out is too small or the year is out of range. */
int dl_cal_format(int gran, long day, char *out, size_t n);
/* Reads a TIMEX3 date value: its granularity and first day. Returns 0 or -1. */
int dl_cal_parse_value(const char *v, int *gran, long *day);
/* Reads a TIMEX3 duration ("P2M", "P1Y6M", "P3D", "PT48H") into months and days, and the
 * granularity of its finest unit. Returns -1 for unspecified lengths (PXY). */
int dl_cal_parse_duration(const char *dur, long *months, long *days, int *gran);
const char *dl_cal_gran_name(int gran);              /* "day", "week", ... */

/* ================================================================ timex (timex.c) */

dl_status dl_timex_load(dl_engine *e, dl_error *err);
void dl_timex_free_lex(dl_timex_lex *x);
/* Finds and normalises every time expression of the document (fills d->tx). */
dl_status dl_timex_find(dl_doc *d, dl_error *err);

/* ================================================================ actors (actors.c) */

dl_status dl_actors_load(dl_engine *e, dl_error *err);
dl_status dl_actors_load_file(dl_engine *e, const char *path, dl_error *err);
void dl_actors_free_dict(dl_actor_dict *x);
/* Finds actor mentions and resolves them to document actors (fills d->men, d->act). */
dl_status dl_actors_find(dl_doc *d, dl_error *err);
/* Mentions do not overlap and are sorted by token. A possessive that names someone else
 * keeps two mentions: in "Kim's grandfather" and "the North's leader" the possessor ("Kim",
 * "the North") is one and the head noun ("grandfather", "leader") another, so a verb's
 * subject is the mention at its head noun; "the North's military" is one mention of North
 * Korea with role "military". "the two leaders" is one DL_M_DESCRIPTION mention whose
 * actor and actor2 are the two people. */
/* The mention that covers token tok, or -1. */
int dl_mention_at(const dl_doc *d, uint32_t tok);
/* The actor a mention names at the time of `date` (a TIMEX3 value such as "1948"): a seat
 * or demonym names the state that held it then ("Moscow" in 1948 is the Soviet Union).
 * Returns a document actor index (adding the actor to the document when needed), the
 * mention's own actor when the date changes nothing, or -1 on allocation failure. */
int dl_actors_resolve_at(dl_doc *d, int mention, const char *date);

/* ================================================================ events (events.c, anchor.c) */

dl_status dl_events_load(dl_engine *e, dl_error *err);
void dl_events_free_lex(dl_event_lex *x);
/* Finds triggers and their arguments (fills d->ev). */
dl_status dl_events_find(dl_doc *d, dl_error *err);
/* Dates every event (anchor.c). */
dl_status dl_anchor_events(dl_doc *d, dl_error *err);
/* The name of a DL_MOD_* value ("asserted", "planned"...). */
const char *dl_modality_name(int modality);

/* ================================================================ exporters */

/* Builds the actor graph of the documents with cgraph (export_dot.c); render.c lays it
 * out. Returns NULL with err filled on failure; free with agclose(). Graphviz keeps global
 * state (cgraph's attribute and error handling, gvc's plugins), so every use of it in the
 * library holds dl_graphviz_lock: the caller of dl_graph_build too, when threads run. */
void dl_graphviz_lock(void);
void dl_graphviz_unlock(void);
struct Agraph_s;
struct Agraph_s *dl_graph_build(dl_doc *const *docs, size_t n, const dl_graph_opts *o, dl_error *err);
/* A builder (include/dateline.h) of docs, a document given twice counted once for the
 * evidence it lists, as dl_write_dot and dl_render count it. NULL with err filled. */
dl_graph_builder *dl_graph_builder_of(dl_doc *const *docs, size_t n, dl_error *err);
/* The graph of what a builder holds; the builder stays usable. */
struct Agraph_s *dl_graph_builder_graph(dl_graph_builder *gb, const dl_graph_opts *o, dl_error *err);
/* The layout engine for a graph of `nodes` nodes: o->layout when given, else dot for story
 * graphs and sfdp beyond DL_GRAPH_BIG nodes. The legend depends on it (only dot draws the
 * country clusters). */
#define DL_GRAPH_BIG 100
const char *dl_graph_layout(const dl_graph_opts *o, size_t nodes);
/* gvLayout(gvc, g, engine), working around a leak of Graphviz 2.x's dot that would make
 * agclose(g) fail (render.c). Returns gvLayout's result; free with gvFreeLayout. */
struct GVC_s;
int dl_gv_layout(struct GVC_s *gvc, struct Agraph_s *g, const char *engine);

/* Writes the cell for a spreadsheet: formula characters get a leading apostrophe. */
const char *dl_csv_safe(dl_buf *scratch, const char *s);

#endif
