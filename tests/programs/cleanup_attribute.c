/* __attribute__((cleanup(f))): runs when the variable's block is left by falling off its end, break, continue, return or goto. */
#include <stdio.h>
#include <stdlib.h>

static int log_[64], nlog;
static void note(int *p) { log_[nlog++] = *p; }
static void release(char **p) { log_[nlog++] = (*p)[0]; free(*p); }

static int early(int k) {
    int a __attribute__((cleanup(note))) = 100 + k;
    if (k > 1) {
        int b __attribute__((cleanup(note))) = 200 + k;
        return a + b;
    }
    return a;
}

static int with_goto(void) {
    int n = 0;
again:;
    {
        int c __attribute__((cleanup(note))) = 300 + n;
        if (++n < 3)
            goto again;
    }
    return n;
}

int main(void) {
    {
        char *s __attribute__((cleanup(release))) = malloc(8);
        s[0] = 'x';
        int first __attribute__((cleanup(note))) = 1, second __attribute__((cleanup(note))) = 2;
    }
    for (int i = 0; i < 4; i++) {
        int loop __attribute__((cleanup(note))) = 10 + i;
        if (i == 1)
            continue;
        if (i == 2)
            break;
    }
    int e1 = early(1);
    int e5 = early(5);
    int g = with_goto();
    printf("%d %d %d\n", e1, e5, g);
    for (int i = 0; i < nlog; i++)
        printf("%d ", log_[i]);
    printf("\n");
    return 0;
}
