/* long double: x87 80-bit precision in arithmetic, constants, comparisons and conversions */
#include <float.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

/* The 10 value bytes of a long double, most significant first. */
static void bytes(const char *name, long double x) {
    unsigned char b[sizeof x];
    memcpy(b, &x, sizeof x);
    printf("%-12s", name);
    for (int i = 9; i >= 0; i--)
        printf("%02x", b[i]);
    printf("\n");
}

/* Static initializers are folded at compile time, in 80-bit precision. */
static long double s_tenth = 0.1L;
static long double s_third = 1.0L / 3;
static long double s_sum = 1.0L + 1e-19L;
static long double s_from_int = 9007199254740993LL; /* 2^53 + 1: exact in long double */
static long double s_from_ulong = 18446744073709551615UL;
static long double s_neg = -(2.5L * 4);
static double s_back = 0.1L; /* rounded to double */
static int s_trunc = (int)(7.9L);
static long double s_arr[] = {1, 0.5L, 0.25L, LDBL_MAX};
static struct {
    char c;
    long double v;
    int n;
} s_rec = {'x', 3.25L, 7};

int main(void) {
    /* Precision: these differ in the 64th significand bit. */
    long double one = 1.0L, tiny = 1e-19L;
    printf("1 + 1e-19 != 1: %d\n", one + tiny != one);
    printf("1 + eps/2 == 1: %d\n", one + LDBL_EPSILON / 2 == one);
    printf("1 + eps   != 1: %d\n", one + LDBL_EPSILON != one);
    printf("sizeof %zu align %zu\n", sizeof(long double), _Alignof(long double));
    printf("mant dig %d, dig %d, max exp %d\n", LDBL_MANT_DIG, LDBL_DIG, LDBL_MAX_EXP);

    bytes("0.1L", 0.1L);
    bytes("0.1", (long double)0.1);
    bytes("s_tenth", s_tenth);
    bytes("s_third", s_third);
    bytes("s_sum", s_sum);
    bytes("LDBL_MAX", LDBL_MAX);
    bytes("LDBL_MIN", LDBL_MIN);
    bytes("LDBL_EPS", LDBL_EPSILON);
    bytes("TRUE_MIN", LDBL_TRUE_MIN);
    bytes("0x1.8p-3L", 0x1.8p-3L);
    bytes("1e4000L", 1e4000L);
    bytes("-0.0L", -0.0L);

    /* Arithmetic */
    long double a = 10.0L, b = 3.0L;
    printf("%.21Lg %.21Lg %.21Lg %.21Lg\n", a + b, a - b, a * b, a / b);
    printf("%.21Lg\n", (a / b) * b - a);
    long double acc = 0;
    for (int i = 1; i <= 100; i++)
        acc += 1.0L / i;
    printf("harmonic(100) = %.21Lg\n", acc);
    long double f = 1;
    for (int i = 1; i <= 25; i++)
        f *= i;
    printf("25! = %.0Lf\n", f);
    printf("-a = %Lg, -(-a) = %Lg\n", -a, -(-a));
    long double big = LDBL_MAX;
    printf("overflow: %Lg %Lg\n", big * 2, -big * 2);
    long double small = LDBL_MIN;
    printf("subnormal: %Lg %Lg\n", small / 1024, LDBL_TRUE_MIN / 2);
    long double zero = 0.0L;
    long double nan = zero / zero;
    printf("nan: %d %d %d %d %d\n", nan == nan, nan != nan, nan < 1, nan >= 1, !nan);
    printf("inf: %Lg %Lg\n", 1 / zero, -1 / zero);

    /* Comparisons, mixed with other types (usual arithmetic conversions) */
    long double p = 2.5L;
    double dd = 2.5;
    int ii = 2;
    printf("%d %d %d %d %d %d\n", p == dd, p > ii, p < ii, p <= 2.5f, p >= 3, p != 2.5L);
    printf("%d %d\n", 0.1L == 0.1, 0.1L == (long double)0.1);
    if (p)
        printf("p is true\n");
    if (!zero)
        printf("zero is false\n");
    printf("%d %d\n", p && zero, p || zero);
    printf("?: %Lg %Lg\n", ii > 1 ? p : dd, ii < 1 ? p : dd);

    /* Conversions from every integer type */
    signed char sc = -100;
    unsigned char uc = 200;
    short sh = -30000;
    unsigned short us = 60000;
    int in = INT_MIN;
    unsigned un = UINT_MAX;
    long lo = LONG_MIN;
    unsigned long ul = ULONG_MAX;
    long long ll = LLONG_MAX;
    unsigned long long ull = 0x8000000000000001ULL;
    _Bool bo = 1;
    char ch = 'A';
    printf("%.0Lf %.0Lf %.0Lf %.0Lf %.0Lf %.0Lf\n", (long double)sc, (long double)uc,
           (long double)sh, (long double)us, (long double)in, (long double)un);
    printf("%.0Lf %.0Lf %.0Lf %.0Lf %.0Lf %.0Lf\n", (long double)lo, (long double)ul,
           (long double)ll, (long double)ull, (long double)bo, (long double)ch);
    long double x = ll;
    printf("exact: %d\n", (long long)x == ll);

    /* Conversions to every integer type (truncation toward zero) */
    long double v = -7.75L, w = 1e10L, big2 = 1.8e19L;
    printf("%d %d %d %d %ld %lld\n", (signed char)v, (short)v, (int)v, (int)-v, (long)w,
           (long long)-w);
    printf("%u %u %u %lu %lu %llu\n", (unsigned char)7.9L, (unsigned short)65535.5L,
           (unsigned)4e9L, (unsigned long)big2, (unsigned long)w, (unsigned long long)1.5L);
    printf("bool %d %d %d\n", (_Bool)v, (_Bool)zero, (_Bool)0.5L);
    printf("char %c\n", (char)66.6L);

    /* To and from float and double */
    long double third = 1.0L / 3;
    double d3 = third;
    float f3 = third;
    printf("%.17g %.9g\n", d3, (double)f3);
    printf("%.21Lg %.21Lg\n", (long double)d3, (long double)f3);
    double dmax = 1.7976931348623157e308;
    printf("%Lg %g\n", (long double)dmax * 10, (double)((long double)dmax * 10));
    float fl = 16777217.0L; /* rounds to even */
    printf("%.1f\n", fl);
    printf("%.17g\n", (double)(1.0L + 0x1p-53L + 0x1p-63L)); /* no double rounding */

    /* Compound assignment and increments, in both directions */
    long double c = 1.5L;
    c += 2;
    c -= 0.25L;
    c *= 4;
    c /= 3;
    printf("c = %.21Lg\n", c);
    int k = 10;
    k += 0.75L;
    k *= 1.5L;
    printf("k = %d\n", k);
    double dk = 1.0;
    dk /= 3.0L;
    printf("dk = %.17g\n", dk);
    unsigned char ucx = 250;
    ucx += 5.9L;
    printf("ucx = %d\n", ucx);
    _Bool bx = 0;
    bx += 0.5L;
    printf("bx = %d\n", bx);
    struct {
        int lo : 5, hi : 11;
    } bf = {3, 100};
    bf.hi *= 2.5L;
    bf.lo -= 0.5L;
    printf("bf %d %d\n", bf.lo, bf.hi);
    long double e = 0.5L;
    printf("%Lg ", e++);
    printf("%Lg ", e);
    printf("%Lg ", ++e);
    printf("%Lg ", e--);
    printf("%Lg\n", --e);

    /* Assignment is an expression; chained assignment */
    long double q1, q2;
    q1 = q2 = 0.2L;
    printf("%d ", q1 == q2);
    printf("%.21Lg\n", (q1 = 4) + q2);

    /* Statics folded by the front end */
    bytes("s_third", s_third);
    printf("%.21Lg %.21Lg %.0Lf %.0Lf %Lg %.17g %d\n", s_tenth, s_sum, s_from_int, s_from_ulong,
           s_neg, s_back, s_trunc);
    printf("%Lg %Lg %Lg %Lg\n", s_arr[0], s_arr[1], s_arr[2], s_arr[3]);
    printf("%c %Lg %d\n", s_rec.c, s_rec.v, s_rec.n);

    /* Arrays and pointers */
    long double arr[5];
    for (int i = 0; i < 5; i++)
        arr[i] = i / 4.0L;
    long double *ptr = arr;
    long double sum = 0;
    while (ptr < arr + 5)
        sum += *ptr++;
    printf("sum %Lg, arr[3] %Lg, ptr[-1] %Lg\n", sum, arr[3], ptr[-1]);
    printf("size %zu\n", sizeof arr);
    return 0;
}
