/* __int128 and unsigned __int128: wide multiplication, shifts, division, comparisons, conversions to and from integers and doubles, constants, ++ and compound assignment. */
#include <stdio.h>
#include <stdint.h>
typedef unsigned __int128 u128;
typedef __int128 i128;
static u128 mulwide(uint64_t a, uint64_t b) { return (u128)a * b; }
static void print_u128(u128 v) {
    char buf[64]; int n = 0;
    if (v == 0) buf[n++] = '0';
    while (v > 0) { buf[n++] = (char)('0' + (int)(v % 10)); v /= 10; }
    while (n > 0) putchar(buf[--n]);
    putchar('\n');
}
static i128 fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
int main(void) {
    u128 p = mulwide(0xFFFFFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFFFull);
    printf("%llx %llx\n", (unsigned long long)(p >> 64), (unsigned long long)p);
    print_u128(p);
    i128 f = fact(30);
    print_u128((u128)f);
    i128 neg = -f;
    printf("%d %d %d\n", neg < 0, f > 0, neg + f == 0);
    u128 h = 14695981039346656037ull;
    for (int i = 0; i < 10; i++) { h ^= (unsigned char)('a' + i); h *= ((u128)1 << 88) + 315; }
    printf("%llx %llx\n", (unsigned long long)(h >> 64), (unsigned long long)h);
    i128 x = 5; x += 10; x <<= 70; x >>= 68; x--; ++x; x++;
    printf("%lld %zu %zu\n", (long long)x, sizeof(i128), _Alignof(i128));
    double d = (double)f; printf("%.6e\n", d);
    i128 back = (i128)1e30; print_u128((u128)back);
    printf("%d\n", !x);
    if (x) puts("nonzero");
    __uint128_t z = ~(__uint128_t)0;
    printf("%llx\n", (unsigned long long)(z >> 100));
    unsigned __int128 ov;
    int o1 = __builtin_mul_overflow((unsigned char)4, -16, &ov);
    __int128 sh;
    int o2 = __builtin_mul_overflow(0x7fffffffffffffffLL, 0x7fffffffffffffffLL, &sh);
    printf("%d %d %llx %llx\n", o1, o2, (unsigned long long)(ov >> 64), (unsigned long long)(sh >> 64));
    return 0;
}
