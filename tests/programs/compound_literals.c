/* Tests compound literals: struct/array literals as values, lvalues, function arguments, pointers to them. */
#include <stdio.h>

struct point { int x, y; };
struct rect { struct point a, b; };

static int area(struct rect r) { return (r.b.x - r.a.x) * (r.b.y - r.a.y); }
static int sum(const int *v, int n) { int s = 0; for (int i = 0; i < n; i++) s += v[i]; return s; }
static struct point add(struct point p, struct point q) { return (struct point){p.x + q.x, p.y + q.y}; }

int main(void) {
    struct point p = (struct point){3, 4};
    printf("p=%d,%d\n", p.x, p.y);
    p = (struct point){.y = 10};
    printf("p=%d,%d\n", p.x, p.y);
    printf("area=%d\n", area((struct rect){{0, 0}, {5, 6}}));
    printf("sum=%d\n", sum((int[]){1, 2, 3, 4, 5}, 5));
    printf("sum=%d\n", sum((const int[10]){[9] = 100, [0] = 1}, 10));
    int *ip = (int[]){7, 8, 9};
    ip[1] = 80;
    printf("ip: %d %d %d\n", ip[0], ip[1], ip[2]);
    struct point *pp = &(struct point){1, 1};
    pp->x = 42;
    printf("pp=%d,%d\n", pp->x, pp->y);
    struct point q = add((struct point){1, 2}, add(p, (struct point){100, 200}));
    printf("q=%d,%d\n", q.x, q.y);
    /* compound literal in a loop: new object each iteration semantically, value reset */
    for (int i = 0; i < 3; i++) {
        int *arr = (int[3]){i, i * i, i * i * i};
        printf("arr: %d %d %d\n", arr[0], arr[1], arr[2]);
    }
    /* compound literal of scalar type */
    int v = (int){41} + 1;
    printf("v=%d\n", v);
    double *dp = &(double){2.5};
    *dp *= 4;
    printf("*dp=%.1f\n", *dp);
    /* string array compound literal */
    const char **words = (const char *[]){"x", "yy", "zzz", NULL};
    for (int i = 0; words[i]; i++) printf("%s ", words[i]);
    printf("\n");
    /* 2D compound literal */
    int (*m)[2] = (int[2][2]){{1, 2}, {3, 4}};
    printf("m=%d %d %d %d\n", m[0][0], m[0][1], m[1][0], m[1][1]);
    /* member access on compound literal */
    printf("member=%d elem=%d\n", (struct point){5, 6}.y, (int[]){10, 20, 30}[2]);
    /* sizeof compound literal */
    printf("sizeof=%zu\n", sizeof (int[]){1, 2, 3, 4});
    /* compound literal assignment to struct with array */
    struct bag { int n; int v[3]; } bag = {5, {1, 2, 3}};
    bag = (struct bag){.v[1] = 9};
    printf("bag: %d %d %d %d\n", bag.n, bag.v[0], bag.v[1], bag.v[2]);
    return 0;
}
