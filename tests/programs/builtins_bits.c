// GCC's bit and integer builtins (popcount, clz, ctz, ffs, parity, clrsb in int, long and long long forms; bswap; overflow checks with and without a result), folded for constants and computed at run time, and the compile-time ones (expect, constant_p, choose_expr, types_compatible_p, offsetof, object_size, classify_type), __builtin_setjmp/longjmp, alloca, frame and return addresses.
#include <limits.h>
#include <stdio.h>

struct inner {
    int x, y;
};
struct rec {
    char c;
    double d;
    struct inner in[3];
};
union un {
    int i;
    float f;
};
enum color { RED, GREEN };

static const unsigned samples[] = {0, 1, 2, 3, 0x80, 0xF0F0, 0x7FFFFFFF, 0x80000000u, 0xFFFFFFFFu, 12345678};
static const unsigned long long wide[] = {0, 1, 0x8000000000000000ull, 0xFF00FF00FF00FF00ull, 0x0123456789ABCDEFull,
                                          ~0ull, 1ull << 40, 0x00000000FFFFFFFFull};

/* Constant arguments: folded by the compiler, so they may size an array. */
static char folded[__builtin_popcount(0xFF) + __builtin_clz(1) + __builtin_ctzll(1ull << 50) + __builtin_ffs(8) +
                   __builtin_parity(7) + __builtin_clrsb(-1) + (int)__builtin_bswap16(0x0100)];

static void bits(void) {
    printf("folded %zu\n", sizeof folded);
    printf("const %d %d %d %d %d %d %d %d %d\n", __builtin_popcount(0xF0F0), __builtin_clz(0x10), __builtin_ctz(0x100),
           __builtin_ffs(0), __builtin_ffs(-8), __builtin_parity(0x7), __builtin_clrsb(0), __builtin_clrsb(-1),
           __builtin_clrsb(0x00FFFFFF));
    printf("const l %d %d %d %d %d %d\n", __builtin_popcountl(~0ul), __builtin_clzl(1ul), __builtin_ctzll(1ull << 63),
           __builtin_ffsll(1ll << 40), __builtin_parityll(0x3ull << 40), __builtin_clrsbl(-256l));
    printf("const swap %x %x %llx\n", __builtin_bswap16(0xABCD), __builtin_bswap32(0x12345678),
           (unsigned long long)__builtin_bswap64(0x0102030405060708ull));
    for (unsigned i = 0; i < sizeof samples / sizeof *samples; i++) {
        volatile unsigned v = samples[i];
        int s = (int)v;
        printf("%08x: pop %2d par %d ffs %2d clrsb %2d swap %08x %04x", v, __builtin_popcount(v), __builtin_parity(v),
               __builtin_ffs(s), __builtin_clrsb(s), __builtin_bswap32(v), __builtin_bswap16((unsigned short)v));
        if (v)
            printf(" clz %2d ctz %2d", __builtin_clz(v), __builtin_ctz(v));
        printf("\n");
    }
    for (unsigned i = 0; i < sizeof wide / sizeof *wide; i++) {
        volatile unsigned long long v = wide[i];
        long long s = (long long)v;
        long sl = (long)v;
        printf("%016llx: pop %2d %2d par %d %d ffs %2d %2d clrsb %2d %2d swap %016llx", v, __builtin_popcountll(v),
               __builtin_popcountl((unsigned long)v), __builtin_parityll(v), __builtin_parityl((unsigned long)v),
               __builtin_ffsll(s), __builtin_ffsl(sl), __builtin_clrsbll(s), __builtin_clrsbl(sl),
               (unsigned long long)__builtin_bswap64(v));
        if (v)
            printf(" clz %2d %2d ctz %2d %2d", __builtin_clzll(v), __builtin_clzl((unsigned long)v), __builtin_ctzll(v),
                   __builtin_ctzl((unsigned long)v));
        printf("\n");
    }
}

static void overflow(void) {
    long l;
    int i;
    unsigned u;
    int o = __builtin_sub_overflow(LONG_MIN, 1L, &l);
    printf("sub long %d %ld\n", o, l);
    o = __builtin_sub_overflow(LONG_MIN + 5, 1L, &l);
    printf("sub long %d %ld\n", o, l);
    o = __builtin_add_overflow(INT_MAX, 1, &i);
    printf("add int %d %d\n", o, i);
    o = __builtin_mul_overflow(65536, 65536, &u);
    printf("mul unsigned %d %u\n", o, u);
    o = __builtin_ssub_overflow(INT_MIN, 1, &i);
    printf("ssub %d %d\n", o, i);
    o = __builtin_usubl_overflow(1ul, 2ul, (unsigned long *)&l);
    printf("usubl %d %ld\n", o, l);
    volatile int big = INT_MAX, one = 1;
    printf("add_p %d %d %d\n", __builtin_add_overflow_p(big, one, (int)0), __builtin_add_overflow_p(big, one, (long)0),
           __builtin_add_overflow_p(100, 27, (signed char)0));
    printf("sub_p %d %d\n", __builtin_sub_overflow_p(one, 2, (unsigned)0), __builtin_sub_overflow_p(one, 2, 0));
    short sh = 0;
    printf("mul_p %d %d %d\n", __builtin_mul_overflow_p(200, 2, sh), __builtin_mul_overflow_p(200, 200, sh),
           __builtin_mul_overflow_p(big, big, 0ll));
    int side = 0;
    printf("add_p side %d", __builtin_add_overflow_p(side++, 1, (char)0));
    printf(" %d\n", side);
}

static void compile_time(void) {
    volatile int v = 5;
    char buf[10];
    char *p = buf;
    int n = 0;
    printf("expect %ld %ld\n", __builtin_expect(v == 5, 1), __builtin_expect_with_probability(v, 5, 0.9));
    printf("constant_p %d %d %d\n", __builtin_constant_p(3 * 4), __builtin_constant_p(v), __builtin_constant_p("s"));
    printf("choose %d %zu\n", __builtin_choose_expr(sizeof(int) == 4, 10, 2.0),
           sizeof(__builtin_choose_expr(0, (char)1, (short)2)));
    printf("compatible %d %d %d %d\n", __builtin_types_compatible_p(int, signed), __builtin_types_compatible_p(int, long),
           __builtin_types_compatible_p(int[], int[4]), __builtin_types_compatible_p(const int, int));
    printf("offsetof %zu %zu %zu\n", __builtin_offsetof(struct rec, d), __builtin_offsetof(struct rec, in[2].y),
           __builtin_offsetof(union un, f));
    /* What gcc -O0 answers (it tracks no objects); gcc -O2 would say 10. */
    printf("object_size %zu %zu %zu %zu", __builtin_object_size(p, 0), __builtin_object_size(p, 1),
           __builtin_object_size(p, 2), __builtin_object_size(p, 3));
    printf(" %d %d\n", __builtin_object_size(&buf[n++], 0) == (__SIZE_TYPE__)-1, n);
    struct rec r = {0};
    union un un = {0};
    enum color col = GREEN;
    _Bool b = 1;
    long double ld = 1;
    printf("classify %d %d %d %d %d %d %d %d %d %d %d\n", __builtin_classify_type(n), __builtin_classify_type('c'),
           __builtin_classify_type(col), __builtin_classify_type(b), __builtin_classify_type(1.5f),
           __builtin_classify_type(ld), __builtin_classify_type(p), __builtin_classify_type(buf),
           __builtin_classify_type(compile_time), __builtin_classify_type(r), __builtin_classify_type(un));
    __builtin_prefetch(p);
    __builtin_prefetch(p + 1, 1, 0);
    printf("assume_aligned %d\n", (char *)__builtin_assume_aligned(p, 1) == p);
}

static void *jb[5];
static int depth;

static void __attribute__((noinline)) jump(int d) {
    depth = d;
    if (d == 3)
        __builtin_longjmp(jb, 1);
    jump(d + 1);
}

static int try_jump(void) {
    if (__builtin_setjmp(jb) == 0) {
        jump(0);
        return -1;
    }
    return depth;
}

static int sum_alloca(int n) {
    int *a = __builtin_alloca(n * sizeof(int));
    for (int i = 0; i < n; i++)
        a[i] = i * i;
    int s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}

int main(void) {
    bits();
    overflow();
    compile_time();
    printf("setjmp %d\n", try_jump());
    printf("alloca %d %d\n", sum_alloca(10), sum_alloca(100));
    printf("frame %d return %d\n", __builtin_frame_address(0) != 0, __builtin_return_address(0) != 0);
    volatile int never = 0;
    if (never)
        __builtin_unreachable();
    if (never)
        __builtin_trap();
    return __builtin_expect(never, 0) + 7;
}
