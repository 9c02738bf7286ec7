/* Tests stdint.h exact-width, least, fast, max and pointer-sized types, their limits and wraparound. */
#include <stdio.h>
#include <stdint.h>

int main(void) {
    int8_t i8 = INT8_MIN;
    uint8_t u8 = UINT8_MAX;
    int16_t i16 = INT16_MAX;
    uint16_t u16 = UINT16_MAX;
    int32_t i32 = INT32_MIN;
    uint32_t u32 = UINT32_MAX;
    int64_t i64 = INT64_MAX;
    uint64_t u64 = UINT64_MAX;
    printf("i8=%d u8=%d i16=%d u16=%d\n", i8, u8, i16, u16);
    printf("i32=%d u32=%u\n", (int)i32, (unsigned)u32);
    printf("i64=%lld u64=%llu\n", (long long)i64, (unsigned long long)u64);
    u8++; u16++; u32++; u64++;
    printf("wrapped: %d %d %u %llu\n", u8, u16, (unsigned)u32, (unsigned long long)u64);
    i8 = (int8_t)(i8 - 1);
    printf("i8-1 -> %d\n", i8);
    printf("sizes: %zu %zu %zu %zu\n", sizeof(int8_t), sizeof(int16_t), sizeof(int32_t), sizeof(int64_t));
    printf("least: %zu %zu %zu %zu\n", sizeof(int_least8_t), sizeof(int_least16_t), sizeof(uint_least32_t), sizeof(uint_least64_t));
    printf("fast8=%zu intmax=%zu uintptr=%zu\n", sizeof(int_fast8_t), sizeof(intmax_t), sizeof(uintptr_t));
    printf("INTMAX_MAX=%lld UINTMAX_MAX=%llu\n", (long long)INTMAX_MAX, (unsigned long long)UINTMAX_MAX);
    printf("SIZE_MAX=%zu PTRDIFF_MAX=%td\n", SIZE_MAX, PTRDIFF_MAX);
    printf("INT16_MIN=%d INT64_MIN=%lld\n", INT16_MIN, (long long)INT64_MIN);
    printf("INT32_C(5)=%d UINT64_C(1)<<63=%llu\n", (int)INT32_C(5), (unsigned long long)(UINT64_C(1) << 63));
    /* bit manipulation with fixed widths */
    uint32_t x = 0xDEADBEEF;
    uint32_t swapped = (x >> 24) | ((x >> 8) & 0xFF00) | ((x << 8) & 0xFF0000) | (x << 24);
    printf("bswap32=0x%08x\n", (unsigned)swapped);
    uint64_t y = 0x0123456789ABCDEFull;
    uint64_t r = 0;
    for (int i = 0; i < 8; i++) r = (r << 8) | ((y >> (i * 8)) & 0xFF);
    printf("bswap64=0x%016llx\n", (unsigned long long)r);
    int16_t neg = -1234;
    uint16_t as_u = (uint16_t)neg;
    printf("int16 -1234 as uint16=%u back=%d\n", as_u, (int16_t)as_u);
    int32_t prod = (int32_t)((int64_t)100000 * 30000 % 1000000007);
    printf("modmul=%d\n", (int)prod);
    uint8_t bytes[4] = {0x12, 0x34, 0x56, 0x78};
    uint32_t be = (uint32_t)bytes[0] << 24 | (uint32_t)bytes[1] << 16 | (uint32_t)bytes[2] << 8 | bytes[3];
    printf("be=0x%08x\n", (unsigned)be);
    /* uint8_t arithmetic promotes */
    uint8_t p = 200, q = 100;
    printf("p+q=%d (uint8_t)(p+q)=%d p-q-q-q=%d\n", p + q, (uint8_t)(p + q), p - q - q - q);
    return 0;
}
