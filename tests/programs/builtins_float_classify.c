// GCC's floating-point builtins: isnan, isinf, isinf_sign, isfinite, isnormal, signbit, fpclassify and the typed isnanf/isinfl/finite forms on float, double and long double (zeros, subnormals, normals, extremes, infinities, NaNs), folded for constants and computed at run time; the quiet comparisons (isgreater ... isunordered); huge_val, inf, nan and copysign.
#include <float.h>
#include <stdio.h>

#define CLASS(x) __builtin_fpclassify(0, 1, 2, 3, 4, x)

static const char *const names[] = {"nan", "inf", "normal", "subnormal", "zero"};

static void show_d(const char *what, double x) {
    printf("double %-10s nan %d inf %2d %d finite %d normal %d sign %d class %-9s finite() %d isnan() %d\n", what,
           __builtin_isnan(x), __builtin_isinf_sign(x), __builtin_isinf(x) != 0, __builtin_isfinite(x),
           __builtin_isnormal(x), __builtin_signbit(x) != 0, names[CLASS(x)], __builtin_finite(x),
           __builtin_isnan(x + 1));
}

static void show_f(const char *what, float x) {
    printf("float  %-10s nan %d inf %2d %d finite %d normal %d sign %d class %-9s %d %d %d\n", what, __builtin_isnan(x),
           __builtin_isinf_sign(x), __builtin_isinf(x) != 0, __builtin_isfinite(x), __builtin_isnormal(x),
           __builtin_signbit(x) != 0, names[CLASS(x)], __builtin_isnanf(x), __builtin_isinff(x) != 0,
           __builtin_finitef(x));
}

static void show_l(const char *what, long double x) {
    printf("ldbl   %-10s nan %d inf %2d %d finite %d normal %d sign %d class %-9s %d %d %d\n", what, __builtin_isnan(x),
           __builtin_isinf_sign(x), __builtin_isinf(x) != 0, __builtin_isfinite(x), __builtin_isnormal(x),
           __builtin_signbitl(x) != 0, names[CLASS(x)], __builtin_isnanl(x), __builtin_isinfl(x) != 0,
           __builtin_finitel(x));
}

static void compare(const char *what, double a, double b) {
    printf("%-12s > %d >= %d < %d <= %d <> %d unordered %d\n", what, __builtin_isgreater(a, b),
           __builtin_isgreaterequal(a, b), __builtin_isless(a, b), __builtin_islessequal(a, b),
           __builtin_islessgreater(a, b), __builtin_isunordered(a, b));
}

/* Constant arguments fold: they may initialize statics. */
static const int folded[] = {
    __builtin_isnan(__builtin_nan("")), __builtin_isinf(__builtin_inff()), __builtin_isfinite(1.0),
    __builtin_isnormal(DBL_MIN / 2), __builtin_isinf_sign(-__builtin_huge_vall()), CLASS(0.0f),
    __builtin_isgreater(2.0, 1.0), __builtin_isunordered(1.0, __builtin_nanf("")),
};

int main(void) {
    volatile double zero = 0.0;
    double nan = zero / zero;
    const char *dn[] = {"0", "-0", "denorm", "-denorm", "min", "1", "-2.5", "max", "inf", "-inf", "nan"};
    double dv[] = {0.0, -0.0, DBL_MIN / 4, -DBL_MIN / 1024, DBL_MIN, 1.0, -2.5, DBL_MAX, 1 / zero, -1 / zero, nan};
    for (unsigned i = 0; i < sizeof dv / sizeof *dv; i++)
        show_d(dn[i], dv[i]);
    float fv[] = {0.0f, -0.0f, FLT_MIN / 4, -FLT_MIN / 1024, FLT_MIN, 1.0f, -2.5f, FLT_MAX, 1 / (float)zero,
                  -1 / (float)zero, (float)nan};
    for (unsigned i = 0; i < sizeof fv / sizeof *fv; i++)
        show_f(dn[i], fv[i]);
    /* 1e-320 is a double subnormal but a normal long double; 1e400L is finite only there. */
    long double lv[] = {0.0L, -0.0L, LDBL_MIN / 4, -LDBL_MIN / 1024, LDBL_MIN, 1.0L, -2.5L, LDBL_MAX,
                        1 / (long double)zero, -1 / (long double)zero, nan, 1e-320L, 1e400L};
    const char *ln[] = {"0", "-0", "denorm", "-denorm", "min", "1", "-2.5", "max", "inf", "-inf", "nan", "1e-320", "1e400"};
    for (unsigned i = 0; i < sizeof lv / sizeof *lv; i++)
        show_l(ln[i], lv[i]);

    compare("1 2", 1, 2);
    compare("2 1", 2, 1);
    compare("2 2", 2, 2);
    compare("nan 1", nan, 1);
    compare("-inf nan", -1 / zero, nan);
    compare("-0 0", -0.0, 0.0);
    volatile long double big = 1e300L;
    printf("mixed %d %d %d\n", __builtin_isless(1, 2.5f), __builtin_isgreater(big * big, (double)big),
           __builtin_islessgreater(1.0f, big));
    int calls = 0;
    printf("once %d", __builtin_isunordered((calls++, 1.0), 2.0));
    printf(" %d", __builtin_isnormal((calls++, 3.0)));
    printf(" %d\n", calls);

    printf("folded");
    for (unsigned i = 0; i < sizeof folded / sizeof *folded; i++)
        printf(" %d", folded[i]);
    printf("\n");
    printf("%g %g %Lg %g %g %Lg\n", __builtin_huge_val(), (double)__builtin_huge_valf(), __builtin_huge_vall(),
           -__builtin_inf(), (double)__builtin_inff(), __builtin_infl());
    printf("%d %d %d %d\n", __builtin_isnan(__builtin_nan("")), __builtin_isnan(__builtin_nanf("")),
           __builtin_isnan(__builtin_nanl("")), __builtin_isnan(__builtin_nans("")));
    printf("%g %g %g %Lg\n", __builtin_copysign(3.0, -0.0), (double)__builtin_copysignf(2.0f, -1.0f),
           __builtin_copysign(-1.5, 1.0), __builtin_copysignl(4.0L, -1.0L));
    return 0;
}
