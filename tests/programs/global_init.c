/* Tests globals with constant initializers: pointers to other globals, &arr[3], string tables, function pointer tables, structs. */
#include <stdio.h>
#include <stddef.h>

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }

int gi = 42;
int *gp = &gi;
int **gpp = &gp;
int arr[10] = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90};
int *mid = &arr[3];
int *past = arr + 10;
int *plus = arr + 5;
const char *names[] = {"north", "east", "south", "west"};
const char *second = "literal" + 3;
char buffer[32] = "global buffer";
char *bufp = buffer + 7;
double dvals[] = {1.5, 2.5, 3.5};
double *dlast = &dvals[2];
int (*ops[])(int, int) = {add, sub, mul};
struct op_entry { const char *name; int (*fn)(int, int); } op_table[] = {{"add", add}, {"sub", sub}, {"mul", mul}, {NULL, NULL}};
struct point { int x, y; } origin = {0, 0}, corner = {.x = 5, .y = -5};
struct point *corner_ptr = &corner;
int *corner_y = &corner.y;
struct node { int v; struct node *next; };
struct node n3 = {3, NULL};
struct node n2 = {2, &n3};
struct node n1 = {1, &n2};
struct node ring_a;
struct node ring_b = {20, &ring_a};
struct node ring_a = {10, &ring_b};
long big = 1L << 40;
unsigned long mask = ~0UL >> 4;
double ratio = 1.0 / 3;
float fconst = 2.5f * 4;
char letter = 'A' + 2;
size_t arr_len = sizeof arr / sizeof arr[0];
int zeroed[5];
static int static_counter = 7;
const int *const_ptr = &static_counter;
int matrix[2][3] = {{1, 2, 3}, {4, 5, 6}};
int *row1 = matrix[1];
int (*matrix_row)[3] = &matrix[1];
size_t off_y = offsetof(struct point, y);
char *strs2d[2][2] = {{"a", "b"}, {"c", "d"}};

int main(void) {
    printf("gi=%d *gp=%d **gpp=%d\n", gi, *gp, **gpp);
    **gpp = 43;
    printf("gi=%d\n", gi);
    printf("*mid=%d mid[2]=%d past-arr=%td *plus=%d\n", *mid, mid[2], past - arr, *plus);
    for (int i = 0; i < 4; i++) printf("%s ", names[i]);
    printf("\nsecond=%s bufp=%s\n", second, bufp);
    printf("*dlast=%.1f\n", *dlast);
    for (int i = 0; i < 3; i++) printf("ops[%d](7,3)=%d\n", i, ops[i](7, 3));
    for (struct op_entry *e = op_table; e->name; e++) printf("%s(10,4)=%d\n", e->name, e->fn(10, 4));
    printf("origin=(%d,%d) corner=(%d,%d) via ptr y=%d *corner_y=%d\n", origin.x, origin.y, corner.x, corner.y, corner_ptr->y, *corner_y);
    for (struct node *n = &n1; n; n = n->next) printf("node %d\n", n->v);
    struct node *r = &ring_a;
    for (int i = 0; i < 5; i++) { printf("ring %d ", r->v); r = r->next; }
    printf("\n");
    printf("big=%ld mask=%lx ratio=%.6f fconst=%.1f letter=%c arr_len=%zu\n", big, mask, ratio, fconst, letter, arr_len);
    int z = 0;
    for (int i = 0; i < 5; i++) z += zeroed[i];
    printf("zeroed sum=%d *const_ptr=%d\n", z, *const_ptr);
    printf("row1[2]=%d (*matrix_row)[0]=%d off_y=%zu\n", row1[2], (*matrix_row)[0], off_y);
    printf("strs2d[1][0]=%s\n", strs2d[1][0]);
    bufp[0] = 'B';
    printf("buffer=%s\n", buffer);
    return 0;
}
