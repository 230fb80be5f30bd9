/*
 * mkcorpus.c - benchmark tool: writes a corpus of news-like documents made from the
 * project's own texts, varied so that no document repeats another: paragraphs shuffled
 * and drawn from every text, capitalised names swapped for others of the texts, numbers
 * changed, years shifted.
 *
 *   mkcorpus OUTDIR MEGABYTES SEED FILE...
 *
 * Writes OUTDIR/d000000.txt ... (about 6 KB each) and OUTDIR/manifest.tsv with a date per
 * document. Deterministic for a given seed.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t rng_state;

static uint32_t rnd(void)
{
    /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 2685821657736338717ull) >> 32);
}

typedef struct strs {
    char **v;
    size_t n, cap;
} strs;

static void push(strs *s, char *p)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->v = realloc(s->v, s->cap * sizeof *s->v);
        if (!s->v) {
            perror("mkcorpus");
            exit(1);
        }
    }
    s->v[s->n++] = p;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (!s || fread(s, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(s);
        return NULL;
    }
    s[n] = 0;
    fclose(f);
    return s;
}

/* Splits text into paragraphs at blank lines; keeps those with a sentence in them. */
static void paragraphs(char *text, strs *out)
{
    char *p = text;
    while (*p) {
        char *e = strstr(p, "\n\n");
        size_t n = e ? (size_t)(e - p) : strlen(p);
        while (n && (p[n - 1] == '\n' || p[n - 1] == '\r'))
            n--;
        if (n > 80 && memchr(p, '.', n))
            push(out, strndup(p, n));
        if (!e)
            break;
        p = e + 2;
    }
}

/* Collects capitalised words not at a sentence start: the names to swap. */
static void names(const strs *paras, strs *out)
{
    for (size_t i = 0; i < paras->n; i++) {
        const char *p = paras->v[i];
        for (const char *q = p; *q; q++) {
            if (q > p + 1 && isupper((unsigned char)*q) && q[-1] == ' ' && q[-2] != '.' &&
                islower((unsigned char)q[1])) {
                const char *e = q;
                while (isalpha((unsigned char)*e))
                    e++;
                if (e - q >= 4 && out->n < 4096)
                    push(out, strndup(q, (size_t)(e - q)));
                q = e - 1;
            }
        }
    }
}

static void write_varied(FILE *f, const char *p, const strs *nm)
{
    const char *start = p;
    int year_shift = (int)(rnd() % 21) - 10;
    while (*p) {
        if (isdigit((unsigned char)*p) && (p == start || !isalnum((unsigned char)p[-1]))) {
            const char *e = p;
            while (isdigit((unsigned char)*e))
                e++;
            long v = strtol(p, NULL, 10);
            if (e - p == 4 && v >= 1900 && v <= 2099)
                fprintf(f, "%ld", v + year_shift);                  /* a year: shift it */
            else if (e - p <= 3)
                fprintf(f, "%ld", (long)(rnd() % (e - p == 1 ? 9 : 99)) + 1); /* a count */
            else
                fwrite(p, 1, (size_t)(e - p), f);
            p = e;
            continue;
        }
        if (isupper((unsigned char)*p) && p > start && p[-1] == ' ' && nm->n && rnd() % 4 == 0) {
            const char *e = p;
            while (isalpha((unsigned char)*e))
                e++;
            if (e - p >= 4) {
                fputs(nm->v[rnd() % nm->n], f);   /* another name of the texts */
                p = e;
                continue;
            }
        }
        fputc(*p++, f);
    }
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: mkcorpus OUTDIR MEGABYTES SEED FILE...\n");
        return 2;
    }
    const char *dir = argv[1];
    double mb = atof(argv[2]);
    rng_state = strtoull(argv[3], NULL, 10) * 0x9E3779B97F4A7C15ull + 1;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        perror(dir);
        return 1;
    }
    strs paras = {0}, nm = {0};
    for (int i = 4; i < argc; i++) {
        char *t = slurp(argv[i]);
        if (t)
            paragraphs(t, &paras);
        free(t);
    }
    if (paras.n == 0) {
        fprintf(stderr, "mkcorpus: no paragraphs in the input files\n");
        return 1;
    }
    names(&paras, &nm);
    char path[4096];
    snprintf(path, sizeof path, "%s/manifest.tsv", dir);
    FILE *man = fopen(path, "w");
    if (!man) {
        perror(path);
        return 1;
    }
    fprintf(man, "doc\tdate\n");
    double total = 0, want = mb * 1024 * 1024;
    for (long d = 0; total < want; d++) {
        snprintf(path, sizeof path, "%s/d%06ld.txt", dir, d);
        FILE *f = fopen(path, "w");
        if (!f) {
            perror(path);
            return 1;
        }
        int y = 2000 + (int)(rnd() % 25), m = 1 + (int)(rnd() % 12), day = 1 + (int)(rnd() % 28);
        fprintf(man, "d%06ld\t%04d-%02d-%02d\n", d, y, m, day);
        size_t np = 8 + rnd() % 12;
        for (size_t k = 0; k < np; k++) {
            write_varied(f, paras.v[rnd() % paras.n], &nm);
            fputs("\n\n", f);
        }
        total += (double)ftell(f);
        if (fclose(f)) {
            perror(path);
            return 1;
        }
    }
    fclose(man);
    return 0;
}
