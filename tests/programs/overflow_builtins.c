// GCC overflow builtins: generic (__builtin_add/sub/mul_overflow with mixed operand and result types) and typed (sadd, umull, ...)
#include <limits.h>
#include <stdio.h>
#include <stdint.h>

#define SHOW(call, fmt, var) do { int o_ = (call); printf("%d " fmt "\n", o_, var); } while (0)

int main(void) {
    int r = 0;
    unsigned u = 0;
    long l = 0;
    unsigned char c = 0;
    long long ll = 0;
    SHOW(__builtin_add_overflow(INT_MAX, 1, &r), "%d", r);
    SHOW(__builtin_add_overflow(40, 2, &r), "%d", r);
    SHOW(__builtin_sub_overflow(INT_MIN, 1, &r), "%d", r);
    SHOW(__builtin_sub_overflow(0, 1, &u), "%u", u);
    SHOW(__builtin_sub_overflow(5u, 3, &u), "%u", u);
    SHOW(__builtin_mul_overflow(INT_MAX, 2, &l), "%ld", l);
    SHOW(__builtin_mul_overflow(LONG_MAX, 2L, &l), "%ld", l);
    SHOW(__builtin_add_overflow(200, 100, &c), "%d", c);
    SHOW(__builtin_add_overflow(200, 55, &c), "%d", c);
    SHOW(__builtin_mul_overflow((long long)INT64_MAX, -1, &ll), "%lld", ll);
    SHOW(__builtin_mul_overflow(INT64_MIN, -1LL, &ll), "%lld", ll);
    SHOW(__builtin_sadd_overflow(INT_MAX, 0, &r), "%d", r);
    SHOW(__builtin_uadd_overflow(UINT_MAX, 1u, &u), "%u", u);
    unsigned long ul = 0;
    SHOW(__builtin_umull_overflow(1UL << 40, 1UL << 30, &ul), "%lu", ul);
    SHOW(__builtin_umull_overflow(1UL << 20, 1UL << 30, &ul), "%lu", ul);
    SHOW(__builtin_ssubl_overflow(LONG_MIN, 1L, &l), "%ld", l);
    for (int i = 0; i < 40; i += 7) {
        int p;
        int o = __builtin_mul_overflow(i * 1000000, i * 100, &p);
        printf("i=%d overflow=%d p=%d\n", i, o, o ? 0 : p);
    }
    return 0;
}
