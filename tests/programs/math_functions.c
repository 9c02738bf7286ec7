/* Tests math.h: sqrt, pow, sin, cos, floor, ceil, fabs, fmod, exp, log, plus identities and numeric methods. */
#include <stdio.h>
#include <math.h>

int main(void) {
    double xs[] = {0.0, 0.5, 1.0, 2.0, 3.14159265358979, 10.0, 100.25};
    for (int i = 0; i < 7; i++) {
        double x = xs[i];
        printf("x=%.4f sqrt=%.6f sin=%.6f cos=%.6f exp=%.6f\n", x, sqrt(x), sin(x), cos(x), exp(x / 10));
    }
    double ys[] = {0.001, 0.5, 1.0, 2.718281828459045, 10.0, 1000.0};
    for (int i = 0; i < 6; i++) printf("log(%g)=%.6f log/log10=%.6f\n", ys[i], log(ys[i]), log(ys[i]) / log(10.0));
    printf("pow: %.6f %.6f %.6f %.6f %.6f\n", pow(2, 10), pow(2, 0.5), pow(10, -3), pow(-2, 3), pow(0, 0));
    double fl[] = {2.5, -2.5, 2.0, -0.1, 1e-9, -7.999};
    for (int i = 0; i < 6; i++) printf("floor(%g)=%.1f ceil=%.1f fabs=%g\n", fl[i], floor(fl[i]), ceil(fl[i]), fabs(fl[i]));
    printf("fmod: %.4f %.4f %.4f %.4f\n", fmod(7.5, 2), fmod(-7.5, 2), fmod(7.5, -2), fmod(1.0, 0.3));
    double q = 0.78539816339744831;
    printf("sin/cos(pi/4)=%.6f sin(pi/6)=%.6f cos(pi/3)=%.6f\n", sin(q) / cos(q), sin(q * 2 / 3), cos(q * 4 / 3));
    printf("hypot-like: %.6f\n", sqrt(3.0 * 3.0 + 4.0 * 4.0));
    /* identities */
    double maxerr = 0;
    for (int i = 0; i < 100; i++) {
        double t = i * 0.0731;
        double e = fabs(sin(t) * sin(t) + cos(t) * cos(t) - 1);
        if (e > maxerr) maxerr = e;
    }
    printf("pythagorean identity ok: %d\n", maxerr < 1e-12);
    printf("exp(log(5))=%.10f\n", exp(log(5.0)));
    printf("sqrt(2)^2=%.15f\n", sqrt(2) * sqrt(2));
    /* Newton's method vs sqrt */
    double g = 1;
    for (int i = 0; i < 20; i++) g = 0.5 * (g + 612 / g);
    printf("newton sqrt(612)=%.10f libm=%.10f\n", g, sqrt(612));
    /* series for pi */
    double pi = 0;
    for (int k = 0; k < 100000; k++) pi += (k % 2 ? -4.0 : 4.0) / (2 * k + 1);
    printf("leibniz pi=%.6f\n", pi);
    /* float versions */
    float fv = 2.0f;
    printf("sqrt(float)=%.5f floor(float)=%.1f fabs(float)=%.2f\n", sqrt(fv), floor(-1.5f), fabs(-3.25f));
    printf("HUGE_VAL>1e308: %d\n", HUGE_VAL > 1e308);
    return 0;
}
