/* Tests static (internal linkage) functions and variables, static forward declarations, and helper composition. */
#include <stdio.h>

static int helper_count;
static int square(int x);
static int cube(int x);
static int apply_twice(int (*f)(int), int x);

static int square(int x) { helper_count++; return x * x; }
static int cube(int x) { helper_count++; return x * square(x); }
static int apply_twice(int (*f)(int), int x) { return f(f(x)); }
static int add_inline(int a, int b) { return a + b; }

static const char *describe(int n) {
    static char buf[32];
    snprintf(buf, sizeof buf, "n=%d sq=%d", n, square(n));
    return buf;
}

static int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }

int main(void) {
    printf("square(7)=%d cube(3)=%d\n", square(7), cube(3));
    printf("apply_twice(square,3)=%d apply_twice(cube,2)=%d\n", apply_twice(square, 3), apply_twice(cube, 2));
    printf("add_inline=%d\n", add_inline(40, 2));
    printf("%s\n", describe(12));
    printf("fact(10)=%d\n", fact(10));
    printf("helper_count=%d\n", helper_count);
    int (*fp)(int) = fact;
    printf("via pointer fact(6)=%d\n", fp(6));
    return 0;
}
