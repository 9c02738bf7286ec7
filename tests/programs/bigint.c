/* Tests multi-precision arithmetic with arrays of base-10^4 digits: add, multiply, factorial, powers, Fibonacci. */
#include <stdio.h>
#include <string.h>

#define MAXD 200
#define BASE 10000

typedef struct { int n; int d[MAXD]; } big;  /* little-endian base 10000 */

static void big_set(big *a, unsigned long v) {
    a->n = 0;
    memset(a->d, 0, sizeof a->d);
    do { a->d[a->n++] = (int)(v % BASE); v /= BASE; } while (v);
}
static void big_print(const char *label, const big *a) {
    printf("%s", label);
    printf("%d", a->d[a->n - 1]);
    for (int i = a->n - 2; i >= 0; i--) printf("%04d", a->d[i]);
    printf("\n");
}
static big big_add(const big *a, const big *b) {
    big r;
    memset(&r, 0, sizeof r);
    int carry = 0, n = a->n > b->n ? a->n : b->n;
    for (int i = 0; i < n; i++) {
        int s = (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0) + carry;
        r.d[i] = s % BASE;
        carry = s / BASE;
    }
    r.n = n;
    if (carry) r.d[r.n++] = carry;
    return r;
}
static big big_mul(const big *a, const big *b) {
    big r;
    memset(&r, 0, sizeof r);
    long tmp[2 * MAXD] = {0};
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b->n; j++) tmp[i + j] += (long)a->d[i] * b->d[j];
    long carry = 0;
    int n = a->n + b->n;
    for (int i = 0; i < n; i++) {
        long v = tmp[i] + carry;
        r.d[i] = (int)(v % BASE);
        carry = v / BASE;
    }
    r.n = n;
    while (r.n > 1 && r.d[r.n - 1] == 0) r.n--;
    return r;
}
static void big_mul_small(big *a, int m) {
    long carry = 0;
    for (int i = 0; i < a->n; i++) {
        long v = (long)a->d[i] * m + carry;
        a->d[i] = (int)(v % BASE);
        carry = v / BASE;
    }
    while (carry) { a->d[a->n++] = (int)(carry % BASE); carry /= BASE; }
}
static int big_digitsum(const big *a) {
    int s = 0;
    for (int i = 0; i < a->n; i++) for (int v = a->d[i]; v; v /= 10) s += v % 10;
    return s;
}
static int big_cmp(const big *a, const big *b) {
    if (a->n != b->n) return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--) if (a->d[i] != b->d[i]) return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

int main(void) {
    big a, b;
    big_set(&a, 18446744073709551615ul);
    big_set(&b, 1);
    big s = big_add(&a, &b);
    big_print("2^64 = ", &s);
    big sq = big_mul(&s, &s);
    big_print("2^128 = ", &sq);
    big f;
    big_set(&f, 1);
    for (int i = 2; i <= 50; i++) big_mul_small(&f, i);
    big_print("50! = ", &f);
    printf("digitsum(50!)=%d\n", big_digitsum(&f));
    big p;
    big_set(&p, 1);
    for (int i = 0; i < 100; i++) big_mul_small(&p, 2);
    big_print("2^100 = ", &p);
    big x, y;
    big_set(&x, 0);
    big_set(&y, 1);
    for (int i = 0; i < 150; i++) { big t = big_add(&x, &y); x = y; y = t; }
    big_print("fib(150) = ", &x);
    big three;
    big_set(&three, 3);
    big pw;
    big_set(&pw, 1);
    for (int i = 0; i < 60; i++) pw = big_mul(&pw, &three);
    big_print("3^60 = ", &pw);
    printf("cmp: %d %d %d\n", big_cmp(&p, &pw), big_cmp(&pw, &p), big_cmp(&p, &p));
    big zero;
    big_set(&zero, 0);
    big z = big_mul(&zero, &pw);
    big_print("0*3^60 = ", &z);
    return 0;
}
