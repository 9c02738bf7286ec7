/* Benchmark-like kernel: naive recursive Fibonacci and Tak function (many small calls). */
#include <stdio.h>

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int calls;
static int tak(int x, int y, int z) {
    calls++;
    if (y >= x) return z;
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
}

int main(void) {
    for (int i = 0; i <= 20; i += 5) printf("fib(%d)=%d\n", i, fib(i));
    printf("fib(32)=%d\n", fib(32));
    int t = tak(22, 16, 8);
    printf("tak(22,16,8)=%d calls=%d\n", t, calls);
    return 0;
}
