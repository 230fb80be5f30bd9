/*
 * dateline.c - the library's lifecycle: engine (knowledge) and documents (the pipeline
 * run on one text), errors, and the read-only accessors of include/dateline.h.
 *
 * Pipeline: text -> segment -> timex -> (document date from the text) -> actors
 *           -> events -> anchoring.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---------------------------------------------------------------- errors */

dl_status dl_fail(dl_error *err, dl_status code, const char *fmt, ...)
{
    if (err) {
        err->code = code;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return code;
}

const char *dl_status_str(dl_status code)
{
    switch (code) {
    case DL_OK: return "success";
    case DL_ENOMEM: return "out of memory";
    case DL_EIO: return "input/output error";
    case DL_EBINARY: return "not a text file";
    case DL_EDATA: return "malformed data";
    case DL_EARG: return "invalid argument";
    case DL_ERENDER: return "rendering failed";
    case DL_EPARSE: return "malformed input record";
    }
    return "unknown error";
}

dl_status dl_date_parse(const char *s, dl_date *out, dl_error *err)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return dl_fail(err, DL_EARG, "'%s' is not a date of the form YYYY-MM-DD", s ? s : "");
    int v[10];
    for (int i = 0; i < 10; i++) {
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return dl_fail(err, DL_EARG, "'%s' is not a date of the form YYYY-MM-DD", s);
        v[i] = s[i] - '0';
    }
    int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], m = v[5] * 10 + v[6], d = v[8] * 10 + v[9];
    if (!dl_cal_valid(y, m, d))
        return dl_fail(err, DL_EARG, "'%s' is no day of the calendar", s);
    out->year = y;
    out->month = m;
    out->day = d;
    return DL_OK;
}

/* ---------------------------------------------------------------- engine */

dl_engine *dl_engine_new(dl_error *err)
{
    dl_engine *e = calloc(1, sizeof *e);
    if (!e) {
        dl_fail(err, DL_ENOMEM, "out of memory");
        return NULL;
    }
    if (dl_segment_load(e, err) || dl_timex_load(e, err) || dl_actors_load(e, err) ||
        dl_events_load(e, err)) {
        dl_engine_free(e);
        return NULL;
    }
    return e;
}

dl_status dl_engine_load_actors(dl_engine *e, const char *path, dl_error *err)
{
    return dl_actors_load_file(e, path, err);
}

void dl_engine_free(dl_engine *e)
{
    if (!e)
        return;
    dl_segment_free_lex(e);
    dl_timex_free_lex(e->timex);
    dl_actors_free_dict(e->actors);
    dl_events_free_lex(e->events);
    free(e);
}

/* ---------------------------------------------------------------- documents */

int dl_doc_warn(dl_doc *d, const char *fmt, ...)
{
    if (DL_GROW(d->warn, d->cap_warn, d->nwarn + 1))
        return -1;
    va_list ap;
    va_start(ap, fmt);
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char *w = dl_arena_strdup(d->arena, buf);
    if (!w)
        return -1;
    d->warn[d->nwarn++] = w;
    return 0;
}

/* The first lines of a document may carry its date: "Date: 2024-06-17", a news dateline
 * "MOSCOW, June 17, 2024 -" (also with the agency: "KYIV, March 28, 2024 (Reuters) -"), or
 * a line holding only a date. The time expressions found tell where dates are; this
 * decides which one is the document's, and returns its index (or -1). */
static int dct_line(dl_doc *d, dl_date *out)
{
    for (size_t i = 0; i < d->ntx; i++) {
        const dl_timex_int *x = &d->tx[i];
        if (x->pub.byte_start > 600)
            break;
        if (strcmp(x->pub.type, "DATE") != 0 || strlen(x->pub.value) != 10 ||
            dl_date_parse(x->pub.value, out, NULL) != DL_OK)
            continue;
        /* The line that holds it. */
        size_t ls = x->pub.byte_start;
        while (ls > 0 && d->text[ls - 1] != '\n')
            ls--;
        /* Tokens of that line before and after the expression. Tokens are in text order:
         * the line starts within the first 600 bytes, and counting stops at the next line
         * break or the second token past the expression, so a document that is one long
         * line costs no more than a short one. */
        size_t before = 0, after = 0, caps_before = 0;
        int label = 0, dash_after = 0, credit = 0;   /* credit: tokens of "(Reuters)", -1 closed */
        for (size_t k = 0; k < d->ntok && after < 2; k++) {
            const dl_token *t = &d->tok[k];
            if (t->b < ls)
                continue;
            if (t->b >= x->pub.byte_end && (t->flags & DL_T_NEWLINE_BEFORE))
                break;
            if (t->b < x->pub.byte_start) {
                before++;
                if (t->flags & (DL_T_UPPER | DL_T_CAP) || !strcmp(t->lower, ",") || !strcmp(t->lower, "."))
                    caps_before++;
                if (before == 1 && (dl_tok_is(t, "date") || dl_tok_is(t, "published") ||
                                    dl_tok_is(t, "updated") || dl_tok_is(t, "posted")))
                    label = 1;
            } else if (t->b >= x->pub.byte_end) {
                /* an agency's credit between the date and the dash: "2024 (Reuters) -" */
                if (after == 0 && credit == 0 && t->llen == 1 && t->lower[0] == '(') {
                    credit = 1;
                    continue;
                }
                if (credit > 0) {
                    if (t->llen == 1 && t->lower[0] == ')')
                        credit = -1;
                    else if (++credit > 5)
                        break;   /* no credit: a parenthesis of its own */
                    continue;
                }
                if (after == 0 && t->lower[0] == '-')
                    dash_after = 1;
                after++;
            }
        }
        int only_date = before == 0 && after <= 1;
        int dateline = before > 0 && caps_before == before && dash_after;
        if (label || only_date || dateline)
            return (int)i;
    }
    return -1;
}

static void set_dct(dl_doc *d, const dl_date *dt)
{
    d->dct = *dt;
    d->has_dct = 1;
    if (!dl_cal_valid(dt->year, dt->month, dt->day) ||
        dl_cal_format(DL_G_DAY, dl_cal_to_days(dt->year, dt->month, dt->day), d->dct_str,
                      sizeof d->dct_str) != 0)
        snprintf(d->dct_str, sizeof d->dct_str, "%04d-%02d-%02d", dt->year, dt->month, dt->day);
}

dl_doc *dl_doc_process(const dl_engine *e, const dl_input *in, dl_error *err)
{
    if (!e || !in) {
        dl_fail(err, DL_EARG, "no %s", e ? "input" : "engine");
        return NULL;
    }
    dl_doc *d = calloc(1, sizeof *d);
    if (!d || !(d->arena = dl_arena_new())) {
        free(d);
        dl_fail(err, DL_ENOMEM, "out of memory");
        return NULL;
    }
    d->eng = e;
    const char *name = in->name ? in->name : "-";
    d->name = dl_arena_strdup(d->arena, name);
    d->url = in->url ? dl_arena_strdup(d->arena, in->url) : NULL;
    if (!d->name || (in->url && !d->url)) {
        dl_fail(err, DL_ENOMEM, "out of memory");
        goto fail;
    }
    if (in->dct) {
        dl_date dt;
        if (dl_date_parse(in->dct, &dt, err) != DL_OK)
            goto fail;
        set_dct(d, &dt);
    }
    dl_input copy = *in;
    copy.name = d->name;
    if (dl_text_prepare(d, &copy, err) || dl_segment(d, err) || dl_timex_find(d, err))
        goto fail;
    dl_date dt;
    int line = dct_line(d, &dt);
    if (!d->has_dct && line >= 0) {
        set_dct(d, &dt);
        d->ntx = 0;   /* normalise again against the date found */
        if (dl_timex_find(d, err))
            goto fail;
        line = dct_line(d, &dt);
    }
    if (line >= 0)
        d->tx[line].docdate = 1;   /* the story's date, not its events' */
    if (dl_actors_find(d, err) || dl_events_find(d, err) || dl_anchor_events(d, err))
        goto fail;
    return d;
fail:
    dl_doc_free(d);
    return NULL;
}

void dl_doc_free(dl_doc *d)
{
    if (!d)
        return;
    free(d->text);
    free(d->tok);
    free(d->sent);
    free(d->tx);
    free(d->men);
    free(d->act);
    free(d->ev);
    free(d->warn);
    dl_arena_free(d->arena);
    free(d);
}

/* ---------------------------------------------------------------- accessors */

const char *dl_doc_name(const dl_doc *d) { return d->name; }
const char *dl_doc_dct(const dl_doc *d) { return d->dct_str; }
size_t dl_doc_n_warnings(const dl_doc *d) { return d->nwarn; }
const char *dl_doc_warning(const dl_doc *d, size_t i) { return i < d->nwarn ? d->warn[i] : NULL; }
size_t dl_doc_n_sentences(const dl_doc *d) { return d->nsent; }
size_t dl_doc_n_tokens(const dl_doc *d) { return d->ntok; }

const dl_sentence *dl_doc_sentence(const dl_doc *d, size_t i)
{
    return i < d->nsent ? &d->sent[i].pub : NULL;
}

const char *dl_doc_text(const dl_doc *d, size_t *len)
{
    if (len)
        *len = d->len;
    return d->text;
}

size_t dl_doc_n_timex(const dl_doc *d) { return d->ntx; }
const dl_timex *dl_doc_timex(const dl_doc *d, size_t i) { return i < d->ntx ? &d->tx[i].pub : NULL; }
size_t dl_doc_n_actors(const dl_doc *d) { return d->nact; }
const dl_actor *dl_doc_actor(const dl_doc *d, size_t i) { return i < d->nact ? &d->act[i].pub : NULL; }
size_t dl_doc_n_events(const dl_doc *d) { return d->nev; }
const dl_event *dl_doc_event(const dl_doc *d, size_t i) { return i < d->nev ? &d->ev[i].pub : NULL; }
