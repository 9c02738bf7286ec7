/* Tests integer and floating literal forms: decimal/octal/hex, u/l/ll suffixes, exponents, hex floats, char literal values. */
#include <stdio.h>

int main(void) {
    printf("%d %d %d\n", 0, 00, 0x0);
    printf("%d %d %d %d\n", 10, 010, 0x10, 0X1f);
    printf("%u %lu %llu %ld %lld\n", 10u, 10UL, 10ULL, 10L, 10LL);
    printf("%lu %llu %lu\n", 10lu, 10llu, 10Lu);
    printf("sizes: %zu %zu %zu %zu %zu %zu\n", sizeof 1, sizeof 1u, sizeof 1l, sizeof 1ul, sizeof 1ll, sizeof 1ull);
    printf("octal max: %o %u\n", 037777777777u, 037777777777u);
    printf("hex big: %llx %lld\n", 0x7FFFFFFFFFFFFFFFLL, 0x7FFFFFFFFFFFFFFFLL);
    printf("floats: %f %f %f %f\n", 1.0, 1., .5, 1e0);
    printf("exp: %g %g %g %g\n", 1e10, 1E-3, 2.5e+2, 123.456e-1);
    printf("float suffix sizes: %zu %zu %zu\n", sizeof 1.0f, sizeof 1.0F, sizeof 1.0);
    printf("float values: %.10f %.10f\n", 0.1f, 0.1);
    printf("hex floats: %g %g %g %g %a\n", 0x1p0, 0x1p10, 0x.8p0, 0x1.fffffep127f, 0x1.5p-3);
    printf("0x10p-4=%g 0xAp2=%g\n", 0x10p-4, 0xAp2);
    printf("char literals: %d %d %d %d %d\n", 'a', '0', ' ', '\n', '\x7f');
    printf("wide char-free: '%c' '%c'\n", 'A' + 1, '9' - 1);
    printf("big decimal unsigned: %lu (sizeof %zu)\n", 18446744073709551615u, sizeof 18446744073709551615u);
    printf("negative literal expr: %d %ld\n", -2147483647 - 1, -2147483648);
    printf("0.1+0.2=%.17g 0.1f+0.2f=%.9g\n", 0.1 + 0.2, 0.1f + 0.2f);
    double d = 1e-320;
    printf("denormal>0: %d %g\n", d > 0, d);
    printf("1e308*10>1e308: %d\n", 1e308 * 10 > 1e308);
    printf("int from char arith: %d\n", '7' - '0');
    return 0;
}
