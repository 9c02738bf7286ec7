/* Tests exit() called from a nested function with a status, output flushed, code after exit never runs. */
#include <stdio.h>
#include <stdlib.h>

static int depth_reached;

static void recurse(int n) {
    depth_reached = n;
    if (n == 5) {
        printf("exiting at depth %d\n", n);
        exit(5);
    }
    printf("descending %d\n", n);
    if (n < 100) recurse(n + 1);
    printf("never printed %d\n", n);
}

int main(void) {
    printf("buffered output without newline... ");
    printf("done\n");
    printf("%s", "partial line before exit");
    putchar('\n');
    recurse(0);
    printf("unreachable, depth=%d\n", depth_reached);
    return 0;
}
