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
 * the legend is made an HTML string: a name that looks like <b>x</b> stays text). A value
 * that ends with a backslash would escape its own closing quote in the DOT that cgraph
 * (2.43) writes, and the file would no longer parse: such trailing backslashes become
 * U+29F5 REVERSE SOLIDUS OPERATOR, which looks the same.
 *
 * Determinism: nodes, clusters and edges are created in sorted order, and the graph uses
 * sequential object ids: cgraph's default ids are string addresses, and it orders
 * subgraphs by id, which would put the clusters (and so the DOT text and the layout) in
 * heap-address order.
 */
#include <graphviz/cgraph.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

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

/* Appends s (n bytes) to b for an escString attribute: backslashes doubled, runs of
 * white space (line breaks, tabs) made one space, other control characters dropped. */
static void put_esc(dl_buf *b, const char *s, size_t n)
{
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
            space = 1;
            continue;
        }
        if (c < 0x20 || c == 0x7f)
            continue;
        if (space && b->len && b->p[b->len - 1] != ' ' &&
            !(b->len >= 2 && b->p[b->len - 2] == '\\' && b->p[b->len - 1] == 'n'))
            dl_buf_putc(b, ' ');
        space = 0;
        if (c == '\\')
            dl_buf_putc(b, '\\');
        dl_buf_putc(b, (char)c);
    }
}

static void puts_esc(dl_buf *b, const char *s)
{
    put_esc(b, s, strlen(s));
}

#define RSO "\xe2\xa7\xb5"      /* U+29F5, a backslash look-alike */

/* s, or a copy in tmp with its trailing backslashes made U+29F5 (see the top of the file).
 * esc: s is an escString, whose backslashes come in pairs. */
static const char *no_trailing_backslash(dl_buf *tmp, const char *s, int esc)
{
    size_t n = strlen(s), k = 0;
    while (k < n && s[n - 1 - k] == '\\')
        k++;
    if (!k)
        return s;
    dl_buf_clear(tmp);
    dl_buf_append(tmp, s, n - k);
    for (size_t i = 0; i < (esc ? (k + 1) / 2 : k); i++)
        dl_buf_puts(tmp, RSO);
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
    if (mod)
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

/* ---------------------------------------------------------------- collecting */

typedef struct gnode {
    const char *name;
    const dl_actor *a;      /* the first record of the actor met, documents in order */
    int keep;
    Agnode_t *n;
} gnode;

typedef struct gref {
    const dl_doc *d;
    const dl_event *e;
    size_t doc;             /* index of the document */
    int order;              /* the event's place in its document */
    int owner, other;       /* node indexes; other -1: no target (or the source itself) */
    int negated;
} gref;

typedef struct group {
    size_t r0, nr;          /* refs [r0, r0 + nr), sorted by date */
    int keep;
} group;

typedef struct ctx {
    gnode *node;
    size_t nnode, cap_node;
    dl_map *byname;
    gref *ref;
    size_t nref;
    group *grp;
    size_t ngrp, cap_grp;
    dl_buf b, t, fix;       /* scratch */
    dl_arena *arena;        /* names made safe for DOT */
    Agraph_t *g;
    Agraph_t **clus;        /* the cluster of each node, or NULL */
} ctx;

/* The node of actor a, added on first sight; -1 on allocation failure. */
static int node_of(ctx *c, const dl_actor *a)
{
    const char *name = a->name ? a->name : "";
    uint32_t v;
    if (dl_map_get(c->byname, name, strlen(name), &v))
        return (int)v;
    if (DL_GROW(c->node, c->cap_node, c->nnode + 1) ||
        dl_map_put(c->byname, name, strlen(name), (uint32_t)c->nnode))
        return -1;
    const char *safe = no_trailing_backslash(&c->fix, name, 0);
    if (safe != name && !(safe = dl_arena_strdup(c->arena, safe)))
        return -1;
    c->node[c->nnode] = (gnode){.name = safe, .a = a};
    return (int)c->nnode++;
}

static int cmp_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int cmp_node(const void *x, const void *y)
{
    return cmp_str(((const gnode *)x)->name, ((const gnode *)y)->name);
}

/* Groups: edges before events without a target, then by relation, class and negation. */
static int cmp_key(const gref *a, const gref *b)
{
    if (a->owner != b->owner)
        return a->owner < b->owner ? -1 : 1;
    unsigned ao = (unsigned)a->other, bo = (unsigned)b->other;   /* -1 last */
    if (ao != bo)
        return ao < bo ? -1 : 1;
    int r = cmp_str(a->e->relation, b->e->relation);
    if (r)
        return r;
    if (a->e->quad_class != b->e->quad_class)
        return a->e->quad_class < b->e->quad_class ? -1 : 1;
    return a->negated - b->negated;
}

/* Inside a group, by date: first day (open starts last), value, document, order. */
static int cmp_ref(const void *x, const void *y)
{
    const gref *a = x, *b = y;
    int r = cmp_key(a, b);
    if (r)
        return r;
    const char *as = a->e->start ? a->e->start : "", *bs = b->e->start ? b->e->start : "";
    if (!*as != !*bs)
        return *as ? -1 : 1;
    if ((r = strcmp(as, bs)) || (r = cmp_str(a->e->date, b->e->date)))
        return r;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    return (a->order > b->order) - (a->order < b->order);
}

static dl_status collect(ctx *c, dl_doc *const *docs, size_t n, dl_error *err)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += docs[i]->nev;
    c->ref = malloc((total ? total : 1) * sizeof *c->ref);
    if (!c->ref)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const dl_doc *d = docs[i];
        for (size_t j = 0; j < d->nev; j++) {
            const dl_event *e = &d->ev[j].pub;
            if (!e->date || !e->date[0])
                continue;
            const dl_actor *own = e->source ? e->source : e->target;
            const dl_actor *oth = e->source ? e->target : NULL;
            if (!own)
                continue;       /* nobody to put it on */
            if (oth && !cmp_str(oth->name, own->name))
                oth = NULL;
            int o = node_of(c, own), t = oth ? node_of(c, oth) : -1;
            if (o < 0 || (oth && t < 0))
                return dl_fail(err, DL_ENOMEM, "out of memory");
            c->ref[c->nref++] = (gref){.d = d, .e = e, .doc = i, .order = (int)j,
                                       .owner = o, .other = t,
                                       .negated = e->modality && !strcmp(e->modality, "negated")};
        }
    }
    /* Nodes in name order, references renumbered to match. */
    int *rank = malloc((c->nnode ? c->nnode : 1) * sizeof *rank);
    if (!rank)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    for (size_t i = 0; i < c->nnode; i++)
        c->node[i].keep = (int)i;           /* old index, carried through the sort */
    qsort(c->node, c->nnode, sizeof *c->node, cmp_node);
    for (size_t i = 0; i < c->nnode; i++) {
        rank[c->node[i].keep] = (int)i;
        c->node[i].keep = 0;
    }
    for (size_t i = 0; i < c->nref; i++) {
        c->ref[i].owner = rank[c->ref[i].owner];
        if (c->ref[i].other >= 0)
            c->ref[i].other = rank[c->ref[i].other];
    }
    free(rank);
    qsort(c->ref, c->nref, sizeof *c->ref, cmp_ref);
    for (size_t i = 0; i < c->nref; i++) {
        if (i == 0 || cmp_key(&c->ref[i - 1], &c->ref[i])) {
            if (DL_GROW(c->grp, c->cap_grp, c->ngrp + 1))
                return dl_fail(err, DL_ENOMEM, "out of memory");
            c->grp[c->ngrp++] = (group){.r0 = i};
        }
        c->grp[c->ngrp - 1].nr++;
    }
    return DL_OK;
}

/* ---------------------------------------------------------------- filtering */

static const group *top_groups;

static int cmp_weight(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    if (top_groups[a].nr != top_groups[b].nr)
        return top_groups[a].nr > top_groups[b].nr ? -1 : 1;
    return (a > b) - (a < b);
}

/* min_weight and top choose the edges; the nodes are their ends. Events without a
 * target count against min_weight too; under top they stay only on nodes already kept. */
static dl_status filter(ctx *c, const dl_graph_opts *o, dl_error *err)
{
    size_t minw = o && o->min_weight > 1 ? (size_t)o->min_weight : 1;
    size_t top = o && o->top > 0 ? (size_t)o->top : 0;
    size_t *edges = malloc((c->ngrp ? c->ngrp : 1) * sizeof *edges), ne = 0;
    if (!edges)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    for (size_t i = 0; i < c->ngrp; i++) {
        group *g = &c->grp[i];
        g->keep = g->nr >= minw;
        if (g->keep && c->ref[g->r0].other >= 0)
            edges[ne++] = i;
    }
    if (top && ne > top) {
        top_groups = c->grp;        /* qsort has no context argument in C11 */
        qsort(edges, ne, sizeof *edges, cmp_weight);
        for (size_t k = top; k < ne; k++)
            c->grp[edges[k]].keep = 0;
        ne = top;
    }
    for (size_t k = 0; k < ne; k++) {
        const gref *r = &c->ref[c->grp[edges[k]].r0];
        c->node[r->owner].keep = c->node[r->other].keep = 1;
    }
    free(edges);
    for (size_t i = 0; i < c->ngrp; i++) {
        group *g = &c->grp[i];
        const gref *r = &c->ref[g->r0];
        if (g->keep && r->other < 0) {
            if (top && !c->node[r->owner].keep)
                g->keep = 0;
            else
                c->node[r->owner].keep = 1;
        }
    }
    return DL_OK;
}

/* ---------------------------------------------------------------- building */

/* Sets an attribute; label and tooltip are escStrings. */
static void set(ctx *c, void *obj, Agsym_t *sym, const char *value)
{
    int esc = !strcmp(sym->name, "label") || !strcmp(sym->name, "tooltip");
    agxset(obj, sym, (char *)no_trailing_backslash(&c->fix, value, esc));
}

/* Node and edge attributes, declared once with their defaults. */
typedef struct attrs {
    Agsym_t *n_label, *n_type, *n_country, *n_role, *n_shape, *n_fill, *n_tooltip,
        *n_solo, *n_relation, *n_cameo, *n_quad, *n_dates, *n_events, *n_fontsize,
        *n_color, *n_fontcolor, *n_margin;
    Agsym_t *e_label, *e_relation, *e_cameo, *e_quad, *e_goldstein, *e_dates, *e_start,
        *e_end, *e_events, *e_weight, *e_penwidth, *e_color, *e_fontcolor, *e_style,
        *e_tooltip, *e_arrowhead, *e_arrowsize;
    Agsym_t *g_label, *g_labelloc, *g_labeljust, *g_style, *g_fill, *g_color, *g_tooltip, *g_fontcolor;
} attrs;

static void declare(Agraph_t *g, attrs *a)
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
    a->g_fill = agattr(g, AGRAPH, "fillcolor", "");
    a->g_color = agattr(g, AGRAPH, "color", "");
    a->g_fontcolor = agattr(g, AGRAPH, "fontcolor", "");

    a->n_label = agattr(g, AGNODE, "label", "\\N");
    a->n_type = agattr(g, AGNODE, "type", "");
    a->n_country = agattr(g, AGNODE, "country", "");
    a->n_role = agattr(g, AGNODE, "role", "");
    a->n_solo = agattr(g, AGNODE, "solo_events", "");
    a->n_relation = agattr(g, AGNODE, "relation", "");
    a->n_cameo = agattr(g, AGNODE, "cameo", "");
    a->n_quad = agattr(g, AGNODE, "quad_class", "");
    a->n_dates = agattr(g, AGNODE, "dates", "");
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

static int quad_of(const gref *r)
{
    int q = r->e->quad_class;
    return q >= 1 && q <= 4 ? q : 0;
}

/* The short label of a group: "visit 2024-06-18", "meet ×3 2019-02 – 2023-09". */
static void put_group_label(dl_buf *b, const ctx *c, const group *g)
{
    const gref *r = &c->ref[g->r0];
    if (r->negated)
        dl_buf_puts(b, "not ");
    puts_esc(b, r->e->relation && r->e->relation[0] ? r->e->relation : "event");
    if (g->nr > 1)
        dl_buf_printf(b, " \xc3\x97%zu", g->nr);
    /* distinct dates, in order */
    size_t ndist = 0;
    for (size_t i = 0; i < g->nr; i++)
        if (i == 0 || strcmp(c->ref[g->r0 + i - 1].e->date, c->ref[g->r0 + i].e->date))
            ndist++;
    if (ndist <= 3) {
        for (size_t i = 0, k = 0; i < g->nr; i++) {
            const dl_event *e = c->ref[g->r0 + i].e;
            if (i && !strcmp(c->ref[g->r0 + i - 1].e->date, e->date))
                continue;
            dl_buf_puts(b, k++ ? ", " : " ");
            put_human_date(b, e->date, e->date_mod);
        }
    } else {
        const dl_event *f = c->ref[g->r0].e, *l = c->ref[g->r0 + g->nr - 1].e;
        dl_buf_putc(b, ' ');
        put_human_date(b, f->date, f->date_mod);
        dl_buf_puts(b, " \xe2\x80\x93 ");
        put_human_date(b, l->date, l->date_mod);
    }
}

/* Machine-readable values of a group: distinct cameo codes, dates, event ids. */
static void put_list(dl_buf *b, const ctx *c, const group *g, int what)
{
    size_t start = b->len;
    for (size_t i = 0; i < g->nr; i++) {
        const dl_event *e = c->ref[g->r0 + i].e;
        const char *v = what == 0 ? e->cameo : what == 1 ? e->date : e->id;
        if (!v || !v[0])
            continue;
        if (what != 2) {        /* distinct: look for it among the values so far */
            size_t vl = strlen(v);
            const char *p = b->p ? b->p + start : "";
            int dup = 0;
            while (*p) {
                const char *q = strchr(p, ';');
                size_t l = q ? (size_t)(q - p) : strlen(p);
                if (l == vl && !memcmp(p, v, vl))
                    dup = 1;
                p += l + (q != NULL);
            }
            if (dup)
                continue;
        }
        if (b->len > start)
            dl_buf_putc(b, ';');
        dl_buf_puts(b, v);
    }
}

/* One line per event (up to MAX_EVIDENCE distinct sentences): "2024-06-18: sentence". */
static void put_evidence_lines(dl_buf *b, const ctx *c, const group *g)
{
    size_t shown = 0;
    for (size_t i = 0; i < g->nr; i++) {
        const gref *r = &c->ref[g->r0 + i];
        int dup = 0;
        for (size_t k = 0; k < i && !dup; k++) {
            const gref *p = &c->ref[g->r0 + k];
            dup = p->d == r->d && p->e->sentence == r->e->sentence &&
                  !strcmp(p->e->date, r->e->date);
        }
        if (dup)
            continue;
        if (shown == MAX_EVIDENCE) {
            dl_buf_printf(b, "\\n\xe2\x80\xa6 and more (%zu events in all)", g->nr);
            return;
        }
        dl_buf_puts(b, "\\n");
        put_human_date(b, r->e->date, r->e->date_mod);
        if (r->e->modality && r->e->modality[0] && strcmp(r->e->modality, "asserted"))
            dl_buf_printf(b, " (%s)", r->e->modality);
        dl_buf_puts(b, ": ");
        put_evidence(b, r->d, r->e);
        shown++;
    }
}

static void put_class_note(dl_buf *b, const ctx *c, const group *g)
{
    const gref *r = &c->ref[g->r0];
    int q = quad_of(r);
    dl_buf_puts(b, " (");
    if (r->e->cameo && r->e->cameo[0]) {
        dl_buf_puts(b, "CAMEO ");
        puts_esc(b, r->e->cameo);
        dl_buf_puts(b, ", ");
    }
    dl_buf_printf(b, "%s, %zu event%s)", QUAD[q].name, g->nr, g->nr == 1 ? "" : "s");
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
    dl_buf_printf(b, "%.1f", p);
}

static const char *bstr(const dl_buf *b)
{
    return b->p ? b->p : "";
}

/* The label of a cluster: the name of its country in the documents, or the code. */
static const char *country_name(dl_doc *const *docs, size_t n, const char *iso)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < docs[i]->nact; j++) {
            const dl_actor *a = &docs[i]->act[j].pub;
            if (a->type && !strcmp(a->type, "country") && a->country && !strcmp(a->country, iso))
                return a->name;
        }
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
static dl_status make_clusters(ctx *c, dl_doc *const *docs, size_t n, attrs *a, dl_error *err)
{
    c->clus = calloc(c->nnode ? c->nnode : 1, sizeof *c->clus);
    member *m = malloc((c->nnode ? c->nnode : 1) * sizeof *m);
    if (!c->clus || !m) {
        free(m);
        return dl_fail(err, DL_ENOMEM, "out of memory");
    }
    size_t nm = 0;
    for (size_t i = 0; i < c->nnode; i++) {
        const dl_actor *ac = c->node[i].a;
        int t = type_index(ac->type);
        if (c->node[i].keep && (clustered(t) || t == T_COUNTRY) && ac->country && ac->country[0])
            m[nm++] = (member){ac->country, i};
    }
    qsort(m, nm, sizeof *m, cmp_member);
    dl_status st = DL_OK;
    for (size_t k = 0, end; k < nm && st == DL_OK; k = end) {
        int people = 0, country = 0;
        for (end = k; end < nm && !strcmp(m[end].code, m[k].code); end++) {
            int t = type_index(c->node[m[end].node].a->type);
            people |= clustered(t);
            country |= t == T_COUNTRY;
        }
        if (!people)
            continue;
        dl_buf_clear(&c->b);
        dl_buf_puts(&c->b, "cluster_");
        dl_buf_puts(&c->b, m[k].code);
        Agraph_t *s = c->b.oom ? NULL
                                : agsubg(c->g, (char *)no_trailing_backslash(&c->fix, c->b.p, 0), 1);
        if (!s) {
            st = dl_fail(err, DL_ENOMEM, "cgraph: cannot make a cluster");
            break;
        }
        /* the cluster inherits the root's attributes: set every one the root has */
        dl_buf_clear(&c->b);
        puts_esc(&c->b, country_name(docs, n, m[k].code));
        set(c, s, a->g_label, country ? "" : bstr(&c->b));
        set(c, s, a->g_labelloc, "t");
        set(c, s, a->g_labeljust, "l");
        dl_buf_clear(&c->t);
        dl_buf_puts(&c->t, "Actors of ");
        dl_buf_puts(&c->t, bstr(&c->b));
        set(c, s, a->g_tooltip, bstr(&c->t));
        set(c, s, a->g_style, "rounded,filled");
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
static void put_title(dl_buf *b, const ctx *c, dl_doc *const *docs, size_t n)
{
    size_t nev = 0;
    const dl_event *first = NULL, *last = NULL;
    const char *fday = NULL, *lday = NULL;
    for (size_t i = 0; i < c->ngrp; i++) {
        const group *g = &c->grp[i];
        if (!g->keep)
            continue;
        nev += g->nr;
        for (size_t k = 0; k < g->nr; k++) {
            const dl_event *e = c->ref[g->r0 + k].e;
            const char *s = e->start && e->start[0] ? e->start : NULL;
            const char *t = e->end && e->end[0] ? e->end : s;
            if (s && (!fday || strcmp(s, fday) < 0)) {
                fday = s;
                first = e;
            }
            if (t && (!lday || strcmp(t, lday) > 0)) {
                lday = t;
                last = e;
            }
        }
    }
    if (n == 1)
        put_html(b, docs[0]->name && docs[0]->name[0] ? docs[0]->name : "document");
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
        put_human_date(&t, first->date, NULL);
        if (first != last && strcmp(first->date, last->date)) {
            dl_buf_puts(&t, " \xe2\x80\x93 ");
            put_human_date(&t, last->date, NULL);
        }
        dl_buf_puts(b, ", ");
        put_html(b, bstr(&t));
        b->oom |= t.oom;
        dl_buf_free(&t);
    }
}

/* The legend: an HTML-like graph label with the shapes and colours the graph uses. */
static dl_status make_legend(ctx *c, dl_doc *const *docs, size_t n, const dl_graph_opts *o,
                             attrs *a, dl_error *err)
{
    int event_nodes = o && o->event_nodes;
    int types[NTYPES] = {0}, quads[5] = {0}, clusters = 0;
    size_t nodes = 0;
    for (size_t i = 0; i < c->nnode; i++)
        if (c->node[i].keep) {
            types[type_index(c->node[i].a->type)] = 1;
            clusters |= c->clus[i] != NULL;
            nodes++;
        }
    for (size_t i = 0; i < c->ngrp; i++)
        if (c->grp[i].keep) {
            const gref *r = &c->ref[c->grp[i].r0];
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
    dl_buf *b = &c->b;
    dl_buf_clear(b);
    dl_buf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\">"
                   "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"14\"><B>");
    put_title(b, c, docs, n);
    dl_buf_puts(b, "</B></FONT></TD></TR><TR><TD ALIGN=\"LEFT\">"
                   "<TABLE ALIGN=\"LEFT\" BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\"><TR>");
    for (int t = 0; t < NTYPES; t++)
        if (types[t])
            dl_buf_printf(b, "<TD><FONT POINT-SIZE=\"13\">%s</FONT></TD><TD ALIGN=\"LEFT\">%s  </TD>",
                          TYPE[t].glyph, TYPE[t].legend);
    if (clusters)
        dl_buf_puts(b, "<TD BGCOLOR=\"#f7f7f7\" BORDER=\"1\" COLOR=\"#bdbdbd\">   </TD>"
                       "<TD ALIGN=\"LEFT\"> a country with its people and organisations</TD>");
    dl_buf_puts(b, "</TR></TABLE></TD></TR><TR><TD ALIGN=\"LEFT\">"
                   "<TABLE ALIGN=\"LEFT\" BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\"><TR>");
    int any = 0;
    for (int k = 0; k < 5; k++) {
        int q = QUAD_ORDER[k];
        if (!quads[q])
            continue;
        any = 1;
        dl_buf_printf(b, "<TD><FONT COLOR=\"%s\">%s</FONT></TD><TD ALIGN=\"LEFT\">%s  </TD>",
                      QUAD[q].line, QUAD[q].glyph, QUAD[q].name);
    }
    if (any)
        dl_buf_puts(b, "<TD ALIGN=\"LEFT\"><FONT COLOR=\"#636363\">(wider: more events)</FONT></TD>");
    else
        dl_buf_puts(b, "<TD> </TD>");
    dl_buf_puts(b, "</TR></TABLE></TD></TR></TABLE>");
    if (b->oom)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    char *html = agstrdup_html(c->g, b->p);
    if (!html)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    set(c, c->g, a->g_label, html);
    agstrfree(c->g, html);
    dl_buf_clear(b);
    dl_buf_puts(b, "Actor relationships: ");
    put_title(b, c, docs, n);
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
    for (size_t i = 0; i < c->nnode; i++) {
        gnode *gn = &c->node[i];
        if (!gn->keep)
            continue;
        const dl_actor *ac = gn->a;
        int t = type_index(ac->type);
        if (!(gn->n = make_node(c->g, c->clus[i], gn->name)))
            return dl_fail(err, DL_ENOMEM, "cgraph: cannot make a node");
        dl_buf *b = &c->b;
        dl_buf_clear(b);
        put_label(b, gn->name);
        if (strcmp(bstr(b), gn->name))
            set(c, gn->n, a->n_label, bstr(b));
        set(c, gn->n, a->n_type, ac->type ? ac->type : "");
        set(c, gn->n, a->n_country, ac->country ? ac->country : "");
        set(c, gn->n, a->n_role, ac->role ? ac->role : "");
        if (strcmp(TYPE[t].shape, "ellipse"))
            set(c, gn->n, a->n_shape, TYPE[t].shape);
        if (strcmp(TYPE[t].fill, "#ffffff"))
            set(c, gn->n, a->n_fill, TYPE[t].fill);
        if (t == T_COUNTRY)
            set(c, gn->n, a->n_fontsize, "13");
        /* tooltip: who it is, then its events without a target */
        dl_buf_clear(b);
        puts_esc(b, gn->name);
        dl_buf_printf(b, " (%s", ac->type && ac->type[0] ? ac->type : "actor");
        if (ac->country && ac->country[0]) {
            dl_buf_puts(b, ", ");
            puts_esc(b, ac->country);
        }
        if (ac->role && ac->role[0]) {
            dl_buf_puts(b, ", ");
            puts_esc(b, ac->role);
        }
        dl_buf_putc(b, ')');
        dl_buf *s = &c->t;
        dl_buf_clear(s);
        dl_buf ids;
        dl_buf_init(&ids);
        for (size_t k = 0; k < c->ngrp; k++) {
            const group *g = &c->grp[k];
            const gref *r = &c->ref[g->r0];
            if (!g->keep || r->owner != (int)i || r->other >= 0)
                continue;
            dl_buf_puts(b, "\\n\\n");
            put_group_label(b, c, g);
            put_class_note(b, c, g);
            put_evidence_lines(b, c, g);
            if (s->len)
                dl_buf_putc(s, ';');
            put_group_label(s, c, g);
            if (ids.len)
                dl_buf_putc(&ids, ';');
            put_list(&ids, c, g, 2);
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
    int q = quad_of(&c->ref[g->r0]);
    dl_buf *b = &c->b;
    char num[32];
    snprintf(num, sizeof num, "%zu", g->nr);
    set(c, e, a->e_weight, num);
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
    const gref *r = &c->ref[g->r0];
    dl_buf *b = &c->b;
    set(c, obj, relation, r->e->relation ? r->e->relation : "");
    dl_buf_clear(b);
    put_list(b, c, g, 0);
    set(c, obj, cameo, bstr(b));
    char num[16];
    snprintf(num, sizeof num, "%d", quad_of(r));
    set(c, obj, quad, quad_of(r) ? num : "");
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
        const gref *r = &c->ref[g->r0];
        if (!g->keep || r->other < 0)
            continue;
        /* the key names the edge, so that agread gives back one edge per group */
        dl_buf_clear(b);
        dl_buf_printf(b, "%s%s/%d", r->negated ? "not " : "",
                      r->e->relation ? r->e->relation : "", quad_of(r));
        Agedge_t *e = b->oom ? NULL : agedge(c->g, c->node[r->owner].n, c->node[r->other].n, b->p, 1);
        if (!e)
            return dl_fail(err, DL_ENOMEM, "cgraph: cannot make an edge");
        describe(c, e, g, a->e_relation, a->e_cameo, a->e_quad, a->e_dates, a->e_events);
        double gs = 0;
        const char *start = "", *end = "";
        for (size_t i = 0; i < g->nr; i++) {
            const dl_event *ev = c->ref[g->r0 + i].e;
            gs += ev->goldstein;
            if (ev->start && ev->start[0] && (!start[0] || strcmp(ev->start, start) < 0))
                start = ev->start;
            if (ev->end && ev->end[0] && strcmp(ev->end, end) > 0)
                end = ev->end;
        }
        char num[32];
        snprintf(num, sizeof num, "%.1f", gs / (double)g->nr);
        set(c, e, a->e_goldstein, r->e->cameo && r->e->cameo[0] ? num : "");
        set(c, e, a->e_start, start);
        set(c, e, a->e_end, end);
        style_edge(c, a, e, g);
        dl_buf_clear(b);
        put_group_label(b, c, g);
        set(c, e, a->e_label, bstr(b));
        dl_buf_clear(b);
        puts_esc(b, c->node[r->owner].name);
        dl_buf_puts(b, " \xe2\x86\x92 ");
        puts_esc(b, c->node[r->other].name);
        dl_buf_puts(b, ": ");
        put_group_label(b, c, g);
        put_class_note(b, c, g);
        put_evidence_lines(b, c, g);
        set(c, e, a->e_tooltip, bstr(b));
        if (b->oom)
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
        const gref *r = &c->ref[g->r0];
        if (!g->keep || r->other >= 0)
            continue;
        const gnode *owner = &c->node[r->owner];
        dl_buf_clear(b);
        dl_buf_puts(b, owner->name);
        dl_buf_puts(b, ": ");
        dl_buf_puts(b, r->negated ? "not " : "");
        dl_buf_puts(b, r->e->relation ? r->e->relation : "event");
        const char *safe = no_trailing_backslash(&c->fix, bstr(b), 0);
        if (safe != bstr(b)) {
            dl_buf_clear(b);
            dl_buf_puts(b, safe);
        }
        size_t base = b->len;
        for (int i = 2; !b->oom && agnode(c->g, b->p, 0); i++) {
            b->len = base;
            dl_buf_printf(b, " #%d", i);
        }
        Agnode_t *n = b->oom ? NULL : make_node(c->g, c->clus[r->owner], b->p);
        if (!n)
            return dl_fail(err, DL_ENOMEM, "cgraph: cannot make a node");
        set(c, n, a->n_type, "event");
        set(c, n, a->n_country, owner->a->country ? owner->a->country : "");
        set(c, n, a->n_shape, TYPE[T_EVENT].shape);
        set(c, n, a->n_fill, TYPE[T_EVENT].fill);
        set(c, n, a->n_fontsize, "10");
        set(c, n, a->n_margin, "0.08,0.03");
        set(c, n, a->n_color, QUAD[quad_of(r)].line);
        set(c, n, a->n_fontcolor, QUAD[quad_of(r)].text);
        describe(c, n, g, a->n_relation, a->n_cameo, a->n_quad, a->n_dates, a->n_events);
        dl_buf_clear(b);
        put_group_label(b, c, g);
        set(c, n, a->n_label, bstr(b));
        dl_buf_clear(b);
        puts_esc(b, owner->name);
        dl_buf_puts(b, ": ");
        put_group_label(b, c, g);
        put_class_note(b, c, g);
        put_evidence_lines(b, c, g);
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

Agraph_t *dl_graph_build(dl_doc *const *docs, size_t n, const dl_graph_opts *o, dl_error *err)
{
    ctx c = {0};
    dl_buf_init(&c.b);
    dl_buf_init(&c.t);
    dl_buf_init(&c.fix);
    dl_status st = DL_OK;
    if (!(c.byname = dl_map_new()) || !(c.arena = dl_arena_new()))
        st = dl_fail(err, DL_ENOMEM, "out of memory");
    if (st == DL_OK)
        st = collect(&c, docs, n, err);
    if (st == DL_OK)
        st = filter(&c, o, err);
    if (st == DL_OK && !(c.g = agopen("dateline", Agdirected, &graph_disc)))
        st = dl_fail(err, DL_ENOMEM, "cgraph: cannot make a graph");
    attrs a;
    if (st == DL_OK) {
        declare(c.g, &a);
        st = make_clusters(&c, docs, n, &a, err);
    }
    if (st == DL_OK)
        st = make_legend(&c, docs, n, o, &a, err);
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
    free(c.ref);
    free(c.grp);
    free(c.clus);
    dl_map_free(c.byname);
    dl_buf_free(&c.b);
    dl_buf_free(&c.t);
    dl_buf_free(&c.fix);
    dl_arena_free(c.arena);
    return c.g;
}

dl_status dl_write_dot(dl_doc *const *docs, size_t n, const dl_graph_opts *o, FILE *out, dl_error *err)
{
    Agraph_t *g = dl_graph_build(docs, n, o, err);
    if (!g)
        return err ? err->code : DL_ENOMEM;
    int rc = agwrite(g, out);
    agclose(g);
    if (rc != 0 || ferror(out))
        return dl_fail(err, DL_EIO, "write error");
    return DL_OK;
}
