/* check_timex.c - time expressions: each family of expressions and each normalisation
 * rule, on sentences of our own; the sample article's 24 expressions; no false dates. */
#include "testutil.h"

/* All expressions of a document as "text=type:value" separated by " | " (for messages). */
static const char *listing(const dl_doc *d)
{
    static char buf[4096];
    size_t o = 0;
    buf[0] = 0;
    for (size_t i = 0; i < d->ntx && o + 200 < sizeof buf; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s=%s:%s", i ? " | " : "", d->tx[i].pub.text,
                              d->tx[i].pub.type, d->tx[i].pub.value);
    return buf;
}

static const dl_timex *find(const dl_doc *d, const char *text)
{
    for (size_t i = 0; i < d->ntx; i++)
        if (!strcmp(d->tx[i].pub.text, text))
            return &d->tx[i].pub;
    return NULL;
}

/* In text (document date dct, or NULL), the expression written `expr` has this type and
 * value. */
static void expect_tx(const char *text, const char *dct, const char *expr, const char *type,
                      const char *value)
{
    dl_doc *d = process(text, dct);
    const dl_timex *x = find(d, expr);
    ck_assert_msg(x != NULL, "\"%s\" not found in \"%s\"; found: %s", expr, text, listing(d));
    ck_assert_msg(!strcmp(x->type, type) && !strcmp(x->value, value),
                  "\"%s\" in \"%s\": %s %s, expected %s %s", expr, text, x->type, x->value, type, value);
    dl_doc_free(d);
}

/* The expression's mod. */
static void expect_mod(const char *text, const char *dct, const char *expr, const char *mod)
{
    dl_doc *d = process(text, dct);
    const dl_timex *x = find(d, expr);
    ck_assert_msg(x != NULL, "\"%s\" not found; found: %s", expr, listing(d));
    ck_assert_msg(!strcmp(x->mod, mod), "\"%s\": mod \"%s\", expected \"%s\"", expr, x->mod, mod);
    dl_doc_free(d);
}

/* text holds no time expression at all. */
static void expect_none(const char *text, const char *dct)
{
    dl_doc *d = process(text, dct);
    ck_assert_msg(d->ntx == 0, "\"%s\": unexpected %s", text, listing(d));
    dl_doc_free(d);
}

/* No expression of text contains `word`. */
static void expect_no_word(const char *text, const char *dct, const char *word)
{
    dl_doc *d = process(text, dct);
    for (size_t i = 0; i < d->ntx; i++)
        ck_assert_msg(!strstr(d->tx[i].pub.text, word), "\"%s\": unexpected %s", text, listing(d));
    dl_doc_free(d);
}

#define MON "2024-06-17" /* a Monday */

START_TEST(test_explicit_dates)
{
    expect_tx("The treaty was signed on June 17, 2024, in Hanoi.", NULL, "June 17, 2024", "DATE", "2024-06-17");
    expect_tx("The treaty was signed on 17 June 2024 in Hanoi.", NULL, "17 June 2024", "DATE", "2024-06-17");
    expect_tx("Filed 2024-06-17 by the court.", NULL, "2024-06-17", "DATE", "2024-06-17");
    expect_tx("The memo is dated 6/17/2024.", NULL, "6/17/2024", "DATE", "2024-06-17");
    expect_tx("The memo is dated 17.06.2024.", NULL, "17.06.2024", "DATE", "2024-06-17");
    expect_tx("The vote took place on March 01, 2008.", NULL, "March 01, 2008", "DATE", "2008-03-01");
    expect_tx("Talks resume on Friday, June 21, 2024.", NULL, "Friday, June 21, 2024", "DATE", "2024-06-21");
    expect_tx("It closed in February 1947.", NULL, "February 1947", "DATE", "1947-02");
    expect_tx("It closed in June of 2019.", NULL, "June of 2019", "DATE", "2019-06");
    /* The second day of "April 24 and 25" takes the month of the first. */
    expect_tx("The summit meets on April 24 and 25, 2026.", NULL, "25, 2026", "DATE", "2026-04-25");
    expect_tx("The summit meets on April 24 and 25.", "2026-02-10", "25", "DATE", "2026-04-25");
    /* The year of a day without one: the nearest to the DCT. */
    expect_tx("Parliament meets on Jan. 2 to vote.", "2023-12-20", "Jan. 2", "DATE", "2024-01-02");
    expect_tx("The deadline was Nov. 21.", "2024-01-10", "Nov. 21", "DATE", "2023-11-21");
    expect_tx("It was signed on the 17th of June.", MON, "17th of June", "DATE", "2024-06-17");
    expect_tx("The ceremony is on March eighth.", "2024-03-01", "March eighth", "DATE", "2024-03-08");
}
END_TEST

START_TEST(test_years_decades_centuries)
{
    expect_tx("The republic was founded in 1948 by the party.", MON, "1948", "DATE", "1948");
    expect_tx("The castle was built in 1066.", MON, "1066", "DATE", "1066");
    expect_tx("Prices doubled in the 1990s.", MON, "the 1990s", "DATE", "199");
    expect_tx("Crime fell through the nineties.", MON, "the nineties", "DATE", "199");
    expect_tx("Post-1959 politics split families.", MON, "Post-1959", "DATE", "1959");
    expect_mod("Post-1959 politics split families.", MON, "Post-1959", "AFTER");
    /* A decade after a possessive is an age. */
    expect_none("The suspect was in his 30s, police said.", MON);
    expect_no_word("Both pilots were in their early 20s.", MON, "20s");
    expect_tx("Rock music of the '70s returned.", MON, "the '70s", "DATE", "197");
    expect_tx("It changed in the 20th century.", MON, "the 20th century", "DATE", "19");
    expect_tx("Farms shrank in the nineteenth century.", MON, "the nineteenth century", "DATE", "18");
    expect_tx("Unemployment was halved by the year two thousand.", "1998-02-05", "the year two thousand",
              "DATE", "2000");
    expect_tx("The company was founded in nineteen ninety-six.", MON, "nineteen ninety-six", "DATE", "1996");
    expect_tx("Sales reached $34.4 million in 2023.", MON, "2023", "DATE", "2023");
}
END_TEST

START_TEST(test_quarters_halves_fiscal)
{
    expect_tx("Profit rose in the third quarter.", "1989-11-02", "the third quarter", "DATE", "1989-Q3");
    expect_tx("Third-quarter profit rose 5%.", "1989-11-02", "Third-quarter", "DATE", "1989-Q3");
    expect_tx("Profit fell in the fourth quarter of 2022.", MON, "the fourth quarter of 2022", "DATE", "2022-Q4");
    expect_tx("Revenue grew in Q3 2023.", MON, "Q3 2023", "DATE", "2023-Q3");
    expect_tx("The plan runs through fiscal 1998.", MON, "fiscal 1998", "DATE", "1998");
    expect_tx("Sales fell in the first half of 2023.", MON, "the first half of 2023", "DATE", "2023-H1");
    expect_tx("Exports grew in this year's second quarter.", MON, "this year's second quarter", "DATE", "2024-Q2");
    expect_tx("Net rose in the third quarter. Sales in the latest period fell.", "1989-11-02",
              "the latest period", "DATE", "1989-Q3");
    expect_tx("Year-end profit rose.", MON, "Year-end", "DATE", "2024");
    /* "the quarter" in a story of a quarter is that quarter. */
    expect_tx("Net rose in the third quarter. Sales in the quarter fell.", "1989-11-02", "the quarter",
              "DATE", "1989-Q3");
    /* A half or quarter yet to start is not what a past clause reports on, though nearer;
     * a future clause may be about one that is over. */
    expect_tx("In September the brewer posted a 12% rise in profit for the first half.", "2024-10-20",
              "the first half", "DATE", "2024-H1");
    expect_tx("The brewer will report its results for the third quarter.", "2024-10-20", "the third quarter",
              "DATE", "2024-Q3");
}
END_TEST

START_TEST(test_seasons)
{
    /* Winter holds December to February and belongs to its December's year. */
    expect_tx("Grain prices rose last winter.", MON, "last winter", "DATE", "2023-WI");
    expect_tx("Grain prices rose last winter.", "2024-01-15", "last winter", "DATE", "2022-WI");
    expect_tx("Grain prices will rise next winter.", MON, "next winter", "DATE", "2024-WI");
    expect_tx("The offensive is expected this summer.", "2024-03-10", "this summer", "DATE", "2024-SU");
    expect_tx("Floods hit the delta in the summer of 1998.", MON, "the summer of 1998", "DATE", "1998-SU");
    expect_tx("Floods hit the delta in winter 2021.", MON, "winter 2021", "DATE", "2021-WI");
    /* "last" with a name: of the year before ("last spring" in the autumn is a year back). */
    expect_tx("The talks collapsed last spring.", "1989-10-20", "last spring", "DATE", "1988-SP");
    /* "this past": the latest gone by, of the same year too. */
    expect_tx("The talks collapsed this past spring.", "1989-10-20", "this past spring", "DATE", "1989-SP");
}
END_TEST

START_TEST(test_months_weekdays_by_tense)
{
    /* A future verb: the next one; a past verb: the last one; none: the nearest. */
    expect_tx("The minister will visit Paris on Thursday.", MON, "Thursday", "DATE", "2024-06-20");
    expect_tx("The minister visited Paris on Thursday.", MON, "Thursday", "DATE", "2024-06-13");
    expect_tx("The minister has visited Paris on Thursday.", MON, "Thursday", "DATE", "2024-06-13");
    expect_tx("The minister is expected to arrive Thursday.", MON, "Thursday", "DATE", "2024-06-20");
    expect_tx("Aides said Monday that the talks would resume.", MON, "Monday", "DATE", "2024-06-17");
    expect_tx("Aides say the vote could come as soon as Friday.", MON, "Friday", "DATE", "2024-06-21");
    expect_tx("In October, the rebels seized the port.", MON, "October", "DATE", "2023-10");
    expect_tx("The rebels will hold elections in October.", MON, "October", "DATE", "2024-10");
    expect_tx("In March, the council vetoed the plan.", MON, "March", "DATE", "2024-03");
    expect_tx("The March accession makes them members.", "1999-02-10", "March", "DATE", "1999-03");
    /* A past clause and the month right after the DCT's: this year's, not eleven months
     * back; two months on it is last year's again. */
    expect_tx("The ministry told refiners of a cut in supplies in September.", "2024-08-14", "September",
              "DATE", "2024-09");
    expect_tx("The ministry reduced supplies to refiners in October.", "2024-08-14", "October", "DATE", "2023-10");
    /* A day of the month: the nearest, unless far off both ways; then the tense says. */
    expect_tx("Slepian was killed on Oct. 23 at his home.", "1999-05-05", "Oct. 23", "DATE", "1998-10-23");
    expect_tx("The offer expires Nov. 21.", "1989-11-02", "Nov. 21", "DATE", "1989-11-21");
    /* A present clause: "after" puts what it governs before now. */
    expect_tx("The summit comes after the king's visit in September.", MON, "September", "DATE", "2023-09");
    expect_tx("The summit comes before the king's visit in September.", MON, "September", "DATE", "2024-09");
    /* "last", "next", "this" with names. */
    expect_tx("The envoy left last Friday.", MON, "last Friday", "DATE", "2024-06-14");
    expect_tx("The envoy returns next Tuesday.", MON, "next Tuesday", "DATE", "2024-06-18");
    expect_tx("The envoy returns this Friday.", MON, "this Friday", "DATE", "2024-06-21");
    expect_tx("The strike began last March.", MON, "last March", "DATE", "2024-03");
    expect_tx("The strike began last May.", MON, "last May", "DATE", "2023-05");
    expect_tx("Elections are due this September.", MON, "this September", "DATE", "2024-09");
    /* ... and with a day: the latest such day gone by, the first ahead. */
    expect_tx("The mayor was shot last Oct. 23 at home.", "1999-04-19", "last Oct. 23", "DATE", "1998-10-23");
    expect_tx("The mayor was shot last Jan. 23 at home.", "1999-04-19", "last Jan. 23", "DATE", "1999-01-23");
    expect_tx("The court rules next Oct. 23.", "1999-04-19", "next Oct. 23", "DATE", "1999-10-23");
    /* A plan told by a participle qualifies its noun: the clause's verb says when ... */
    expect_tx("A rally planned for Saturday was canceled.", "2024-06-19", "Saturday", "DATE", "2024-06-15");
    expect_tx("The summit scheduled for Tuesday will open in Hanoi.", "2024-06-19", "Tuesday", "DATE",
              "2024-06-25");
    expect_tx("Protesters planned a march on Saturday.", "2024-06-19", "Saturday", "DATE", "2024-06-22");
    expect_tx("The summit, originally planned for late March, was postponed.", "2024-04-14", "late March", "DATE",
              "2024-03");
    /* ... an adjective speaks for its own noun phrase; "plans" after a noun is a noun. */
    expect_tx("Aides discussed the slated visit of the envoy in September.", MON, "September", "DATE", "2024-09");
    expect_tx("On Friday, when the envoy set aside vacation plans for the hastily planned trip, "
              "the ministry lifted a warning.", "2024-06-19", "Friday", "DATE", "2024-06-14");
    expect_tx("The company plans to open a plant on Friday.", "2024-06-19", "Friday", "DATE", "2024-06-21");
    /* "until" after a verb of putting off bounds a time ahead; after others, the nearest. */
    expect_tx("The council postponed the vote until Tuesday.", "2024-06-20", "Tuesday", "DATE", "2024-06-25");
    expect_tx("The hearing was adjourned till Monday morning.", "2024-06-20", "Monday morning", "TIME",
              "2024-06-24TMO");
    expect_tx("The rebels held the bridge until Tuesday.", "2024-06-20", "Tuesday", "DATE", "2024-06-18");
    /* "put", "set", "cut" after a singular subject are past */
    expect_tx("Serbia put its army on high alert on Saturday.", "2023-09-15", "Saturday", "DATE", "2023-09-09");
    expect_tx("Serbia will put its army on alert on Saturday.", "2023-09-15", "Saturday", "DATE", "2023-09-16");
    /* "as planned", "than expected": a comparison with the plan, no future. */
    expect_tx("The launch went ahead as originally scheduled on Monday.", "2024-06-20", "Monday", "DATE",
              "2024-06-17");
    expect_tx("The vote was held as planned on Friday.", "2024-06-20", "Friday", "DATE", "2024-06-14");
    /* "May" the modal and "March" the verb are no months. */
    expect_no_word("May they march on in peace. The union may strike.", MON, "ay");
}
END_TEST

START_TEST(test_parts_of_day_and_clock)
{
    expect_tx("The rockets hit Kharkiv on Monday morning.", MON, "Monday morning", "TIME", "2024-06-17TMO");
    expect_tx("The rockets hit Kharkiv yesterday afternoon.", MON, "yesterday afternoon", "TIME", "2024-06-16TAF");
    expect_tx("The rockets hit Kharkiv last night.", MON, "last night", "TIME", "2024-06-16TNI");
    expect_tx("The president speaks tonight.", MON, "tonight", "TIME", "2024-06-17TNI");
    expect_tx("The president spoke this morning.", MON, "this morning", "TIME", "2024-06-17TMO");
    expect_tx("Markets closed at 3 p.m. after the news.", MON, "3 p.m.", "TIME", "2024-06-17T15:00");
    /* Universal time is written Z; other zones are left out, as TimeBank does. */
    expect_tx("The vote closes at 15:30 GMT.", MON, "15:30 GMT", "TIME", "2024-06-17T15:30Z");
    expect_tx("The launch came at 08:30 UTC.", MON, "08:30 UTC", "TIME", "2024-06-17T08:30Z");
    expect_tx("Polls close at 8 p.m. EST, officials said.", MON, "8 p.m. EST", "TIME", "2024-06-17T20:00");
    expect_tx("The convoy leaves at 4 in the morning.", MON, "4 in the morning", "TIME", "2024-06-17T04:00");
    expect_tx("The convoy left at 9 in the evening.", MON, "9 in the evening", "TIME", "2024-06-17T21:00");
    expect_tx("The vote closes at 10:45.", MON, "10:45", "TIME", "2024-06-17T10:45");
    expect_tx("The deadline expired at noon Thursday.", MON, "noon Thursday", "TIME", "2024-06-13T12:00");
    expect_tx("Trading halted at 10 p.m. Wednesday.", MON, "10 p.m. Wednesday", "TIME", "2024-06-12T22:00");
    expect_tx("The bus leaves at 12 a.m. tomorrow.", MON, "12 a.m. tomorrow", "TIME", "2024-06-18T00:00");
    expect_tx("Kick-off is at 19:45 next Saturday.", MON, "19:45 next Saturday", "TIME", "2024-06-22T19:45");
    expect_tx("Shelling resumed in the late afternoon.", MON, "late afternoon", "TIME", "2024-06-17TAF");
    /* A clock time without a day is on the story's day. */
    expect_tx("The mayor was shot on May 3, 2021. He died at 10 p.m. in hospital.", MON, "10 p.m.", "TIME",
              "2021-05-03T22:00");
}
END_TEST

START_TEST(test_relative_to_dct)
{
    expect_tx("The bill passed today.", MON, "today", "DATE", "2024-06-17");
    expect_tx("The bill passed yesterday.", MON, "yesterday", "DATE", "2024-06-16");
    expect_tx("The bill passes tomorrow.", MON, "tomorrow", "DATE", "2024-06-18");
    expect_tx("The bill passed last month.", MON, "last month", "DATE", "2024-05");
    expect_tx("The bill passes next year.", MON, "next year", "DATE", "2025");
    expect_tx("The bill passed this week.", MON, "this week", "DATE", "2024-W25");
    expect_tx("The bill passed last week.", "2024-01-03", "last week", "DATE", "2023-W52");
    expect_tx("The bill passed two weeks ago.", MON, "two weeks ago", "DATE", "2024-W23");
    expect_tx("The bill passed three days ago.", MON, "three days ago", "DATE", "2024-06-14");
    expect_tx("The bill passed nine months ago.", MON, "nine months ago", "DATE", "2023-09");
    /* The day next to a named day, and two units back or on, are one expression. */
    expect_tx("The envoy arrived the day before yesterday.", MON, "the day before yesterday", "DATE", "2024-06-15");
    expect_tx("Shops reopened on the day after Christmas.", "2024-01-10", "the day after Christmas", "DATE",
              "2023-12-26");
    expect_tx("The deal collapsed the day before last Friday's vote.", MON, "the day before last Friday", "DATE",
              "2024-06-13");
    expect_tx("The day after March 3, the talks resumed.", MON, "The day after March 3", "DATE", "2024-03-04");
    expect_tx("Prices fell the week before last.", MON, "the week before last", "DATE", "2024-W23");
    expect_tx("The games open the year after next.", MON, "the year after next", "DATE", "2026");
    expect_no_word("The night before the election, crowds gathered.", MON, "night");
    expect_tx("The bill passed earlier this month.", MON, "earlier this month", "DATE", "2024-06");
    expect_tx("The bill passes later this year.", MON, "later this year", "DATE", "2024");
    expect_tx("The bill passed last quarter.", MON, "last quarter", "DATE", "2024-Q1");
    expect_tx("The bill passes next weekend.", MON, "next weekend", "DATE", "2024-W26-WE");
    /* "this weekend" written on a Monday: the one gone by, or the coming one, by tense */
    expect_tx("The magazine reported the flaw this weekend.", MON, "this weekend", "DATE", "2024-W24-WE");
    expect_tx("The talks will resume this weekend.", MON, "this weekend", "DATE", "2024-W25-WE");
    expect_tx("The bill passed a decade ago.", MON, "a decade ago", "DATE", "2014");
    expect_tx("The bill passed several years ago.", MON, "several years ago", "DATE", "PAST_REF");
    expect_tx("Rates are currently high.", MON, "currently", "DATE", "PRESENT_REF");
    expect_tx("Now the party must choose.", MON, "Now", "DATE", "PRESENT_REF");
    expect_tx("Such wars belong to the past.", MON, "the past", "DATE", "PAST_REF");
    expect_tx("Nobody knows what the future holds.", MON, "the future", "DATE", "FUTURE_REF");
    expect_tx("The firm may list its shares in the near future.", MON, "the near future", "DATE", "FUTURE_REF");
    expect_tx("Rates may fall in the short term.", MON, "the short term", "DATE", "FUTURE_REF");
    expect_tx("Details will follow at a later date.", MON, "a later date", "DATE", "FUTURE_REF");
    expect_tx("Residents will live without water for a while.", MON, "a while", "DURATION", "PXX");
    expect_tx("The ministry recently approved the plan.", MON, "recently", "DATE", "PAST_REF");
    /* "soon" with a past verb right after it is "shortly after", no future. */
    expect_no_word("Exports have grown, bringing in cash that soon became a flood.", MON, "soon");
    expect_tx("Officials say the bridge will soon reopen.", MON, "soon", "DATE", "FUTURE_REF");
    /* "one day" ahead of a verb is some time to come, no length. */
    expect_tx("Engineers say the probe will one day reach Jupiter.", MON, "one day", "DATE", "FUTURE_REF");
    expect_tx("Its makers hope the drug might one day be sold cheaply.", MON, "one day", "DATE", "FUTURE_REF");
    expect_tx("The strike lasted one day.", MON, "one day", "DURATION", "P1D");
    /* With a perfect the adverb carries no time of its own; an adjective "future" is none. */
    expect_no_word("Troops have recently taken the town.", MON, "recently");
    expect_no_word("It raised questions about the future funding of schools.", MON, "future");
}
END_TEST

START_TEST(test_narrative)
{
    /* The first month of a range takes the year of its end, the year before over New Year. */
    expect_tx("The war lasted from March to May 2022.", MON, "March", "DATE", "2022-03");
    expect_tx("The drought ran from November to February 2023.", MON, "November", "DATE", "2022-11");
    expect_tx("Talks ran between June and August 2019.", MON, "June", "DATE", "2019-06");
    expect_tx("The strike lasted from October until January 2021.", MON, "October", "DATE", "2020-10");
    expect_tx("Inspections ran from April through June 2018.", MON, "April", "DATE", "2018-04");
    /* A unit finer than the narrative's date adds no precision: some day of May, of 2019. */
    expect_tx("The army took the city in May 2021. Two days later, the rebels fled.", MON, "Two days later",
              "DATE", "2021-05");
    expect_tx("The dam was finished in 2019. The next day, the floods came.", MON, "The next day", "DATE", "2019");
    expect_tx("Exports reached $2 billion in 2019, twice the previous year's level.", MON,
              "the previous year", "DATE", "2018");
    expect_tx("The army took the city on March 3, 2021. The next day, the rebels fled.", MON,
              "The next day", "DATE", "2021-03-04");
    expect_tx("The army took the city on March 3, 2021. A week later, the rebels fled.", MON,
              "A week later", "DATE", "2021-03-10");
    expect_tx("The army took the city in May 2015. Two months later, the rebels fled.", MON,
              "Two months later", "DATE", "2015-07");
    expect_tx("The party was founded in 1921. The following year it won.", MON,
              "The following year", "DATE", "1922");
    expect_tx("The army took the city in May 2015. The same month, the rebels fled.", MON,
              "The same month", "DATE", "2015-05");
    expect_tx("The dam broke in 1975. That year, floods killed thousands.", MON, "That year", "DATE", "1975");
    /* Looking back does not move the story: both comparisons start from 2019. */
    dl_doc *d = process("Sales hit a record in 2019, up from the previous year. Profit was lower than "
                        "a year earlier.", MON);
    ck_assert_msg(d->ntx == 3, "%s", listing(d));
    ck_assert_str_eq(d->tx[1].pub.value, "2018");
    ck_assert_str_eq(d->tx[2].pub.value, "2018");
    ck_assert_int_eq(d->tx[2].anchor_kind, DL_ANCHOR_NARRATIVE);
    dl_doc_free(d);
    /* A year ago in a story of a quarter: that quarter a year before. */
    expect_tx("Net rose in the third quarter to $5 million from $4 million a year ago.", "1989-11-02",
              "a year ago", "DATE", "1988-Q3");
    /* ... the quarter of the story, the first one it names, even when a sentence between
     * names another; a year the same sentence names is what it compares to. */
    const char *q = "Nokia posted a gain in third-quarter profit. After a flat second quarter, sales "
                    "rose. Costs were lower than a year ago, and in the 1989 period taxes fell. "
                    "Nokia sees $4 a share for this year, up from last year's $3.";
    expect_tx(q, "1989-11-01", "a year ago", "DATE", "1988-Q3");
    expect_tx(q, "1989-11-01", "the 1989 period", "DATE", "1989-Q3");
    expect_tx(q, "1989-11-01", "last year", "DATE", "1988");
    /* A deadline ahead is no time the story's events happen at. */
    const char *dl = "Work on the mill stopped on Friday. The firm had hoped to double its output by "
                     "2027. It still sees higher profit for the full year.";
    expect_tx(dl, "2024-03-10", "2027", "DATE", "2027");
    expect_tx(dl, "2024-03-10", "the full year", "DATE", "2024");
}
END_TEST

START_TEST(test_durations)
{
    expect_tx("The envoy came for the first time in 24 years.", MON, "24 years", "DURATION", "P24Y");
    expect_tx("The war has lasted more than two years.", MON, "more than two years", "DURATION", "P2Y");
    expect_tx("The siege lasted several weeks.", MON, "several weeks", "DURATION", "PXW");
    expect_tx("The talks took an hour and a half.", MON, "an hour and a half", "DURATION", "PT1H30M");
    expect_tx("The talks took two and a half years.", MON, "two and a half years", "DURATION", "P2Y6M");
    expect_tx("The talks took half an hour.", MON, "half an hour", "DURATION", "PT30M");
    expect_tx("The 10-year-old company failed.", MON, "10-year-old", "DURATION", "P10Y");
    expect_tx("They signed a five-year contract.", MON, "five-year", "DURATION", "P5Y");
    expect_tx("A twenty-four-hour strike began.", MON, "twenty-four-hour", "DURATION", "PT24H");
    expect_tx("Profit rose in the first nine months.", MON, "the first nine months", "DURATION", "P9M");
    expect_tx("Prices rose over the past two years.", MON, "the past two years", "DURATION", "P2Y");
    expect_tx("After years of war the town is quiet.", MON, "years", "DURATION", "PXY");
    expect_tx("The ban lasted a decade.", MON, "a decade", "DURATION", "P10Y");
    expect_tx("The match lasted three hours and 12 minutes.", MON, "three hours and 12 minutes", "DURATION",
              "PT3H12M");
    expect_tx("The mission lasted 1 1/2 years.", MON, "1 1/2 years", "DURATION", "P1Y6M");
    /* An adjective between a count and its unit leaves the unit as it is. */
    expect_tx("The index fell for eight trading days.", MON, "eight trading days", "DURATION", "P8D");
    expect_tx("Prices will rise over the next couple of years.", MON, "the next couple of years", "DURATION", "P2Y");
    expect_tx("The loan may be extended for an additional year.", MON, "an additional year", "DURATION", "P1Y");
    expect_tx("Exports fell for three straight years.", MON, "three straight years", "DURATION", "P3Y");
    expect_tx("Two months after the vote, the rebels fled.", MON, "Two months", "DURATION", "P2M");
    /* Ages of people are no time expressions; ages of things are. */
    expect_no_word("A 6-year-old boy was rescued. The 44-year-old said nothing.", MON, "old");
    expect_no_word("Kopp, 44 years old, fled.", MON, "years");
    expect_no_word("The 52-year-old obstetrician was shot. A 6-year-old shipwreck survivor wept.", MON, "old");
}
END_TEST

START_TEST(test_sets)
{
    expect_tx("The council meets every Monday.", MON, "every Monday", "SET", "XXXX-WXX-1");
    expect_tx("The council meets twice a year.", MON, "a year", "SET", "P1Y");
    expect_tx("The council publishes a weekly report.", MON, "weekly", "SET", "P1W");
    expect_tx("The council meets every other week.", MON, "every other week", "SET", "P2W");
    expect_tx("The council meets every two years.", MON, "every two years", "SET", "P2Y");
    expect_tx("The council meets each summer.", MON, "each summer", "SET", "XXXX-SU");
    expect_tx("The council meets on Tuesdays.", MON, "Tuesdays", "SET", "XXXX-WXX-2");
    expect_tx("Flights leave on Tuesday nights.", MON, "Tuesday nights", "SET", "XXXX-WXX-2TNI");
    expect_tx("Qantas runs four flights a week to Bombay.", MON, "a week", "SET", "P1W");
    expect_tx("The annual meeting opened.", MON, "annual", "SET", "P1Y");
    /* A daily or weekly that is a newspaper is no recurrence. */
    expect_none("The ruling party daily Rodong Sinmun printed the speech.", MON);
    expect_none("The speech was printed in full by the business weekly.", MON);
    expect_tx("The ferry sails daily to the island.", MON, "daily", "SET", "P1D");
}
END_TEST

START_TEST(test_mods)
{
    expect_mod("The war has lasted about two years.", MON, "about two years", "APPROX");
    expect_mod("The war has lasted more than two years.", MON, "more than two years", "MORE_THAN");
    expect_mod("The war has lasted nearly two years.", MON, "nearly two years", "LESS_THAN");
    expect_mod("The war has lasted at least two years.", MON, "at least two years", "EQUAL_OR_MORE");
    /* Before a possessive date the word governs the noun phrase: no estimate. */
    expect_tx("Lawyers looked for ways to get around Wednesday's ruling.", MON, "Wednesday", "DATE", "2024-06-12");
    expect_no_word("Lawyers looked for ways to get around Wednesday's ruling.", MON, "around");
    expect_mod("The plant opens early next year.", MON, "early next year", "START");
    expect_mod("The plant opened in the mid-1990s.", MON, "the mid-1990s", "MID");
    expect_mod("The plant opens at the end of the year.", MON, "the end of the year", "END");
    expect_mod("The plant opened late Monday.", MON, "late Monday", "END");
    expect_tx("The plant opens at the end of the year.", MON, "the end of the year", "DATE", "2024");
    expect_tx("The plant opened in the mid-1990s.", MON, "the mid-1990s", "DATE", "199");
    expect_tx("The plant opened in the early 1980s.", MON, "the early 1980s", "DATE", "198");
    expect_mod("The plant opened in the early 1980s.", MON, "the early 1980s", "START");
}
END_TEST

START_TEST(test_holidays)
{
    expect_tx("Shops close on Christmas Day 2023.", MON, "Christmas Day 2023", "DATE", "2023-12-25");
    expect_tx("Families will gather for Thanksgiving.", "2023-11-01", "Thanksgiving", "DATE", "2023-11-23");
    expect_tx("The pope spoke at Easter.", "2024-04-10", "Easter", "DATE", "2024-03-31");
    /* A holiday's week, the week of a day: the ISO week that holds it. */
    expect_tx("Pilgrims crowded the city as Easter week began.", "2024-04-10", "Easter week", "DATE", "2024-W13");
    expect_tx("The case may be heard the week of March 6.", "2000-02-24", "the week of March 6", "DATE", "2000-W10");
}
END_TEST

START_TEST(test_no_false_dates)
{
    expect_none("Trade reached $34.4 million, and 10,000 containers held 4.8 million shells.", MON);
    expect_none("About 2000 troops and 1500 police were deployed.", MON);
    expect_none("Flight 1948 landed in Room 2020 of the terminal.", MON);
    /* A number after a name is part of the name; after a calendar word it is a year. */
    expect_no_word("The firm set up a venture called Orion 1980 to build parts.", MON, "1980");
    expect_tx("Crowds gathered on Independence Day 1998.", MON, "Independence Day 1998", "DATE", "1998-07-04");
    expect_none("Call 555-1234 or (202) 555-0199 for version 2.0 of the form.", MON);
    expect_none("The home team won 3-2, and the score was 21-17 at the half.", MON);
    expect_none("One of the first ships sank; the second one burned.", MON);
    expect_none("Inflation rose 4.8 percent; nine times the first estimate.", MON);
    expect_none("Iraq imports about three-quarters of its food.", MON);
    expect_none("Czech Foreign Minister Jan Kavan joined the March for Life.", MON);
    expect_none("He said it will be a second betrayal, as on \"60 Minutes\" and ABC's \"This Week.\"", MON);
    expect_none("Prices are expected to fall further; the group began to fall apart.", MON);
    expect_no_word("The first time in 24 years", MON, "2048");
}
END_TEST

START_TEST(test_without_dct)
{
    /* Explicit dates keep full values; relative ones stay underspecified. */
    const char *text = "The court met on March 3, 2021. It ruled last year, in March, on Tuesday.";
    const dl_timex *x0;
    dl_input in = {.name = "t", .text = text, .len = strlen(text)};
    dl_error err;
    dl_doc *d = dl_doc_process(engine(), &in, &err);
    ck_assert_ptr_nonnull(d);
    ck_assert_str_eq(dl_doc_dct(d), "");
    ck_assert_msg(d->ntx == 4, "%s", listing(d));
    ck_assert_str_eq(d->tx[0].pub.value, "2021-03-03");
    ck_assert_str_eq(d->tx[1].pub.value, "XXXX");
    ck_assert_str_eq(d->tx[2].pub.value, "XXXX-03");
    ck_assert_str_eq(d->tx[3].pub.value, "XXXX-WXX-2");
    dl_doc_free(d);
    d = process("The talks broke down the day before Tuesday.", NULL);
    x0 = find(d, "the day before Tuesday");
    ck_assert_ptr_nonnull(x0);
    ck_assert_str_eq(x0->value, "XXXX-WXX-1");
    dl_doc_free(d);
    /* A dateline gives the document date, and the relative ones follow it. */
    d = process("MOSCOW, June 17, 2024 \xe2\x80\x94 Putin will travel to Pyongyang on Tuesday.", NULL);
    ck_assert_str_eq(dl_doc_dct(d), "2024-06-17");
    const dl_timex *x = find(d, "Tuesday");
    ck_assert_ptr_nonnull(x);
    ck_assert_str_eq(x->value, "2024-06-18");
    dl_doc_free(d);
    /* ... with the agency's credit between the date and the dash, after a headline */
    d = process("Grain row ends\n\nKYIV, March 28, 2024 (Reuters) - Ukraine and Poland agreed on Thursday.", NULL);
    ck_assert_str_eq(dl_doc_dct(d), "2024-03-28");
    dl_doc_free(d);
    /* a parenthesis of many words is no credit */
    d = process("The deal of March 28, 2024 (signed in the old capital at night) - a first.", NULL);
    ck_assert_str_eq(dl_doc_dct(d), "");
    dl_doc_free(d);
}
END_TEST

START_TEST(test_offsets_and_fields)
{
    /* Code points, end exclusive, after a multibyte character. */
    dl_doc *d = process("\xc3\x89lys\xc3\xa9" "e said on Friday, June 21, that it agreed.", MON);
    ck_assert_msg(d->ntx == 1, "%s", listing(d));
    const dl_timex_int *x = &d->tx[0];
    ck_assert_str_eq(x->pub.text, "Friday, June 21");
    ck_assert_uint_eq(x->pub.start, 15);
    ck_assert_uint_eq(x->pub.end, 30);
    ck_assert_uint_eq(x->pub.byte_start, 17);
    ck_assert_uint_eq(x->pub.byte_end, 32);
    ck_assert_int_eq(x->pub.sentence, 0);
    ck_assert_uint_eq(x->ntok, 4);
    ck_assert_str_eq(x->pub.mod, "");
    ck_assert_int_eq(x->anchor_kind, DL_ANCHOR_DCT);
    ck_assert_int_eq(x->relative, 1);
    /* Finding again gives the same expressions. */
    size_t n = d->ntx;
    dl_error err;
    ck_assert_int_eq(dl_timex_find(d, &err), DL_OK);
    ck_assert_uint_eq(d->ntx, n);
    ck_assert_str_eq(d->tx[0].pub.value, "2024-06-21");
    dl_doc_free(d);
}
END_TEST

/* TimeML conventions of financial news: a frequency adjective before an amount names the
 * amount's unit, no recurring time; a year that ends on a named day is twelve months, a
 * quarter that does is the calendar quarter that holds most of it; the year the accounts
 * cover is a date. */
START_TEST(test_accounting_periods)
{
    expect_no_word("Daewoo raised its quarterly dividend to 40 won a share.", MON, "quarterly");
    expect_no_word("The brewer has annual sales of about 3 billion kroner.", MON, "annual");
    expect_no_word("That is a tenth of the exchange's average daily volume.", MON, "daily");
    expect_tx("Ministers vetoed the annual renewal of the mandate.", MON, "annual", "SET", "P1Y");
    /* An amount per period is a rate, no time; a count of events per period is a set. */
    expect_no_word("The cuts should save Fiat $500 million a year.", MON, "year");
    expect_no_word("Sales should rise 8.5% annually through 2026.", MON, "annually");
    expect_tx("Fiat runs four flights a week to Tunis.", MON, "a week", "SET", "P1W");
    expect_tx("Embraer earned $40 million in the year ended March 31.", MON, "the year", "DURATION", "P1Y");
    expect_tx("Embraer expects a loss for the year ending Sept. 30.", MON, "the year", "DURATION", "P1Y");
    expect_tx("Embraer lost $4 million in the quarter ended July 31.", MON, "the quarter", "DATE", "2024-Q2");
    expect_tx("Embraer lost $4 million for the quarter ended March 31.", MON, "the quarter", "DATE", "2024-Q1");
    expect_tx("Net income for the year rose 5%, Embraer said.", MON, "the year", "DATE", "2024");
    expect_tx("Embraer sees a gain for the full year.", MON, "the full year", "DATE", "2024");
    expect_tx("Embraer sees lower earnings for the fiscal year.", MON, "the fiscal year", "DATE", "2024");
    /* A fiscal quarter is no calendar quarter: the latest begun, and no period of the story. */
    expect_tx("Embraer earned $5 million in the fiscal first quarter.", "1989-10-26", "the fiscal first quarter",
              "DATE", "1989-Q1");
    /* A period with "last year" or "a year ago" after it: that period a year back. */
    const char *q = "Embraer lost $4 million in the third quarter, against a profit in the corresponding "
                    "period last year. Sales for last year's quarter were $9 million. For the quarter a "
                    "year ago, it earned $2 million.";
    expect_tx(q, "1989-11-01", "the corresponding period last year", "DATE", "1988-Q3");
    expect_tx(q, "1989-11-01", "last year's quarter", "DATE", "1988-Q3");
    expect_tx(q, "1989-11-01", "the quarter a year ago", "DATE", "1988-Q3");
    expect_tx("Sales fell in the second quarter last year.", "1989-11-01", "the second quarter last year", "DATE",
              "1988-Q2");
    expect_tx("Profits grew throughout the year, Embraer said.", MON, "the year", "DURATION", "P1Y");
}
END_TEST

/* The sample article's 24 expressions, in order, and nothing else. */
START_TEST(test_sample_article)
{
    static const char *const want[][3] = {
        {"Tuesday", "DATE", "2024-06-18"}, {"24 years", "DURATION", "P24Y"},
        {"Nine months ago", "DATE", "2023-09"}, {"Now", "DATE", "PRESENT_REF"},
        {"Now", "DATE", "PRESENT_REF"}, {"more than two years", "DURATION", "P2Y"},
        {"last week", "DATE", "2024-W24"}, {"last year", "DATE", "2023"},
        {"last winter", "DATE", "2023-WI"}, {"March", "DATE", "2024-03"},
        {"annual", "SET", "P1Y"}, {"15-year-old", "DURATION", "P15Y"},
        {"years", "DURATION", "PXY"}, {"January", "DATE", "2024-01"},
        {"Monday", "DATE", "2024-06-17"}, {"later this week", "DATE", "2024-W25"},
        {"September", "DATE", "2023-09"}, {"1948", "DATE", "1948"},
        {"last year", "DATE", "2023"}, {"Two months", "DURATION", "P2M"},
        {"last year", "DATE", "2023"}, {"many years", "DURATION", "PXY"},
        {"2023", "DATE", "2023"}, {"the previous year", "DATE", "2022"}};
    FILE *f = fopen("data/samples/putin-north-korea.txt", "rb");
    ck_assert_msg(f != NULL, "run from the project root");
    static char text[65536];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = 0;
    dl_doc *d = process(text, "2024-06-17");
    ck_assert_msg(d->ntx == DL_COUNT(want), "%zu expressions: %s", d->ntx, listing(d));
    for (size_t i = 0; i < DL_COUNT(want); i++) {
        const dl_timex *x = &d->tx[i].pub;
        ck_assert_msg(!strcmp(x->text, want[i][0]) && !strcmp(x->type, want[i][1]) &&
                          !strcmp(x->value, want[i][2]),
                      "#%zu: %s %s %s, expected %s %s %s", i, x->text, x->type, x->value, want[i][0],
                      want[i][1], want[i][2]);
    }
    dl_doc_free(d);
}
END_TEST

static Suite *timex_suite(void)
{
    Suite *s = suite_create("timex");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_explicit_dates);
    tcase_add_test(tc, test_years_decades_centuries);
    tcase_add_test(tc, test_quarters_halves_fiscal);
    tcase_add_test(tc, test_seasons);
    tcase_add_test(tc, test_months_weekdays_by_tense);
    tcase_add_test(tc, test_parts_of_day_and_clock);
    tcase_add_test(tc, test_relative_to_dct);
    tcase_add_test(tc, test_narrative);
    tcase_add_test(tc, test_durations);
    tcase_add_test(tc, test_sets);
    tcase_add_test(tc, test_mods);
    tcase_add_test(tc, test_holidays);
    tcase_add_test(tc, test_no_false_dates);
    tcase_add_test(tc, test_without_dct);
    tcase_add_test(tc, test_offsets_and_fields);
    tcase_add_test(tc, test_accounting_periods);
    tcase_add_test(tc, test_sample_article);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(timex_suite)
