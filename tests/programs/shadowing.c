/* Tests block scopes and shadowing of globals, parameters, and locals, including for-loop scopes. */
#include <stdio.h>

int x = 1;
static int y = 100;

static int f(int x) {
    printf("param x=%d\n", x);
    {
        int x = 30;
        printf("block x=%d\n", x);
        {
            int x = 40;
            x++;
            printf("inner block x=%d\n", x);
        }
        printf("block x again=%d\n", x);
    }
    return x;
}

static int g(void) {
    extern int x;   /* refers to the global */
    return x + y;
}

int main(void) {
    printf("global x=%d\n", x);
    int x = 2;
    printf("local x=%d\n", x);
    printf("f(5)=%d\n", f(5));
    printf("g()=%d\n", g());
    for (int x = 10; x < 13; x++) {
        printf("loop x=%d\n", x);
        int x = 99;
        (void)x;
    }
    printf("after loop x=%d\n", x);
    int i = 0;
    for (int i = 5; i < 7; i++) printf("loop i=%d\n", i);
    printf("outer i=%d\n", i);
    {
        int y = -1;
        printf("shadowed y=%d\n", y);
        {
            extern int x;
            printf("extern x in block=%d\n", x);
        }
    }
    printf("static y=%d\n", y);
    if (x == 2) {
        int x = 3;
        printf("if-block x=%d\n", x);
    } else {
        int x = 4;
        printf("else-block x=%d\n", x);
    }
    int z = 5;
    {
        int w = z * 2; /* outer z */
        int z = w + 1; /* new z initialised from w */
        printf("w=%d z=%d\n", w, z);
    }
    printf("z=%d\n", z);
    while (z > 3) {
        int z2 = z;
        z--;
        {
            int z = z2 * 100;
            printf("while inner z=%d\n", z);
        }
    }
    return 0;
}
