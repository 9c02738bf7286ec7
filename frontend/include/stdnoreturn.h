/* crepl's <stdnoreturn.h>: the noreturn macro (C11 7.23). */
#ifndef __CREPL_STDNORETURN_H
#define __CREPL_STDNORETURN_H 1
#define _STDNORETURN_H 1
#define noreturn _Noreturn
#endif
