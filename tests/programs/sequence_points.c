/* Tests well-defined evaluation order: &&, ||, ?:, comma, full expressions, and side effects in loop headers (no unspecified order output). */
#include <stdio.h>

static int trace[32];
static int ntrace;
static int mark(int v) { trace[ntrace++] = v; return v; }
static void dump(const char *label) {
    printf("%s:", label);
    for (int i = 0; i < ntrace; i++) printf(" %d", trace[i]);
    printf("\n");
    ntrace = 0;
}

int main(void) {
    int r = mark(1) && mark(0) && mark(2);
    printf("r=%d ", r); dump("and");
    r = mark(0) || mark(3) || mark(4);
    printf("r=%d ", r); dump("or");
    r = mark(5) ? mark(6) : mark(7);
    printf("r=%d ", r); dump("ternary");
    r = (mark(8), mark(9), mark(10));
    printf("r=%d ", r); dump("comma");
    /* statements separate side effects */
    int i = 0;
    i = i + 1;
    i++;
    i += i;
    printf("i=%d\n", i);
    int a[5] = {0};
    int k = 0;
    a[k] = k + 1;
    k++;
    a[k] = k + 1;
    printf("a=%d %d\n", a[0], a[1]);
    /* side effects in for header happen in defined order */
    int sum = 0;
    for (int j = mark(0); mark(j) < 3; j = mark(j + 1)) sum += j;
    printf("sum=%d ", sum); dump("for");
    /* && guards with assignment inside */
    int x = 0, y;
    if ((y = mark(4)) > 3 && (x = mark(y * 2)) > 5) printf("x=%d y=%d ", x, y);
    dump("guard");
    /* logical operators with increments are sequenced */
    int c = 0;
    int res = c++ == 0 && c++ == 1 && c++ == 5 && c++;
    printf("res=%d c=%d\n", res, c);
    int d = 5;
    int res2 = d-- > 5 || d-- > 3 || d--;
    printf("res2=%d d=%d\n", res2, d);
    /* ternary with side effects */
    int e = 1;
    int res3 = e++ ? e++ : e--;
    printf("res3=%d e=%d\n", res3, e);
    /* comma with side effects */
    int f = 1;
    int res4 = (f *= 3, f += 4, f * 2);
    printf("res4=%d f=%d\n", res4, f);
    /* function arguments: evaluated before call, each in its own statement here */
    int g = mark(11);
    int h = mark(12);
    printf("g+h=%d ", g + h); dump("args");
    return 0;
}
