// bench: a tight integer loop in main, 10^8 iterations by default, N with an argument
#ifndef SIZE
#define SIZE 100000000 // the default size; tests/programs/bench_loop.c uses a smaller one
#endif
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) { int n = argc > 1 ? atoi(argv[1]) : SIZE; long s = 0; for (int i = 0; i < n; i++) { s += i ^ (i >> 3); } printf("%ld\n", s); return 0; }
