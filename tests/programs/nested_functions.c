/* GNU nested functions: reading and writing the enclosing function's locals, recursion, passing one as a callback (qsort), nesting two deep, a non-local goto out of one. */
#include <stdio.h>
#include <stdlib.h>

static int apply(int (*f)(int), int x) { return f(x); }

static int sum_with_offset(int n, int offset) {
    int total = 0;
    void add(int v) { total += v + offset; }
    for (int i = 1; i <= n; i++)
        add(i);
    return total;
}

static int fact_of(int n) {
    int calls = 0;
    int fact(int k) { calls++; return k <= 1 ? 1 : k * fact(k - 1); }
    int r = fact(n);
    return r * 100 + calls;
}

static void sort_desc(int *a, int n, int key) {
    int compared = 0;
    int cmp(const void *x, const void *y) {
        compared++;
        int u = *(const int *)x % key, v = *(const int *)y % key;
        return (v > u) - (v < u);
    }
    qsort(a, n, sizeof *a, cmp);
    printf("compared: %d\n", compared > 0);
}

static int two_deep(int base) {
    int mid = 10;
    int outer_fn(int x) {
        int inner_fn(int y) { return base + mid + x + y; }
        mid++;
        return inner_fn(x * 2);
    }
    return apply(outer_fn, 1) + outer_fn(2);
}

static int find_first(const int *a, int n, int target) {
    __label__ found;
    int where = -1;
    void scan(int i) {
        if (i >= n)
            return;
        if (a[i] == target) {
            where = i;
            goto found;
        }
        scan(i + 1);
    }
    scan(0);
    return -1;
found:
    return where;
}

int main(void) {
    int a[] = { 15, 3, 22, 8, 41, 6 };
    printf("%d %d\n", sum_with_offset(4, 10), fact_of(5));
    sort_desc(a, 6, 7);
    for (int i = 0; i < 6; i++)
        printf("%d ", a[i]);
    printf("\n%d %d %d\n", two_deep(100), find_first(a, 6, 8), find_first(a, 6, 99));
    return 0;
}
