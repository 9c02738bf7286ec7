/* Tests printf of float/double with %f %e %g %a, widths, precisions and flags. */
#include <stdio.h>

int main(void) {
    double v[] = {0.0, 1.0, -1.0, 0.1, 123.456, -0.000123456, 1e10, 1.5e-7, 3.14159265358979, 1e100, 255.0, 0.5, 2.5, 1234567.0};
    int n = (int)(sizeof v / sizeof v[0]);
    for (int i = 0; i < n; i++) {
        printf("[%f] [%.2f] [%10.3f] [%-10.1f] [%+.0f] [%e] [%.3E] [%g] [%G] [%.3g] [%#g] [%a]\n",
               v[i], v[i], v[i], v[i], v[i], v[i], v[i], v[i], v[i], v[i], v[i], v[i]);
    }
    printf("[%08.3f] [% f] [%+f] [%#.0f] [%.0e] [%#.0e]\n", 3.14159, 2.0, 2.0, 5.0, 12345.0, 12345.0);
    printf("[%*.*f] [%-*.*e]\n", 12, 4, 2.718281828, 14, 2, 2.718281828);
    printf("[%.10g] [%.17g] [%.1g] [%g] [%g]\n", 0.1, 0.1, 0.15, 100000.0, 1000000.0);
    printf("[%g] [%g] [%g]\n", 0.0001, 0.00001, 123456789.0);
    float f = 1.1f;
    printf("float promoted: %f %.10f %a\n", f, f, f);
    printf("hex floats: %f %f %f\n", 0x1p-2, 0x1.8p1, 0xA.8p0);
    printf("%a %a %a %A\n", 1.0, 0.5, 10.0, 3.75);
    printf("rounding: %.0f %.0f %.0f %.0f %.1f %.2f\n", 0.5, 1.5, 2.5, 3.5, 0.25, 1.005);
    printf("neg zero: %f %g %e\n", -0.0, -0.0, -0.0);
    printf("large: %.3f\n", 9007199254740993.0);
    printf("small: %.20f\n", 1e-20);
    printf("%e\n", 5e-324);
    printf("%g %g\n", 1.7976931348623157e308, 2.2250738585072014e-308);
    double sum = 0;
    for (int i = 0; i < 10; i++) sum += 0.1;
    printf("sum=%.17g sum==1: %d\n", sum, sum == 1.0);
    float fs = 0;
    for (int i = 0; i < 10; i++) fs += 0.1f;
    printf("fs=%.9g\n", fs);
    return 0;
}
