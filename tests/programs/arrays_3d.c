/* Tests three-dimensional arrays, partial initialization and indexing via pointers to 2D arrays. */
#include <stdio.h>

int main(void) {
    int a[2][3][4];
    int n = 0;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 4; k++) a[i][j][k] = n++;
    printf("sizeof a=%zu a[0]=%zu a[0][0]=%zu\n", sizeof a, sizeof a[0], sizeof a[0][0]);
    printf("a[1][2][3]=%d a[1][0][2]=%d\n", a[1][2][3], a[1][0][2]);
    int (*p)[3][4] = a;
    printf("p[1][1][1]=%d\n", p[1][1][1]);
    int (*q)[4] = a[1];
    printf("q[2][0]=%d\n", q[2][0]);
    int *r = a[0][2];
    printf("r[3]=%d\n", r[3]);
    int b[2][2][2] = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
    int c[2][2][2] = {{{1, 2}, {3}}};
    int d[][2][3] = {{{1}, {2, 3}}, {{4, 5, 6}}};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            for (int k = 0; k < 2; k++)
                printf("b%d%d%d=%d c=%d\n", i, j, k, b[i][j][k], c[i][j][k]);
    printf("d count=%zu\n", sizeof d / sizeof d[0]);
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < 3; k++) printf("%d ", d[i][j][k]);
            printf("| ");
        }
    printf("\n");
    /* 3D sums over each axis */
    int s0 = 0, s1 = 0, s2 = 0;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 4; k++) {
                if (i == 1) s0 += a[i][j][k];
                if (j == 2) s1 += a[i][j][k];
                if (k == 3) s2 += a[i][j][k];
            }
    printf("s0=%d s1=%d s2=%d\n", s0, s1, s2);
    char names[2][3][8] = {{"ab", "cde", "f"}, {"ghij", "", "klmnopq"}};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++) printf("[%s]", names[i][j]);
    printf("\n");
    static double cube[3][3][3];
    for (int i = 0; i < 3; i++) cube[i][i][i] = i + 0.5;
    double tr = 0;
    for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) tr += cube[i][j][k];
    printf("tr=%.2f\n", tr);
    return 0;
}
