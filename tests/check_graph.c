/*
 * check_graph.c - the actor graph: edges and their attributes, clusters, events without
 * a target, filtering, escaping and round trips through agread, determinism, and layouts
 * by gvc in-process (dot, neato, sfdp, circo) with no overlapping nodes.
 *
 * The documents are made by hand (tdoc_*), so that these tests do not depend on the
 * actor and event stages: a dl_doc with its text, sentences, actors and events.
 */
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <math.h>
#include <pthread.h>

#include "testutil.h"

/* ---------------------------------------------------------------- documents by hand */

/* Setting up a document cannot fail but by lack of memory (these also run outside Check,
 * in a program that draws the pictures). */
static void need(int ok)
{
    if (!ok) {
        fputs("check_graph: out of memory\n", stderr);
        abort();
    }
}

/* Starts a document named name. */
static dl_doc *tdoc_new(const char *name)
{
    dl_doc *d = calloc(1, sizeof *d);
    need(d != NULL);
    d->arena = dl_arena_new();
    d->name = dl_arena_strdup(d->arena, name);
    d->text = calloc(1, 1);
    need(d->arena && d->name && d->text);
    return d;
}

/* Adds a sentence to the text; returns its index. */
static int tdoc_sent(dl_doc *d, const char *s)
{
    size_t n = strlen(s), at = d->len ? d->len + 1 : 0;
    d->text = realloc(d->text, at + n + 1);
    need(d->text != NULL);
    if (d->len)
        d->text[d->len] = ' ';
    memcpy(d->text + at, s, n + 1);
    d->len = at + n;
    need(!DL_GROW(d->sent, d->cap_sent, d->nsent + 1));
    dl_sent *p = &d->sent[d->nsent];
    memset(p, 0, sizeof *p);
    p->pub.byte_start = p->pub.start = at;
    p->pub.byte_end = p->pub.end = at + n;
    return (int)d->nsent++;
}

/* Adds an actor; returns its index. Events point at actors by index until tdoc_done. */
static int tdoc_actor(dl_doc *d, const char *name, const char *type, const char *country)
{
    need(!DL_GROW(d->act, d->cap_act, d->nact + 1));
    dl_actor_int *a = &d->act[d->nact];
    memset(a, 0, sizeof *a);
    a->pub.name = dl_arena_strdup(d->arena, name);
    a->pub.type = dl_arena_strdup(d->arena, type);
    a->pub.country = dl_arena_strdup(d->arena, country);
    a->pub.role = "";
    a->pub.mentions = 1;
    a->dict = -1;
    return (int)d->nact++;
}

/* Adds an event: source and target are actor indexes or -1; date a TIMEX3 value or ""
 * for an undated event, start and end its first and last day. Returns its index. */
static int tdoc_event(dl_doc *d, int src, int dst, const char *relation, const char *cameo,
                      int quad, double goldstein, const char *date, const char *start,
                      const char *end, int sentence)
{
    need(!DL_GROW(d->ev, d->cap_ev, d->nev + 1));
    dl_event_int *e = &d->ev[d->nev];
    memset(e, 0, sizeof *e);
    e->source = src;
    e->target = dst;
    e->timex = -1;
    e->order = (int)d->nev;
    e->pub.id = dl_arena_printf(d->arena, "%s-e%zu", d->name, d->nev + 1);
    e->pub.date = dl_arena_strdup(d->arena, date);
    e->pub.date_mod = "";
    e->pub.start = dl_arena_strdup(d->arena, start);
    e->pub.end = dl_arena_strdup(d->arena, end);
    e->pub.precision = "";
    e->pub.date_text = "";
    e->pub.date_anchor = "explicit";
    e->pub.relation = dl_arena_strdup(d->arena, relation);
    e->pub.cameo = dl_arena_strdup(d->arena, cameo);
    e->pub.quad_class = quad;
    e->pub.goldstein = goldstein;
    e->pub.object = "";
    e->pub.modality = "asserted";
    e->pub.trigger = e->pub.relation;
    e->pub.sentence = sentence;
    return (int)d->nev++;
}

/* Points the events at their actors (the actor array no longer moves). */
static void tdoc_done(dl_doc *d)
{
    for (size_t i = 0; i < d->nev; i++) {
        dl_event_int *e = &d->ev[i];
        e->pub.source = e->source >= 0 ? &d->act[e->source].pub : NULL;
        e->pub.target = e->target >= 0 ? &d->act[e->target].pub : NULL;
    }
}

/* A story like the sample article's, with the events a reader finds in it. */
static dl_doc *story_doc(void)
{
    dl_doc *d = tdoc_new("putin-north-korea");
    int s0 = tdoc_sent(d, "Russian President Vladimir V. Putin will travel to North Korea on Tuesday.");
    int s1 = tdoc_sent(d, "Nine months ago, after Kim arrived by armored train in the Russian Far East, "
                          "the two men met at a Russian cosmodrome.");
    int s2 = tdoc_sent(d, "In March, Russia vetoed the annual renewal of the UN panel of experts.");
    int s3 = tdoc_sent(d, "Kim, whose grandfather came to power with Moscow's support in 1948 and "
                          "founded North Korea, has expanded his arsenal.");
    int s4 = tdoc_sent(d, "Two months after Kim's visit to Russia last year, North Korea put its first "
                          "military reconnaissance satellite into orbit.");
    int s5 = tdoc_sent(d, "Officials in Kiev said that Russia launched about 50 North Korean ballistic "
                          "missiles into Ukrainian territory last winter.");
    int s6 = tdoc_sent(d, "The United States has since accused Russia at the United Nations of firing "
                          "North Korean missiles at Ukraine.");
    int s7 = tdoc_sent(d, "Kremlin aide Yuri V. Ushakov told reporters at a briefing Monday that the "
                          "leaders would discuss energy.");
    int putin = tdoc_actor(d, "Vladimir Putin", "person", "RUS");
    int kim = tdoc_actor(d, "Kim Jong-un", "person", "PRK");
    int kis = tdoc_actor(d, "Kim Il-sung", "person", "PRK");
    int ush = tdoc_actor(d, "Yuri Ushakov", "person", "RUS");
    int rus = tdoc_actor(d, "Russia", "country", "RUS");
    int prk = tdoc_actor(d, "North Korea", "country", "PRK");
    int un = tdoc_actor(d, "United Nations", "organization", "");
    int ukr = tdoc_actor(d, "Ukraine", "country", "UKR");
    int usa = tdoc_actor(d, "United States", "country", "USA");
    tdoc_event(d, putin, prk, "visit", "042", 2, 1.9, "2024-06-18", "2024-06-18", "2024-06-18", s0);
    tdoc_event(d, kim, rus, "visit", "042", 2, 1.9, "2023-09", "2023-09-01", "2023-09-30", s1);
    tdoc_event(d, kim, putin, "meet", "044", 1, 2.8, "2023-09", "2023-09-01", "2023-09-30", s1);
    tdoc_event(d, rus, un, "veto", "163", 4, -4.0, "2024-03", "2024-03-01", "2024-03-31", s2);
    tdoc_event(d, kis, prk, "found", "", 2, 0, "1948", "1948-01-01", "1948-12-31", s3);
    tdoc_event(d, rus, kis, "support", "050", 1, 3.5, "1948", "1948-01-01", "1948-12-31", s3);
    tdoc_event(d, prk, -1, "launch", "", 0, 0, "2023-11", "2023-11-01", "2023-11-30", s4);
    tdoc_event(d, rus, ukr, "fire missiles", "195", 4, -10, "2023-WI", "2023-12-01", "2024-02-29", s5);
    tdoc_event(d, usa, rus, "accuse", "112", 3, -2.0, "", "", "", s6);   /* undated */
    tdoc_event(d, ush, -1, "say", "010", 1, 0, "2024-06-17", "2024-06-17", "2024-06-17", s7);
    tdoc_done(d);
    return d;
}

/* ---------------------------------------------------------------- helpers */

/* Under LeakSanitizer (make sanitize): Graphviz's layout engines and the font libraries
 * it loads keep or leak memory of their own (see tests/valgrind.supp, where valgrind's
 * full stacks allow narrower rules). Leaks allocated in dateline or cgraph still fail. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libgvc.so\nleak:libgvplugin_\nleak:libfontconfig.so\nleak:libpango\n"
           "leak:libcairo.so\nleak:libglib-2.0.so\nleak:libgobject-2.0.so\n";
}

/* One gvc context for the tests, never freed, as in render.c: Graphviz 2.43's pango
 * plugin reads a font name of the previous context after gvFreeContext. */
static GVC_t *gvc_shared(void)
{
    static GVC_t *gvc;
    if (!gvc)
        gvc = gvContext();
    ck_assert_ptr_nonnull(gvc);
    return gvc;
}

/* The DOT text of the graph of docs. The caller frees it. */
static char *dot_of(dl_doc **docs, size_t n, const dl_graph_opts *o)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    dl_error err = {0};
    dl_status st = dl_write_dot(docs, n, o, f, &err);
    fclose(f);
    ck_assert_msg(st == DL_OK, "dl_write_dot: %s", err.msg);
    return buf;
}

/* The graph of docs, read back from its DOT text by agread. */
static Agraph_t *read_back(dl_doc **docs, size_t n, const dl_graph_opts *o)
{
    char *text = dot_of(docs, n, o);
    Agraph_t *g = agmemread(text);
    ck_assert_msg(g != NULL, "agread could not read:\n%s", text);
    free(text);
    return g;
}

static const char *attr(void *obj, const char *name)
{
    char *v = agget(obj, (char *)name);
    return v ? v : "";      /* agwrite leaves out attributes no object sets */
}

/* The visible label of an edge: label, or xlabel for an edge inside a cluster. */
static const char *edge_label(Agedge_t *e)
{
    const char *l = attr(e, "label");
    return l[0] ? l : attr(e, "xlabel");
}

/* The edge tail -> head whose relation is rel, or NULL. */
static Agedge_t *find_edge(Agraph_t *g, const char *tail, const char *head, const char *rel)
{
    Agnode_t *t = agnode(g, (char *)tail, 0), *h = agnode(g, (char *)head, 0);
    if (!t || !h)
        return NULL;
    for (Agedge_t *e = agfstout(g, t); e; e = agnxtout(g, e))
        if (aghead(e) == h && !strcmp(attr(e, "relation"), rel))
            return e;
    return NULL;
}

/* The cluster a node sits in, or NULL. */
static Agraph_t *cluster_of(Agraph_t *g, Agnode_t *n)
{
    for (Agraph_t *s = agfstsubg(g); s; s = agnxtsubg(s))
        if (!strncmp(agnameof(s), "cluster_", 8) && agsubnode(s, n, 0))
            return s;
    return NULL;
}

/* Undoes the escaping of a node label: "\\\\" -> "\\", a line break "\\n" -> " ". */
static void unescape(char *s)
{
    char *w = s;
    for (; *s; s++) {
        if (s[0] == '\\' && s[1] == '\\') {
            s++;
        } else if (s[0] == '\\' && s[1] == 'n') {
            s++;
            *w++ = ' ';
            continue;
        }
        *w++ = *s;
    }
    *w = 0;
}

/* Every attribute of obj (of kind in graph g0) has the same value on copy. */
static void same_attrs(Agraph_t *g0, int kind, void *obj, void *copy)
{
    for (Agsym_t *sym = agnxtattr(g0, kind, NULL); sym; sym = agnxtattr(g0, kind, sym)) {
        const char *want = agxget(obj, sym), *got = agget(copy, sym->name);
        ck_assert_msg(!strcmp(want, got ? got : ""), "attribute %s of %s: '%s' read back as '%s'",
                      sym->name, kind == AGRAPH ? agnameof(obj) : kind == AGNODE ? agnameof(obj) : "an edge",
                      want, got ? got : "(none)");
        ck_assert_int_eq(aghtmlstr((char *)want) != 0, got && aghtmlstr((char *)got) != 0);
    }
}

/* The graph of docs, written and read back by agread, has the same nodes, edges,
 * clusters and attributes. */
static void check_round_trip(dl_doc **docs, size_t n, const dl_graph_opts *o)
{
    dl_error err = {0};
    Agraph_t *g0 = dl_graph_build(docs, n, o, &err);
    ck_assert_msg(g0 != NULL, "%s", err.msg);
    char *text = dot_of(docs, n, o);
    Agraph_t *g1 = agmemread(text);
    ck_assert_ptr_nonnull(g1);
    ck_assert_int_eq(agnnodes(g1), agnnodes(g0));
    ck_assert_int_eq(agnedges(g1), agnedges(g0));
    same_attrs(g0, AGRAPH, g0, g1);
    for (Agraph_t *s0 = agfstsubg(g0); s0; s0 = agnxtsubg(s0)) {
        Agraph_t *s1 = agsubg(g1, agnameof(s0), 0);
        ck_assert_msg(s1 != NULL, "cluster %s lost", agnameof(s0));
        ck_assert_int_eq(agnnodes(s1), agnnodes(s0));
        same_attrs(g0, AGRAPH, s0, s1);
    }
    for (Agnode_t *n0 = agfstnode(g0); n0; n0 = agnxtnode(g0, n0)) {
        Agnode_t *n1 = agnode(g1, agnameof(n0), 0);
        ck_assert_msg(n1 != NULL, "node '%s' lost", agnameof(n0));
        same_attrs(g0, AGNODE, n0, n1);
        for (Agedge_t *e0 = agfstout(g0, n0); e0; e0 = agnxtout(g0, e0)) {
            Agnode_t *h1 = agnode(g1, agnameof(aghead(e0)), 0);
            ck_assert_ptr_nonnull(h1);
            Agedge_t *e1 = agedge(g1, n1, h1, agnameof(e0), 0);
            ck_assert_msg(e1 != NULL, "edge %s -> %s lost", agnameof(n0), agnameof(aghead(e0)));
            same_attrs(g0, AGEDGE, e0, e1);
        }
    }
    agclose(g1);
    agclose(g0);
    free(text);
}

static char gv_said[2048];

static int keep_said(char *msg)
{
    strncat(gv_said, msg, sizeof gv_said - strlen(gv_said) - 1);
    return 0;
}

/* The DOT text, as a user gives it to `dot -Tsvg`, `neato -Tsvg` or `sfdp -Tsvg`: read,
 * laid out and rendered with Graphviz's own defaults, without one warning. */
static void check_engines_accept(dl_doc **docs, size_t n, const dl_graph_opts *o)
{
    char *text = dot_of(docs, n, o);
    const char *engines[] = {"dot", "neato", "sfdp"};
    for (size_t i = 0; i < DL_COUNT(engines); i++) {
        gv_said[0] = 0;
        agusererrf old = agseterrf(keep_said);
        agseterr(AGWARN);
        Agraph_t *g = agmemread(text);
        ck_assert_ptr_nonnull(g);
        GVC_t *gvc = gvc_shared();
        ck_assert_int_eq(dl_gv_layout(gvc, g, engines[i]), 0);
        char *svg = NULL;
        unsigned int len = 0;
        ck_assert_int_eq(gvRenderData(gvc, g, "svg", &svg, &len), 0);
        ck_assert_ptr_nonnull(strstr(svg, "</svg>"));
        gvFreeRenderData(svg);
        gvFreeLayout(gvc, g);
        ck_assert_int_eq(agclose(g), 0);
        agseterrf(old);
        ck_assert_msg(gv_said[0] == 0, "%s said: %s", engines[i], gv_said);
    }
    free(text);
}

/* ---------------------------------------------------------------- edges and nodes */

START_TEST(test_story_edges)
{
    dl_doc *d = story_doc();
    Agraph_t *g = read_back(&d, 1, NULL);
    struct { const char *s, *t, *rel, *label, *quad, *dates; } want[] = {
        {"Vladimir Putin", "North Korea", "visit", "visit 2024-06-18", "2", "2024-06-18"},
        {"Russia", "United Nations", "veto", "veto 2024-03", "4", "2024-03"},
        {"Kim Il-sung", "North Korea", "found", "found 1948", "2", "1948"},
        {"Kim Jong-un", "Russia", "visit", "visit 2023-09", "2", "2023-09"},
        {"Kim Jong-un", "Vladimir Putin", "meet", "meet 2023-09", "1", "2023-09"},
        {"Russia", "Ukraine", "fire missiles", "fire missiles winter 2023/24", "4", "2023-WI"},
    };
    for (size_t i = 0; i < DL_COUNT(want); i++) {
        Agedge_t *e = find_edge(g, want[i].s, want[i].t, want[i].rel);
        ck_assert_msg(e != NULL, "no edge %s -> %s (%s)", want[i].s, want[i].t, want[i].rel);
        ck_assert_str_eq(edge_label(e), want[i].label);
        ck_assert_str_eq(attr(e, "quad_class"), want[i].quad);
        ck_assert_str_eq(attr(e, "dates"), want[i].dates);
        ck_assert_str_eq(attr(e, "weight"), "1");
    }
    /* inside a cluster, on one rank: an external label (see export_dot.c) */
    ck_assert_str_eq(attr(find_edge(g, "Kim Il-sung", "North Korea", "found"), "xlabel"), "found 1948");
    ck_assert_str_eq(attr(find_edge(g, "Kim Il-sung", "North Korea", "found"), "label"), "");
    Agedge_t *e = find_edge(g, "Vladimir Putin", "North Korea", "visit");
    ck_assert_str_eq(attr(e, "label"), "visit 2024-06-18");
    ck_assert_str_eq(attr(e, "cameo"), "042");
    ck_assert_str_eq(attr(e, "events"), "putin-north-korea-e1");
    ck_assert_str_eq(attr(e, "start"), "2024-06-18");
    ck_assert_str_eq(attr(e, "goldstein"), "1.9");
    ck_assert_ptr_nonnull(strstr(attr(e, "tooltip"), "Vladimir V. Putin will travel to North Korea"));
    /* colours: material cooperation dark blue, verbal cooperation light blue and dashed,
     * material conflict dark red */
    ck_assert_str_eq(attr(e, "color"), "#2166ac");
    e = find_edge(g, "Kim Jong-un", "Vladimir Putin", "meet");
    ck_assert_str_eq(attr(e, "color"), "#67a9cf");
    ck_assert_str_eq(attr(e, "style"), "dashed");
    e = find_edge(g, "Russia", "United Nations", "veto");
    ck_assert_str_eq(attr(e, "color"), "#b2182b");
    ck_assert_str_eq(attr(e, "style"), "solid");
    /* the undated accusation is not drawn, and the United States takes part in nothing else */
    ck_assert_ptr_null(agnode(g, "United States", 0));
    ck_assert_int_eq(agnedges(g), 7);
    /* nodes: type, country, shape */
    Agnode_t *n = agnode(g, "Vladimir Putin", 0);
    ck_assert_str_eq(attr(n, "type"), "person");
    ck_assert_str_eq(attr(n, "country"), "RUS");
    ck_assert_str_eq(attr(n, "shape"), "ellipse");
    ck_assert_str_eq(attr(agnode(g, "Russia", 0), "shape"), "box");
    ck_assert_str_eq(attr(agnode(g, "United Nations", 0), "shape"), "hexagon");
    ck_assert_str_eq(attr(agnode(g, "United Nations", 0), "type"), "organization");
    agclose(g);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_clusters)
{
    dl_doc *d = story_doc();
    Agraph_t *g = read_back(&d, 1, NULL);
    Agraph_t *rus = agsubg(g, "cluster_RUS", 0), *prk = agsubg(g, "cluster_PRK", 0);
    ck_assert_ptr_nonnull(rus);
    ck_assert_ptr_nonnull(prk);
    ck_assert_ptr_eq(cluster_of(g, agnode(g, "Vladimir Putin", 0)), rus);
    ck_assert_ptr_eq(cluster_of(g, agnode(g, "Yuri Ushakov", 0)), rus);
    ck_assert_ptr_eq(cluster_of(g, agnode(g, "Russia", 0)), rus);
    ck_assert_ptr_eq(cluster_of(g, agnode(g, "Kim Il-sung", 0)), prk);
    /* no person of Ukraine: no cluster; no country for the United Nations */
    ck_assert_ptr_null(agsubg(g, "cluster_UKR", 0));
    ck_assert_ptr_null(cluster_of(g, agnode(g, "Ukraine", 0)));
    ck_assert_ptr_null(cluster_of(g, agnode(g, "United Nations", 0)));
    /* the clusters do not inherit the legend */
    ck_assert_str_eq(attr(rus, "label"), "");
    agclose(g);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_aggregation)
{
    dl_doc *d = tdoc_new("agg");
    int s = tdoc_sent(d, "Talks.");
    int fr = tdoc_actor(d, "France", "country", "FRA");
    int de = tdoc_actor(d, "Germany", "country", "DEU");
    tdoc_event(d, fr, de, "meet", "044", 1, 2.8, "2019-02", "2019-02-01", "2019-02-28", s);
    tdoc_event(d, fr, de, "meet", "044", 1, 2.8, "2021-05-04", "2021-05-04", "2021-05-04", s);
    tdoc_event(d, fr, de, "meet", "043", 1, 2.8, "2019-02", "2019-02-01", "2019-02-28", s);
    tdoc_event(d, fr, de, "sign", "057", 1, 8.0, "2021-05-04", "2021-05-04", "2021-05-04", s);
    tdoc_event(d, de, fr, "meet", "044", 1, 2.8, "2020", "2020-01-01", "2020-12-31", s);
    for (int i = 0; i < 4; i++)
        tdoc_event(d, de, fr, "criticize", "111", 3, -2, i < 2 ? "2010" : i < 3 ? "2012-03" : "2015",
                   i < 2 ? "2010-01-01" : i < 3 ? "2012-03-01" : "2015-01-01",
                   i < 2 ? "2010-12-31" : i < 3 ? "2012-03-31" : "2015-12-31", s);
    tdoc_done(d);
    Agraph_t *g = read_back(&d, 1, NULL);
    ck_assert_int_eq(agnedges(g), 4);
    Agedge_t *e = find_edge(g, "France", "Germany", "meet");
    ck_assert_str_eq(attr(e, "weight"), "3");
    ck_assert_str_eq(attr(e, "label"), "meet \xc3\x97" "3 2019-02, 2021-05-04");
    ck_assert_str_eq(attr(e, "dates"), "2019-02;2021-05-04");
    ck_assert_str_eq(attr(e, "cameo"), "044;043");
    ck_assert_str_eq(attr(e, "events"), "agg-e1;agg-e3;agg-e2");
    ck_assert_str_eq(attr(e, "start"), "2019-02-01");
    ck_assert_str_eq(attr(e, "end"), "2021-05-04");
    Agedge_t *one = find_edge(g, "France", "Germany", "sign");
    ck_assert_str_eq(attr(one, "weight"), "1");
    ck_assert_double_gt(atof(attr(e, "penwidth")), atof(attr(one, "penwidth")));
    /* the other direction is another edge; four events on three dates: first and last */
    Agedge_t *c = find_edge(g, "Germany", "France", "criticize");
    ck_assert_str_eq(attr(c, "weight"), "4");
    ck_assert_str_eq(attr(c, "label"), "criticize \xc3\x97" "4 2010, 2012-03, 2015");
    ck_assert_double_gt(atof(attr(c, "penwidth")), atof(attr(e, "penwidth")));
    ck_assert_str_eq(attr(c, "color"), "#ef8a62");
    agclose(g);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_many_events)
{
    /* ten attacks on ten days: the label gives the span, the tooltip six sentences */
    dl_doc *d = tdoc_new("war");
    int a = tdoc_actor(d, "Armenia", "country", "ARM");
    int b = tdoc_actor(d, "Azerbaijan", "country", "AZE");
    for (int i = 0; i < 10; i++) {
        char sent[64], day[16];
        snprintf(sent, sizeof sent, "Shelling was reported on day %d.", i + 1);
        snprintf(day, sizeof day, "2020-10-%02d", i + 1);
        int s = tdoc_sent(d, sent);
        tdoc_event(d, b, a, "attack", "190", 4, -10, day, day, day, s);
    }
    tdoc_event(d, a, b, "say", "010", 1, 0, "PRESENT_REF", "", "", 0);
    tdoc_done(d);
    Agraph_t *g = read_back(&d, 1, NULL);
    Agedge_t *e = find_edge(g, "Azerbaijan", "Armenia", "attack");
    ck_assert_str_eq(edge_label(e), "attack \xc3\x97" "10 2020-10-01 \xe2\x80\x93 2020-10-10");
    ck_assert_str_eq(attr(e, "weight"), "10");
    ck_assert_str_eq(attr(e, "penwidth"), "4.8");     /* 1.5 + log2(10) */
    const char *tip = attr(e, "tooltip");
    ck_assert_ptr_nonnull(strstr(tip, "day 6."));
    ck_assert_ptr_null(strstr(tip, "day 7."));
    ck_assert_ptr_nonnull(strstr(tip, "and more (10 events in all)"));
    ck_assert_str_eq(edge_label(find_edge(g, "Armenia", "Azerbaijan", "say")), "say now");
    agclose(g);
    dl_doc_free(d);
}
END_TEST

/* Across documents, the evidence lines are the first six distinct ones in date order,
 * whatever order the documents come in; lines of one sentence and date are one line. */
START_TEST(test_evidence_across_documents)
{
    dl_doc *docs[9];
    for (int i = 0; i < 9; i++) {
        char name[16], sent[64], day[16];
        snprintf(name, sizeof name, "report%d", i);
        docs[i] = tdoc_new(name);
        snprintf(sent, sizeof sent, "Talks in Lima on day %d.", 9 - i);
        snprintf(day, sizeof day, "2021-05-%02d", 9 - i);   /* later documents, earlier days */
        int s = tdoc_sent(docs[i], sent);
        int a = tdoc_actor(docs[i], "Peru", "country", "PER");
        int b = tdoc_actor(docs[i], "Bolivia", "country", "BOL");
        tdoc_event(docs[i], a, b, "meet", "044", 1, 1.5, day, day, day, s);
        if (i == 6)     /* told twice in one sentence: one line */
            tdoc_event(docs[i], a, b, "meet", "044", 1, 1.5, day, day, day, s);
        tdoc_done(docs[i]);
    }
    Agraph_t *g = read_back(docs, 9, NULL);
    Agedge_t *e = find_edge(g, "Peru", "Bolivia", "meet");
    ck_assert_str_eq(attr(e, "weight"), "10");
    const char *tip = attr(e, "tooltip");
    for (int day = 1; day <= 9; day++) {
        char want[32];
        snprintf(want, sizeof want, "day %d.", day);
        if (day <= 6)
            ck_assert_msg(strstr(tip, want) != NULL, "%s missing from %s", want, tip);
        else
            ck_assert_msg(strstr(tip, want) == NULL, "%s in %s", want, tip);
    }
    ck_assert_ptr_nonnull(strstr(tip, "day 3.\\n2021-05-04"));   /* day 3 once */
    ck_assert_ptr_nonnull(strstr(tip, "and more (10 events in all)"));
    ck_assert_str_eq(attr(e, "events"), "report8-e1;report7-e1;report6-e1;report6-e2;report5-e1;"
                                        "report4-e1;report3-e1;report2-e1;report1-e1;report0-e1");
    ck_assert_str_eq(attr(e, "goldstein"), "1.5");
    agclose(g);
    for (int i = 0; i < 9; i++)
        dl_doc_free(docs[i]);
}
END_TEST

static dl_doc *hub_doc(void);
static dl_doc *big_doc(int n);

/* A builder fed one document at a time, each freed once added, writes what dl_write_dot
 * writes for all of them at once; a consumed builder writes it once more, then refuses. */
START_TEST(test_builder)
{
    dl_graph_opts opts[3] = {{0}, {.event_nodes = 1}, {.top = 3, .min_weight = 1}};
    for (int k = 0; k < 3; k++) {
        dl_doc *docs[4] = {story_doc(), hub_doc(), big_doc(30), story_doc()};
        char *want = dot_of(docs, 4, &opts[k]);
        for (int i = 0; i < 4; i++)
            dl_doc_free(docs[i]);
        dl_error err = {0};
        dl_graph_builder *gb = dl_graph_builder_new(&err);
        ck_assert_ptr_nonnull(gb);
        for (int i = 0; i < 4; i++) {
            dl_doc *d = i == 0 || i == 3 ? story_doc() : i == 1 ? hub_doc() : big_doc(30);
            ck_assert_int_eq(dl_graph_builder_add(gb, d, &err), DL_OK);
            dl_doc_free(d);
        }
        for (int pass = 0; pass < 3; pass++) {
            if (pass == 1)
                dl_graph_builder_consume(gb);
            char *buf = NULL;
            size_t len = 0;
            FILE *f = open_memstream(&buf, &len);
            ck_assert_ptr_nonnull(f);
            dl_status st = dl_graph_builder_write_dot(gb, &opts[k], f, &err);
            fclose(f);
            if (pass < 2) {
                ck_assert_int_eq(st, DL_OK);
                ck_assert_str_eq(buf, want);
            } else {
                ck_assert_int_eq(st, DL_EARG);
            }
            free(buf);
        }
        dl_graph_builder_free(gb);
        free(want);
    }
}
END_TEST

START_TEST(test_date_labels)
{
    dl_doc *d = tdoc_new("dates");
    int s = tdoc_sent(d, "Dates.");
    int a = tdoc_actor(d, "Chile", "country", "CHL");
    int b = tdoc_actor(d, "Peru", "country", "PER");
    const char *v[][3] = {{"199", "1990-01-01", "1999-12-31"}, {"18", "1800-01-01", "1899-12-31"},
                          {"2001-SU", "2001-06-01", "2001-08-31"}, {"2003-W07", "2003-02-10", "2003-02-16"},
                          {"2005-Q3", "2005-07-01", "2005-09-30"}, {"2007-06-05", "2007-06-05", "2007-06-05"}};
    for (size_t i = 0; i < DL_COUNT(v); i++) {
        char rel[16];
        snprintf(rel, sizeof rel, "r%zu", i);
        tdoc_event(d, a, b, rel, "", 0, 0, v[i][0], v[i][1], v[i][2], s);
    }
    d->ev[5].pub.date_mod = "BEFORE";
    tdoc_done(d);
    Agraph_t *g = read_back(&d, 1, NULL);
    const char *want[] = {"r0 1990s", "r1 18xx", "r2 summer 2001", "r3 2003-W07", "r4 2005-Q3",
                          "r5 before 2007-06-05"};
    for (size_t i = 0; i < DL_COUNT(want); i++) {
        char rel[16];
        snprintf(rel, sizeof rel, "r%zu", i);
        Agedge_t *e = find_edge(g, "Chile", "Peru", rel);
        ck_assert_ptr_nonnull(e);
        ck_assert_str_eq(attr(e, "label"), want[i]);
        ck_assert_str_eq(attr(e, "quad_class"), "");
        ck_assert_str_eq(attr(e, "color"), "#969696");
    }
    agclose(g);
    dl_doc_free(d);
}
END_TEST

/* ---------------------------------------------------------------- events without a target */

START_TEST(test_events_without_target)
{
    dl_doc *d = story_doc();
    Agraph_t *g = read_back(&d, 1, NULL);
    Agnode_t *n = agnode(g, "North Korea", 0);
    ck_assert_ptr_nonnull(strstr(attr(n, "tooltip"), "launch 2023-11"));
    ck_assert_ptr_nonnull(strstr(attr(n, "tooltip"), "reconnaissance satellite into orbit"));
    ck_assert_str_eq(attr(n, "solo_events"), "launch 2023-11");
    ck_assert_str_eq(attr(n, "events"), "putin-north-korea-e7");
    /* an actor whose only event has no target is still on the graph */
    n = agnode(g, "Yuri Ushakov", 0);
    ck_assert_ptr_nonnull(n);
    ck_assert_str_eq(attr(n, "solo_events"), "say 2024-06-17");
    ck_assert_int_eq(agnnodes(g), 8);
    agclose(g);

    dl_graph_opts o = {.event_nodes = 1};
    g = read_back(&d, 1, &o);
    ck_assert_int_eq(agnnodes(g), 10);
    Agnode_t *ev = agnode(g, "North Korea: launch", 0);
    ck_assert_ptr_nonnull(ev);
    ck_assert_str_eq(attr(ev, "type"), "event");
    ck_assert_str_eq(attr(ev, "label"), "launch 2023-11");
    ck_assert_str_eq(attr(ev, "dates"), "2023-11");
    ck_assert_str_eq(attr(ev, "events"), "putin-north-korea-e7");
    ck_assert_ptr_nonnull(agedge(g, agnode(g, "North Korea", 0), ev, NULL, 0));
    /* the event node sits with its actor */
    ck_assert_ptr_eq(cluster_of(g, ev), agsubg(g, "cluster_PRK", 0));
    agclose(g);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_target_without_source)
{
    dl_doc *d = tdoc_new("passive");
    int s = tdoc_sent(d, "The embassy in Nairobi was attacked in August 1998.");
    tdoc_actor(d, "Kenya", "country", "KEN");
    int us = tdoc_actor(d, "United States", "country", "USA");
    tdoc_event(d, -1, us, "attack", "190", 4, -10, "1998-08", "1998-08-01", "1998-08-31", s);
    tdoc_event(d, -1, -1, "explode", "", 0, 0, "1998-08", "1998-08-01", "1998-08-31", s);
    tdoc_done(d);
    Agraph_t *g = read_back(&d, 1, NULL);
    ck_assert_int_eq(agnnodes(g), 1);
    ck_assert_ptr_nonnull(strstr(attr(agnode(g, "United States", 0), "tooltip"), "was attacked"));
    agclose(g);
    dl_doc_free(d);
}
END_TEST

/* ---------------------------------------------------------------- filtering */

static dl_doc *hub_doc(void)
{
    dl_doc *d = tdoc_new("hub");
    int s = tdoc_sent(d, "Many meetings.");
    int hub = tdoc_actor(d, "Kenya", "country", "KEN");
    const char *names[] = {"Uganda", "Tanzania", "Rwanda", "Burundi", "Ethiopia"};
    for (int i = 0; i < 5; i++) {
        int a = tdoc_actor(d, names[i], "country", "");
        for (int k = 0; k <= i; k++)
            tdoc_event(d, hub, a, "meet", "044", 1, 1, "2022", "2022-01-01", "2022-12-31", s);
    }
    tdoc_event(d, hub, -1, "say", "010", 1, 0, "2022", "2022-01-01", "2022-12-31", s);
    int lone = tdoc_actor(d, "Somalia", "country", "SOM");
    tdoc_event(d, lone, -1, "say", "010", 1, 0, "2022", "2022-01-01", "2022-12-31", s);
    tdoc_done(d);
    return d;
}

START_TEST(test_min_weight_and_top)
{
    dl_doc *d = hub_doc();
    Agraph_t *g = read_back(&d, 1, NULL);
    ck_assert_int_eq(agnedges(g), 5);
    ck_assert_int_eq(agnnodes(g), 7);
    agclose(g);

    dl_graph_opts o = {.min_weight = 3};
    g = read_back(&d, 1, &o);
    ck_assert_int_eq(agnedges(g), 3);
    ck_assert_ptr_null(agnode(g, "Uganda", 0));
    ck_assert_ptr_null(agnode(g, "Somalia", 0));     /* one statement is below 3 */
    ck_assert_ptr_nonnull(agnode(g, "Rwanda", 0));
    agclose(g);

    o = (dl_graph_opts){.top = 2};
    g = read_back(&d, 1, &o);
    ck_assert_int_eq(agnedges(g), 2);
    ck_assert_ptr_nonnull(find_edge(g, "Kenya", "Ethiopia", "meet"));
    ck_assert_ptr_nonnull(find_edge(g, "Kenya", "Burundi", "meet"));
    ck_assert_ptr_null(agnode(g, "Somalia", 0));     /* not at the end of a kept edge */
    ck_assert_str_eq(attr(agnode(g, "Kenya", 0), "solo_events"), "say 2022");
    ck_assert_int_eq(agnnodes(g), 3);
    agclose(g);
    dl_doc_free(d);
}
END_TEST

/* ---------------------------------------------------------------- escaping */

static const char *const HARD_NAMES[] = {
    "Said \"the Hammer\" Ali", "C:\\Temp\\N", "<b>Bold</b>", "<Angle>", "Владимир Путин",
    "김정은", "Ali & Sons \\N \\n", "Saint-Étienne ", "x\\", "\\\\", "c\\\"d", "e\\\\\"f",
    "\\N", "x\"];evil[label=\"y",
};

/* The node name of an actor: the last backslash of an odd run before a quote or the end
 * becomes U+29F5, which looks the same (Graphviz 2.43 cannot read such a string back). */
static const char *node_name(const char *name, char *buf, size_t size)
{
    size_t w = 0;
    for (const char *p = name; *p && w + 4 < size; p++) {
        size_t k = 0;
        while (p[k] == '\\')
            k++;
        if (k == 0) {
            buf[w++] = *p;
            continue;
        }
        int odd_end = (k & 1) && (p[k] == '"' || p[k] == 0);
        for (size_t i = 0; i + odd_end < k && w + 4 < size; i++)
            buf[w++] = '\\';
        if (odd_end) {
            memcpy(buf + w, "\xe2\xa7\xb5", 3);
            w += 3;
        }
        p += k - 1;
    }
    buf[w] = 0;
    return buf;
}

START_TEST(test_escaping_round_trip)
{
    dl_doc *d = tdoc_new("esc\"ape");
    int s = tdoc_sent(d, "He said \"no\" \\ then <left> \xe2\x80\x94 \\N and \\l.");
    int a[DL_COUNT(HARD_NAMES)];
    for (size_t i = 0; i < DL_COUNT(HARD_NAMES); i++)
        a[i] = tdoc_actor(d, HARD_NAMES[i], i % 2 ? "person" : "organization", i < 4 ? "X\"Y" : "");
    for (size_t i = 0; i + 1 < DL_COUNT(HARD_NAMES); i++)
        tdoc_event(d, a[i], a[i + 1], i == 2 ? "say \"hi\" \\ <x>" : "meet", "", 0, 0, "2020",
                   "2020-01-01", "2020-12-31", s);
    tdoc_done(d);
    char *text = dot_of(&d, 1, NULL);
    Agraph_t *g = agmemread(text);
    ck_assert_msg(g != NULL, "agread:\n%s", text);
    ck_assert_int_eq(agnnodes(g), (int)DL_COUNT(HARD_NAMES));
    for (size_t i = 0; i < DL_COUNT(HARD_NAMES); i++) {
        char want[64];
        node_name(HARD_NAMES[i], want, sizeof want);
        Agnode_t *n = agnode(g, want, 0);
        ck_assert_msg(n != NULL, "node '%s' lost in:\n%s", want, text);
        ck_assert_str_eq(agnameof(n), want);
        char *label = agget(n, "label");
        ck_assert(!aghtmlstr(label));
        /* the label shows the actor's own name, even where the id had to change: \N, or
         * the name with its backslashes escaped (and white space at its ends, which shows
         * nothing, left out) */
        if (strcmp(label, "\\N")) {
            char *copy = strdup(label), name[64];
            unescape(copy);
            snprintf(name, sizeof name, "%s", HARD_NAMES[i]);
            size_t nl = strlen(name);
            while (nl && name[nl - 1] == ' ')
                name[--nl] = 0;
            ck_assert_str_eq(copy, name);
            free(copy);
        } else {
            ck_assert_str_eq(want, HARD_NAMES[i]);
        }
    }
    Agedge_t *e = find_edge(g, HARD_NAMES[2], HARD_NAMES[3], "say \"hi\" \\ <x>");
    ck_assert_ptr_nonnull(e);
    ck_assert(!aghtmlstr((char *)edge_label(e)));
    ck_assert_str_eq(edge_label(e), "say \"hi\" \\\\ <x> 2020");
    ck_assert_ptr_nonnull(strstr(attr(e, "tooltip"), "He said \"no\" \\\\ then <left>"));
    ck_assert_ptr_nonnull(strstr(attr(e, "tooltip"), "\\\\N and \\\\l."));
    agclose(g);
    free(text);
    check_round_trip(&d, 1, NULL);
    check_engines_accept(&d, 1, NULL);
    dl_doc_free(d);
}
END_TEST


START_TEST(test_round_trip)
{
    dl_doc *d = story_doc();
    check_round_trip(&d, 1, NULL);
    dl_graph_opts o = {.event_nodes = 1};
    check_round_trip(&d, 1, &o);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_label_not_html)
{
    /* a name that is an HTML label in DOT syntax must stay a quoted string */
    dl_doc *d = tdoc_new("html");
    int s = tdoc_sent(d, "x");
    int a = tdoc_actor(d, "<TABLE><TR><TD>x</TD></TR></TABLE>", "group", "");
    int b = tdoc_actor(d, "<i>", "group", "");
    tdoc_event(d, a, b, "<attack>", "", 4, 0, "2020", "2020-01-01", "2020-12-31", s);
    tdoc_done(d);
    char *text = dot_of(&d, 1, NULL);
    ck_assert_ptr_nonnull(strstr(text, "\"<TABLE><TR><TD>x</TD></TR></TABLE>\""));
    ck_assert_ptr_null(strstr(text, "label=<<TABLE><TR><TD>x"));
    ck_assert_ptr_nonnull(strstr(text, "label=\"<attack> 2020\""));
    free(text);
    dl_doc_free(d);
}
END_TEST

/* ---------------------------------------------------------------- determinism */

START_TEST(test_deterministic)
{
    dl_doc *d = story_doc();
    char *one = dot_of(&d, 1, NULL), *two = dot_of(&d, 1, NULL);
    ck_assert_str_eq(one, two);
    free(two);
    /* the same story with its actors and events in another order gives the same text */
    dl_doc *r = tdoc_new("putin-north-korea");
    for (size_t i = 0; i < d->nsent; i++) {
        const dl_sentence *p = &d->sent[i].pub;
        char *t = strndup(d->text + p->byte_start, p->byte_end - p->byte_start);
        tdoc_sent(r, t);
        free(t);
    }
    for (size_t i = d->nact; i-- > 0;)
        tdoc_actor(r, d->act[i].pub.name, d->act[i].pub.type, d->act[i].pub.country);
    for (size_t i = d->nev; i-- > 0;) {
        const dl_event_int *e = &d->ev[i];
        int k = tdoc_event(r, e->source < 0 ? -1 : (int)d->nact - 1 - e->source,
                           e->target < 0 ? -1 : (int)d->nact - 1 - e->target, e->pub.relation,
                           e->pub.cameo, e->pub.quad_class, e->pub.goldstein, e->pub.date,
                           e->pub.start, e->pub.end, e->pub.sentence);
        r->ev[k].pub.id = e->pub.id;
    }
    tdoc_done(r);
    two = dot_of(&r, 1, NULL);
    ck_assert_str_eq(one, two);
    free(one);
    free(two);
    dl_doc_free(r);
    dl_doc_free(d);
}
END_TEST

/* Threads exporting and rendering at once get what one thread gets. */
static dl_doc *shared_doc;
static char *shared_dot;

static void *export_many(void *arg)
{
    DL_UNUSED(arg);
    long bad = 0;
    for (int i = 0; i < 8; i++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        dl_error err = {0};
        dl_status st = (i % 2 ? dl_render(&shared_doc, 1, NULL, "svg", f, &err)
                              : dl_write_dot(&shared_doc, 1, NULL, f, &err));
        fclose(f);
        bad += st != DL_OK || (i % 2 == 0 && strcmp(buf, shared_dot));
        free(buf);
    }
    return (void *)bad;
}

START_TEST(test_threads)
{
    shared_doc = story_doc();
    shared_dot = dot_of(&shared_doc, 1, NULL);
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, export_many, NULL), 0);
    long bad = 0;
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        bad += (long)r;
    }
    ck_assert_int_eq(bad, 0);
    free(shared_dot);
    dl_doc_free(shared_doc);
}
END_TEST

START_TEST(test_cluster_order)
{
    /* clusters are written in code order, whatever the order of creation of strings */
    dl_doc *d = tdoc_new("many");
    int s = tdoc_sent(d, "x");
    const char *codes[] = {"ZWE", "AFG", "MEX", "BRA", "NOR", "CHN", "EGY"};
    int prev = -1;
    for (size_t i = 0; i < DL_COUNT(codes); i++) {
        char name[32];
        snprintf(name, sizeof name, "Minister %zu", i);
        int a = tdoc_actor(d, name, "person", codes[i]);
        if (prev >= 0)
            tdoc_event(d, prev, a, "meet", "044", 1, 1, "2020", "2020-01-01", "2020-12-31", s);
        prev = a;
    }
    tdoc_done(d);
    char *text = dot_of(&d, 1, NULL);
    const char *sorted[] = {"AFG", "BRA", "CHN", "EGY", "MEX", "NOR", "ZWE"};
    const char *at = text;
    for (size_t i = 0; i < DL_COUNT(sorted); i++) {
        char key[32];
        snprintf(key, sizeof key, "subgraph cluster_%s", sorted[i]);
        const char *p = strstr(text, key);
        ck_assert_msg(p != NULL, "%s missing", key);
        ck_assert_msg(p > at, "%s out of order", key);
        at = p;
    }
    free(text);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_empty_graph)
{
    dl_doc *d = tdoc_new("empty");
    tdoc_done(d);
    Agraph_t *g = read_back(&d, 1, NULL);
    ck_assert_int_eq(agnnodes(g), 0);
    ck_assert_ptr_nonnull(strstr(agget(g, "label"), "no dated events"));
    agclose(g);
    dl_doc_free(d);
}
END_TEST

/* ---------------------------------------------------------------- layouts */

/* A graph of n actors of several countries and types, edges of every class. */
static dl_doc *big_doc(int n)
{
    dl_doc *d = tdoc_new("big");
    int s = tdoc_sent(d, "Many things happened.");
    const char *types[] = {"person", "country", "organization", "group", "place"};
    const char *codes[] = {"FRA", "DEU", "ITA", "ESP", ""};
    for (int i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "Actor %03d", i);
        tdoc_actor(d, name, types[i % 5], codes[(i / 5) % 5]);
    }
    unsigned x = 12345;
    for (int i = 0; i < n * 3 / 2; i++) {
        x = x * 1103515245u + 12345u;
        int a = (int)((x >> 8) % (unsigned)n), b = (int)((x >> 18) % (unsigned)n);
        if (a == b)
            b = (b + 1) % n;
        if (i < n)
            a = i, b = (i + 1 + (int)(x % 3)) % n;     /* connected */
        int q = 1 + (int)((x >> 4) % 4);
        tdoc_event(d, a, b, q < 3 ? "meet" : "attack", "", q, 0, "2021-03", "2021-03-01",
                   "2021-03-31", s);
    }
    tdoc_done(d);
    return d;
}

/* Lays the graph out with engine and checks that no two node boxes overlap. */
static void check_layout(dl_doc *d, const dl_graph_opts *o, const char *engine)
{
    dl_error err = {0};
    Agraph_t *g = dl_graph_build(&d, 1, o, &err);
    ck_assert_ptr_nonnull(g);
    if (strcmp(engine, "dot"))
        agsafeset(g, "overlap", "prism", "");
    GVC_t *gvc = gvc_shared();
    ck_assert_int_eq(dl_gv_layout(gvc, g, engine), 0);
    char *out = NULL;
    unsigned int outlen = 0;
    ck_assert_int_eq(gvRenderData(gvc, g, "dot", &out, &outlen), 0);   /* attaches pos */
    gvFreeRenderData(out);
    int nn = agnnodes(g), k = 0;
    double(*box)[4] = calloc((size_t)nn, sizeof *box);
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n), k++) {
        double x, y;
        ck_assert_int_eq(sscanf(agget(n, "pos"), "%lf,%lf", &x, &y), 2);
        double w = atof(agget(n, "width")) * 72 / 2, h = atof(agget(n, "height")) * 72 / 2;
        box[k][0] = x - w, box[k][1] = y - h, box[k][2] = x + w, box[k][3] = y + h;
    }
    for (int i = 0; i < nn; i++)
        for (int j = i + 1; j < nn; j++) {
            double ox = fmin(box[i][2], box[j][2]) - fmax(box[i][0], box[j][0]);
            double oy = fmin(box[i][3], box[j][3]) - fmax(box[i][1], box[j][1]);
            ck_assert_msg(ox <= 1 || oy <= 1, "%s: nodes %d and %d overlap by %.1f x %.1f",
                          engine, i, j, ox, oy);
        }
    free(box);
    gvFreeLayout(gvc, g);
    ck_assert_int_eq(agclose(g), 0);
}

START_TEST(test_layouts_no_overlap)
{
    dl_doc *d = story_doc();
    dl_graph_opts o = {.event_nodes = 1};
    check_layout(d, &o, "dot");
    check_layout(d, &o, "neato");
    check_layout(d, &o, "sfdp");
    check_layout(d, &o, "circo");
    dl_doc_free(d);
    d = big_doc(40);
    check_layout(d, NULL, "dot");
    check_layout(d, NULL, "sfdp");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_engines_accept_dot)
{
    dl_doc *d = story_doc();
    check_engines_accept(&d, 1, NULL);
    dl_graph_opts o = {.event_nodes = 1};
    check_engines_accept(&d, 1, &o);
    dl_doc_free(d);
    d = big_doc(30);
    check_engines_accept(&d, 1, NULL);
    dl_doc_free(d);
}
END_TEST

/* Renders into memory; returns the bytes (caller frees) and their number. */
static char *render(dl_doc *d, const dl_graph_opts *o, const char *format, size_t *len, dl_status *st)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    dl_error err = {0};
    *st = dl_render(&d, 1, o, format, f, &err);
    fclose(f);
    return buf;
}

START_TEST(test_render_formats)
{
    dl_doc *d = story_doc();
    size_t len;
    dl_status st;
    const char *layouts[] = {NULL, "dot", "neato", "sfdp", "circo"};
    for (size_t i = 0; i < DL_COUNT(layouts); i++) {
        dl_graph_opts o = {.layout = layouts[i], .event_nodes = (int)i % 2};
        char *svg = render(d, &o, "svg", &len, &st);
        ck_assert_int_eq(st, DL_OK);
        ck_assert_ptr_nonnull(strstr(svg, "<svg"));
        ck_assert_ptr_nonnull(strstr(svg, "Vladimir Putin"));
        /* the evidence is a tooltip: an SVG <title> or xlink:title */
        ck_assert_ptr_nonnull(strstr(svg, "will travel to North Korea on Tuesday"));
        free(svg);
    }
    char *png = render(d, NULL, "png", &len, &st);
    ck_assert_int_eq(st, DL_OK);
    ck_assert_uint_gt(len, 8);
    ck_assert_int_eq(memcmp(png, "\x89PNG\r\n\x1a\n", 8), 0);
    free(png);
    char *pdf = render(d, NULL, "pdf", &len, &st);
    ck_assert_int_eq(st, DL_OK);
    ck_assert_int_eq(memcmp(pdf, "%PDF", 4), 0);
    free(pdf);
    free(render(d, NULL, "gif", &len, &st));
    ck_assert_int_eq(st, DL_EARG);
    dl_graph_opts bad = {.layout = "spring"};
    free(render(d, &bad, "svg", &len, &st));
    ck_assert_int_eq(st, DL_EARG);
    /* the same input renders to the same bytes */
    char *a = render(d, NULL, "svg", &len, &st), *b = render(d, NULL, "svg", &len, &st);
    ck_assert_str_eq(a, b);
    free(a);
    free(b);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_big_graph_uses_sfdp)
{
    dl_doc *d = big_doc(130);
    size_t len;
    dl_status st;
    char *svg = render(d, NULL, "svg", &len, &st);
    ck_assert_int_eq(st, DL_OK);
    ck_assert_ptr_nonnull(strstr(svg, "<svg"));
    free(svg);
    dl_doc_free(d);
}
END_TEST

static Suite *graph_suite(void)
{
    Suite *s = suite_create("graph");
    TCase *tc = tcase_create("graph");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_story_edges);
    tcase_add_test(tc, test_clusters);
    tcase_add_test(tc, test_aggregation);
    tcase_add_test(tc, test_many_events);
    tcase_add_test(tc, test_evidence_across_documents);
    tcase_add_test(tc, test_builder);
    tcase_add_test(tc, test_date_labels);
    tcase_add_test(tc, test_events_without_target);
    tcase_add_test(tc, test_target_without_source);
    tcase_add_test(tc, test_min_weight_and_top);
    tcase_add_test(tc, test_escaping_round_trip);
    tcase_add_test(tc, test_round_trip);
    tcase_add_test(tc, test_label_not_html);
    tcase_add_test(tc, test_deterministic);
    tcase_add_test(tc, test_threads);
    tcase_add_test(tc, test_cluster_order);
    tcase_add_test(tc, test_empty_graph);
    tcase_add_test(tc, test_layouts_no_overlap);
    tcase_add_test(tc, test_engines_accept_dot);
    tcase_add_test(tc, test_render_formats);
    tcase_add_test(tc, test_big_graph_uses_sfdp);
    suite_add_tcase(s, tc);
    return s;
}

#ifndef GRAPH_NO_MAIN
TEST_MAIN(graph_suite)
#endif
