/*
 * render.c - lays the actor graph out and renders it in-process with Graphviz's gvc
 * (SVG, PNG, PDF). The DOT exporter does not use gvc, so writing DOT stays free of the
 * font libraries that gvc loads.
 */
#include <graphviz/gvc.h>
#include <string.h>

#include "internal.h"

/* Layout by graph size: dot for story graphs, sfdp with overlap removal for big ones. */
static const char *choose_layout(Agraph_t *g, const dl_graph_opts *o)
{
    if (o && o->layout && o->layout[0])
        return o->layout;
    return agnnodes(g) > 100 ? "sfdp" : "dot";
}

dl_status dl_render(dl_doc *const *docs, size_t n, const dl_graph_opts *o, const char *format,
                    FILE *out, dl_error *err)
{
    if (strcmp(format, "svg") && strcmp(format, "png") && strcmp(format, "pdf"))
        return dl_fail(err, DL_EARG, "unknown image format '%s' (svg, png or pdf)", format);
    Agraph_t *g = dl_graph_build(docs, n, o, err);
    if (!g)
        return err ? err->code : DL_ENOMEM;
    const char *layout = choose_layout(g, o);
    if (!strcmp(layout, "sfdp"))
        agsafeset(g, "overlap", "prism", "");
    GVC_t *gvc = gvContext();
    if (!gvc) {
        agclose(g);
        return dl_fail(err, DL_ERENDER, "gvc: no context");
    }
    dl_status st = DL_OK;
    if (gvLayout(gvc, g, layout) != 0) {
        st = dl_fail(err, DL_ERENDER, "gvc: layout '%s' failed", layout);
    } else {
        if (gvRender(gvc, g, format, out) != 0)
            st = dl_fail(err, DL_ERENDER, "gvc: rendering %s failed", format);
        gvFreeLayout(gvc, g);
    }
    agclose(g);
    gvFreeContext(gvc);
    if (st == DL_OK && ferror(out))
        st = dl_fail(err, DL_EIO, "write error");
    return st;
}
