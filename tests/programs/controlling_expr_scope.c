/* Tags and enumerators declared in if/while/switch controlling expressions end with the statement. */
#include <stdio.h>
enum { A = 1 };
int main(void) {
    int r = 0;
    if (sizeof(enum { A = 5 }) > 0) r = A;
    int r2 = A;
    while (sizeof(struct T { int q; }) == 0) {}
    struct T { char z[3]; } t;
    switch (sizeof(enum { B = 7 })) { default: r += B; }
    enum { B = 2 };
    printf("%d %d %zu %d\n", r, r2, sizeof t, B);
    return 0;
}
