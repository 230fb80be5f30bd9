/*
 * anchor.c - anchoring events in time. Each event found by events.c is dated, in this
 * order, by:
 *
 *   1. a time expression in the trigger's own clause ("In March, Russia vetoed");
 *   2. one in a clause around it ("Officials said in May that Russia had fired ...");
 *      a noun that names an earlier event again ("Kim's visit to Russia last year") takes
 *      that event's date when it is as precise or more ("Nine months ago ... Kim arrived");
 *   3. an anchoring phrase that names another event: "two months after Kim's visit" is
 *      that visit's date plus two months (dl_cal_shift); "before the trip" is before the
 *      trip's date (date_mod BEFORE, end the day before); "since the two leaders met";
 *   4. the same event told again nearby with a date ("Putin will head to North Korea" in
 *      a headline, "will travel to North Korea on Tuesday" in the lead);
 *   5. otherwise the time the narrative last set (date_anchor "narrative"), or the
 *      document date for a present-tense clause.
 *
 * Then "for the first time in 24 years" adds the earlier occurrence (the event's year
 * minus 24), actors named by a seat or demonym are resolved at the event's date
 * ("Moscow" in 1948 is the Soviet Union), and events with no actor and nothing dated of
 * their own are dropped: they served as anchors only. Nothing reads the system clock.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum { K_NONE, K_EXPLICIT, K_DCT, K_EVENT, K_NARRATIVE };
static const char *const KIND_NAME[] = {"", "explicit", "document-date", "event", "narrative"};

typedef struct when {
    char value[48];
    char mod[16];
    const char *text;
    int kind;
    int own;       /* from a time expression of its own sentence */
    int range;     /* days after the value's that a range of days runs on ("Sept. 9-10") */
    int dup;       /* a mention of an earlier event */
    int done, busy;
} when;

/* The calendar span of a value, remembered: a document has few distinct values, and
 * antecedent asks for the same ones again and again. */
#define SPANS 64                /* slots, by the value's hash */
typedef struct span {
    char value[48];             /* a when's value; "" for an empty slot */
    int rc;                     /* span_of's result */
    const char *prec;
    long d0, d1;                /* first and last in days since the epoch */
    int days;                   /* s0 and s1 are written */
    char s0[11], s1[11];        /* d0 and d1 as "YYYY-MM-DD" (day_str) */
} span;

typedef struct ctx {
    dl_doc *d;
    when *w;
    int *prev_same, *next_same; /* the previous / next event of the same relation: -1 / nev */
    int chains;                 /* those links are set (link_relations) */
    span spans[SPANS];
} ctx;

/* ---------------------------------------------------------------- values */

/* dl_cal_value_span in days: the first and last day of a value's span, and its
 * precision; without the dates between (the spans are compared in days). */
static int value_days(const char *value, long *d0, long *d1, const char **prec)
{
    int gran;
    long day;
    if (dl_cal_parse_value(value, &gran, &day))
        return -1;
    dl_cal_period(gran, day, d0, d1);
    *prec = dl_cal_gran_name(gran);
    return 0;
}

/* A TIMEX3 value made a calendar value: "2008-01-09TMO" -> "2008-01-09",
 * "2010-W04-WE" -> "2010-W04". Returns 0 when it has a span. */
static int span_of(const char *value, long *d0, long *d1, const char **prec)
{
    if (!value[0])
        return -1;
    if (value_days(value, d0, d1, prec) == 0)
        return 0;
    char v[48];
    dl_copy_cut(v, sizeof v, value);
    char *t = strchr(v, 'T');
    if (t)
        *t = 0;
    size_t n = strlen(v);
    if (n > 3 && !strcmp(v + n - 3, "-WE"))
        v[n - 3] = 0;
    if (strcmp(v, value) && value_days(v, d0, d1, prec) == 0)
        return 0;
    return -1;
}

static void day_str(char *out, size_t n, long days)
{
    int y, m, dd;
    dl_cal_from_days(days, &y, &m, &dd);
    if (y >= 0 && y <= 9999 && m >= 1 && m <= 12 && dd >= 1 && dd <= 31 && n >= 11) {
        /* "%04d-%02d-%02d" without printf */
        out[0] = (char)('0' + y / 1000);
        out[1] = (char)('0' + y / 100 % 10);
        out[2] = (char)('0' + y / 10 % 10);
        out[3] = (char)('0' + y % 10);
        out[4] = '-';
        out[5] = (char)('0' + m / 10);
        out[6] = (char)('0' + m % 10);
        out[7] = '-';
        out[8] = (char)('0' + dd / 10);
        out[9] = (char)('0' + dd % 10);
        out[10] = 0;
        return;
    }
    snprintf(out, n, "%04d-%02d-%02d", y, m, dd);
}

/* span_of for a when's value (shorter than its 48 bytes), through the context's slots. */
static span *span_cached(ctx *c, const char *value)
{
    size_t n = strlen(value);
    span *sp = &c->spans[dl_hash(value, n) % SPANS];
    if (n && !strcmp(sp->value, value))
        return sp;
    memcpy(sp->value, value, n + 1);
    sp->prec = "";
    sp->days = 0;
    sp->rc = span_of(value, &sp->d0, &sp->d1, &sp->prec);
    return sp;
}

/* Is the span of value a inside that of value b? */
static int within(ctx *c, const char *a, const char *b)
{
    const span *x = span_cached(c, a);
    if (x->rc)
        return 0;
    long a0 = x->d0, a1 = x->d1;
    const span *y = span_cached(c, b);
    return !y->rc && a0 >= y->d0 && a1 <= y->d1;
}

static int kind_of_timex(const dl_timex_int *x)
{
    switch (x->anchor_kind) {
    case DL_ANCHOR_EXPLICIT: return K_EXPLICIT;
    case DL_ANCHOR_DCT: return K_DCT;
    case DL_ANCHOR_EVENT: return K_EVENT;
    case DL_ANCHOR_NARRATIVE: return K_NARRATIVE;
    default: return x->relative ? K_DCT : K_EXPLICIT;
    }
}

static void set_from_timex(when *w, const dl_timex_int *x)
{
    dl_copy_cut(w->value, sizeof w->value, x->pub.value);
    dl_copy_cut(w->mod, sizeof w->mod, x->pub.mod ? x->pub.mod : "");
    w->text = x->pub.text;
    w->kind = kind_of_timex(x);
    w->own = 1;
    w->range = x->range_days;
}

/* "<doc>-e<n>" in the document's arena, or NULL. */
static char *event_id(dl_doc *d, size_t n)
{
    char num[24], *e = num + sizeof num, *p = e;
    do
        *--p = (char)('0' + n % 10);
    while (n /= 10);
    size_t nl = strlen(d->name), dl = (size_t)(e - p);
    char *id = dl_arena_alloc(d->arena, nl + 2 + dl + 1);
    if (!id)
        return NULL;
    memcpy(id, d->name, nl);
    memcpy(id + nl, "-e", 2);
    memcpy(id + nl + 2, p, dl);
    id[nl + 2 + dl] = 0;
    return id;
}

/* ---------------------------------------------------------------- coreference */

static int actor_of(const dl_doc *d, int men)
{
    return men >= 0 && (size_t)men < d->nmen ? d->men[men].actor : -1;
}

static int in_sentence(const dl_event_int *e, int actor)
{
    for (int k = 0; k < 4; k++)
        if (actor >= 0 && e->sent_actor[k] == actor)
            return 1;
    return 0;
}

static void date_event(ctx *c, int i);

/* Links each event to the previous and the next one of the same relation, so that
 * antecedent walks only those. The walks stop by sentence distance, which needs events in
 * sentence order (events.c makes them so); otherwise, or without memory, antecedent walks
 * every event. */
static void link_relations(ctx *c)
{
    const dl_doc *d = c->d;
    size_t n = d->nev, cap = 16;
    c->chains = 0;
    for (size_t i = 1; i < n; i++)
        if (d->ev[i].pub.sentence < d->ev[i - 1].pub.sentence)
            return;
    while (cap < 2 * n)
        cap *= 2;
    int *last = malloc(cap * sizeof *last);     /* by the relation's hash: its latest event */
    if (!last)
        return;
    for (size_t k = 0; k < cap; k++)
        last[k] = -1;
    for (size_t i = 0; i < n; i++) {
        const char *r = d->ev[i].pub.relation;
        size_t k = dl_hash(r, strlen(r)) & (cap - 1);
        while (last[k] >= 0 && d->ev[last[k]].pub.relation != r && strcmp(d->ev[last[k]].pub.relation, r))
            k = (k + 1) & (cap - 1);
        c->prev_same[i] = last[k];
        c->next_same[i] = (int)n;
        if (last[k] >= 0)
            c->next_same[last[k]] = (int)i;
        last[k] = (int)i;
    }
    free(last);
    c->chains = 1;
}

/* An earlier event that event i names again: the same relation, actors that agree, and
 * a date inside i's own. A noun with no actor ("the trip") prefers the event whose actors
 * its sentence names ("Before the trip, Putin ..."). Returns its index or -1. */
static int antecedent(ctx *c, int i, int forward)
{
    dl_doc *d = c->d;
    const dl_event_int *e = &d->ev[i];
    /* a verb told again is near its first telling; a noun may look further back */
    int window = e->noun || e->anchor_ref ? 1 << 20 : 10;
    int best = -1, best_score = -1;
    int lo = forward ? i + 1 : (i > 200 ? i - 200 : 0);
    int hi = forward ? (int)d->nev : i;
    const int *link = !c->chains ? NULL : forward ? c->next_same : c->prev_same;
    for (int j = link ? link[i] : forward ? lo : hi - 1; forward ? j < hi : j >= lo;
         j = link ? link[j] : j + (forward ? 1 : -1)) {
        const dl_event_int *f = &d->ev[j];
        if (forward && f->pub.sentence > e->pub.sentence + 3)
            break;
        if (!forward && f->pub.sentence + window < e->pub.sentence)
            break;
        /* the links join events of one relation only */
        if (!link && f->pub.relation != e->pub.relation &&
            (f->pub.relation[0] != e->pub.relation[0] || strcmp(f->pub.relation, e->pub.relation) != 0))
            continue;
        int es = e->source, et = e->target, fs = f->source, ft = f->target;
        if (es >= 0 && fs >= 0 && es != fs && !(es == ft && et == fs))
            continue;
        if (et >= 0 && ft >= 0 && et != ft && !(es == ft && et == fs))
            continue;
        int score = 0;
        if (es >= 0 && (es == fs || es == ft))
            score += 2;
        if (et >= 0 && (et == ft || et == fs))
            score += 2;
        if (forward && score < 4)
            continue;   /* told again later: both actors must agree */
        if (!forward && es < 0 && et < 0) {
            /* "the trip": the one of the actors its sentence names, planned if it is */
            score += in_sentence(e, fs) ? 2 : 0;
            score += in_sentence(e, ft) ? 1 : 0;
            if (score == 0 && f->pub.sentence + 2 < e->pub.sentence)
                continue;   /* none of its actors here: only one told just before */
            score += (e->modality == DL_MOD_PLANNED) == (f->modality == DL_MOD_PLANNED);
        } else if (score == 0) {
            continue;
        }
        date_event(c, j);
        const when *wf = &c->w[j];
        if (!wf->value[0] || wf->kind == K_NARRATIVE || wf->mod[0])
            continue;
        if (c->w[i].own && !within(c, wf->value, c->w[i].value))
            continue;
        if (score > best_score) {
            best_score = score;
            best = j;
        }
    }
    return best;
}

/* ---------------------------------------------------------------- dating */

static void set_from_event(when *w, const when *ref, const dl_event_int *e, const dl_doc *d)
{
    DL_UNUSED(d);
    if (e->ref_dur >= 0) {
        const dl_timex_int *x = &d->tx[e->ref_dur];
        int sign = e->ref_mod == DL_REL_BEFORE ? -1 : 1;
        if (dl_cal_shift(ref->value, x->pub.value, sign, w->value, sizeof w->value))
            return;
        w->mod[0] = 0;
        w->range = 0;
    } else {
        dl_copy_cut(w->value, sizeof w->value, ref->value);
        w->range = ref->range;
        const char *mod = e->ref_mod == DL_REL_BEFORE ? "BEFORE" : e->ref_mod == DL_REL_AFTER ? "AFTER"
                          : e->ref_mod == DL_REL_SINCE ? "ON_OR_AFTER" : ref->mod;
        dl_copy_cut(w->mod, sizeof w->mod, mod);
    }
    w->kind = K_EVENT;
    w->text = e->ref_text ? e->ref_text : "";
}

static void date_event(ctx *c, int i)
{
    when *w = &c->w[i];
    if (w->done || w->busy)
        return;
    w->busy = 1;
    dl_doc *d = c->d;
    dl_event_int *e = &d->ev[i];
    int tx = e->clause_tx >= 0 ? e->clause_tx : e->outer_tx;
    if (tx >= 0) {
        set_from_timex(w, &d->tx[tx]);
        e->timex = tx;
        /* "has occupied Crimea since 2014", "killed since April 15": it began then and
         * goes on */
        uint32_t t0 = d->tx[tx].tok0;
        if (!w->mod[0] && t0 > 0 && dl_tok_is(&d->tok[t0 - 1], "since"))
            dl_copy_cut(w->mod, sizeof w->mod, "ON_OR_AFTER");
        /* "resumed talks on Sunday, six months after fighting broke out": the event the
         * phrase names, with no date of its own, lies that long before this one */
        if (e->ref_ev >= 0 && e->ref_dur >= 0 && (size_t)e->ref_ev < d->nev &&
            (e->ref_mod == DL_REL_AFTER || e->ref_mod == DL_REL_BEFORE)) {
            const dl_event_int *r = &d->ev[e->ref_ev];
            when *rw = &c->w[e->ref_ev];
            if (!rw->done && !rw->busy && r->clause_tx < 0 && r->outer_tx < 0 &&
                !dl_cal_shift(w->value, d->tx[e->ref_dur].pub.value, e->ref_mod == DL_REL_AFTER ? -1 : 1,
                              rw->value, sizeof rw->value)) {
                rw->mod[0] = 0;
                rw->range = 0;
                rw->kind = K_EVENT;
                rw->text = e->ref_text ? e->ref_text : "";
                rw->done = 1;
            }
        }
    }
    /* a noun, or the event an anchoring phrase names, may be one told before */
    if (e->noun || e->anchor_ref) {
        int j = antecedent(c, i, 0);
        if (j >= 0) {
            const when *wf = &c->w[j];
            dl_copy_cut(w->value, sizeof w->value, wf->value);
            dl_copy_cut(w->mod, sizeof w->mod, wf->mod);
            w->text = wf->text;
            w->kind = w->own ? w->kind : K_EVENT;
            w->dup = 1;
            if (e->source < 0)
                e->source = d->ev[j].source, e->source_men = d->ev[j].source_men;
            if (e->target < 0)
                e->target = d->ev[j].target, e->target_men = d->ev[j].target_men,
                e->target_second = d->ev[j].target_second;
        }
    }
    if (!w->value[0] && e->ref_ev >= 0) {
        date_event(c, e->ref_ev);
        const when *ref = &c->w[e->ref_ev];
        if (ref->value[0])
            set_from_event(w, ref, e, d);
    }
    if (!w->value[0] && !e->noun && e->source >= 0) {
        /* the same doer doing the same again without a date of its own: told before */
        int j = antecedent(c, i, 0);
        if (j >= 0) {
            dl_copy_cut(w->value, sizeof w->value, c->w[j].value);
            dl_copy_cut(w->mod, sizeof w->mod, c->w[j].mod);
            w->text = c->w[j].text;
            w->kind = K_EVENT;
            w->dup = 1;
        }
    }
    if (!w->value[0] && !e->noun && e->source >= 0 && e->target >= 0) {
        int j = antecedent(c, i, 1);
        if (j >= 0) {
            date_event(c, j);
            dl_copy_cut(w->value, sizeof w->value, c->w[j].value);
            dl_copy_cut(w->mod, sizeof w->mod, c->w[j].mod);
            w->text = c->w[j].text;
            w->kind = K_EVENT;
            w->dup = 1;
        }
    }
    w->busy = 0;
    w->done = 1;
}

/* A noun of conflict with a target and no doer ("the January attack on Kharkiv") takes
 * the doer of the last such event against the same target a few sentences before. */
static void agent_from_discourse(dl_doc *d, int i)
{
    dl_event_int *e = &d->ev[i];
    if (!e->noun || e->source >= 0 || e->target < 0 || e->pub.quad_class < 3)
        return;
    for (int j = i - 1; j >= 0; j--) {
        const dl_event_int *f = &d->ev[j];
        if (f->pub.sentence + 8 < e->pub.sentence)
            break;
        if (f->source >= 0 && f->target == e->target && f->pub.quad_class == e->pub.quad_class) {
            e->source = f->source;
            e->source_men = f->source_men;
            return;
        }
    }
}

/* Is event e a row of the timeline? An event dated by words of its own sentence is; one
 * dated otherwise (by another event, the narrative, the document date) needs two of: a
 * doer, what it was done to (an actor or a thing), a date of its own. Never a light verb
 * whose object's noun is the event ("launched an invasion": the invasion), a mention of
 * an earlier event, a noun that is a verb's object (unless dated apart from it), an
 * event that wants an actor as
 * target and has none, a denied or doubted event without a date of its own, or a
 * statement without a date whose content is an event of its own row ("officials said
 * that Russia fired ..."). */
static int keep_event(const dl_doc *d, const dl_event_int *e, const when *w, const when *all, const uint8_t *kept)
{
    if (w->dup || e->light)
        return 0;
    /* "violates an agreement reached in 1991": a date of its own makes it an event */
    if (e->inner_of >= 0 && kept[e->inner_of] && !(w->own && strcmp(w->value, all[e->inner_of].value)))
        return 0;
    int src = e->source >= 0, tgt = e->target >= 0 || e->thing[0];
    if (e->needs_target && e->target < 0)
        return 0;
    /* "will fly back to Paris": going home is no visit */
    if (e->abroad && e->source >= 0 && e->target >= 0 && d->act[e->target].pub.country[0] &&
        !strcmp(d->act[e->target].pub.type, "country") &&
        !strcmp(d->act[e->source].pub.country, d->act[e->target].pub.country))
        return 0;
    if (e->says && !e->named_doer)
        return 0;   /* "officials said": a statement is a row when someone named makes it */
    if (w->own)
        return 1;
    if (e->modality == DL_MOD_NEGATED || e->modality == DL_MOD_HYPOTHETICAL || e->reports)
        return 0;
    if (e->definite && !src && e->target < 0)
        return 0;
    /* "Boeing has announced that ...": what a named doer says is a row by itself when what
     * it says is none */
    if (e->says && src)
        return 1;
    return src + tgt >= 2;
}

/* ---------------------------------------------------------------- output fields */

static dl_status fill_dates(ctx *c, dl_event_int *e, const when *w)
{
    dl_doc *d = c->d;
    dl_event *p = &e->pub;
    p->date = p->date_mod = p->start = p->end = p->precision = p->date_text = p->date_anchor = "";
    if (!w->value[0])
        return DL_OK;
    char s0[11] = "", s1[11] = "";
    span *sp = span_cached(c, w->value);
    const char *prec = sp->prec;
    if (sp->rc == 0) {
        long da = sp->d0, db = sp->d1;
        if (!sp->days) {        /* the first and last day, written once per value */
            day_str(sp->s0, sizeof sp->s0, da);
            day_str(sp->s1, sizeof sp->s1, db);
            sp->days = 1;
        }
        if (!w->mod[0]) {
            memcpy(s0, sp->s0, sizeof s0);
            memcpy(s1, sp->s1, sizeof s1);
            if (w->range > 0 && da == db)
                day_str(s1, sizeof s1, db + w->range);   /* "Sept. 9-10": to the 10th */
        } else if (!strcmp(w->mod, "BEFORE")) {
            day_str(s1, sizeof s1, da - 1);
        } else if (!strcmp(w->mod, "ON_OR_BEFORE")) {
            memcpy(s1, sp->s1, sizeof s1);
        } else if (!strcmp(w->mod, "AFTER")) {
            day_str(s0, sizeof s0, db + 1);
        } else if (!strcmp(w->mod, "ON_OR_AFTER")) {
            memcpy(s0, sp->s0, sizeof s0);
        } else {
            memcpy(s0, sp->s0, sizeof s0);
            memcpy(s1, sp->s1, sizeof s1);
        }
    } else if (d->has_dct) {
        /* PRESENT_REF is the document date; the past ends and the future starts there */
        if (!strcmp(w->value, "PRESENT_REF"))
            dl_copy_cut(s0, sizeof s0, d->dct_str), dl_copy_cut(s1, sizeof s1, d->dct_str);
        else if (!strcmp(w->value, "PAST_REF"))
            dl_copy_cut(s1, sizeof s1, d->dct_str);
        else if (!strcmp(w->value, "FUTURE_REF"))
            dl_copy_cut(s0, sizeof s0, d->dct_str);
    }
    /* What has happened ended by the time of writing ("Earlier this year, the EU
     * suspended aid": by the document date, not by December); what is planned starts
     * after it ("will attack later this year") */
    if (d->has_dct && sp->rc == 0) {
        int past = e->tense == DL_TENSE_PAST || e->tense == DL_TENSE_PERFECT;
        if (past && e->modality != DL_MOD_PLANNED && s1[0] && strcmp(s1, d->dct_str) > 0 &&
            (!s0[0] || strcmp(s0, d->dct_str) <= 0))
            dl_copy_cut(s1, sizeof s1, d->dct_str);
        else if (e->modality == DL_MOD_PLANNED && e->tense == DL_TENSE_FUTURE && s0[0] &&
                 strcmp(s0, d->dct_str) < 0 && (!s1[0] || strcmp(s1, d->dct_str) >= 0))
            dl_copy_cut(s0, sizeof s0, d->dct_str);
    }
    /* An event said to happen "now" happens on the document date: the timeline gives
     * that day, as it gives every other date, rather than TimeML's PRESENT_REF. */
    const char *value = w->value;
    if (d->has_dct && !strcmp(value, "PRESENT_REF") && !w->mod[0]) {
        value = d->dct_str;
        prec = "day";
    }
    /* the four strings in one block of the arena */
    size_t lv = strlen(value) + 1, lm = strlen(w->mod) + 1, l0 = strlen(s0) + 1, l1 = strlen(s1) + 1;
    char *b = dl_arena_alloc(d->arena, lv + lm + l0 + l1);
    if (!b)
        return DL_ENOMEM;
    p->date = memcpy(b, value, lv);
    p->date_mod = memcpy(b + lv, w->mod, lm);
    p->start = memcpy(b + lv + lm, s0, l0);
    p->end = memcpy(b + lv + lm + l0, s1, l1);
    p->precision = prec ? prec : "";
    p->date_text = w->text ? w->text : "";
    p->date_anchor = KIND_NAME[w->kind];
    return DL_OK;
}

/* The earlier occurrence that "for the first time in 24 years" implies: the event's date
 * cut to the duration's unit, minus the duration; "for the first time since 2000": 2000. */
static int previous_occurrence(const dl_doc *d, const dl_event_int *e, const when *w, char *out, size_t n)
{
    if (e->prev_tx < 0 || !w->value[0] || w->mod[0])
        return -1;
    const dl_timex_int *x = &d->tx[e->prev_tx];
    if (!strcmp(x->pub.type, "DATE")) {
        dl_copy_cut(out, n, x->pub.value);
        return 0;
    }
    const char *dur = x->pub.value;
    size_t dl = strlen(dur);
    if (dl < 3 || dur[0] != 'P' || dur[1] == 'T')
        return -1;
    char unit = dur[dl - 1];
    size_t keep = unit == 'Y' ? 4 : unit == 'M' ? 7 : unit == 'D' ? 10 : 0;
    if (!keep || strlen(w->value) < keep)
        return -1;
    char cut[16];
    memcpy(cut, w->value, keep);
    cut[keep] = 0;
    return dl_cal_shift(cut, dur, -1, out, n);
}

dl_status dl_anchor_events(dl_doc *d, dl_error *err)
{
    size_t n = d->nev;
    if (n == 0)
        return DL_OK;
    /* one block: the whens, then the relation links (set by link_relations before use) */
    ctx c;
    c.d = d;
    c.w = malloc(n * (sizeof(when) + 2 * sizeof(int)));
    if (!c.w)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    c.prev_same = (int *)(c.w + n);
    c.next_same = c.prev_same + n;
    c.chains = 0;
    for (size_t k = 0; k < SPANS; k++)
        c.spans[k].value[0] = 0;
    for (size_t i = 0; i < n; i++) {
        when *w = &c.w[i];
        w->value[0] = w->mod[0] = 0;
        w->text = NULL;
        w->kind = w->own = w->range = w->dup = w->done = w->busy = 0;
    }
    for (size_t i = 0; i < n; i++) {
        dl_event_int *e = &d->ev[i];
        e->source = actor_of(d, e->source_men);
        e->target = e->target_second ? d->men[e->target_men].actor2 : actor_of(d, e->target_men);
        if (e->target >= 0 && e->target == e->source)
            e->target = -1, e->target_men = -1;
        if (e->ref_ev >= 0 && (size_t)e->ref_ev < n)
            d->ev[e->ref_ev].anchor_ref = 1;
    }
    for (size_t i = 0; i < n; i++)
        agent_from_discourse(d, (int)i);
    link_relations(&c);
    for (size_t i = 0; i < n; i++)
        date_event(&c, (int)i);

    /* 5. the narrative: the last date set by rules 1-4, in document order */
    when narrative = {0};
    int narrative_set = 0;
    if (d->has_dct) {
        dl_copy_cut(narrative.value, sizeof narrative.value, d->dct_str);
        narrative.kind = K_DCT;
        narrative.text = "";
    }
    size_t tx = 0;
    for (size_t i = 0; i < n; i++) {
        when *w = &c.w[i];
        dl_event_int *e = &d->ev[i];
        /* "Now ..." in an earlier sentence: the story is back at the document date */
        uint32_t s0 = d->sent[e->pub.sentence].tok0;
        for (; tx < d->ntx && d->tx[tx].tok0 < s0; tx++)
            if (!strcmp(d->tx[tx].pub.value, "PRESENT_REF") && d->has_dct) {
                dl_copy_cut(narrative.value, sizeof narrative.value, d->dct_str);
                narrative.mod[0] = 0;
                narrative.text = "";
                narrative.kind = K_DCT;
                narrative_set = 0;
            }
        if (w->value[0]) {
            /* a date of the background, or where a state began ("has occupied Crimea since
             * 2014"), is no time the story goes on at; "Before the trip, ..." is one */
            if (span_cached(&c, w->value)->rc == 0 && !w->dup && !e->background &&
                strcmp(w->mod, "ON_OR_AFTER")) {
                narrative = *w;
                narrative_set = 1;
            }
            continue;
        }
        if (!narrative.value[0])
            continue;
        /* "has announced", "says", and a statement with no date of its own ("Angers said"):
         * news tells them at the time of writing, whatever date the story went back to */
        if ((e->tense == DL_TENSE_PRESENT || e->tense == DL_TENSE_PERFECT || (e->says && e->tense == DL_TENSE_PAST)) &&
            d->has_dct) {
            dl_copy_cut(w->value, sizeof w->value, d->dct_str);
            w->mod[0] = 0;
            w->text = "";
            w->kind = K_DCT;
        } else {
            dl_copy_cut(w->value, sizeof w->value, narrative.value);
            dl_copy_cut(w->mod, sizeof w->mod, narrative.mod);
            w->text = narrative.text;
            w->kind = narrative_set ? K_NARRATIVE : K_DCT;
        }
    }

    /* the earlier occurrences, then the final list: rows only */
    size_t extra = 0;
    for (size_t i = 0; i < n; i++) {
        char v[48];
        if (d->ev[i].prev_tx >= 0 && previous_occurrence(d, &d->ev[i], &c.w[i], v, sizeof v) == 0)
            extra++;
    }
    dl_event_int *out = malloc((n + extra) * sizeof *out);
    when *wout = malloc((n + extra) * sizeof *wout);
    if (!out || !wout) {
        free(out);
        free(wout);
        free(c.w);
        return dl_fail(err, DL_ENOMEM, "out of memory");
    }
    size_t m = 0;
    uint8_t *kept = calloc(n, 1);
    if (!kept) {
        free(out);
        free(wout);
        free(c.w);
        return dl_fail(err, DL_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        dl_event_int *e = &d->ev[i];
        when *w = &c.w[i];
        if (!(kept[i] = (uint8_t)keep_event(d, e, w, c.w, kept)))
            continue;
        int keep = 1;
        if (keep) {
            out[m] = *e;
            wout[m++] = *w;
        }
        char v[48];
        if (keep && e->prev_tx >= 0 && previous_occurrence(d, e, w, v, sizeof v) == 0) {
            out[m] = *e;
            when pw = {0};
            dl_copy_cut(pw.value, sizeof pw.value, v);
            pw.text = d->tx[e->prev_tx].pub.text;
            pw.kind = K_EVENT;
            pw.own = 1;
            out[m].modality = DL_MOD_ASSERTED;
            out[m].pub.modality = dl_modality_name(DL_MOD_ASSERTED);
            out[m].prev_tx = -1;
            wout[m++] = pw;
        }
    }
    /* actors by the event's date; this may add actors (d->act grows) */
    dl_status st = DL_OK;
    for (size_t i = 0; i < m && !st; i++) {
        dl_event_int *e = &out[i];
        const char *date = wout[i].value[0] ? wout[i].value : d->dct_str;
        if (e->source_men >= 0) {
            int a = dl_actors_resolve_at(d, e->source_men, date);
            if (a < 0 && d->men[e->source_men].actor >= 0)
                st = DL_ENOMEM;
            else
                e->source = a;
        }
        if (e->target_men >= 0 && !e->target_second) {
            int a = dl_actors_resolve_at(d, e->target_men, date);
            if (a < 0 && d->men[e->target_men].actor >= 0)
                st = DL_ENOMEM;
            else
                e->target = a;
        }
        if (e->target == e->source)
            e->target = -1;
        e->order = (int)i;
        if (!st)
            st = fill_dates(&c, e, &wout[i]);
        if (!st && !(e->pub.id = event_id(d, i + 1)))
            st = DL_ENOMEM;
    }
    free(kept);
    free(d->ev);
    d->ev = out;
    d->nev = d->cap_ev = m;
    free(wout);
    free(c.w);
    if (st)
        return dl_fail(err, st, "out of memory");
    /* last: pointers into d->act, which no longer moves */
    for (size_t i = 0; i < m; i++) {
        dl_event_int *e = &d->ev[i];
        e->pub.source = e->source >= 0 && (size_t)e->source < d->nact ? &d->act[e->source].pub : NULL;
        e->pub.target = e->target >= 0 && (size_t)e->target < d->nact ? &d->act[e->target].pub : NULL;
        if (!e->pub.target && !e->thing)
            e->thing = "";
    }
    return DL_OK;
}
