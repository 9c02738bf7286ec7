/* Types shared by every unit of the multi-unit program. */
#ifndef SHAPES_H
#define SHAPES_H

enum kind { CIRCLE, RECT, TRI, KIND_COUNT };

struct point {
    int x, y;
};

union value {
    long i;
    double d;
    unsigned char bytes[8];
};

struct shape;
typedef double (*area_fn)(const struct shape *);

typedef struct shape {
    enum kind kind;
    struct point at;
    union {
        struct { int r; } circle;
        struct { int w, h; } rect;
        struct { int base, height; } tri;
    } u;
    area_fn area;
    struct shape *next;
    unsigned flags : 3, visible : 1;
} shape;

/* C99 inline definition: util.c provides the external one. */
inline int clampi(int v, int lo, int hi) {
    return v < lo ? lo : v > hi ? hi : v;
}

static inline int sq(int x) { return x * x; }

shape *make_shape(enum kind k, int a, int b);
double total_area(const shape *list);
void free_shapes(shape *list);
int count_kind(const shape *list, enum kind k);
#endif
