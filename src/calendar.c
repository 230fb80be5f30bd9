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

/* ---------------------------------------------------------------- weeks, seasons, feasts */

long dl_cal_iso_week_monday(int wy, int w)
{
    long jan4 = dl_cal_to_days(wy, 1, 4);   /* 4 January is always in week 1 */
    int y, m, d;
    dl_cal_from_days(jan4, &y, &m, &d);
    long monday1 = jan4 - (dl_cal_weekday(y, m, d) - 1);
    return monday1 + 7L * (w - 1);
}

int dl_cal_iso_weeks(int wy)
{
    int y, w;
    dl_cal_iso_week(wy, 12, 28, &y, &w);   /* 28 December is always in the last week */
    return w;
}

void dl_cal_season_of(int y, int m, int *sy, int *season)
{
    /* Meteorological seasons, as TimeML reads them: winter is December to February and
     * belongs to the year of its December. */
    if (m == 12 || m <= 2) {
        *season = DL_SEASON_WI;
        *sy = m == 12 ? y : y - 1;
    } else {
        *season = m <= 5 ? DL_SEASON_SP : m <= 8 ? DL_SEASON_SU : DL_SEASON_FA;
        *sy = y;
    }
}

void dl_cal_easter(int y, int *m, int *d)
{
    /* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    int a = y % 19, b = y / 100, c = y % 100, dd = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - dd - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int mm = (a + 11 * h + 22 * l) / 451;
    *m = (h + l - 7 * mm + 114) / 31;
    *d = (h + l - 7 * mm + 114) % 31 + 1;
}

int dl_cal_nth_weekday(int y, int m, int n, int wd)
{
    if (m < 1 || m > 12 || wd < 1 || wd > 7 || n == 0)
        return 0;
    int len = dl_cal_days_in_month(y, m);
    if (n > 0) {
        int first = dl_cal_weekday(y, m, 1);
        int d = 1 + (wd - first + 7) % 7 + 7 * (n - 1);
        return d <= len ? d : 0;
    }
    int last = dl_cal_weekday(y, m, len);
    int d = len - (last - wd + 7) % 7 + 7 * (n + 1);
    return d >= 1 ? d : 0;
}

long dl_cal_add_months(long day, long months)
{
    int y, m, d;
    dl_cal_from_days(day, &y, &m, &d);
    long idx = (long)y * 12 + (m - 1) + months;
    long ny = idx >= 0 ? idx / 12 : (idx - 11) / 12;
    int nm = (int)(idx - ny * 12) + 1;
    int len = dl_cal_days_in_month((int)ny, nm);
    return dl_cal_to_days((int)ny, nm, d > len ? len : d);
}

/* ---------------------------------------------------------------- periods and values */

static const char *const gran_names[] = {"day", "week", "week", "month", "season", "quarter",
                                         "half", "year", "decade", "century"};
static const char *const season_codes[] = {"", "SP", "SU", "FA", "WI"};

const char *dl_cal_gran_name(int gran)
{
    return gran >= 0 && gran < (int)DL_COUNT(gran_names) ? gran_names[gran] : "";
}

void dl_cal_period(int gran, long day, long *first, long *last)
{
    int y, m, d;
    dl_cal_from_days(day, &y, &m, &d);
    long f = day, l = day;
    switch (gran) {
    case DL_G_DAY:
        break;
    case DL_G_WEEKEND:
        f = day - dl_cal_weekday(y, m, d) + 6;
        l = f + 1;
        break;
    case DL_G_WEEK:
        f = day - dl_cal_weekday(y, m, d) + 1;
        l = f + 6;
        break;
    case DL_G_MONTH:
        f = dl_cal_to_days(y, m, 1);
        l = dl_cal_to_days(y, m, dl_cal_days_in_month(y, m));
        break;
    case DL_G_SEASON: {
        int sy, s;
        dl_cal_season_of(y, m, &sy, &s);
        int m0 = s == DL_SEASON_WI ? 12 : 3 * s;   /* SP 3, SU 6, FA 9 */
        f = dl_cal_to_days(sy, m0, 1);
        l = dl_cal_add_months(f, 3) - 1;
        break;
    }
    case DL_G_QUARTER:
        f = dl_cal_to_days(y, (m - 1) / 3 * 3 + 1, 1);
        l = dl_cal_add_months(f, 3) - 1;
        break;
    case DL_G_HALF:
        f = dl_cal_to_days(y, m <= 6 ? 1 : 7, 1);
        l = dl_cal_add_months(f, 6) - 1;
        break;
    case DL_G_YEAR:
        f = dl_cal_to_days(y, 1, 1);
        l = dl_cal_to_days(y, 12, 31);
        break;
    case DL_G_DECADE:
        f = dl_cal_to_days(y - y % 10, 1, 1);
        l = dl_cal_to_days(y - y % 10 + 9, 12, 31);
        break;
    case DL_G_CENTURY:
        f = dl_cal_to_days(y - y % 100, 1, 1);
        l = dl_cal_to_days(y - y % 100 + 99, 12, 31);
        break;
    }
    *first = f;
    *last = l;
}

/* Writes v as printf's "%0*d" does (zero padded to width, a sign counted in it) at p;
 * returns the end. Values are written often (one per date), and snprintf's parsing of
 * the format cost more than the digits. */
static char *put_int(char *p, long v, int width)
{
    char tmp[24];
    int k = 0;
    unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
    do {
        tmp[k++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) {
        *p++ = '-';
        width--;
    }
    for (; width > k; width--)
        *p++ = '0';
    while (k)
        *p++ = tmp[--k];
    return p;
}

int dl_cal_format(int gran, long day, char *out, size_t n)
{
    int y, m, d;
    dl_cal_from_days(day, &y, &m, &d);
    if (y < 0 || y > 9999 || n == 0)
        return -1;
    char buf[48], *p = buf;
    switch (gran) {
    case DL_G_DAY:
        p = put_int(p, y, 4);
        *p++ = '-';
        p = put_int(p, m, 2);
        *p++ = '-';
        p = put_int(p, d, 2);
        break;
    case DL_G_WEEKEND:
    case DL_G_WEEK: {
        int wy, w;
        dl_cal_iso_week(y, m, d, &wy, &w);
        p = put_int(p, wy, 4);
        memcpy(p, "-W", 2), p += 2;
        p = put_int(p, w, 2);
        if (gran == DL_G_WEEKEND)
            memcpy(p, "-WE", 3), p += 3;
        break;
    }
    case DL_G_MONTH:
        p = put_int(p, y, 4);
        *p++ = '-';
        p = put_int(p, m, 2);
        break;
    case DL_G_SEASON: {
        int sy, s;
        dl_cal_season_of(y, m, &sy, &s);
        p = put_int(p, sy, 4);
        *p++ = '-';
        memcpy(p, season_codes[s], 2), p += 2;
        break;
    }
    case DL_G_QUARTER:
        p = put_int(p, y, 4);
        memcpy(p, "-Q", 2), p += 2;
        p = put_int(p, (m - 1) / 3 + 1, 1);
        break;
    case DL_G_HALF:
        p = put_int(p, y, 4);
        memcpy(p, "-H", 2), p += 2;
        *p++ = m <= 6 ? '1' : '2';
        break;
    case DL_G_YEAR:
        p = put_int(p, y, 4);
        break;
    case DL_G_DECADE:
        p = put_int(p, y / 10, 3);
        break;
    case DL_G_CENTURY:
        p = put_int(p, y / 100, 2);
        break;
    default:
        return -1;
    }
    /* As snprintf: what fits, cut, and NUL-terminated. */
    size_t len = (size_t)(p - buf);
    size_t c = len < n ? len : n - 1;
    memcpy(out, buf, c);
    out[c] = 0;
    return len >= n ? -1 : 0;
}

/* Reads n digits at s into *v. */
static int digits(const char *s, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 1;
}

int dl_cal_parse_value(const char *v, int *gran, long *day)
{
    int y, m, d, w;
    size_t n = strlen(v);
    /* A time of day ("2024-06-17T15:00", "2024-06-17TMO") is read as its day. */
    const char *t = strchr(v, 'T');
    if (t && t - v == 10)
        n = 10;
    if (n == 2 && digits(v, 2, &y)) {
        *gran = DL_G_CENTURY;
        *day = dl_cal_to_days(y * 100, 1, 1);
        return 0;
    }
    if (n == 3 && digits(v, 3, &y)) {
        *gran = DL_G_DECADE;
        *day = dl_cal_to_days(y * 10, 1, 1);
        return 0;
    }
    if (n < 4 || !digits(v, 4, &y) || y < 1)
        return -1;
    if (n == 4) {
        *gran = DL_G_YEAR;
        *day = dl_cal_to_days(y, 1, 1);
        return 0;
    }
    if (v[4] != '-')
        return -1;
    const char *r = v + 5;
    size_t rn = n - 5;
    if (rn == 2 && digits(r, 2, &m) && m >= 1 && m <= 12) {
        *gran = DL_G_MONTH;
        *day = dl_cal_to_days(y, m, 1);
        return 0;
    }
    if (rn == 5 && digits(r, 2, &m) && r[2] == '-' && digits(r + 3, 2, &d) && dl_cal_valid(y, m, d)) {
        *gran = DL_G_DAY;
        *day = dl_cal_to_days(y, m, d);
        return 0;
    }
    if (rn == 2 && (r[0] == 'Q' || r[0] == 'H') && r[1] >= '1' && r[1] <= (r[0] == 'Q' ? '4' : '2')) {
        int k = r[1] - '0';
        *gran = r[0] == 'Q' ? DL_G_QUARTER : DL_G_HALF;
        *day = dl_cal_to_days(y, r[0] == 'Q' ? 3 * k - 2 : 6 * k - 5, 1);
        return 0;
    }
    for (int s = 1; s <= 4; s++) {
        if (rn == 2 && !memcmp(r, season_codes[s], 2)) {
            *gran = DL_G_SEASON;
            *day = dl_cal_to_days(y, s == DL_SEASON_WI ? 12 : 3 * s, 1);
            return 0;
        }
    }
    if (rn >= 3 && r[0] == 'W' && digits(r + 1, 2, &w) && w >= 1 && w <= dl_cal_iso_weeks(y)) {
        long mon = dl_cal_iso_week_monday(y, w);
        if (rn == 3) {
            *gran = DL_G_WEEK;
            *day = mon;
            return 0;
        }
        if (rn == 6 && !memcmp(r + 3, "-WE", 3)) {
            *gran = DL_G_WEEKEND;
            *day = mon + 5;
            return 0;
        }
        if (rn == 5 && r[3] == '-' && r[4] >= '1' && r[4] <= '7') {
            *gran = DL_G_DAY;
            *day = mon + (r[4] - '1');
            return 0;
        }
    }
    return -1;
}

int dl_cal_value_span(const char *value, dl_date *first, dl_date *last, const char **precision)
{
    int gran;
    long day, f, l;
    if (!value || dl_cal_parse_value(value, &gran, &day))
        return -1;
    dl_cal_period(gran, day, &f, &l);
    if (first)
        dl_cal_from_days(f, &first->year, &first->month, &first->day);
    if (last)
        dl_cal_from_days(l, &last->year, &last->month, &last->day);
    if (precision)
        *precision = dl_cal_gran_name(gran);
    return 0;
}

/* ---------------------------------------------------------------- durations */

int dl_cal_parse_duration(const char *dur, long *months, long *days, int *gran)
{
    const char *p = dur;
    if (*p++ != 'P')
        return -1;
    long mo = 0, dy = 0, hours = 0;
    int g = DL_G_CENTURY + 1, in_time = 0, any = 0;
    while (*p) {
        if (*p == 'T') {
            in_time = 1;
            p++;
            continue;
        }
        if (*p < '0' || *p > '9')
            return -1;   /* PXY and friends have no length */
        long k = 0;
        while (*p >= '0' && *p <= '9') {
            k = k * 10 + (*p - '0');
            if (k > 100000)
                return -1;
            p++;
        }
        int ug;
        if (in_time) {
            if (*p == 'H')
                hours += k, p++;
            else if (*p == 'M' || *p == 'S')
                p++;
            else
                return -1;
            ug = DL_G_DAY;
        } else if (p[0] == 'D' && p[1] == 'E') {
            mo += 120 * k, p += 2, ug = DL_G_DECADE;
        } else if (p[0] == 'C' && p[1] == 'E') {
            mo += 1200 * k, p += 2, ug = DL_G_CENTURY;
        } else if (*p == 'Y') {
            /* Whole decades and centuries of years keep a decade's or century's precision. */
            mo += 12 * k, p++;
            ug = k && k % 100 == 0 ? DL_G_CENTURY : k && k % 10 == 0 ? DL_G_DECADE : DL_G_YEAR;
        } else if (*p == 'Q') {
            mo += 3 * k, p++, ug = DL_G_QUARTER;
        } else if (*p == 'M') {
            mo += k, p++, ug = DL_G_MONTH;
        } else if (*p == 'W') {
            dy += 7 * k, p++, ug = DL_G_WEEK;
        } else if (*p == 'D') {
            dy += k, p++, ug = DL_G_DAY;
        } else {
            return -1;
        }
        if (ug < g)
            g = ug;
        any = 1;
    }
    if (!any)
        return -1;
    *months = mo;
    *days = dy + hours / 24;
    if (gran)
        *gran = g;
    return 0;
}

int dl_cal_shift(const char *value, const char *duration, int sign, char *out, size_t n)
{
    int gran;
    long day, months, days;
    if (!value || !duration || dl_cal_parse_value(value, &gran, &day) ||
        dl_cal_parse_duration(duration, &months, &days, NULL))
        return -1;
    int s = sign < 0 ? -1 : 1;
    day = dl_cal_add_months(day, s * months) + s * days;
    /* at the value's precision: no finer than what was known of it */
    return dl_cal_format(gran, day, out, n);
}
