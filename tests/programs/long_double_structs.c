/* Structs of long doubles by value: arguments, results, variadic arguments (as c-testsuite 00204) */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct hfa31 {
    long double a;
};
struct hfa32 {
    long double a, b;
};
struct hfa33 {
    long double a, b, c;
};
struct hfa34 {
    long double a, b, c, d;
};
struct mixed {
    char c;
    long double x;
    int i;
    double d;
};

struct hfa31 g31 = {31.1L};
struct hfa32 g32 = {32.1L, 32.2L};
struct hfa33 g33 = {33.1L, 33.2L, 33.3L};
struct hfa34 g34 = {34.1L, 34.2L, 34.3L, 34.4L};
struct mixed gm = {'m', 1.0L / 3, -5, 0.5};

static void fa31(struct hfa31 a) { printf("%.1Lf\n", a.a); }
static void fa32(struct hfa32 a) { printf("%.1Lf %.1Lf\n", a.a, a.b); }
static void fa33(struct hfa33 a) { printf("%.1Lf %.1Lf %.1Lf\n", a.a, a.b, a.c); }
static void fa34(struct hfa34 a) { printf("%.1Lf %.1Lf %.1Lf %.1Lf\n", a.a, a.b, a.c, a.d); }
static void fam(struct mixed m) { printf("%c %.21Lg %d %g\n", m.c, m.x, m.i, m.d); }

/* Many at once: far more than the registers hold. */
static void fa_many(struct hfa34 a, struct hfa31 b, int i, struct hfa33 c, long double x,
                    struct hfa32 d, double y, struct mixed m) {
    printf("%.1Lf %.1Lf %d %.1Lf %.1Lf %.1Lf %.1f %c %.1Lf\n", a.d, b.a, i, c.c, x, d.b, y, m.c,
           m.x * 3);
}

static struct hfa31 fr31(void) { return g31; }
static struct hfa32 fr32(void) { return g32; }
static struct hfa33 fr33(void) { return g33; }
static struct hfa34 fr34(long double k) {
    struct hfa34 r = g34;
    r.a *= k;
    r.d += k;
    return r;
}
static struct mixed frm(struct mixed m) {
    m.x = -m.x;
    m.i *= 2;
    return m;
}

/* A small printf of our own: struct arguments through va_arg. */
static void myprintf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    for (const char *s = fmt; *s; s++) {
        if (*s != '%') {
            putchar(*s);
            continue;
        }
        s++;
        if (!strncmp(s, "h31", 3)) {
            struct hfa31 x = va_arg(ap, struct hfa31);
            printf("%.1Lf", x.a);
        } else if (!strncmp(s, "h32", 3)) {
            struct hfa32 x = va_arg(ap, struct hfa32);
            printf("%.1Lf,%.1Lf", x.a, x.b);
        } else if (!strncmp(s, "h33", 3)) {
            struct hfa33 x = va_arg(ap, struct hfa33);
            printf("%.1Lf,%.1Lf,%.1Lf", x.a, x.b, x.c);
        } else if (!strncmp(s, "h34", 3)) {
            struct hfa34 x = va_arg(ap, struct hfa34);
            printf("%.1Lf,%.1Lf,%.1Lf,%.1Lf", x.a, x.b, x.c, x.d);
        } else if (!strncmp(s, "mix", 3)) {
            struct mixed x = va_arg(ap, struct mixed);
            printf("%c/%.5Lf/%d", x.c, x.x, x.i);
        } else if (!strncmp(s, "ld_", 3)) {
            printf("%.3Lf", va_arg(ap, long double));
        } else if (!strncmp(s, "int", 3)) {
            printf("%d", va_arg(ap, int));
        }
        s += 2;
    }
    va_end(ap);
}

int main(void) {
    fa31(g31);
    fa32(g32);
    fa33(g33);
    fa34(g34);
    fam(gm);
    fa_many(g34, g31, 7, g33, 0.5L, g32, 2.5, gm);

    struct hfa31 r31 = fr31();
    struct hfa32 r32 = fr32();
    struct hfa33 r33 = fr33();
    struct hfa34 r34 = fr34(2);
    printf("%.1Lf | %.1Lf %.1Lf | %.1Lf | %.1Lf %.1Lf\n", r31.a, r32.a, r32.b, r33.c, r34.a, r34.d);
    printf("%.1Lf %.1Lf\n", fr34(3).b, fr32().b + fr31().a);
    struct mixed m = frm(gm);
    printf("%c %.21Lg %d %g\n", m.c, m.x, m.i, m.d);

    myprintf("a %h31 b %h32 c %h33 d %h34 e %mix\n", g31, g32, g33, g34, gm);
    myprintf("%int %ld_ %h34 %int %ld_ %h31 %int\n", 1, 2.25L, g34, 3, 1e3L, g31, 4);
    myprintf("%h33 %h33 %h33 %h33 %h33\n", g33, r33, g33, r33, g33);

    struct hfa34 arr[3] = {g34, r34, {1, 2, 3, 4}};
    long double total = 0;
    for (int i = 0; i < 3; i++)
        total += arr[i].a + arr[i].b + arr[i].c + arr[i].d;
    printf("%.21Lg\n", total);
    printf("%zu %zu %zu\n", sizeof(struct hfa33), sizeof(struct mixed), _Alignof(struct mixed));
    return 0;
}
