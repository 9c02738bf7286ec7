/* Tests relational and equality comparison of pointers within the same array/struct, NULL comparisons, and pointer ordering. */
#include <stdio.h>
#include <stddef.h>

struct rec { int a; double b; char c[4]; };

static int in_range(const int *p, const int *lo, const int *hi) { return p >= lo && p < hi; }

int main(void) {
    int arr[10] = {0};
    int *p = &arr[2], *q = &arr[7];
    printf("p<q=%d p>q=%d p<=q=%d p>=q=%d p==q=%d p!=q=%d\n", p < q, p > q, p <= q, p >= q, p == q, p != q);
    printf("p+5==q: %d\n", p + 5 == q);
    printf("in_range: %d %d %d\n", in_range(p, arr, arr + 10), in_range(arr + 10, arr, arr + 10), in_range(arr, arr, arr + 1));
    int *null = NULL;
    printf("null==0: %d !null=%d null==NULL: %d p!=NULL: %d\n", null == 0, !null, null == NULL, p != NULL);
    if (p) printf("p is truthy\n");
    if (!null) printf("null is falsy\n");
    struct rec r = {0};
    printf("member order: %d %d\n", (void *)&r.a < (void *)&r.b, (char *)&r.b < (char *)r.c);
    printf("&r == &r.a as char*: %d\n", (char *)&r == (char *)&r.a);
    printf("c offset via pointers: %td\n", (char *)r.c - (char *)&r);
    /* find max element pointer */
    int vals[] = {4, 9, 2, 9, 1, 7};
    int *best = vals;
    for (int *it = vals + 1; it < vals + 6; it++) if (*it > *best) best = it;
    printf("max at index %td value %d\n", best - vals, *best);
    /* compare char pointers into the same string */
    const char *s = "comparison";
    const char *m = s + 4, *e = s + 10;
    printf("m<e=%d *m=%c e-m=%td\n", m < e, *m, e - m);
    /* equality of pointers to different objects is defined (false) */
    int x = 1, y = 1;
    printf("&x==&y: %d\n", &x == &y);
    /* void* comparisons */
    void *vp = arr, *vq = &arr[0];
    printf("vp==vq: %d\n", vp == vq);
    /* pointer to array vs pointer to first element compare equal after conversion */
    int (*pa)[10] = &arr;
    printf("(void*)pa==(void*)arr: %d\n", (void *)pa == (void *)arr);
    /* ternary with pointers */
    int *sel = p > q ? p : q;
    printf("sel is q: %d\n", sel == q);
    /* loop termination by pointer comparison going backwards */
    int cnt = 0;
    for (int *it = arr + 9; it >= arr + 5; it--) cnt++;
    printf("cnt=%d\n", cnt);
    return 0;
}
