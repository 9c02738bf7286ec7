// bench: spectral norm of an infinite matrix cut to N x N (doubles, nested loops, a small
// function called N^2 times per product); the hot work is in functions.
// Usage: spectral [N]
#ifndef SIZE
#define SIZE 2000 // the default size; tests/programs/bench_spectral.c uses a smaller one
#endif
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

// The matrix entry (i, j), counting from 0: 1 / (position of (i, j) on the diagonals).
static double entry(int i, int j) {
  int d = i + j;
  return 1.0 / (d * (d + 1) / 2 + i + 1);
}

// out = A v
static void times(int n, const double *v, double *out) {
  for (int i = 0; i < n; i++) {
    double s = 0.0;
    for (int j = 0; j < n; j++)
      s += entry(i, j) * v[j];
    out[i] = s;
  }
}

// out = A^T v
static void times_transposed(int n, const double *v, double *out) {
  for (int i = 0; i < n; i++) {
    double s = 0.0;
    for (int j = 0; j < n; j++)
      s += entry(j, i) * v[j];
    out[i] = s;
  }
}

// out = A^T A v, with tmp as scratch
static void times_ata(int n, const double *v, double *out, double *tmp) {
  times(n, v, tmp);
  times_transposed(n, tmp, out);
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : SIZE;
  double *u = malloc(n * sizeof *u), *v = malloc(n * sizeof *v), *tmp = malloc(n * sizeof *tmp);
  if (!u || !v || !tmp)
    return 1;
  for (int i = 0; i < n; i++)
    u[i] = 1.0;
  // power iteration: u and v converge to the dominant eigenvector of A^T A
  for (int k = 0; k < 10; k++) {
    times_ata(n, u, v, tmp);
    times_ata(n, v, u, tmp);
  }
  double uv = 0.0, vv = 0.0;
  for (int i = 0; i < n; i++) {
    uv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  printf("n %d\n", n);
  printf("norm %.9f\n", sqrt(uv / vv));
  printf("u[0] %.9f u[n-1] %.9f\n", u[0], u[n - 1]);
  free(u);
  free(v);
  free(tmp);
  return 0;
}
