/* crepl's <complex.h>: the C library's, with the parts that need compiler support crepl
   gives another way: imaginary constants (`1.0i`) are not supported, so `I` is built with
   __builtin_complex, and CMPLX is defined here. long double _Complex can be declared but
   not computed with. */
#include_next <complex.h>
#undef _Complex_I
#define _Complex_I (__builtin_complex(0.0f, 1.0f))
#undef I
#define I _Complex_I
#undef CMPLX
#undef CMPLXF
#define CMPLX(x, y) __builtin_complex((double)(x), (double)(y))
#define CMPLXF(x, y) __builtin_complex((float)(x), (float)(y))
