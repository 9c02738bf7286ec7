/* GNU C forms gcc accepts: implicit int after attributes, qualifiers after a struct body, union casts, local labels, asm barriers, composite arrays, externs only in sizeof. */
#include <stdio.h>

_Alignas(16) implicit_aligned;
__attribute__((noinline)) twice(int c) { return 2 * c; }
static __attribute__((unused)) three(void) { return 3; }

typedef unsigned short U16;
typedef struct { U16 u16; } __attribute__((packed)) unalign16;
struct { int a; } const konst = { 3 };
struct { int a; } static stat = { 4 };

union U { int i; double d; char c[8]; };
static int take(union U u) { return u.i; }

extern int arr[4];
int arr[] = { 1, 2 };

extern int never_defined[10];
extern struct Missing { int x; long y; } missing;

#define LOOP(n) ({ __label__ top, out; int i = 0; top: if (i >= (n)) goto out; i++; goto top; out: i; })

int main(void) {
    int x = 1;
    __asm__ __volatile__("" ::: "memory");
    asm("nop");
    __asm__ volatile("pause");
    asm volatile("" : : "r"(x) : "memory");
    printf("%d %d %zu %zu\n", twice(x), three(), sizeof implicit_aligned, sizeof(unalign16));
    printf("%d %d\n", konst.a, stat.a);
    union U u = (union U)2.5;
    printf("%d %g\n", take((union U)42), u.d);
    printf("%zu %d %d %d\n", sizeof arr, arr[0], arr[1], arr[3]);
    printf("%zu %zu %d\n", sizeof never_defined, sizeof(typeof(missing)), _Generic(never_defined[0], int: 1, default: 0));
    printf("%d %d\n", LOOP(3), LOOP(5));
    return 0;
}
