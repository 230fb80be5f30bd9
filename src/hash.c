/*
 * hash.c - a map from byte strings to uint32 values: open addressing with linear
 * probing at most half full (a miss ends within a probe or two), a multiplicative hash
 * that reads eight bytes at a time, keys copied into one growing pool.
 *
 * tools/gen_wordnet.c builds the WordNet table with a copy of dl_hash: keep the two equal
 * (check_segment tests that words are found).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct slot {
    uint32_t hash;
    uint32_t value;
    uint32_t koff, klen;   /* key in the pool; klen == UINT32_MAX marks an empty slot */
} slot;

struct dl_map {
    slot *slots;
    size_t cap, count;     /* cap is a power of two */
    char *pool;
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

/* Words are short: one or two multiplications for most of them. The length is mixed in,
 * so that the overlapping reads of the tail never make two keys equal. */
static inline __attribute__((always_inline)) uint32_t hash_of(const char *s, size_t n)
{
    const uint64_t K = 0x9E3779B97F4A7C15ull;
    uint64_t h = (uint64_t)n * K;
    while (n > 8) {
        h = (h ^ rd64(s)) * K;
        h ^= h >> 29;
        s += 8;
        n -= 8;
    }
    uint64_t v = 0;
    if (n >= 4)
        v = rd32(s) | rd32(s + n - 4) << 32;
    else if (n > 0)
        v = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n >> 1] << 8 |
            (uint64_t)(unsigned char)s[n - 1] << 16;
    h = (h ^ v) * K;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return (uint32_t)h;
}

static int map_alloc_slots(dl_map *m, size_t cap)
{
    slot *s = malloc(cap * sizeof(slot));
    if (!s)
        return -1;
    for (size_t i = 0; i < cap; i++)
        s[i].klen = UINT32_MAX;
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

/* Are the n bytes at a and b equal? Keys are words: short ones without a call. */
uint32_t dl_hash(const char *s, size_t n)
{
    return hash_of(s, n);
}

static inline int key_eq(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        if (n > 16)
            return memcmp(a, b, n) == 0;
        /* the first and the last eight bytes (overlapping) */
        return rd64(a) == rd64(b) && rd64(a + n - 8) == rd64(b + n - 8);
    }
    if (n >= 4)
        return rd32(a) == rd32(b) && rd32(a + n - 4) == rd32(b + n - 4);
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

static inline __attribute__((always_inline)) slot *map_find(const dl_map *m, const char *key, size_t klen,
                                                            uint32_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        slot *s = &m->slots[i];
        if (s->klen == UINT32_MAX)
            return s;
        if (s->hash == h && s->klen == klen && key_eq(m->pool + s->koff, key, klen))
            return s;
    }
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
        if (old[i].klen == UINT32_MAX)
            continue;
        size_t mask = m->cap - 1;
        size_t j = old[i].hash & mask;
        while (m->slots[j].klen != UINT32_MAX)
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
    uint32_t h = hash_of(key, klen);
    slot *s = map_find(m, key, klen, h);
    if (s->klen != UINT32_MAX) {
        s->value = value;
        return 0;
    }
    if ((m->count + 1) * 2 > m->cap) {
        if (map_rehash(m))
            return -1;
        s = map_find(m, key, klen, h);
    }
    if (DL_GROW(m->pool, m->pcap, m->plen + klen + 1))
        return -1;
    memcpy(m->pool + m->plen, key, klen);
    m->pool[m->plen + klen] = 0;
    s->hash = h;
    s->value = value;
    s->koff = (uint32_t)m->plen;
    s->klen = (uint32_t)klen;
    m->plen += klen + 1;
    m->count++;
    return 0;
}

static inline __attribute__((always_inline)) int map_get(const dl_map *m, const char *key, size_t klen,
                                                          uint32_t h, uint32_t *value)
{
    slot *s = map_find(m, key, klen, h);
    if (s->klen == UINT32_MAX)
        return 0;
    if (value)
        *value = s->value;
    return 1;
}

int dl_map_get(const dl_map *m, const char *key, size_t klen, uint32_t *value)
{
    return m ? map_get(m, key, klen, hash_of(key, klen), value) : 0;
}

int dl_map_get_h(const dl_map *m, const char *key, size_t klen, uint32_t h, uint32_t *value)
{
    return m ? map_get(m, key, klen, h, value) : 0;
}

size_t dl_map_count(const dl_map *m)
{
    return m ? m->count : 0;
}
