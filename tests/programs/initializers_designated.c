/* Tests designated initializers: array indices, struct members, nested, mixed with positional, overriding, zero-fill. */
#include <stdio.h>

struct point { int x, y, z; };
struct config { const char *name; int level; double ratio; int flags[4]; struct point origin; };

int main(void) {
    int a[10] = {[2] = 20, [5] = 50, 60, 70, [0] = 1};
    for (int i = 0; i < 10; i++) printf("%d ", a[i]);
    printf("\n");
    int b[] = {[7] = 7, [3] = 3};
    printf("sizeof b/sizeof b[0]=%zu\n", sizeof b / sizeof b[0]);
    for (unsigned i = 0; i < sizeof b / sizeof b[0]; i++) printf("%d ", b[i]);
    printf("\n");
    struct point p = {.z = 3, .x = 1};
    printf("p=%d,%d,%d\n", p.x, p.y, p.z);
    struct point q = {.y = 5, 6};   /* positional continues after y */
    printf("q=%d,%d,%d\n", q.x, q.y, q.z);
    struct config c = {
        .name = "cfg",
        .flags = {[1] = 11, [3] = 33},
        .origin = {.y = -1},
        .ratio = 0.75,
    };
    printf("c: %s %d %.2f [%d %d %d %d] (%d,%d,%d)\n", c.name, c.level, c.ratio,
           c.flags[0], c.flags[1], c.flags[2], c.flags[3], c.origin.x, c.origin.y, c.origin.z);
    struct config c2 = {.origin.z = 9, .flags[2] = 22, .name = "c2"};
    printf("c2: %s flags[2]=%d origin.z=%d\n", c2.name, c2.flags[2], c2.origin.z);
    struct point pts[4] = {[1] = {.x = 10}, [3].y = 30, [0] = {1, 2, 3}};
    for (int i = 0; i < 4; i++) printf("pts[%d]=%d,%d,%d\n", i, pts[i].x, pts[i].y, pts[i].z);
    /* designator moves the position backwards, positional continues from there */
    int o[4] = {[2] = 1, [0] = 2, 3};
    printf("o=%d %d %d %d\n", o[0], o[1], o[2], o[3]);
    /* char array with designators */
    char s[8] = {[0] = 'h', [1] = 'i', [4] = '!'};
    printf("s[0..1]=%c%c s[2]=%d s[4]=%c\n", s[0], s[1], s[2], s[4]);
    /* 2D designators */
    int m[3][3] = {[0][0] = 1, [1][1] = 5, [2] = {7, 8, 9}};
    for (int i = 0; i < 3; i++) printf("%d %d %d\n", m[i][0], m[i][1], m[i][2]);
    /* enum-indexed table */
    enum { ZERO, ONE, TWO, N };
    const char *names[N] = {[TWO] = "two", [ZERO] = "zero", [ONE] = "one"};
    for (int i = 0; i < N; i++) printf("%s ", names[i]);
    printf("\n");
    /* union designator */
    union { int i; float f; char c[4]; } un = {.f = 1.0f};
    printf("un.i=0x%x\n", (unsigned)un.i);
    /* static storage with designators */
    static const int sq[] = {[0] = 0, [1] = 1, [2] = 4, [3] = 9, [9] = 81};
    printf("sq count=%zu sq[9]=%d sq[5]=%d\n", sizeof sq / sizeof sq[0], sq[9], sq[5]);
    return 0;
}
