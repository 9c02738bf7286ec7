/* A variable-length array re-entered by a backward goto reuses its storage. */
#include <stdio.h>
int main(void) {
    int n = 100000, i = 0; long sum = 0;
again:;
    char buf[n];
    buf[0] = (char)i; sum += buf[0];
    if (++i < 20000) goto again;
    printf("%ld\n", sum);
    return 0;
}
