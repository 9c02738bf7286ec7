/* Tests a heap-allocated expression tree using tagged unions, recursive evaluation, printing, simplification, and freeing. */
#include <stdio.h>
#include <stdlib.h>

enum kind { NUM, VAR, BIN };
struct expr {
    enum kind kind;
    union {
        double num;
        char var;
        struct { char op; struct expr *l, *r; } bin;
    } u;
};

static struct expr *num(double v) { struct expr *e = malloc(sizeof *e); e->kind = NUM; e->u.num = v; return e; }
static struct expr *var(char c) { struct expr *e = malloc(sizeof *e); e->kind = VAR; e->u.var = c; return e; }
static struct expr *bin(char op, struct expr *l, struct expr *r) {
    struct expr *e = malloc(sizeof *e);
    e->kind = BIN; e->u.bin.op = op; e->u.bin.l = l; e->u.bin.r = r;
    return e;
}
static double eval(const struct expr *e, double x) {
    switch (e->kind) {
    case NUM: return e->u.num;
    case VAR: return x;
    case BIN: {
        double a = eval(e->u.bin.l, x), b = eval(e->u.bin.r, x);
        switch (e->u.bin.op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
        }
    }
    }
    return 0;
}
static void print(const struct expr *e) {
    switch (e->kind) {
    case NUM: printf("%g", e->u.num); break;
    case VAR: printf("%c", e->u.var); break;
    case BIN: printf("("); print(e->u.bin.l); printf(" %c ", e->u.bin.op); print(e->u.bin.r); printf(")"); break;
    }
}
static void destroy(struct expr *e) {
    if (e->kind == BIN) { destroy(e->u.bin.l); destroy(e->u.bin.r); }
    free(e);
}
static struct expr *copy(const struct expr *e) {
    switch (e->kind) {
    case NUM: return num(e->u.num);
    case VAR: return var(e->u.var);
    default: return bin(e->u.bin.op, copy(e->u.bin.l), copy(e->u.bin.r));
    }
}
/* symbolic derivative with respect to x */
static struct expr *deriv(const struct expr *e) {
    switch (e->kind) {
    case NUM: return num(0);
    case VAR: return num(1);
    default: break;
    }
    const struct expr *l = e->u.bin.l, *r = e->u.bin.r;
    switch (e->u.bin.op) {
    case '+': return bin('+', deriv(l), deriv(r));
    case '-': return bin('-', deriv(l), deriv(r));
    case '*': return bin('+', bin('*', deriv(l), copy(r)), bin('*', copy(l), deriv(r)));
    default: return bin('/', bin('-', bin('*', deriv(l), copy(r)), bin('*', copy(l), deriv(r))), bin('*', copy(r), copy(r)));
    }
}
static struct expr *simplify(struct expr *e) {
    if (e->kind != BIN) return e;
    e->u.bin.l = simplify(e->u.bin.l);
    e->u.bin.r = simplify(e->u.bin.r);
    struct expr *l = e->u.bin.l, *r = e->u.bin.r;
    if (l->kind == NUM && r->kind == NUM) { double v = eval(e, 0); destroy(e); return num(v); }
    char op = e->u.bin.op;
    if (op == '*' && ((l->kind == NUM && l->u.num == 0) || (r->kind == NUM && r->u.num == 0))) { destroy(e); return num(0); }
    if (op == '*' && l->kind == NUM && l->u.num == 1) { free(e); destroy(l); return r; }
    if (op == '*' && r->kind == NUM && r->u.num == 1) { free(e); destroy(r); return l; }
    if ((op == '+' || op == '-') && r->kind == NUM && r->u.num == 0) { free(e); destroy(r); return l; }
    if (op == '+' && l->kind == NUM && l->u.num == 0) { free(e); destroy(l); return r; }
    return e;
}
static int count_nodes(const struct expr *e) { return e->kind == BIN ? 1 + count_nodes(e->u.bin.l) + count_nodes(e->u.bin.r) : 1; }

int main(void) {
    /* f(x) = (3 * x * x + 2 * x - 5) / (x + 1) */
    struct expr *f = bin('/', bin('-', bin('+', bin('*', bin('*', num(3), var('x')), var('x')), bin('*', num(2), var('x'))), num(5)),
                         bin('+', var('x'), num(1)));
    printf("f = "); print(f); printf("\n");
    for (int i = 0; i <= 4; i++) printf("f(%d) = %.6f\n", i, eval(f, i));
    struct expr *df = deriv(f);
    printf("nodes f=%d df=%d\n", count_nodes(f), count_nodes(df));
    df = simplify(df);
    printf("df = "); print(df); printf("\n");
    printf("nodes simplified=%d\n", count_nodes(df));
    for (int i = 0; i <= 4; i++) {
        double x = i, h = 1e-6;
        double numeric = (eval(f, x + h) - eval(f, x - h)) / (2 * h);
        printf("df(%d) = %.6f numeric ok=%d\n", i, eval(df, x), numeric - eval(df, x) < 1e-4 && eval(df, x) - numeric < 1e-4);
    }
    struct expr *g = simplify(bin('+', bin('*', num(1), var('x')), bin('*', num(0), var('x'))));
    printf("g = "); print(g); printf("\n");
    struct expr *k = simplify(bin('*', bin('+', num(2), num(3)), bin('-', num(10), num(4))));
    printf("k = "); print(k); printf("\n");
    destroy(f); destroy(df); destroy(g); destroy(k);
    return 0;
}
