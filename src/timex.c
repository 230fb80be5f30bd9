/*
 * timex.c - time expressions: finds every date, time, duration and set of a document
 * and writes its TimeML TIMEX3 type and value, normalised against the document creation
 * date (DCT) and the date the narrative last set.
 *
 * Knowledge lives in data/timex-*.tsv (calendar words, number words, units, the words
 * around expressions, holidays); this file holds the mechanism:
 *
 *   vocabulary   every word and phrase of the data files in one hash map; each token of
 *                a sentence is looked up once.
 *   recognition  one pass over the tokens of each sentence: where a token can start an
 *                expression (its word classes say so), a small recursive-descent grammar
 *                reads the longest expression there and describes its meaning (a `sem`).
 *                Tokens that cannot start one cost one table look-up.
 *   resolution   turns a sem into a value: explicit dates as written; a bare month or
 *                weekday by the tense of its clause; "last week", "nine months ago" from
 *                the DCT; "the previous year", "a week later" from the narrative date.
 *
 * With no DCT, what needs it keeps TimeML's underspecified values (XXXX-03, XXXX-WXX-2);
 * the system clock is never read.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---------------------------------------------------------------- vocabulary */

/* Word classes: bits of wentry.cls. */
#define W_MONTH     (1ull << 0)
#define W_WEEKDAY   (1ull << 1)
#define W_WEEKDAYS  (1ull << 2) /* plural weekday: a set */
#define W_SEASON    (1ull << 3)
#define W_SEASONS   (1ull << 4)
#define W_POD       (1ull << 5) /* part of the day */
#define W_CLOCK     (1ull << 6) /* noon, midnight */
#define W_AMPM      (1ull << 7)
#define W_ZONE      (1ull << 8)
#define W_CARD      (1ull << 9)
#define W_MULT      (1ull << 10)
#define W_ORD       (1ull << 11)
#define W_VAGUE     (1ull << 12)
#define W_UNIT      (1ull << 13) /* singular unit */
#define W_UNITS     (1ull << 14) /* plural unit */
#define W_ARTICLE   (1ull << 15)
#define W_DEICTIC   (1ull << 16)
#define W_REL       (1ull << 17)
#define W_ANCHOR    (1ull << 18)
#define W_REF       (1ull << 19)
#define W_REFNOUN   (1ull << 20)
#define W_REFADJ    (1ull << 21)
#define W_SET       (1ull << 22)
#define W_SETDET    (1ull << 23)
#define W_MOD       (1ull << 24)
#define W_POSTMOD   (1ull << 25)
#define W_FISCAL    (1ull << 26)
#define W_FUTURE    (1ull << 27)
#define W_DIRPREP   (1ull << 28)
#define W_NOTYEAR   (1ull << 29)
#define W_HOLIDAY   (1ull << 30)
#define W_PHRASE    (1ull << 31) /* first word of a phrase of several words */
#define W_YEARCUE   (1ull << 32) /* a word before a number that makes it a year */
#define W_PERSON    (1ull << 33) /* a noun for a person */
#define W_DET       (1ull << 34) /* a determiner: what follows is a noun */
#define W_CLAUSE    (1ull << 35) /* starts a clause, not a noun phrase */
#define W_RATE      (1ull << 36) /* a quantity before "a year": a rate */
#define W_COMPARE   (1ull << 37) /* leads to a comparison */
#define W_SPAN      (1ull << 38) /* "for the year": a length */
#define W_CLOCKCUE  (1ull << 39) /* "at 10:45": a clock time */
#define W_MEASURE   (1ull << 40) /* "dividend": an amount per period ("quarterly dividend") */
#define W_UNITADJ   (1ull << 41) /* "trading" in "eight trading days" */
#define W_END       (1ull << 42) /* "ended" in "the year ended March 31" */
#define W_DURWORD   (1ull << 43) /* "a while": a duration alone */
#define W_DECADE    (1ull << 44) /* "nineties": a decade after "the" */
#define W_AGE       (1ull << 45) /* "his" before "30s": an age, no decade */
#define W_MONEY     (1ull << 46) /* "$", "euros", "percent": an amount, not a count */
#define W_PRESS     (1ull << 47) /* "daily": also a noun for a newspaper */
#define W_PUTOFF    (1ull << 48) /* "postpone": "until" after it bounds a time ahead */
#define W_PASTBASE  (1ull << 49) /* "put": its past is its base form */
#define W_RANGETO   (1ull << 50) /* "to", "until": joins the two ends of a range */

/* Units of time. */
enum { U_NONE, U_S, U_MIN, U_H, U_D, U_WE, U_W, U_FN, U_M, U_SE, U_Q, U_Y, U_DE, U_CE, U_ML };
static const char *const unit_names[] = {"", "S", "MIN", "H", "D", "WE", "W", "FN", "M", "SE",
                                         "Q", "Y", "DE", "CE", "ML"};

/* TimeML mods. */
enum { MOD_NONE, MOD_APPROX, MOD_LESS_THAN, MOD_MORE_THAN, MOD_EQUAL_OR_LESS, MOD_EQUAL_OR_MORE,
       MOD_START, MOD_MID, MOD_END, MOD_BEFORE, MOD_AFTER };
static const char *const mod_names[] = {"", "APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS",
                                        "EQUAL_OR_MORE", "START", "MID", "END", "BEFORE", "AFTER"};

/* Reference values. */
enum { REF_NONE, REF_PRESENT, REF_PAST, REF_FUTURE };
static const char *const ref_names[] = {"", "PRESENT_REF", "PAST_REF", "FUTURE_REF"};

/* Parts of the day. */
enum { POD_NONE, POD_MO, POD_AF, POD_EV, POD_NI, POD_DT };
static const char *const pod_names[] = {"", "MO", "AF", "EV", "NI", "DT"};

/* Holiday rules. */
enum { HR_NONE, HR_FIXED, HR_NTH, HR_EASTER };

typedef struct wentry {
    uint64_t cls;
    int8_t month, wday, season, pod, unit, ampm;
    int8_t dshift, dpod;          /* deictic: day offset and part of the day */
    int8_t rel, rel_narr, rel_dur, rel_prev;
    int8_t anchor, anchor_narr;
    int8_t ref, refnoun, refadj;
    int8_t mod, postmod, every_other, future, dirprep, article_def, zulu;
    int8_t hrule, hmon, hday, hnth, hwday;
    int16_t hoff;
    int16_t clock_h, clock_m;
    int32_t card, mult, ord;
    uint8_t maxphrase;            /* longest phrase (in tokens) that starts with this word */
    char set[16];                 /* W_SET: the SET value; W_DURWORD, W_DECADE: the value */
} wentry;

/* A filter of strings' hashes (dl_hash): one bit per hash's top FILTER_BITS bits, 8 KB.
 * With a few hundred strings set, a string that is none of them is turned away with one
 * test nearly always (a set bit means "maybe"). */
#define FILTER_BITS 16
typedef uint64_t filter[(1u << FILTER_BITS) / 64];

static void filter_add(filter f, uint32_t h)
{
    uint32_t bit = h >> (32 - FILTER_BITS);
    f[bit / 64] |= 1ull << (bit % 64);
}

/* 0: no string of hash h was added. */
static int filter_may_hold(const filter f, uint32_t h)
{
    uint32_t bit = h >> (32 - FILTER_BITS);
    return (f[bit / 64] >> (bit % 64)) & 1;
}

/* The hash of two words (their dl_hash) for the filter of a phrase's first two. */
static uint32_t pair_hash(uint32_t a, uint32_t b)
{
    uint32_t h = (a * 0x9e3779b1u) ^ b;
    h ^= h >> 16;
    return h * 0x85ebca6bu;
}

/* The key of an entry: its dl_hash and where its text is in dl_timex_lex.kpool. */
typedef struct keyref {
    uint32_t hash, off, len;
} keyref;

/* The table of keys by hash (dl_timex_lex.table): slot (hash >> (32 - TABLE_BITS)) holds
 * 1 + the index of the only key that falls there, 0 when none does, or TABLE_SHARED when
 * several do (the map is asked then). With a few hundred keys in 16K slots, a word is
 * found, or turned away, with one compare nearly always. */
#define TABLE_BITS 14
#define TABLE_SHARED UINT16_MAX

struct dl_timex_lex {
    dl_map *map;                  /* word or phrase -> index in ent */
    wentry *ent;
    size_t nent, cap;
    keyref *key;                  /* the key of each entry */
    size_t cap_key;
    char *kpool;                  /* their texts */
    size_t kplen, kpcap;
    uint16_t table[1u << TABLE_BITS];
    filter starts;                /* the first words of phrases ("the day", "the day before"
                                     of "the day before yesterday"): a phrase is looked for
                                     no further than these go */
    filter pairs;                 /* the first two words of phrases (pair_hash): most
                                     words after a phrase's first word start none */
};

void dl_timex_free_lex(dl_timex_lex *x)
{
    if (!x)
        return;
    dl_map_free(x->map);
    free(x->ent);
    free(x->key);
    free(x->kpool);
    free(x);
}

/* Normalises a phrase of the data files to the form of joined token texts: words
 * separated by one space, "'s" and "'" split off as the tokeniser does ("new year's day"
 * -> "new year 's day"). Returns the number of words. */
static int phrase_key(const char *s, size_t n, char *out, size_t cap, size_t *outlen)
{
    size_t o = 0;
    int words = 0, in_word = 0;
    for (size_t i = 0; i < n && o + 2 < cap; i++) {
        char c = s[i];
        if (c == ' ') {
            in_word = 0;
            continue;
        }
        int split = c == '\'' && in_word &&
                    ((i + 1 < n && (s[i + 1] == 's' || s[i + 1] == 'S') && (i + 2 == n || s[i + 2] == ' ')) ||
                     i + 1 == n || s[i + 1] == ' ');
        if (!in_word || split) {
            if (o)
                out[o++] = ' ';
            words++;
            in_word = 1;
        }
        out[o++] = (char)tolower((unsigned char)c);
    }
    out[o] = 0;
    *outlen = o;
    return words;
}

/* The entry of a word or phrase, made when missing; NULL on allocation failure. */
static wentry *lex_entry(dl_timex_lex *x, const char *key, size_t n)
{
    uint32_t idx;
    if (dl_map_get(x->map, key, n, &idx))
        return &x->ent[idx];
    if (DL_GROW(x->ent, x->cap, x->nent + 1) || DL_GROW(x->key, x->cap_key, x->nent + 1) ||
        DL_GROW(x->kpool, x->kpcap, x->kplen + n + 1))
        return NULL;
    idx = (uint32_t)x->nent;
    memset(&x->ent[idx], 0, sizeof x->ent[idx]);
    if (dl_map_put(x->map, key, n, idx))
        return NULL;
    x->key[idx] = (keyref){dl_hash(key, n), (uint32_t)x->kplen, (uint32_t)n};
    memcpy(x->kpool + x->kplen, key, n);
    x->kplen += n;
    x->nent++;
    return &x->ent[idx];
}

static int lookup_name(const char *const *names, size_t n, const char *s, size_t len)
{
    for (size_t i = 1; i < n; i++)
        if (strlen(names[i]) == len && !memcmp(names[i], s, len))
            return (int)i;
    return 0;
}

static int parse_int(const char *s, size_t n, int *v)
{
    char buf[24];
    if (n == 0 || n >= sizeof buf)
        return -1;
    memcpy(buf, s, n);
    buf[n] = 0;
    char *end;
    long x = strtol(buf, &end, 10);
    if (*end || x < -100000 || x > 100000000)
        return -1;
    *v = (int)x;
    return 0;
}

/* Fills entry e from one (kind, value) pair of a data file. Returns 0, or -1 when the
 * kind or value is unknown. */
static int set_kind(wentry *e, const char *k, size_t kn, const char *v, size_t vn)
{
#define KIND(s) (kn == sizeof(s) - 1 && !memcmp(k, s, kn))
    int n = 0;
    if (KIND("month") || KIND("weekday") || KIND("weekdays")) {
        if (parse_int(v, vn, &n) || n < 1 || n > (KIND("month") ? 12 : 7))
            return -1;
        if (KIND("month")) {
            e->cls |= W_MONTH;
            e->month = (int8_t)n;
        } else {
            e->cls |= KIND("weekday") ? W_WEEKDAY : W_WEEKDAYS;
            e->wday = (int8_t)n;
        }
    } else if (KIND("season") || KIND("seasons")) {
        static const char *const codes[] = {"", "SP", "SU", "FA", "WI"};
        if (!(n = lookup_name(codes, 5, v, vn)))
            return -1;
        e->cls |= KIND("season") ? W_SEASON : W_SEASONS;
        e->season = (int8_t)n;
    } else if (KIND("partofday")) {
        if (!(n = lookup_name(pod_names, DL_COUNT(pod_names), v, vn)))
            return -1;
        e->cls |= W_POD;
        e->pod = (int8_t)n;
    } else if (KIND("clock")) {
        int h, m;
        if (vn != 5 || v[2] != ':' || parse_int(v, 2, &h) || parse_int(v + 3, 2, &m))
            return -1;
        e->cls |= W_CLOCK;
        e->clock_h = (int16_t)h;
        e->clock_m = (int16_t)m;
    } else if (KIND("ampm")) {
        e->cls |= W_AMPM;
        e->ampm = vn == 2 && !memcmp(v, "pm", 2) ? 2 : 1;
    } else if (KIND("zone")) {
        e->cls |= W_ZONE;
        e->zulu = vn == 1 && v[0] == 'Z';
    } else if (KIND("card") || KIND("mult") || KIND("ord")) {
        if (parse_int(v, vn, &n) || n < 0)
            return -1;
        if (KIND("card"))
            e->cls |= W_CARD, e->card = n;
        else if (KIND("mult"))
            e->cls |= W_MULT, e->mult = n;
        else
            e->cls |= W_ORD, e->ord = n;
    } else if (KIND("vague")) {
        e->cls |= W_VAGUE;
    } else if (KIND("unit") || KIND("units")) {
        if (!(n = lookup_name(unit_names, DL_COUNT(unit_names), v, vn)))
            return -1;
        e->cls |= KIND("unit") ? W_UNIT : W_UNITS;
        e->unit = (int8_t)n;
    } else if (KIND("article")) {
        e->cls |= W_ARTICLE;
        e->article_def = vn == 3 && !memcmp(v, "def", 3);
    } else if (KIND("deictic")) {
        const char *sp = memchr(v, ' ', vn);
        size_t ln = sp ? (size_t)(sp - v) : vn;
        if (parse_int(v, ln, &n))
            return -1;
        e->cls |= W_DEICTIC;
        e->dshift = (int8_t)n;
        if (sp && !(e->dpod = (int8_t)lookup_name(pod_names, DL_COUNT(pod_names), sp + 1,
                                                   vn - ln - 1)))
            return -1;
    } else if (KIND("rel")) {
        size_t ln = 0;
        while (ln < vn && (v[ln] == '-' || v[ln] == '+' || isdigit((unsigned char)v[ln])))
            ln++;
        if (parse_int(v, ln, &n))
            return -1;
        e->cls |= W_REL;
        e->rel = (int8_t)n;
        for (size_t i = ln; i < vn; i++) {
            if (v[i] == 'n')
                e->rel_narr = 1;
            else if (v[i] == 'd')
                e->rel_dur = 1;
            else if (v[i] == 'p')
                e->rel_prev = 1;
            else
                return -1;
        }
    } else if (KIND("anchor")) {
        if (vn < 1 || (v[0] != '-' && v[0] != '+') || (vn == 2 && v[1] != 'n') || vn > 2)
            return -1;
        e->cls |= W_ANCHOR;
        e->anchor = v[0] == '-' ? -1 : 1;
        e->anchor_narr = vn == 2;
    } else if (KIND("ref") || KIND("refnoun") || KIND("refadj")) {
        if (!(n = lookup_name(ref_names, DL_COUNT(ref_names), v, vn)))
            return -1;
        if (KIND("ref"))
            e->cls |= W_REF, e->ref = (int8_t)n;
        else if (KIND("refnoun"))
            e->cls |= W_REFNOUN, e->refnoun = (int8_t)n;
        else
            e->cls |= W_REFADJ, e->refadj = (int8_t)n;
    } else if (KIND("set")) {
        if (vn == 0 || vn >= sizeof e->set)
            return -1;
        e->cls |= W_SET;
        memcpy(e->set, v, vn);
        e->set[vn] = 0;
    } else if (KIND("setdet")) {
        e->cls |= W_SETDET;
        e->every_other = vn == 1 && v[0] == 'o';
    } else if (KIND("mod") || KIND("postmod")) {
        if (!(n = lookup_name(mod_names, DL_COUNT(mod_names), v, vn)))
            return -1;
        if (KIND("mod"))
            e->cls |= W_MOD, e->mod = (int8_t)n;
        else
            e->cls |= W_POSTMOD, e->postmod = (int8_t)n;
    } else if (KIND("fiscal")) {
        e->cls |= W_FISCAL;
    } else if (KIND("future")) {
        static const char *const f[] = {"", "aux", "lex", "to"};
        if (!(n = lookup_name(f, DL_COUNT(f), v, vn)))
            return -1;
        e->cls |= W_FUTURE;
        e->future = (int8_t)n;
    } else if (KIND("dirprep")) {
        if (parse_int(v, vn, &n) || (n != -1 && n != 1))
            return -1;
        e->cls |= W_DIRPREP;
        e->dirprep = (int8_t)n;
    } else if (KIND("notyear")) {
        e->cls |= W_NOTYEAR;
    } else if (KIND("yearcue")) {
        e->cls |= W_YEARCUE;
    } else if (KIND("person")) {
        e->cls |= W_PERSON;
    } else if (KIND("det")) {
        e->cls |= W_DET;
    } else if (KIND("clause")) {
        e->cls |= W_CLAUSE;
    } else if (KIND("rate")) {
        e->cls |= W_RATE;
    } else if (KIND("compare")) {
        e->cls |= W_COMPARE;
    } else if (KIND("span")) {
        e->cls |= W_SPAN;
    } else if (KIND("clockcue")) {
        e->cls |= W_CLOCKCUE;
    } else if (KIND("measure")) {
        e->cls |= W_MEASURE;
    } else if (KIND("press")) {
        e->cls |= W_PRESS;
    } else if (KIND("putoff")) {
        e->cls |= W_PUTOFF;
    } else if (KIND("pastbase")) {
        e->cls |= W_PASTBASE;
    } else if (KIND("rangeto")) {
        e->cls |= W_RANGETO;
    } else if (KIND("unitadj")) {
        e->cls |= W_UNITADJ;
    } else if (KIND("end")) {
        e->cls |= W_END;
    } else if (KIND("duration") || KIND("decade")) {
        if (vn == 0 || vn >= sizeof e->set || (e->cls & W_SET))
            return -1;
        e->cls |= KIND("duration") ? W_DURWORD : W_DECADE;
        memcpy(e->set, v, vn);
        e->set[vn] = 0;
    } else if (KIND("age")) {
        e->cls |= W_AGE;
    } else if (KIND("money")) {
        e->cls |= W_MONEY;
    } else {
        return -1;
    }
    return 0;
#undef KIND
}

/* Reads a holiday rule: MM-DD, MM/N/W[+K], easter+K. */
static int set_holiday(wentry *e, const char *v, size_t vn)
{
    char buf[32];
    if (vn >= sizeof buf)
        return -1;
    memcpy(buf, v, vn);
    buf[vn] = 0;
    int a, b, c, k = 0;
    char tail;
    e->cls |= W_HOLIDAY;
    if (sscanf(buf, "easter%d%c", &k, &tail) == 1) {
        e->hrule = HR_EASTER;
        e->hoff = (int16_t)k;
        return 0;
    }
    if (sscanf(buf, "%d-%d%c", &a, &b, &tail) == 2 && a >= 1 && a <= 12 && b >= 1 && b <= 31) {
        e->hrule = HR_FIXED;
        e->hmon = (int8_t)a;
        e->hday = (int8_t)b;
        return 0;
    }
    int r = sscanf(buf, "%d/%d/%d%d%c", &a, &b, &c, &k, &tail);
    if ((r == 3 || r == 4) && a >= 1 && a <= 12 && b >= -1 && b <= 5 && b != 0 && c >= 1 && c <= 7) {
        e->hrule = HR_NTH;
        e->hmon = (int8_t)a;
        e->hnth = (int8_t)b;
        e->hwday = (int8_t)c;
        e->hoff = (int16_t)(r == 4 ? k : 0);
        return 0;
    }
    return -1;
}

/* Adds the rows of one data file. holidays: the file of named days (name, rule). */
static dl_status load_file(dl_timex_lex *x, const char *name, int holidays, dl_error *err)
{
    char src[64];
    snprintf(src, sizeof src, "data/%s", name);
    const dl_blob *b = dl_data_get(name);
    if (!b)
        return dl_fail(err, DL_EDATA, "%s: not built in", name);
    dl_tsv t;
    dl_status st = dl_tsv_open_mem(&t, src, (const char *)b->data, b->len,
                                   holidays ? "name\trule" : "word\tkind\tvalue", err);
    if (st)
        return st;
    const char *c[3];
    size_t l[3];
    int r;
    while ((r = dl_tsv_next(&t, c, l, 3, err)) > 0) {
        char key[128];
        size_t kn;
        int words = phrase_key(c[0], l[0], key, sizeof key, &kn);
        if (words < 1 || words > 8)
            return dl_fail(err, DL_EDATA, "%s:%d: a word or phrase of 1 to 8 words expected", src,
                           t.line);
        wentry *e = lex_entry(x, key, kn);
        if (!e)
            return dl_fail(err, DL_ENOMEM, "out of memory");
        if (holidays ? set_holiday(e, c[1], l[1]) : set_kind(e, c[1], l[1], c[2], l[2]))
            return dl_fail(err, DL_EDATA, "%s:%d: unknown kind or value", src, t.line);
        if (words > 1) {
            /* Mark the first word so that phrases are tried only where they can start. */
            const char *sp = memchr(key, ' ', kn);
            wentry *f = lex_entry(x, key, (size_t)(sp - key));
            if (!f)
                return dl_fail(err, DL_ENOMEM, "out of memory");
            f->cls |= W_PHRASE;
            if (f->maxphrase < words)
                f->maxphrase = (uint8_t)words;
            for (const char *p = sp; p; p = memchr(p + 1, ' ', kn - (size_t)(p + 1 - key)))
                filter_add(x->starts, dl_hash(key, (size_t)(p - key)));
            const char *w2 = sp + 1, *e2 = memchr(w2, ' ', kn - (size_t)(w2 - key));
            size_t l2 = e2 ? (size_t)(e2 - w2) : kn - (size_t)(w2 - key);
            filter_add(x->pairs, pair_hash(dl_hash(key, (size_t)(sp - key)), dl_hash(w2, l2)));
        }
    }
    return r < 0 ? (err ? err->code : DL_EDATA) : DL_OK;
}

dl_status dl_timex_load(dl_engine *e, dl_error *err)
{
    dl_timex_lex *x = calloc(1, sizeof *x);
    if (!x || !(x->map = dl_map_new())) {
        free(x);
        return dl_fail(err, DL_ENOMEM, "out of memory");
    }
    static const char *const files[] = {"timex-calendar.tsv", "timex-numbers.tsv",
                                        "timex-units.tsv", "timex-words.tsv"};
    dl_status st = DL_OK;
    for (size_t i = 0; i < DL_COUNT(files) && !st; i++)
        st = load_file(x, files[i], 0, err);
    if (!st)
        st = load_file(x, "timex-holidays.tsv", 1, err);
    if (st) {
        dl_timex_free_lex(x);
        return st;
    }
    for (size_t i = 0; i < x->nent; i++) {
        uint16_t *slot = &x->table[x->key[i].hash >> (32 - TABLE_BITS)];
        *slot = *slot || i + 1 >= TABLE_SHARED ? TABLE_SHARED : (uint16_t)(i + 1);
    }
    e->timex = x;
    return DL_OK;
}

/* The entry of the key w (n bytes, dl_hash h), or NULL. */
static inline __attribute__((always_inline)) const wentry *lex_find(const dl_timex_lex *x, const char *w,
                                                                     size_t n, uint32_t h)
{
    uint16_t v = x->table[h >> (32 - TABLE_BITS)];
    if (v == 0)
        return NULL;
    if (v != TABLE_SHARED) {
        const keyref *r = &x->key[v - 1];
        return r->hash == h && r->len == n && dl_bytes_eq(x->kpool + r->off, w, n) ? &x->ent[v - 1] : NULL;
    }
    uint32_t idx;
    return dl_map_get_h(x->map, w, n, h, &idx) ? &x->ent[idx] : NULL;
}

/* The entry of a lower-case word (a final dot may be left out in the data) of dl_hash h,
 * or NULL. */
static inline __attribute__((always_inline)) const wentry *lex_word_h(const dl_timex_lex *x, const char *w,
                                                                       size_t n, uint32_t h)
{
    const wentry *e = lex_find(x, w, n, h);
    if (!e && n > 1 && w[n - 1] == '.')
        e = lex_find(x, w, n - 1, dl_hash(w, n - 1));
    return e;
}

/* The same, hashing the word. */
static const wentry *lex_word(const dl_timex_lex *x, const char *w, size_t n)
{
    return lex_word_h(x, w, n, dl_hash(w, n));
}

/* lex_word of a token's text, with the hash segment.c computed for it. */
static inline const wentry *lex_token(const dl_timex_lex *x, const dl_token *t)
{
    return lex_word_h(x, t->lower, t->llen, t->hash);
}

/* ---------------------------------------------------------------- meaning of an expression */

enum { TY_DATE, TY_TIME, TY_DURATION, TY_SET };
static const char *const type_names[] = {"DATE", "TIME", "DURATION", "SET"};

/* How a value is found. */
enum {
    HOW_LIT,      /* sem.lit as it is: durations, sets, references, complete dates */
    HOW_FIELDS,   /* a named period (month, day, season, quarter, half, holiday, weekend) in
                     year sem.y, or, when y < 0, found from the base date by sem.dir */
    HOW_WDAY,     /* a weekday found from the base date by sem.dir */
    HOW_OFFSET    /* the base date moved by sem.months and sem.days, at granularity gran */
};

/* Where a named period lies from the base date (the DCT, or the narrative date). */
enum {
    DIR_TENSE,    /* by the tense of the clause */
    DIR_LAST,     /* the latest that ended before the base ("last March") */
    DIR_NEXT,     /* the first that starts after it ("next Tuesday") */
    DIR_THIS,     /* the one that holds it, else by tense ("this Friday") */
    DIR_PAST,     /* the latest that started on or before it */
    DIR_FUTURE,   /* the first that ends on or after it */
    DIR_NEAR,     /* the nearest */
    DIR_PREV      /* the latest that ended before the base, of any year ("this past March") */
};

typedef struct sem {
    int type, how, gran;
    int y, m, d;                 /* HOW_FIELDS: y < 0 when the year is not written */
    int season, quarter, half;
    const wentry *hol;           /* a holiday (HOW_FIELDS, gran day) */
    int wday;                    /* HOW_WDAY */
    int dir;
    long months, days;           /* HOW_OFFSET: the move */
    int narr;                    /* the base is the narrative date */
    int keep;                    /* keep the narrative's precision when finer ("a year earlier") */
    int pod, hh, mm;             /* time of day: a part of the day, or a clock time (hh >= 0) */
    int zulu;                    /* the clock time is UTC ("08:30 GMT"): written with Z */
    int mod;
    int noset;                   /* looks back from the narrative: does not move it */
    int weekof;                  /* the week that holds the day ("the week of March 6") */
    int dayshift;                /* the day before (-1) or after (1) the day named ("the day
                                    before yesterday") */
    int dlast;                   /* HOW_FIELDS: the last day of a range of days ("March 3-4"),
                                    or 0 */
    int story;                   /* the base is the story's reporting period, when it has one */
    int fiscal;                  /* a fiscal period: no calendar period the story reports on */
    char lit[32];                /* HOW_LIT */
} sem;

typedef struct cand {
    uint32_t t1;                 /* the token after the expression */
    sem s;
} cand;

static void sem_init(sem *s, int type, int how)
{
    memset(s, 0, sizeof *s);
    s->type = type;
    s->how = how;
    s->y = -1;
    s->hh = -1;
}

static void sem_lit(sem *s, int type, const char *v)
{
    sem_init(s, type, HOW_LIT);
    dl_copy_cut(s->lit, sizeof s->lit, v);
}

/* Granularity of a unit when it names a period ("last week"), or -1. */
static int unit_gran(int u)
{
    switch (u) {
    case U_D: return DL_G_DAY;
    case U_WE: return DL_G_WEEKEND;
    case U_W: return DL_G_WEEK;
    case U_M: return DL_G_MONTH;
    case U_SE: return DL_G_SEASON;
    case U_Q: return DL_G_QUARTER;
    case U_Y: return DL_G_YEAR;
    case U_DE: return DL_G_DECADE;
    case U_CE: return DL_G_CENTURY;
    }
    return -1;
}

/* A move of k units as months and days. Returns 0, or -1 for units finer than a day. */
static int unit_move(int u, long k, long *months, long *days)
{
    *months = *days = 0;
    switch (u) {
    case U_D: *days = k; break;
    case U_WE: case U_W: *days = 7 * k; break;
    case U_FN: *days = 14 * k; break;
    case U_M: *months = k; break;
    case U_SE: case U_Q: *months = 3 * k; break;
    case U_Y: *months = 12 * k; break;
    case U_DE: *months = 120 * k; break;
    case U_CE: *months = 1200 * k; break;
    case U_ML: *months = 12000 * k; break;
    default: return -1;
    }
    return 0;
}

/* Writes a TIMEX3 duration of v units; v < 0 is an unknown count (PXY). */
/* Writes v in decimal, zero-padded to width (at most 20) digits, into out (n bytes):
 * snprintf's "%0*lu" without its cost. Returns the length, or 0 (nothing written) when
 * it does not fit. */
static size_t fmt_uint(char *out, size_t n, unsigned long v, int width)
{
    char buf[24], *end = buf + sizeof buf, *p = end;
    do
        *--p = (char)('0' + v % 10);
    while ((v /= 10) > 0);
    while (end - p < width)
        *--p = '0';
    size_t len = (size_t)(end - p);
    if (len >= n)
        return 0;
    memcpy(out, p, len);
    out[len] = 0;
    return len;
}

/* "P" t num code into out (n bytes), cut as snprintf would cut it. */
static void dur_join(char *out, size_t n, const char *t, const char *num, const char *code)
{
    char buf[64];
    size_t o = 0;
    buf[o++] = 'P';
    for (const char *const *s = (const char *const[]){t, num, code, NULL}; *s; s++)
        for (const char *c = *s; *c && o < sizeof buf - 1; c++)
            buf[o++] = *c;
    buf[o] = 0;
    dl_copy_cut(out, n, buf);
}

static void fmt_dur(char *out, size_t n, double v, int u)
{
    /* A fraction goes to the next smaller unit when that makes it whole (1.5 years:
     * P18M); decades and centuries are written in years. */
    static const struct { int u, to; double f; } finer[] = {
        {U_Y, U_M, 12}, {U_W, U_D, 7}, {U_D, U_H, 24}, {U_H, U_MIN, 60}, {U_MIN, U_S, 60},
        {U_DE, U_Y, 10}, {U_CE, U_Y, 100}, {U_ML, U_Y, 1000}, {U_FN, U_D, 14}};
    if (v >= 0) {
        if (u == U_DE || u == U_CE || u == U_ML)
            v *= u == U_DE ? 10 : u == U_CE ? 100 : 1000, u = U_Y;
        else if (u == U_FN)
            v *= 2, u = U_W;
        else if (u == U_SE)
            v *= 3, u = U_M;
        else if (u == U_WE)
            v *= 2, u = U_D;
        for (size_t i = 0; i < DL_COUNT(finer) && v != (double)(long)v && v < 1; i++)
            if (finer[i].u == u && v * finer[i].f == (double)(long)(v * finer[i].f))
                v *= finer[i].f, u = finer[i].to;
    }
    const char *t = (u == U_H || u == U_MIN || u == U_S) ? "T" : "";
    const char *code = u == U_MIN ? "M" : u == U_DE ? "DE" : u == U_CE ? "CE" : u == U_ML ? "ML"
                       : u == U_SE ? "M" : u == U_WE ? "WE" : unit_names[u];
    if (v < 0) {
        dur_join(out, n, t, "X", code);
        return;
    }
    /* A whole number and a fraction: the fraction in the next smaller unit (2 1/2 years:
     * P2Y6M, 5 1/2 hours: PT5H30M, a minute and a half: PT1M30S). */
    double whole = (double)(long)v, frac = v - whole;
    for (size_t i = 0; i < DL_COUNT(finer) && frac > 0 && whole >= 1; i++) {
        double sub = frac * finer[i].f;
        if (finer[i].u == u && finer[i].to != U_Y && sub == (double)(long)sub) {
            int to = finer[i].to;
            const char *t2 = (to == U_H || to == U_MIN || to == U_S) && !*t ? "T" : "";
            const char *c2 = to == U_MIN ? "M" : unit_names[to];
            snprintf(out, n, "P%s%ld%s%s%ld%s", t, (long)whole, code, t2, (long)sub, c2);
            return;
        }
    }
    if (v < 1e6 && !signbit(v) && v == (double)(long)v) {
        /* A whole number that "%g" writes as its digits. */
        char num[8];
        fmt_uint(num, sizeof num, (unsigned long)v, 1);
        dur_join(out, n, t, num, code);
        return;
    }
    snprintf(out, n, "P%s%g%s", t, v, code);
}

/* ---------------------------------------------------------------- the scanner */

/* A phrase of the data found in the text: its entry and its length in tokens. */
typedef struct phrase {
    const wentry *e;
    uint32_t len;
} phrase;

/* The phrases found at a word of the sentence that starts some (find_phrases). */
typedef struct phrases_at {
    uint64_t cls;                /* the union of their classes */
    uint32_t ph0, n;             /* scan.ph[ph0], ... ph[ph0 + n - 1], longest first */
} phrases_at;

/* Is there a '-' in the n bytes at s? Words are short: for up to eight bytes, two
 * overlapping loads tested a word at a time, or (up to three) the first, middle and last
 * byte; never reading past the n bytes. */
static inline __attribute__((always_inline)) int has_hyphen(const char *s, size_t n)
{
    const uint32_t ones = 0x01010101u, highs = 0x80808080u, dashes = 0x2D2D2D2Du;
    uint32_t a, b;
    if (n > 8)
        return memchr(s, '-', n) != NULL;
    if (n >= 4) {
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        a ^= dashes, b ^= dashes;   /* a '-' byte is now a zero byte */
        return (((a - ones) & ~a) | ((b - ones) & ~b)) & highs ? 1 : 0;
    }
    return n > 0 && (s[0] == '-' || s[n / 2] == '-' || s[n - 1] == '-');
}

/* The word classes at which core_at (or match_at, W_MOD) tries a rule. A token with none
 * of them (its word's, or those of the phrases that start with it), no digit, no hyphen in
 * a word, and no entry of its own that is "half" or starts with q starts no expression,
 * and is passed over (TF_START): keep this in step with the tests of core_at. */
#define W_STARTS (W_MONTH | W_WEEKDAY | W_WEEKDAYS | W_DEICTIC | W_REL | W_ARTICLE | W_CARD | \
                  W_VAGUE | W_ORD | W_CLOCK | W_REF | W_DURWORD | W_REFADJ | W_SET | W_SETDET | \
                  W_HOLIDAY | W_FISCAL | W_UNITS | W_UNIT | W_SEASON | W_POD | W_MOD)

/* Facts of a token found once, before the grammar runs (scan.tf). */
enum {
    TF_START = 1,                /* an expression can start here (time word, digit, ...);
                                    at a phrase's first word, set by find_phrases */
    TF_HYPHEN = 2                /* a word or number with a hyphen: a compound ("twenty-five",
                                    "mid-1990s"); not set on other tokens */
};

typedef struct scan {
    dl_doc *d;
    const dl_timex_lex *x;
    uint32_t s0, s1;             /* tokens of the sentence */
    int sent;
    const wentry **w;            /* the entry of each token of the document, or NULL */
    uint8_t *tf;                 /* TF_* of each token of the document */
    /* The phrases that start at token k of the sentence, when its word has W_PHRASE:
     * at[k - s0] (found by find_phrases, read by item_at and core_at; not set at other
     * tokens). Sized for the longest sentence. */
    phrases_at *at;
    phrase *ph;
    size_t nph, cap_ph;
    uint32_t *phw;               /* the tokens of the document whose word has W_PHRASE */
    size_t nphw;
    long dct;                    /* the DCT in days, when d->has_dct */
    int has_narr;                /* the narrative date: set by the last dated expression */
    int narr_gran;
    long narr_day;
    int narr_sent;               /* the sentence that set it */
    int has_story;               /* the reporting period of the story: the first quarter or */
    int story_gran;              /* half it names, up to a year before the DCT ("posted a */
    long story_day;              /* gain in third-quarter net"); "a year ago" compares to it */
} scan;

static const dl_token *tk(const scan *sc, uint32_t k)
{
    return &sc->d->tok[k];
}

static const wentry *we(const scan *sc, uint32_t k)
{
    return k >= sc->s0 && k < sc->s1 ? sc->w[k] : NULL;
}

static int hasc(const scan *sc, uint32_t k, uint64_t cls)
{
    const wentry *e = we(sc, k);
    return e && (e->cls & cls);
}

static int is(const scan *sc, uint32_t k, const char *s)
{
    return k >= sc->s0 && k < sc->s1 && tk(sc, k)->lower[0] == s[0] && !strcmp(tk(sc, k)->lower, s);
}

/* Is token k written in capitals ("UN", "EST")? Read from the text: the token's
 * DL_T_UPPER flag is not to be relied on (segment.c sums isupper() results, which are
 * not 0/1 in glibc). */
static int all_caps(const scan *sc, uint32_t k)
{
    const dl_token *t = tk(sc, k);
    const char *p = sc->d->text + t->b;
    int letters = 0;
    for (uint32_t i = 0; i < t->blen; i++) {
        unsigned char ch = (unsigned char)p[i];
        if (ch >= 0x80 || islower(ch))
            return 0;
        letters += isupper(ch) != 0;
    }
    return letters > 1;
}

/* A capitalised word inside a sentence (a name), not its first word. */
static int is_name_like(const scan *sc, uint32_t k)
{
    const dl_token *t = tk(sc, k);
    return (t->flags & DL_T_CAP) && !(t->flags & DL_T_SENT_START);
}

/* The longest phrase of the data at token k with one of the classes cls; its length in
 * tokens goes to *n. Single words are found too. */
static const wentry *item_at(const scan *sc, uint32_t k, uint64_t cls, uint32_t *n)
{
    const wentry *e = we(sc, k);
    if (!e)
        return NULL;
    if (e->cls & W_PHRASE)
        for (uint32_t i = sc->at[k - sc->s0].ph0, end = i + sc->at[k - sc->s0].n; i < end; i++)
            if (sc->ph[i].e->cls & cls) {
                *n = sc->ph[i].len;
                return sc->ph[i].e;
            }
    if (e->cls & cls) {
        *n = 1;
        return e;
    }
    return NULL;
}

/* Finds the phrases of the data that start at each token of the sentence [s0, s1), for
 * item_at: the words are joined and looked up once per sentence, not at every rule that
 * asks. Returns 0, or -1 on allocation failure. */
static int find_phrases(scan *sc)
{
    sc->nph = 0;
    size_t lo = 0, hi = sc->nphw;   /* the first of phw in the sentence */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sc->phw[mid] < sc->s0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t pi = lo; pi < sc->nphw && sc->phw[pi] < sc->s1; pi++) {
        uint32_t k = sc->phw[pi];
        const wentry *e = sc->w[k];
        phrases_at *a = &sc->at[k - sc->s0];
        a->cls = 0;
        a->ph0 = (uint32_t)sc->nph;
        a->n = 0;
        /* No phrase starts with this word and the next (the text's words, hashed by
         * segment.c, as the data's; a final dot may be left out of a phrase's last word,
         * so a word with one is joined and looked up). */
        const dl_token *t1 = k + 1 < sc->s1 ? tk(sc, k + 1) : NULL;
        if (!t1 || (t1->llen && t1->lower[t1->llen - 1] != '.' &&
                    !filter_may_hold(sc->x->pairs, pair_hash(tk(sc, k)->hash, t1->hash))))
            continue;
        /* Join the words one more at a time (as the data's keys are: one space between),
         * keeping the phrases found; a key that does not fit is no phrase. */
        char key[128];
        size_t o = 0;
        phrase found[8];
        uint32_t nf = 0;
        for (uint32_t i = 0; i < e->maxphrase && k + i < sc->s1; i++) {
            const dl_token *t = tk(sc, k + i);
            if (o + t->llen + 2 >= sizeof key)
                break;
            if (i)
                key[o++] = ' ';
            memcpy(key + o, t->lower, t->llen);
            o += t->llen;
            if (!i)
                continue;
            uint32_t h = dl_hash(key, o);
            const wentry *p = lex_word_h(sc->x, key, o, h);
            if (p) {
                found[nf++] = (phrase){p, i + 1};
                a->cls |= p->cls;
            }
            if (!filter_may_hold(sc->x->starts, h))
                break;   /* no longer phrase starts with these words */
        }
        if (a->cls & W_STARTS)
            sc->tf[k] |= TF_START;   /* a phrase that starts an expression starts here */
        if (!nf)
            continue;
        if (sc->nph + nf > sc->cap_ph && DL_GROW(sc->ph, sc->cap_ph, sc->nph + nf))
            return -1;
        for (uint32_t i = nf; i > 0; i--)
            sc->ph[sc->nph++] = found[i - 1];
        a->n = nf;
    }
    return 0;
}

/* ---------------------------------------------------------------- numbers */

/* The value of a number token: "24", "4.8", "10,000". */
static int tok_num(const dl_token *t, double *v)
{
    if (!(t->flags & DL_T_NUMBER))
        return 0;
    if (t->llen <= 15) {   /* digits alone, the usual number: exact as a double */
        long x = 0;
        size_t i = 0;
        while (i < t->llen && t->lower[i] >= '0' && t->lower[i] <= '9')
            x = x * 10 + (t->lower[i++] - '0');
        if (i == t->llen && i > 0) {
            *v = (double)x;
            return 1;
        }
    }
    char buf[32];
    size_t o = 0;
    for (const char *p = t->lower; *p; p++) {
        if (*p == ',')
            continue;
        if (o + 1 >= sizeof buf)
            return 0;
        buf[o++] = *p;
    }
    buf[o] = 0;
    char *end;
    *v = strtod(buf, &end);
    return *end == 0 && o > 0;
}

/* Exactly n digits at s, nothing else. */
static int str_digits(const char *s, size_t n, int *v)
{
    if (n > 9 || strlen(s) != n)
        return 0;   /* more digits are no date part, and would overflow */
    int x = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return 0;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 1;
}

/* A token of exactly n digits, nothing else. */
static int tok_digits(const dl_token *t, size_t n, int *v)
{
    return t->llen == n && str_digits(t->lower, n, v);
}

/* A day of the month: "17", "17th", "1st". */
static int tok_day(const scan *sc, uint32_t k, int *day)
{
    if (k >= sc->s1)
        return 0;
    const dl_token *t = tk(sc, k);
    const char *s = t->lower;
    int v = 0;
    size_t i = 0;
    while (isdigit((unsigned char)s[i]) && i < 3)
        v = v * 10 + (s[i++] - '0');
    if (i == 0 || i > 2)
        return 0;
    if (s[i] && strcmp(s + i, "st") && strcmp(s + i, "nd") && strcmp(s + i, "rd") && strcmp(s + i, "th"))
        return 0;
    if (v < 1 || v > 31)
        return 0;
    *day = v;
    return 1;
}

/* A range of days of one month in one token: "9-10" of "Sept. 9-10", "3-5" of "3-5 March".
 * The first day must come before the last. */
static int tok_dayrange(const scan *sc, uint32_t k, int *first, int *last)
{
    if (k >= sc->s1)
        return 0;
    const char *s = tk(sc, k)->lower;
    int v[2] = {0, 0};
    for (int n = 0; n < 2; n++) {
        int i = 0;
        while (isdigit((unsigned char)*s) && i < 3)
            v[n] = v[n] * 10 + (*s++ - '0'), i++;
        if (i == 0 || i > 2 || (n == 0 ? *s != '-' : *s != 0))
            return 0;
        s++;
    }
    if (v[0] < 1 || v[0] >= v[1] || v[1] > 31)
        return 0;
    *first = v[0];
    *last = v[1];
    return 1;
}

/* An ordinal: a word ("third") or digits with a suffix ("3rd"). */
static int tok_ord(const scan *sc, uint32_t k, int *ord)
{
    const wentry *e = we(sc, k);
    if (e && (e->cls & W_ORD)) {
        *ord = e->ord;
        return 1;
    }
    if (k >= sc->s1)
        return 0;
    const char *s = tk(sc, k)->lower;
    size_t i = 0;
    int v = 0;
    while (isdigit((unsigned char)s[i]) && i < 4)
        v = v * 10 + (s[i++] - '0');
    if (i == 0 || (strcmp(s + i, "st") && strcmp(s + i, "nd") && strcmp(s + i, "rd") && strcmp(s + i, "th")))
        return 0;
    *ord = v;
    return 1;
}

/* A cardinal word, hyphenated compounds included ("twenty-four"). */
static int card_word(const scan *sc, const char *w, size_t n, double *v)
{
    const wentry *e = lex_word(sc->x, w, n);
    if (e && (e->cls & W_CARD)) {
        *v = e->card;
        return 1;
    }
    const char *h = memchr(w, '-', n);
    if (!h)
        return 0;
    const wentry *a = lex_word(sc->x, w, (size_t)(h - w));
    const wentry *b = lex_word(sc->x, h + 1, n - (size_t)(h - w) - 1);
    if (a && b && (a->cls & W_CARD) && (b->cls & W_CARD) && a->card >= 20 && a->card % 10 == 0 &&
        b->card < 10) {
        *v = a->card + b->card;
        return 1;
    }
    return 0;
}

/* card_word of token k's text: its entry is known (sc->w[k] is lex_word of it, in the
 * sentence or not), and only a word with a hyphen is split. */
static int card_tok(const scan *sc, uint32_t k, double *v)
{
    const wentry *e = sc->w[k];
    if (e && (e->cls & W_CARD)) {
        *v = e->card;
        return 1;
    }
    const dl_token *t = tk(sc, k);
    int hyphen = (t->flags & (DL_T_ALPHA | DL_T_DIGIT)) ? (sc->tf[k] & TF_HYPHEN)
                                                        : has_hyphen(t->lower, t->llen);
    return hyphen && card_word(sc, t->lower, t->llen, v);
}

/* Reads a count at token k: digits ("24", "1 1/2"), number words ("twenty four",
 * "two hundred", "a dozen", "a couple of"), "a"/"an" before a unit, "half a", or a vague
 * count ("several", "a few", "dozens of": *vague set). Returns the token after it, or k. */
static uint32_t count_at(const scan *sc, uint32_t k, double *v, int *vague)
{
    *vague = 0;
    *v = 0;
    if (k >= sc->s1)
        return k;
    const dl_token *t = tk(sc, k);
    const wentry *e = we(sc, k);
    double x;
    if (tok_num(t, &x)) {
        uint32_t j = k + 1;
        int y;
        if (tok_digits(t, 4, &y) && y >= 1000 && y <= 2199 && hasc(sc, j, W_UNIT))
            return k;   /* "the 1988 quarter": a year, no count */
        int a, b;
        const char *f = j < sc->s1 ? tk(sc, j)->lower : "";
        if (j < sc->s1 && strlen(f) == 3 && f[1] == '/' && isdigit((unsigned char)f[0]) &&
            isdigit((unsigned char)f[2]) && (a = f[0] - '0') < (b = f[2] - '0') && b > 0) {
            x += (double)a / b;
            j++;
        }
        *v = x;
        return j;
    }
    if (e && (e->cls & W_ARTICLE) && !e->article_def) {
        const wentry *n = we(sc, k + 1);
        if ((n && (n->cls & W_UNIT)) || (n && (n->cls & W_UNITADJ) && hasc(sc, k + 2, W_UNIT))) {
            *v = 1;   /* "a year", "an additional year" */
            return k + 1;
        }
        if (n && (n->cls & W_MULT)) {
            *v = n->mult;
            return k + 2;
        }
        if (is(sc, k + 1, "dozen")) {
            *v = 12;
            return k + 2;
        }
        if (is(sc, k + 1, "couple")) {
            *v = 2;
            return is(sc, k + 2, "of") ? k + 3 : k + 2;
        }
        if (is(sc, k + 1, "few")) {
            *vague = 1;
            return k + 2;
        }
        if (is(sc, k + 1, "half") && hasc(sc, k + 2, W_UNIT)) {
            *v = 0.5;
            return k + 2;
        }
        return k;
    }
    if (is(sc, k, "half") && hasc(sc, k + 1, W_ARTICLE) && !we(sc, k + 1)->article_def &&
        hasc(sc, k + 2, W_UNIT)) {
        *v = 0.5;
        return k + 2;
    }
    if (is(sc, k, "couple") && is(sc, k + 1, "of")) {   /* "the next couple of years" */
        *v = 2;
        return k + 2;
    }
    if (e && (e->cls & W_VAGUE)) {
        *vague = 1;
        return is(sc, k + 1, "of") ? k + 2 : k + 1;
    }
    if (card_tok(sc, k, &x)) {
        uint32_t j = k + 1;
        double u;
        if (x >= 20 && x < 100 && (long)x % 10 == 0 && j < sc->s1 &&
            card_tok(sc, j, &u) && u < 10) {
            x += u;
            j++;
        }
        const wentry *m = we(sc, j);
        if (m && (m->cls & W_MULT)) {
            x *= m->mult;
            j++;
        }
        *v = x;
        return j;
    }
    return k;
}

/* "and a half" after a count or a unit: returns the token after it, or k. */
static uint32_t and_a_half(const scan *sc, uint32_t k)
{
    if (is(sc, k, "and") && hasc(sc, k + 1, W_ARTICLE) && is(sc, k + 2, "half"))
        return k + 3;
    return k;
}

/* ---------------------------------------------------------------- tense of a clause */

enum { TENSE_NONE, TENSE_PAST, TENSE_PRESENT, TENSE_FUTURE,
       TENSE_WEAK_FUTURE, /* "a service planned for Saturday": future unless the clause says */
       TENSE_ADJ_FUTURE   /* "the slated visit": future for what follows in its noun phrase */ };

static int lemma_is(const dl_token *t, const char *l)
{
    return !strcmp(t->lemma, l);
}

/* Words before a noun that show a word is no verb ("the armored train", "his visits"). */
static int determiner_like(const scan *sc, uint32_t k)
{
    return hasc(sc, k, W_DET);
}

enum { FUT_AUX = 1, FUT_LEX, FUT_TO };

/* Is the word before token k (adverbs and "not" skipped) an auxiliary or a modal? Then the
 * verb at k takes its tense from it ("was extended", "must be returned"). */
static int aux_before(const scan *sc, uint32_t k)
{
    for (uint32_t j = k; j > sc->s0 && k - j <= 3;) {
        j--;
        const dl_token *t = tk(sc, j);
        const wentry *e = we(sc, j);
        if (lemma_is(t, "be") || lemma_is(t, "have") || lemma_is(t, "get") ||
            (e && (e->cls & W_FUTURE) && e->future == FUT_AUX))
            return 1;
        if (!(t->pos & DL_POS_ADV) && strcmp(t->lower, "not") && strcmp(t->lower, "n't"))
            return 0;
    }
    return 0;
}

/* Is "have" next after token k (adverbs skipped): "would have gone" is past. */
static int have_after(const scan *sc, uint32_t k)
{
    for (uint32_t j = k + 1; j < sc->s1 && j <= k + 3; j++) {
        if (lemma_is(tk(sc, j), "have"))
            return 1;
        if (!(tk(sc, j)->pos & DL_POS_ADV) && strcmp(tk(sc, j)->lower, "not") &&
            strcmp(tk(sc, j)->lower, "n't"))
            return 0;
    }
    return 0;
}

/* Is the word at k, of a plan ("planned", "expected"), in a comparison with the plan: "as
 * planned", "than expected", "as previously planned", "than originally scheduled"? Then it
 * puts nothing in the future: the time it goes with is that of the clause. */
static int comparison_of_plan(const scan *sc, uint32_t k)
{
    if (k > sc->s0 && tk(sc, k - 1)->pos & DL_POS_ADV && !(tk(sc, k - 1)->pos & (DL_POS_VERB | DL_POS_FUNC)))
        k--;   /* an adverb between: "previously", "originally" */
    return k > sc->s0 && (is(sc, k - 1, "as") || is(sc, k - 1, "than"));
}

/* The tense the verb group at token k shows, or TENSE_NONE when k is no finite verb or
 * an auxiliary elsewhere decides (the scan goes on to it). */
static int verb_signal(const scan *sc, uint32_t k)
{
    const dl_token *t = tk(sc, k);
    if (t->flags & DL_T_PUNCT)
        return TENSE_NONE;
    uint32_t n;
    const wentry *f = item_at(sc, k, W_FUTURE, &n);
    if (!f && !strcmp(t->lower, "ll") && k > sc->s0 && !strcmp(tk(sc, k - 1)->lower, "'"))
        return TENSE_FUTURE;
    if (f && f->future == FUT_AUX)
        return have_after(sc, k + n - 1) ? TENSE_PAST : TENSE_FUTURE;
    if (f && f->future == FUT_LEX && !comparison_of_plan(sc, k)) {
        const dl_token *p = k > sc->s0 ? tk(sc, k - 1) : NULL, *nx = k + 1 < sc->s1 ? tk(sc, k + 1) : NULL;
        int p_noun = p && (p->flags & DL_T_ALPHA) && (p->pos & DL_POS_NOUN) && !(p->pos & DL_POS_FUNC) &&
                     !(p->flags & DL_T_CAP);
        int nx_noun = nx && (nx->flags & DL_T_ALPHA) && (nx->pos & DL_POS_NOUN) && !(nx->pos & DL_POS_FUNC);
        /* "his plans", "vacation plans for the trip", "the plans,": a noun ("the company
         * plans to", "plans a march" are verbs). */
        if (n == 1 && (t->pos & DL_POS_NOUN) && t->vform != DL_VF_PAST &&
            ((p && determiner_like(sc, k - 1)) || !nx || (nx->flags & DL_T_PUNCT) || hasc(sc, k + 1, W_CLAUSE) ||
             (p_noun && !is(sc, k + 1, "to") && !determiner_like(sc, k + 1))))
            return TENSE_NONE;
        /* "the slated visit in September", "the hastily planned trip": an adjective, of
         * its own noun phrase only. */
        if (n == 1 && t->vform == DL_VF_PAST && nx_noun && p &&
            (determiner_like(sc, k - 1) || ((p->pos & DL_POS_ADV) && !(p->pos & DL_POS_VERB))))
            return TENSE_ADJ_FUTURE;
        /* "a memorial planned for Saturday was canceled", "The visit, originally planned
         * for late March, was postponed": a participle after a noun (or the comma that
         * sets it off, an adverb between) and before a preposition (not "protesters
         * planned a march") qualifies the noun. */
        uint32_t b = k > sc->s0 && (tk(sc, k - 1)->pos & DL_POS_ADV) && !(tk(sc, k - 1)->pos & DL_POS_VERB) ? k - 1 : k;
        if (n == 1 && t->vform == DL_VF_PAST && !aux_before(sc, k) && b > sc->s0 && k + 1 < sc->s1 &&
            (((tk(sc, b - 1)->pos & DL_POS_NOUN) && (tk(sc, b - 1)->flags & DL_T_ALPHA) &&
              !(tk(sc, b - 1)->pos & DL_POS_FUNC)) || is(sc, b - 1, ",")) &&
            (tk(sc, k + 1)->pos & DL_POS_FUNC) && !determiner_like(sc, k + 1) && !is(sc, k + 1, "to"))
            return TENSE_WEAK_FUTURE;
        return TENSE_FUTURE;
    }
    /* "due to arrive", "plan for": the plan is ahead ("due to the war" is a cause). */
    if (f && f->future == FUT_TO &&
        (is(sc, k + 1, "for") || (is(sc, k + 1, "to") && k + 2 < sc->s1 &&
                                  (tk(sc, k + 2)->pos & DL_POS_VERB) && !determiner_like(sc, k + 2))))
        return TENSE_FUTURE;
    if (lemma_is(t, "be")) {
        if (!strcmp(t->lower, "was") || !strcmp(t->lower, "were"))
            return TENSE_PAST;
        if (!strcmp(t->lower, "is") || !strcmp(t->lower, "are") || !strcmp(t->lower, "am"))
            return is(sc, k + 1, "to") ? TENSE_FUTURE : TENSE_PRESENT;
        return TENSE_NONE;   /* be, been, being: the auxiliary before decides */
    }
    if (lemma_is(t, "have")) {
        if (!strcmp(t->lower, "had"))
            return TENSE_PAST;
        if (!strcmp(t->lower, "has") || !strcmp(t->lower, "have")) {
            if (k > sc->s0 && item_at(sc, k - 1, W_FUTURE, &n) && n == 1)
                return TENSE_NONE;   /* "would have": the modal decides */
            /* Present perfect: what it reports is past. */
            for (uint32_t j = k + 1; j < sc->s1 && j <= k + 3; j++) {
                const dl_token *u = tk(sc, j);
                if (u->vform == DL_VF_PAST && (u->pos & DL_POS_VERB))
                    return TENSE_PAST;
                if (!(u->pos & DL_POS_ADV))
                    break;
            }
            return TENSE_PRESENT;
        }
        return TENSE_NONE;
    }
    if (lemma_is(t, "do")) {
        if (!strcmp(t->lower, "did"))
            return TENSE_PAST;
        if (!strcmp(t->lower, "does") || !strcmp(t->lower, "do"))
            return TENSE_PRESENT;
    }
    if (!(t->pos & DL_POS_VERB) || is_name_like(sc, k) || (k > sc->s0 && determiner_like(sc, k - 1)))
        return TENSE_NONE;
    /* "Serbia put its army on alert": after a singular subject, "put" is no present */
    const wentry *pb = we(sc, k);
    if (pb && (pb->cls & W_PASTBASE) && t->vform == DL_VF_BASE && k > sc->s0) {
        const dl_token *p = tk(sc, k - 1);
        if ((p->flags & DL_T_ALPHA) && (p->pos & DL_POS_NOUN || is_name_like(sc, k - 1)) && !(p->pos & DL_POS_FUNC) &&
            (p->lower[p->llen - 1] != 's' || is_name_like(sc, k - 1)))
            return aux_before(sc, k) ? TENSE_NONE : TENSE_PAST;
    }
    if (t->vform == DL_VF_PAST)
        return aux_before(sc, k) ? TENSE_NONE : TENSE_PAST;
    if (t->vform == DL_VF_S && !(t->pos & DL_POS_NOUN))
        return TENSE_PRESENT;
    return TENSE_NONE;
}

/* The tense of the clause of the expression [t0, t1): the nearest verb group before it
 * in the sentence, else the first after it. */
static int clause_tense(const scan *sc, uint32_t t0, uint32_t t1)
{
    uint32_t lim = 30;
    int weak = 0;   /* a plan told by a participle: the main verb decides when there is one */
    for (uint32_t k = t0; k > sc->s0 && t0 - k < lim;) {
        k--;
        if (is(sc, k, ";"))
            break;
        /* An infinitive governs it ("agreed to buy the bank in January"): what is to
         * happen has no tense of its own; the nearest date is the best guess. */
        if ((tk(sc, k)->pos & DL_POS_VERB) && tk(sc, k)->vform <= DL_VF_BASE && k > sc->s0 &&
            is(sc, k - 1, "to")) {
            /* ... unless what governs it is a plan ("is scheduled to close Monday", "is to
             * resume Tuesday"). */
            for (uint32_t g = k - 1; g > sc->s0 && k - 1 - g < 3;) {
                g--;
                int s = verb_signal(sc, g);
                if (s == TENSE_WEAK_FUTURE || s == TENSE_ADJ_FUTURE)
                    s = TENSE_FUTURE;
                if (s == TENSE_FUTURE) {
                    /* "had been due to expire Friday": a plan told in the past perfect
                     * is for a day gone by. */
                    for (uint32_t h = g; h > sc->s0 && g - h < 3;) {
                        h--;
                        if (is(sc, h, "had"))
                            return TENSE_PAST;
                    }
                    return s;
                }
                if (s != TENSE_NONE)
                    break;
            }
            return TENSE_NONE;
        }
        int s = verb_signal(sc, k);
        if (s == TENSE_WEAK_FUTURE)
            weak = 1;
        else if (s == TENSE_ADJ_FUTURE)
            return TENSE_FUTURE;
        else if (s != TENSE_NONE)
            return s;
    }
    for (uint32_t k = t1; k < sc->s1 && k - t1 < lim; k++) {
        if (is(sc, k, ";"))
            break;
        int s = verb_signal(sc, k);
        if (s == TENSE_WEAK_FUTURE)
            weak = 1;
        else if (s != TENSE_NONE && s != TENSE_ADJ_FUTURE)
            return s;
    }
    return weak ? TENSE_FUTURE : TENSE_NONE;
}

/* Is the bound at k ("until") that of a verb of putting off, a few words before it in
 * its clause ("postponed until Tuesday", "the vote was delayed until Friday")? News of a
 * delay tells of a time still ahead. */
static int put_off(const scan *sc, uint32_t k)
{
    for (uint32_t j = k; j > sc->s0 && k - j < 6;) {
        j--;
        const dl_token *t = tk(sc, j);
        if (is(sc, j, ",") || is(sc, j, ";"))
            return 0;
        const wentry *e;
        if ((t->pos & DL_POS_VERB) && (e = lex_word(sc->x, t->lemma, strlen(t->lemma))) && (e->cls & W_PUTOFF))
            return 1;
    }
    return 0;
}

/* Where a bare month or weekday lies, from its clause: the past for a past verb, the
 * future for a future one; with a present verb or none, a preposition before it may say
 * ("comes after Biden's visit in September": before now), else the nearest. */
static int tense_dir(const scan *sc, uint32_t t0, uint32_t t1)
{
    /* "until January", "through mid-November": a bound ahead of the clause's event, which
     * may itself be past or future; the nearest is the best guess. */
    uint32_t pn;
    const wentry *p = t0 > sc->s0 ? item_at(sc, t0 - 1, W_DIRPREP, &pn) : NULL;
    if (p && pn == 1 && p->dirprep > 0 && !is(sc, t0 - 1, "before"))
        return put_off(sc, t0 - 1) ? DIR_FUTURE : DIR_NEAR;
    int t = clause_tense(sc, t0, t1);
    if (t == TENSE_PAST)
        return DIR_PAST;
    if (t == TENSE_FUTURE)
        return DIR_FUTURE;
    for (uint32_t k = t0; k > sc->s0 && t0 - k <= 8;) {
        k--;
        uint32_t n;
        const wentry *e = item_at(sc, k, W_DIRPREP, &n);
        if (e)
            return e->dirprep < 0 ? DIR_PAST : DIR_FUTURE;
        if (verb_signal(sc, k) != TENSE_NONE || is(sc, k, ",") || is(sc, k, ";"))
            break;
    }
    return DIR_NEAR;
}

/* ---------------------------------------------------------------- resolution */

/* No day: days before 1970 are negative, so a sentinel of its own. */
#define NODAY LONG_MIN

/* The first day of a named period in year y, or NODAY when it has none. */
static long fields_day(const sem *s, int y)
{
    if (y < 1 || y > 9999)
        return NODAY;
    if (s->hol) {
        const wentry *h = s->hol;
        int m = h->hmon, d = h->hday;
        if (h->hrule == HR_EASTER)
            dl_cal_easter(y, &m, &d);
        else if (h->hrule == HR_NTH && !(d = dl_cal_nth_weekday(y, m, h->hnth, h->hwday)))
            return NODAY;
        return dl_cal_to_days(y, m, d) + h->hoff;
    }
    switch (s->gran) {
    case DL_G_DAY:
        return dl_cal_valid(y, s->m, s->d) ? dl_cal_to_days(y, s->m, s->d) : -1;
    case DL_G_MONTH:
        return dl_cal_to_days(y, s->m, 1);
    case DL_G_SEASON:
        return dl_cal_to_days(y, s->season == DL_SEASON_WI ? 12 : 3 * s->season, 1);
    case DL_G_QUARTER:
        return dl_cal_to_days(y, 3 * s->quarter - 2, 1);
    case DL_G_HALF:
        return dl_cal_to_days(y, 6 * s->half - 5, 1);
    case DL_G_YEAR:
        return dl_cal_to_days(y, 1, 1);
    case DL_G_DECADE:
    case DL_G_CENTURY:
        return dl_cal_to_days(y, 1, 1);
    }
    return NODAY;
}

/* Picks among periods sorted by start the one dir names from day b. Returns its index
 * or -1. */
static int pick(const long *first, const long *last, int n, int dir, long b)
{
    int best = -1;
    switch (dir) {
    case DIR_PAST:
        for (int i = 0; i < n; i++)
            if (first[i] <= b)
                best = i;
        return best;
    case DIR_LAST:
    case DIR_PREV:
        for (int i = 0; i < n; i++)
            if (last[i] < b)
                best = i;
        return best;
    case DIR_FUTURE:
        for (int i = 0; i < n; i++)
            if (last[i] >= b)
                return i;
        return -1;
    case DIR_NEXT:
        for (int i = 0; i < n; i++)
            if (first[i] > b)
                return i;
        return -1;
    case DIR_THIS:
        for (int i = 0; i < n; i++)
            if (first[i] <= b && b <= last[i])
                return i;
        return -1;
    default: {
        long bd = 0;
        for (int i = 0; i < n; i++) {
            long dist = b < first[i] ? first[i] - b : b > last[i] ? b - last[i] : 0;
            if (best < 0 || dist < bd) {   /* ties go to the earlier: news reports the past */
                best = i;
                bd = dist;
            }
        }
        return best;
    }
    }
}

/* The value of a named period or weekday with no year written, when there is no base
 * date: TimeML's underspecified form. */
static void fmt_unknown_fields(const sem *s, char *out, size_t n)
{
    if (s->how == HOW_WDAY) {
        snprintf(out, n, "XXXX-WXX-%d", s->wday);
        return;
    }
    static const char *const sc[] = {"", "SP", "SU", "FA", "WI"};
    if (s->hol)
        s->hol->hrule == HR_FIXED ? snprintf(out, n, "XXXX-%02d-%02d", s->hol->hmon, s->hol->hday)
                                  : snprintf(out, n, "XXXX-XX-XX");
    else if (s->gran == DL_G_DAY)
        snprintf(out, n, "XXXX-%02d-%02d", s->m, s->d);
    else if (s->gran == DL_G_MONTH)
        snprintf(out, n, "XXXX-%02d", s->m);
    else if (s->gran == DL_G_SEASON)
        snprintf(out, n, "XXXX-%s", sc[s->season]);
    else if (s->gran == DL_G_QUARTER)
        snprintf(out, n, "XXXX-Q%d", s->quarter);
    else if (s->gran == DL_G_HALF)
        snprintf(out, n, "XXXX-H%d", s->half);
    else if (s->gran == DL_G_WEEKEND)
        snprintf(out, n, "XXXX-WXX-WE");
    else
        snprintf(out, n, "XXXX");
}

static void fmt_unknown_gran(int gran, char *out, size_t n)
{
    static const char *const v[] = {"XXXX-XX-XX", "XXXX-WXX-WE", "XXXX-WXX", "XXXX-XX", "XXXX-XX",
                                    "XXXX-QX", "XXXX-HX", "XXXX", "XXX", "XX"};
    dl_copy_cut(out, n, gran >= 0 && gran < (int)DL_COUNT(v) ? v[gran] : "XXXX");
}

/* Writes the value of s, an expression on tokens [t0, t1). Sets *kind to the anchor used. */
static void resolve(const scan *sc, const sem *s, uint32_t t0, uint32_t t1, char *out, size_t n,
                    int *kind)
{
    const dl_doc *d = sc->d;
    if (s->weekof) {
        sem in = *s;
        in.weekof = 0;
        in.type = TY_DATE;
        char v[64];
        int g;
        long day;
        resolve(sc, &in, t0, t1, v, sizeof v, kind);
        if (!dl_cal_parse_value(v, &g, &day) && g == DL_G_DAY && !dl_cal_format(DL_G_WEEK, day, out, n))
            return;
        fmt_unknown_gran(DL_G_WEEK, out, n);
        return;
    }
    if (s->dayshift) {
        sem in = *s;
        in.dayshift = 0;
        char v[64];
        int g;
        long day;
        resolve(sc, &in, t0, t1, v, sizeof v, kind);
        if (!dl_cal_parse_value(v, &g, &day) && g == DL_G_DAY &&
            !dl_cal_format(DL_G_DAY, day + s->dayshift, out, n))
            return;
        if (!strncmp(v, "XXXX-WXX-", 9) && v[9] >= '1' && v[9] <= '7' && !v[10] && n > 10) {
            /* no document date: "the day before Tuesday" is still a Monday */
            memcpy(out, v, 11);
            out[9] = (char)('1' + (v[9] - '1' + 7 + s->dayshift) % 7);
            return;
        }
        fmt_unknown_gran(DL_G_DAY, out, n);
        return;
    }
    /* A period named earlier in the same sentence is what "a year ago" compares to ("for
     * this year, up from last year's"); else the story's reporting period. */
    int use_story = s->story && sc->has_story &&
                    !(sc->has_narr && sc->narr_sent == sc->sent && sc->narr_gran >= DL_G_MONTH &&
                      sc->narr_gran <= DL_G_YEAR);
    int use_narr = use_story || (s->narr && sc->has_narr);
    int has_base = use_narr || d->has_dct;
    long base = use_story ? sc->story_day : use_narr ? sc->narr_day : sc->dct;
    int base_gran = use_story ? sc->story_gran : sc->narr_gran;
    *kind = s->how == HOW_LIT || (s->how == HOW_FIELDS && s->y >= 0) ? DL_ANCHOR_EXPLICIT
            : use_narr ? DL_ANCHOR_NARRATIVE : DL_ANCHOR_DCT;
    if (s->how == HOW_LIT) {
        dl_copy_cut(out, n, s->lit);
        return;
    }
    int gran = s->gran;
    long day = NODAY;
    if (s->how == HOW_FIELDS && s->y >= 0) {
        day = fields_day(s, s->y);
    } else if (s->how == HOW_FIELDS || s->how == HOW_WDAY) {
        if (!has_base) {
            fmt_unknown_fields(s, out, n);
            goto time_of_day;
        }
        int dir = s->dir;
        /* A day of the month, a quarter or a half with no year is nearly always the one
         * nearest the DCT, whatever the tense (a day far off either way goes by the tense);
         * a month, season or weekday goes by the tense. */
        if (dir == DIR_TENSE && s->how == HOW_FIELDS &&
            (gran == DL_G_DAY || gran == DL_G_QUARTER || gran == DL_G_HALF))
            dir = gran == DL_G_DAY ? -1 : DIR_NEAR;
        else if (dir == DIR_TENSE)
            dir = tense_dir(sc, t0, t1);
        long first[8], last[8];
        int cyear[8], nc = 0, by = 0;
        if (s->how == HOW_WDAY) {
            if (s->dir == DIR_THIS) {
                /* The weekday of the base's week. */
                int y, m, dd;
                dl_cal_from_days(base, &y, &m, &dd);
                day = base - dl_cal_weekday(y, m, dd) + s->wday;
                goto format;
            }
            int y, m, dd;
            dl_cal_from_days(base, &y, &m, &dd);
            long w0 = base - 14 + ((s->wday - dl_cal_weekday(y, m, dd)) % 7 + 7) % 7;
            for (int i = 0; i < 5; i++)
                first[nc] = last[nc] = w0 + 7L * i, nc++;
        } else {
            int y, m, dd;
            dl_cal_from_days(base, &y, &m, &dd);
            by = y;
            for (int cy = y - 2; cy <= y + 2 && nc < 8; cy++) {
                long f = fields_day(s, cy);
                if (f == NODAY)
                    continue;
                long a, b;
                if (s->hol || gran == DL_G_DAY)
                    a = b = f;
                else
                    dl_cal_period(gran, f, &a, &b);
                first[nc] = a;
                last[nc] = b;
                cyear[nc] = cy;
                nc++;
            }
        }
        int i;
        if (dir < 0) {
            /* A day of the month: the nearest, unless that is more than a quarter away;
             * then the tense of the clause decides. */
            i = pick(first, last, nc, DIR_NEAR, base);
            long dist = i < 0 ? 0 : first[i] > base ? first[i] - base : base - last[i];
            int td = DIR_NEAR;
            if (dist > 60)
                td = tense_dir(sc, t0, t1);
            /* far off, the tense decides; two months ahead or more, a past clause is of
             * the year before ("met Sept. 9", written in June); nearer, a past verb often
             * sets a day ahead ("extended the offer to Nov. 20") */
            if ((dist > 91 && td != DIR_NEAR) || (td == DIR_PAST && first[i] > base))
                i = pick(first, last, nc, td, base);
        } else {
            i = pick(first, last, nc, dir, base);
            /* A quarter or a half: the nearest, but not one yet to start when the clause
             * is past ("posted a gain for the first half" in October: this year's, though
             * next year's is nearer). A future clause may well be about a period over
             * ("will report third-quarter results"). */
            if (i >= 0 && s->dir == DIR_TENSE && s->how == HOW_FIELDS &&
                (gran == DL_G_QUARTER || gran == DL_G_HALF) && first[i] > base) {
                int td = tense_dir(sc, t0, t1);
                if (td == DIR_PAST) {
                    int j = pick(first, last, nc, td, base);
                    if (j >= 0)
                        i = j;
                }
            }
            /* A month with no year, in a past clause, is the one gone by -- but not when
             * that is eleven months back and the month is the next one: "told them of a
             * cut in September", written in August, is of this September (news gives the
             * year, or "last", for a month that far back). */
            if (i >= 0 && s->dir == DIR_TENSE && s->how == HOW_FIELDS && dir == DIR_PAST &&
                gran == DL_G_MONTH && i + 1 < nc) {
                int y, m, dd;
                dl_cal_from_days(base, &y, &m, &dd);
                if (first[i + 1] == dl_cal_add_months(dl_cal_to_days(y, m, 1), 1))
                    i++;
            }
        }
        if (s->how == HOW_FIELDS && s->dir == DIR_LAST) {
            /* "last March", "last winter": of an earlier year than the base's, even when
             * this year's is over ("last February" on 1 March is a year back). */
            for (i = nc - 1; i >= 0 && !(last[i] < base && cyear[i] < by); i--)
                ;
            if (gran == DL_G_MONTH) {
                /* A month: the latest that ended before the base, except the one just
                 * before it ("last February" on 1 March is a year back: that one would
                 * be "last month"). */
                int y, m, dd;
                dl_cal_from_days(base, &y, &m, &dd);
                long cur = dl_cal_to_days(y, m, 1);
                long prev = dl_cal_add_months(cur, -1);
                for (i = nc - 1; i >= 0 && !(last[i] < base && first[i] != prev); i--)
                    ;
            }
        } else if (i < 0 && s->how == HOW_FIELDS && s->dir == DIR_THIS) {
            /* "this September": the base's year's. */
            for (i = 0; i < nc && cyear[i] != by; i++)
                ;
            if (i == nc)
                i = -1;
        }
        if (i < 0 && s->dir == DIR_THIS)
            i = pick(first, last, nc, tense_dir(sc, t0, t1) == DIR_PAST ? DIR_PAST : DIR_FUTURE, base);
        if (i < 0) {
            fmt_unknown_fields(s, out, n);
            goto time_of_day;
        }
        day = first[i];
    } else {   /* HOW_OFFSET */
        if (!has_base) {
            fmt_unknown_gran(gran, out, n);
            goto time_of_day;
        }
        if (use_narr && s->keep && base_gran < gran)
            gran = base_gran;
        else if (use_narr && base_gran > gran)
            gran = base_gran;   /* "In May ... two days later": some day of May, no finer */
        day = dl_cal_add_months(base, s->months) + s->days;
    }
format:
    if (day == NODAY || dl_cal_format(gran, day, out, n)) {
        fmt_unknown_gran(gran, out, n);
        return;
    }
time_of_day:
    if (s->type == TY_TIME && (gran == DL_G_DAY || s->how == HOW_WDAY)) {
        size_t l = strlen(out);
        if (s->hh >= 0)
            snprintf(out + l, n - l, "T%02d:%02d%s", s->hh, s->mm, s->zulu ? "Z" : "");
        else if (s->pod)
            snprintf(out + l, n - l, "T%s", pod_names[s->pod]);
    }
}

/* ---------------------------------------------------------------- grammar: pieces */

static int core_at(const scan *sc, uint32_t k, cand *c);
static int g_compound(const scan *sc, uint32_t k, cand *c);
static int g_spoken_year(const scan *sc, uint32_t k, cand *c);

/* Is the four-digit token k (value y) a year? Numbers in 1900-2099 are, unless the words
 * around show a count or an identifier ("2000 troops", "flight 1948", "$2000"); others
 * need a word before them that introduces a year ("in 1848"). */
static int year_ok(const scan *sc, uint32_t k, int y)
{
    if (y < 1000 || y > 2199)
        return 0;
    const wentry *p = k > sc->s0 ? we(sc, k - 1) : NULL;
    if (p && (p->cls & W_NOTYEAR))
        return 0;
    if (k > sc->s0 && (tk(sc, k - 1)->flags & DL_T_NUMBER))
        return 0;
    /* "a venture called Orion 1980", "Agenda 2000": a number after a name is part of it
     * (not after a calendar word: "Christmas 1980", "March 1980"). */
    if (k > sc->s0 && is_name_like(sc, k - 1) && (tk(sc, k - 1)->flags & DL_T_ALPHA) &&
        !(p && (p->cls & (W_MONTH | W_SEASON | W_HOLIDAY | W_WEEKDAY | W_FISCAL | W_YEARCUE | W_PHRASE))))
        return 0;
    if (k + 1 < sc->s1) {
        const dl_token *n = tk(sc, k + 1);
        const wentry *ne = we(sc, k + 1);
        if (!strcmp(n->lower, "%") || !strcmp(n->lower, "percent") || !strcmp(n->lower, ":"))
            return 0;
        if (ne && (ne->cls & (W_UNIT | W_UNITS)))
            return 0;
        /* "2000 troops": a plural noun after it makes it a count, unless a preposition
         * before says year ("in 1998 sales rose"). */
        size_t nl = strlen(n->lower);
        int plural = nl > 3 && n->lower[nl - 1] == 's' && n->lower[nl - 2] != '\'' &&
                     n->lower[nl - 2] != 's';
        if ((n->flags & DL_T_ALPHA) && !(n->flags & DL_T_CAP) && (n->pos & DL_POS_NOUN) &&
            !(n->pos & DL_POS_FUNC) && (plural || strcmp(n->nlemma, n->lower)) &&
            !(p && ((p->cls & W_YEARCUE) || ((p->cls & W_ARTICLE) && p->article_def))))
            return 0;   /* but "in 1998 sales rose", "the 1992 protests" */
    }
    if (y >= 1900 && y <= 2099)
        return 1;
    /* "between 1848 and 1850": "and" and "or" only after a year. */
    int y2;
    if (p && (is(sc, k - 1, "and") || is(sc, k - 1, "or")))
        return k >= sc->s0 + 2 && tok_digits(tk(sc, k - 2), 4, &y2);
    return p && (p->cls & (W_YEARCUE | W_MONTH | W_SEASON | W_FISCAL));
}

/* A four-digit year at token k. */
static int year_at(const scan *sc, uint32_t k, int *y)
{
    return k < sc->s1 && tok_digits(tk(sc, k), 4, y) && year_ok(sc, k, *y);
}

/* Is token k a month name? Month words that are also common words (May, March, Sun.)
 * count only when capitalised, and at the start of a sentence only before a day or year. */
static int month_ok(const scan *sc, uint32_t k)
{
    const wentry *e = we(sc, k);
    if (!e || !(e->cls & W_MONTH))
        return 0;
    const dl_token *t = tk(sc, k);
    if (!(t->flags & DL_T_CAP))
        return 0;
    size_t n = strlen(t->lower);
    int d, y;
    const wentry *o = we(sc, k + 1);
    int dl;
    if (tok_day(sc, k + 1, &d) || tok_dayrange(sc, k + 1, &d, &dl) ||
        (k + 1 < sc->s1 && tok_digits(tk(sc, k + 1), 4, &y)) ||
        (is(sc, k + 1, ",") && k + 2 < sc->s1 && tok_digits(tk(sc, k + 2), 4, &y)) ||
        (o && (o->cls & W_ORD) && o->ord <= 31 && !hasc(sc, k + 2, W_UNIT)))
        return 1;
    if (t->lower[n - 1] == '.')
        return 1;   /* "Jan." */
    /* A full name that is no other word ("January", "June"). */
    if (n > 3 && (t->pos == 0 || t->pos == DL_POS_NOUN) && !all_caps(sc, k))
        return 1;
    /* May, March, August, Jan: only with a word before that introduces a date ("in March",
     * "last May", "early August"), and not before a name ("Jan Kavan"). */
    if ((t->flags & DL_T_SENT_START) || all_caps(sc, k) || k == sc->s0)
        return 0;
    if (k + 1 < sc->s1 && (tk(sc, k + 1)->flags & DL_T_CAP) && !hasc(sc, k + 1, W_MONTH | W_WEEKDAY))
        return 0;
    /* "the March accession": an article, then a common noun after it. */
    if (hasc(sc, k - 1, W_ARTICLE) && k + 1 < sc->s1 && (tk(sc, k + 1)->flags & DL_T_ALPHA) &&
        !(tk(sc, k + 1)->flags & DL_T_CAP) && (tk(sc, k + 1)->pos & DL_POS_NOUN) && !hasc(sc, k + 1, W_ARTICLE))
        return 1;
    return hasc(sc, k - 1, W_YEARCUE | W_REL | W_MOD) && !is(sc, k - 1, "and") && !is(sc, k - 1, "or");
}

/* Is token k a weekday name (or its plural)? Short forms need a capital. */
static int weekday_ok(const scan *sc, uint32_t k)
{
    const wentry *e = we(sc, k);
    if (!e || !(e->cls & (W_WEEKDAY | W_WEEKDAYS)))
        return 0;
    const dl_token *t = tk(sc, k);
    if (!(t->flags & DL_T_CAP))
        return 0;
    size_t n = strlen(t->lower);
    return n > 5 || t->lower[n - 1] == '.' || t->pos == 0;
}

/* The token after an expression can take "of 1998", ", 1998", "of last year" for a
 * period whose year is not written: sets s->y and returns the token after, or k. */
static uint32_t year_of(const scan *sc, uint32_t k, sem *s, int comma_ok)
{
    uint32_t j = k;
    if (is(sc, j, "of") || (comma_ok && is(sc, j, ",")))
        j++;
    else if (!(s->gran == DL_G_SEASON || s->gran == DL_G_QUARTER || s->gran == DL_G_HALF || s->hol))
        return k;
    int y;
    if (hasc(sc, j, W_FISCAL))
        j++;
    if (year_at(sc, j, &y) || (j < sc->s1 && tok_digits(tk(sc, j), 4, &y) && y >= 1000 && y <= 2199)) {
        s->y = y;
        return j + 1;
    }
    cand sy;
    if (g_spoken_year(sc, j, &sy)) {   /* "the winter of nineteen ninety-four" */
        s->y = atoi(sy.s.lit);
        return sy.t1;
    }
    if (j == k)
        return k;
    /* "of this year", "of last year", "of the year" */
    const wentry *r = we(sc, j);
    uint32_t u = j + 1;
    if (r && (r->cls & W_ARTICLE) && r->article_def)
        r = NULL;
    else if (!(r && (r->cls & W_REL) && !r->rel_narr))
        return k;
    const wentry *ue = we(sc, u);
    if (!ue || !(ue->cls & W_UNIT) || ue->unit != U_Y || !sc->d->has_dct)
        return k;
    int dy, dm, dd;
    dl_cal_from_days(r ? sc->dct : (sc->has_narr ? sc->narr_day : sc->dct), &dy, &dm, &dd);
    s->y = dy + (r ? r->rel : 0);
    return u + 1;
}

/* "last year", "this year", "next year" after a month ("July last year", "March 5 this
 * year"): sets s->y from the DCT and returns the token after, or k. */
static uint32_t rel_year_after(const scan *sc, uint32_t k, sem *s)
{
    const wentry *r = we(sc, k), *u = we(sc, k + 1);
    if (!r || !(r->cls & W_REL) || r->rel_narr || r->rel_dur || !u || !(u->cls & W_UNIT) ||
        u->unit != U_Y || !sc->d->has_dct)
        return k;
    s->y = sc->d->dct.year + r->rel;
    return k + 2;
}

/* ---------------------------------------------------------------- grammar: families */

/* Month-first dates: "June 17, 2024", "June 17", "June 2024", "June of 2024", "June". */
static int g_month(const scan *sc, uint32_t k, cand *c)
{
    if (!month_ok(sc, k))
        return 0;
    int m = we(sc, k)->month, d, y;
    uint32_t j = k + 1;
    const wentry *ow = we(sc, j);
    int ord_day = ow && (ow->cls & W_ORD) && ow->ord >= 1 && ow->ord <= 31 && !hasc(sc, j + 1, W_UNIT);
    if (ord_day)
        d = ow->ord;   /* "March eighth" */
    int dlast = 0;
    if ((ord_day || tok_day(sc, j, &d) || tok_dayrange(sc, j, &d, &dlast)) && !hasc(sc, j + 1, W_UNIT | W_UNITS) &&
        !is(sc, j + 1, "%")) {
        j++;
        uint32_t j2 = is(sc, j, ",") ? j + 1 : j;
        sem_init(&c->s, TY_DATE, HOW_FIELDS);
        c->s.gran = DL_G_DAY;
        c->s.m = m;
        c->s.d = d;
        c->s.dlast = dlast;
        c->s.dir = DIR_TENSE;
        if (j2 < sc->s1 && tok_digits(tk(sc, j2), 4, &y) && y >= 1000 && y <= 2199) {
            c->s.y = y;
            j = j2 + 1;
        } else {
            j = rel_year_after(sc, j, &c->s);
        }
        c->t1 = j;
        return 1;
    }
    sem_init(&c->s, TY_DATE, HOW_FIELDS);
    c->s.gran = DL_G_MONTH;
    c->s.m = m;
    c->s.dir = DIR_TENSE;
    uint32_t j2 = is(sc, j, "of") || is(sc, j, ",") ? j + 1 : j;
    cand sy;
    if (j2 < sc->s1 && tok_digits(tk(sc, j2), 4, &y) && y >= 1000 && y <= 2199 &&
        (j2 == j || year_ok(sc, j2, y))) {
        c->s.y = y;
        j = j2 + 1;
    } else if (g_spoken_year(sc, j2, &sy)) {   /* "January nineteen ninety-seven" */
        c->s.y = atoi(sy.s.lit);
        j = sy.t1;
    } else if ((j2 = rel_year_after(sc, j, &c->s)) == j) {
        j = year_of(sc, j, &c->s, 0);
    } else {
        j = j2;
    }
    c->t1 = j;
    return 1;
}

/* Day-first dates: "17 June 2024", "17th of June", "the 17th of June". */
static int g_dayfirst(const scan *sc, uint32_t k, cand *c)
{
    int d, y, dlast = 0;
    if (!tok_day(sc, k, &d) && !tok_dayrange(sc, k, &d, &dlast))
        return 0;
    uint32_t j = k + 1;
    if (is(sc, j, "of"))
        j++;
    if (!month_ok(sc, j))
        return 0;
    sem_init(&c->s, TY_DATE, HOW_FIELDS);
    c->s.gran = DL_G_DAY;
    c->s.m = we(sc, j)->month;
    c->s.d = d;
    c->s.dlast = dlast;
    c->s.dir = DIR_TENSE;
    j++;
    uint32_t j2 = is(sc, j, ",") ? j + 1 : j;
    if (j2 < sc->s1 && tok_digits(tk(sc, j2), 4, &y) && y >= 1000 && y <= 2199) {
        c->s.y = y;
        j = j2 + 1;
    }
    c->t1 = j;
    return 1;
}

/* The second day of "April 24 and 25", "May 3 or 4": the month (and year) of the first. */
static int g_dayafter(const scan *sc, uint32_t k, cand *c)
{
    int d, d0, y;
    if (k < sc->s0 + 3 || !tok_day(sc, k, &d) || !(is(sc, k - 1, "and") || is(sc, k - 1, "or")) ||
        !tok_day(sc, k - 2, &d0) || !month_ok(sc, k - 3) || hasc(sc, k + 1, W_UNIT | W_UNITS | W_MONTH) ||
        is(sc, k + 1, "%"))
        return 0;
    sem_init(&c->s, TY_DATE, HOW_FIELDS);
    c->s.gran = DL_G_DAY;
    c->s.m = we(sc, k - 3)->month;
    c->s.d = d;
    c->s.dir = DIR_TENSE;
    c->t1 = k + 1;
    uint32_t j = is(sc, k + 1, ",") ? k + 2 : k + 1;
    if (j < sc->s1 && tok_digits(tk(sc, j), 4, &y) && y >= 1000 && y <= 2199) {
        c->s.y = y;
        c->t1 = j + 1;
    }
    return 1;
}

/* Weekdays: "Friday", "Friday morning", "Friday, June 17, 2024", "Tuesdays" (a set). */
static int g_weekday(const scan *sc, uint32_t k, cand *c)
{
    if (!weekday_ok(sc, k))
        return 0;
    const wentry *e = we(sc, k);
    uint32_t j = k + 1;
    if (e->cls & W_WEEKDAYS) {
        char v[32];
        const wentry *p = we(sc, j);
        if (p && (p->cls & W_POD)) {
            snprintf(v, sizeof v, "XXXX-WXX-%dT%s", e->wday, pod_names[p->pod]);
            j++;
        } else {
            snprintf(v, sizeof v, "XXXX-WXX-%d", e->wday);
        }
        sem_lit(&c->s, TY_SET, v);
        c->t1 = j;
        return 1;
    }
    uint32_t j2 = is(sc, j, ",") ? j + 1 : j;
    cand m;
    if ((g_month(sc, j2, &m) || g_dayfirst(sc, j2, &m)) && m.s.gran == DL_G_DAY) {
        *c = m;
        return 1;
    }
    sem_init(&c->s, TY_DATE, HOW_WDAY);
    c->s.gran = DL_G_DAY;
    c->s.wday = e->wday;
    /* "Wednesday's ruling", "Thursday's closing price": a day gone by, whatever the clause
     * around it says. */
    c->s.dir = is(sc, j, "'s") ? DIR_PAST : DIR_TENSE;
    const wentry *p = we(sc, j);
    if (p && (p->cls & W_POD)) {
        const char *pw = tk(sc, j)->lower;
        if (pw[strlen(pw) - 1] == 's') {   /* "Tuesday nights": every Tuesday night */
            char v[32];
            snprintf(v, sizeof v, "XXXX-WXX-%dT%s", e->wday, pod_names[p->pod]);
            sem_lit(&c->s, TY_SET, v);
            c->t1 = j + 1;
            return 1;
        }
        c->s.type = TY_TIME;
        c->s.pod = p->pod;
        j++;
    }
    c->t1 = j;
    return 1;
}

/* Days named from the DCT: "today", "yesterday morning", "tonight". */
static int g_deictic(const scan *sc, uint32_t k, cand *c)
{
    const wentry *e = we(sc, k);
    if (!e || !(e->cls & W_DEICTIC))
        return 0;
    sem_init(&c->s, TY_DATE, HOW_OFFSET);
    c->s.gran = DL_G_DAY;
    c->s.days = e->dshift;
    c->s.pod = e->dpod;
    uint32_t j = k + 1;
    const wentry *p = we(sc, j);
    if (!c->s.pod && p && (p->cls & W_POD)) {
        c->s.pod = p->pod;
        j++;
    }
    if (c->s.pod)
        c->s.type = TY_TIME;
    c->t1 = j;
    return 1;
}

/* A count and a unit: "24 years", "two and a half hours", "a decade", "several months",
 * "15 years old". Sets *v (negative when vague) and *unit; returns the token after it or k. */
static uint32_t count_unit(const scan *sc, uint32_t k, double *v, int *unit)
{
    int vague;
    uint32_t j = count_at(sc, k, v, &vague);
    if (j == k)
        return k;
    uint32_t h = and_a_half(sc, j);
    if (h > j && !vague) {
        *v += 0.5;
        j = h;
    }
    const wentry *u = we(sc, j);
    /* "several more years", "20 more years" */
    if (!(u && (u->cls & (W_UNIT | W_UNITS))) && (is(sc, j, "more") || is(sc, j, "additional"))) {
        j++;
        u = we(sc, j);
    }
    /* "eight trading days", "three straight years": the unit stays the unit. */
    if (u && (u->cls & W_UNITADJ) && hasc(sc, j + 1, W_UNIT | W_UNITS)) {
        j++;
        u = we(sc, j);
    }
    if (!u || !(u->cls & (W_UNIT | W_UNITS)))
        return k;
    /* "the 1988 second quarter", "a second betrayal": an ordinal, no unit. */
    if ((u->cls & W_ORD) && j + 1 < sc->s1 &&
        (hasc(sc, j + 1, W_UNIT) || is(sc, j + 1, "half") ||
         ((tk(sc, j + 1)->flags & DL_T_ALPHA) && (tk(sc, j + 1)->pos & (DL_POS_NOUN | DL_POS_ADJ)) &&
          !(tk(sc, j + 1)->pos & DL_POS_FUNC))))
        return k;
    /* A plural unit after "a"/"one" is no count of it ("a years-long"); a singular unit
     * after a vague word is none either ("several year"). */
    if (vague && !(u->cls & W_UNITS))
        return k;
    *unit = u->unit;
    if (vague)
        *v = -1;
    j++;
    h = and_a_half(sc, j);
    if (h > j && *v >= 0) {
        *v += 0.5;
        j = h;
    }
    return j;
}

/* Does token k begin a noun phrase (so that "after" before it is a preposition: "two
 * months after Kim's visit"), rather than end the clause or start another ("two weeks
 * after, he left", "a week later and")? */
static int np_follows(const scan *sc, uint32_t k)
{
    return k < sc->s1 && !(tk(sc, k)->flags & DL_T_PUNCT) && !hasc(sc, k, W_CLAUSE);
}

/* A number or a word of quantity ("twice", "percent", "million"). */
static int quantity_word(const scan *sc, uint32_t k)
{
    return (tk(sc, k)->flags & DL_T_NUMBER) || hasc(sc, k, W_RATE);
}

/* Is the token before k a quantity ("twice a year", "$5 a day", "50 percent a year")? */
static int quantity_before(const scan *sc, uint32_t k)
{
    if (k <= sc->s0)
        return 0;
    const dl_token *p = tk(sc, k - 1);
    if (quantity_word(sc, k - 1))
        return 1;
    /* "four flights a week", "4.5 billion euros a quarter" */
    double v;
    int vague;
    size_t n = strlen(p->lower);
    return k >= sc->s0 + 2 && (p->pos & DL_POS_NOUN) && n > 2 && p->lower[n - 1] == 's' &&
           (quantity_word(sc, k - 2) || count_at(sc, k - 2, &v, &vague) == k - 1);
}

/* Does an amount of money or a percentage end just before token k ("$2 million a year",
 * "8.5% annually")? Then the period after it is the unit of a rate, no time. */
static int amount_before(const scan *sc, uint32_t k)
{
    for (uint32_t j = k; j > sc->s0 && k - j < 5;) {
        j--;
        if (hasc(sc, j, W_MONEY))
            return 1;
        if (!(tk(sc, j)->flags & DL_T_NUMBER) && !hasc(sc, j, W_MULT | W_CARD | W_RATE))
            return 0;
    }
    return 0;
}

/* Is the age that ends before token k a person's ("a 6-year-old boy", "6-year-old Elian",
 * "the 6-year-old said", "Kopp, 44 years old,")? TimeBank leaves those out; the age of a
 * thing stays ("the 15-year-old UN panel"). */
/* A noun for a person: in the data, or made with a suffix of professions and followers
 * ("obstetrician", "gynecologist", "activist"). */
static int person_noun(const scan *sc, uint32_t k)
{
    if (hasc(sc, k, W_PERSON))
        return 1;
    const char *w = tk(sc, k)->lower;
    size_t n = strlen(w);
    return (n > 6 && !strcmp(w + n - 5, "ician")) || (n > 7 && !strcmp(w + n - 6, "ologist")) ||
           (n > 7 && !strcmp(w + n - 3, "ist"));
}

static int person_age(const scan *sc, uint32_t k)
{
    if (k >= sc->s1)
        return 1;
    const dl_token *t = tk(sc, k);
    if (person_noun(sc, k))
        return 1;
    /* A compound whose head is a person: "a 6-year-old shipwreck survivor". */
    for (uint32_t j = k + 1; j < sc->s1 && j <= k + 2 && (tk(sc, j - 1)->pos & DL_POS_NOUN) &&
                             (tk(sc, j - 1)->flags & DL_T_ALPHA) && !(tk(sc, j - 1)->flags & DL_T_CAP);
         j++)
        if (person_noun(sc, j))
            return 1;
    if (t->flags & DL_T_PUNCT)
        return 1;
    if (all_caps(sc, k))
        return 0;   /* an acronym: "the 15-year-old UN panel" */
    if (t->flags & DL_T_CAP)
        return 1;   /* a name */
    /* A noun after it is what is that old ("company"); anything else makes the age a
     * noun, and nouns of age name people ("the 44-year-old said"). */
    return !(t->pos & DL_POS_NOUN) || (t->pos & DL_POS_FUNC) ||
           ((t->pos & DL_POS_VERB) && (t->vform == DL_VF_S || t->vform == DL_VF_PAST));
}

/* Is the story about a reporting period: is the narrative date a quarter, a half or a
 * month of the last year before the DCT? Then "a year ago", "year-earlier" and "last
 * year" in a comparison mean that period a year before. */
static int period_story(const scan *sc)
{
    if (sc->has_story)
        return 1;
    if (!sc->has_narr || sc->narr_gran < DL_G_MONTH || sc->narr_gran > DL_G_HALF ||
        sc->narr_gran == DL_G_SEASON || !sc->d->has_dct)
        return 0;
    return sc->narr_day <= sc->dct && sc->dct - sc->narr_day < 400;
}

/* Does a comparison lead to token k in its sentence ("compared with $3 million last
 * year", "up from last year's", "higher than last year")? */
static int comparison_before(const scan *sc, uint32_t k)
{
    for (uint32_t j = k; j > sc->s0 && k - j <= 12;) {
        j--;
        if (hasc(sc, j, W_COMPARE))
            return 1;
        if (is(sc, j, ";") || is(sc, j, "."))
            break;
    }
    return 0;
}

/* Quantities of time and the dates they make: "24 years", "nine months ago", "a year
 * earlier", "two weeks later", "twice a year" (a set). */
static int g_count(const scan *sc, uint32_t k, cand *c)
{
    double v;
    int u;
    uint32_t j = count_unit(sc, k, &v, &u);
    if (j == k)
        return 0;
    char dur[32];
    fmt_dur(dur, sizeof dur, v, u);
    double v2;
    int u2;
    uint32_t j2 = is(sc, j, "and") ? count_unit(sc, j + 1, &v2, &u2) : j + 1;
    if (j2 > j + 1 && v == (double)(long)v && v2 == (double)(long)v2 && v >= 0 && v2 >= 0 && u2 < u &&
        u != U_DE && u != U_CE && u != U_ML && u != U_FN && u != U_WE && u != U_SE && u2 != U_WE &&
        u2 != U_FN && u2 != U_SE) {
        /* "three hours and 12 minutes": PT3H12M */
        char a[16], b[16];
        fmt_dur(a, sizeof a, v, u);
        fmt_dur(b, sizeof b, v2, u2);
        const char *tb = b + 1;
        if (a[1] == 'T' && tb[0] == 'T')
            tb++;   /* one T for both */
        snprintf(dur, sizeof dur, "%s%s", a, tb);
        sem_lit(&c->s, TY_DURATION, dur);
        c->t1 = j2;
        return 1;
    }
    if (is(sc, j, "old") && v >= 0) {   /* "15 years old" */
        if (person_age(sc, j + 1))
            return 0;
        sem_lit(&c->s, TY_DURATION, dur);
        c->t1 = j + 1;
        return 1;
    }
    uint32_t an = 0, pn = 0;
    const wentry *pm = item_at(sc, j, W_POSTMOD, &pn);
    const wentry *a = item_at(sc, j + (pm ? pn : 0), W_ANCHOR, &an);
    if (a && pm)
        j += pn;   /* "a week or so ago" */
    if (a && a->anchor_narr && an == 1 && (is(sc, j, "before") || is(sc, j, "after")) &&
        np_follows(sc, j + 1))
        a = NULL;   /* "two months after Kim's visit": a duration before a preposition */
    /* "a year" after a quantity is a rate: a set ("twice a year", "$5 a day"). */
    if (!a && v == 1 && hasc(sc, k, W_ARTICLE) && amount_before(sc, k))
        return 0;   /* "$5 million a year": a rate */
    if (!a && v == 1 && hasc(sc, k, W_ARTICLE) && quantity_before(sc, k)) {
        sem_lit(&c->s, TY_SET, dur);
        c->t1 = j;
        return 1;
    }
    if (!a && v == 1 && u == U_D && is(sc, k, "one") && j == k + 2 && k > sc->s0 && j < sc->s1 &&
        (item_at(sc, k - 1, W_FUTURE, &pn) || ((tk(sc, j)->pos & DL_POS_VERB) && !determiner_like(sc, k - 1) &&
                                                !(tk(sc, k - 1)->pos & DL_POS_FUNC) && tk(sc, j)->vform != DL_VF_ING))) {
        /* "will one day be", "hopes he one day follows": some time ahead, no length. */
        sem_lit(&c->s, TY_DATE, "FUTURE_REF");
        c->t1 = j;
        return 1;
    }
    if (!a) {
        sem_lit(&c->s, TY_DURATION, dur);
        c->t1 = j;
        return 1;
    }
    c->t1 = j + an;
    if (v < 0) {
        /* "several years ago": some time before now. */
        if (a->anchor_narr) {
            sem_lit(&c->s, TY_DURATION, dur);
            c->t1 = j;
        } else {
            sem_lit(&c->s, TY_DATE, a->anchor < 0 ? "PAST_REF" : "FUTURE_REF");
        }
        return 1;
    }
    int g = unit_gran(u);
    if (g == DL_G_DECADE || g == DL_G_CENTURY)
        g = DL_G_YEAR;   /* "a decade ago": the year ten years back */
    long months, days;
    if (g < 0 || u == U_WE || v != (double)(long)v || unit_move(u, (long)v * a->anchor, &months, &days)) {
        if ((u == U_H || u == U_MIN || u == U_S) && !a->anchor_narr) {   /* "two hours ago": today */
            g = DL_G_DAY;
            months = days = 0;
        } else {
            sem_lit(&c->s, TY_DURATION, dur);
            c->t1 = j;
            return 1;
        }
    }
    sem_init(&c->s, TY_DATE, HOW_OFFSET);
    c->s.gran = g;
    c->s.months = months;
    c->s.days = days;
    if (a->anchor_narr) {
        c->s.narr = 1;
        c->s.keep = 1;
        c->s.noset = a->anchor < 0;
    }
    if (pm)
        c->s.mod = pm->postmod;
    if (a->anchor_narr) {
    } else if (u == U_Y && v == 1 && a->anchor < 0 && period_story(sc)) {
        /* "net rose from $90 million a year ago" in a story of the third quarter: the
         * same quarter a year before. */
        c->s.narr = 1;
        c->s.keep = 1;
        c->s.noset = 1;
        c->s.story = 1;
    }
    return 1;
}

/* Shifts that a relative word makes: "last week", "next month", "the previous year", "the
 * past two years", "last winter", "last March", "next Tuesday", "this morning". */
/* A weekend named without a number, placed by the tense of its clause like a weekday
 * (its Saturday); the expression ends before t1. Returns 1. */
static int weekend_by_tense(cand *c, uint32_t t1)
{
    sem_init(&c->s, TY_DATE, HOW_WDAY);
    c->s.gran = DL_G_WEEKEND;
    c->s.wday = 6;
    c->s.dir = DIR_TENSE;
    c->t1 = t1;
    return 1;
}

static int g_rel(const scan *sc, uint32_t k, cand *c)
{
    uint32_t rn;
    const wentry *e = item_at(sc, k, W_REL, &rn);
    if (!e)
        return 0;
    /* "the talks will last two weeks", "expected to last": a verb. */
    const wentry *pv = k > sc->s0 ? we(sc, k - 1) : NULL;
    if (is(sc, k - 1, "to") || (pv && (pv->cls & W_FUTURE) && pv->future == FUT_AUX))
        return 0;
    int r = e->rel;
    uint32_t j = k + rn;
    double v;
    int u;
    uint32_t j2 = count_unit(sc, j, &v, &u);
    if (j2 > j) {
        char dur[32];
        fmt_dur(dur, sizeof dur, v, u);
        sem_lit(&c->s, TY_DURATION, dur);
        c->t1 = j2;
        return 1;
    }
    if (is(sc, j, "period") && period_story(sc) && (r == 0 || (r < 0 && !e->rel_narr))) {
        /* "the latest period", "the same period": the reporting period of the story. */
        sem_init(&c->s, TY_DATE, HOW_OFFSET);
        c->s.gran = sc->has_story ? sc->story_gran : sc->narr_gran;
        c->s.narr = 1;
        c->s.story = 1;
        c->t1 = j + 1;
        return 1;
    }
    const wentry *n = we(sc, j);
    if (!n)
        return 0;
    if (n->cls & W_UNITS) {   /* "the coming weeks", "recent years" */
        char dur[32];
        fmt_dur(dur, sizeof dur, -1, n->unit);
        sem_lit(&c->s, TY_DURATION, dur);
        c->t1 = j + 1;
        return 1;
    }
    if (n->cls & W_FISCAL && hasc(sc, j + 1, W_UNIT) && we(sc, j + 1)->unit == U_Y) {
        n = we(sc, j + 1);   /* "last fiscal year" */
        j++;
    }
    /* "this weekend" on a Monday: the one gone by in a past clause ("reported the glitch
     * this weekend"), the coming one in a future clause */
    if ((n->cls & W_UNIT) && n->unit == U_WE && r == 0 && !e->rel_dur && !e->rel_narr)
        return weekend_by_tense(c, j + 1);
    if (n->cls & W_UNIT) {
        int g = unit_gran(n->unit);
        long months, days;
        if (g < 0 || e->rel_dur || unit_move(n->unit, r, &months, &days)) {
            if (r == 0 && !e->rel_dur)
                return 0;
            char dur[32];
            fmt_dur(dur, sizeof dur, 1, n->unit);
            sem_lit(&c->s, TY_DURATION, dur);
            c->t1 = j + 1;
            return 1;
        }
        sem_init(&c->s, TY_DATE, HOW_OFFSET);
        c->s.gran = g;
        c->s.months = months;
        c->s.days = days;
        /* "the next day" counts from the story's day, "next week" from today. */
        c->s.narr = e->rel_narr || (n->unit == U_D && r != 0);
        c->s.noset = c->s.narr && r < 0;
        if (n->unit == U_Y && r == -1 && !e->rel_narr && period_story(sc) &&
            sc->narr_gran >= DL_G_QUARTER && comparison_before(sc, k)) {
            /* "compared with a loss of $3 million last year" in a quarter's story */
            c->s.narr = 1;
            c->s.keep = 1;
            c->s.noset = 1;
            c->s.story = 1;
        }
        c->t1 = j + 1;
        const wentry *p = we(sc, j + 1);
        if (n->unit == U_D && p && (p->cls & W_POD)) {
            c->s.type = TY_TIME;
            c->s.pod = p->pod;
            c->t1++;
        }
        return 1;
    }
    int dir = e->rel_prev ? DIR_PREV : r < 0 ? DIR_LAST : r > 0 ? DIR_NEXT : DIR_THIS;
    if (n->cls & W_SEASON) {
        sem_init(&c->s, TY_DATE, HOW_FIELDS);
        c->s.gran = DL_G_SEASON;
        c->s.season = n->season;
        c->s.dir = dir;
        c->s.narr = e->rel_narr;
        c->t1 = year_of(sc, j + 1, &c->s, 0);
        return 1;
    }
    if (month_ok(sc, j)) {
        cand m;
        if (g_month(sc, j, &m) && m.s.gran == DL_G_DAY) {
            /* "last Oct. 23": the latest Oct. 23 gone by, "next June 5" the first ahead. */
            *c = m;
            if (c->s.y < 0)
                c->s.dir = r < 0 ? DIR_PREV : r > 0 ? DIR_NEXT : DIR_TENSE;
            c->s.narr = e->rel_narr;
            return 1;
        }
        sem_init(&c->s, TY_DATE, HOW_FIELDS);
        c->s.gran = DL_G_MONTH;
        c->s.m = n->month;
        c->s.dir = dir;
        c->s.narr = e->rel_narr;
        c->t1 = j + 1;
        return 1;
    }
    if (weekday_ok(sc, j) && (n->cls & W_WEEKDAY)) {
        cand m;
        if (is(sc, j + 1, ",") && (g_month(sc, j + 2, &m) || g_dayfirst(sc, j + 2, &m)) &&
            m.s.gran == DL_G_DAY) {
            *c = m;   /* "this coming Sunday, March eighth": the date says which */
            return 1;
        }
        sem_init(&c->s, TY_DATE, HOW_WDAY);
        c->s.gran = DL_G_DAY;
        c->s.wday = n->wday;
        c->s.dir = dir;
        c->s.narr = e->rel_narr;
        c->t1 = j + 1;
        const wentry *p = we(sc, j + 1);
        if (p && (p->cls & W_POD)) {
            c->s.type = TY_TIME;
            c->s.pod = p->pod;
            c->t1++;
        }
        return 1;
    }
    if (n->cls & W_POD) {   /* "this morning", "last night", "the next morning", "that night" */
        sem_init(&c->s, TY_TIME, HOW_OFFSET);
        c->s.gran = DL_G_DAY;
        c->s.days = r;
        c->s.pod = n->pod;
        c->s.narr = e->rel_narr || r > 0;
        c->t1 = j + 1;
        return 1;
    }
    uint32_t hn;
    const wentry *h = item_at(sc, j, W_HOLIDAY, &hn);
    if (h && (tk(sc, j)->flags & DL_T_CAP)) {
        sem_init(&c->s, TY_DATE, HOW_FIELDS);
        c->s.gran = DL_G_DAY;
        c->s.hol = h;
        c->s.dir = dir;
        c->s.narr = e->rel_narr;
        c->t1 = j + hn;
        return 1;
    }
    return 0;
}

/* Ordinal periods: "third quarter", "first half", "first nine months", "20th century". */
static int g_ord(const scan *sc, uint32_t k, cand *c)
{
    int o;
    if (!tok_ord(sc, k, &o))
        return 0;
    uint32_t j = k + 1;
    const wentry *n = we(sc, j);
    int fiscal = hasc(sc, k - 1, W_FISCAL);
    if (n && (n->cls & W_FISCAL) && hasc(sc, j + 1, W_UNIT)) {   /* "the first fiscal quarter" */
        j++;
        n = we(sc, j);
        fiscal = 1;
    }
    if (n && (n->cls & W_UNIT) && (n->unit == U_Q || n->unit == U_CE || n->unit == U_DE)) {
        if (n->unit == U_Q) {
            if (o < 1 || o > 4)
                return 0;
            sem_init(&c->s, TY_DATE, HOW_FIELDS);
            c->s.gran = DL_G_QUARTER;
            c->s.quarter = o;
            /* A fiscal quarter matches no calendar quarter: the nearest calendar one means
             * nothing; the one named is the latest begun (reports follow its end). */
            c->s.dir = fiscal ? DIR_PAST : DIR_TENSE;
            c->s.fiscal = fiscal;
            c->t1 = year_of(sc, j + 1, &c->s, 0);
            return 1;
        }
        if (n->unit == U_CE && o >= 1 && o <= 21) {
            char v[8];
            snprintf(v, sizeof v, "%02d", o - 1);
            sem_lit(&c->s, TY_DATE, v);
            c->t1 = j + 1;
            return 1;
        }
        return 0;
    }
    if (is(sc, j, "half") && o >= 1 && o <= 2) {
        sem_init(&c->s, TY_DATE, HOW_FIELDS);
        c->s.gran = DL_G_HALF;
        c->s.half = o;
        c->s.dir = DIR_TENSE;
        c->t1 = year_of(sc, j + 1, &c->s, 0);
        return 1;
    }
    double v;
    int u;
    uint32_t j2 = count_unit(sc, j, &v, &u);
    if (j2 > j) {   /* "the first nine months" */
        char dur[32];
        fmt_dur(dur, sizeof dur, v, u);
        sem_lit(&c->s, TY_DURATION, dur);
        c->t1 = j2;
        return 1;
    }
    return 0;
}

/* Clock times: "3 p.m.", "15:30 GMT", "10:35 a.m.", "noon", "3 o'clock", and the day
 * after them ("10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 6"). */
static int g_clock(const scan *sc, uint32_t k, cand *c)
{
    int hh = -1, mm = 0, strong = 0, colon = 0;
    uint32_t j = k + 1;
    const wentry *e = we(sc, k);
    const char *s = tk(sc, k)->lower;
    if (e && (e->cls & W_CLOCK)) {
        hh = e->clock_h;
        mm = e->clock_m;
        strong = 1;
    } else {
        size_t n = strlen(s);
        int a, b;
        if ((n == 4 || n == 5) && s[n - 3] == ':' && str_digits(s + n - 2, 2, &b)) {
            char h[3] = {s[0], n == 5 ? s[1] : 0, 0};
            if (!str_digits(h, n - 3, &a))
                return 0;
            hh = a;
            mm = b;
            colon = 1;
        } else if (tok_digits(tk(sc, k), n, &a) && n <= 2 && a >= 1 && a <= 12) {
            hh = a;
        } else {
            return 0;
        }
    }
    const wentry *ap = we(sc, j);
    if (ap && (ap->cls & W_AMPM) && hh <= 12) {
        if (ap->ampm == 2 && hh < 12)
            hh += 12;
        else if (ap->ampm == 1 && hh == 12)
            hh = 0;
        j++;
        strong = 1;
    } else if (is(sc, j, "o'clock") && !colon) {
        j++;
        strong = 1;
    } else if (!colon && hh >= 1 && hh <= 12 && is(sc, j, "in") && is(sc, j + 1, "the") &&
               hasc(sc, j + 2, W_POD) && we(sc, j + 2)->pod != POD_DT) {
        /* "4 in the morning", "9 in the evening" */
        int pod = we(sc, j + 2)->pod;
        if (pod == POD_MO && hh == 12)
            hh = 0;
        else if (pod != POD_MO && hh < 12)
            hh += 12;
        j += 3;
        strong = 1;
    }
    int zulu = 0;
    if (hasc(sc, j, W_ZONE) && all_caps(sc, j) && (strong || colon)) {
        zulu = we(sc, j)->zulu;
        j++;
        strong = 1;
    }
    if (!strong && !(colon && k > sc->s0 && hasc(sc, k - 1, W_CLOCKCUE)))
        return 0;
    if (hh < 0 || hh > 24 || mm > 59)
        return 0;
    sem_init(&c->s, TY_TIME, HOW_OFFSET);
    c->s.gran = DL_G_DAY;
    c->s.hh = hh;
    c->s.mm = mm;
    c->s.zulu = zulu;
    /* With no day written, the story's day when it has one ("shot on Oct. 23 ... at
     * 10 p.m."), else the DCT's. */
    c->s.narr = sc->has_narr && sc->narr_gran == DL_G_DAY;
    c->t1 = j;
    uint32_t j2 = is(sc, j, ",") ? j + 1 : j;
    cand dc;
    if ((g_weekday(sc, j2, &dc) || g_deictic(sc, j2, &dc) || g_month(sc, j2, &dc) ||
         g_dayfirst(sc, j2, &dc) || g_rel(sc, j2, &dc)) &&
        dc.s.type != TY_SET && dc.s.gran == DL_G_DAY && (dc.s.how != HOW_FIELDS || dc.s.d > 0)) {
        c->s = dc.s;
        c->s.type = TY_TIME;
        c->s.hh = hh;
        c->s.mm = mm;
        c->s.zulu = zulu;
        c->s.pod = 0;
        c->t1 = dc.t1;
    }
    return 1;
}

/* Dates written in digits: 2024-06-17, 6/17/2024, 6/17/24, 2024/06/17, 17.06.2024. */
static int g_datetok(const scan *sc, uint32_t k, cand *c)
{
    const char *s = tk(sc, k)->lower;
    size_t n = strlen(s);
    int f[3], nf = 0, len[3];
    char sep = 0;
    for (size_t i = 0; i < n && nf < 3;) {
        if (!isdigit((unsigned char)s[i]))
            return 0;
        int v = 0, l = 0;
        while (i < n && isdigit((unsigned char)s[i]) && l < 5)
            v = v * 10 + (s[i++] - '0'), l++;
        f[nf] = v;
        len[nf++] = l;
        if (i < n) {
            if (sep && s[i] != sep)
                return 0;
            sep = s[i];
            if (sep != '-' && sep != '/' && sep != '.')
                return 0;
            i++;
            if (i == n)
                return 0;
        }
    }
    size_t used = 0;
    for (int i = 0; i < nf; i++)
        used += (size_t)len[i] + (i > 0);
    if (nf != 3 || used != n)
        return 0;   /* "1.2.3.4" is no date */
    int y, m, d;
    if (len[0] == 4 && len[1] <= 2 && len[2] <= 2 && sep != '.') {
        y = f[0], m = f[1], d = f[2];
    } else if (len[0] <= 2 && len[1] <= 2 && (len[2] == 4 || (len[2] == 2 && sep == '/'))) {
        y = len[2] == 4 ? f[2] : f[2] + (f[2] < 50 ? 2000 : 1900);
        if (sep == '/') {           /* American order, unless the first cannot be a month */
            m = f[0], d = f[1];
            if (m > 12 && d <= 12)
                m = f[1], d = f[0];
        } else if (sep == '.') {    /* European order */
            d = f[0], m = f[1];
        } else {
            return 0;
        }
    } else {
        return 0;
    }
    if (!dl_cal_valid(y, m, d))
        return 0;
    char v[16];
    snprintf(v, sizeof v, "%04d-%02d-%02d", y, m, d);
    sem_lit(&c->s, TY_DATE, v);
    c->t1 = k + 1;
    return 1;
}

/* Years and decades in digits: "1948", "1990s", "'90s", "1900s" (a century). */
static int g_year(const scan *sc, uint32_t k, cand *c)
{
    const char *s = tk(sc, k)->lower;
    size_t n = tk(sc, k)->llen;
    int y;
    char v[8];
    char four[5] = {0};
    if (n == 5)
        memcpy(four, s, 4);
    if (n == 5 && s[4] == 's' && str_digits(four, 4, &y) && y % 10 == 0 && y >= 1000 && y <= 2190) {
        if (y % 100 == 0 && y != 2000)
            fmt_uint(v, sizeof v, (unsigned long)(y / 100), 2);   /* y is 1000..2190 */
        else
            fmt_uint(v, sizeof v, (unsigned long)(y / 10), 3);
    } else if ((n == 4 && s[0] == '\'') || n == 3) {
        const char *p = s[0] == '\'' ? s + 1 : s;
        if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]) || p[2] != 's' || p[1] != '0')
            return 0;
        /* "in his 30s", "in their early 20s": an age. */
        if (hasc(sc, k - 1, W_AGE) || (hasc(sc, k - 1, W_MOD) && hasc(sc, k - 2, W_AGE)))
            return 0;
        int yy = (p[0] - '0') * 10;
        fmt_uint(v, sizeof v, (unsigned long)((yy <= 30 ? 2000 + yy : 1900 + yy) / 10), 3);
    } else if (year_at(sc, k, &y)) {
        if (y < 0 || !fmt_uint(v, sizeof v, (unsigned long)y, 4))
            snprintf(v, sizeof v, "%04d", y);
    } else {
        return 0;
    }
    sem_lit(&c->s, TY_DATE, v);
    c->t1 = k + 1;
    return 1;
}

/* Years said in words: "nineteen ninety-six", "the year two thousand". */
static int g_spoken_year(const scan *sc, uint32_t k, cand *c)
{
    double a, b;
    if (k + 1 >= sc->s1)
        return 0;   /* needs two words of the sentence ("season" at its very end was read past it) */
    if (!card_tok(sc, k, &a))   /* the tokens' entries are known: no hashing */
        return 0;
    const char *x = tk(sc, k + 1)->lower;
    int y = 0;
    uint32_t j = k + 2;
    if (a >= 11 && a <= 20 && card_tok(sc, k + 1, &b) && b >= 10 && b < 100)
        y = (int)(a * 100 + b);
    else if (a == 2 && !strcmp(x, "thousand") && k > sc->s0 && is(sc, k - 1, "year")) {
        y = 2000;
        double u;
        if (is(sc, j, "and") && j + 1 < sc->s1 &&
            card_tok(sc, j + 1, &u) && u < 100) {
            y += (int)u;
            j += 2;
        }
    }
    if (!y || hasc(sc, j, W_UNIT | W_UNITS))
        return 0;
    char v[8];
    snprintf(v, sizeof v, "%04d", y);
    sem_lit(&c->s, TY_DATE, v);
    c->t1 = j;
    return 1;
}

/* Seasons: "summer", "the summer of 1998", "winter 2023", "in the fall". "Fall" and
 * "spring" are also verbs and a source of water: alone they need "the", "in" or a year. */
static int g_season(const scan *sc, uint32_t k, cand *c)
{
    const wentry *e = we(sc, k);
    if (!e || !(e->cls & W_SEASON))
        return 0;
    sem_init(&c->s, TY_DATE, HOW_FIELDS);
    c->s.gran = DL_G_SEASON;
    c->s.season = e->season;
    c->s.dir = DIR_TENSE;
    uint32_t j = year_of(sc, k + 1, &c->s, 1);
    const dl_token *t = tk(sc, k);
    if (j == k + 1 && (t->pos & DL_POS_VERB) &&
        (!(k > sc->s0 && hasc(sc, k - 1, W_ARTICLE | W_MOD | W_REL | W_YEARCUE | W_SPAN)) ||
         is(sc, k - 1, "to")))
        return 0;   /* "to fall apart" */
    c->t1 = j;
    return 1;
}

/* The end of a unit: "year end", "year's end", "month-end" (a compound: g_compound). */
static int g_unit_end(const scan *sc, uint32_t k, cand *c)
{
    const wentry *e = we(sc, k);
    if (!e || !(e->cls & W_UNIT) || unit_gran(e->unit) < DL_G_MONTH)
        return 0;
    uint32_t j = k + 1;
    if (is(sc, j, "'s"))
        j++;
    if (!is(sc, j, "end"))
        return 0;
    sem_init(&c->s, TY_DATE, HOW_OFFSET);
    c->s.gran = unit_gran(e->unit);
    c->s.mod = MOD_END;
    c->t1 = j + 1;
    return 1;
}

/* Expressions that start with "the": "the previous year", "the third quarter", "the
 * nine months", "the 1990s", "the past", "the future", "the year", "the weekend", "the
 * quarter", "the year before", "the fiscal year". */
/* Can token j, after the article a, go on with an expression? After "a", only a word of
 * the data or one count_at names does ("a year", "a couple of"); after "the" (g_the, or a
 * modifier: "the early 1980s") digits and hyphens do too, and "the latter half". */
static int article_continues(const scan *sc, const wentry *a, uint32_t j)
{
    if (j >= sc->s1)
        return 0;
    if (sc->w[j] || is(sc, j, "half") || is(sc, j, "couple"))
        return 1;
    if (!a->article_def)
        return 0;
    const dl_token *t = tk(sc, j);
    return (t->flags & (DL_T_DIGIT | DL_T_NUMBER | DL_T_HYPHEN)) || isdigit((unsigned char)t->lower[0]) ||
           t->lower[0] == '\'' || has_hyphen(t->lower, t->llen) || is(sc, j, "latter");
}

/* "the day before yesterday", "the day after Christmas", "the day before last Tuesday's
 * hearing": the day next to the day that the expression after "before" or "after" names,
 * one expression (TimeML tags "the day before last Tuesday" whole). "the week before
 * last", "the year after next": two units back or on from the document date. */
static int g_next_to(const scan *sc, uint32_t k, cand *c)
{
    uint32_t j = k + 1, a = k + 3;
    if (a >= sc->s1 || !hasc(sc, j, W_UNIT))
        return 0;
    int u = we(sc, j)->unit, sign = is(sc, j + 1, "before") ? -1 : is(sc, j + 1, "after") ? 1 : 0;
    if (!sign)
        return 0;
    cand x;
    if (core_at(sc, a, &x)) {
        if (u != U_D || x.s.type != TY_DATE || x.s.gran != DL_G_DAY || x.s.mod || x.s.weekof ||
            x.s.dayshift)
            return 0;
        *c = x;
        c->s.dayshift = sign;
        return 1;
    }
    long months, days;
    if (!is(sc, a, sign < 0 ? "last" : "next") || unit_gran(u) < 0 || unit_move(u, 2 * sign, &months, &days))
        return 0;
    sem_init(&c->s, TY_DATE, HOW_OFFSET);
    c->s.gran = unit_gran(u);
    c->s.months = months;
    c->s.days = days;
    c->t1 = a + 1;
    return 1;
}

static int g_the(const scan *sc, uint32_t k, cand *c)
{
    const wentry *e = we(sc, k);
    if (!e || !(e->cls & W_ARTICLE) || !e->article_def)
        return 0;
    uint32_t j = k + 1;
    if (j >= sc->s1)
        return 0;
    const wentry *n = we(sc, j);
    if (!article_continues(sc, e, j))
        return 0;
    cand t;
    int y, o;
    if (year_at(sc, j, &y) || (j < sc->s1 && tok_digits(tk(sc, j), 4, &y) && y >= 1900 && y <= 2099)) {
        /* "the 1988 third quarter", "the 1988 first half", "the 1988 quarter" */
        uint32_t q = j + 1;
        if (hasc(sc, q, W_FISCAL))
            q++;
        if (tok_ord(sc, q, &o) && ((hasc(sc, q + 1, W_UNIT) && we(sc, q + 1)->unit == U_Q && o <= 4) ||
                                   (is(sc, q + 1, "half") && o <= 2))) {
            sem_init(&c->s, TY_DATE, HOW_FIELDS);
            c->s.y = y;
            if (is(sc, q + 1, "half"))
                c->s.gran = DL_G_HALF, c->s.half = o;
            else
                c->s.gran = DL_G_QUARTER, c->s.quarter = o;
            c->t1 = q + 2;
            return 1;
        }
        if (hasc(sc, q, W_UNIT) && we(sc, q)->unit == U_Q) {
            sem_init(&c->s, TY_DATE, HOW_FIELDS);
            c->s.y = y;
            if (sc->has_narr && sc->narr_gran == DL_G_QUARTER) {
                int ny, nm, nd;
                dl_cal_from_days(sc->narr_day, &ny, &nm, &nd);
                c->s.gran = DL_G_QUARTER;
                c->s.quarter = (nm - 1) / 3 + 1;
            } else {
                c->s.gran = DL_G_YEAR;
            }
            c->t1 = q + 1;
            return 1;
        }
    }
    if (g_year(sc, j, &t)) {
        /* "the 1990s", "the 1998 period"; but "the 2000 election" is the year alone. */
        if (strlen(t.s.lit) == 4 && !is(sc, t.t1, "period"))
            return 0;
        if (strlen(t.s.lit) == 4 && sc->has_story) {
            /* "the 1988 period" in a story of a quarter: that quarter of 1988. */
            int ny, nm, nd;
            dl_cal_from_days(sc->story_day, &ny, &nm, &nd);
            sem_init(&c->s, TY_DATE, HOW_FIELDS);
            c->s.y = atoi(t.s.lit);
            c->s.gran = sc->story_gran;
            c->s.quarter = (nm - 1) / 3 + 1;
            c->s.half = (nm - 1) / 6 + 1;
            c->s.noset = 1;
            c->t1 = t.t1 + 1;
            return 1;
        }
        if (strlen(t.s.lit) == 4)
            t.t1++;
        *c = t;
        return 1;
    }
    if ((is(sc, j, "last") || is(sc, j, "latter") || is(sc, j, "second") || is(sc, j, "first")) &&
        is(sc, j + 1, "half")) {
        /* "the last half of 1989", "the first half" */
        sem_init(&c->s, TY_DATE, HOW_FIELDS);
        c->s.gran = DL_G_HALF;
        c->s.half = is(sc, j, "first") ? 1 : 2;
        c->s.dir = DIR_TENSE;
        c->t1 = year_of(sc, j + 2, &c->s, 0);
        if (c->t1 == j + 2 && is(sc, j, "last"))
            return 0;   /* "the last half" alone is no date */
        return 1;
    }
    if (n && (n->cls & W_FISCAL) && tok_ord(sc, j + 1, &o) && g_ord(sc, j + 1, &t)) {
        *c = t;   /* "the fiscal first quarter" */
        return 1;
    }
    if ((n && (n->cls & W_REL) && g_rel(sc, j, &t)) || g_ord(sc, j, &t) || g_count(sc, j, &t) ||
        ((tk(sc, j)->flags & DL_T_ALPHA) && (tk(sc, j)->flags & DL_T_HYPHEN) && g_compound(sc, j, &t) &&
         t.s.type == TY_DATE && (t.t1 > j + 1 || t.s.how == HOW_LIT))) {
        /* "the mid-1990s", "the year-earlier quarter"; but "the year-earlier results" */
        *c = t;
        return 1;
    }
    if (!n)
        return 0;
    if (n->cls & W_DECADE) {   /* "the nineties" */
        sem_lit(&c->s, TY_DATE, n->set);
        c->t1 = j + 1;
        return 1;
    }
    if ((n->cls & W_UNITADJ) && hasc(sc, j + 1, W_UNIT)) {   /* "the full year" */
        j++;
        n = we(sc, j);
    }
    if ((n->cls & W_SEASON) && g_season(sc, j, &t)) {
        *c = t;
        return 1;
    }
    if (n->cls & W_REFNOUN) {
        /* "the future", "the past", but not "the future enforcement of sanctions". */
        const dl_token *a = j + 1 < sc->s1 ? tk(sc, j + 1) : NULL;
        if (a && (a->flags & DL_T_ALPHA) && (a->pos & (DL_POS_NOUN | DL_POS_ADJ)) &&
            !(a->pos & DL_POS_FUNC) && !((a->pos & DL_POS_VERB) && (a->vform == DL_VF_S || a->vform == DL_VF_PAST)))
            return 0;
        if (a && (is(sc, j + 1, "of") || is(sc, j + 1, "'s")))
            return 0;
        sem_lit(&c->s, TY_DATE, ref_names[n->refnoun]);
        c->t1 = j + 1;
        return 1;
    }
    if (n->cls & W_FISCAL) {
        int y;
        if (hasc(sc, j + 1, W_UNIT) && we(sc, j + 1)->unit == U_Y) {
            if (j + 2 < sc->s1 && tok_digits(tk(sc, j + 2), 4, &y)) {
                char v[8];
                snprintf(v, sizeof v, "%04d", y);
                sem_lit(&c->s, TY_DATE, v);
                c->t1 = j + 3;
                return 1;
            }
            j++;   /* "the fiscal year": as "the year" */
            n = we(sc, j);
        } else {
            return 0;
        }
    }
    if (!(n->cls & W_UNIT))
        return 0;
    int u = n->unit, g = unit_gran(u);
    /* "the year before", "the day after": from the narrative date. */
    uint32_t an;
    const wentry *a = item_at(sc, j + 1, W_ANCHOR, &an);
    if (a && a->anchor_narr && g >= 0 && !np_follows(sc, j + 1 + an)) {
        long months, days;
        if (unit_move(u, a->anchor, &months, &days))
            return 0;
        sem_init(&c->s, TY_DATE, HOW_OFFSET);
        c->s.gran = g;
        c->s.months = months;
        c->s.days = days;
        c->s.narr = 1;
        c->s.noset = a->anchor < 0;
        c->t1 = j + 1 + an;
        return 1;
    }
    int span = k > sc->s0 && hasc(sc, k - 1, W_SPAN);
    if (hasc(sc, j + 1, W_END) && (u == U_Y || u == U_M || u == U_W || u == U_Q)) {
        /* "the year ended March 31": twelve months up to a day, no calendar year; "the
         * quarter ended July 31": the calendar quarter that holds most of it. */
        char v[32];
        int kind, vg;
        long day;
        cand dc;
        if (u == U_Q && (g_month(sc, j + 2, &dc) || g_dayfirst(sc, j + 2, &dc)) && dc.s.gran == DL_G_DAY) {
            resolve(sc, &dc.s, j + 2, dc.t1, v, sizeof v, &kind);
            if (!dl_cal_parse_value(v, &vg, &day) && vg == DL_G_DAY) {
                int y, m, d;
                dl_cal_from_days(day - 45, &y, &m, &d);
                sem_init(&c->s, TY_DATE, HOW_FIELDS);
                c->s.gran = DL_G_QUARTER;
                c->s.y = y;
                c->s.quarter = (m - 1) / 3 + 1;
                c->t1 = j + 1;
                return 1;
            }
        } else if (u != U_Q) {
            char dur[16];
            fmt_dur(dur, sizeof dur, 1, u);
            sem_lit(&c->s, TY_DURATION, dur);
            c->t1 = j + 1;
            return 1;
        }
    }
    cand yc;
    if (u == U_Y && (g_year(sc, j + 1, &yc) || g_spoken_year(sc, j + 1, &yc)) &&
        strlen(yc.s.lit) == 4) {
        *c = yc;   /* "the year 2000", "the year two thousand" */
        return 1;
    }
    if (u == U_W && is(sc, j + 1, "of")) {
        /* "the week of March 6": the week that holds that day. */
        cand dc;
        if (core_at(sc, j + 2, &dc) && dc.s.type != TY_SET && dc.s.type != TY_DURATION &&
            (dc.s.how == HOW_WDAY || (dc.s.how == HOW_FIELDS && dc.s.gran == DL_G_DAY) ||
             (dc.s.how == HOW_LIT && strlen(dc.s.lit) == 10))) {
            *c = dc;
            c->s.weekof = 1;
            c->s.type = TY_DATE;
            return 1;
        }
    }
    switch (u) {
    case U_Y:
    case U_M:
    case U_W:
        if (span) {   /* "for the year": its length */
            char dur[16];
            fmt_dur(dur, sizeof dur, 1, u);
            sem_lit(&c->s, TY_DURATION, dur);
        } else {      /* "earlier in the year": the current one, or the story's */
            sem_init(&c->s, TY_DATE, HOW_OFFSET);
            c->s.gran = g;
            c->s.narr = sc->has_narr && sc->narr_gran <= g;
            c->s.story = sc->has_story && sc->story_gran <= g;
        }
        c->t1 = j + 1;
        return 1;
    case U_Q:
        /* "the quarter": the one the story is about, else the last one reported. */
        sem_init(&c->s, TY_DATE, HOW_OFFSET);
        c->s.gran = DL_G_QUARTER;
        if (sc->has_narr && sc->narr_gran == DL_G_QUARTER)
            c->s.narr = 1;
        else
            c->s.months = -3;
        c->t1 = j + 1;
        return 1;
    case U_WE:
        return weekend_by_tense(c, j + 1);
    }
    return 0;
}

/* Words that are time expressions alone: "now", "currently", "recently", "soon", "these
 * days", "right now". */
static int g_ref(const scan *sc, uint32_t k, cand *c)
{
    uint32_t n;
    const wentry *e = item_at(sc, k, W_REF | W_DURWORD, &n);
    if (!e)
        return 0;
    if (e->cls & W_DURWORD) {   /* "for a while" */
        sem_lit(&c->s, TY_DURATION, e->set);
        c->t1 = k + n;
        return 1;
    }
    if (n == 1 && e->ref == REF_PAST && k > sc->s0) {
        /* "have recently made", "was recently extended", "the recently passed law": an
         * adverb of the verb's own time, no expression of its own. */
        const dl_token *p = tk(sc, k - 1);
        if (lemma_is(p, "have") || lemma_is(p, "be") || determiner_like(sc, k - 1))
            return 0;
    }
    if (n == 1 && e->ref == REF_FUTURE) {
        /* "as soon as", "soon after", and a past clause ("was soon released"). */
        if ((k > sc->s0 && is(sc, k - 1, "as")) || is(sc, k + 1, "after") || is(sc, k + 1, "before") ||
            is(sc, k + 1, "as") || clause_tense(sc, k, k + 1) == TENSE_PAST ||
            (k + 1 < sc->s1 && verb_signal(sc, k + 1) == TENSE_PAST))
            return 0;   /* ... or the verb it qualifies is past ("cash that soon became a flood") */
    }
    sem_lit(&c->s, TY_DATE, ref_names[e->ref]);
    c->t1 = k + n;
    return 1;
}

/* Adjectives that are references to now or the past: "current", "recent" ("recent
 * years" is a duration). */
static int g_refadj(const scan *sc, uint32_t k, cand *c)
{
    const wentry *e = we(sc, k);
    if (!e || !(e->cls & W_REFADJ))
        return 0;
    const wentry *n = we(sc, k + 1);
    if (n && (n->cls & W_UNITS)) {   /* "recent years": a stretch of time */
        char dur[16];
        fmt_dur(dur, sizeof dur, -1, n->unit);
        sem_lit(&c->s, TY_DURATION, dur);
        c->t1 = k + 2;
        return 1;
    }
    if (k + 1 >= sc->s1 || !(tk(sc, k + 1)->flags & DL_T_ALPHA) || (n && (n->cls & W_UNIT)))
        return 0;
    sem_lit(&c->s, TY_DATE, ref_names[e->refadj]);
    c->t1 = k + 1;
    return 1;
}

/* Is the frequency word at k a noun for a newspaper ("the Communist Party daily Granma",
 * "the business weekly said")? Before a name, or after a determiner or a name at the end
 * of its phrase. */
static int press_noun(const scan *sc, uint32_t k)
{
    if (k + 1 >= sc->s1 || k == sc->s0 || !hasc(sc, k, W_PRESS))
        return 0;
    const dl_token *nx = tk(sc, k + 1), *p = tk(sc, k - 1);
    if (is_name_like(sc, k + 1) && !hasc(sc, k + 1, W_WEEKDAY | W_MONTH | W_WEEKDAYS))
        return 1;
    int ends = (nx->flags & DL_T_PUNCT) ||
               ((lemma_is(nx, "say") || lemma_is(nx, "report")) && (nx->vform == DL_VF_PAST || nx->vform == DL_VF_S));
    return ends && (determiner_like(sc, k - 1) || (p->flags & DL_T_CAP) ||
                    ((p->pos & DL_POS_NOUN) && p->vform == DL_VF_NONE && !(p->pos & DL_POS_FUNC)));
}

/* Sets: "daily", "annual", "every day", "each year", "every other week", "every two years",
 * "every Monday", "each July", "every morning". */
static int g_set(const scan *sc, uint32_t k, cand *c)
{
    const wentry *e = we(sc, k);
    if (e && (e->cls & W_SET)) {
        /* "quarterly dividend", "annual sales", "average daily volume": the unit of a
         * measure (per quarter), not a time that recurs ("the annual renewal"). */
        if ((hasc(sc, k + 1, W_MEASURE) && !(tk(sc, k + 1)->flags & DL_T_CAP)) || amount_before(sc, k))
            return 0;   /* ... "rise 8.5% annually", "$2 million yearly" */
        if (press_noun(sc, k))
            return 0;
        sem_lit(&c->s, TY_SET, e->set);
        c->t1 = k + 1;
        return 1;
    }
    uint32_t n;
    e = item_at(sc, k, W_SETDET, &n);
    if (!e)
        return 0;
    uint32_t j = k + n;
    int mult = e->every_other ? 2 : 1;
    double v;
    int u;
    char val[32];
    uint32_t j2 = count_unit(sc, j, &v, &u);
    const wentry *w = we(sc, j);
    if (j2 > j && v > 0) {
        fmt_dur(val, sizeof val, v * mult, u);
        j = j2;
    } else if (w && (w->cls & W_UNIT)) {
        fmt_dur(val, sizeof val, mult, w->unit);
        j++;
    } else if (weekday_ok(sc, j) && (w->cls & W_WEEKDAY)) {
        const wentry *p = we(sc, j + 1);
        if (p && (p->cls & W_POD)) {
            snprintf(val, sizeof val, "XXXX-WXX-%dT%s", w->wday, pod_names[p->pod]);
            j++;
        } else {
            snprintf(val, sizeof val, "XXXX-WXX-%d", w->wday);
        }
        j++;
    } else if (month_ok(sc, j)) {
        snprintf(val, sizeof val, "XXXX-%02d", w->month);
        j++;
    } else if (w && (w->cls & W_SEASON)) {
        static const char *const codes[] = {"", "SP", "SU", "FA", "WI"};
        snprintf(val, sizeof val, "XXXX-%s", codes[w->season]);
        j++;
    } else if (w && (w->cls & W_POD)) {
        snprintf(val, sizeof val, "XXXX-XX-XXT%s", pod_names[w->pod]);
        j++;
    } else {
        return 0;
    }
    sem_lit(&c->s, TY_SET, val);
    c->t1 = j;
    return 1;
}

/* Named days: "Christmas", "Thanksgiving Day 1998", "New Year's Eve". */
static int g_holiday(const scan *sc, uint32_t k, cand *c)
{
    uint32_t n;
    const wentry *h = item_at(sc, k, W_HOLIDAY, &n);
    if (!h || !(tk(sc, k)->flags & DL_T_CAP))
        return 0;
    sem_init(&c->s, TY_DATE, HOW_FIELDS);
    c->s.gran = DL_G_DAY;
    c->s.hol = h;
    c->s.dir = DIR_TENSE;
    uint32_t j = k + n;
    int y;
    uint32_t j2 = is(sc, j, ",") ? j + 1 : j;
    if (j2 < sc->s1 && tok_digits(tk(sc, j2), 4, &y) && y >= 1000 && y <= 2199) {
        c->s.y = y;
        j = j2 + 1;
    }
    if (hasc(sc, j, W_UNIT) && we(sc, j)->unit == U_W) {   /* "Easter week" */
        c->s.weekof = 1;
        j++;
    }
    c->t1 = j;
    return 1;
}

/* Fiscal years: "fiscal 1998", "fiscal year 1998". */
static int g_fiscal(const scan *sc, uint32_t k, cand *c)
{
    if (!hasc(sc, k, W_FISCAL))
        return 0;
    uint32_t j = k + 1;
    if (hasc(sc, j, W_UNIT) && we(sc, j)->unit == U_Y)
        j++;
    int y;
    if (j >= sc->s1 || !tok_digits(tk(sc, j), 4, &y) || y < 1000 || y > 2199)
        return 0;
    char v[8];
    snprintf(v, sizeof v, "%04d", y);
    sem_lit(&c->s, TY_DATE, v);
    c->t1 = j + 1;
    return 1;
}

/* A plural unit alone: "years" (PXY), "after years of war"; "years ago" is the past. */
static int g_units_bare(const scan *sc, uint32_t k, cand *c)
{
    const wentry *e = we(sc, k);
    if (!e || !(e->cls & W_UNITS) || (tk(sc, k)->flags & DL_T_CAP && !(tk(sc, k)->flags & DL_T_SENT_START)) ||
        is(sc, k + 1, "old"))
        return 0;
    uint32_t an;
    const wentry *a = item_at(sc, k + 1, W_ANCHOR, &an);
    if (a && !a->anchor_narr) {   /* "years ago": some time before now */
        sem_lit(&c->s, TY_DATE, a->anchor < 0 ? "PAST_REF" : "FUTURE_REF");
        c->t1 = k + 1 + an;
        return 1;
    }
    char dur[16];
    fmt_dur(dur, sizeof dur, -1, e->unit);
    sem_lit(&c->s, TY_DURATION, dur);
    c->t1 = k + 1;
    return 1;
}

/* A part of the day after "early", "late", "mid" ("late afternoon", "mid afternoon"): of
 * the story's day, or today. Alone ("in the morning") it is too often no date. */
static int g_pod(const scan *sc, uint32_t k, cand *c)
{
    const wentry *e = we(sc, k), *m = k > sc->s0 ? we(sc, k - 1) : NULL;
    if (!e || !(e->cls & W_POD) || !m || !(m->cls & W_MOD) ||
        (m->mod != MOD_START && m->mod != MOD_MID && m->mod != MOD_END) || (m->cls & W_ANCHOR))
        return 0;
    sem_init(&c->s, TY_TIME, HOW_OFFSET);
    c->s.gran = DL_G_DAY;
    c->s.pod = e->pod;
    c->s.narr = sc->has_narr && sc->narr_gran == DL_G_DAY;
    c->t1 = k + 1;
    cand dc;
    if (g_deictic(sc, k + 1, &dc) || g_weekday(sc, k + 1, &dc)) {   /* "late afternoon Friday" */
        c->s = dc.s;
        c->s.type = TY_TIME;
        c->s.pod = e->pod;
        c->t1 = dc.t1;
    }
    return 1;
}

/* Quarters written Q3 ("Q3 2023"). */
static int g_qtok(const scan *sc, uint32_t k, cand *c)
{
    const char *s = tk(sc, k)->lower;
    if (s[0] != 'q' || s[1] < '1' || s[1] > '4' || s[2] || !(tk(sc, k)->flags & DL_T_CAP))
        return 0;
    sem_init(&c->s, TY_DATE, HOW_FIELDS);
    c->s.gran = DL_G_QUARTER;
    c->s.quarter = s[1] - '0';
    c->s.dir = DIR_TENSE;
    int y;
    uint32_t j = k + 1;
    if (j < sc->s1 && tok_digits(tk(sc, j), 4, &y) && y >= 1000 && y <= 2199) {
        c->s.y = y;
        j++;
    } else {
        j = year_of(sc, j, &c->s, 0);
    }
    c->t1 = j;
    return 1;
}

/* Hyphenated words: "15-year-old", "five-year", "24-hour", "year-long", "third-quarter",
 * "first-half", "mid-1990s", "mid-March", "late-November", "mid-afternoon", "year-end",
 * "year-earlier", "year-ago". */
static int g_compound(const scan *sc, uint32_t k, cand *c)
{
    const char *s = tk(sc, k)->lower;
    const char *part[6];
    size_t plen[6];
    const wentry *pe[6];
    int np = 0;
    for (const char *p = s;;) {
        const char *h = strchr(p, '-');
        size_t l = h ? (size_t)(h - p) : strlen(p);
        if (np == 6 || l == 0)
            return 0;
        part[np] = p;
        plen[np] = l;
        pe[np] = lex_word(sc->x, p, l);
        np++;
        if (!h)
            break;
        p = h + 1;
    }
    if (np < 2)
        return 0;
    c->t1 = k + 1;
    const char *rest = part[1];
    size_t rlen = strlen(rest);
    /* "post-1959", "pre-1990s": the year or decade, before or after it */
    int py;
    if (np == 2 && ((plen[0] == 3 && !memcmp(part[0], "pre", 3)) || (plen[0] == 4 && !memcmp(part[0], "post", 4))) &&
        ((rlen == 4 && str_digits(rest, 4, &py) && py >= 1000 && py <= 2199) ||
         (rlen == 5 && rest[4] == 's' && isdigit((unsigned char)rest[0]) && isdigit((unsigned char)rest[3])))) {
        char v[8];
        snprintf(v, sizeof v, "%.*s", rlen == 4 ? 4 : 3, rest);
        sem_lit(&c->s, TY_DATE, v);
        c->s.mod = plen[0] == 3 ? MOD_BEFORE : MOD_AFTER;
        return 1;
    }
    /* mid-1990s, mid-March, late-November, mid-afternoon, mid-year */
    if (pe[0] && (pe[0]->cls & W_MOD) &&
        (pe[0]->mod == MOD_START || pe[0]->mod == MOD_MID || pe[0]->mod == MOD_END)) {
        int y;
        char v[8];
        const wentry *r = np == 2 ? pe[1] : NULL;
        if (np == 2 && rlen == 4 && str_digits(rest, 4, &y) && y >= 1000 &&
            y <= 2199) {
            snprintf(v, sizeof v, "%04d", y);
            sem_lit(&c->s, TY_DATE, v);
        } else if (np == 2 && rlen == 5 && rest[4] == 's' && isdigit((unsigned char)rest[0]) &&
                   isdigit((unsigned char)rest[3])) {
            snprintf(v, sizeof v, "%.3s", rest);
            sem_lit(&c->s, TY_DATE, v);
        } else if (r && (r->cls & W_MONTH)) {
            sem_init(&c->s, TY_DATE, HOW_FIELDS);
            c->s.gran = DL_G_MONTH;
            c->s.m = r->month;
            c->s.dir = DIR_TENSE;
            c->t1 = year_of(sc, k + 1, &c->s, 1);
        } else if (r && (r->cls & W_POD)) {
            sem_init(&c->s, TY_TIME, HOW_OFFSET);
            c->s.gran = DL_G_DAY;
            c->s.pod = r->pod;
            cand dc;
            if (g_deictic(sc, k + 1, &dc) || g_weekday(sc, k + 1, &dc)) {
                c->s = dc.s;
                c->s.type = TY_TIME;
                c->s.pod = r->pod;
                c->t1 = dc.t1;
            }
        } else if (r && (r->cls & W_UNIT) && unit_gran(r->unit) >= DL_G_WEEK) {
            sem_init(&c->s, TY_DATE, HOW_OFFSET);
            c->s.gran = unit_gran(r->unit);
        } else {
            return 0;
        }
        c->s.mod = pe[0]->mod;
        return 1;
    }
    if (np == 2 && pe[0] && (pe[0]->cls & W_ORD) && pe[1]) {
        int o = pe[0]->ord;
        if ((pe[1]->cls & W_UNIT) && pe[1]->unit == U_Q && o >= 1 && o <= 4) {
            sem_init(&c->s, TY_DATE, HOW_FIELDS);
            c->s.gran = DL_G_QUARTER;
            c->s.quarter = o;
            c->s.dir = DIR_TENSE;
            c->t1 = year_of(sc, k + 1, &c->s, 0);
            return 1;
        }
        if (plen[1] == 4 && !memcmp(part[1], "half", 4) && o >= 1 && o <= 2) {
            sem_init(&c->s, TY_DATE, HOW_FIELDS);
            c->s.gran = DL_G_HALF;
            c->s.half = o;
            c->s.dir = DIR_TENSE;
            c->t1 = year_of(sc, k + 1, &c->s, 0);
            return 1;
        }
    }
    /* year-earlier, year-ago, year-end */
    if (np == 2 && pe[0] && (pe[0]->cls & W_UNIT) && unit_gran(pe[0]->unit) >= DL_G_DAY) {
        int u = pe[0]->unit, g = unit_gran(u);
        if (pe[1] && (pe[1]->cls & W_ANCHOR)) {
            long months, days;
            if (unit_move(u, pe[1]->anchor, &months, &days))
                return 0;
            sem_init(&c->s, TY_DATE, HOW_OFFSET);
            c->s.gran = g;
            c->s.months = months;
            c->s.days = days;
            c->s.narr = 1;
            c->s.keep = 1;
            c->s.noset = pe[1]->anchor < 0;
            c->s.story = pe[1]->anchor < 0;
            if (pe[1]->anchor < 0 && !period_story(sc))
                c->s.narr = c->s.keep = 0;   /* "year-earlier" in a story of no period: the DCT's */
            /* "the year-earlier quarter", "year-ago period", "the year-earlier nine months" */
            double v;
            int cu;
            uint32_t j2 = count_unit(sc, k + 1, &v, &cu);
            const wentry *n = we(sc, k + 1);
            int o;
            if (u == U_Y && pe[1]->anchor < 0 && tok_ord(sc, k + 1, &o) &&
                ((hasc(sc, k + 2, W_UNIT) && we(sc, k + 2)->unit == U_Q && o <= 4) ||
                 (is(sc, k + 2, "half") && o <= 2)) && (sc->has_narr || sc->d->has_dct)) {
                /* "the year-ago third quarter" */
                int ny, nm, nd;
                dl_cal_from_days(sc->has_narr ? sc->narr_day : sc->dct, &ny, &nm, &nd);
                sem_init(&c->s, TY_DATE, HOW_FIELDS);
                c->s.y = ny - 1;
                if (is(sc, k + 2, "half"))
                    c->s.gran = DL_G_HALF, c->s.half = o;
                else
                    c->s.gran = DL_G_QUARTER, c->s.quarter = o;
                c->s.noset = 1;
                c->t1 = k + 3;
            } else if (j2 > k + 1) {
                char dur[16];
                fmt_dur(dur, sizeof dur, v, cu);
                sem_lit(&c->s, TY_DURATION, dur);
                c->t1 = j2;
            } else if (n && (n->cls & W_UNIT) && unit_gran(n->unit) >= 0) {
                c->s.gran = unit_gran(n->unit);
                c->s.keep = 0;
                c->t1 = k + 2;
            } else if (is(sc, k + 1, "period")) {
                c->t1 = k + 2;
            }
            return 1;
        }
        if (plen[1] == 3 && !memcmp(part[1], "end", 3) && g >= DL_G_MONTH) {
            sem_init(&c->s, TY_DATE, HOW_OFFSET);
            c->s.gran = g;
            c->s.mod = MOD_END;
            return 1;
        }
    }
    /* 15-year-old, five-year, twenty-four-hour, half-hour, multi-year, year-long */
    int i = 0;
    double v = 0;
    int vague = 0;
    if (plen[0] < 8 && isdigit((unsigned char)part[0][0])) {
        char buf[8];
        memcpy(buf, part[0], plen[0]);
        buf[plen[0]] = 0;
        char *end;
        v = strtod(buf, &end);
        if (*end)
            return 0;
        i = 1;
    } else {
        double x;
        while (i < np && card_word(sc, part[i], plen[i], &x)) {
            v = (i > 0 && v >= 20 && x < 10) ? v + x : (i == 0 ? x : -2);
            if (v < 0)
                return 0;
            i++;
        }
        if (i == 0 && ((plen[0] == 5 && !memcmp(part[0], "multi", 5)) || (pe[0] && (pe[0]->cls & W_VAGUE)))) {
            vague = 1;
            i = 1;
        } else if (i == 0 && plen[0] == 4 && !memcmp(part[0], "half", 4)) {
            v = 0.5;
            i = 1;
        }
    }
    if (i >= np || !pe[i] || !(pe[i]->cls & (W_UNIT | W_UNITS)))
        return 0;
    int u = pe[i]->unit;
    int plural = (pe[i]->cls & W_UNITS) && !(pe[i]->cls & W_UNIT);
    i++;
    if (i < np && plen[i] == 3 && !memcmp(part[i], "old", 3)) {
        if (person_age(sc, k + 1))
            return 0;
        i++;
    } else if (i < np && plen[i] == 4 && !memcmp(part[i], "long", 4)) {
        i++;
    }
    if (i != np)
        return 0;
    if (plural && i == np && !(plen[np - 1] == 4 && !memcmp(part[np - 1], "long", 4)) &&
        !(plen[np - 1] == 3 && !memcmp(part[np - 1], "old", 3)) && !vague)
        return 0;   /* "three-quarters", "two-thirds": fractions */
    if (i == 2 && v == 0 && !vague) {   /* "year-long", "decades-long" */
        if (!(plen[1] == 4 && !memcmp(part[1], "long", 4)))
            return 0;
        v = plural ? -1 : 1;
    }
    char dur[16];
    fmt_dur(dur, sizeof dur, vague ? -1 : v, u);
    sem_lit(&c->s, TY_DURATION, dur);
    return 1;
}

/* ---------------------------------------------------------------- grammar: driver */

static int core_at(const scan *sc, uint32_t k, cand *best)
{
    if (k >= sc->s1)
        return 0;
    const dl_token *t = tk(sc, k);
    const wentry *e = we(sc, k);
    int found = 0;
    cand c;
#define TRY(f)                                                      \
    do {                                                            \
        if (f(sc, k, &c) && (!found || c.t1 > best->t1)) {          \
            *best = c;                                              \
            found = 1;                                              \
        }                                                           \
    } while (0)
    if (t->flags & DL_T_DIGIT) {
        TRY(g_datetok);
        TRY(g_year);
        TRY(g_dayafter);
        TRY(g_dayfirst);
        TRY(g_clock);
        TRY(g_count);
        TRY(g_ord);
    }
    if ((t->flags & (DL_T_ALPHA | DL_T_DIGIT)) && (sc->tf[k] & TF_HYPHEN))
        TRY(g_compound);
    if (e) {
        /* The rules for the classes of phrases are tried where such a phrase starts. */
        uint64_t here = (e->cls & W_PHRASE) ? e->cls | sc->at[k - sc->s0].cls : e->cls;
        if (e->cls & W_MONTH)
            TRY(g_month);
        if (e->cls & (W_WEEKDAY | W_WEEKDAYS))
            TRY(g_weekday);
        if (e->cls & W_DEICTIC)
            TRY(g_deictic);
        if (here & W_REL)
            TRY(g_rel);
        if ((e->cls & W_ARTICLE) && e->article_def) {
            TRY(g_the);
            TRY(g_next_to);
        }
        /* A count starts at a number word, a vague one, or "a"/"an"; "the" counts nothing
         * (count_at) and is tried by g_the only. */
        if ((e->cls & (W_CARD | W_VAGUE)) || ((e->cls & W_ARTICLE) && !e->article_def))
            TRY(g_count);
        if (e->cls & W_ORD)
            TRY(g_ord);
        if (e->cls & W_CLOCK)
            TRY(g_clock);
        if (here & (W_REF | W_DURWORD))
            TRY(g_ref);
        if (e->cls & W_REFADJ)
            TRY(g_refadj);
        if (here & (W_SET | W_SETDET))
            TRY(g_set);
        if (here & W_HOLIDAY)
            TRY(g_holiday);
        if (e->cls & W_FISCAL)
            TRY(g_fiscal);
        if (e->cls & W_UNITS)
            TRY(g_units_bare);
        if (e->cls & W_UNIT)
            TRY(g_unit_end);
        if (e->cls & W_SEASON)
            TRY(g_season);
        if (e->cls & W_POD)
            TRY(g_pod);
        if (e->cls & W_CARD)
            TRY(g_spoken_year);
    } else if (!strcmp(t->lower, "half")) {
        TRY(g_count);
    } else if (t->lower[0] == 'q') {
        TRY(g_qtok);
    }
#undef TRY
    return found;
}

/* Does mod m (words [k0, k)) go with the expression c that follows it? Quantities
 * ("about", "more than") go with counts, clock times and written dates, not with "the
 * past two years" ("over the past two years" is a preposition); parts of a period
 * ("early", "the end of") go with dates; "earlier"/"later" with "this week", "today". */
static int mod_fits(const scan *sc, const wentry *m, uint32_t k0, uint32_t k, const cand *c)
{
    if (c->s.type == TY_SET)
        return 0;
    const wentry *e = we(sc, k);
    if (m->mod == MOD_START || m->mod == MOD_MID || m->mod == MOD_END) {
        if (c->s.type == TY_DURATION)
            return 0;
        if (hasc(sc, k0, W_ANCHOR))   /* "later this week", "earlier today" */
            return e && (e->cls & (W_REL | W_DEICTIC | W_WEEKDAY)) && !(e->cls & W_ARTICLE);
        return 1;
    }
    const dl_token *t = tk(sc, k);
    if (e && (e->cls & (W_REL | W_ARTICLE)) && !(e->cls & W_ARTICLE && !e->article_def))
        return 0;
    /* "get around Wednesday's ruling", "talk about Monday's vote": a possessive date
     * qualifies a noun; the word before governs the noun phrase, it is no estimate. */
    if (is(sc, c->t1, "'s"))
        return 0;
    int countlike = (t->flags & DL_T_DIGIT) || (e && (e->cls & (W_CARD | W_ARTICLE | W_VAGUE))) ||
                    !strcmp(t->lower, "half");
    if ((is(sc, k0, "over") || is(sc, k0, "under") || is(sc, k0, "some")) && c->s.type != TY_DURATION &&
        !(c->s.type == TY_DATE && countlike && c->s.how == HOW_OFFSET))
        return 0;
    return countlike || (e && (e->cls & (W_MONTH | W_CLOCK | W_WEEKDAY)));
}

/* Are the words [k, t1) part of a title or a name ("ABC's \"This Week\"", "VOA Today"):
 * words that are written in lower case, capitalised inside a sentence next to another
 * capitalised word or a quote? */
static int title_words(const scan *sc, uint32_t k, uint32_t t1, const sem *s)
{
    /* A unit with a capital inside a sentence: "60 Minutes", "This Week" (not "Election Day"). */
    for (uint32_t i = k; i < t1 && !s->hol; i++)
        if (hasc(sc, i, W_UNIT | W_UNITS) && (tk(sc, i)->flags & DL_T_CAP) &&
            !(tk(sc, i)->flags & DL_T_SENT_START) && !all_caps(sc, i))
            return 1;
    const dl_token *t = tk(sc, k);
    if ((t->flags & DL_T_SENT_START) || !(t->flags & DL_T_CAP) || all_caps(sc, k))
        return 0;
    const wentry *e = we(sc, k);
    if (!e || (e->cls & (W_MONTH | W_WEEKDAY | W_WEEKDAYS | W_HOLIDAY)))
        return 0;
    for (uint32_t i = k; i < t1; i++)
        if ((tk(sc, i)->flags & DL_T_ALPHA) && !(tk(sc, i)->flags & DL_T_CAP))
            return 0;
    const dl_token *p = k > sc->s0 ? tk(sc, k - 1) : NULL;
    const dl_token *n = t1 < sc->s1 ? tk(sc, t1) : NULL;
    return (p && ((p->flags & DL_T_CAP) || !strcmp(p->lower, "\"") || !strcmp(p->lower, "``"))) ||
           (n && (n->flags & DL_T_CAP) && (n->flags & DL_T_ALPHA));
}

/* The expression that starts at token k, with its modifiers, or 0. */
static int match_at(const scan *sc, uint32_t k, cand *best)
{
    /* An article starts nothing when no phrase of the data starts at it and the next
     * word goes on with none (its rules are g_the and g_count). */
    const wentry *e = sc->w[k];
    if (e && (e->cls & W_STARTS) == W_ARTICLE && !((e->cls & W_PHRASE) && sc->at[k - sc->s0].n) &&
        !article_continues(sc, e, k + 1))
        return 0;
    int found = core_at(sc, k, best);
    uint32_t mn;
    const wentry *m = item_at(sc, k, W_MOD, &mn);
    uint32_t k0 = k;
    if (!m && hasc(sc, k, W_ARTICLE) && we(sc, k)->article_def) {
        /* "the early 1980s", "the late 1970s" */
        m = item_at(sc, k + 1, W_MOD, &mn);
        if (m && (m->mod == MOD_START || m->mod == MOD_MID || m->mod == MOD_END) &&
            !(m->cls & W_ANCHOR) && !hasc(sc, k + 1, W_ARTICLE))
            k0 = k + 1;
        else
            m = NULL;
    }
    if (m) {
        cand c;
        if (core_at(sc, k0 + mn, &c) && mod_fits(sc, m, k0, k0 + mn, &c) && (!found || c.t1 > best->t1) &&
            (k0 == k || c.s.type == TY_DATE)) {
            if (!c.s.mod)
                c.s.mod = m->mod;
            *best = c;
            found = 1;
        }
    }
    if (!found || title_words(sc, k, best->t1, &best->s))
        return 0;
    /* "this year's third quarter", "1998's first half" */
    int o;
    uint32_t q = best->t1 + 1;
    if (is(sc, best->t1, "'s") && tok_ord(sc, q, &o) &&
        ((hasc(sc, q + 1, W_UNIT) && we(sc, q + 1)->unit == U_Q && o >= 1 && o <= 4) ||
         (is(sc, q + 1, "half") && o >= 1 && o <= 2))) {
        char v[32];
        int kind;
        resolve(sc, &best->s, k, best->t1, v, sizeof v, &kind);
        if (strlen(v) == 4 && isdigit((unsigned char)v[0]) && best->s.type == TY_DATE) {
            int quarter = is(sc, q + 1, "half") ? 0 : o;
            sem_init(&best->s, TY_DATE, HOW_FIELDS);
            best->s.y = atoi(v);
            best->s.gran = quarter ? DL_G_QUARTER : DL_G_HALF;
            best->s.quarter = quarter;
            best->s.half = quarter ? 0 : o;
            best->t1 = q + 2;
        }
    }
    /* "the corresponding period last year", "the quarter a year ago": that period a year
     * back; "last year's quarter": the story's quarter of last year. */
    int g = best->s.gran;
    cand yb;
    if (best->s.type == TY_DATE && best->s.how != HOW_LIT && !(best->s.how == HOW_FIELDS && best->s.y >= 0) &&
        (g == DL_G_MONTH || g == DL_G_QUARTER || g == DL_G_HALF || g == DL_G_SEASON) &&
        core_at(sc, best->t1, &yb) && yb.s.how == HOW_OFFSET && yb.s.type == TY_DATE &&
        yb.s.gran == DL_G_YEAR && yb.s.months == -12 && yb.s.days == 0 && !yb.s.mod) {
        if (best->s.how == HOW_OFFSET)
            best->s.months -= 12;
        else if (sc->d->has_dct)
            best->s.y = sc->d->dct.year - 1;
        best->s.noset = 1;
        best->t1 = yb.t1;
    } else if (best->s.type == TY_DATE && best->s.how == HOW_OFFSET && g == DL_G_YEAR &&
               best->s.months == -12 && is(sc, best->t1, "'s") && sc->has_story &&
               ((hasc(sc, best->t1 + 1, W_UNIT) && we(sc, best->t1 + 1)->unit == U_Q) ||
                is(sc, best->t1 + 1, "period"))) {
        sem_init(&best->s, TY_DATE, HOW_OFFSET);
        best->s.gran = sc->story_gran;
        best->s.months = -12;
        best->s.narr = best->s.story = 1;
        best->s.noset = 1;
        best->t1 += 2;
    }
    uint32_t pn;
    const wentry *pm = item_at(sc, best->t1, W_POSTMOD, &pn);
    if (pm && best->s.type != TY_SET) {
        best->s.mod = pm->postmod;
        best->t1 += pn;
    }
    return 1;
}

/* ---------------------------------------------------------------- finding */

/* Is the expression at t0, which starts on day, a deadline still ahead of the DCT ("by
 * 1992 it intends to", "until next year")? It bounds a plan and is no time the story's
 * events happen at, so it does not become the narrative date. */
static int deadline(const scan *sc, uint32_t t0, long day)
{
    uint32_t n;
    const wentry *p = t0 > sc->s0 ? item_at(sc, t0 - 1, W_DIRPREP, &n) : NULL;
    return sc->d->has_dct && day > sc->dct && t0 > sc->s0 &&
           (is(sc, t0 - 1, "by") || (p && n == 1 && p->dirprep > 0));
}

/* "from March to May 2022", "between June and August 2019", "November-February 2023": a
 * month or day with no year, first in a range whose end has one, is of that year (of the
 * year before when the range runs over New Year). */
static void range_year(const scan *sc, cand *c)
{
    const sem *a = &c->s;
    uint32_t j = c->t1;
    if (a->type != TY_DATE || a->how != HOW_FIELDS || a->y >= 0 || a->hol || !a->m || j + 1 >= sc->s1 ||
        (a->gran != DL_G_MONTH && a->gran != DL_G_DAY) ||
        !(we(sc, j) && (we(sc, j)->cls & W_RANGETO)))
        return;
    cand e;
    if (!(sc->tf[j + 1] & TF_START) || !match_at(sc, j + 1, &e) || e.s.type != TY_DATE || e.s.how != HOW_FIELDS ||
        e.s.y < 0 || !e.s.m)
        return;
    c->s.y = a->m > e.s.m ? e.s.y - 1 : e.s.y;
}

/* Adds the expression [t0, c->t1) to the document and makes it the narrative date. */
static dl_status emit(scan *sc, uint32_t t0, const cand *c)
{
    dl_doc *d = sc->d;
    char v[64];
    int kind;
    resolve(sc, &c->s, t0, c->t1, v, sizeof v, &kind);
    if (d->ntx == d->cap_tx && DL_GROW(d->tx, d->cap_tx, d->ntx + 1))
        return DL_ENOMEM;
    dl_timex_int *x = &d->tx[d->ntx];
    memset(x, 0, sizeof *x);
    const dl_token *a = &d->tok[t0], *b = &d->tok[c->t1 - 1];
    x->pub.start = a->cp;
    x->pub.end = b->cp + b->cplen;
    x->pub.byte_start = a->b;
    x->pub.byte_end = b->b + b->blen;
    x->pub.type = type_names[c->s.type];
    x->pub.value = dl_arena_strdup(d->arena, v);
    x->pub.mod = mod_names[c->s.mod];
    x->pub.text = dl_arena_strndup(d->arena, d->text + a->b, x->pub.byte_end - x->pub.byte_start);
    x->pub.sentence = sc->sent;
    x->tok0 = t0;
    x->ntok = c->t1 - t0;
    x->anchor_kind = kind;
    x->relative = kind != DL_ANCHOR_EXPLICIT;
    if (c->s.dlast > c->s.d && c->s.gran == DL_G_DAY && c->s.type == TY_DATE && strlen(v) == 10)
        x->range_days = c->s.dlast - c->s.d;
    if (!x->pub.value || !x->pub.text)
        return DL_ENOMEM;
    d->ntx++;
    int g;
    long day;
    uint32_t pn;
    const wentry *pp = t0 > sc->s0 ? item_at(sc, t0 - 1, W_DIRPREP, &pn) : NULL;
    int since = pp && pn == 1 && pp->dirprep < 0;   /* "since 2023": a bound, not a time of the story */
    if ((c->s.type == TY_DATE || c->s.type == TY_TIME) && !c->s.noset && !dl_cal_parse_value(v, &g, &day) &&
        !deadline(sc, t0, day) && !since) {
        sc->has_narr = 1;
        sc->narr_gran = g;
        sc->narr_day = day;
        sc->narr_sent = sc->sent;
        if (!sc->has_story && !c->s.fiscal && (g == DL_G_QUARTER || g == DL_G_HALF) && d->has_dct && day <= sc->dct &&
            sc->dct - day < 400) {
            sc->has_story = 1;
            sc->story_gran = g;
            sc->story_day = day;
        }
    }
    return DL_OK;
}

dl_status dl_timex_find(dl_doc *d, dl_error *err)
{
    const dl_timex_lex *x = d->eng->timex;
    d->ntx = 0;
    if (!x || d->ntok == 0)
        return DL_OK;
    const wentry **w = malloc(d->ntok * sizeof *w);
    uint8_t *tf = malloc(d->ntok);
    uint32_t longest = 1;
    for (size_t si = 0; si < d->nsent; si++)
        if (longest < d->sent[si].ntok)
            longest = d->sent[si].ntok;
    phrases_at *at = malloc(longest * sizeof *at);
    uint32_t *phw = malloc(d->ntok * sizeof *phw);   /* at most every token: no growing */
    scan sc = {.d = d, .x = x, .w = w, .tf = tf, .at = at, .phw = phw};
    dl_status st = w && tf && at && phw ? DL_OK : DL_ENOMEM;
    for (size_t k = 0; k < d->ntok && !st; k++) {
        const dl_token *t = &d->tok[k];
        const wentry *e = w[k] = lex_token(x, t);
        int hyphen = (t->flags & DL_T_HYPHEN) != 0;   /* segment.c found the dash */
        int start = (t->flags & DL_T_DIGIT) || hyphen ||
                    (e ? (e->cls & W_STARTS) != 0   /* phrases: find_phrases */
                       : t->lower[0] == 'q' || (t->llen == 4 && !memcmp(t->lower, "half", 4)));
        tf[k] = (uint8_t)((start ? TF_START : 0) | (hyphen ? TF_HYPHEN : 0));
        if (e && (e->cls & W_PHRASE))
            sc.phw[sc.nphw++] = (uint32_t)k;
    }
    if (d->has_dct)
        sc.dct = dl_cal_to_days(d->dct.year, d->dct.month, d->dct.day);
    for (size_t si = 0; si < d->nsent && !st; si++) {
        const dl_sent *s = &d->sent[si];
        if (s->pub.boilerplate)
            continue;
        sc.s0 = s->tok0;
        sc.s1 = s->tok0 + s->ntok;
        sc.sent = (int)si;
        if (find_phrases(&sc)) {
            st = DL_ENOMEM;
            break;
        }
        for (uint32_t k = sc.s0; k < sc.s1 && !st;) {
            cand c;
            if ((tf[k] & TF_START) && match_at(&sc, k, &c) && c.t1 > k) {
                range_year(&sc, &c);
                st = emit(&sc, k, &c);
                k = c.t1;
            } else {
                k++;
            }
        }
    }
    free(sc.ph);
    free(sc.phw);
    free(at);
    free(tf);
    free(w);
    return st ? dl_fail(err, st, "out of memory") : DL_OK;
}
