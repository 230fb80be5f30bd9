/*
 * calendar.c - calendar arithmetic: proleptic Gregorian days, ISO weeks, month ends.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

int dl_cal_is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int dl_cal_days_in_month(int y, int m)
{
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return len[m - 1] + (m == 2 && dl_cal_is_leap(y));
}

int dl_cal_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= dl_cal_days_in_month(y, m);
}

/* Howard Hinnant's days_from_civil. */
long dl_cal_to_days(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void dl_cal_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int dl_cal_weekday(int y, int m, int d)
{
    long z = dl_cal_to_days(y, m, d);   /* 1970-01-01 was a Thursday (4) */
    long w = (z % 7 + 7 + 3) % 7;       /* 0 Monday */
    return (int)w + 1;
}

void dl_cal_iso_week(int y, int m, int d, int *wy, int *w)
{
    long z = dl_cal_to_days(y, m, d);
    int wd = dl_cal_weekday(y, m, d);
    long thursday = z - wd + 4;          /* the week's Thursday decides its year */
    int ty, tm, td;
    dl_cal_from_days(thursday, &ty, &tm, &td);
    long jan1 = dl_cal_to_days(ty, 1, 1);
    *wy = ty;
    *w = (int)((thursday - jan1) / 7 + 1);
}
