// struct/enum tags in nested block scopes shadow outer ones; void operands of ?:; push/pop_macro
#include <stdio.h>

struct T { int x; };
enum E { A = 1, B };

static void side(int v) { printf("side %d\n", v); }

int main(void) {
    struct T s1 = { 1 };
    {
        struct T { int y; double d; } s2 = { 2, 2.5 };
        enum E { A = 10, B };
        printf("inner: y=%d d=%.1f size=%d A=%d B=%d\n", s2.y, s2.d, (int)sizeof(struct T), A, B);
        {
            struct T { char c[3]; } s3 = { "hi" };
            printf("innermost: %s size=%d\n", s3.c, (int)sizeof s3);
        }
    }
    printf("outer: x=%d size=%d A=%d B=%d\n", s1.x, (int)sizeof(struct T), A, B);
    for (int i = 0; i < 3; i++)
        i % 2 ? side(i) : (void)printf("even %d\n", i);
#define WHO "first"
#pragma push_macro("WHO")
#undef WHO
#define WHO "second"
    printf("%s\n", WHO);
#pragma pop_macro("WHO")
    printf("%s\n", WHO);
    return 0;
}
