/*
 * export_timelinejs.c - the formats of Knight Lab's TimelineJS: its spreadsheet template
 * (CSV with the template's exact header) and its JSON; and what both need, a date as a
 * reader says it ("Winter 2023–24") and an event as a headline ("Vladimir Putin travels
 * to North Korea").
 *
 * TimelineJS shows Headline and Text as HTML, so both are escaped here; links are made
 * only from http(s) URLs. The CSV's text cells are guarded against spreadsheet formulas
 * like the timeline CSV's, since the template is meant to be pasted into a spreadsheet.
 */
#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"

/* ---------------------------------------------------------------- dates */

static const char *const MONTHS[] = {"January", "February", "March", "April", "May", "June",
                                     "July", "August", "September", "October", "November",
                                     "December"};

/* Reads exactly n digits at s. -1 when they are not digits. */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static void day_of(long days, int *y, int *m, int *d)
{
    dl_cal_from_days(days, y, m, d);
}

/* The Monday of ISO week w of year y, as days since 1970. */
static long iso_monday(int y, int w)
{
    long jan4 = dl_cal_to_days(y, 1, 4);
    return jan4 - (dl_cal_weekday(y, 1, 4) - 1) + 7L * (w - 1);
}

/* The kind of value dl_evrec_when found, for the display date. */
enum { W_NONE, W_DAY, W_MONTH, W_WEEK, W_WEEKEND, W_SEASON, W_QUARTER, W_HALF, W_YEAR,
       W_DECADE, W_CENTURY, W_RANGE };

static int parse_when(const char *v, dl_when *w, int *season_or_part)
{
    memset(w, 0, sizeof *w);
    *season_or_part = 0;
    size_t n = strlen(v);
    const char *t = strchr(v, 'T');
    if (t) {
        n = (size_t)(t - v);
        if (strlen(t) >= 6 && digits(t + 1, 2) >= 0 && t[3] == ':' && digits(t + 4, 2) >= 0)
            snprintf(w->time, sizeof w->time, "%.5s", t + 1);
    }
    int y = n >= 4 ? digits(v, 4) : -1;
    if (n == 2 && digits(v, 2) >= 0) {          /* century: "19" is 1900-1999 */
        w->y = digits(v, 2) * 100;
        w->ey = w->y + 99;
        w->span = 1;
        return W_CENTURY;
    }
    if (n == 3 && digits(v, 3) >= 0) {          /* decade: "199" is the 1990s */
        w->y = digits(v, 3) * 10;
        w->ey = w->y + 9;
        w->span = 1;
        return W_DECADE;
    }
    if (y < 1)
        return W_NONE;
    w->y = y;
    if (n == 4)
        return W_YEAR;
    if (v[4] != '-')
        return W_NONE;
    const char *p = v + 5;
    size_t rest = n - 5;
    if (rest == 2 && digits(p, 2) >= 1 && digits(p, 2) <= 12) {
        w->m = digits(p, 2);
        return W_MONTH;
    }
    if (rest == 5 && digits(p, 2) >= 1 && digits(p, 2) <= 12 && p[2] == '-') {
        int m = digits(p, 2), d = digits(p + 3, 2);
        if (!dl_cal_valid(y, m, d))
            return W_NONE;
        w->m = m;
        w->d = d;
        return W_DAY;
    }
    if ((rest == 3 || (rest == 6 && !strncmp(p + 3, "-WE", 3))) && p[0] == 'W' &&
        digits(p + 1, 2) >= 1 && digits(p + 1, 2) <= 53) {
        long mon = iso_monday(y, digits(p + 1, 2));
        long first = rest == 3 ? mon : mon + 5, last = mon + 6;
        day_of(first, &w->y, &w->m, &w->d);
        day_of(last, &w->ey, &w->em, &w->ed);
        w->span = 1;
        return rest == 3 ? W_WEEK : W_WEEKEND;
    }
    if (rest == 2) {
        static const char *const SEASONS[] = {"SP", "SU", "FA", "WI"};
        for (int s = 0; s < 4; s++)
            if (!strncmp(p, SEASONS[s], 2)) {
                w->m = 3 + 3 * s;
                w->ey = s == 3 ? y + 1 : y;
                w->em = s == 3 ? 2 : w->m + 2;
                w->span = 1;
                *season_or_part = s;
                return W_SEASON;
            }
        if (p[0] == 'Q' && p[1] >= '1' && p[1] <= '4') {
            int q = p[1] - '0';
            w->m = 3 * q - 2;
            w->ey = y;
            w->em = 3 * q;
            w->span = 1;
            *season_or_part = q;
            return W_QUARTER;
        }
        if (p[0] == 'H' && (p[1] == '1' || p[1] == '2')) {
            int h = p[1] - '0';
            w->m = h == 1 ? 1 : 7;
            w->ey = y;
            w->em = h == 1 ? 6 : 12;
            w->span = 1;
            *season_or_part = h;
            return W_HALF;
        }
    }
    return W_NONE;
}

/* A value that names no calendar unit: the record's own start and end days, when given. */
static int range_when(const dl_evrec *r, dl_when *w)
{
    dl_date a, b;
    int has_a = r->start[0] && dl_date_parse(r->start, &a, NULL) == DL_OK;
    int has_b = r->end[0] && dl_date_parse(r->end, &b, NULL) == DL_OK;
    if (!has_a && !has_b)
        return W_NONE;
    memset(w, 0, sizeof *w);
    if (!has_a)
        a = b;
    w->y = a.year, w->m = a.month, w->d = a.day;
    if (has_a && has_b && (a.year != b.year || a.month != b.month || a.day != b.day)) {
        w->ey = b.year, w->em = b.month, w->ed = b.day;
        w->span = 1;
    }
    return W_RANGE;
}

static int when_kind(const dl_evrec *r, dl_when *w, int *part)
{
    *part = 0;
    if (!r->date[0])
        return W_NONE;
    int k = parse_when(r->date, w, part);
    return k != W_NONE ? k : range_when(r, w);
}

int dl_evrec_when(const dl_evrec *r, dl_when *w)
{
    int part;
    return when_kind(r, w, &part) == W_NONE ? -1 : 0;
}

static void fmt_day(char *out, size_t n, int y, int m, int d)
{
    snprintf(out, n, "%d %s %d", d, MONTHS[m - 1], y);
}

char *dl_evrec_display_date(const dl_evrec *r, char *out, size_t n)
{
    dl_when w;
    int part;
    int k = when_kind(r, &w, &part);
    char base[160] = "";
    switch (k) {
    case W_NONE:
        snprintf(out, n, "%s", "");
        return out;
    case W_DAY: fmt_day(base, sizeof base, w.y, w.m, w.d); break;
    case W_MONTH: snprintf(base, sizeof base, "%s %d", MONTHS[w.m - 1], w.y); break;
    case W_YEAR: snprintf(base, sizeof base, "%d", w.y); break;
    case W_DECADE: snprintf(base, sizeof base, "%ds", w.y); break;
    case W_CENTURY: {
        int c = w.y / 100 + 1;
        const char *suf = (c % 100 >= 11 && c % 100 <= 13) ? "th"
                        : c % 10 == 1 ? "st" : c % 10 == 2 ? "nd" : c % 10 == 3 ? "rd" : "th";
        snprintf(base, sizeof base, "%d%s century", c, suf);
        break;
    }
    case W_WEEK:
    case W_WEEKEND: {
        char day[48];
        fmt_day(day, sizeof day, w.y, w.m, w.d);
        snprintf(base, sizeof base, "%s of %s", k == W_WEEK ? "Week" : "Weekend", day);
        break;
    }
    case W_SEASON: {
        static const char *const NAMES[] = {"Spring", "Summer", "Fall", "Winter"};
        if (part == 3 && w.ey / 100 == w.y / 100)
            snprintf(base, sizeof base, "Winter %d\xE2\x80\x93%02d", w.y, w.ey % 100);
        else if (part == 3)
            snprintf(base, sizeof base, "Winter %d\xE2\x80\x93%d", w.y, w.ey);
        else
            snprintf(base, sizeof base, "%s %d", NAMES[part], w.y);
        break;
    }
    case W_QUARTER: snprintf(base, sizeof base, "Q%d %d", part, w.y); break;
    case W_HALF: snprintf(base, sizeof base, "%s half of %d", part == 1 ? "First" : "Second", w.y); break;
    case W_RANGE: {
        char a[48], b[48];
        fmt_day(a, sizeof a, w.y, w.m, w.d);
        if (w.span) {
            fmt_day(b, sizeof b, w.ey, w.em, w.ed);
            snprintf(base, sizeof base, "%s \xE2\x80\x93 %s", a, b);
        } else {
            snprintf(base, sizeof base, "%s", a);
        }
        break;
    }
    }
    if (w.time[0] && (k == W_DAY || k == W_RANGE))
        snprintf(base + strlen(base), sizeof base - strlen(base), ", %s", w.time);

    /* TimeML's mods as a reader says them. START/MID/END make no sense on one day. */
    const char *mod = r->date_mod, *pre = "";
    int glue = 0;   /* "Mid-1990s": no space */
    if (!strcmp(mod, "BEFORE")) pre = "Before";
    else if (!strcmp(mod, "AFTER")) pre = "After";
    else if (!strcmp(mod, "ON_OR_BEFORE")) pre = "By";
    else if (!strcmp(mod, "ON_OR_AFTER")) pre = "Since";
    else if (!strcmp(mod, "APPROX")) pre = "Around";
    else if (k != W_DAY && !strcmp(mod, "START")) pre = "Early";
    else if (k != W_DAY && !strcmp(mod, "MID")) pre = "Mid-", glue = 1;
    else if (k != W_DAY && !strcmp(mod, "END")) pre = "Late";
    if (!pre[0]) {
        snprintf(out, n, "%s", base);
        return out;
    }
    /* Words that start a date lose their capital after a prefix ("Early spring 2024"). */
    if (base[0] >= 'A' && base[0] <= 'Z' && (k == W_SEASON || k == W_WEEK || k == W_WEEKEND ||
                                            k == W_HALF))
        base[0] = (char)(base[0] - 'A' + 'a');
    snprintf(out, n, "%s%s%s", pre, glue ? "" : " ", base);
    return out;
}

/* ---------------------------------------------------------------- headlines: data */

typedef struct verbs {
    dl_map *forms;        /* verb -> index in form */
    struct { char *third, *part; } *form;
    dl_map *rels;         /* relation -> index in rel */
    struct { char *verb, *prep, *obj; } *rel;
    int ok;
} verbs;

static verbs V;
static pthread_once_t V_once = PTHREAD_ONCE_INIT;

static char *dup_cell(const char *s, size_t n)
{
    if (n == 1 && s[0] == '-')
        return NULL;
    return strndup(s, n);
}

/* Loads data/verb-forms.tsv and data/headlines.tsv once per process. When that fails
 * headlines use the regular rules only. */
static void load_verbs(void)
{
    const dl_blob *b1 = dl_data_get("verb-forms.tsv"), *b2 = dl_data_get("headlines.tsv");
    if (!b1 || !b2 || !(V.forms = dl_map_new()) || !(V.rels = dl_map_new()))
        return;
    dl_tsv t;
    const char *c[4];
    size_t l[4], cap = 0, n = 0;
    int r;
    if (dl_tsv_open_mem(&t, "data/verb-forms.tsv", (const char *)b1->data, b1->len,
                        "verb\tthird\tparticiple", NULL) != DL_OK)
        return;
    while ((r = dl_tsv_next(&t, c, l, 3, NULL)) > 0) {
        if (DL_GROW(V.form, cap, n + 1) || dl_map_put(V.forms, c[0], l[0], (uint32_t)n))
            break;
        V.form[n].third = dup_cell(c[1], l[1]);
        V.form[n].part = dup_cell(c[2], l[2]);
        n++;
    }
    dl_tsv_close(&t);
    if (r != 0)
        return;
    cap = n = 0;
    if (dl_tsv_open_mem(&t, "data/headlines.tsv", (const char *)b2->data, b2->len,
                        "relation\tverb\tprep\tobject", NULL) != DL_OK)
        return;
    while ((r = dl_tsv_next(&t, c, l, 4, NULL)) > 0) {
        if (DL_GROW(V.rel, cap, n + 1) || dl_map_put(V.rels, c[0], l[0], (uint32_t)n))
            break;
        V.rel[n].verb = dup_cell(c[1], l[1]);
        V.rel[n].prep = dup_cell(c[2], l[2]);
        V.rel[n].obj = dup_cell(c[3], l[3]);
        n++;
    }
    dl_tsv_close(&t);
    V.ok = r == 0;
}

/* ---------------------------------------------------------------- headlines: words */

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* One syllable ending consonant-vowel-consonant ("ban", "stop"): the consonant doubles. */
static int doubles(const char *w, size_t n)
{
    if (n < 3 || is_vowel(w[n - 1]) || strchr("wxy", w[n - 1]) || !is_vowel(w[n - 2]) ||
        is_vowel(w[n - 3]))
        return 0;
    int groups = 0;
    for (size_t i = 0; i < n; i++)
        if (is_vowel(w[i]) && (i == 0 || !is_vowel(w[i - 1])))
            groups++;
    return groups == 1;
}

/* Appends the third person singular (third) or the past participle of verb w[0..n). */
static void inflect(dl_buf *b, const char *w, size_t n, int third)
{
    uint32_t i;
    if (V.ok && dl_map_get(V.forms, w, n, &i)) {
        const char *f = third ? V.form[i].third : V.form[i].part;
        if (f) {
            dl_buf_puts(b, f);
            return;
        }
    }
    char last = n ? w[n - 1] : 0, prev = n > 1 ? w[n - 2] : 0;
    if (third) {
        if (last == 'y' && prev && !is_vowel(prev)) {
            dl_buf_append(b, w, n - 1);
            dl_buf_puts(b, "ies");
        } else if (last == 's' || last == 'x' || last == 'z' || (last == 'o' && !is_vowel(prev)) ||
                   (last == 'h' && (prev == 'c' || prev == 's'))) {
            dl_buf_append(b, w, n);
            dl_buf_puts(b, "es");
        } else {
            dl_buf_append(b, w, n);
            dl_buf_putc(b, 's');
        }
        return;
    }
    if (last == 'e') {
        dl_buf_append(b, w, n);
        dl_buf_putc(b, 'd');
    } else if (last == 'y' && prev && !is_vowel(prev)) {
        dl_buf_append(b, w, n - 1);
        dl_buf_puts(b, "ied");
    } else {
        dl_buf_append(b, w, n);
        if (doubles(w, n))
            dl_buf_putc(b, last);
        dl_buf_puts(b, "ed");
    }
}

/* Appends the -ing form of verb w[0..n): "agreeing", "negotiating", "admitting", "dying". */
static void gerund(dl_buf *b, const char *w, size_t n)
{
    uint32_t i;
    char last = n ? w[n - 1] : 0, prev = n > 1 ? w[n - 2] : 0;
    if (V.ok && dl_map_get(V.forms, w, n, &i) && V.form[i].part) {
        /* A listed doubling ("admitted") doubles before -ing too. */
        const char *p = V.form[i].part;
        size_t pl = strlen(p);
        if (pl == n + 3 && !strncmp(p, w, n) && p[n] == last && !strcmp(p + n + 1, "ed")) {
            dl_buf_append(b, p, n + 1);
            dl_buf_puts(b, "ing");
            return;
        }
    }
    if (last == 'e' && prev == 'i') {
        dl_buf_append(b, w, n - 2);
        dl_buf_puts(b, "ying");
    } else if (last == 'e' && prev != 'e' && prev != 'o' && prev != 'y' && n > 2) {
        dl_buf_append(b, w, n - 1);
        dl_buf_puts(b, "ing");
    } else {
        dl_buf_append(b, w, n);
        if (doubles(w, n))
            dl_buf_putc(b, last);
        dl_buf_puts(b, "ing");
    }
}

/* A verb phrase ("hold talks") with its first word inflected (form: 0 base, 1 third, 2
 * participle, 3 gerund). */
static void verb_phrase(dl_buf *b, const char *vp, int form)
{
    size_t n = strcspn(vp, " ");
    if (form == 0)
        dl_buf_append(b, vp, n);
    else if (form == 3)
        gerund(b, vp, n);
    else
        inflect(b, vp, n, form == 1);
    dl_buf_puts(b, vp + n);
}

/* Does a subject take a plural verb? Countries, people and organisations never do
 * ("the United States accuses"); other names do when their last word is a plural noun
 * ("Russian forces attack"). */
static int plural_subject(const char *name, const char *type)
{
    if (!strcmp(type, "country") || !strcmp(type, "person") || !strcmp(type, "organization"))
        return 0;
    const char *last = strrchr(name, ' ');
    last = last ? last + 1 : name;
    char low[65];
    size_t n = strlen(last);
    if (n == 0 || n > 64)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(last[i] >= 'A' && last[i] <= 'Z' ? last[i] - 'A' + 'a' : last[i]);
    low[n] = 0;
    dl_lexentry e;
    return dl_lex_lookup(low, n, &e) && (e.pos & DL_POS_NOUN) && e.nlemma && strcmp(e.nlemma, low) != 0;
}

/* Is the relation a verb, or a phrase led by one ("come to power")? */
static int is_verb(const char *w)
{
    dl_lexentry e;
    return dl_lex_lookup(w, strcspn(w, " "), &e) && (e.pos & DL_POS_VERB);
}

/* Appends an object phrase cut to about 60 bytes at a word boundary. */
static void put_object(dl_buf *b, const char *o)
{
    size_t n = strlen(o);
    if (n <= 60) {
        dl_buf_puts(b, o);
        return;
    }
    size_t cut = 60;
    while (cut > 20 && o[cut] != ' ')
        cut--;
    dl_buf_append(b, o, cut);
    dl_buf_puts(b, "\xE2\x80\xA6");
}

char *dl_evrec_headline(const dl_evrec *r, char *out, size_t n)
{
    pthread_once(&V_once, load_verbs);
    const char *S = r->source, *T = r->target, *O = r->object, *rel = r->relation;
    const char *vp = NULL, *prep = NULL, *objpos = NULL;
    uint32_t i;
    if (V.ok && dl_map_get(V.rels, rel, strlen(rel), &i)) {
        vp = V.rel[i].verb ? V.rel[i].verb : rel;
        prep = V.rel[i].prep;
        objpos = V.rel[i].obj;
    } else if (rel[0] && is_verb(rel)) {
        vp = rel;
    }
    dl_buf b;
    dl_buf_init(&b);
    const char *mod = r->modality;
    if (!vp) {
        /* A relation that is no verb: a noun headline. */
        if (S[0] && T[0])
            dl_buf_printf(&b, "%s\xE2\x80\x93%s %s", S, T, rel);
        else if (S[0] || T[0])
            dl_buf_printf(&b, "%s %s", S[0] ? S : T, rel);
        else if (O[0]) {
            dl_buf_printf(&b, "%s of ", rel);
            put_object(&b, O);
        } else
            dl_buf_puts(&b, rel);
    } else if (S[0]) {
        int plural = plural_subject(S, r->source_type);
        dl_buf_printf(&b, "%s ", S);
        if (!strcmp(mod, "planned")) {
            dl_buf_puts(&b, "to ");
            verb_phrase(&b, vp, 0);
        } else if (!strcmp(mod, "negated")) {
            dl_buf_puts(&b, plural ? "do not " : "does not ");
            verb_phrase(&b, vp, 0);
        } else if (!strcmp(mod, "hypothetical")) {
            dl_buf_puts(&b, "may ");
            verb_phrase(&b, vp, 0);
        } else {
            verb_phrase(&b, vp, plural ? 0 : 1);
        }
        if (O[0] && objpos && !strcmp(objpos, "instead")) {
            dl_buf_putc(&b, ' ');
            put_object(&b, O);
        } else if (T[0]) {
            if (O[0] && objpos && !strcmp(objpos, "before")) {
                dl_buf_putc(&b, ' ');
                put_object(&b, O);
            }
            if (prep)
                dl_buf_printf(&b, " %s", prep);
            dl_buf_printf(&b, " %s", T);
            if (O[0] && objpos && strcmp(objpos, "before")) {
                dl_buf_printf(&b, " %s ", objpos);
                put_object(&b, O);
            }
        } else if (O[0]) {
            dl_buf_putc(&b, ' ');
            put_object(&b, O);
        }
    } else if (T[0] && prep) {
        /* "travel to X" has no patient to make a passive of: "Traveling to X". */
        verb_phrase(&b, vp, 3);
        dl_buf_printf(&b, " %s %s", prep, T);
    } else if (T[0] || O[0]) {
        /* Headline passive: "Kharkiv attacked", "Satellite launched". */
        if (T[0])
            dl_buf_puts(&b, T);
        else
            put_object(&b, O);
        if (!strcmp(mod, "planned"))
            dl_buf_puts(&b, " to be ");
        else if (!strcmp(mod, "negated"))
            dl_buf_puts(&b, " not ");
        else
            dl_buf_putc(&b, ' ');
        verb_phrase(&b, vp, 2);
    } else {
        dl_buf_puts(&b, rel);
    }
    const char *s = b.oom || !b.p ? "" : b.p;
    snprintf(out, n, "%s", s);
    if (out[0] >= 'a' && out[0] <= 'z')
        out[0] = (char)(out[0] - 'a' + 'A');
    dl_buf_free(&b);
    return out;
}

/* ---------------------------------------------------------------- HTML */

void dl_buf_xml(dl_buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': dl_buf_puts(b, "&amp;"); break;
        case '<': dl_buf_puts(b, "&lt;"); break;
        case '>': dl_buf_puts(b, "&gt;"); break;
        case '"': dl_buf_puts(b, "&quot;"); break;
        case '\'': dl_buf_puts(b, "&#39;"); break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                dl_buf_puts(b, "\xEF\xBF\xBD");
            else
                dl_buf_putc(b, (char)c);
        }
    }
}

/* The slide text: the evidence sentence, then where it comes from and how often it is
 * told. A link only for an http(s) URL. */
static const char *slide_text(const dl_evrec *r, dl_buf *b)
{
    dl_buf_clear(b);
    if (r->sentence[0]) {
        dl_buf_puts(b, "<p>");
        dl_buf_xml(b, r->sentence);
        dl_buf_puts(b, "</p>");
    }
    dl_buf_puts(b, "<p><small>");
    int link = !strncmp(r->url, "http://", 7) || !strncmp(r->url, "https://", 8);
    if (link) {
        dl_buf_puts(b, "<a href=\"");
        dl_buf_xml(b, r->url);
        dl_buf_puts(b, "\">");
    }
    dl_buf_xml(b, r->doc);
    if (link)
        dl_buf_puts(b, "</a>");
    if (r->dct[0])
        dl_buf_printf(b, ", %s", r->dct);
    if (r->mentions > 1 || r->ndocs > 1)
        dl_buf_printf(b, "; told %ld times in %zu document%s", r->mentions, r->ndocs,
                      r->ndocs == 1 ? "" : "s");
    dl_buf_puts(b, "</small></p>");
    return b->oom || !b->p ? "" : b->p;
}

static const char *html(dl_buf *b, const char *s)
{
    dl_buf_clear(b);
    dl_buf_xml(b, s);
    return b->oom || !b->p ? "" : b->p;
}

/* ---------------------------------------------------------------- TimelineJS CSV */

/* The group of events whose source is unknown. */
#define NO_SOURCE "(source unknown)"

static const char *const TL_COLUMNS[] = {
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background"};

static void num_cell(FILE *out, int *first, int v, dl_buf *scratch)
{
    char s[16] = "";
    if (v)
        snprintf(s, sizeof s, "%d", v);
    dl_csv_cell(out, first, s, 0, scratch);
}

dl_status dl_corpus_write_timelinejs_csv(dl_corpus *c, FILE *out, unsigned flags, dl_error *err)
{
    size_t n = dl_corpus_n_events(c);
    dl_buf scratch, text, tmp;
    dl_buf_init(&scratch);
    dl_buf_init(&text);
    dl_buf_init(&tmp);
    int first = 1;
    if (flags & DL_CSV_BOM)
        fputs("\xEF\xBB\xBF", out);
    for (size_t i = 0; i < DL_COUNT(TL_COLUMNS); i++)
        dl_csv_cell(out, &first, TL_COLUMNS[i], 1, &scratch);
    fputs("\r\n", out);
    for (size_t i = 0; i < n; i++) {
        const dl_evrec *r = dl_corpus_event(c, i);
        dl_when w;
        if (dl_evrec_when(r, &w))
            continue;
        char disp[200], head[512];
        dl_evrec_display_date(r, disp, sizeof disp);
        dl_evrec_headline(r, head, sizeof head);
        first = 1;
        num_cell(out, &first, w.y, &scratch);
        num_cell(out, &first, w.m, &scratch);
        num_cell(out, &first, w.d, &scratch);
        dl_csv_cell(out, &first, w.time, 0, &scratch);
        num_cell(out, &first, w.span ? w.ey : 0, &scratch);
        num_cell(out, &first, w.span ? w.em : 0, &scratch);
        num_cell(out, &first, w.span ? w.ed : 0, &scratch);
        dl_csv_cell(out, &first, "", 0, &scratch);
        dl_csv_cell(out, &first, disp, 1, &scratch);
        dl_csv_cell(out, &first, html(&tmp, head), 1, &scratch);
        dl_csv_cell(out, &first, slide_text(r, &text), 1, &scratch);
        for (int k = 0; k < 5; k++)   /* Media, Media Credit, Caption, Thumbnail, Type */
            dl_csv_cell(out, &first, "", 0, &scratch);
        dl_csv_cell(out, &first, html(&tmp, r->source[0] ? r->source : NO_SOURCE), 1, &scratch);
        dl_csv_cell(out, &first, "", 0, &scratch);
        fputs("\r\n", out);
    }
    int oom = scratch.oom || text.oom || tmp.oom;
    dl_buf_free(&scratch);
    dl_buf_free(&text);
    dl_buf_free(&tmp);
    if (oom)
        return dl_fail(err, DL_ENOMEM, "out of memory");
    if (ferror(out))
        return dl_fail(err, DL_EIO, "write error");
    return DL_OK;
}

/* ---------------------------------------------------------------- TimelineJS JSON */

static json_t *tl_date(int y, int m, int d, const char *time)
{
    json_t *o = json_object();
    char s[16];
    snprintf(s, sizeof s, "%d", y);
    json_object_set_new(o, "year", json_string(s));
    if (m) {
        snprintf(s, sizeof s, "%d", m);
        json_object_set_new(o, "month", json_string(s));
    }
    if (d) {
        snprintf(s, sizeof s, "%d", d);
        json_object_set_new(o, "day", json_string(s));
    }
    if (time && time[0]) {
        snprintf(s, sizeof s, "%.2s", time);
        json_object_set_new(o, "hour", json_string(s));
        snprintf(s, sizeof s, "%.2s", time + 3);
        json_object_set_new(o, "minute", json_string(s));
    }
    return o;
}

/* "e12-putin-north-korea-e3": unique by its number, readable by its event id. */
static void unique_id(char *out, size_t n, size_t i, const char *id)
{
    int k = snprintf(out, n, "e%zu-", i + 1);
    size_t j = k > 0 ? (size_t)k : 0;
    for (; *id && j + 1 < n && j < 80; id++) {
        char ch = *id;
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')))
            ch = '-';
        if (ch == '-' && out[j - 1] == '-')
            continue;
        out[j++] = ch;
    }
    out[j] = 0;
}

dl_status dl_corpus_write_timelinejs_json(dl_corpus *c, FILE *out, dl_error *err)
{
    size_t n = dl_corpus_n_events(c);
    json_t *root = json_object(), *events = json_array(), *title = json_object(),
           *ttext = json_object();
    dl_buf text, tmp;
    dl_buf_init(&text);
    dl_buf_init(&tmp);
    int bad = !root || !events || !title || !ttext;
    size_t shown = 0;
    for (size_t i = 0; i < n && !bad; i++) {
        const dl_evrec *r = dl_corpus_event(c, i);
        dl_when w;
        if (dl_evrec_when(r, &w))
            continue;
        char disp[200], head[512], uid[128];
        dl_evrec_display_date(r, disp, sizeof disp);
        dl_evrec_headline(r, head, sizeof head);
        unique_id(uid, sizeof uid, i, r->event_id);
        json_t *ev = json_object(), *tx = json_object();
        bad |= !ev || !tx;
        if (bad) {
            json_decref(ev);
            json_decref(tx);
            break;
        }
        json_object_set_new(ev, "start_date", tl_date(w.y, w.m, w.d, w.time));
        if (w.span)
            json_object_set_new(ev, "end_date", tl_date(w.ey, w.em, w.ed, NULL));
        json_object_set_new(ev, "display_date", json_string(disp));
        json_object_set_new(tx, "headline", json_string(html(&tmp, head)));
        json_object_set_new(tx, "text", json_string(slide_text(r, &text)));
        json_object_set_new(ev, "text", tx);
        /* TimelineJS lays out a mix of grouped and ungrouped events badly: an event
         * without a source goes in a group of its own name. */
        json_object_set_new(ev, "group", json_string(html(&tmp, r->source[0] ? r->source : NO_SOURCE)));
        json_object_set_new(ev, "unique_id", json_string(uid));
        bad |= json_array_append_new(events, ev) != 0;
        shown++;
    }
    if (!bad) {
        char sub[128];
        size_t docs = dl_corpus_n_docs(c);
        snprintf(sub, sizeof sub, "%zu event%s from %zu document%s", shown, shown == 1 ? "" : "s",
                 docs, docs == 1 ? "" : "s");
        json_object_set_new(ttext, "headline", json_string("Timeline"));
        json_object_set_new(ttext, "text", json_string(sub));
        json_object_set_new(title, "text", ttext);
        ttext = NULL;
        json_object_set_new(root, "title", title);
        title = NULL;
        json_object_set_new(root, "events", events);
        events = NULL;
    }
    bad |= text.oom || tmp.oom;
    dl_status st = DL_OK;
    if (bad)
        st = dl_fail(err, DL_ENOMEM, "out of memory");
    /* JSON_ESCAPE_SLASH: "</script>" in a text cannot close a page's script element. */
    else if (json_dumpf(root, out, JSON_INDENT(1) | JSON_ESCAPE_SLASH) != 0 || fputc('\n', out) == EOF ||
             ferror(out))
        st = dl_fail(err, DL_EIO, "write error");
    json_decref(root);
    json_decref(events);
    json_decref(title);
    json_decref(ttext);
    dl_buf_free(&text);
    dl_buf_free(&tmp);
    return st;
}
