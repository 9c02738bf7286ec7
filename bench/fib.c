// bench: recursive calls, fib(30) by default, fib(N) with an argument
#ifndef SIZE
#define SIZE 30 // the default size; tests/programs/bench_fib.c uses a smaller one
#endif
#include <stdio.h>
#include <stdlib.h>
int fib(int n) { return n < 2 ? n : fib(n-1) + fib(n-2); }
int main(int argc, char **argv) { int n = argc > 1 ? atoi(argv[1]) : SIZE; printf("%d\n", fib(n)); return 0; }
