/*
 * hash.c - a map from byte strings to uint32 values: open addressing with linear
 * probing at most half full (a miss ends within a probe or two), and a hash that reads a
 * word in two loads and mixes them with one multiplication (wyhash's "mum").
 *
 * The hash itself is in hashfn.h, shared with tools/gen_wordnet.c.
 *
 * Keys are words: a key of at most 16 bytes is, with its length, the two words the hash
 * reads, and the slot stores them, so that a look-up compares three 64-bit numbers and
 * never visits the key's bytes. Longer keys (phrases) are copied into a pool and compared
 * with memcmp, out of line.
 */
#include <stdlib.h>
#include <string.h>

#include "hashfn.h"
#include "internal.h"

#define SHORT_KEY DL_HASH_SHORT /* longest key kept in its slot */

typedef struct slot {
    uint64_t tag;              /* length << 32 | hash; a length of UINT32_MAX marks an empty slot */
    uint64_t a, b;             /* a short key's words (key_words); 0 for a long key */
    uint32_t koff;             /* a long key: its offset in the pool */
    uint32_t value;
} slot;
#define EMPTY ((uint64_t)UINT32_MAX << 32)
#define IS_EMPTY(s) ((s)->tag >> 32 == UINT32_MAX)

struct dl_map {
    slot *slots;
    size_t cap, count;         /* cap is a power of two */
    char *pool;                /* long keys, NUL-terminated */
    size_t plen, pcap;
};

uint32_t dl_hash(const char *s, size_t n)
{
    return dl_hash_bytes(s, n);
}

static int map_alloc_slots(dl_map *m, size_t cap)
{
    slot *s = malloc(cap * sizeof(slot));
    if (!s)
        return -1;
    for (size_t i = 0; i < cap; i++)
        s[i].tag = EMPTY;
    m->slots = s;
    m->cap = cap;
    return 0;
}

dl_map *dl_map_new(void)
{
    dl_map *m = calloc(1, sizeof(dl_map));
    if (!m || map_alloc_slots(m, 64)) {
        free(m);
        return NULL;
    }
    return m;
}

void dl_map_free(dl_map *m)
{
    if (!m)
        return;
    free(m->slots);
    free(m->pool);
    free(m);
}

/* The slot of a short key (its words a, b), or the empty slot where it would go. */
static inline __attribute__((always_inline)) slot *find_short(const dl_map *m, uint64_t tag, uint64_t a,
                                                              uint64_t b)
{
    size_t mask = m->cap - 1;
    for (size_t i = (uint32_t)tag & mask;; i = (i + 1) & mask) {
        slot *s = &m->slots[i];
        if (s->tag == tag && s->a == a && s->b == b)
            return s;
        if (IS_EMPTY(s))
            return s;
    }
}

/* The same for a long key, compared in the pool. */
static slot *find_long(const dl_map *m, uint64_t tag, const char *key, size_t klen)
{
    size_t mask = m->cap - 1;
    for (size_t i = (uint32_t)tag & mask;; i = (i + 1) & mask) {
        slot *s = &m->slots[i];
        if (s->tag == tag && memcmp(m->pool + s->koff, key, klen) == 0)
            return s;
        if (IS_EMPTY(s))
            return s;
    }
}

static slot *find(const dl_map *m, const char *key, size_t klen, uint32_t h, uint64_t *a, uint64_t *b)
{
    uint64_t tag = (uint64_t)klen << 32 | h;
    if (klen > SHORT_KEY) {
        *a = *b = 0;
        return find_long(m, tag, key, klen);
    }
    dl_key_words(key, klen, a, b);
    return find_short(m, tag, *a, *b);
}

static int map_rehash(dl_map *m)
{
    slot *old = m->slots;
    size_t oldcap = m->cap;
    if (map_alloc_slots(m, oldcap * 2)) {
        m->slots = old;
        m->cap = oldcap;
        return -1;
    }
    for (size_t i = 0; i < oldcap; i++) {
        if (IS_EMPTY(&old[i]))
            continue;
        size_t mask = m->cap - 1;
        size_t j = (uint32_t)old[i].tag & mask;
        while (!IS_EMPTY(&m->slots[j]))
            j = (j + 1) & mask;
        m->slots[j] = old[i];
    }
    free(old);
    return 0;
}

int dl_map_put(dl_map *m, const char *key, size_t klen, uint32_t value)
{
    if (klen >= UINT32_MAX)
        return -1;
    uint32_t h = dl_hash(key, klen);
    uint64_t a, b;
    slot *s = find(m, key, klen, h, &a, &b);
    if (!IS_EMPTY(s)) {
        s->value = value;
        return 0;
    }
    if ((m->count + 1) * 2 > m->cap) {
        if (map_rehash(m))
            return -1;
        s = find(m, key, klen, h, &a, &b);
    }
    s->koff = 0;
    if (klen > SHORT_KEY) {
        if (m->plen > UINT32_MAX || DL_GROW(m->pool, m->pcap, m->plen + klen + 1))
            return -1;
        memcpy(m->pool + m->plen, key, klen);
        m->pool[m->plen + klen] = 0;
        s->koff = (uint32_t)m->plen;
        m->plen += klen + 1;
    }
    s->tag = (uint64_t)klen << 32 | h;
    s->a = a;
    s->b = b;
    s->value = value;
    m->count++;
    return 0;
}

static inline int found(const slot *s, uint32_t *value)
{
    if (IS_EMPTY(s))
        return 0;
    if (value)
        *value = s->value;
    return 1;
}

/* A long key, out of line: the look-up of a word makes no call and saves no registers. */
static __attribute__((noinline)) int get_long(const dl_map *m, const char *key, size_t klen, uint32_t h,
                                              uint32_t *value)
{
    return found(find_long(m, (uint64_t)klen << 32 | h, key, klen), value);
}

int dl_map_get(const dl_map *m, const char *key, size_t klen, uint32_t *value)
{
    if (!m)
        return 0;
    if (klen > SHORT_KEY)
        return get_long(m, key, klen, dl_hash_long(key, klen), value);
    uint64_t a, b;
    dl_key_words(key, klen, &a, &b);
    uint32_t h = dl_hash_words(a, b, klen);
    return found(find_short(m, (uint64_t)klen << 32 | h, a, b), value);
}

int dl_map_get_h(const dl_map *m, const char *key, size_t klen, uint32_t h, uint32_t *value)
{
    if (!m)
        return 0;
    if (klen > SHORT_KEY)
        return get_long(m, key, klen, h, value);
    uint64_t a, b;
    dl_key_words(key, klen, &a, &b);
    return found(find_short(m, (uint64_t)klen << 32 | h, a, b), value);
}

size_t dl_map_count(const dl_map *m)
{
    return m ? m->count : 0;
}
