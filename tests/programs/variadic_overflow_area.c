// Variadic functions compiled: more variadic arguments than registers (the overflow area), doubles
// in registers and on the stack, va_copy, vsprintf of a va_list, and a hot variadic function
#include <stdio.h>
#include <stdarg.h>
static long sum(int n, ...) {
    va_list ap; va_start(ap, n); long s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, long);
    va_end(ap); return s;
}
static double dsum(const char *fmt, ...) {
    va_list ap, aq; va_start(ap, fmt); va_copy(aq, ap); double s = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p == 'd') s += va_arg(ap, double);
        else if (*p == 'i') s += va_arg(ap, int);
        else if (*p == 'p') s += *va_arg(ap, int *);
        else if (*p == 'l') s += (double)va_arg(ap, long long);
    }
    double first = fmt[0] == 'd' ? va_arg(aq, double) : 0;
    va_end(aq); va_end(ap); return s + first / 1000;
}
static int fmt(char *buf, const char *f, ...) { va_list ap; va_start(ap, f); int n = vsprintf(buf, f, ap); va_end(ap); return n; }
int main(void) {
    int x = 5; char buf[100];
    long t = 0;
    for (int k = 0; k < 100000; k++) t += sum(12, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, (long)k);
    printf("%ld\n", t);
    printf("%.4f\n", dsum("dipdldddddddddd", 1.5, 2, &x, 2.25, 1LL << 40, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0));
    int n = fmt(buf, "%d-%s-%.2f-%c-%ld-%d-%d-%d-%d", 42, "str", 3.14159, 'z', 123456789012L, 1, 2, 3, 4);
    printf("%d %s\n", n, buf);
    return 0;
}
