/*
 * export_dot.c - the actor-relationship graph, built with Graphviz's cgraph and written
 * as DOT by agwrite (never printed by hand). render.c lays the same graph out with gvc;
 * this file does not use gvc, so writing DOT loads no font library.
 *
 * What the graph holds:
 *   - one node per actor that takes part in a dated event, named by its canonical name,
 *     with the attributes type, country, role and a visible label; shape by type;
 *   - people, organisations and groups of a country inside a cluster_<ISO3> subgraph,
 *     together with the country's own node when the graph has it;
 *   - one edge per (source, target, relation, QuadClass, negation) with weight = number
 *     of events and a penwidth growing with it; colour by QuadClass from ColorBrewer's
 *     colour-blind-safe RdBu (cooperation blue, conflict red, verbal lighter and dashed);
 *     a short label ("visit 2024-06-18"); the evidence sentences as tooltip (shown by SVG
 *     viewers); machine-readable attributes relation, cameo, quad_class, goldstein,
 *     dates, start, end, events;
 *   - events without a target (a launch, a statement) on their actor: in the node's
 *     tooltip and its solo_events attribute, and with opts->event_nodes as small note
 *     nodes linked to it. An event with a target but no source goes on its target;
 *   - a legend, an HTML-like graph label, explaining the shapes and colours present.
 *
 * Only dated events are drawn, as on the timeline CSV by default: every edge label says
 * when, and an undated edge would claim a relation the timeline does not show.
 *
 * Escaping: label and tooltip are Graphviz escString attributes, where \N, \n, \l... are
 * escapes, so backslashes in the text are doubled here; cgraph quotes the rest (and only
 * the legend is made an HTML string: a name that looks like <b>x</b> stays text).
 * Graphviz 2.43 reads "\\" in a quoted string as two characters and "\"" as a quote, and
 * agwrite writes a '"' of a value as \" after whatever precedes it: an odd run of
 * backslashes before a quote or at the end of a value cannot be written so that it reads
 * back (the file would not even parse). The last backslash of such a run becomes U+29F5
 * REVERSE SOLIDUS OPERATOR, which looks the same; escString values (doubled backslashes)
 * never need it.
 *
 * Determinism: nodes, clusters and edges are created in sorted order, and the graph uses
 * sequential object ids: cgraph's default ids are string addresses, and it orders
 * subgraphs by id, which would put the clusters (and so the DOT text and the layout) in
 * heap-address order.
 */
#include <graphviz/cgraph.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static pthread_mutex_t graphviz_lock = PTHREAD_MUTEX_INITIALIZER;

void dl_graphviz_lock(void)
{
    pthread_mutex_lock(&graphviz_lock);
}

void dl_graphviz_unlock(void)
{
    pthread_mutex_unlock(&graphviz_lock);
}

/* ---------------------------------------------------------------- sequential ids */

typedef struct seqids {
    Agraph_t *g;
    dl_map *map;            /* name -> index into names */
    char **names;           /* cgraph strings: agwrite reads their header to tell HTML */
    size_t n, cap;
    IDTYPE anon;            /* next anonymous id (odd, as cgraph's own) */
} seqids;

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
    DL_UNUSED(disc);
    seqids *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->g = g;
    s->anon = 1;
    if (!(s->map = dl_map_new())) {
        free(s);
        return NULL;
    }
    return s;
}

/* Named objects get even ids 2, 4, 6... in order of first use; a failed allocation
 * returns 0, which makes agnode/agsubg/agedge return NULL. */
static long ids_map(void *state, int objtype, char *str, IDTYPE *id, int create)
{
    seqids *s = state;
    DL_UNUSED(objtype);
    if (!s)
        return 0;
    if (!str) {
        *id = s->anon;
        s->anon += 2;
        return 1;
    }
    size_t len = strlen(str);
    uint32_t v;
    if (dl_map_get(s->map, str, len, &v)) {
        *id = 2 * ((IDTYPE)v + 1);
        return 1;
    }
    if (!create || s->n >= UINT32_MAX || DL_GROW(s->names, s->cap, s->n + 1))
        return 0;
    char *copy = agstrdup(s->g, str);
    if (!copy)
        return 0;
    if (dl_map_put(s->map, str, len, (uint32_t)s->n)) {
        agstrfree(s->g, copy);
        return 0;
    }
    s->names[s->n++] = copy;
    *id = 2 * (IDTYPE)s->n;
    return 1;
}

/* Objects with an id chosen by the caller (agidnode) are not used here: refuse them. */
static long ids_alloc(void *state, int objtype, IDTYPE id)
{
    DL_UNUSED(state);
    DL_UNUSED(objtype);
    DL_UNUSED(id);
    return 0;
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
    DL_UNUSED(state);
    DL_UNUSED(objtype);
    DL_UNUSED(id);      /* names live until the graph closes its strings */
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
    seqids *s = state;
    DL_UNUSED(objtype);
    if (!s || id == 0 || (id & 1) || id / 2 > s->n)
        return NULL;
    return s->names[id / 2 - 1];
}

static void ids_close(void *state)
{
    seqids *s = state;
    if (!s)
        return;
    free(s->names);     /* the strings go with the graph's string dictionary */
    dl_map_free(s->map);
    free(s);
}

static void ids_register(void *state, int objtype, void *obj)
{
    DL_UNUSED(state);
    DL_UNUSED(objtype);
    DL_UNUSED(obj);
}

static Agiddisc_t seq_ids = {ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close,
                             ids_register};
static Agdisc_t graph_disc = {&AgMemDisc, &seq_ids, &AgIoDisc};

/* ---------------------------------------------------------------- visual vocabulary */

/* By QuadClass (0 unknown, 1 verbal cooperation, 2 material cooperation, 3 verbal
 * conflict, 4 material conflict): line colour from ColorBrewer RdBu (6 classes), label
 * colour the dark end of the same hue so that text stays readable, and a dash for the
 * verbal classes, a cue that survives grey-scale printing and colour blindness. */
static const struct {
    const char *line, *text, *style, *name, *glyph;
} QUAD[5] = {
    {"#969696", "#525252", "solid", "unclassified", "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81"},
    {"#67a9cf", "#2166ac", "dashed", "verbal cooperation", "\xe2\x95\x8d\xe2\x95\x8d\xe2\x95\x8d"},
    {"#2166ac", "#2166ac", "solid", "material cooperation", "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81"},
    {"#ef8a62", "#b2182b", "dashed", "verbal conflict", "\xe2\x95\x8d\xe2\x95\x8d\xe2\x95\x8d"},
    {"#b2182b", "#b2182b", "solid", "material conflict", "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81"},
};
/* Legend order: cooperation to conflict. */
static const int QUAD_ORDER[5] = {2, 1, 3, 4, 0};

/* By actor type; the glyph stands for the shape in the legend (DejaVu Sans has them). */
enum { T_PERSON, T_COUNTRY, T_ORG, T_GROUP, T_PLACE, T_OTHER, T_EVENT, NTYPES };
static const struct {
    const char *type, *shape, *fill, *legend, *glyph;
} TYPE[NTYPES] = {
    {"person", "ellipse", "#ffffff", "person", "\xe2\x97\xaf"},              /* ◯ */
    {"country", "box", "#e8e8e8", "country", "\xe2\x96\xad"},                /* ▭ */
    {"organization", "hexagon", "#fff7e0", "organisation", "\xe2\xac\xa1"},  /* ⬡ */
    {"group", "pentagon", "#f3ecf7", "group", "\xe2\xac\xa0"},               /* ⬠ */
    {"place", "house", "#eef5e9", "place", "\xe2\x8c\x82"},                  /* ⌂ */
    {"", "ellipse", "#ffffff", "other actor", "\xe2\x97\xaf"},
    {"event", "note", "#fffff0", "event without a target", "\xe2\x96\xa4"},    /* ▤ */
};

static int type_index(const char *t)
{
    for (int i = 0; i < T_OTHER; i++)
        if (t && !strcmp(t, TYPE[i].type))
            return i;
    return T_OTHER;
}

#define FONT "Helvetica"
#define MAX_EVIDENCE 6          /* sentences listed in one tooltip */
#define MAX_SENTENCE 280        /* bytes of one evidence sentence */
#define WRAP_LABEL 22           /* node labels longer than this wrap at spaces */

/* ---------------------------------------------------------------- text helpers */

/* Bytes put_esc copies as they are: not white space, control, DEL or a backslash. */
static const unsigned char PLAIN[256] = {
#define R16(x) x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x
    R16(0), R16(0), 0,                                              /* 0 - ' ' */
    R16(1), R16(1), R16(1), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,        /* '!' - '[' */
    0,                                                              /* '\\' */
    R16(1), R16(1), 1, 1,                                           /* ']' - '~' */
    0,                                                              /* DEL */
    R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1)  /* 0x80 - 0xff */
#undef R16
};

/* Whether the output p..o ends with an escString "\n", after which put_esc drops a space. */
static int after_newline(const char *p, const char *o)
{
    return o - p >= 2 && o[-2] == '\\' && o[-1] == 'n';
}

/* Whether the 8 bytes at s can be copied as they are in the middle of a run of plain
 * bytes: plain bytes and single spaces, the last one not a space (then each space lies
 * between two plain bytes). Tested a word at a time: most of the text is such bytes. */
static int plain8(const char *s)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t L = 0x0101010101010101u, H = 0x8080808080808080u;
    uint64_t w, x, y, z;
    memcpy(&w, s, 8);
    x = w ^ (0x5c * L);
    y = w ^ (0x7f * L);
    if (((w - 0x20 * L) & ~w & H) | ((x - L) & ~x & H) | ((y - L) & ~y & H))
        return 0;       /* a control byte, a backslash or DEL */
    z = w ^ (0x20 * L);
    uint64_t sp = ~(((z & ~H) + ~H) | z | ~H);     /* 0x80 in each space */
    return !(sp & (sp >> 8)) && !(sp >> 56);
#else
    DL_UNUSED(s);
    return 0;
#endif
}

/* Appends s (n bytes) to b for an escString attribute: backslashes doubled, runs of
 * white space (line breaks, tabs) made one space, other control characters dropped. */
static void put_esc(dl_buf *b, const char *s, size_t n)
{
    /* at most two bytes out per byte in: room once, then a plain loop */
    if (dl_buf_reserve(b, 2 * n))
        return;
    char *o = b->p + b->len;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (PLAIN[c]) {    /* most bytes */
            if (space) {
                size_t len = (size_t)(o - b->p);
                if (len && o[-1] != ' ' && !(len >= 2 && o[-2] == '\\' && o[-1] == 'n'))
                    *o++ = ' ';
                space = 0;
            }
            /* the rest of their run, and the single spaces between its words, copied
             * without the tests below (a space between two plain bytes is kept, unless
             * it follows a "\n": the test above) */
            *o++ = (char)c;
            size_t j = i + 1;
            for (;;) {
                if (!after_newline(b->p, o))
                    while (j + 8 <= n && plain8(s + j)) {
                        memcpy(o, s + j, 8);
                        o += 8;
                        j += 8;
                    }
                while (j < n && PLAIN[(unsigned char)s[j]])
                    *o++ = s[j++];
                if (j + 1 < n && s[j] == ' ' && PLAIN[(unsigned char)s[j + 1]] && !after_newline(b->p, o)) {
                    *o++ = ' ';
                    *o++ = s[j + 1];
                    j += 2;
                    continue;
                }
                break;
            }
            i = j - 1;
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
            space = 1;
            continue;
        }
        if (c < 0x20 || c == 0x7f)
            continue;
        if (space) {
            size_t len = (size_t)(o - b->p);
            if (len && o[-1] != ' ' && !(len >= 2 && o[-2] == '\\' && o[-1] == 'n'))
                *o++ = ' ';
            space = 0;
        }
        *o++ = '\\';   /* a backslash, doubled */
        *o++ = '\\';
    }
    b->len = (size_t)(o - b->p);
    b->p[b->len] = 0;
}

/* v in decimal, as printf's %zu, at the end of buf (24 bytes); returns its start. Labels
 * and tooltips are made per edge: no printf for them. */
static const char *count_str(char *buf, size_t v)
{
    char *p = buf + 23;
    *p = 0;
    do
        *--p = (char)('0' + v % 10);
    while (v /= 10);
    return p;
}

static void put_count(dl_buf *b, size_t v)
{
    char d[24];
    dl_buf_puts(b, count_str(d, v));
}

static void puts_esc(dl_buf *b, const char *s)
{
    put_esc(b, s, strlen(s));
}

#define RSO "\xe2\xa7\xb5"      /* U+29F5, a backslash look-alike */

/* s, or a copy in tmp in which the last backslash of every odd run of backslashes before
 * a quote or the end is U+29F5 (see the top of the file). */
static const char *dot_safe(dl_buf *tmp, const char *s)
{
    int need = 0;
    /* most values hold no backslash: found (or not) by strchr, not a byte loop */
    for (const char *p = strchr(s, '\\'); p && !need; p = strchr(p, '\\')) {
        const char *q = p;
        while (*q == '\\')
            q++;
        need = ((q - p) & 1) && (*q == '"' || *q == 0);
        p = q;
    }
    if (!need)
        return s;
    dl_buf_clear(tmp);
    for (const char *p = s; *p; p++) {
        if (*p != '\\') {
            dl_buf_putc(tmp, *p);
            continue;
        }
        const char *q = p;
        while (*q == '\\')
            q++;
        size_t k = (size_t)(q - p);
        int odd_end = (k & 1) && (*q == '"' || *q == 0);
        dl_buf_append(tmp, p, odd_end ? k - 1 : k);
        if (odd_end)
            dl_buf_puts(tmp, RSO);
        p = q - 1;
    }
    return tmp->oom ? "" : tmp->p;
}

/* Appends s to b for an HTML-like label. */
static void put_html(dl_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': dl_buf_puts(b, "&amp;"); break;
        case '<': dl_buf_puts(b, "&lt;"); break;
        case '>': dl_buf_puts(b, "&gt;"); break;
        case '"': dl_buf_puts(b, "&quot;"); break;
        default:
            if ((unsigned char)*s >= 0x20)
                dl_buf_putc(b, *s);
        }
    }
}

/* The length of at most max bytes of s that ends on a UTF-8 character boundary. */
static size_t utf8_clip(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

/* The number of characters (code points) of s[0..n). */
static size_t utf8_len(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* A node label: the name, wrapped at spaces into lines of about WRAP_LABEL characters
 * when it is longer than that. */
static void put_label(dl_buf *b, const char *name)
{
    size_t n = strlen(name);
    if (utf8_len(name, n) <= WRAP_LABEL) {
        put_esc(b, name, n);
        return;
    }
    size_t line = 0;
    const char *p = name;
    while (*p) {
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        size_t w = utf8_len(p, (size_t)(e - p));
        if (line && line + 1 + w > WRAP_LABEL - 4) {
            dl_buf_puts(b, "\\n");
            line = 0;
        } else if (line) {
            dl_buf_putc(b, ' ');
            line++;
        }
        put_esc(b, p, (size_t)(e - p));
        line += w;
        p = e;
        while (*p == ' ')
            p++;
    }
}

/* A TIMEX3 date value for people: "2023-WI" -> "winter 2023/24", "199" -> "1990s",
 * "19" -> "19xx", with its modifier ("BEFORE" -> "before ..."); other values as they are. */
static void put_human_date(dl_buf *b, const char *v, const char *mod)
{
    static const struct { const char *mod, *word; } MODS[] = {
        {"BEFORE", "before "}, {"ON_OR_BEFORE", "by "}, {"AFTER", "after "},
        {"ON_OR_AFTER", "from "}, {"APPROX", "c. "}, {"START", "early "}, {"MID", "mid "},
        {"END", "late "}, {"LESS_THAN", "under "}, {"MORE_THAN", "over "},
    };
    if (mod && mod[0])
        for (size_t i = 0; i < DL_COUNT(MODS); i++)
            if (!strcmp(mod, MODS[i].mod)) {
                dl_buf_puts(b, MODS[i].word);
                break;
            }
    size_t n = strlen(v);
    int digits = 1;
    for (size_t i = 0; i < n && i < 4; i++)
        if (v[i] < '0' || v[i] > '9')
            digits = 0;
    if (digits && n == 3) {
        dl_buf_printf(b, "%s0s", v);
        return;
    }
    if (digits && n == 2) {
        dl_buf_printf(b, "%sxx", v);
        return;
    }
    static const struct { const char *value, *words; } REFS[] = {
        {"PRESENT_REF", "now"}, {"PAST_REF", "in the past"}, {"FUTURE_REF", "in future"},
    };
    for (size_t i = 0; !digits && i < DL_COUNT(REFS); i++)   /* (words, not dates) */
        if (!strcmp(v, REFS[i].value)) {
            dl_buf_puts(b, REFS[i].words);
            return;
        }
    static const struct { const char *code, *name; } SEASONS[] = {
        {"SP", "spring"}, {"SU", "summer"}, {"FA", "autumn"}, {"WI", "winter"},
    };
    if (digits && n == 7 && v[4] == '-')
        for (size_t i = 0; i < DL_COUNT(SEASONS); i++)
            if (!strcmp(v + 5, SEASONS[i].code)) {
                if (i == 3) {
                    int y = atoi(v);
                    dl_buf_printf(b, "winter %d/%02d", y, (y + 1) % 100);
                } else {
                    dl_buf_printf(b, "%s %.4s", SEASONS[i].name, v);
                }
                return;
            }
    put_esc(b, v, n);
}

/* The sentence of an event, or its trigger when the sentence is unknown. */
static void put_evidence(dl_buf *b, const dl_doc *d, const dl_event *e)
{
    if (e->sentence >= 0 && (size_t)e->sentence < d->nsent && d->text) {
        const dl_sentence *s = &d->sent[e->sentence].pub;
        size_t n = s->byte_end - s->byte_start;
        size_t m = utf8_clip(d->text + s->byte_start, n, MAX_SENTENCE);
        put_esc(b, d->text + s->byte_start, m);
        if (m < n)
            dl_buf_puts(b, "\xe2\x80\xa6");
    } else if (e->trigger && e->trigger[0]) {
        dl_buf_puts(b, "\xe2\x80\x9c");
        puts_esc(b, e->trigger);
        dl_buf_puts(b, "\xe2\x80\x9d");
    }
}

/* ---------------------------------------------------------------- collecting
 *
 * A graph builder copies out of each document what the graph shows, so that a corpus
 * need not be kept: per dated event a record of nine numbers (strings are interned:
 * dates, codes and relations repeat), per node the first record of its actor, and per
 * group of events (an edge, or the events without a target of a node) the evidence lines
 * its tooltip can list. Which lines those are depends on the group's order (by date, then
 * document and place), known only at the end; but only the first MAX_EVIDENCE distinct
 * ones (and whether there are more) are shown, so each group keeps the MAX_EVIDENCE + 1
 * distinct lines that come first in that order so far, which the rest can no longer
 * displace. dl_write_dot on documents builds the same way, so the two agree. */

#define MAX_CAND (MAX_EVIDENCE + 1)
#define DERIVED_ID UINT32_MAX       /* the event id is "<doc>-e<order + 1>" */

/* The evidence of a sentence, escaped; shared by the lines that show it. */
typedef struct etext {
    size_t refs;
    char s[];
} etext;

/* An evidence line a group may show: the first (in group order) of the events that share
 * its document, sentence and date. */
typedef struct cand {
    uint32_t start, date, doc, order;   /* its place in the group's order */
    uint32_t ident;                     /* the document, for telling lines apart */
    int sentence;
    uint32_t date_mod, modality;
    etext *text;                        /* the evidence; NULL for the last of MAX_CAND
                                         * lines, which is never shown */
} cand;

/* A dated event with an actor, decoded: its place in its group's order and what the
 * graph writes of it. */
typedef struct grec {
    uint32_t doc, order;       /* document (input order) and the event's place in it */
    uint32_t start, date, date_mod, cameo, gold;  /* strings; gold: index of its goldstein */
    uint32_t id;               /* string, or DERIVED_ID */
} grec;

/* A group: events of one owner, other node, relation, class and negation. Its events are
 * kept encoded, a few bytes each (a corpus has millions): in input order, as varints, the
 * document as a difference from the previous one's, and the strings only when they
 * change. */
typedef struct ggroup {
    int owner, other;          /* nodes in order of first sight; other -1: no target */
    uint32_t relation;
    int quad_class, negated;
    size_t nr;
    unsigned char *ev;         /* the events, encoded */
    size_t evlen, evcap;
    grec prev;                 /* the last event added (for the encoding) */
    uint32_t first_start, first_date, first_doc, first_order;   /* the first in group order */
    uint32_t end;              /* the latest end of its events, or 0 */
    /* the event with the latest end (or start, when it has no end) and, among equals, the
     * first in group order: the legend's last date */
    uint32_t last_t, last_start, last_date, last_doc, last_order;
    cand *cand;
    int ncand;
    int worst;                 /* with MAX_CAND lines: the one last in group order */
} ggroup;

typedef struct gnode {
    const char *name;          /* the node id: the canonical name, made safe for DOT */
    const char *aname, *type, *country, *role;    /* the first record of the actor met */
    int keep;
    Agnode_t *n;
} gnode;

struct dl_graph_builder {
    dl_arena *arena;           /* interned strings and names */
    dl_map *strmap;            /* string -> id */
    const char **str;          /* id -> string; 0 is "" */
    size_t nstr, capstr;
    unsigned char *dated;      /* id -> whether it is some event's start or date */
    size_t ndated, capdated;
    dl_map *goldmap;           /* the bytes of a double -> index */
    double *gold;
    size_t ngold, capgold;
    gnode *node;
    size_t nnode, capnode;
    dl_map *byname;            /* actor name -> node */
    ggroup *grp;
    size_t ngrp, capgrp;
    dl_map *grpmap;            /* (owner, other, relation, class, negation) -> group */
    const char **docname;      /* document index -> name (interned) */
    size_t ndoc, capdoc;
    dl_map *countries;         /* ISO code -> the name of the first country actor with it */
    etext **stext;             /* the current document's evidence, by sentence */
    size_t nstext, capstext;
    dl_buf scratch, fix;
    /* the current document's actors met, by address: most events share theirs with
     * others of the document (valid while it is added: its actors do not move meanwhile) */
    struct { const dl_actor *a; int node; } seen_act[64];
    int oom;
    int consume;               /* the next graph is the last: free groups as they are used */
    int used_up;               /* a graph consumed it */
};

/* The id of string s (NULL is ""), interned; 0 on allocation failure (sets oom). */
static uint32_t intern(dl_graph_builder *gb, const char *s)
{
    if (!s || !s[0])
        return 0;
    size_t n = strlen(s);
    uint32_t v;
    if (dl_map_get(gb->strmap, s, n, &v))
        return v;
    char *copy = dl_arena_strndup(gb->arena, s, n);
    if (!copy || gb->nstr >= UINT32_MAX - 1 || DL_GROW(gb->str, gb->capstr, gb->nstr + 1) ||
        dl_map_put(gb->strmap, s, n, (uint32_t)gb->nstr)) {
        gb->oom = 1;
        return 0;
    }
    gb->str[gb->nstr] = copy;
    return (uint32_t)gb->nstr++;
}

static uint32_t gold_of(dl_graph_builder *gb, double g)
{
    uint32_t v;
    if (dl_map_get(gb->goldmap, (const char *)&g, sizeof g, &v))
        return v;
    if (DL_GROW(gb->gold, gb->capgold, gb->ngold + 1) ||
        dl_map_put(gb->goldmap, (const char *)&g, sizeof g, (uint32_t)gb->ngold)) {
        gb->oom = 1;
        return 0;
    }
    gb->gold[gb->ngold] = g;
    return (uint32_t)gb->ngold++;
}

static void release(etext *t)
{
    if (t && --t->refs == 0)
        free(t);
}

dl_graph_builder *dl_graph_builder_new(dl_error *err)
{
    dl_graph_builder *gb = calloc(1, sizeof *gb);
    if (!gb || !(gb->arena = dl_arena_new()) || !(gb->strmap = dl_map_new()) ||
        !(gb->goldmap = dl_map_new()) || !(gb->byname = dl_map_new()) ||
        !(gb->grpmap = dl_map_new()) || !(gb->countries = dl_map_new()) ||
        DL_GROW(gb->str, gb->capstr, 1)) {
        dl_graph_builder_free(gb);
        dl_fail(err, DL_ENOMEM, "out of memory");
        return NULL;
    }
    gb->str[gb->nstr++] = "";
    dl_buf_init(&gb->scratch);
    dl_buf_init(&gb->fix);
    return gb;
}

void dl_graph_builder_free(dl_graph_builder *gb)
{
    if (!gb)
        return;
    for (size_t i = 0; i < gb->ngrp; i++) {
        for (int k = 0; k < gb->grp[i].ncand; k++)
            release(gb->grp[i].cand[k].text);
        free(gb->grp[i].cand);
        free(gb->grp[i].ev);
    }
    free(gb->grp);
    free(gb->node);
    free(gb->str);
    free(gb->dated);
    free(gb->gold);
    free(gb->docname);
    for (size_t k = 0; k < gb->nstext; k++)
        release(gb->stext[k]);
    free(gb->stext);
    dl_map_free(gb->strmap);
    dl_map_free(gb->goldmap);
    dl_map_free(gb->byname);
    dl_map_free(gb->grpmap);
    dl_map_free(gb->countries);
    dl_buf_free(&gb->scratch);
    dl_buf_free(&gb->fix);
    dl_arena_free(gb->arena);
    free(gb);
}

/* The node of actor a, added on first sight (with a copy of its record); -1 on allocation
 * failure. */
static int node_of(dl_graph_builder *gb, const dl_actor *a)
{
    const char *name = a->name ? a->name : "";
    uint32_t v;
    if (dl_map_get(gb->byname, name, strlen(name), &v))
        return (int)v;
    if (gb->nnode >= INT32_MAX || DL_GROW(gb->node, gb->capnode, gb->nnode + 1) ||
        dl_map_put(gb->byname, name, strlen(name), (uint32_t)gb->nnode))
        return -1;
    const char *safe = dot_safe(&gb->fix, name);
    if (!(safe = dl_arena_strdup(gb->arena, safe)))
        return -1;
    /* (ids first: interning may move gb->str) */
    uint32_t an = intern(gb, name), ty = intern(gb, a->type), co = intern(gb, a->country),
             ro = intern(gb, a->role);
    if (gb->oom)
        return -1;
    gb->node[gb->nnode] = (gnode){.name = safe, .aname = gb->str[an], .type = gb->str[ty],
                                  .country = gb->str[co], .role = gb->str[ro]};
    return (int)gb->nnode++;
}

/* node_of(gb, a) for an actor of the document being added. */
static int node_of_doc(dl_graph_builder *gb, const dl_actor *a)
{
    size_t h = ((uintptr_t)a / sizeof(void *)) % DL_COUNT(gb->seen_act);
    if (gb->seen_act[h].a != a) {
        int v = node_of(gb, a);
        if (v < 0)
            return v;
        gb->seen_act[h].node = v;
        gb->seen_act[h].a = a;
    }
    return gb->seen_act[h].node;
}

/* The group of a key; -1 on allocation failure. */
static long group_of(dl_graph_builder *gb, int owner, int other, uint32_t relation, int quad, int neg)
{
    int32_t key[5] = {owner, other, (int32_t)relation, quad, neg};
    uint32_t v;
    if (dl_map_get(gb->grpmap, (const char *)key, sizeof key, &v))
        return v;
    if (gb->ngrp >= UINT32_MAX - 1 || DL_GROW(gb->grp, gb->capgrp, gb->ngrp + 1) ||
        dl_map_put(gb->grpmap, (const char *)key, sizeof key, (uint32_t)gb->ngrp))
        return -1;
    gb->grp[gb->ngrp] = (ggroup){.owner = owner, .other = other, .relation = relation,
                                 .quad_class = quad, .negated = neg};
    return (long)gb->ngrp++;
}

/* The group order of two places: the first day (open starts last), the value, then the
 * document and the event's place in it. */
static int cmp_place(const dl_graph_builder *gb, uint32_t as, uint32_t ad, uint32_t adoc, uint32_t aord,
                     uint32_t bs, uint32_t bd, uint32_t bdoc, uint32_t bord)
{
    if (!as != !bs)
        return as ? -1 : 1;
    int r;
    if (as != bs && (r = strcmp(gb->str[as], gb->str[bs])))
        return r;
    if (ad != bd && (r = strcmp(gb->str[ad], gb->str[bd])))
        return r;
    if (adoc != bdoc)
        return adoc < bdoc ? -1 : 1;
    return (aord > bord) - (aord < bord);
}

static int cand_before(const dl_graph_builder *gb, const cand *a, const cand *b)
{
    return cmp_place(gb, a->start, a->date, a->doc, a->order, b->start, b->date, b->doc, b->order) < 0;
}

/* The evidence line of e as put_evidence_lines writes it after ": " (a reference). The
 * lines of one sentence share it. */
static etext *evidence_text(dl_graph_builder *gb, const dl_doc *d, const dl_event *e)
{
    int shared = e->sentence >= 0 && (size_t)e->sentence < gb->nstext;
    if (shared && gb->stext[e->sentence]) {
        gb->stext[e->sentence]->refs++;
        return gb->stext[e->sentence];
    }
    dl_buf *b = &gb->scratch;
    dl_buf_clear(b);
    dl_buf_puts(b, ": ");
    put_evidence(b, d, e);
    etext *t = b->oom ? NULL : malloc(sizeof *t + b->len - 1);
    if (!t)
        return NULL;
    t->refs = 1;
    memcpy(t->s, b->p + 2, b->len - 1);
    if (shared) {
        gb->stext[e->sentence] = t;
        t->refs++;
    }
    return t;
}

/* The worst (last in group order) of g's lines. */
static int worst_cand(const dl_graph_builder *gb, const ggroup *g)
{
    int w = 0;
    for (int k = 1; k < g->ncand; k++)
        if (cand_before(gb, &g->cand[w], &g->cand[k]))
            w = k;
    return w;
}

/* Keeps the first MAX_CAND distinct evidence lines of group g (see the top): the first
 * MAX_EVIDENCE with their text, the last only to know that there are more. */
static int offer(dl_graph_builder *gb, ggroup *g, const grec *r, uint32_t ident, const dl_doc *d,
                 const dl_event *e)
{
    cand c = {.start = r->start, .date = r->date, .doc = r->doc, .order = r->order, .ident = ident,
              .sentence = e->sentence, .date_mod = r->date_mod};
    int slot = -1;
    for (int k = 0; k < g->ncand && slot < 0; k++) {
        cand *o = &g->cand[k];
        if (o->ident == ident && o->sentence == c.sentence && o->date == c.date) {
            if (!cand_before(gb, &c, o))
                return 0;
            slot = k;       /* an earlier telling of the same line */
        }
    }
    if (slot < 0 && g->ncand == MAX_CAND) {
        slot = g->worst;
        if (!cand_before(gb, &c, &g->cand[slot]))
            return 0;       /* MAX_CAND lines come before it: the usual case in a corpus */
    }
    if (slot < 0) {
        /* one more at a time: most groups have a line or two, and there are many groups */
        cand *nc = realloc(g->cand, ((size_t)g->ncand + 1) * sizeof *nc);
        if (!nc)
            return -1;
        g->cand = nc;
        slot = g->ncand++;
        g->cand[slot].text = NULL;
    }
    release(g->cand[slot].text);
    c.modality = intern(gb, e->modality);
    g->cand[slot] = c;
    if (g->ncand == MAX_CAND) {
        int w = g->worst = worst_cand(gb, g);
        release(g->cand[w].text);
        g->cand[w].text = NULL;
        if (w == slot)
            return 0;
    }
    return (g->cand[slot].text = evidence_text(gb, d, e)) ? 0 : -1;
}

/* ---------------------------------------------------------------- events, encoded */

enum { EV_ID = 1, EV_SAME = 2 };    /* an id of its own; the strings of the previous event */

static unsigned char *put_varint(unsigned char *p, uint32_t v)
{
    while (v >= 0x80) {
        *p++ = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    *p++ = (unsigned char)v;
    return p;
}

static const unsigned char *get_varint(const unsigned char *p, uint32_t *v)
{
    uint32_t x = 0;
    for (int sh = 0;; sh += 7) {
        x |= (uint32_t)(*p & 0x7f) << sh;
        if (!(*p++ & 0x80))
            break;
    }
    *v = x;
    return p;
}

/* Appends r to g's events. 0, or -1 on allocation failure. */
static int encode(ggroup *g, const grec *r)
{
    if (g->evcap - g->evlen < 48) {
        size_t nc = g->evcap ? g->evcap + g->evcap / 2 + 48 : 48;
        unsigned char *ev = realloc(g->ev, nc);
        if (!ev)
            return -1;
        g->ev = ev;
        g->evcap = nc;
    }
    const grec *q = &g->prev;
    int same = g->nr > 0 && r->start == q->start && r->date == q->date && r->date_mod == q->date_mod &&
               r->cameo == q->cameo && r->gold == q->gold;
    unsigned char *p = g->ev + g->evlen;
    *p++ = (unsigned char)((r->id != DERIVED_ID ? EV_ID : 0) | (same ? EV_SAME : 0));
    p = put_varint(p, r->doc - q->doc);     /* documents come in order */
    p = put_varint(p, r->order);
    if (!same) {
        p = put_varint(p, r->start);
        p = put_varint(p, r->date);
        p = put_varint(p, r->date_mod);
        p = put_varint(p, r->cameo);
        p = put_varint(p, r->gold);
    }
    if (r->id != DERIVED_ID)
        p = put_varint(p, r->id);
    g->evlen = (size_t)(p - g->ev);
    g->prev = *r;
    return 0;
}

/* Decodes g's events into out (room for g->nr). */
static void decode(const ggroup *g, grec *out)
{
    const unsigned char *p = g->ev;
    grec q = {0};
    for (size_t i = 0; i < g->nr; i++) {
        unsigned h = *p++;
        uint32_t v;
        p = get_varint(p, &v);
        q.doc += v;
        p = get_varint(p, &q.order);
        if (!(h & EV_SAME)) {
            p = get_varint(p, &q.start);
            p = get_varint(p, &q.date);
            p = get_varint(p, &q.date_mod);
            p = get_varint(p, &q.cameo);
            p = get_varint(p, &q.gold);
        }
        q.id = DERIVED_ID;
        if (h & EV_ID)
            p = get_varint(p, &q.id);
        out[i] = q;
    }
}

/* Adds document d as the document of identity ident (documents that are one and the same
 * share it). */
static dl_status builder_add(dl_graph_builder *gb, const dl_doc *d, uint32_t ident, dl_error *err)
{
    if (gb->ndoc >= UINT32_MAX - 1 || DL_GROW(gb->docname, gb->capdoc, gb->ndoc + 1))
        return dl_fail(err, DL_ENOMEM, "out of memory");
    uint32_t di = (uint32_t)gb->ndoc;
    /* (names are many and never looked up: not interned) */
    const char *name = dl_arena_strdup(gb->arena, d->name ? d->name : "");
    if (!name)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    gb->docname[gb->ndoc++] = name;
    memset(gb->seen_act, 0, sizeof gb->seen_act);
    /* the first country actor of each code names its cluster */
    for (size_t j = 0; j < d->nact; j++) {
        const dl_actor *a = &d->act[j].pub;
        if (!a->type || strcmp(a->type, "country") || !a->country)
            continue;
        uint32_t v;
        if (!dl_map_get(gb->countries, a->country, strlen(a->country), &v) &&
            dl_map_put(gb->countries, a->country, strlen(a->country), intern(gb, a->name)))
            gb->oom = 1;
    }
    size_t nl = strlen(gb->docname[di]);
    /* the evidence of this document's sentences, made when first needed */
    if (DL_GROW(gb->stext, gb->capstext, d->nsent + 1))
        return dl_fail(err, DL_ENOMEM, "out of memory");
    gb->nstext = d->nsent;
    memset(gb->stext, 0, d->nsent * sizeof *gb->stext);
    for (size_t j = 0; j < d->nev && !gb->oom; j++) {
        const dl_event *e = &d->ev[j].pub;
        if (!e->date || !e->date[0])
            continue;
        const dl_actor *own = e->source ? e->source : e->target;
        const dl_actor *oth = e->source ? e->target : NULL;
        if (!own)
            continue;       /* nobody to put it on */
        if (oth && !strcmp(oth->name ? oth->name : "", own->name ? own->name : ""))
            oth = NULL;
        int o = node_of_doc(gb, own), t = oth ? node_of_doc(gb, oth) : -1;
        if (o < 0 || (oth && t < 0))
            return dl_fail(err, DL_ENOMEM, "out of memory");
        int neg = e->modality && !strcmp(e->modality, "negated");
        long g = group_of(gb, o, t, intern(gb, e->relation), e->quad_class, neg);
        if (g < 0 || j >= UINT32_MAX)
            return dl_fail(err, DL_ENOMEM, "out of memory");
        grec rec = {.doc = di, .order = (uint32_t)j, .start = intern(gb, e->start),
                    .date = intern(gb, e->date), .date_mod = intern(gb, e->date_mod),
                    .cameo = intern(gb, e->cameo), .gold = gold_of(gb, e->goldstein)};
        grec *r = &rec;
        /* (the graph ranks only these strings, to sort a group's events) */
        if (gb->ndated < gb->nstr) {
            if (DL_GROW(gb->dated, gb->capdated, gb->nstr))
                return dl_fail(err, DL_ENOMEM, "out of memory");
            memset(gb->dated + gb->ndated, 0, gb->nstr - gb->ndated);
            gb->ndated = gb->nstr;
        }
        gb->dated[r->start] = gb->dated[r->date] = 1;
        /* "<doc>-e<N>" need not be kept */
        char num[24], *ne = num + sizeof num, *np = ne;
        size_t v = j + 1;
        do
            *--np = (char)('0' + v % 10);
        while (v /= 10);
        size_t w = (size_t)(ne - np);
        if (e->id && !strncmp(e->id, gb->docname[di], nl) && e->id[nl] == '-' && e->id[nl + 1] == 'e' &&
            !strncmp(e->id + nl + 2, np, w) && e->id[nl + 2 + w] == 0)
            r->id = DERIVED_ID;
        else
            r->id = intern(gb, e->id);
        ggroup *gr = &gb->grp[g];
        if (encode(gr, r))
            return dl_fail(err, DL_ENOMEM, "out of memory");
        if (gr->nr == 0 || cmp_place(gb, r->start, r->date, r->doc, r->order, gr->first_start,
                                     gr->first_date, 0, 0) < 0) {
            gr->first_start = r->start;    /* (documents come in order: a tie stays) */
            gr->first_date = r->date;
            gr->first_doc = r->doc;
            gr->first_order = r->order;
        }
        gr->nr++;
        if (e->end && e->end[0] && strcmp(e->end, gb->str[gr->end]) > 0)
            gr->end = intern(gb, e->end);
        uint32_t lt = e->end && e->end[0] ? intern(gb, e->end) : r->start;
        if (lt) {
            int c = gr->last_t ? strcmp(gb->str[lt], gb->str[gr->last_t]) : 1;
            if (c > 0 || (c == 0 && cmp_place(gb, r->start, r->date, r->doc, r->order, gr->last_start,
                                              gr->last_date, gr->last_doc, gr->last_order) < 0)) {
                gr->last_t = lt;
                gr->last_start = r->start;
                gr->last_date = r->date;
                gr->last_doc = r->doc;
                gr->last_order = r->order;
            }
        }
        if (offer(gb, gr, r, ident, d, e))
            gb->oom = 1;
    }
    for (size_t k = 0; k < gb->nstext; k++)
        release(gb->stext[k]);
    gb->nstext = 0;
    if (gb->oom)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    return DL_OK;
}

dl_status dl_graph_builder_add(dl_graph_builder *gb, const dl_doc *d, dl_error *err)
{
    if (gb->oom)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    return builder_add(gb, d, (uint32_t)gb->ndoc, err);
}

void dl_graph_builder_consume(dl_graph_builder *gb)
{
    gb->consume = 1;
}

/* ---------------------------------------------------------------- the graph's order */

/* A group of the graph being built, in key order. */
typedef struct group {
    ggroup *g;
    int owner, other;       /* node indexes in name order; other -1: no target */
    size_t nr;
    int keep;
} group;

/* The events of the group last asked for, decoded and in group order. */
typedef struct reccache {
    const group *g;
    grec *v;
} reccache;

typedef struct ctx {
    dl_graph_builder *gb;
    gnode *node;            /* in name order */
    size_t nnode;
    reccache *rc;
    int event_nodes;        /* o->event_nodes: groups without a target are used twice */
    group *grp;
    size_t ngrp;
    uint32_t *srank;        /* string id -> rank in strcmp order */
    dl_buf b, t, fix;       /* scratch */
    Agraph_t *g;
    Agraph_t **clus;        /* the cluster of each node, or NULL */
} ctx;

static const char *S(const ctx *c, uint32_t id)
{
    return c->gb->str[id];
}

static int cmp_rec(const void *x, const void *y, void *arg);

/* In a builder's last graph, what a group holds is freed once the graph has it. */
static void used_up(const ctx *c, const group *g)
{
    if (!c->gb->consume)
        return;
    ggroup *gg = g->g;
    free(gg->ev);
    gg->ev = NULL;
    gg->evlen = gg->evcap = 0;
    for (int k = 0; k < gg->ncand; k++)
        release(gg->cand[k].text);
    free(gg->cand);
    gg->cand = NULL;
    gg->ncand = 0;
    if (c->rc->g == g)
        c->rc->g = NULL;
}

/* The events of group g, in group order (valid until another group's are asked for). */
static const grec *recs(const ctx *c, const group *g)
{
    reccache *rc = c->rc;
    if (rc->g != g) {
        decode(g->g, rc->v);
        if (g->nr > 1)
            qsort_r(rc->v, g->nr, sizeof *rc->v, cmp_rec, (void *)c);
        rc->g = g;
    }
    return rc->v;
}

/* Writes the id of record r. */
static void put_id(dl_buf *b, const ctx *c, const grec *r)
{
    if (r->id != DERIVED_ID) {
        dl_buf_puts(b, S(c, r->id));
        return;
    }
    dl_buf_puts(b, c->gb->docname[r->doc]);
    char num[24], *e = num + sizeof num, *p = e;
    unsigned long v = (unsigned long)r->order + 1;
    do
        *--p = (char)('0' + v % 10);
    while (v /= 10);
    *--p = 'e';
    *--p = '-';
    dl_buf_append(b, p, (size_t)(e - p));
}

typedef struct ranked {
    const char *s;
    uint32_t i;
} ranked;

/* By string, then first sight (as a stable sort would leave equals). */
static int cmp_ranked(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    int r = strcmp(a->s, b->s);
    return r ? r : (a->i > b->i) - (a->i < b->i);
}

/* Groups: by owner and other node (edges before events without a target), then by
 * relation, class and negation. */
static int cmp_group(const void *x, const void *y, void *arg)
{
    const group *a = x, *b = y;
    const ctx *c = arg;
    if (a->owner != b->owner)
        return a->owner < b->owner ? -1 : 1;
    unsigned ao = (unsigned)a->other, bo = (unsigned)b->other;   /* -1 last */
    if (ao != bo)
        return ao < bo ? -1 : 1;
    if (a->g->relation != b->g->relation) {
        int r = strcmp(S(c, a->g->relation), S(c, b->g->relation));
        if (r)
            return r;
    }
    if (a->g->quad_class != b->g->quad_class)
        return a->g->quad_class < b->g->quad_class ? -1 : 1;
    return a->g->negated - b->g->negated;
}

/* Records of one group: by date (first day, open starts last; value), then document and
 * place. */
static int cmp_rec(const void *x, const void *y, void *arg)
{
    const grec *a = x, *b = y;
    const ctx *c = arg;
    if (!a->start != !b->start)
        return a->start ? -1 : 1;
    if (a->start != b->start && c->srank[a->start] != c->srank[b->start])
        return c->srank[a->start] < c->srank[b->start] ? -1 : 1;
    if (a->date != b->date && c->srank[a->date] != c->srank[b->date])
        return c->srank[a->date] < c->srank[b->date] ? -1 : 1;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    return (a->order > b->order) - (a->order < b->order);
}

/* Puts the builder's nodes, groups and records in the graph's order. */
static dl_status order(ctx *c, dl_error *err)
{
    dl_graph_builder *gb = c->gb;
    size_t nn = gb->nnode, ns = gb->nstr, ng = gb->ngrp;
    ranked *rk = malloc((nn > ns ? nn : ns ? ns : 1) * sizeof *rk);
    int *rank = malloc((nn ? nn : 1) * sizeof *rank);
    c->node = malloc((nn ? nn : 1) * sizeof *c->node);
    c->srank = malloc((ns ? ns : 1) * sizeof *c->srank);
    c->grp = malloc((ng ? ng : 1) * sizeof *c->grp);
    if (!rk || !rank || !c->node || !c->srank || !c->grp) {
        free(rk);
        free(rank);
        return dl_fail(err, DL_ENOMEM, "out of memory");
    }
    /* nodes by name */
    for (size_t i = 0; i < nn; i++)
        rk[i] = (ranked){gb->node[i].name, (uint32_t)i};
    qsort(rk, nn, sizeof *rk, cmp_ranked);
    for (size_t i = 0; i < nn; i++) {
        rank[rk[i].i] = (int)i;
        c->node[i] = gb->node[rk[i].i];
        c->node[i].keep = 0;
        c->node[i].n = NULL;
    }
    c->nnode = nn;
    /* the starts and dates of events by strcmp (cmp_rec reads no other rank) */
    size_t nd = 0;
    for (size_t i = 0; i < ns; i++)
        if (i < gb->ndated && gb->dated[i])
            rk[nd++] = (ranked){gb->str[i], (uint32_t)i};
    qsort(rk, nd, sizeof *rk, cmp_ranked);
    for (size_t i = 0; i < nd; i++)
        c->srank[rk[i].i] = (uint32_t)i;
    free(rk);
    /* groups by key */
    for (size_t i = 0; i < ng; i++)
        c->grp[i] = (group){.g = &gb->grp[i], .owner = rank[gb->grp[i].owner],
                            .other = gb->grp[i].other >= 0 ? rank[gb->grp[i].other] : -1};
    free(rank);
    qsort_r(c->grp, ng, sizeof *c->grp, cmp_group, c);
    c->ngrp = ng;
    /* records by group, then date */
    /* room to decode the largest group; the groups' events without their spare room */
    size_t most = 1;
    for (size_t i = 0; i < ng; i++) {
        ggroup *q = c->grp[i].g;
        unsigned char *ev = q->evlen < q->evcap ? realloc(q->ev, q->evlen ? q->evlen : 1) : NULL;
        if (ev) {
            q->ev = ev;
            q->evcap = q->evlen ? q->evlen : 1;
        }
        c->grp[i].nr = c->grp[i].g->nr;
        if (c->grp[i].nr > most)
            most = c->grp[i].nr;
    }
    if (!(c->rc->v = malloc(most * sizeof *c->rc->v)))
        return dl_fail(err, DL_ENOMEM, "out of memory");
    return DL_OK;
}

/* ---------------------------------------------------------------- filtering */

typedef struct weighed {
    size_t nr, grp;         /* number of events, group index */
} weighed;

/* Heaviest first; among equals, in key order (no global state: threads may export). */
static int cmp_weight(const void *x, const void *y)
{
    const weighed *a = x, *b = y;
    if (a->nr != b->nr)
        return a->nr > b->nr ? -1 : 1;
    return (a->grp > b->grp) - (a->grp < b->grp);
}

/* min_weight and top choose the edges; the nodes are their ends. Events without a
 * target count against min_weight too; under top they stay only on nodes already kept. */
static dl_status filter(ctx *c, const dl_graph_opts *o, dl_error *err)
{
    size_t minw = o && o->min_weight > 1 ? (size_t)o->min_weight : 1;
    size_t top = o && o->top > 0 ? (size_t)o->top : 0;
    weighed *edges = malloc((c->ngrp ? c->ngrp : 1) * sizeof *edges);
    size_t ne = 0;
    if (!edges)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    for (size_t i = 0; i < c->ngrp; i++) {
        group *g = &c->grp[i];
        g->keep = g->nr >= minw;
        if (g->keep && g->other >= 0)
            edges[ne++] = (weighed){g->nr, i};
    }
    if (top && ne > top) {
        qsort(edges, ne, sizeof *edges, cmp_weight);
        for (size_t k = top; k < ne; k++)
            c->grp[edges[k].grp].keep = 0;
        ne = top;
    }
    for (size_t k = 0; k < ne; k++) {
        const group *g = &c->grp[edges[k].grp];
        c->node[g->owner].keep = c->node[g->other].keep = 1;
    }
    free(edges);
    for (size_t i = 0; i < c->ngrp; i++) {
        group *g = &c->grp[i];
        if (g->keep && g->other < 0) {
            if (top && !c->node[g->owner].keep)
                g->keep = 0;
            else
                c->node[g->owner].keep = 1;
        }
    }
    return DL_OK;
}

/* ---------------------------------------------------------------- building */

/* Sets an attribute, made safe for DOT. Each attribute of a node or an edge is set once,
 * on the new object, which has the default: a value equal to it is left alone, sparing
 * cgraph's string dictionary (compared with sym->defval, not with agxget's answer, which
 * costs a record lookup). On a subgraph agxset also declares the value locally, which
 * agwrite needs to write it (else the cluster would inherit the root's, such as the
 * legend). */
static void set(ctx *c, void *obj, Agsym_t *sym, const char *value)
{
    const char *v = dot_safe(&c->fix, value);
    if (AGTYPE(obj) == AGRAPH || strcmp(v, sym->defval))
        agxset(obj, sym, (char *)v);
}

/* Node and edge attributes, declared once with their defaults. */
typedef struct attrs {
    Agsym_t *n_label, *n_type, *n_country, *n_role, *n_shape, *n_fill, *n_tooltip,
        *n_solo, *n_relation, *n_cameo, *n_quad, *n_dates, *n_events, *n_fontsize,
        *n_color, *n_fontcolor, *n_margin;
    Agsym_t *e_label, *e_xlabel, *e_relation, *e_cameo, *e_quad, *e_goldstein, *e_dates, *e_start,
        *e_end, *e_events, *e_weight, *e_penwidth, *e_color, *e_fontcolor, *e_style,
        *e_tooltip, *e_arrowhead, *e_arrowsize;
    Agsym_t *g_label, *g_labelloc, *g_labeljust, *g_style, *g_rank, *g_fill, *g_color, *g_tooltip, *g_fontcolor;
} attrs;

/* Every declared attribute costs each node (or edge) a string of cgraph's dictionary,
 * made when it is created and freed when the graph closes; one with an empty default
 * that nothing sets is not written. So the attributes only event nodes have are declared
 * only with them (a NULL symbol otherwise). */
static void declare(Agraph_t *g, attrs *a, int event_nodes)
{
    static const char *const GRAPH[][2] = {
        {"rankdir", "LR"}, {"fontname", FONT}, {"fontsize", "11"}, {"bgcolor", "white"},
        {"pad", "0.3"}, {"nodesep", "0.35"}, {"ranksep", "0.7"}, {"splines", "true"},
        {"overlap", "prism"}, {"sep", "+10"}, {"outputorder", "edgesfirst"},
        {"newrank", "true"},
    };
    for (size_t i = 0; i < DL_COUNT(GRAPH); i++)
        agattr(g, AGRAPH, (char *)GRAPH[i][0], (char *)GRAPH[i][1]);
    a->g_label = agattr(g, AGRAPH, "label", "");
    a->g_labelloc = agattr(g, AGRAPH, "labelloc", "b");
    a->g_labeljust = agattr(g, AGRAPH, "labeljust", "l");
    a->g_tooltip = agattr(g, AGRAPH, "tooltip", "");
    a->g_style = agattr(g, AGRAPH, "style", "");
    a->g_rank = agattr(g, AGRAPH, "rank", "");
    a->g_fill = agattr(g, AGRAPH, "fillcolor", "");
    a->g_color = agattr(g, AGRAPH, "color", "");
    a->g_fontcolor = agattr(g, AGRAPH, "fontcolor", "");

    a->n_label = agattr(g, AGNODE, "label", "\\N");
    a->n_type = agattr(g, AGNODE, "type", "");
    a->n_country = agattr(g, AGNODE, "country", "");
    a->n_role = agattr(g, AGNODE, "role", "");
    a->n_solo = agattr(g, AGNODE, "solo_events", "");
    a->n_relation = event_nodes ? agattr(g, AGNODE, "relation", "") : NULL;
    a->n_cameo = event_nodes ? agattr(g, AGNODE, "cameo", "") : NULL;
    a->n_quad = event_nodes ? agattr(g, AGNODE, "quad_class", "") : NULL;
    a->n_dates = event_nodes ? agattr(g, AGNODE, "dates", "") : NULL;
    a->n_events = agattr(g, AGNODE, "events", "");
    a->n_shape = agattr(g, AGNODE, "shape", "ellipse");
    agattr(g, AGNODE, "style", "filled");
    a->n_fill = agattr(g, AGNODE, "fillcolor", "#ffffff");
    a->n_color = agattr(g, AGNODE, "color", "#4d4d4d");
    a->n_fontcolor = agattr(g, AGNODE, "fontcolor", "#1a1a1a");
    agattr(g, AGNODE, "fontname", FONT);
    a->n_fontsize = agattr(g, AGNODE, "fontsize", "12");
    a->n_margin = agattr(g, AGNODE, "margin", "0.12,0.06");
    agattr(g, AGNODE, "penwidth", "1.2");
    a->n_tooltip = agattr(g, AGNODE, "tooltip", "");

    a->e_label = agattr(g, AGEDGE, "label", "");
    a->e_xlabel = agattr(g, AGEDGE, "xlabel", "");
    a->e_relation = agattr(g, AGEDGE, "relation", "");
    a->e_cameo = agattr(g, AGEDGE, "cameo", "");
    a->e_quad = agattr(g, AGEDGE, "quad_class", "");
    a->e_goldstein = agattr(g, AGEDGE, "goldstein", "");
    a->e_dates = agattr(g, AGEDGE, "dates", "");
    a->e_start = agattr(g, AGEDGE, "start", "");
    a->e_end = agattr(g, AGEDGE, "end", "");
    a->e_events = agattr(g, AGEDGE, "events", "");
    a->e_weight = agattr(g, AGEDGE, "weight", "1");
    a->e_penwidth = agattr(g, AGEDGE, "penwidth", "1.5");
    a->e_color = agattr(g, AGEDGE, "color", (char *)QUAD[0].line);
    a->e_fontcolor = agattr(g, AGEDGE, "fontcolor", (char *)QUAD[0].text);
    a->e_style = agattr(g, AGEDGE, "style", "solid");
    agattr(g, AGEDGE, "fontname", FONT);
    agattr(g, AGEDGE, "fontsize", "10");
    a->e_arrowhead = agattr(g, AGEDGE, "arrowhead", "normal");
    a->e_arrowsize = agattr(g, AGEDGE, "arrowsize", "0.8");
    a->e_tooltip = agattr(g, AGEDGE, "tooltip", "");
}

static int quad_of(const group *g)
{
    int q = g->g->quad_class;
    return q >= 1 && q <= 4 ? q : 0;
}

static const char *relation_of(const ctx *c, const group *g)
{
    return S(c, g->g->relation);
}

/* The short label of a group: "visit 2024-06-18", "meet ×3 2019-02 – 2023-09". */
static void put_group_label(dl_buf *b, const ctx *c, const group *g)
{
    if (g->g->negated)
        dl_buf_puts(b, "not ");
    puts_esc(b, relation_of(c, g)[0] ? relation_of(c, g) : "event");
    if (g->nr > 1) {
        dl_buf_puts(b, " \xc3\x97");
        put_count(b, g->nr);
    }
    /* distinct dates, in order (equal dates are one string) */
    const grec *r = recs(c, g);
    size_t ndist = 0;
    for (size_t i = 0; i < g->nr && ndist <= 3; i++)
        if (i == 0 || r[i - 1].date != r[i].date)
            ndist++;
    if (ndist <= 3) {
        for (size_t i = 0, k = 0; i < g->nr; i++) {
            const grec *e = &r[i];
            if (i && r[i - 1].date == e->date)
                continue;
            dl_buf_puts(b, k++ ? ", " : " ");
            put_human_date(b, S(c, e->date), S(c, e->date_mod));
        }
    } else {
        const grec *f = &r[0], *l = &r[g->nr - 1];
        dl_buf_putc(b, ' ');
        put_human_date(b, S(c, f->date), S(c, f->date_mod));
        dl_buf_puts(b, " \xe2\x80\x93 ");
        put_human_date(b, S(c, l->date), S(c, l->date_mod));
    }
}

/* Machine-readable values of a group, ';'-separated: its distinct CAMEO codes (few: looked
 * up among those written), its distinct dates (sorted: equal ones are neighbours), or
 * its event ids. */
static void put_list(dl_buf *b, const ctx *c, const group *g, int what)
{
    size_t start = b->len;
    const grec *r = recs(c, g);
    /* CAMEO codes already in the list, as string ids: a code is looked up among those
     * written only when first met. (Only codes without ';': the lookup compares whole
     * ';'-separated pieces, and such a code is never found whole, so it is looked up
     * every time, as before.) */
    uint32_t seen[8];
    int nseen = 0;
    for (size_t i = 0; i < g->nr; i++) {
        const grec *e = &r[i];
        if (what == 2) {
            if (e->id == 0)
                continue;
            if (b->len > start)
                dl_buf_putc(b, ';');
            put_id(b, c, e);
            continue;
        }
        const char *v = S(c, what == 0 ? e->cameo : e->date);
        if (!v[0])
            continue;
        if (what == 1 && i && r[i - 1].date == e->date)
            continue;
        if (what == 0) {
            int known = 0;
            for (int k = 0; k < nseen && !known; k++)
                known = seen[k] == e->cameo;
            if (known)
                continue;
            size_t vl = strlen(v);
            const char *p = b->p ? b->p + start : "";
            int dup = 0;
            while (*p && !dup) {
                const char *q = strchr(p, ';');
                size_t l = q ? (size_t)(q - p) : strlen(p);
                dup = l == vl && !memcmp(p, v, vl);
                p += l + (q != NULL);
            }
            if (nseen < (int)DL_COUNT(seen) && !memchr(v, ';', vl))
                seen[nseen++] = e->cameo;
            if (dup)
                continue;
        }
        if (b->len > start)
            dl_buf_putc(b, ';');
        dl_buf_puts(b, v);
    }
}

static int cmp_cand(const void *x, const void *y, void *arg)
{
    const cand *a = x, *b = y;
    return cmp_place(arg, a->start, a->date, a->doc, a->order, b->start, b->date, b->doc, b->order);
}

/* One line per event (up to MAX_EVIDENCE distinct sentences): "2024-06-18: sentence". */
static void put_evidence_lines(dl_buf *b, const ctx *c, const group *g)
{
    ggroup *gg = g->g;
    if (gg->ncand > 1)
        qsort_r(gg->cand, (size_t)gg->ncand, sizeof *gg->cand, cmp_cand, c->gb);
    for (int i = 0; i < gg->ncand; i++) {
        const cand *r = &gg->cand[i];
        if (i == MAX_EVIDENCE) {
            dl_buf_puts(b, "\\n\xe2\x80\xa6 and more (");
            put_count(b, g->nr);
            dl_buf_puts(b, " events in all)");
            return;
        }
        dl_buf_puts(b, "\\n");
        put_human_date(b, S(c, r->date), S(c, r->date_mod));
        const char *m = S(c, r->modality);
        if (m[0] && strcmp(m, "asserted")) {
            dl_buf_puts(b, " (");
            dl_buf_puts(b, m);
            dl_buf_putc(b, ')');
        }
        dl_buf_puts(b, ": ");
        dl_buf_puts(b, r->text->s);
    }
}

static void put_class_note(dl_buf *b, const ctx *c, const group *g)
{
    int q = quad_of(g);
    const char *cameo = S(c, recs(c, g)[0].cameo);
    dl_buf_puts(b, " (");
    if (cameo[0]) {
        dl_buf_puts(b, "CAMEO ");
        puts_esc(b, cameo);
        dl_buf_puts(b, ", ");
    }
    dl_buf_puts(b, QUAD[q].name);
    dl_buf_puts(b, ", ");
    put_count(b, g->nr);
    dl_buf_puts(b, g->nr == 1 ? " event)" : " events)");
}

/* Penwidth grows with the logarithm of the number of events: 1.5, 2.5, 3.1, 3.5 ... 7. */
static void put_penwidth(dl_buf *b, size_t w)
{
    double p = 1.5;
    for (size_t k = w; k > 1; k >>= 1)
        p += 1.0;
    /* between powers of two, interpolate so that 3 events are wider than 2 */
    size_t lo = 1;
    while (lo * 2 <= w)
        lo *= 2;
    p += (double)(w - lo) / (double)lo;
    if (p > 7)
        p = 7;
    char num[32];
    dl_buf_append(b, num, dl_format_tenths(num, sizeof num, p));
}

static const char *bstr(const dl_buf *b)
{
    return b->p ? b->p : "";
}

/* The label of a cluster: the name of its country in the documents, or the code. */
static const char *country_name(const ctx *c, const char *iso)
{
    uint32_t v;
    if (dl_map_get(c->gb->countries, iso, strlen(iso), &v))
        return S(c, v);
    return iso;
}

typedef struct member {
    const char *code;
    size_t node;
} member;

static int cmp_member(const void *x, const void *y)
{
    const member *a = x, *b = y;
    int r = strcmp(a->code, b->code);
    return r ? r : (a->node > b->node) - (a->node < b->node);
}

static int clustered(int t)
{
    return t == T_PERSON || t == T_ORG || t == T_GROUP;
}

/* Clusters: one per country with at least one kept person, organisation or group; the
 * country's own node joins it, and when the graph does not have it the cluster carries
 * the country's name. Created in code order. */
static dl_status make_clusters(ctx *c, attrs *a, dl_error *err)
{
    c->clus = calloc(c->nnode ? c->nnode : 1, sizeof *c->clus);
    member *m = malloc((c->nnode ? c->nnode : 1) * sizeof *m);
    if (!c->clus || !m) {
        free(m);
        return dl_fail(err, DL_ENOMEM, "out of memory");
    }
    size_t nm = 0;
    for (size_t i = 0; i < c->nnode; i++) {
        const gnode *ac = &c->node[i];
        int t = type_index(ac->type);
        if (c->node[i].keep && (clustered(t) || t == T_COUNTRY) && ac->country[0])
            m[nm++] = (member){ac->country, i};
    }
    if (nm > 1)
        qsort(m, nm, sizeof *m, cmp_member);
    dl_status st = DL_OK;
    for (size_t k = 0, end; k < nm && st == DL_OK; k = end) {
        int people = 0, country = 0;
        for (end = k; end < nm && !strcmp(m[end].code, m[k].code); end++) {
            int t = type_index(c->node[m[end].node].type);
            people |= clustered(t);
            country |= t == T_COUNTRY;
        }
        if (!people)
            continue;
        dl_buf_clear(&c->b);
        dl_buf_puts(&c->b, "cluster_");
        dl_buf_puts(&c->b, m[k].code);
        Agraph_t *s = c->b.oom ? NULL
                                : agsubg(c->g, (char *)dot_safe(&c->fix, c->b.p), 1);
        if (!s) {
            st = dl_fail(err, DL_ENOMEM, "cgraph: cannot make a cluster");
            break;
        }
        /* the cluster inherits the root's attributes: set every one the root has */
        dl_buf_clear(&c->b);
        puts_esc(&c->b, country_name(c, m[k].code));
        set(c, s, a->g_label, country ? "" : bstr(&c->b));
        set(c, s, a->g_labelloc, "t");
        set(c, s, a->g_labeljust, "l");
        dl_buf_clear(&c->t);
        dl_buf_puts(&c->t, "Actors of ");
        dl_buf_puts(&c->t, bstr(&c->b));
        set(c, s, a->g_tooltip, bstr(&c->t));
        set(c, s, a->g_style, "rounded,filled");
        /* one column per country (rankdir LR): a compact box, not a band across the
         * picture that the edges of the other countries would have to cross */
        set(c, s, a->g_rank, "same");
        set(c, s, a->g_fill, "#f7f7f7");
        set(c, s, a->g_color, "#bdbdbd");
        set(c, s, a->g_fontcolor, "#636363");
        for (size_t i = k; i < end; i++)
            c->clus[m[i].node] = s;
        if (c->b.oom || c->t.oom)
            st = dl_fail(err, DL_ENOMEM, "out of memory");
    }
    free(m);
    return st;
}

/* The title of the legend: what the graph covers ("doc · 12 dated events, 1948 – 2024-06"). */
static void put_title(dl_buf *b, const ctx *c)
{
    size_t nev = 0;
    const ggroup *first = NULL, *last = NULL;
    const char *fday = NULL, *lday = NULL;
    for (size_t i = 0; i < c->ngrp; i++) {
        const group *g = &c->grp[i];
        if (!g->keep)
            continue;
        nev += g->nr;
        /* the earliest start: the group's first event has its least start */
        const char *s = g->g->first_start ? S(c, g->g->first_start) : NULL;
        if (s && (!fday || strcmp(s, fday) < 0)) {
            fday = s;
            first = g->g;
        }
        /* the latest end (or start), kept by the builder */
        const char *t = g->g->last_t ? S(c, g->g->last_t) : NULL;
        if (t && (!lday || strcmp(t, lday) > 0)) {
            lday = t;
            last = g->g;
        }
    }
    size_t n = c->gb->ndoc;
    if (n == 1)
        put_html(b, c->gb->docname[0][0] ? c->gb->docname[0] : "document");
    else
        dl_buf_printf(b, "%zu documents", n);
    if (!nev) {
        dl_buf_puts(b, ": no dated events between actors");
        return;
    }
    dl_buf_printf(b, " \xc2\xb7 %zu dated event%s", nev, nev == 1 ? "" : "s");
    if (first && last) {
        dl_buf t;
        dl_buf_init(&t);
        put_human_date(&t, S(c, first->first_date), NULL);
        int same = first->first_doc == last->last_doc && first->first_order == last->last_order;
        if (!same && first->first_date != last->last_date) {
            dl_buf_puts(&t, " \xe2\x80\x93 ");
            put_human_date(&t, S(c, last->last_date), NULL);
        }
        dl_buf_puts(b, ", ");
        put_html(b, bstr(&t));
        b->oom |= t.oom;
        dl_buf_free(&t);
    }
}

/* The legend: an HTML-like graph label with the shapes and colours the graph uses. */
static dl_status make_legend(ctx *c, const dl_graph_opts *o, attrs *a, dl_error *err)
{
    int event_nodes = o && o->event_nodes;
    int types[NTYPES] = {0}, quads[5] = {0}, clusters = 0;
    size_t nodes = 0;
    for (size_t i = 0; i < c->nnode; i++)
        if (c->node[i].keep) {
            types[type_index(c->node[i].type)] = 1;
            clusters |= c->clus[i] != NULL;
            nodes++;
        }
    for (size_t i = 0; i < c->ngrp; i++)
        if (c->grp[i].keep) {
            const group *r = &c->grp[i];
            if (r->other >= 0 || event_nodes)
                quads[quad_of(r)] = 1;
            if (r->other < 0 && event_nodes) {
                types[T_EVENT] = 1;
                nodes++;
            }
        }
    const char *layout = dl_graph_layout(o, nodes);
    if (strcmp(layout, "dot") && strcmp(layout, "fdp"))
        clusters = 0;       /* render.c hides them: those engines do not lay clusters out */
    /* A grid: a glyph cell and a text cell per item, shapes on one row and line colours
     * on the next, columns shared. Separate cells, because SVG viewers drop the spaces
     * that would begin a text run after a glyph of another size. */
    const char *glyph[2][NTYPES + 2], *text[2][NTYPES + 2], *colour[2][NTYPES + 2];
    int nitems[2] = {0, 0};
    for (int t = 0; t < NTYPES; t++)
        if (types[t]) {
            glyph[0][nitems[0]] = TYPE[t].glyph;
            colour[0][nitems[0]] = "#1a1a1a";
            text[0][nitems[0]++] = TYPE[t].legend;
        }
    for (int k = 0; k < 5; k++)
        if (quads[QUAD_ORDER[k]]) {
            int q = QUAD_ORDER[k];
            glyph[1][nitems[1]] = QUAD[q].glyph;
            colour[1][nitems[1]] = QUAD[q].line;
            text[1][nitems[1]++] = QUAD[q].name;
        }
    if (nitems[1]) {
        glyph[1][nitems[1]] = "";
        colour[1][nitems[1]] = "#636363";
        text[1][nitems[1]++] = "wider line: more events";
    }
    int ncols = nitems[0] > nitems[1] ? nitems[0] : nitems[1];
    dl_buf *b = &c->b;
    dl_buf_clear(b);
    dl_buf_printf(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">"
                     "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"%d\"><FONT POINT-SIZE=\"14\"><B>",
                  ncols ? 3 * ncols : 1);
    put_title(b, c);
    dl_buf_puts(b, "</B></FONT></TD></TR>");
    for (int row = 0; row < 2; row++) {
        if (!nitems[row])
            continue;
        dl_buf_puts(b, "<TR>");
        for (int i = 0; i < ncols; i++) {
            if (i < nitems[row])
                dl_buf_printf(b, "<TD><FONT POINT-SIZE=\"13\" COLOR=\"%s\">%s</FONT></TD>"
                                 "<TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\">%s</FONT></TD>",
                              colour[row][i], glyph[row][i][0] ? glyph[row][i] : " ",
                              row && !glyph[row][i][0] ? colour[row][i] : "#1a1a1a", text[row][i]);
            else
                dl_buf_puts(b, "<TD> </TD><TD> </TD>");
            dl_buf_puts(b, "<TD WIDTH=\"14\"> </TD>");
        }
        dl_buf_puts(b, "</TR>");
    }
    if (clusters)       /* a row of its own: a long text would widen a column */
        dl_buf_printf(b, "<TR><TD><FONT POINT-SIZE=\"13\" COLOR=\"#969696\">\xe2\x96\xa2</FONT></TD>"
                         "<TD ALIGN=\"LEFT\" COLSPAN=\"%d\">a country with its people and "
                         "organisations</TD></TR>", ncols ? 3 * ncols - 1 : 1);
    dl_buf_puts(b, "</TABLE>");
    if (b->oom)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    char *html = agstrdup_html(c->g, b->p);
    if (!html)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    agxset(c->g, a->g_label, html);     /* as it is: an HTML string */
    agstrfree(c->g, html);
    dl_buf_clear(b);
    dl_buf_puts(b, "Actor relationships: ");
    put_title(b, c);
    set(c, c->g, a->g_tooltip, bstr(b));
    return b->oom ? dl_fail(err, DL_ENOMEM, "out of memory") : DL_OK;
}

/* Creates a node in the root graph and, when it has one, in its cluster. */
static Agnode_t *make_node(Agraph_t *g, Agraph_t *clus, const char *name)
{
    Agnode_t *n = agnode(g, (char *)name, 1);
    if (n && clus && !agsubnode(clus, n, 1))
        return NULL;
    return n;
}

static dl_status make_nodes(ctx *c, attrs *a, dl_error *err)
{
    size_t k0 = 0;          /* groups are sorted by owner: node i's start at k0 */
    for (size_t i = 0; i < c->nnode; i++) {
        while (k0 < c->ngrp && c->grp[k0].owner < (int)i)
            k0++;
        gnode *gn = &c->node[i];
        if (!gn->keep)
            continue;
        const gnode *ac = gn;
        int t = type_index(ac->type);
        if (!(gn->n = make_node(c->g, c->clus[i], gn->name)))
            return dl_fail(err, DL_ENOMEM, "cgraph: cannot make a node");
        dl_buf *b = &c->b;
        dl_buf_clear(b);
        put_label(b, ac->aname);     /* the name itself, even where the id had to change */
        if (strcmp(bstr(b), gn->name))
            set(c, gn->n, a->n_label, bstr(b));
        set(c, gn->n, a->n_type, ac->type);
        set(c, gn->n, a->n_country, ac->country);
        set(c, gn->n, a->n_role, ac->role);
        if (strcmp(TYPE[t].shape, "ellipse"))
            set(c, gn->n, a->n_shape, TYPE[t].shape);
        if (strcmp(TYPE[t].fill, "#ffffff"))
            set(c, gn->n, a->n_fill, TYPE[t].fill);
        if (t == T_COUNTRY)
            set(c, gn->n, a->n_fontsize, "13");
        /* tooltip: who it is, then its events without a target */
        dl_buf_clear(b);
        puts_esc(b, ac->aname);
        dl_buf_puts(b, " (");
        dl_buf_puts(b, ac->type[0] ? ac->type : "actor");
        if (ac->country[0]) {
            dl_buf_puts(b, ", ");
            puts_esc(b, ac->country);
        }
        if (ac->role[0]) {
            dl_buf_puts(b, ", ");
            puts_esc(b, ac->role);
        }
        dl_buf_putc(b, ')');
        dl_buf *s = &c->t;
        dl_buf_clear(s);
        dl_buf ids;
        dl_buf_init(&ids);
        for (size_t k = k0; k < c->ngrp && c->grp[k].owner == (int)i; k++) {
            const group *g = &c->grp[k];
            if (!g->keep || g->other >= 0)
                continue;
            dl_buf_puts(b, "\\n\\n");
            size_t at = b->len;
            put_group_label(b, c, g);
            size_t ln = b->len - at;        /* the label, made once: solo_events repeats it */
            if (s->len)
                dl_buf_putc(s, ';');
            if (!b->oom)
                dl_buf_append(s, b->p + at, ln);
            put_class_note(b, c, g);
            put_evidence_lines(b, c, g);
            if (ids.len)
                dl_buf_putc(&ids, ';');
            put_list(&ids, c, g, 2);
            if (!c->event_nodes)
                used_up(c, g);
        }
        set(c, gn->n, a->n_tooltip, bstr(b));
        set(c, gn->n, a->n_solo, bstr(s));
        set(c, gn->n, a->n_events, bstr(&ids));
        int oom = ids.oom;
        dl_buf_free(&ids);
        if (oom || b->oom || s->oom)
            return dl_fail(err, DL_ENOMEM, "out of memory");
    }
    return DL_OK;
}

/* Sets the attributes an edge (or an event node) shares with its group. */
static void style_edge(ctx *c, attrs *a, Agedge_t *e, const group *g)
{
    int q = quad_of(g);
    dl_buf *b = &c->b;
    char num[24];
    set(c, e, a->e_weight, count_str(num, g->nr));
    dl_buf_clear(b);
    put_penwidth(b, g->nr);
    set(c, e, a->e_penwidth, bstr(b));
    set(c, e, a->e_color, QUAD[q].line);
    set(c, e, a->e_fontcolor, QUAD[q].text);
    set(c, e, a->e_style, QUAD[q].style);
}

/* The machine-readable attributes of a group, on an edge or an event node. */
static void describe(ctx *c, void *obj, const group *g, Agsym_t *relation, Agsym_t *cameo,
                     Agsym_t *quad, Agsym_t *dates, Agsym_t *events)
{
    dl_buf *b = &c->b;
    set(c, obj, relation, relation_of(c, g));
    dl_buf_clear(b);
    put_list(b, c, g, 0);
    set(c, obj, cameo, bstr(b));
    char num[24];
    set(c, obj, quad, quad_of(g) ? count_str(num, (size_t)quad_of(g)) : "");
    dl_buf_clear(b);
    put_list(b, c, g, 1);
    set(c, obj, dates, bstr(b));
    dl_buf_clear(b);
    put_list(b, c, g, 2);
    set(c, obj, events, bstr(b));
}

static dl_status make_edges(ctx *c, attrs *a, dl_error *err)
{
    dl_buf *b = &c->b;
    for (size_t k = 0; k < c->ngrp; k++) {
        const group *g = &c->grp[k];
        if (!g->keep || g->other < 0)
            continue;
        /* the key names the edge, so that agread gives back one edge per group */
        dl_buf_clear(b);
        dl_buf_puts(b, g->g->negated ? "not " : "");
        dl_buf_puts(b, relation_of(c, g));
        dl_buf_putc(b, '/');
        put_count(b, (size_t)quad_of(g));
        Agedge_t *e = b->oom ? NULL : agedge(c->g, c->node[g->owner].n, c->node[g->other].n, b->p, 1);
        if (!e)
            return dl_fail(err, DL_ENOMEM, "cgraph: cannot make an edge");
        describe(c, e, g, a->e_relation, a->e_cameo, a->e_quad, a->e_dates, a->e_events);
        double gs = 0;
        const char *start = "";
        const grec *r = recs(c, g);
        for (size_t i = 0; i < g->nr; i++) {
            const grec *ev = &r[i];
            gs += c->gb->gold[ev->gold];
            if (ev->start && (!start[0] || strcmp(S(c, ev->start), start) < 0))
                start = S(c, ev->start);
        }
        char num[32];
        dl_format_tenths(num, sizeof num, gs / (double)g->nr);
        set(c, e, a->e_goldstein, S(c, r[0].cameo)[0] ? num : "");
        set(c, e, a->e_start, start);
        set(c, e, a->e_end, S(c, g->g->end));
        style_edge(c, a, e, g);
        dl_buf *l = &c->t;      /* the label, made once: the tooltip repeats it */
        dl_buf_clear(l);
        put_group_label(l, c, g);
        /* Inside a cluster (one rank) the edge is flat, and Graphviz 2.43's dot mishandles
         * labels of flat edges in clusters (it reallocates the rank arrays the clusters
         * point into: double free): such an edge gets an external label instead. */
        int flat = c->clus[g->owner] && c->clus[g->owner] == c->clus[g->other];
        set(c, e, flat ? a->e_xlabel : a->e_label, bstr(l));
        dl_buf_clear(b);
        puts_esc(b, c->node[g->owner].aname);
        dl_buf_puts(b, " \xe2\x86\x92 ");
        puts_esc(b, c->node[g->other].aname);
        dl_buf_puts(b, ": ");
        dl_buf_append(b, bstr(l), l->len);
        put_class_note(b, c, g);
        put_evidence_lines(b, c, g);
        used_up(c, g);
        set(c, e, a->e_tooltip, bstr(b));
        if (b->oom || l->oom)
            return dl_fail(err, DL_ENOMEM, "out of memory");
    }
    return DL_OK;
}

/* With event_nodes: one small note per group of events without a target, linked to its
 * actor. Its name is "<actor>: <label>", made unique against every other node. */
static dl_status make_event_nodes(ctx *c, attrs *a, dl_error *err)
{
    dl_buf *b = &c->b;
    for (size_t k = 0; k < c->ngrp; k++) {
        const group *g = &c->grp[k];
        if (!g->keep || g->other >= 0)
            continue;
        const gnode *owner = &c->node[g->owner];
        dl_buf_clear(b);
        dl_buf_puts(b, owner->name);
        dl_buf_puts(b, ": ");
        dl_buf_puts(b, g->g->negated ? "not " : "");
        dl_buf_puts(b, relation_of(c, g));   /* (a relation is never NULL here) */
        const char *safe = dot_safe(&c->fix, bstr(b));
        if (safe != bstr(b)) {
            dl_buf_clear(b);
            dl_buf_puts(b, safe);
        }
        size_t base = b->len;
        for (int i = 2; !b->oom && agnode(c->g, b->p, 0); i++) {
            b->len = base;
            dl_buf_printf(b, " #%d", i);
        }
        Agnode_t *n = b->oom ? NULL : make_node(c->g, c->clus[g->owner], b->p);
        if (!n)
            return dl_fail(err, DL_ENOMEM, "cgraph: cannot make a node");
        set(c, n, a->n_type, "event");
        set(c, n, a->n_country, owner->country);
        set(c, n, a->n_shape, TYPE[T_EVENT].shape);
        set(c, n, a->n_fill, TYPE[T_EVENT].fill);
        set(c, n, a->n_fontsize, "10");
        set(c, n, a->n_margin, "0.08,0.03");
        set(c, n, a->n_color, QUAD[quad_of(g)].line);
        set(c, n, a->n_fontcolor, QUAD[quad_of(g)].text);
        describe(c, n, g, a->n_relation, a->n_cameo, a->n_quad, a->n_dates, a->n_events);
        dl_buf_clear(b);
        put_group_label(b, c, g);
        set(c, n, a->n_label, bstr(b));
        dl_buf_clear(b);
        puts_esc(b, owner->aname);
        dl_buf_puts(b, ": ");
        put_group_label(b, c, g);
        put_class_note(b, c, g);
        put_evidence_lines(b, c, g);
        used_up(c, g);
        set(c, n, a->n_tooltip, bstr(b));
        Agedge_t *e = agedge(c->g, owner->n, n, NULL, 1);
        if (!e || b->oom)
            return dl_fail(err, DL_ENOMEM, "cgraph: cannot make an edge");
        style_edge(c, a, e, g);
        set(c, e, a->e_arrowhead, "none");
        set(c, e, a->e_tooltip, bstr(b));
    }
    return DL_OK;
}

const char *dl_graph_layout(const dl_graph_opts *o, size_t nodes)
{
    if (o && o->layout && o->layout[0])
        return o->layout;
    return nodes > DL_GRAPH_BIG ? "sfdp" : "dot";
}

/* Builds the graph of what gb holds. The builder stays usable (its records are left in
 * the graph's order). */
Agraph_t *dl_graph_builder_graph(dl_graph_builder *gb, const dl_graph_opts *o, dl_error *err)
{
    reccache rc = {NULL, NULL};
    ctx c = {.gb = gb, .rc = &rc};
    dl_buf_init(&c.b);
    dl_buf_init(&c.t);
    dl_buf_init(&c.fix);
    c.event_nodes = o && o->event_nodes;
    dl_status st = DL_OK;
    if (gb->used_up)
        st = dl_fail(err, DL_EARG, "graph builder already used up");
    else if (gb->oom)
        st = dl_fail(err, DL_ENOMEM, "out of memory");
    if (gb->consume)
        gb->used_up = 1;
    if (st == DL_OK)
        st = order(&c, err);
    if (st == DL_OK)
        st = filter(&c, o, err);
    for (size_t i = 0; st == DL_OK && i < c.ngrp; i++)
        if (!c.grp[i].keep)
            used_up(&c, &c.grp[i]);
    if (st == DL_OK && !(c.g = agopen("dateline", Agdirected, &graph_disc)))
        st = dl_fail(err, DL_ENOMEM, "cgraph: cannot make a graph");
    attrs a;
    if (st == DL_OK) {
        declare(c.g, &a, c.event_nodes);
        st = make_clusters(&c, &a, err);
    }
    if (st == DL_OK)
        st = make_legend(&c, o, &a, err);
    if (st == DL_OK)
        st = make_nodes(&c, &a, err);
    if (st == DL_OK)
        st = make_edges(&c, &a, err);
    if (st == DL_OK && o && o->event_nodes)
        st = make_event_nodes(&c, &a, err);
    if (st != DL_OK && c.g) {
        agclose(c.g);
        c.g = NULL;
    }
    free(c.node);
    free(c.grp);
    free(c.srank);
    free(rc.v);
    free(c.clus);
    dl_buf_free(&c.b);
    dl_buf_free(&c.t);
    dl_buf_free(&c.fix);
    return c.g;
}

/* A builder holding docs; documents given twice are one and the same. */
dl_graph_builder *dl_graph_builder_of(dl_doc *const *docs, size_t n, dl_error *err)
{
    dl_graph_builder *gb = dl_graph_builder_new(err);
    if (!gb)
        return NULL;
    dl_map *seen = n > 1 ? dl_map_new() : NULL;
    if (n > 1 && !seen) {
        dl_graph_builder_free(gb);
        dl_fail(err, DL_ENOMEM, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t ident = (uint32_t)i;
        if (seen && !dl_map_get(seen, (const char *)&docs[i], sizeof docs[i], &ident) &&
            dl_map_put(seen, (const char *)&docs[i], sizeof docs[i], (uint32_t)i)) {
            dl_fail(err, DL_ENOMEM, "out of memory");
            dl_map_free(seen);
            dl_graph_builder_free(gb);
            return NULL;
        }
        if (builder_add(gb, docs[i], ident, err) != DL_OK) {
            dl_map_free(seen);
            dl_graph_builder_free(gb);
            return NULL;
        }
    }
    dl_map_free(seen);
    return gb;
}

Agraph_t *dl_graph_build(dl_doc *const *docs, size_t n, const dl_graph_opts *o, dl_error *err)
{
    dl_graph_builder *gb = dl_graph_builder_of(docs, n, err);
    if (!gb)
        return NULL;
    Agraph_t *g = dl_graph_builder_graph(gb, o, err);
    dl_graph_builder_free(gb);
    return g;
}

/* agwrite hands its output to the graph's io discipline in tens of thousands of small
 * pieces; fputs takes the FILE's lock for each. While it writes, the graph's discipline
 * appends them to a buffer instead, written in blocks (as Graphviz's own DOT renderer
 * swaps the discipline). */
typedef struct dot_sink {
    FILE *out;
    dl_buf b;
    int failed;
} dot_sink;

static int sink_write(dot_sink *k)
{
    if (k->b.oom || (k->b.len && fwrite(k->b.p, 1, k->b.len, k->out) != k->b.len))
        k->failed = 1;
    dl_buf_clear(&k->b);
    return k->failed ? EOF : 0;
}

static int sink_put(void *chan, const char *str)
{
    dot_sink *k = chan;
    dl_buf_puts(&k->b, str);
    return k->b.len >= 64 * 1024 || k->b.oom ? sink_write(k) : 0;
}

static int sink_flush(void *chan)
{
    dot_sink *k = chan;
    if (sink_write(k))
        return EOF;
    return fflush(k->out);
}

dl_status dl_graph_builder_write_dot(dl_graph_builder *gb, const dl_graph_opts *o, FILE *out, dl_error *err)
{
    dl_graphviz_lock();
    Agraph_t *g = dl_graph_builder_graph(gb, o, err);
    if (!g) {
        dl_graphviz_unlock();
        return err ? err->code : DL_ENOMEM;
    }
    dot_sink k = {.out = out};
    dl_buf_init(&k.b);
    Agiodisc_t io = {AgIoDisc.afread, sink_put, sink_flush};
    Agiodisc_t *saved = g->clos->disc.io;
    g->clos->disc.io = &io;
    int rc = agwrite(g, &k);
    rc |= sink_flush(&k);
    g->clos->disc.io = saved;
    dl_buf_free(&k.b);
    agclose(g);
    dl_graphviz_unlock();
    if (rc != 0 || k.failed || ferror(out))
        return dl_fail(err, DL_EIO, "write error");
    return DL_OK;
}

dl_status dl_write_dot(dl_doc *const *docs, size_t n, const dl_graph_opts *o, FILE *out, dl_error *err)
{
    /* the builder is made outside the lock: threads may export at once */
    dl_graph_builder *gb = dl_graph_builder_of(docs, n, err);
    if (!gb)
        return err ? err->code : DL_ENOMEM;
    dl_status st = dl_graph_builder_write_dot(gb, o, out, err);
    dl_graph_builder_free(gb);
    return st;
}
