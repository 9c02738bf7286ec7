/* Records the ABI passes oddly, in every tier and across tiers: packed structs with misaligned members by value, empty unions, variadic functions with struct parameters, called hot. */
#include <stdarg.h>
#include <stdio.h>

struct __attribute__((packed)) B { unsigned short k; unsigned int l; };
struct __attribute__((packed)) C { unsigned char k; unsigned int l; unsigned int m; unsigned short n; };
union E {};
struct S { long x, y; };

struct B gb = { 5, 7 };
struct C gc = { 5, 7, 9, 11 };

static unsigned arg_b(struct B x) { return x.l + x.k * 100u; }
static unsigned arg_c(int a, struct C x, int b) { return x.l + x.k * 100u + x.m * 10000u + x.n * 1000000u + a + b; }
static struct B ret_b(unsigned i) { struct B r = { (unsigned short)i, i * 3 }; return r; }
static int skip_empty(int a, union E e, int b) { (void)e; return a * 10 + b; }
static int va_after_struct(struct S s, int n, ...) {
    va_list ap;
    va_start(ap, n);
    int r = (int)s.x;
    for (int i = 0; i < n; i++)
        r += va_arg(ap, int);
    va_end(ap);
    return r;
}

int main(void) {
    unsigned long sum = 0;
    union E e;
    struct S s = { 1, 2 };
    for (unsigned i = 0; i < 3000; i++) {
        struct B b = ret_b(i);
        sum += arg_b(gb) + arg_b(b) + arg_c((int)i, gc, 2);
        sum += (unsigned long)skip_empty((int)(i % 7), e, 4);
        sum += (unsigned long)va_after_struct(s, 3, 1, (int)i, 3);
    }
    printf("%lu %u %u\n", sum, arg_b(gb), arg_c(1, gc, 2));
    return 0;
}
