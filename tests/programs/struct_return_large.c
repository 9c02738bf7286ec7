/* Tests returning large structs (with arrays) by value, nested calls, and using them in expressions. */
#include <stdio.h>
#include <string.h>

struct big { int data[32]; char name[24]; double weight; };

static struct big make_big(int seed, const char *name) {
    struct big b;
    for (int i = 0; i < 32; i++) b.data[i] = seed * i + (i % 3);
    strncpy(b.name, name, sizeof b.name - 1);
    b.name[sizeof b.name - 1] = '\0';
    b.weight = seed * 0.25;
    return b;
}

static struct big combine(struct big a, struct big b) {
    struct big r;
    for (int i = 0; i < 32; i++) r.data[i] = a.data[i] + b.data[31 - i];
    snprintf(r.name, sizeof r.name, "%.10s+%.10s", a.name, b.name);
    r.weight = a.weight + b.weight;
    return r;
}

static unsigned long checksum(struct big b) {
    unsigned long s = 0;
    for (int i = 0; i < 32; i++) s = s * 31u + (unsigned long)b.data[i];
    return s;
}

static struct big identity(struct big b) { return b; }

struct matrix4 { double m[4][4]; };
static struct matrix4 mat_mul(struct matrix4 a, struct matrix4 b) {
    struct matrix4 r;
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) {
            r.m[i][j] = 0;
            for (int k = 0; k < 4; k++) r.m[i][j] += a.m[i][k] * b.m[k][j];
        }
    return r;
}

int main(void) {
    struct big a = make_big(3, "alpha");
    struct big b = make_big(5, "beta");
    printf("a: %s %.2f %d %d sum=%lu\n", a.name, a.weight, a.data[0], a.data[31], checksum(a));
    struct big c = combine(a, b);
    printf("c: %s %.2f %d %d sum=%lu\n", c.name, c.weight, c.data[0], c.data[31], checksum(c));
    printf("nested: %lu\n", checksum(combine(identity(c), make_big(7, "gamma"))));
    printf("member of call: %d %s\n", make_big(9, "x").data[10], identity(b).name);
    c = identity(c);
    c = combine(c, c);
    printf("self combine: %s %d\n", c.name, c.data[5]);
    struct matrix4 m = {{{1, 2, 0, 0}, {0, 1, 0, 0}, {0, 0, 2, 0}, {1, 0, 0, 1}}};
    struct matrix4 r = mat_mul(mat_mul(m, m), m);
    for (int i = 0; i < 4; i++) printf("%6.1f %6.1f %6.1f %6.1f\n", r.m[i][0], r.m[i][1], r.m[i][2], r.m[i][3]);
    return 0;
}
