/*
 * check_limits.c - the text and segmentation promises of the foundation under bad input,
 * and the limits that keep time and memory bounded (internal.h: DL_MAX_*):
 * invalid UTF-8 replaced as Python counts it with one warning, NUL bytes, UTF-16 and
 * binary data refused, over-long documents refused before reading, over-long words and
 * sentences cut, inputs that used to take quadratic time.
 */

#include "testutil.h"

/* Runs the pipeline on n bytes; returns the document or NULL with *err filled. */
static dl_doc *process_n(const char *text, size_t n, dl_error *err)
{
    dl_input in = {.name = "t", .text = text, .len = n, .dct = "2024-06-17"};
    return dl_doc_process(engine(), &in, err);
}

static size_t count_fffd(const dl_doc *d)
{
    size_t k = 0;
    for (const char *p = d->text; (p = strstr(p, "\xEF\xBF\xBD")); p += 3)
        k++;
    return k;
}

static char *repeat(const char *unit, size_t times, const char *tail)
{
    size_t ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(ul * times + tl + 1);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * ul, unit, ul);
    memcpy(s + ul * times, tail, tl + 1);
    return s;
}

/* ---------------------------------------------------------------- text */

START_TEST(test_utf8_replacement)
{
    static const struct {
        const char *in;
        size_t fffd, first;
    } cases[] = {
        {"ok \xC0\xAF x", 2, 3},            /* overlong '/', two bytes: two */
        {"ok \xE0\x80\xAF x", 3, 3},        /* overlong, three bytes: three */
        {"ok \xF0\x80\x80\xAF x", 4, 3},    /* overlong, four bytes: four */
        {"ok \xED\xA0\x80 x", 3, 3},        /* a surrogate: one per byte */
        {"ok \xE2\x82 x", 1, 3},            /* truncated euro sign: one */
        {"ok \xF0\x9F\x98", 1, 3},          /* truncated at the end: one */
        {"ok \xF0\x9F\x98\x41", 1, 3},      /* truncated before ASCII: one, and the A */
        {"ok \x80\xBF x", 2, 3},            /* lone continuation bytes */
        {"ok \xF4\x90\x80\x80 x", 4, 3},    /* above U+10FFFF */
        {"ok \xF5\xFF x", 2, 3},            /* never valid */
        {"caf\xE9 ok", 1, 3},               /* Latin-1 */
    };
    for (size_t i = 0; i < DL_COUNT(cases); i++) {
        dl_doc *d = process(cases[i].in, NULL);
        ck_assert_msg(count_fffd(d) == cases[i].fffd, "case %zu: %zu U+FFFD, expected %zu", i,
                      count_fffd(d), cases[i].fffd);
        ck_assert_uint_eq(dl_doc_n_warnings(d), 1);
        char want[64];
        snprintf(want, sizeof want, "invalid UTF-8 at byte %zu ", cases[i].first);
        ck_assert_msg(strstr(dl_doc_warning(d, 0), want), "case %zu: %s", i, dl_doc_warning(d, 0));
        dl_doc_free(d);
    }
    /* Valid text is kept byte for byte, BOM, CRLF and all, with no warning. */
    const char *good = "\xEF\xBB\xBF" "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80.\r\n";
    dl_doc *d = process(good, NULL);
    ck_assert_uint_eq(d->len, strlen(good));
    ck_assert_mem_eq(d->text, good, d->len);
    ck_assert_uint_eq(dl_doc_n_warnings(d), 0);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_not_text)
{
    dl_error err = {0};
    ck_assert_ptr_null(process_n("Russia\0 vetoed.", 15, &err));
    ck_assert_int_eq(err.code, DL_EBINARY);
    ck_assert_str_eq(err.msg, "not a text file (NUL byte at byte 6)");

    const char u16[] = "\xFF\xFER\0u\0s\0.\0";
    ck_assert_ptr_null(process_n(u16, sizeof u16 - 1, &err));
    ck_assert_int_eq(err.code, DL_EBINARY);
    ck_assert_msg(strstr(err.msg, "UTF-16"), "%s", err.msg);

    char ctl[400];
    for (size_t i = 0; i < sizeof ctl; i++)
        ctl[i] = (char)(i % 2 ? 'a' : 1 + i % 7);
    ck_assert_ptr_null(process_n(ctl, sizeof ctl, &err));
    ck_assert_int_eq(err.code, DL_EBINARY);
    ck_assert_msg(strstr(err.msg, "control bytes"), "%s", err.msg);

    /* A few control characters in text are not binary. */
    dl_doc *d = process("Page one.\fPage two.\x1b[0m ok", NULL);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_too_large)
{
    /* Refused on its length alone, before a byte is read (the buffer is one byte). */
    char one = 'a';
    dl_input in = {.name = "t", .text = &one, .len = DL_MAX_DOC_BYTES, .dct = NULL};
    dl_error err = {0};
    ck_assert_ptr_null(dl_doc_process(engine(), &in, &err));
    ck_assert_int_eq(err.code, DL_EARG);
    ck_assert_msg(strstr(err.msg, "too large"), "%s", err.msg);
}
END_TEST

START_TEST(test_null_arguments)
{
    dl_error err = {0};
    dl_input in = {.name = NULL, .text = NULL, .len = 0, .dct = NULL};
    dl_doc *d = dl_doc_process(engine(), &in, &err);   /* an empty document */
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(d->ntok, 0);
    ck_assert_str_eq(dl_doc_name(d), "-");
    dl_doc_free(d);
    in.len = 5;
    ck_assert_ptr_null(dl_doc_process(engine(), &in, &err));
    ck_assert_int_eq(err.code, DL_EARG);
    ck_assert_ptr_null(dl_doc_process(NULL, &in, &err));
    ck_assert_int_eq(err.code, DL_EARG);
    ck_assert_ptr_null(dl_doc_process(engine(), NULL, &err));
    ck_assert_int_eq(err.code, DL_EARG);
    dl_doc_free(NULL);
}
END_TEST

START_TEST(test_empty_inputs)
{
    const char *texts[] = {"", "   \n\t\r\n\f\v", "\xEF\xBB\xBF", "\xEF\xBB\xBF\r\n \xE2\x80\x8B\n"};
    for (size_t i = 0; i < DL_COUNT(texts); i++) {
        dl_doc *d = process(texts[i], NULL);
        ck_assert_uint_eq(d->ntok, 0);
        ck_assert_uint_eq(d->nsent, 0);
        ck_assert_uint_eq(dl_doc_n_warnings(d), 0);
        ck_assert_str_eq(dl_doc_dct(d), "");
        dl_doc_free(d);
    }
}
END_TEST

/* ---------------------------------------------------------------- segmentation limits */

static void assert_bounded(const dl_doc *d)
{
    for (size_t i = 0; i < d->ntok; i++)
        ck_assert_uint_le(d->tok[i].blen, DL_MAX_TOKEN_BYTES);
    size_t next = 0;
    for (size_t i = 0; i < d->nsent; i++) {
        ck_assert_uint_eq(d->sent[i].tok0, next);
        ck_assert_uint_le(d->sent[i].ntok, DL_MAX_SENT_TOKENS);
        next += d->sent[i].ntok;
    }
    ck_assert_uint_eq(next, d->ntok);
}

START_TEST(test_long_word)
{
    char *s = repeat("a", 10000, " end.");
    dl_doc *d = process(s, NULL);
    assert_bounded(d);
    ck_assert_uint_eq(d->ntok, 40 + 2);   /* 39 pieces of 256 bytes and one of 16, "end", "." */
    ck_assert_uint_eq(d->tok[1].b, 256);
    ck_assert_uint_eq(d->tok[1].cp, 256);
    ck_assert_uint_eq(dl_doc_n_warnings(d), 1);
    ck_assert_str_eq(dl_doc_warning(d, 0), "words longer than 256 bytes cut 39 times (first at byte 256)");
    dl_doc_free(d);
    free(s);

    /* Multi-byte letters and combining marks: cuts fall between code points. */
    s = repeat("\xC3\xA9\xCC\x81", 3000, "");
    d = process(s, NULL);
    assert_bounded(d);
    for (size_t i = 0; i < d->ntok; i++)
        ck_assert((d->text[d->tok[i].b] & 0xC0) != 0x80);
    dl_doc_free(d);
    free(s);

    /* Runs of dots and dashes too. */
    s = repeat("-", 5000, " ...........................................................");
    d = process(s, NULL);
    assert_bounded(d);
    dl_doc_free(d);
    free(s);
}
END_TEST

START_TEST(test_long_sentence)
{
    /* 100,000 words and no punctuation: sentences of 1,000 tokens, one warning. */
    char *s = repeat("talks ", 100000, ".");
    dl_doc *d = process(s, NULL);
    assert_bounded(d);
    ck_assert_uint_eq(d->ntok, 100001);
    ck_assert_uint_eq(d->nsent, 101);
    ck_assert_uint_eq(d->sent[1].pub.byte_start, 6000);
    ck_assert_uint_eq(dl_doc_n_warnings(d), 1);
    ck_assert_str_eq(dl_doc_warning(d, 0), "sentences longer than 1000 tokens cut 100 times (first at byte 6000)");
    dl_doc_free(d);
    free(s);

    /* With commas, the cut falls after the last comma of the final fifth. */
    s = repeat("one two three four five six seven, ", 200, "end.");
    d = process(s, NULL);
    assert_bounded(d);
    ck_assert_uint_ge(d->nsent, 2);
    const dl_sent *first = &d->sent[0];
    ck_assert_uint_gt(first->ntok, DL_MAX_SENT_TOKENS * 4 / 5);
    ck_assert_str_eq(d->tok[first->tok0 + first->ntok - 1].lower, ",");
    dl_doc_free(d);
    free(s);

    /* A sentence of exactly the limit is not cut. */
    s = repeat("talks ", DL_MAX_SENT_TOKENS - 1, ".");
    d = process(s, NULL);
    ck_assert_uint_eq(d->nsent, 1);
    ck_assert_uint_eq(dl_doc_n_warnings(d), 0);
    dl_doc_free(d);
    free(s);
}
END_TEST

START_TEST(test_dotted_chain_is_linear)
{
    /* "a.b.c.d..." was scanned again from every letter (quadratic: a megabyte took
     * minutes). 512 KB must finish within the test case's timeout, a guard against a hang;
     * speed itself is measured by make bench, never by a test. */
    char *s = repeat("a.", 262144, "B");
    dl_doc *d = process(s, NULL);
    assert_bounded(d);
    dl_doc_free(d);
    free(s);
    /* Real dotted abbreviations still hold together. */
    d = process("The U.S.A. and the U.N. met at 3 p.m. on Monday.", NULL);
    ck_assert_str_eq(tok_text(d, 1), "U.S.A.");
    ck_assert_str_eq(tok_text(d, 4), "U.N.");
    ck_assert_str_eq(tok_text(d, 8), "p.m.");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_nesting_and_markup)
{
    /* Deep brackets and quotes: no recursion anywhere, bounded sentences. */
    char *s = repeat("([\xE2\x80\x9C\"'", 20000, "Putin met Kim. ");
    dl_doc *d = process(s, NULL);
    assert_bounded(d);
    dl_doc_free(d);
    free(s);
    s = repeat("\xE2\x80\x9D\"'])", 20000, " He left.");
    d = process(s, NULL);
    assert_bounded(d);
    dl_doc_free(d);
    free(s);
    /* HTML left in the text is text: tokens, no crash. */
    d = process("<html><body><p class=\"x\">MOSCOW, June 17, 2024 &mdash; Putin left.</p>"
                "<script>if (a < b && c > d) {}</script></body></html>", NULL);
    ck_assert_uint_gt(d->ntok, 20);
    assert_bounded(d);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_many_dates_one_sentence)
{
    /* 10,000 dates in one sentence: bounded sentences (and no hang: the test case's
     * timeout guards against one). */
    char *s = repeat("17 June 2024, ", 10000, "and then.");
    dl_doc *d = process(s, NULL);
    assert_bounded(d);
    for (size_t i = 0; i < d->ntx; i++)
        ck_assert_uint_le(d->tx[i].pub.byte_end, d->len);
    dl_doc_free(d);
    free(s);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("limits");
    TCase *tc = tcase_create("text");
    tcase_add_test(tc, test_utf8_replacement);
    tcase_add_test(tc, test_not_text);
    tcase_add_test(tc, test_too_large);
    tcase_add_test(tc, test_empty_inputs);
    tcase_add_test(tc, test_null_arguments);
    suite_add_tcase(s, tc);
    tc = tcase_create("segment");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_long_word);
    tcase_add_test(tc, test_long_sentence);
    tcase_add_test(tc, test_dotted_chain_is_linear);
    tcase_add_test(tc, test_nesting_and_markup);
    tcase_add_test(tc, test_many_dates_one_sentence);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
