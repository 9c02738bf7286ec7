/* Tests tentative definitions at file scope (int x; int x; int x = 5;), zero-initialization of uninitialized globals. */
#include <stdio.h>

int x;
int x;
int x = 5;
int y;
int y;
static int sz;
static int sz;
double d;
char buf[8];
int arr[];
int arr[4];
struct pair { int a, b; } pr;
struct pair pr;
int *ptr;
long counts[3];

static int get_x(void) { return x; }

int main(void) {
    printf("x=%d y=%d sz=%d d=%.1f\n", x, y, sz, d);
    printf("buf empty=%d arr: %d %d %d %d sizeof arr=%zu\n", buf[0] == 0, arr[0], arr[1], arr[2], arr[3], sizeof arr);
    printf("pr=%d,%d ptr null=%d counts=%ld,%ld,%ld\n", pr.a, pr.b, ptr == NULL, counts[0], counts[1], counts[2]);
    x++;
    y = 7;
    arr[3] = 40;
    ptr = &arr[3];
    pr.b = *ptr / 2;
    printf("x=%d get_x=%d y=%d *ptr=%d pr.b=%d\n", x, get_x(), y, *ptr, pr.b);
    return 0;
}
