/* const on an array typedef applies to the elements. */
#include <stdio.h>
typedef int Vec[3];
const Vec v = { 1, 2, 3 };
extern const int v[3];
int main(void) { printf("%d\n", _Generic(&v[0], const int *: 1, int *: 2)); return 0; }
