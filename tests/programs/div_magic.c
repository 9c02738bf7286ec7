// Division and remainder by constants that are not powers of two (the baseline tier
// multiplies by a reciprocal): every divisor kind against a spread of dividends, with
// checksums so that a single wrong quotient shows.
#include <limits.h>
#include <stdio.h>

static unsigned long long mix = 0;
static void add(unsigned long long v) { mix = (mix ^ v) * 1099511628211ULL; }

int main(void) {
  int iv[] = {0, 1, -1, 2, -2, 3, -3, 6, -6, 7, -7, 99, -99, 1000000006, 1000000007, -1000000007,
              INT_MAX, INT_MIN, INT_MIN + 1, INT_MAX - 1, 123456789, -987654321};
  long lv[] = {0, 1, -1, 3, -3, 1000000006, 1000000007, LONG_MAX, LONG_MIN, LONG_MIN + 1,
               LONG_MAX - 1, 1L << 62, -(1L << 62), 1234567890123456789L, -987654321987654321L};
  unsigned uv[] = {0, 1, 2, 3, 5, 6, 7, 9, 10, 11, 1000000007u, UINT_MAX, UINT_MAX - 1, 2147483648u,
                   4000000000u};
  unsigned long ulv[] = {0, 1, 3, 7, 10, ULONG_MAX, ULONG_MAX - 1, 1UL << 63, (1UL << 63) - 1,
                         18000000000000000000UL, 12345678901234567890UL};
  for (unsigned i = 0; i < sizeof iv / sizeof *iv; i++) {
    int n = iv[i];
    printf("%d: %d %d %d %d %d %d %d %d\n", n, n / 3, n % 3, n / 7, n % 7, n / 10, n % 10,
           n / 1000000007, n % 1000000007);
    add(n / 5); add(n % 5); add(n / 6); add(n % 6); add(n / 9); add(n % 9); add(n / 11);
    add(n / 12); add(n % 12); add(n / 100); add(n % 100); add(n / 641); add(n / 65537);
    add(n / 2147483647); add(n % 2147483647); add(n / 3); add(n / -3); add(n % -7);
  }
  for (unsigned i = 0; i < sizeof lv / sizeof *lv; i++) {
    long n = lv[i];
    printf("%ld: %ld %ld %ld %ld %ld %ld\n", n, n / 3, n % 3, n / 10, n % 10, n / 1000000007,
           n % 1000000007);
    add(n / 5); add(n % 5); add(n / 7); add(n % 7); add(n / 12); add(n / 641); add(n % 641);
    add(n / 2147483647); add(n % 2147483647); add(n / 6700417);
  }
  for (unsigned i = 0; i < sizeof uv / sizeof *uv; i++) {
    unsigned n = uv[i];
    printf("%u: %u %u %u %u %u %u\n", n, n / 3, n % 3, n / 7, n % 7, n / 10, n % 10);
    add(n / 5); add(n % 5); add(n / 6); add(n / 641); add(n / 1000000007); add(n % 1000000007);
    add(n / 2147483647); add(n % 2147483647); add(n / 25); add(n / 125);
  }
  for (unsigned i = 0; i < sizeof ulv / sizeof *ulv; i++) {
    unsigned long n = ulv[i];
    printf("%lu: %lu %lu %lu %lu %lu %lu\n", n, n / 3, n % 3, n / 7, n % 7, n / 10, n % 10);
    add(n / 5); add(n % 5); add(n / 6); add(n / 641); add(n / 1000000007); add(n % 1000000007);
    add(n / 2147483647); add(n % 2147483647); add(n / 25); add(n / 125);
  }
  // A pseudo-random sweep of every width.
  unsigned long x = 88172645463325252UL;
  for (int i = 0; i < 20000; i++) {
    x ^= x << 13; x ^= x >> 7; x ^= x << 17;
    int a = (int)x; long b = (long)x; unsigned c = (unsigned)(x >> 7); unsigned long d = x * 3;
    add(a / 3); add(a % 7); add(a / 10); add(a % 1000); add(a / 1000000007);
    add(b / 3); add(b % 7); add(b / 10); add(b % 1000); add(b / 1000000007);
    add(c / 3); add(c % 7); add(c / 10); add(c % 1000); add(c / 1000000007);
    add(d / 3); add(d % 7); add(d / 10); add(d % 1000); add(d / 1000000007);
    short s = (short)x; signed char sc = (signed char)x;
    add(s / 3); add(s % 7); add(sc / 5); add(sc % 3);
  }
  printf("checksum %llx\n", mix);
  return 0;
}
