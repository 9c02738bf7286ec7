/* Benchmark-like kernel: sieve of Eratosthenes up to 2,000,000 plus prime statistics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIMIT 10000000

int main(void) {
    unsigned char *composite = malloc(LIMIT + 1);
    if (!composite) return 1;
    memset(composite, 0, LIMIT + 1);
    composite[0] = composite[1] = 1;
    for (long i = 2; i * i <= LIMIT; i++)
        if (!composite[i])
            for (long j = i * i; j <= LIMIT; j += i) composite[j] = 1;
    long count = 0, sum = 0, twin = 0, last = 0, maxgap = 0, gap_at = 0;
    int mod4[4] = {0};
    for (long i = 2; i <= LIMIT; i++) {
        if (composite[i]) continue;
        count++;
        sum += i;
        mod4[i % 4]++;
        if (last && i - last == 2) twin++;
        if (last && i - last > maxgap) { maxgap = i - last; gap_at = last; }
        last = i;
    }
    printf("primes<=%d: %ld\n", LIMIT, count);
    printf("sum=%ld\n", sum);
    printf("twin pairs=%ld\n", twin);
    printf("largest=%ld\n", last);
    printf("max gap=%ld after %ld\n", maxgap, gap_at);
    printf("mod4: 1->%d 3->%d\n", mod4[1], mod4[3]);
    long checkpoints[] = {10, 100, 1000, 10000, 100000, 1000000};
    long c = 0, ci = 0;
    for (long i = 0; i <= 1000000 && ci < 6; i++) {
        if (!composite[i]) c++;
        if (i == checkpoints[ci]) { printf("pi(%ld)=%ld\n", i, c); ci++; }
    }
    free(composite);
    return 0;
}
