// variable-length arrays: local VLAs sized at run time (also 2-D and 3-D with run-time inner dimensions), sizeof of VLAs and VLA types, VLA parameters (also `double a[n][n]`), VLAs in loops (storage released each iteration), goto out of a VLA scope
#include <stdio.h>
#include <string.h>

static long sum(int n, int a[n]) {
    long s = 0;
    for (int i = 0; i < n; i++) s += a[i];
    return s;
}

static void fill(int n, double v[static n]) {
    for (int i = 0; i < n; i++) v[i] = i * 0.5;
}

static int histogram(const char *s) {
    int n = (int)strlen(s);
    char seen[n + 1];
    memset(seen, 0, sizeof seen);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
        int dup = 0;
        for (int j = 0; j < distinct; j++) if (seen[j] == s[i]) dup = 1;
        if (!dup) seen[distinct++] = s[i];
    }
    printf("'%s': %d distinct of %d, sizeof seen = %zu, first = %s\n", s, distinct, n, sizeof seen, seen);
    return distinct;
}

static double trace(int n, double a[n][n]) {
    double t = 0;
    for (int i = 0; i < n; i++) t += a[i][i];
    return t;
}

static void fill_grid(int n, int m, int g[n][m]) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++) g[i][j] = i * m + j;
}

static long grid_total(int n, int m, int g[n][m]) {
    long s = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++) s += g[i][j];
    return s + (long)sizeof g[0];
}

static void grid_params(void) {
    double a[3][3] = { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } };
    printf("trace %.1f\n", trace(3, a));
    int g[4][5];
    fill_grid(4, 5, g);
    printf("g[3][4]=%d total=%ld\n", g[3][4], grid_total(4, 5, g));
    int r = 2, c = 7;
    int h[r][c];
    fill_grid(r, c, h);
    printf("h[1][6]=%d total=%ld\n", h[1][6], grid_total(r, c, h));
}

static void grids(void) {
    for (int n = 1; n <= 3; n++) {
        int m = n + 2;
        int g[n][m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                g[i][j] = i * 10 + j;
        long sum = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) sum += g[i][j];
        printf("n=%d m=%d sizeof g=%zu sizeof g[0]=%zu sum=%ld last=%d\n", n, m, sizeof g, sizeof g[0], sum, g[n - 1][m - 1]);
        double cube[2][n][3];
        cube[1][n - 1][2] = 1.5;
        printf("cube %zu %.1f\n", sizeof cube, cube[1][n - 1][2]);
        int *row = g[n - 1];
        printf("row[0]=%d sizeof(int[n][m])=%zu\n", row[0], sizeof(int[n][m]));
    }
}

int main(void) {
    grids();
    grid_params();
    for (int n = 1; n <= 5; n++) {
        int a[n];
        for (int i = 0; i < n; i++) a[i] = (i + 1) * n;
        printf("n=%d sizeof=%zu sum=%ld last=%d\n", n, sizeof a, sum(n, a), a[n - 1]);
    }
    int m = 7;
    double v[m];
    fill(m, v);
    printf("v[6]=%.1f sizeof v=%zu elems=%zu\n", v[6], sizeof v, sizeof v / sizeof v[0]);
    histogram("mississippi");
    histogram("abc");
    long total = 0;
    for (int k = 0; k < 200000; k++) {
        int big[64 + k % 7];
        big[0] = k;
        big[63] = 1;
        total += big[0] + big[63];
    }
    printf("total=%ld\n", total);
    int i = 0;
again:
    {
        int w[i + 1];
        w[i] = i;
        if (i < 3) { i++; goto again; }
        printf("w[%d]=%d\n", i, w[i]);
    }
    return 0;
}
