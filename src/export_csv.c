/*
 * export_csv.c - the timeline CSV and the actors CSV.
 *
 * RFC 4180: fields quoted (as libcsv's csv_fwrite quotes them: inner quotes doubled) when
 * they hold a comma, a quote or a line break; CRLF row ends; UTF-8, with a BOM on request
 * for Excel. Text cells that begin with = + - @ TAB or CR get a leading apostrophe so that
 * no spreadsheet runs them as formulas; numeric columns are written as plain numbers.
 * Rows are made in a buffer and written in blocks of about 64 KB.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---------------------------------------------------------------- cells */

const char *dl_csv_safe(dl_buf *scratch, const char *s)
{
    if (!s)
        return "";
    if (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
        dl_buf_clear(scratch);
        dl_buf_putc(scratch, '\'');
        dl_buf_puts(scratch, s);
        return scratch->oom ? "" : scratch->p;
    }
    return s;
}

/* Rows are made in a buffer and written in large blocks. */
#define FLUSH_AT (64 * 1024)

typedef struct row {
    FILE *out;
    int first;
    dl_buf b;
} row;

static void flush_rows(row *r)
{
    if (r->b.len)
        fwrite(r->b.p, 1, r->b.len, r->out);
    dl_buf_clear(&r->b);
}

/* Appends a cell: guard ("" or "'", the formula guard) then s, NUL-terminated, of n bytes.
 * Quoted the way libcsv's csv_fwrite quotes (inner quotes doubled) when it holds a comma,
 * a quote or a line break, or begins or ends with a space. */
static void put_cell(row *r, const char *guard, size_t gn, const char *s, size_t n)
{
    dl_buf *b = &r->b;
    /* room for the worst case (every byte a quote), then plain stores */
    size_t need = 1 + gn + 2 * n + 2;
    if ((b->cap - b->len <= need || b->oom) && dl_buf_reserve(b, need))
        return;
    char *o = b->p + b->len;
    if (!r->first)
        *o++ = ',';
    r->first = 0;
    int quote = (!gn && n && s[0] == ' ') || (n && s[n - 1] == ' ') || s[strcspn(s, ",\"\r\n")] != 0;
    if (!quote) {
        memcpy(o, guard, gn);
        memcpy(o + gn, s, n);
        o += gn + n;
    } else {
        *o++ = '"';
        memcpy(o, guard, gn);
        o += gn;
        /* inner quotes are doubled: copy up to each one, inclusive, then write it again */
        const char *p = s, *e = s + n, *q;
        while ((q = memchr(p, '"', (size_t)(e - p)))) {
            memcpy(o, p, (size_t)(q - p) + 1);
            o += q - p + 1;
            *o++ = '"';
            p = q + 1;
        }
        memcpy(o, p, (size_t)(e - p));
        o += e - p;
        *o++ = '"';
    }
    b->len = (size_t)(o - b->p);
    b->p[b->len] = 0;
}

/* A cell known to hold no character that needs quoting (a number). */
static void cell_raw(row *r, const char *s, size_t n)
{
    if (!r->first)
        dl_buf_putc(&r->b, ',');
    r->first = 0;
    dl_buf_append(&r->b, s, n);
}

/* Bytes that end the quick copy of a cell: the end, and what needs quotes. */
static const unsigned char CELL_STOP[256] = {[0] = 1, [','] = 1, ['"'] = 1, ['\r'] = 1, ['\n'] = 1};
#define QUICK_CELL 32          /* a multiple of four */

/* Most cells (ids, dates, names, words) are short and need neither quotes nor a guard:
 * copied in one pass, without measuring, searching and copying in three. Returns 0 when
 * s is not such a cell (nothing written). */
static int quick_cell(row *r, const char *s)
{
    dl_buf *b = &r->b;
    if (s[0] == ' ' || b->cap - b->len <= QUICK_CELL + 2 || b->oom)
        return 0;
    char *o = b->p + b->len + !r->first;
    size_t i = 0;
    /* four bytes per test of the limit (QUICK_CELL is a multiple of four) */
    while (i < QUICK_CELL) {
        unsigned char c0 = (unsigned char)s[i];
        if (CELL_STOP[c0])
            break;
        o[i] = (char)c0;
        unsigned char c1 = (unsigned char)s[i + 1];
        if (CELL_STOP[c1]) {
            i += 1;
            break;
        }
        o[i + 1] = (char)c1;
        unsigned char c2 = (unsigned char)s[i + 2];
        if (CELL_STOP[c2]) {
            i += 2;
            break;
        }
        o[i + 2] = (char)c2;
        unsigned char c3 = (unsigned char)s[i + 3];
        if (CELL_STOP[c3]) {
            i += 3;
            break;
        }
        o[i + 3] = (char)c3;
        i += 4;
    }
    if (s[i] || (i && s[i - 1] == ' '))
        return 0;
    if (!r->first)
        o[-1] = ',';
    r->first = 0;
    b->len = (size_t)(o + i - b->p);
    b->p[b->len] = 0;
    return 1;
}

/* A text cell, guarded against formulas (as dl_csv_safe). */
static void cell(row *r, const char *s)
{
    if (!s)
        s = "";
    if (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')
        put_cell(r, "'", 1, s, strlen(s));
    else if (!quick_cell(r, s))
        put_cell(r, "", 0, s, strlen(s));
}

/* A text cell of known length n (a sentence): a long one goes straight to put_cell, without
 * the quick copy that would stop after QUICK_CELL bytes and be done again. */
static void cell_n(row *r, const char *s, size_t n)
{
    if (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')
        put_cell(r, "'", 1, s, n);
    else if (n > QUICK_CELL || !quick_cell(r, s))
        put_cell(r, "", 0, s, n);
}

/* Is s a number or a date a spreadsheet may read as one, and never a formula? Digits
 * first ("2024-06", "042", "4.8"), or a minus sign before a plain decimal ("-7.5"). */
static int plain_number(const char *s)
{
    if (*s == '-')
        s++;
    else if (*s >= '0' && *s <= '9')
        return 1;
    if (!(*s >= '0' && *s <= '9'))
        return 0;
    for (; *s; s++)
        if (!(*s >= '0' && *s <= '9') && *s != '.')
            return 0;
    return 1;
}

/* A cell that a spreadsheet must read as a number (or a date): written as it is when it
 * is one, guarded like text otherwise (its value came from the pipeline, and nothing
 * there may reach a spreadsheet as a formula). */
static void cell_num(row *r, const char *s)
{
    if (s[0] && !plain_number(s))
        cell(r, s);
    else if (!quick_cell(r, s))
        put_cell(r, "", 0, s, strlen(s));
}

/* A number: digits, after a minus sign when negative (always a plain number). */
static void cell_int(row *r, long v)
{
    char b[32], *e = b + sizeof b, *p = e;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--p = '-';
    /* a few bytes: stored one by one, without a call to memcpy */
    dl_buf *o = &r->b;
    if ((o->cap - o->len <= sizeof b + 1 || o->oom) && dl_buf_reserve(o, sizeof b + 1))
        return;
    char *w = o->p + o->len;
    if (!r->first)
        *w++ = ',';
    r->first = 0;
    while (p < e)
        *w++ = *p++;
    *w = 0;
    o->len = (size_t)(w - o->p);
}

static void end_row(row *r)
{
    dl_buf_append(&r->b, "\r\n", 2);
    r->first = 1;
    if (r->b.len >= FLUSH_AT)
        flush_rows(r);
}

/* ---------------------------------------------------------------- timeline */

static const char *const COLUMNS[] = {
    "event_id", "date", "date_mod", "start", "end", "precision", "date_text", "date_anchor",
    "source", "source_type", "source_country", "relation", "cameo", "quad_class", "goldstein",
    "target", "target_type", "target_country", "object", "modality", "trigger", "sentence",
    "doc", "sentence_no", "char_start", "char_end"};

typedef struct evref {
    const dl_doc *doc;
    const dl_event_int *ev;
    size_t docno;
} evref;

static const char *sort_key(const dl_event *e)
{
    return e->start[0] ? e->start : e->end;
}

static int cmp_ev(const void *a, const void *b)
{
    const evref *x = a, *y = b;
    const char *kx = sort_key(&x->ev->pub), *ky = sort_key(&y->ev->pub);
    int ux = !x->ev->pub.date[0], uy = !y->ev->pub.date[0];
    if (ux != uy)
        return ux - uy;   /* undated last */
    int c = strcmp(kx, ky);
    if (c)
        return c;
    if (x->docno != y->docno)
        return x->docno < y->docno ? -1 : 1;
    return (x->ev->order > y->ev->order) - (x->ev->order < y->ev->order);
}

/* The sentence's text on one line: white space runs made one space. Several events share
 * a sentence: *last remembers which one b holds. */
typedef struct sent_cache {
    const dl_doc *d;
    int s;
} sent_cache;

/* The white space of a sentence made one space: tab, line feed, carriage return, space. */
static const unsigned char WHITE[256] = {['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 1};
#define IS_WS(c) (WHITE[(unsigned char)(c)])

static const char *sentence_text(const dl_doc *d, int s, dl_buf *b, sent_cache *last, size_t *len)
{
    *len = 0;
    if (s < 0 || (size_t)s >= d->nsent)
        return "";
    if (last->d == d && last->s == s && !b->oom) {
        *len = b->len;
        return b->p ? b->p : "";
    }
    dl_buf_clear(b);
    last->d = d;
    last->s = s;
    const dl_sentence *p = &d->sent[s].pub;
    if (dl_buf_reserve(b, p->byte_end - p->byte_start))
        return "";
    char *o = b->p;
    const char *t = d->text + p->byte_start, *e = d->text + p->byte_end;
    /* Most sentences are one line with single spaces and nothing around them: copied
     * whole, then checked by library scans (vectorised) instead of byte by byte. */
    size_t n = (size_t)(e - t);
    if (n && !IS_WS(t[0]) && !IS_WS(e[-1])) {
        memcpy(o, t, n);
        o[n] = 0;
        if (!memchr(o, '\n', n) && !memchr(o, '\t', n) && !memchr(o, '\r', n) && !memchr(o, 0, n) &&
            !strstr(o, "  ")) {
            b->len = n;
            *len = n;
            return b->p;
        }
    }
    while (t < e && IS_WS(*t))
        t++;
    while (t < e) {
        /* a run of words' bytes, then the white space after it, written as one space
         * unless it ends the sentence */
        while (t < e && !IS_WS(*t))
            *o++ = *t++;
        while (t < e && IS_WS(*t))
            t++;
        if (t < e)
            *o++ = ' ';
    }
    *o = 0;
    b->len = (size_t)(o - b->p);
    *len = b->len = strlen(b->p);      /* the cell ends at a NUL, as it always did */
    return b->p;
}

dl_status dl_write_csv(dl_doc *const *docs, size_t n, FILE *out, unsigned flags, dl_error *err)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += docs[i]->nev;
    evref *refs = malloc((total ? total : 1) * sizeof *refs);
    if (!refs)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < docs[i]->nev; j++) {
            const dl_event_int *e = &docs[i]->ev[j];
            if (!e->pub.date[0] && !(flags & DL_CSV_UNDATED))
                continue;
            refs[k++] = (evref){docs[i], e, i};
        }
    qsort(refs, k, sizeof *refs, cmp_ev);

    row r = {.out = out, .first = 1};
    dl_buf_init(&r.b);
    dl_buf sent;
    dl_buf_init(&sent);
    sent_cache last = {NULL, -1};
    /* room for a document's rows at once: no growing by doubling from 64 bytes */
    dl_buf_reserve(&r.b, 16 * 1024);
    if (flags & DL_CSV_BOM)
        dl_buf_puts(&r.b, "\xEF\xBB\xBF");
    if (!(flags & DL_CSV_NO_HEADER)) {
        for (size_t c = 0; c < DL_COUNT(COLUMNS); c++)
            cell(&r, COLUMNS[c]);
        end_row(&r);
    }
    for (size_t i = 0; i < k; i++) {
        const dl_event *e = &refs[i].ev->pub;
        const dl_doc *d = refs[i].doc;
        cell(&r, e->id);
        cell_num(&r, e->date);
        cell(&r, e->date_mod);
        cell_num(&r, e->start);
        cell_num(&r, e->end);
        cell(&r, e->precision);
        cell(&r, e->date_text);
        cell(&r, e->date_anchor);
        cell(&r, e->source ? e->source->name : "");
        cell(&r, e->source ? e->source->type : "");
        cell(&r, e->source ? e->source->country : "");
        cell(&r, e->relation);
        cell_num(&r, e->cameo);
        if (e->quad_class)
            cell_int(&r, e->quad_class);
        else
            cell_num(&r, "");
        if (e->cameo[0]) {
            char gs[32];
            dl_format_tenths(gs, sizeof gs, e->goldstein);
            cell_num(&r, gs);
        } else {
            cell_raw(&r, "", 0);
        }
        /* no actor as target: what the event was done to ("satellite") */
        cell(&r, e->target ? e->target->name : refs[i].ev->thing ? refs[i].ev->thing : "");
        cell(&r, e->target ? e->target->type : "");
        cell(&r, e->target ? e->target->country : "");
        cell(&r, e->object);
        cell(&r, e->modality);
        cell(&r, e->trigger);
        size_t sl;
        const char *st = sentence_text(d, e->sentence, &sent, &last, &sl);
        cell_n(&r, st, sl);
        cell(&r, d->name);
        cell_int(&r, e->sentence + 1);
        cell_int(&r, (long)e->char_start);
        cell_int(&r, (long)e->char_end);
        end_row(&r);
    }
    flush_rows(&r);
    int oom = r.b.oom || sent.oom;
    dl_buf_free(&r.b);
    dl_buf_free(&sent);
    free(refs);
    if (oom)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    if (ferror(out))
        return dl_fail(err, DL_EIO, "write error");
    return DL_OK;
}

/* ---------------------------------------------------------------- actors */

dl_status dl_write_actors_csv(dl_doc *const *docs, size_t n, FILE *out, unsigned flags, dl_error *err)
{
    row r = {.out = out, .first = 1};
    dl_buf_init(&r.b);
    dl_buf_reserve(&r.b, 4 * 1024);     /* a document's actors, most often */
    if (flags & DL_CSV_BOM)
        dl_buf_puts(&r.b, "\xEF\xBB\xBF");
    if (!(flags & DL_CSV_NO_HEADER)) {
        const char *h[] = {"id", "name", "type", "country", "role", "mentions", "first_offset"};
        for (size_t c = 0; c < DL_COUNT(h); c++)
            cell(&r, h[c]);
        end_row(&r);
    }
    long id = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < docs[i]->nact; j++) {
            const dl_actor *a = &docs[i]->act[j].pub;
            char ids[32], *e = ids + sizeof ids, *p = e;
            unsigned long v = (unsigned long)++id;
            do
                *--p = (char)('0' + v % 10);
            while (v /= 10);
            *--p = 'A';
            cell_raw(&r, p, (size_t)(e - p));   /* "A<n>": nothing to quote */
            cell(&r, a->name);
            cell(&r, a->type);
            cell(&r, a->country);
            cell(&r, a->role);
            cell_int(&r, a->mentions);
            cell_int(&r, (long)a->first_offset);
            end_row(&r);
        }
    }
    flush_rows(&r);
    int oom = r.b.oom;
    dl_buf_free(&r.b);
    if (oom)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    if (ferror(out))
        return dl_fail(err, DL_EIO, "write error");
    return DL_OK;
}
