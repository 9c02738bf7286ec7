// bench: Mandelbrot set escape times on an N x N grid (doubles, a data-dependent inner
// loop); the hot loops are directly in main. Prints how many points stay bounded, the
// total iteration count and a hash of the escape times. Usage: mandelbrot [N]
#ifndef SIZE
#define SIZE 1300 // the default size; tests/programs/bench_mandelbrot.c uses a smaller one
#endif
#include <stdio.h>
#include <stdlib.h>

#define MAX_ITER 200

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : SIZE;
  long total = 0, inside = 0;
  unsigned hash = 2166136261u;
  for (int y = 0; y < n; y++) {
    double ci = -1.25 + 2.5 * y / n;
    for (int x = 0; x < n; x++) {
      double cr = -2.1 + 2.8 * x / n;
      double zr = 0.0, zi = 0.0, zr2 = 0.0, zi2 = 0.0;
      int k = 0;
      while (k < MAX_ITER && zr2 + zi2 <= 4.0) {
        zi = 2.0 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
        zr2 = zr * zr;
        zi2 = zi * zi;
        k++;
      }
      total += k;
      if (k == MAX_ITER)
        inside++;
      hash = (hash ^ (unsigned)k) * 16777619u;
    }
  }
  printf("grid %d x %d, %d iterations at most\n", n, n, MAX_ITER);
  printf("inside %ld\n", inside);
  printf("iterations %ld\n", total);
  printf("hash %08x\n", hash);
  return 0;
}
