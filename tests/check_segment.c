/* check_segment.c - tokens, offsets, sentences, paragraphs, boilerplate, the lexicon. */
#include "testutil.h"

static size_t count_sentences(const char *text)
{
    dl_doc *d = process(text, "2024-06-17");
    size_t n = d->nsent;
    dl_doc_free(d);
    return n;
}

START_TEST(test_initials_and_money)
{
    dl_doc *d = process("Russian President Vladimir V. Putin will travel on Tuesday. Trade reached "
                        "$34.4 million in 2023, according to Reuters. The Minister agreed.", NULL);
    ck_assert_uint_eq(d->nsent, 3);
    ck_assert_str_eq(sent_text(d, 0), "Russian President Vladimir V. Putin will travel on Tuesday.");
    ck_assert_str_eq(sent_text(d, 1), "Trade reached $34.4 million in 2023, according to Reuters.");
    dl_doc_free(d);
}
END_TEST

/* The sample article, read from the project's data/samples (make test runs from the root). */
START_TEST(test_sample_article)
{
    FILE *f = fopen("data/samples/putin-north-korea.txt", "rb");
    ck_assert_ptr_nonnull(f);
    static char text[65536];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = 0;
    dl_doc *d = process(text, "2024-06-17");
    int putin = 0, money = 0, reuters = 0;
    for (size_t i = 0; i < d->nsent; i++) {
        const char *s = sent_text(d, i);
        if (!strncmp(s, "Russian President Vladimir V. Putin will travel", 47))
            putin = strstr(s, "dictatorship") != NULL;   /* the whole sentence, no split at "V." */
        if (!strncmp(s, "Ushakov said Russia's trade", 27))
            money = strstr(s, "$34.4 million in 2023, nine times the previous year") != NULL;
        if (strstr(s, "according to Reuters."))
            reuters = !strcmp(s + strlen(s) - 21, "according to Reuters.") &&
                      !strncmp(sent_text(d, i + 1), "The embargo prohibits", 21);
    }
    ck_assert_msg(putin, "the sentence of \"Vladimir V. Putin\" is split");
    ck_assert_msg(money, "the sentence of \"$34.4 million\" is split");
    ck_assert_msg(reuters, "no split after \"Reuters.\"");
    /* The web page's furniture at the end is boilerplate. */
    ck_assert_int_eq(d->sent[d->nsent - 1].pub.boilerplate, 1);
    ck_assert_int_eq(d->sent[d->nsent - 3].pub.boilerplate, 1);
    ck_assert_int_eq(d->sent[d->nsent - 4].pub.boilerplate, 0);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_abbreviations)
{
    ck_assert_uint_eq(count_sentences("Dr. Smith met Gen. Jones in the U.S. capital on Jan. 2, 2020."), 1);
    ck_assert_uint_eq(count_sentences("The U.N. observers left. They came back."), 2);
    ck_assert_uint_eq(count_sentences("He moved to the U.S. The talks failed."), 2);
    ck_assert_uint_eq(count_sentences("Shares of Acme Inc. rose 4.8 percent at 3 p.m. on Friday."), 1);
    ck_assert_uint_eq(count_sentences("Mr. and Mrs. J. R. Tolkien arrived. No one knew."), 2);
}
END_TEST

START_TEST(test_quotations)
{
    ck_assert_uint_eq(count_sentences("\xe2\x80\x9cWe will win,\xe2\x80\x9d he said. Then he left."), 2);
    ck_assert_uint_eq(count_sentences("She said: \xe2\x80\x9cIt is over.\xe2\x80\x9d The crowd cheered."), 2);
    ck_assert_uint_eq(count_sentences("\"Why?\" she asked. \"Because.\""), 2);
}
END_TEST

START_TEST(test_headline_and_paragraphs)
{
    dl_doc *d = process("Putin heads to Pyongyang\n\nThe trip starts today. It ends tomorrow.\n\nA new paragraph.", NULL);
    ck_assert_uint_eq(d->nsent, 4);
    ck_assert_int_eq(d->sent[0].pub.paragraph, 0);
    ck_assert_int_eq(d->sent[1].pub.paragraph, 1);
    ck_assert_int_eq(d->sent[3].pub.paragraph, 2);
    dl_doc_free(d);
    /* One paragraph per line, as many sites and corpora write text: the headline and the
     * date line are sentences of their own. */
    d = process("Airbus defeats Boeing for $40 billion US airtanker contract after long fight\n"
                "March 01, 2008\nAirbus has won a contract. It is the biggest of its kind.\n"
                "Boeing said it would appeal.\n", NULL);
    ck_assert_uint_eq(d->nsent, 5);
    ck_assert_str_eq(sent_text(d, 1), "March 01, 2008");
    ck_assert_int_eq(d->sent[4].pub.paragraph, 3);
    dl_doc_free(d);
    /* A wrapped line of running text is not a headline. */
    ck_assert_uint_eq(count_sentences("The minister said on Monday that the government would\n"
                                      "Consider new measures against the rebels."), 1);
}
END_TEST

START_TEST(test_tokens_and_offsets)
{
    /* "Kim’s" splits the possessive; curly quote counts one code point. */
    dl_doc *d = process("Kim\xe2\x80\x99s 15-year-old panel (10,000 shells) don't", NULL);
    const char *want[] = {"Kim", "\xe2\x80\x99s", "15-year-old", "panel", "(", "10,000", "shells", ")", "do", "n't"};
    ck_assert_uint_eq(d->ntok, DL_COUNT(want));
    for (size_t i = 0; i < DL_COUNT(want); i++)
        ck_assert_str_eq(tok_text(d, i), want[i]);
    ck_assert_uint_eq(d->tok[1].cp, 3);
    ck_assert_uint_eq(d->tok[1].cplen, 2);
    ck_assert_uint_eq(d->tok[2].cp, 6);
    ck_assert_str_eq(d->tok[1].lower, "'s");
    ck_assert(d->tok[5].flags & DL_T_NUMBER);
    dl_doc_free(d);
}
END_TEST

/* Every token carries the length and hash of its lower-cased text, which later stages use
 * for their look-ups instead of hashing again; a map finds a key by that hash. */
START_TEST(test_token_hash)
{
    dl_doc *d = process("Ms. \xc3\x89lodie Dupont\xe2\x80\x99s \xe2\x80\x9cGRAND\xe2\x80\x9d plan "
                        "costs 10,000 euros \xe2\x80\x94 U.S.-backed.", NULL);
    dl_map *m = dl_map_new();
    ck_assert_ptr_nonnull(m);
    for (size_t i = 0; i < d->ntok; i++) {
        const dl_token *t = &d->tok[i];
        ck_assert_uint_eq(t->llen, strlen(t->lower));
        ck_assert_uint_eq(t->hash, dl_hash(t->lower, t->llen));
        ck_assert_int_eq(dl_map_put(m, t->lower, t->llen, (uint32_t)i), 0);
    }
    for (size_t i = 0; i < d->ntok; i++) {
        uint32_t v = UINT32_MAX;
        ck_assert(dl_map_get_h(m, d->tok[i].lower, d->tok[i].llen, d->tok[i].hash, &v));
        ck_assert_str_eq(d->tok[v].lower, d->tok[i].lower);
    }
    ck_assert_str_eq(d->tok[1].lower, "\xc3\xa9lodie");
    ck_assert_str_eq(d->tok[3].lower, "'s");
    ck_assert(!dl_map_get(m, "plans", 5, NULL));
    dl_map_free(m);
    dl_doc_free(d);
}
END_TEST

/* Words end where nothing can continue them, whichever way the tokeniser reads them:
 * letters before a comma or a colon end there, digits before one may go on ("3,000",
 * "10:30"); a dot, a hyphen or an apostrophe is looked at closely. */
START_TEST(test_word_ends)
{
    dl_doc *d = process("Lima, 3,000 votes; vote 3, at 10:30 or x:y, A330/B, 42/7 (Oslo) "
                        "e-mail KC-45 U.N. aid's end, ROME.", NULL);
    static const char *const want[] = {"Lima", ",", "3,000", "votes", ";", "vote", "3", ",", "at",
                                       "10:30", "or", "x", ":", "y", ",", "A330", "/", "B", ",",
                                       "42/7", "(", "Oslo", ")", "e-mail", "KC-45", "U.N.", "aid",
                                       "'s", "end", ",", "ROME", "."};
    ck_assert_uint_eq(d->ntok, sizeof want / sizeof *want);
    for (size_t i = 0; i < d->ntok; i++)
        ck_assert_str_eq(tok_text(d, i), want[i]);
    ck_assert(d->tok[2].flags & DL_T_NUMBER);
    ck_assert(!(d->tok[15].flags & DL_T_NUMBER) && (d->tok[15].flags & DL_T_ALPHA));
    ck_assert(d->tok[30].flags & DL_T_UPPER);
    ck_assert(!(d->tok[21].flags & DL_T_UPPER) && (d->tok[21].flags & DL_T_CAP));
    dl_doc_free(d);
}
END_TEST

START_TEST(test_lexicon)
{
    dl_doc *d = process("Officials met and bought shells; they sought visits.", NULL);
    ck_assert_str_eq(d->tok[1].lemma, "meet");
    ck_assert_int_eq(d->tok[1].vform, DL_VF_PAST);
    ck_assert_str_eq(d->tok[3].lemma, "buy");
    ck_assert_str_eq(d->tok[4].nlemma, "shell");
    ck_assert_str_eq(d->tok[7].lemma, "seek");
    ck_assert_str_eq(d->tok[8].nlemma, "visit");
    ck_assert(d->tok[0].flags & DL_T_CAP);
    ck_assert(d->tok[0].flags & DL_T_SENT_START);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_boilerplate)
{
    dl_doc *d = process("Russia vetoed the renewal in March.\n\nIt was a blow.\n\nLeave a Reply\n\n"
                        "Your email address will not be published. Required fields are marked *", NULL);
    ck_assert_uint_eq(d->nsent, 5);
    ck_assert_int_eq(d->sent[0].pub.boilerplate, 0);
    ck_assert_int_eq(d->sent[1].pub.boilerplate, 0);
    ck_assert_int_eq(d->sent[2].pub.boilerplate, 1);
    ck_assert_int_eq(d->sent[3].pub.boilerplate, 1);
    ck_assert_int_eq(d->sent[4].pub.boilerplate, 1);
    dl_doc_free(d);
    /* A sentence that merely mentions comments is not furniture. */
    d = process("Comments by the minister angered Seoul, which summoned the ambassador on Friday.", NULL);
    ck_assert_int_eq(d->sent[0].pub.boilerplate, 0);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_bad_text)
{
    dl_input in = {.name = "bin", .text = "abc\0def", .len = 7};
    dl_error err = {0};
    ck_assert_ptr_null(dl_doc_process(engine(), &in, &err));
    ck_assert_int_eq(err.code, DL_EBINARY);
    ck_assert(strstr(err.msg, "byte 3") != NULL);
    /* Invalid UTF-8: replaced, with a warning naming the offset. */
    in = (dl_input){.name = "u", .text = "ab\xff\xc0\x80 cd", .len = 8};
    dl_doc *d = dl_doc_process(engine(), &in, &err);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(dl_doc_n_warnings(d), 1);
    ck_assert(strstr(dl_doc_warning(d, 0), "byte 2") != NULL);
    dl_doc_free(d);
    /* Empty and BOM-only texts are documents with nothing in them. */
    d = process("", NULL);
    ck_assert_uint_eq(d->nsent, 0);
    dl_doc_free(d);
    d = process("\xEF\xBB\xBF", NULL);
    ck_assert_uint_eq(d->ntok, 0);
    dl_doc_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("segment");
    TCase *tc = tcase_create("segment");
    tcase_add_test(tc, test_initials_and_money);
    tcase_add_test(tc, test_sample_article);
    tcase_add_test(tc, test_abbreviations);
    tcase_add_test(tc, test_quotations);
    tcase_add_test(tc, test_headline_and_paragraphs);
    tcase_add_test(tc, test_tokens_and_offsets);
    tcase_add_test(tc, test_token_hash);
    tcase_add_test(tc, test_word_ends);
    tcase_add_test(tc, test_lexicon);
    tcase_add_test(tc, test_boilerplate);
    tcase_add_test(tc, test_bad_text);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
