/* Tests chains of functions returning structs: builder pattern, member access on returned values, nested struct returns. */
#include <stdio.h>
#include <string.h>

struct vec3 { double x, y, z; };
struct ray { struct vec3 origin, dir; };
struct builder { char text[64]; int parts; };

static struct vec3 v3(double x, double y, double z) { struct vec3 v = {x, y, z}; return v; }
static struct vec3 vadd(struct vec3 a, struct vec3 b) { return v3(a.x + b.x, a.y + b.y, a.z + b.z); }
static struct vec3 vscale(struct vec3 a, double k) { return v3(a.x * k, a.y * k, a.z * k); }
static struct vec3 vcross(struct vec3 a, struct vec3 b) { return v3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x); }
static double vdot(struct vec3 a, struct vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
static struct ray make_ray(struct vec3 o, struct vec3 d) { struct ray r = {o, d}; return r; }
static struct vec3 ray_at(struct ray r, double t) { return vadd(r.origin, vscale(r.dir, t)); }

static struct builder b_new(void) { struct builder b; b.text[0] = '\0'; b.parts = 0; return b; }
static struct builder b_add(struct builder b, const char *s) {
    if (b.parts) strcat(b.text, "/");
    strcat(b.text, s);
    b.parts++;
    return b;
}

struct pair { int lo, hi; };
static struct pair minmax(const int *v, int n) {
    struct pair p = {v[0], v[0]};
    for (int i = 1; i < n; i++) { if (v[i] < p.lo) p.lo = v[i]; if (v[i] > p.hi) p.hi = v[i]; }
    return p;
}
static struct pair swap_pair(struct pair p) { return (struct pair){p.hi, p.lo}; }

int main(void) {
    struct vec3 a = v3(1, 2, 3), b = v3(-1, 0.5, 2);
    struct vec3 c = vadd(vscale(a, 2), vcross(a, b));
    printf("c=(%.2f, %.2f, %.2f)\n", c.x, c.y, c.z);
    printf("dot(cross(a,b),a)=%.2f\n", vdot(vcross(a, b), a));
    printf("chained x=%.3f\n", vadd(vadd(a, b), vadd(b, a)).x);
    struct ray r = make_ray(v3(0, 0, 0), v3(1, 1, 0));
    for (int t = 0; t <= 3; t++) { struct vec3 p = ray_at(r, t * 0.5); printf("t=%.1f p=(%.1f,%.1f,%.1f)\n", t * 0.5, p.x, p.y, p.z); }
    printf("ray_at(...).y=%.2f origin.z=%.1f\n", ray_at(make_ray(a, b), 2).y, make_ray(a, b).origin.z);
    struct builder bl = b_add(b_add(b_add(b_new(), "usr"), "local"), "bin");
    printf("path=%s parts=%d\n", bl.text, bl.parts);
    printf("direct member: %s\n", b_add(b_new(), "only").text);
    int v[] = {5, -3, 17, 8, -9, 0};
    struct pair mm = minmax(v, 6);
    printf("min=%d max=%d swapped.lo=%d\n", mm.lo, mm.hi, swap_pair(minmax(v, 6)).lo);
    struct pair twice = swap_pair(swap_pair(mm));
    printf("twice: %d %d\n", twice.lo, twice.hi);
    return 0;
}
