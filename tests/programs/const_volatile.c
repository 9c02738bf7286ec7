/* Tests const and volatile qualifiers: const objects/pointers, pointer-to-const vs const pointer, volatile loops, restrict. */
#include <stdio.h>
#include <string.h>

static const int table[5] = {1, 4, 9, 16, 25};
static const char *const messages[] = {"zero", "one", "two"};

static int sum(const int *restrict a, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += a[i];
    return s;
}

static void add_into(int *restrict dst, const int *restrict src, int n) {
    for (int i = 0; i < n; i++) dst[i] += src[i];
}

static size_t count_char(const char *s, char c) {
    size_t n = 0;
    for (; *s; s++) if (*s == c) n++;
    return n;
}

int main(void) {
    const int ci = 42;
    const double cd = 2.5;
    printf("ci=%d cd=%.1f table sum=%d\n", ci, cd, sum(table, 5));
    int x = 10, y = 20;
    const int *pc = &x;      /* pointer to const */
    int *const cp = &x;      /* const pointer */
    const int *const cpc = &y;
    printf("*pc=%d\n", *pc);
    pc = &y;                 /* ok: pointer itself mutable */
    *cp = 11;                /* ok: pointee mutable */
    printf("*pc=%d x=%d *cpc=%d\n", *pc, x, *cpc);
    for (int i = 0; i < 3; i++) printf("%s ", messages[i]);
    printf("\n");
    volatile int v = 0;
    for (int i = 0; i < 1000; i++) v += i;
    printf("volatile sum=%d\n", v);
    volatile unsigned char flags = 0;
    flags |= 0x3;
    flags &= (unsigned char)~0x1;
    printf("flags=%d\n", flags);
    volatile double vd = 1.0;
    for (int i = 0; i < 10; i++) vd *= 1.5;
    printf("vd=%.4f\n", vd);
    int a[4] = {1, 2, 3, 4}, b[4] = {10, 20, 30, 40};
    add_into(a, b, 4);
    printf("a=%d %d %d %d\n", a[0], a[1], a[2], a[3]);
    printf("count=%zu\n", count_char("mississippi", 's'));
    const struct { int id; const char *name; } rec = {7, "seven"};
    printf("rec=%d %s\n", rec.id, rec.name);
    char buf[16];
    const char *src = "const source";
    strcpy(buf, src);
    printf("buf=%s\n", buf);
    /* const in multi-level pointers */
    const char *strs[2] = {"p", "q"};
    const char *const *pp = strs;
    printf("pp[1]=%s\n", pp[1]);
    /* casting away const of non-const object is fine */
    int mutable_obj = 5;
    const int *view = &mutable_obj;
    *(int *)view = 6;
    printf("mutable_obj=%d\n", mutable_obj);
    /* volatile pointer and pointer to volatile */
    int target = 3;
    volatile int *pv = &target;
    *pv = *pv * 7;
    int *volatile vp = &target;
    *vp += 1;
    printf("target=%d\n", target);
    const volatile int cv = 99;
    printf("cv=%d sizeof(const int)=%zu\n", cv, sizeof(const int));
    return 0;
}
