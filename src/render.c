/*
 * render.c - lays the actor graph out and renders it in-process with Graphviz's gvc
 * (SVG, PNG, PDF). The DOT exporter does not use gvc, so writing DOT stays free of the
 * font libraries that gvc loads.
 *
 * Graphviz reports problems through agerr(), which prints to stderr unless a handler is
 * installed: while rendering, messages go to a handler that keeps the last error for
 * dl_error, so that the library never prints. The handler is process-wide in Graphviz,
 * like the rest of its state: render from one thread at a time.
 */
#include <graphviz/gvc.h>
#include <string.h>

#include "internal.h"

/* The layouts dateline accepts. */
static const char *const LAYOUTS[] = {"dot", "neato", "sfdp", "circo", "fdp", "twopi"};

static _Thread_local char gv_msg[256];

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
        Agsym_t *label = agattr(g, AGEDGE, "label", NULL);
        for (Agnode_t *n = agfstnode(g); n && label; n = agnxtnode(g, n))
            for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
                agxset(e, label, "");
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

dl_status dl_render(dl_doc *const *docs, size_t n, const dl_graph_opts *o, const char *format,
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
    Agraph_t *g = dl_graph_build(docs, n, o, err);
    if (!g)
        return err ? err->code : DL_ENOMEM;
    const char *layout = dl_graph_layout(o, (size_t)agnnodes(g));
    tune(g, layout);
    gv_msg[0] = 0;
    agusererrf old = agseterrf(keep_message);
    GVC_t *gvc = gvContext();
    dl_status st = DL_OK;
    if (!gvc) {
        st = dl_fail(err, DL_ERENDER, "gvc: no context");
    } else if (gvLayout(gvc, g, layout) != 0) {
        st = dl_fail(err, DL_ERENDER, "gvc: layout '%s' failed%s%s", layout,
                     gv_msg[0] ? ": " : "", gv_msg);
    } else {
        if (gvRender(gvc, g, format, out) != 0)
            st = dl_fail(err, DL_ERENDER, "gvc: rendering %s failed%s%s", format,
                         gv_msg[0] ? ": " : "", gv_msg);
        gvFreeLayout(gvc, g);
    }
    agclose(g);
    if (gvc)
        gvFreeContext(gvc);
    agseterrf(old);
    if (st == DL_OK && (fflush(out) != 0 || ferror(out)))
        st = dl_fail(err, DL_EIO, "write error");
    return st;
}
