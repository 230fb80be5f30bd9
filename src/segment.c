/*
 * segment.c - segmenting: tokens with byte and code-point offsets, sentences,
 * paragraphs, and web-page furniture (boilerplate).
 *
 * Tokens are words (with inner hyphens, apostrophes, and the digit punctuation of
 * "10,000", "4.8", "15:30", "6/17/2024"), abbreviations that keep their dot ("U.S.",
 * "Jan.", "V."), possessive "'s" split off, and single punctuation marks. A sentence ends
 * at . ! ? (after any closing quotes and brackets) before a capital, a digit or an opening
 * quote; at a blank line; and at a short line with no final punctuation (a headline).
 *
 * Limits (internal.h): no token is longer than DL_MAX_TOKEN_BYTES and no sentence longer
 * than DL_MAX_SENT_TOKENS tokens, so that a megabyte-long line without spaces or
 * punctuation still gives bounded tokens and sentences for the later stages, whose work
 * is per sentence. Each cut is counted and reported in one warning.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"

/* ---------------------------------------------------------------- knowledge */

dl_status dl_segment_load(dl_engine *e, dl_error *err)
{
    const dl_blob *b = dl_data_get("abbreviations.tsv");
    if (!b)
        return dl_fail(err, DL_EDATA, "abbreviations.tsv: not built in");
    dl_tsv t;
    dl_status st = dl_tsv_open_mem(&t, "data/abbreviations.tsv", (const char *)b->data, b->len,
                                   "abbrev\tkind", err);
    if (st)
        return st;
    e->abbrev = dl_map_new();
    if (!e->abbrev)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    const char *c[2];
    size_t l[2];
    int r;
    while ((r = dl_tsv_next(&t, c, l, 2, err)) > 0) {
        uint32_t kind = (l[1] == 5 && !memcmp(c[1], "title", 5)) ? DL_AB_TITLE
                        : (l[1] == 5 && !memcmp(c[1], "month", 5)) ? DL_AB_MONTH
                        : (l[1] == 5 && !memcmp(c[1], "other", 5)) ? DL_AB_OTHER : 0;
        if (!kind)
            return dl_fail(err, DL_EDATA, "data/abbreviations.tsv:%d: unknown kind", t.line);
        if (dl_map_put(e->abbrev, c[0], l[0], kind))
            return dl_fail(err, DL_ENOMEM, "out of memory");
    }
    if (r < 0)
        return err ? err->code : DL_EDATA;

    b = dl_data_get("boilerplate.tsv");
    if (!b)
        return dl_fail(err, DL_EDATA, "boilerplate.tsv: not built in");
    st = dl_tsv_open_mem(&t, "data/boilerplate.tsv", (const char *)b->data, b->len, "phrase", err);
    if (st)
        return st;
    size_t cap = 0, caplen = 0;
    while ((r = dl_tsv_next(&t, c, l, 1, err)) > 0) {
        if (DL_GROW(e->boiler, cap, e->nboiler + 1) || DL_GROW(e->boiler_len, caplen, e->nboiler + 1))
            return dl_fail(err, DL_ENOMEM, "out of memory");
        e->boiler[e->nboiler] = strndup(c[0], l[0]);
        if (!e->boiler[e->nboiler])
            return dl_fail(err, DL_ENOMEM, "out of memory");
        e->boiler_len[e->nboiler] = l[0];
        e->nboiler++;
    }
    if (r < 0)
        return err ? err->code : DL_EDATA;
    /* In byte order, so that the phrases that open with a byte lie together
     * (mark_boilerplate compares a paragraph with those only). */
    for (size_t i = 1; i < e->nboiler; i++)
        for (size_t j = i; j > 0 && strcmp(e->boiler[j - 1], e->boiler[j]) > 0; j--) {
            char *p = e->boiler[j - 1];
            size_t pl = e->boiler_len[j - 1];
            e->boiler[j - 1] = e->boiler[j], e->boiler_len[j - 1] = e->boiler_len[j];
            e->boiler[j] = p, e->boiler_len[j] = pl;
        }
    return DL_OK;
}

void dl_segment_free_lex(dl_engine *e)
{
    dl_map_free(e->abbrev);
    for (size_t i = 0; i < e->nboiler; i++)
        free(e->boiler[i]);
    free(e->boiler);
    free(e->boiler_len);
}

/* ---------------------------------------------------------------- characters */

enum { C_NONE, C_SPACE, C_NEWLINE, C_LETTER, C_DIGIT, C_APOS, C_OTHER };

typedef struct cur {
    const unsigned char *s;
    size_t n;
} cur;

/* Decodes the code point at byte i (the text is valid UTF-8 after text.c). */
static inline uint32_t cp_at(const cur *c, size_t i, int *len)
{
    if (c->s[i] < 0x80) {
        *len = 1;
        return c->s[i];
    }
    uint32_t cp = 0;
    int l = dl_utf8_decode(c->s + i, c->n - i, &cp);
    if (l <= 0) {
        *len = 1;
        return 0xFFFD;
    }
    *len = l;
    return cp;
}

/* Classes of the ASCII characters, looked up without decoding. */
static const unsigned char ASCII_CLASS[128] = {
    ['\t'] = C_SPACE, ['\n'] = C_NEWLINE, ['\v'] = C_SPACE, ['\f'] = C_SPACE, ['\r'] = C_SPACE,
    [' '] = C_SPACE, ['\''] = C_APOS,
    ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT,
    ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
#define L(c) [c] = C_LETTER
    L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'), L('j'), L('k'), L('l'), L('m'),
    L('n'), L('o'), L('p'), L('q'), L('r'), L('s'), L('t'), L('u'), L('v'), L('w'), L('x'), L('y'), L('z'),
    L('A'), L('B'), L('C'), L('D'), L('E'), L('F'), L('G'), L('H'), L('I'), L('J'), L('K'), L('L'), L('M'),
    L('N'), L('O'), L('P'), L('Q'), L('R'), L('S'), L('T'), L('U'), L('V'), L('W'), L('X'), L('Y'), L('Z'),
#undef L
};

static int cls_wide(uint32_t cp);

/* The class of a code point: ASCII from the table, inline (every token starts with one). */
static inline int cls(uint32_t cp)
{
    if (cp < 0x80) {
        int k = ASCII_CLASS[cp];
        return k ? k : (cp < 0x20 && cp != 0 ? C_SPACE : C_OTHER);
    }
    return cls_wide(cp);
}

static int cls_wide(uint32_t cp)
{
    if (cp == 0x2019)
        return C_APOS;
    if (cp == 0xFEFF || cp == 0x200B || cp == 0x2028 || cp == 0x2029)
        return cp == 0x2029 ? C_NEWLINE : C_SPACE;
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    switch (cat) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
        return C_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
        return C_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return C_NEWLINE;
    default:
        return C_OTHER;
    }
}

static inline int cls_at(const cur *c, size_t i)
{
    if (i >= c->n)
        return C_SPACE;
    if (c->s[i] < 0x80)
        return cls(c->s[i]);
    int l;
    return cls(cp_at(c, i, &l));
}

static int alnum_at(const cur *c, size_t i)
{
    int k = cls_at(c, i);
    return k == C_LETTER || k == C_DIGIT;
}

/* ---------------------------------------------------------------- tokens */

/* Per ASCII byte: bit 0 a letter, bit 1 an upper-case letter, bit 2 a byte of a number
 * (digit, comma, dot). */
enum { A_LETTER = 1, A_UPPER = 2, A_NUM = 4, A_WORD = 8 };
#define D(c) [c] = A_NUM | A_WORD
static const unsigned char ASCII_BITS[128] = {
    [','] = A_NUM, ['.'] = A_NUM,
    D('0'), D('1'), D('2'), D('3'), D('4'), D('5'), D('6'), D('7'), D('8'), D('9'),
#undef D
#define L(c) [c] = A_LETTER | A_WORD
#define U(c) [c] = A_LETTER | A_UPPER | A_WORD
    L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'), L('j'), L('k'), L('l'), L('m'),
    L('n'), L('o'), L('p'), L('q'), L('r'), L('s'), L('t'), L('u'), L('v'), L('w'), L('x'), L('y'), L('z'),
    U('A'), U('B'), U('C'), U('D'), U('E'), U('F'), U('G'), U('H'), U('I'), U('J'), U('K'), U('L'), U('M'),
    U('N'), U('O'), U('P'), U('Q'), U('R'), U('S'), U('T'), U('U'), U('V'), U('W'), U('X'), U('Y'), U('Z'),
#undef L
#undef U
};

/* Eight bytes as a number whose lowest byte is the first (so that the first byte of a
 * mask is its lowest set bit), and back. */
static inline uint64_t load8(const void *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

static inline void store8(void *p, uint64_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    memcpy(p, &v, 8);
}

/* Eight bytes at a time (SWAR): which are not ASCII letters or digits, and, among those
 * that are, the upper-case letters and the digits. Each answer is a mask with 0x80 in
 * the bytes that are. */
#define REP(x) (0x0101010101010101ull * (uint8_t)(x))
typedef struct word8 {
    uint64_t upper, digit, nonword;
} word8;

/* 0x80 in the bytes of x (each below 0x80) that lie in [lo, hi]: no carry leaves a byte. */
static inline uint64_t in_range(uint64_t x, unsigned lo, unsigned hi)
{
    return (x + REP(0x80 - lo)) & ~(x + REP(0x7f - hi)) & REP(0x80);
}

static inline word8 classify8(uint64_t w)
{
    uint64_t x = w & REP(0x7f);
    uint64_t letter = in_range(x | REP(0x20), 'a', 'z');
    word8 r;
    r.upper = letter & ~(x << 2);   /* bit 5 (0x20) clear: upper case */
    r.digit = in_range(x, '0', '9');
    r.nonword = (~(letter | r.digit) | w) & REP(0x80);   /* w's high bits: not ASCII */
    return r;
}

/* How many bytes of a mask (0x80 or 0 each) are set. */
static inline unsigned count8(uint64_t m)
{
    return (unsigned)(((m >> 7) * REP(1)) >> 56);
}

/* What the ASCII byte after a word of ASCII letters and digits says of its end: that it
 * ends there (most bytes), that it may go on (scan_word decides), that it ends unless
 * the word's last byte is a digit ("15:30", "6/17"), or unless the word is a number and
 * its last byte a digit ("10,000"). */
enum { END_YES, END_MAYBE, END_UNLESS_DIGIT, END_UNLESS_NUMBER };
static const unsigned char WORD_END[128] = {
    ['-'] = END_MAYBE, ['.'] = END_MAYBE, ['\''] = END_MAYBE,
    [':'] = END_UNLESS_DIGIT, ['/'] = END_UNLESS_DIGIT, [','] = END_UNLESS_NUMBER,
};

static inline unsigned char ascii_lower(unsigned char c)
{
    return (unsigned char)(c + ((unsigned)(c - 'A') < 26u) * 32);
}

/* Scans a word starting at byte i; returns its end (at most DL_MAX_TOKEN_BYTES on). */
static size_t scan_word(const cur *c, size_t i)
{
    int first = cls_at(c, i);
    size_t j = i;
    while (j < c->n && j - i < DL_MAX_TOKEN_BYTES) {
        /* ASCII letters and digits: most of every word */
        size_t stop = c->n - i < DL_MAX_TOKEN_BYTES ? c->n : i + DL_MAX_TOKEN_BYTES;
        while (j < stop && (ASCII_BITS[c->s[j] & 0x7f] & A_WORD) && c->s[j] < 0x80)
            j++;
        if (j >= stop)
            break;
        int l;
        uint32_t cp = cp_at(c, j, &l);
        int k = cls(cp);
        if (j + (size_t)l - i > DL_MAX_TOKEN_BYTES)
            break;
        if (k == C_LETTER || k == C_DIGIT) {
            j += (size_t)l;
            continue;
        }
        /* Joiners between word characters. */
        int prev_digit = j > i && cls_at(c, j - 1) == C_DIGIT;
        if (cp == '-' && j > i && alnum_at(c, j + 1)) {
            j += 1;
            continue;
        }
        if ((cp == '.' || cp == ':' || cp == '/') && prev_digit && cls_at(c, j + 1) == C_DIGIT) {
            j += 1;
            continue;
        }
        if (cp == ',' && prev_digit && first == C_DIGIT && cls_at(c, j + 1) == C_DIGIT &&
            cls_at(c, j + 2) == C_DIGIT && cls_at(c, j + 3) == C_DIGIT && !alnum_at(c, j + 4)) {
            j += 1;
            continue;
        }
        if (k == C_APOS && j > i && cls_at(c, j + l) == C_LETTER) {
            /* "Kim's": the possessive is a token of its own; "don't": "do" + "n't". */
            size_t a = j + (size_t)l;
            if ((c->s[a] == 's' || c->s[a] == 'S') && !alnum_at(c, a + 1))
                break;
            if ((c->s[a] == 't') && !alnum_at(c, a + 1) && c->s[j - 1] == 'n') {
                j = (j - 1 == i) ? a + 1 : j - 1;
                break;
            }
            j += (size_t)l;
            continue;
        }
        break;
    }
    return j;
}

typedef struct seg {
    dl_doc *d;
    const dl_engine *e;
    cur c;
    size_t cp;        /* code points before the byte tokenise is at */
    char *low;        /* the lower-cased tokens, one after the other, NUL-terminated */
    size_t lowlen;
    size_t long_tokens, long_token_at;   /* words cut at DL_MAX_TOKEN_BYTES, first byte */
} seg;

/* Lower-cases the code point cp (l bytes at src) into out, folding curly quotes and
 * dashes to ASCII; returns the bytes written (never more than l). */
static size_t fold_lower(uint32_t cp, const unsigned char *src, int l, char *out)
{
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x2032) {
        out[0] = '\'';
        return 1;
    }
    if (cp == 0x201C || cp == 0x201D || cp == 0x00AB || cp == 0x00BB) {
        out[0] = '"';
        return 1;
    }
    if (cp >= 0x2010 && cp <= 0x2015) {
        out[0] = '-';
        return 1;
    }
    utf8proc_int32_t lc = utf8proc_tolower((utf8proc_int32_t)cp);
    unsigned char tmp[4];
    utf8proc_ssize_t w = utf8proc_encode_char(lc, tmp);
    if (w <= 0 || (size_t)w > (size_t)l) {   /* keep the original width bound */
        memcpy(out, src, (size_t)l);
        return (size_t)l;
    }
    memcpy(out, tmp, (size_t)w);
    return (size_t)w;
}

static int is_upper_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (ASCII_BITS[cp] & A_UPPER) != 0;
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU;
}

static inline void finish_token(seg *g, dl_token *t, char *out, size_t o, unsigned flags, int nodot,
                                uint64_t key);

/* Adds the token [b, e): its shape, its lower-cased text (in g->low), its hash and its
 * WordNet entry, in one pass over its bytes. */
static dl_status push_token(seg *g, size_t b, size_t e, unsigned flags)
{
    dl_doc *d = g->d;
    if (d->ntok == d->cap_tok && DL_GROW(d->tok, d->cap_tok, d->ntok + 1))
        return DL_ENOMEM;
    dl_token *t = &d->tok[d->ntok];
    memset(t, 0, sizeof *t);
    t->b = (uint32_t)b;
    t->blen = (uint32_t)(e - b);
    t->cp = (uint32_t)g->cp;
    const unsigned char *s = g->c.s + b;
    size_t n = e - b;
    char *out = g->low + g->lowlen;
    size_t o = 0;
    int letters = 0, uppers = 0, num = A_NUM;
    size_t cps = 0;     /* code points */
    int k, firstlen = 1, first_upper;
    if (s[0] < 0x80) {
        k = cls(s[0]);
        first_upper = (ASCII_BITS[s[0]] & A_UPPER) != 0;
    } else {
        uint32_t cp = cp_at(&g->c, b, &firstlen);
        k = cls(cp);
        first_upper = is_upper_cp(cp);
    }
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c < 0x80) {
            unsigned bits = ASCII_BITS[c];
            letters += bits & A_LETTER;
            uppers += (bits & A_UPPER) != 0;
            num &= bits;
            out[o++] = (char)ascii_lower(c);
            i++;
            cps++;
            continue;
        }
        num = 0;
        uint32_t cp;
        int l = dl_utf8_decode(s + i, n - i, &cp);
        if (l <= 0) {   /* (not in repaired text) */
            cps += (c & 0xC0) != 0x80;
            out[o++] = '?';
            i++;
            continue;
        }
        cps++;
        if (cls(cp) == C_LETTER) {
            letters++;
            uppers += is_upper_cp(cp) != 0;
        }
        o += fold_lower(cp, s + i, l, out + o);
        i += (size_t)l;
    }
    out[o] = 0;
    g->lowlen += o + 1;
    t->cplen = (uint32_t)cps;
    g->cp += cps;
    if (k == C_LETTER) {
        flags |= DL_T_ALPHA;
        if (first_upper)
            flags |= DL_T_CAP;
        if (letters > 1 && uppers == letters)
            flags |= DL_T_UPPER;
    } else if (k == C_DIGIT) {
        flags |= DL_T_DIGIT;
        if (num)
            flags |= DL_T_NUMBER;
    } else if (k != C_APOS || n == (size_t)firstlen) {
        flags |= DL_T_PUNCT;
    }
    if ((flags & (DL_T_ALPHA | DL_T_DIGIT)) && memchr(out, '-', o))
        flags |= DL_T_HYPHEN;
    if (memchr(out, '.', o))
        flags |= DL_T_DOT;
    finish_token(g, t, out, o, flags, 0, 0);
    return DL_OK;
}

/* Short words repeat: each thread remembers the words of at most eight bytes it met last,
 * with their hash and what the lexicon says of them, so that a word met before costs
 * neither. A word is its eight bytes (zero-padded, as a number) and its length, so a hit
 * is that word: the memo changes no result, whatever the thread read before. */
#define WORD_MEMO_BITS 12
typedef struct word_memo {
    uint64_t word;
    uint32_t hash;
    uint8_t len;               /* 0: empty */
    uint8_t found;
    dl_lexentry le;
} word_memo;
static _Thread_local word_memo word_memo_of[1u << WORD_MEMO_BITS];

/* dl_hash and dl_lex_lookup_h of the word out (o bytes); key: its bytes as a number when
 * o <= 8, else 0. */
static inline __attribute__((always_inline)) int look_up(const char *out, size_t o, uint64_t key,
                                                         uint32_t *hash, dl_lexentry *le)
{
    if (!key) {
        *hash = dl_hash(out, o);
        return dl_lex_lookup_h(out, o, *hash, le);
    }
    word_memo *m = &word_memo_of[(key * 0x9E3779B97F4A7C15ull) >> (64 - WORD_MEMO_BITS)];
    if (m->word != key || m->len != o) {
        m->word = key;
        m->len = (uint8_t)o;
        m->hash = dl_hash(out, o);
        m->found = (uint8_t)dl_lex_lookup_h(out, o, m->hash, &m->le);
    }
    *hash = m->hash;
    *le = m->le;
    return m->found;
}

/* The rest of a token whose text and shape are known: its lower-cased text out (o bytes,
 * NUL-terminated, in g->low), hash and WordNet entry. A base form that is the word itself
 * is `lower`, so that later stages see at once that it is no other word. nodot: the text
 * ends with no dot but an abbreviation's. key: for look_up. */
static inline __attribute__((always_inline)) void finish_token(seg *g, dl_token *t, char *out, size_t o,
                                                               unsigned flags, int nodot, uint64_t key)
{
    t->flags = (uint16_t)flags;
    t->lower = t->lemma = t->nlemma = out;
    t->llen = (uint16_t)o;
    if (!(flags & DL_T_ALPHA)) {
        t->hash = dl_hash(out, o);
    } else {
        dl_lexentry le;
        int dot = !nodot && o > 1 && out[o - 1] == '.' && !(flags & DL_T_ABBREV);
        int found;
        if (dot) {
            t->hash = dl_hash(out, o);
            found = dl_lex_lookup(out, o - 1, &le);
        } else {
            found = look_up(out, o, key, &t->hash, &le);
        }
        if (found) {
            unsigned self = dot ? 0 : le.self;   /* without the dot, no lemma is `lower` */
            t->pos = le.pos;
            t->vform = le.vform;
            if (le.vlemma)
                t->lemma = self & DL_LEX_V_SELF ? out : le.vlemma;
            else if (le.nlemma)
                t->lemma = self & DL_LEX_N_SELF ? out : le.nlemma;
            if (le.nlemma && !(self & DL_LEX_N_SELF))
                t->nlemma = le.nlemma;
        }
    }
    g->d->ntok++;
}

/* Adds the token of the n ASCII bytes at b, whose lower-cased text is at the end of
 * g->low already (room for it made in d->tok); a final dot only an abbreviation's. key:
 * for look_up. */
static inline __attribute__((always_inline)) void push_ascii(seg *g, size_t b, size_t n, unsigned flags,
                                                             uint64_t key)
{
    dl_doc *d = g->d;
    dl_token *t = &d->tok[d->ntok];
    char *out = g->low + g->lowlen;
    memset(t, 0, sizeof *t);
    t->b = (uint32_t)b;
    t->blen = t->cplen = (uint32_t)n;
    t->cp = (uint32_t)g->cp;
    g->cp += n;
    out[n] = 0;
    g->lowlen += n + 1;
    finish_token(g, t, out, n, flags, 1, key);
}

/* Does the dot at byte j end an abbreviation of the word [i, j)? */
static int abbrev_dot(const seg *g, size_t i, size_t j, int *kind)
{
    *kind = 0;
    size_t n = j - i;
    const unsigned char *s = g->c.s + i;
    /* A single capital letter: an initial ("Vladimir V. Putin"). */
    int l;
    uint32_t cp = cp_at(&g->c, i, &l);
    if ((size_t)l == n && is_upper_cp(cp)) {
        *kind = DL_AB_TITLE;
        return 1;
    }
    if (n > 12)
        return 0;
    char low[16];
    for (size_t k = 0; k < n; k++)
        low[k] = (char)ascii_lower(s[k]);
    uint32_t v;
    if (dl_map_get(g->e->abbrev, low, n, &v)) {
        *kind = (int)v;
        return 1;
    }
    return 0;
}

static dl_status tokenise(seg *g)
{
    const cur *c = &g->c;
    size_t i = 0;
    unsigned pending = DL_T_NEWLINE_BEFORE;
    while (i < c->n) {
        unsigned char b = c->s[i];
        if (b == ' ') {
            pending |= DL_T_SPACE_BEFORE;
            i++;
            g->cp++;
            continue;
        }
        int l;
        uint32_t cp = cp_at(c, i, &l);
        int k = cls(cp);
        if (k == C_SPACE || k == C_NEWLINE) {
            pending |= DL_T_SPACE_BEFORE;
            if (k == C_NEWLINE)
                pending |= DL_T_NEWLINE_BEFORE;
            i += (size_t)l;
            g->cp++;
            continue;
        }
        size_t e;
        unsigned f = pending;
        pending = 0;
        if (b < 0x80 && (k == C_LETTER || k == C_DIGIT)) {
            /* A word of ASCII letters and digits that ends before a byte that cannot
             * continue it: scanned, lower-cased and measured in one pass. That is a byte
             * that is no joiner, nothing non-ASCII, or a dot or possessive that ends the
             * word (as scan_word would find). Anything else goes the long way below. */
            dl_doc *d = g->d;
            if (d->ntok == d->cap_tok && DL_GROW(d->tok, d->cap_tok, d->ntok + 1))
                return DL_ENOMEM;
            char *out = g->low + g->lowlen;
            /* Eight bytes at a time: the text is followed by DL_TEXT_PAD NUL bytes, and
             * the low buffer has room for the eight written past a word's end. */
            size_t j = i;
            unsigned uppers = 0, digits = 0;
            for (;;) {
                uint64_t w = load8(c->s + j);
                word8 m = classify8(w);
                w += m.upper >> 2;   /* 'A' + 0x20 = 'a' */
                store8(out + (j - i), w);
                if (m.nonword) {
                    /* the bytes before the first that is no word byte */
                    uint64_t keep = ((m.nonword & -m.nonword) >> 7) - 1;
                    uppers += count8(m.upper & keep);
                    digits += count8(m.digit & keep);
                    j += (unsigned)__builtin_ctzll(m.nonword) / 8;
                    break;
                }
                uppers += count8(m.upper);
                digits += count8(m.digit);
                j += 8;
                if (j - i >= DL_MAX_TOKEN_BYTES)
                    break;   /* (uppers and digits then count too many: no plain word) */
            }
            /* (The NUL after the text ends a word, as it ends the text.) */
            if (j - i > DL_MAX_TOKEN_BYTES)
                j = i + DL_MAX_TOKEN_BYTES;
            unsigned letters = (unsigned)(j - i) - digits;
            unsigned char nb = c->s[j];
            int plain = j - i < DL_MAX_TOKEN_BYTES && nb < 0x80;
            if (plain && WORD_END[nb] != END_YES) {
                int last_digit = (ASCII_BITS[c->s[j - 1]] & (A_WORD | A_LETTER)) == A_WORD;
                plain = (WORD_END[nb] == END_UNLESS_DIGIT && !last_digit) ||
                        (WORD_END[nb] == END_UNLESS_NUMBER && !(last_digit && k == C_DIGIT));
            }
            size_t o = j - i;
            unsigned char nb1 = plain ? 0 : c->s[j + (j < c->n)];   /* or the padding */
            if (!plain && j - i < DL_MAX_TOKEN_BYTES && nb1 < 0x80 && !(ASCII_BITS[nb1] & A_WORD)) {
                /* "said." and "Jan." before a space; an initial "V."; no "U.S." or "4.8". */
                int ak;
                if (nb == '.' && k == C_LETTER && abbrev_dot(g, i, j, &ak)) {
                    out[o++] = '.';
                    f |= DL_T_ABBREV | DL_T_DOT;
                    plain = 1;
                } else {
                    plain = nb == '.';
                }
            } else if (!plain && nb == '\'' && (nb1 == 's' || nb1 == 'S')) {
                /* "Kim's": the possessive is a token of its own. */
                unsigned char after = c->s[j + 2];   /* (the padding when nb1 ends the text) */
                plain = j - i < DL_MAX_TOKEN_BYTES && after < 0x80 && !(ASCII_BITS[after] & A_WORD);
            }
            if (plain) {
                if (k == C_LETTER) {
                    f |= DL_T_ALPHA;
                    if (ASCII_BITS[b] & A_UPPER)
                        f |= DL_T_CAP;
                    if (letters > 1 && uppers == letters)
                        f |= DL_T_UPPER;
                } else {
                    f |= DL_T_DIGIT;
                    if (!letters)
                        f |= DL_T_NUMBER;
                }
                uint64_t key = 0;
                if (o <= 8 && !(f & DL_T_ABBREV))
                    key = load8(out) & ~0ull >> (64 - 8 * o);   /* the word's bytes */
                push_ascii(g, i, o, f, key);
                i += o;
                if (c->s[i] == ' ') {   /* the usual space after a word */
                    pending = DL_T_SPACE_BEFORE;
                    i++;
                    g->cp++;
                }
                continue;
            }
        }
        if (b < 0x80 && k == C_OTHER && ((b != '.' && b != '-') || c->s[i + 1] != b)) {
            /* One ASCII mark (not the start of a run of dots or dashes). */
            dl_doc *d = g->d;
            if (d->ntok == d->cap_tok && DL_GROW(d->tok, d->cap_tok, d->ntok + 1))
                return DL_ENOMEM;
            g->low[g->lowlen] = (char)b;
            push_ascii(g, i, 1, f | DL_T_PUNCT | (b == '.' ? DL_T_DOT : 0), 0);
            i++;
            continue;
        }
        if (k == C_LETTER || k == C_DIGIT) {
            e = scan_word(c, i);
            if (e - i >= DL_MAX_TOKEN_BYTES && alnum_at(c, e)) {
                if (!g->long_tokens++)
                    g->long_token_at = e;
            }
            /* Dotted letter groups: U.S., U.N., p.m., e.g. A run longer than
             * DL_MAX_DOTTED_GROUPS is no abbreviation, and stopping there keeps a long
             * "a.b.c.d..." linear (it was scanned again from every letter). */
            if (e < c->n && c->s[e] == '.' && k == C_LETTER) {
                size_t q = e;
                int groups = 0;
                while (q < c->n && c->s[q] == '.' && cls_at(c, q + 1) == C_LETTER) {
                    size_t r = q + 1;
                    int ll;
                    cp_at(c, r, &ll);
                    if (cls_at(c, r + (size_t)ll) == C_LETTER)
                        break;   /* more than one letter: not a group */
                    q = r + (size_t)ll;
                    if (++groups > DL_MAX_DOTTED_GROUPS)
                        break;
                }
                int ak;
                if (groups > DL_MAX_DOTTED_GROUPS) {
                    /* not an abbreviation: the word ends before its dot */
                } else if (groups > 0 && e - i <= 2 && q < c->n && c->s[q] == '.') {
                    e = q + 1;
                    f |= DL_T_ABBREV;
                } else if (groups == 0 && abbrev_dot(g, i, e, &ak)) {
                    e += 1;
                    f |= DL_T_ABBREV;
                }
            }
        } else if (k == C_APOS && i + 1 < c->n) {
            /* "'s" possessive, "'90s" decades, "n't" handled in scan_word. */
            size_t a = i + (size_t)l;
            if (cls_at(c, a) == C_LETTER && (c->s[a] == 's' || c->s[a] == 'S') && !alnum_at(c, a + 1) &&
                g->d->ntok > 0 && !(f & DL_T_SPACE_BEFORE))
                e = a + 1;
            else if (cls_at(c, a) == C_DIGIT && cls_at(c, a + 1) == C_DIGIT && a + 2 < c->n &&
                     c->s[a + 2] == 's' && !alnum_at(c, a + 3))
                e = a + 3;
            else
                e = a;
        } else {
            e = i + (size_t)l;
            /* Runs of dots, dashes: "...", "--" */
            if (cp == '.' || cp == '-')
                while (e < c->n && c->s[e] == cp && e - i < DL_MAX_TOKEN_BYTES)
                    e++;
        }
        if (e <= i)
            e = i + (size_t)l;
        if (push_token(g, i, e, f))
            return DL_ENOMEM;
        i = e;
    }
    return DL_OK;
}

/* ---------------------------------------------------------------- sentences */

static int is_closer(const dl_token *t)
{
    char c = t->lower[0];
    return (t->flags & DL_T_PUNCT) && t->llen == 1 &&
           (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}');
}

static int is_opener(const dl_token *t)
{
    char c = t->lower[0];
    return (t->flags & DL_T_PUNCT) && t->llen == 1 && (c == '"' || c == '\'' || c == '(' || c == '[');
}

static inline int is_terminal(const dl_token *t)
{
    const char *s = t->lower;
    return (t->flags & DL_T_PUNCT) &&
           (s[0] == '.' || (t->llen == 1 && (s[0] == '!' || s[0] == '?')) ||
            (t->llen == 3 && !memcmp(s, "\xe2\x80\xa6", 3)));
}

/* Can token t start a sentence? */
static int starts_sentence(const dl_token *t)
{
    if (t->flags & (DL_T_CAP | DL_T_DIGIT))
        return 1;
    return is_opener(t) || (t->llen == 1 && t->lower[0] == '-');
}

/* Bytes on the line that ends before token i (used to spot headlines), counted up to
 * `most` only. */
static size_t line_length_before(const dl_doc *d, size_t i, size_t most)
{
    size_t end = d->tok[i - 1].b + d->tok[i - 1].blen;
    size_t start = end;
    while (start > 0 && d->text[start - 1] != '\n' && end - start < most)
        start--;
    return end - start;
}

static int blank_line_before(const dl_doc *d, size_t i)
{
    size_t a = d->tok[i - 1].b + d->tok[i - 1].blen, b = d->tok[i].b;
    int nl = 0;
    for (size_t k = a; k < b; k++)
        if (d->text[k] == '\n')
            nl++;
    return nl >= 2;
}

/* Sentences cut at DL_MAX_SENT_TOKENS, and the first byte cut. */
typedef struct cuts {
    size_t n, at;
} cuts;

static dl_status push_sentence(dl_doc *d, size_t t0, size_t t1, int para)
{
    if (d->nsent == d->cap_sent && DL_GROW(d->sent, d->cap_sent, d->nsent + 1))
        return DL_ENOMEM;
    dl_sent *s = &d->sent[d->nsent++];
    memset(s, 0, sizeof *s);
    s->tok0 = (uint32_t)t0;
    s->ntok = (uint32_t)(t1 - t0);
    s->pub.start = d->tok[t0].cp;
    s->pub.end = d->tok[t1 - 1].cp + d->tok[t1 - 1].cplen;
    s->pub.byte_start = d->tok[t0].b;
    s->pub.byte_end = d->tok[t1 - 1].b + d->tok[t1 - 1].blen;
    s->pub.paragraph = para;
    /* The first word (after opening quotes) is marked as sentence-initial. */
    for (size_t k = t0; k < t1; k++) {
        if (!is_opener(&d->tok[k])) {
            d->tok[k].flags |= DL_T_SENT_START;
            break;
        }
    }
    return DL_OK;
}

/* Is the text written one paragraph per line, most lines ending a sentence (as opposed
 * to text wrapped at a fixed width)? Then every line break ends a paragraph. */
static int line_paragraphs(const dl_doc *d)
{
    if (d->ntok == 0)
        return 0;
    /* The last line counts too. */
    size_t lines = 1, ended = is_terminal(&d->tok[d->ntok - 1]) || is_closer(&d->tok[d->ntok - 1]);
    for (size_t i = 1; i < d->ntok; i++) {
        if (!(d->tok[i].flags & DL_T_NEWLINE_BEFORE))
            continue;
        lines++;
        ended += is_terminal(&d->tok[i - 1]) || is_closer(&d->tok[i - 1]);
    }
    return lines >= 3 && ended * 2 >= lines;
}

/* A comma, semicolon, colon or dash: a place to cut an over-long sentence. */
static int soft_break(const dl_token *t)
{
    const char *s = t->lower;
    return (t->flags & DL_T_PUNCT) && (s[1] == 0 || (t->llen == 2 && s[0] == '-' && s[1] == '-')) &&
           (s[0] == ',' || s[0] == ';' || s[0] == ':' || s[0] == '-');
}

/* Adds the sentence [t0, t1), cut into pieces of at most DL_MAX_SENT_TOKENS tokens: each
 * piece ends at the last soft break of its final fifth, or at the limit. */
static dl_status add_sentence(dl_doc *d, size_t t0, size_t t1, int para, cuts *cut)
{
    if (t1 <= t0)
        return DL_OK;
    while (t1 - t0 > DL_MAX_SENT_TOKENS) {
        size_t end = t0 + DL_MAX_SENT_TOKENS;
        for (size_t k = end; k > t0 + DL_MAX_SENT_TOKENS * 4 / 5; k--)
            if (soft_break(&d->tok[k - 1])) {
                end = k;
                break;
            }
        if (push_sentence(d, t0, end, para))
            return DL_ENOMEM;
        if (!cut->n++)
            cut->at = d->tok[end].b;
        t0 = end;
    }
    return push_sentence(d, t0, t1, para);
}

static dl_status split_sentences(dl_doc *d, cuts *cut)
{
    size_t start = 0;
    int para = 0;
    int by_line = line_paragraphs(d);
    for (size_t i = 0; i < d->ntok; i++) {
        /* Most words have no line break before them, are no mark and no abbreviation. */
        const dl_token *p = d->tok + i, *end = d->tok + d->ntok;
        while (p < end && !(p->flags & (DL_T_NEWLINE_BEFORE | DL_T_PUNCT | DL_T_ABBREV)))
            p++;
        if (p == end)
            break;
        i = (size_t)(p - d->tok);
        dl_token *t = &d->tok[i];
        if (i > 0 && i == start && (t->flags & DL_T_NEWLINE_BEFORE) && (by_line || blank_line_before(d, i)))
            para++;   /* the sentence before ended with its mark, then a paragraph break */
        else if (i > start && (t->flags & DL_T_NEWLINE_BEFORE)) {
            int blank = by_line || blank_line_before(d, i);
            const dl_token *p = &d->tok[i - 1];
            int open_end = (p->flags & DL_T_PUNCT) && !is_terminal(p) && !is_closer(p);
            /* A short line that ends on a content word, then a capital: a headline. */
            int headline = !open_end && !(p->pos & DL_POS_FUNC) && line_length_before(d, i, 60) < 60 &&
                           starts_sentence(t) && !is_terminal(p);
            if (blank || headline) {
                if (add_sentence(d, start, i, para, cut))
                    return DL_ENOMEM;
                start = i;
                if (blank)
                    para++;
                continue;
            }
        }
        int end_here = 0;
        size_t last = i;
        if (is_terminal(t)) {
            /* Closing quotes and brackets right after the mark belong to the sentence. */
            while (last + 1 < d->ntok && is_closer(&d->tok[last + 1]) &&
                   !(d->tok[last + 1].flags & DL_T_SPACE_BEFORE))
                last++;
            if (last + 1 >= d->ntok)
                end_here = 1;
            else {
                const dl_token *n = &d->tok[last + 1];
                end_here = (n->flags & DL_T_SPACE_BEFORE) && starts_sentence(n);
            }
        } else if ((t->flags & DL_T_ABBREV) && i + 1 < d->ntok) {
            /* "... in the U.S. The talks": an abbreviation ends a sentence before a
             * capitalised function word; an initial or a title never does. */
            const dl_token *n = &d->tok[i + 1];
            size_t len = t->llen;
            int initial = len == 2;
            uint32_t kind = 0;
            dl_map_get(d->eng->abbrev, t->lower, len - 1, &kind);
            if (!initial && kind != DL_AB_TITLE && (n->flags & DL_T_CAP) && (n->pos & DL_POS_FUNC) &&
                !(n->pos & (DL_POS_NOUN | DL_POS_VERB)))
                end_here = 1;
        }
        if (end_here) {
            if (add_sentence(d, start, last + 1, para, cut))
                return DL_ENOMEM;
            start = last + 1;
            i = last;
        }
    }
    return add_sentence(d, start, d->ntok, para, cut);
}

/* ---------------------------------------------------------------- boilerplate */

/* The first of the phrases (in byte order) whose first byte is c or above. */
static size_t first_phrase(const dl_engine *e, unsigned char c)
{
    size_t lo = 0, hi = e->nboiler;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((unsigned char)e->boiler[mid][0] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int phrase_opens(const dl_engine *e, const char *low, size_t n)
{
    for (size_t k = first_phrase(e, (unsigned char)low[0]); k < e->nboiler && e->boiler[k][0] == low[0]; k++) {
        const char *p = e->boiler[k];
        size_t pl = e->boiler_len[k];
        if (pl > n || memcmp(low, p, pl) != 0)
            continue;
        if (pl < n && isalnum((unsigned char)low[pl]) && isalnum((unsigned char)p[pl - 1]))
            continue;
        /* One word alone ("Comments", "Related") is furniture only as a short line. */
        if (!strchr(p, ' ') && n > 40)
            continue;
        return 1;
    }
    return 0;
}

static void mark_boilerplate(dl_doc *d)
{
    int in_tail = 0;
    size_t i = 0;
    while (i < d->nsent) {
        int para = d->sent[i].pub.paragraph;
        size_t j = i;
        while (j < d->nsent && d->sent[j].pub.paragraph == para)
            j++;
        /* The paragraph's text opens with its first word: most paragraphs begin with a
         * word no phrase begins with. */
        const dl_token *w0 = &d->tok[d->sent[i].tok0];
        const dl_engine *e = d->eng;
        int maybe = 0;
        for (size_t k = first_phrase(e, (unsigned char)w0->lower[0]);
             k < e->nboiler && e->boiler[k][0] == w0->lower[0] && !maybe; k++) {
            size_t pl = e->boiler_len[k], m = pl < w0->llen ? pl : w0->llen;
            maybe = !memcmp(e->boiler[k], w0->lower, m);
        }
        size_t bytes = d->sent[j - 1].pub.byte_end - d->sent[i].pub.byte_start;
        int furniture = 0;
        if (maybe) {
            /* The paragraph's first 120 bytes, lower-cased with spaces folded. */
            char low[128];
            size_t n = 0;
            for (size_t k = d->sent[i].tok0; k < d->sent[j - 1].tok0 + d->sent[j - 1].ntok && n < 120; k++) {
                const char *w = d->tok[k].lower;
                if (n && (d->tok[k].flags & DL_T_SPACE_BEFORE))
                    low[n++] = ' ';
                for (; *w && n < 120; w++)
                    low[n++] = *w;
            }
            low[n] = 0;
            furniture = phrase_opens(d->eng, low, n) && (bytes < 400 || !in_tail);
        }
        if (furniture && d->sent[i].pub.byte_start * 2 >= d->len)
            in_tail = 1;
        if (furniture || (in_tail && bytes < 200))
            for (size_t k = i; k < j; k++)
                d->sent[k].pub.boilerplate = 1;
        i = j;
    }
}

dl_status dl_segment(dl_doc *d, dl_error *err)
{
    seg g = {.d = d, .e = d->eng, .c = {(const unsigned char *)d->text, d->len}};
    cuts cut = {0, 0};
    /* Every token's lower-cased text is at most as long as the token, plus its NUL: one
     * block for all of them. A first guess at the number of tokens saves regrowing. */
    if (d->len >= ((size_t)-1) / 2 || !(g.low = dl_arena_alloc(d->arena, 2 * d->len + 1 + 8)))
        return dl_fail(err, DL_ENOMEM, "out of memory");
    if (d->len && !d->cap_tok && DL_GROW(d->tok, d->cap_tok, d->len / 5 + 16))
        return dl_fail(err, DL_ENOMEM, "out of memory");
    if (tokenise(&g) || split_sentences(d, &cut))
        return dl_fail(err, DL_ENOMEM, "out of memory");
    mark_boilerplate(d);
    if (g.long_tokens && dl_doc_warn(d, "words longer than %d bytes cut %zu times (first at byte %zu)",
                                     DL_MAX_TOKEN_BYTES, g.long_tokens, g.long_token_at))
        return dl_fail(err, DL_ENOMEM, "out of memory");
    if (cut.n && dl_doc_warn(d, "sentences longer than %d tokens cut %zu times (first at byte %zu)",
                             DL_MAX_SENT_TOKENS, cut.n, cut.at))
        return dl_fail(err, DL_ENOMEM, "out of memory");
    return DL_OK;
}
