// Loops inside statement expressions (GNU), long enough that the interpreter would move
// them to compiled code mid-loop: only loops at statement level have such entries, so
// these finish in the tier they started in, with the same results.
#include <stdio.h>

static long tri(int n) {
  return ({
           long s = 0;
           for (int i = 0; i < n; i++)
             s += i;
           s;
         }) + 1;
}

static double mean(const double *v, int n) {
  double m = ({
    double s = 0;
    int i = 0;
    while (i < n)
      s += v[i++];
    s;
  });
  return m / n;
}

int main(void) {
  long t = 0;
  for (int k = 0; k < 20; k++)
    t += tri(k * 10);
  double v[100];
  for (int i = 0; i < 100; i++)
    v[i] = i * 0.5;
  long top = ({
    long s = 0;
    for (long i = 0; i < 100000; i++)
      s += i % 7;
    s;
  });
  printf("%ld %.3f %ld\n", t, mean(v, 100), top);
  return 0;
}
