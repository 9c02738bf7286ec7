/* Tests that the exit status is reduced modulo 256 by the OS: main returns 300, observed status is 44. */
#include <stdio.h>

int main(void) {
    int status = 0;
    for (int i = 1; i <= 24; i++) status += i;
    printf("returning %d, expect observed %d\n", status, status & 0xff);
    return status;
}
