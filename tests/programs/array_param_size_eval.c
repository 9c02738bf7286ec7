/* The size expression of an array parameter is evaluated on entry. */
#include <stdio.h>
int n;
void f(int m, int a[n++]) { (void)m; (void)a; }
int main(void) { int a[4]; f(1, a); f(2, a); printf("%d\n", n); return 0; }
