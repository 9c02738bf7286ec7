/* Tests stdlib.h integer helpers: abs, labs, llabs, div, ldiv, lldiv, atoi family, and exit status from main via EXIT_FAILURE. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int iv[] = {0, 5, -5, 2147483647, -2147483647};
    for (int i = 0; i < 5; i++) printf("abs(%d)=%d\n", iv[i], abs(iv[i]));
    printf("labs=%ld llabs=%lld\n", labs(-123456789012L), llabs(-9223372036854775807LL));
    int nums[] = {17, -17, 17, -17, 0, 1};
    int dens[] = {5, 5, -5, -5, 3, 7};
    for (int i = 0; i < 6; i++) {
        div_t r = div(nums[i], dens[i]);
        printf("div(%d,%d) = {quot=%d, rem=%d}\n", nums[i], dens[i], r.quot, r.rem);
    }
    ldiv_t lr = ldiv(-100000000001L, 1000);
    printf("ldiv: %ld %ld\n", lr.quot, lr.rem);
    lldiv_t llr = lldiv(9223372036854775807LL, 10);
    printf("lldiv: %lld %lld\n", llr.quot, llr.rem);
    printf("atoi: %d %d %d %d\n", atoi("  +12abc"), atoi("-0"), atoi("007"), atoi(""));
    printf("atol: %ld\n", atol("   -9223372036854775807"));
    printf("EXIT_SUCCESS=%d EXIT_FAILURE=%d\n", EXIT_SUCCESS, EXIT_FAILURE);
    /* time to convert a table of numbers */
    const char *table[] = {"10", "-20", "30x", " 40", "+50"};
    long total = 0;
    for (int i = 0; i < 5; i++) total += atol(table[i]);
    printf("total=%ld\n", total);
    return EXIT_FAILURE;
}
