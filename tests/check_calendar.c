/* check_calendar.c - calendar arithmetic: leap years, month ends, ISO weeks and week
 * years, seasons across the year boundary, quarters, decades, the spans of TIMEX3 values
 * and their shifts by durations. */
#include "testutil.h"

/* The value of dl_cal_shift, or "ERR". */
static const char *shift(const char *value, const char *dur, int sign)
{
    static char out[32];
    if (dl_cal_shift(value, dur, sign, out, sizeof out))
        return "ERR";
    return out;
}

/* "first..last precision" of a value, or "none". */
static const char *span(const char *value)
{
    static char out[64];
    dl_date a, b;
    const char *p;
    if (dl_cal_value_span(value, &a, &b, &p))
        return "none";
    snprintf(out, sizeof out, "%04d-%02d-%02d..%04d-%02d-%02d %s", a.year, a.month, a.day, b.year,
             b.month, b.day, p);
    return out;
}

static const char *fmt(int gran, int y, int m, int d)
{
    static char out[32];
    if (dl_cal_format(gran, dl_cal_to_days(y, m, d), out, sizeof out))
        return "ERR";
    return out;
}

START_TEST(test_leap_years_and_month_ends)
{
    ck_assert_int_eq(dl_cal_is_leap(2024), 1);
    ck_assert_int_eq(dl_cal_is_leap(2023), 0);
    ck_assert_int_eq(dl_cal_is_leap(1900), 0);   /* divisible by 100 */
    ck_assert_int_eq(dl_cal_is_leap(2000), 1);   /* by 400 */
    ck_assert_int_eq(dl_cal_days_in_month(2024, 2), 29);
    ck_assert_int_eq(dl_cal_days_in_month(2100, 2), 28);
    ck_assert_int_eq(dl_cal_days_in_month(2023, 4), 30);
    ck_assert_int_eq(dl_cal_valid(2023, 2, 29), 0);
    ck_assert_int_eq(dl_cal_valid(2024, 2, 29), 1);
    /* Adding months clamps to the month's end. */
    int y, m, d;
    dl_cal_from_days(dl_cal_add_months(dl_cal_to_days(2024, 1, 31), 1), &y, &m, &d);
    ck_assert_int_eq(y * 10000 + m * 100 + d, 20240229);
    dl_cal_from_days(dl_cal_add_months(dl_cal_to_days(2023, 3, 31), -1), &y, &m, &d);
    ck_assert_int_eq(y * 10000 + m * 100 + d, 20230228);
    dl_cal_from_days(dl_cal_add_months(dl_cal_to_days(2023, 11, 15), 14), &y, &m, &d);
    ck_assert_int_eq(y * 10000 + m * 100 + d, 20250115);
    /* Days before 1970 are negative and still right. */
    dl_cal_from_days(dl_cal_to_days(1948, 9, 9), &y, &m, &d);
    ck_assert_int_eq(y * 10000 + m * 100 + d, 19480909);
}
END_TEST

START_TEST(test_weekdays_and_iso_weeks)
{
    ck_assert_int_eq(dl_cal_weekday(2024, 6, 17), 1);   /* a Monday */
    ck_assert_int_eq(dl_cal_weekday(1970, 1, 1), 4);    /* a Thursday */
    ck_assert_int_eq(dl_cal_weekday(1989, 10, 27), 5);  /* a Friday */
    int wy, w;
    dl_cal_iso_week(2024, 6, 17, &wy, &w);
    ck_assert_int_eq(wy * 100 + w, 202425);
    /* 1 January 2021 is a Friday: it belongs to the last week of 2020, which has 53. */
    dl_cal_iso_week(2021, 1, 1, &wy, &w);
    ck_assert_int_eq(wy * 100 + w, 202053);
    ck_assert_int_eq(dl_cal_iso_weeks(2020), 53);
    ck_assert_int_eq(dl_cal_iso_weeks(2023), 52);
    /* 31 December 2024 is a Tuesday: week 1 of 2025. */
    dl_cal_iso_week(2024, 12, 31, &wy, &w);
    ck_assert_int_eq(wy * 100 + w, 202501);
    int y, m, d;
    dl_cal_from_days(dl_cal_iso_week_monday(2025, 1), &y, &m, &d);
    ck_assert_int_eq(y * 10000 + m * 100 + d, 20241230);
    ck_assert_str_eq(fmt(DL_G_WEEK, 2021, 1, 3), "2020-W53");
    ck_assert_str_eq(fmt(DL_G_WEEKEND, 2024, 6, 19), "2024-W25-WE");
}
END_TEST

START_TEST(test_seasons_quarters_decades)
{
    int sy, s;
    dl_cal_season_of(2024, 1, &sy, &s);   /* January belongs to the winter that began in December */
    ck_assert_int_eq(sy, 2023);
    ck_assert_int_eq(s, DL_SEASON_WI);
    dl_cal_season_of(2024, 12, &sy, &s);
    ck_assert_int_eq(sy, 2024);
    ck_assert_int_eq(s, DL_SEASON_WI);
    dl_cal_season_of(2024, 6, &sy, &s);
    ck_assert_int_eq(s, DL_SEASON_SU);
    ck_assert_str_eq(fmt(DL_G_SEASON, 2024, 2, 10), "2023-WI");
    ck_assert_str_eq(fmt(DL_G_SEASON, 2024, 9, 1), "2024-FA");
    ck_assert_str_eq(fmt(DL_G_QUARTER, 2024, 6, 30), "2024-Q2");
    ck_assert_str_eq(fmt(DL_G_QUARTER, 2024, 7, 1), "2024-Q3");
    ck_assert_str_eq(fmt(DL_G_HALF, 2024, 7, 1), "2024-H2");
    ck_assert_str_eq(fmt(DL_G_DECADE, 1994, 5, 1), "199");
    ck_assert_str_eq(fmt(DL_G_CENTURY, 1994, 5, 1), "19");
    ck_assert_str_eq(fmt(DL_G_DAY, 1948, 9, 9), "1948-09-09");
}
END_TEST

START_TEST(test_feasts)
{
    int m, d;
    dl_cal_easter(2024, &m, &d);
    ck_assert_int_eq(m * 100 + d, 331);
    dl_cal_easter(2000, &m, &d);
    ck_assert_int_eq(m * 100 + d, 423);
    ck_assert_int_eq(dl_cal_nth_weekday(2023, 11, 4, 4), 23);   /* Thanksgiving 2023 */
    ck_assert_int_eq(dl_cal_nth_weekday(2024, 5, -1, 1), 27);   /* Memorial Day 2024 */
    ck_assert_int_eq(dl_cal_nth_weekday(2024, 2, 5, 1), 0);     /* no fifth Monday */
}
END_TEST

START_TEST(test_value_span)
{
    ck_assert_str_eq(span("2024-06-17"), "2024-06-17..2024-06-17 day");
    ck_assert_str_eq(span("2024-06-17T15:30"), "2024-06-17..2024-06-17 day");
    ck_assert_str_eq(span("2024-06-17TNI"), "2024-06-17..2024-06-17 day");
    ck_assert_str_eq(span("2023-09"), "2023-09-01..2023-09-30 month");
    ck_assert_str_eq(span("2024-02"), "2024-02-01..2024-02-29 month");
    ck_assert_str_eq(span("2024-W25"), "2024-06-17..2024-06-23 week");
    ck_assert_str_eq(span("2020-W53"), "2020-12-28..2021-01-03 week");
    ck_assert_str_eq(span("2024-W25-WE"), "2024-06-22..2024-06-23 week");
    ck_assert_str_eq(span("2024-W25-2"), "2024-06-18..2024-06-18 day");
    ck_assert_str_eq(span("2023-WI"), "2023-12-01..2024-02-29 season");
    ck_assert_str_eq(span("2022-WI"), "2022-12-01..2023-02-28 season");
    ck_assert_str_eq(span("2024-SU"), "2024-06-01..2024-08-31 season");
    ck_assert_str_eq(span("2023-Q3"), "2023-07-01..2023-09-30 quarter");
    ck_assert_str_eq(span("2023-H1"), "2023-01-01..2023-06-30 half");
    ck_assert_str_eq(span("1948"), "1948-01-01..1948-12-31 year");
    ck_assert_str_eq(span("199"), "1990-01-01..1999-12-31 decade");
    ck_assert_str_eq(span("19"), "1900-01-01..1999-12-31 century");
    /* No calendar date. */
    ck_assert_str_eq(span("PRESENT_REF"), "none");
    ck_assert_str_eq(span("XXXX-03"), "none");
    ck_assert_str_eq(span("XXXX-WXX-2"), "none");
    ck_assert_str_eq(span("P2Y"), "none");
    ck_assert_str_eq(span("2023-13"), "none");
    ck_assert_str_eq(span("2023-02-30"), "none");
    ck_assert_str_eq(span("2023-W54"), "none");
    ck_assert_str_eq(span(""), "none");
}
END_TEST

START_TEST(test_shift)
{
    ck_assert_str_eq(shift("2023-09", "P2M", 1), "2023-11");
    ck_assert_str_eq(shift("2023-11", "P2M", 1), "2024-01");
    ck_assert_str_eq(shift("2023-09", "P9M", -1), "2022-12");
    ck_assert_str_eq(shift("2023", "P1Y", -1), "2022");
    ck_assert_str_eq(shift("2024-01-31", "P1M", 1), "2024-02-29");
    ck_assert_str_eq(shift("2024-02-29", "P1Y", 1), "2025-02-28");
    ck_assert_str_eq(shift("2024-06-17", "P3D", 1), "2024-06-20");
    ck_assert_str_eq(shift("2024-06-17", "P2W", -1), "2024-06-03");
    ck_assert_str_eq(shift("2024-W25", "P1W", 1), "2024-W26");
    ck_assert_str_eq(shift("2020-W53", "P1W", 1), "2021-W01");
    ck_assert_str_eq(shift("2023-WI", "P1Y", 1), "2024-WI");
    ck_assert_str_eq(shift("2023-Q4", "P1Q", 1), "2024-Q1");
    ck_assert_str_eq(shift("2023-Q3", "P1Y", -1), "2022-Q3");
    ck_assert_str_eq(shift("199", "P10Y", 1), "200");
    /* A finer duration adds no precision: two months after some day of 2023 is not March
     * 2023, ten days after some day of September is not September 11. */
    ck_assert_str_eq(shift("2023", "P2M", 1), "2023");
    ck_assert_str_eq(shift("2023-09", "P10D", 1), "2023-09");
    ck_assert_str_eq(shift("2022-08", "P2W", 1), "2022-08");
    ck_assert_str_eq(shift("2023-09-30", "P1Y6M", 1), "2025-03-30");
    ck_assert_str_eq(shift("2023-09-30", "PT48H", 1), "2023-10-02");
    /* Nothing to shift. */
    ck_assert_str_eq(shift("PRESENT_REF", "P1Y", 1), "ERR");
    ck_assert_str_eq(shift("2023-09", "PXM", 1), "ERR");
    ck_assert_str_eq(shift("2023-09", "two months", 1), "ERR");
    char small[4];
    ck_assert_int_eq(dl_cal_shift("2023-09", "P2M", 1, small, sizeof small), -1);
}
END_TEST

static Suite *calendar_suite(void)
{
    Suite *s = suite_create("calendar");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_leap_years_and_month_ends);
    tcase_add_test(tc, test_weekdays_and_iso_weeks);
    tcase_add_test(tc, test_seasons_quarters_decades);
    tcase_add_test(tc, test_feasts);
    tcase_add_test(tc, test_value_span);
    tcase_add_test(tc, test_shift);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(calendar_suite)
