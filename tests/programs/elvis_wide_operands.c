// GNU `c ?: b` evaluates c once, whatever its size: long double, complex, __int128 and
// pointer conditions, with side effects, and a volatile one read once
#include <stdio.h>
#include <complex.h>

static int calls;
static long double ld(long double v) { calls++; return v; }
static double _Complex cz(double r) { calls++; return r + 2.0i; }
static __int128 wide(long v) { calls++; return (__int128)v << 70; }

int main(void) {
    long double a = ld(0) ?: 7.5L;
    long double b = ld(3.25L) ?: 7.5L;
    double _Complex z = cz(1.5) ?: 9.0;
    __int128 w = wide(3) ?: 1;
    const char *s = (calls++, "x") ?: "y";
    volatile int v = 4;
    int r = v ?: 5;
    printf("%.2Lf %.2Lf %.2f %.2f %d %s %d calls %d\n", a, b, creal(z), cimag(z), (int)(w >> 70), s, r, calls);
    return 0;
}
