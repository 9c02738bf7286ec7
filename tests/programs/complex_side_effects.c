// Complex conversions evaluate their operand once: a call converted to another precision, negated, scaled
#include <stdio.h>
#include <complex.h>
static int calls;
static double _Complex f(void) { calls++; return 1.25 + 2.5i; }
static long double _Complex g(void) { calls++; return 3.0L - 0.5Li; }
int main(void) {
    long double _Complex a = f();
    double _Complex b = g();
    float _Complex c = g() * 2;
    double _Complex d = -f();
    printf("%.3Lf %.3Lf %.3f %.3f %.3f %.3f %.3f %.3f calls %d\n", creall(a), cimagl(a), creal(b), cimag(b), crealf(c), cimagf(c), creal(d), cimag(d), calls);
    return 0;
}
