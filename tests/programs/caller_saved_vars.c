// Functions that call, but not inside their loops, with more integer variables than the
// callee-saved registers hold (the baseline tier keeps the rest in r8 and r9, saved around
// each call): calls with five and six integer arguments (which use r8 and r9 themselves),
// small structs passed in registers, struct copies, and values live across every call.
#include <stdio.h>
#include <string.h>

struct pair {
  long a, b;
};
struct big {
  long v[6];
};

static long six(long a, long b, long c, long d, long e, long f) {
  return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f;
}
static long five(int a, int b, int c, int d, int e) { return a * b - c * d + e; }
static long pair_sum(struct pair p, long k) { return p.a * k + p.b; }
static long big_sum(struct big b) {
  long s = 0;
  for (int i = 0; i < 6; i++)
    s += b.v[i] * (i + 1);
  return s;
}

static long many(int n) {
  long a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7;
  for (int i = 0; i < n; i++) {
    a += i;
    b ^= a;
    c += b & 15;
    d -= c;
    e += d % 7;
    f = f * 3 + e;
    g += f >> 3;
  }
  // every variable is live across these calls
  long r = six(a, b, c, d, e, f);
  r += five((int)a, (int)b, (int)c, (int)d, (int)g);
  struct pair p = {a + g, b - f};
  r += pair_sum(p, c);
  struct big bg;
  for (int i = 0; i < 6; i++)
    bg.v[i] = a * i + g;
  struct big copy = bg; // a struct copy
  r += big_sum(copy);
  char buf[64];
  snprintf(buf, sizeof buf, "%ld %ld %ld %ld", a, b, c, d); // variadic, four more arguments
  r += (long)strlen(buf);
  for (int i = 0; i < n; i++) { // loops again after the calls
    a += e;
    b += f;
    c ^= g;
    g += a - b;
  }
  return r + a + b + c + d + e + f + g;
}

int main(void) {
  long total = 0;
  for (int n = 0; n < 30; n += 3) {
    long v = many(n);
    printf("%d: %ld\n", n, v);
    total ^= v;
  }
  printf("total %ld\n", total);
  return 0;
}
