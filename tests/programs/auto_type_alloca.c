// GNU __auto_type (type from the initializer, in type-generic macros too) and alloca (storage until the function returns)
#include <alloca.h>
#include <stdio.h>
#include <string.h>

#define max(a, b) ({ __auto_type _a = (a); __auto_type _b = (b); _a > _b ? _a : _b; })
#define swap(x, y) do { __auto_type _t = (x); (x) = (y); (y) = _t; } while (0)

__auto_type scale = 2.5;

static char *joined(const char *a, const char *b, char *out) {
    size_t n = strlen(a) + strlen(b) + 1;
    char *tmp = alloca(n);
    strcpy(tmp, a);
    strcat(tmp, b);
    memcpy(out, tmp, n);
    return out;
}

static long sum_squares(int n) {
    long *v = alloca(n * sizeof *v);
    for (int i = 0; i < n; i++)
        v[i] = (long)i * i;
    long s = 0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return s;
}

int main(void) {
    __auto_type i = 7;
    const __auto_type d = 1.5f * 2;
    int arr[3] = { 1, 2, 3 };
    __auto_type p = arr;
    char c = 'x';
    __auto_type promoted = c + 1;
    printf("%d %g %d %zu %zu %d\n", max(i, 3), max(d, scale), p[2], sizeof promoted, sizeof d, max(-1, -2));
    double x = 1.25, y = -3.5;
    swap(x, y);
    printf("%g %g\n", x, y);
    char buf[32];
    printf("%s %ld %ld\n", joined("alloca", "+stack", buf), sum_squares(10), sum_squares(100));
    for (int k = 1; k <= 3; k++) {
        int *q = alloca(k * sizeof(int));
        q[k - 1] = k * 11;
        printf("%d ", q[k - 1]);
    }
    printf("\n");
    return 0;
}
