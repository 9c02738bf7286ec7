// Loops made of goto: backward gotos in functions entered once, nested goto loops, a
// computed-goto VM with many opcodes, a goto state machine in main, gotos out of loops back
// to an earlier label, a goto loop around a VLA; each moves up to compiled code mid-loop
#include <stdio.h>
#include <string.h>

static long mix(long n) {
    long acc = 0;
again:
    acc += (n & 3) ^ (acc >> 7);
    if (--n > 0) goto again;
    return acc;
}

static long nested(int n) {
    long s = 0;
    int i = 0, j;
outer:
    j = 0;
inner:
    s += (long)i * j ^ (s >> 3);
    if (++j < n) goto inner;
    if (++i < n) goto outer;
    return s;
}

static int escape(int n) {
    int found = 0, i = 0;
retry:
    for (int k = 0; k < 10; k++) {
        if ((i * 7 + k) % 13 == 0) {
            found += k;
            i++;
            if (i < n) goto retry;
            return found;
        }
    }
    i++;
    if (i < n) goto retry;
    return found;
}

static unsigned vla_loop(int n) {
    unsigned h = 0;
    int round = 0;
again:;
    int m = round % 5 + 1;
    unsigned a[m];
    for (int k = 0; k < m; k++) a[k] = (unsigned)(round * 31 + k);
    for (int k = 0; k < m; k++) h = h * 33 + a[k];
    if (++round < n) goto again;
    return h;
}

/* A VM with 40 opcodes (most of them the same small step with different constants). */
static unsigned long vm(int steps) {
    static void *ops[40] = {
        &&o0, &&o1, &&o2, &&o3, &&o4, &&o5, &&o6, &&o7, &&o8, &&o9,
        &&o10, &&o11, &&o12, &&o13, &&o14, &&o15, &&o16, &&o17, &&o18, &&o19,
        &&o20, &&o21, &&o22, &&o23, &&o24, &&o25, &&o26, &&o27, &&o28, &&o29,
        &&o30, &&o31, &&o32, &&o33, &&o34, &&o35, &&o36, &&o37, &&o38, &&done,
    };
    unsigned long x = 1, pc = 0;
    int left = steps;
#define STEP(k) x = x * (2 * (k) + 3) + (k); pc = (pc * 7 + (k) + (x >> 29)) % 39; \
    if (--left <= 0) goto *ops[39]; goto *ops[pc];
    goto *ops[0];
o0: STEP(0) o1: STEP(1) o2: STEP(2) o3: STEP(3) o4: STEP(4) o5: STEP(5) o6: STEP(6)
o7: STEP(7) o8: STEP(8) o9: STEP(9) o10: STEP(10) o11: STEP(11) o12: STEP(12)
o13: STEP(13) o14: STEP(14) o15: STEP(15) o16: STEP(16) o17: STEP(17) o18: STEP(18)
o19: STEP(19) o20: STEP(20) o21: STEP(21) o22: STEP(22) o23: STEP(23) o24: STEP(24)
o25: STEP(25) o26: STEP(26) o27: STEP(27) o28: STEP(28) o29: STEP(29) o30: STEP(30)
o31: STEP(31) o32: STEP(32) o33: STEP(33) o34: STEP(34) o35: STEP(35) o36: STEP(36)
o37: STEP(37) o38: STEP(38)
done:
    return x ^ pc;
#undef STEP
}

int main(void) {
    printf("mix %ld\n", mix(200000));
    printf("nested %ld\n", nested(300));
    printf("escape %d\n", escape(5000));
    printf("vla %u\n", vla_loop(3000));
    printf("vm %lu\n", vm(300000));
    /* A tokenizer as a goto state machine in main: counts words, numbers and others. */
    const char *text = "let x1 = 42 + y * (7 - 300); print x1 99 bottles of beer 3.5 ";
    int words = 0, numbers = 0, other = 0, round = 0;
    const char *p;
start:
    p = text;
space:
    if (*p == 0) goto end;
    if (*p == ' ') { p++; goto space; }
    if (*p >= '0' && *p <= '9') { numbers++; goto number; }
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) { words++; goto word; }
    other++;
    p++;
    goto space;
number:
    p++;
    if ((*p >= '0' && *p <= '9') || *p == '.') goto number;
    goto space;
word:
    p++;
    if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) goto word;
    goto space;
end:
    if (++round < 2000) goto start;
    printf("tokens %d %d %d\n", words, numbers, other);
    return 0;
}
