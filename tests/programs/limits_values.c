/* Tests limits.h and float.h-free constants: min/max of every integer type and arithmetic at the limits without overflow. */
#include <stdio.h>
#include <limits.h>

int main(void) {
    printf("CHAR_BIT=%d\n", CHAR_BIT);
    printf("SCHAR %d..%d UCHAR_MAX=%d CHAR %d..%d\n", SCHAR_MIN, SCHAR_MAX, UCHAR_MAX, CHAR_MIN, CHAR_MAX);
    printf("SHRT %d..%d USHRT_MAX=%d\n", SHRT_MIN, SHRT_MAX, USHRT_MAX);
    printf("INT %d..%d UINT_MAX=%u\n", INT_MIN, INT_MAX, UINT_MAX);
    printf("LONG %ld..%ld ULONG_MAX=%lu\n", LONG_MIN, LONG_MAX, ULONG_MAX);
    printf("LLONG %lld..%lld ULLONG_MAX=%llu\n", LLONG_MIN, LLONG_MAX, ULLONG_MAX);
    printf("hex: %x %lx %llx\n", UINT_MAX, ULONG_MAX, ULLONG_MAX);
    printf("INT_MAX+1u=%u\n", INT_MAX + 1u);
    printf("(unsigned)INT_MIN=%u\n", (unsigned)INT_MIN);
    printf("-(INT_MIN+1)=%d\n", -(INT_MIN + 1));
    printf("INT_MIN/2=%d INT_MIN%%3=%d\n", INT_MIN / 2, INT_MIN % 3);
    printf("INT_MAX/-1=%d\n", INT_MAX / -1);
    printf("LLONG_MIN+LLONG_MAX=%lld\n", LLONG_MIN + LLONG_MAX);
    printf("(long long)ULLONG_MAX=%lld\n", (long long)ULLONG_MAX);
    printf("(int)UINT_MAX=%d\n", (int)UINT_MAX);
    printf("(short)USHRT_MAX=%d (short)40000=%d\n", (short)USHRT_MAX, (short)40000);
    printf("(int)2147483648LL=%d\n", (int)2147483648LL);
    printf("(int)4294967297LL=%d\n", (int)4294967297LL);
    printf("LONG_MAX==LLONG_MAX: %d\n", LONG_MAX == LLONG_MAX);
    printf("sizeof INT_MAX=%zu sizeof UINT_MAX=%zu sizeof LONG_MAX=%zu\n", sizeof INT_MAX, sizeof UINT_MAX, sizeof LONG_MAX);
    /* literal types */
    printf("sizeof 2147483647=%zu sizeof 2147483648=%zu sizeof 0x7fffffff=%zu sizeof 0x80000000=%zu sizeof 0xffffffff=%zu\n",
           sizeof 2147483647, sizeof 2147483648, sizeof 0x7fffffff, sizeof 0x80000000, sizeof 0xffffffff);
    printf("sizeof 4294967296=%zu sizeof 0x100000000=%zu sizeof 10u=%zu sizeof 10l=%zu sizeof 10ul=%zu sizeof 10ll=%zu\n",
           sizeof 4294967296, sizeof 0x100000000, sizeof 10u, sizeof 10l, sizeof 10ul, sizeof 10ll);
    printf("-2147483648 is long? %d\n", sizeof(-2147483648) == sizeof(long));
    printf("0x80000000 > 0: %d\n", 0x80000000 > 0);
    printf("octal 0777=%d 0x1F=%d 017u=%u 0XABCDEFul=%lu\n", 0777, 0x1F, 017u, 0XABCDEFul);
    /* safe overflow detection */
    int a = INT_MAX - 5, b = 10;
    int overflows = a > INT_MAX - b;
    printf("would overflow: %d\n", overflows);
    unsigned ua = UINT_MAX - 3, ub = 7;
    unsigned us = ua + ub;
    printf("unsigned wrapped sum=%u carry=%d\n", us, us < ua);
    long long m = LLONG_MAX;
    printf("LLONG_MAX/7=%lld rem=%lld\n", m / 7, m % 7);
    printf("LLONG_MIN/10=%lld rem=%lld\n", LLONG_MIN / 10, LLONG_MIN % 10);
    return 0;
}
