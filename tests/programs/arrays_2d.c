/* Tests two-dimensional arrays: layout, sizeof, row pointers, initialization and transposition. */
#include <stdio.h>

#define R 3
#define C 5

int main(void) {
    int a[R][C];
    for (int i = 0; i < R; i++)
        for (int j = 0; j < C; j++) a[i][j] = i * C + j;
    printf("sizeof a=%zu sizeof a[0]=%zu sizeof a[0][0]=%zu\n", sizeof a, sizeof a[0], sizeof a[0][0]);
    printf("rows=%zu cols=%zu\n", sizeof a / sizeof a[0], sizeof a[0] / sizeof a[0][0]);
    int t[C][R];
    for (int i = 0; i < R; i++)
        for (int j = 0; j < C; j++) t[j][i] = a[i][j];
    for (int j = 0; j < C; j++) {
        for (int i = 0; i < R; i++) printf("%3d", t[j][i]);
        printf("\n");
    }
    int b[2][3] = {{1, 2, 3}, {4, 5, 6}};
    int c[2][3] = {{1, 2, 3}, {4}};
    int d[][2] = {{1}, {2, 3}, {4}};
    printf("c: %d %d %d %d %d %d\n", c[0][0], c[0][1], c[0][2], c[1][0], c[1][1], c[1][2]);
    printf("d rows=%zu d[1][1]=%d d[2][1]=%d\n", sizeof d / sizeof d[0], d[1][1], d[2][1]);
    int sum = 0;
    for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) sum += b[i][j] * c[i][j];
    printf("dot=%d\n", sum);
    /* row as array */
    int *row1 = b[1];
    printf("row1: %d %d %d\n", row1[0], row1[1], row1[2]);
    /* char grid */
    char grid[4][6] = {"#....", ".#...", "..#..", "...#."};
    for (int i = 0; i < 4; i++) printf("%s\n", grid[i]);
    grid[0][0] = '@';
    grid[3][4] = '$';
    for (int i = 0; i < 4; i++) puts(grid[i]);
    /* game of life step on small grid */
    int g[6][6] = {{0}};
    g[1][2] = g[2][3] = g[3][1] = g[3][2] = g[3][3] = 1;
    for (int gen = 0; gen < 4; gen++) {
        int ng[6][6];
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++) {
                int n = 0;
                for (int di = -1; di <= 1; di++)
                    for (int dj = -1; dj <= 1; dj++) {
                        if (!di && !dj) continue;
                        int ni = (i + di + 6) % 6, nj = (j + dj + 6) % 6;
                        n += g[ni][nj];
                    }
                ng[i][j] = g[i][j] ? (n == 2 || n == 3) : (n == 3);
            }
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++) g[i][j] = ng[i][j];
    }
    for (int i = 0; i < 6; i++) {
        for (int j = 0; j < 6; j++) putchar(g[i][j] ? '*' : '.');
        putchar('\n');
    }
    /* double 2D with pointer arithmetic on rows */
    double m[2][2] = {{1.5, 2.5}, {3.5, 4.5}};
    double (*pr)[2] = m + 1;
    printf("pr[0][1]=%.1f\n", pr[0][1]);
    return 0;
}
