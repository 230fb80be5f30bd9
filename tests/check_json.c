/*
 * check_json.c - JSON Lines records (valid JSON whatever the text, read back exactly,
 * malformed lines refused), TimelineJS's CSV header and JSON shape (parsed here with
 * jansson), display dates at their precision, headlines with agreeing verbs, and GEXF.
 */
#include <jansson.h>

#include "testutil.h"

static dl_evrec rec(const char *date, const char *src, const char *src_type, const char *rel,
                    const char *tgt, const char *obj, const char *mod)
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
    r.doc = "wire";
    r.event_id = "wire-e1";
    r.date = date;
    r.source = src;
    r.source_type = src_type;
    r.relation = rel;
    r.target = tgt;
    r.object = obj;
    r.modality = mod;
    r.mentions = 1;
    return r;
}

static dl_corpus *corpus(void)
{
    dl_error err;
    dl_corpus *c = dl_corpus_new(0, &err);
    ck_assert_ptr_nonnull(c);
    return c;
}


static dl_status tl_csv(dl_corpus *c, FILE *out, dl_error *err)
{
    return dl_corpus_write_timelinejs_csv(c, out, 0, err);
}

/* ---------------------------------------------------------------- JSON Lines */

START_TEST(jsonl_is_valid_for_any_text)
{
    dl_corpus *c = corpus();
    dl_evrec r = rec("2022-10-08", "Ukraine", "country", "strike", "Kerch \"Bridge\"", "", "");
    r.sentence = "Tab\there, quote \" backslash \\ line\nbreak \x01 bell, caf\xC3\xA9, bad \xFF\xFE end </script>";
    r.doc = "d\"oc";
    dl_error err = {0};
    ck_assert_int_eq(dl_corpus_add(c, &r, &err), DL_OK);
    char *out = render_corpus(c, dl_corpus_write_jsonl);
    ck_assert_ptr_null(strchr(out, '\n') == out + strlen(out) - 1 ? NULL : out);   /* one line */
    json_error_t je;
    json_t *o = json_loads(out, 0, &je);
    ck_assert_msg(o != NULL, "not JSON: %s (%s)", je.text, out);
    ck_assert_str_eq(json_string_value(json_object_get(o, "target")), "Kerch \"Bridge\"");
    const char *s = json_string_value(json_object_get(o, "sentence"));
    ck_assert_ptr_nonnull(strstr(s, "caf\xC3\xA9"));
    ck_assert_ptr_nonnull(strstr(s, "bad \xEF\xBF\xBD\xEF\xBF\xBD end"));   /* invalid bytes replaced */
    ck_assert_int_eq(json_integer_value(json_object_get(o, "mentions")), 1);
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(o, "docs"), 0)), "d\"oc");
    ck_assert(json_is_null(json_object_get(o, "goldstein")));
    json_decref(o);

    /* Read back and written again: the same line. */
    dl_corpus *c2 = corpus();
    ck_assert_int_eq(dl_corpus_add_json(c2, out, strlen(out), &err), DL_OK);
    char *again = render_corpus(c2, dl_corpus_write_jsonl);
    ck_assert_str_eq(again, out);
    free(again);
    free(out);
    dl_corpus_free(c);
    dl_corpus_free(c2);
}
END_TEST

START_TEST(malformed_lines_are_refused)
{
    static const char *const BAD[] = {
        "", "{", "[1, 2]", "\"text\"", "{\"date\": \"2020\"}",            /* no doc */
        "{\"doc\": 5}", "{\"doc\": \"a\", \"source\": [\"x\"]}", "{\"doc\": \"a\", \"mentions\": 0}",
        "{\"doc\": \"a\", \"mentions\": 1.5}", "{\"doc\": \"a\", \"quad_class\": 9}",
        "{\"doc\": \"a\", \"docs\": \"a\"}", "{\"doc\": \"a\", \"docs\": [\"\"]}",
        "{\"doc\": \"a\", \"dct\": \"2021-02-30\"}", "{\"doc\": \"a\", \"goldstein\": \"high\"}",
        "{\"doc\": \"a\", \"doc\": \"b\"}", "{\"doc\": \"a\"} trailing", "{\"doc\": \"a\\u0000b\"}"};
    dl_corpus *c = corpus();
    for (size_t i = 0; i < DL_COUNT(BAD); i++) {
        dl_error err = {0};
        ck_assert_msg(dl_corpus_add_json(c, BAD[i], strlen(BAD[i]), &err) == DL_EPARSE,
                      "accepted: %s", BAD[i]);
        ck_assert_msg(err.msg[0], "no message for %s", BAD[i]);
    }
    ck_assert_uint_eq(dl_corpus_n_events(c), 0);
    dl_error err = {0};
    const char *good = "{\"doc\": \"a\", \"date\": \"2020\", \"future_field\": {\"x\": 1}}";
    ck_assert_int_eq(dl_corpus_add_json(c, good, strlen(good), &err), DL_OK);
    ck_assert_uint_eq(dl_corpus_n_events(c), 1);
    dl_corpus_free(c);
}
END_TEST

/* ---------------------------------------------------------------- dates */

static const char *disp(const char *date, const char *mod)
{
    static char out[128];
    dl_evrec r = rec(date, "", "", "", "", "", "");
    r.date_mod = mod;
    return dl_evrec_display_date(&r, out, sizeof out);
}

START_TEST(display_dates_keep_their_precision)
{
    ck_assert_str_eq(disp("2021-08-15", ""), "15 August 2021");
    ck_assert_str_eq(disp("2019-03", ""), "March 2019");
    ck_assert_str_eq(disp("2011", ""), "2011");
    ck_assert_str_eq(disp("2022-WI", ""), "Winter 2022\xE2\x80\x93" "23");
    ck_assert_str_eq(disp("1999-WI", ""), "Winter 1999\xE2\x80\x93" "2000");
    ck_assert_str_eq(disp("2020-SU", ""), "Summer 2020");
    ck_assert_str_eq(disp("2021-W01", ""), "Week of 4 January 2021");
    ck_assert_str_eq(disp("2020-W53", ""), "Week of 28 December 2020");
    ck_assert_str_eq(disp("2018-Q2", ""), "Q2 2018");
    ck_assert_str_eq(disp("2017-H1", ""), "First half of 2017");
    ck_assert_str_eq(disp("198", ""), "1980s");
    ck_assert_str_eq(disp("19", ""), "20th century");
    ck_assert_str_eq(disp("20", ""), "21st century");
    ck_assert_str_eq(disp("10", ""), "11th century");
    ck_assert_str_eq(disp("2016-11-08T21:30", ""), "8 November 2016, 21:30");
    ck_assert_str_eq(disp("2015-06", "BEFORE"), "Before June 2015");
    ck_assert_str_eq(disp("198", "START"), "Early 1980s");
    ck_assert_str_eq(disp("198", "MID"), "Mid-1980s");
    ck_assert_str_eq(disp("2014-SP", "END"), "Late spring 2014");
    ck_assert_str_eq(disp("2013-05-01", "END"), "1 May 2013");
    ck_assert_str_eq(disp("", ""), "");
    ck_assert_str_eq(disp("PRESENT_REF", ""), "");
    ck_assert_str_eq(disp("2012-02-30", ""), "");
}
END_TEST

/* ---------------------------------------------------------------- headlines */

static const char *head(const char *src, const char *type, const char *rel, const char *tgt,
                        const char *obj, const char *mod)
{
    static char out[256];
    dl_evrec r = rec("2020", src, type, rel, tgt, obj, mod);
    return dl_evrec_headline(&r, out, sizeof out);
}

START_TEST(headlines_agree)
{
    ck_assert_str_eq(head("Emmanuel Macron", "person", "travel", "Germany", "", "asserted"),
                     "Emmanuel Macron travels to Germany");
    ck_assert_str_eq(head("Emmanuel Macron", "person", "visit", "India", "", "planned"),
                     "Emmanuel Macron to visit India");
    ck_assert_str_eq(head("France", "country", "veto", "United Nations", "", ""),
                     "France vetoes United Nations");
    ck_assert_str_eq(head("France", "country", "veto", "United Nations", "a draft resolution on Syria", ""),
                     "France vetoes a draft resolution on Syria");
    ck_assert_str_eq(head("The United States", "country", "accuse", "Iran", "", ""),
                     "The United States accuses Iran");
    ck_assert_str_eq(head("Rebel forces", "group", "attack", "Aleppo", "", ""), "Rebel forces attack Aleppo");
    ck_assert_str_eq(head("Rebel forces", "group", "deny", "", "the report", "negated"),
                     "Rebel forces do not deny the report");
    ck_assert_str_eq(head("Turkey", "country", "deny", "", "the report", ""), "Turkey denies the report");
    ck_assert_str_eq(head("Iran", "country", "pay", "", "compensation", ""), "Iran pays compensation");
    ck_assert_str_eq(head("China", "country", "ban", "", "exports of gallium", ""), "China bans exports of gallium");
    ck_assert_str_eq(head("India", "country", "sign", "Japan", "a nuclear deal", ""),
                     "India signs a nuclear deal with Japan");
    ck_assert_str_eq(head("Qatar", "country", "supply", "Lebanon", "fuel", ""), "Qatar supplies Lebanon with fuel");
    ck_assert_str_eq(head("Peru", "country", "talks", "Chile", "", ""), "Peru holds talks with Chile");
    ck_assert_str_eq(head("", "", "strike", "Odesa", "", ""), "Odesa struck");
    ck_assert_str_eq(head("", "", "ban", "", "the opposition party", ""), "The opposition party banned");
    ck_assert_str_eq(head("", "", "visit", "Cuba", "", "planned"), "Cuba to be visited");
    ck_assert_str_eq(head("", "", "carry", "", "the bill", ""), "The bill carried");
    ck_assert_str_eq(head("Israel", "country", "ceasefire", "Hamas", "", ""), "Israel\xE2\x80\x93Hamas ceasefire");
    ck_assert_str_eq(head("", "", "election", "", "", ""), "Election");
    ck_assert_str_eq(head("Fidel Castro", "person", "come to power", "", "", ""), "Fidel Castro comes to power");
    ck_assert_str_eq(head("", "", "negotiate", "Mexico", "", ""), "Negotiating with Mexico");
    ck_assert_str_eq(head("", "", "agree", "Canada", "", ""), "Agreeing with Canada");
    ck_assert_str_eq(head("", "", "travel", "Chad", "", ""), "Traveling to Chad");
    ck_assert_str_eq(head("Iran", "country", "buy", "Belarus", "drones", ""), "Iran buys drones from Belarus");
}
END_TEST

/* ---------------------------------------------------------------- TimelineJS */

START_TEST(timelinejs_csv_header_is_the_template)
{
    dl_corpus *c = corpus();
    dl_evrec r = rec("2023-WI", "Serbia", "country", "protest", "", "", "");
    dl_error err = {0};
    ck_assert_int_eq(dl_corpus_add(c, &r, &err), DL_OK);
    r = rec("", "Serbia", "country", "protest", "", "", "");   /* undated: left out */
    r.event_id = "wire-e2";
    ck_assert_int_eq(dl_corpus_add(c, &r, &err), DL_OK);
    r = rec("2024-01-02", "=cmd|' /C calc'!A0", "group", "protest", "", "", "");
    r.event_id = "wire-e3";
    ck_assert_int_eq(dl_corpus_add(c, &r, &err), DL_OK);
    char *out = render_corpus(c, tl_csv);
    const char *want = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,"
                       "Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\r\n";
    ck_assert_msg(strncmp(out, want, strlen(want)) == 0, "header: %s", out);
    const char *row = out + strlen(want);
    ck_assert_msg(strncmp(row, "2023,12,,,2024,2,,,Winter 2023\xE2\x80\x93" "24,Serbia protests,", 40) == 0,
                  "row: %s", row);
    ck_assert_ptr_nonnull(strstr(row, "\r\n2024,1,2,,,,,,2 January 2024,'=cmd"));   /* guarded */
    int rows = 0;
    for (const char *p = out; (p = strstr(p, "\r\n")); p += 2)
        rows++;
    ck_assert_int_eq(rows, 3);
    free(out);
    dl_corpus_free(c);
}
END_TEST

START_TEST(timelinejs_json_shape)
{
    dl_corpus *c = corpus();
    dl_error err = {0};
    dl_evrec v[3] = {rec("2019-10", "Chile", "country", "declare", "", "a state of emergency", ""),
                     rec("2019-W43", "Protesters", "group", "march", "Santiago & co", "", ""),
                     rec("2019-10-25T18:00", "Sebasti\xC3\xA1n Pi\xC3\xB1" "era", "person", "meet", "Chile", "", "")};
    const char *starts[3] = {"2019-10-01", "2019-10-21", "2019-10-25"};
    const char *ids[3] = {"cl-e1", "cl-e2", "cl-e3"};
    for (int i = 0; i < 3; i++) {
        v[i].event_id = ids[i];
        v[i].start = starts[i];
        v[i].sentence = "It said: \"</script><script>alert(1)</script>\".";
        v[i].url = i == 0 ? "https://example.org/a?b=1&c=2" : "javascript:alert(1)";
        ck_assert_int_eq(dl_corpus_add(c, &v[i], &err), DL_OK);
    }
    char *out = render_corpus(c, dl_corpus_write_timelinejs_json);
    ck_assert_ptr_null(strstr(out, "</script>"));
    json_error_t je;
    json_t *root = json_loads(out, 0, &je);
    ck_assert_msg(root != NULL, "not JSON: %s", je.text);
    json_t *events = json_object_get(root, "events");
    ck_assert(json_is_array(events));
    ck_assert_uint_eq(json_array_size(events), 3);
    size_t i;
    json_t *ev;
    int spans = 0;
    json_array_foreach(events, i, ev) {
        json_t *sd = json_object_get(ev, "start_date");
        ck_assert(json_is_object(sd));
        ck_assert(json_is_string(json_object_get(sd, "year")));
        ck_assert_str_eq(json_string_value(json_object_get(sd, "year")), "2019");
        json_t *ed = json_object_get(ev, "end_date");
        if (ed) {
            ck_assert(json_is_string(json_object_get(ed, "year")));
            spans++;
        }
        json_t *tx = json_object_get(ev, "text");
        ck_assert(json_is_string(json_object_get(tx, "headline")));
        ck_assert(json_is_string(json_object_get(tx, "text")));
        ck_assert(strstr(json_string_value(json_object_get(tx, "text")), "<script") == NULL);
        ck_assert(strstr(json_string_value(json_object_get(tx, "text")), "javascript:") == NULL);
        ck_assert(json_is_string(json_object_get(ev, "group")));
        ck_assert(json_is_string(json_object_get(ev, "unique_id")));
        for (size_t k = 0; k < i; k++)
            ck_assert_str_ne(json_string_value(json_object_get(ev, "unique_id")),
                             json_string_value(json_object_get(json_array_get(events, k), "unique_id")));
    }
    ck_assert_int_eq(spans, 1);   /* the week */
    json_t *e0 = json_array_get(events, 0);
    ck_assert_str_eq(json_string_value(json_object_get(e0, "display_date")), "October 2019");
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(e0, "start_date"), "month")), "10");
    ck_assert_ptr_null(json_object_get(json_object_get(e0, "start_date"), "day"));
    ck_assert_ptr_nonnull(strstr(json_string_value(json_object_get(json_object_get(e0, "text"), "text")),
                                 "<a href=\"https://example.org/a?b=1&amp;c=2\">"));
    json_t *e1 = json_array_get(events, 1);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(e1, "text"), "headline")),
                     "Protesters march Santiago &amp; co");
    json_t *e2 = json_array_get(events, 2);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(e2, "start_date"), "hour")), "18");
    ck_assert(json_is_object(json_object_get(root, "title")));
    json_decref(root);
    free(out);
    dl_corpus_free(c);
}
END_TEST

/* ---------------------------------------------------------------- GEXF */

START_TEST(gexf_is_dynamic_and_escaped)
{
    dl_corpus *c = corpus();
    dl_error err = {0};
    dl_evrec a = rec("2021-06-13", "G7 & \"Friends\"", "organization", "criticize", "China <PRC>", "", "");
    a.start = a.end = "2021-06-13";
    dl_evrec b = rec("2021-09", "G7 & \"Friends\"", "organization", "criticize", "China <PRC>", "", "");
    b.event_id = "wire-e2";
    dl_evrec u = rec("", "G7 & \"Friends\"", "organization", "meet", "Japan", "", "");
    u.event_id = "wire-e3";
    ck_assert_int_eq(dl_corpus_add(c, &a, &err), DL_OK);
    ck_assert_int_eq(dl_corpus_add(c, &b, &err), DL_OK);
    ck_assert_int_eq(dl_corpus_add(c, &u, &err), DL_OK);
    char *out = render_corpus(c, dl_corpus_write_gexf);
    ck_assert_ptr_nonnull(strstr(out, "<gexf xmlns=\"http://gexf.net/1.3\""));
    ck_assert_ptr_nonnull(strstr(out, "version=\"1.3\""));
    ck_assert_ptr_nonnull(strstr(out, "mode=\"dynamic\""));
    ck_assert_ptr_nonnull(strstr(out, "label=\"G7 &amp; &quot;Friends&quot;\""));
    ck_assert_ptr_nonnull(strstr(out, "label=\"China &lt;PRC&gt;\""));
    ck_assert_ptr_nonnull(strstr(out, "weight=\"2\""));
    ck_assert_ptr_nonnull(strstr(out, "<spell start=\"2021-06-13\" end=\"2021-06-13\"/>"));
    ck_assert_ptr_nonnull(strstr(out, "<spell start=\"2021-09-01\" end=\"2021-09-30\"/>"));
    ck_assert_ptr_null(strstr(out, "Japan"));   /* undated: not in the graph */
    ck_assert_ptr_nonnull(strstr(out, "</gexf>\n"));
    free(out);
    dl_corpus_free(c);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("json");
    TCase *t = tcase_create("core");
    tcase_add_test(t, jsonl_is_valid_for_any_text);
    tcase_add_test(t, malformed_lines_are_refused);
    tcase_add_test(t, display_dates_keep_their_precision);
    tcase_add_test(t, headlines_agree);
    tcase_add_test(t, timelinejs_csv_header_is_the_template);
    tcase_add_test(t, timelinejs_json_shape);
    tcase_add_test(t, gexf_is_dynamic_and_escaped);
    suite_add_tcase(s, t);
    return s;
}

TEST_MAIN(suite)
