// Small structs through `...`: each eightbyte travels in a general or a vector register
// while enough are left, then on the stack; va_arg must find them either way, whoever
// makes the call (interpreted or compiled code, or qsort-like C through a pointer).
#include <stdarg.h>
#include <stdio.h>

struct ii { int a, b; };
struct dd { double x, y; };
struct id { int n; double v; };
struct big { long p, q, r; };

static void show(const char *kinds, ...) {
  va_list ap;
  va_start(ap, kinds);
  for (const char *k = kinds; *k; k++) {
    switch (*k) {
    case 'i': { struct ii s = va_arg(ap, struct ii); printf("ii(%d,%d) ", s.a, s.b); break; }
    case 'd': { struct dd s = va_arg(ap, struct dd); printf("dd(%g,%g) ", s.x, s.y); break; }
    case 'm': { struct id s = va_arg(ap, struct id); printf("id(%d,%g) ", s.n, s.v); break; }
    case 'b': { struct big s = va_arg(ap, struct big); printf("big(%ld,%ld,%ld) ", s.p, s.q, s.r); break; }
    case 'l': printf("l%ld ", va_arg(ap, long)); break;
    case 'f': printf("f%g ", va_arg(ap, double)); break;
    }
  }
  va_end(ap);
  printf("\n");
}

static void (*via)(const char *, ...) = show;

int main(void) {
  struct ii a = {1, 2};
  struct dd b = {3.5, 4.5};
  struct id c = {5, 6.5};
  struct big d = {7, 8, 9};
  show("idmb", a, b, c, d);
  show("llllim", 1L, 2L, 3L, 4L, a, c);          // the last one no longer fits: stack
  show("ffffffdm", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, b, c); // vector registers run out
  via("mbi", c, d, a);
  for (int i = 0; i < 3; i++) {
    struct ii e = {i, -i};
    struct dd f = {i * 0.5, i * 0.25};
    show("ldlif", (long)i, f, 10L * i, e, i + 0.125);
  }
  return 0;
}
