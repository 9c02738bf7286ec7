// variadic function definitions: va_start/va_arg/va_end/va_copy with ints, longs, doubles, pointers and structs, and a va_list passed on to vprintf/vsnprintf
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct pair { int a; int b; };
struct big { long x, y, z; };

static int sum_ints(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, int);
    va_end(ap);
    return s;
}

static double mean(int n, ...) {
    va_list ap;
    va_start(ap, n);
    double s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, double);
    va_end(ap);
    return n ? s / n : 0;
}

/* A tiny printf: %d %l %f %s %c %p(pair) %B(big) */
static void show(const char *fmt, ...) {
    va_list ap, copy;
    va_start(ap, fmt);
    va_copy(copy, ap);
    int count = 0;
    for (const char *p = fmt; *p; p++) if (*p == '%') count++;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') { putchar(*p); continue; }
        switch (*++p) {
        case 'd': printf("%d", va_arg(ap, int)); break;
        case 'l': printf("%ld", va_arg(ap, long)); break;
        case 'f': printf("%.3f", va_arg(ap, double)); break;
        case 's': printf("%s", va_arg(ap, const char *)); break;
        case 'c': putchar(va_arg(ap, int)); break;
        case 'p': { struct pair q = va_arg(ap, struct pair); printf("(%d,%d)", q.a, q.b); break; }
        case 'B': { struct big b = va_arg(ap, struct big); printf("[%ld %ld %ld]", b.x, b.y, b.z); break; }
        }
    }
    va_end(ap);
    /* the copy still starts at the first variadic argument */
    if (fmt[0] == '%' && fmt[1] == 'd') printf(" first again: %d", va_arg(copy, int));
    va_end(copy);
    printf(" (%d conversions)\n", count);
}

static int logf_to(char *buf, size_t n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

static void logv(const char *prefix, const char *fmt, va_list ap) {
    printf("%s", prefix);
    vprintf(fmt, ap);
}

static void logp(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    logv("log: ", fmt, ap);
    va_end(ap);
}

static long many(int n, ...) {
    va_list ap;
    va_start(ap, n);
    long s = 0;
    for (int i = 0; i < n; i++) s = s * 3 + (i % 2 ? va_arg(ap, long) : va_arg(ap, int));
    va_end(ap);
    return s;
}

int main(void) {
    printf("%d %d %d\n", sum_ints(0), sum_ints(3, 1, 2, 3), sum_ints(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    printf("%.4f %.4f\n", mean(2, 1.5, 2.5), mean(9, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0));
    struct pair pr = { 3, 4 };
    struct big bg = { 10, 20, 30 };
    show("%d and %l, %f %s %c %p %B", 42, 1234567890123L, 2.5, "str", 'z', pr, bg);
    char buf[64];
    int r = logf_to(buf, sizeof buf, "%s=%d (%.2f)", "x", 7, 0.25);
    printf("%d [%s]\n", r, buf);
    r = logf_to(buf, 6, "%s", "truncated text");
    printf("%d [%s]\n", r, buf);
    logp("%d %s %g\n", 5, "five", 5.5);
    printf("%ld\n", many(12, 1, 2L, 3, 4L, 5, 6L, 7, 8L, 9, 10L, 11, 12L));
    return 0;
}
