/* Tests a small bytecode virtual machine: enum opcodes, switch dispatch, stack arrays, jumps, calls, and loops. */
#include <stdio.h>

enum op { PUSH, POP, ADD, SUB, MUL, DIV, MOD, DUP, SWAP, OVER, JMP, JZ, JNZ, LOAD, STORE, PRINT, CALL, RET, LT, EQ, NEG, HALT };
static const char *op_names[] = {"PUSH", "POP", "ADD", "SUB", "MUL", "DIV", "MOD", "DUP", "SWAP", "OVER", "JMP", "JZ", "JNZ", "LOAD", "STORE", "PRINT", "CALL", "RET", "LT", "EQ", "NEG", "HALT"};

struct vm {
    long stack[256];
    int sp;
    int rstack[64];
    int rsp;
    long vars[16];
    long steps;
};

static int run(struct vm *m, const long *code, int trace) {
    int pc = 0;
    m->sp = 0;
    m->rsp = 0;
    m->steps = 0;
    for (;;) {
        long op = code[pc++];
        m->steps++;
        if (trace) printf("  [%3d] %-5s sp=%d\n", pc - 1, op_names[op], m->sp);
        long a, b;
        switch ((enum op)op) {
        case PUSH: m->stack[m->sp++] = code[pc++]; break;
        case POP: m->sp--; break;
        case ADD: b = m->stack[--m->sp]; a = m->stack[--m->sp]; m->stack[m->sp++] = a + b; break;
        case SUB: b = m->stack[--m->sp]; a = m->stack[--m->sp]; m->stack[m->sp++] = a - b; break;
        case MUL: b = m->stack[--m->sp]; a = m->stack[--m->sp]; m->stack[m->sp++] = a * b; break;
        case DIV:
            b = m->stack[--m->sp]; a = m->stack[--m->sp];
            if (b == 0) { printf("division by zero at %d\n", pc - 1); return 2; }
            m->stack[m->sp++] = a / b;
            break;
        case MOD: b = m->stack[--m->sp]; a = m->stack[--m->sp]; m->stack[m->sp++] = a % b; break;
        case DUP: m->stack[m->sp] = m->stack[m->sp - 1]; m->sp++; break;
        case SWAP: a = m->stack[m->sp - 1]; m->stack[m->sp - 1] = m->stack[m->sp - 2]; m->stack[m->sp - 2] = a; break;
        case OVER: m->stack[m->sp] = m->stack[m->sp - 2]; m->sp++; break;
        case JMP: pc = (int)code[pc]; break;
        case JZ: a = m->stack[--m->sp]; pc = a == 0 ? (int)code[pc] : pc + 1; break;
        case JNZ: a = m->stack[--m->sp]; pc = a != 0 ? (int)code[pc] : pc + 1; break;
        case LOAD: m->stack[m->sp++] = m->vars[code[pc++]]; break;
        case STORE: m->vars[code[pc++]] = m->stack[--m->sp]; break;
        case PRINT: printf("out: %ld\n", m->stack[--m->sp]); break;
        case CALL: m->rstack[m->rsp++] = pc + 1; pc = (int)code[pc]; break;
        case RET: pc = m->rstack[--m->rsp]; break;
        case LT: b = m->stack[--m->sp]; a = m->stack[--m->sp]; m->stack[m->sp++] = a < b; break;
        case EQ: b = m->stack[--m->sp]; a = m->stack[--m->sp]; m->stack[m->sp++] = a == b; break;
        case NEG: m->stack[m->sp - 1] = -m->stack[m->sp - 1]; break;
        case HALT: return 0;
        default: printf("bad opcode %ld\n", op); return 1;
        }
    }
}

int main(void) {
    struct vm m;
    /* (2 + 3) * 7 - 4 */
    const long prog1[] = {PUSH, 2, PUSH, 3, ADD, PUSH, 7, MUL, PUSH, 4, SUB, PRINT, HALT};
    printf("prog1 rc=%d\n", run(&m, prog1, 1));
    /* factorial of 1..12 via loop: var0=n, var1=acc */
    const long fact2[] = {
        /* 0 */ PUSH, 1, STORE, 1,
        /* 4 */ LOAD, 0, JZ, 24,
        /* 8 */ LOAD, 1, LOAD, 0, MUL, STORE, 1,
        /* 15 */ LOAD, 0, PUSH, 1, SUB, STORE, 0,
        /* 22 */ JMP, 4,
        /* 24 */ LOAD, 1, PRINT, HALT};
    for (int n = 1; n <= 12; n += 3) {
        m.vars[0] = n;
        int rc = run(&m, fact2, 0);
        printf("fact(%d) rc=%d steps=%ld\n", n, rc, m.steps);
    }
    /* subroutine: square, called for 1..5, summed */
    const long calls2[] = {
        /* 0 */ PUSH, 0, STORE, 0,
        /* 4 */ PUSH, 1, STORE, 1,
        /* 8 */ LOAD, 1, PUSH, 6, LT, JZ, 34,
        /* 15 */ LOAD, 1, CALL, 38, LOAD, 0, ADD, STORE, 0,
        /* 24 */ LOAD, 1, PUSH, 1, ADD, STORE, 1,
        /* 31 */ JMP, 8,
        /* 33 */ HALT,
        /* 34 */ LOAD, 0, PRINT, HALT,
        /* 38 */ DUP, MUL, RET};
    int crc = run(&m, calls2, 0);
    printf("calls rc=%d steps=%ld\n", crc, m.steps);
    /* stack ops */
    const long stackops[] = {PUSH, 10, PUSH, 20, OVER, PRINT, SWAP, PRINT, NEG, PRINT, PUSH, 17, PUSH, 5, MOD, PRINT, PUSH, -17, PUSH, 5, DIV, PRINT, PUSH, 3, PUSH, 3, EQ, PRINT, HALT};
    printf("stackops rc=%d\n", run(&m, stackops, 0));
    const long divzero[] = {PUSH, 1, PUSH, 0, DIV, HALT};
    int rc = run(&m, divzero, 0);
    printf("divzero rc=%d\n", rc);
    return rc + 1;
}
