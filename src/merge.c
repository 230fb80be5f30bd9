/*
 * merge.c - corpora: event records copied out of documents, merged across documents,
 * and the corpus' timeline CSV, actors CSV and graph.
 *
 * A record is one malloc'd block (the struct and all its strings), so memory follows
 * the number of distinct events. Records with the same key (date, source, relation,
 * target) merge: mentions add up, documents are united, and the fields shown come from
 * the representative, the record that sorts first by (modality: asserted first; document
 * date, document id, sentence, offset, event id). That choice depends on the set of records only, never on
 * the order they came in, so merging is associative and commutative: a merge of partial
 * merges equals the merge of everything, which is what lets mappers and reducers (GNU
 * parallel, Hadoop Streaming) split the work.
 *
 * Undated events are never merged with each other (nothing says two undated tellings
 * are the same event): their key is their document and event id.
 */
#include <stdlib.h>
#include <string.h>

#include "corpus.h"

/* ---------------------------------------------------------------- records */

/* The string fields of dl_evrec, in one table so copying and sizing stay in step. */
#define REC_STRINGS(X)                                                                    \
    X(event_id) X(doc) X(dct) X(url) X(date) X(date_mod) X(start) X(end) X(precision)     \
    X(date_text) X(date_anchor) X(source) X(source_type) X(source_country) X(source_role) \
    X(relation) X(cameo) X(target) X(target_type) X(target_country) X(target_role)        \
    X(object) X(modality) X(trigger) X(sentence)

typedef struct rec {
    dl_evrec pub;
    char *block;          /* the strings of pub */
    uint32_t *docs;       /* interned document ids, possibly repeated until compacted */
    size_t ndocs, capdocs;
    size_t nuniq;         /* docs[0..nuniq) sorted by name and unique */
    const char **names;   /* pub.docs: the names of docs[0..nuniq) */
} rec;

struct dl_corpus {
    unsigned flags;
    rec **v;
    size_t n, cap;
    dl_map *keys;         /* merge key -> index in v */
    dl_map *docids;       /* document id -> index in docname */
    char **docname;
    size_t ndocname, capdocname;
    dl_arena *arena;      /* document ids */
    size_t docs_added;
    rec **sorted;         /* v in timeline order, when clean */
    int dirty;
    dl_buf key;
};

static const char *nz(const char *s)
{
    return s ? s : "";
}

/* Copies the strings of src into one block owned by r (r->pub gets the pointers). */
static int rec_set(rec *r, const dl_evrec *src)
{
    size_t total = 0;
#define SIZE(f) total += strlen(nz(src->f)) + 1;
    REC_STRINGS(SIZE)
#undef SIZE
    char *block = malloc(total);
    if (!block)
        return -1;
    long mentions = r->pub.mentions;
    size_t nd = r->pub.ndocs;
    const char *const *docs = r->pub.docs;
    r->pub = *src;
    r->pub.mentions = mentions;
    r->pub.ndocs = nd;
    r->pub.docs = docs;
    char *p = block;
#define COPY(f)                                  \
    {                                            \
        size_t l = strlen(nz(src->f)) + 1;       \
        memcpy(p, nz(src->f), l);                \
        r->pub.f = p;                            \
        p += l;                                  \
    }
    REC_STRINGS(COPY)
#undef COPY
    free(r->block);
    r->block = block;
    return 0;
}

static void rec_free(rec *r)
{
    if (!r)
        return;
    free(r->block);
    free(r->docs);
    free(r->names);
    free(r);
}

/* How certain a telling is: what happened before what was reported, planned, supposed
 * or denied, so that a trip announced by one article and reported done by the next shows
 * as done. */
static int modality_rank(const char *m)
{
    static const char *const ORDER[] = {"asserted", "reported", "", "planned", "hypothetical", "negated"};
    for (int i = 0; i < (int)DL_COUNT(ORDER); i++)
        if (!strcmp(m, ORDER[i]))
            return i;
    return 2;
}

/* Which record represents a merged event: the most certain telling, then the one told
 * first (earliest document date, undated documents last), then by document id and place.
 * A total order on records, so the choice never depends on input order. */
static int rep_cmp(const dl_evrec *a, const dl_evrec *b)
{
    int ma = modality_rank(a->modality), mb = modality_rank(b->modality);
    if (ma != mb)
        return ma - mb;
    int ea = !a->dct[0], eb = !b->dct[0];
    if (ea != eb)
        return ea - eb;
    int c = strcmp(a->dct, b->dct);
    if (c)
        return c;
    if ((c = strcmp(a->doc, b->doc)))
        return c;
    if (a->sentence_no != b->sentence_no)
        return a->sentence_no < b->sentence_no ? -1 : 1;
    if (a->char_start != b->char_start)
        return a->char_start < b->char_start ? -1 : 1;
    return strcmp(a->event_id, b->event_id);
}

/* ---------------------------------------------------------------- corpus */

dl_corpus *dl_corpus_new(unsigned flags, dl_error *err)
{
    dl_corpus *c = calloc(1, sizeof *c);
    if (!c || !(c->keys = dl_map_new()) || !(c->docids = dl_map_new()) ||
        !(c->arena = dl_arena_new())) {
        dl_corpus_free(c);
        dl_fail(err, DL_ENOMEM, "out of memory");
        return NULL;
    }
    c->flags = flags;
    dl_buf_init(&c->key);
    return c;
}

void dl_corpus_free(dl_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        rec_free(c->v[i]);
    free(c->v);
    free(c->sorted);
    dl_map_free(c->keys);
    dl_map_free(c->docids);
    free(c->docname);
    dl_arena_free(c->arena);
    dl_buf_free(&c->key);
    free(c);
}

/* The index of a document id, interned. -1 on allocation failure. */
static long intern_doc(dl_corpus *c, const char *name)
{
    uint32_t v;
    size_t len = strlen(name);
    if (dl_map_get(c->docids, name, len, &v))
        return v;
    if (c->ndocname >= UINT32_MAX || DL_GROW(c->docname, c->capdocname, c->ndocname + 1))
        return -1;
    char *copy = dl_arena_strndup(c->arena, name, len);
    if (!copy || dl_map_put(c->docids, name, len, (uint32_t)c->ndocname))
        return -1;
    c->docname[c->ndocname] = copy;
    return (long)c->ndocname++;
}

static int cmp_docidx(const void *a, const void *b, void *ctx)
{
    const dl_corpus *c = ctx;
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return strcmp(c->docname[x], c->docname[y]);
}

/* Sorts a record's documents by name and drops repeats. */
static void compact_docs(dl_corpus *c, rec *r)
{
    if (r->nuniq == r->ndocs)
        return;
    qsort_r(r->docs, r->ndocs, sizeof *r->docs, cmp_docidx, c);
    size_t k = 0;
    for (size_t i = 0; i < r->ndocs; i++)
        if (k == 0 || r->docs[k - 1] != r->docs[i])
            r->docs[k++] = r->docs[i];
    r->ndocs = r->nuniq = k;
}

static int add_docs(dl_corpus *c, rec *r, const dl_evrec *src)
{
    size_t n = src->ndocs;
    const char *one[1] = {src->doc};
    const char *const *names = src->docs;
    if (n == 0 || !names) {
        names = one;
        n = 1;
    }
    for (size_t i = 0; i < n; i++) {
        long idx = intern_doc(c, nz(names[i]));
        if (idx < 0)
            return -1;
        if (r->ndocs && r->docs[r->ndocs - 1] == (uint32_t)idx)
            continue;
        if (DL_GROW(r->docs, r->capdocs, r->ndocs + 1))
            return -1;
        r->docs[r->ndocs++] = (uint32_t)idx;
    }
    /* Keep repeats from piling up when one event is told many times. */
    if (r->ndocs >= 64 && r->ndocs >= 2 * r->nuniq)
        compact_docs(c, r);
    return 0;
}

static const char *merge_key(dl_corpus *c, const dl_evrec *r)
{
    dl_buf *k = &c->key;
    dl_buf_clear(k);
    if ((c->flags & DL_CORPUS_NO_MERGE) || !nz(r->date)[0]) {
        dl_buf_puts(k, "\x1e");
        dl_buf_puts(k, nz(r->doc));
        dl_buf_putc(k, '\x1f');
        dl_buf_puts(k, nz(r->event_id));
    } else {
        dl_buf_puts(k, nz(r->date));
        dl_buf_putc(k, '\x1f');
        dl_buf_puts(k, nz(r->source));
        dl_buf_putc(k, '\x1f');
        dl_buf_puts(k, nz(r->relation));
        dl_buf_putc(k, '\x1f');
        dl_buf_puts(k, nz(r->target));
    }
    return k->oom ? NULL : k->p;
}

dl_status dl_corpus_add(dl_corpus *c, const dl_evrec *r, dl_error *err)
{
    if (!r->doc || !r->doc[0])
        return dl_fail(err, DL_EARG, "an event record needs a doc");
    if (r->mentions < 1)
        return dl_fail(err, DL_EARG, "mentions must be at least 1");
    const char *key = merge_key(c, r);
    if (!key)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    size_t klen = c->key.len;
    uint32_t idx;
    c->dirty = 1;
    if (dl_map_get(c->keys, key, klen, &idx)) {
        rec *e = c->v[idx];
        if (add_docs(c, e, r))
            return dl_fail(err, DL_ENOMEM, "out of memory");
        if (rep_cmp(r, &e->pub) < 0 && rec_set(e, r))
            return dl_fail(err, DL_ENOMEM, "out of memory");
        e->pub.mentions += r->mentions;
        return DL_OK;
    }
    if (c->n >= UINT32_MAX || DL_GROW(c->v, c->cap, c->n + 1))
        return dl_fail(err, DL_ENOMEM, "out of memory");
    rec *e = calloc(1, sizeof *e);
    if (!e || rec_set(e, r) || add_docs(c, e, r) || dl_map_put(c->keys, key, klen, (uint32_t)c->n)) {
        rec_free(e);
        return dl_fail(err, DL_ENOMEM, "out of memory");
    }
    e->pub.mentions = r->mentions;
    c->v[c->n++] = e;
    return DL_OK;
}

/* ---------------------------------------------------------------- records of a document */

int dl_evrec_from_doc(const dl_doc *d, size_t i, dl_evrec *r, dl_buf *sent, const char **one)
{
    const dl_event *e = &d->ev[i].pub;
    memset(r, 0, sizeof *r);
    r->event_id = nz(e->id);
    r->doc = nz(d->name);
    r->dct = d->dct_str;
    r->url = nz(d->url);
    r->date = nz(e->date);
    r->date_mod = nz(e->date_mod);
    r->start = nz(e->start);
    r->end = nz(e->end);
    r->precision = nz(e->precision);
    r->date_text = nz(e->date_text);
    r->date_anchor = nz(e->date_anchor);
    r->source = e->source ? nz(e->source->name) : "";
    r->source_type = e->source ? nz(e->source->type) : "";
    r->source_country = e->source ? nz(e->source->country) : "";
    r->source_role = e->source ? nz(e->source->role) : "";
    r->relation = nz(e->relation);
    r->cameo = nz(e->cameo);
    r->quad_class = e->quad_class;
    r->goldstein = e->goldstein;
    r->target = e->target ? nz(e->target->name) : "";
    r->target_type = e->target ? nz(e->target->type) : "";
    r->target_country = e->target ? nz(e->target->country) : "";
    r->target_role = e->target ? nz(e->target->role) : "";
    r->object = nz(e->object);
    r->modality = nz(e->modality);
    r->trigger = nz(e->trigger);
    r->sentence_no = e->sentence + 1;
    r->char_start = (long)e->char_start;
    r->char_end = (long)e->char_end;
    r->mentions = 1;
    one[0] = r->doc;
    r->ndocs = 1;
    r->docs = one;

    /* The sentence on one line, runs of white space made one space. */
    dl_buf_clear(sent);
    if (e->sentence >= 0 && (size_t)e->sentence < d->nsent) {
        const dl_sentence *s = &d->sent[e->sentence].pub;
        int space = 0;
        for (size_t k = s->byte_start; k < s->byte_end && k < d->len; k++) {
            char ch = d->text[k];
            if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
                space = 1;
                continue;
            }
            if (space && sent->len)
                dl_buf_putc(sent, ' ');
            space = 0;
            dl_buf_putc(sent, ch);
        }
    }
    if (sent->oom)
        return -1;
    r->sentence = sent->p ? sent->p : "";
    return 0;
}

dl_status dl_corpus_add_doc(dl_corpus *c, const dl_doc *d, dl_error *err)
{
    dl_buf sent;
    dl_buf_init(&sent);
    dl_status st = DL_OK;
    for (size_t i = 0; i < d->nev && st == DL_OK; i++) {
        dl_evrec r;
        const char *one[1];
        if (dl_evrec_from_doc(d, i, &r, &sent, one))
            st = dl_fail(err, DL_ENOMEM, "out of memory");
        else
            st = dl_corpus_add(c, &r, err);
    }
    dl_buf_free(&sent);
    if (st == DL_OK) {
        c->docs_added++;
        if (intern_doc(c, nz(d->name)) < 0)
            st = dl_fail(err, DL_ENOMEM, "out of memory");
    }
    return st;
}

size_t dl_corpus_n_docs(dl_corpus *c)
{
    return c->ndocname;
}

/* ---------------------------------------------------------------- order */

/* The day a record sorts by: its start, its end when the start is open, else its value. */
static const char *sort_key(const dl_evrec *r)
{
    return r->start[0] ? r->start : r->end[0] ? r->end : r->date;
}

static int cmp_timeline(const void *a, const void *b)
{
    const dl_evrec *x = &(*(rec *const *)a)->pub, *y = &(*(rec *const *)b)->pub;
    int ux = !x->date[0], uy = !y->date[0];
    if (ux != uy)
        return ux - uy;
    int c = strcmp(sort_key(x), sort_key(y));
    if (c)
        return c;
    if ((c = strcmp(x->doc, y->doc)))
        return c;
    if (x->sentence_no != y->sentence_no)
        return x->sentence_no < y->sentence_no ? -1 : 1;
    if (x->char_start != y->char_start)
        return x->char_start < y->char_start ? -1 : 1;
    if ((c = strcmp(x->event_id, y->event_id)))
        return c;
    if ((c = strcmp(x->date, y->date)))
        return c;
    if ((c = strcmp(x->source, y->source)))
        return c;
    if ((c = strcmp(x->relation, y->relation)))
        return c;
    return strcmp(x->target, y->target);
}

/* Sorts the records and fills each one's docs. 0, or -1 when out of memory. */
static int finish(dl_corpus *c)
{
    if (!c->dirty && (c->sorted || c->n == 0))
        return 0;
    rec **s = realloc(c->sorted, (c->n ? c->n : 1) * sizeof *s);
    if (!s)
        return -1;
    c->sorted = s;
    for (size_t i = 0; i < c->n; i++) {
        rec *r = c->v[i];
        compact_docs(c, r);
        const char **names = realloc(r->names, (r->nuniq ? r->nuniq : 1) * sizeof *names);
        if (!names)
            return -1;
        r->names = names;
        for (size_t k = 0; k < r->nuniq; k++)
            names[k] = c->docname[r->docs[k]];
        r->pub.docs = names;
        r->pub.ndocs = r->nuniq;
        s[i] = r;
    }
    qsort(s, c->n, sizeof *s, cmp_timeline);
    c->dirty = 0;
    return 0;
}

size_t dl_corpus_n_events(dl_corpus *c)
{
    return finish(c) ? 0 : c->n;
}

const dl_evrec *dl_corpus_event(dl_corpus *c, size_t i)
{
    if (finish(c) || i >= c->n)
        return NULL;
    return &c->sorted[i]->pub;
}

/* ---------------------------------------------------------------- CSV cells */

void dl_csv_cell(FILE *out, int *first, const char *s, int text, dl_buf *scratch)
{
    if (!*first)
        fputc(',', out);
    *first = 0;
    if (text)
        s = dl_csv_safe(scratch, s);
    size_t n = strlen(s);
    int quote = n && (s[0] == ' ' || s[n - 1] == ' ');
    for (size_t i = 0; i < n && !quote; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
            quote = 1;
    if (!quote) {
        fwrite(s, 1, n, out);
        return;
    }
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            fputc('"', out);
        fputc(s[i], out);
    }
    fputc('"', out);
}

/* ---------------------------------------------------------------- timeline CSV */

/* The columns of dl_write_csv (export_csv.c), then the corpus' own. check_merge.c holds
 * the two in step. */
static const char *const COLUMNS[] = {
    "event_id", "date", "date_mod", "start", "end", "precision", "date_text", "date_anchor",
    "source", "source_type", "source_country", "relation", "cameo", "quad_class", "goldstein",
    "target", "target_type", "target_country", "object", "modality", "trigger", "sentence",
    "doc", "sentence_no", "char_start", "char_end", "mentions", "docs"};

static dl_status write_end(FILE *out, dl_buf *scratch, dl_error *err)
{
    int oom = scratch->oom;
    dl_buf_free(scratch);
    if (oom)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    if (ferror(out))
        return dl_fail(err, DL_EIO, "write error");
    return DL_OK;
}

dl_status dl_corpus_write_csv(dl_corpus *c, FILE *out, unsigned flags, dl_error *err)
{
    if (finish(c))
        return dl_fail(err, DL_ENOMEM, "out of memory");
    dl_buf scratch;
    dl_buf_init(&scratch);
    int first = 1;
    if (flags & DL_CSV_BOM)
        fputs("\xEF\xBB\xBF", out);
    if (!(flags & DL_CSV_NO_HEADER)) {
        for (size_t i = 0; i < DL_COUNT(COLUMNS); i++)
            dl_csv_cell(out, &first, COLUMNS[i], 1, &scratch);
        fputs("\r\n", out);
    }
    for (size_t i = 0; i < c->n; i++) {
        const dl_evrec *r = &c->sorted[i]->pub;
        if (!r->date[0] && !(flags & DL_CSV_UNDATED))
            continue;
        char num[5][32];
        first = 1;
        dl_csv_cell(out, &first, r->event_id, 1, &scratch);
        dl_csv_cell(out, &first, r->date, 0, &scratch);
        dl_csv_cell(out, &first, r->date_mod, 1, &scratch);
        dl_csv_cell(out, &first, r->start, 0, &scratch);
        dl_csv_cell(out, &first, r->end, 0, &scratch);
        dl_csv_cell(out, &first, r->precision, 1, &scratch);
        dl_csv_cell(out, &first, r->date_text, 1, &scratch);
        dl_csv_cell(out, &first, r->date_anchor, 1, &scratch);
        dl_csv_cell(out, &first, r->source, 1, &scratch);
        dl_csv_cell(out, &first, r->source_type, 1, &scratch);
        dl_csv_cell(out, &first, r->source_country, 1, &scratch);
        dl_csv_cell(out, &first, r->relation, 1, &scratch);
        dl_csv_cell(out, &first, r->cameo, 0, &scratch);
        snprintf(num[0], sizeof num[0], "%d", r->quad_class);
        dl_csv_cell(out, &first, r->quad_class ? num[0] : "", 0, &scratch);
        snprintf(num[1], sizeof num[1], "%.1f", r->goldstein);
        dl_csv_cell(out, &first, r->cameo[0] ? num[1] : "", 0, &scratch);
        dl_csv_cell(out, &first, r->target, 1, &scratch);
        dl_csv_cell(out, &first, r->target_type, 1, &scratch);
        dl_csv_cell(out, &first, r->target_country, 1, &scratch);
        dl_csv_cell(out, &first, r->object, 1, &scratch);
        dl_csv_cell(out, &first, r->modality, 1, &scratch);
        dl_csv_cell(out, &first, r->trigger, 1, &scratch);
        dl_csv_cell(out, &first, r->sentence, 1, &scratch);
        dl_csv_cell(out, &first, r->doc, 1, &scratch);
        snprintf(num[2], sizeof num[2], "%d", r->sentence_no);
        dl_csv_cell(out, &first, num[2], 0, &scratch);
        snprintf(num[3], sizeof num[3], "%ld", r->char_start);
        dl_csv_cell(out, &first, num[3], 0, &scratch);
        snprintf(num[4], sizeof num[4], "%ld", r->char_end);
        dl_csv_cell(out, &first, num[4], 0, &scratch);
        snprintf(num[0], sizeof num[0], "%ld", r->mentions);
        dl_csv_cell(out, &first, num[0], 0, &scratch);
        snprintf(num[1], sizeof num[1], "%zu", r->ndocs);
        dl_csv_cell(out, &first, num[1], 0, &scratch);
        fputs("\r\n", out);
    }
    return write_end(out, &scratch, err);
}

/* ---------------------------------------------------------------- actors */

typedef struct actor_row {
    const char *name, *type, *country, *role;
    long events, mentions;
} actor_row;

static int cmp_actor_row(const void *a, const void *b)
{
    const actor_row *x = a, *y = b;
    if (x->events != y->events)
        return x->events > y->events ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* The distinct actors of the records (dated ones unless undated), in a fresh array. */
static actor_row *corpus_actors(dl_corpus *c, int undated, size_t *n)
{
    dl_map *m = dl_map_new();
    actor_row *v = NULL;
    size_t nv = 0, cap = 0;
    if (!m)
        return NULL;
    for (size_t i = 0; i < c->n; i++) {
        const dl_evrec *r = &c->sorted[i]->pub;
        if (!r->date[0] && !undated)
            continue;
        for (int side = 0; side < 2; side++) {
            const char *name = side ? r->target : r->source;
            if (!name[0])
                continue;
            if (side && !strcmp(name, r->source))
                continue;   /* an actor acting on itself counts once */
            uint32_t idx;
            if (!dl_map_get(m, name, strlen(name), &idx)) {
                if (DL_GROW(v, cap, nv + 1) || dl_map_put(m, name, strlen(name), (uint32_t)nv))
                    goto fail;
                idx = (uint32_t)nv++;
                v[idx] = (actor_row){name, side ? r->target_type : r->source_type,
                                     side ? r->target_country : r->source_country,
                                     side ? r->target_role : r->source_role, 0, 0};
            }
            v[idx].events++;
            v[idx].mentions += r->mentions;
        }
    }
    dl_map_free(m);
    if (!v)
        v = malloc(sizeof *v);
    *n = nv;
    return v;
fail:
    dl_map_free(m);
    free(v);
    return NULL;
}

dl_status dl_corpus_write_actors_csv(dl_corpus *c, FILE *out, unsigned flags, dl_error *err)
{
    size_t n = 0;
    actor_row *v = finish(c) ? NULL : corpus_actors(c, (flags & DL_CSV_UNDATED) != 0, &n);
    if (!v)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    qsort(v, n, sizeof *v, cmp_actor_row);
    dl_buf scratch;
    dl_buf_init(&scratch);
    int first = 1;
    if (flags & DL_CSV_BOM)
        fputs("\xEF\xBB\xBF", out);
    if (!(flags & DL_CSV_NO_HEADER)) {
        const char *h[] = {"id", "name", "type", "country", "role", "events", "mentions"};
        for (size_t i = 0; i < DL_COUNT(h); i++)
            dl_csv_cell(out, &first, h[i], 1, &scratch);
        fputs("\r\n", out);
    }
    for (size_t i = 0; i < n; i++) {
        char id[32], ev[32], mn[32];
        snprintf(id, sizeof id, "A%zu", i + 1);
        snprintf(ev, sizeof ev, "%ld", v[i].events);
        snprintf(mn, sizeof mn, "%ld", v[i].mentions);
        first = 1;
        dl_csv_cell(out, &first, id, 1, &scratch);
        dl_csv_cell(out, &first, v[i].name, 1, &scratch);
        dl_csv_cell(out, &first, v[i].type, 1, &scratch);
        dl_csv_cell(out, &first, v[i].country, 1, &scratch);
        dl_csv_cell(out, &first, v[i].role, 1, &scratch);
        dl_csv_cell(out, &first, ev, 0, &scratch);
        dl_csv_cell(out, &first, mn, 0, &scratch);
        fputs("\r\n", out);
    }
    free(v);
    return write_end(out, &scratch, err);
}

/* ---------------------------------------------------------------- graph */

dl_doc *dl_corpus_view(dl_corpus *c, int undated, dl_error *err)
{
    size_t na = 0;
    actor_row *acts = finish(c) ? NULL : corpus_actors(c, undated, &na);
    dl_doc *d = acts ? calloc(1, sizeof *d) : NULL;
    dl_map *m = dl_map_new();
    if (!d || !m || !(d->arena = dl_arena_new()))
        goto oom;
    d->name = "corpus";
    /* Actors first: events point at them, so the array must not move afterwards. */
    if (na && !(d->act = calloc(na, sizeof *d->act)))
        goto oom;
    for (size_t i = 0; i < na; i++) {
        dl_actor_int *a = &d->act[i];
        a->pub.name = acts[i].name;
        a->pub.type = acts[i].type;
        a->pub.country = acts[i].country;
        a->pub.role = acts[i].role;
        a->pub.mentions = (int)(acts[i].mentions > 1000000000 ? 1000000000 : acts[i].mentions);
        a->dict = -1;
        if (dl_map_put(m, acts[i].name, strlen(acts[i].name), (uint32_t)i))
            goto oom;
    }
    d->nact = d->cap_act = na;
    size_t ne = 0;
    for (size_t i = 0; i < c->n; i++)
        ne += c->sorted[i]->pub.date[0] || undated;
    dl_buf text;
    dl_buf_init(&text);
    if (ne && (!(d->ev = calloc(ne, sizeof *d->ev)) || !(d->sent = calloc(ne, sizeof *d->sent)))) {
        dl_buf_free(&text);
        goto oom;
    }
    d->cap_ev = d->cap_sent = ne;
    for (size_t i = 0; i < c->n; i++) {
        const dl_evrec *r = &c->sorted[i]->pub;
        if (!r->date[0] && !undated)
            continue;
        dl_sent *s = &d->sent[d->nsent];
        s->pub.byte_start = s->pub.start = text.len;
        dl_buf_puts(&text, r->sentence);
        s->pub.byte_end = s->pub.end = text.len;
        dl_buf_putc(&text, '\n');
        dl_event_int *e = &d->ev[d->nev];
        uint32_t si = UINT32_MAX, ti = UINT32_MAX;
        if (r->source[0])
            dl_map_get(m, r->source, strlen(r->source), &si);
        if (r->target[0])
            dl_map_get(m, r->target, strlen(r->target), &ti);
        e->pub = (dl_event){.id = r->event_id, .date = r->date, .date_mod = r->date_mod,
                            .start = r->start, .end = r->end, .precision = r->precision,
                            .date_text = r->date_text, .date_anchor = r->date_anchor,
                            .source = si != UINT32_MAX ? &d->act[si].pub : NULL,
                            .target = ti != UINT32_MAX ? &d->act[ti].pub : NULL,
                            .relation = r->relation, .cameo = r->cameo,
                            .quad_class = r->quad_class, .goldstein = r->goldstein,
                            .object = r->object, .modality = r->modality,
                            .trigger = r->trigger, .sentence = (int)d->nsent,
                            .char_start = (size_t)r->char_start, .char_end = (size_t)r->char_end};
        e->source = si != UINT32_MAX ? (int)si : -1;
        e->target = ti != UINT32_MAX ? (int)ti : -1;
        e->timex = -1;
        e->order = (int)d->nev;
        d->nsent++;
        d->nev++;
    }
    if (text.oom) {
        dl_buf_free(&text);
        goto oom;
    }
    d->text = text.p ? text.p : strdup("");
    d->len = text.len;
    if (!d->text)
        goto oom;
    dl_map_free(m);
    free(acts);
    return d;
oom:
    dl_map_free(m);
    free(acts);
    dl_doc_free(d);
    dl_fail(err, DL_ENOMEM, "out of memory");
    return NULL;
}

dl_status dl_corpus_write_dot(dl_corpus *c, const dl_graph_opts *o, FILE *out, dl_error *err)
{
    dl_doc *d = dl_corpus_view(c, 0, err);
    if (!d)
        return DL_ENOMEM;
    dl_status st = dl_write_dot(&d, 1, o, out, err);
    dl_doc_free(d);
    return st;
}

dl_status dl_corpus_render(dl_corpus *c, const dl_graph_opts *o, const char *format, FILE *out,
                           dl_error *err)
{
    dl_doc *d = dl_corpus_view(c, 0, err);
    if (!d)
        return DL_ENOMEM;
    dl_status st = dl_render(&d, 1, o, format, out, err);
    dl_doc_free(d);
    return st;
}
