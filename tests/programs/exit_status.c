/* Tests that main's return value becomes the exit status (non-zero, computed at run time). */
#include <stdio.h>

static int checks_failed;

static void check(int cond, const char *what) {
    printf("%s: %s\n", what, cond ? "ok" : "FAILED (expected)");
    if (!cond) checks_failed++;
}

int main(void) {
    check(1 + 1 == 2, "addition");
    check(7 / 2 == 3, "division truncates");
    check(-7 / 2 == -3, "negative division truncates toward zero");
    check(sizeof(int) == 8, "int is 8 bytes");
    check('a' < 'b', "char ordering");
    check(0.1 + 0.2 == 0.3, "floating point exactness");
    printf("failed=%d\n", checks_failed);
    return checks_failed + 40;
}
