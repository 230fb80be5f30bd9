/*
 * export_gexf.c - the actor graph as GEXF 1.3 (https://gexf.net), the format Gephi reads,
 * with time: a dynamic graph whose edges carry the dates of their events, so Gephi's
 * timeline can play the story.
 *
 * Nodes are the actors of dated events with a source and a target; a node starts with its
 * first event. An edge is one (source, target, relation): weight = number of events (not
 * mentions), one spell per event with its first and last day (an open side, as in
 * "before March", is left out), and attributes for what Gephi can filter or colour by.
 */
#include <stdlib.h>
#include <string.h>

#include "corpus.h"

typedef struct gnode {
    const char *name, *type, *country, *role;
    char start[11];       /* earliest day of its events, or "" */
} gnode;

typedef struct gedge {
    uint32_t src, dst;
    const char *relation, *cameo;
    int quad_class;
    double goldstein;
    long events, mentions;
    size_t head, tail;    /* its records, chained through next[] in timeline order */
} gedge;

/* First and last day of a record as YYYY-MM-DD ("" where open or unknown). */
static void record_days(const dl_evrec *r, char *a, char *b)
{
    a[0] = b[0] = 0;
    if (r->start[0] || r->end[0]) {
        snprintf(a, 11, "%.10s", r->start);
        snprintf(b, 11, "%.10s", r->end);
        return;
    }
    dl_when w;
    if (dl_evrec_when(r, &w))
        return;
    int m = w.m ? w.m : 1, d = w.d ? w.d : 1;
    snprintf(a, 11, "%04d-%02d-%02d", w.y, m, d);
    int ey = w.span ? w.ey : w.y, em = w.span ? w.em : w.m, ed = w.span ? w.ed : w.d;
    if (!em)
        em = 12;
    if (!ed)
        ed = dl_cal_days_in_month(ey, em);
    snprintf(b, 11, "%04d-%02d-%02d", ey, em, ed);
}

static uint32_t node_of(dl_map *m, gnode **v, size_t *n, size_t *cap, const char *name,
                        const char *type, const char *country, const char *role, int *oom)
{
    uint32_t i;
    if (dl_map_get(m, name, strlen(name), &i))
        return i;
    if (DL_GROW(*v, *cap, *n + 1) || dl_map_put(m, name, strlen(name), (uint32_t)*n)) {
        *oom = 1;
        return 0;
    }
    (*v)[*n] = (gnode){name, type, country, role, ""};
    return (uint32_t)(*n)++;
}

static void attr(dl_buf *b, const char *name, const char *v)
{
    dl_buf_printf(b, " %s=\"", name);
    dl_buf_xml(b, v);
    dl_buf_putc(b, '"');
}

dl_status dl_corpus_write_gexf(dl_corpus *c, FILE *out, dl_error *err)
{
    size_t n = dl_corpus_n_events(c);
    dl_map *nodes = dl_map_new(), *edges = dl_map_new();
    gnode *nv = NULL;
    gedge *ev = NULL;
    size_t nn = 0, capn = 0, ne = 0, cape = 0;
    size_t *next = malloc((n ? n : 1) * sizeof *next);   /* the next record of the same edge */
    int oom = !nodes || !edges || !next;
    dl_buf b, key;
    dl_buf_init(&b);
    dl_buf_init(&key);
    for (size_t i = 0; i < n && !oom; i++) {
        const dl_evrec *r = dl_corpus_event(c, i);
        if (!r->date[0] || !r->source[0] || !r->target[0])
            continue;
        uint32_t s = node_of(nodes, &nv, &nn, &capn, r->source, r->source_type, r->source_country,
                             r->source_role, &oom);
        uint32_t t = node_of(nodes, &nv, &nn, &capn, r->target, r->target_type, r->target_country,
                             r->target_role, &oom);
        if (oom)
            break;
        char a[11], z[11];
        record_days(r, a, z);
        const char *first = a[0] ? a : z;
        for (int k = 0; k < 2 && first[0]; k++) {
            gnode *g = &nv[k ? t : s];
            if (!g->start[0] || strcmp(first, g->start) < 0)
                snprintf(g->start, sizeof g->start, "%s", first);
        }
        dl_buf_clear(&key);
        dl_buf_printf(&key, "%u\x1f%u\x1f%s", s, t, r->relation);
        uint32_t e;
        if (key.oom) {
            oom = 1;
            break;
        }
        if (!dl_map_get(edges, key.p, key.len, &e)) {
            if (DL_GROW(ev, cape, ne + 1) || dl_map_put(edges, key.p, key.len, (uint32_t)ne)) {
                oom = 1;
                break;
            }
            e = (uint32_t)ne++;
            ev[e] = (gedge){s, t, r->relation, r->cameo, r->quad_class, r->goldstein, 0, 0, i, i};
        } else {
            next[ev[e].tail] = i;
            ev[e].tail = i;
        }
        next[i] = (size_t)-1;
        ev[e].events++;
        ev[e].mentions += r->mentions;
    }

    if (!oom) {
        dl_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<gexf xmlns=\"http://gexf.net/1.3\" "
                        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
                        "version=\"1.3\">\n"
                        "  <meta>\n    <creator>dateline " DL_VERSION "</creator>\n"
                        "    <description>actors and their dated events</description>\n  </meta>\n"
                        "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" "
                        "timerepresentation=\"interval\">\n"
                        "    <attributes class=\"node\" mode=\"static\">\n"
                        "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
                        "      <attribute id=\"country\" title=\"country\" type=\"string\"/>\n"
                        "      <attribute id=\"role\" title=\"role\" type=\"string\"/>\n"
                        "    </attributes>\n"
                        "    <attributes class=\"edge\" mode=\"static\">\n"
                        "      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n"
                        "      <attribute id=\"cameo\" title=\"cameo\" type=\"string\"/>\n"
                        "      <attribute id=\"quad_class\" title=\"quad_class\" type=\"integer\"/>\n"
                        "      <attribute id=\"goldstein\" title=\"goldstein\" type=\"double\"/>\n"
                        "      <attribute id=\"events\" title=\"events\" type=\"integer\"/>\n"
                        "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
                        "    </attributes>\n    <nodes>\n");
        for (size_t i = 0; i < nn; i++) {
            dl_buf_printf(&b, "      <node id=\"n%zu\"", i);
            attr(&b, "label", nv[i].name);
            if (nv[i].start[0])
                attr(&b, "start", nv[i].start);
            dl_buf_puts(&b, ">\n        <attvalues>\n");
            const char *vals[3] = {nv[i].type, nv[i].country, nv[i].role};
            const char *ids[3] = {"type", "country", "role"};
            for (int k = 0; k < 3; k++) {
                dl_buf_printf(&b, "          <attvalue for=\"%s\"", ids[k]);
                attr(&b, "value", vals[k]);
                dl_buf_puts(&b, "/>\n");
            }
            dl_buf_puts(&b, "        </attvalues>\n      </node>\n");
        }
        dl_buf_puts(&b, "    </nodes>\n    <edges>\n");
        fwrite(b.p, 1, b.len, out);
        for (size_t e = 0; e < ne && !b.oom; e++) {
            const gedge *g = &ev[e];
            dl_buf_clear(&b);
            dl_buf_printf(&b, "      <edge id=\"e%zu\" source=\"n%u\" target=\"n%u\"", e, g->src, g->dst);
            attr(&b, "label", g->relation);
            dl_buf_printf(&b, " weight=\"%ld\">\n        <attvalues>\n", g->events);
            dl_buf_puts(&b, "          <attvalue for=\"relation\"");
            attr(&b, "value", g->relation);
            dl_buf_puts(&b, "/>\n          <attvalue for=\"cameo\"");
            attr(&b, "value", g->cameo);
            dl_buf_puts(&b, "/>\n");
            if (g->quad_class)
                dl_buf_printf(&b, "          <attvalue for=\"quad_class\" value=\"%d\"/>\n", g->quad_class);
            if (g->cameo[0])
                dl_buf_printf(&b, "          <attvalue for=\"goldstein\" value=\"%.1f\"/>\n", g->goldstein);
            dl_buf_printf(&b, "          <attvalue for=\"events\" value=\"%ld\"/>\n"
                              "          <attvalue for=\"mentions\" value=\"%ld\"/>\n"
                              "        </attvalues>\n        <spells>\n", g->events, g->mentions);
            /* Records are in timeline order, so the spells are too. */
            for (size_t i = g->head; i != (size_t)-1; i = next[i]) {
                char a[11], z[11];
                record_days(dl_corpus_event(c, i), a, z);
                dl_buf_puts(&b, "          <spell");
                if (a[0])
                    attr(&b, "start", a);
                if (z[0])
                    attr(&b, "end", z);
                dl_buf_puts(&b, "/>\n");
            }
            dl_buf_puts(&b, "        </spells>\n      </edge>\n");
            fwrite(b.p, 1, b.len, out);
        }
        fputs("    </edges>\n  </graph>\n</gexf>\n", out);
    }
    oom |= b.oom || key.oom;
    dl_buf_free(&b);
    dl_buf_free(&key);
    dl_map_free(nodes);
    dl_map_free(edges);
    free(nv);
    free(ev);
    free(next);
    if (oom)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    if (ferror(out))
        return dl_fail(err, DL_EIO, "write error");
    return DL_OK;
}
