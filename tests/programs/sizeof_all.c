/* Tests sizeof on all basic types, arrays, structs, expressions (unevaluated), pointers and typedefs (LP64). */
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

struct s1 { char c; };
struct s2 { char c; int i; };
struct s3 { char c; double d; char e; };
struct s4 { int a[3]; char b; };
struct s5 { short s; char c; };
struct s6 { long long ll; char c[9]; };
union u1 { char c; int i; double d; };
union u2 { char c[5]; int i; };

int main(void) {
    printf("char=%zu short=%zu int=%zu long=%zu llong=%zu\n", sizeof(char), sizeof(short), sizeof(int), sizeof(long), sizeof(long long));
    printf("float=%zu double=%zu _Bool=%zu\n", sizeof(float), sizeof(double), sizeof(_Bool));
    printf("ptr=%zu fptr=%zu size_t=%zu ptrdiff_t=%zu\n", sizeof(void *), sizeof(int (*)(void)), sizeof(size_t), sizeof(ptrdiff_t));
    printf("int8=%zu int16=%zu int32=%zu int64=%zu intptr=%zu\n", sizeof(int8_t), sizeof(int16_t), sizeof(int32_t), sizeof(int64_t), sizeof(intptr_t));
    printf("s1=%zu s2=%zu s3=%zu s4=%zu s5=%zu s6=%zu\n", sizeof(struct s1), sizeof(struct s2), sizeof(struct s3), sizeof(struct s4), sizeof(struct s5), sizeof(struct s6));
    printf("u1=%zu u2=%zu\n", sizeof(union u1), sizeof(union u2));
    int arr[17];
    double darr[3][5];
    char str[] = "hello";
    const char *ptr = "hello";
    printf("arr=%zu darr=%zu darr[0]=%zu str=%zu ptr=%zu\n", sizeof arr, sizeof darr, sizeof darr[0], sizeof str, sizeof ptr);
    printf("literal=%zu\n", sizeof "hello world");
    /* sizeof does not evaluate its operand */
    int n = 5;
    size_t sz = sizeof(n++);
    printf("sz=%zu n=%d\n", sz, n);
    sz = sizeof(arr[n * 100]);
    printf("sz=%zu\n", sz);
    /* expression types */
    char c = 'x';
    short sh = 1;
    printf("c=%zu c+0=%zu sh*sh=%zu 1.0f*2=%zu 1L+1=%zu 'a'=%zu\n", sizeof c, sizeof(c + 0), sizeof(sh * sh), sizeof(1.0f * 2), sizeof(1L + 1), sizeof 'a');
    printf("1==1 is %zu, !c is %zu, &arr is %zu, *darr is %zu\n", sizeof(1 == 1), sizeof(!c), sizeof(&arr), sizeof(*darr));
    printf("sizeof(int[4][2])=%zu sizeof(struct s3[2])=%zu\n", sizeof(int[4][2]), sizeof(struct s3[2]));
    /* array param decays */
    struct s3 items[4];
    printf("count=%zu\n", sizeof items / sizeof items[0]);
    printf("sizeof sizeof=%zu\n", sizeof(sizeof(int)));
    typedef struct { char a; short b; int c; long d; } packed_like;
    printf("packed_like=%zu offset d=%zu\n", sizeof(packed_like), offsetof(packed_like, d));
    printf("alignof-ish: %zu %zu\n", offsetof(struct s2, i), offsetof(struct s3, d));
    /* sizeof of function call result type, not evaluated */
    printf("sizeof(printf(\"x\"))=%zu\n", sizeof(printf("x")));
    enum e { E1 };
    printf("enum=%zu\n", sizeof(enum e));
    return 0;
}
