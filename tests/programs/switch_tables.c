// Dense switches (jump tables in compiled code): many cases, ranges, gaps that go to
// default, negative and unsigned values, a switch-based VM loop, and values outside the table
#include <stdio.h>

static int classify(int v) {
    switch (v) {
    case -3: return 100;
    case -2: case -1: return 101;
    case 0: return 1;
    case 1: return 2;
    case 2: return 3;
    case 3 ... 5: return 4;
    case 7: return 5;
    case 8: return 6;
    case 9: return 7;
    case 10: return 8;
    case 11: return 9;
    case 12: return 10;
    case 13: return 11;
    case 14: return 12;
    case 16: return 13;
    case 17: return 14;
    case 18: return 15;
    case 19: return 16;
    case 20 ... 24: return 17;
    default: return -1;
    }
}

static unsigned long ucase(unsigned long v) {
    unsigned long r = 0;
    switch (v) {
    case 4000000000UL: r = 1; break;
    case 4000000001UL: r = 2; break;
    case 4000000002UL: r = 3; break;
    case 4000000003UL: r = 4; break;
    case 4000000004UL: r = 5; break;
    case 4000000005UL: r = 6; break;
    case 4000000006UL: r = 7; break;
    case 4000000007UL: r = 8; break;
    case 4000000008UL: r = 9; break;
    case 4000000009UL: r = 10; break;
    case 4000000010UL: r = 11; break;
    case 4000000011UL: r = 12; break;
    case 4000000012UL: r = 13; break;
    case 4000000013UL: r = 14; break;
    case 4000000014UL: r = 15; break;
    case 4000000015UL: r = 16; break;
    case 4000000016UL: r = 17; break;
    }
    return r;
}

static long vm(const unsigned char *code, int n) {
    long acc = 0, x = 1;
    for (int round = 0; round < n; round++) {
        for (int pc = 0; code[pc] != 0xff; pc++) {
            switch (code[pc]) {
            case 0: acc += x; break;
            case 1: acc -= x; break;
            case 2: x = x * 3 + 1; break;
            case 3: x >>= 1; break;
            case 4: acc ^= x; break;
            case 5: x += acc & 7; break;
            case 6: acc = acc * 5 % 1000003; break;
            case 7: x = -x; break;
            case 8: x ^= 0x55; break;
            case 9: acc += 9; break;
            case 10: acc -= 10; break;
            case 11: x |= 1; break;
            case 12: x &= 0xffff; break;
            case 13: acc += x * x % 97; break;
            case 14: x += 14; break;
            case 15: acc = -acc; break;
            case 16: acc += round; break;
            default: acc += 1000; break;
            }
        }
    }
    return acc ^ x;
}

int main(void) {
    long s = 0;
    for (int v = -10; v < 40; v++) s = s * 31 + classify(v);
    printf("classify %ld\n", s);
    unsigned long u = 0;
    for (unsigned long v = 3999999990UL; v < 4000000030UL; v++) u = u * 7 + ucase(v);
    printf("ucase %lu %lu\n", u, ucase(0) + ucase(-1UL));
    static const unsigned char code[] = { 2, 0, 3, 4, 5, 6, 7, 8, 13, 9, 10, 11, 12, 14, 16, 1, 15, 20, 0xfe, 0xff };
    printf("vm %ld\n", vm(code, 20000));
    return 0;
}
