// Pointers to variable-length arrays (int (*p)[n], int (*p)[n][m]), block-scope VLA typedefs, typeof(int[n]), casts to such pointers, and pointer-to-VLA parameters.
#include <stdio.h>
#include <stdlib.h>

static int sum(int n, int m, int (*a)[m]) {
    int s = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            s += a[i][j] * (i + 1);
    return s;
}

static long cube_sum(int n, int m, int k, int (*c)[m][k]) {
    long s = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            for (int l = 0; l < k; l++)
                s += c[i][j][l];
    return s + (long)sizeof *c + (long)sizeof c[0][0];
}

static void fill(int rows, int cols, double (*m)[cols]) {
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++)
            m[i][j] = i * 0.5 + j;
}

static int row_size(int n) {
    typedef int row[n];
    n += 100; /* the typedef keeps the length it had */
    row r;
    return (int)(sizeof(row) + sizeof r);
}

int main(void) {
    int n = 3, m = 4;
    int (*p)[n] = malloc(sizeof *p * m);
    for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++)
            p[i][j] = i * 10 + j;
    printf("%zu %d %d\n", sizeof *p, p[2][1], p[3][2]);

    typedef int row[n];
    row *q = p;
    printf("%zu %d\n", sizeof(row), q[1][2]);
    row r;
    for (int j = 0; j < n; j++)
        r[j] = j * j;
    printf("%zu %d\n", sizeof r, r[2]);

    int (*c)[n][m] = malloc(sizeof *c * 2);
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                c[k][i][j] = k * 100 + i * 10 + j;
    printf("%zu %zu %d %d\n", sizeof *c, sizeof c[1][2], c[1][2][3], c[0][1][2]);
    printf("%ld\n", cube_sum(2, n, m, c));

    int (*d)[m] = (int (*)[m])malloc(sizeof(int[m]) * n);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            d[i][j] = i + j;
    printf("%d\n", sum(n, m, d));
    int (*e)[m] = d + 1;
    printf("%d %td %td\n", e[0][0], e - d, &d[2] - e);
    e++;
    printf("%d %d\n", (*e)[3], e[-1][1]);
    int (*f)[m] = e--;
    printf("%td", f - e);
    printf(" %d\n", (*e--)[0]);
    e += 2;
    printf("%d", (*e)[0]);
    e -= 1;
    printf(" %d", (*e)[0]);
    printf(" %d", (*++e)[1]);
    printf(" %d\n", (*--e)[1]);

    n = 10; /* the types keep the lengths they had */
    printf("%zu %zu\n", sizeof *p, sizeof(row));

    for (int w = 1; w <= 4; w++) {
        double (*g)[w + 1] = malloc(sizeof(double[w][w + 1]));
        fill(w, w + 1, g);
        double t = 0;
        for (int i = 0; i < w; i++)
            for (int j = 0; j <= w; j++)
                t += g[i][j];
        printf("w=%d %zu %.1f\n", w, sizeof g[0], t);
        free(g);
    }
    printf("%d %d\n", row_size(2), row_size(7));
    int k = 4;
    __typeof__(int[k]) t;
    __typeof__(double[k][k + 1]) *tm = 0;
    for (int i = 0; i < k; i++)
        t[i] = i * 5;
    k = 1;
    printf("%zu %d %zu %zu\n", sizeof t, t[3], sizeof *tm, sizeof(__typeof__(char[k + 2])));
    free(p);
    free(c);
    free(d);
    return 0;
}
