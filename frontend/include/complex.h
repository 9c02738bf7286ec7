/* crepl's <complex.h>: complex types are not supported yet (README, "Current limits"), so
   this header says so once instead of every declaration of the C library's saying it.
   __STDC_NO_COMPLEX__ (C11 6.10.8.3) is predefined, so portable code can test for it. */
#error "<complex.h>: _Complex types are not supported by crepl yet"
