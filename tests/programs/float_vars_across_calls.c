// Float variables live across calls (the baseline tier keeps them in xmm8-xmm15; the
// session's functions that call nothing keep those registers, compiled ones by saving the
// ones they use, interpreted ones through a wrapper; other callees get them saved by the
// caller):
// callees compiled and using float registers themselves, callees the baseline tier
// refuses (long double inside: they stay interpreted), callees with stack arguments
// (no wrapper), library functions, calls through pointers, recursion.
#include <math.h>
#include <stdio.h>

static double compiled_floats(double x) {
  double a = x * 1.5, b = a - 0.25, c = b * b; // its own float register variables
  for (int i = 0; i < 3; i++)
    c = c * 0.5 + a - b;
  return c;
}

static double interpreted(double x) {
  long double wide = x; // long double: the baseline tier leaves this function interpreted
  wide = wide * 3 - 1;
  // library calls that use many vector registers
  char buf[64];
  snprintf(buf, sizeof buf, "%.3f %.3e %g", x, exp(x), cos(x));
  return (double)wide + pow(fabs(x) + 1, 1.5) + (double)buf[0] * 0;
}

static double many_args(double a, double b, double c, double d, double e, double f, double g,
                        double h, double i, double j) { // the last two on the stack
  long double w = a + b + c + d + e + f + g + h + i + j;
  return (double)w;
}

static float floats(float x, int k) {
  float t = x;
  for (int i = 0; i < k; i++)
    t = t * 0.75f + 1.0f;
  return t;
}

// Compiled functions without float variables of their own that call what may use
// xmm8-xmm15 (memmove for a big struct copy, libm): they must keep them for their callers.
struct big {
  char b[1024];
} g1, g2;
static void copy_big(int i) {
  g2.b[i % 1024] = (char)i;
  g1 = g2;
}
// sqrt inline; its NaN path calls the library (which sets errno), keeping xmm8-xmm15.
static double root(double x) { return sqrt(x); }
static double via_libm(int i) { return cos(i * 0.1) + exp(i * 0.01); }
static double via_printf(int i) {
  char buf[64];
  snprintf(buf, sizeof buf, "%.6f %.3e", i * 0.5, i * 1e-3);
  return (double)(buf[0] - '0');
}

static double recurse(double x, int n) {
  double keep = x * 2; // live across the recursive call
  if (n == 0)
    return keep;
  double r = recurse(x + 1, n - 1);
  return keep + r * 0.5;
}

int main(void) {
  double (*fp[])(double) = {compiled_floats, interpreted, sqrt, fabs};
  double s1 = 0, s2 = 1, s3 = 2, s4 = 3, s5 = 4, s6 = 5, s7 = 6, s8 = 7, s9 = 8;
  float f1 = 0.5f, f2 = 1.5f;
  for (int i = 0; i < 20; i++) {
    double x = i * 0.375 - 2;
    s1 += compiled_floats(x);
    s2 += interpreted(x) * s1;
    s3 -= many_args(x, s1, s2, s3, s4, s5, s6, s7, s8, s9) * 1e-6;
    s4 += sqrt(fabs(x) + s1 * 0);
    s5 += fp[i % 4](x + 3);
    s6 += recurse(x, i % 5);
    s7 = s7 * 0.5 + pow(1.01, x);
    f1 += floats(f1, i % 4);
    f2 -= floats(f2 * 0.5f, 2) * 0.1f;
    copy_big(i);
    s9 += isnan(root(-x - 3)) ? 0.5 : root(x + 3);
    s7 += via_libm(i) * 0.001;
    s6 -= via_printf(i) * 0.5;
    s8 += s1 - s2 + s3 - s4 + s5 - s6 + s7 + f1 + f2 + g1.b[i];
    s9 = s9 * 0.75 + s8 * 1e-3;
  }
  printf("%.17g %.17g %.17g %.17g\n%.17g %.17g %.17g %.17g %.17g\n%.9g %.9g\n", s1, s2, s3, s4,
         s5, s6, s7, s8, s9, f1, f2);
  return 0;
}
