/* Tests strtol/strtoul/strtoll/strtod parsing: bases, end pointers, whitespace, signs, and ERANGE overflow via errno. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <limits.h>

static void try_strtol(const char *s, int base) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, base);
    printf("strtol(\"%s\",%d)=%ld consumed=%td errno=%s\n", s, base, v, end - s, errno == ERANGE ? "ERANGE" : errno == 0 ? "0" : "other");
}

static void try_strtoul(const char *s, int base) {
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, base);
    printf("strtoul(\"%s\",%d)=%lu consumed=%td errno=%s\n", s, base, v, end - s, errno == ERANGE ? "ERANGE" : errno == 0 ? "0" : "other");
}

int main(void) {
    try_strtol("12345", 10);
    try_strtol("   -42abc", 10);
    try_strtol("+17", 10);
    try_strtol("0x1F", 16);
    try_strtol("0x1F", 0);
    try_strtol("0755", 0);
    try_strtol("0755", 10);
    try_strtol("1010", 2);
    try_strtol("zz", 36);
    try_strtol("abc", 10);
    try_strtol("", 10);
    try_strtol("9223372036854775807", 10);
    try_strtol("9223372036854775808", 10);
    try_strtol("-9223372036854775808", 10);
    try_strtol("-9223372036854775809", 10);
    try_strtol("99999999999999999999999", 10);
    try_strtoul("18446744073709551615", 10);
    try_strtoul("18446744073709551616", 10);
    try_strtoul("-1", 10);
    try_strtoul("ffffffff", 16);
    errno = 0;
    long long ll = strtoll("-123456789012345", NULL, 10);
    printf("strtoll=%lld errno=%d\n", ll, errno);
    unsigned long long ull = strtoull("0777777777777777777777", NULL, 8);
    printf("strtoull=%llu\n", ull);
    const char *ds[] = {"3.14159", "  -2.5e3xyz", "1e-5", "0x1.8p1", ".5", "inf_not", "abc", "1e400"};
    for (int i = 0; i < 8; i++) {
        char *end;
        errno = 0;
        double d = strtod(ds[i], &end);
        if (d > 1e300) printf("strtod(\"%s\")=huge consumed=%td erange=%d\n", ds[i], end - ds[i], errno == ERANGE);
        else printf("strtod(\"%s\")=%g consumed=%td erange=%d\n", ds[i], d, end - ds[i], errno == ERANGE);
    }
    printf("atoi: %d %d %d %d\n", atoi("42"), atoi("  -17x"), atoi("x"), atoi("2147483647"));
    printf("atol: %ld atoll: %lld atof: %.3f\n", atol("-1000000000000"), atoll("123456789012"), atof("6.25e-1"));
    /* parse a list of numbers with end pointer chaining */
    const char *list = "10 20, -30;0x40 077";
    const char *p = list;
    long total = 0;
    for (;;) {
        char *end;
        long v = strtol(p, &end, 0);
        if (end == p) { if (!*p) break; p++; continue; }
        printf("parsed %ld\n", v);
        total += v;
        p = end;
    }
    printf("total=%ld\n", total);
    errno = 0;
    printf("errno reset=%d EDOM!=ERANGE: %d\n", errno, EDOM != ERANGE);
    return 0;
}
