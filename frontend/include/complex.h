/* crepl's <complex.h>: the C library's, with `I` and CMPLX built with __builtin_complex
   (what gcc's own definitions of them rely on is compiler support crepl gives that way). */
#include_next <complex.h>
#undef _Complex_I
#define _Complex_I (__builtin_complex(0.0f, 1.0f))
#undef I
#define I _Complex_I
#undef CMPLX
#undef CMPLXF
#undef CMPLXL
#define CMPLX(x, y) __builtin_complex((double)(x), (double)(y))
#define CMPLXF(x, y) __builtin_complex((float)(x), (float)(y))
#define CMPLXL(x, y) __builtin_complex((long double)(x), (long double)(y))
