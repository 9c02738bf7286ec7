/* Tests integer-heavy number theory: gcd/lcm, extended Euclid, modular inverse, totient, perfect numbers, digit manipulations. */
#include <stdio.h>

static long gcd(long a, long b) { while (b) { long t = a % b; a = b; b = t; } return a < 0 ? -a : a; }
static long lcm(long a, long b) { return a / gcd(a, b) * b; }
static long ext_gcd(long a, long b, long *x, long *y) {
    if (b == 0) { *x = 1; *y = 0; return a; }
    long x1, y1;
    long g = ext_gcd(b, a % b, &x1, &y1);
    *x = y1;
    *y = x1 - (a / b) * y1;
    return g;
}
static long mod_inv(long a, long m) { long x, y; if (ext_gcd(a, m, &x, &y) != 1) return -1; return ((x % m) + m) % m; }
static int totient(int n) {
    int r = n;
    for (int p = 2; p * p <= n; p++)
        if (n % p == 0) { while (n % p == 0) n /= p; r -= r / p; }
    if (n > 1) r -= r / n;
    return r;
}
static int sum_divisors(int n) { int s = 1; for (int d = 2; d * d <= n; d++) if (n % d == 0) { s += d; if (d != n / d) s += n / d; } return n == 1 ? 0 : s; }
static long reverse_digits(long n) { long r = 0; while (n) { r = r * 10 + n % 10; n /= 10; } return r; }
static int is_armstrong(int n) {
    int digits = 0, t = n, s = 0;
    while (t) { digits++; t /= 10; }
    for (t = n; t; t /= 10) { int d = t % 10, p = 1; for (int i = 0; i < digits; i++) p *= d; s += p; }
    return s == n;
}

int main(void) {
    long pairs[][2] = {{12, 18}, {17, 5}, {0, 9}, {-24, 36}, {1071, 462}, {1000000007, 998244353}};
    for (int i = 0; i < 6; i++) printf("gcd(%ld,%ld)=%ld\n", pairs[i][0], pairs[i][1], gcd(pairs[i][0], pairs[i][1]));
    printf("lcm(4,6)=%ld lcm(21,6)=%ld lcm 1..20=", lcm(4, 6), lcm(21, 6));
    long l = 1;
    for (int i = 1; i <= 20; i++) l = lcm(l, i);
    printf("%ld\n", l);
    long x, y;
    long g = ext_gcd(240, 46, &x, &y);
    printf("ext_gcd(240,46)=%ld x=%ld y=%ld check=%ld\n", g, x, y, 240 * x + 46 * y);
    printf("inv(3,11)=%ld inv(10,17)=%ld inv(6,9)=%ld\n", mod_inv(3, 11), mod_inv(10, 17), mod_inv(6, 9));
    printf("totient:");
    for (int n = 1; n <= 20; n++) printf(" %d", totient(n));
    printf("\n");
    printf("perfect:");
    for (int n = 2; n < 10000; n++) if (sum_divisors(n) == n) printf(" %d", n);
    printf("\namicable:");
    for (int a = 2; a < 3000; a++) { int b = sum_divisors(a); if (b > a && b < 3000 && sum_divisors(b) == a) printf(" (%d,%d)", a, b); }
    printf("\n");
    printf("reverse: %ld %ld %ld\n", reverse_digits(12345), reverse_digits(-907), reverse_digits(1000));
    printf("armstrong:");
    for (int n = 1; n < 10000; n++) if (is_armstrong(n)) printf(" %d", n);
    printf("\n");
    /* collatz longest chain under 10000 */
    int best = 0, best_len = 0;
    for (int s = 1; s < 10000; s++) {
        long n = s;
        int len = 1;
        while (n != 1) { n = n % 2 ? 3 * n + 1 : n / 2; len++; }
        if (len > best_len) { best_len = len; best = s; }
    }
    printf("collatz best=%d len=%d\n", best, best_len);
    return 0;
}
