// bench: sieve of Eratosthenes up to N (byte array, strided stores, a counting pass); the
// hot loops are directly in main. Prints the number of primes, their sum and the largest.
// Usage: sieve [N]
#ifndef SIZE
#define SIZE 60000000 // the default size; tests/programs/bench_sieve.c uses a smaller one
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : SIZE;
  if (n < 2)
    n = 2;
  char *composite = malloc((size_t)n + 1);
  if (!composite)
    return 1;
  memset(composite, 0, (size_t)n + 1);
  for (long i = 2; i * i <= n; i++) {
    if (composite[i])
      continue;
    for (long j = i * i; j <= n; j += i)
      composite[j] = 1;
  }
  long count = 0, sum = 0, largest = 0;
  for (long i = 2; i <= n; i++) {
    if (!composite[i]) {
      count++;
      sum += i;
      largest = i;
    }
  }
  printf("primes up to %d: %ld\n", n, count);
  printf("sum %ld\n", sum);
  printf("largest %ld\n", largest);
  free(composite);
  return 0;
}
