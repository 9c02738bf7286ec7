/* Tests arrays of function pointers, dispatch tables, function pointers as parameters and return values. */
#include <stdio.h>
#include <string.h>

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int divi(int a, int b) { return b ? a / b : 0; }
static int mod(int a, int b) { return b ? a % b : 0; }

typedef int (*binop)(int, int);

static binop lookup(char op) {
    switch (op) {
    case '+': return add;
    case '-': return sub;
    case '*': return mul;
    case '/': return divi;
    case '%': return mod;
    }
    return NULL;
}

static int fold(const int *v, int n, int init, binop f) {
    int acc = init;
    for (int i = 0; i < n; i++) acc = f(acc, v[i]);
    return acc;
}

/* function returning pointer to function, declared without typedef */
static int (*pick(int which))(int, int) {
    static int (*const table[])(int, int) = {add, sub, mul};
    return table[which % 3];
}

static void say_a(void) { printf("A"); }
static void say_b(void) { printf("B"); }
static void say_c(void) { printf("C"); }

static double twice(double x) { return 2 * x; }
static double square(double x) { return x * x; }
static double compose_apply(double (*f)(double), double (*g)(double), double x) { return f(g(x)); }

int main(void) {
    binop ops[] = {add, sub, mul, divi, mod};
    const char *names[] = {"add", "sub", "mul", "div", "mod"};
    for (int i = 0; i < 5; i++) printf("%s(17,5)=%d\n", names[i], ops[i](17, 5));
    for (int i = 0; i < 5; i++) printf("%s(-17,5)=%d\n", names[i], (*ops[i])(-17, 5));
    const char *expr = "+-*/%";
    for (const char *p = expr; *p; p++) printf("%c -> %d\n", *p, lookup(*p)(100, 7));
    printf("lookup('x')==NULL: %d\n", lookup('x') == NULL);
    int v[] = {1, 2, 3, 4, 5, 6};
    printf("fold add=%d mul=%d sub=%d\n", fold(v, 6, 0, add), fold(v, 6, 1, mul), fold(v, 6, 100, sub));
    for (int i = 0; i < 4; i++) printf("pick(%d)(6,3)=%d\n", i, pick(i)(6, 3));
    void (*seq[])(void) = {say_a, say_b, say_a, say_c, say_b};
    for (size_t i = 0; i < sizeof seq / sizeof seq[0]; i++) seq[i]();
    printf("\n");
    printf("compose: %.1f %.1f\n", compose_apply(twice, square, 3), compose_apply(square, twice, 3));
    /* function pointer comparison */
    binop f1 = add, f2 = &add;
    printf("f1==f2: %d f1==sub: %d\n", f1 == f2, f1 == sub);
    /* 2D table of function pointers */
    binop grid[2][2] = {{add, sub}, {mul, mod}};
    int total = 0;
    for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) total += grid[i][j](9, 4);
    printf("grid total=%d\n", total);
    /* pointer to function pointer */
    binop *pf = &ops[2];
    printf("(*pf)(3,4)=%d pf[1](20,6)=%d\n", (*pf)(3, 4), pf[1](20, 6));
    /* calling via explicit dereference repeatedly */
    printf("(**add)(1,1)=%d\n", (**add)(1, 1));
    return 0;
}
