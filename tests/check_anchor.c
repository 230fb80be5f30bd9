/* check_anchor.c - dating events: a date of the trigger's clause, one of a clause around
 * it, an anchoring event ("two months after X's visit", "before the trip", "since they
 * met"), the narrative, the document date; spans and modifiers; seats resolved by the
 * event's date; "for the first time in N years"; no system clock. */
#include "testutil.h"

static const dl_event *must(const dl_doc *d, const char *relation, const char *trigger)
{
    const dl_event *e = find_ev(d, relation, trigger);
    ck_assert_msg(e != NULL, "no %s event", relation);
    return e;
}

START_TEST(test_own_clause_first)
{
    /* "in 2019" dates the firing; "on Monday" dates the statement only */
    dl_doc *d = process("Officials said on Monday that Japan fired missiles at China in 2019.", "2024-06-17");
    const dl_event *e = must(d, "fire", NULL);
    ck_assert_str_eq(e->date, "2019");
    ck_assert_str_eq(e->start, "2019-01-01");
    ck_assert_str_eq(e->end, "2019-12-31");
    ck_assert_str_eq(e->precision, "year");
    ck_assert_str_eq(e->date_anchor, "explicit");
    ck_assert_str_eq(e->date_text, "2019");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_now_is_the_document_date)
{
    /* "now" (PRESENT_REF) dates an event on the document's day, not with TimeML's token */
    dl_doc *d = process("Brazil now accuses Chile of spying.", "2015-03-09");
    const dl_event *e = must(d, "accuse", NULL);
    ck_assert_str_eq(e->date, "2015-03-09");
    ck_assert_str_eq(e->start, "2015-03-09");
    ck_assert_str_eq(e->precision, "day");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_dates_of_each_verb)
{
    /* each coordinated verb keeps the dates after it */
    dl_doc *d = process("In 2010, Egypt fought Sudan in 2004 and attacked Chad in early 2009.", "2024-06-17");
    ck_assert_str_eq(must(d, "fight", NULL)->date, "2004");
    ck_assert_str_eq(must(d, "attack", NULL)->date, "2009");
    dl_doc_free(d);
    /* a participle after a noun keeps its date: the agreement is of 1991, the violation now */
    d = process("Chad violates an agreement reached between the two countries in 1991.", "2024-06-17");
    ck_assert_str_eq(must(d, "agree", NULL)->date, "1991");
    ck_assert_str_eq(must(d, "violate", NULL)->date, "2024-06-17");
    dl_doc_free(d);
    /* a later verb of the clause takes the date before it when it has none of its own */
    d = process("Chad came to power with Niger's support in 1990 and founded Libya.", "2024-06-17");
    ck_assert_str_eq(must(d, "found", NULL)->date, "1990");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_clause_around)
{
    /* the subordinate clause has no date: the main clause's dates it */
    dl_doc *d = process("Nine months ago, after Macron arrived in Brazil, the talks began.", "2024-06-17");
    const dl_event *e = must(d, "visit", "arrived");
    ck_assert_str_eq(e->date, "2023-09");
    ck_assert_str_eq(e->date_anchor, "document-date");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_duration_after_event)
{
    /* two months after the visit of May 2019 */
    dl_doc *d = process("Erdogan visited Egypt in May 2019. Two months after Erdogan's visit to Egypt, "
                        "Turkey sold drones to Kenya.", "2024-06-17");
    const dl_event *e = must(d, "sell", NULL);
    ck_assert_str_eq(e->date, "2019-07");
    ck_assert_str_eq(e->date_anchor, "event");
    ck_assert_str_eq(e->start, "2019-07-01");
    ck_assert_str_eq(e->end, "2019-07-31");
    /* the visit named again is no second row */
    size_t visits = 0;
    for (size_t i = 0; i < d->nev; i++)
        visits += !strcmp(d->ev[i].pub.relation, "visit");
    ck_assert_uint_eq(visits, 1);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_before_and_during_the_trip)
{
    dl_doc *d = process("Modi will travel to Japan on September 3. Before the trip, Modi praised Japan. "
                        "During the trip, Modi will meet Kishida.", "2024-06-17");
    const dl_event *e = must(d, "praise", NULL);
    ck_assert_str_eq(e->date, "2024-09-03");
    ck_assert_str_eq(e->date_mod, "BEFORE");
    ck_assert_str_eq(e->start, "");
    ck_assert_str_eq(e->end, "2024-06-17");   /* before the trip, and praised by the time of writing */
    ck_assert_str_eq(e->date_anchor, "event");
    e = must(d, "meet", NULL);
    ck_assert_str_eq(e->date, "2024-09-03");
    ck_assert_str_eq(e->date_mod, "");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_bounds_of_the_time_of_writing)
{
    /* what happened ended by the document date; what is planned starts after it */
    dl_doc *d = process("Earlier this year, Japan suspended aid to Myanmar. "
                        "Later this year, Kenya will send troops to Haiti.", "2024-03-14");
    const dl_event *e = must(d, "cut aid", NULL);
    ck_assert_str_eq(e->start, "2024-01-01");
    ck_assert_str_eq(e->end, "2024-03-14");
    e = must(d, "deploy", NULL);
    ck_assert_str_eq(e->start, "2024-03-14");
    ck_assert_str_eq(e->end, "2024-12-31");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_going_home_is_no_visit)
{
    dl_doc *d = process("Lula arrived in Beijing on Tuesday. He will fly back to Brasilia on Friday.",
                        "2024-06-17");
    const dl_event *e = must(d, "visit", NULL);
    ck_assert_ptr_nonnull(e->target);
    ck_assert_str_eq(e->target->name, "China");
    size_t visits = 0;
    for (size_t i = 0; i < d->nev; i++)
        visits += !strcmp(d->ev[i].pub.relation, "visit") && d->ev[i].pub.id[0];
    ck_assert_uint_eq(visits, 1);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_since_they_met)
{
    dl_doc *d = process("In 2018, Egypt and Sudan met in Cairo. Since Egypt and Sudan met, "
                        "Egypt has supplied wheat to Sudan.", "2024-06-17");
    const dl_event *e = must(d, "supply", NULL);
    ck_assert_str_eq(e->date, "2018");
    ck_assert_str_eq(e->date_mod, "ON_OR_AFTER");
    ck_assert_str_eq(e->start, "2018-01-01");
    ck_assert_str_eq(e->end, "");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_narrative_and_document_date)
{
    /* a past event with no date of its own keeps the narrative's; a present one is now */
    dl_doc *d = process("In 2015, Germany signed a deal with France. Germany also praised Italy. "
                        "Mexico supplies metals to China.", "2024-06-17");
    const dl_event *e = must(d, "praise", NULL);
    ck_assert_str_eq(e->date, "2015");
    ck_assert_str_eq(e->date_anchor, "narrative");
    e = must(d, "supply", NULL);
    ck_assert_str_eq(e->date, "2024-06-17");
    ck_assert_str_eq(e->date_anchor, "document-date");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_now_resets_narrative)
{
    dl_doc *d = process("In 2015, Germany signed a deal with France. Now the market is quiet. "
                        "Germany praised Italy.", "2024-06-17");
    const dl_event *e = must(d, "praise", NULL);
    ck_assert_str_eq(e->date, "2024-06-17");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_seat_by_date)
{
    dl_doc *d = process("In 1962, Moscow supplied missiles to Cuba. In 2015, Moscow supplied missiles to Syria.",
                        "2024-06-17");
    ck_assert_uint_ge(d->nev, 2);
    ck_assert_str_eq(d->ev[0].pub.source->name, "Soviet Union");
    ck_assert_str_eq(d->ev[1].pub.source->name, "Russia");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_first_time_in_years)
{
    dl_doc *d = process("Modi will travel to Pakistan on Friday for the first time in 10 years.", "2024-06-17");
    ck_assert_uint_eq(d->nev, 2);
    ck_assert_str_eq(d->ev[0].pub.date, "2024-06-21");
    ck_assert_str_eq(d->ev[1].pub.date, "2014");
    ck_assert_str_eq(d->ev[1].pub.relation, "visit");
    ck_assert_str_eq(d->ev[1].pub.modality, "asserted");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_no_clock)
{
    /* without a document date a relative date stays unresolved, never today's date */
    dl_doc *d = process("Egypt accused Ethiopia.", NULL);
    ck_assert_uint_eq(d->nev, 1);
    ck_assert_str_eq(d->ev[0].pub.date, "");
    ck_assert_str_eq(d->ev[0].pub.start, "");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_ids_and_order)
{
    dl_doc *d = process("In 2019, Egypt accused Ethiopia and threatened Sudan.", "2024-06-17");
    ck_assert_uint_eq(d->nev, 2);
    ck_assert_str_eq(d->ev[0].pub.id, "t-e1");
    ck_assert_str_eq(d->ev[1].pub.id, "t-e2");
    ck_assert_int_lt(d->ev[0].order, d->ev[1].order);
    dl_doc_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("anchor");
    TCase *t = tcase_create("anchor");
    tcase_add_test(t, test_own_clause_first);
    tcase_add_test(t, test_now_is_the_document_date);
    tcase_add_test(t, test_dates_of_each_verb);
    tcase_add_test(t, test_clause_around);
    tcase_add_test(t, test_duration_after_event);
    tcase_add_test(t, test_before_and_during_the_trip);
    tcase_add_test(t, test_since_they_met);
    tcase_add_test(t, test_narrative_and_document_date);
    tcase_add_test(t, test_now_resets_narrative);
    tcase_add_test(t, test_seat_by_date);
    tcase_add_test(t, test_first_time_in_years);
    tcase_add_test(t, test_no_clock);
    tcase_add_test(t, test_ids_and_order);
    tcase_add_test(t, test_bounds_of_the_time_of_writing);
    tcase_add_test(t, test_going_home_is_no_visit);
    suite_add_tcase(s, t);
    return s;
}

TEST_MAIN(suite)
