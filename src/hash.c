/*
 * hash.c - a map from byte strings to uint32 values: open addressing with linear
 * probing at most half full (a miss ends within a probe or two), and a hash that reads a
 * word in two loads and mixes them with one multiplication (wyhash's "mum").
 *
 * Keys are words: a key of at most 16 bytes is, with its length, the two words the hash
 * reads, and the slot stores them, so that a look-up compares three 64-bit numbers and
 * never visits the key's bytes. Longer keys (phrases) are copied into a pool and compared
 * with memcmp, out of line.
 *
 * tools/gen_wordnet.c builds the WordNet table with a copy of dl_hash: keep the two equal
 * (check_segment tests that words are found).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define SHORT_KEY 16           /* longest key kept in its slot */

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

static inline uint64_t rd64(const char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static inline uint64_t rd32(const char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* The 128-bit product of a and b, its halves folded together: one multiplication mixes
 * every bit of both operands into the low bits that index the table. */
static inline uint64_t mum(uint64_t a, uint64_t b)
{
    __extension__ typedef unsigned __int128 u128;
    u128 r = (u128)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

#define P0 0xa0761d6478bd642full
#define P1 0xe7037ed1a0b428dbull

/* The two words of a key of n <= 16 bytes: its first and last eight bytes (overlapping),
 * or four, or its first, middle and last byte. With n they determine the key. */
static inline __attribute__((always_inline)) void key_words(const char *s, size_t n, uint64_t *a,
                                                            uint64_t *b)
{
    if (n >= 8) {
        *a = rd64(s);
        *b = rd64(s + n - 8);
    } else if (n >= 4) {
        *a = rd32(s);
        *b = rd32(s + n - 4);
    } else if (n > 0) {
        *a = (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[n >> 1] << 8 |
             (unsigned char)s[n - 1];
        *b = 0;
    } else {
        *a = *b = 0;
    }
}

static inline uint32_t hash_words(uint64_t a, uint64_t b, size_t n)
{
    return (uint32_t)mum(a ^ P1, b ^ P0 ^ n);
}

/* A longer key takes one multiplication more per 16 bytes. */
static __attribute__((noinline)) uint32_t hash_long(const char *s, size_t n)
{
    uint64_t seed = P0 ^ n;
    size_t i = n;
    do {
        seed = mum(rd64(s) ^ P1, rd64(s + 8) ^ seed);
        s += 16;
        i -= 16;
    } while (i > 16);
    return (uint32_t)mum(rd64(s + i - 16) ^ P1, rd64(s + i - 8) ^ seed);
}

uint32_t dl_hash(const char *s, size_t n)
{
    if (n > SHORT_KEY)
        return hash_long(s, n);
    uint64_t a, b;
    key_words(s, n, &a, &b);
    return hash_words(a, b, n);
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
    key_words(key, klen, a, b);
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
        return get_long(m, key, klen, hash_long(key, klen), value);
    uint64_t a, b;
    key_words(key, klen, &a, &b);
    uint32_t h = hash_words(a, b, klen);
    return found(find_short(m, (uint64_t)klen << 32 | h, a, b), value);
}

int dl_map_get_h(const dl_map *m, const char *key, size_t klen, uint32_t h, uint32_t *value)
{
    if (!m)
        return 0;
    if (klen > SHORT_KEY)
        return get_long(m, key, klen, h, value);
    uint64_t a, b;
    key_words(key, klen, &a, &b);
    return found(find_short(m, (uint64_t)klen << 32 | h, a, b), value);
}

size_t dl_map_count(const dl_map *m)
{
    return m ? m->count : 0;
}
