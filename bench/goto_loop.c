/* A function whose loop is a backward goto, entered once: it must move up by on-stack
   replacement at its label. Prints a checksum. */
#include <stdio.h>
#include <stdlib.h>

static long mix(long n) {
    long acc = 0;
again:
    acc += (n & 3) ^ (acc >> 7);
    if (--n > 0) goto again;
    return acc;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 100000000;
    printf("%ld\n", mix(n));
    return 0;
}
