/* aligned(N) on typedefs, on members before or after the type, on bit-fields; __alignof__ of an object; _Pragma("pack(1)"). */
#include <stdio.h>
#include <stddef.h>
typedef int A16 __attribute__((aligned(16)));
struct S { char c; __attribute__((aligned(8))) int a; int __attribute__((aligned(16))) b; };
struct B { char c; int f : 3 __attribute__((aligned(8))); };
_Pragma("pack(1)") struct Pk { char c; int i; }; _Pragma("pack()")
int main(void) {
    A16 x; char c; int y __attribute__((aligned(32)));
    printf("%zu %zu %zu %zu\n", _Alignof(A16), __alignof__(x), __alignof__(y), sizeof(A16));
    printf("%zu %zu %zu\n", offsetof(struct S, a), offsetof(struct S, b), sizeof(struct S));
    printf("%zu %zu\n", sizeof(struct B), sizeof(struct Pk));
    (void)c;
    return 0;
}
