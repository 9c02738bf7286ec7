/* Tests goto: forward and backward jumps, loops built from goto, breaking out of nested loops, cleanup pattern. */
#include <stdio.h>
#include <stdlib.h>

static int find(int m[4][4], int target, int *ri, int *rj) {
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            if (m[i][j] == target) { *ri = i; *rj = j; goto found; }
    return 0;
found:
    return 1;
}

static int process(int fail_at) {
    int rc = -1;
    char *a = malloc(10), *b = NULL, *c = NULL;
    if (!a || fail_at == 1) goto out_a;
    b = malloc(20);
    if (!b || fail_at == 2) goto out_b;
    c = malloc(30);
    if (!c || fail_at == 3) goto out_c;
    rc = 0;
    printf("all allocated\n");
out_c:
    free(c);
out_b:
    free(b);
out_a:
    free(a);
    printf("process(%d) rc=%d\n", fail_at, rc);
    return rc;
}

int main(void) {
    int i = 0;
loop:
    printf("i=%d\n", i);
    i++;
    if (i < 4) goto loop;

    int m[4][4];
    for (int a = 0; a < 4; a++) for (int b = 0; b < 4; b++) m[a][b] = a * 4 + b * 3;
    int ri, rj;
    if (find(m, 15, &ri, &rj)) printf("found 15 at %d,%d\n", ri, rj);
    if (!find(m, 100, &ri, &rj)) printf("100 not found\n");
    for (int k = 0; k <= 3; k++) process(k);

    int n = 27, steps = 0;
collatz:
    if (n == 1) goto done;
    n = (n % 2) ? 3 * n + 1 : n / 2;
    steps++;
    goto collatz;
done:
    printf("collatz(27) steps=%d\n", steps);

    goto skip;
    printf("never printed\n");
skip:
    printf("skipped\n");
    /* labels in nested blocks and a label followed by empty statement */
    {
        int count = 0;
    again:
        count++;
        if (count < 3) { goto again; }
        printf("count=%d\n", count);
    }
    goto end;
end:;
    /* goto into a switch-free block (jump over declarations without initializer is fine) */
    int t = 0;
    goto inside;
    {
        int v;
    inside:
        v = 7;
        t = v * 2;
    }
    printf("t=%d\n", t);
    return 0;
}
