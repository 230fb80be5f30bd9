/* check_memory.c - the memory helpers: the hash map, buffers, number formatting. */
#include <math.h>

#include "testutil.h"

/* Keys of every length up to a few words: the hash reads eight bytes at a time and the
 * tail in overlapping pieces, so keys that differ in one byte anywhere must not collide. */
START_TEST(test_map_keys)
{
    dl_map *m = dl_map_new();
    char key[40];
    uint32_t n = 0;
    for (size_t len = 0; len < sizeof key; len++)
        for (size_t pos = 0; pos < (len ? len : 1); pos++) {
            memset(key, 'a', sizeof key);
            if (len)
                key[pos] = 'b';
            ck_assert_int_eq(dl_map_put(m, key, len, n), 0);
            n++;
        }
    ck_assert_uint_eq(dl_map_count(m), n);
    n = 0;
    for (size_t len = 0; len < sizeof key; len++)
        for (size_t pos = 0; pos < (len ? len : 1); pos++) {
            memset(key, 'a', sizeof key);
            if (len)
                key[pos] = 'b';
            uint32_t v;
            ck_assert(dl_map_get(m, key, len, &v));
            ck_assert_uint_eq(v, n);
            n++;
        }
    dl_map_free(m);
}
END_TEST

/* dl_format_tenths writes what printf's "%.1f" writes, quickly or not. */
START_TEST(test_tenths)
{
    static const double v[] = {0, -0.0, 3.4, -3.4, 10, -10, 0.05, 0.15, 0.25, -0.04, 1e-9, 2.45,
                               7.0000001, 123456.7, -99999999.9, 1e300, -1e300, 0.1 + 0.2};
    char a[400], b[400];
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        size_t n = dl_format_tenths(a, sizeof a, v[i]);
        snprintf(b, sizeof b, "%.1f", v[i]);
        ck_assert_str_eq(a, b);
        ck_assert_uint_eq(n, strlen(a));
    }
    for (int k = -2000; k <= 2000; k++) {
        double x = k / 10.0;
        dl_format_tenths(a, sizeof a, x);
        snprintf(b, sizeof b, "%.1f", x);
        ck_assert_str_eq(a, b);
        x = k / 100.0;
        dl_format_tenths(a, sizeof a, x);
        snprintf(b, sizeof b, "%.1f", x);
        ck_assert_str_eq(a, b);
    }
    ck_assert_uint_eq(dl_format_tenths(a, 4, 12.5), 3);   /* cut like snprintf */
}
END_TEST

/* Appends past the first allocation keep the buffer NUL-terminated and whole. */
START_TEST(test_buf)
{
    dl_buf b;
    dl_buf_init(&b);
    for (int i = 0; i < 1000; i++) {
        dl_buf_putc(&b, (char)('a' + i % 26));
        dl_buf_append(&b, "xy", 2);
    }
    ck_assert_uint_eq(b.len, 3000);
    ck_assert_uint_eq(strlen(b.p), 3000);
    ck_assert(!memcmp(b.p, "axybxy", 6));
    dl_buf_clear(&b);
    dl_buf_puts(&b, "done");
    ck_assert_str_eq(b.p, "done");
    dl_buf_free(&b);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("memory");
    TCase *tc = tcase_create("memory");
    tcase_add_test(tc, test_map_keys);
    tcase_add_test(tc, test_tenths);
    tcase_add_test(tc, test_buf);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
