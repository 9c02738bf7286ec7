/* A bytecode VM whose dispatch is computed goto (`goto *ops[code[pc]]`), the shape of
   real interpreters' main loops: entered once, it must move up by on-stack replacement.
   Runs a loop program N times and prints a checksum. */
#include <stdio.h>
#include <stdlib.h>

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, XOR, SHR, JNZ, DEC, HALT };

static long run(const int *code, long n) {
    static void *ops[] = { &&push, &&load, &&store, &&add, &&sub, &&mul, &&xor, &&shr,
                           &&jnz, &&dec, &&halt };
    long stack[16], vars[4] = { n, 0, 1, 0 };
    long *sp = stack;
    int pc = 0;
#define NEXT goto *ops[code[pc++]]
    NEXT;
push:  *sp++ = code[pc++]; NEXT;
load:  *sp++ = vars[code[pc++]]; NEXT;
store: vars[code[pc++]] = *--sp; NEXT;
add:   sp--; sp[-1] += sp[0]; NEXT;
sub:   sp--; sp[-1] -= sp[0]; NEXT;
mul:   sp--; sp[-1] *= sp[0]; NEXT;
xor:   sp--; sp[-1] ^= sp[0]; NEXT;
shr:   sp--; sp[-1] = (long)((unsigned long)sp[-1] >> sp[0]); NEXT;
jnz:   { int to = code[pc++]; if (*--sp) pc = to; } NEXT;
dec:   vars[code[pc++]]--; NEXT;
halt:  return vars[1] ^ vars[2];
#undef NEXT
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 10000000;
    /* do { acc = acc * 31 + (acc >> 3) ^ i; h = (h ^ acc) * 3; } while (--i); */
    static const int code[] = {
        LOAD, 1, PUSH, 31, MUL, LOAD, 1, PUSH, 3, SHR, ADD, LOAD, 0, XOR, STORE, 1,
        LOAD, 2, LOAD, 1, XOR, PUSH, 3, MUL, STORE, 2,
        DEC, 0, LOAD, 0, JNZ, 0, HALT,
    };
    printf("%ld\n", run(code, n));
    return 0;
}
