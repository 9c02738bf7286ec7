// Unsigned int bit-fields narrower than int promote to int (every value fits, C11
// 6.3.1.1p2), so arithmetic with them is signed: comparisons with negative numbers,
// division by negative numbers, unary minus, the conditional operator, compound
// assignments. A 32-bit unsigned bit-field stays unsigned. (Found by Csmith seed 4030:
// a comparison of an int64_t with an `unsigned f2 : 24` in a packed struct.)
#include <stdint.h>
#include <stdio.h>

struct S {
  unsigned a : 24;
  unsigned b : 31;
  unsigned c : 32;
  signed d : 12;
  unsigned e : 1;
};

#pragma pack(push, 1)
struct P {
  signed f0 : 13;
  signed f1 : 14;
  unsigned f2 : 24;
};
#pragma pack(pop)

int main(void) {
  struct S s = {2679, 100, 100, -7, 1};
  struct P p = {16, 79, 2679};
  int64_t g = -73;
  printf("%d %d %d %d\n", -1 < s.a, -1 < s.b, -1 < s.c, -1 < s.e);
  printf("%d %d\n", g <= p.f2, (g ^ 1) <= s.a);
  printf("%d %d %d\n", s.a / -3, s.b / -7, (int)(s.c / -7));
  printf("%d %d\n", -s.a, -s.e);
  printf("%d %d\n", s.a * -2 < 0, s.c * -2 < 0);
  printf("%ld %ld\n", (long)(1 ? s.a : -1), (long)(1 ? s.c : -1));
  printf("%d %d\n", s.d < s.a, s.d + s.a);
  s.a /= -3;
  printf("%u\n", (unsigned)s.a);
  s.b -= 200;
  printf("%u %d\n", (unsigned)s.b, s.b > 1000);
  unsigned long wide = s.a + 0UL;
  printf("%lu %d\n", wide, (s.e - 2) < 0);
  printf("%d %d\n", sizeof(s.a + 0) == sizeof(int), (s.a >> 1) > -1);
  return 0;
}
