// GNU labels as values and computed goto: a threaded bytecode interpreter and a dispatch table in a static array
#include <stdio.h>

enum { PUSH, ADD, MUL, DUP, PRINT, JNZ, DEC, HALT };

static long run(const long *code) {
    static void *const dispatch[] = { &&op_push, &&op_add, &&op_mul, &&op_dup, &&op_print, &&op_jnz, &&op_dec, &&op_halt };
    long stack[64];
    int sp = 0;
    const long *pc = code;
#define NEXT goto *dispatch[*pc++]
    NEXT;
op_push:
    stack[sp++] = *pc++;
    NEXT;
op_add:
    sp--;
    stack[sp - 1] += stack[sp];
    NEXT;
op_mul:
    sp--;
    stack[sp - 1] *= stack[sp];
    NEXT;
op_dup:
    stack[sp] = stack[sp - 1];
    sp++;
    NEXT;
op_print:
    printf("top = %ld\n", stack[sp - 1]);
    NEXT;
op_jnz: {
        long target = *pc++;
        if (stack[sp - 1] != 0) pc = code + target;
        NEXT;
    }
op_dec:
    stack[sp - 1]--;
    NEXT;
op_halt:
    return sp ? stack[sp - 1] : 0;
}

int main(void) {
    /* acc = 1; n = 5; loop: acc *= n; n--; while n */
    const long prog[] = { PUSH, 2, PUSH, 3, ADD, DUP, MUL, PRINT, HALT };
    printf("result %ld\n", run(prog));
    const long countdown[] = { PUSH, 3, PRINT, DEC, JNZ, 2, HALT };
    printf("result %ld\n", run(countdown));
    void *where = &&second;
    int hops = 0;
first:
    hops++;
    if (hops < 3) goto *where;
    printf("hops %d\n", hops);
    return 0;
second:
    hops += 10;
    where = &&first;
    goto first;
}
