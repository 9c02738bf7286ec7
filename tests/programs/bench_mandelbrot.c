// bench/mandelbrot.c at a size the interpreter runs quickly, so that every tier is checked
// against cc on the benchmark kernel itself.
#define SIZE 120
#include "../../bench/mandelbrot.c"
