/* K&R definitions: float, char and short parameters receive the promoted arguments callers pass. */
#include <stdio.h>
float half(x) float x; { return x / 2; }
int shorty(s, c) short s; char c; { return s + c; }
double mix(a, f, d) int a; float f; double d; { return a + f + d; }
int main(void) { printf("%g %d %g\n", half(3.0f), shorty(300, 'a'), mix(1, 2.5f, 3.25)); return 0; }
