/* Tests bitwise operators and classic bit tricks: popcount, parity, lowest bit, power of two, bit reversal, gray code. */
#include <stdio.h>
#include <stdint.h>

static int popcount(uint32_t x) { int c = 0; while (x) { x &= x - 1; c++; } return c; }
static int popcount_swar(uint32_t x) {
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0F0F0F0Fu;
    return (int)((x * 0x01010101u) >> 24);
}
static int parity(uint32_t x) { x ^= x >> 16; x ^= x >> 8; x ^= x >> 4; x ^= x >> 2; x ^= x >> 1; return (int)(x & 1); }
static uint32_t reverse_bits(uint32_t x) {
    x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
    x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
    x = ((x >> 4) & 0x0F0F0F0Fu) | ((x & 0x0F0F0F0Fu) << 4);
    x = ((x >> 8) & 0x00FF00FFu) | ((x & 0x00FF00FFu) << 8);
    return (x >> 16) | (x << 16);
}
static int clz(uint32_t x) { if (!x) return 32; int n = 0; while (!(x & 0x80000000u)) { x <<= 1; n++; } return n; }
static int ctz(uint32_t x) { if (!x) return 32; int n = 0; while (!(x & 1)) { x >>= 1; n++; } return n; }
static uint32_t next_pow2(uint32_t x) { x--; x |= x >> 1; x |= x >> 2; x |= x >> 4; x |= x >> 8; x |= x >> 16; return x + 1; }

int main(void) {
    uint32_t tests[] = {0, 1, 2, 3, 7, 8, 255, 256, 0x80000000u, 0xFFFFFFFFu, 0xDEADBEEFu, 12345678u};
    for (int i = 0; i < 12; i++) {
        uint32_t x = tests[i];
        printf("x=%08x pop=%d/%d par=%d rev=%08x clz=%d ctz=%d low=%08x pow2=%d\n", (unsigned)x, popcount(x), popcount_swar(x), parity(x),
               (unsigned)reverse_bits(x), clz(x), ctz(x), (unsigned)(x & (0u - x)), x && !(x & (x - 1)));
    }
    uint32_t np[] = {1, 3, 5, 17, 100, 1000, 65537};
    for (int i = 0; i < 7; i++) printf("next_pow2(%u)=%u\n", (unsigned)np[i], (unsigned)next_pow2(np[i]));
    printf("gray:");
    for (unsigned i = 0; i < 16; i++) printf(" %u", i ^ (i >> 1));
    printf("\n");
    int a = 0x5A, b = 0x3C;
    printf("a&b=%x a|b=%x a^b=%x ~a=%x ~a&0xff=%x\n", a & b, a | b, a ^ b, ~a, ~a & 0xff);
    int x = 12, y = 34;
    x ^= y; y ^= x; x ^= y;
    printf("xor swap: x=%d y=%d\n", x, y);
    int vals[] = {-5, 0, 5, -2147483647, 2147483647};
    for (int i = 0; i < 5; i++) {
        int v = vals[i];
        int sign = (v > 0) - (v < 0);
        int mask = v >> 31;
        int absv = (v + mask) ^ mask;
        printf("v=%d sign=%d abs=%d\n", v, sign, absv);
    }
    unsigned flags = 0;
    for (int bit = 0; bit < 32; bit += 5) flags |= 1u << bit;
    printf("flags=%08x set bits:", flags);
    for (int bit = 0; bit < 32; bit++) if (flags >> bit & 1) printf(" %d", bit);
    printf("\n");
    flags &= ~(1u << 10);
    flags ^= 1u << 31;
    printf("flags=%08x\n", flags);
    /* enumerate subsets of a mask */
    unsigned m = 0xB, sub = m;
    printf("subsets of %x:", m);
    do { printf(" %x", sub); sub = (sub - 1) & m; } while (sub != m);
    printf("\n");
    /* bit fields manually packed */
    uint32_t packed = 0;
    unsigned r = 200, g = 100, bl = 50, al = 255;
    packed = (uint32_t)r << 24 | (uint32_t)g << 16 | (uint32_t)bl << 8 | al;
    printf("packed=%08x r=%u g=%u b=%u a=%u\n", (unsigned)packed, (unsigned)(packed >> 24), (unsigned)(packed >> 16 & 0xFF), (unsigned)(packed >> 8 & 0xFF), (unsigned)(packed & 0xFF));
    uint64_t big = 0xF0F0F0F0F0F0F0F0ull;
    printf("big pop=%d\n", popcount((uint32_t)big) + popcount((uint32_t)(big >> 32)));
    return 0;
}
