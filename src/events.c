/*
 * events.c - events: who did what to whom. Triggers come from the lexicon of
 * data/events.tsv (verbs and event nouns by their WordNet base form, with optional
 * patterns such as "put ... into orbit"), their CAMEO code from data/cameo.tsv, and their
 * arguments from a light clause analysis of the sentence (data/event-cues.tsv holds the
 * grammar words it reads):
 *
 *   - a part-of-speech guess for each token from WordNet's parts of speech and the words
 *     around it ("the visit" is a noun, "will visit" a verb);
 *   - verb groups (auxiliaries, negation, modals, passives);
 *   - clauses: subordinate ("after Kim arrived"), relative ("Kim, whose grandfather came
 *     to power ..."), reported ("officials said that ..."), coordinated;
 *   - subjects (across appositions, relative pronouns, coordinated verbs and the control
 *     of infinitives and participles), objects and prepositional phrases.
 *
 * It also records what anchor.c needs to date each event: the dates in the trigger's
 * clause and around it, anchoring phrases ("two months after Kim's visit", "before the
 * trip", "since the two leaders met"), and "for the first time in 24 years".
 *
 * No parser: each sentence is read left to right a few times, so the work is linear in
 * its length. Limit: only the first DL_EV_MAXTOK (200) tokens of a sentence are read;
 * a longer sentence (a list, a table flattened into text) yields events only there.
 */
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define DL_EV_MAXTOK 200
#define MAXPAT 6
#define MAXSLOT 6
#define MAXPP 8
#define MAXANCHOR 16

/* ================================================================ knowledge */

/* Classes of grammar words (data/event-cues.tsv). */
enum {
    CU_DET = 1u << 0, CU_POSS = 1u << 1, CU_NUM = 1u << 2, CU_PREP = 1u << 3,
    CU_BE = 1u << 4, CU_HAVE = 1u << 5, CU_DO = 1u << 6, CU_MODAL = 1u << 7,
    CU_NEG = 1u << 8, CU_SUB = 1u << 9, CU_TPREP = 1u << 10, CU_REL = 1u << 11,
    CU_CONJ = 1u << 12, CU_PRON = 1u << 13, CU_WH = 1u << 14, CU_REPORT = 1u << 15,
    CU_TOCUE = 1u << 16, CU_AGENT = 1u << 17, CU_NOTRIG = 1u << 18, CU_PP = 1u << 19,
    CU_MOTION = 1u << 20,
    CU_PART = 1u << 21, CU_LIGHT = 1u << 22, CU_APPROX = 1u << 24,
    CU_FIRST = 1u << 23    /* the first word of a two-word cue ("ahead" of "ahead of"); set
                            * at load, not a class of the file */
};
static const char *const CUE_CLASS[] = {"det", "poss", "num", "prep", "be", "have", "do",
                                        "modal", "neg", "sub", "tprep", "rel", "conj", "pron",
                                        "wh", "report", "tocue", "agent", "notrig", "pp", "motion", "part", "light",
                                        NULL, "approx"};

/* Values of cues: a modality or the relation of an anchoring word. */
enum { V_NONE, V_FUTURE, V_COND, V_HYP, V_PLANNED, V_NEG, V_BEFORE, V_AFTER, V_SINCE, V_SAME };
static const char *const CUE_VALUE[] = {"-", "future", "conditional", "hypothetical", "planned",
                                        "negated", "BEFORE", "AFTER", "ON_OR_AFTER", "SAME"};

typedef struct cue {
    uint32_t cls;
    uint8_t modal, sub, tprep, tocue;   /* V_* per class */
} cue;

/* Argument slots of a trigger entry. */
enum { SL_SUBJ = 1, SL_POSS, SL_PRE, SL_BY, SL_HOST, SL_OBJ, SL_PREP };
typedef struct slot {
    uint8_t kind;
    char prep[12];              /* for SL_PREP */
} slot;

enum { FR_SAY = 1, FR_DENY = 2, FR_RECIP = 4, FR_TARGET = 8, FR_TRANS = 16, FR_ABROAD = 32 };

typedef struct trig {
    const char *lemma;
    uint8_t noun;
    uint8_t npat;
    const char *pat[MAXPAT];    /* words, "..." for a gap */
    const char *relation;
    const char *cameo;          /* "" when none */
    int quad;
    double goldstein;
    slot src[MAXSLOT], tgt[MAXSLOT];
    uint8_t nsrc, ntgt;
    uint8_t frame;
    int next;                   /* next entry of the same lemma and part of speech, or -1 */
} trig;

typedef struct cameo_ent {
    const char *code, *name;
    int quad;
    double goldstein;
} cameo_ent;

/* One slot of the word table: what a word (a token's lower-case text or a lemma) is to
 * events.c, found in one probe by the dl_hash the token carries. */
typedef struct wslot {
    const char *key;            /* NULL: an empty slot */
    uint32_t hash, len;
    int32_t cue;                /* index into cues, or -1 */
    int32_t tv, tn;             /* first trigger entry read as a verb / a noun, or -1 */
    int32_t trig;               /* tv & tn: -1 when the word is no trigger's */
} wslot;

struct dl_event_lex {
    dl_arena *arena;
    uint32_t id;                /* unique in the process: lemma_slot's memo names the table by it */
    wslot *wt;                  /* the word table: cues and trigger lemmas */
    wslot none;                 /* what a word not in it is (wt_get's answer then) */
    uint32_t wmask;             /* its capacity - 1 (a power of two) */
    unsigned wshift;            /* 32 - log2 of its capacity */
    size_t nw;
    cue *cues;
    size_t ncues, cap_cues;
    trig *trigs;
    size_t ntrigs, cap_trigs;
    dl_map *cameo_map;          /* code -> index into codes */
    cameo_ent *codes;
    size_t ncodes, cap_codes;
};

void dl_events_free_lex(dl_event_lex *x)
{
    if (!x)
        return;
    dl_map_free(x->cameo_map);
    free(x->cues);
    free(x->trigs);
    free(x->codes);
    free(x->wt);
    dl_arena_free(x->arena);
    free(x);
}

/* The first slot to probe for hash h: its top bits, mixed (the low bits of dl_hash
 * cluster on this table's words). */
static inline uint32_t wt_home(const dl_event_lex *x, uint32_t h)
{
    return (h * 0x9E3779B1u) >> x->wshift;
}

/* The slot of word w (n bytes, dl_hash h) in the word table, or &x->none. */
static inline const wslot *wt_get(const dl_event_lex *x, const char *w, size_t n, uint32_t h)
{
    for (uint32_t i = wt_home(x, h);; i = (i + 1) & x->wmask) {
        const wslot *e = &x->wt[i];
        if (!e->key)
            return &x->none;
        if (e->hash == h && e->len == n && dl_bytes_eq(e->key, w, n))
            return e;
    }
}

/* The slot of word w, added when missing. NULL on allocation failure. */
static wslot *wt_add(dl_event_lex *x, const char *w, size_t n)
{
    if (4 * (x->nw + 1) > (size_t)x->wmask + 1 || !x->wt) {
        /* grow: at most a quarter full, so that a miss mostly ends at the first slot */
        size_t cap = x->wt ? 2 * ((size_t)x->wmask + 1) : 1024;
        unsigned bits = 0;
        while ((1u << bits) < cap)
            bits++;
        wslot *t = calloc(cap, sizeof *t);
        if (!t)
            return NULL;
        for (size_t i = 0; x->wt && i <= x->wmask; i++) {
            const wslot *e = &x->wt[i];
            if (!e->key)
                continue;
            size_t k = (e->hash * 0x9E3779B1u) >> (32 - bits);
            while (t[k].key)
                k = (k + 1) & (cap - 1);
            t[k] = *e;
        }
        free(x->wt);
        x->wt = t;
        x->wmask = (uint32_t)(cap - 1);
        x->wshift = 32 - bits;
    }
    uint32_t h = dl_hash(w, n);
    const wslot *f = wt_get(x, w, n, h);
    if (f != &x->none)
        return (wslot *)f;
    uint32_t i = wt_home(x, h);
    while (x->wt[i].key)
        i = (i + 1) & x->wmask;
    wslot *e = &x->wt[i];
    if (!(e->key = dl_arena_strndup(x->arena, w, n)))
        return NULL;
    e->hash = h;
    e->len = (uint32_t)n;
    e->cue = e->tv = e->tn = e->trig = -1;   /* (trig is set once all are read) */
    x->nw++;
    return e;
}

static const dl_blob *blob_or_fail(const char *name, dl_error *err)
{
    const dl_blob *b = dl_data_get(name);
    if (!b)
        dl_fail(err, DL_EDATA, "%s: not built in", name);
    return b;
}

static dl_status load_cameo(dl_event_lex *x, dl_error *err)
{
    const dl_blob *b = blob_or_fail("cameo.tsv", err);
    if (!b)
        return DL_EDATA;
    dl_tsv t;
    dl_status st = dl_tsv_open_mem(&t, "data/cameo.tsv", (const char *)b->data, b->len,
                                   "code\tname\tquad_class\tgoldstein", err);
    if (st)
        return st;
    const char *c[4];
    size_t l[4];
    int r;
    while ((r = dl_tsv_next(&t, c, l, 4, err)) > 0) {
        if (DL_GROW(x->codes, x->cap_codes, x->ncodes + 1))
            return dl_fail(err, DL_ENOMEM, "out of memory");
        cameo_ent *e = &x->codes[x->ncodes];
        e->code = dl_arena_strndup(x->arena, c[0], l[0]);
        e->name = dl_arena_strndup(x->arena, c[1], l[1]);
        if (!e->code || !e->name)
            return dl_fail(err, DL_ENOMEM, "out of memory");
        char num[32];
        size_t n = l[2] < 31 ? l[2] : 31;
        memcpy(num, c[2], n);
        num[n] = 0;
        e->quad = atoi(num);
        n = l[3] < 31 ? l[3] : 31;
        memcpy(num, c[3], n);
        num[n] = 0;
        char *end;
        e->goldstein = strtod(num, &end);
        if (e->quad < 1 || e->quad > 4 || *end || end == num)
            return dl_fail(err, DL_EDATA, "data/cameo.tsv:%d: bad quad_class or goldstein", t.line);
        if (dl_map_put(x->cameo_map, c[0], l[0], (uint32_t)x->ncodes))
            return dl_fail(err, DL_ENOMEM, "out of memory");
        x->ncodes++;
    }
    return r < 0 ? (err ? err->code : DL_EDATA) : DL_OK;
}

static int value_of(const char *c, size_t n)
{
    for (size_t v = 0; v < DL_COUNT(CUE_VALUE); v++)
        if (dl_cell_is(c, n, CUE_VALUE[v]))
            return (int)v;
    return -1;
}

/* The index of word w's cue, made empty when new; -1 on allocation failure. */
static int32_t add_cue(dl_event_lex *x, const char *w, size_t n)
{
    wslot *e = wt_add(x, w, n);
    if (!e)
        return -1;
    if (e->cue < 0) {
        if (DL_GROW(x->cues, x->cap_cues, x->ncues + 1))
            return -1;
        e->cue = (int32_t)x->ncues++;
        memset(&x->cues[e->cue], 0, sizeof x->cues[e->cue]);
    }
    return e->cue;
}

static dl_status load_cues(dl_event_lex *x, dl_error *err)
{
    const dl_blob *b = blob_or_fail("event-cues.tsv", err);
    if (!b)
        return DL_EDATA;
    dl_tsv t;
    dl_status st = dl_tsv_open_mem(&t, "data/event-cues.tsv", (const char *)b->data, b->len,
                                   "word\tclass\tvalue", err);
    if (st)
        return st;
    const char *c[3];
    size_t l[3];
    int r;
    while ((r = dl_tsv_next(&t, c, l, 3, err)) > 0) {
        int k = -1;
        for (size_t i = 0; i < DL_COUNT(CUE_CLASS); i++)
            if (CUE_CLASS[i] && dl_cell_is(c[1], l[1], CUE_CLASS[i]))
                k = (int)i;
        int v = value_of(c[2], l[2]);
        if (k < 0 || v < 0)
            return dl_fail(err, DL_EDATA, "data/event-cues.tsv:%d: unknown class or value", t.line);
        int32_t idx = add_cue(x, c[0], l[0]);
        if (idx < 0)
            return dl_fail(err, DL_ENOMEM, "out of memory");
        const char *sp = memchr(c[0], ' ', l[0]);
        if (sp) {
            /* mark the first word, so that only it makes a two-word look-up */
            int32_t fi = add_cue(x, c[0], (size_t)(sp - c[0]));
            if (fi < 0)
                return dl_fail(err, DL_ENOMEM, "out of memory");
            x->cues[fi].cls |= CU_FIRST;
        }
        cue *q = &x->cues[idx];
        uint32_t bit = 1u << k;
        q->cls |= bit;
        if (bit == CU_MODAL)
            q->modal = (uint8_t)v;
        else if (bit == CU_SUB)
            q->sub = (uint8_t)v;
        else if (bit == CU_TPREP)
            q->tprep = (uint8_t)v;
        else if (bit == CU_TOCUE)
            q->tocue = (uint8_t)v;
    }
    return r < 0 ? (err ? err->code : DL_EDATA) : DL_OK;
}

/* Parses "subj,poss" or "obj,to,with" into slots. */
static int parse_slots(const char *c, size_t n, slot *out, uint8_t *nout)
{
    *nout = 0;
    if (dl_cell_is(c, n, "-"))
        return 0;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && c[j] != ',')
            j++;
        if (*nout >= MAXSLOT || j == i || j - i >= sizeof out->prep)
            return -1;
        slot *s = &out[(*nout)++];
        memset(s, 0, sizeof *s);
        const char *w = c + i;
        size_t wl = j - i;
        if (dl_cell_is(w, wl, "subj"))
            s->kind = SL_SUBJ;
        else if (dl_cell_is(w, wl, "poss"))
            s->kind = SL_POSS;
        else if (dl_cell_is(w, wl, "pre"))
            s->kind = SL_PRE;
        else if (dl_cell_is(w, wl, "by"))
            s->kind = SL_BY;
        else if (dl_cell_is(w, wl, "host"))
            s->kind = SL_HOST;
        else if (dl_cell_is(w, wl, "obj"))
            s->kind = SL_OBJ;
        else {
            s->kind = SL_PREP;
            memcpy(s->prep, w, wl);
            s->prep[wl] = 0;
        }
        i = j + 1;
    }
    return 0;
}

static dl_status load_triggers(dl_event_lex *x, dl_error *err)
{
    const dl_blob *b = blob_or_fail("events.tsv", err);
    if (!b)
        return DL_EDATA;
    dl_tsv t;
    dl_status st = dl_tsv_open_mem(&t, "data/events.tsv", (const char *)b->data, b->len,
                                   "lemma\tpos\tpattern\trelation\tcameo\tsource\ttarget\tframe", err);
    if (st)
        return st;
    const char *c[8];
    size_t l[8];
    int r;
    /* The last entry of each key, to chain entries in file order. */
    dl_map *last = dl_map_new();
    if (!last)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    while ((r = dl_tsv_next(&t, c, l, 8, err)) > 0) {
        if (DL_GROW(x->trigs, x->cap_trigs, x->ntrigs + 1))
            goto oom;
        trig *e = &x->trigs[x->ntrigs];
        memset(e, 0, sizeof *e);
        e->next = -1;
        if (!dl_cell_is(c[1], l[1], "v") && !dl_cell_is(c[1], l[1], "n")) {
            dl_map_free(last);
            return dl_fail(err, DL_EDATA, "data/events.tsv:%d: pos must be v or n", t.line);
        }
        e->noun = c[1][0] == 'n';
        e->lemma = dl_arena_strndup(x->arena, c[0], l[0]);
        e->relation = dl_arena_strndup(x->arena, c[3], l[3]);
        if (!e->lemma || !e->relation)
            goto oom;
        /* pattern: words separated by spaces */
        if (!dl_cell_is(c[2], l[2], "-")) {
            size_t i = 0;
            while (i < l[2]) {
                while (i < l[2] && c[2][i] == ' ')
                    i++;
                size_t j = i;
                while (j < l[2] && c[2][j] != ' ')
                    j++;
                if (j > i) {
                    if (e->npat >= MAXPAT) {
                        dl_map_free(last);
                        return dl_fail(err, DL_EDATA, "data/events.tsv:%d: pattern too long", t.line);
                    }
                    if (!(e->pat[e->npat++] = dl_arena_strndup(x->arena, c[2] + i, j - i)))
                        goto oom;
                }
                i = j;
            }
        }
        if (dl_cell_is(c[4], l[4], "-")) {
            e->cameo = "";
        } else {
            uint32_t ci;
            if (!dl_map_get(x->cameo_map, c[4], l[4], &ci)) {
                dl_map_free(last);
                return dl_fail(err, DL_EDATA, "data/events.tsv:%d: unknown CAMEO code", t.line);
            }
            e->cameo = x->codes[ci].code;
            e->quad = x->codes[ci].quad;
            e->goldstein = x->codes[ci].goldstein;
        }
        if (parse_slots(c[5], l[5], e->src, &e->nsrc) || parse_slots(c[6], l[6], e->tgt, &e->ntgt)) {
            dl_map_free(last);
            return dl_fail(err, DL_EDATA, "data/events.tsv:%d: bad source or target slots", t.line);
        }
        if (!dl_cell_is(c[7], l[7], "-")) {
            size_t i = 0;
            while (i < l[7]) {
                size_t j = i;
                while (j < l[7] && c[7][j] != ',')
                    j++;
                if (dl_cell_is(c[7] + i, j - i, "say"))
                    e->frame |= FR_SAY;
                else if (dl_cell_is(c[7] + i, j - i, "deny"))
                    e->frame |= FR_DENY;
                else if (dl_cell_is(c[7] + i, j - i, "recip"))
                    e->frame |= FR_RECIP;
                else if (dl_cell_is(c[7] + i, j - i, "target"))
                    e->frame |= FR_TARGET;
                else if (dl_cell_is(c[7] + i, j - i, "trans"))
                    e->frame |= FR_TRANS;
                else if (dl_cell_is(c[7] + i, j - i, "abroad"))
                    e->frame |= FR_ABROAD;
                else {
                    dl_map_free(last);
                    return dl_fail(err, DL_EDATA, "data/events.tsv:%d: unknown frame", t.line);
                }
                i = j + 1;
            }
        }
        char key[80];
        if (l[0] > 70) {
            dl_map_free(last);
            return dl_fail(err, DL_EDATA, "data/events.tsv:%d: lemma too long", t.line);
        }
        memcpy(key, c[0], l[0]);
        key[l[0]] = '\t';
        key[l[0] + 1] = c[1][0];
        size_t kl = l[0] + 2;
        uint32_t prev;
        uint32_t idx = (uint32_t)x->ntrigs++;
        if (dl_map_get(last, key, kl, &prev)) {
            x->trigs[prev].next = (int)idx;
        } else {
            wslot *w = wt_add(x, c[0], l[0]);
            if (!w)
                goto oom;
            if (e->noun)
                w->tn = (int32_t)idx;
            else
                w->tv = (int32_t)idx;
        }
        if (dl_map_put(last, key, kl, idx))
            goto oom;
    }
    dl_map_free(last);
    return r < 0 ? (err ? err->code : DL_EDATA) : DL_OK;
oom:
    dl_map_free(last);
    return dl_fail(err, DL_ENOMEM, "out of memory");
}

dl_status dl_events_load(dl_engine *e, dl_error *err)
{
    dl_event_lex *x = calloc(1, sizeof *x);
    if (!x)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    e->events = x;
    static atomic_uint next_id;
    x->id = atomic_fetch_add(&next_id, 1) + 1;   /* (0: a memo entry never filled) */
    x->none.cue = x->none.tv = x->none.tn = x->none.trig = -1;
    if (!(x->arena = dl_arena_new()) || !(x->cameo_map = dl_map_new()))
        return dl_fail(err, DL_ENOMEM, "out of memory");
    dl_status st = load_cameo(x, err);
    if (!st)
        st = load_cues(x, err);
    if (!st)
        st = load_triggers(x, err);
    for (size_t i = 0; x->wt && i <= x->wmask; i++)
        x->wt[i].trig = x->wt[i].tv & x->wt[i].tn;
    return st;
}

/* The cue word w (n bytes) is, or NULL. */
static const cue *cue_of(const dl_event_lex *x, const char *w, size_t n)
{
    const wslot *e = wt_get(x, w, n, dl_hash(w, n));
    return e->cue >= 0 ? &x->cues[e->cue] : NULL;
}

const char *dl_modality_name(int m)
{
    switch (m) {
    case DL_MOD_PLANNED: return "planned";
    case DL_MOD_NEGATED: return "negated";
    case DL_MOD_REPORTED: return "reported";
    case DL_MOD_HYPOTHETICAL: return "hypothetical";
    default: return "asserted";
    }
}

/* ================================================================ sentence analysis */

/* Coarse parts of speech. */
enum {
    T_OTHER, T_NOUN, T_NAME, T_PRON, T_VERB, T_AUX, T_ADJ, T_ADV, T_DET, T_POSS, T_NUM,
    T_PREP, T_TO, T_CONJ, T_REL, T_SUB, T_NEG, T_PUNCT, T_COMMA, T_QUOTE, T_TIME, T_WH
};

enum { CL_MAIN, CL_SUB, CL_REL, CL_COMP, CL_COORD };

typedef struct tk {
    uint32_t cls;          /* CU_* */
    const cue *q;
    uint8_t tag;           /* T_* */
    uint8_t gerund;        /* an -ing verb after a preposition */
    int16_t clause;
    int16_t vg;            /* verb group whose main verb this is, or -1 */
    int men;               /* mention covering it, or -1 */
    int tx;                /* timex covering it, or -1 */
} tk;

typedef struct vgroup {
    int start, main;       /* first token (auxiliary or "to"), main verb */
    int clause;
    uint8_t passive, neg, modal, perfect, inf, ing, finite, tense;
    int subj0, subj1;      /* subject noun phrase [subj0, subj1), or -1 */
    int subj_men[3];       /* actors of the subject (coordinated: several), -1 padded */
    int subj_resolved;
} vgroup;

typedef struct clause {
    int start, parent, kind;
    int comma_bound;       /* ends at the next comma */
    int antecedent;        /* relative clause: last token of the noun phrase it describes */
} clause;

typedef struct anchor {
    int start, end;        /* tokens of the phrase */
    int clause;            /* clause it dates */
    int rel;               /* DL_REL_* */
    int dur;               /* duration timex or -1 */
    int ref_tok;           /* the trigger it names, or -1 */
    int sub;               /* a clause ("after Kim arrived"), not a phrase */
} anchor;

typedef struct pp {
    int prep;              /* token of the preposition */
    int np0, np1;          /* its noun phrase */
} pp;

typedef struct found {
    const trig *e;
    int head;              /* trigger token */
    int extra[MAXPAT];     /* literal pattern tokens matched */
    int nextra;
    int gap0, gap1;        /* the "..." gap: the object */
} found;

/* A lemma that is not the token's own text is a WordNet string (lexicon.c), which lives as
 * long as the program: the slots of lemmas are remembered by address, for all the
 * documents a thread reads, which spares measuring and hashing them again. */
#define LEMMA_BITS 12
typedef struct lemma_seen {
    const char *lemma;
    uint32_t lex;              /* the id of the table slot is in; 0: empty */
    int32_t slot;              /* index into its wt, or -1: none */
} lemma_seen;
static _Thread_local lemma_seen lemma_memo[1u << LEMMA_BITS];

typedef struct sa {
    dl_doc *d;
    const dl_event_lex *x;
    uint32_t t0;           /* first token of the sentence */
    const dl_token *tt;    /* its token: d->tok + t0 */
    int n;                 /* tokens analysed */
    int sent;
    tk tok[DL_EV_MAXTOK];
    const wslot *ws[DL_EV_MAXTOK];  /* the word-table slot of each token's lower-case text, */
    const wslot *wl[DL_EV_MAXTOK];  /* ... of its lemma */
    const wslot *wn[DL_EV_MAXTOK];  /* ... and of its noun lemma (read_words) */
    vgroup vg[DL_EV_MAXTOK];
    int8_t *report;        /* per verb group: is_report_vg's answer, -1 until asked (a memo
                            * that functions of a const sa may fill) */
    int8_t report_memo[DL_EV_MAXTOK];
    int nvg;
    clause cl[DL_EV_MAXTOK];
    int ncl;
    anchor an[MAXANCHOR];
    int nan;
    found trig[DL_EV_MAXTOK];   /* the trigger at each token where is_trig[i] */
    uint8_t is_trig[DL_EV_MAXTOK];
    int cand[DL_EV_MAXTOK];     /* the tokens whose words a trigger has (read_words) */
    int ncand;
    int obj_of[DL_EV_MAXTOK];   /* the event of the verb whose object holds the token, or -1 */
    int obj_tgt[DL_EV_MAXTOK];  /* that verb's target mention */
    int txk[DL_EV_MAXTOK];      /* the first token of each run of one timex, in order */
    int trig_tok[DL_EV_MAXTOK]; /* the tokens that are triggers, in order */
    int ntrig;
    int ntxk;
    size_t tx_cursor;      /* first timex not before this sentence */
    size_t men_cursor;     /* first mention not before this sentence */
    size_t men_first;      /* the first mention that ends in the sentence or after it */
    int according;         /* "according to" in the sentence */
    int anc[DL_EV_MAXTOK]; /* the tokens that may anchor an event (CU_TPREP, CU_FIRST) */
    int nanc;
    int sent_actor[4];     /* the first actors named in the sentence, -1 padded ... */
    int have_actors;       /* ... once known */
} sa;

static const dl_token *T(const sa *s, int i) { return &s->tt[i]; }

/* The slot of a lemma of token t (its lower-case text, whose slot is `lower`, or another
 * string), or NULL. */
static inline const wslot *lemma_slot(const sa *s, const dl_token *t, const char *w, const wslot *lower)
{
    if (w == t->lower)
        return lower;
    const dl_event_lex *x = s->x;
    lemma_seen *c = &lemma_memo[((uintptr_t)w * 0x9E3779B97F4A7C15ull) >> (64 - LEMMA_BITS)];
    if (c->lemma != w || c->lex != x->id) {
        size_t n = strlen(w);
        const wslot *e = wt_get(x, w, n, dl_hash(w, n));
        c->lemma = w;
        c->lex = x->id;
        c->slot = e == &x->none ? -1 : (int32_t)(e - x->wt);
        return e;
    }
    return c->slot < 0 ? &x->none : &x->wt[c->slot];
}

/* The cue the lemma of token i is, or NULL. */
static inline const cue *lemma_cue(const sa *s, int i)
{
    return s->wl[i]->cue >= 0 ? &s->x->cues[s->wl[i]->cue] : NULL;
}

/* Looks every word of the sentence up in the word table (s->ws, s->wl, s->wn). Returns
 * whether one can be a trigger: most sentences without one need no analysis, as only a
 * trigger makes an event. */
static int read_words(sa *s)
{
    const dl_event_lex *x = s->x;
    const dl_token *tt = s->tt;     /* (locals: the pointer stores below may alias s) */
    const wslot **ws = s->ws, **wl = s->wl, **wn = s->wn;
    const int n = s->n;
    int *cand = s->cand, ncand = 0;
    for (int i = 0; i < n; i++) {
        const dl_token *t = &tt[i];
        const wslot *lo = wt_get(x, t->lower, t->llen, t->hash);
        const wslot *le = lemma_slot(s, t, t->lemma, lo);
        const wslot *nl = t->nlemma == t->lemma ? le : lemma_slot(s, t, t->nlemma, lo);
        ws[i] = lo;
        wl[i] = le;
        wn[i] = nl;
        /* (the AND of entries is -1 when all are) */
        if ((t->flags & DL_T_ALPHA) && (lo->trig & le->trig & nl->trig) >= 0)
            cand[ncand++] = i;
    }
    s->ncand = ncand;
    return ncand > 0;
}

static const char *LW(const sa *s, int i) { return T(s, i)->lower; }
/* Is token i the word w? By length first (llen): w is mostly a literal, so the compare
 * compiles to a few instructions. */
static inline int is_w(const sa *s, int i, const char *w)
{
    if (i < 0 || i >= s->n)
        return 0;
    const dl_token *t = T(s, i);
    size_t n = strlen(w);
    return t->llen == n && !memcmp(t->lower, w, n);
}
/* The bits of two tags, to test a set of tags at once. */
#define TB(a, b) ((1u << (a)) | (1u << (b)))
static int tag(const sa *s, int i) { return i >= 0 && i < s->n ? s->tok[i].tag : T_OTHER; }

static int np_tag(int t)
{
    return t == T_NOUN || t == T_NAME || t == T_PRON || t == T_ADJ || t == T_DET || t == T_POSS ||
           t == T_NUM || t == T_QUOTE;
}

/* Does token i begin a noun phrase? */
static int np_start_tag(int t)
{
    return t == T_NOUN || t == T_NAME || t == T_PRON || t == T_ADJ || t == T_DET || t == T_NUM ||
           t == T_WH;
}

/* ---------------------------------------------------------------- tagging */

/* Does a clause (a finite verb) follow token i before the next punctuation? Used to tell
 * "after the visit" (a phrase) from "after Kim arrived" (a clause), on raw tokens. */
static int clause_follows(const sa *s, int i)
{
    const dl_token *n = i + 1 < s->n ? T(s, i + 1) : NULL;
    if (!n || (n->vform == DL_VF_ING && (n->pos & DL_POS_VERB)))
        return 0;
    for (int k = i + 1; k < s->n && k <= i + 8; k++) {
        const dl_token *t = T(s, k);
        if (t->flags & DL_T_PUNCT)
            return 0;
        const tk *q = &s->tok[k];
        if (q->men >= 0 || q->tx >= 0)
            continue;   /* "after Erdogan's visit in May": May is no modal */
        if (q->cls & (CU_BE | CU_HAVE | CU_MODAL | CU_DO))
            return k > i + 1;
        if (k > i + 1 && (t->pos & DL_POS_VERB) && (t->vform == DL_VF_PAST || t->vform == DL_VF_S) &&
            !(s->tok[k - 1].cls & (CU_DET | CU_POSS | CU_PREP)) && !is_w(s, k - 1, "'s"))
            return 1;
    }
    return 0;
}

static int prev_content(const sa *s, int i)
{
    int j = i - 1;
    while (j >= 0 && (s->tok[j].tag == T_ADV || s->tok[j].tag == T_NEG))
        j--;
    return j;
}

/* Is the next token nx a content noun or adjective? */
static inline int next_nounish(const dl_token *nx)
{
    return nx && !(nx->flags & DL_T_PUNCT) && (nx->pos & (DL_POS_NOUN | DL_POS_ADJ)) && !(nx->pos & DL_POS_FUNC);
}

/* Is there no next token, or a closed-class one? */
static inline int next_closed(const dl_token *nx)
{
    return !nx || (nx->flags & DL_T_PUNCT) || (nx->pos & DL_POS_FUNC);
}

/* Is t a verb's base form? (The tests of guess_open ask only where a rule needs it.) */
static inline int is_base(const dl_token *t)
{
    return t->vform == DL_VF_BASE ||
           (t->vform == DL_VF_NONE && (t->lemma == t->lower || !strcmp(t->lemma, t->lower)));
}

/* Is token p the end of a mention used as an adjective: a demonym ("North Korean") or a
 * place after a determiner ("the Kharkiv attacks")? */
static int demonym_at(const sa *s, int p)
{
    if (p < 0 || s->tok[p].men < 0 || (size_t)s->tok[p].men >= s->d->nmen)
        return 0;
    const dl_mention *m = &s->d->men[s->tok[p].men];
    uint32_t m0 = m->tok0 - s->t0;
    return m->kind == DL_M_DEMONYM ||
           (m->kind == DL_M_SEAT && ((s->tok[m0].cls & CU_DET) || (m0 > 0 && (s->tok[m0 - 1].cls & CU_DET))));
}

/* A word WordNet knows: noun, verb, adjective or adverb by context. (Inlined: a third of
 * all tokens come here, and a call's saved registers cost as much as most rules.) */
static inline __attribute__((always_inline)) int guess_open(const sa *s, int i)
{
    const dl_token *t = T(s, i);
    int pos = t->pos, vf = t->vform;
    int p = prev_content(s, i);
    int pt = p >= 0 ? s->tok[p].tag : T_OTHER;
    uint32_t pc = p >= 0 ? s->tok[p].cls : 0;
    const dl_token *nx = i + 1 < s->n ? T(s, i + 1) : NULL;

    if (!(pos & (DL_POS_NOUN | DL_POS_VERB | DL_POS_ADJ | DL_POS_ADV))) {
        /* "EU-mediated", "Moscow-backed", "state-run": a compound ending in a participle */
        const char *h = (t->flags & DL_T_HYPHEN) ? memrchr(t->lower, '-', t->llen) : NULL;
        dl_lexentry le;
        if (h && h[1] && dl_lex_lookup(h + 1, t->llen - (size_t)(h + 1 - t->lower), &le) &&
            (le.pos & DL_POS_VERB) && le.vform == DL_VF_PAST)
            return T_ADJ;
        return (t->flags & DL_T_CAP) && !(t->flags & DL_T_SENT_START) ? T_NAME : T_NOUN;
    }
    /* A word that can be a noun, right before the possessive "'s", is the owner: "the
     * States's visit", "the report's findings", never the verbs "state" and "report". */
    if ((pos & DL_POS_NOUN) && nx && nx->llen == 2 && nx->lower[0] == '\'' && nx->lower[1] == 's')
        return (t->flags & DL_T_CAP) && !(t->flags & DL_T_SENT_START) ? T_NAME : T_NOUN;
    if (pos & DL_POS_VERB) {
        if (pt == T_AUX) {
            if ((pc & (CU_MODAL | CU_DO)) && is_base(t))
                return T_VERB;
            if ((pc & CU_HAVE) && vf == DL_VF_PAST)
                return T_VERB;
            if ((pc & CU_BE) && (vf == DL_VF_PAST || vf == DL_VF_ING))
                return T_VERB;
            if ((pc & (CU_BE | CU_HAVE)) && (s->tok[i].cls & CU_PP))
                return T_VERB;   /* "was set", "has cut" */
        }
        if (pt == T_TO && is_base(t)) {
            /* "came to power with": a verb of motion before "to" makes a phrase */
            int b = p - 1;
            while (b >= 0 && s->tok[b].tag == T_ADV)
                b--;
            const cue *bq = b >= 0 ? lemma_cue(s, b) : NULL;
            if ((pos & DL_POS_NOUN) && bq && (bq->cls & CU_MOTION) && s->tok[b].tag == T_VERB &&
                next_closed(nx) && !(nx && (s->tok[i + 1].cls & (CU_DET | CU_POSS | CU_PRON))))
                return T_NOUN;
            return T_VERB;
        }
        if (pt == T_CONJ && is_base(t) && p > 0) {
            /* "will take off from Singapore and land in Sydney" */
            for (int g = i - 1; g >= 0; g--)
                if (s->tok[g].tag == T_VERB) {
                    const dl_token *gt = T(s, g);
                    if (gt->vform == DL_VF_BASE && g > 0 &&
                        (s->tok[prev_content(s, g)].tag == T_TO || (s->tok[prev_content(s, g)].cls & CU_MODAL)))
                        return T_VERB;
                    break;
                }
        }
        if (pt == T_DET || pt == T_POSS || pt == T_NUM || pt == T_ADJ) {
            if (vf == DL_VF_ING && next_nounish(nx) && !(pos & DL_POS_NOUN))
                return T_ADJ;
            if (pos & DL_POS_NOUN)
                return T_NOUN;
            /* "the armored train"; but "the iPhone 4 began Tuesday" */
            if ((vf == DL_VF_PAST || vf == DL_VF_ING) && (pt != T_NUM || (next_nounish(nx) && s->tok[i + 1].tx < 0)))
                return T_ADJ;
        }
        if (vf == DL_VF_ING) {
            /* "after fighting broke out", "since voting began": a gerund that is the
             * subject of the finite verb after it is a noun */
            if ((pt == T_PREP || pt == T_SUB) && nx && (nx->pos & DL_POS_VERB) && !(nx->pos & DL_POS_NOUN) &&
                (nx->vform == DL_VF_PAST || nx->vform == DL_VF_S))
                return T_NOUN;
            if (pt == T_PREP || pt == T_SUB)
                return T_VERB;
            if (pt == T_DET || pt == T_POSS)
                return T_NOUN;
            if (pt == T_NAME && demonym_at(s, p) && next_nounish(nx))
                return T_ADJ;   /* "Iranian shipping companies" */
            return T_VERB;
        }
        if (vf == DL_VF_PAST) {
            if ((pt == T_PREP || pt == T_DET) && next_nounish(nx) && (nx->pos & DL_POS_NOUN))
                return T_ADJ;   /* "by armored train" */
            if (pt == T_VERB && next_nounish(nx) && (nx->pos & DL_POS_NOUN) && !(nx->pos & DL_POS_FUNC))
                return T_ADJ;   /* "launched coordinated attacks", "imposed targeted sanctions" */
            return T_VERB;
        }
        if (vf == DL_VF_S) {
            if (!(pos & DL_POS_NOUN))
                return T_VERB;
            if (pt == T_NAME && demonym_at(s, p))
                return T_NOUN;   /* "North Korean sanctions violations", "the Kharkiv attacks" */
            if (pt == T_NAME || pt == T_PRON || pt == T_COMMA || pt == T_WH || pt == T_REL)
                return T_VERB;
            if (pt == T_NOUN && p == i - 2 && s->tok[i - 1].tag == T_ADV)
                return T_VERB;   /* "the store currently sells" */
            if (pt == T_NOUN && nx && !(s->tok[i + 1].cls & CU_REL) &&
                (s->tok[i + 1].cls & (CU_DET | CU_POSS | CU_NUM) || (nx->flags & DL_T_CAP) || s->tok[i + 1].men >= 0))
                return T_VERB;
            return T_NOUN;
        }
        if (is_base(t)) {
            if (!(pos & (DL_POS_NOUN | DL_POS_ADJ)))
                return T_VERB;
            if (pt == T_VERB && (!strcmp(T(s, p)->lemma, "help") || !strcmp(T(s, p)->lemma, "let")))
                return T_VERB;
            if (pt == T_PRON && (pc & CU_PRON))
                return T_VERB;
            if ((pt == T_NAME || pt == T_REL) && nx &&
                ((s->tok[i + 1].cls & (CU_DET | CU_POSS)) || s->tok[i + 1].men >= 0))
                return T_VERB;
        }
    }
    if (pos & DL_POS_NOUN)
        return T_NOUN;
    /* "The Treasury later sanctioned", "troops earlier withdrew": between a subject and a
     * finite verb, an adverb (not the adjective of "the later sanctioned") */
    if ((pos & DL_POS_ADJ) && (pos & DL_POS_ADV) && (pt == T_NAME || pt == T_NOUN || pt == T_PRON) && nx &&
        (nx->pos & DL_POS_VERB) && (nx->vform == DL_VF_PAST || nx->vform == DL_VF_S) && !(nx->pos & DL_POS_NOUN))
        return T_ADV;
    if (pos & DL_POS_ADJ)
        return T_ADJ;
    if (pos & DL_POS_ADV)
        return T_ADV;
    return T_VERB;
}

/* The tag of a word no grammar class claims: a function word WordNet lists is "other";
 * any other is guessed from context (guess_open), and an -ing verb right after a
 * preposition or subordinator is marked a gerund ("after meeting", "before signing"). */
static inline __attribute__((always_inline)) uint8_t open_tag(sa *s, int i, tk *k,
                                                              const dl_token *t)
{
    if (t->pos & DL_POS_FUNC)
        return T_OTHER;
    uint8_t g = (uint8_t)guess_open(s, i);
    if (g == T_VERB && t->vform == DL_VF_ING &&
        (tag(s, prev_content(s, i)) == T_PREP || tag(s, prev_content(s, i)) == T_SUB))
        k->gerund = 1;
    return g;
}

/* A clause needs a verb: where a stretch between clause words has none, the first
 * -s or -ed form after a noun is one ("the leader's trip comes after ..."). tag_sentence
 * finds the stretches [a, b) with no verb; this gives them one. */
static void ensure_verb(sa *s, int a, int b)
{
    for (int i = a + 1; i < b; i++) {
        const dl_token *t = T(s, i);
        int pt = s->tok[i - 1].tag;
        if ((t->pos & DL_POS_VERB) && (t->vform == DL_VF_S || t->vform == DL_VF_PAST) &&
            (s->tok[i].tag == T_NOUN || s->tok[i].tag == T_ADJ) && s->tok[i].men < 0 &&
            (pt == T_NOUN || pt == T_NAME || pt == T_PRON)) {
            s->tok[i].tag = T_VERB;
            return;
        }
    }
}

static void tag_sentence(sa *s)
{
    const dl_doc *d = s->d;
    /* mentions are sorted and do not overlap: one walk finds each token's */
    size_t m = s->men_cursor;
    const dl_mention *men = d->men;     /* (locals: the uint8_t stores below may alias) */
    const size_t nmen = d->nmen;
    const uint32_t t0 = s->t0;
    const int n = s->n;
    const dl_event_lex *x = s->x;
    int according = 0, nanc = 0;
    const dl_token *tt = s->tt;
    tk *tok = s->tok;
    for (int i = 0; i < n; i++) {
        tk *k = &tok[i];
        const dl_token *t = &tt[i];
        const wslot *e = s->ws[i];
        const cue *q = e->cue >= 0 && !(t->flags & DL_T_UPPER) ? &x->cues[e->cue] : NULL;
        k->q = q;
        k->cls = q ? q->cls : 0;
        if (k->cls & (CU_TPREP | CU_FIRST))
            s->anc[nanc++] = i;
        k->men = -1;
        k->gerund = 0;
        k->vg = -1;
        k->clause = 0;
        k->tx = -1;
        if (t->llen == 9 && i + 1 < n && !memcmp(t->lower, "according", 9) && tt[i + 1].llen == 2 &&
            !memcmp(tt[i + 1].lower, "to", 2))
            according = 1;
    }
    s->according = according;
    s->nanc = nanc;
    /* mentions are sorted and do not overlap: each covers a run of tokens */
    const uint32_t t1 = t0 + (uint32_t)n;
    while (m < nmen && men[m].tok0 + men[m].ntok <= t0)
        m++;
    s->men_first = m;
    for (size_t z = m; z < nmen && men[z].tok0 < t1; z++) {
        uint32_t a = men[z].tok0 > t0 ? men[z].tok0 : t0, b = men[z].tok0 + men[z].ntok;
        if (b > t1)
            b = t1;
        for (uint32_t j = a; j < b; j++)
            s->tok[j - t0].men = (int)z;
    }
    while (m < nmen && men[m].tok0 + men[m].ntok <= t1 - 1)
        m++;
    s->men_cursor = m;
    s->have_actors = 0;
    /* time expressions of the sentence */
    while (s->tx_cursor < d->ntx && d->tx[s->tx_cursor].tok0 + d->tx[s->tx_cursor].ntok <= s->t0)
        s->tx_cursor++;
    int lo = n, hi = 0;    /* the tokens time expressions cover */
    for (size_t k = s->tx_cursor; k < d->ntx; k++) {
        const dl_timex_int *x = &d->tx[k];
        if (x->tok0 >= t1)
            break;
        for (uint32_t j = x->tok0; j < x->tok0 + x->ntok; j++)
            if (j >= t0 && j < t1) {
                s->tok[j - t0].tx = (int)k;
                lo = (int)(j - t0) < lo ? (int)(j - t0) : lo;
                hi = (int)(j - t0) + 1;
            }
    }
    /* date_in_clause reads the time expressions, not every token */
    s->ntxk = 0;
    for (int i = lo, last = -1; i < hi; i++)
        if (s->tok[i].tx >= 0 && s->tok[i].tx != last) {
            last = s->tok[i].tx;
            s->txk[s->ntxk++] = i;
        }
    int stretch = 0, nverbless = 0;    /* (ensure_verb) */
    uint32_t tags = 0;                 /* bits 1 << T_* of the stretch's tags */
    int verbless[DL_EV_MAXTOK][2];
    for (int i = 0; i < n; i++) {
        tk *k = &tok[i];
        const dl_token *t = &tt[i];
        const char *w = t->lower;
        uint8_t g;
        if (k->men >= 0) {
            g = (k->cls & CU_PRON) ? T_PRON : T_NAME;
            if (k->cls & (CU_POSS | CU_DET))
                g = T_DET;   /* "his" as a mention: a possessor */
        } else if (k->tx >= 0 && !(d->tx[k->tx].pub.type[0] == 'D' && !strcmp(d->tx[k->tx].pub.type, "DURATION"))) {
            g = T_TIME;
        } else if (t->flags & DL_T_PUNCT) {
            int l = t->llen;
            g = l == 1 && w[0] == ',' ? T_COMMA : l == 1 && (w[0] == '"' || w[0] == '\'') ? T_QUOTE : T_PUNCT;
            if ((l == 1 && w[0] == '-') || (l == 2 && w[0] == '-' && w[1] == '-'))
                g = T_COMMA;   /* dashes set off phrases like commas */
        } else if (t->flags & (DL_T_DIGIT | DL_T_NUMBER)) {
            g = T_NUM;
        } else if (!k->cls && !(t->llen == 2 && (w[1] == 's' || w[1] == 'o'))) {
            /* no grammar word: the chain below comes to this (the fast path of most words) */
            g = open_tag(s, i, k, t);
        } else if (t->llen == 2 && w[0] == '\'' && w[1] == 's') {
            int pt = tag(s, i - 1);
            g = (pt == T_NAME || pt == T_NOUN || pt == T_TIME) && !(s->tok[i - 1].cls & (CU_PRON | CU_WH | CU_DET))
                    ? T_POSS : T_AUX;
        } else if (t->llen == 2 && w[0] == 't' && w[1] == 'o') {
            g = T_TO;
        } else if (k->cls & (CU_BE | CU_HAVE | CU_DO | CU_MODAL)) {
            g = T_AUX;
        } else if (k->cls & CU_NEG) {
            g = T_NEG;
        } else if ((k->cls & CU_SUB) && (k->cls & (CU_PREP | CU_TPREP))) {
            if (tag(s, i - 1) == T_AUX && i + 1 < s->n && (T(s, i + 1)->pos & DL_POS_VERB) &&
                T(s, i + 1)->vform == DL_VF_PAST)
                g = T_ADV;   /* "has since accused" */
            else
                g = clause_follows(s, i) ? T_SUB : T_PREP;
        } else if (k->cls & CU_SUB) {
            g = T_SUB;
        } else if ((k->cls & CU_REL) && (k->cls & CU_DET)) {
            /* "that": a determiner at the start or after a preposition before a noun */
            const dl_token *n = i + 1 < s->n ? T(s, i + 1) : NULL;
            int pt = tag(s, i - 1);
            g = (i == 0 || pt == T_PREP || pt == T_QUOTE) && n && (n->pos & DL_POS_NOUN) &&
                        !(n->pos & DL_POS_FUNC) ? T_DET : T_REL;
        } else if (k->cls & CU_REL) {
            g = T_REL;
        } else if (k->cls & (CU_DET | CU_POSS)) {
            g = T_DET;
        } else if (k->cls & CU_NUM) {
            g = T_NUM;
        } else if (k->cls & CU_PREP) {
            g = T_PREP;
        } else if (k->cls & CU_CONJ) {
            g = T_CONJ;
        } else if (k->cls & CU_PRON) {
            g = T_PRON;
        } else if (k->cls & CU_WH) {
            g = T_WH;
        } else {
            g = open_tag(s, i, k, t);
        }
        k->tag = g;
        /* "backed out", "tracked down": a particle, not a noun */
        if ((k->cls & CU_PART) && i > 0 && s->tok[i - 1].tag == T_VERB && g != T_PREP && g != T_TO)
            k->tag = T_ADV;
        else if ((k->cls & CU_PART) && i > 0 && s->tok[i - 1].tag == T_VERB && g == T_PREP &&
                 (i + 1 >= s->n || (T(s, i + 1)->flags & DL_T_PUNCT)))
            k->tag = T_ADV;
        /* stretches between clause words ("after", "who", ";") */
        uint32_t bit = 1u << k->tag;
        if ((bit & TB(T_SUB, T_REL) || (t->llen == 1 && w[0] == ';')) && i > stretch) {
            if (!(tags & TB(T_VERB, T_AUX))) {
                verbless[nverbless][0] = stretch;
                verbless[nverbless++][1] = i;
            }
            stretch = i;
            tags = 0;
        }
        tags |= bit;
    }
    if (!(tags & TB(T_VERB, T_AUX)) && stretch < n) {
        verbless[nverbless][0] = stretch;
        verbless[nverbless++][1] = n;
    }
    /* (after all tagging: the rules above read the tags before them as they were) */
    for (int z = 0; z < nverbless; z++)
        ensure_verb(s, verbless[z][0], verbless[z][1]);
}

/* ---------------------------------------------------------------- noun phrases */

/* The end (exclusive) of the noun phrase that starts at i, or i when none does. A second
 * determiner starts a new phrase except after a possessive. */
static int np_end(const sa *s, int i, int stop)
{
    int j = i, seen_head = 0;
    while (j < stop) {
        int t = s->tok[j].tag;
        if (t == T_DET || t == T_WH) {
            if (seen_head && tag(s, j - 1) != T_POSS)
                break;
        } else if (t == T_TIME) {
            /* "the January attack", "Monday's briefing": a date inside a phrase */
            int k = j;
            while (k < stop && s->tok[k].tag == T_TIME)
                k++;
            int nt = tag(s, k);
            if (!(nt == T_NOUN || nt == T_POSS || nt == T_ADJ) || k >= stop)
                break;
            j = k;
            continue;
        } else if (t == T_ADV) {
            int nt = tag(s, j + 1);
            if (!(nt == T_ADJ || nt == T_NUM) || j + 1 >= stop)
                break;
        } else if (t == T_QUOTE) {
            if (!np_tag(tag(s, j + 1)) || j + 1 >= stop)
                break;
        } else if (t == T_PRON) {
            if (seen_head)
                break;
            j++;
            break;   /* a pronoun is a phrase by itself */
        } else if (!np_tag(t)) {
            break;
        }
        if (t == T_NOUN || t == T_NAME)
            seen_head = 1;
        j++;
    }
    /* a phrase ends on a noun, a name, a number or a pronoun, not on a determiner */
    while (j > i && (tag(s, j - 1) == T_DET || tag(s, j - 1) == T_QUOTE || tag(s, j - 1) == T_POSS))
        j--;
    return j;
}

/* The start of the noun phrase that ends (inclusive) at token e. */
static int np_begin(const sa *s, int e, int floor)
{
    int j = e;
    if (s->tok[e].tag == T_PRON)
        return e;
    while (j - 1 >= floor) {
        int t = s->tok[j - 1].tag;
        if (t == T_DET || (t == T_REL && is_w(s, j - 1, "whose"))) {
            j--;
            if (tag(s, j - 1) != T_POSS)   /* "the North's leader": go on past "'s" */
                break;
            continue;
        }
        if (t == T_NOUN || t == T_NAME || t == T_ADJ || t == T_NUM || t == T_POSS || t == T_QUOTE ||
            (t == T_TIME && j - 1 > floor && tag(s, j - 2) == T_DET) ||
            (t == T_TIME && (tag(s, j) == T_POSS)) ||
            (t == T_ADV && (tag(s, j) == T_ADJ || tag(s, j) == T_NUM))) {
            j--;
            continue;
        }
        break;
    }
    return j;
}

/* Extends a noun phrase [.., e) over "of" phrases: "the renewal of the UN panel of experts". */
static int of_chain(const sa *s, int e, int stop)
{
    while (e + 1 < stop && is_w(s, e, "of") && np_start_tag(tag(s, e + 1))) {
        int f = np_end(s, e + 1, stop);
        if (f <= e + 1)
            break;
        e = f;
    }
    return e;
}

/* The mention covering token i, as a document actor, or -1. */
static int men_at(const sa *s, int i)
{
    return i >= 0 && i < s->n ? s->tok[i].men : -1;
}

/* The first mention in tokens [a, b), or -1; *at gets its token. */
static int first_men(const sa *s, int a, int b, int *at)
{
    for (int i = a; i < b && i < s->n; i++)
        if (s->tok[i].men >= 0) {
            if (at)
                *at = i;
            return s->tok[i].men;
        }
    return -1;
}

/* The actor a noun phrase [a, b) names: the mention covering its head (last token), or,
 * when the head is a body acting for an actor ("South Korean officials", "officials in
 * Kiev"), a mention in the phrase or in the phrases after it up to `limit`. */
static int np_actor(const sa *s, int a, int b, int limit)
{
    if (b <= a)
        return -1;
    int h = b - 1;
    while (h > a && (s->tok[h].tag == T_QUOTE || s->tok[h].tag == T_TIME))
        h--;
    if (s->tok[h].men >= 0)
        return s->tok[h].men;
    if (s->tok[h].cls & CU_AGENT) {
        int m = -1;
        for (int i = a; i < h; i++)
            if (s->tok[i].men >= 0)
                m = s->tok[i].men;
        if (m >= 0)
            return m;
        /* "officials in Kiev", "the government of Ukraine" */
        if (b < limit && (is_w(s, b, "in") || is_w(s, b, "of") || is_w(s, b, "from"))) {
            int e = np_end(s, b + 1, limit);
            return first_men(s, b + 1, e, NULL);
        }
    }
    return -1;
}

/* ---------------------------------------------------------------- verb groups */

static void find_verb_groups(sa *s)
{
    s->nvg = 0;
    int i = 0;
    const int n = s->n;
    while (i < n) {
        int t = s->tok[i].tag;
        if (t != T_AUX && t != T_VERB) {
            i++;
            continue;
        }
        vgroup *g = &s->vg[s->nvg];
        memset(g, 0, sizeof *g);
        s->report[s->nvg] = -1;
        g->start = i;
        g->main = -1;
        g->subj0 = g->subj1 = -1;
        g->subj_men[0] = g->subj_men[1] = g->subj_men[2] = -1;
        int have = 0, be = 0;
        int j = i;
        for (; j < s->n; j++) {
            int tj = s->tok[j].tag;
            if (tj == T_AUX) {
                const cue *q = s->tok[j].q;
                if (q && (q->cls & CU_MODAL) && !g->modal)
                    g->modal = q->modal;
                if (s->tok[j].cls & CU_HAVE)
                    have = j + 1;
                if ((s->tok[j].cls & CU_BE) || (is_w(s, j, "'s") && !have))
                    be = j + 1;
                continue;
            }
            if (tj == T_NEG) {
                g->neg = 1;
                continue;
            }
            if (tj == T_ADV && j + 1 < s->n &&
                (tag(s, j + 1) == T_VERB || tag(s, j + 1) == T_AUX || tag(s, j + 1) == T_NEG || tag(s, j + 1) == T_ADV))
                continue;
            if (tj == T_VERB) {
                g->main = j;
                j++;
            }
            break;
        }
        if (g->main < 0) {
            /* no main verb: the last auxiliary is one ("has one of the largest armies") */
            int k = j - 1;
            while (k > i && s->tok[k].tag != T_AUX)
                k--;
            g->main = k;
        }
        const dl_token *mv = T(s, g->main);
        g->inf = i > 0 && s->tok[i - 1].tag == T_TO;
        g->passive = be && g->main >= be && mv->vform == DL_VF_PAST && s->tok[g->main].tag == T_VERB;
        g->perfect = have && g->main >= have && !g->passive;
        g->ing = mv->vform == DL_VF_ING && !be && g->main == i;
        if (g->modal == V_FUTURE)
            g->tense = DL_TENSE_FUTURE;
        else if (g->modal)
            g->tense = DL_TENSE_NONE;
        else if (have) {
            g->tense = is_w(s, have - 1, "had") ? DL_TENSE_PAST : DL_TENSE_PERFECT;
        } else if (be) {
            g->tense = (is_w(s, be - 1, "was") || is_w(s, be - 1, "were")) ? DL_TENSE_PAST : DL_TENSE_PRESENT;
        } else if (g->inf || g->ing) {
            g->tense = DL_TENSE_NONE;
        } else if (mv->vform == DL_VF_PAST) {
            g->tense = DL_TENSE_PAST;
        } else {
            g->tense = DL_TENSE_PRESENT;
        }
        if (!g->inf && g->main == i && mv->vform == DL_VF_BASE) {
            /* "to take ties ... and jointly fight": an infinitive too */
            int b = i - 1;
            while (b >= 0 && s->tok[b].tag == T_ADV)
                b--;
            if (b >= 0 && s->tok[b].tag == T_CONJ)
                for (int h = s->nvg - 1; h >= 0; h--)
                    if (s->vg[h].main < b) {
                        if (s->vg[h].inf) {
                            g->inf = 1;
                            g->tense = DL_TENSE_NONE;
                        }
                        break;
                    }
        }
        g->finite = !g->inf && !g->ing && !s->tok[g->main].gerund;
        if (g->main < n)   /* (the main verb is one of [start, j)) */
            s->tok[g->main].vg = (int16_t)s->nvg;
        s->nvg++;
        i = j > i ? j : i + 1;
    }
}

/* ---------------------------------------------------------------- clauses */

static int is_report_vg(const sa *s, int g)
{
    if (g < 0)
        return 0;
    if (s->report[g] < 0) {
        const cue *q = lemma_cue(s, s->vg[g].main);
        s->report[g] = q && (q->cls & CU_REPORT);
    }
    return s->report[g];
}

/* Does a new subject and its verb start at token i ("and the two men met")? */
static int subject_then_verb(const sa *s, int i)
{
    if (!np_start_tag(tag(s, i)))
        return 0;
    int e = np_end(s, i, s->n);
    if (e <= i)
        return 0;
    /* phrases on the subject: "Russia's trade with North Korea reached" */
    for (int k = 0; k < 3 && (tag(s, e) == T_PREP) && is_w(s, e, "of") + is_w(s, e, "with") +
                                                          is_w(s, e, "in") + is_w(s, e, "from") > 0; k++) {
        int f = np_end(s, e + 1, s->n);
        if (f <= e + 1)
            break;
        e = f;
    }
    /* an apposition between the subject and its verb */
    if (tag(s, e) == T_COMMA) {
        int k = e + 1;
        while (k < s->n && k < e + 14 && tag(s, k) != T_COMMA)
            k++;
        if (tag(s, k) == T_COMMA)
            e = k + 1;
    }
    while (e < s->n && tag(s, e) == T_ADV)
        e++;
    int t = tag(s, e);
    return (t == T_AUX || (t == T_VERB && !s->tok[e].gerund && T(s, e)->vform != DL_VF_ING));
}

static int new_clause(sa *s, int start, int parent, int kind, int comma_bound)
{
    if (s->ncl >= DL_EV_MAXTOK)
        return parent < 0 ? 0 : parent;   /* full: stay in the clause around */
    clause *c = &s->cl[s->ncl];
    c->start = start;
    c->parent = parent;
    c->kind = kind;
    c->comma_bound = comma_bound;
    c->antecedent = -1;
    return s->ncl++;
}

static void find_clauses(sa *s)
{
    s->ncl = 0;
    int cur = new_clause(s, 0, -1, CL_MAIN, 0);
    int last_vg = -1;          /* last verb group of the current clause */
    const int n = s->n;
    tk *tok = s->tok;
    for (int i = 0; i < n; i++) {
        int t = tok[i].tag;
        if (!((1u << t) & (TB(T_SUB, T_REL) | TB(T_COMMA, T_CONJ) | TB(T_VERB, T_AUX)))) {
            tok[i].clause = (int16_t)cur;   /* most words: nothing opens or closes, no verb */
            continue;
        }
        if (t == T_SUB) {
            int pt = tag(s, i - 1);
            int fronted = i == 0 || pt == T_COMMA || pt == T_QUOTE;
            int c = new_clause(s, i, cur, CL_SUB, fronted);
            s->tok[i].clause = (int16_t)c;
            cur = c;
            last_vg = -1;
            continue;
        }
        if (t == T_REL) {
            int pt = tag(s, i - 1);
            int kind = CL_REL;
            if (is_w(s, i, "that") && last_vg >= 0 && is_report_vg(s, last_vg))
                kind = CL_COMP;
            else if (is_w(s, i, "that") && (pt == T_VERB || pt == T_AUX))
                kind = CL_COMP;
            int c = new_clause(s, i, cur, kind, pt == T_COMMA);
            if (kind == CL_REL) {
                int a = i - 1;
                if (tag(s, a) == T_COMMA)
                    a--;
                s->cl[c].antecedent = a;
            }
            s->tok[i].clause = (int16_t)c;
            cur = c;
            last_vg = -1;
            continue;
        }
        if (t == T_COMMA && s->cl[cur].comma_bound && cur != 0) {
            s->tok[i].clause = (int16_t)cur;
            int p = s->cl[cur].parent;
            s->cl[cur].comma_bound = 0;   /* closed */
            cur = p < 0 ? 0 : p;
            last_vg = -1;
            for (int g = s->nvg - 1; g >= 0; g--)
                if (s->vg[g].main < i && s->tok[s->vg[g].main].clause == cur) {
                    last_vg = g;
                    break;
                }
            continue;
        }
        if (t == T_CONJ && last_vg >= 0) {
            int k = i + 1;
            if (subject_then_verb(s, k)) {
                int parent = s->cl[cur].parent;
                int c = new_clause(s, i, parent, CL_COORD, 0);
                s->tok[i].clause = (int16_t)c;
                cur = c;
                last_vg = -1;
                continue;
            }
            /* "observers verified that the debris came from ... and said ...": a second
             * reporting verb goes with the first, out of the reported clause */
            while (k < s->n && tag(s, k) == T_ADV)
                k++;
            int g = k < s->n ? s->tok[k].vg : -1;
            /* "condemned the treaty that Putin and Kim signed a day earlier, and said ...":
             * after a comma, a verb goes with the clause around the relative one */
            if (g >= 0 && i > 0 && tag(s, i - 1) == T_COMMA && s->cl[cur].kind == CL_REL &&
                (tag(s, k) == T_VERB || tag(s, k) == T_AUX)) {
                int p = s->cl[cur].parent < 0 ? 0 : s->cl[cur].parent;
                cur = p;
                last_vg = -1;
                for (int h = s->nvg - 1; h >= 0; h--)
                    if (s->vg[h].main < i && s->tok[s->vg[h].main].clause == p) {
                        last_vg = h;
                        break;
                    }
            }
            if (g >= 0 && is_report_vg(s, g) && s->cl[cur].kind == CL_COMP && s->cl[cur].parent >= 0) {
                int p = s->cl[cur].parent;
                for (int h = s->nvg - 1; h >= 0; h--)
                    if (s->vg[h].main < i && s->tok[s->vg[h].main].clause == p) {
                        if (is_report_vg(s, h)) {
                            cur = p;
                            last_vg = h;
                        }
                        break;
                    }
            }
        }
        s->tok[i].clause = (int16_t)cur;
        if (s->tok[i].vg >= 0) {
            int g = s->tok[i].vg;
            s->vg[g].clause = cur;
            last_vg = g;
            /* "said Seoul had tracked": a reported clause without "that" */
            if (is_report_vg(s, g) && !s->vg[g].passive && i + 1 < s->n && !is_w(s, i + 1, "that") &&
                subject_then_verb(s, i + 1)) {
                int c = new_clause(s, i + 1, cur, CL_COMP, 0);
                cur = c;
                last_vg = -1;
            }
        }
    }
    for (int g = 0; g < s->nvg; g++)
        s->vg[g].clause = s->tok[s->vg[g].main].clause;
}

/* Is clause a inside clause b (or b itself)? */
static int clause_within(const sa *s, int a, int b)
{
    for (int k = 0; a >= 0 && k < DL_EV_MAXTOK; k++) {
        if (a == b)
            return 1;
        a = s->cl[a].parent;
    }
    return 0;
}

/* ---------------------------------------------------------------- subjects */

static void subject_of(sa *s, int g);

/* The verb group governing token i: the last one before it in its clause or the clauses
 * around it. */
static int governing_vg(const sa *s, int i)
{
    for (int g = s->nvg - 1; g >= 0; g--)
        if (s->vg[g].main < i && clause_within(s, s->tok[i].clause, s->vg[g].clause) &&
            !(s->vg[g].main == i))
            return g;
    return -1;
}

/* Is token k a currency sign ("$", "€", "£")? */
static int currency(const sa *s, int k)
{
    const dl_token *t = T(s, k);
    return (t->flags & DL_T_PUNCT) && (!strcmp(t->lower, "$") || !strcmp(t->lower, "\xe2\x82\xac") ||
                                       !strcmp(t->lower, "\xc2\xa3"));
}

/* The object noun phrase right after verb group g, or -1 (start in *a, end in *b). */
static int object_np_at(const sa *s, int g, int k, int *a, int *b);

static int object_np(const sa *s, int g, int *a, int *b)
{
    return object_np_at(s, g, s->vg[g].main + 1, a, b);
}

/* object_np from token k on ("shot down 20 drones": after the particle). */
static int object_np_at(const sa *s, int g, int k, int *a, int *b)
{
    while (k < s->n && (tag(s, k) == T_ADV || tag(s, k) == T_QUOTE))
        k++;
    /* "approved about $113 billion", "killed around 200 people": an approximation, and a
     * currency sign before the number */
    if (k + 1 < s->n && s->tok[k].q && (s->tok[k].q->cls & CU_APPROX) &&
        (tag(s, k + 1) == T_NUM || currency(s, k + 1)))
        k++;   /* (not "settled at $76": a phrase) */
    int money = k + 1 < s->n && currency(s, k) && tag(s, k + 1) == T_NUM;
    k += money;
    if (k >= s->n || !np_start_tag(tag(s, k)) || tag(s, k) == T_WH)
        return -1;
    int e = np_end(s, k, s->n);
    if (e <= k || s->tok[k].clause != s->vg[g].clause)
        return -1;
    e = of_chain(s, e, s->n);
    int noun = money;   /* "$113 billion" is a thing */
    for (int z = k; z < e; z++)
        noun |= ((s->tok[z].tag == T_NOUN || s->tok[z].tag == T_NAME) && !(T(s, z)->pos & DL_POS_FUNC)) ||
                s->tok[z].men >= 0;
    if (!noun)
        return -1;   /* "demand more", "killed them", "arrived here" */
    /* "said the company stands to gain": the subject of a reported clause */
    int f = e;
    while (f < s->n && tag(s, f) == T_ADV)
        f++;
    if (is_report_vg(s, g) && f < s->n &&
        (tag(s, f) == T_AUX || tag(s, f) == T_VERB || tag(s, f) == T_NEG ||
         ((T(s, f)->pos & DL_POS_VERB) && T(s, f)->vform == DL_VF_S)))
        return -1;
    *a = k;
    *b = e;
    return 0;
}

static void set_subject(vgroup *v, int a, int b, int m0, int m1)
{
    v->subj0 = a;
    v->subj1 = b;
    v->subj_men[0] = m0;
    v->subj_men[1] = m1;
    v->subj_men[2] = -1;
}

static void copy_subject(vgroup *v, const vgroup *from)
{
    v->subj0 = from->subj0;
    v->subj1 = from->subj1;
    memcpy(v->subj_men, from->subj_men, sizeof v->subj_men);
}

/* Subject by control: an infinitive or participle takes the object of the verb before it
 * when that object is an actor ("invited Putin to pay", "accused Russia of firing"), else
 * that verb's subject ("vowing to take", "issued an order authorizing"). */
static void controlled_subject(sa *s, int g)
{
    vgroup *v = &s->vg[g];
    int b = v->start - 1;
    if (v->inf && b >= 0 && tag(s, b) == T_TO)
        b--;
    while (b >= 0 && (tag(s, b) == T_QUOTE || tag(s, b) == T_COMMA || tag(s, b) == T_ADV))
        b--;
    if (b >= 0 && tag(s, b) == T_CONJ) {
        /* "praising Kim ... and thanking Pyongyang", "to curb and to contain" */
        for (int h = g - 1; h >= 0; h--) {
            const vgroup *u = &s->vg[h];
            if (u->main < b && u->inf == v->inf && u->ing == v->ing &&
                s->tok[u->main].gerund == s->tok[v->main].gerund && u->clause == v->clause) {
                subject_of(s, h);
                copy_subject(v, u);
                return;
            }
        }
    }
    int h = governing_vg(s, v->start);
    if (h < 0 || h == g)
        return;
    subject_of(s, h);
    int a, e;
    if (object_np(s, h, &a, &e) == 0 && e <= v->start) {
        int m = np_actor(s, a, e, s->n);
        int k = v->start - 1;
        int ok;
        if (v->inf) {
            /* "invited Putin to pay": the object right before "to" */
            ok = k >= 0 && tag(s, k) == T_TO && k - 1 == e - 1;
        } else {
            /* "accused Russia at the United Nations of firing", "praised Kim for resisting",
             * "warned Washington against supporting", "congratulated Lula on winning",
             * "pressed Kyiv into signing" */
            ok = s->tok[v->main].gerund && (is_w(s, k, "of") || is_w(s, k, "for") || is_w(s, k, "from") ||
                                            is_w(s, k, "against") || is_w(s, k, "on") || is_w(s, k, "into"));
        }
        if (ok && m >= 0 && !s->vg[h].passive) {
            set_subject(v, a, e, m, -1);
            return;
        }
    }
    copy_subject(v, &s->vg[h]);
}

/* Finds the subject of verb group g (once). */
static void subject_of(sa *s, int g)
{
    vgroup *v = &s->vg[g];
    if (v->subj_resolved)
        return;
    v->subj_resolved = 1;
    if (v->inf || v->ing || s->tok[v->main].gerund) {
        controlled_subject(s, g);
        return;
    }
    int c = v->clause;
    int floor = s->cl[c].start;
    int j = v->start - 1;
    int skipped = 0;
    for (int guard = 0; guard < 3 * DL_EV_MAXTOK && j >= 0; guard++) {
        int t = s->tok[j].tag;
        int jc = s->tok[j].clause;
        if (jc != c && clause_within(s, jc, c)) {
            j--;   /* a clause inside this one: "Kim, whose grandfather ..., has" */
            skipped = 1;
            continue;
        }
        if (t == T_COMMA && skipped) {
            j--;   /* the comma that opened it */
            skipped = 0;
            continue;
        }
        skipped = 0;
        if (j < floor && jc != c)
            break;
        if (t == T_ADV || t == T_QUOTE) {
            j--;
            continue;
        }
        if ((t == T_PREP || t == T_COMMA) && j + 1 < v->start && s->tok[j + 1].tag == T_TIME) {
            j--;   /* "South Korea on Thursday condemned", "Seoul, last week, said" */
            continue;
        }
        if (t == T_COMMA) {
            /* a phrase set off by commas: ", the world's largest grain exporter,",
             * ", between visits to ...," */
            int k = j - 1;
            while (k >= floor && tag(s, k) != T_COMMA && s->tok[k].tag != T_AUX &&
                   !(s->tok[k].tag == T_VERB && s->tok[k].vg >= 0 && s->vg[s->tok[k].vg].finite &&
                     s->tok[k].clause == c))
                k--;
            if (k > floor && tag(s, k) == T_COMMA && k < j - 1) {
                j = k - 1;
                continue;
            }
            break;
        }
        if (t == T_CONJ) {
            /* "came to power ... and founded": the subject of the finite verb before
             * ("accused Togo of supplying rifles ... and praised": not the gerund's) */
            for (int h = g - 1; h >= 0; h--) {
                if (s->vg[h].main < j && clause_within(s, c, s->vg[h].clause) && s->vg[h].finite) {
                    subject_of(s, h);
                    copy_subject(v, &s->vg[h]);
                    return;
                }
            }
            break;
        }
        if (t == T_REL || t == T_WH) {
            int a = s->cl[jc].antecedent;
            if (t == T_REL && a >= 0 && !is_w(s, j, "whose")) {
                int b0 = np_begin(s, a, 0);
                set_subject(v, b0, a + 1, np_actor(s, b0, a + 1, s->n), -1);
            }
            return;
        }
        if (np_tag(t) || t == T_TIME) {
            if (t == T_TIME) {
                j--;
                continue;
            }
            int b = np_begin(s, j, 0);
            int e = j + 1;
            /* "Officials in Kiev said": go past phrases that hang on the subject */
            while (b - 2 >= 0 && tag(s, b - 1) == T_PREP && np_tag(tag(s, b - 2)) && tag(s, b - 2) != T_DET &&
                   !is_w(s, b - 1, "than")) {   /* ("More than 9,000 people": a count, no phrase) */
                int b2 = np_begin(s, b - 2, 0);
                if (b2 < floor)
                    break;
                e = b - 1;
                b = b2;
            }
            if (b - 1 >= 0 && (tag(s, b - 1) == T_PREP || tag(s, b - 1) == T_TO) && b - 1 <= floor + 1 &&
                s->tok[b - 1].clause == c && !is_w(s, b - 1, "than")) {
                /* "In the article published in Rodong": a participle, not a subject */
                v->finite = 0;
                return;
            }
            int m0 = np_actor(s, b, e, v->start);
            int m1 = -1;
            /* "Delegations from Sudan's army and the Rapid Support Forces resumed talks":
             * the agent noun's phrase names two actors */
            if (m0 >= 0 && s->tok[e - 1].men < 0 && (s->tok[e - 1].cls & CU_AGENT))
                for (int k = e; k + 1 < v->start && m1 < 0; k++)
                    if (tag(s, k) == T_CONJ)
                        for (int q = k + 1; q < v->start && q <= k + 3 && m1 < 0; q++)
                            if (s->tok[q].men >= 0 && s->tok[q].men != m0)
                                m1 = s->tok[q].men;
            int m2 = -1;
            /* "Putin and Kim met" */
            if (b - 2 >= 0 && tag(s, b - 1) == T_CONJ && np_tag(tag(s, b - 2))) {
                int b2 = np_begin(s, b - 2, floor);
                int m = np_actor(s, b2, b - 1, b - 1);
                if (m >= 0) {
                    m1 = m0;
                    m0 = m;
                    b = b2;
                    /* "Britain, France and Germany announced": a list (not "In Kyiv,
                     * Ukraine and Poland agreed": a phrase before the subject) */
                    int b3 = b - 2 >= floor && tag(s, b - 1) == T_COMMA && np_tag(tag(s, b - 2))
                                 ? np_begin(s, b - 2, floor) : -1;
                    int m3 = b3 >= floor ? np_actor(s, b3, b - 1, b - 1) : -1;
                    if (m3 >= 0 && m1 >= 0 && (b3 == floor || tag(s, b3 - 1) != T_PREP)) {
                        m2 = m1;
                        m1 = m0;
                        m0 = m3;
                        b = b3;
                    }
                }
            }
            set_subject(v, b, e, m0, m1);
            v->subj_men[2] = m2;
            return;
        }
        break;
    }
    /* no subject before it: a verb that continues the one before ("... and has sought") */
    for (int h = g - 1; h >= 0; h--) {
        if (clause_within(s, c, s->vg[h].clause) && s->vg[h].finite) {
            subject_of(s, h);
            copy_subject(v, &s->vg[h]);
            return;
        }
    }
}

/* ---------------------------------------------------------------- phrases after a word */

/* Prepositional phrases after token i up to the end of its clause: "to North Korea on
 * Tuesday". Dates and adverbs between them are skipped. */
static int phrases_after(const sa *s, int i, pp *out, int max)
{
    int n = 0, k = i;
    int c = s->tok[i < s->n ? i : s->n - 1].clause;
    while (k < s->n && n < max) {
        int t = s->tok[k].tag;
        if (t == T_TIME || t == T_ADV || t == T_QUOTE) {
            k++;
            continue;
        }
        if (t == T_CONJ && n == 0 && k + 1 < s->n && np_start_tag(tag(s, k + 1)) && s->tok[k + 1].men < 0) {
            /* "delivered shells and missiles to Russia": the rest of a coordinated object */
            int b = np_end(s, k + 1, s->n);
            if (b > k + 1 && b < s->n && (tag(s, b) == T_PREP || tag(s, b) == T_TO)) {
                k = b;
                continue;
            }
        }
        if ((t == T_PREP || t == T_TO || (t == T_SUB && !clause_follows(s, k))) && k + 1 < s->n) {
            int a = k + 1;
            int b = np_end(s, a, s->n);
            if (b <= a)
                break;
            b = of_chain(s, b, s->n);
            out[n].prep = k;
            out[n].np0 = a;
            out[n].np1 = b;
            n++;
            k = b;
            continue;
        }
        if (s->tok[k].clause != c)
            break;
        break;
    }
    return n;
}

/* ================================================================ events */

/* Does the word at token i match pattern word p? */
static int pat_word(const sa *s, int i, const char *p)
{
    const dl_token *t = T(s, i);
    return (t->lower[0] == p[0] && !strcmp(t->lower, p)) || (t->lemma[0] == p[0] && !strcmp(t->lemma, p)) ||
           (t->nlemma[0] == p[0] && !strcmp(t->nlemma, p));
}

/* Matches entry e's pattern after token h. */
static int match_pattern(const sa *s, const trig *e, int h, found *f)
{
    f->nextra = 0;
    f->gap0 = f->gap1 = -1;
    int k = h + 1;
    for (int p = 0; p < e->npat; p++) {
        if (!strcmp(e->pat[p], "...")) {
            /* the gap ends where the next literal word matches */
            if (p + 1 >= e->npat)
                return 0;
            int found_at = -1;
            for (int j = k; j < s->n && j <= k + 8; j++) {
                int t = s->tok[j].tag;
                if (t == T_PUNCT || t == T_SUB || t == T_REL || (t == T_VERB && j > k))
                    break;
                if (pat_word(s, j, e->pat[p + 1])) {
                    found_at = j;
                    break;
                }
            }
            if (found_at < 0)
                return 0;
            f->gap0 = k;
            f->gap1 = found_at;
            k = found_at;
            continue;
        }
        while (k < s->n && s->tok[k].tag == T_ADV && !pat_word(s, k, e->pat[p]))
            k++;
        if (k >= s->n || !pat_word(s, k, e->pat[p]))
            return 0;
        if (s->tok[k].tag == T_TO && k + 1 < s->n && s->tok[k + 1].tag == T_VERB)
            return 0;   /* "is going to make": an infinitive, not a destination */
        f->extra[f->nextra++] = k;
        k++;
    }
    return 1;
}

/* The trigger entry for token i, if it is one. */
static int find_trigger(const sa *s, int i, found *f)
{
    const tk *k = &s->tok[i];
    const dl_token *t = T(s, i);
    if (k->men >= 0 || k->tx >= 0 || (k->cls & CU_NOTRIG) || !(t->flags & DL_T_ALPHA))
        return 0;
    int first = -1;
    const wslot *lo = s->ws[i], *le;
    if (k->tag == T_VERB) {
        /* by lemma, else by text */
        le = s->wl[i];
        first = le->tv >= 0 ? le->tv : lo->tv;
    } else if (k->tag == T_NOUN) {
        /* a noun modifying the next one is no event ("trade agreements") */
        if (tag(s, i + 1) == T_NOUN && !(T(s, i + 1)->flags & DL_T_CAP))
            return 0;
        le = s->wn[i];
        first = le->tn >= 0 ? le->tn : lo->tn;
    } else if (k->tag == T_ADJ && t->vform == DL_VF_PAST && (t->pos & DL_POS_VERB)) {
        /* "Jobs, born in San Francisco" */
        first = lo->tv;
    }
    for (int ei = first; ei >= 0; ei = s->x->trigs[ei].next) {
        const trig *e = &s->x->trigs[ei];
        if (match_pattern(s, e, i, f)) {
            f->e = e;
            f->head = i;
            return 1;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- arguments */

typedef struct args {
    int src, tgt;          /* mentions, or -1 */
    int src2;              /* a second subject actor (reciprocal events) */
    int subj;              /* the verb has a subject, actor or not ("the jetliner crashed") */
    int named;             /* that subject holds a name ("Apple Computer announced") */
    int second;            /* the target is the second actor of the subject ("the two men") */
    int obj0, obj1;        /* object text tokens, or -1 */
    int clause;
    int vg;                /* the trigger's verb group, or the one governing a noun */
    int light_vg;          /* a noun in the object of a light verb: that verb's group, or -1 */
} args;

static int pp_actor(const sa *s, const pp *p, int np, const char *prep)
{
    for (int k = 0; k < np; k++)
        if (is_w(s, p[k].prep, prep)) {
            int m = first_men(s, p[k].np0, p[k].np1, NULL);
            if (m >= 0)
                return m;
        }
    return -1;
}

static int pp_index(const sa *s, const pp *p, int np, const char *prep)
{
    for (int k = 0; k < np; k++)
        if (is_w(s, p[k].prep, prep))
            return k;
    return -1;
}

/* The verb group a noun hangs on: the one before it in its clause, else the one after. */
static int host_vg(const sa *s, int i)
{
    int c = s->tok[i].clause, best = -1;
    for (int g = 0; g < s->nvg; g++) {
        if (s->vg[g].clause != c)
            continue;
        if (s->vg[g].main < i)
            best = g;
        else if (best < 0) {
            best = g;
            break;
        }
    }
    if (best < 0) {
        /* a phrase fronted before a clause of its own: the main verb after it */
        for (int g = 0; g < s->nvg; g++)
            if (s->vg[g].main > i && s->vg[g].finite && clause_within(s, s->vg[g].clause, c) == 0) {
                best = g;
                break;
            }
    }
    return best;
}

static void verb_args(sa *s, const found *f, args *a)
{
    int g = s->tok[f->head].vg;
    a->vg = g;
    if (g < 0)
        return;
    vgroup *v = &s->vg[g];
    subject_of(s, g);
    int after = f->head;
    for (int k = 0; k < f->nextra; k++)
        if (f->extra[k] > after)
            after = f->extra[k];
    int oa = -1, ob = -1;
    if (f->gap0 >= 0) {
        /* "put X into orbit": the gap is the object; "pay a reciprocal visit": it is not */
        int lt = tag(s, f->gap1);
        if ((lt == T_PREP || lt == T_TO || lt == T_ADV) && f->gap1 > f->gap0) {
            oa = f->gap0;
            ob = f->gap1;
        }
    } else if (!v->passive && f->nextra == 0) {
        object_np(s, g, &oa, &ob);
    } else if (!v->passive && f->nextra == 1 && f->extra[0] == f->head + 1 && tag(s, f->head + 1) == T_ADV) {
        object_np_at(s, g, f->head + 2, &oa, &ob);   /* "shot down 20 drones" */
    }
    int pstart = ob > after ? ob : after + 1;
    if (f->nextra) {
        /* "head to North Korea": the pattern's last word heads a phrase */
        int last = f->extra[f->nextra - 1];
        pstart = (tag(s, last) == T_PREP || tag(s, last) == T_TO) ? last : last + 1;
    }
    pp p[MAXPP];
    int np = phrases_after(s, pstart, p, MAXPP);
    int obj_men = oa >= 0 ? np_actor(s, oa, ob, s->n) : -1;
    int obj_any = oa >= 0 ? first_men(s, oa, ob, NULL) : -1;
    int subj_men = v->subj_men[0];
    a->subj = v->subj0 >= 0 && v->subj1 > v->subj0 && tag(s, v->subj0) != T_REL;
    for (int k = v->subj0; a->subj && k < v->subj1; k++) {
        /* a mention, or a capitalised word that is not only the sentence's first */
        const dl_token *t = T(s, k);
        a->named |= s->tok[k].men >= 0 ||
                    ((t->flags & DL_T_CAP) && (!(t->flags & DL_T_SENT_START) ||
                                               (k + 1 < v->subj1 && (T(s, k + 1)->flags & DL_T_CAP))));
    }
    if (v->passive) {
        int by = pp_actor(s, p, np, "by");
        a->src = by;
        /* the subject is what the event was done to */
        if (subj_men >= 0)
            a->tgt = subj_men;
        else if (v->subj0 >= 0) {
            a->obj0 = v->subj0;
            a->obj1 = v->subj1;
        }
    } else {
        for (int k = 0; k < f->e->nsrc && a->src < 0; k++)
            if (f->e->src[k].kind == SL_SUBJ)
                a->src = subj_men;
        if (f->e->nsrc == 0)
            a->src = subj_men;
        if (f->e->frame & FR_RECIP) {
            a->src2 = v->subj_men[1];
            /* "the two men met": one mention, two actors */
            if (a->src2 < 0 && subj_men >= 0 && (size_t)subj_men < s->d->nmen && s->d->men[subj_men].actor2 >= 0) {
                a->src2 = subj_men;
                a->second = 1;
            }
        }
    }
    for (int k = 0; k < f->e->ntgt && a->tgt < 0; k++) {
        const slot *sl = &f->e->tgt[k];
        if (sl->kind == SL_OBJ && !v->passive)
            a->tgt = obj_men >= 0 ? obj_men : obj_any;
        else if (sl->kind == SL_PREP)
            a->tgt = pp_actor(s, p, np, sl->prep);
    }
    if (a->obj0 < 0 && oa >= 0 && obj_men < 0) {
        a->obj0 = oa;
        a->obj1 = ob;
    } else if (a->obj0 < 0 && obj_men >= 0) {
        /* "supplying Moscow with missiles": the thing is in the with-phrase */
        int w = pp_index(s, p, np, "with");
        if (w >= 0 && first_men(s, p[w].np0, p[w].np1, NULL) < 0) {
            a->obj0 = p[w].np0;
            a->obj1 = p[w].np1;
        }
    }
    /* "the jetliner crashed": what the event happened to is the subject, when the event
     * has no other party (who "talked to reporters" or "fired on a post" acted) */
    if (a->obj0 < 0 && a->src < 0 && !v->passive && f->e->ntgt == 0 && !(f->e->frame & FR_SAY) &&
        v->subj0 >= 0 && v->subj1 > v->subj0 && tag(s, v->subj0) != T_REL && tag(s, v->subj0) != T_PRON) {
        a->obj0 = v->subj0;
        a->obj1 = v->subj1;
    }
    if (a->src >= 0 && a->tgt == a->src)
        a->tgt = -1;
}

static void noun_args(sa *s, const found *f, args *a)
{
    int h = f->head;
    a->vg = host_vg(s, h);
    pp p[MAXPP];
    int np = phrases_after(s, h + 1, p, MAXPP);
    int b = np_begin(s, h, 0);
    /* possessor: "Kim's visit", "the Russian leader's trip", "his trip" */
    int poss = -1, pre = -1;
    for (int k = h - 1; k >= b; k--) {
        if (s->tok[k].tag == T_POSS) {
            int m = men_at(s, k - 1);
            if (m >= 0)
                poss = m;
            break;
        }
        if (s->tok[k].tag == T_DET) {
            if (s->tok[k].men >= 0 && (s->tok[k].cls & CU_POSS))
                poss = s->tok[k].men;   /* "his trip" */
            break;
        }
        /* "the Russian attack", "UN sanctions"; a place is where, not who ("the Atlanta
         * attacks") */
        if (s->tok[k].men >= 0 && pre < 0 && s->d->men[s->tok[k].men].kind != DL_M_SEAT)
            pre = s->tok[k].men;
    }
    const trig *e = f->e;
    /* "Kenya will host talks with Somalia", "gave his annual keynote": the doer of a
     * light verb does the noun in its object */
    int light = -1, light2 = -1;   /* (light2: a second actor of its subject) */
    if (a->vg >= 0 && s->vg[a->vg].main < h) {
        const cue *lq = lemma_cue(s, s->vg[a->vg].main);
        int oa, ob;
        if (lq && (lq->cls & CU_LIGHT) && object_np(s, a->vg, &oa, &ob) == 0 && h >= oa && h < ob) {
            subject_of(s, a->vg);
            light = s->vg[a->vg].subj_men[0];
            light2 = s->vg[a->vg].subj_men[1];
            a->light_vg = a->vg;
        }
    }
    static const slot def_src[3] = {{SL_POSS, ""}, {SL_PRE, ""}, {SL_BY, ""}};
    const slot *src = e->nsrc ? e->src : def_src;
    int nsrc = e->nsrc ? e->nsrc : 3;
    for (int k = 0; k < nsrc && a->src < 0; k++) {
        switch (src[k].kind) {
        case SL_POSS: a->src = poss; break;
        case SL_PRE: a->src = pre; break;
        case SL_BY: a->src = pp_actor(s, p, np, "by"); break;
        case SL_HOST:
            if (a->vg >= 0) {
                subject_of(s, a->vg);
                a->src = s->vg[a->vg].subj_men[0];
            }
            break;
        case SL_SUBJ: break;
        default: a->src = pp_actor(s, p, np, src[k].prep); break;
        }
    }
    if (a->src < 0 && poss < 0)
        a->src = light;
    for (int k = 0; k < e->ntgt && a->tgt < 0; k++) {
        const slot *sl = &e->tgt[k];
        if (sl->kind == SL_HOST) {
            /* "came to power with Moscow's support": for the subject */
            if (a->vg >= 0 && b > 0 && is_w(s, b - 1, "with")) {
                subject_of(s, a->vg);
                a->tgt = s->vg[a->vg].subj_men[0];
            }
        } else if (sl->kind == SL_PREP) {
            a->tgt = pp_actor(s, p, np, sl->prep);
        }
    }
    /* "Sudan and the RSF resumed talks": the light verb's two subjects are the parties */
    if (a->tgt < 0 && (e->frame & FR_RECIP) && a->src >= 0 && a->src == light && light2 >= 0)
        a->tgt = light2;
    if (a->tgt == a->src)
        a->tgt = -1;
    int of = pp_index(s, p, np, "of");
    if (of >= 0 && p[of].prep == h + 1 && first_men(s, p[of].np0, p[of].np1, NULL) < 0) {
        a->obj0 = p[of].np0;
        a->obj1 = p[of].np1;
    }
    /* recip nouns between two actors: "talks between Russia and Ukraine" */
    int bt = (e->frame & FR_RECIP) && a->src < 0 ? pp_index(s, p, np, "between") : -1;
    if (bt >= 0) {
        int at = -1, m1 = first_men(s, p[bt].np0, p[bt].np1, &at);
        int m2 = -1;   /* the actor after "and" */
        for (int k = at + 1; m1 >= 0 && k < s->n && k <= p[bt].np1 + 1 && m2 < 0; k++)
            if (s->tok[k].men >= 0 && s->tok[k].men != m1)
                m2 = s->tok[k].men;
            else if (s->tok[k].men < 0 && tag(s, k) != T_CONJ && k >= p[bt].np1)
                break;
        if (m2 >= 0 && m1 == a->tgt && s->d->men[m2].actor != s->d->men[m1].actor) {
            a->src = m1;
            a->tgt = m2;
        }
    }
    a->clause = s->tok[h].clause;
}

/* ---------------------------------------------------------------- modality */

/* The modality of a verb group, with what the words before an infinitive add. */
/* The word before the "to" of infinitive group g that gives it a modality ("expected to",
 * "plans to"), or NULL. */
static const cue *to_cue(const sa *s, int g)
{
    int k = s->vg[g].start - 2;
    while (k >= 0 && tag(s, k) == T_ADV)
        k--;
    if (k < 0)
        return NULL;
    const cue *q = s->tok[k].q;
    if (!q || !(q->cls & CU_TOCUE))
        q = lemma_cue(s, k);
    return q && (q->cls & CU_TOCUE) ? q : NULL;
}

static int vg_modality(const sa *s, int g)
{
    const vgroup *v = &s->vg[g];
    if (v->neg)
        return DL_MOD_NEGATED;
    if (v->modal == V_HYP)
        return DL_MOD_HYPOTHETICAL;
    if (v->modal == V_FUTURE || v->modal == V_COND)
        return DL_MOD_PLANNED;
    if (v->inf) {
        /* "is unlikely to acknowledge", "plans to visit", "refused to sign" */
        const cue *q = to_cue(s, g);
        if (q && q->tocue == V_HYP)
            return DL_MOD_HYPOTHETICAL;
        if (q && q->tocue == V_NEG)
            return DL_MOD_NEGATED;
        int h = governing_vg(s, v->start);
        if (h >= 0 && h != g) {
            int m = vg_modality(s, h);
            if (m == DL_MOD_NEGATED || m == DL_MOD_HYPOTHETICAL)
                return m;
        }
        return DL_MOD_PLANNED;
    }
    if (v->ing || s->tok[v->main].gerund) {
        /* "warned Washington against supporting": not done, only feared; "left without
         * signing", "instead of signing": not done */
        int k = v->start - 1;
        if (k >= 0 && is_w(s, k, "against"))
            return DL_MOD_HYPOTHETICAL;
        if (k >= 0 && (is_w(s, k, "without") || (k >= 1 && is_w(s, k, "of") && is_w(s, k - 1, "instead"))))
            return DL_MOD_NEGATED;
        int h = governing_vg(s, v->start);
        if (h >= 0 && h != g)
            return vg_modality(s, h);
    }
    return DL_MOD_ASSERTED;
}

/* Is token i in a clause of condition ("if he won the election", "unless Russia
 * withdraws", "whether Ukraine should win")? What it tells may not happen. */
static int conditional(const sa *s, int i)
{
    for (int c = s->tok[i].clause, k = 0; c > 0 && k < DL_EV_MAXTOK; c = s->cl[c].parent, k++)
        if (s->cl[c].kind == CL_SUB) {
            int t = s->cl[c].start;
            if (!is_w(s, t, "if") && !is_w(s, t, "unless") && !is_w(s, t, "whether"))
                continue;
            /* the condition ends at a comma ("... if it is attacked, the most significant
             * agreement ...": an apposition of the sentence's own) */
            int comma = 0;
            for (int k = t + 1; k < i && !comma; k++)
                comma = tag(s, k) == T_COMMA;
            return !comma;
        }
    return 0;
}

/* Is token i inside a clause an earlier reporting verb governs, or after "according to"? */
static int reported(const sa *s, int i)
{
    for (int c = s->tok[i].clause; c > 0; c = s->cl[c].parent) {
        if (s->cl[c].kind != CL_COMP)
            continue;
        int p = s->cl[c].parent < 0 ? 0 : s->cl[c].parent;
        for (int g = s->nvg - 1; g >= 0; g--)
            if (s->vg[g].clause == p && s->vg[g].main < s->cl[c].start && is_report_vg(s, g))
                return 1;
    }
    return s->according;
}

/* Is token i in what a denial governs ("has denied any transfers that violate ...")? */
static int denied(const sa *s, int i, const int *deny_vg, int ndeny)
{
    for (int k = 0; k < ndeny; k++) {
        const vgroup *v = &s->vg[deny_vg[k]];
        if (i > v->main && clause_within(s, s->tok[i].clause, v->clause))
            return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- anchoring phrases */

/* Finds "two months after Kim's visit", "before the trip", "since the two leaders met". */
static void find_anchors(sa *s)
{
    s->nan = 0;
    /* at the words that may anchor (tag_sentence lists them) */
    for (int z = 0; z < s->nanc && s->nan < MAXANCHOR; z++) {
        int i = s->anc[z];
        const tk *k = &s->tok[i];
        const cue *q = k->q;
        int width = 1;
        if (i + 1 < s->n && q && (q->cls & CU_FIRST)) {
            /* two-word cues: "ahead of", "prior to" */
            char two[64];
            int l = snprintf(two, sizeof two, "%s %s", LW(s, i), LW(s, i + 1));
            const cue *q2 = l > 0 && (size_t)l < sizeof two ? cue_of(s->x, two, (size_t)l) : NULL;
            if (q2 && (q2->cls & CU_TPREP)) {
                q = q2;
                width = 2;
            }
        }
        if (!q || !(q->cls & CU_TPREP) || (k->tag != T_PREP && k->tag != T_SUB && width == 1))
            continue;
        anchor *an = &s->an[s->nan];
        an->rel = q->tprep == V_BEFORE ? DL_REL_BEFORE : q->tprep == V_AFTER ? DL_REL_AFTER
                  : q->tprep == V_SINCE ? DL_REL_SINCE : DL_REL_SAME;
        an->dur = -1;
        an->start = i;
        an->ref_tok = -1;
        /* "Two months after": a duration right before */
        int j = i - 1;
        if (j >= 0 && s->tok[j].tx >= 0 && s->d->tx[s->tok[j].tx].pub.type[0] == 'D' &&
            !strcmp(s->d->tx[s->tok[j].tx].pub.type, "DURATION")) {
            an->dur = s->tok[j].tx;
            while (j > 0 && s->tok[j - 1].tx == an->dur)
                j--;
            an->start = j;
        }
        int end;
        an->sub = k->tag == T_SUB;
        if (k->tag == T_SUB) {
            int c = s->tok[i].clause;
            end = i + 1;
            while (end < s->n && clause_within(s, s->tok[end].clause, c))
                end++;
            an->clause = s->cl[c].parent < 0 ? 0 : s->cl[c].parent;
            for (int g = 0; g < s->nvg; g++)
                if (s->vg[g].clause == c && s->vg[g].main > i) {
                    an->ref_tok = s->vg[g].main;
                    break;
                }
        } else {
            int a = i + width;
            int b = np_end(s, a, s->n);
            if (b <= a)
                continue;
            end = of_chain(s, b, s->n);
            /* the phrases of the named event: "Kim's visit to Russia last year",
             * "Biden's visit in September" */
            pp p[MAXPP];
            int np = phrases_after(s, end, p, 3);
            static const char *const held[] = {"to", "with", "on", "of", "in", "at", "from", "between", "by"};
            for (int z = 0; z < np; z++) {
                int ok = 0;
                if (p[z].prep != end)
                    break;
                for (size_t h = 0; h < DL_COUNT(held); h++)
                    ok |= is_w(s, p[z].prep, held[h]);
                if (!ok)
                    break;
                end = p[z].np1;
                while (end < s->n && s->tok[end].tag == T_TIME)
                    end++;
            }
            while (end < s->n && s->tok[end].tag == T_TIME)
                end++;
            if (end + 1 < s->n && s->tok[end].tag == T_PREP && s->tok[end + 1].tag == T_TIME) {
                end++;   /* "in September" */
                while (end < s->n && s->tok[end].tag == T_TIME)
                    end++;
            }
            an->clause = s->tok[i].clause;
            /* the head noun of the phrase */
            for (int z = b - 1; z >= a; z--)
                if (s->tok[z].tag == T_NOUN) {
                    an->ref_tok = z;
                    break;
                }
        }
        if (an->ref_tok < 0 || !s->is_trig[an->ref_tok])
            continue;   /* no event named: "at a briefing" */
        an->end = end;
        s->nan++;
    }
}

static int in_anchor(const sa *s, int i, int *which)
{
    for (int k = 0; k < s->nan; k++)
        if (i >= s->an[k].start && i < s->an[k].end) {
            if (which)
                *which = k;
            return 1;
        }
    return 0;
}

/* The date nearest token i in clause c, among DATE and TIME expressions outside the
 * anchoring phrases that do not hold i. A date in a possessive ("the previous year's
 * amount") dates only the noun after it. */
static int date_in_clause(const sa *s, int i, int c, int exact)
{
    int best = -1, bestd = 1 << 30;
    int own = -1;
    in_anchor(s, i, &own);
    /* a verb's dates stop where the next verb of its clause starts: "fought cancer in
     * 2004 and took six months off in 2009", "violates an agreement reached in 1991" */
    int stop = s->n, stop_all = s->n, from = -1;
    int g = s->tok[i].vg;
    if (g >= 0) {
        /* a verb's own dates stop where the next verb of its clause starts ("fought cancer
         * in 2004 and took six months off in 2009"); an infinitive or a gerund goes with
         * its verb ("accused X of firing ... in 2019") */
        for (int h = g + 1; h < s->nvg; h++) {
            const vgroup *u = &s->vg[h];
            if (u->clause != s->vg[g].clause || u->start <= i || u->inf || s->tok[u->main].gerund)
                continue;
            if (stop == s->n)
                stop = u->start;
            /* a participle after a noun has its own dates even for the clause around:
             * "violates an agreement reached in 1991" */
            if (u->start == u->main && T(s, u->main)->vform == DL_VF_PAST && tag(s, u->main - 1) == T_NOUN &&
                (tag(s, u->main + 1) == T_PREP || tag(s, u->main + 1) == T_TIME || tag(s, u->main + 1) == T_ADV)) {
                stop_all = u->start;
                break;
            }
        }
        /* a verb after another one of its clause does not take that one's own dates;
         * those before the clause's first verb ("In March, Russia vetoed") are for all */
        for (int h = 0; h < g; h++)
            if (s->vg[h].clause == s->vg[g].clause && !s->vg[h].inf && !s->tok[s->vg[h].main].gerund) {
                from = s->vg[h].start;
                break;
            }
    }
    /* what a verb in the past tells had happened by the time of writing: a date wholly
     * after it is some other word's ("called on his supporters to stage a strike next
     * week": the strike's) */
    long dct = -1;
    if (g >= 0 && s->vg[g].tense == DL_TENSE_PAST && !s->vg[g].modal && s->d->has_dct)
        dct = dl_cal_to_days(s->d->dct.year, s->d->dct.month, s->d->dct.day);
    for (int z = 0; z < s->ntxk; z++) {
        int k = s->txk[z], x = s->tok[k].tx;
        const dl_timex_int *t = &s->d->tx[x];
        const char *ty = t->pub.type;
        if ((!(ty[0] == 'D' && !strcmp(ty, "DATE")) && !(ty[0] == 'T' && !strcmp(ty, "TIME"))) || t->docdate)
            continue;   /* (the date line dates the story, not the sentence after it) */
        int tg;
        long d0, d1;
        if (dct >= 0 && !dl_cal_parse_value(t->pub.value, &tg, &d0)) {
            dl_cal_period(tg, d0, &d0, &d1);
            if (d0 > dct)
                continue;
        }
        int tc = s->tok[k].clause;
        if (exact ? tc != c : !clause_within(s, c, tc))
            continue;
        if (tc == c && (k >= stop_all ||
                        (exact && (k >= stop || (from >= 0 && k >= from && k < s->vg[g].start)))))
            continue;
        int w;
        if (in_anchor(s, k, &w) && w != own)
            continue;   /* it dates the event that phrase names */
        if (own >= 0 && !(k >= s->an[own].start && k < s->an[own].end) &&
            (exact || !s->an[own].sub || s->an[own].dur >= 0))
            continue;   /* "before the trip, on Monday": Monday is not the trip's; "on Sunday,
                         * two weeks after police raided": nor the raid's, which lies two
                         * weeks before (anchor.c) */
        int e = k;
        while (e + 1 < s->n && s->tok[e + 1].tx == x)
            e++;
        if (tag(s, e + 1) == T_POSS && !(i > e && i <= e + 4))
            continue;
        /* "withdrew from the 2015 nuclear deal in 2018": a date between a determiner and
         * its noun dates that noun phrase's event before any other date, and others only
         * when they have no other ("seized power in a 2009 coup") */
        int premod = k > 0 && tag(s, k - 1) == T_DET && (tag(s, e + 1) == T_NOUN || tag(s, e + 1) == T_ADJ);
        int in_np = i > e && i <= e + 4 && tag(s, i) == T_NOUN;
        for (int z2 = e + 1; in_np && z2 < i; z2++)
            in_np = tag(s, z2) == T_NOUN || tag(s, z2) == T_ADJ;
        int dist = premod && in_np ? 0 : k > i ? 2 * (k - i) - 1 : 2 * (i - e);   /* a tie goes to the date after */
        if (premod && !in_np)
            dist += 500;
        const char *v = t->pub.value;
        if ((v[0] == 'P' && (!strcmp(v, "PRESENT_REF") || !strcmp(v, "PAST_REF"))) ||
            (v[0] == 'F' && !strcmp(v, "FUTURE_REF")))
            dist += 1000;   /* "will now receive the aircraft next month": next month */
        if (dist < bestd) {
            bestd = dist;
            best = x;
        }
    }
    return best;
}

/* The actor coordinated after mention m ("thanked Mali and Qatar", "met Scholz, Meloni
 * and Sanchez"): the mention after "and", or after a comma when "and" and another follow
 * it; not the subject of a clause of its own ("met Putin, and Xi said"). -1 when none. */
static int next_conjunct(const sa *s, int m, int depth)
{
    const dl_mention *mm = &s->d->men[m];
    int e = (int)(mm->tok0 + mm->ntok) - (int)s->t0, k = e;
    int comma = tag(s, k) == T_COMMA;
    k += comma;
    int conj = tag(s, k) == T_CONJ && !is_w(s, k, "but");
    k += conj;
    if (!comma && !conj)
        return -1;
    if (tag(s, k) == T_DET)
        k++;
    int m2 = k < s->n ? s->tok[k].men : -1;
    if (m2 < 0 || m2 == m || (int)s->d->men[m2].tok0 != (int)s->t0 + k)
        return -1;
    int e2 = (int)(s->d->men[m2].tok0 + s->d->men[m2].ntok) - (int)s->t0;
    if (tag(s, e2) == T_VERB || tag(s, e2) == T_AUX || (comma && conj && tag(s, e2) == T_ADV))
        return -1;
    if (!conj && (depth > 0 || next_conjunct(s, m2, depth + 1) < 0))
        return -1;   /* "Mali, the neighbour": a comma alone joins only inside a list */
    return m2;
}

/* ---------------------------------------------------------------- building events */

static char *text_of(sa *s, int a, int b)
{
    if (a < 0 || b <= a)
        return "";
    const dl_token *x = T(s, a), *y = T(s, b - 1);
    return dl_arena_strndup(s->d->arena, s->d->text + x->b, y->b + y->blen - x->b);
}

/* The object's core: without determiners, possessives, numbers and ordinals ("its first
 * military reconnaissance satellite" -> "military reconnaissance satellite"). */
static char *core_of(sa *s, int a, int b)
{
    if (a < 0 || b <= a)
        return "";
    /* only the first noun phrase, not its of-phrases */
    int e = np_end(s, a, b);
    if (e <= a)
        e = b;
    int k = a;
    for (; k < e; k++) {
        int t = s->tok[k].tag;
        if (t == T_DET || t == T_NUM || t == T_POSS || t == T_QUOTE || t == T_ADV ||
            is_w(s, k, "first") || is_w(s, k, "second") || is_w(s, k, "third") || is_w(s, k, "last") ||
            is_w(s, k, "new") || is_w(s, k, "latest"))
            continue;
        if (k + 1 < e && tag(s, k + 1) == T_POSS)
            continue;
        /* "more than 9,000 people", "about 400 officers": an approximation of a count */
        if (k + 1 < b && (is_w(s, k, "more") || is_w(s, k, "less") || is_w(s, k, "fewer")) && is_w(s, k + 1, "than")) {
            k++;
            continue;
        }
        if (k + 1 < b && tag(s, k) == T_PREP && tag(s, k + 1) == T_NUM)
            continue;
        break;
    }
    if (k == e && e + 1 < s->n && (is_w(s, e, "in") || is_w(s, e, "of")) && np_start_tag(tag(s, e + 1))) {
        /* "$113 billion in aid", "millions of shells": a quantity of the thing */
        int f = np_end(s, e + 1, s->n);
        if (f > e + 1)
            return core_of(s, e + 1, f);
    }
    if (k == e && a > 0 && currency(s, a - 1))
        return text_of(s, a - 1, e);   /* "$50 billion" */
    while (e > k && tag(s, e - 1) == T_QUOTE)
        e--;
    return text_of(s, k, e);
}

static char *trigger_text(sa *s, const found *f)
{
    if (!f->nextra)
        return text_of(s, f->head, f->head + 1);
    dl_buf b;
    dl_buf_init(&b);
    const dl_token *t = T(s, f->head);
    dl_buf_append(&b, s->d->text + t->b, t->blen);
    for (int k = 0; k < f->nextra; k++) {
        t = T(s, f->extra[k]);
        dl_buf_putc(&b, ' ');
        dl_buf_append(&b, s->d->text + t->b, t->blen);
    }
    char *r = b.oom ? NULL : dl_arena_strdup(s->d->arena, b.p);
    dl_buf_free(&b);
    return r;
}

/* Does a statement (say, tell) report another event in the clause it governs? */
static int reports_event(const sa *s, int head)
{
    int g = s->tok[head].vg;
    if (g < 0)
        return 0;
    int c = s->vg[g].clause;
    for (int z = 0; z < s->ntrig; z++) {
        int i = s->trig_tok[z];
        if (i <= head || s->tok[i].clause == c)
            continue;
        for (int k = s->tok[i].clause; k > 0 && k != c; k = s->cl[k].parent)
            if (s->cl[k].kind == CL_COMP && s->cl[k].parent == c)
                return 1;
    }
    return 0;
}

/* "for the first time in 24 years" right after the trigger's verb: that duration. */
static int first_time(const sa *s, int head)
{
    int c = s->tok[head].clause;
    int g = s->tok[head].vg;
    for (int k = head + 1; k + 3 < s->n; k++) {
        if (s->tok[k].vg >= 0 && s->tok[k].vg != g)
            return -1;   /* another verb comes first */
        if (is_w(s, k, "first") && is_w(s, k + 1, "time") && (is_w(s, k + 2, "in") || is_w(s, k + 2, "since")) &&
            s->tok[k + 3].tx >= 0 && s->tok[k].clause == c) {
            const dl_timex_int *x = &s->d->tx[s->tok[k + 3].tx];
            if ((!strcmp(x->pub.type, "DURATION") && is_w(s, k + 2, "in")) ||
                (!strcmp(x->pub.type, "DATE") && is_w(s, k + 2, "since")))
                return s->tok[k + 3].tx;
            return -1;
        }
    }
    return -1;
}

static dl_status add_event(sa *s, const found *f, const args *a, int modality, int tense)
{
    dl_doc *d = s->d;
    if (d->nev >= d->cap_ev && DL_GROW(d->ev, d->cap_ev, d->nev + 1))
        return DL_ENOMEM;
    dl_event_int *ev = &d->ev[d->nev];
    memset(ev, 0, sizeof *ev);
    const trig *e = f->e;
    const dl_token *t = T(s, f->head);
    ev->source = ev->target = -1;
    ev->source_men = a->src;
    ev->target_men = a->tgt;
    if (a->src < 0 && a->src2 >= 0 && !a->second)
        ev->source_men = a->src2;
    else if (a->src2 >= 0 && a->tgt < 0 && (a->src2 != a->src || a->second)) {
        ev->target_men = a->src2;
        ev->target_second = (uint8_t)a->second;
    }
    ev->trig0 = s->t0 + (uint32_t)f->head;
    ev->ntrig = 1;
    ev->timex = -1;
    ev->order = (int)d->nev;
    ev->noun = e->noun;
    ev->tense = (uint8_t)tense;
    ev->modality = (uint8_t)modality;
    ev->definite = e->noun && a->src < 0 && a->tgt < 0;
    ev->named_doer = a->src >= 0 || a->named;
    ev->needs_target = (e->frame & FR_TARGET) != 0;
    ev->abroad = (e->frame & FR_ABROAD) != 0;
    ev->reports = (e->frame & FR_SAY) && reports_event(s, f->head);
    ev->says = (e->frame & FR_SAY) != 0;
    ev->ref_ev = ev->ref_dur = ev->prev_tx = ev->inner_of = -1;
    ev->ref_text = "";
    /* dates around the trigger */
    int c = s->tok[f->head].clause;
    {
        const clause *cl = &s->cl[c];
        const cue *q = cl->kind == CL_SUB ? s->tok[cl->start].q : NULL;
        ev->background = cl->kind == CL_REL ||
                         (q && (q->cls & CU_SUB) && (q->sub == V_AFTER || q->sub == V_SINCE));
    }
    ev->clause_tx = date_in_clause(s, f->head, c, 1);
    ev->outer_tx = ev->clause_tx >= 0 ? -1 : date_in_clause(s, f->head, c, 0);
    int g = s->tok[f->head].vg;
    int pb = g >= 0 ? prev_content(s, s->vg[g].start) : -1;
    if (g >= 0 && s->tok[f->head].gerund && pb >= 0 && s->tok[pb].q && (s->tok[pb].q->cls & CU_TPREP) &&
        (s->tok[pb].q->tprep == V_AFTER || s->tok[pb].q->tprep == V_BEFORE)) {
        /* "will travel ... after vowing to": vowing came before the travel */
        int h = governing_vg(s, s->vg[g].start);
        ev->clause_tx = ev->outer_tx = -1;
        if (h >= 0 && s->is_trig[s->vg[h].main]) {
            ev->ref_ev = s->vg[h].main;
            ev->ref_mod = s->tok[pb].q->tprep == V_AFTER ? DL_REL_BEFORE : DL_REL_AFTER;
            ev->ref_text = text_of(s, pb, f->head + 1);
        }
    } else {
        /* the nearest anchoring phrase in this clause or a clause around it; one in the
         * trigger's own clause comes before a date in a clause around it */
        int bestd = 1 << 30;
        for (int k = 0; k < s->nan; k++) {
            const anchor *an = &s->an[k];
            if (f->head >= an->start && f->head < an->end)
                continue;
            if (!clause_within(s, c, an->clause))
                continue;
            int dist = an->start > f->head ? an->start - f->head : f->head - an->end;
            if (dist < bestd) {
                bestd = dist;
                ev->ref_ev = an->ref_tok;   /* a token for now; made an event index below */
                ev->ref_text = text_of(s, an->start, an->end);
                ev->ref_dur = an->dur;
                ev->ref_mod = an->rel;
                if (an->clause == c && ev->clause_tx < 0)
                    ev->outer_tx = -1;
            }
        }
    }
    if (!e->noun)
        ev->prev_tx = first_time(s, f->head);
    if (!s->have_actors) {     /* the same for every event of the sentence */
        for (int k = 0; k < 4; k++)
            s->sent_actor[k] = -1;
        int na = 0;
        /* the sentence's mentions in order: those from the one at its first token */
        size_t m0 = s->men_first;
        for (size_t mz = m0; mz < d->nmen && d->men[mz].tok0 < s->t0 + (uint32_t)s->n && na < 4; mz++) {
            int m = (int)mz;
            if (d->men[mz].tok0 + d->men[mz].ntok <= s->t0 || !d->men[mz].ntok)
                continue;   /* (as the tokens would see them) */
            for (int two = 0; two < 2 && na < 4; two++) {
                int actor = two ? d->men[m].actor2 : d->men[m].actor;
                int dup = actor < 0;
                for (int z = 0; z < na; z++)
                    dup |= s->sent_actor[z] == actor;
                if (!dup)
                    s->sent_actor[na++] = actor;
            }
        }
        s->have_actors = 1;
    }
    memcpy(ev->sent_actor, s->sent_actor, sizeof ev->sent_actor);
    dl_event *p = &ev->pub;
    p->id = p->date = p->date_mod = p->start = p->end = p->precision = p->date_text = p->date_anchor = "";
    p->relation = e->relation;
    p->cameo = e->cameo;
    p->quad_class = e->quad;
    p->goldstein = e->goldstein;
    p->object = text_of(s, a->obj0, a->obj1);
    ev->thing = core_of(s, a->obj0, a->obj1);
    p->modality = dl_modality_name(modality);
    p->trigger = trigger_text(s, f);
    p->sentence = s->sent;
    p->char_start = t->cp;
    p->char_end = t->cp + t->cplen;
    /* "take delivery", "opened fire": the words of a pattern that follow the trigger
     * with no gap are the trigger too (not "put ... into orbit": the object between) */
    for (int k = 0, next = f->head + 1; k < f->nextra && f->extra[k] == next && next < s->n; k++, next++) {
        const dl_token *x = T(s, next);
        p->char_end = x->cp + x->cplen;
    }
    if (!p->object || !ev->thing || !p->trigger || !ev->ref_text)
        return DL_ENOMEM;
    d->nev++;
    return DL_OK;
}

static dl_status analyse_sentence(sa *s)
{
    tag_sentence(s);
    find_verb_groups(s);
    find_clauses(s);
    /* only verbs, nouns and participles trigger: the rest is no trigger without a look */
    int *trig_tok = s->trig_tok, ntrig = 0;
    memset(s->is_trig, 0, (size_t)s->n);
    for (int z = 0; z < s->ncand; z++) {
        int i = s->cand[z], g = s->tok[i].tag;
        if ((g == T_VERB || g == T_NOUN || g == T_ADJ) && find_trigger(s, i, &s->trig[i])) {
            trig_tok[ntrig++] = i;
            s->is_trig[i] = 1;
        }
    }
    s->ntrig = ntrig;
    find_anchors(s);
    dl_doc *d = s->d;
    size_t first_ev = d->nev;
    int deny_vg[8], ndeny = 0;
    memset(s->obj_of, 0xff, (size_t)s->n * sizeof *s->obj_of);   /* -1 */
    for (int z = 0; z < ntrig; z++) {
        int i = trig_tok[z];
        const found *f = &s->trig[i];
        args a = {.src = -1, .tgt = -1, .src2 = -1, .obj0 = -1, .obj1 = -1, .vg = -1, .light_vg = -1};
        a.clause = s->tok[i].clause;
        int modality, tense;
        if (f->e->noun) {
            noun_args(s, f, &a);
            modality = a.vg >= 0 ? vg_modality(s, a.vg) : DL_MOD_ASSERTED;
            if (modality == DL_MOD_PLANNED && a.vg >= 0 && s->vg[a.vg].inf && !to_cue(s, a.vg))
                modality = DL_MOD_ASSERTED;   /* "to ensure North Korea's cooperation"; not
                                                 "are expected to resume talks" */
            tense = a.vg >= 0 ? s->vg[a.vg].tense : DL_TENSE_NONE;
        } else {
            if (s->tok[i].vg < 0)
                continue;   /* a participle used as an adjective with no verb group */
            verb_args(s, f, &a);
            /* "settled the lawsuit", "settled with Boeing"; not "prices settled at $76" */
            if ((f->e->frame & FR_TRANS) && !s->vg[a.vg].passive && a.obj0 < 0 && a.tgt < 0 && !f->nextra)
                continue;
            modality = vg_modality(s, a.vg);
            tense = s->vg[a.vg].tense;
            if (tense == DL_TENSE_NONE) {
                int h = governing_vg(s, s->vg[a.vg].start);
                if (h >= 0)
                    tense = s->vg[h].tense;
            }
            if ((f->e->frame & FR_DENY) && ndeny < 8 && modality == DL_MOD_ASSERTED)
                deny_vg[ndeny++] = a.vg;
        }
        if (denied(s, i, deny_vg, ndeny))
            modality = DL_MOD_NEGATED;
        else if (conditional(s, i))
            modality = DL_MOD_HYPOTHETICAL;
        else if (modality == DL_MOD_ASSERTED && reported(s, i))
            modality = DL_MOD_REPORTED;
        if (!f->e->noun) {
            for (int k = a.obj0; k >= 0 && k < a.obj1 && k < s->n; k++) {
                s->obj_of[k] = (int)d->nev;
                s->obj_tgt[k] = a.tgt;
            }
            /* the words of its pattern too: "suspended budget support" is no support */
            for (int k = 0; k < f->nextra; k++)
                if (f->extra[k] >= 0 && f->extra[k] < s->n) {
                    s->obj_of[f->extra[k]] = (int)d->nev;
                    s->obj_tgt[f->extra[k]] = a.tgt;
                }
        }
        if (add_event(s, f, &a, modality, tense))
            return DL_ENOMEM;
        /* "Egypt and Qatar mediated the talks", "Britain, France and Germany announced":
         * each actor of a coordinated subject does the event (a reciprocal one has them
         * as source and target instead, unless it names its other party: "Vucic and
         * Kurti met separately with Borrell") */
        if (!f->e->noun && a.vg >= 0 && (!(f->e->frame & FR_RECIP) || a.tgt >= 0) && !s->vg[a.vg].passive &&
            a.src >= 0 && a.src == s->vg[a.vg].subj_men[0])
            for (int q = 1; q < 3; q++) {
                int m = s->vg[a.vg].subj_men[q];
                if (m < 0 || m == a.tgt || d->men[m].actor == d->men[a.src].actor ||
                    (a.tgt >= 0 && d->men[m].actor == d->men[a.tgt].actor))
                    continue;
                args b = a;
                b.src = m;
                if (add_event(s, f, &b, modality, tense))
                    return DL_ENOMEM;
            }
        /* "thanked Mali and Qatar": each actor of a coordinated target has its row */
        if (!f->e->noun && a.tgt >= 0 && !a.second)
            for (int q = 0, m = a.tgt; q < 2 && (m = next_conjunct(s, m, 0)) >= 0; q++) {
                int act = d->men[m].actor;
                if (act < 0 || act == d->men[a.tgt].actor || (a.src >= 0 && act == d->men[a.src].actor))
                    continue;
                args b = a;
                b.tgt = m;
                if (add_event(s, f, &b, modality, tense))
                    return DL_ENOMEM;
            }
        /* "signed a treaty with France": the treaty is the signing's object, not an event */
        if (f->e->noun && s->obj_of[i] >= 0 && (a.tgt < 0 || a.tgt == s->obj_tgt[i] ||
                                                (s->obj_tgt[i] >= 0 && d->men[a.tgt].actor == d->men[s->obj_tgt[i]].actor)))
            d->ev[d->nev - 1].inner_of = s->obj_of[i];
        /* "launched a ground invasion", "carried out an attack": a light verb of no event
         * code of its own only says that the noun's event happened; the noun is the row */
        if (f->e->noun && f->e->cameo[0] && a.light_vg >= 0)
            for (size_t z = first_ev; z + 1 < d->nev; z++)
                if (d->ev[z].trig0 == s->t0 + (uint32_t)s->vg[a.light_vg].main && !d->ev[z].pub.cameo[0]) {
                    d->ev[z].light = 1;
                    d->ev[d->nev - 1].inner_of = -1;
                }
    }
    /* anchoring phrases named a token; make it the event there */
    for (size_t k = first_ev; k < d->nev; k++) {
        dl_event_int *ev = &d->ev[k];
        if (ev->ref_ev < 0)
            continue;
        uint32_t tok = s->t0 + (uint32_t)ev->ref_ev;
        ev->ref_ev = -1;
        for (size_t z = first_ev; z < d->nev; z++)
            if (d->ev[z].trig0 == tok && z != k)
                ev->ref_ev = (int)z;
        if (ev->ref_ev < 0)
            ev->ref_dur = -1;
    }
    return DL_OK;
}

dl_status dl_events_find(dl_doc *d, dl_error *err)
{
    d->nev = 0;
    if (!d->eng->events)
        return DL_OK;
    sa *s = malloc(sizeof *s);
    if (!s)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    memset(s, 0, offsetof(sa, tok));
    s->d = d;
    s->x = d->eng->events;
    s->report = s->report_memo;
    s->tx_cursor = 0;
    s->men_cursor = 0;
    /* room for the usual number of events (about one per 16 tokens), grown once */
    size_t guess = d->ntok / 16 + 16;
    if (DL_GROW(d->ev, d->cap_ev, guess < 4096 ? guess : 4096)) {
        free(s);
        return dl_fail(err, DL_ENOMEM, "out of memory");
    }
    dl_status st = DL_OK;
    for (size_t i = 0; i < d->nsent && !st; i++) {
        const dl_sent *se = &d->sent[i];
        if (se->pub.boilerplate || se->ntok == 0)
            continue;
        s->t0 = se->tok0;
        s->tt = d->tok + se->tok0;
        s->n = se->ntok > DL_EV_MAXTOK ? DL_EV_MAXTOK : (int)se->ntok;
        s->sent = (int)i;
        if (!read_words(s))
            continue;   /* (the cursors of tag_sentence catch up by themselves) */
        st = analyse_sentence(s);
    }
    free(s);
    if (st)
        return dl_fail(err, st, "out of memory");
    return DL_OK;
}
