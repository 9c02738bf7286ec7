/* A bytecode VM whose dispatch is a `switch` in a loop (dense cases: a jump table in
   compiled code). Runs a loop program N times and prints a checksum. */
#include <stdio.h>
#include <stdlib.h>

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, XOR, SHR, JNZ, DEC, NOP1, NOP2, HALT };

static long run(const int *code, long n) {
    long stack[16], vars[4] = { n, 0, 1, 0 };
    long *sp = stack;
    int pc = 0;
    for (;;) {
        switch (code[pc++]) {
        case PUSH: *sp++ = code[pc++]; break;
        case LOAD: *sp++ = vars[code[pc++]]; break;
        case STORE: vars[code[pc++]] = *--sp; break;
        case ADD: sp--; sp[-1] += sp[0]; break;
        case SUB: sp--; sp[-1] -= sp[0]; break;
        case MUL: sp--; sp[-1] *= sp[0]; break;
        case XOR: sp--; sp[-1] ^= sp[0]; break;
        case SHR: sp--; sp[-1] = (long)((unsigned long)sp[-1] >> sp[0]); break;
        case JNZ: { int to = code[pc++]; if (*--sp) pc = to; } break;
        case DEC: vars[code[pc++]]--; break;
        case NOP1: case NOP2: break;
        case HALT: return vars[1] ^ vars[2];
        default: return -1;
        }
    }
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 10000000;
    static const int code[] = {
        LOAD, 1, PUSH, 31, MUL, LOAD, 1, PUSH, 3, SHR, ADD, LOAD, 0, XOR, STORE, 1,
        LOAD, 2, LOAD, 1, XOR, PUSH, 3, MUL, STORE, 2, NOP1,
        DEC, 0, LOAD, 0, JNZ, 0, HALT,
    };
    printf("%ld\n", run(code, n));
    return 0;
}
