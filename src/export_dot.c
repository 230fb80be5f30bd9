/*
 * export_dot.c - the actor-relationship graph, built with Graphviz's cgraph and written
 * as DOT by agwrite (never printed by hand).
 */
#include <graphviz/cgraph.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

Agraph_t *dl_graph_build(dl_doc *const *docs, size_t n, const dl_graph_opts *o, dl_error *err)
{
    DL_UNUSED(o);
    Agraph_t *g = agopen("dateline", Agdirected, NULL);
    if (!g) {
        dl_fail(err, DL_ENOMEM, "cgraph: cannot make a graph");
        return NULL;
    }
    agattr(g, AGRAPH, "rankdir", "LR");
    agattr(g, AGNODE, "label", "\\N");
    agattr(g, AGNODE, "type", "");
    agattr(g, AGNODE, "country", "");
    agattr(g, AGEDGE, "label", "");
    agattr(g, AGEDGE, "relation", "");
    agattr(g, AGEDGE, "dates", "");
    for (size_t i = 0; i < n; i++) {
        const dl_doc *d = docs[i];
        for (size_t j = 0; j < d->nev; j++) {
            const dl_event *e = &d->ev[j].pub;
            if (!e->source || !e->target || !e->date[0])
                continue;
            Agnode_t *a = agnode(g, (char *)e->source->name, 1);
            Agnode_t *b = agnode(g, (char *)e->target->name, 1);
            agset(a, "type", (char *)e->source->type);
            agset(a, "country", (char *)e->source->country);
            agset(b, "type", (char *)e->target->type);
            agset(b, "country", (char *)e->target->country);
            char key[512];
            snprintf(key, sizeof key, "%s", e->relation);
            Agedge_t *ed = agedge(g, a, b, key, 1);
            char label[600];
            snprintf(label, sizeof label, "%s %s", e->relation, e->date);
            agset(ed, "label", label);
            agset(ed, "relation", (char *)e->relation);
            agset(ed, "dates", (char *)e->date);
        }
    }
    return g;
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
