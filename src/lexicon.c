/*
 * lexicon.c - word look-up in the WordNet-derived table compiled at build time
 * (tools/gen_wordnet.c -> build/wordnet_table.c): parts of speech, verb forms, lemmas.
 */
#include <string.h>

#include "internal.h"

extern const char dl_wn_pool[];
extern const struct { uint32_t w, v, n; uint8_t pos, vf, len; } dl_wn_ent[];
extern const uint32_t dl_wn_nslots;
extern const uint64_t dl_wn_slots[];

int dl_lex_lookup(const char *w, size_t n, dl_lexentry *out)
{
    return dl_lex_lookup_h(w, n, dl_hash(w, n), out);
}

/* The table is megabytes: a look-up there is a few cache misses (slot, entry, word).
 * Words repeat (Zipf), so each thread remembers the words it found, with what the table
 * says of them, in a small direct-mapped memo that stays in the CPU's cache. Only words
 * found are remembered, and a hit is checked against the word itself: the memo changes no
 * result, whatever a thread looked up before. */
#define MEMO_BITS 12
#define MEMO_WORD 16           /* longer words are not remembered */
typedef struct memo {
    uint32_t hash;
    uint8_t len;               /* 0: empty */
    char word[MEMO_WORD];
    dl_lexentry e;
} memo;
static _Thread_local memo lex_memo[1u << MEMO_BITS];

static int fill(uint32_t e, dl_lexentry *out)
{
    out->pos = dl_wn_ent[e].pos;
    out->vform = dl_wn_ent[e].vf;
    /* A lemma that is a word is stored as that word's entry: the same offset. */
    out->self = (uint8_t)((dl_wn_ent[e].v == dl_wn_ent[e].w ? DL_LEX_V_SELF : 0) |
                          (dl_wn_ent[e].n == dl_wn_ent[e].w ? DL_LEX_N_SELF : 0));
    out->vlemma = dl_wn_ent[e].v == UINT32_MAX ? NULL : dl_wn_pool + dl_wn_ent[e].v;
    out->nlemma = dl_wn_ent[e].n == UINT32_MAX ? NULL : dl_wn_pool + dl_wn_ent[e].n;
    return 1;
}

/* Is entry e the word w (n bytes)? Its len is the word's length, capped at 255 (longer
 * than any word looked up). */
static inline int is_word(uint32_t e, const char *w, size_t n)
{
    return dl_wn_ent[e].len == n && dl_bytes_eq(dl_wn_pool + dl_wn_ent[e].w, w, n);
}

/* The table itself, for a word the memo does not hold (out of line: the memo answers
 * most look-ups, with no registers to save). */
static __attribute__((noinline)) int lookup_table(const char *w, size_t n, uint32_t h, dl_lexentry *out)
{
    if (n == 0 || n > 64)
        return 0;
    uint32_t mask = dl_wn_nslots - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint64_t slot = dl_wn_slots[i];
        if (!slot)
            return 0;
        if ((uint32_t)(slot >> 32) != h)
            continue;   /* the stored hash spares a visit to the string pool */
        uint32_t s = (uint32_t)slot;
        if (is_word(s - 1, w, n)) {
            fill(s - 1, out);
            if (n <= MEMO_WORD) {
                memo *m = &lex_memo[(h >> 7) & ((1u << MEMO_BITS) - 1)];
                m->hash = h;
                m->len = (uint8_t)n;
                memcpy(m->word, w, n);
                m->e = *out;
            }
            return 1;
        }
    }
}

int dl_lex_lookup_h(const char *w, size_t n, uint32_t h, dl_lexentry *out)
{
    const memo *m = &lex_memo[(h >> 7) & ((1u << MEMO_BITS) - 1)];
    if (m->hash == h && m->len == n && n && dl_bytes_eq_short(m->word, w, n)) {
        *out = m->e;
        return 1;
    }
    return lookup_table(w, n, h, out);
}
