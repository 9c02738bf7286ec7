// bench/nbody.c at a size the interpreter runs quickly, so that every tier is checked
// against cc on the benchmark kernel itself.
#define SIZE 20000
#include "../../bench/nbody.c"
