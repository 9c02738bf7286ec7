// bench: a tight integer loop, 10^8 iterations
#include <stdio.h>
int main(void) { long s = 0; for (int i = 0; i < 100000000; i++) { s += i ^ (i >> 3); } printf("%ld\n", s); return 0; }
