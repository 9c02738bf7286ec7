/* Tests conversions between integer and floating types (truncation toward zero, rounding on int->float). */
#include <stdio.h>

int main(void) {
    double vals[] = {0.0, 0.5, 0.99, 1.0, 1.5, -0.5, -1.5, -2.99, 123456.789, -98765.4321, 2147483647.0, -2147483648.0};
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        printf("(int)%.4f=%d (long)=%ld\n", vals[i], (int)vals[i], (long)vals[i]);
    }
    printf("(unsigned)3.99=%u\n", (unsigned)3.99);
    printf("(unsigned char)200.7=%d\n", (unsigned char)200.7);
    printf("(unsigned long long)1e19=%llu\n", (unsigned long long)1e19);
    printf("(long long)-9.2e18=%lld\n", (long long)-9.2e18);

    int big = 16777217;
    float f = (float)big;
    printf("(float)16777217=%.1f\n", f);
    printf("(int)(float)16777217=%d\n", (int)f);
    long long lbig = 9007199254740993LL;
    double d = (double)lbig;
    printf("(double)2^53+1=%.1f\n", d);
    printf("back=%lld\n", (long long)d);
    unsigned long long ub = 18446744073709551615ULL;
    printf("(double)ULLONG_MAX=%.1f\n", (double)ub);
    printf("(float)UINT_MAX=%.1f\n", (float)4294967295u);

    float fl = 0.1f;
    double dd = fl;
    printf("0.1f as double=%.17f\n", dd);
    printf("0.1 as double=%.17f\n", 0.1);
    double third = 1.0 / 3.0;
    float ft = (float)third;
    printf("ft=%.9f\n", ft);

    /* int arithmetic through float */
    int acc = 0;
    for (int i = 1; i <= 10; i++) acc += (int)(i * 1.5);
    printf("acc=%d\n", acc);

    /* char from double */
    char c = (char)65.9;
    printf("c=%c\n", c);
    /* _Bool from float */
    _Bool b = 0.0001;
    printf("b=%d\n", b);
    b = -0.0;
    printf("b(-0.0)=%d\n", b);
    /* negative zero */
    double nz = -0.0;
    printf("nz=%f (int)nz=%d\n", nz, (int)nz);
    /* implicit conversions in assignment */
    int ii = 7.9;
    float ff = 3;
    double dx = 'A';
    printf("ii=%d ff=%f dx=%f\n", ii, ff, dx);
    /* rounding via +0.5 */
    double r[] = {2.4, 2.5, 2.6, 7.49999};
    for (int i = 0; i < 4; i++) printf("round(%g)=%d\n", r[i], (int)(r[i] + 0.5));
    return 0;
}
