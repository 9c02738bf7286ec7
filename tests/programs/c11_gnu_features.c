// C11 and GNU features real code uses: bit-fields, _Generic, anonymous struct/union members, _Alignas/_Alignof, _Static_assert, statement expressions, typeof, case ranges, K&R definitions, wide and UTF literals, __builtin_* helpers
#include <stdio.h>
#include <stddef.h>
#include <stdalign.h>
#include <wchar.h>

struct flags {
    unsigned a : 1;
    unsigned b : 3;
    signed c : 4;
    unsigned : 0;
    unsigned d : 7;
    int e : 5;
};

struct packet {
    unsigned char kind;
    union {
        struct { short x, y; };
        int whole;
    };
    char tail[];
};

struct __attribute__((packed)) tight { char c; int i; };
struct aligned { char c; _Alignas(16) int i; };

#define type_name(x) _Generic((x), int: "int", long: "long", double: "double", char *: "char *", default: "other")

_Static_assert(sizeof(int) == 4, "int is 32 bits");

static int knr(a, b)
    int a;
    long b;
{
    return a * 100 + (int)b;
}

static const char *classify(int c) {
    switch (c) {
    case '0' ... '9': return "digit";
    case 'a' ... 'z':
    case 'A' ... 'Z': return "letter";
    default: return "other";
    }
}

int main(void) {
    struct flags f = { 1, 5, -3, 100, -7 };
    printf("flags: %u %u %d %u %d size=%zu\n", f.a, f.b, f.c, f.d, f.e, sizeof f);
    f.b += 3;
    f.c = 7;
    f.e = 15;
    f.e++;
    printf("after: b=%u c=%d e=%d\n", f.b, f.c, f.e);

    struct packet p = { 3, { { 10, 20 } } };
    printf("packet: kind=%d x=%d y=%d whole=%d size=%zu off(tail)=%zu\n", p.kind, p.x, p.y, p.whole == (20 << 16 | 10), sizeof p, offsetof(struct packet, tail));
    printf("tight=%zu aligned=%zu align=%zu off=%zu\n", sizeof(struct tight), sizeof(struct aligned), alignof(struct aligned), offsetof(struct aligned, i));

    long l = 5;
    char *s = "x";
    printf("generic: %s %s %s %s %s\n", type_name(1), type_name(l), type_name(2.0), type_name(s), type_name('c' + 0.5f));

    int sq = ({ int t = 7; t * t; });
    typeof(sq) copy = sq + 1;
    __typeof__(l) lcopy = l * 2;
    printf("stmt expr %d typeof %d %ld\n", sq, copy, lcopy);

    printf("knr %d\n", knr(3, 4L));
    printf("classify: %s %s %s %s\n", classify('7'), classify('q'), classify('Q'), classify('#'));

    wchar_t w[] = L"wide";
    printf("wide: %zu %d %d\n", sizeof w / sizeof w[0], (int)w[0], (int)w[3]);
    printf("u8: %s %zu\n", u8"utf8", sizeof(u8"utf8"));
    printf("u'x'=%d U'y'=%d L'z'=%d\n", (int)u'x', (int)U'y', (int)L'z');

    printf("expect %ld compatible %d\n", __builtin_expect(l == 5, 1), __builtin_types_compatible_p(int, signed));
    printf("constant_p %d %d\n", __builtin_constant_p(3 * 4), __builtin_constant_p(l));
    printf("offsetof %zu\n", __builtin_offsetof(struct packet, y));
    unsigned bits = 0xF0F0u;
    unsigned long wide = ~0UL >> 3;
    printf("runtime builtins: %d %d %d %d %d %x %d\n", __builtin_popcount(bits), __builtin_clz(bits), __builtin_ctz(bits),
           __builtin_popcountl(wide), __builtin_clzl(wide), __builtin_bswap32(bits), __builtin_ffs((int)bits));
    return 0;
}
