/* Tests detecting overflow with unsigned arithmetic and checked signed arithmetic without invoking UB. */
#include <stdio.h>
#include <limits.h>

static int add_ok(int a, int b, int *out) {
    if ((b > 0 && a > INT_MAX - b) || (b < 0 && a < INT_MIN - b)) return 0;
    *out = a + b;
    return 1;
}
static int mul_ok(long a, long b, long *out) {
    if (a == 0 || b == 0) { *out = 0; return 1; }
    if (a > 0) {
        if (b > 0) { if (a > LONG_MAX / b) return 0; }
        else { if (b < LONG_MIN / a) return 0; }
    } else {
        if (b > 0) { if (a < LONG_MIN / b) return 0; }
        else { if (a < LONG_MAX / b) return 0; }
    }
    *out = a * b;
    return 1;
}
static int uadd_overflows(unsigned a, unsigned b) { return a + b < a; }
static int umul_overflows(unsigned a, unsigned b) { return a != 0 && (a * b) / a != b; }

int main(void) {
    int pairs[][2] = {{1, 2}, {INT_MAX, 1}, {INT_MAX, 0}, {INT_MIN, -1}, {INT_MIN, 1}, {-5, -10}, {INT_MAX - 10, 10}, {INT_MAX - 10, 11}};
    for (int i = 0; i < 8; i++) {
        int r = 0;
        int ok = add_ok(pairs[i][0], pairs[i][1], &r);
        if (ok) printf("%d + %d = %d\n", pairs[i][0], pairs[i][1], r);
        else printf("%d + %d overflows\n", pairs[i][0], pairs[i][1]);
    }
    long mp[][2] = {{3, 4}, {LONG_MAX, 2}, {-3037000499L, 3037000499L}, {-3037000500L, 3037000500L}, {LONG_MIN, -1}, {LONG_MIN, 1}, {-1, LONG_MAX}};
    for (int i = 0; i < 7; i++) {
        long r = 0;
        if (mul_ok(mp[i][0], mp[i][1], &r)) printf("%ld * %ld = %ld\n", mp[i][0], mp[i][1], r);
        else printf("%ld * %ld overflows\n", mp[i][0], mp[i][1]);
    }
    printf("uadd: %d %d %d\n", uadd_overflows(1, 2), uadd_overflows(UINT_MAX, 1), uadd_overflows(0x80000000u, 0x80000000u));
    printf("umul: %d %d %d\n", umul_overflows(65535, 65537), umul_overflows(65536, 65536), umul_overflows(0, 5));
    /* saturating add */
    unsigned char sat[] = {100, 200, 250, 5};
    for (int i = 0; i < 4; i++) {
        unsigned s = sat[i] + 60u;
        unsigned char r = s > 255 ? 255 : (unsigned char)s;
        printf("sat(%d+60)=%d\n", sat[i], r);
    }
    /* factorial until overflow of unsigned long long detected */
    unsigned long long f = 1;
    int k;
    for (k = 1; k < 30; k++) {
        if (f > ULLONG_MAX / (unsigned long long)k) break;
        f *= (unsigned long long)k;
    }
    printf("largest factorial fitting u64: %d! = %llu\n", k - 1, f);
    /* modular exponentiation with unsigned 64-bit */
    unsigned long long base = 123456789, e = 1000000, mod = 1000000007, res = 1;
    base %= mod;
    while (e) { if (e & 1) res = res * base % mod; base = base * base % mod; e >>= 1; }
    printf("modpow=%llu\n", res);
    return 0;
}
