// Float assignments as statements and as values inside other assignments: the compiled
// tiers drop the value of a statement, never the value an enclosing expression uses.
#include <stdio.h>
int main(void) {
  double x = 1, y = 2, z = 0;
  for (int i = 0; i < 5; i++) { x += 0.5; z = (y += x); y *= 0.5; x -= z * 0.1; }
  float a = 1, b = 3; a += b; b = (a *= 2); a /= 4;
  printf("%.6f %.6f %.6f %.3f %.3f\n", x, y, z, a, b);
  return 0;
}
