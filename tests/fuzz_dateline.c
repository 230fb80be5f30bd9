/*
 * fuzz_dateline.c - libFuzzer target for the library's entry point.
 *
 *   make fuzz FUZZ_SECONDS=3600        (clang -fsanitize=fuzzer,address,undefined)
 *
 * Each input is one document's bytes. It goes through dl_doc_process three times:
 * without a document date (read from the text), with the impossible date 2023-02-30
 * (which must be refused with DL_EARG before any work), and with a date taken from the
 * input's first ten bytes when they parse, 2024-06-17 otherwise. (The same bytes are also
 * read once as a TSV dictionary by tsv.c: cells must stay inside the input, errors must
 * name the file and line.) Each document, and the two together,
 * then go through every exporter into memory (open_memstream): dl_write_csv,
 * dl_write_timex_tsv, dl_write_timeml, dl_write_actors_csv and dl_write_dot; and the
 * exporters once more into a 16-byte fmemopen buffer, where they must report DL_EIO (or
 * DL_OK when the output fits) and never crash.
 *
 * dl_render (gvc) is NOT called: loading gvc's plugins costs tens of milliseconds per
 * call, which would make the fuzzer a hundred times slower, and fontconfig's caches would
 * read as leaks to LeakSanitizer. The graph gvc would lay out is the one dl_write_dot
 * writes, which is checked here.
 *
 * Beyond "no crash, no leak, no undefined behaviour, no hang", the outputs are checked
 * (CHECK aborts, so the fuzzer reports the input):
 *   - the document: repaired text is valid UTF-8 and equals the input when the input was
 *     valid; tokens in order, inside the text, on code-point boundaries, with code-point
 *     offsets that count the text, none longer than DL_MAX_TOKEN_BYTES; sentences cover
 *     the tokens in order, none longer than DL_MAX_SENT_TOKENS; time expressions, actors
 *     and events have sane spans, indexes and strings; a few warnings at most;
 *   - the CSVs parse under libcsv's strict mode with the same number of cells in every
 *     row, and no cell starts with = + @ TAB CR (or - unless a plain negative number);
 *   - the TSV has six cells on every line and one line per time expression;
 *   - the DOT output reads back with cgraph's agmemread with the same nodes, edges and
 *     labels (no name can break out of its quoted string).
 *
 * tests/check_fuzz_seeds.c includes this file and runs every seed (tests/fuzz-seeds/,
 * the texts of tests/cases) through the same checks in `make test`, `make sanitize` and
 * `make memcheck`, so every crash the fuzzer finds becomes a regression test when its
 * input is saved in tests/fuzz-seeds/.
 */
#include <csv.h>
#include <graphviz/cgraph.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The input being run, named in failure messages (set by the seed driver). */
static const char *fz_current = "(libFuzzer input)";

#define CHECK(c)                                                                          \
    do {                                                                                  \
        if (!(c)) {                                                                       \
            fprintf(stderr, "fuzz_dateline: %s: check failed: %s (%s:%d)\n", fz_current, \
                    #c, __FILE__, __LINE__);                                              \
            abort();                                                                      \
        }                                                                                 \
    } while (0)

static dl_engine *fz_engine;

static const dl_engine *fz_get_engine(void)
{
    if (!fz_engine) {
        dl_error err = {0};
        fz_engine = dl_engine_new(&err);
        if (!fz_engine) {
            fprintf(stderr, "fuzz_dateline: engine: %s\n", err.msg);
            abort();
        }
    }
    return fz_engine;
}

/* Frees the engine (the seed driver calls it, so valgrind sees no leak). */
static void fz_cleanup(void)
{
    dl_engine_free(fz_engine);
    fz_engine = NULL;
}

/* ---------------------------------------------------------------- the document */

static int valid_utf8(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int l = dl_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (l <= 0)
            return 0;
        i += (size_t)l;
    }
    return 1;
}

static int is_cp_start(const dl_doc *d, size_t b)
{
    return b == d->len || (b < d->len && ((unsigned char)d->text[b] & 0xC0) != 0x80);
}

static void check_doc(const dl_doc *d, const uint8_t *data, size_t size)
{
    CHECK(d->text != NULL);
    CHECK(d->text[d->len] == 0);
    CHECK(valid_utf8(d->text, d->len));
    if (valid_utf8((const char *)data, size))
        CHECK(d->len == size && memcmp(d->text, data, size) == 0);
    CHECK(d->nwarn <= 32);
    for (size_t i = 0; i < d->nwarn; i++)
        CHECK(d->warn[i] != NULL && d->warn[i][0] != 0);

    /* Tokens: in order, inside the text, code points counted right. */
    size_t cp = 0, b = 0;
    for (size_t i = 0; i < d->ntok; i++) {
        const dl_token *t = &d->tok[i];
        CHECK(t->b >= b);
        CHECK(t->blen > 0 && (size_t)t->b + t->blen <= d->len);
        CHECK(t->blen <= DL_MAX_TOKEN_BYTES);
        CHECK(is_cp_start(d, t->b) && is_cp_start(d, (size_t)t->b + t->blen));
        for (; b < t->b; b++)
            cp += ((unsigned char)d->text[b] & 0xC0) != 0x80;
        CHECK(t->cp == cp);
        size_t n = 0;
        for (; b < (size_t)t->b + t->blen; b++)
            n += ((unsigned char)d->text[b] & 0xC0) != 0x80;
        cp += n;
        CHECK(t->cplen == n);
        CHECK(t->lower != NULL && t->lemma != NULL && t->nlemma != NULL);
    }

    /* Sentences: cover the tokens, in order, bounded. */
    size_t next = 0;
    for (size_t i = 0; i < d->nsent; i++) {
        const dl_sent *s = &d->sent[i];
        CHECK(s->tok0 == next);
        CHECK(s->ntok > 0 && s->ntok <= DL_MAX_SENT_TOKENS);
        next = (size_t)s->tok0 + s->ntok;
        CHECK(next <= d->ntok);
        CHECK(s->pub.byte_start == d->tok[s->tok0].b);
        CHECK(s->pub.byte_end == (size_t)d->tok[next - 1].b + d->tok[next - 1].blen);
        CHECK(s->pub.start == d->tok[s->tok0].cp);
        CHECK(s->pub.start <= s->pub.end);
        CHECK(i == 0 || s->pub.paragraph >= d->sent[i - 1].pub.paragraph);
    }
    CHECK(next == d->ntok);

    /* Time expressions. */
    size_t ncp = cp;
    for (b = d->ntok ? (size_t)d->tok[d->ntok - 1].b + d->tok[d->ntok - 1].blen : 0; b < d->len; b++)
        ncp += ((unsigned char)d->text[b] & 0xC0) != 0x80;
    for (size_t i = 0; i < d->ntx; i++) {
        const dl_timex *x = &d->tx[i].pub;
        CHECK(x->start <= x->end && x->end <= ncp);
        CHECK(x->byte_start <= x->byte_end && x->byte_end <= d->len);
        CHECK(is_cp_start(d, x->byte_start) && is_cp_start(d, x->byte_end));
        CHECK(x->type && (!strcmp(x->type, "DATE") || !strcmp(x->type, "TIME") ||
                          !strcmp(x->type, "DURATION") || !strcmp(x->type, "SET")));
        CHECK(x->value && x->mod && x->text);
        CHECK(x->sentence >= 0 && (size_t)x->sentence < d->nsent);
    }

    /* Actors and events. */
    for (size_t i = 0; i < d->nact; i++) {
        const dl_actor *a = &d->act[i].pub;
        CHECK(a->name && a->type && a->country && a->role);
        CHECK(a->first_offset <= ncp);
    }
    for (size_t i = 0; i < d->nev; i++) {
        const dl_event *e = &d->ev[i].pub;
        CHECK(e->id && e->date && e->date_mod && e->start && e->end && e->precision);
        CHECK(e->date_text && e->date_anchor && e->relation && e->cameo && e->object);
        CHECK(e->modality && e->trigger);
        CHECK(!e->source || (e->source >= &d->act[0].pub && e->source <= &d->act[d->nact - 1].pub));
        CHECK(!e->target || (e->target >= &d->act[0].pub && e->target <= &d->act[d->nact - 1].pub));
        CHECK(e->sentence >= -1 && (e->sentence < 0 || (size_t)e->sentence < d->nsent));
        CHECK(e->char_start <= e->char_end && e->char_end <= ncp);
    }
}

/* ---------------------------------------------------------------- outputs */

typedef struct csvck {
    size_t ncols;        /* cells a row must have */
    size_t col, rows;
} csvck;

/* Would a spreadsheet run this cell as a formula? */
static int formula(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    if (s[0] == '=' || s[0] == '+' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')
        return 1;
    if (s[0] != '-')
        return 0;
    if (n == 1 || !(s[1] >= '0' && s[1] <= '9'))
        return 1;
    for (size_t i = 1; i < n; i++)
        if (!(s[i] >= '0' && s[i] <= '9') && s[i] != '.')
            return 1;
    return 0;
}

static void csv_cell(void *s, size_t n, void *p)
{
    csvck *c = p;
    CHECK(!formula(s ? s : "", n));
    c->col++;
}

static void csv_row(int ch, void *p)
{
    (void)ch;
    csvck *c = p;
    CHECK(c->col == c->ncols);
    c->col = 0;
    c->rows++;
}

static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

/* Parses a CSV strictly; returns its number of rows. */
static size_t check_csv(const char *buf, size_t len, size_t ncols, int bom)
{
    if (bom) {
        CHECK(len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0);
        buf += 3;
        len -= 3;
    }
    struct csv_parser p;
    CHECK(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) == 0);
    csv_set_space_func(&p, no_space);   /* see cells exactly as written */
    csvck c = {ncols, 0, 0};
    CHECK(csv_parse(&p, buf, len, csv_cell, csv_row, &c) == len);
    CHECK(csv_fini(&p, csv_cell, csv_row, &c) == 0);
    csv_free(&p);
    return c.rows;
}

static void check_tsv(const char *buf, size_t len, size_t rows)
{
    size_t lines = 0, tabs = 0;
    for (size_t i = 0; i < len; i++) {
        if (buf[i] == '\t')
            tabs++;
        else if (buf[i] == '\n') {
            CHECK(tabs == 5);
            tabs = 0;
            lines++;
        }
    }
    CHECK(len == 0 || buf[len - 1] == '\n');
    CHECK(lines == rows);
}

/* The DOT output reads back into the graph that was written. */
static void check_dot(const char *buf, dl_doc *const *docs, size_t n, const dl_graph_opts *o)
{
    Agraph_t *back = agmemread(buf);
    CHECK(back != NULL);
    dl_error err = {0};
    Agraph_t *ref = dl_graph_build(docs, n, o, &err);
    CHECK(ref != NULL);
    CHECK(agnnodes(back) == agnnodes(ref));
    CHECK(agnedges(back) == agnedges(ref));
    for (Agnode_t *v = agfstnode(ref); v; v = agnxtnode(ref, v)) {
        Agnode_t *w = agnode(back, agnameof(v), 0);
        CHECK(w != NULL);
        char *l1 = agget(v, "label"), *l2 = agget(w, "label");
        CHECK((!l1 && !l2) || (l1 && l2 && strcmp(l1, l2) == 0));
    }
    agclose(ref);
    agclose(back);
}

typedef struct mem {
    char *buf;
    size_t len;
    FILE *f;
} mem;

static void mem_open(mem *m)
{
    m->buf = NULL;
    m->len = 0;
    m->f = open_memstream(&m->buf, &m->len);
    CHECK(m->f != NULL);
}

static void mem_close(mem *m)
{
    CHECK(fclose(m->f) == 0);
    m->f = NULL;
}

static size_t dated_events(dl_doc *const *docs, size_t n, int all)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < docs[i]->nev; j++)
            k += all || docs[i]->ev[j].pub.date[0];
    return k;
}

static void export_all(dl_doc *const *docs, size_t n, unsigned flags, const dl_graph_opts *go)
{
    dl_error err = {0};
    mem m;
    size_t rows;

    mem_open(&m);
    CHECK(dl_write_csv(docs, n, m.f, flags, &err) == DL_OK);
    mem_close(&m);
    rows = check_csv(m.buf, m.len, 26, flags & DL_CSV_BOM);
    CHECK(rows == dated_events(docs, n, flags & DL_CSV_UNDATED) + !(flags & DL_CSV_NO_HEADER));
    free(m.buf);

    mem_open(&m);
    CHECK(dl_write_actors_csv(docs, n, m.f, flags, &err) == DL_OK);
    mem_close(&m);
    size_t nact = 0;
    for (size_t i = 0; i < n; i++)
        nact += docs[i]->nact;
    rows = check_csv(m.buf, m.len, 7, flags & DL_CSV_BOM);
    CHECK(rows == nact + !(flags & DL_CSV_NO_HEADER));
    free(m.buf);

    mem_open(&m);
    CHECK(dl_write_timex_tsv(docs, n, m.f, flags & DL_CSV_NO_HEADER, &err) == DL_OK);
    mem_close(&m);
    size_t ntx = 0;
    for (size_t i = 0; i < n; i++)
        ntx += docs[i]->ntx;
    check_tsv(m.buf, m.len, ntx + !(flags & DL_CSV_NO_HEADER));
    free(m.buf);

    for (size_t i = 0; i < n; i++) {
        mem_open(&m);
        CHECK(dl_write_timeml(docs[i], m.f, &err) == DL_OK);
        mem_close(&m);
        CHECK(m.len >= docs[i]->len);
        free(m.buf);
    }

    mem_open(&m);
    CHECK(dl_write_dot(docs, n, go, m.f, &err) == DL_OK);
    mem_close(&m);
    check_dot(m.buf, docs, n, go);
    free(m.buf);

    /* A stream that fills up: an error, never a crash. */
    char small[16];
    FILE *f;
#define FULL(call)                                                 \
    do {                                                           \
        f = fmemopen(small, sizeof small, "w");                    \
        CHECK(f != NULL);                                          \
        setvbuf(f, NULL, _IONBF, 0);                               \
        dl_status st = (call);                                     \
        CHECK(st == DL_OK || st == DL_EIO);                        \
        fclose(f);                                                 \
    } while (0)
    FULL(dl_write_csv(docs, n, f, flags, &err));
    FULL(dl_write_actors_csv(docs, n, f, flags, &err));
    FULL(dl_write_timex_tsv(docs, n, f, flags, &err));
    FULL(dl_write_timeml(docs[0], f, &err));
    FULL(dl_write_dot(docs, n, go, f, &err));
#undef FULL
}

/* ---------------------------------------------------------------- dictionaries */

/* The same bytes as a user's TSV dictionary (tsv.c, the reader of --actors files and
 * data/): every cell inside the input, every error naming the file and a line. */
static void check_tsv_reader(const uint8_t *data, size_t size)
{
    dl_tsv t;
    dl_error err = {0};
    const char *text = (const char *)data;
    if (dl_tsv_open_mem(&t, "fuzz.tsv", text, size, "name\ttype", &err) != DL_OK) {
        CHECK(err.code == DL_EDATA && !strncmp(err.msg, "fuzz.tsv:", 9));
        return;
    }
    const char *cells[2];
    size_t lens[2];
    int r, last = t.line;
    while ((r = dl_tsv_next(&t, cells, lens, 2, &err)) > 0) {
        CHECK(t.line > last);
        last = t.line;
        for (int i = 0; i < 2; i++) {
            CHECK(cells[i] >= text && cells[i] + lens[i] <= text + size);
            CHECK(memchr(cells[i], '\t', lens[i]) == NULL && memchr(cells[i], '\n', lens[i]) == NULL);
        }
    }
    if (r < 0) {
        char want[32];
        snprintf(want, sizeof want, "fuzz.tsv:%d: ", t.line);
        CHECK(err.code == DL_EDATA && !strncmp(err.msg, want, strlen(want)));
    }
    dl_tsv_close(&t);
}

/* ---------------------------------------------------------------- entry point */

static dl_doc *run(const uint8_t *data, size_t size, const char *dct)
{
    dl_input in = {.name = "fuzz", .text = (const char *)data, .len = size, .dct = dct};
    dl_error err = {0};
    dl_doc *d = dl_doc_process(fz_get_engine(), &in, &err);
    if (!d) {
        CHECK(err.msg[0] != 0);
        /* Only binary data may be refused (a date that parses is never refused). */
        CHECK(err.code == DL_EBINARY);
        return NULL;
    }
    CHECK(!strcmp(dl_doc_name(d), "fuzz"));
    if (dct)
        CHECK(!strcmp(dl_doc_dct(d), dct));
    check_doc(d, data, size);
    return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_tsv_reader(data, size);

    /* The impossible date is refused before any work. */
    dl_input bad = {.name = "fuzz", .text = (const char *)data, .len = size, .dct = "2023-02-30"};
    dl_error err = {0};
    CHECK(dl_doc_process(fz_get_engine(), &bad, &err) == NULL && err.code == DL_EARG);

    char dct[11] = "2024-06-17";
    if (size >= 10) {
        char head[11];
        memcpy(head, data, 10);
        head[10] = 0;
        dl_date dt;
        if (strlen(head) == 10 && dl_date_parse(head, &dt, NULL) == DL_OK)
            memcpy(dct, head, 11);
    }
    dl_doc *docs[2] = {run(data, size, NULL), run(data, size, dct)};
    if (!docs[0] || !docs[1]) {
        CHECK(!docs[0] && !docs[1]);   /* the date changes nothing about being text */
        return 0;
    }
    unsigned sel = size ? data[size - 1] : 0;
    unsigned flags = sel & (DL_CSV_BOM | DL_CSV_UNDATED | DL_CSV_NO_HEADER);
    dl_graph_opts go = {.event_nodes = (sel >> 3) & 1, .min_weight = (int)((sel >> 4) & 3),
                        .top = (int)((sel >> 6) & 3), .layout = NULL};
    export_all(docs, 1, flags, &go);
    export_all(docs + 1, 1, 0, &go);
    export_all(docs, 2, flags ^ DL_CSV_UNDATED, &go);
    dl_doc_free(docs[0]);
    dl_doc_free(docs[1]);
    return 0;
}
