/*
 * testutil.h - helpers shared by the Check unit tests: one engine for the whole test
 * program, documents made from string literals, and the main() that runs a suite.
 */
#ifndef DL_TESTUTIL_H
#define DL_TESTUTIL_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static dl_engine *test_engine;

static inline const dl_engine *engine(void)
{
    if (!test_engine) {
        dl_error err;
        test_engine = dl_engine_new(&err);
        if (!test_engine) {
            fprintf(stderr, "engine: %s\n", err.msg);
            abort();
        }
    }
    return test_engine;
}

/* Runs the pipeline on text with document date dct (or NULL). Aborts the test on error. */
static inline dl_doc *process(const char *text, const char *dct)
{
    dl_input in = {.name = "t", .text = text, .len = strlen(text), .dct = dct};
    dl_error err = {0};
    dl_doc *d = dl_doc_process(engine(), &in, &err);
    ck_assert_msg(d != NULL, "dl_doc_process: %s", err.msg);
    return d;
}

/* The text of token i. */
static inline const char *tok_text(const dl_doc *d, size_t i)
{
    static char buf[256];
    size_t n = d->tok[i].blen < 255 ? d->tok[i].blen : 255;
    memcpy(buf, d->text + d->tok[i].b, n);
    buf[n] = 0;
    return buf;
}

/* The text of sentence i. */
static inline const char *sent_text(const dl_doc *d, size_t i)
{
    static char buf[4096];
    const dl_sentence *s = &d->sent[i].pub;
    size_t n = s->byte_end - s->byte_start;
    if (n > 4095)
        n = 4095;
    memcpy(buf, d->text + s->byte_start, n);
    buf[n] = 0;
    return buf;
}

/* The first event with this relation (and trigger, when given), or NULL. */
static inline const dl_event *find_ev(const dl_doc *d, const char *relation, const char *trigger)
{
    for (size_t i = 0; i < d->nev; i++) {
        const dl_event *e = &d->ev[i].pub;
        if (!strcmp(e->relation, relation) && (!trigger || !strcmp(e->trigger, trigger)))
            return e;
    }
    return NULL;
}

/* What a corpus writer puts out, as a string to free. */
typedef dl_status (*cwrite)(dl_corpus *c, FILE *out, dl_error *err);
static inline char *render_corpus(dl_corpus *c, cwrite w)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    dl_error err = {0};
    ck_assert_msg(w(c, f, &err) == DL_OK, "%s", err.msg);
    fclose(f);
    return buf;
}

/* Runs one suite; exits non-zero when a test failed. */
static inline int run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    dl_engine_free(test_engine);
    test_engine = NULL;
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#define TEST_MAIN(suite_fn) \
    int main(void) { return run_suite(suite_fn()); }

#endif
