/* Tests prefix/postfix increment and decrement on ints, chars, floats, pointers, struct members (without unsequenced UB). */
#include <stdio.h>

int main(void) {
    int i = 5;
    int a = i++;
    printf("a=%d i=%d\n", a, i);
    int b = ++i;
    printf("b=%d i=%d\n", b, i);
    int c = i--;
    printf("c=%d i=%d\n", c, i);
    int d = --i;
    printf("d=%d i=%d\n", d, i);
    double x = 1.5;
    x++; ++x;
    printf("x=%.2f\n", x);
    double y = x--;
    printf("y=%.2f x=%.2f\n", y, x);
    float f = 0.25f;
    --f;
    printf("f=%.3f\n", f);
    char ch = 'a';
    ch++;
    printf("ch=%c\n", ch);
    unsigned char uc = 255;
    uc++;
    printf("uc=%d\n", uc);
    unsigned u = 0;
    u--;
    printf("u=%u\n", u);
    signed char sc = 127;
    sc--;
    printf("sc=%d\n", sc);
    int arr[] = {10, 20, 30, 40};
    int *p = arr;
    int v1 = *p++;
    int v2 = *++p;
    int v3 = ++*p;
    int v4 = (*p)++;
    printf("v1=%d v2=%d v3=%d v4=%d arr[2]=%d idx=%td\n", v1, v2, v3, v4, arr[2], p - arr);
    int v5 = *p--;
    printf("v5=%d now *p=%d\n", v5, *p);
    struct { int n; int *q; } s = {0, arr};
    s.n++;
    ++s.n;
    s.q++;
    (*s.q)--;
    printf("s.n=%d *s.q=%d arr[1]=%d\n", s.n, *s.q, arr[1]);
    int k = 0;
    int m[5] = {0};
    m[k++] = 1;
    m[k++] = 2;
    m[++k] = 4;
    printf("m: %d %d %d %d %d k=%d\n", m[0], m[1], m[2], m[3], m[4], k);
    /* in loop conditions */
    int n = 5, iters = 0;
    while (n--) iters++;
    printf("iters=%d n=%d\n", iters, n);
    n = 5; iters = 0;
    while (--n) iters++;
    printf("iters=%d n=%d\n", iters, n);
    /* pointer decrement through string */
    const char *s2 = "reverse";
    const char *e = s2;
    while (*e) e++;
    while (e > s2) putchar(*--e);
    putchar('\n');
    /* long long and pointer to pointer increments */
    long long ll = 9223372036854775806LL;
    ll++;
    printf("ll=%lld\n", ll);
    const char *strs[] = {"one", "two", "three"};
    const char **sp = strs;
    sp++;
    printf("*sp=%s **sp=%c\n", *sp, **sp);
    printf("*(*sp)++ ... ");
    char first = *(*sp)++;
    printf("%c then %s\n", first, *sp);
    return 0;
}
