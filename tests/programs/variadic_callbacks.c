// variadic functions of the program called back by the C library: a comparator `int cmp(const void *a, ...)` given to qsort and bsearch (reads its second argument with va_arg; the System V ABI passes it as a non-variadic callee receives it); and a variadic function called through a pointer without a prototype, as K&R code does
#include <stdio.h> /* before stdarg.h: both declare va_list, a typedef redefinition */
#include <stdarg.h>
#include <stdlib.h>

typedef int (*cmp_fn)(const void *, const void *);

static int calls;

static int by_value(const void *a, ...) {
    va_list ap;
    va_start(ap, a);
    const int *b = va_arg(ap, const int *);
    va_end(ap);
    calls++;
    return (*(const int *)a > *b) - (*(const int *)a < *b);
}

static int by_name(const void *a, ...) {
    va_list ap;
    va_start(ap, a);
    const char *const *b = va_arg(ap, const char *const *);
    va_end(ap);
    const char *x = *(const char *const *)a, *y = *b;
    while (*x && *x == *y) {
        x++;
        y++;
    }
    return (unsigned char)*x - (unsigned char)*y;
}

static double avg(int n, ...) {
    va_list ap;
    va_start(ap, n);
    double s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, double);
    va_end(ap);
    return n ? s / n : 0;
}

int main(void) {
    double (*old_style)() = (double (*)())(void (*)(void))avg;
    printf("%.3f %.3f\n", old_style(3, 1.0, 2.5, 4.0), old_style(0));
    int v[] = { 42, -7, 19, 0, 3, 88, -100, 19, 5 };
    size_t n = sizeof v / sizeof v[0];
    qsort(v, n, sizeof v[0], (cmp_fn)(void (*)(void))by_value);
    for (size_t i = 0; i < n; i++)
        printf("%d ", v[i]);
    printf("(%s)\n", calls > 0 ? "compared" : "not compared");
    int key = 88;
    int *hit = bsearch(&key, v, n, sizeof v[0], (cmp_fn)(void (*)(void))by_value);
    printf("88 at %td\n", hit ? hit - v : -1);
    const char *names[] = { "pear", "apple", "fig", "banana", "cherry" };
    qsort(names, 5, sizeof names[0], (cmp_fn)(void (*)(void))by_name);
    for (int i = 0; i < 5; i++)
        printf("%s ", names[i]);
    printf("\n");
    return 0;
}
