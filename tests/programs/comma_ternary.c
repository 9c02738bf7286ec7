/* Tests comma operator (sequencing, value of last operand) and conditional operator (nesting, lvalue-free use, types). */
#include <stdio.h>

static int calls = 0;
static int tick(int v) { calls++; printf("tick(%d) ", v); return v; }

int main(void) {
    int a, b, c;
    a = (b = 2, c = 3, b + c);
    printf("a=%d b=%d c=%d\n", a, b, c);
    int x = (tick(1), tick(2), tick(3));
    printf("\nx=%d calls=%d\n", x, calls);
    /* comma in for */
    int i, j, s = 0;
    for (i = 0, j = 10; i < j; i += 2, j -= 1) s += j - i;
    printf("s=%d i=%d j=%d\n", s, i, j);
    /* ternary evaluates only one branch */
    calls = 0;
    int t = 1 ? tick(10) : tick(20);
    printf("\nt=%d calls=%d\n", t, calls);
    t = 0 ? tick(10) : tick(20);
    printf("\nt=%d calls=%d\n", t, calls);
    /* nested ternary: right associative */
    for (int n = -2; n <= 2; n++) {
        const char *sign = n < 0 ? "neg" : n == 0 ? "zero" : "pos";
        printf("%d:%s ", n, sign);
    }
    printf("\n");
    /* ternary with pointer and NULL */
    const char *name = NULL;
    printf("name=%s\n", name ? name : "(null)");
    /* max/min of three */
    int p = 7, q = 12, r = 9;
    int mx = p > q ? (p > r ? p : r) : (q > r ? q : r);
    int mn = p < q ? (p < r ? p : r) : (q < r ? q : r);
    printf("max=%d min=%d\n", mx, mn);
    /* ternary as function argument and in arithmetic */
    printf("abs: %d %d\n", -5 < 0 ? 5 : -5, (p - q) < 0 ? -(p - q) : p - q);
    int z = 3 + (p > 5 ? 10 : 20) * 2;
    printf("z=%d\n", z);
    /* ternary choosing between struct values */
    struct pt { int x, y; } A = {1, 2}, B = {3, 4};
    struct pt C = p > q ? A : B;
    printf("C=(%d,%d)\n", C.x, C.y);
    /* ternary selecting a pointer to assign through */
    int *target = q > r ? &q : &r;
    *target = 0;
    printf("q=%d r=%d\n", q, r);
    /* comma expression as ternary operand */
    int k = 0;
    int res = k ? (k++, 100) : (k += 5, k * 2);
    printf("res=%d k=%d\n", res, k);
    /* logical operators short-circuit */
    calls = 0;
    int sc = (0 && tick(1)) || (1 || tick(2)) || tick(3);
    printf("sc=%d calls=%d\n", sc, calls);
    int v = 0;
    if (v != 0 && 10 / v > 1) puts("never");
    else puts("short-circuit protected division");
    printf("values of logic: %d %d %d %d\n", 5 && 3, 0 || -1, !7, !!7);
    /* comma in while condition */
    int cnt = 0, m = 5;
    while (cnt++, m-- > 0) {}
    printf("cnt=%d m=%d\n", cnt, m);
    return 0;
}
