/*
 * check_safety.c - outputs that no input can subvert (issue 9, item 5): CSV cells a
 * spreadsheet would run as formulas get a leading apostrophe, the TSV keeps one record
 * per line, TimeML attribute values are escaped, and DOT names and labels cannot break
 * out of their quoted strings (the graph reads back with cgraph's agmemread).
 *
 * The stages that make actors, events and time expressions are still being written, so
 * the hostile strings are put into a processed document directly, where those stages
 * would put them.
 */
#include <csv.h>
#include <graphviz/cgraph.h>

#include "testutil.h"

static const char *const HOSTILE[] = {
    "=1+1", "+1", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1", "=cmd|' /C calc'!A0",
    "=HYPERLINK(\"http://x\",\"y\")", "-", "@", "a\"b,c\r\nd",
};

static dl_doc *doc_with(const char *text, const char *name)
{
    dl_input in = {.name = name, .text = text, .len = strlen(text), .dct = "2024-06-17"};
    dl_error err = {0};
    dl_doc *d = dl_doc_process(engine(), &in, &err);
    ck_assert_msg(d != NULL, "%s", err.msg);
    return d;
}

static int add_actor(dl_doc *d, const char *name, const char *other)
{
    ck_assert_int_eq(DL_GROW(d->act, d->cap_act, d->nact + 1), 0);
    dl_actor_int *a = &d->act[d->nact];
    memset(a, 0, sizeof *a);
    a->pub.name = dl_arena_strdup(d->arena, name);
    a->pub.type = a->pub.country = a->pub.role = dl_arena_strdup(d->arena, other);
    a->pub.mentions = 1;
    a->dict = -1;
    return (int)d->nact++;
}

/* An event whose every text field is s (the date fields too, unless date is given). */
static void add_event(dl_doc *d, int src, int tgt, const char *s, const char *date)
{
    ck_assert_int_eq(DL_GROW(d->ev, d->cap_ev, d->nev + 1), 0);
    dl_event_int *e = &d->ev[d->nev];
    memset(e, 0, sizeof *e);
    const char *v = dl_arena_strdup(d->arena, s);
    const char *dt = date ? date : v;
    e->pub.id = e->pub.date_mod = e->pub.precision = e->pub.date_text = e->pub.date_anchor = v;
    e->pub.relation = e->pub.cameo = e->pub.object = e->pub.modality = e->pub.trigger = v;
    e->pub.date = e->pub.start = e->pub.end = dt;
    e->pub.source = src >= 0 ? &d->act[src].pub : NULL;
    e->pub.target = tgt >= 0 ? &d->act[tgt].pub : NULL;
    e->pub.quad_class = 4;
    e->pub.goldstein = -7.5;
    e->pub.sentence = 0;
    e->source = src;
    e->target = tgt;
    e->timex = -1;
    e->order = (int)d->nev;
    d->nev++;
}

/* ---------------------------------------------------------------- CSV */

typedef struct table {
    char cells[64][32][128];
    int ncols[64];
    int nrows, col;
} table;

static void on_cell(void *s, size_t n, void *p)
{
    table *t = p;
    if (t->nrows < 64 && t->col < 32) {
        size_t k = n < 127 ? n : 127;
        memcpy(t->cells[t->nrows][t->col], s ? s : "", k);
        t->cells[t->nrows][t->col][k] = 0;
    }
    t->col++;
}

static void on_row(int c, void *p)
{
    (void)c;
    table *t = p;
    if (t->nrows < 64)
        t->ncols[t->nrows] = t->col;
    t->nrows++;
    t->col = 0;
}

static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

static table *parse_csv(const char *buf, size_t len)
{
    table *t = calloc(1, sizeof *t);
    struct csv_parser p;
    ck_assert_int_eq(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL), 0);
    csv_set_space_func(&p, no_space);
    ck_assert_uint_eq(csv_parse(&p, buf, len, on_cell, on_row, t), len);
    ck_assert_int_eq(csv_fini(&p, on_cell, on_row, t), 0);
    csv_free(&p);
    return t;
}

static int formula(const char *s)
{
    return s[0] == '=' || s[0] == '+' || s[0] == '@' || s[0] == '\t' || s[0] == '\r' ||
           (s[0] == '-' && !(s[1] >= '0' && s[1] <= '9'));
}

static int column(const table *t, const char *name)
{
    for (int c = 0; c < t->ncols[0]; c++)
        if (!strcmp(t->cells[0][c], name))
            return c;
    ck_abort_msg("no column %s", name);
    return -1;
}

START_TEST(test_csv_formulas)
{
    dl_doc *d = doc_with("=HYPERLINK(\"http://evil\",\"click\") said the minister.", "=evil");
    int a = add_actor(d, "@attacker", "-role");
    int b = add_actor(d, "+target", "=type");
    for (size_t i = 0; i < DL_COUNT(HOSTILE); i++)
        add_event(d, a, b, HOSTILE[i], NULL);
    add_event(d, a, b, "plain", "2024-06-18");

    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    dl_error err = {0};
    ck_assert_int_eq(dl_write_csv(&d, 1, f, DL_CSV_UNDATED, &err), DL_OK);
    fclose(f);
    table *t = parse_csv(buf, len);
    ck_assert_int_eq(t->nrows, (int)DL_COUNT(HOSTILE) + 2);
    int gold = column(t, "goldstein"), sent = column(t, "sentence"), doc = column(t, "doc");
    int rel = column(t, "relation");
    for (int r = 1; r < t->nrows; r++) {
        ck_assert_int_eq(t->ncols[r], 26);
        for (int c = 0; c < t->ncols[r]; c++)
            ck_assert_msg(!formula(t->cells[r][c]), "row %d column %s: [%s]", r, t->cells[0][c],
                          t->cells[r][c]);
        /* Numbers stay numbers; text keeps its content behind the apostrophe. */
        ck_assert_str_eq(t->cells[r][gold], "-7.5");
        ck_assert_str_eq(t->cells[r][doc], "'=evil");
        ck_assert_str_eq(t->cells[r][sent], "'=HYPERLINK(\"http://evil\",\"click\") said the minister.");
    }
    /* Every hostile value comes back whole (guarded or, for the harmless ones, as is). */
    for (size_t i = 0; i < DL_COUNT(HOSTILE); i++) {
        int found = 0;
        for (int r = 1; r < t->nrows && !found; r++) {
            const char *cell = t->cells[r][rel];
            found = !strcmp(cell, HOSTILE[i]) || (cell[0] == '\'' && !strcmp(cell + 1, HOSTILE[i]));
        }
        ck_assert_msg(found, "value %zu lost", i);
    }
    free(t);
    free(buf);

    /* The actors CSV. */
    f = open_memstream(&buf, &len);
    ck_assert_int_eq(dl_write_actors_csv(&d, 1, f, 0, &err), DL_OK);
    fclose(f);
    t = parse_csv(buf, len);
    ck_assert_int_eq(t->nrows, 3);
    for (int r = 1; r < t->nrows; r++)
        for (int c = 0; c < t->ncols[r]; c++)
            ck_assert_msg(!formula(t->cells[r][c]), "actors row %d: [%s]", r, t->cells[r][c]);
    ck_assert_str_eq(t->cells[1][1], "'@attacker");
    free(t);
    free(buf);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_csv_numbers_stay_numbers)
{
    dl_doc *d = doc_with("Plain text.", "doc");
    add_event(d, -1, -1, "visit", "2024-06");
    add_event(d, -1, -1, "visit", "-5");
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    dl_error err = {0};
    ck_assert_int_eq(dl_write_csv(&d, 1, f, 0, &err), DL_OK);
    fclose(f);
    table *t = parse_csv(buf, len);
    int date = column(t, "date");
    ck_assert_str_eq(t->cells[1][date], "-5");
    ck_assert_str_eq(t->cells[2][date], "2024-06");
    free(t);
    free(buf);
    dl_doc_free(d);
}
END_TEST

/* ---------------------------------------------------------------- TSV and TimeML */

START_TEST(test_tsv_and_timeml)
{
    dl_doc *d = doc_with("On Monday the talks began.", "a\tb\nc");
    d->ntx = 0;   /* only the hostile expression below */
    ck_assert_int_eq(DL_GROW(d->tx, d->cap_tx, d->ntx + 1), 0);
    dl_timex_int *x = &d->tx[d->ntx++];
    memset(x, 0, sizeof *x);
    x->pub.start = x->pub.byte_start = 3;
    x->pub.end = x->pub.byte_end = 9;
    x->pub.type = "DATE";
    x->pub.value = "\"><script>&\t\n";
    x->pub.mod = "\"x";
    x->pub.text = "Mon\tday\r\n";
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    dl_error err = {0};
    ck_assert_int_eq(dl_write_timex_tsv(&d, 1, f, 0, &err), DL_OK);
    fclose(f);
    int lines = 0, tabs = 0;
    for (size_t i = 0; i < len; i++) {
        if (buf[i] == '\t')
            tabs++;
        if (buf[i] == '\n') {
            ck_assert_int_eq(tabs, 5);
            tabs = 0;
            lines++;
        }
    }
    ck_assert_int_eq(lines, 2);
    free(buf);

    f = open_memstream(&buf, &len);
    ck_assert_int_eq(dl_write_timeml(d, f, &err), DL_OK);
    fclose(f);
    ck_assert_msg(strstr(buf, "value=\"&quot;&gt;&lt;script&gt;&amp;") != NULL, "%s", buf);
    ck_assert_msg(strstr(buf, "mod=\"&quot;x\"") != NULL, "%s", buf);
    ck_assert_msg(strstr(buf, ">Monday</TIMEX3> the talks began.") != NULL, "%s", buf);
    free(buf);
    dl_doc_free(d);
}
END_TEST

/* ---------------------------------------------------------------- DOT */

static const char *const NAMES[] = {
    "a\\", "b\"", "c\\\"d", "\\N", "x\"];evil[label=\"y", "e\nf", "<html>", "-", "1.5", "node",
    "edge", "digraph", "}", "Kim Jong-un", "\xE2\x80\x9CQ\xE2\x80\x9D",
};

/* DOT text as shown: a doubled backslash is one (DOT keeps a backslash before anything
 * but '"', so the exporter doubles them: a name ending in '\' cannot escape its closing
 * quote, and "\N" in a name is not Graphviz's node-name escape). */
static void unescape(const char *s, char *out, size_t n)
{
    size_t o = 0;
    for (; *s && o + 1 < n; s++) {
        if (s[0] == '\\' && s[1] == '\\')
            s++;
        out[o++] = *s;
    }
    out[o] = 0;
}

/* A node of g that shows name (as its ID or its label). */
static int shows(Agraph_t *g, const char *name)
{
    char a[256], b[256];
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
        unescape(agnameof(v), a, sizeof a);
        char *label = agget(v, "label");
        unescape(label && strcmp(label, "\\N") ? label : "", b, sizeof b);
        if (!strcmp(a, name) || !strcmp(b, name))
            return 1;
    }
    return 0;
}

START_TEST(test_dot_round_trip)
{
    dl_doc *d = doc_with("Text.", "doc");
    for (size_t i = 0; i < DL_COUNT(NAMES); i++)
        add_actor(d, NAMES[i], "country\\");
    for (size_t i = 0; i + 1 < DL_COUNT(NAMES); i++)
        add_event(d, (int)i, (int)i + 1, i % 2 ? "meet\\" : "say \"x\"", "2024-06-18");
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    dl_error err = {0};
    dl_graph_opts go = {0};
    ck_assert_int_eq(dl_write_dot(&d, 1, &go, f, &err), DL_OK);
    fclose(f);

    char problem[512] = "";
    agseterr(AGMAX);   /* the failure is reported below, not by cgraph on stderr */
    Agraph_t *g = agmemread(buf);
    agseterr(AGWARN);
    if (!g) {
        snprintf(problem, sizeof problem, "agmemread cannot read the DOT output");
    } else {
        for (size_t i = 0; i < DL_COUNT(NAMES) && !problem[0]; i++)
            if (!shows(g, NAMES[i]))
                snprintf(problem, sizeof problem, "node %zu [%s] lost in the round trip", i, NAMES[i]);
        if (!problem[0] && agnnodes(g) != (int)DL_COUNT(NAMES))
            snprintf(problem, sizeof problem, "%d nodes read back, %zu written", agnnodes(g), DL_COUNT(NAMES));
        agclose(g);
    }
    ck_assert_msg(!problem[0], "%s", problem);
    free(buf);
    dl_doc_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("safety");
    TCase *tc = tcase_create("outputs");
    tcase_add_test(tc, test_csv_formulas);
    tcase_add_test(tc, test_csv_numbers_stay_numbers);
    tcase_add_test(tc, test_tsv_and_timeml);
    tcase_add_test(tc, test_dot_round_trip);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
