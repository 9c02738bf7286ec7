/* Tests assert.h with passing assertions and stdbool.h bool/true/false semantics (conversion to 0/1). */
#include <stdio.h>
#include <assert.h>
#include <stdbool.h>

static bool is_prime(int n) {
    if (n < 2) return false;
    for (int d = 2; d * d <= n; d++) if (n % d == 0) return false;
    return true;
}

static int count_true(const bool *v, int n) { int c = 0; for (int i = 0; i < n; i++) c += v[i]; return c; }

int main(void) {
    assert(1 + 1 == 2);
    assert(sizeof(int) == 4);
    bool t = true, f = false;
    printf("true=%d false=%d sizeof(bool)=%zu\n", t, f, sizeof(bool));
    bool b = 42;
    printf("bool from 42=%d\n", b);
    b = 0.1;
    printf("bool from 0.1=%d\n", b);
    b = (bool)"string";
    printf("bool from pointer=%d\n", b);
    bool flags[10];
    for (int i = 0; i < 10; i++) flags[i] = is_prime(i);
    for (int i = 0; i < 10; i++) printf("%d", flags[i]);
    printf(" count=%d\n", count_true(flags, 10));
    assert(count_true(flags, 10) == 4);
    bool x = true;
    x = !x;
    printf("!true=%d\n", x);
    x = x || true;
    printf("x||true=%d\n", x);
    printf("true+true=%d\n", true + true);
    bool y = 3;
    y = y + 1;   /* 2 -> true */
    printf("y=%d\n", y);
    int nprimes = 0;
    for (int i = 0; i < 1000; i++) if (is_prime(i)) nprimes++;
    assert(nprimes == 168);
    printf("primes<1000=%d\n", nprimes);
    assert(is_prime(997) && !is_prime(999));
    printf("__bool_true_false_are_defined=%d\n", __bool_true_false_are_defined);
    printf("all asserts passed\n");
    return 0;
}
