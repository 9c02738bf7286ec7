/* Static initializers: a later designator replaces an address; a range designator evaluates its value once. */
#include <stdio.h>
static int x, y;
static int *g[2] = { [0] = &x, [1] = &x, [1] = 0 };
static int *h[3] = { [0 ... 2] = &y, [1] = &x };
int c;
int main(void) {
    int a[2] = { [0 ... 1] = ++c };
    printf("%d %d %d %d %d %d\n", g[0] == &x, g[1] == 0, h[0] == &y, h[1] == &x, h[2] == &y, c);
    printf("%d %d\n", a[0], a[1]);
    return 0;
}
