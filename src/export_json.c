/*
 * export_json.c - event records as JSON Lines (one object per event, jansson), and
 * reading them back into a corpus.
 *
 * The keys are the timeline CSV's columns, in its order, then dct, url, source_role,
 * target_role, mentions and docs. Everything a record holds is written, so that
 * dl_corpus_add_json(dl_corpus_write_jsonl(c)) gives back c: that round trip is what lets
 * a combiner or a reducer merge partial merges. Output is valid JSON for any input: the
 * library's texts are UTF-8 already, and anything that is not is repaired on the way out.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"

/* ---------------------------------------------------------------- writing */

/* A JSON string; invalid UTF-8 (which documents never hold, but a library user's record
 * might) becomes U+FFFD byte by byte rather than an error. */
static json_t *jstr(const char *s)
{
    s = s ? s : "";
    json_t *j = json_string(s);
    if (j)
        return j;
    dl_buf b;
    dl_buf_init(&b);
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int l = dl_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (l > 0) {
            dl_buf_append(&b, s + i, (size_t)l);
            i += (size_t)l;
        } else {
            dl_buf_puts(&b, "\xEF\xBF\xBD");
            i++;
        }
    }
    j = b.oom ? NULL : json_string(b.p ? b.p : "");
    dl_buf_free(&b);
    return j;
}

/* Sets key to v (taking the reference); returns -1 when v is NULL or setting fails. */
static int put(json_t *o, const char *key, json_t *v)
{
    return v && json_object_set_new(o, key, v) == 0 ? 0 : -1;
}

static json_t *record_json(const dl_evrec *r)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    int bad = 0;
    bad |= put(o, "event_id", jstr(r->event_id));
    bad |= put(o, "date", jstr(r->date));
    bad |= put(o, "date_mod", jstr(r->date_mod));
    bad |= put(o, "start", jstr(r->start));
    bad |= put(o, "end", jstr(r->end));
    bad |= put(o, "precision", jstr(r->precision));
    bad |= put(o, "date_text", jstr(r->date_text));
    bad |= put(o, "date_anchor", jstr(r->date_anchor));
    bad |= put(o, "source", jstr(r->source));
    bad |= put(o, "source_type", jstr(r->source_type));
    bad |= put(o, "source_country", jstr(r->source_country));
    bad |= put(o, "relation", jstr(r->relation));
    bad |= put(o, "cameo", jstr(r->cameo));
    bad |= put(o, "quad_class", r->quad_class ? json_integer(r->quad_class) : json_null());
    bad |= put(o, "goldstein", r->cameo && r->cameo[0] ? json_real(r->goldstein) : json_null());
    bad |= put(o, "target", jstr(r->target));
    bad |= put(o, "target_type", jstr(r->target_type));
    bad |= put(o, "target_country", jstr(r->target_country));
    bad |= put(o, "object", jstr(r->object));
    bad |= put(o, "modality", jstr(r->modality));
    bad |= put(o, "trigger", jstr(r->trigger));
    bad |= put(o, "sentence", jstr(r->sentence));
    bad |= put(o, "doc", jstr(r->doc));
    bad |= put(o, "sentence_no", json_integer(r->sentence_no));
    bad |= put(o, "char_start", json_integer(r->char_start));
    bad |= put(o, "char_end", json_integer(r->char_end));
    bad |= put(o, "dct", jstr(r->dct));
    bad |= put(o, "url", jstr(r->url));
    bad |= put(o, "source_role", jstr(r->source_role));
    bad |= put(o, "target_role", jstr(r->target_role));
    bad |= put(o, "mentions", json_integer(r->mentions));
    json_t *docs = json_array();
    bad |= put(o, "docs", docs);
    for (size_t i = 0; docs && i < r->ndocs; i++)
        bad |= json_array_append_new(docs, jstr(r->docs[i])) ? -1 : 0;
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* One line: the object and a newline. */
static dl_status write_line(const dl_evrec *r, FILE *out, dl_error *err)
{
    json_t *o = record_json(r);
    if (!o)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    int rc = json_dumpf(o, out, JSON_COMPACT | JSON_REAL_PRECISION(6));
    json_decref(o);
    if (rc != 0 || fputc('\n', out) == EOF || ferror(out))
        return dl_fail(err, DL_EIO, "write error");
    return DL_OK;
}

dl_status dl_write_jsonl(const dl_doc *d, FILE *out, dl_error *err)
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
            st = write_line(&r, out, err);
    }
    dl_buf_free(&sent);
    return st;
}

dl_status dl_corpus_write_jsonl(dl_corpus *c, FILE *out, dl_error *err)
{
    size_t n = dl_corpus_n_events(c);
    for (size_t i = 0; i < n; i++) {
        dl_status st = write_line(dl_corpus_event(c, i), out, err);
        if (st)
            return st;
    }
    return DL_OK;
}

/* ---------------------------------------------------------------- reading */

typedef struct field {
    const char *key;
    size_t off;      /* of the const char * in dl_evrec */
} field;

#define F(name) {#name, offsetof(dl_evrec, name)}
static const field STRING_FIELDS[] = {
    F(event_id), F(doc), F(dct), F(url), F(date), F(date_mod), F(start), F(end), F(precision),
    F(date_text), F(date_anchor), F(source), F(source_type), F(source_country), F(source_role),
    F(relation), F(cameo), F(target), F(target_type), F(target_country), F(target_role),
    F(object), F(modality), F(trigger), F(sentence)};
#undef F

static int get_long(json_t *o, const char *key, long lo, long hi, long *out, dl_error *err)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi) {
        dl_fail(err, DL_EPARSE, "field '%s': expected an integer from %ld to %ld", key, lo, hi);
        return -1;
    }
    *out = (long)json_integer_value(v);
    return 0;
}

dl_status dl_corpus_add_json(dl_corpus *c, const char *line, size_t len, dl_error *err)
{
    json_error_t je;
    json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
    if (!o)
        return dl_fail(err, DL_EPARSE, "invalid JSON at column %d: %s", je.column, je.text);
    dl_status st = DL_OK;
    const char **docs = NULL;
    dl_evrec r;
    memset(&r, 0, sizeof r);
    if (!json_is_object(o)) {
        st = dl_fail(err, DL_EPARSE, "expected a JSON object");
        goto done;
    }
    for (size_t i = 0; i < DL_COUNT(STRING_FIELDS); i++) {
        json_t *v = json_object_get(o, STRING_FIELDS[i].key);
        const char **slot = (const char **)((char *)&r + STRING_FIELDS[i].off);
        if (!v || json_is_null(v)) {
            *slot = "";
        } else if (json_is_string(v)) {
            *slot = json_string_value(v);
        } else {
            st = dl_fail(err, DL_EPARSE, "field '%s': expected a string", STRING_FIELDS[i].key);
            goto done;
        }
    }
    if (!r.doc[0]) {
        st = dl_fail(err, DL_EPARSE, "field 'doc': missing or empty");
        goto done;
    }
    dl_date day;
    if (r.dct[0] && dl_date_parse(r.dct, &day, NULL) != DL_OK) {
        st = dl_fail(err, DL_EPARSE, "field 'dct': '%.40s' is not a date YYYY-MM-DD", r.dct);
        goto done;
    }
    long qc = 0, sno = 0, cs = 0, ce = 0, mentions = 1;
    if (get_long(o, "quad_class", 0, 4, &qc, err) || get_long(o, "sentence_no", 0, 1L << 30, &sno, err) ||
        get_long(o, "char_start", 0, 1L << 40, &cs, err) || get_long(o, "char_end", 0, 1L << 40, &ce, err) ||
        get_long(o, "mentions", 1, 1L << 40, &mentions, err)) {
        st = DL_EPARSE;
        goto done;
    }
    r.quad_class = (int)qc;
    r.sentence_no = (int)sno;
    r.char_start = cs;
    r.char_end = ce;
    r.mentions = mentions;
    json_t *g = json_object_get(o, "goldstein");
    if (g && !json_is_null(g)) {
        if (!json_is_number(g)) {
            st = dl_fail(err, DL_EPARSE, "field 'goldstein': expected a number");
            goto done;
        }
        r.goldstein = json_number_value(g);
    }
    json_t *dv = json_object_get(o, "docs");
    if (dv && !json_is_null(dv)) {
        if (!json_is_array(dv)) {
            st = dl_fail(err, DL_EPARSE, "field 'docs': expected an array of document ids");
            goto done;
        }
        size_t n = json_array_size(dv);
        docs = malloc((n ? n : 1) * sizeof *docs);
        if (!docs) {
            st = dl_fail(err, DL_ENOMEM, "out of memory");
            goto done;
        }
        for (size_t i = 0; i < n; i++) {
            json_t *s = json_array_get(dv, i);
            if (!json_is_string(s) || !json_string_value(s)[0]) {
                st = dl_fail(err, DL_EPARSE, "field 'docs': item %zu is not a document id", i + 1);
                goto done;
            }
            docs[i] = json_string_value(s);
        }
        r.docs = docs;
        r.ndocs = n;
    }
    st = dl_corpus_add(c, &r, err);
    if (st == DL_EARG)
        st = DL_EPARSE;
done:
    free(docs);
    json_decref(o);
    return st;
}
