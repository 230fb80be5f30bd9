/* check_events.c - triggers, arguments (subjects across relative clauses, appositions,
 * coordination and control; objects; prepositional targets; passives), objects that are
 * no actors, CAMEO codes and modality. Sentences of the tests' own, not of the sample. */
#include "testutil.h"

static const char *src(const dl_event *e) { return e->source ? e->source->name : ""; }
static const char *tgt(const dl_event *e) { return e->target ? e->target->name : ""; }

/* Asserts an event: relation, source, target and date. */
#define CHECK_EV(d, rel, trig, s_, t_, date_) do { \
        const dl_event *e_ = find_ev((d), (rel), (trig)); \
        ck_assert_msg(e_ != NULL, "no %s event", (rel)); \
        ck_assert_str_eq(src(e_), (s_)); \
        ck_assert_str_eq(tgt(e_), (t_)); \
        ck_assert_str_eq(e_->date, (date_)); \
    } while (0)

START_TEST(test_lexicon_loads)
{
    /* the engine loads data/events.tsv, cameo.tsv and event-cues.tsv */
    ck_assert_ptr_nonnull(engine()->events);
    ck_assert_str_eq(dl_modality_name(DL_MOD_PLANNED), "planned");
    ck_assert_str_eq(dl_modality_name(DL_MOD_ASSERTED), "asserted");
}
END_TEST

START_TEST(test_subject_object)
{
    dl_doc *d = process("In May, China vetoed a resolution of the United Nations on Syria.", "2021-06-10");
    CHECK_EV(d, "veto", NULL, "China", "United Nations", "2021-05");
    const dl_event *e = find_ev(d, "veto", NULL);
    ck_assert_str_eq(e->cameo, "129");
    ck_assert_int_eq(e->quad_class, 3);
    ck_assert_str_eq(e->trigger, "vetoed");
    ck_assert_str_eq(e->modality, "asserted");
    /* the trigger's code points */
    ck_assert_uint_eq(e->char_start, 14);
    ck_assert_uint_eq(e->char_end, 20);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_subject_before_a_date)
{
    /* a date between the subject and its verb, as news writes it */
    dl_doc *d = process("Brazil on Thursday condemned the attack. Chile, last week, accused Peru of spying.",
                        "2019-05-10");
    CHECK_EV(d, "condemn", NULL, "Brazil", "", "2019-05-09");
    CHECK_EV(d, "accuse", NULL, "Chile", "Peru", "2019-W18");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_destination_and_planned)
{
    dl_doc *d = process("French President Emmanuel Macron will travel to Brazil on Tuesday.", "2021-06-10");
    CHECK_EV(d, "visit", "travel", "Emmanuel Macron", "Brazil", "2021-06-15");
    ck_assert_str_eq(find_ev(d, "visit", NULL)->modality, "planned");
    ck_assert_str_eq(find_ev(d, "visit", NULL)->cameo, "042");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_passive_by)
{
    dl_doc *d = process("The treaty was signed by Germany in 2015.", "2024-06-17");
    const dl_event *e = find_ev(d, "sign", NULL);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(src(e), "Germany");
    ck_assert_str_eq(e->date, "2015");
    /* the subject of a passive is what was done: the treaty */
    ck_assert_str_eq(e->object, "The treaty");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_relative_clause)
{
    /* "which" takes its antecedent as subject; the main verb's subject is found across the
     * relative clause; each clause keeps its own date */
    dl_doc *d = process("Japan, which invaded China in 1937, signed a treaty with France in 1951.", "2024-06-17");
    CHECK_EV(d, "invade", NULL, "Japan", "China", "1937");
    CHECK_EV(d, "sign", NULL, "Japan", "France", "1951");
    /* the treaty is the signing's object, not an event of its own */
    ck_assert_ptr_null(find_ev(d, "agree", NULL));
    dl_doc_free(d);
}
END_TEST

START_TEST(test_coordination)
{
    dl_doc *d = process("In 2019, Egypt accused Ethiopia and threatened Sudan.", "2024-06-17");
    CHECK_EV(d, "accuse", NULL, "Egypt", "Ethiopia", "2019");
    CHECK_EV(d, "threaten", NULL, "Egypt", "Sudan", "2019");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_apposition)
{
    dl_doc *d = process("Mexico, the world's largest exporter of silver, supplies metals to China.", "2024-06-17");
    CHECK_EV(d, "supply", NULL, "Mexico", "China", "2024-06-17");
    ck_assert_str_eq(find_ev(d, "supply", NULL)->object, "metals");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_object_control)
{
    /* "accused Pakistan of firing": Pakistan fired */
    dl_doc *d = process("India accused Pakistan of firing rockets at Indian troops in 2019.", "2024-06-17");
    CHECK_EV(d, "accuse", NULL, "India", "Pakistan", "2019");
    CHECK_EV(d, "fire", NULL, "Pakistan", "India", "2019");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_participle_subject)
{
    /* the participle takes the subject of the verb it hangs on */
    dl_doc *d = process("In 2016, Turkey issued an order authorizing trade with Iran.", "2024-06-17");
    CHECK_EV(d, "authorize", NULL, "Turkey", "Iran", "2016");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_possessive_noun)
{
    dl_doc *d = process("Modi's visit to Japan in 2014 was short.", "2024-06-17");
    CHECK_EV(d, "visit", NULL, "Narendra Modi", "Japan", "2014");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_support_of_subject)
{
    /* "with X's support": X supported the subject */
    dl_doc *d = process("In 1986, Kenya came to power with Tanzania's support.", "2024-06-17");
    CHECK_EV(d, "support", NULL, "Tanzania", "Kenya", "1986");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_pattern_and_thing)
{
    /* "put ... into orbit" is a launch; the satellite is no actor: object and target text */
    dl_doc *d = process("In 2020, Iran put its first military satellite into orbit.", "2024-06-17");
    const dl_event *e = find_ev(d, "launch", NULL);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(src(e), "Iran");
    ck_assert_ptr_null(e->target);
    ck_assert_str_eq(e->object, "its first military satellite");
    ck_assert_str_eq(d->ev[0].thing, "military satellite");
    ck_assert_str_eq(e->trigger, "put into orbit");
    ck_assert_str_eq(e->date, "2020");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_modality)
{
    dl_doc *d = process("Iran did not attack Israel in 2020.", "2024-06-17");
    ck_assert_str_eq(find_ev(d, "attack", NULL)->modality, "negated");
    dl_doc_free(d);
    d = process("Turkey is unlikely to sign the agreement with Greece this year.", "2024-06-17");
    ck_assert_str_eq(find_ev(d, "sign", NULL)->modality, "hypothetical");
    dl_doc_free(d);
    d = process("Officials in Beijing said that Japan fired three missiles at China last winter.", "2024-06-17");
    CHECK_EV(d, "fire", NULL, "Japan", "China", "2023-WI");
    ck_assert_str_eq(find_ev(d, "fire", NULL)->modality, "reported");
    /* the statement without a date of its own is no row: what it reports is */
    ck_assert_ptr_null(find_ev(d, "say", NULL));
    dl_doc_free(d);
    d = process("Egypt would praise Sudan next week.", "2024-06-17");
    ck_assert_str_eq(find_ev(d, "praise", NULL)->modality, "planned");
    dl_doc_free(d);
    /* a denial: what it denies did not happen */
    d = process("In 2022, Chad denied any attacks that violate the border treaty with Niger.", "2024-06-17");
    ck_assert_str_eq(find_ev(d, "deny", NULL)->modality, "asserted");
    ck_assert_str_eq(find_ev(d, "violate", NULL)->modality, "negated");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_particles_and_reported_subjects)
{
    /* "backed out of" is a withdrawal, not support, and "out" no object */
    dl_doc *d = process("In 2019, Chad backed out of the alliance with Niger.", "2024-06-17");
    ck_assert_ptr_null(find_ev(d, "support", NULL));
    const dl_event *e = find_ev(d, "withdraw", NULL);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->trigger, "backed out");
    ck_assert_str_eq(e->source->name, "Chad");
    dl_doc_free(d);
    /* what follows "said" is the subject of the reported clause, not the object */
    d = process("On Monday, Kenya said the army will leave Somalia.", "2024-06-17");
    e = find_ev(d, "say", NULL);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->object, "");
    ck_assert_str_eq(e->date, "2024-06-17");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_false_friends)
{
    /* "going to" + a verb is the future, not a trip */
    dl_doc *d = process("On Monday, Chad said it is going to build a road with Niger.", "2024-06-17");
    ck_assert_ptr_null(find_ev(d, "visit", NULL));
    dl_doc_free(d);
    /* a demonym before an attack names the attacker; a city names the place */
    d = process("The Russian attack on Kharkiv in May killed ten people.", "2024-06-17");
    const dl_event *e = find_ev(d, "attack", NULL);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(src(e), "Russia");
    ck_assert_str_eq(tgt(e), "Ukraine");
    dl_doc_free(d);
    d = process("The Kharkiv attacks in May killed ten people.", "2024-06-17");
    e = find_ev(d, "attack", NULL);
    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_null(e->source);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_no_event_without_actor)
{
    /* a lexicon word with neither actor nor date of its own makes no row */
    dl_doc *d = process("The visit was long. The talks went well.", "2024-06-17");
    ck_assert_uint_eq(d->nev, 0);
    dl_doc_free(d);
}
END_TEST

START_TEST(test_long_sentence_bounded)
{
    /* more than 200 tokens: events are read in the first 200 only, and nothing breaks */
    char text[8192] = "In 2019, Egypt accused Ethiopia";
    for (int i = 0; i < 120; i++)
        strcat(text, ", and Chad");
    strcat(text, " and Sudan threatened Kenya.");
    dl_doc *d = process(text, "2024-06-17");
    CHECK_EV(d, "accuse", NULL, "Egypt", "Ethiopia", "2019");
    ck_assert_ptr_null(find_ev(d, "threaten", NULL));
    dl_doc_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("events");
    TCase *t = tcase_create("events");
    tcase_add_test(t, test_lexicon_loads);
    tcase_add_test(t, test_subject_object);
    tcase_add_test(t, test_subject_before_a_date);
    tcase_add_test(t, test_destination_and_planned);
    tcase_add_test(t, test_passive_by);
    tcase_add_test(t, test_relative_clause);
    tcase_add_test(t, test_coordination);
    tcase_add_test(t, test_apposition);
    tcase_add_test(t, test_object_control);
    tcase_add_test(t, test_participle_subject);
    tcase_add_test(t, test_possessive_noun);
    tcase_add_test(t, test_support_of_subject);
    tcase_add_test(t, test_pattern_and_thing);
    tcase_add_test(t, test_modality);
    tcase_add_test(t, test_particles_and_reported_subjects);
    tcase_add_test(t, test_false_friends);
    tcase_add_test(t, test_no_event_without_actor);
    tcase_add_test(t, test_long_sentence_bounded);
    suite_add_tcase(s, t);
    return s;
}

TEST_MAIN(suite)
