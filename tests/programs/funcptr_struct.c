/* Tests function pointers stored in structs: vtable-style polymorphism and callbacks with context pointers. */
#include <stdio.h>
#include <math.h>

struct shape;
struct shape_ops {
    const char *name;
    double (*area)(const struct shape *);
    double (*perimeter)(const struct shape *);
    void (*scale)(struct shape *, double);
};
struct shape { const struct shape_ops *ops; double a, b; };

static double rect_area(const struct shape *s) { return s->a * s->b; }
static double rect_perim(const struct shape *s) { return 2 * (s->a + s->b); }
static void rect_scale(struct shape *s, double k) { s->a *= k; s->b *= k; }
static double circ_area(const struct shape *s) { return 3.14159265358979 * s->a * s->a; }
static double circ_perim(const struct shape *s) { return 2 * 3.14159265358979 * s->a; }
static void circ_scale(struct shape *s, double k) { s->a *= k; }
static double tri_area(const struct shape *s) { return 0.5 * s->a * s->b; }
static double tri_perim(const struct shape *s) { return s->a + s->b + sqrt(s->a * s->a + s->b * s->b); }

static const struct shape_ops RECT = {"rect", rect_area, rect_perim, rect_scale};
static const struct shape_ops CIRC = {"circle", circ_area, circ_perim, circ_scale};
static const struct shape_ops TRI = {"triangle", tri_area, tri_perim, rect_scale};

struct counter { int count; int sum; };
typedef void (*visit_fn)(int value, void *ctx);
static void for_each(const int *v, int n, visit_fn fn, void *ctx) { for (int i = 0; i < n; i++) fn(v[i], ctx); }
static void count_even(int value, void *ctx) { struct counter *c = ctx; if (value % 2 == 0) { c->count++; c->sum += value; } }
static void print_val(int value, void *ctx) { printf("%s%d", (const char *)ctx, value); }

struct event_handler { const char *event; int (*handler)(int); };
static int on_click(int x) { return x * 10; }
static int on_key(int x) { return x + 1000; }
static int on_close(int x) { return -x; }

int main(void) {
    struct shape shapes[] = {{&RECT, 3, 4}, {&CIRC, 1.5, 0}, {&TRI, 3, 4}, {&RECT, 0.5, 10}};
    int n = (int)(sizeof shapes / sizeof shapes[0]);
    for (int i = 0; i < n; i++) {
        struct shape *s = &shapes[i];
        printf("%-8s area=%.4f perim=%.4f\n", s->ops->name, s->ops->area(s), s->ops->perimeter(s));
        s->ops->scale(s, 2);
        printf("%-8s scaled area=%.4f\n", s->ops->name, (*s->ops->area)(s));
    }
    int vals[] = {1, 2, 3, 4, 5, 6, 7, 8, 10};
    struct counter c = {0, 0};
    for_each(vals, 9, count_even, &c);
    printf("evens=%d sum=%d\n", c.count, c.sum);
    for_each(vals, 4, print_val, " v=");
    printf("\n");
    struct event_handler handlers[] = {{"click", on_click}, {"key", on_key}, {"close", on_close}};
    for (int i = 0; i < 3; i++) printf("%s -> %d\n", handlers[i].event, handlers[i].handler(i + 7));
    handlers[0].handler = on_close;
    printf("reassigned click -> %d\n", handlers[0].handler(5));
    struct { int (*fns[2])(int); } multi = {{on_key, on_click}};
    printf("multi: %d\n", multi.fns[1](multi.fns[0](1)));
    return 0;
}
