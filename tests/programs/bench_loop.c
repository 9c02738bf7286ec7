// bench/loop.c at size 10000000: a tight integer loop in main.
// A copy of the benchmark kernel, so that every tier is checked against cc on it; keep
// it in step with bench/loop.c (only the default size differs).
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) { int n = argc > 1 ? atoi(argv[1]) : 10000000; long s = 0; for (int i = 0; i < n; i++) { s += i ^ (i >> 3); } printf("%ld\n", s); return 0; }
