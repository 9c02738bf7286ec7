/* Tests passing structs by value (callee modifications do not affect caller) and returning them. */
#include <stdio.h>

struct small { int a; };
struct pair { int a; long b; };
struct three { char c; short s; int i; };
struct dbl { double x, y; };
struct mix { float f; int i; double d; char c; };

static void mutate(struct pair p) { p.a = -1; p.b = -1; printf("in mutate: %d %ld\n", p.a, p.b); }
static struct pair swap(struct pair p) { struct pair r = {(int)p.b, p.a}; return r; }
static struct small inc(struct small s) { s.a++; return s; }
static struct three make3(char c, short s, int i) { struct three t; t.c = c; t.s = s; t.i = i; return t; }
static struct dbl add(struct dbl u, struct dbl v) { struct dbl r = {u.x + v.x, u.y + v.y}; return r; }
static struct dbl scale(struct dbl u, double k) { u.x *= k; u.y *= k; return u; }
static double dot(struct dbl u, struct dbl v) { return u.x * v.x + u.y * v.y; }
static struct mix mixit(struct mix m, int k) { m.f *= k; m.i += k; m.d /= k; m.c = (char)(m.c + k); return m; }
static int sum_many(struct small a, struct pair b, struct three c, struct dbl d, struct mix e) {
    return a.a + b.a + (int)b.b + c.c + c.s + c.i + (int)d.x + (int)d.y + (int)e.f + e.i + (int)e.d + e.c;
}

int main(void) {
    struct pair p = {1, 2};
    mutate(p);
    printf("after mutate: %d %ld\n", p.a, p.b);
    struct pair s = swap(p);
    printf("swap: %d %ld\n", s.a, s.b);
    struct small sm = {10};
    sm = inc(inc(inc(sm)));
    printf("inc3: %d\n", sm.a);
    struct three t = make3('x', 300, 70000);
    printf("three: %c %d %d\n", t.c, t.s, t.i);
    struct dbl u = {1.5, 2.0}, v = {0.5, -1.0};
    struct dbl w = add(scale(u, 2), v);
    printf("w=(%.2f,%.2f) dot=%.3f\n", w.x, w.y, dot(w, u));
    printf("add(...).x=%.2f\n", add(u, v).x);
    struct mix m = {1.5f, 3, 9.0, 'a'};
    struct mix m2 = mixit(m, 3);
    printf("mix: %.2f %d %.3f %c -> %.2f %d %.3f %c\n", m.f, m.i, m.d, m.c, m2.f, m2.i, m2.d, m2.c);
    printf("sum_many=%d\n", sum_many(sm, p, t, w, m2));
    /* struct returned and member accessed directly */
    printf("make3().i=%d\n", make3('a', 1, 5).i);
    /* array of structs, each passed by value */
    struct dbl pts[4] = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
    struct dbl acc = {0, 0};
    for (int i = 0; i < 4; i++) acc = add(acc, scale(pts[i], i + 1));
    printf("acc=(%.1f,%.1f)\n", acc.x, acc.y);
    /* assignment chain */
    struct pair a, b, c;
    a = b = c = swap(p);
    printf("chain: %d %ld %d %ld %d %ld\n", a.a, a.b, b.a, b.b, c.a, c.b);
    return 0;
}
