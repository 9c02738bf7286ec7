/* Tests unions: shared storage, type punning through unions (defined in C11), sizeof and byte views. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

union num { int32_t i; uint32_t u; float f; unsigned char bytes[4]; };
union wide { double d; uint64_t u; int64_t i; unsigned char b[8]; };
struct tagged { int kind; union { long l; double d; const char *s; } as; };

static void show(struct tagged t) {
    switch (t.kind) {
    case 0: printf("long %ld\n", t.as.l); break;
    case 1: printf("double %.3f\n", t.as.d); break;
    case 2: printf("string %s\n", t.as.s); break;
    }
}

int main(void) {
    union num n;
    n.f = 1.0f;
    printf("1.0f bits=0x%08x\n", (unsigned)n.u);
    n.f = -2.5f;
    printf("-2.5f bits=0x%08x\n", (unsigned)n.u);
    n.u = 0x40490fdbu;
    printf("0x40490fdb as float=%.6f\n", n.f);
    n.i = -1;
    printf("-1 as unsigned=%u\n", (unsigned)n.u);
    n.u = 0x01020304u;
    printf("little-endian bytes: %d %d %d %d\n", n.bytes[0], n.bytes[1], n.bytes[2], n.bytes[3]);
    union wide w;
    w.d = 1.0;
    printf("1.0 bits=0x%016llx\n", (unsigned long long)w.u);
    w.d = -0.0;
    printf("-0.0 bits=0x%016llx\n", (unsigned long long)w.u);
    w.u = 0x7ff0000000000000ull;
    printf("inf? %d\n", w.d > 1e308);
    w.i = -2;
    printf("b0=%d b7=%d\n", w.b[0], w.b[7]);
    printf("sizeof num=%zu wide=%zu tagged=%zu\n", sizeof(union num), sizeof(union wide), sizeof(struct tagged));
    struct tagged ts[3];
    ts[0].kind = 0; ts[0].as.l = 123456789012L;
    ts[1].kind = 1; ts[1].as.d = 2.718;
    ts[2].kind = 2; ts[2].as.s = "hello";
    for (int i = 0; i < 3; i++) show(ts[i]);
    /* union initialization initializes the first member */
    union num z = {0x3f800000};
    printf("z.f=%.2f\n", z.f);
    union num dz = {.f = 0.5f};
    printf("dz.u=0x%08x\n", (unsigned)dz.u);
    /* union assignment copies all bytes */
    union wide w2;
    w.d = 3.5;
    w2 = w;
    printf("w2.d=%.2f\n", w2.d);
    /* memcpy-based punning also fine */
    double pi = 3.141592653589793;
    uint64_t bits;
    memcpy(&bits, &pi, sizeof bits);
    printf("pi bits=0x%016llx exponent=%d\n", (unsigned long long)bits, (int)((bits >> 52) & 0x7ff) - 1023);
    /* extract float fields */
    float vals[] = {1.0f, 0.15625f, -118.625f, 1e-3f};
    for (int i = 0; i < 4; i++) {
        union num t;
        t.f = vals[i];
        printf("%g: sign=%u exp=%u mant=0x%06x\n", vals[i], (unsigned)(t.u >> 31), (unsigned)((t.u >> 23) & 0xff), (unsigned)(t.u & 0x7fffff));
    }
    return 0;
}
