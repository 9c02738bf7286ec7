/* C99 complex numbers: arithmetic (products and quotients as libgcc computes them), the C library's complex functions, conversions, comparisons, float and double. */
#include <complex.h>
#include <stdio.h>
int main(void) {
    double complex z = 1.0 + 2.0 * I;
    double complex w = CMPLX(3.0, -1.5);
    double complex s = z + w, p = z * w, q = z / w, d = z - 2.0;
    printf("%g %g | %g %g | %g %g | %g %g\n", creal(s), cimag(s), creal(p), cimag(p), creal(q), cimag(q), creal(d), cimag(d));
    printf("%.6f %.6f %.6f\n", cabs(z), carg(w), creal(csqrt(z)));
    double complex e = cexp(I * 3.14159265358979323846);
    printf("%.6f %.6f\n", creal(e), cimag(e));
    float complex f = 1.5f + 0.5f * I;
    f = f * f;
    printf("%g %g %zu %zu\n", crealf(f), cimagf(f), sizeof f, sizeof z);
    double r = z;
    printf("%g %d %d %d\n", r, z == z, z != w, !z);
    z += 1; z *= 2;
    printf("%g %g\n", creal(z), cimag(z));
    double complex c = ~w;
    printf("%g %g\n", creal(c), cimag(c));
    double complex inf = (1.0 / 0.0) + 0.0 * I;
    double complex m = inf * (1.0 + 1.0 * I);
    printf("%g %g\n", creal(m), cimag(m));
    /* GNU: imaginary constants, __real__ and __imag__ (lvalues of a complex object). */
    double _Complex g = 1.5 + 2.0i;
    float _Complex h = 3.0f + 4.0fi;
    __real__ g = 7.0;
    __imag__ h += 1.0f;
    printf("%g %g %g %g %g %g\n", __real__ g, __imag__ g, __real__ h, __imag__ h, __real__ 5.0, __imag__ 5.0);
    g = g * 2i;
    printf("%g %g\n", __real__ g, __imag__ g);
    return 0;
}
