/* Tests passing multi-dimensional arrays to functions: int (*p)[4], int m[][4], 3D params, returning row pointers. */
#include <stdio.h>

#define COLS 4

static int sum2d(int rows, int m[][COLS]) {
    int s = 0;
    for (int i = 0; i < rows; i++) for (int j = 0; j < COLS; j++) s += m[i][j];
    return s;
}
static void scale2d(int (*m)[COLS], int rows, int k) {
    for (int i = 0; i < rows; i++) for (int j = 0; j < COLS; j++) m[i][j] *= k;
}
static int *row_ptr(int (*m)[COLS], int r) { return m[r]; }
static int (*next_row(int (*m)[COLS]))[COLS] { return m + 1; }
static int trace3(int t[][3][3], int n) {
    int s = 0;
    for (int k = 0; k < n; k++) for (int i = 0; i < 3; i++) s += t[k][i][i];
    return s;
}
static void fill(int rows, int m[3][COLS]) {  /* sized parameter array, adjusted to int (*)[COLS] */
    for (int i = 0; i < rows; i++) for (int j = 0; j < COLS; j++) m[i][j] = i * 10 + j;
}
static double avg_row(const double row[], int n) { double s = 0; for (int i = 0; i < n; i++) s += row[i]; return s / n; }
static void print_mat(const char *label, int (*m)[COLS], int rows) {
    printf("%s:\n", label);
    for (int i = 0; i < rows; i++) {
        for (int j = 0; j < COLS; j++) printf("%4d", m[i][j]);
        printf("\n");
    }
}

int main(void) {
    int m[3][COLS] = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
    printf("sum=%d\n", sum2d(3, m));
    printf("sum of last two rows=%d\n", sum2d(2, m + 1));
    scale2d(m, 3, 2);
    print_mat("scaled", m, 3);
    int *r = row_ptr(m, 2);
    printf("row2: %d %d %d %d\n", r[0], r[1], r[2], r[3]);
    int (*nr)[COLS] = next_row(m);
    printf("next_row[0][0]=%d next_row[1][3]=%d\n", nr[0][0], nr[1][3]);
    int t[2][3][3] = {{{1, 0, 0}, {0, 2, 0}, {0, 0, 3}}, {{4, 1, 1}, {1, 5, 1}, {1, 1, 6}}};
    printf("trace3=%d\n", trace3(t, 2));
    int f[3][COLS];
    fill(3, f);
    print_mat("filled", f, 3);
    double dm[2][3] = {{1, 2, 3}, {10, 20, 40}};
    for (int i = 0; i < 2; i++) printf("avg row %d = %.3f\n", i, avg_row(dm[i], 3));
    printf("sizeof m[0] inside main=%zu\n", sizeof m[0]);
    return 0;
}
