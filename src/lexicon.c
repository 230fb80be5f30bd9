/*
 * lexicon.c - word look-up in the WordNet-derived table compiled at build time
 * (tools/gen_wordnet.c -> build/wordnet_table.c): parts of speech, verb forms, lemmas.
 */
#include <string.h>

#include "internal.h"

extern const char dl_wn_pool[];
extern const struct { uint32_t w, v, n; uint8_t pos, vf; } dl_wn_ent[];
extern const uint32_t dl_wn_nslots;
extern const uint64_t dl_wn_slots[];

int dl_lex_lookup(const char *w, size_t n, dl_lexentry *out)
{
    if (n == 0 || n > 64)
        return 0;
    uint32_t mask = dl_wn_nslots - 1;
    uint32_t h = dl_hash(w, n);
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint64_t slot = dl_wn_slots[i];
        if (!slot)
            return 0;
        if ((uint32_t)(slot >> 32) != h)
            continue;   /* the stored hash spares a visit to the string pool */
        uint32_t s = (uint32_t)slot;
        const char *k = dl_wn_pool + dl_wn_ent[s - 1].w;
        if (strncmp(k, w, n) == 0 && k[n] == 0) {
            out->pos = dl_wn_ent[s - 1].pos;
            out->vform = dl_wn_ent[s - 1].vf;
            out->vlemma = dl_wn_ent[s - 1].v == UINT32_MAX ? NULL : dl_wn_pool + dl_wn_ent[s - 1].v;
            out->nlemma = dl_wn_ent[s - 1].n == UINT32_MAX ? NULL : dl_wn_pool + dl_wn_ent[s - 1].n;
            return 1;
        }
    }
}

int dl_tok_is(const dl_token *t, const char *s)
{
    return t->lower && strcmp(t->lower, s) == 0;
}
