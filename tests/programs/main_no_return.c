/* Tests that reaching the closing brace of main without a return statement yields exit status 0. */
#include <stdio.h>

static int work(int n) {
    int s = 0;
    for (int i = 1; i <= n; i++) s += i;
    return s;
}

int main(void) {
    printf("sum 1..100 = %d\n", work(100));
    if (work(3) != 6) printf("unexpected\n");
    printf("falling off the end of main\n");
}
