/* Tests well-defined unsigned wraparound for all unsigned widths. */
#include <stdio.h>
#include <limits.h>

int main(void) {
    unsigned char uc = 0;
    uc--;
    printf("uc after -- = %u\n", uc);
    uc++;
    printf("uc after ++ = %u\n", uc);
    uc = 200; uc += 100;
    printf("200+100 uchar = %u\n", uc);

    unsigned short us = 0;
    us = (unsigned short)(us - 1);
    printf("us=%u\n", us);
    us = 65535; us++;
    printf("us wrap=%u\n", us);

    unsigned u = 0;
    u--;
    printf("u=%u\n", u);
    printf("u+1=%u\n", u + 1);
    printf("UINT_MAX*UINT_MAX=%u\n", UINT_MAX * UINT_MAX);
    printf("(unsigned)-1=%u\n", (unsigned)-1);
    printf("(unsigned)-2=%u\n", (unsigned)-2);
    printf("0u-1u=%u\n", 0u - 1u);
    printf("-1u=%u\n", -1u);
    printf("-(0x80000000u)=%u\n", -(0x80000000u));

    unsigned long ul = 0;
    ul -= 1;
    printf("ul=%lu\n", ul);
    ul = ULONG_MAX; ul += 2;
    printf("ul+2=%lu\n", ul);

    unsigned long long ull = 0;
    ull = ~ull;
    printf("ull=%llu\n", ull);
    printf("ull*3=%llu\n", ull * 3);

    /* counting down loop with unsigned */
    unsigned k;
    int count = 0;
    for (k = 5; k < 100; k--) count++;
    printf("countdown iterations=%d k=%u\n", count, k);

    /* multiplication hash (FNV-1a 32-bit) */
    const char *s = "hello world";
    unsigned h = 2166136261u;
    for (const char *p = s; *p; p++) {
        h ^= (unsigned char)*p;
        h *= 16777619u;
    }
    printf("fnv1a=%u (0x%08x)\n", h, h);

    /* 64-bit FNV */
    unsigned long long h64 = 14695981039346656037ULL;
    for (const char *p = s; *p; p++) {
        h64 ^= (unsigned char)*p;
        h64 *= 1099511628211ULL;
    }
    printf("fnv1a64=%llu\n", h64);

    /* LCG */
    unsigned state = 12345;
    for (int i = 0; i < 5; i++) {
        state = state * 1103515245u + 12345u;
        printf("lcg[%d]=%u\n", i, (state >> 16) & 0x7fff);
    }
    /* difference of unsigned */
    unsigned a = 3, b = 5;
    printf("a-b=%u (a-b)/2=%u\n", a - b, (a - b) / 2);
    printf("(int)(a-b)=%d\n", (int)(a - b));
    return 0;
}
