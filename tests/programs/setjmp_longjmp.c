// setjmp/longjmp across interpreted frames: error recovery from deep recursion, a value of 0 becoming 1, locals kept, jumps out of callbacks called by qsort, setjmp in if/switch/assignment
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf on_error;
static int depth_reached;

static int parse_digit(const char *s, int depth) {
    depth_reached = depth;
    if (*s == '\0') longjmp(on_error, 42);
    if (*s < '0' || *s > '9') longjmp(on_error, 0);
    return (*s - '0') + parse_digit(s + 1, depth + 1);
}

static int try_parse(const char *s) {
    volatile int attempts = 0;
    int r;
    attempts++;
    switch (r = setjmp(on_error)) {
    case 0:
        return parse_digit(s, 1);
    case 42:
        printf("  end of '%s' at depth %d after %d attempt(s)\n", s, depth_reached, attempts);
        return -1;
    default:
        printf("  bad digit in '%s' (setjmp gave %d) at depth %d\n", s, r, depth_reached);
        return -2;
    }
}

static jmp_buf sort_abort;
static int compares;

static int cmp(const void *a, const void *b) {
    if (++compares > 5) longjmp(sort_abort, compares);
    return *(const int *)a - *(const int *)b;
}

int main(void) {
    printf("%d\n", try_parse("123"));
    printf("%d\n", try_parse("12x4"));

    int v[] = { 9, 8, 7, 6, 5, 4, 3, 2, 1 };
    int got = setjmp(sort_abort);
    if (got == 0) {
        qsort(v, 9, sizeof v[0], cmp);
        puts("sorted without abort");
    } else {
        printf("qsort abandoned after %d compares\n", got);
    }

    jmp_buf loop;
    volatile int count = 0;
    if (setjmp(loop) < 3) {
        count++;
        printf("pass %d\n", count);
        longjmp(loop, count);
    }
    printf("count %d\n", count);
    return 0;
}
