/* Tests for/while loops with break and continue, nested loops, empty bodies, and loop variable scoping. */
#include <stdio.h>

int main(void) {
    int sum = 0;
    for (int i = 0; i < 20; i++) {
        if (i % 3 == 0) continue;
        if (i > 15) break;
        sum += i;
    }
    printf("sum=%d\n", sum);
    int i = 0, evens = 0;
    while (1) {
        i++;
        if (i > 50) break;
        if (i & 1) continue;
        evens++;
    }
    printf("evens=%d i=%d\n", evens, i);
    /* nested: break only exits inner */
    int pairs = 0;
    for (int a = 0; a < 10; a++) {
        for (int b = 0; b < 10; b++) {
            if (b > a) break;
            if ((a + b) % 4) continue;
            pairs++;
        }
    }
    printf("pairs=%d\n", pairs);
    /* empty body loops */
    int n;
    for (n = 0; n * n < 200; n++)
        ;
    printf("first n with n*n>=200: %d\n", n);
    const char *s = "find the x here";
    const char *p = s;
    while (*p && *p != 'x') p++;
    printf("x at %td\n", p - s);
    /* for with comma expressions and multiple vars */
    for (int lo = 0, hi = 10; lo < hi; lo++, hi--) printf("(%d,%d) ", lo, hi);
    printf("\n");
    /* for with no condition */
    int k = 0;
    for (;;) { if (++k == 7) break; }
    printf("k=%d\n", k);
    /* primes with labeled break via flag */
    int count = 0;
    for (int c = 2; c < 100; c++) {
        int prime = 1;
        for (int d = 2; d * d <= c; d++) {
            if (c % d == 0) { prime = 0; break; }
        }
        if (!prime) continue;
        count++;
        printf("%d%c", c, count % 10 ? ' ' : '\n');
    }
    printf("\nprimes=%d\n", count);
    /* while with complex condition and side effects in body */
    int x = 100, steps = 0;
    while (x > 1 && steps < 1000) {
        x = (x % 2 == 0) ? x / 2 : 3 * x + 1;
        steps++;
    }
    printf("steps=%d\n", steps);
    /* continue in while goes to condition */
    int j = 0, odd_sum = 0;
    while (j < 10) {
        j++;
        if (j % 2 == 0) continue;
        odd_sum += j;
    }
    printf("odd_sum=%d\n", odd_sum);
    /* continue in for runs the increment */
    int incs = 0;
    for (int t = 0; t < 5; t++, incs++) continue;
    printf("incs=%d\n", incs);
    /* triangle */
    for (int r = 1; r <= 5; r++) {
        for (int c = 0; c < 5 - r; c++) putchar(' ');
        for (int c = 0; c < 2 * r - 1; c++) putchar('*');
        putchar('\n');
    }
    return 0;
}
