/* Tests array-to-pointer decay: sizeof in caller vs callee, &arr vs arr, string literals as arrays, arrays in expressions. */
#include <stdio.h>

static size_t param_size(int a[]) { int *same_type = a; return sizeof same_type; }
static size_t param_size2(int *a) { return sizeof a; }
static int first(const int a[]) { return a[0]; }
static int sum_n(int (*pa)[5]) { int s = 0; for (int i = 0; i < 5; i++) s += (*pa)[i]; return s; }

int main(void) {
    int arr[5] = {1, 2, 3, 4, 5};
    printf("sizeof arr=%zu in param=%zu/%zu\n", sizeof arr, param_size(arr), param_size2(arr));
    printf("first=%d sum_n=%d\n", first(arr), sum_n(&arr));
    int (*pa)[5] = &arr;
    int *p = arr;
    printf("sizeof *pa=%zu sizeof *p=%zu\n", sizeof *pa, sizeof *p);
    printf("(char*)(pa+1)-(char*)pa=%td (char*)(p+1)-(char*)p=%td\n", (char *)(pa + 1) - (char *)pa, (char *)(p + 1) - (char *)p);
    printf("(void*)&arr==(void*)arr: %d\n", (void *)&arr == (void *)arr);
    printf("&arr[0]==arr: %d\n", &arr[0] == arr);
    printf("*arr=%d *(arr+4)=%d\n", *arr, *(arr + 4));
    printf("sizeof \"literal\"=%zu sizeof(char*)=%zu\n", sizeof "literal", sizeof(char *));
    printf("\"literal\"[3]=%c *(\"literal\"+4)=%c\n", "literal"[3], *("literal" + 4));
    const char *s = "decay";
    printf("sizeof s=%zu\n", sizeof s);
    char carr[] = "decay";
    printf("sizeof carr=%zu\n", sizeof carr);
    int m[3][4] = {{0}};
    printf("sizeof m=%zu sizeof m[0]=%zu sizeof *m=%zu sizeof **m=%zu sizeof &m=%zu\n", sizeof m, sizeof m[0], sizeof *m, sizeof **m, sizeof &m);
    printf("sizeof(m+0)=%zu sizeof(m[0]+0)=%zu\n", sizeof(m + 0), sizeof(m[0] + 0));
    int (*row)[4] = m;
    row[2][3] = 99;
    printf("m[2][3]=%d\n", m[2][3]);
    /* arrays of arrays of pointers */
    const char *grid[2][3] = {{"a", "b", "c"}, {"d", "e", "f"}};
    const char *(*gr)[3] = grid;
    printf("gr[1][2]=%s sizeof grid=%zu\n", gr[1][2], sizeof grid);
    /* function name decays to pointer */
    size_t (*fp)(int *) = param_size2;
    printf("fp(arr)=%zu\n", fp(arr));
    /* conditional operator decays arrays */
    int other[5] = {9, 8, 7, 6, 5};
    int *chosen = arr[0] > 0 ? other : arr;
    printf("chosen[1]=%d\n", chosen[1]);
    return 0;
}
