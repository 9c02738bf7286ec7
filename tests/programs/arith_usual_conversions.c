/* Tests usual arithmetic conversions between signed/unsigned and integer/floating types. */
#include <stdio.h>

int main(void) {
    int i = -1;
    unsigned u = 1;
    long l = -1;
    unsigned long ul = 1;
    long long ll = -5;
    unsigned int big = 4000000000u;

    printf("i<u: %d\n", i < (int)u);
    printf("(unsigned)i>u: %d\n", (unsigned)i > u);
    printf("i+u=%u\n", i + u);
    printf("i*u=%u\n", i * u);
    printf("l<u: %d\n", l < u);          /* unsigned int -> long */
    printf("l+u=%ld\n", l + u);
    printf("ul+i=%lu\n", ul + (unsigned long)i);
    printf("ll+big=%lld\n", ll + big);
    printf("sizeof(i+u)=%zu sizeof(l+u)=%zu sizeof(i+ul)=%zu\n", sizeof(i + u), sizeof(l + u), sizeof(i + ul));
    printf("sizeof(1+1.0f)=%zu sizeof(1+1.0)=%zu sizeof(1.0f+1.0)=%zu\n",
           sizeof(1 + 1.0f), sizeof(1 + 1.0), sizeof(1.0f + 1.0));

    int a = 7;
    double d = a / 2;
    double e = a / 2.0;
    printf("a/2=%f a/2.0=%f\n", d, e);
    printf("a/2.0f=%f\n", a / 2.0f);
    float f = 1.0f / 3;
    double g = 1.0 / 3;
    printf("f=%.10f g=%.10f\n", f, g);
    printf("f==g: %d\n", f == g);
    printf("(float)g==f: %d\n", (float)g == f);

    unsigned char uc = 250;
    unsigned int ui = 10;
    printf("uc+ui=%u\n", uc + ui);
    printf("uc*1000000u=%u\n", uc * 1000000u);

    long long x = 3000000000LL;
    int y = 2;
    printf("x*y=%lld\n", x * y);
    unsigned long long z = 18446744073709551615ULL;
    printf("z+1=%llu\n", z + 1);
    printf("z/y=%llu\n", z / y);
    printf("-1 + 0u > 0u: %d\n", -1 + 0u > 0u);
    printf("-1L > 0u: %d\n", -1L > 0u);
    printf("-1LL < 0ULL: %d\n", -1LL < 0ULL);

    /* mixing float and int in comparisons */
    printf("3 == 3.0: %d\n", 3 == 3.0);
    printf("16777217 == 16777217.0f: %d\n", 16777217 == (int)16777217.0f);
    int mixed = 10 + 'a' - 3.5 > 100;
    printf("mixed=%d\n", mixed);

    /* ternary result type */
    printf("sizeof(1?1:1.0)=%zu\n", sizeof(1 ? 1 : 1.0));
    printf("(1?1:2.5)=%f\n", 1 ? 1 : 2.5);
    printf("(0?-1L:1u)=%ld\n", 0 ? -1L : 1u);
    printf("(1?-1L:1u)=%ld\n", 1 ? -1L : 1u);
    printf("sizeof(1?(short)1:(char)1)=%zu\n", sizeof(1 ? (short)1 : (char)1));
    return 0;
}
