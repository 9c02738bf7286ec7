/* Forms from gcc's torture tests: a cast of an unsigned bit-field is unsigned int, two attributes in a row, alias, calls only in dead branches, a SIGFPE handler on division by zero. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

struct { unsigned u : 7; } bf = { 61 };
void * __attribute__((noinline)) __attribute__((used)) nothing(void) { return 0; }
int __attribute__((unused)) __attribute__((aligned(8))) aligned_x;
int real_value = 7;
extern int alias_value __attribute__((alias("real_value")));
static int twice(int x) { return 2 * x; }
int twice_alias(int) __attribute__((alias("twice")));
extern void link_error(void);

static void on_fpe(int s) {
    printf("SIGFPE handler ran: %d\n", s == SIGFPE);
    fflush(stdout);
    exit(3);
}

int zero;

int main(void) {
    int i = -13;
    printf("%u %d\n", i % (unsigned)bf.u, (unsigned)bf.u - 62 > 0);
    printf("%d %d %d %d\n", nothing() == 0, aligned_x, alias_value, twice_alias(21));
    if (0)
        link_error();
    if (sizeof(int) == 2)
        link_error();
    signal(SIGFPE, on_fpe);
    return 100 / zero;
}
