/*
 * check_fuzz_seeds.c - runs every input of the fuzz seed corpus (tests/fuzz-seeds/, which
 * also holds the inputs of crashes the fuzzer found) and every end-to-end case text
 * (the texts of tests/cases) through the fuzz target's checks (tests/fuzz_dateline.c), without
 * clang: under `make test`, `make sanitize` and `make memcheck` alike.
 */
#include <dirent.h>
#include <sys/stat.h>

#include "testutil.h"
#include "fuzz_dateline.c"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, r;
    do {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            char *nb = realloc(buf, cap);
            ck_assert_ptr_nonnull(nb);
            buf = nb;
        }
        r = fread(buf + n, 1, cap - n, f);
        n += r;
    } while (r > 0);
    fclose(f);
    *len = n;
    return buf;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every regular file of dir (whose name ends with suffix, when given). */
static size_t run_dir(const char *dir, const char *suffix)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return 0;
    char *names[4096];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(dp)) && n < DL_COUNT(names)) {
        size_t l = strlen(de->d_name), sl = suffix ? strlen(suffix) : 0;
        if (de->d_name[0] == '.' || (suffix && (l < sl || strcmp(de->d_name + l - sl, suffix))))
            continue;
        names[n++] = strdup(de->d_name);
    }
    closedir(dp);
    qsort(names, n, sizeof *names, cmp_names);
    size_t ran = 0;
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            size_t len = 0;
            char *data = slurp(path, &len);
            ck_assert_msg(data != NULL, "cannot read %s", path);
            fz_current = path;
            LLVMFuzzerTestOneInput((const uint8_t *)data, len);
            free(data);
            ran++;
        }
        free(names[i]);
    }
    return ran;
}

START_TEST(test_seed_corpus)
{
    size_t n = run_dir("tests/fuzz-seeds", NULL);
    ck_assert_msg(n >= 20, "only %zu seeds in tests/fuzz-seeds (run from the project root)", n);
    fz_cleanup();
}
END_TEST

START_TEST(test_case_texts)
{
    run_dir("tests/cases", ".txt");
    run_dir("data/samples", ".txt");
    fz_cleanup();
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("fuzz-seeds");
    TCase *tc = tcase_create("seeds");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_seed_corpus);
    tcase_add_test(tc, test_case_texts);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
