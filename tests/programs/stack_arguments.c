// Arguments passed on the stack (more than six integers, more than eight doubles, structs
// too big for registers) in calls made directly, through function pointers, and from the
// C library's qsort: compiled code reaches the same function by different entries.
#include <stdio.h>
#include <stdlib.h>

struct big { long a, b, c; };
struct pair { int x; double y; };

static long ints9(long a, long b, long c, long d, long e, long f, long g, long h, long i) {
  return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i;
}
static double dbl10(double a, double b, double c, double d, double e, double f, double g,
                    double h, double i, double j) {
  return a - b + c - d + e - f + g - h + i * j;
}
static long mixed(int a, double b, struct big s, char c, float d, struct pair p, long e, long f,
                  long g, short h, double i) {
  return a + (long)b + s.a * 100 + s.b * 10 + s.c + c + (long)d + p.x + (long)p.y + e + f + g + h +
         (long)i;
}
static struct big make(long a, long b, long c, long d, long e, long f, long g) {
  struct big r = {a + b, c * d, e - f + g};
  return r;
}

static long (*pi)(long, long, long, long, long, long, long, long, long) = ints9;
static double (*pd)(double, double, double, double, double, double, double, double, double,
                    double) = dbl10;

static int cmp(const void *x, const void *y) {
  long a = ints9(1, 2, 3, 4, 5, 6, 7, 8, *(const int *)x);
  long b = pi(1, 2, 3, 4, 5, 6, 7, 8, *(const int *)y);
  return (a > b) - (a < b);
}

int main(void) {
  long t = 0;
  for (int k = 0; k < 50; k++) {
    t += ints9(k, 1, 2, 3, 4, 5, 6, 7, k * 2);
    t += pi(1, k, 2, 3, 4, 5, 6, k, 9);
    t += (long)dbl10(k, 1, 2, 3, 4, 5, 6, 7, 8, k);
    t += (long)pd(1, 2, k, 3, 4, 5, 6, 7, k, 0.5);
    struct big s = {k, 2, 3};
    struct pair p = {k, 1.5};
    t += mixed(1, 2.5, s, 'a', 3.5f, p, 4, 5, 6, 7, 8.5);
    struct big m = make(k, 1, 2, 3, 4, 5, k);
    t += m.a + m.b + m.c;
  }
  printf("%ld\n", t);
  int v[20];
  for (int i = 0; i < 20; i++)
    v[i] = (i * 7919) % 23 - 11;
  qsort(v, 20, sizeof *v, cmp);
  for (int i = 0; i < 20; i++)
    printf("%d ", v[i]);
  printf("\n");
  return 0;
}
