/*
 * run_cases.c - runs the end-to-end cases of tests/cases/.
 *
 *   run_cases ./dateline tests/cases
 *
 * A case is NAME.txt (the input), NAME.expect (what the outputs must hold) and, when the
 * run needs options, NAME.args (one line of options, e.g. "--dct 2024-06-17").
 * Each line of NAME.expect is one expectation, its fields separated by tabs:
 *
 *   csv     col=value  col=value ...   some timeline row has all these values
 *   !csv    col=value ...              no timeline row has all these values
 *   timex   col=value ...              the same for the --timex-tsv rows
 *   !timex  col=value ...
 *   actors  col=value ...              the same for the --actors-csv rows
 *   !actors col=value ...
 *   dot     TEXT                       the DOT file contains TEXT
 *   rows    csv N                      the timeline has exactly N rows
 *
 * A value may end with '*' to match as a prefix. Lines starting with '#' are comments.
 * Prints one line per failed expectation and a closing "N passed, N failed" line.
 */
#include <csv.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct table {
    char ***rows;     /* rows[0] is the header */
    int *ncols;
    int nrows;
} table;

typedef struct reader {
    table *t;
    char **cur;
    int ncur;
} reader;

static void on_field(void *s, size_t n, void *data)
{
    reader *r = data;
    r->cur = realloc(r->cur, (size_t)(r->ncur + 1) * sizeof(char *));
    r->cur[r->ncur] = strndup(s ? s : "", n);
    r->ncur++;
}

static void on_row(int c, void *data)
{
    (void)c;
    reader *r = data;
    table *t = r->t;
    t->rows = realloc(t->rows, (size_t)(t->nrows + 1) * sizeof(char **));
    t->ncols = realloc(t->ncols, (size_t)(t->nrows + 1) * sizeof(int));
    t->rows[t->nrows] = r->cur;
    t->ncols[t->nrows] = r->ncur;
    t->nrows++;
    r->cur = NULL;
    r->ncur = 0;
}

static int read_table(const char *path, unsigned char delim, table *t)
{
    memset(t, 0, sizeof *t);
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    struct csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    csv_set_delim(&p, delim);
    if (delim == '\t')
        csv_set_quote(&p, '\0');
    reader r = {.t = t};
    char buf[65536];
    size_t n;
    int rc = 0;
    int first = 1;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        char *b = buf;
        if (first && n >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
            b += 3;
            n -= 3;
        }
        first = 0;
        if (csv_parse(&p, b, n, on_field, on_row, &r) != n) {
            fprintf(stderr, "%s: %s\n", path, csv_strerror(csv_error(&p)));
            rc = -1;
            break;
        }
    }
    if (!rc && csv_fini(&p, on_field, on_row, &r) != 0) {
        fprintf(stderr, "%s: %s\n", path, csv_strerror(csv_error(&p)));
        rc = -1;
    }
    csv_free(&p);
    fclose(f);
    return rc;
}

static void free_table(table *t)
{
    for (int i = 0; i < t->nrows; i++) {
        for (int j = 0; j < t->ncols[i]; j++)
            free(t->rows[i][j]);
        free(t->rows[i]);
    }
    free(t->rows);
    free(t->ncols);
}

static int col_index(const table *t, const char *name)
{
    if (t->nrows == 0)
        return -1;
    for (int j = 0; j < t->ncols[0]; j++)
        if (!strcmp(t->rows[0][j], name))
            return j;
    return -1;
}

static int value_matches(const char *have, const char *want)
{
    size_t n = strlen(want);
    if (n && want[n - 1] == '*')
        return strncmp(have, want, n - 1) == 0;
    return strcmp(have, want) == 0;
}

/* Does some row match all conditions ("col=value")? -1 when a column is unknown. */
static int any_row(const table *t, char **cond, int ncond, char *msg, size_t msglen)
{
    int idx[32];
    for (int c = 0; c < ncond && c < 32; c++) {
        char *eq = strchr(cond[c], '=');
        if (!eq) {
            snprintf(msg, msglen, "malformed condition '%s'", cond[c]);
            return -1;
        }
        *eq = 0;
        idx[c] = col_index(t, cond[c]);
        *eq = '=';
        if (idx[c] < 0) {
            snprintf(msg, msglen, "no column '%.*s'", (int)(eq - cond[c]), cond[c]);
            return -1;
        }
    }
    for (int i = 1; i < t->nrows; i++) {
        int ok = 1;
        for (int c = 0; c < ncond && ok; c++)
            ok = idx[c] < t->ncols[i] && value_matches(t->rows[i][idx[c]], strchr(cond[c], '=') + 1);
        if (ok)
            return 1;
    }
    return 0;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s)
        s[n] = 0;
    fclose(f);
    return s;
}

static int run_case(const char *prog, const char *dir, const char *name, int *passed, int *failed)
{
    char path[4096], cmd[16384], args[2048] = "";
    snprintf(path, sizeof path, "%s/%s.args", dir, name);
    FILE *af = fopen(path, "r");
    if (af) {
        if (!fgets(args, sizeof args, af))
            args[0] = 0;
        args[strcspn(args, "\r\n")] = 0;
        fclose(af);
    }
    char tmp[] = "/tmp/dateline-case-XXXXXX";
    if (!mkdtemp(tmp))
        return -1;
    snprintf(cmd, sizeof cmd,
             "%s -q %s --csv %s/t.csv --timex-tsv %s/t.tsv --actors-csv %s/a.csv --dot %s/g.dot "
             "'%s/%s.txt' 2>%s/err",
             prog, args, tmp, tmp, tmp, tmp, dir, name, tmp);
    int rc = system(cmd);
    table csv = {0}, tsv = {0}, act = {0};
    char p[4200];
    snprintf(p, sizeof p, "%s/t.csv", tmp);
    int bad = rc != 0 || read_table(p, ',', &csv);
    snprintf(p, sizeof p, "%s/t.tsv", tmp);
    bad |= read_table(p, '\t', &tsv);
    snprintf(p, sizeof p, "%s/a.csv", tmp);
    bad |= read_table(p, ',', &act);
    snprintf(p, sizeof p, "%s/g.dot", tmp);
    char *dot = slurp(p);
    if (bad || !dot) {
        printf("FAIL %s: the run failed (exit %d): %s\n", name, rc, cmd);
        (*failed)++;
    } else {
        snprintf(path, sizeof path, "%s/%s.expect", dir, name);
        FILE *ef = fopen(path, "r");
        char line[4096];
        int lineno = 0;
        while (ef && fgets(line, sizeof line, ef)) {
            lineno++;
            line[strcspn(line, "\r\n")] = 0;
            if (!line[0] || line[0] == '#')
                continue;
            char *f[33];
            int nf = 0;
            for (char *s = strtok(line, "\t"); s && nf < 33; s = strtok(NULL, "\t"))
                f[nf++] = s;
            char msg[256] = "";
            int ok;
            const char *kind = f[0];
            int neg = kind[0] == '!';
            if (neg)
                kind++;
            if (!strcmp(kind, "dot")) {
                ok = nf > 1 && strstr(dot, f[1]) != NULL;
            } else if (!strcmp(kind, "rows")) {
                ok = nf > 2 && csv.nrows - 1 == atoi(f[2]);
                snprintf(msg, sizeof msg, "has %d rows", csv.nrows - 1);
            } else {
                table *t = !strcmp(kind, "csv") ? &csv : !strcmp(kind, "timex") ? &tsv
                         : !strcmp(kind, "actors") ? &act : NULL;
                if (!t) {
                    snprintf(msg, sizeof msg, "unknown kind '%s'", kind);
                    ok = -1;
                } else {
                    ok = any_row(t, f + 1, nf - 1, msg, sizeof msg);
                }
            }
            if (ok >= 0 && neg)
                ok = !ok;
            if (ok == 1) {
                (*passed)++;
            } else {
                (*failed)++;
                printf("FAIL %s.expect:%d:", name, lineno);
                for (int i = 0; i < nf; i++)
                    printf(" %s", f[i]);
                printf("%s%s\n", msg[0] ? " -- " : "", msg);
            }
        }
        if (!ef) {
            printf("FAIL %s: no %s\n", name, path);
            (*failed)++;
        } else {
            fclose(ef);
        }
    }
    free(dot);
    free_table(&csv);
    free_table(&tsv);
    free_table(&act);
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmp);
    if (system(cmd) != 0)
        return -1;
    return 0;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: run_cases PROGRAM CASE_DIR\n");
        return 2;
    }
    DIR *d = opendir(argv[2]);
    if (!d) {
        perror(argv[2]);
        return 2;
    }
    char *names[4096];
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n < 4096) {
        size_t l = strlen(de->d_name);
        if (l > 4 && !strcmp(de->d_name + l - 4, ".txt"))
            names[n++] = strndup(de->d_name, l - 4);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp);
    int passed = 0, failed = 0;
    for (int i = 0; i < n; i++) {
        if (run_case(argv[1], argv[2], names[i], &passed, &failed))
            failed++;
        free(names[i]);
    }
    printf("cases: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
