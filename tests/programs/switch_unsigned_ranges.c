/* switch on unsigned long long with case ranges above 2^63. */
#include <stdio.h>
int f(unsigned long long v) { switch (v) { case 1ULL ... 10000000000000000000ULL: return 1; case 10000000000000000001ULL ... 18446744073709551615ULL: return 2; default: return 0; } }
int main(void) { printf("%d %d %d %d\n", f(0), f(5), f(9999999999999999999ULL), f(18446744073709551615ULL)); return 0; }
