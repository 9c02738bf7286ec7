/* Tests pointer arithmetic, differences, indexing equivalence and pointer increments. */
#include <stdio.h>
#include <stddef.h>

int main(void) {
    int a[10];
    for (int i = 0; i < 10; i++) a[i] = i * i;
    int *p = a;
    int *q = &a[9];
    printf("q-p=%td\n", q - p);
    printf("*(p+3)=%d p[3]=%d 3[p]=%d *(3+p)=%d\n", *(p + 3), p[3], 3[p], *(3 + p));
    p += 4;
    printf("*p=%d p[-2]=%d\n", *p, p[-2]);
    p++;
    printf("*p++ ... %d\n", *p++);
    printf("*p=%d\n", *p);
    printf("*--p=%d\n", *--p);
    int old = (*p)++;
    printf("(*p)++=%d a[5]=%d\n", old, a[5]);
    printf("++*p=%d\n", ++*p);
    int *end = a + 10;
    int s = 0;
    for (int *it = a; it != end; ++it) s += *it;
    printf("sum=%d\n", s);
    for (int *it = end; it > a; ) { --it; printf("%d ", *it); }
    printf("\n");

    double d[5] = {1.5, 2.5, 3.5, 4.5, 5.5};
    double *dp = d + 2;
    printf("dp[-1]=%.1f dp[2]=%.1f diff=%td\n", dp[-1], dp[2], (d + 5) - dp);
    char buf[] = "abcdefgh";
    char *cp = buf + 3;
    printf("cp=%s cp-buf=%td\n", cp, cp - buf);
    *cp = 'X';
    printf("buf=%s\n", buf);

    struct pt { int x, y; } pts[4] = {{1, 2}, {3, 4}, {5, 6}, {7, 8}};
    struct pt *sp = pts;
    sp += 2;
    printf("sp->x=%d (sp-1)->y=%d diff=%td\n", sp->x, (sp - 1)->y, sp - pts);
    /* byte-distance via char pointers */
    printf("bytes between pts[0] and pts[3]=%td\n", (char *)&pts[3] - (char *)&pts[0]);
    printf("bytes between d[0] and d[4]=%td\n", (char *)&d[4] - (char *)d);
    /* pointer to one past end is valid for comparison */
    int *one_past = &a[10];
    printf("one_past==end: %d\n", one_past == end);
    ptrdiff_t pd = &a[2] - &a[7];
    printf("pd=%td\n", pd);
    /* walking a 2D array linearly through int* is avoided; use a row pointer */
    int m[3][4];
    for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) m[i][j] = i * 10 + j;
    int (*row)[4] = m;
    int (*row2)[4] = row + 2;
    row = row2 - 1;
    int *inner = *(row + 1);
    printf("row[0][2]=%d (*row)[3]=%d inner[1]=%d\n", row[0][2], (*row)[3], inner[1]);
    printf("row-m=%td\n", row - m);
    /* pointer indexing with negative and unsigned index types */
    unsigned idx = 2;
    long li = -1;
    int *mid = &a[5];
    printf("mid[idx]=%d mid[li]=%d\n", mid[idx], mid[li]);
    return 0;
}
