/*
 * render.c - lays the actor graph out and renders it in-process with Graphviz's gvc
 * (SVG, PNG, PDF). The DOT exporter does not use gvc, so writing DOT stays free of the
 * font libraries that gvc loads.
 *
 * Graphviz reports problems through agerr(), which prints to stderr unless a handler is
 * installed: while rendering, messages go to a handler that keeps the last error for
 * dl_error, so that the library never prints.
 *
 * Graphviz's state is process-wide (the error handler, plugin caches), so renderings hold
 * dl_graphviz_lock (as DOT export does), and they share one gvc context that is never
 * freed: the pango plugin of Graphviz 2.43 remembers the last font name, a string owned by
 * the context, and compares it on the next rendering; after gvFreeContext that is a read
 * of freed memory. The context stays reachable until exit (valgrind: "still reachable").
 */
#include <graphviz/gvc.h>
#include <string.h>

#include "internal.h"

/* The layouts dateline accepts. */
static const char *const LAYOUTS[] = {"dot", "neato", "sfdp", "circo", "fdp", "twopi"};

static GVC_t *gv_context;       /* under dl_graphviz_lock */
static char gv_msg[256];        /* under dl_graphviz_lock */

/* Keeps the last message of Graphviz (without its line break) instead of printing it. */
static int keep_message(char *msg)
{
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        n--;
    if (n == 0)
        return 0;
    if (n >= sizeof gv_msg)
        n = sizeof gv_msg - 1;
    memcpy(gv_msg, msg, n);
    gv_msg[n] = 0;
    return 0;
}

/* Settings that depend on the layout engine rather than on the graph: made here, not in
 * the DOT, so that the DOT stays good for every engine a user may run on it. */
static void tune(Agraph_t *g, const char *layout)
{
    if (!strcmp(layout, "dot"))
        return;
    int big = agnnodes(g) > DL_GRAPH_BIG;
    /* Only dot (and fdp) lay clusters out; the others would draw each cluster as the box
     * around wherever its members landed, overlapping the rest. */
    if (strcmp(layout, "fdp"))
        for (Agraph_t *s = agfstsubg(g); s; s = agnxtsubg(s))
            if (!strncmp(agnameof(s), "cluster", 7))
                agsafeset(s, "style", "invis", "");
    /* Spline routing around nodes is costly on big graphs: straight lines there, and no
     * edge labels, which would only pile up (each edge keeps its tooltip). */
    agsafeset(g, "splines", big ? "false" : "true", "");
    if (big) {
        Agsym_t *label = agattr(g, AGEDGE, "label", NULL), *xlabel = agattr(g, AGEDGE, "xlabel", NULL);
        for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
            for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
                if (label)
                    agxset(e, label, "");
                if (xlabel)
                    agxset(e, xlabel, "");
            }
    }
    if (!strcmp(layout, "sfdp")) {
        agsafeset(g, "overlap", "prism", "");
        agsafeset(g, "K", big ? "0.6" : "1.2", "");
        agsafeset(g, "repulsiveforce", "1.2", "");
    } else if (!strcmp(layout, "neato") || !strcmp(layout, "fdp")) {
        agsafeset(g, "overlap", "prism", "");
        agsafeset(g, "mode", "major", "");
        agattr(g, AGEDGE, "len", "2.2");     /* room for the edge labels */
    }
}

/* Graphviz 2.x's dot with newrank fills the empty ranks of clusters with nodes of a
 * subgraph "_new_rank", and after the layout takes that subgraph out of the graph with
 * agdelsubg without closing it: its attribute dictionaries still view the root's, so
 * agclose of the root fails and the whole graph leaks. Made here beforehand, the subgraph
 * is ours to close once dot has let go of it, provided no graph attribute was declared
 * since (the orphan's attribute record would be too short for the dictionary): gvLayout
 * declares "bb", so it is declared first, and the attributes are counted to make sure. */
#define FILL_SUBGRAPH "_new_rank"

static int count_graph_attrs(Agraph_t *g)
{
    int n = 0;
    for (Agsym_t *s = agnxtattr(g, AGRAPH, NULL); s; s = agnxtattr(g, AGRAPH, s))
        n++;
    return n;
}

int dl_gv_layout(GVC_t *gvc, Agraph_t *g, const char *engine)
{
    const char *v = gvcVersion(gvc);
    Agraph_t *fill = NULL;
    if (!strcmp(engine, "dot") && v && !strncmp(v, "2.", 2) && !agsubg(g, FILL_SUBGRAPH, 0)) {
        if (!agattr(g, AGRAPH, "bb", NULL))
            agattr(g, AGRAPH, "bb", "");
        fill = agsubg(g, FILL_SUBGRAPH, 1);
    }
    int nattrs = count_graph_attrs(g);
    int rc = gvLayout(gvc, g, engine);
    /* Still in the graph: dot did not use it, agclose(g) closes it. Out of it with the
     * same attributes: close it now, before rendering declares more. Otherwise leak it
     * rather than crash. */
    if (fill && agsubg(g, FILL_SUBGRAPH, 0) != fill && count_graph_attrs(g) == nattrs)
        agclose(fill);
    return rc;
}

dl_status dl_render(dl_doc *const *docs, size_t n, const dl_graph_opts *o, const char *format,
                    FILE *out, dl_error *err)
{
    dl_graph_builder *gb = dl_graph_builder_of(docs, n, err);
    if (!gb)
        return err ? err->code : DL_ENOMEM;
    dl_status st = dl_graph_builder_render(gb, o, format, out, err);
    dl_graph_builder_free(gb);
    return st;
}

dl_status dl_graph_builder_render(dl_graph_builder *gb, const dl_graph_opts *o, const char *format,
                                  FILE *out, dl_error *err)
{
    if (!format || (strcmp(format, "svg") && strcmp(format, "png") && strcmp(format, "pdf")))
        return dl_fail(err, DL_EARG, "unknown image format '%s' (svg, png or pdf)",
                       format ? format : "");
    if (o && o->layout && o->layout[0]) {
        size_t i = 0;
        while (i < DL_COUNT(LAYOUTS) && strcmp(o->layout, LAYOUTS[i]))
            i++;
        if (i == DL_COUNT(LAYOUTS))
            return dl_fail(err, DL_EARG, "unknown layout '%s' (dot, neato, sfdp or circo)",
                           o->layout);
    }
    dl_graphviz_lock();
    Agraph_t *g = dl_graph_builder_graph(gb, o, err);
    if (!g) {
        dl_graphviz_unlock();
        return err ? err->code : DL_ENOMEM;
    }
    const char *layout = dl_graph_layout(o, (size_t)agnnodes(g));
    tune(g, layout);
    if (!strcmp(format, "png"))
        agsafeset(g, "dpi", "144", "");     /* sharp text in a document or on a screen */
    gv_msg[0] = 0;
    agusererrf old = agseterrf(keep_message);
    if (!gv_context)
        gv_context = gvContext();
    GVC_t *gvc = gv_context;
    dl_status st = DL_OK;
    if (!gvc) {
        st = dl_fail(err, DL_ERENDER, "gvc: no context");
    } else {
        if (dl_gv_layout(gvc, g, layout) != 0)
            st = dl_fail(err, DL_ERENDER, "gvc: layout '%s' failed%s%s", layout,
                         gv_msg[0] ? ": " : "", gv_msg);
        else if (gvRender(gvc, g, format, out) != 0)
            st = dl_fail(err, DL_ERENDER, "gvc: rendering %s failed%s%s", format,
                         gv_msg[0] ? ": " : "", gv_msg);
        gvFreeLayout(gvc, g);
    }
    agclose(g);
    agseterrf(old);
    dl_graphviz_unlock();
    if (st == DL_OK && (fflush(out) != 0 || ferror(out)))
        st = dl_fail(err, DL_EIO, "write error");
    return st;
}
