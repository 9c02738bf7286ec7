/* Variadic functions of the program called back from a C library (varcb_lib.c). */
#include <stdarg.h>
#include <stdio.h>

struct big { long a, b, c; };
int call_ints(int (*f)(int, ...));
double call_mixed(double (*f)(const char *, ...));
long call_named_float(long (*f)(double, float, long double, ...));
struct logger { void (*log)(void *ctx, const char *fmt, ...); void *ctx; };
void run_logger(struct logger *l);
double clobber_xmm(double x);

/* Calls the library, has no float variables of its own: its callers keep theirs in
   xmm8-xmm15 across calls to it. */
double through_library(double x) { return clobber_xmm(x) * 2; }

double keeps_floats(int n) {
    double a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8;
    for (int i = 0; i < n; i++) {
        a += through_library(i);
        b = b * 0.5 + a;
        c += b - a;
        d -= c * 0.25;
        e += d;
        f = f * 0.75 + e;
        g += f * 0.125;
        h += g - through_library(h * 0.001);
    }
    return a + b + c + d + e + f + g + h;
}

int sum(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, int);
    va_end(ap);
    return s;
}

double mixed(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    double s = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p == 'i')
            s += va_arg(ap, int);
        else if (*p == 'd')
            s += va_arg(ap, double);
        else if (*p == 'l')
            s += va_arg(ap, long);
    }
    va_end(ap);
    printf("mixed \"%s\" %g\n", fmt, s);
    return s;
}

long named_float(double x, float y, long double z, ...) {
    va_list ap;
    va_start(ap, z);
    struct big b = va_arg(ap, struct big);
    int i = va_arg(ap, int);
    double d = va_arg(ap, double);
    va_end(ap);
    return (long)(x * 10 + y * 100 + z * 1000) + b.a + b.b * 10 + b.c * 100 + i * 1000 + (long)d * 10000;
}

static void log_to(void *ctx, const char *fmt, ...) {
    va_list ap, copy;
    va_start(ap, fmt);
    va_copy(copy, ap);
    char buf[64];
    vsnprintf(buf, sizeof buf, fmt, copy);
    va_end(copy);
    printf("[%s] ", (const char *)ctx);
    vprintf(fmt, ap);
    printf(" (%zu chars)\n", (size_t)snprintf(NULL, 0, "%s", buf));
    va_end(ap);
}

int main(void) {
    printf("%d\n", call_ints(sum));
    printf("%g\n", call_mixed(mixed));
    printf("%ld\n", call_named_float(named_float));
    struct logger l = { log_to, "log" };
    run_logger(&l);
    printf("%.17g\n", keeps_floats(50));
    return 0;
}
