/* Tests typedefs: aliases for scalars, pointers, arrays, function pointers, structs; typedef shadowing in block scopes. */
#include <stdio.h>

typedef int myint;
typedef unsigned long ulong_t;
typedef char *string;
typedef const char *cstring;
typedef int arr5[5];
typedef int (*binop)(int, int);
typedef struct point { int x, y; } point;
typedef point *point_ptr;
typedef struct list list;
struct list { int v; list *next; };
typedef double mat2[2][2];
typedef void fnvoid(void);

static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }
static void hello(void) { puts("hello from fnvoid"); }

int main(void) {
    myint i = 5;
    ulong_t big = 1ul << 40;
    char buf[] = "mutable";
    string s = buf;
    cstring cs = "const";
    s[0] = 'M';
    printf("%d %lu %s %s\n", i, big, s, cs);
    arr5 a = {1, 2, 3, 4, 5};
    printf("sizeof arr5=%zu a[4]=%d\n", sizeof(arr5), a[4]);
    binop ops[2] = {add, mul};
    printf("ops: %d %d\n", ops[0](6, 7), ops[1](6, 7));
    point p = {1, 2};
    point_ptr pp = &p;
    pp->x = 10;
    printf("p=%d,%d\n", p.x, p.y);
    list n2 = {2, NULL}, n1 = {1, &n2};
    printf("list: %d %d\n", n1.v, n1.next->v);
    mat2 m = {{1, 2}, {3, 4}};
    printf("det=%.1f sizeof mat2=%zu\n", m[0][0] * m[1][1] - m[0][1] * m[1][0], sizeof(mat2));
    fnvoid *fv = hello;
    fv();
    {
        typedef double myint;   /* shadows outer typedef */
        myint d = 2.5;
        printf("inner myint is double: %.2f sizeof=%zu\n", d, sizeof(myint));
        {
            typedef char myint;
            printf("innermost sizeof=%zu\n", sizeof(myint));
        }
        printf("back to double sizeof=%zu\n", sizeof(myint));
    }
    printf("outer myint sizeof=%zu\n", sizeof(myint));
    {
        int myint = 7;          /* variable shadowing the typedef name */
        printf("variable myint=%d\n", myint * 2);
    }
    myint after = 3;
    printf("after=%d\n", after);
    typedef myint myint2;
    myint2 x2 = 9;
    printf("x2=%d\n", x2);
    return 0;
}
