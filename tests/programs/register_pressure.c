// More scalar locals than the compiled tiers have registers for, ints and doubles mixed,
// live across calls and loops; sibling scopes reusing slots with other types; a local
// whose address is taken next to ones that are not; a function that calls nothing with
// many locals. Run in every tier, and in auto mode with on-stack replacement mid-loop.
#include <stdio.h>

static double twice(double x) { return 2 * x; }
static int bump(int *p) { return ++*p; }

static long leaf_many(int a, int b, int c, int d) {
  int e = a + b, f = c - d, g = a * c, h = b ^ d, i2 = e + f, j = g - h;
  long s = 0;
  for (int k = 0; k < 50; k++) {
    s += e * k + f - g + h * (k & 3) + i2 - j;
    e += 1; f -= 2; g ^= k; h += f; i2 = i2 * 3 % 1009; j += e;
  }
  return s + e + f + g + h + i2 + j;
}

static double many(int n) {
  int a = 1, b = 2, c = 3, d = 4, e = 5, f = 6;
  double x = 0.5, y = 1.5, z = 2.5, u = 3.5, v = 4.5, w = 5.5, p = 6.5, q = 7.5, r = 8.5, t = 9.5;
  int addr = 0;
  for (int i = 0; i < n; i++) {
    a += b; b ^= c; c += d * 3; d -= e; e += f % 7; f = (f * 5 + i) % 1000;
    x += twice(y) * 0.001; y = y * 0.999 + z * 0.001; z += u / 100; u -= v / 1000;
    v = twice(v) / 2 + w * 1e-4; w += p * 1e-5; p -= q * 1e-6; q += r * 1e-7;
    r = r + t * 1e-3; t = t - x * 1e-4;
    if (i % 7 == 0) bump(&addr);
  }
  {
    long big = (long)a * b;      // slots of the block before, reused with other types
    double half = big / 2.0;
    x += half * 1e-12;
  }
  {
    unsigned char small = (unsigned char)(c + d);
    float fl = small * 0.5f;
    y += fl;
  }
  return a + b + c + d + e + f + x + y + z + u + v + w + p + q + r + t + addr;
}

int main(void) {
  printf("%ld\n", leaf_many(3, 5, 7, 11));
  printf("%.9f\n", many(1000));
  double total = 0;
  for (int k = 0; k < 30; k++) total += many(k) + leaf_many(k, k + 1, k + 2, k + 3);
  printf("%.6f\n", total);
  return 0;
}
