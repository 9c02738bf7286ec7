// long double _Complex in every tier: arithmetic (libgcc's __mulxc3/__divxc3), parts, conversions,
// the C library's functions that return one in x87 registers, session functions and pointers to both,
// static initializers of every complex type, and arrays of them (no brace elision into the parts)
#include <stdio.h>
#include <complex.h>
#include <math.h>

static void show(const char *what, long double _Complex z) {
    printf("%s = %.21Lg %+.21Lgi\n", what, creall(z), cimagl(z));
}

static long double _Complex twice(long double _Complex z) { return z * 2; }
static long double _Complex mix(int n, long double _Complex z, double k) { return z * n + k; }
long double _Complex gz = 1.5L + 2.25Li;
static long double _Complex garr[2] = { 1.0L, 3.0L - 1.0Li };
struct holder { int tag; long double _Complex z; };
double _Complex dz[3] = { 1.0, 2.0i, 3.0 - 4.0 * 1.0i };
float _Complex fz = 2.5f + 1.5fi;
static double _Complex dprod = (1.0 + 2.0i) * (3.0 - 1.0i);
__int128 wide[2] = { 1, 2 };
struct { int k; double _Complex z; } sz = { 1, 3.0 };

int main(void) {
    long double _Complex a = 1.0L / 3 + 2.0Li, b = 0.7L - 0.1Li;
    show("a", a);
    show("a+b", a + b);
    show("a-b", a - b);
    show("a*b", a * b);
    show("a/b", a / b);
    show("-a", -a);
    show("~a", ~a);
    show("conj", conjl(a));
    show("sqrt", csqrtl(a));
    show("exp", cexpl(b));
    show("pow", cpowl(a, b));
    printf("abs %.21Lg arg %.21Lg\n", cabsl(a), cargl(a));
    show("twice", twice(a));
    show("mix", mix(3, b, 0.5));
    long double _Complex (*fp)(long double _Complex) = twice;
    show("fp", fp(b));
    fp = csinl;
    show("fp csin", fp(b));
    show("gz", gz);
    show("garr1", garr[1]);
    double _Complex d = a;
    float _Complex f = a;
    printf("d %.17g %.17g f %.9g %.9g\n", creal(d), cimag(d), crealf(f), cimagf(f));
    long double _Complex up = d * 3;
    show("up", up);
    long double r = a;
    printf("r %.21Lg\n", r);
    __real__ a = 5; __imag__ a *= 2;
    show("parts", a);
    a += b; show("+=", a);
    a *= b; show("*=", a);
    a /= 2; show("/=", a);
    printf("eq %d %d %d\n", a == a, a != b, a == 5);
    printf("truth %d %d\n", !a, (long double _Complex)0 ? 1 : 0);
    struct holder h = { 7, 1 + 1.0Li };
    h.z *= h.z;
    show("h", h.z);
    printf("sizeof %zu %zu\n", sizeof(long double _Complex), _Alignof(long double _Complex));
    long double _Complex acc = 0;
    for (int i = 1; i <= 50; i++) acc = acc * (1.0L + 0.01Li) + (long double)i / 7;
    show("acc", acc);
    show("neg0", -(long double _Complex)0);
    printf("dz %g %g %g %g fz %g %g dprod %g %g\n", creal(dz[1]), cimag(dz[1]), creal(dz[2]), cimag(dz[2]),
           crealf(fz), cimagf(fz), creal(dprod), cimag(dprod));
    printf("wide %d %d sz %d %g\n", (int)wide[0], (int)wide[1], sz.k, creal(sz.z));
    double _Complex dn = -(double _Complex)0;
    printf("dneg0 %g %g\n", creal(dn), cimag(dn));
    return 0;
}
