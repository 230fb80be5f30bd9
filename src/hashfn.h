/*
 * hashfn.h - the word hash (dl_hash), shared by the library's map (hash.c) and the build
 * tool that compiles the WordNet table (tools/gen_wordnet.c), which stores hashes the
 * library probes with: one definition, so the two cannot drift apart.
 *
 * It reads a word in two loads and mixes them with one multiplication (wyhash's "mum").
 */
#ifndef DL_HASHFN_H
#define DL_HASHFN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define DL_HASH_SHORT 16       /* longest key hashed from two loads */
#define DL_HASH_P0 0xa0761d6478bd642full
#define DL_HASH_P1 0xe7037ed1a0b428dbull

static inline uint64_t dl_rd64(const char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static inline uint64_t dl_rd32(const char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* The 128-bit product of a and b, its halves folded together: one multiplication mixes
 * every bit of both operands into the low bits that index a table. */
static inline uint64_t dl_mum(uint64_t a, uint64_t b)
{
    __extension__ typedef unsigned __int128 u128;
    u128 r = (u128)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

/* The two words of a key of n <= 16 bytes: its first and last eight bytes (overlapping),
 * or four, or its first, middle and last byte. With n they determine the key. */
static inline __attribute__((always_inline)) void dl_key_words(const char *s, size_t n,
                                                               uint64_t *a, uint64_t *b)
{
    if (n >= 8) {
        *a = dl_rd64(s);
        *b = dl_rd64(s + n - 8);
    } else if (n >= 4) {
        *a = dl_rd32(s);
        *b = dl_rd32(s + n - 4);
    } else if (n > 0) {
        *a = (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[n >> 1] << 8 |
             (unsigned char)s[n - 1];
        *b = 0;
    } else {
        *a = *b = 0;
    }
}

/* The hash of a short key from its two words. */
static inline uint32_t dl_hash_words(uint64_t a, uint64_t b, size_t n)
{
    return (uint32_t)dl_mum(a ^ DL_HASH_P1, b ^ DL_HASH_P0 ^ n);
}

/* A longer key takes one multiplication more per 16 bytes. */
static __attribute__((noinline, unused)) uint32_t dl_hash_long(const char *s, size_t n)
{
    uint64_t seed = DL_HASH_P0 ^ n;
    size_t i = n;
    do {
        seed = dl_mum(dl_rd64(s) ^ DL_HASH_P1, dl_rd64(s + 8) ^ seed);
        s += 16;
        i -= 16;
    } while (i > 16);
    return (uint32_t)dl_mum(dl_rd64(s + i - 16) ^ DL_HASH_P1, dl_rd64(s + i - 8) ^ seed);
}

/* The hash of the n bytes at s (dl_hash). */
static inline uint32_t dl_hash_bytes(const char *s, size_t n)
{
    if (n > DL_HASH_SHORT)
        return dl_hash_long(s, n);
    uint64_t a, b;
    dl_key_words(s, n, &a, &b);
    return dl_hash_words(a, b, n);
}

#endif
