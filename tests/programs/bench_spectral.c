// bench/spectral.c at a size the interpreter runs quickly, so that every tier is checked
// against cc on the benchmark kernel itself.
#define SIZE 100
#include "../../bench/spectral.c"
