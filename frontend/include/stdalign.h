/* crepl's <stdalign.h>: alignment (C11 7.15). */
#ifndef __CREPL_STDALIGN_H
#define __CREPL_STDALIGN_H 1
#define _STDALIGN_H 1
#define alignas _Alignas
#define alignof _Alignof
#define __alignas_is_defined 1
#define __alignof_is_defined 1
#endif
