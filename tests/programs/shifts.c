/* Tests left/right shifts on signed and unsigned values of various widths (no UB). */
#include <stdio.h>
#include <stdint.h>

int main(void) {
    for (int i = 0; i < 32; i += 3)
        printf("1u<<%d=%u\n", i, 1u << i);
    printf("1u<<31=%u\n", 1u << 31);
    printf("1ul<<63=%lu\n", 1ul << 63);
    printf("1ull<<40=%llu\n", 1ull << 40);
    printf("0x80000000u>>31=%u\n", 0x80000000u >> 31);
    printf("0xFFFFFFFFu>>4=%x\n", 0xFFFFFFFFu >> 4);

    int neg = -256;
    printf("-256>>1=%d\n", neg >> 1);
    printf("-256>>4=%d\n", neg >> 4);
    printf("-1>>10=%d\n", -1 >> 10);
    printf("-7>>1=%d\n", -7 >> 1);
    long nl = -1000000000000L;
    printf("nl>>20=%ld\n", nl >> 20);

    int x = 0x12345678;
    printf("x>>8=%x x<<2=%x\n", x >> 8, x << 2);
    unsigned ux = 0x12345678u;
    printf("rotl8=%08x rotr8=%08x\n", (ux << 8) | (ux >> 24), (ux >> 8) | (ux << 24));

    unsigned char uc = 0x81;
    printf("uc<<1=%d (uchar)=%d uc>>1=%d\n", uc << 1, (unsigned char)(uc << 1), uc >> 1);
    signed char sc = -128;
    printf("sc>>3=%d\n", sc >> 3);

    /* shift count from a variable, of different type */
    long long cnt = 5;
    printf("3<<cnt=%d\n", 3 << cnt);
    unsigned char shamt = 7;
    printf("1000>>shamt=%d\n", 1000 >> shamt);

    /* compound shifts */
    unsigned v = 1;
    v <<= 10; printf("v=%u\n", v);
    v >>= 3;  printf("v=%u\n", v);
    int sv = -64;
    sv >>= 2; printf("sv=%d\n", sv);

    uint64_t m = 0;
    for (int i = 0; i < 64; i += 7) m |= (uint64_t)1 << i;
    printf("m=%llx\n", (unsigned long long)m);
    uint16_t h = 0xABCD;
    printf("swap16=%x\n", (uint16_t)((h << 8) | (h >> 8)));
    /* type of shift result is type of promoted left operand */
    printf("sizeof(1<<2LL)=%zu sizeof(1LL<<2)=%zu\n", sizeof(1 << 2LL), sizeof(1LL << 2));
    /* bit extraction */
    unsigned w = 0xDEADBEEF;
    for (int i = 28; i >= 0; i -= 4) printf("%X", (w >> i) & 0xF);
    printf("\n");
    return 0;
}
