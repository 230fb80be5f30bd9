/*
 * arena.c - memory: an arena per document, a growable buffer, growable arrays.
 *
 * Every string a document makes (lower-cased tokens, values, names) lives in its arena
 * and goes in one dl_arena_free(). Allocation failure is returned as NULL, never an abort.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---------------------------------------------------------------- arena */

typedef struct chunk {
    struct chunk *next;
    size_t used, size;
    max_align_t data[];
} chunk;

struct dl_arena {
    chunk *head;
};

#define CHUNK_MIN (64 * 1024)

dl_arena *dl_arena_new(void)
{
    return calloc(1, sizeof(dl_arena));
}

void *dl_arena_alloc(dl_arena *a, size_t n)
{
    if (n > ((size_t)-1) / 2)
        return NULL;   /* no rounding or header overflow below */
    n = (n + 7) & ~(size_t)7;
    if (n == 0)
        n = 8;
    chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t size = n > CHUNK_MIN ? n : CHUNK_MIN;
        chunk *nc = malloc(sizeof(chunk) + size);
        if (!nc)
            return NULL;
        nc->used = 0;
        nc->size = size;
        if (c && n > CHUNK_MIN) {
            /* A big block goes behind the current chunk so its free space is kept. */
            nc->next = c->next;
            c->next = nc;
            nc->used = n;
            return (char *)nc->data;
        }
        nc->next = c;
        a->head = c = nc;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    return p;
}

void *dl_arena_calloc(dl_arena *a, size_t n)
{
    void *p = dl_arena_alloc(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *dl_arena_strndup(dl_arena *a, const char *s, size_t n)
{
    char *p = dl_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *dl_arena_strdup(dl_arena *a, const char *s)
{
    return dl_arena_strndup(a, s, strlen(s));
}

char *dl_arena_printf(dl_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = dl_arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void dl_arena_free(dl_arena *a)
{
    if (!a)
        return;
    chunk *c = a->head;
    while (c) {
        chunk *n = c->next;
        free(c);
        c = n;
    }
    free(a);
}

/* ---------------------------------------------------------------- numbers */

size_t dl_format_tenths(char *out, size_t n, double v)
{
    /* Scores are written with one decimal ("3.4", "-10.0"): when v is within a millionth
     * of such a number, its exact decimal expansion is nowhere near a rounding boundary and
     * printf would print that number: write it without printf. */
    double t = v * 10;
    if (t > -1e15 && t < 1e15) {
        long long k = llround(t);
        if (fabs(t - (double)k) < 1e-6) {
            char tmp[32], *e = tmp + sizeof tmp, *p = e;
            unsigned long long u = k < 0 ? 0ULL - (unsigned long long)k : (unsigned long long)k;
            *--p = (char)('0' + u % 10);
            *--p = '.';
            u /= 10;
            do
                *--p = (char)('0' + u % 10);
            while (u /= 10);
            if (k < 0 || (k == 0 && signbit(v)))
                *--p = '-';
            size_t len = (size_t)(e - p);
            if (len < n) {
                memcpy(out, p, len);
                out[len] = 0;
                return len;
            }
            /* too long for out: snprintf cuts it */
        }
    }
    if (n == 0)
        return 0;
    int w = snprintf(out, n, "%.1f", v);
    return w < 0 ? 0 : (size_t)w < n ? (size_t)w : n - 1;
}

/* ---------------------------------------------------------------- growable arrays */

int dl_grow(void **pp, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 16;
    while (nc < need) {
        if (nc > ((size_t)-1) / 2 / size)
            return -1;
        nc *= 2;
    }
    void *p = realloc(*pp, nc * size);
    if (!p)
        return -1;
    *pp = p;
    *cap = nc;
    return 0;
}

/* ---------------------------------------------------------------- buffer */

void dl_buf_init(dl_buf *b)
{
    b->p = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

int dl_buf_reserve(dl_buf *b, size_t extra)
{
    if (b->oom)
        return -1;
    if (extra > ((size_t)-1) / 4 - b->len) {
        b->oom = 1;   /* the size would overflow */
        return -1;
    }
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t nc = b->cap ? b->cap : 64;
    while (nc < b->len + extra + 1)
        nc *= 2;
    char *p = realloc(b->p, nc);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->p = p;
    b->cap = nc;
    return 0;
}

void dl_buf_printf(dl_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || dl_buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void dl_buf_clear(dl_buf *b)
{
    b->len = 0;
    if (b->p)
        b->p[0] = 0;
}

void dl_buf_free(dl_buf *b)
{
    free(b->p);
    dl_buf_init(b);
}
