// bench/fib.c at size 25: recursive calls.
// A copy of the benchmark kernel, so that every tier is checked against cc on it; keep
// it in step with bench/fib.c (only the default size differs).
#include <stdio.h>
#include <stdlib.h>
int fib(int n) { return n < 2 ? n : fib(n-1) + fib(n-2); }
int main(int argc, char **argv) { int n = argc > 1 ? atoi(argv[1]) : 25; printf("%d\n", fib(n)); return 0; }
