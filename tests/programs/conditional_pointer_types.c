/* Types of ?: with pointers: qualifiers of both sides, null pointer constants, composite array types. */
#include <stdio.h>
struct P { int i; };
int main(void) {
    int a = 1, b = 2; struct P p = { 9 }, *pp = &p;
    int c = 1;
    printf("%d\n", _Generic(c ? (volatile int *)&a : (const int *)&b, const volatile int *: 1, default: 0));
    printf("%d\n", _Generic(c ? (const void *)0 : &a, const void *: 1, int *: 2, default: 0));
    printf("%d\n", (c ? pp : (void *)0)->i);
    printf("%d\n", (c ? (void *)0 : pp) == 0);
    int a4[4] = {1,2,3,4}; int (*p4)[4] = &a4; extern int (*q)[];
    printf("%zu\n", sizeof(*(c ? p4 : q)));
    return 0;
}
int (*q)[];
