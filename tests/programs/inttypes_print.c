/* Tests inttypes.h format macros (PRId8..PRIu64, PRIx64, PRIdMAX, PRIuPTR) with intmax_t values parsed by strtoll/strtoull. */
#include <stdio.h>
#include <inttypes.h>
#include <stdlib.h>

int main(void) {
    int8_t a = -100;
    int16_t b = -30000;
    int32_t c = -2000000000;
    int64_t d = INT64_MIN;
    uint8_t e = 250;
    uint16_t f = 65000;
    uint32_t g = 4000000000u;
    uint64_t h = UINT64_MAX;
    printf("%" PRId8 " %" PRId16 " %" PRId32 " %" PRId64 "\n", a, b, c, d);
    printf("%" PRIu8 " %" PRIu16 " %" PRIu32 " %" PRIu64 "\n", e, f, g, h);
    printf("%" PRIx8 " %" PRIx16 " %" PRIx32 " %" PRIx64 "\n", e, f, g, h);
    printf("%" PRIX32 " %" PRIX64 " %" PRIo32 " %" PRIo64 "\n", g, h, g, (uint64_t)511);
    printf("%" PRIi32 " %" PRIi64 "\n", c, (int64_t)123456789012345LL);
    printf("[%20" PRId64 "] [%-20" PRIu64 "] [%020" PRIx64 "]\n", d, (uint64_t)42, (uint64_t)0xabcdef);
    intmax_t im = INTMAX_MAX;
    uintmax_t um = UINTMAX_MAX;
    printf("%" PRIdMAX " %" PRIuMAX "\n", im, um);
    uintptr_t up = 0x1234;
    printf("uintptr=%" PRIuPTR " hex=%" PRIxPTR "\n", up, up);
    int_least16_t l16 = -5;
    int_fast32_t f32 = 77;
    printf("%" PRIdLEAST16 " %" PRIdFAST32 "\n", l16, f32);
    char *end;
    intmax_t p = strtoll("  -9223372036854775807xyz", &end, 10);
    printf("strtoll=%" PRIdMAX " rest=%s\n", p, end);
    uintmax_t q = strtoull("0xFFFFFFFFFFFFFFFF", &end, 16);
    printf("strtoull=%" PRIuMAX " rest=[%s]\n", q, end);
    printf("SCN check: %s %s\n", PRId64, PRIu32);
    return 0;
}
