/* long and long long bit-fields of 32 bits or fewer promote to int, as gcc does. */
#include <stdio.h>
struct S { long long a : 5; unsigned long long b : 5; long c : 40; unsigned long d : 32; long long e : 32; };
int main(void) {
    struct S s = { -1, 31, 3, 4000000000u, -5 };
    printf("%d %d %d %d %d\n", (int)sizeof(s.a + 0), (int)sizeof(s.b + 0), (int)sizeof(s.c + 0), (int)sizeof(s.d + 0), (int)sizeof(s.e + 0));
    printf("%d %d %d\n", s.b - 32 < 0, s.d + 1 > 0, s.e * 2);
    printf("%lld %lld\n", (long long)(s.a * 1000000), (long long)s.c << 30);
    s.a += 100; s.b *= 3;
    printf("%d %d\n", (int)s.a, (int)s.b);
    return 0;
}
