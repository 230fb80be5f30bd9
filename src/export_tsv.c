/*
 * export_tsv.c - the time expressions: as TSV (doc, start, end, type, value, text; code
 * points, end exclusive) and as TimeML (the text with <TIMEX3> tags inserted, otherwise
 * byte for byte the same).
 */
#include <string.h>

#include "internal.h"

/* Appends s with tabs and line breaks as spaces, so one expression stays on one row
 * (tab 9, line feed 10, carriage return 13: one bit test, no branch per byte). */
static void put_field(dl_buf *b, const char *s)
{
    size_t n = strlen(s);
    if ((b->cap - b->len <= n || b->oom) && dl_buf_reserve(b, n))
        return;
    char *o = b->p + b->len;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        o[i] = c < 14 && ((1u << c) & 0x2600u) ? ' ' : (char)c;
    }
    b->len += n;
    b->p[b->len] = 0;
}

static void put_num(dl_buf *b, size_t v)
{
    char t[24], *e = t + sizeof t, *p = e;
    do
        *--p = (char)('0' + v % 10);
    while (v /= 10);
    dl_buf_append(b, p, (size_t)(e - p));
}

dl_status dl_write_timex_tsv(dl_doc *const *docs, size_t n, FILE *out, unsigned flags, dl_error *err)
{
    dl_buf b;
    dl_buf_init(&b);
    dl_buf_reserve(&b, 4 * 1024);      /* a document's rows, most often: no doubling from 64 */
    if (!(flags & DL_CSV_NO_HEADER))
        dl_buf_puts(&b, "doc\tstart\tend\ttype\tvalue\ttext\n");
    for (size_t i = 0; i < n; i++) {
        const dl_doc *d = docs[i];
        for (size_t j = 0; j < d->ntx; j++) {
            const dl_timex *x = &d->tx[j].pub;
            put_field(&b, d->name);
            dl_buf_putc(&b, '\t');
            put_num(&b, x->start);
            dl_buf_putc(&b, '\t');
            put_num(&b, x->end);
            dl_buf_putc(&b, '\t');
            dl_buf_puts(&b, x->type);
            dl_buf_putc(&b, '\t');
            put_field(&b, x->value);
            dl_buf_putc(&b, '\t');
            put_field(&b, x->text);
            dl_buf_putc(&b, '\n');
            if (b.len >= 64 * 1024) {
                fwrite(b.p, 1, b.len, out);
                dl_buf_clear(&b);
            }
        }
    }
    if (b.len)
        fwrite(b.p, 1, b.len, out);
    int oom = b.oom;
    dl_buf_free(&b);
    if (oom)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    if (ferror(out))
        return dl_fail(err, DL_EIO, "write error");
    return DL_OK;
}

/* Escapes text for XML character data. */
static void put_xml(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(s[i], out);
        }
    }
}

dl_status dl_write_timeml(const dl_doc *d, FILE *out, dl_error *err)
{
    size_t pos = 0;
    for (size_t j = 0; j < d->ntx; j++) {
        const dl_timex *x = &d->tx[j].pub;
        if (x->byte_start < pos)
            continue;   /* expressions do not nest in TimeML */
        fwrite(d->text + pos, 1, x->byte_start - pos, out);
        fprintf(out, "<TIMEX3 tid=\"t%zu\" type=\"%s\" value=\"", j + 1, x->type);
        put_xml(out, x->value, strlen(x->value));
        fputc('"', out);
        if (x->mod[0]) {
            fputs(" mod=\"", out);
            put_xml(out, x->mod, strlen(x->mod));
            fputc('"', out);
        }
        fputc('>', out);
        fwrite(d->text + x->byte_start, 1, x->byte_end - x->byte_start, out);
        fputs("</TIMEX3>", out);
        pos = x->byte_end;
    }
    fwrite(d->text + pos, 1, d->len - pos, out);
    if (ferror(out))
        return dl_fail(err, DL_EIO, "write error");
    return DL_OK;
}
