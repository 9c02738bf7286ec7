/* crepl's <stddef.h>: common definitions (C11 7.19).
   Honours glibc's partial-inclusion protocol: with any of __need_size_t,
   __need_ptrdiff_t, __need_wchar_t, __need_NULL or __need_wint_t defined,
   only those pieces are provided and the __need_ macros are undefined. */

#if !defined(__need_size_t) && !defined(__need_ptrdiff_t) && \
    !defined(__need_wchar_t) && !defined(__need_NULL) && !defined(__need_wint_t)
# ifndef __CREPL_STDDEF_H
#  define __CREPL_STDDEF_H 1
#  define _STDDEF_H 1
#  define _STDDEF_H_ 1
#  define _ANSI_STDDEF_H 1
#  define __need_size_t
#  define __need_ptrdiff_t
#  define __need_wchar_t
#  define __need_NULL
#  define __CREPL_STDDEF_ALL
# endif
#endif

#ifdef __need_size_t
# if !defined(_SIZE_T) && !defined(__size_t)
#  define _SIZE_T
#  define __size_t
#  define __SIZE_T
#  define _SIZE_T_DEFINED
#  define _SIZE_T_DEFINED_
#  define _SIZE_T_DECLARED
typedef __SIZE_TYPE__ size_t;
# endif
# undef __need_size_t
#endif

#ifdef __need_ptrdiff_t
# ifndef _PTRDIFF_T
#  define _PTRDIFF_T
#  define __PTRDIFF_T
#  define _PTRDIFF_T_DECLARED
typedef __PTRDIFF_TYPE__ ptrdiff_t;
# endif
# undef __need_ptrdiff_t
#endif

#ifdef __need_wchar_t
# if !defined(_WCHAR_T) && !defined(__cplusplus)
#  define _WCHAR_T
#  define __WCHAR_T
#  define _WCHAR_T_DEFINED
#  define _WCHAR_T_DECLARED
typedef __WCHAR_TYPE__ wchar_t;
# endif
# undef __need_wchar_t
#endif

#ifdef __need_wint_t
# ifndef _WINT_T
#  define _WINT_T 1
typedef __WINT_TYPE__ wint_t;
# endif
# undef __need_wint_t
#endif

#ifdef __need_NULL
# undef NULL
# define NULL ((void *)0)
# undef __need_NULL
#endif

#ifdef __CREPL_STDDEF_ALL
# undef __CREPL_STDDEF_ALL
# ifndef __CLANG_MAX_ALIGN_T_DEFINED
#  define __CLANG_MAX_ALIGN_T_DEFINED
#  define _GCC_MAX_ALIGN_T
typedef struct {
  long long __crepl_max_align_ll __attribute__((__aligned__(__alignof__(long long))));
  long double __crepl_max_align_ld __attribute__((__aligned__(__alignof__(long double))));
} max_align_t;
# endif
# define offsetof(type, member) __builtin_offsetof(type, member)
#endif
