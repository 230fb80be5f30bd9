/*
 * check_merge.c - corpora: records copied out of documents, merged by (date, source,
 * relation, target) with mentions and documents counted, independent of the order they
 * come in and of how the work was split (a merge of merges is the merge of all).
 */
#include "testutil.h"

/* A record with the fields that matter here; the rest "". */
static dl_evrec rec(const char *doc, const char *id, const char *dct, const char *date,
                    const char *src, const char *rel, const char *tgt, int sentence_no)
{
    dl_evrec r;
    memset(&r, 0, sizeof r);
    const char **f[] = {&r.event_id, &r.doc, &r.dct, &r.url, &r.date, &r.date_mod, &r.start,
                        &r.end, &r.precision, &r.date_text, &r.date_anchor, &r.source,
                        &r.source_type, &r.source_country, &r.source_role, &r.relation,
                        &r.cameo, &r.target, &r.target_type, &r.target_country, &r.target_role,
                        &r.object, &r.modality, &r.trigger, &r.sentence};
    for (size_t i = 0; i < DL_COUNT(f); i++)
        *f[i] = "";
    r.doc = doc;
    r.event_id = id;
    r.dct = dct;
    r.date = date;
    r.source = src;
    r.relation = rel;
    r.target = tgt;
    r.sentence = "A sentence.";
    r.sentence_no = sentence_no;
    r.mentions = 1;
    return r;
}

static dl_corpus *corpus(unsigned flags)
{
    dl_error err;
    dl_corpus *c = dl_corpus_new(flags, &err);
    ck_assert_msg(c != NULL, "%s", err.msg);
    return c;
}

static void add(dl_corpus *c, dl_evrec r)
{
    dl_error err = {0};
    ck_assert_msg(dl_corpus_add(c, &r, &err) == DL_OK, "%s", err.msg);
}


static dl_status csv_all(dl_corpus *c, FILE *out, dl_error *err)
{
    return dl_corpus_write_csv(c, out, DL_CSV_UNDATED, err);
}

START_TEST(merges_same_event_across_documents)
{
    dl_corpus *c = corpus(0);
    add(c, rec("lemonde", "lemonde-e4", "2023-05-03", "2023-05-02", "Emmanuel Macron", "visit", "Morocco", 3));
    add(c, rec("reuters", "reuters-e1", "2023-05-02", "2023-05-02", "Emmanuel Macron", "visit", "Morocco", 1));
    add(c, rec("reuters", "reuters-e7", "2023-05-02", "2023-05-02", "Emmanuel Macron", "visit", "Morocco", 9));
    add(c, rec("reuters", "reuters-e2", "2023-05-02", "2023-05-02", "Morocco", "host", "Emmanuel Macron", 2));
    ck_assert_uint_eq(dl_corpus_n_events(c), 2);
    const dl_evrec *r = NULL;
    for (size_t i = 0; i < 2; i++)
        if (!strcmp(dl_corpus_event(c, i)->relation, "visit"))
            r = dl_corpus_event(c, i);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->mentions, 3);
    ck_assert_uint_eq(r->ndocs, 2);
    ck_assert_str_eq(r->docs[0], "lemonde");
    ck_assert_str_eq(r->docs[1], "reuters");
    /* The first telling represents the event: the earliest document date, first place. */
    ck_assert_str_eq(r->event_id, "reuters-e1");
    ck_assert_uint_eq(dl_corpus_n_docs(c), 2);
    dl_corpus_free(c);
}
END_TEST

START_TEST(representative_does_not_depend_on_order)
{
    dl_evrec v[4] = {
        rec("b", "b-e1", "2022-01-05", "2021-12", "Chile", "sign", "Peru", 4),
        rec("a", "a-e9", "2022-01-05", "2021-12", "Chile", "sign", "Peru", 2),
        rec("c", "c-e1", "", "2021-12", "Chile", "sign", "Peru", 1),
        rec("d", "d-e3", "2022-01-04", "2021-12", "Chile", "sign", "Peru", 7)};
    int orders[3][4] = {{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}};
    char *first = NULL;
    for (int o = 0; o < 3; o++) {
        dl_corpus *c = corpus(0);
        for (int i = 0; i < 4; i++)
            add(c, v[orders[o][i]]);
        ck_assert_uint_eq(dl_corpus_n_events(c), 1);
        ck_assert_str_eq(dl_corpus_event(c, 0)->event_id, "d-e3");   /* earliest dct */
        char *out = render_corpus(c, csv_all);
        if (!first)
            first = out;
        else {
            ck_assert_str_eq(out, first);
            free(out);
        }
        dl_corpus_free(c);
    }
    free(first);
}
END_TEST

/* An announced trip reported done by a later article shows as done. */
START_TEST(asserted_telling_represents)
{
    dl_corpus *c = corpus(0);
    dl_evrec plan = rec("monday", "monday-e1", "2022-11-14", "2022-11-16", "Joe Biden", "visit", "Bali", 1);
    plan.modality = "planned";
    dl_evrec done = rec("thursday", "thursday-e5", "2022-11-17", "2022-11-16", "Joe Biden", "visit", "Bali", 4);
    done.modality = "asserted";
    add(c, plan);
    add(c, done);
    ck_assert_str_eq(dl_corpus_event(c, 0)->event_id, "thursday-e5");
    ck_assert_int_eq(dl_corpus_event(c, 0)->mentions, 2);
    dl_corpus_free(c);
}
END_TEST

START_TEST(undated_events_are_never_merged)
{
    dl_corpus *c = corpus(0);
    add(c, rec("a", "a-e1", "2020-02-02", "", "Kenya", "protest", "", 1));
    add(c, rec("b", "b-e1", "2020-02-02", "", "Kenya", "protest", "", 1));
    ck_assert_uint_eq(dl_corpus_n_events(c), 2);
    char *out = render_corpus(c, dl_corpus_write_jsonl);
    ck_assert_ptr_nonnull(strstr(out, "\"doc\":\"a\""));
    ck_assert_ptr_nonnull(strstr(out, "\"doc\":\"b\""));
    free(out);
    dl_corpus_free(c);
}
END_TEST

START_TEST(no_merge_keeps_every_event)
{
    dl_corpus *c = corpus(DL_CORPUS_NO_MERGE);
    add(c, rec("a", "a-e1", "", "2019-07", "Ghana", "meet", "Togo", 1));
    add(c, rec("b", "b-e1", "", "2019-07", "Ghana", "meet", "Togo", 1));
    ck_assert_uint_eq(dl_corpus_n_events(c), 2);
    dl_corpus_free(c);
}
END_TEST

/* Records as a reducer receives them: already merged, with their own docs. */
START_TEST(merged_records_merge_again)
{
    dl_corpus *c = corpus(0);
    dl_evrec a = rec("x", "x-e1", "2021-03-01", "2021-02", "Brazil", "criticize", "Argentina", 1);
    const char *da[] = {"x", "y"};
    a.docs = da;
    a.ndocs = 2;
    a.mentions = 5;
    dl_evrec b = rec("z", "z-e2", "2021-03-02", "2021-02", "Brazil", "criticize", "Argentina", 1);
    const char *db[] = {"y", "z"};
    b.docs = db;
    b.ndocs = 2;
    b.mentions = 2;
    add(c, b);
    add(c, a);
    const dl_evrec *r = dl_corpus_event(c, 0);
    ck_assert_int_eq(r->mentions, 7);
    ck_assert_uint_eq(r->ndocs, 3);
    ck_assert_str_eq(r->docs[2], "z");
    ck_assert_str_eq(r->event_id, "x-e1");
    dl_corpus_free(c);
}
END_TEST

/* Splitting the work anywhere and merging the partial results gives the merge of all. */
START_TEST(merge_is_associative)
{
    static const char *const SRC[] = {"Egypt", "Sudan", "Ethiopia", "African Union"};
    static const char *const REL[] = {"mediate", "accuse", "meet"};
    dl_evrec v[60];
    char ids[60][16], docs[60][8], dates[60][8];
    for (int i = 0; i < 60; i++) {
        snprintf(docs[i], sizeof docs[i], "n%02d", i % 11);
        snprintf(ids[i], sizeof ids[i], "%s-e%d", docs[i], i);
        snprintf(dates[i], sizeof dates[i], "2020-0%d", 1 + i % 3);
        v[i] = rec(docs[i], ids[i], i % 5 ? "2020-04-01" : "", dates[i], SRC[i % 4], REL[i % 3],
                   SRC[(i + 1) % 4], i % 7);
    }
    dl_corpus *all = corpus(0);
    for (int i = 0; i < 60; i++)
        add(all, v[i]);
    char *want = render_corpus(all, dl_corpus_write_jsonl);
    for (int cut = 1; cut < 60; cut += 13) {
        dl_corpus *p1 = corpus(0), *p2 = corpus(0), *m = corpus(0);
        for (int i = 0; i < 60; i++)
            add(i < cut ? p1 : p2, v[i]);
        char *s1 = render_corpus(p1, dl_corpus_write_jsonl), *s2 = render_corpus(p2, dl_corpus_write_jsonl);
        /* Read back the second half first. */
        for (char *s = s2;; s = s1) {
            for (char *line = s; *line;) {
                char *nl = strchr(line, '\n');
                dl_error err = {0};
                ck_assert_msg(dl_corpus_add_json(m, line, (size_t)(nl - line), &err) == DL_OK, "%s", err.msg);
                line = nl + 1;
            }
            if (s == s1)
                break;
        }
        char *got = render_corpus(m, dl_corpus_write_jsonl);
        ck_assert_str_eq(got, want);
        free(got);
        free(s1);
        free(s2);
        dl_corpus_free(p1);
        dl_corpus_free(p2);
        dl_corpus_free(m);
    }
    free(want);
    dl_corpus_free(all);
}
END_TEST

/* The merged timeline has the document timeline's columns, then its own two. */
START_TEST(csv_columns_follow_the_timeline)
{
    char *doc = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&doc, &len);
    dl_error err;
    ck_assert_int_eq(dl_write_csv(NULL, 0, f, 0, &err), DL_OK);
    fclose(f);
    dl_corpus *c = corpus(0);
    char *merged = render_corpus(c, csv_all);
    size_t n = strcspn(doc, "\r\n");
    ck_assert_msg(strncmp(merged, doc, n) == 0, "merged header '%s' does not start with '%.*s'", merged,
                  (int)n, doc);
    ck_assert_str_eq(merged + n, ",mentions,docs\r\n");
    free(doc);
    free(merged);
    dl_corpus_free(c);
}
END_TEST

/* A document with two events built by hand (the event stage is tested elsewhere): its
 * records copy every string, so the document can go before the corpus is written. */
static dl_doc *doc_with_events(const char *name, const char *text, const char *dct)
{
    dl_input in = {.name = name, .text = text, .len = strlen(text), .dct = dct};
    dl_error err = {0};
    dl_doc *d = dl_doc_process(engine(), &in, &err);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_ge((int)d->nsent, 2);
    d->nact = 0;
    d->nev = 0;
    ck_assert_int_eq(DL_GROW(d->act, d->cap_act, 2), 0);
    ck_assert_int_eq(DL_GROW(d->ev, d->cap_ev, 2), 0);
    d->act[0] = (dl_actor_int){.pub = {.name = "Olaf Scholz", .type = "person", .country = "DEU", .role = "head_of_government"}, .dict = -1};
    d->act[1] = (dl_actor_int){.pub = {.name = "Poland", .type = "country", .country = "POL", .role = ""}, .dict = -1};
    d->nact = 2;
    for (int i = 0; i < 2; i++) {
        dl_event_int *e = &d->ev[i];
        memset(e, 0, sizeof *e);
        e->pub = (dl_event){.id = dl_arena_printf(d->arena, "%s-e%d", name, i + 1),
                            .date = i ? "2023-03" : "2023-02-14", .date_mod = "", .start = i ? "2023-03-01" : "2023-02-14",
                            .end = i ? "2023-03-31" : "2023-02-14", .precision = i ? "month" : "day",
                            .date_text = "", .date_anchor = "explicit", .source = &d->act[0].pub,
                            .target = &d->act[1].pub, .relation = i ? "praise" : "visit", .cameo = "042",
                            .quad_class = 1, .goldstein = 1.9, .object = "", .modality = "asserted",
                            .trigger = "visited", .sentence = i, .char_start = 0, .char_end = 3};
        e->source = 0;
        e->target = 1;
        e->timex = -1;
        e->order = i;
    }
    d->nev = 2;
    return d;
}

START_TEST(documents_can_go_once_added)
{
    dl_corpus *c = corpus(0);
    const char *t1 = "Scholz visited   Warsaw on Tuesday.\nHe praised\tPoland in March.";
    const char *t2 = "The chancellor went to Poland.\n\nPolish media praised the visit.";
    dl_doc *a = doc_with_events("dpa", t1, "2023-02-16");
    dl_doc *b = doc_with_events("pap", t2, "2023-02-15");
    dl_error err = {0};
    ck_assert_int_eq(dl_corpus_add_doc(c, a, &err), DL_OK);
    ck_assert_int_eq(dl_corpus_add_doc(c, b, &err), DL_OK);
    dl_doc_free(a);
    dl_doc_free(b);
    ck_assert_uint_eq(dl_corpus_n_events(c), 2);
    const dl_evrec *r = dl_corpus_event(c, 0);
    ck_assert_str_eq(r->relation, "visit");
    ck_assert_str_eq(r->doc, "pap");                    /* the earlier document */
    ck_assert_str_eq(r->sentence, "The chancellor went to Poland.");
    ck_assert_str_eq(r->source_country, "DEU");
    ck_assert_int_eq(r->mentions, 2);
    ck_assert_uint_eq(r->ndocs, 2);
    /* The graph of a corpus: one event per merged record. */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_int_eq(dl_corpus_write_dot(c, &(dl_graph_opts){0}, f, &err), DL_OK);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(buf, "Olaf Scholz"));
    ck_assert_ptr_nonnull(strstr(buf, "Poland"));
    ck_assert_ptr_nonnull(strstr(buf, "praise"));
    /* Weights count events, not mentions: each event here is told twice. */
    ck_assert_ptr_nonnull(strstr(buf, "weight=1"));
    ck_assert_ptr_null(strstr(buf, "weight=2"));
    free(buf);
    /* The actors of the corpus: events and the mentions of those events. */
    buf = NULL;
    f = open_memstream(&buf, &len);
    ck_assert_int_eq(dl_corpus_write_actors_csv(c, f, 0, &err), DL_OK);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(buf, "id,name,type,country,role,events,mentions\r\n"));
    ck_assert_ptr_nonnull(strstr(buf, ",Olaf Scholz,person,DEU,head_of_government,2,4\r\n"));
    free(buf);
    dl_corpus_free(c);
}
END_TEST

START_TEST(bad_records_are_refused)
{
    dl_corpus *c = corpus(0);
    dl_error err = {0};
    dl_evrec r = rec("", "e", "", "2020", "A", "b", "C", 1);
    ck_assert_int_eq(dl_corpus_add(c, &r, &err), DL_EARG);
    r = rec("d", "e", "", "2020", "A", "b", "C", 1);
    r.mentions = 0;
    ck_assert_int_eq(dl_corpus_add(c, &r, &err), DL_EARG);
    ck_assert_uint_eq(dl_corpus_n_events(c), 0);
    dl_corpus_free(NULL);
    dl_corpus_free(c);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("merge");
    TCase *t = tcase_create("core");
    tcase_add_test(t, merges_same_event_across_documents);
    tcase_add_test(t, representative_does_not_depend_on_order);
    tcase_add_test(t, asserted_telling_represents);
    tcase_add_test(t, undated_events_are_never_merged);
    tcase_add_test(t, no_merge_keeps_every_event);
    tcase_add_test(t, merged_records_merge_again);
    tcase_add_test(t, merge_is_associative);
    tcase_add_test(t, csv_columns_follow_the_timeline);
    tcase_add_test(t, documents_can_go_once_added);
    tcase_add_test(t, bad_records_are_refused);
    suite_add_tcase(s, t);
    return s;
}

TEST_MAIN(suite)
