/* Tests nested structs, arrays of structs within structs, and chained member access. */
#include <stdio.h>

struct vec2 { double x, y; };
struct rect { struct vec2 min, max; };
struct shape {
    int id;
    struct rect bounds;
    struct { int r, g, b; } color;
    struct vec2 pts[3];
};
struct outer { struct inner { int a; struct { char tag; long n; } deep; } in[2]; int count; };

static double area(struct rect r) { return (r.max.x - r.min.x) * (r.max.y - r.min.y); }

int main(void) {
    struct shape s = {7, {{0, 0}, {4, 2.5}}, {255, 128, 0}, {{1, 1}, {2, 3}, {5, 8}}};
    printf("id=%d area=%.2f color=%d,%d,%d\n", s.id, area(s.bounds), s.color.r, s.color.g, s.color.b);
    for (int i = 0; i < 3; i++) printf("pt%d=(%.1f,%.1f)\n", i, s.pts[i].x, s.pts[i].y);
    s.bounds.max.x *= 2;
    s.pts[2].y = -s.pts[2].y;
    struct shape *ps = &s;
    printf("area=%.2f pt2.y=%.1f\n", area(ps->bounds), ps->pts[2].y);
    struct rect r2 = ps->bounds;
    r2.min = ps->pts[1];
    printf("r2=(%.1f,%.1f)-(%.1f,%.1f) area=%.2f\n", r2.min.x, r2.min.y, r2.max.x, r2.max.y, area(r2));

    struct outer o = {{{1, {'a', 100L}}, {2, {'b', 200L}}}, 2};
    for (int i = 0; i < o.count; i++)
        printf("in[%d]: a=%d tag=%c n=%ld\n", i, o.in[i].a, o.in[i].deep.tag, o.in[i].deep.n);
    struct inner copy = o.in[1];
    copy.deep.n += 5;
    printf("copy n=%ld original n=%ld\n", copy.deep.n, o.in[1].deep.n);
    o.in[0] = copy;
    printf("after assign: in[0].a=%d tag=%c n=%ld\n", o.in[0].a, o.in[0].deep.tag, o.in[0].deep.n);
    struct inner *ip = &o.in[0];
    ip->deep.tag = 'z';
    printf("via ptr: %c sizeof outer=%zu inner=%zu\n", o.in[0].deep.tag, sizeof(struct outer), sizeof(struct inner));
    /* array of nested structs */
    struct rect rs[3] = {{{0, 0}, {1, 1}}, {{1, 1}, {3, 4}}, {{-2, -2}, {2, 2}}};
    double tot = 0;
    for (int i = 0; i < 3; i++) tot += area(rs[i]);
    printf("total area=%.2f\n", tot);
    return 0;
}
