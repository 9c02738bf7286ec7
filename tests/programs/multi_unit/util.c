/* The external definition of the header's inline function, and statics named as elsewhere. */
#include "shapes.h"

extern inline int clampi(int v, int lo, int hi);

static int helper(int x) { return x * 3; }
static int counter;

int util_next(void) { return helper(++counter); }
