/*
 * gen_wordnet.c - build tool: compiles WordNet's lemmas and morphology into a static
 * hash table (build/wordnet_table.c) so the library looks words up without opening the
 * WordNet database at run time.
 *
 *   gen_wordnet OUT.c data/function-words.tsv
 *
 * For every single-word lemma of WordNet's index files it records the parts of speech.
 * For every verb lemma it generates the regular inflections (-s, -ed, -ing with English
 * spelling changes) and keeps a form only when WordNet's own morphology (morphstr) maps
 * it back to that lemma; irregular forms come from WordNet's verb.exc and noun.exc
 * through the same morphstr. Noun plurals likewise. Closed-class words come from
 * data/function-words.tsv.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wn.h>

#include "../src/hashfn.h"

enum { P_NOUN = 1, P_VERB = 2, P_ADJ = 4, P_ADV = 8, P_FUNC = 16 };
enum { VF_NONE = 0, VF_BASE, VF_S, VF_PAST, VF_ING };

typedef struct ent {
    char *word;
    char *vlemma, *nlemma;
    unsigned pos, vform;
} ent;

static ent *ents;
static size_t nents, cap;
static uint32_t *slots;
static size_t nslots;

/* The library's own hash (src/hashfn.h): it probes this table with it. */
static uint32_t hash(const char *s)
{
    return dl_hash_bytes(s, strlen(s));
}

/* A simple chained index while building; the output table is made at the end. */
#define NB (1u << 20)
static int64_t *bucket_head;
static int64_t *next_in_bucket;

static ent *find(const char *w)
{
    uint32_t b = hash(w) & (NB - 1);
    for (int64_t i = bucket_head[b]; i >= 0; i = next_in_bucket[i])
        if (strcmp(ents[i].word, w) == 0)
            return &ents[i];
    return NULL;
}

static ent *get(const char *w)
{
    ent *e = find(w);
    if (e)
        return e;
    if (nents == cap) {
        cap = cap ? cap * 2 : 65536;
        ents = realloc(ents, cap * sizeof *ents);
        next_in_bucket = realloc(next_in_bucket, cap * sizeof *next_in_bucket);
        if (!ents || !next_in_bucket) {
            fprintf(stderr, "gen_wordnet: out of memory\n");
            exit(1);
        }
    }
    e = &ents[nents];
    memset(e, 0, sizeof *e);
    e->word = strdup(w);
    uint32_t b = hash(w) & (NB - 1);
    next_in_bucket[nents] = bucket_head[b];
    bucket_head[b] = (int64_t)nents;
    nents++;
    return e;
}

static int plain_word(const char *w)
{
    if (!*w)
        return 0;
    for (const char *p = w; *p; p++)
        if (!(islower((unsigned char)*p) || *p == '-' || *p == '\'' || *p == '.' || isdigit((unsigned char)*p)))
            return 0;
    return 1;
}

/* Does WordNet's morphology take `form` back to `lemma` for this part of speech? */
static int morph_gives(const char *form, int pos, const char *lemma)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", form);
    for (char *m = morphstr(buf, pos); m; m = morphstr(NULL, pos))
        if (strcmp(m, lemma) == 0)
            return 1;
    return 0;
}

static int is_vowel(char c)
{
    return strchr("aeiou", c) != NULL;
}

static void add_form(const char *form, const char *lemma, int pos, unsigned vform)
{
    if (strcmp(form, lemma) == 0 || !morph_gives(form, pos, lemma))
        return;
    ent *e = get(form);
    if (pos == VERB) {
        e->pos |= P_VERB;
        if (!e->vlemma) {
            e->vlemma = strdup(lemma);
            e->vform = vform;
        }
    } else {
        e->pos |= P_NOUN;
        if (!e->nlemma)
            e->nlemma = strdup(lemma);
    }
}

static void inflect_verb(const char *v)
{
    size_t n = strlen(v);
    if (n < 2 || n > 60)
        return;
    char f[128];
    char last = v[n - 1], prev = v[n - 2];
    /* -s */
    if (last == 'y' && !is_vowel(prev))
        snprintf(f, sizeof f, "%.*sies", (int)n - 1, v);
    else if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')) || last == 'o')
        snprintf(f, sizeof f, "%ses", v);
    else
        snprintf(f, sizeof f, "%ss", v);
    add_form(f, v, VERB, VF_S);
    /* -ed */
    if (last == 'e')
        snprintf(f, sizeof f, "%sd", v);
    else if (last == 'y' && !is_vowel(prev))
        snprintf(f, sizeof f, "%.*sied", (int)n - 1, v);
    else
        snprintf(f, sizeof f, "%sed", v);
    add_form(f, v, VERB, VF_PAST);
    /* doubled final consonant: stop -> stopped, stopping */
    int dbl = n >= 3 && !is_vowel(last) && is_vowel(prev) && !is_vowel(v[n - 3]) && !strchr("wxy", last);
    if (dbl) {
        snprintf(f, sizeof f, "%s%ced", v, last);
        add_form(f, v, VERB, VF_PAST);
        snprintf(f, sizeof f, "%s%cing", v, last);
        add_form(f, v, VERB, VF_ING);
    }
    /* -ing */
    if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o')
        snprintf(f, sizeof f, "%.*sing", (int)n - 1, v);
    else if (last == 'e' && prev == 'i')
        snprintf(f, sizeof f, "%.*sying", (int)n - 2, v);
    else
        snprintf(f, sizeof f, "%sing", v);
    add_form(f, v, VERB, VF_ING);
}

static void pluralise(const char *w)
{
    size_t n = strlen(w);
    if (n < 2 || n > 60)
        return;
    char f[128];
    char last = w[n - 1], prev = w[n - 2];
    if (last == 'y' && !is_vowel(prev))
        snprintf(f, sizeof f, "%.*sies", (int)n - 1, w);
    else if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')))
        snprintf(f, sizeof f, "%ses", w);
    else
        snprintf(f, sizeof f, "%ss", w);
    add_form(f, w, NOUN, 0);
}

/* Reads index.<pos>: the first field of each line is a lemma (underscores join words). */
static void read_wn_index(const char *name, unsigned bit, int wnpos)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", SetSearchdir(), name);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "gen_wordnet: cannot open %s (is wordnet-base installed?)\n", path);
        exit(1);
    }
    char line[8192];
    char **lemmas = NULL;
    size_t nl = 0, cl = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == ' ')
            continue;
        char *sp = strchr(line, ' ');
        if (!sp)
            continue;
        *sp = 0;
        if (!plain_word(line))
            continue;
        ent *e = get(line);
        e->pos |= bit;
        if (bit == P_VERB) {
            if (!e->vlemma) {
                e->vlemma = strdup(line);
                e->vform = VF_BASE;
            }
        }
        if (bit == P_NOUN && !e->nlemma)
            e->nlemma = strdup(line);
        if (bit == P_VERB || bit == P_NOUN) {
            if (nl == cl) {
                cl = cl ? cl * 2 : 4096;
                lemmas = realloc(lemmas, cl * sizeof *lemmas);
            }
            lemmas[nl++] = strdup(line);
        }
    }
    fclose(f);
    for (size_t i = 0; i < nl; i++) {
        if (wnpos == VERB)
            inflect_verb(lemmas[i]);
        else if (wnpos == NOUN)
            pluralise(lemmas[i]);
        free(lemmas[i]);
    }
    free(lemmas);
}

/* Reads an exception file: "form lemma [lemma...]"; keeps what morphstr confirms. */
static void read_exc(const char *name, int wnpos)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", SetSearchdir(), name);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "gen_wordnet: cannot open %s\n", path);
        exit(1);
    }
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        char form[256], lemma[256];
        if (sscanf(line, "%255s %255s", form, lemma) != 2 || !plain_word(form) || !plain_word(lemma))
            continue;
        size_t n = strlen(form);
        unsigned vf = (n > 4 && strcmp(form + n - 3, "ing") == 0) ? VF_ING : VF_PAST;
        add_form(form, lemma, wnpos, vf);
    }
    fclose(f);
}

static void read_function_words(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(1);
    }
    char line[256];
    int header = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        if (!header) {
            header = 1;
            continue;
        }
        char *tab = strchr(line, '\t');
        if (tab)
            *tab = 0;
        if (plain_word(line))
            get(line)->pos |= P_FUNC;
    }
    fclose(f);
}

static void put_c_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', out);
        fputc(*s, out);
    }
    fputs("\\0\"", out);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gen_wordnet OUT.c FUNCTION-WORDS.tsv\n");
        return 2;
    }
    bucket_head = malloc(NB * sizeof *bucket_head);
    for (size_t i = 0; i < NB; i++)
        bucket_head[i] = -1;
    if (wninit() != 0) {
        fprintf(stderr, "gen_wordnet: cannot open the WordNet database (install wordnet-base)\n");
        return 1;
    }
    read_wn_index("index.verb", P_VERB, VERB);
    read_wn_index("index.noun", P_NOUN, NOUN);
    read_wn_index("index.adj", P_ADJ, ADJ);
    read_wn_index("index.adv", P_ADV, ADV);
    read_exc("verb.exc", VERB);
    read_exc("noun.exc", NOUN);
    read_function_words(argv[2]);

    /* String pool offsets. */
    FILE *out = fopen(argv[1], "w");
    if (!out) {
        perror(argv[1]);
        return 1;
    }
    fprintf(out, "/* Generated by tools/gen_wordnet.c from WordNet %s: do not edit. */\n", wnrelease);
    fprintf(out, "#include <stdint.h>\n\n");
    /* Pool: every word, then lemmas are referenced by the offset of their own word entry
     * when they are words themselves (they always are), so each string is stored once. */
    uint32_t *off = malloc(nents * sizeof *off);
    uint32_t pos = 0;
    fprintf(out, "const char dl_wn_pool[] =\n");
    for (size_t i = 0; i < nents; i++) {
        off[i] = pos;
        pos += (uint32_t)strlen(ents[i].word) + 1;
        put_c_string(out, ents[i].word);
        fputc('\n', out);
    }
    fprintf(out, ";\n\n");
    nslots = 1;
    while (nslots < nents * 2)
        nslots <<= 1;
    slots = calloc(nslots, sizeof *slots);
    for (size_t i = 0; i < nents; i++) {
        size_t j = hash(ents[i].word) & (nslots - 1);
        while (slots[j])
            j = (j + 1) & (nslots - 1);
        slots[j] = (uint32_t)i + 1;
    }
    fprintf(out, "/* word, verb lemma, noun lemma (pool offsets; UINT32_MAX: none), pos, verb form,\n"
                 " * length of the word (at most 255) */\n");
    fprintf(out, "const struct { uint32_t w, v, n; uint8_t pos, vf, len; } dl_wn_ent[] = {\n");
    for (size_t i = 0; i < nents; i++) {
        ent *v = ents[i].vlemma ? find(ents[i].vlemma) : NULL;
        ent *nn = ents[i].nlemma ? find(ents[i].nlemma) : NULL;
        size_t len = strlen(ents[i].word);
        fprintf(out, "{%u,%u,%u,%u,%u,%zu},\n", off[i], v ? off[v - ents] : UINT32_MAX,
                nn ? off[nn - ents] : UINT32_MAX, ents[i].pos, ents[i].vform, len < 255 ? len : 255);
    }
    fprintf(out, "};\n\nconst uint32_t dl_wn_nslots = %zu;\n", nslots);
    fprintf(out, "/* open addressing, dl_hash, linear probing: hash << 32 | entry index + 1; 0 empty */\n");
    fprintf(out, "const uint64_t dl_wn_slots[] = {");
    for (size_t i = 0; i < nslots; i++) {
        if (i % 8 == 0)
            fputc('\n', out);
        uint64_t v = slots[i] ? ((uint64_t)hash(ents[slots[i] - 1].word) << 32) | slots[i] : 0;
        fprintf(out, "0x%llxull,", (unsigned long long)v);
    }
    fprintf(out, "\n};\n");
    if (fclose(out)) {
        perror(argv[1]);
        return 1;
    }
    fprintf(stderr, "gen_wordnet: %zu words\n", nents);
    return 0;
}
