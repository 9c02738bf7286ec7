// Float expressions whose right operands are themselves expressions (the baseline tier
// keeps the left operand in xmm2-xmm7 while the right one is computed, unless the right
// one calls something, and in memory beyond six levels): right-nested chains deeper than
// six, calls and float-to-int conversions inside them, float and double.
#include <math.h>
#include <stdio.h>

static double twice(double x) { return 2 * x; }
static float halff(float x) { return x / 2; }

static double nested(double a, double b, double c, double d, double e, double f, double g,
                     double h, double i) {
  return a - (b * (c - (d * (e - (f * (g - (h * (i - a * b))))))));
}

static double nested_call(double a, double b, double c, double d) {
  return a - (b * (c - (d * (a - twice(b - (c * (d - sqrt(a * a + b * b))))))));
}

static float nested_float(float a, float b, float c, float d, float e) {
  return a / (b + (c * (d - (e * (a + (b * (c - halff(d + e))))))));
}

static double with_ints(double a, int k, double b) {
  // an integer computed from floats (a conversion) inside the right operand
  return a * (b + (double)(int)(a * (b - k)) * (b - (a + k)));
}

int main(void) {
  double xs[] = {0.5, -1.25, 3.0, 1e-3, 123.456, -7.0, 2.0};
  double sum = 0;
  for (int i = 0; i < 7; i++) {
    for (int j = 0; j < 7; j++) {
      double a = xs[i], b = xs[j], c = xs[(i + j) % 7], d = xs[(i * j) % 7];
      double n = nested(a, b, c, d, a + 1, b - 1, c * 2, d / 2, a * b);
      double m = nested_call(a, b, c, d);
      float f = nested_float((float)a, (float)b, (float)c, (float)d, (float)(a - b));
      double w = with_ints(a, i - j, b);
      printf("%d %d: %.17g %.17g %.9g %.17g\n", i, j, n, m, f, w);
      sum += n + m + f + w;
    }
  }
  printf("sum %.17g\n", sum);
  return 0;
}
