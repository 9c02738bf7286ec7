/* Tests extern declarations before definitions, block-scope extern, and function prototypes declared in blocks. */
#include <stdio.h>

extern int counter;
extern const char greeting[];
extern int values[];
extern int helper(int);
int twice(int x);

static void bump(void) {
    extern int counter;
    counter += 5;
}

int main(void) {
    printf("counter=%d\n", counter);
    bump();
    bump();
    printf("counter=%d\n", counter);
    printf("greeting=%s\n", greeting);
    printf("values: %d %d %d\n", values[0], values[1], values[2]);
    {
        extern int late_defined;
        printf("late_defined=%d\n", late_defined);
        late_defined++;
    }
    {
        int square(int);        /* block-scope function declaration */
        printf("square(9)=%d\n", square(9));
    }
    printf("helper(3)=%d twice(21)=%d\n", helper(3), twice(21));
    extern int late_defined;
    printf("late_defined now %d\n", late_defined);
    return 0;
}

int counter = 1;
const char greeting[] = "hi from extern";
int values[3] = {7, 8, 9};
int late_defined = 100;
int helper(int x) { return x * 100 + counter; }
int twice(int x) { return 2 * x; }
int square(int x) { return x * x; }
