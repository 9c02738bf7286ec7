// #pragma pack: push/pop, pack(N), pack() reset; member offsets, sizes, and a union that sees the packed bytes
#include <stdio.h>
#include <stddef.h>
#pragma pack(push)
#pragma pack(1)
struct A { char c; int i; short s; long l; };
#pragma pack(push, 2)
struct B { char c; int i; double d; };
#pragma pack(pop)
struct C { char c; int i; };
#pragma pack(pop)
struct D { char c; int i; };
#pragma pack(4)
struct E { char c; double d; };
#pragma pack()
struct F { char c; double d; };
union U { struct A a; unsigned u; };
int main(void) {
    printf("A %zu %zu %zu %zu\n", sizeof(struct A), offsetof(struct A, i), offsetof(struct A, s), offsetof(struct A, l));
    printf("B %zu %zu %zu\n", sizeof(struct B), offsetof(struct B, i), offsetof(struct B, d));
    printf("C %zu D %zu E %zu %zu F %zu\n", sizeof(struct C), sizeof(struct D), sizeof(struct E), offsetof(struct E, d), sizeof(struct F));
    union U x = { { 0x57, 0x12345678, 0x1111, 0 } };
    printf("%x\n", x.u);
    return 0;
}
