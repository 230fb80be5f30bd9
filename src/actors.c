/*
 * actors.c - actors: the dictionary of people, states, organisations, groups and places
 * (data/actors.tsv, data/roles.tsv, data/role-codes.tsv, data/name-cues.tsv), their mentions in a
 * document, and
 * the resolution of every mention to a document actor.
 *
 * The dictionary is a set of hash maps over normalised token sequences (lower case, dots
 * dropped, words joined by one space): names, aliases, demonyms and seats of government;
 * role words; surnames derived from persons' names; the holders of each office by country;
 * the states by ISO code. An entry exists between two dates, and so does each office of a
 * person, so a seat ("Moscow") or a description ("the Russian president") names whoever
 * held it on the document date, or on an event's date (dl_actors_resolve_at).
 *
 * A document is read sentence by sentence, left to right (boilerplate sentences and time
 * expressions are skipped). At each token the longest of these is taken:
 *   - a subject pronoun -> the most recent compatible subject: he/she the subject of the
 *     sentence so far or of the last sentence that named a person, of a gender that fits
 *     (from a first name or title of data/name-cues.tsv, or an earlier pronoun), they a
 *     state's forces or officials, a group, or "the two leaders";
 *   - "whose" + kin word -> the kin of the person just named ("Kim, whose grandfather");
 *   - [the] dictionary phrase, then what follows it: a role and a name ("South Korean
 *     Defense Minister Shin Won-sik" is one person mention), a role alone ("the Russian
 *     president" is a description), a sector word ("Russian forces": Russia, military), a
 *     possessive and a role or kin word ("the North's leader", "Kim's grandfather");
 *   - [the] role word + name ("President Biden"), + "of" + state ("the president of
 *     France"), alone ("The Minister": the person of the story holding that role);
 *   - "the two leaders" / "the two men": the two people most recently in focus;
 *   - "the North" after North Korea: a state of the story named by its first word;
 *   - a run of capitalised words not in the dictionary (data/name-cues.tsv tells its
 *     parts): an organisation when an organisation word, a company suffix, "of"/"for" or a
 *     brand's capitals say so ("Centers for Disease Control and Prevention", "Acme Inc.");
 *     a person when it starts with a first name, has initials ("Yuri V. Ushakov"), a Korean
 *     given name ("Shin Won-sik"), ", who", an age or kin after it, or a title before it;
 *     else two or three unknown words are a person and words that are all English no name.
 *     A single capitalised word is first a short name of a person of the story ("Putin",
 *     "Ushakov", also a full name that comes later, as in a headline); otherwise a surname
 *     of the dictionary (the most prominent office holder on the date); otherwise a new
 *     organisation when it is no English word and stands inside a sentence ("Reuters").
 *     Sentence-initial capitals, headline case, months, days, model numbers ("A330") and
 *     adjectives ("Moscow-backed") never make a name by themselves.
 * Places of the dictionary ("Kharkiv") and of the text ("the Ukrainian city of X") stand
 * for the state they lie in, as event coders read them.
 *
 * Counting: every mention counts for its actor (and for actor2); an actor that
 * dl_actors_resolve_at adds for an event's date keeps mentions = 0, since the text's mention
 * was already counted for the actor it names on the document date. Actors are sorted by
 * their first mention.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "internal.h"

/* ================================================================ dictionary */

enum { T_PERSON, T_COUNTRY, T_ORG, T_GROUP, T_PLACE, T_N };
static const char *const type_names[T_N] = {"person", "country", "organization", "group", "place"};
/* Which entry a phrase names when several do: states before bodies before places. */
static const int type_rank[T_N] = {4, 0, 1, 2, 3};

#define OPEN_START INT32_MIN
#define OPEN_END INT32_MAX
#define MAXW 16                 /* words of the longest phrase */
#define KEYMAX 512
#define PREFIX 0x80000000u      /* map value bit: the key is the start of a longer phrase */

/* Cue classes of data/name-cues.tsv. */
enum {
    C_CONNECTOR = 1 << 0, C_PARTICLE = 1 << 1, C_NAME_SUFFIX = 1 << 2, C_ORG_SUFFIX = 1 << 3,
    C_ORG_HEAD = 1 << 4, C_HONORIFIC = 1 << 5, C_PLACE_NOUN = 1 << 6, C_NOT_NAME = 1 << 7,
    C_KIN = 1 << 8, C_PERSON_NOUN = 1 << 9, C_FORMER = 1 << 10, C_FAMILY_FIRST = 1 << 11,
    C_GIVEN = 1 << 12, C_ADJ_SUFFIX = 1 << 13, C_NAMED_FOR = 1 << 14, C_STATE_NOUN = 1 << 15,
    C_POSSESSIVE = 1 << 16
};
static const struct { const char *name; unsigned bit; } cue_classes[] = {
    {"connector", C_CONNECTOR}, {"particle", C_PARTICLE}, {"name_suffix", C_NAME_SUFFIX},
    {"org_suffix", C_ORG_SUFFIX}, {"org_head", C_ORG_HEAD}, {"honorific", C_HONORIFIC},
    {"place_noun", C_PLACE_NOUN}, {"not_name", C_NOT_NAME}, {"kin", C_KIN},
    {"person_noun", C_PERSON_NOUN}, {"former", C_FORMER}, {"family_first", C_FAMILY_FIRST},
    {"given_name", C_GIVEN}, {"adj_suffix", C_ADJ_SUFFIX}, {"named_for", C_NAMED_FOR},
    {"state_noun", C_STATE_NOUN}, {"possessive", C_POSSESSIVE},
};

typedef struct dact {
    const char *name;
    const char *country;        /* ISO alpha-3 or "" */
    int32_t start, end;         /* [start, end) in days since 1970-01-01 */
    uint32_t role0, nrole;      /* offices in x->role */
    uint32_t link0, nlink;      /* facts in x->link */
    uint8_t type;
    uint8_t dead;               /* replaced by a later entry of the same name */
} dact;

typedef struct drole {
    const char *role;           /* interned role code */
    int32_t start, end;
} drole;

typedef struct dlink {
    const char *rel;
    const char *target;         /* canonical name */
    int line;
} dlink;

typedef struct dphr {           /* one (phrase, actor) pair; a phrase's entries are chained */
    uint32_t actor;
    int32_t next;
    uint16_t capmask, upmask;   /* words that must be capitalised / all capitals */
    uint8_t kind;               /* DL_M_NAME, DL_M_DEMONYM, DL_M_SEAT */
    uint8_t nw;
} dphr;

typedef struct dchain {         /* surnames and states: actor lists */
    uint32_t actor;
    int32_t next;
} dchain;

typedef struct dhold {          /* holders of an office */
    uint32_t actor, role;       /* role: index into x->role */
    int32_t next;
} dhold;

typedef struct rword {          /* a line of roles.tsv */
    const char *role;           /* interned code, or NULL for a sector word */
    const char *sector;         /* or NULL */
} rword;

typedef struct cue {
    unsigned cls;
    const char *rel;            /* kin: relation name */
    int kw;                     /* KW_*: a grammar word the parser looks for */
    uint8_t gender;             /* G_*: of a given name or an honorific ("Mrs.") */
} cue;

/* A person's gender, for "he" and "she": from a first name or a title of
 * data/name-cues.tsv, or from a pronoun that named the person before; G_NONE fits both. */
enum { G_NONE, G_MALE, G_FEMALE };

/* Grammar words: closed-class English the parser itself tests for, looked up with the cues. */
enum { KW_NONE, KW_THE, KW_HE, KW_SHE, KW_THEY, KW_WHOSE, KW_WHO, KW_POSS, KW_OF, KW_IN, KW_FROM,
       KW_TWO, KW_BOTH, KW_AND, KW_BUT, KW_COMMA, KW_SEMI, KW_AMP, KW_ON, KW_HIM, KW_HER };
static const char *const kw_words[] = {"", "the", "he", "she", "they", "whose", "who", "'s", "of", "in",
                                       "from", "two", "both", "and", "but", ",", ";", "&", "on", "him", "her"};

/* Bloom filters over the first words of phrases and role phrases and over the cue words:
 * most tokens start nothing, and a filter says so without a hash-map probe. BL_PAIR holds
 * the first two words of the longer phrases (pair_hash): most words after a phrase's first
 * word ("New" in "New rules") continue none. BL_PERSON holds the first words of persons'
 * names of two words or more, all the pre-pass looks for; BL_LOWER those of phrases whose
 * first word may be written in lower case (most must be capitalised: "to" never starts
 * "To Lam"). The filters share one table of bytes, filter f
 * in bit f, so one pair of loads answers all of them for a token. */
#define BLOOM_BITS (1u << 17)
#define CUE4 4096
enum { BL_PHRASE, BL_ROLE, BL_CUE, BL_PAIR, BL_PERSON, BL_LOWER, BL_N };

struct dl_actor_dict {
    dl_arena *arena;
    dact *act; size_t nact, cap_act;
    drole *role; size_t nrole, cap_role;
    dlink *link; size_t nlink, cap_link;
    dphr *phr; size_t nphr, cap_phr;
    dchain *ch; size_t nch, cap_ch;
    dhold *hold; size_t nhold, cap_hold;
    rword *rw; size_t nrw, cap_rw;
    cue *cue; size_t ncue, cap_cue;
    const char **code; size_t ncode, cap_code;
    dl_map *phrases;    /* phrase -> (phr head + 1) | PREFIX */
    dl_map *roles;      /* role phrase -> (rw index + 1) | PREFIX */
    dl_map *codes;      /* role code -> index into code */
    dl_map *codeinfo;   /* role code -> its CF_* (data/role-codes.tsv) */
    dl_map *sectors;    /* sector word -> index into code */
    dl_map *names;      /* canonical name -> actor */
    dl_map *surnames;   /* surname -> ch head + 1 */
    dl_map *holders;    /* "RUS\tleader" or "#United Nations\tsecretary_general" -> hold head + 1 */
    dl_map *states;     /* "RUS" -> ch head + 1 (entries of type country) */
    dl_map *cues;       /* word -> cue index */
    uint32_t short_cue[1 << 16];   /* a cue word of one or two bytes (short_key) -> index + 1 */
    uint8_t role2[1 << 16];     /* the first two bytes of a role phrase's first word (short_key) */
    /* cue words of three or four bytes by their bytes as a number (with the NUL after
     * three), open addressing, at most half full (cue4_full: more, and the map decides) */
    uint32_t cue4_word[CUE4], cue4_val[CUE4];
    uint32_t ncue4;
    int cue4_full;
    const char *leader, *head_of_state, *head_of_government;   /* interned codes */
    uint8_t bloom[BLOOM_BITS];     /* bit f: filter f (BL_*) */
};

/* Role codes: what data/role-codes.tsv says of each. */
enum {
    CF_MANY = 1,    /* many hold it at once */
    CF_STATE = 2,   /* an office of a state */
    CF_BODY = 4     /* an office of an international body */
};

static unsigned code_flags(const dl_actor_dict *x, const char *code)
{
    uint32_t v = 0;
    dl_map_get(x->codeinfo, code, strlen(code), &v);
    return v;
}

static void bloom_set(dl_actor_dict *x, int f, uint32_t h)
{
    x->bloom[h & (BLOOM_BITS - 1)] |= (uint8_t)(1u << f);
    x->bloom[(h >> 15) & (BLOOM_BITS - 1)] |= (uint8_t)(1u << f);
}

static void bloom_add(dl_actor_dict *x, int f, const char *w, size_t n)
{
    bloom_set(x, f, dl_hash(w, n));
}

/* The filters (bit f for BL_*) that may hold a word of hash h. */
static inline unsigned bloom_bits(const dl_actor_dict *x, uint32_t h)
{
    return x->bloom[h & (BLOOM_BITS - 1)] & x->bloom[(h >> 15) & (BLOOM_BITS - 1)];
}

static inline int bloom_has(const dl_actor_dict *x, int f, uint32_t h)
{
    return bloom_bits(x, h) >> f & 1;
}

/* The first word of a key. */
static size_t first_word(const char *key, size_t kl)
{
    const char *sp = memchr(key, ' ', kl);
    return sp ? (size_t)(sp - key) : kl;
}

/* The BL_PAIR hash of two words of dl_hash h1 and h2. */
static uint32_t pair_hash(uint32_t h1, uint32_t h2)
{
    return (h1 * 0x9e3779b1u) ^ h2 ^ (h2 >> 13);
}

/* ---------------------------------------------------------------- text helpers */

/* Lower-cases one code point the way segment.c lower-cases tokens (curly quotes and
 * dashes folded to ASCII) and appends it to out; returns bytes written (0 when full). */
static size_t fold_cp(uint32_t cp, int srclen, const unsigned char *src, char *out, size_t room)
{
    unsigned char tmp[4];
    size_t w;
    if (cp < 0x80) {
        tmp[0] = (unsigned char)tolower((int)cp);
        w = 1;
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x2032) {
        tmp[0] = '\'';
        w = 1;
    } else if (cp == 0x201C || cp == 0x201D || cp == 0x00AB || cp == 0x00BB) {
        tmp[0] = '"';
        w = 1;
    } else if (cp >= 0x2010 && cp <= 0x2015) {
        tmp[0] = '-';
        w = 1;
    } else {
        utf8proc_ssize_t n = utf8proc_encode_char(utf8proc_tolower((utf8proc_int32_t)cp), tmp);
        if (n <= 0 || n > srclen) {
            memcpy(tmp, src, (size_t)srclen);
            n = srclen;
        }
        w = (size_t)n;
    }
    if (w > room)
        return 0;
    memcpy(out, tmp, w);
    return w;
}

static int cp_is_upper(uint32_t cp)
{
    return cp < 0x80 ? isupper((int)cp) != 0 : utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU;
}

static int cp_is_alnum(uint32_t cp)
{
    if (cp < 0x80)
        return isalnum((int)cp);
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) || c == UTF8PROC_CATEGORY_MN ||
           c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ND;
}

static int is_apos(uint32_t cp) { return cp == '\'' || cp == 0x2019; }

static inline int decode(const unsigned char *u, size_t n, uint32_t *cp)
{
    if (*u < 0x80) {
        *cp = *u;
        return 1;
    }
    return dl_utf8_decode(u, n, cp);
}

/* A phrase of the data files as the key the matcher builds from tokens: words split the
 * way segment.c splits them (inner hyphens, apostrophes and dots join; "'s" and other
 * punctuation stand alone), lower-cased, dots dropped, joined by single spaces. Fills the
 * case masks of the words (capitalised; all capitals with two letters or more).
 * Returns the number of words, 0 when empty, -1 when too long. */
static int phrase_key(const char *s, size_t n, char *key, size_t *klen, uint16_t *capmask,
                      uint16_t *upmask)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t kl = 0, i = 0;
    int nw = 0;
    *capmask = *upmask = 0;
    while (i < n) {
        uint32_t cp;
        int l = decode(u + i, n - i, &cp);
        if (l <= 0)
            return -1;
        if (cp == ' ' || cp == '\t' || cp == '.') {
            i += (size_t)l;
            continue;
        }
        if (nw == MAXW)
            return -1;
        if (nw && kl + 1 < KEYMAX)
            key[kl++] = ' ';
        if (!cp_is_alnum(cp) && is_apos(cp) && i + (size_t)l < n && (u[i + l] == 's' || u[i + l] == 'S') &&
            (i + (size_t)l + 1 == n || !cp_is_alnum(u[i + l + 1]))) {
            /* "'s" after a word */
            if (kl + 2 >= KEYMAX)
                return -1;
            key[kl++] = '\'';
            key[kl++] = 's';
            i += (size_t)l + 1;
            nw++;
            continue;
        }
        if (!cp_is_alnum(cp)) {   /* punctuation: a word of its own */
            size_t w = fold_cp(cp, l, u + i, key + kl, KEYMAX - 1 - kl);
            if (!w)
                return -1;
            kl += w;
            i += (size_t)l;
            nw++;
            continue;
        }
        int letters = 0, uppers = 0, first_upper = -1;
        while (i < n) {
            unsigned ch = u[i];
            if ((ch | 32) - 'a' < 26) {     /* the common case: ASCII letters and digits */
                int up = !(ch & 32);
                if (!letters)
                    first_upper = up;
                letters++;
                uppers += up;
                if (kl + 1 >= KEYMAX)
                    return -1;
                key[kl++] = (char)(ch | 32);
                i++;
                continue;
            }
            if (ch - '0' < 10) {
                if (kl + 1 >= KEYMAX)
                    return -1;
                key[kl++] = (char)ch;
                i++;
                continue;
            }
            l = decode(u + i, n - i, &cp);
            if (l <= 0)
                return -1;
            if (cp_is_alnum(cp)) {
                if (cp >= 0x80 || isalpha((int)cp)) {
                    int up = cp_is_upper(cp);
                    letters++;
                    uppers += up;
                    if (first_upper < 0)
                        first_upper = up;
                }
                size_t w = fold_cp(cp, l, u + i, key + kl, KEYMAX - 1 - kl);
                if (!w)
                    return -1;
                kl += w;
                i += (size_t)l;
                continue;
            }
            uint32_t nx = 0;
            int nl = i + (size_t)l < n ? decode(u + i + l, n - i - (size_t)l, &nx) : 0;
            int next_alnum = nl > 0 && cp_is_alnum(nx);
            if (cp == '.' && next_alnum) {       /* "U.S" */
                i += (size_t)l;
                continue;
            }
            if (cp == '-' && next_alnum) {
                if (kl + 1 >= KEYMAX)
                    return -1;
                key[kl++] = '-';
                i += (size_t)l;
                continue;
            }
            if (is_apos(cp) && next_alnum) {
                /* "'s" at the end of a word is split off; "d'Ivoire" joins */
                if ((nx == 's' || nx == 'S') && (i + (size_t)l + 1 >= n || !cp_is_alnum(u[i + l + 1])))
                    break;
                if (kl + 1 >= KEYMAX)
                    return -1;
                key[kl++] = '\'';
                i += (size_t)l;
                continue;
            }
            break;
        }
        if (first_upper == 1)
            *capmask |= (uint16_t)(1u << nw);
        if (letters >= 2 && uppers == letters)
            *upmask |= (uint16_t)(1u << nw);
        nw++;
    }
    key[kl] = 0;
    *klen = kl;
    return nw;
}

/* Parses YYYY[-MM[-DD]]: *lo = its first day, *hi = the day after its last. */
static int parse_date(const char *s, size_t n, int32_t *lo, int32_t *hi)
{
    int y = 0, m = 0, d = 0;
    if (n != 4 && n != 7 && n != 10)
        return -1;
    for (size_t i = 0; i < n; i++)
        if ((i == 4 || i == 7) ? s[i] != '-' : (unsigned)(s[i] - '0') > 9)
            return -1;
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (n >= 7)
        m = (s[5] - '0') * 10 + (s[6] - '0');
    if (n == 10)
        d = (s[8] - '0') * 10 + (s[9] - '0');
    if (!dl_cal_valid(y, m ? m : 1, d ? d : 1))
        return -1;
    *lo = (int32_t)dl_cal_to_days(y, m ? m : 1, d ? d : 1);
    if (n == 10)
        *hi = *lo + 1;
    else if (n == 7)
        *hi = *lo + dl_cal_days_in_month(y, m);
    else
        *hi = (int32_t)dl_cal_to_days(y + 1, 1, 1);
    return 0;
}

/* The days a TIMEX3 date value covers: "1948", "2023-09", "2023-09-14", and by their year
 * "2023-W38", "2023-Q3", "2023-SU"; decades "199" and centuries "19". */
static int value_span(const char *v, int32_t *lo, int32_t *hi)
{
    size_t n = 0;
    while ((unsigned)(v[n] - '0') <= 9)
        n++;
    if (n == 4) {
        size_t len = strlen(v);
        if (len >= 10 && parse_date(v, 10, lo, hi) == 0)
            return 0;
        if (len >= 7 && isdigit((unsigned char)v[5]) && parse_date(v, 7, lo, hi) == 0)
            return 0;
        return parse_date(v, 4, lo, hi);
    }
    if (n == 3 || n == 2) {
        int y = atoi(v) * (n == 3 ? 10 : 100);
        if (y < 1)
            return -1;
        *lo = (int32_t)dl_cal_to_days(y, 1, 1);
        *hi = (int32_t)dl_cal_to_days(y + (n == 3 ? 10 : 100), 1, 1);
        return 0;
    }
    return -1;
}

static long overlap(int32_t a0, int32_t a1, int32_t b0, int32_t b1)
{
    long lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    return hi > lo ? hi - lo : 0;
}

/* ---------------------------------------------------------------- loading */

typedef struct loader {
    dl_actor_dict *x;
    const char *src;
    int line;
    dl_error *err;
} loader;

#define NOMEM(ld) dl_fail((ld)->err, DL_ENOMEM, "out of memory")

static dl_status bad(loader *ld, const char *fmt, const char *a, size_t an)
{
    char what[160];
    snprintf(what, sizeof what, "%.*s", (int)(an > 120 ? 120 : an), a);
    char msg[256];
    snprintf(msg, sizeof msg, fmt, what);
    return dl_fail(ld->err, DL_EDATA, "%s:%d: %s", ld->src, ld->line, msg);
}

static const char *intern(dl_actor_dict *x, dl_map *m, const char *s, size_t n, int add)
{
    uint32_t v;
    if (dl_map_get(m, s, n, &v))
        return x->code[v];
    if (!add || DL_GROW(x->code, x->cap_code, x->ncode + 1))
        return NULL;
    char *c = dl_arena_strndup(x->arena, s, n);
    if (!c || dl_map_put(m, s, n, (uint32_t)x->ncode))
        return NULL;
    x->code[x->ncode] = c;
    return x->code[x->ncode++];
}

static int valid_code(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!islower((unsigned char)s[i]) && s[i] != '_')
            return 0;
    return 1;
}

/* Sets key -> value in a phrase map, keeping the PREFIX bit, and marks every shorter
 * sequence of words as a prefix. */
static int map_phrase(dl_map *m, const char *key, size_t kl, uint32_t old, uint32_t head)
{
    for (size_t i = 0; i < kl; i++) {
        if (key[i] != ' ')
            continue;
        uint32_t v = 0;
        dl_map_get(m, key, i, &v);
        if (!(v & PREFIX) && dl_map_put(m, key, i, v | PREFIX))
            return -1;
    }
    return dl_map_put(m, key, kl, (old & PREFIX) | head);
}

/* Adds phrase s for the actor; the key is left in key (KEYMAX bytes), its words in *nwp. */
static dl_status add_phrase_key(loader *ld, const char *s, size_t n, uint32_t actor, int kind, char *key,
                                size_t *klp, int *nwp)
{
    dl_actor_dict *x = ld->x;
    size_t kl;
    uint16_t cm, um;
    int nw = phrase_key(s, n, key, &kl, &cm, &um);
    *klp = kl;
    *nwp = nw;
    if (nw < 0)
        return bad(ld, "phrase \"%s\" is too long or not UTF-8", s, n);
    if (nw == 0)
        return bad(ld, "empty phrase \"%s\"", s, n);
    uint32_t v = 0;
    dl_map_get(x->phrases, key, kl, &v);
    for (int32_t h = (int32_t)(v & ~PREFIX) - 1; h >= 0; h = x->phr[h].next)
        if (x->phr[h].actor == actor)
            return DL_OK;   /* a variant that folds to the same key */
    if (DL_GROW(x->phr, x->cap_phr, x->nphr + 1))
        return NOMEM(ld);
    dphr *p = &x->phr[x->nphr];
    p->actor = actor;
    p->next = (int32_t)(v & ~PREFIX) - 1;
    p->capmask = cm;
    p->upmask = um;
    p->kind = (uint8_t)kind;
    p->nw = (uint8_t)nw;
    if (map_phrase(x->phrases, key, kl, v, (uint32_t)++x->nphr))
        return NOMEM(ld);
    size_t l1 = first_word(key, kl);
    bloom_add(x, BL_PHRASE, key, l1);
    if (!(cm & 1))
        bloom_add(x, BL_LOWER, key, l1);
    if (l1 < kl && x->act[actor].type == T_PERSON)
        bloom_add(x, BL_PERSON, key, l1);
    if (l1 < kl) {
        size_t l2 = first_word(key + l1 + 1, kl - l1 - 1);
        bloom_set(x, BL_PAIR, pair_hash(dl_hash(key, l1), dl_hash(key + l1 + 1, l2)));
    }
    return DL_OK;
}

static dl_status add_phrase(loader *ld, const char *s, size_t n, uint32_t actor, int kind)
{
    char key[KEYMAX];
    size_t kl;
    int nw;
    return add_phrase_key(ld, s, n, actor, kind, key, &kl, &nw);
}

static int chain_add(dl_actor_dict *x, dl_map *m, const char *key, size_t kl, uint32_t actor)
{
    uint32_t v = 0;
    dl_map_get(m, key, kl, &v);
    if (v && x->ch[v - 1].actor == actor)
        return 0;   /* "Erdogan" of an alias and of the name: once */
    if (DL_GROW(x->ch, x->cap_ch, x->nch + 1))
        return -1;
    x->ch[x->nch].actor = actor;
    x->ch[x->nch].next = (int32_t)v - 1;
    return dl_map_put(m, key, kl, (uint32_t)++x->nch);
}

static int cue_entry(dl_actor_dict *x, const char *w, size_t n);

/* The first slot of word k of three or four bytes in cue4_word. */
static inline uint32_t cue4_slot(uint32_t k)
{
    return (k * 0x9e3779b1u) >> 20;   /* 4096 slots */
}

/* The slot in short_cue of a word of one or two bytes (",", "of"): its bytes. */
static inline size_t short_key(const char *w, size_t n)
{
    return (unsigned char)w[0] | (n == 2 ? (size_t)(unsigned char)w[1] << 8 : 0);
}

static unsigned cue_of(const dl_actor_dict *x, const char *w, size_t n, const char **rel)
{
    uint32_t v;
    if (n == 0 || !dl_map_get(x->cues, w, n, &v))
        return 0;
    if (rel)
        *rel = x->cue[v].rel;
    return x->cue[v].cls;
}

/* Derives the surname a story uses alone: the last word ("Putin"), or the first for
 * people named family name first ("Kim Jong-un", "Xi Jinping"). */
static dl_status add_surname(loader *ld, uint32_t actor, const char *key, size_t kl, int nw)
{
    dl_actor_dict *x = ld->x;
    const dact *a = &x->act[actor];
    if (nw < 2)
        return DL_OK;
    /* Word boundaries in the key. */
    size_t ws[MAXW], we[MAXW];
    int k = 0;
    for (size_t i = 0; i <= kl && k < nw; i++) {
        if (i == 0 || key[i - 1] == ' ')
            ws[k] = i;
        if (i == kl || key[i] == ' ')
            we[k++] = i;
    }
    /* Skip name suffixes and single letters at the end. */
    int last = nw - 1;
    while (last > 0 && (we[last] - ws[last] <= 1 ||
                        (cue_of(x, key + ws[last], we[last] - ws[last], NULL) & C_NAME_SUFFIX)))
        last--;
    char cc[4] = {0};
    for (int i = 0; i < 3 && a->country[i]; i++)
        cc[i] = (char)tolower((unsigned char)a->country[i]);
    int family_first = a->country[0] && (cue_of(x, cc, strlen(cc), NULL) & C_FAMILY_FIRST);
    /* "Jong-un", "Won-sik": a hyphenated given name in lower case after the hyphen. */
    const char *hy = memchr(key + ws[last], '-', we[last] - ws[last]);
    const char *p = a->name + strlen(a->name);
    while (p > a->name && p[-1] != ' ')
        p--;
    const char *hy_src = strchr(p, '-');
    if (hy && hy_src && hy_src[1] && islower((unsigned char)hy_src[1]) && last == nw - 1)
        family_first = 1;
    int w = family_first ? 0 : last;
    if (chain_add(x, x->surnames, key + ws[w], we[w] - ws[w], actor))
        return NOMEM(ld);
    /* The first name of a person named given name first is a first name: a run of
     * capitalised words that starts with it is a person. Titles are not ("Pope Francis"). */
    size_t fl = we[0] - ws[0];
    uint32_t v;
    if (!family_first && fl > 1 && !(cue_of(x, key, fl, NULL) & (C_HONORIFIC | C_NOT_NAME)) &&
        !(dl_map_get(x->roles, key, fl, &v) && (v & ~PREFIX))) {
        int c = cue_entry(x, key, fl);
        if (c < 0)
            return NOMEM(ld);
        x->cue[c].cls |= C_GIVEN;
    }
    return DL_OK;
}

/* "RUS\tleader" (hash "#" when the first part is a body's name); returns its length or 0. */
static size_t holder_key(char *key, size_t cap, int body, const char *a, const char *role)
{
    size_t al = strlen(a), rl = strlen(role), n = (size_t)body + al + 1 + rl;
    if (n >= cap)
        return 0;
    char *p = key;
    if (body)
        *p++ = '#';
    memcpy(p, a, al);
    p[al] = '\t';
    memcpy(p + al + 1, role, rl + 1);
    return n;
}

static dl_status add_holder(loader *ld, const char *key, size_t kl, uint32_t actor, uint32_t role)
{
    if (kl == 0)
        return DL_OK;
    dl_actor_dict *x = ld->x;
    uint32_t v = 0;
    dl_map_get(x->holders, key, kl, &v);
    if (DL_GROW(x->hold, x->cap_hold, x->nhold + 1))
        return NOMEM(ld);
    x->hold[x->nhold].actor = actor;
    x->hold[x->nhold].role = role;
    x->hold[x->nhold].next = (int32_t)v - 1;
    if (dl_map_put(x->holders, key, kl, (uint32_t)++x->nhold))
        return NOMEM(ld);
    return DL_OK;
}

/* Splits cell [s, s+n) at sep; calls fn on every non-empty part (an empty part is an error). */
typedef dl_status (*part_fn)(loader *ld, const char *s, size_t n, uint32_t actor, int arg);

static dl_status each_part(loader *ld, const char *s, size_t n, char sep, part_fn fn, uint32_t actor,
                           int arg, const char *what)
{
    if (n == 0)
        return DL_OK;
    const char *end = s + n;
    while (s <= end) {
        const char *e = memchr(s, sep, (size_t)(end - s));
        if (!e)
            e = end;
        const char *a = s, *b = e;
        while (a < b && *a == ' ')
            a++;
        while (b > a && b[-1] == ' ')
            b--;
        if (a == b)
            return bad(ld, "empty element in the %s column", what, strlen(what));
        dl_status st = fn(ld, a, (size_t)(b - a), actor, arg);
        if (st)
            return st;
        s = e + 1;
    }
    return DL_OK;
}

static dl_status phrase_part(loader *ld, const char *s, size_t n, uint32_t actor, int kind)
{
    return add_phrase(ld, s, n, actor, kind);
}

/* An alias; a person's also gives the surname it is written with ("Tayyip Erdogan":
 * "Erdogan", for "Erdoğan"). */
static dl_status alias_part(loader *ld, const char *s, size_t n, uint32_t actor, int kind)
{
    char key[KEYMAX];
    size_t kl;
    int nw;
    dl_status st = add_phrase_key(ld, s, n, actor, kind, key, &kl, &nw);
    if (st == DL_OK && ld->x->act[actor].type == T_PERSON)
        st = add_surname(ld, actor, key, kl, nw);
    return st;
}

static dl_status role_part(loader *ld, const char *s, size_t n, uint32_t actor, int arg)
{
    DL_UNUSED(arg);
    dl_actor_dict *x = ld->x;
    const char *at = memchr(s, '@', n);
    const char *sl = at ? memchr(at, '/', (size_t)(s + n - at)) : NULL;
    if (!at || !sl)
        return bad(ld, "role \"%s\" is not ROLE@START/END", s, n);
    const char *code = intern(x, x->codes, s, (size_t)(at - s), 0);
    if (!code)
        return bad(ld, "role \"%s\" is no role code of data/role-codes.tsv", s, (size_t)(at - s));
    drole r = {code, OPEN_START, OPEN_END};
    int32_t lo, hi;
    size_t n1 = (size_t)(sl - at - 1), n2 = (size_t)(s + n - sl - 1);
    if (n1) {
        if (parse_date(at + 1, n1, &lo, &hi))
            return bad(ld, "bad start date in role \"%s\"", s, n);
        r.start = lo;
    }
    if (n2) {
        if (parse_date(sl + 1, n2, &lo, &hi))
            return bad(ld, "bad end date in role \"%s\"", s, n);
        r.end = lo > r.start ? lo : hi;
    }
    if (r.end <= r.start)
        return bad(ld, "role \"%s\" ends before it starts", s, n);
    if (DL_GROW(x->role, x->cap_role, x->nrole + 1))
        return NOMEM(ld);
    x->role[x->nrole++] = r;
    x->act[actor].nrole++;
    return DL_OK;
}

static dl_status link_part(loader *ld, const char *s, size_t n, uint32_t actor, int arg)
{
    DL_UNUSED(arg);
    dl_actor_dict *x = ld->x;
    const char *eq = memchr(s, '=', n);
    if (!eq || eq == s || eq + 1 == s + n || !valid_code(s, (size_t)(eq - s)))
        return bad(ld, "link \"%s\" is not relation=Name", s, n);
    if (DL_GROW(x->link, x->cap_link, x->nlink + 1))
        return NOMEM(ld);
    dlink *l = &x->link[x->nlink];
    l->rel = dl_arena_strndup(x->arena, s, (size_t)(eq - s));
    l->target = dl_arena_strndup(x->arena, eq + 1, (size_t)(s + n - eq - 1));
    l->line = ld->line;
    if (!l->rel || !l->target)
        return NOMEM(ld);
    x->nlink++;
    x->act[actor].nlink++;
    return DL_OK;
}

static const char ACTORS_HEADER[] = "name\ttype\tcountry\tstart\tend\taliases\tdemonyms\tseats\troles\tlinks";

/* Reads the rows of an actors file; entries whose name exists replace the old ones. */
static dl_status load_actors(dl_actor_dict *x, dl_tsv *t, dl_error *err)
{
    loader ld = {x, t->src, 0, err};
    const char *c[10];
    size_t l[10];
    int r;
    size_t first_link = x->nlink;
    while ((r = dl_tsv_next(t, c, l, 10, err)) > 0) {
        ld.line = t->line;
        if (l[0] == 0 || c[0][0] == ' ' || c[0][l[0] - 1] == ' ')
            return bad(&ld, "empty or padded name \"%s\"", c[0], l[0]);
        int type = -1;
        for (int k = 0; k < T_N; k++)
            if (strlen(type_names[k]) == l[1] && !memcmp(type_names[k], c[1], l[1]))
                type = k;
        if (type < 0)
            return bad(&ld, "unknown type \"%s\" (person, country, organization, group, place)", c[1], l[1]);
        if (l[2] && (l[2] != 3 || !isupper((unsigned char)c[2][0]) || !isupper((unsigned char)c[2][1]) ||
                     !isupper((unsigned char)c[2][2])))
            return bad(&ld, "country \"%s\" is no ISO 3166-1 alpha-3 code", c[2], l[2]);
        if (type == T_COUNTRY && !l[2])
            return bad(&ld, "country \"%s\" has no code", c[0], l[0]);
        int32_t start = OPEN_START, end = OPEN_END, lo, hi;
        if (l[3]) {
            if (parse_date(c[3], l[3], &lo, &hi))
                return bad(&ld, "bad start date \"%s\" (YYYY[-MM[-DD]])", c[3], l[3]);
            start = lo;
        }
        if (l[4]) {
            if (parse_date(c[4], l[4], &lo, &hi))
                return bad(&ld, "bad end date \"%s\" (YYYY[-MM[-DD]])", c[4], l[4]);
            end = lo > start ? lo : hi;
        }
        if (end <= start)
            return bad(&ld, "\"%s\" ends before it starts", c[0], l[0]);
        if (l[6] && type != T_COUNTRY)
            return bad(&ld, "demonyms on \"%s\", which is no country", c[0], l[0]);
        if (l[8] && type != T_PERSON)
            return bad(&ld, "roles on \"%s\", which is no person", c[0], l[0]);

        if (DL_GROW(x->act, x->cap_act, x->nact + 1))
            return NOMEM(&ld);
        uint32_t id = (uint32_t)x->nact;
        dact *a = &x->act[id];
        memset(a, 0, sizeof *a);
        a->name = dl_arena_strndup(x->arena, c[0], l[0]);
        a->country = dl_arena_strndup(x->arena, c[2], l[2]);
        if (!a->name || !a->country)
            return NOMEM(&ld);
        a->type = (uint8_t)type;
        a->start = start;
        a->end = end;
        a->role0 = (uint32_t)x->nrole;
        a->link0 = (uint32_t)x->nlink;
        x->nact++;
        uint32_t old;
        if (dl_map_get(x->names, c[0], l[0], &old))
            x->act[old].dead = 1;
        if (dl_map_put(x->names, c[0], l[0], id))
            return NOMEM(&ld);
        dl_status st;
        char nkey[KEYMAX];
        size_t nkl;
        int nnw;
        if ((st = add_phrase_key(&ld, c[0], l[0], id, DL_M_NAME, nkey, &nkl, &nnw)) ||
            (st = each_part(&ld, c[5], l[5], '|', alias_part, id, DL_M_NAME, "aliases")) ||
            (st = each_part(&ld, c[6], l[6], '|', phrase_part, id, DL_M_DEMONYM, "demonyms")) ||
            (st = each_part(&ld, c[7], l[7], '|', phrase_part, id, DL_M_SEAT, "seats")) ||
            (st = each_part(&ld, c[8], l[8], ';', role_part, id, 0, "roles")) ||
            (st = each_part(&ld, c[9], l[9], ';', link_part, id, 0, "links")))
            return st;
        if (type == T_PERSON && (st = add_surname(&ld, id, nkey, nkl, nnw)))
            return st;
        if (type == T_COUNTRY && chain_add(x, x->states, c[2], 3, id))
            return NOMEM(&ld);
        /* Office holders, by country and by the international body served: each office
         * of the one it belongs to (Kaja Kallas's "leader" is Estonia's, not the EU's). */
        a = &x->act[id];
        for (uint32_t k = 0; k < a->nrole; k++) {
            const drole *ro = &x->role[a->role0 + k];
            char key[256];
            size_t kl;
            unsigned of = code_flags(x, ro->role);
            int serves = 0;
            for (uint32_t j = 0; j < a->nlink; j++)
                serves |= !strcmp(x->link[a->link0 + j].rel, "serves");
            if (!serves)
                of |= CF_STATE;   /* a national "chair" or "official" with no body named */
            if (a->country[0] && (of & CF_STATE)) {
                kl = holder_key(key, sizeof key, 0, a->country, ro->role);
                if ((st = add_holder(&ld, key, kl, id, a->role0 + k)))
                    return st;
            }
            for (uint32_t j = 0; j < a->nlink; j++) {
                const dlink *li = &x->link[a->link0 + j];
                if (strcmp(li->rel, "serves") != 0 || !(of & CF_BODY))
                    continue;
                kl = holder_key(key, sizeof key, 1, li->target, ro->role);
                if ((st = add_holder(&ld, key, kl, id, a->role0 + k)))
                    return st;
            }
        }
    }
    if (r < 0)
        return err ? err->code : DL_EDATA;
    for (size_t k = first_link; k < x->nlink; k++) {
        if (!dl_map_get(x->names, x->link[k].target, strlen(x->link[k].target), NULL)) {
            ld.line = x->link[k].line;
            return bad(&ld, "link target \"%s\" is no actor", x->link[k].target, strlen(x->link[k].target));
        }
    }
    return DL_OK;
}

static dl_status load_roles(dl_actor_dict *x, dl_tsv *t, dl_error *err)
{
    loader ld = {x, t->src, 0, err};
    const char *c[3];
    size_t l[3];
    int r;
    while ((r = dl_tsv_next(t, c, l, 3, err)) > 0) {
        ld.line = t->line;
        for (size_t i = 0; i < l[0]; i++)
            if (isupper((unsigned char)c[0][i]))
                return bad(&ld, "phrase \"%s\" is not lower case", c[0], l[0]);
        int no_role = l[1] == 1 && c[1][0] == '-', no_sector = l[2] == 1 && c[2][0] == '-';
        if (!no_role && !valid_code(c[1], l[1]))
            return bad(&ld, "role \"%s\" is not a code of [a-z_] or '-'", c[1], l[1]);
        if (!no_sector && !valid_code(c[2], l[2]))
            return bad(&ld, "sector \"%s\" is not a word of [a-z_] or '-'", c[2], l[2]);
        if (no_role && no_sector)
            return bad(&ld, "\"%s\" has neither role nor sector", c[0], l[0]);
        rword w = {NULL, NULL};
        if (!no_role && !(w.role = intern(x, x->codes, c[1], l[1], 0)))
            return bad(&ld, "role \"%s\" is no role code of data/role-codes.tsv", c[1], l[1]);
        if (!no_sector && !(w.sector = intern(x, x->sectors, c[2], l[2], 1)))
            return NOMEM(&ld);
        char key[KEYMAX];
        size_t kl;
        uint16_t cm, um;
        int nw = phrase_key(c[0], l[0], key, &kl, &cm, &um);
        if (nw <= 0)
            return bad(&ld, "bad phrase \"%s\"", c[0], l[0]);
        if (DL_GROW(x->rw, x->cap_rw, x->nrw + 1))
            return NOMEM(&ld);
        x->rw[x->nrw++] = w;
        uint32_t old = 0;
        dl_map_get(x->roles, key, kl, &old);
        if (map_phrase(x->roles, key, kl, old, (uint32_t)x->nrw))
            return NOMEM(&ld);
        size_t l1 = first_word(key, kl);
        bloom_add(x, BL_ROLE, key, l1);
        x->role2[short_key(key, l1 < 2 ? l1 : 2)] = 1;
    }
    return r < 0 ? (err ? err->code : DL_EDATA) : DL_OK;
}

/* The cue entry of a word, made when missing; -1 on allocation failure. */
static int cue_entry(dl_actor_dict *x, const char *w, size_t n)
{
    uint32_t v;
    if (dl_map_get(x->cues, w, n, &v))
        return (int)v;
    if (DL_GROW(x->cue, x->cap_cue, x->ncue + 1))
        return -1;
    v = (uint32_t)x->ncue;
    x->cue[v] = (cue){.kw = KW_NONE};
    if (dl_map_put(x->cues, w, n, v))
        return -1;
    x->ncue++;
    bloom_add(x, BL_CUE, w, n);
    if (n <= 2) {
        x->short_cue[short_key(w, n)] = v + 1;
    } else if (n <= 4) {
        uint32_t k = 0;
        memcpy(&k, w, n);
        if (2 * (x->ncue4 + 1) > CUE4) {
            x->cue4_full = 1;
        } else {
            uint32_t sl = cue4_slot(k);
            while (x->cue4_word[sl])
                sl = (sl + 1) & (CUE4 - 1);
            x->cue4_word[sl] = k;
            x->cue4_val[sl] = v;
            x->ncue4++;
        }
    }
    return (int)v;
}

static dl_status load_cues(dl_actor_dict *x, dl_tsv *t, dl_error *err)
{
    loader ld = {x, t->src, 0, err};
    const char *c[3];
    size_t l[3];
    int r;
    while ((r = dl_tsv_next(t, c, l, 3, err)) > 0) {
        ld.line = t->line;
        unsigned bit = 0;
        for (size_t k = 0; k < DL_COUNT(cue_classes); k++)
            if (strlen(cue_classes[k].name) == l[1] && !memcmp(cue_classes[k].name, c[1], l[1]))
                bit = cue_classes[k].bit;
        if (!bit)
            return bad(&ld, "unknown class \"%s\"", c[1], l[1]);
        if (l[0] == 0)
            return bad(&ld, "empty word%s", "", 0);
        int gender = l[2] == 1 && c[2][0] == 'm' ? G_MALE : l[2] == 1 && c[2][0] == 'f' ? G_FEMALE : G_NONE;
        if (bit == C_KIN ? l[2] == 0 : l[2] > 0 && !((bit & (C_GIVEN | C_HONORIFIC)) && gender))
            return bad(&ld, "\"%s\": a kin word needs a relation, a given name or honorific may have m or f, "
                            "other classes nothing", c[0], l[0]);
        int v = cue_entry(x, c[0], l[0]);
        if (v < 0)
            return NOMEM(&ld);
        x->cue[v].cls |= bit;
        if (gender)
            x->cue[v].gender = (uint8_t)gender;
        else if (l[2] && !(x->cue[v].rel = dl_arena_strndup(x->arena, c[2], l[2])))
            return NOMEM(&ld);
    }
    if (r < 0)
        return err ? err->code : DL_EDATA;
    for (int k = 1; k < (int)DL_COUNT(kw_words); k++) {
        int v = cue_entry(x, kw_words[k], strlen(kw_words[k]));
        if (v < 0)
            return NOMEM(&ld);
        x->cue[v].kw = k;
    }
    return DL_OK;
}

/* data/role-codes.tsv: the codes, how many hold each, and whose offices they are. */
static dl_status load_role_codes(dl_actor_dict *x, dl_tsv *t, dl_error *err)
{
    loader ld = {x, t->src, 0, err};
    const char *c[4];
    size_t l[4];
    int r;
    while ((r = dl_tsv_next(t, c, l, 4, err)) > 0) {
        ld.line = t->line;
        unsigned f = dl_cell_is(c[1], l[1], "many") ? CF_MANY : 0;
        if (!valid_code(c[0], l[0]))
            return bad(&ld, "role \"%s\" is not a code of [a-z_]", c[0], l[0]);
        if (!f && !dl_cell_is(c[1], l[1], "one"))
            return bad(&ld, "holders \"%s\" is neither one nor many", c[1], l[1]);
        f |= dl_cell_is(c[2], l[2], "state") ? CF_STATE : dl_cell_is(c[2], l[2], "body") ? CF_BODY
             : dl_cell_is(c[2], l[2], "both") ? CF_STATE | CF_BODY : 0;
        if (!(f & (CF_STATE | CF_BODY)))
            return bad(&ld, "of \"%s\" is none of state, body, both", c[2], l[2]);
        if (!intern(x, x->codes, c[0], l[0], 1) || dl_map_put(x->codeinfo, c[0], l[0], f))
            return NOMEM(&ld);
    }
    return r < 0 ? (err ? err->code : DL_EDATA) : DL_OK;
}

static dl_status open_blob(dl_tsv *t, const char *name, const char *src, const char *header, dl_error *err)
{
    const dl_blob *b = dl_data_get(name);
    if (!b)
        return dl_fail(err, DL_EDATA, "%s: not built in", name);
    return dl_tsv_open_mem(t, src, (const char *)b->data, b->len, header, err);
}

dl_status dl_actors_load(dl_engine *e, dl_error *err)
{
    dl_actor_dict *x = calloc(1, sizeof *x);
    if (!x)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    e->actors = x;
    if (!(x->arena = dl_arena_new()) || !(x->phrases = dl_map_new()) || !(x->roles = dl_map_new()) ||
        !(x->codes = dl_map_new()) || !(x->sectors = dl_map_new()) || !(x->names = dl_map_new()) || !(x->surnames = dl_map_new()) ||
        !(x->holders = dl_map_new()) || !(x->states = dl_map_new()) || !(x->cues = dl_map_new()) ||
        !(x->codeinfo = dl_map_new()))
        return dl_fail(err, DL_ENOMEM, "out of memory");
    dl_tsv t;
    dl_status st;
    if ((st = open_blob(&t, "name-cues.tsv", "data/name-cues.tsv", "word\tclass\tvalue", err)) ||
        (st = load_cues(x, &t, err)))
        return st;
    if ((st = open_blob(&t, "role-codes.tsv", "data/role-codes.tsv", "code\tholders\tof\tmeaning", err)) ||
        (st = load_role_codes(x, &t, err)))
        return st;
    if ((st = open_blob(&t, "roles.tsv", "data/roles.tsv", "phrase\trole\tsector", err)) ||
        (st = load_roles(x, &t, err)))
        return st;
    x->leader = intern(x, x->codes, "leader", 6, 1);
    x->head_of_state = intern(x, x->codes, "head_of_state", 13, 1);
    x->head_of_government = intern(x, x->codes, "head_of_government", 18, 1);
    if (!x->leader || !x->head_of_state || !x->head_of_government)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    if ((st = open_blob(&t, "actors.tsv", "data/actors.tsv", ACTORS_HEADER, err)))
        return st;
    return load_actors(x, &t, err);
}

dl_status dl_actors_load_file(dl_engine *e, const char *path, dl_error *err)
{
    if (!e->actors)
        return dl_fail(err, DL_EARG, "%s: the actor dictionary is not loaded", path);
    dl_tsv t;
    dl_status st = dl_tsv_open_file(&t, path, ACTORS_HEADER, err);
    if (st)
        return st;
    st = load_actors(e->actors, &t, err);
    dl_tsv_close(&t);
    return st;
}

void dl_actors_free_dict(dl_actor_dict *x)
{
    if (!x)
        return;
    free(x->act);
    free(x->role);
    free(x->link);
    free(x->phr);
    free(x->ch);
    free(x->hold);
    free(x->rw);
    free(x->cue);
    free(x->code);
    dl_map_free(x->phrases);
    dl_map_free(x->roles);
    dl_map_free(x->codes);
    dl_map_free(x->sectors);
    dl_map_free(x->names);
    dl_map_free(x->surnames);
    dl_map_free(x->holders);
    dl_map_free(x->codeinfo);
    dl_map_free(x->states);
    dl_map_free(x->cues);
    dl_arena_free(x->arena);
    free(x);
}

/* ---------------------------------------------------------------- dictionary queries */

static int active(int32_t start, int32_t end, int32_t lo, int32_t hi)
{
    return overlap(start, end, lo, hi) > 0;
}

/* The state of ISO code cc over [lo, hi) (most days in common), or -1. */
static int state_of(const dl_actor_dict *x, const char *cc, int32_t lo, int32_t hi)
{
    uint32_t v;
    if (!cc[0] || !dl_map_get(x->states, cc, strlen(cc), &v))
        return -1;
    int best = -1;
    long bo = -1;
    for (int32_t h = (int32_t)v - 1; h >= 0; h = x->ch[h].next) {
        const dact *a = &x->act[x->ch[h].actor];
        if (a->dead)
            continue;
        long o = overlap(a->start, a->end, lo, hi);
        if (o > bo || (o == bo && (int)x->ch[h].actor < best)) {
            bo = o;
            best = (int)x->ch[h].actor;
        }
    }
    return best;
}

/* Does office `have` answer a description asking for `want`? The same code; a head of
 * state or government for "leader"; "defense_minister" for "minister". */
static int role_match_code(const dl_actor_dict *x, const char *want, const char *have)
{
    if (want == have)
        return 1;
    if (want == x->leader && (have == x->head_of_state || have == x->head_of_government))
        return 1;
    size_t wl = strlen(want), hl = strlen(have);
    return hl > wl + 1 && have[hl - wl - 1] == '_' && !strcmp(have + hl - wl, want);
}

/* Does the dictionary person hold an office fitting `want` over [lo, hi) (at any time
 * when any_time)? */
static int dict_has_role(const dl_actor_dict *x, uint32_t actor, const char *want, int32_t lo, int32_t hi,
                         int any_time)
{
    const dact *a = &x->act[actor];
    for (uint32_t k = 0; k < a->nrole; k++) {
        const drole *r = &x->role[a->role0 + k];
        if ((any_time || active(r->start, r->end, lo, hi)) && role_match_code(x, want, r->role))
            return 1;
    }
    return 0;
}

/* How prominent a person is over [lo, hi): 0 paramount leader, 1 head of state, 2 head of
 * government, 3 another office, 9 none. */
static int prominence(const dl_actor_dict *x, uint32_t actor, int32_t lo, int32_t hi)
{
    const dact *a = &x->act[actor];
    int best = 9;
    for (uint32_t k = 0; k < a->nrole; k++) {
        const drole *r = &x->role[a->role0 + k];
        if (!active(r->start, r->end, lo, hi))
            continue;
        int rank = r->role == x->leader ? 0 : r->role == x->head_of_state ? 1
                   : r->role == x->head_of_government ? 2 : 3;
        if (rank < best)
            best = rank;
    }
    return best;
}

/* The role a person's row shows: the formal office held over [lo, hi). */
static const char *display_role(const dl_actor_dict *x, uint32_t actor, int32_t lo, int32_t hi)
{
    const dact *a = &x->act[actor];
    const char *best = NULL;
    int br = 99;
    for (uint32_t k = 0; k < a->nrole; k++) {
        const drole *r = &x->role[a->role0 + k];
        if (!active(r->start, r->end, lo, hi))
            continue;
        int rank = r->role == x->head_of_state ? 0 : r->role == x->head_of_government ? 1
                   : r->role == x->leader ? 50 : 2;
        if (rank < br) {
            br = rank;
            best = r->role;
        }
    }
    return best ? best : "";
}

/* The holder of office `role` of a state or body over [lo, hi) (most days in common), or -1.
 * For the paramount leader, a head of state or of government when no leader is known. */
static int holder_of(const dl_actor_dict *x, const dact *body, const char *role, int32_t lo, int32_t hi)
{
    if (code_flags(x, role) & CF_MANY)
        return -1;   /* "an American official": one of many, no one in particular */
    const char *roles[3] = {role, NULL, NULL};
    if (role == x->leader) {
        roles[1] = x->head_of_state;
        roles[2] = x->head_of_government;
    }
    for (int i = 0; i < 3 && roles[i]; i++) {
        char key[256];
        int byname = (body->type == T_ORG || body->type == T_GROUP) && !body->country[0];
        size_t kl = holder_key(key, sizeof key, byname, byname ? body->name : body->country, roles[i]);
        uint32_t v;
        if (kl == 0 || !dl_map_get(x->holders, key, kl, &v))
            continue;
        int best = -1;
        long bo = 0;
        for (int32_t h = (int32_t)v - 1; h >= 0; h = x->hold[h].next) {
            const dhold *ho = &x->hold[h];
            if (x->act[ho->actor].dead)
                continue;
            const drole *r = &x->role[ho->role];
            long o = overlap(r->start, r->end, lo, hi);
            if (o > bo) {
                bo = o;
                best = (int)ho->actor;
            }
        }
        if (best >= 0)
            return best;
    }
    return -1;
}

/* ================================================================ documents */

enum { TF_BLOCK = 1, TF_USED = 2, TF_QUIET = 4 };   /* TF_QUIET: parse_at starts nothing here */
#define RING 32
#define NLCACHE 256             /* nlemma_role's slots */
#define FOCUS 6                 /* people "in focus" for "the two leaders" */

typedef struct pending {
    uint32_t men;       /* the mention, actor -1 until resolved */
    int allow_new;      /* may become a new organisation */
} pending;

typedef struct tinfo {          /* per token, computed once */
    int32_t cue;                /* index into x->cue, or -1 */
    uint8_t may;                /* MAY_*: the Bloom filters let it start a phrase or role */
    uint8_t dots;               /* its text has a dot (keys drop them) */
    uint8_t phr_known;          /* phr is looked up */
    uint8_t name_form;          /* NF_*: what name_form_of says of its letters, once known */
    /* The last dict_match at this token: it read tokens [i, dm_stop) of sentence [dm_s0,
     * dm_s1), dm_used of them taken by mentions then, and found (dm_end, dm_head) or not.
     * Tokens are only ever taken, so the same count now means the same answer. */
    uint8_t dm_known, dm_found;
    uint32_t dm_used, dm_stop, dm_s0, dm_s1, dm_end;
    int32_t dm_head;
    uint32_t phr;               /* its word's value in x->phrases, 0 when none */
} tinfo;
enum { MAY_PHRASE = 1, MAY_ROLE = 2, MAY_PERSON = 4 };   /* MAY_PERSON: a person's longer name */
enum { NF_UNKNOWN, NF_NAME, NF_NOT };

typedef struct ctx {
    dl_doc *d;
    const dl_actor_dict *x;
    uint8_t *tf;                /* per token: TF_* */
    tinfo *ti;
    int32_t lo, hi;             /* the reference days: the document date, or "now" */
    uint32_t *dict_key;         /* dictionary entry + 1 -> document actor (dict_val): open */
    int32_t *dict_val;          /* addressing, dict_cap slots (a power of two), 0 free */
    uint32_t dict_cap, dict_n;
    /* Maps made at their first entry (map_put), NULL until then: */
    dl_map *actmap;             /* "@<type><name>" -> document actor */
    dl_map *recent;             /* name word -> person most recently named with it */
    dl_map *first;              /* name word -> person first named with it */
    dl_map *later;              /* name word -> person with a full name anywhere (pre-pass) */
    int ring[RING], nring;      /* people in focus, most recent first */
    int states[RING], nstates;  /* states in focus */
    int dateline_state;         /* the state of a dateline ("MEXICO CITY, Oct. 1 -"), or -1 */
    uint32_t s0, s1;            /* the sentence's tokens */
    int headline;
    uint8_t *headlines;         /* per sentence: headline_case (set by prescan) */
    int subj_cur, first_cur, subj_prev;     /* person actors for he/she */
    int clause_subj;            /* the person last named before a verb in the sentence (the
                                   subject of the clause at hand), for him/her, or -1 */
    int plur_cur, plur_prev;                /* mentions for they */
    pending *pend; size_t npend, cap_pend;
    int oom;
    /* nlemma_role's answers, by the word's address; nl_role is read only where nl_word is
     * set. Last, so that the rest of ctx is cleared apart (small clears are cheap). */
    const char *nl_word[NLCACHE];
    uint8_t nl_role[NLCACHE];
} ctx;

static const dl_token *T(const ctx *c, uint32_t i) { return &c->d->tok[i]; }

/* The document's maps are made when something goes in: many documents need only some. */
static int map_put(dl_map **m, const char *key, size_t kl, uint32_t v)
{
    if (!*m && !(*m = dl_map_new()))
        return -1;
    return dl_map_put(*m, key, kl, v);
}

static int map_get(const dl_map *m, const char *key, size_t kl, uint32_t *v)
{
    return m && dl_map_get(m, key, kl, v);
}

static int free_tok(const ctx *c, uint32_t i)
{
    return i >= c->s0 && i < c->s1 && !(c->tf[i] & (TF_BLOCK | TF_USED));
}

/* Is token i an opening quotation mark? */
static int kw_quote(const ctx *c, uint32_t i)
{
    if (i < c->s0 || i >= c->s1)
        return 0;
    const dl_token *t = T(c, i);
    return (t->flags & DL_T_PUNCT) &&
           (((t->lower[0] == '"' || t->lower[0] == '\'') && !t->lower[1]) || !strcmp(t->lower, "`") ||
            !strcmp(t->lower, "``")) &&
           (i + 1 >= c->s1 || !(T(c, i + 1)->flags & DL_T_SPACE_BEFORE));
}

/* The grammar word (KW_*) token i is, when it is free. */
static inline int kw(const ctx *c, uint32_t i)
{
    return free_tok(c, i) && c->ti[i].cue >= 0 ? c->x->cue[c->ti[i].cue].kw : KW_NONE;
}

/* The token's text without dots, for cue look-ups. */
static size_t nodots(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; *s && n + 1 < cap; s++)
        if (*s != '.')
            out[n++] = *s;
    out[n] = 0;
    return n;
}

/* nodots of token i's text: a copy when it has no dot. */
static size_t tok_nodots(const ctx *c, uint32_t i, char *out, size_t cap)
{
    const dl_token *t = T(c, i);
    if (c->ti[i].dots)
        return nodots(t->lower, out, cap);
    size_t n = t->llen < cap - 1 ? t->llen : cap - 1;
    memcpy(out, t->lower, n);
    out[n] = 0;
    return n;
}

static unsigned tok_cue(const ctx *c, uint32_t i, const char **rel)
{
    int v = c->ti[i].cue;
    if (v < 0)
        return 0;
    if (rel)
        *rel = c->x->cue[v].rel;
    return c->x->cue[v].cls;
}

/* May a role phrase start with noun lemma w (a string of the lexicon's, so its address
 * names it)? The answers are kept by address: a document repeats its words. */
static int nlemma_role(ctx *c, const char *w)
{
    if (w[0] && !c->x->role2[short_key(w, w[1] ? 2 : 1)])
        return 0;               /* no role word starts so: no hashing */
    size_t k = (uint32_t)((uintptr_t)w * 0x9e3779b1u) >> 24;   /* 256 slots */
    if (c->nl_word[k] != w) {
        c->nl_word[k] = w;
        c->nl_role[k] = (uint8_t)bloom_has(c->x, BL_ROLE, dl_hash(w, strlen(w)));
    }
    return c->nl_role[k];
}

/* Fills c->ti: one hash per token decides, through the Bloom filters, whether the
 * dictionary, the role words or the cues need a look-up at all, and whether parse_at can
 * start anything at the token (quiet: it cannot). */
static void token_info(ctx *c)
{
    const dl_actor_dict *x = c->x;
    const dl_doc *d = c->d;
    for (size_t i = 0; i < d->ntok; i++) {
        const dl_token *t = &d->tok[i];
        tinfo *ti = &c->ti[i];
        ti->cue = -1;
        ti->may = 0;
        ti->dots = 0;
        ti->phr_known = 0;
        ti->name_form = NF_UNKNOWN;
        ti->dm_known = 0;
        /* quiet: no capital, no phrase, role, pronoun, "the", "whose" or kin word */
        int quiet = !(t->flags & DL_T_CAP);
        char w[64];
        const char *s = t->lower;
        size_t n = t->llen;
        uint32_t h = t->hash, v;
        if (t->flags & DL_T_DOT) {
            ti->dots = 1;
            s = w, n = nodots(t->lower, w, sizeof w);
            h = dl_hash(s, n);
        }
        if (n == 0 || n > 60) {
            c->tf[i] |= (uint8_t)(quiet ? TF_QUIET : 0);
            continue;
        }
        unsigned bits = bloom_bits(x, h);
        /* a word in lower case starts only a phrase that allows it */
        if ((bits & (1u << BL_PHRASE)) && ((t->flags & DL_T_CAP) || (bits & (1u << BL_LOWER))))
            ti->may |= bits & (1u << BL_PERSON) ? MAY_PHRASE | MAY_PERSON : MAY_PHRASE;
        /* a plural matches a role by its singular: the noun lemma, when it is another word */
        if ((bits & (1u << BL_ROLE)) ||
            (t->nlemma != t->lower && nlemma_role(c, t->nlemma)))
            ti->may |= MAY_ROLE;
        if (n <= 2) {           /* "," and "of": no hashing */
            ti->cue = (int32_t)x->short_cue[short_key(s, n)] - 1;
        } else if (n <= 4 && !x->cue4_full) {   /* "the", "they": no hashing either */
            uint32_t k;
            memcpy(&k, s, 4);   /* three bytes and their NUL, or four */
            uint32_t sl = cue4_slot(k);
            while (x->cue4_word[sl] && x->cue4_word[sl] != k)
                sl = (sl + 1) & (CUE4 - 1);
            if (x->cue4_word[sl])
                ti->cue = (int32_t)x->cue4_val[sl];
        } else if ((bits & (1u << BL_CUE)) && dl_map_get_h(x->cues, s, n, h, &v)) {
            ti->cue = (int32_t)v;
        }
        if (ti->may)
            quiet = 0;
        else if (quiet && ti->cue >= 0) {
            const cue *cu = &x->cue[ti->cue];
            if (cu->kw == KW_HE || cu->kw == KW_SHE || cu->kw == KW_THEY || cu->kw == KW_WHOSE ||
                cu->kw == KW_THE || cu->kw == KW_HIM || cu->kw == KW_HER || (cu->cls & C_KIN))
                quiet = 0;
        }
        c->tf[i] |= (uint8_t)(quiet ? TF_QUIET : 0);
    }
}

/* Is the token written in capitals, with two letters or more ("US", "U.N.")? Read from the
 * text: the token flag is not relied on. */
static int all_caps(const dl_doc *d, uint32_t i)
{
    const dl_token *t = &d->tok[i];
    const unsigned char *s = (const unsigned char *)d->text + t->b;
    int letters = 0;
    if (t->blen == t->cplen) {  /* ASCII: no decoding */
        for (uint32_t k = 0; k < t->blen; k++) {
            if ((unsigned)((s[k] | 32) - 'a') >= 26)
                continue;       /* digits and signs do not count */
            if (s[k] & 32)
                return 0;
            letters++;
        }
        return letters >= 2;
    }
    for (uint32_t k = 0; k < t->blen;) {
        uint32_t cp;
        int l = dl_utf8_decode(s + k, t->blen - k, &cp);
        if (l <= 0)
            return 0;
        k += (uint32_t)l;
        if (!cp_is_alnum(cp) || (cp < 0x80 && isdigit((int)cp)))
            continue;
        if (!cp_is_upper(cp))
            return 0;
        letters++;
    }
    return letters >= 2;
}

static int is_initial(const dl_token *t)
{
    return (t->flags & DL_T_ABBREV) && (t->flags & DL_T_CAP) && t->cplen == 2;
}

static int is_plural(const dl_token *t)
{
    return t->nlemma && strcmp(t->nlemma, t->lower) != 0;
}

/* ---------------------------------------------------------------- document actors */

static int find_key(ctx *c, const char *key, size_t kl)
{
    uint32_t v;
    return map_get(c->actmap, key, kl, &v) ? (int)v : -1;
}

/* The slot of dictionary entry di in c->dict_key: its own, or the free one it would take. */
static uint32_t dict_slot(const ctx *c, uint32_t di)
{
    uint32_t k = (di * 0x9e3779b1u) & (c->dict_cap - 1);
    while (c->dict_key[k] && c->dict_key[k] != di + 1)
        k = (k + 1) & (c->dict_cap - 1);
    return k;
}

/* Remembers that dictionary entry di is document actor a; 0, or -1 on allocation failure. */
static int dict_remember(ctx *c, uint32_t di, int a)
{
    if (2 * (c->dict_n + 1) > c->dict_cap) {   /* at most half full */
        uint32_t oc = c->dict_cap, nc = oc ? 2 * oc : 64;
        uint32_t *ok = c->dict_key;
        int32_t *ov = c->dict_val;
        c->dict_key = calloc(nc, sizeof *c->dict_key);
        c->dict_val = malloc(nc * sizeof *c->dict_val);
        if (!c->dict_key || !c->dict_val) {
            free(c->dict_key);
            free(c->dict_val);
            c->dict_key = ok, c->dict_val = ov;
            return -1;
        }
        c->dict_cap = nc;
        for (uint32_t k = 0; k < oc; k++)
            if (ok[k]) {
                uint32_t s = dict_slot(c, ok[k] - 1);
                c->dict_key[s] = ok[k];
                c->dict_val[s] = ov[k];
            }
        free(ok);
        free(ov);
    }
    uint32_t s = dict_slot(c, di);
    c->dict_key[s] = di + 1;
    c->dict_val[s] = a;
    c->dict_n++;
    return 0;
}

/* The gender its first name gives a person's name ("Angela Merkel"), or G_NONE. */
static int name_gender(const dl_actor_dict *x, const char *name)
{
    char w[32];
    size_t n = 0;
    for (const char *p = name; *p && *p != ' ' && n < sizeof w; p++)
        if (*p != '.')
            w[n++] = (char)tolower((unsigned char)*p);
    uint32_t v;
    return n && n < sizeof w && dl_map_get(x->cues, w, n, &v) && (x->cue[v].cls & C_GIVEN) ? x->cue[v].gender
                                                                                         : G_NONE;
}

static int new_actor(ctx *c, const char *key, size_t kl, int dict, const char *name, int type,
                     const char *country, const char *role)
{
    dl_doc *d = c->d;
    if (DL_GROW(d->act, d->cap_act, d->nact + 1) ||
        (dict >= 0 ? dict_remember(c, (uint32_t)dict, (int)d->nact) : map_put(&c->actmap, key, kl, (uint32_t)d->nact))) {
        c->oom = 1;
        return -1;
    }
    dl_actor_int *a = &d->act[d->nact];
    memset(a, 0, sizeof *a);
    a->dict = dict;
    a->pub.name = name;
    a->pub.type = type_names[type];
    a->pub.country = country;
    a->pub.role = role ? role : "";
    a->pub.first_offset = SIZE_MAX;
    if (type == T_PERSON)
        a->gender = (uint8_t)name_gender(c->x, name);
    return (int)d->nact++;
}

static int doc_dict_actor(ctx *c, uint32_t di)
{
    if (c->dict_cap) {
        uint32_t s = dict_slot(c, di);
        if (c->dict_key[s])
            return c->dict_val[s];
    }
    const dact *e = &c->x->act[di];
    return new_actor(c, NULL, 0, (int)di, e->name, e->type, e->country,
                     e->type == T_PERSON ? display_role(c->x, di, c->lo, c->hi) : "");
}

/* A person or organisation found in the text: the words as written are its name. With
 * create = 0 only an existing one is returned (or -1). */
static int text_actor(ctx *c, uint32_t t0, uint32_t t1, int type, const char *country, const char *role,
                      int create)
{
    const dl_doc *d = c->d;
    size_t b = d->tok[t0].b, e = d->tok[t1 - 1].b + d->tok[t1 - 1].blen;
    char key[KEYMAX];
    size_t kl = 0;
    key[kl++] = '@';
    key[kl++] = (char)('0' + type);
    for (uint32_t i = t0; i < t1 && kl < KEYMAX - 70; i++) {
        if (is_initial(&d->tok[i]) && i > t0 && i + 1 < t1)
            continue;   /* "Yuri V. Ushakov" and "Yuri Ushakov" are one person */
        kl += tok_nodots(c, i, key + kl, 64);
        key[kl++] = ' ';
    }
    int a = find_key(c, key, kl);
    if (a >= 0 || !create)
        return a;
    char *name = dl_arena_strndup(d->arena, d->text + b, e - b);
    if (!name) {
        c->oom = 1;
        return -1;
    }
    return new_actor(c, key, kl, -1, name, type, country ? country : "", role);
}

static int doc_text_actor(ctx *c, uint32_t t0, uint32_t t1, int type, const char *country, const char *role)
{
    return text_actor(c, t0, t1, type, country, role, 1);
}

/* A "grandfather of Kim Jong-un" the dictionary does not know. */
static int doc_kin_actor(ctx *c, int of, const char *word)
{
    dl_doc *d = c->d;
    char *name = dl_arena_printf(d->arena, "%s of %s", word, d->act[of].pub.name);
    if (!name) {
        c->oom = 1;
        return -1;
    }
    char key[KEYMAX];
    int kl = snprintf(key, sizeof key, "@k%s", name);
    if (kl <= 0 || (size_t)kl >= sizeof key)
        return -1;
    int a = find_key(c, key, (size_t)kl);
    return a >= 0 ? a : new_actor(c, key, (size_t)kl, -1, name, T_PERSON, d->act[of].pub.country, "");
}

static int type_of(const ctx *c, int a)
{
    const char *t = c->d->act[a].pub.type;
    for (int k = 0; k < T_N; k++)
        if (t == type_names[k])
            return k;
    return T_ORG;
}

/* Does the document actor hold role `want` (by the text's title or the dictionary)? */
static int actor_fits(const ctx *c, int a, const char *want, int any_time)
{
    const dl_actor_int *ai = &c->d->act[a];
    if (ai->pub.role[0] && role_match_code(c->x, want, ai->pub.role))
        return 1;
    /* a title the text gave: pub.role points at an interned code when it came from roles.tsv */
    if (ai->dict >= 0 && dict_has_role(c->x, (uint32_t)ai->dict, want, c->lo, c->hi, any_time))
        return 1;
    return 0;
}

/* ---------------------------------------------------------------- focus */

static void ring_push(int *ring, int *n, int a)
{
    int k = 0;
    while (k < *n && ring[k] != a)
        k++;
    if (k == *n && *n < RING)
        (*n)++;
    if (k == RING)
        k = RING - 1;
    if (k)
        memmove(ring + 1, ring, (size_t)k * sizeof *ring);
    ring[0] = a;
}

/* Is the mention where a clause's subject stands: first in its sentence, or after a
 * comma, semicolon or coordinating conjunction? */
static int subject_like(const ctx *c, uint32_t t0)
{
    uint32_t p = t0;
    while (p > c->s0) {
        const dl_token *t = T(c, p - 1);
        if (t->flags & DL_T_PUNCT && (t->lower[0] == '"' || t->lower[0] == '\''))
            p--;
        else
            break;
    }
    if (p == c->s0)
        return 1;
    int k = c->ti[p - 1].cue >= 0 ? c->x->cue[c->ti[p - 1].cue].kw : KW_NONE;
    return k == KW_COMMA || k == KW_SEMI || k == KW_AND || k == KW_BUT;
}

static int add_mention(ctx *c, uint32_t t0, uint32_t t1, int actor, int kind, const char *role, int ref,
                       int actor2)
{
    dl_doc *d = c->d;
    if (c->oom)
        return -1;
    if (d->nmen == d->cap_men && DL_GROW(d->men, d->cap_men, d->nmen + 1)) {
        c->oom = 1;
        return -1;
    }
    dl_mention *m = &d->men[d->nmen];
    m->tok0 = t0;
    m->ntok = t1 - t0;
    m->actor = actor;
    m->actor2 = actor2;
    m->kind = kind;
    m->role = role;
    m->ref = ref;
    for (uint32_t i = t0; i < t1; i++)
        c->tf[i] |= TF_USED;
    if (actor >= 0) {
        d->act[actor].pub.mentions++;   /* salience so far; finish() counts again */
        if (actor2 >= 0)
            d->act[actor2].pub.mentions++;
        int ty = type_of(c, actor);
        if (ty == T_PERSON) {
            if (actor2 >= 0)
                ring_push(c->ring, &c->nring, actor2);
            ring_push(c->ring, &c->nring, actor);
            if (actor2 < 0) {
                if (c->first_cur < 0)
                    c->first_cur = actor;
                if (c->subj_cur < 0 && subject_like(c, t0))
                    c->subj_cur = actor;
                if (t1 < c->s1 && (d->tok[t1].pos & DL_POS_VERB) && kind != DL_M_PRONOUN)
                    c->clause_subj = actor;
            }
        } else if (ty == T_COUNTRY) {
            ring_push(c->states, &c->nstates, actor);
            /* a dateline: a place in capitals at the start of a line, before a comma */
            const dl_token *f = &d->tok[t0];
            if (c->dateline_state < 0 && (t0 == 0 || (f->flags & DL_T_NEWLINE_BEFORE)) && all_caps(d, t0) &&
                t1 < d->ntok && (dl_tok_is(&d->tok[t1], ",") || dl_tok_is(&d->tok[t1], "(")))
                c->dateline_state = actor;
        }
        /* "they": two people, a group, or a state's forces, officials, media */
        int plural = actor2 >= 0 || ty == T_GROUP || (role && ty != T_PERSON && kind != DL_M_PRONOUN);
        if (plural || (kind == DL_M_PRONOUN && role))
            c->plur_cur = (int)d->nmen;
    }
    return (int)d->nmen++;
}

/* Remembers the words of a person's name for later short names ("Putin"). */
static void learn_name(ctx *c, int actor, uint32_t t0, uint32_t t1)
{
    for (uint32_t i = t0; i < t1; i++) {
        const dl_token *t = T(c, i);
        if (!(t->flags & DL_T_ALPHA) || !(t->flags & DL_T_CAP) || is_initial(t))
            continue;
        char w[64];
        size_t n = tok_nodots(c, i, w, sizeof w);
        if (map_put(&c->recent, w, n, (uint32_t)actor) ||
            (!map_get(c->first, w, n, NULL) && map_put(&c->first, w, n, (uint32_t)actor)))
            c->oom = 1;
    }
}

/* ---------------------------------------------------------------- matching */

/* dict_match's work, for a token the Bloom filter lets start a phrase. */
static uint32_t used_in(const ctx *c, uint32_t a, uint32_t b)
{
    uint32_t n = 0;
    for (uint32_t k = a; k < b; k++)
        n += (c->tf[k] & TF_USED) != 0;
    return n;
}

static int dict_match_walk(ctx *c, uint32_t i, uint32_t *end, int32_t *head, uint32_t *stop);

/* The value in x->phrases of token k's word alone (dots dropped), looked up once. */
static uint32_t first_phr(ctx *c, uint32_t k)
{
    tinfo *ti = &c->ti[k];
    if (!ti->phr_known) {
        const dl_token *tk = T(c, k);
        int hit;
        ti->phr_known = 1;
        if (ti->dots) {
            char w[KEYMAX];
            size_t n = 0;
            for (const char *p = tk->lower; *p && n < KEYMAX - 1; p++)
                if (*p != '.')
                    w[n++] = *p;
            hit = n && dl_map_get(c->x->phrases, w, n, &ti->phr);
        } else {
            hit = dl_map_get_h(c->x->phrases, tk->lower, tk->llen, tk->hash, &ti->phr);
        }
        if (!hit)
            ti->phr = 0;
    }
    return ti->phr;
}

static int dict_match_at(ctx *c, uint32_t i, uint32_t *end, int32_t *head)
{
    tinfo *ti = &c->ti[i];
    if (ti->phr_known && !ti->phr)
        return 0;               /* its word is known to start no phrase */
    if (ti->dm_known && ti->dm_s0 == c->s0 && ti->dm_s1 == c->s1 &&
        used_in(c, i, ti->dm_stop) == ti->dm_used) {
        if (ti->dm_found)
            *end = ti->dm_end, *head = ti->dm_head;
        return ti->dm_found;
    }
    uint32_t stop = i;
    int found = dict_match_walk(c, i, &ti->dm_end, &ti->dm_head, &stop);
    ti->dm_known = 1;
    ti->dm_found = (uint8_t)found;
    ti->dm_s0 = c->s0;
    ti->dm_s1 = c->s1;
    ti->dm_stop = stop;
    ti->dm_used = used_in(c, i, stop);
    if (found)
        *end = ti->dm_end, *head = ti->dm_head;
    return found;
}

/* The first entry of phrase value v (for the nw words at pos) whose words are written as
 * the entry asks (capitalised, in capitals), or -1. */
static int32_t entry_fits(const ctx *c, uint32_t v, const uint32_t *pos, int nw)
{
    const dl_actor_dict *x = c->x;
    for (int32_t h = (int32_t)(v & ~PREFIX) - 1; h >= 0; h = x->phr[h].next) {
        const dphr *p = &x->phr[h];
        if (x->act[p->actor].dead || p->nw != nw)
            continue;
        int ok = 1;
        for (int q = 0; q < nw && ok; q++) {
            unsigned f = T(c, pos[q])->flags;
            if (((p->capmask >> q) & 1) && !(f & DL_T_CAP))
                ok = 0;
            if (((p->upmask >> q) & 1) && !all_caps(c->d, pos[q]))
                ok = 0;
        }
        if (ok)
            return h;
    }
    return -1;
}

/* dict_match's walk over the words from token i; *stop is set past the last token read. */
static int dict_match_walk(ctx *c, uint32_t i, uint32_t *end, int32_t *head, uint32_t *stop)
{
    const dl_actor_dict *x = c->x;
    /* Most walks end at the first or second word: told here without building a key. */
    if (!free_tok(c, i)) {
        *stop = i + 1;
        return 0;
    }
    if (!c->ti[i].dots) {
        uint32_t v = first_phr(c, i), k = i + 1;
        *stop = i + 1;
        if (!v)
            return 0;
        if (v & PREFIX && k < c->s1) {
            *stop = i + 2;
            if (free_tok(c, k) &&
                (c->ti[k].dots || bloom_has(x, BL_PAIR, pair_hash(T(c, i)->hash, T(c, k)->hash))))
                goto walk;      /* a longer phrase may go on */
        }
        if (entry_fits(c, v, &i, 1) < 0)
            return 0;
        *end = i + 1;
        *head = (int32_t)(v & ~PREFIX) - 1;
        return 1;
    }
walk:;
    char key[KEYMAX];
    size_t kl = 0;
    uint32_t pos[MAXW];
    int nw = 0, found = 0;
    size_t l1 = 0;              /* the first word's length in key */
    for (uint32_t k = i; k < c->s1 && nw < MAXW; k++) {
        *stop = k + 1;
        if (!free_tok(c, k))
            break;
        const dl_token *tk = T(c, k);
        tinfo *ti = &c->ti[k];
        size_t save = kl;
        if (nw)
            key[kl++] = ' ';
        size_t wl = 0;
        if (ti->dots) {
            for (const char *w = tk->lower; *w && kl < KEYMAX - 1; w++)
                if (*w != '.')
                    key[kl++] = *w, wl++;
        } else {
            wl = tk->llen < KEYMAX - 1 - kl ? tk->llen : KEYMAX - 1 - kl;
            memcpy(key + kl, tk->lower, wl);
            kl += wl;
        }
        if (wl == 0) {          /* a dot split off an abbreviation */
            kl = save;
            if (nw == 0)
                break;
            continue;
        }
        pos[nw++] = k;
        uint32_t v;
        if (nw == 1) {          /* the first word's value, looked up once per token */
            v = first_phr(c, k);
            l1 = kl;
        } else if (nw == 2 && kl < KEYMAX - 1 &&
                   !bloom_has(x, BL_PAIR, pair_hash(c->ti[pos[0]].dots ? dl_hash(key, l1) : T(c, pos[0])->hash,
                                                    ti->dots ? dl_hash(key + kl - wl, wl) : tk->hash))) {
            v = 0;              /* no phrase goes on with this word */
        } else if (!dl_map_get(x->phrases, key, kl, &v)) {
            v = 0;
        }
        if (!v)
            break;
        if (entry_fits(c, v, pos, nw) >= 0) {
            found = 1;
            *end = k + 1;
            *head = (int32_t)(v & ~PREFIX) - 1;
        }
        if (!(v & PREFIX))
            break;
    }
    return found;
}

/* The longest dictionary phrase at token i: returns 1 and sets *end and *head (its first
 * entry). Most tokens start none, which the Bloom filter tells without a call. */
static inline int dict_match(ctx *c, uint32_t i, uint32_t *end, int32_t *head)
{
    return i < c->s1 && (c->ti[i].may & MAY_PHRASE) && dict_match_at(c, i, end, head);
}

/* Chooses among a phrase's entries the one that names an actor over [lo, hi): most days in
 * common, then states before bodies before places before people, then file order. */
static int pick(const dl_actor_dict *x, int32_t head, int32_t lo, int32_t hi)
{
    int best = -1;
    long bo = -1;
    for (int32_t h = head; h >= 0; h = x->phr[h].next) {
        const dact *a = &x->act[x->phr[h].actor];
        if (a->dead)
            continue;
        long o = overlap(a->start, a->end, lo, hi);
        if (o > 0)
            o = 1;   /* any overlap with the document date */
        else {       /* not active: nearer is better */
            long dist = a->end <= lo ? (long)lo - a->end : (long)a->start - hi;
            o = -1 - (dist > 1000000 ? 1000000 : dist);
        }
        if (best < 0 || o > bo ||
            (o == bo && (type_rank[a->type] < type_rank[x->act[x->phr[best].actor].type] ||
                         (type_rank[a->type] == type_rank[x->act[x->phr[best].actor].type] &&
                          x->phr[h].actor < x->phr[best].actor)))) {
            best = h;
            bo = o;
        }
    }
    return best;
}

/* role_match's work, for a token the Bloom filter lets start a role. */
static int role_match_at(ctx *c, uint32_t i, uint32_t *end)
{
    const dl_actor_dict *x = c->x;
    char key[KEYMAX];
    size_t kl = 0;
    int found = -1;
    for (uint32_t k = i; k < c->s1 && k < i + MAXW; k++) {
        if (!free_tok(c, k) || !(T(c, k)->flags & DL_T_ALPHA))
            break;
        const dl_token *t = T(c, k);
        size_t wl = t->llen;
        if (kl + wl + 2 >= KEYMAX)
            break;
        if (kl)
            key[kl++] = ' ';
        size_t base = kl;
        memcpy(key + kl, t->lower, wl);
        kl += wl;
        uint32_t v;
        int hit = base == 0 ? dl_map_get_h(x->roles, key, kl, t->hash, &v) : dl_map_get(x->roles, key, kl, &v);
        if (hit && (v & ~PREFIX)) {
            found = (int)(v & ~PREFIX) - 1;
            *end = k + 1;
        } else if (t->nlemma && strcmp(t->nlemma, t->lower)) {
            size_t nl = strlen(t->nlemma);
            char k2[KEYMAX];
            if (base + nl < KEYMAX) {
                memcpy(k2, key, base);
                memcpy(k2 + base, t->nlemma, nl);
                uint32_t v2;
                if (dl_map_get(x->roles, k2, base + nl, &v2) && (v2 & ~PREFIX)) {
                    found = (int)(v2 & ~PREFIX) - 1;
                    *end = k + 1;
                }
            }
        }
        if (!hit || !(v & PREFIX))
            break;
    }
    return found;
}

/* The longest role phrase at token i (a plural matched by its singular too); returns the
 * roles.tsv row or -1, and sets *end. Most tokens start none: the Bloom bit says so inline. */
static inline int role_match(ctx *c, uint32_t i, uint32_t *end)
{
    return i < c->s1 && (c->ti[i].may & MAY_ROLE) ? role_match_at(c, i, end) : -1;
}

/* Skips up to two lower-case adjectives ("the two authoritarian leaders", "the North's main
 * newspaper"); sets *former when one says the office is past. */
static uint32_t skip_adjectives(ctx *c, uint32_t k, int *former)
{
    for (int n = 0; n < 2 && free_tok(c, k); n++) {
        const dl_token *t = T(c, k);
        uint32_t e;
        if ((t->flags & DL_T_CAP) || !(t->flags & DL_T_ALPHA) || role_match(c, k, &e) >= 0)
            break;
        unsigned cue = tok_cue(c, k, NULL);
        if (!(t->pos & DL_POS_ADJ) && !(cue & C_FORMER))
            break;
        if (cue & C_FORMER)
            *former = 1;
        k++;
    }
    return k;
}

static int name_form_of(const ctx *c, const dl_token *t);

/* Can token i be part of a name? */
static int name_word(const ctx *c, uint32_t i)
{
    if (!free_tok(c, i))
        return 0;
    const dl_token *t = T(c, i);
    if (is_initial(t))
        return 1;
    if (!(t->flags & DL_T_ALPHA) || !(t->flags & DL_T_CAP))
        return 0;
    if ((t->pos & DL_POS_FUNC) && !all_caps(c->d, i))
        return 0;
    if (c->headline && t->pos)
        return 0;   /* in headline case only unknown words are names */
    tinfo *ti = &c->ti[i];
    if (ti->name_form == NF_UNKNOWN)
        ti->name_form = name_form_of(c, t) ? NF_NAME : NF_NOT;
    return ti->name_form == NF_NAME;
}

/* The part of name_word that reads only the token's own text (and the dictionary), so a
 * token's answer is kept in tinfo. */
static int name_form_of(const ctx *c, const dl_token *t)
{
    const char *hy = NULL;
    for (const char *p = t->lower; *p; p++) {
        if (*p >= '0' && *p <= '9')
            return 0;   /* a model or a product: "A330", "KC-45" */
        if (*p == '-')
            hy = p;
    }
    /* "I'm", "We're", "It'll": a contraction, not a name like "O'Neill" or "N'Djamena" */
    const char *raw = c->d->text + t->b, *end = raw + t->blen;
    for (const char *p = raw + 1; p < end; p++) {
        size_t al = *p == '\'' ? 1 : (end - p >= 3 && !memcmp(p, "\xe2\x80\x99", 3)) ? 3 : 0;
        if (al && end - (p + al) <= 2 && p + al < end && islower((unsigned char)p[al]))
            return 0;
    }
    if (hy) {
        /* "Russia-North Korea pact", "US-China trade": a pair of named states is a
         * modifier, not a name ("Jong-un", "Won-sik" start with no name of their own) */
        const char *h1 = strchr(t->lower, '-');
        uint32_t v;
        if (h1 && h1 > t->lower && dl_map_get(c->x->phrases, t->lower, (size_t)(h1 - t->lower), &v) &&
            (v & ~PREFIX))
            return 0;
    }
    if (hy && hy[1]) {   /* "Moscow-backed", "EADS-led" */
        uint32_t v;
        if (dl_map_get(c->x->cues, hy + 1, strlen(hy + 1), &v) && (c->x->cue[v].cls & C_ADJ_SUFFIX))
            return 0;
    }
    return 1;
}

/* Does the token have a capital after a small letter ("AirTanker", "MacBook")? */
static int camel(const ctx *c, uint32_t i)
{
    const dl_token *t = T(c, i);
    const char *s = c->d->text + t->b;
    for (uint32_t k = 1; k < t->blen; k++)
        if ((unsigned char)(s[k] - 'A') < 26 && (unsigned char)(s[k - 1] - 'a') < 26)
            return 1;
    return 0;
}

typedef struct chunk {
    uint32_t end;
    int words;          /* name words (not initials, not connectors) */
    int unknown;        /* words that are no English word */
    int initials;
    int connectors;
    int org;            /* an organisation word or company suffix */
    int not_name;       /* every word is a month, a day... */
    int given;          /* it starts with a first name */
    int hyphen_given;   /* "Shin Won-sik": a given name in two parts, the second small */
    int camel;          /* "AirTanker": a brand */
    int caps;           /* a word in capitals ("EADS North America") */
} chunk;

/* The run of capitalised words at i. */
static void chunk_at(ctx *c, uint32_t i, chunk *ch)
{
    memset(ch, 0, sizeof *ch);
    ch->not_name = 1;
    uint32_t k = i;
    int ofs = 0;
    while (k < c->s1) {
        if (name_word(c, k)) {
            const dl_token *t = T(c, k);
            unsigned cue = tok_cue(c, k, NULL);
            if (is_initial(t)) {
                if (cue & C_ORG_SUFFIX)
                    ch->org = 1;
                else
                    ch->initials++;
            } else {
                if (k > i && ch->words > 0) {
                    /* "Northrop Grumman CEO Ron Sugar": a title ends the name before it */
                    uint32_t re;
                    int r = role_match(c, k, &re);
                    if (r >= 0 && c->x->rw[r].role && name_word(c, re))
                        break;
                }
                /* "Air Force James Roche", "Apple CEO Steve Jobs": a first name followed by
                 * a name starts a person's name ("Lockheed Martin Corp." does not) */
                if (k > i && ch->words > 0 && (cue & C_GIVEN) && !is_initial(T(c, k - 1)) &&
                    name_word(c, k + 1) && !(tok_cue(c, k + 1, NULL) & (C_ORG_HEAD | C_ORG_SUFFIX)))
                    break;
                ch->words++;
                if (ch->words == 1 && (cue & C_GIVEN))
                    ch->given = 1;
                if (camel(c, k))
                    ch->camel = 1;
                if (all_caps(c->d, k))
                    ch->caps = 1;
                const char *tx = c->d->text + t->b;
                const char *hy = memchr(tx, '-', t->blen);
                if (ch->words > 1 && hy && hy + 1 < tx + t->blen && islower((unsigned char)hy[1]))
                    ch->hyphen_given = 1;
                if (!t->pos)
                    ch->unknown++;
                if (cue & (C_ORG_HEAD | C_ORG_SUFFIX))
                    ch->org = 1;
                if (!(cue & C_NOT_NAME))
                    ch->not_name = 0;
            }
            k++;
            ch->end = k;
            continue;
        }
        /* connectors and particles inside a name: "Centers for Disease Control and
         * Prevention", "Javier Perez de Cuellar" */
        if (k > i && free_tok(c, k) && name_word(c, k + 1) && !(T(c, k)->flags & DL_T_CAP) &&
            !(tok_cue(c, k + 1, NULL) & C_NOT_NAME) && !(tok_cue(c, k - 1, NULL) & C_NOT_NAME)) {
            unsigned cue = tok_cue(c, k, NULL);
            /* "&" and "on" join only inside an organisation's name, "and" only after "of" or
             * "for" ("Centers for Disease Control and Prevention", not "Acme Aerospace and
             * Morlock Dynamics") */
            int andw = kw(c, k) == KW_AND, amp = kw(c, k) == KW_AMP || kw(c, k) == KW_ON;
            if ((cue & C_PARTICLE) || ((cue & C_CONNECTOR) && (andw ? ofs : !amp || ch->org || ofs))) {
                if (cue & C_CONNECTOR) {
                    ch->connectors++;
                    ofs |= !andw && !amp;
                }
                k++;
                continue;
            }
        }
        /* a company suffix after a comma: "Acme, Inc." */
        break;
    }
    if (ch->words == 0)
        ch->not_name = 0;
}

/* ---------------------------------------------------------------- resolution */

/* A person the dictionary knows by this surname, fitting country and role, or -1. The most
 * prominent office holder on the reference date wins; a tie is no answer. */
static int dict_surname(ctx *c, const char *w, size_t n, const char *country, const char *role, int strict)
{
    const dl_actor_dict *x = c->x;
    uint32_t v;
    if (!dl_map_get(x->surnames, w, n, &v))
        return -1;
    int best = -1, br = 99, tie = 0, count = 0;
    for (int32_t h = (int32_t)v - 1; h >= 0; h = x->ch[h].next) {
        uint32_t a = x->ch[h].actor;
        const dact *e = &x->act[a];
        if (e->dead || e->type != T_PERSON)
            continue;
        if (country && country[0] && strcmp(country, e->country))
            continue;
        if (role && !dict_has_role(x, a, role, c->lo, c->hi, 1))
            continue;
        count++;
        int r = prominence(x, a, c->lo, c->hi);
        if (role && dict_has_role(x, a, role, c->lo, c->hi, 0))
            r = -1;
        if (r < br) {
            br = r;
            best = (int)a;
            tie = 0;
        } else if (r == br) {
            tie = 1;
        }
    }
    if (count == 1 && (!strict || br < 9))
        return best;
    return tie || br == 9 ? -1 : best;
}

/* A person named by tokens [t0, t1): the dictionary's name, a short name of the story, a
 * surname of the dictionary, or a new person. Sets *kind. */
static int resolve_person(ctx *c, uint32_t t0, uint32_t t1, const char *country, const char *role, int *kind)
{
    const dl_actor_dict *x = c->x;
    *kind = DL_M_NAME;
    uint32_t e;
    int32_t head;
    if (dict_match(c, t0, &e, &head) && e == t1) {
        int p = pick(x, head, c->lo, c->hi);
        if (p >= 0 && x->act[x->phr[p].actor].type == T_PERSON)
            return doc_dict_actor(c, x->phr[p].actor);
    }
    /* Without middle initials: "Vladimir V. Putin" is "Vladimir Putin". */
    char key[KEYMAX];
    size_t kl = 0;
    int words = 0;
    uint32_t last = t0;
    for (uint32_t i = t0; i < t1 && kl < KEYMAX - 70; i++) {
        if (is_initial(T(c, i)))
            continue;
        if (kl)
            key[kl++] = ' ';
        kl += tok_nodots(c, i, key + kl, 64);
        words++;
        last = i;
    }
    uint32_t v;
    if (words >= 2 && dl_map_get(x->phrases, key, kl, &v) && (v & ~PREFIX)) {
        int p = pick(x, (int32_t)(v & ~PREFIX) - 1, c->lo, c->hi);
        if (p >= 0 && x->act[x->phr[p].actor].type == T_PERSON)
            return doc_dict_actor(c, x->phr[p].actor);
    }
    if (words == 1) {
        *kind = DL_M_SHORT;
        if (map_get(c->recent, key, kl, &v)) {
            const char *cc = c->d->act[v].pub.country;
            if (!country || !country[0] || !cc[0] || !strcmp(cc, country))
                return (int)v;
        }
        int di = dict_surname(c, key, kl, country, role, !role && T(c, last)->pos);
        if (di >= 0)
            return doc_dict_actor(c, (uint32_t)di);
        *kind = DL_M_NAME;
    }
    return doc_text_actor(c, t0, t1, T_PERSON, country, role);
}

/* The person of the story (or of the dictionary, by date) that a description names. */
static int resolve_description(ctx *c, int body, const char *role, int former)
{
    const dl_doc *d = c->d;
    const char *cc = body >= 0 ? d->act[body].pub.country : NULL;
    for (int k = 0; k < c->nring; k++) {
        int a = c->ring[k];
        if (!actor_fits(c, a, role, former))
            continue;
        if (body >= 0) {
            const dl_actor_int *ai = &d->act[a];
            int same = cc[0] ? !strcmp(ai->pub.country, cc) : 0;
            if (!same && ai->dict >= 0 && d->act[body].dict >= 0) {
                /* a person serving an international body */
                const dact *p = &c->x->act[ai->dict];
                const char *bn = c->x->act[d->act[body].dict].name;
                for (uint32_t j = 0; j < p->nlink; j++)
                    if (!strcmp(c->x->link[p->link0 + j].rel, "serves") &&
                        !strcmp(c->x->link[p->link0 + j].target, bn))
                        same = 1;
            }
            if (!same)
                continue;
        }
        return a;
    }
    if (body >= 0 && !former && d->act[body].dict >= 0) {
        int h = holder_of(c->x, &c->x->act[d->act[body].dict], role, c->lo, c->hi);
        if (h >= 0)
            return doc_dict_actor(c, (uint32_t)h);
    }
    return -1;
}

/* The kin of a person: the dictionary's fact, or a new "grandfather of X". */
static int resolve_kin(ctx *c, int person, const char *rel, const char *word)
{
    const dl_actor_dict *x = c->x;
    const dl_actor_int *a = &c->d->act[person];
    if (a->dict >= 0) {
        const dact *p = &x->act[a->dict];
        for (uint32_t j = 0; j < p->nlink; j++) {
            const dlink *l = &x->link[p->link0 + j];
            uint32_t t;
            if (!strcmp(l->rel, rel) && dl_map_get(x->names, l->target, strlen(l->target), &t))
                return doc_dict_actor(c, t);
        }
    }
    return doc_kin_actor(c, person, word);
}

/* The organisation an organ belongs to (its part_of link to an organisation), or -1. */
static int parent_body(const dl_actor_dict *x, uint32_t di)
{
    const dact *a = &x->act[di];
    for (uint32_t j = 0; j < a->nlink; j++) {
        const dlink *l = &x->link[a->link0 + j];
        uint32_t t;
        if (!strcmp(l->rel, "part_of") && dl_map_get(x->names, l->target, strlen(l->target), &t) &&
            t != di && x->act[t].type == T_ORG)
            return (int)t;
    }
    return -1;
}

/* The organisation at the top of an organ's part_of links (at most a few levels). */
static uint32_t top_body(const dl_actor_dict *x, uint32_t di)
{
    for (int depth = 0; depth < 4; depth++) {
        int p = parent_body(x, di);
        if (p < 0)
            break;
        di = (uint32_t)p;
    }
    return di;
}

/* The state or body that a dictionary entry stands for in a mention: a place stands for
 * the state it lies in on the reference date; an organ of an organisation ("the UN panel
 * of experts", "the Security Council") for the organisation, the level at which event
 * coders (CAMEO's IGO codes) name international actors. */
static int entity_of(ctx *c, uint32_t di, int *kind)
{
    const dact *a = &c->x->act[di];
    if (a->type == T_PLACE && a->country[0]) {
        int s = state_of(c->x, a->country, c->lo, c->hi);
        if (s >= 0) {
            *kind = DL_M_SEAT;
            return doc_dict_actor(c, (uint32_t)s);
        }
    }
    if (a->type == T_ORG)
        return doc_dict_actor(c, top_body(c->x, di));
    return doc_dict_actor(c, di);
}

/* ---------------------------------------------------------------- parsing */

/* A person's name at token k: a dictionary person or a run of capitalised words, after
 * a second title ("chief of staff General Duncan McNab"). Returns its end or 0; *start is
 * where the name itself starts. */
static uint32_t name_at(ctx *c, uint32_t k, uint32_t *start)
{
    /* skip up to two more titles */
    for (int n = 0; n < 2; n++) {
        uint32_t re;
        int r = role_match(c, k, &re);
        if (r < 0 || !c->x->rw[r].role || !(T(c, k)->flags & DL_T_CAP) || !free_tok(c, re) ||
            !(T(c, re)->flags & DL_T_CAP))
            break;
        k = re;
    }
    *start = k;
    if (!free_tok(c, k) || !(T(c, k)->flags & DL_T_CAP))
        return 0;
    uint32_t e;
    int32_t head;
    if (dict_match(c, k, &e, &head)) {
        int p = pick(c->x, head, c->lo, c->hi);
        return p >= 0 && c->x->act[c->x->phr[p].actor].type == T_PERSON ? e : 0;
    }
    chunk ch;
    chunk_at(c, k, &ch);
    if (ch.words == 0 || ch.org || ch.not_name || ch.connectors)
        return 0;
    return ch.end;
}

/* What follows a mention of an entity E at tokens [s, k): a title and a name, a role, a
 * sector word, a possessive with a role or kin word. Returns the end of what was read. */
static uint32_t after_entity(ctx *c, uint32_t s, uint32_t k, int ent, int kind, int ref)
{
    dl_doc *d = c->d;
    int ety = type_of(c, ent);
    int poss = kw(c, k) == KW_POSS;
    uint32_t p = k + (uint32_t)poss;
    int former = 0;
    /* Adjectives come between a demonym or a possessive and the role ("Russian armed
     * forces", "China's top diplomat"), not after a name: in "China staged large-scale
     * military drills" the verb is no adjective of "military". */
    uint32_t q0 = poss || kind != DL_M_NAME ? skip_adjectives(c, p, &former) : p;
    uint32_t q;
    int r = role_match(c, q0, &q);
    if (r < 0 && q0 != p) {
        q0 = p;
        r = role_match(c, q0, &q);
    }
    const char *cc = d->act[ent].pub.country;
    if (r >= 0 && ety != T_PERSON) {
        const rword *w = &c->x->rw[r];
        int plural = is_plural(T(c, q - 1));
        uint32_t ns;
        uint32_t ne = (!poss && w->role) ? name_at(c, q, &ns) : 0;
        if (ne) {   /* "South Korean Defense Minister Shin Won-sik" */
            int mk;
            int a = resolve_person(c, ns, ne, cc, w->role, &mk);
            if (a < 0)
                return ne;
            if (!d->act[a].pub.role[0])
                d->act[a].pub.role = w->role;
            add_mention(c, s, ne, a, mk, w->role, -1, -1);
            learn_name(c, a, ns, ne);
            return ne;
        }
        if (w->role && !(plural && w->sector)) {   /* "the Russian president", "the North's leader" */
            int a = resolve_description(c, ent, w->role, former);
            int bref = d->act[ent].dict;
            if (poss) {
                add_mention(c, s, k, ent, kind, NULL, ref, -1);
                s = p;
            }
            if (a >= 0)
                add_mention(c, s, q, a, DL_M_DESCRIPTION, w->role, former ? -1 : bref, -1);
            else   /* no holder known: the state's government */
                add_mention(c, s, q, ent, DL_M_DESCRIPTION, w->sector ? w->sector : w->role,
                            former ? -1 : bref, -1);
            return q;
        }
        if (w->sector) {   /* "Russian forces", "South Korean officials" */
            add_mention(c, s, q, ent, kind, w->sector, ref, -1);
            return q;
        }
    }
    const char *rel;
    if (poss && ety == T_PERSON && free_tok(c, p) && (tok_cue(c, p, &rel) & C_KIN)) {
        add_mention(c, s, k, ent, kind, NULL, ref, -1);     /* "Kim's grandfather" */
        int a = resolve_kin(c, ent, rel, T(c, p)->lower);
        if (a >= 0)
            add_mention(c, p, p + 1, a, DL_M_KIN, NULL, -1, -1);
        return p + 1;
    }
    /* "the Ukrainian Defense Ministry": an organisation of that state, named with it */
    if (!poss && ety == T_COUNTRY && (kind == DL_M_DEMONYM || kind == DL_M_NAME) && name_word(c, k)) {
        chunk ch;
        chunk_at(c, k, &ch);
        if (ch.org && !ch.not_name) {
            int a = doc_text_actor(c, s + (kw(c, s) == KW_THE), ch.end, T_ORG, cc, NULL);
            if (a >= 0)
                add_mention(c, s, ch.end, a, DL_M_NAME, NULL, -1, -1);
            return ch.end;
        }
    }
    /* "the Ukrainian city of X": a place of that state */
    if (!poss && ety == T_COUNTRY && free_tok(c, k) && (tok_cue(c, k, NULL) & C_PLACE_NOUN) &&
        kw(c, k + 1) == KW_OF && name_word(c, k + 2)) {
        uint32_t e;
        int32_t head;
        chunk ch;
        if (dict_match(c, k + 2, &e, &head)) {
            int pk = pick(c->x, head, c->lo, c->hi);
            const dact *pa = pk >= 0 ? &c->x->act[c->x->phr[pk].actor] : NULL;
            if (pa && (pa->type == T_PLACE || c->x->phr[pk].kind == DL_M_SEAT) && !strcmp(pa->country, cc)) {
                add_mention(c, s, k, ent, kind, NULL, ref, -1);
                add_mention(c, k + 2, e, ent, DL_M_SEAT, NULL, head, -1);
                return e;
            }
        } else {
            chunk_at(c, k + 2, &ch);
            if (ch.words && !ch.org && !ch.not_name) {
                add_mention(c, s, k, ent, kind, NULL, ref, -1);
                add_mention(c, k + 2, ch.end, ent, DL_M_SEAT, NULL, -1, -1);
                return ch.end;
            }
        }
    }
    add_mention(c, s, k, ent, kind, NULL, ref, -1);
    return k;
}


/* A subject pronoun: "they" the plural mention in focus; "he" or "she" the subject of
 * the sentence so far, else its first person, else the last sentence's subject, of those
 * whose gender fits; when none fits, the person most recently in focus who does. A person
 * of unknown gender takes the pronoun's. */
static uint32_t parse_pronoun(ctx *c, uint32_t i, int pron)
{
    dl_doc *d = c->d;
    if (pron == KW_THEY) {
        int m = c->plur_cur >= 0 ? c->plur_cur : c->plur_prev;
        if (m < 0 || d->men[m].actor < 0)
            return 1;
        add_mention(c, i, i + 1, d->men[m].actor, DL_M_PRONOUN, d->men[m].role, -1, d->men[m].actor2);
        return 1;
    }
    int g = pron == KW_SHE ? G_FEMALE : G_MALE, a = -1, unfit = 0;
    const int cand[3] = {c->subj_cur, c->first_cur, c->subj_prev};
    for (int q = 0; q < 3 && a < 0; q++)
        if (cand[q] >= 0 && !(d->act[cand[q]].gender && d->act[cand[q]].gender != g))
            a = cand[q];
        else
            unfit |= cand[q] >= 0;
    for (int q = 0; a < 0 && unfit && q < c->nring && q < FOCUS; q++)
        if (d->act[c->ring[q]].gender == g || !d->act[c->ring[q]].gender)
            a = c->ring[q];
    if (a >= 0) {
        if (!d->act[a].gender)
            d->act[a].gender = (uint8_t)g;
        add_mention(c, i, i + 1, a, DL_M_PRONOUN, NULL, -1, -1);
    }
    return 1;
}

/* An object pronoun: "him", and "her" when no noun follows it ("sentenced her to", not
 * "her counterpart"): the person most recently in focus whose gender fits, other than the
 * subject of the clause at hand, which English would call "himself" ("Putin met Kim and
 * praised him": Kim; "Biden said Putin had insulted him": Biden). */
static uint32_t parse_object_pronoun(ctx *c, uint32_t i, int pron)
{
    dl_doc *d = c->d;
    if (pron == KW_HER && i + 1 < c->s1 && !(T(c, i + 1)->flags & DL_T_PUNCT) &&
        (T(c, i + 1)->pos & (DL_POS_NOUN | DL_POS_ADJ)) && !(T(c, i + 1)->pos & DL_POS_FUNC))
        return 0;
    int g = pron == KW_HER ? G_FEMALE : G_MALE;
    for (int q = 0; q < c->nring && q < FOCUS; q++) {
        int a = c->ring[q];
        if (a == c->clause_subj || (d->act[a].gender && d->act[a].gender != g))
            continue;
        if (!d->act[a].gender)
            d->act[a].gender = (uint8_t)g;
        add_mention(c, i, i + 1, a, DL_M_PRONOUN, NULL, -1, -1);
        return 1;
    }
    return 1;
}

/* "the two leaders", "the two men": the two people in focus. */
static uint32_t parse_two(ctx *c, uint32_t i, uint32_t j)
{
    int former = 0;
    uint32_t k = skip_adjectives(c, j, &former);
    uint32_t e;
    /* "the two countries", "the two sides" after "talks between Serbia and Kosovo": the
     * two states in focus, the one named first as the first */
    if (free_tok(c, k) && (tok_cue(c, k, NULL) & C_STATE_NOUN) && c->nstates >= 2) {
        add_mention(c, i, k + 1, c->states[1], DL_M_DESCRIPTION, NULL, -1, c->states[0]);
        return k + 1 - i;
    }
    int r = role_match(c, k, &e);
    const char *role = r >= 0 ? c->x->rw[r].role : NULL;
    if (r < 0 || !role) {
        if (!free_tok(c, k) || !(tok_cue(c, k, NULL) & C_PERSON_NOUN))
            return 0;
        e = k + 1;
    }
    /* In focus, among the last few people named and those that fit the role: the one
     * named last, and the most mentioned of the others; people that do not fit only when
     * fewer than two do. */
    int pick2[2] = {-1, -1}, n = 0;
    const dl_doc *d = c->d;
    for (int pass = 0; pass < 2 && n < 2; pass++) {
        for (int want = n; want < 2; want++) {
            int best = -1;
            for (int q = 0; q < c->nring && q < FOCUS; q++) {
                int a = c->ring[q];
                if (a == pick2[0] || (role && actor_fits(c, a, role, 0) != (pass == 0)))
                    continue;
                if (best < 0 || (want == 1 && d->act[a].pub.mentions > d->act[best].pub.mentions))
                    best = a;
                if (want == 0)
                    break;   /* the most recent */
            }
            if (best < 0)
                break;
            pick2[n++] = best;
        }
        if (!role)
            break;
    }
    if (n < 2)
        return e - i;
    add_mention(c, i, e, pick2[0], DL_M_DESCRIPTION, role, -1, pick2[1]);
    return e - i;
}

/* The actor a one-word name stands for: one the story named with that word (`seen`: the
 * names met so far, or the first of each), one named later in full, or the dictionary
 * person of that surname. -1 when none. */
static int short_name_actor(ctx *c, const dl_token *t, const dl_map *seen)
{
    char w[64];
    size_t wl = tok_nodots(c, (uint32_t)(t - c->d->tok), w, sizeof w);
    uint32_t v;
    if (map_get(seen, w, wl, &v))
        return (int)v;
    if (map_get(c->later, w, wl, &v))
        return doc_dict_actor(c, v);
    int di = dict_surname(c, w, wl, NULL, NULL, t->pos != 0);
    return di >= 0 ? doc_dict_actor(c, (uint32_t)di) : -1;
}

/* A mention at token i; returns the tokens read (0: nothing starts here). */
static uint32_t parse_at(ctx *c, uint32_t i)
{
    dl_doc *d = c->d;
    const dl_actor_dict *x = c->x;
    const dl_token *t = T(c, i);
    const char *rel;
    int k0w = kw(c, i);
    if (k0w == KW_HE || k0w == KW_SHE || k0w == KW_THEY)
        return parse_pronoun(c, i, k0w);
    if (k0w == KW_HIM || k0w == KW_HER)
        return parse_object_pronoun(c, i, k0w);

    /* "Kim, whose grandfather" */
    if (k0w == KW_WHOSE && free_tok(c, i + 1) && (tok_cue(c, i + 1, &rel) & C_KIN)) {
        for (size_t m = d->nmen; m-- > 0;) {
            const dl_mention *mm = &d->men[m];
            uint32_t me = mm->tok0 + mm->ntok;
            if (me + 1 < i)
                break;
            if ((me == i || (me + 1 == i && kw(c, i - 1) == KW_COMMA)) && mm->actor >= 0 &&
                type_of(c, mm->actor) == T_PERSON) {
                int a = resolve_kin(c, mm->actor, rel, T(c, i + 1)->lower);
                if (a >= 0)
                    add_mention(c, i, i + 2, a, DL_M_KIN, NULL, -1, -1);
                return 2;
            }
        }
        return 0;
    }
    /* "grandfather of Kim Jong-un" */
    if ((tok_cue(c, i, &rel) & C_KIN) && !(t->flags & DL_T_CAP) && kw(c, i + 1) == KW_OF) {
        uint32_t ns;
        uint32_t ne = name_at(c, i + 2, &ns);
        if (ne) {
            int mk;
            int p = resolve_person(c, ns, ne, NULL, NULL, &mk);
            if (p >= 0) {
                int a = resolve_kin(c, p, rel, t->lower);
                if (a >= 0)
                    add_mention(c, i, i + 1, a, DL_M_KIN, NULL, -1, -1);
                add_mention(c, i + 2, ne, p, mk, NULL, -1, -1);
                learn_name(c, p, ns, ne);
            }
            return ne - i;
        }
    }

    uint32_t j = i;
    int the = k0w == KW_THE;
    if (the)
        j++;
    if (the && (kw(c, j) == KW_TWO || kw(c, j) == KW_BOTH)) {
        uint32_t n = parse_two(c, i, j + 1);
        if (n)
            return n;
    }
    if (the && !free_tok(c, j))
        return 0;
    /* "the" and a plain word ("the talks"): no phrase, role, adjective or name follows */
    if (the && !(t->flags & DL_T_CAP) && (c->tf[j] & TF_QUIET) && !(T(c, j)->pos & DL_POS_ADJ) &&
        !(tok_cue(c, j, NULL) & C_FORMER))
        return 0;

    /* A dictionary phrase. */
    uint32_t e;
    int32_t head;
    if (dict_match(c, j, &e, &head)) {
        int p = pick(x, head, c->lo, c->hi);
        if (p < 0)
            return 0;
        uint32_t di = x->phr[p].actor;
        int kind = x->phr[p].kind;
        /* "Congress" under a Mexico City dateline: a one-word name that is also a sector
         * word ("congress", "parliament") names the dateline state's organ, the
         * dictionary's entry only when it is of that state */
        uint32_t re;
        int rr;
        if (e == j + 1 && c->dateline_state >= 0 && x->act[di].type != T_PERSON && x->act[di].country[0] &&
            (rr = role_match(c, j, &re)) >= 0 && re == e && !x->rw[rr].role && x->rw[rr].sector &&
            strcmp(d->act[c->dateline_state].pub.country, x->act[di].country) != 0) {
            add_mention(c, i, e, c->dateline_state, DL_M_DESCRIPTION, x->rw[rr].sector, -1, -1);
            return e - i;
        }
        if (x->act[di].type == T_PERSON && e < c->s1 && (T(c, e)->flags & DL_T_CAP) &&
            (tok_cue(c, e, NULL) & C_NAMED_FOR))
            return e + 1 - i;   /* "Kim Il-sung Square": a place named for the person */
        if (x->act[di].type == T_PERSON) {
            int a = doc_dict_actor(c, di);
            if (a < 0)
                return e - i;
            learn_name(c, a, j, e);
            return after_entity(c, j, e, a, DL_M_NAME, head) - i;
        }
        int a = entity_of(c, di, &kind);
        if (a < 0)
            return e - i;
        return after_entity(c, i, e, a, kind, head) - i;
    }

    /* A role word first. */
    int former = 0;
    uint32_t k0 = the ? skip_adjectives(c, j, &former) : j;
    int r = role_match(c, k0, &e);
    if (r >= 0) {
        const rword *w = &x->rw[r];
        int plural = is_plural(T(c, e - 1));
        uint32_t ns;
        uint32_t ne = w->role ? name_at(c, e, &ns) : 0;
        if (ne) {   /* "President Biden" */
            int mk;
            int a = resolve_person(c, ns, ne, NULL, w->role, &mk);
            if (a < 0)
                return ne - i;
            if (!d->act[a].pub.role[0])
                d->act[a].pub.role = w->role;
            add_mention(c, i, ne, a, mk, w->role, -1, -1);
            learn_name(c, a, ns, ne);
            return ne - i;
        }
        uint32_t e2;
        int32_t h2;
        if (kw(c, e) == KW_OF && dict_match(c, e + 1, &e2, &h2)) {   /* "the president of France" */
            int p = pick(x, h2, c->lo, c->hi);
            if (p >= 0 && x->act[x->phr[p].actor].type != T_PERSON) {
                int kind = x->phr[p].kind;
                int body = entity_of(c, x->phr[p].actor, &kind);
                if (body < 0)
                    return e2 - i;
                if (w->role) {
                    int a = resolve_description(c, body, w->role, former);
                    add_mention(c, i, e2, a >= 0 ? a : body, DL_M_DESCRIPTION,
                                a >= 0 ? w->role : (w->sector ? w->sector : w->role), former ? -1 : d->act[body].dict, -1);
                } else {
                    add_mention(c, i, e2, body, kind, w->sector, h2, -1);
                }
                return e2 - i;
            }
        }
        if (w->sector && (!w->role || plural) && (kw(c, e) == KW_IN || kw(c, e) == KW_FROM) &&
            dict_match(c, e + 1, &e2, &h2)) {   /* "Officials in Kiev" */
            int p = pick(x, h2, c->lo, c->hi);
            if (p >= 0 && x->act[x->phr[p].actor].type != T_PERSON) {
                int kind = x->phr[p].kind;
                int body = entity_of(c, x->phr[p].actor, &kind);
                if (body >= 0)
                    add_mention(c, i, e2, body, kind, w->sector, h2, -1);
                return e2 - i;
            }
        }
        /* "Lawmakers had tried", "police dispersed protesters" under a Tbilisi dateline:
         * the dateline state's legislature, police or courts, as the word names no one
         * holder of an office (not troops or officials: a story from Doha tells of
         * Israel's; not "its police": someone else's) */
        if (w->sector && (!w->role || plural) && c->dateline_state >= 0 &&
            (!strcmp(w->sector, "legislature") || !strcmp(w->sector, "police") || !strcmp(w->sector, "judiciary")) &&
            !(i > c->s0 && (tok_cue(c, i - 1, NULL) & C_POSSESSIVE))) {
            add_mention(c, i, e, c->dateline_state, DL_M_DESCRIPTION, w->sector, -1, -1);
            return e - i;
        }
        if (w->role && the && !plural) {   /* "The Minister" */
            int a = resolve_description(c, -1, w->role, former);
            if (a >= 0)
                add_mention(c, i, e, a, DL_M_DESCRIPTION, w->role, -1, -1);
            return e - i;
        }
        /* a capitalised role word may open an organisation's name ("Government
         * Accountability Office"): the name finder below decides */
        if (!(t->flags & DL_T_CAP))
            return 0;
    }

    /* "the North" after North Korea. */
    if (the && name_word(c, j) && !name_word(c, j + 1)) {
        const char *w = T(c, j)->lower;
        size_t wl = strlen(w);
        for (int q = 0; q < c->nstates; q++) {
            const char *n = d->act[c->states[q]].pub.name;
            if (strlen(n) > wl && n[wl] == ' ' && !strncasecmp(n, w, wl))
                return after_entity(c, i, j + 1, c->states[q], DL_M_SHORT, -1) - i;
        }
    }
    if (!(t->flags & DL_T_CAP) || !free_tok(c, i))
        return 0;

    /* "Mr. Smith", "Dr. Jones" */
    if (tok_cue(c, i, NULL) & C_HONORIFIC) {
        uint32_t ns;
        uint32_t ne = name_at(c, i + 1, &ns);
        if (ne) {
            int mk;
            int a = resolve_person(c, ns, ne, NULL, NULL, &mk);
            if (a >= 0) {
                if (!d->act[a].gender && c->ti[i].cue >= 0)
                    d->act[a].gender = c->x->cue[c->ti[i].cue].gender;   /* "Mrs. Clinton" */
                add_mention(c, i, ne, a, mk, NULL, -1, -1);
                learn_name(c, a, ns, ne);
            }
            return ne - i;
        }
    }

    /* A name the dictionary does not know. */
    /* first in its sentence, or first in a quotation ("Everyone told us ...") */
    int sent_start = (t->flags & DL_T_SENT_START) || i == c->s0 || kw_quote(c, i - 1);
    if (!(t->flags & DL_T_ALPHA) || is_initial(t) || ((t->pos & DL_POS_FUNC) && !all_caps(d, i)))
        return 0;
    if (sent_start && t->pos && !(t->pos & DL_POS_NOUN))
        return 0;   /* "However", "Isolated" */
    chunk ch;
    memset(&ch, 0, sizeof ch);
    /* A common word opens a name at the start of a sentence only when a capitalised word
     * follows it directly ("Shin Won-sik said"; not "Shares of Vantorix fell"). */
    unsigned cue0 = tok_cue(c, i, NULL);
    if (name_word(c, i) &&
        (!sent_start || !t->pos || (cue0 & (C_ORG_HEAD | C_GIVEN)) ||
         (name_word(c, i + 1) && !(t->pos & (DL_POS_ADJ | DL_POS_ADV)))))
        chunk_at(c, i, &ch);
    if (ch.not_name)
        return ch.end - i;
    if (ch.words >= 2 || (ch.words == 1 && ch.org && ch.end > i + 1)) {
        /* appositive or relative clause that says what it is */
        /* ", who ...", an age ", 45," or kin "'s brother" says a person */
        int person_cue = (kw(c, ch.end) == KW_COMMA &&
                          (kw(c, ch.end + 1) == KW_WHO ||
                           (ch.end + 2 < c->s1 && (T(c, ch.end + 1)->flags & DL_T_NUMBER) &&
                            kw(c, ch.end + 2) == KW_COMMA))) ||
                         (kw(c, ch.end) == KW_POSS && free_tok(c, ch.end + 1) &&
                          (tok_cue(c, ch.end + 1, NULL) & C_KIN));
        int typ = -1;
        if (ch.org || ch.connectors || (ch.camel && !ch.given && !ch.initials))
            typ = T_ORG;
        else if (person_cue || ch.given || ch.initials || ch.hyphen_given)
            typ = T_PERSON;
        else if (ch.unknown)   /* two or three name-like words are a person, more or capitals a body */
            typ = ch.words <= 3 && !ch.caps ? T_PERSON : T_ORG;
        if (typ < 0 && sent_start) {   /* "Leave A Reply": the first word alone, then the rest */
            return 1;
        }
        if (typ < 0)
            return ch.end - i;
        int a, mk = DL_M_NAME;
        if (typ == T_PERSON)
            a = resolve_person(c, i, ch.end, NULL, NULL, &mk);
        else
            a = doc_text_actor(c, i, ch.end, T_ORG, NULL, NULL);
        if (a < 0)
            return ch.end - i;
        if (typ == T_PERSON)
            learn_name(c, a, i, ch.end);
        return after_entity(c, i, ch.end, a, mk, -1) - i;
    }
    /* One word: a short name of the story, or later. */
    int a = short_name_actor(c, t, c->recent);
    if (a >= 0) {
        learn_name(c, a, i, i + 1);
        return after_entity(c, i, i + 1, a, DL_M_SHORT, -1) - i;
    }
    if (DL_GROW(c->pend, c->cap_pend, c->npend + 1)) {
        c->oom = 1;
        return 1;
    }
    /* a new name: no English word, not first in its sentence ("Everyone"), no model number */
    int allow_new = !t->pos && !sent_start && name_word(c, i) && !(tok_cue(c, i, NULL) & C_NOT_NAME) &&
                    t->cplen > 1 && !(t->flags & DL_T_ABBREV);   /* not "N.Y." */
    int m = add_mention(c, i, i + 1, -1, DL_M_SHORT, NULL, -1, -1);
    if (m < 0)
        return 1;
    c->pend[c->npend].men = (uint32_t)m;
    c->pend[c->npend].allow_new = allow_new;
    c->npend++;
    return 1;
}

/* Is the sentence written in headline case ("Putin Heads To Pyongyang")? Sets *person when
 * a capitalised word of it may start a person's name of two words or more. */
static int headline_case(const ctx *c, int *person)
{
    int words = 0, caps = 0, func_caps = 0, pers = 0;
    for (uint32_t i = c->s0; i < c->s1; i++) {
        const dl_token *t = T(c, i);
        if (!(t->flags & DL_T_ALPHA))
            continue;
        words++;
        if (t->flags & DL_T_CAP) {
            caps++;
            pers |= c->ti[i].may & MAY_PERSON;
            if ((t->pos & DL_POS_FUNC) && !(t->flags & DL_T_SENT_START))
                func_caps++;
        }
    }
    *person = pers != 0;
    return words >= 3 && caps * 10 >= words * 7 && (func_caps > 0 || caps == words);
}

/* Full names anywhere in the document, for a short name that comes first (headlines).
 * Only the dictionary's persons: cheap and safe. */
static void prescan(ctx *c)
{
    const dl_doc *d = c->d;
    for (size_t s = 0; s < d->nsent && !c->oom; s++) {
        if (d->sent[s].pub.boilerplate)
            continue;
        c->s0 = d->sent[s].tok0;
        c->s1 = c->s0 + d->sent[s].ntok;
        /* Only a person's name of two words or more makes an entry: a sentence where no
         * capitalised word may start one has nothing for the pass. The headline case of
         * the sentence is read on the way, for the main pass. */
        int person;
        c->headlines[s] = (uint8_t)headline_case(c, &person);
        if (!person)
            continue;
        for (uint32_t i = c->s0; i < c->s1; i++) {
            uint32_t e;
            int32_t head;
            if (!(T(c, i)->flags & DL_T_CAP) || !dict_match(c, i, &e, &head) || e < i + 2)
                continue;
            int p = pick(c->x, head, c->lo, c->hi);
            if (p >= 0 && c->x->act[c->x->phr[p].actor].type == T_PERSON) {
                for (uint32_t k = i; k < e; k++) {
                    const dl_token *t = T(c, k);
                    if (!(t->flags & DL_T_CAP) || is_initial(t))
                        continue;
                    char w[64];
                    size_t n = tok_nodots(c, k, w, sizeof w);
                    if (!map_get(c->later, w, n, NULL) &&
                        map_put(&c->later, w, n, c->x->phr[p].actor))
                        c->oom = 1;
                }
            }
            i = e - 1;
        }
    }
}

/* Short names left open: a person named later or first, a surname of the dictionary, or
 * a new organisation ("Bloomberg", "Reuters"). */
static void resolve_pending(ctx *c)
{
    dl_doc *d = c->d;
    for (size_t k = 0; k < c->npend && !c->oom; k++) {
        dl_mention *m = &d->men[c->pend[k].men];
        const dl_token *t = &d->tok[m->tok0];
        int a = short_name_actor(c, t, c->first);
        if (a < 0) {   /* a new organisation, or one named elsewhere in the text */
            a = text_actor(c, m->tok0, m->tok0 + 1, T_ORG, NULL, NULL, c->pend[k].allow_new);
            m->kind = DL_M_NAME;
        }
        m = &d->men[c->pend[k].men];
        m->actor = a;
    }
}

static int cmp_first(const void *a, const void *b, void *arg)
{
    const dl_doc *d = arg;
    const dl_actor_int *x = &d->act[*(const int *)a], *y = &d->act[*(const int *)b];
    if (x->pub.first_offset != y->pub.first_offset)
        return x->pub.first_offset < y->pub.first_offset ? -1 : 1;
    return *(const int *)a - *(const int *)b;
}

/* Drops unresolved mentions, counts mentions, drops actors never mentioned, and orders the
 * actors by their first mention. */
static int finish(ctx *c)
{
    dl_doc *d = c->d;
    size_t n = 0;
    for (size_t k = 0; k < d->nmen; k++)
        if (d->men[k].actor >= 0)
            d->men[n++] = d->men[k];
    d->nmen = n;
    for (size_t k = 0; k < d->nact; k++) {
        d->act[k].pub.mentions = 0;
        d->act[k].pub.first_offset = SIZE_MAX;
    }
    for (size_t k = 0; k < d->nmen; k++) {
        const dl_mention *m = &d->men[k];
        size_t cp = d->tok[m->tok0].cp;
        int who[2] = {m->actor, m->actor2};
        for (int q = 0; q < 2; q++) {
            if (who[q] < 0)
                continue;
            dl_actor *a = &d->act[who[q]].pub;
            a->mentions++;
            if (cp < a->first_offset)
                a->first_offset = cp;
        }
    }
    int *order = malloc((d->nact + 1) * sizeof *order), *newidx = malloc((d->nact + 1) * sizeof *newidx);
    dl_actor_int *tmp = malloc((d->nact + 1) * sizeof *tmp);
    if (!order || !newidx || !tmp) {
        free(order);
        free(newidx);
        free(tmp);
        return -1;
    }
    size_t na = 0;
    for (size_t k = 0; k < d->nact; k++)
        if (d->act[k].pub.mentions > 0)
            order[na++] = (int)k;
    qsort_r(order, na, sizeof *order, cmp_first, d);
    for (size_t k = 0; k < d->nact; k++)
        newidx[k] = -1;
    for (size_t k = 0; k < na; k++) {
        newidx[order[k]] = (int)k;
        tmp[k] = d->act[order[k]];
    }
    if (na)
        memcpy(d->act, tmp, na * sizeof *tmp);
    d->nact = na;
    for (size_t k = 0; k < d->nmen; k++) {
        d->men[k].actor = newidx[d->men[k].actor];
        if (d->men[k].actor2 >= 0)
            d->men[k].actor2 = newidx[d->men[k].actor2];
    }
    free(order);
    free(newidx);
    free(tmp);
    return 0;
}

static int cmp_mention(const void *a, const void *b)
{
    const dl_mention *x = a, *y = b;
    return x->tok0 < y->tok0 ? -1 : x->tok0 > y->tok0;
}

dl_status dl_actors_find(dl_doc *d, dl_error *err)
{
    const dl_actor_dict *x = d->eng->actors;
    d->nmen = 0;
    d->nact = 0;
    if (!x || d->ntok == 0)
        return DL_OK;
    ctx c;
    memset(&c, 0, offsetof(ctx, nl_word));
    memset(c.nl_word, 0, sizeof c.nl_word);
    c.d = d;
    c.x = x;
    if (d->has_dct) {
        c.lo = (int32_t)dl_cal_to_days(d->dct.year, d->dct.month, d->dct.day);
        c.hi = c.lo + 1;
    } else {   /* no date: whoever holds an office as far as the dictionary knows */
        c.lo = OPEN_END - 1;
        c.hi = OPEN_END;
    }
    c.tf = calloc(d->ntok, 1);
    c.ti = malloc(d->ntok * sizeof *c.ti);
    dl_status st = DL_OK;
    c.headlines = malloc(d->nsent + 1);
    /* room for the mentions of a usual text at once: one every eight tokens or so */
    if (!c.tf || !c.ti || !c.headlines || DL_GROW(d->men, d->cap_men, d->ntok / 8 + 16)) {
        st = dl_fail(err, DL_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t k = 0; k < d->ntx; k++) {
        uint32_t i = d->tx[k].tok0, e = i + d->tx[k].ntok;
        for (; i < e && i < d->ntok; i++)
            c.tf[i] |= TF_BLOCK;
        /* "KYIV, March 28, 2024 (Reuters) -": the agency of the date line tells who wrote
         * the story, no actor of it */
        if (d->tx[k].docdate && e < d->ntok && dl_tok_is(&d->tok[e], "("))
            for (i = e; i < d->ntok && i < e + 6; i++) {
                c.tf[i] |= TF_BLOCK;
                if (dl_tok_is(&d->tok[i], ")"))
                    break;
            }
    }
    token_info(&c);
    prescan(&c);
    c.subj_prev = c.plur_prev = c.dateline_state = -1;
    for (size_t s = 0; s < d->nsent && !c.oom; s++) {
        if (d->sent[s].pub.boilerplate)
            continue;
        c.s0 = d->sent[s].tok0;
        c.s1 = c.s0 + d->sent[s].ntok;
        c.headline = c.headlines[s];
        c.subj_cur = c.first_cur = c.plur_cur = c.clause_subj = -1;
        const uint8_t *tf = c.tf;
        uint32_t i = c.s0, s1 = c.s1;
        while (!c.oom) {
            while (i < s1 && (tf[i] & (TF_BLOCK | TF_USED | TF_QUIET)))
                i++;
            if (i >= s1)
                break;
            uint32_t n = parse_at(&c, i);
            i += n ? n : 1;
        }
        if (c.subj_cur >= 0)
            c.subj_prev = c.subj_cur;
        else if (c.first_cur >= 0)
            c.subj_prev = c.first_cur;
        if (c.plur_cur >= 0)
            c.plur_prev = c.plur_cur;
    }
    resolve_pending(&c);
    if (c.oom) {
        st = dl_fail(err, DL_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t k = 1; k < d->nmen; k++)
        if (d->men[k].tok0 < d->men[k - 1].tok0) {
            qsort(d->men, d->nmen, sizeof *d->men, cmp_mention);
            break;
        }
    if (finish(&c))
        st = dl_fail(err, DL_ENOMEM, "out of memory");
done:
    free(c.tf);
    free(c.ti);
    free(c.pend);
    free(c.headlines);
    free(c.dict_key);
    free(c.dict_val);
    dl_map_free(c.actmap);
    dl_map_free(c.recent);
    dl_map_free(c.first);
    dl_map_free(c.later);
    return st;
}

int dl_mention_at(const dl_doc *d, uint32_t tok)
{
    size_t lo = 0, hi = d->nmen;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const dl_mention *m = &d->men[mid];
        if (tok < m->tok0)
            hi = mid;
        else if (tok >= m->tok0 + m->ntok)
            lo = mid + 1;
        else
            return (int)mid;
    }
    return -1;
}

/* The document actor of dictionary entry di, added (with no mentions) when missing.
 * A linear search: it runs once per event, not per token. */
static int actor_for_dict(dl_doc *d, uint32_t di, const dl_mention *m, int32_t lo, int32_t hi)
{
    for (size_t k = 0; k < d->nact; k++)
        if (d->act[k].dict == (int)di)
            return (int)k;
    const dl_actor_dict *x = d->eng->actors;
    const dact *e = &x->act[di];
    if (DL_GROW(d->act, d->cap_act, d->nact + 1))
        return -1;
    dl_actor_int *a = &d->act[d->nact];
    memset(a, 0, sizeof *a);
    a->dict = (int)di;
    a->pub.name = e->name;
    a->pub.type = type_names[e->type];
    a->pub.country = e->country;
    a->pub.role = e->type == T_PERSON ? display_role(x, di, lo, hi) : "";
    a->pub.mentions = 0;
    a->pub.first_offset = d->tok[m->tok0].cp;
    return (int)d->nact++;
}

int dl_actors_resolve_at(dl_doc *d, int mention, const char *date)
{
    if (mention < 0 || (size_t)mention >= d->nmen)
        return -1;
    const dl_mention *m = &d->men[mention];
    const dl_actor_dict *x = d->eng->actors;
    int32_t lo, hi;
    /* what the date cannot change, told before the date is read */
    if (!x || !date || m->ref < 0 ||
        (m->kind == DL_M_DESCRIPTION ? !m->role || (size_t)m->ref >= x->nact
                                     : m->kind != DL_M_NAME && m->kind != DL_M_SEAT && m->kind != DL_M_DEMONYM) ||
        value_span(date, &lo, &hi))
        return m->actor;
    if (m->kind == DL_M_DESCRIPTION) {
        /* the role code as the dictionary interned it */
        uint32_t ci;
        if (!dl_map_get(x->codes, m->role, strlen(m->role), &ci))   /* a sector: no office */
            return m->actor;
        int h = holder_of(x, &x->act[m->ref], x->code[ci], lo, hi);
        return h >= 0 ? actor_for_dict(d, (uint32_t)h, m, lo, hi) : m->actor;
    }
    /* A phrase of the dictionary: the entry with most days in common with the date. */
    int best = -1;
    long bo = 0;
    for (int32_t h = m->ref; h >= 0; h = x->phr[h].next) {
        const dact *a = &x->act[x->phr[h].actor];
        if (a->dead)
            continue;
        long o = overlap(a->start, a->end, lo, hi);
        if (o > bo || (o == bo && o > 0 && type_rank[a->type] < type_rank[x->act[best].type])) {
            bo = o;
            best = (int)x->phr[h].actor;
        }
    }
    if (best < 0)
        return m->actor;
    if (x->act[best].type == T_PLACE && x->act[best].country[0]) {
        int s = state_of(x, x->act[best].country, lo, hi);
        if (s >= 0)
            best = s;
    }
    if (x->act[best].type == T_ORG)
        best = (int)top_body(x, (uint32_t)best);
    if (x->act[best].type == T_PERSON && d->act[m->actor].dict >= 0 &&
        x->act[d->act[m->actor].dict].type == T_PERSON)
        return m->actor;   /* a person's name does not change with the date */
    return actor_for_dict(d, (uint32_t)best, m, lo, hi);
}
