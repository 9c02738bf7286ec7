/* Tests pointers to pointers: modifying caller pointers, arrays of pointers, triple indirection. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void advance(const char **pp, int n) { *pp += n; }

static void alloc_int(int **out, int value) {
    *out = malloc(sizeof **out);
    **out = value;
}

static void swap_ptrs(int **a, int **b) { int *t = *a; *a = *b; *b = t; }

static int sum_all(int **rows, const int *lens, int nrows) {
    int s = 0;
    for (int i = 0; i < nrows; i++)
        for (int j = 0; j < lens[i]; j++) s += rows[i][j];
    return s;
}

int main(void) {
    const char *msg = "pointer to pointer";
    advance(&msg, 8);
    printf("msg=%s\n", msg);

    int *ip = NULL;
    alloc_int(&ip, 42);
    printf("*ip=%d\n", *ip);
    free(ip);

    int x = 1, y = 2;
    int *px = &x, *py = &y;
    swap_ptrs(&px, &py);
    printf("*px=%d *py=%d x=%d y=%d\n", *px, *py, x, y);

    int **ppx = &px;
    int ***pppx = &ppx;
    ***pppx = 100;
    printf("y=%d\n", y);
    **ppx += 5;
    printf("y=%d\n", y);

    int r0[] = {1, 2, 3}, r1[] = {4}, r2[] = {5, 6, 7, 8, 9};
    int *rows[] = {r0, r1, r2};
    int lens[] = {3, 1, 5};
    printf("sum_all=%d\n", sum_all(rows, lens, 3));
    printf("rows[2][3]=%d *(*(rows+2)+4)=%d\n", rows[2][3], *(*(rows + 2) + 4));

    const char *words[] = {"alpha", "beta", "gamma", "delta", NULL};
    for (const char **w = words; *w; w++)
        printf("%s len=%zu first=%c\n", *w, strlen(*w), **w);
    /* dynamic array of strings */
    char **dyn = malloc(3 * sizeof *dyn);
    for (int i = 0; i < 3; i++) {
        dyn[i] = malloc(16);
        snprintf(dyn[i], 16, "item-%d", i * 7);
    }
    for (int i = 0; i < 3; i++) { printf("%s\n", dyn[i]); free(dyn[i]); }
    free(dyn);

    /* pointer to pointer to char modified inside loop: split words */
    char text[] = "one two  three";
    char *tokens[8];
    int nt = 0;
    char *cur = text;
    while (*cur) {
        while (*cur == ' ') cur++;
        if (!*cur) break;
        tokens[nt++] = cur;
        while (*cur && *cur != ' ') cur++;
        if (*cur) *cur++ = '\0';
    }
    for (int i = 0; i < nt; i++) printf("tok[%d]=<%s>\n", i, tokens[i]);
    char **tp = tokens;
    printf("tp[1][1]=%c\n", tp[1][1]);
    return 0;
}
