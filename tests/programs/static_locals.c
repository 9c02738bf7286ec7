/* Tests static local variables: persistence across calls, initialization once, per-function independence. */
#include <stdio.h>

static int counter(void) {
    static int n;  /* zero-initialized */
    return ++n;
}

static int counter2(void) {
    static int n = 100;
    n += 10;
    return n;
}

static const char *next_name(void) {
    static const char *names[] = {"a", "bb", "ccc"};
    static int idx = 0;
    const char *r = names[idx];
    idx = (idx + 1) % 3;
    return r;
}

static int *get_buf(void) {
    static int buf[4];
    return buf;
}

static long fib_memo(int n) {
    static long memo[64];
    static int calls;
    calls++;
    if (n < 2) return n;
    if (memo[n]) return memo[n];
    memo[n] = fib_memo(n - 1) + fib_memo(n - 2);
    if (n == 50) printf("calls so far=%d\n", calls);
    return memo[n];
}

static double running_avg(double v) {
    static double sum = 0;
    static int count = 0;
    sum += v;
    count++;
    return sum / count;
}

int main(void) {
    for (int i = 0; i < 5; i++) printf("counter=%d counter2=%d\n", counter(), counter2());
    for (int i = 0; i < 7; i++) printf("%s ", next_name());
    printf("\n");
    int *b = get_buf();
    b[2] = 42;
    printf("get_buf()[2]=%d\n", get_buf()[2]);
    printf("fib(50)=%ld\n", fib_memo(50));
    printf("fib(60)=%ld\n", fib_memo(60));
    double vals[] = {1, 2, 3, 4, 10};
    for (int i = 0; i < 5; i++) printf("avg=%.3f\n", running_avg(vals[i]));
    for (int i = 0; i < 3; i++) {
        static int block_static = 5;
        int automatic = 5;
        block_static++;
        automatic++;
        printf("block_static=%d automatic=%d\n", block_static, automatic);
    }
    return 0;
}
