/* Benchmark-like kernel: dense double matrix multiply, transpose, Gaussian elimination determinant and inverse check. */
#include <stdio.h>
#include <math.h>

#define N 220

static double A[N][N], B[N][N], C[N][N];

static void matmul(double (*a)[N], double (*b)[N], double (*c)[N]) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            double s = 0;
            for (int k = 0; k < N; k++) s += a[i][k] * b[k][j];
            c[i][j] = s;
        }
}

static double det(double m[4][4]) {
    double t[4][4];
    for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) t[i][j] = m[i][j];
    double d = 1;
    for (int c = 0; c < 4; c++) {
        int piv = c;
        for (int r = c + 1; r < 4; r++) if (fabs(t[r][c]) > fabs(t[piv][c])) piv = r;
        if (t[piv][c] == 0) return 0;
        if (piv != c) { for (int k = 0; k < 4; k++) { double x = t[c][k]; t[c][k] = t[piv][k]; t[piv][k] = x; } d = -d; }
        d *= t[c][c];
        for (int r = c + 1; r < 4; r++) {
            double f = t[r][c] / t[c][c];
            for (int k = c; k < 4; k++) t[r][k] -= f * t[c][k];
        }
    }
    return d;
}

int main(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            A[i][j] = ((i * 7 + j * 3) % 11) / 10.0;
            B[i][j] = ((i * 5 + j * 13) % 17) / 16.0 - 0.5;
        }
    matmul(A, B, C);
    double trace = 0, sum = 0;
    for (int i = 0; i < N; i++) { trace += C[i][i]; for (int j = 0; j < N; j++) sum += C[i][j]; }
    printf("trace=%.6f sum=%.6f C[3][7]=%.6f C[N-1][0]=%.6f\n", trace, sum, C[3][7], C[N - 1][0]);
    /* (AB)^T == B^T A^T check */
    static double At[N][N], Bt[N][N], D[N][N];
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { At[i][j] = A[j][i]; Bt[i][j] = B[j][i]; }
    matmul(Bt, At, D);
    double maxdiff = 0;
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { double dd = fabs(D[i][j] - C[j][i]); if (dd > maxdiff) maxdiff = dd; }
    printf("transpose identity maxdiff<1e-9: %d\n", maxdiff < 1e-9);
    double m4[4][4] = {{2, -1, 0, 3}, {1, 3, 2, -2}, {0, 1, 4, 1}, {5, 0, -1, 2}};
    printf("det=%.6f\n", det(m4));
    double id[4][4] = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    printf("det(I)=%.1f\n", det(id));
    double sing[4][4] = {{1, 2, 3, 4}, {2, 4, 6, 8}, {0, 1, 0, 1}, {1, 1, 1, 1}};
    printf("det(singular)=%.6f\n", fabs(det(sing)));
    /* integer matrix power: Fibonacci via 2x2 */
    long long f[2][2] = {{1, 1}, {1, 0}}, r[2][2] = {{1, 0}, {0, 1}};
    int e = 80;
    while (e) {
        long long t[2][2];
        if (e & 1) {
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) t[i][j] = r[i][0] * f[0][j] + r[i][1] * f[1][j];
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) r[i][j] = t[i][j];
        }
        e >>= 1;
        if (!e) break;
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) t[i][j] = f[i][0] * f[0][j] + f[i][1] * f[1][j];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) f[i][j] = t[i][j];
    }
    printf("fib(80)=%lld\n", r[0][1]);
    return 0;
}
