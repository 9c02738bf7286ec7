// over-aligned objects: _Alignas and __attribute__((aligned(N))) on locals (beyond the 16 bytes frames are aligned to), static locals and globals, over-aligned struct types, with initializers and in recursion
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct __attribute__((aligned(64))) line { int id; char tag[8]; };

char pad1;
_Alignas(64) char gbuf[3] = "ab";
char pad2;
int gint __attribute__((aligned(128))) = 77;
struct line gline = { 9, "global" };

static int mis(const void *p, uintptr_t a) { return (int)((uintptr_t)p % a); }

static int by_value(struct line x, int k) {
    x.id += k;
    return mis(&x, 64) * 1000 + x.id;
}

static struct line make(int id) {
    struct line l = { id, "made" };
    return l;
}

static int depth(int n) {
    _Alignas(32) double v[4] = { n, n + 1, n + 2, n + 3 };
    char c = (char)n;
    if (mis(v, 32) != 0 || c != (char)n)
        return -1000;
    return n == 0 ? (int)v[3] : (int)v[0] + depth(n - 1);
}

static int jumped(int skip) {
    if (skip)
        goto later;
    _Alignas(64) int x = 5;
later:
    x = 7 + skip;
    return mis(&x, 64) * 100 + x;
}

int main(void) {
    char a = 1;
    _Alignas(32) int z = 5;
    char b = 2;
    int al __attribute__((aligned(64))) = 6;
    struct line l = { 3, "local" };
    struct line arr[2] = { { 1, "x" }, { 2, "y" } };
    static _Alignas(32) char s1 = 'q';
    static struct line sl;
    printf("%d %d %d %d %d %d %d\n", mis(&z, 32), mis(&al, 64), mis(&l, 64), mis(&arr[1], 64),
           mis(&s1, 32), mis(&sl, 64), mis(&gline, 64));
    printf("%d %d %d\n", mis(gbuf, 64), mis(&gint, 128), (int)_Alignof(struct line));
    printf("%d %d %d %d %s %s %d %s %c %s %d %s\n", a, z, b, al, l.tag, arr[1].tag, l.id, gbuf,
           s1, gline.tag, gint, sl.tag);
    z += al;
    strcpy(l.tag, "changed");
    printf("%d %s %zu\n", z, l.tag, sizeof l);
    printf("%d %d %d\n", depth(10), jumped(1), jumped(0));
    printf("%d %d %d\n", by_value(l, 4), l.id, by_value(make(20), 1));
    struct line *cl = &(struct line){ 5, "literal" };
    printf("%d %d %s %d\n", mis(cl, 64), cl->id, cl->tag, make(8).id);
    return 0;
}
