/* #pragma pack inside a function body and inside a struct body. */
#include <stdio.h>
int main(void) {
#pragma pack(push, 1)
    struct P { char c; int i; };
#pragma pack(pop)
    struct Q { char c; int i; };
    struct R {
#pragma pack(1)
        char c; int i;
    };
#pragma pack()
    printf("%zu %zu %zu\n", sizeof(struct P), sizeof(struct Q), sizeof(struct R));
    return 0;
}
