/* crepl's <stdbool.h>: boolean type and values (C11 7.18). */
#ifndef __CREPL_STDBOOL_H
#define __CREPL_STDBOOL_H 1
#define _STDBOOL_H 1
#define bool _Bool
#define true 1
#define false 0
#define __bool_true_false_are_defined 1
#endif
