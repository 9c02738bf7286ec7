/* long double through calls: parameters, returns, recursion, pointers, variadics, libc/libm */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long double square(long double x) { return x * x; }
static long double mix(int a, long double b, double c, long double d, float e) {
    return a + b * c - d / e;
}
static long double fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
/* Both operands live across the recursive call: each frame has its own temporaries. */
static long double series(int n) {
    if (n == 0)
        return 0;
    long double term = 1.0L / ((long double)n * n);
    return term + series(n - 1) + term * 0;
}
static void scale(long double *p, long double k) { *p *= k; }
static long double apply(long double (*f)(long double), long double x) { return f(x); }
static long double add_half(long double x) { return x + 0.5L; }

/* Many long double parameters: more than fit in any register class. */
static long double sum10(long double a, long double b, long double c, long double d,
                         long double e, long double f, long double g, long double h,
                         long double i, long double j) {
    return a + b + c + d + e + f + g + h + i + j;
}

/* An interpreted variadic function reading long doubles among other types. */
static long double vsum(const char *types, ...) {
    va_list ap;
    va_start(ap, types);
    long double s = 0;
    for (const char *t = types; *t; t++) {
        switch (*t) {
        case 'i':
            s += va_arg(ap, int);
            break;
        case 'd':
            s += va_arg(ap, double);
            break;
        case 'L':
            s += va_arg(ap, long double);
            break;
        case 'l':
            s += va_arg(ap, long);
            break;
        }
    }
    va_end(ap);
    return s;
}

/* Our va_list handed to the C library. */
static int fmt(char *buf, size_t n, const char *f, ...) {
    va_list ap;
    va_start(ap, f);
    int r = vsnprintf(buf, n, f, ap);
    va_end(ap);
    return r;
}

static int cmp_ld(const void *a, const void *b) {
    long double x = *(const long double *)a, y = *(const long double *)b;
    return (x > y) - (x < y);
}

struct pair {
    long double lo, hi;
};
struct tagged {
    char tag;
    long double v;
    short n;
};
static struct pair make_pair(long double a, long double b) {
    struct pair p = {a < b ? a : b, a < b ? b : a};
    return p;
}
static long double width(struct pair p) { return p.hi - p.lo; }
static struct tagged bump(struct tagged t) {
    t.v *= 2;
    t.n++;
    t.tag++;
    return t;
}

int main(void) {
    printf("%.21Lg\n", square(1.0L / 3));
    printf("%.21Lg\n", mix(3, 0.1L, 2.5, 1e-10L, 4.0f));
    printf("%.0Lf\n", fact(30));
    printf("%.21Lg\n", series(200));
    long double v = 1.25L;
    scale(&v, 0.2L);
    printf("%.21Lg\n", v);
    printf("%.21Lg %.21Lg\n", apply(square, 1.1L), apply(add_half, 0.1L));
    long double (*fp)(long double) = square;
    printf("%.21Lg\n", fp(fp(1.0001L)));
    fp = sqrtl; /* a library function through the same pointer */
    printf("%.21Lg %.21Lg\n", fp(3), apply(fp, 5.0L));
    printf("%.21Lg\n", sum10(0.1L, 0.2L, 0.3L, 0.4L, 0.5L, 0.6L, 0.7L, 0.8L, 0.9L, 1e-18L));

    /* Variadic: interpreted callee, C library callee, our va_list to the library. */
    printf("%.21Lg\n", vsum("iLdLlL", 1, 0.1L, 0.5, 1e-19L, 10L, -0.25L));
    printf("%Lf %Le %Lg %La %.30Lf\n", 0.1L, 1e300L * 1e300L, 1.0L / 3, 1.0L, 0.1L);
    printf("%d %Lf %s %Lf %f\n", 1, 2.5L, "x", -3.75L, 4.5);
    char buf[200];
    fmt(buf, sizeof buf, "[%.25Lf|%d|%.25Lf|%g]", 0.1L, 42, 1.0L / 7, 0.5);
    printf("%s\n", buf);
    snprintf(buf, sizeof buf, "%.21Lg", 2.0L / 3);
    printf("%s\n", buf);

    /* The C library: results and arguments in 80 bits. */
    printf("%.21Lg %.21Lg\n", sqrtl(2.0L), sqrtl(v));
    printf("%.21Lg %.21Lg\n", powl(2.0L, 0.5L), powl(10.0L, 20.0L));
    printf("%.21Lg %.21Lg\n", fabsl(-1e-19L), fabsl(3.0L));
    printf("%.21Lg %.21Lg %.21Lg\n", expl(1.0L), logl(10.0L), atanl(1.0L) * 4);
    printf("%.21Lg %.21Lg %.21Lg\n", floorl(-2.5L), ceill(2.1L), roundl(2.5L));
    printf("%.21Lg %.21Lg\n", fmodl(10.0L, 3.0L), ldexpl(1.0L, -70));
    int ex;
    long double m = frexpl(1000.0L, &ex);
    long double ip;
    long double fr = modfl(3.75L, &ip);
    printf("%.21Lg %d %.21Lg %.21Lg\n", m, ex, fr, ip);
    char *end;
    long double st = strtold("3.14159265358979323846264338327950288", &end);
    printf("%.21Lg [%s]\n", st, end);
    printf("%.21Lg %.21Lg\n", strtold("0x1.fffffffffffffffep+16383", NULL), strtold("1e-4950", NULL));
    printf("%d %d %d %d\n", !!isnan(0.0L / 0.0L), !!isinf(1 / 0.0L), !!isfinite(1.0L),
           !!signbit(-0.0L));
    printf("%d %d\n", fpclassify(1e-4940L) == FP_SUBNORMAL, fpclassify(1.0L) == FP_NORMAL);
    printf("%Lg %Lg %d\n", HUGE_VALL, -HUGE_VALL, !!isnan(nanl("")));

    /* A callback comparing long doubles. */
    long double arr[] = {3.5L, -1, 1e-19L, 0, 2e10L, 1e-20L, -1e-19L};
    size_t n = sizeof arr / sizeof arr[0];
    qsort(arr, n, sizeof arr[0], cmp_ld);
    for (size_t i = 0; i < n; i++)
        printf("%Lg ", arr[i]);
    printf("\n");

    /* Structs with long double members: by value, returned, copied. */
    struct pair p = make_pair(2.75L, -0.125L);
    printf("%Lg %Lg %Lg\n", p.lo, p.hi, width(p));
    struct tagged t = {'a', 1.5L, 9};
    struct tagged u = bump(bump(t));
    printf("%c %Lg %d / %c %Lg %d\n", t.tag, t.v, t.n, u.tag, u.v, u.n);
    struct pair q = p;
    q.hi += 1;
    printf("%Lg %Lg\n", p.hi, q.hi);
    struct pair ps[3] = {{1, 2}, {3, 4.5L}, {0.1L, 0.2L}};
    long double tw = 0;
    for (int i = 0; i < 3; i++)
        tw += width(ps[i]);
    printf("%.21Lg\n", tw);
    union {
        long double ld;
        unsigned char b[16];
    } un;
    memset(&un, 0, sizeof un);
    un.ld = -2.0L;
    printf("%02x %02x %02x\n", un.b[7], un.b[8], un.b[9]);
    return 0;
}
