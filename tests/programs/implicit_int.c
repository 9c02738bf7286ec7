// Implicit int and implicit function declarations as GCC 12 accepts them with warnings (so this program is exempt from -Werror -pedantic): main(), K&R definitions, storage classes or qualifiers without a type, calls before any declaration.
#include <stdio.h>

static counter = 3;
const limit = 10;
static *cursor = &counter;
extern shared;
int shared = 7;

add(a, b)
{
    return a + b;
}

scaled(x, factor, name)
    double factor;
    char *name;
{
    printf("%s: %d * %.2f\n", name, x, factor);
    return x * factor;
}

static twice(int v) { return 2 * v; }

static pick(i, s) register i; register char *s; { return s[i]; }

static inline square(n) { return n * n; }

char first(s) char *s; { return s[0]; }

long sum_longs(n, a) int n; long *a;
{
    register total = 0;
    for (register i = 0; i < n; i++)
        total += a[i];
    return total;
}

static next_id()
{
    static id = 100;
    return id++;
}

main()
{
    static const hits = 2;
    auto local = 5;
    long v[] = { 1, 2, 3, 4 };
    printf("%d %d %d\n", add(counter, limit), twice(local), square(hits + 1));
    printf("%d\n", scaled(7, 1.5, "seven"));
    printf("%c %ld %d\n", first("hello"), sum_longs(4, v), shared);
    next_id();
    printf("%d %zu %d\n", next_id(), sizeof(counter), *cursor);
    printf("%d %d %c\n", defined_later(6), old_style_later(2, 3), pick(1, "xyz"));
    return add(-1, 1);
}

int defined_later(int v) { return v * 7; }

old_style_later(a, b) { return a * 100 + b; }
