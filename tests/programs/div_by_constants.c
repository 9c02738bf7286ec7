// Division and remainder by constants (powers of two take shifts in the baseline tier), signed and unsigned, 32 and 64 bits, at the extremes.
#include <stdio.h>
#include <limits.h>
int main(void) {
  int v[] = {0, 1, -1, 7, -7, 8, -8, 15, -15, 16, -16, 1000001, -1000001, INT_MAX, INT_MIN, INT_MIN + 1};
  long lv[] = {0, 1, -1, 7, -7, 1L << 40, -(1L << 40) - 3, LONG_MAX, LONG_MIN, LONG_MIN + 1};
  unsigned u[] = {0, 1, 7, 8, 15, 16, 4000000000u, UINT_MAX};
  unsigned long ul[] = {0, 1, 7, 8, 1UL << 63, ULONG_MAX};
  for (int i = 0; i < 16; i++) printf("%d %d %d %d %d %d %d %d %d %d\n", v[i] / 2, v[i] % 2, v[i] / 8, v[i] % 8, v[i] / 1, v[i] % 1, v[i] / 7, v[i] % 7, v[i] / 1024, v[i] % -3);
  for (int i = 0; i < 10; i++) printf("%ld %ld %ld %ld %ld\n", lv[i] / 4, lv[i] % 4, lv[i] / 1048576, lv[i] % 1048576, lv[i] / 10);
  for (int i = 0; i < 8; i++) printf("%u %u %u %u\n", u[i] / 4, u[i] % 4, u[i] / 10, u[i] % 10);
  for (int i = 0; i < 6; i++) printf("%lu %lu %lu %lu\n", ul[i] / 4, ul[i] % 4, ul[i] / 10, ul[i] % 10);
  int x = 100; x /= 4; x %= 7; printf("%d\n", x);
  return 0;
}
