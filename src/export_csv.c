/*
 * export_csv.c - the timeline CSV and the actors CSV, written with libcsv.
 *
 * RFC 4180: fields quoted (by libcsv's csv_fwrite) when they hold a comma, a quote or a
 * line break; CRLF row ends; UTF-8, with a BOM on request for Excel. Text cells that
 * begin with = + - @ TAB or CR get a leading apostrophe so that no spreadsheet runs them
 * as formulas; numeric columns are written as plain numbers.
 */
#include <csv.h>
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

typedef struct row {
    FILE *out;
    int first;
    dl_buf scratch;
} row;

static void cell_raw(row *r, const char *s, size_t n)
{
    if (!r->first)
        fputc(',', r->out);
    r->first = 0;
    int quote = n == 0 ? 0 : (s[0] == ' ' || s[n - 1] == ' ');
    for (size_t i = 0; i < n && !quote; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
            quote = 1;
    if (quote)
        csv_fwrite(r->out, s, n);
    else
        fwrite(s, 1, n, r->out);
}

/* A text cell, guarded against formulas. */
static void cell(row *r, const char *s)
{
    s = dl_csv_safe(&r->scratch, s ? s : "");
    cell_raw(r, s, strlen(s));
}

/* A cell that a spreadsheet must read as a number (or a date): never guarded. */
static void cell_num(row *r, const char *s)
{
    cell_raw(r, s, strlen(s));
}

static void cell_int(row *r, long v)
{
    char b[32];
    snprintf(b, sizeof b, "%ld", v);
    cell_num(r, b);
}

static void end_row(row *r)
{
    fputs("\r\n", r->out);
    r->first = 1;
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

/* The sentence's text on one line. */
static const char *sentence_text(const dl_doc *d, int s, dl_buf *b)
{
    dl_buf_clear(b);
    if (s < 0 || (size_t)s >= d->nsent)
        return "";
    const dl_sentence *p = &d->sent[s].pub;
    int space = 0;
    for (size_t i = p->byte_start; i < p->byte_end; i++) {
        char c = d->text[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = 1;
            continue;
        }
        if (space && b->len)
            dl_buf_putc(b, ' ');
        space = 0;
        dl_buf_putc(b, c);
    }
    return b->oom ? "" : (b->p ? b->p : "");
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
    dl_buf_init(&r.scratch);
    dl_buf sent;
    dl_buf_init(&sent);
    if (flags & DL_CSV_BOM)
        fputs("\xEF\xBB\xBF", out);
    if (!(flags & DL_CSV_NO_HEADER)) {
        for (size_t c = 0; c < DL_COUNT(COLUMNS); c++)
            cell(&r, COLUMNS[c]);
        end_row(&r);
    }
    for (size_t i = 0; i < k; i++) {
        const dl_event *e = &refs[i].ev->pub;
        const dl_doc *d = refs[i].doc;
        char gs[32];
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
        snprintf(gs, sizeof gs, "%.1f", e->goldstein);
        cell_num(&r, e->cameo[0] ? gs : "");
        /* no actor as target: what the event was done to ("satellite") */
        cell(&r, e->target ? e->target->name : refs[i].ev->thing ? refs[i].ev->thing : "");
        cell(&r, e->target ? e->target->type : "");
        cell(&r, e->target ? e->target->country : "");
        cell(&r, e->object);
        cell(&r, e->modality);
        cell(&r, e->trigger);
        cell(&r, sentence_text(d, e->sentence, &sent));
        cell(&r, d->name);
        cell_int(&r, e->sentence + 1);
        cell_int(&r, (long)e->char_start);
        cell_int(&r, (long)e->char_end);
        end_row(&r);
    }
    int oom = r.scratch.oom || sent.oom;
    dl_buf_free(&r.scratch);
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
    dl_buf_init(&r.scratch);
    if (flags & DL_CSV_BOM)
        fputs("\xEF\xBB\xBF", out);
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
            char ids[32];
            snprintf(ids, sizeof ids, "A%ld", ++id);
            cell(&r, ids);
            cell(&r, a->name);
            cell(&r, a->type);
            cell(&r, a->country);
            cell(&r, a->role);
            cell_int(&r, a->mentions);
            cell_int(&r, (long)a->first_offset);
            end_row(&r);
        }
    }
    int oom = r.scratch.oom;
    dl_buf_free(&r.scratch);
    if (oom)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    if (ferror(out))
        return dl_fail(err, DL_EIO, "write error");
    return DL_OK;
}
