/* Inline assembly with an empty template: outputs tied to inputs get their values, read-write operands keep theirs, each operand is evaluated once. */
#include <stdio.h>

static int calls;
static int cell = 40;
static int *where(void) { calls++; return &cell; }

int main(void) {
    int a = 1, b;
    long l;
    int *p;
    __asm__ __volatile__("" ::: "memory");
    asm("nop");
    asm volatile("" : "+r"(a));
    asm("" : "=r"(b) : "0"(a + 41));
    asm("" : "=r"(l) : "0"(0L));
    asm("" : "=r"(p) : "0"(&cell));
    asm("" : "+r"(*where()));
    asm volatile("" : : "r"(a), "g"(b) : "memory");
    asm volatile("" : "=g"(a), "+m"(cell) : "0"(a * 3));
    printf("%d %d %ld %d %d %d\n", a, b, l, *p, calls, cell);
    return 0;
}
