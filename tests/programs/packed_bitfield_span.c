// Packed bit-fields that straddle their type's size, up to a 63-bit field spanning nine bytes:
// loads, stores, compound assignment, ++, static and automatic initializers, passing by value
#include <stdio.h>
struct __attribute__((packed)) S { unsigned pad : 18; long long z : 63; unsigned char tail; };
struct __attribute__((packed)) U { unsigned char a : 3; unsigned long long z : 64; unsigned char b : 5; };
static struct S gs = { 5, -123456789012345LL, 7 };
static struct U gu = { 3, 0xfedcba9876543210ULL, 17 };
struct S pass(struct S s) { s.z += 1; return s; }
int v_main(void);
int main(void) {
    v_main();
    struct S s = { 1, 0x3fffffffffffffffLL, 9 };
    printf("%zu %u %lld %u\n", sizeof s, s.pad, (long long)s.z, s.tail);
    s.z = -1; printf("%lld %u %u\n", (long long)s.z, s.pad, s.tail);
    s.z++; printf("%lld\n", (long long)s.z);
    s.z -= 5; printf("%lld\n", (long long)s.z);
    s.z *= 3; printf("%lld %u %u\n", (long long)s.z, s.pad, s.tail);
    printf("%lld %u %u\n", (long long)gs.z, gs.pad, gs.tail);
    printf("%zu %u %llx %u\n", sizeof gu, gu.a, (unsigned long long)gu.z, gu.b);
    gu.z = ~gu.z; gu.a--; gu.b += 20;
    printf("%u %llx %u\n", gu.a, (unsigned long long)gu.z, gu.b);
    struct S t = pass(gs);
    printf("%lld %u %u\n", (long long)t.z, t.pad, t.tail);
    long long acc = 0;
    for (int i = 0; i < 100; i++) { s.z = s.z * 7 + i; acc ^= s.z; gu.z += (unsigned long long)i << 60; acc += gu.z >> 3; }
    printf("%lld %llx %u %u\n", acc, (unsigned long long)gu.z, gu.a, gu.b);
    unsigned char *p = (unsigned char *)&s;
    for (unsigned i = 0; i < sizeof s; i++) printf("%02x", p[i]);
    printf("\n");
    return 0;
}
struct __attribute__((packed)) V { unsigned char c; int x : 31; unsigned y : 30; short s : 9; };
struct V gv = { 1, -5, 1u << 29, -200 };
int v_main(void) {
    struct V v = gv;
    v.x = v.x * 3 + 1; v.y >>= 2; v.s ^= 0x55;
    printf("%zu %d %u %d\n", sizeof v, v.x, v.y, v.s);
    return 0;
}
