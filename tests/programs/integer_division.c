/* Tests integer division and modulo semantics: truncation toward zero, sign of remainder, identities, all widths. */
#include <stdio.h>

int main(void) {
    int nums[] = {7, -7, 6, -6, 0, 1, -1, 13, -13};
    int dens[] = {2, -2, 3, -3, 1, 5, -5};
    for (int i = 0; i < 9; i++) {
        for (int j = 0; j < 7; j++) {
            int a = nums[i], b = dens[j];
            int q = a / b, r = a % b;
            printf("%3d/%2d=%3d %3d%%%2d=%3d ok=%d\n", a, b, q, a, b, r, q * b + r == a);
        }
    }
    printf("unsigned: %u %u %u\n", 7u / 2u, (unsigned)-7 / 2u, (unsigned)-7 % 2u);
    printf("long: %ld %ld %ld %ld\n", -100000000000L / 7, -100000000000L % 7, 100000000000L / -7, 100000000000L % -7);
    printf("char: %d %d\n", (char)-100 / 3, (char)-100 % 3);
    printf("mixed: %d %u\n", -7 / 2, -7 / 2u);
    /* floor division and positive modulo built from truncating ones */
    for (int a = -5; a <= 5; a += 2) {
        int b = 3;
        int fq = a / b - (a % b != 0 && ((a < 0) != (b < 0)));
        int pm = ((a % b) + b) % b;
        printf("floordiv(%d,3)=%d posmod=%d\n", a, fq, pm);
    }
    /* division by powers of two vs shifts for negatives */
    int n = -9;
    printf("-9/2=%d -9>>1=%d -9/4=%d -9>>2=%d\n", n / 2, n >> 1, n / 4, n >> 2);
    /* digit sum via / and % on negative number */
    int neg = -12345, ds = 0;
    for (int t = neg; t != 0; t /= 10) ds += t % 10;
    printf("digit sum of -12345 via %%: %d\n", ds);
    double dq = -7.0 / 2;
    printf("double -7/2=%.2f\n", dq);
    long long big = -9223372036854775807LL;
    printf("big/1000000007=%lld big%%1000000007=%lld\n", big / 1000000007LL, big % 1000000007LL);
    unsigned long long ub = 18446744073709551615ULL;
    printf("ub/10=%llu ub%%10=%llu\n", ub / 10, ub % 10);
    return 0;
}
