/* Tests nested switch statements, switches inside loops, and state machines built with switch. */
#include <stdio.h>

enum state { S_START, S_INT, S_FRAC, S_DONE, S_ERR };

static double parse_number(const char *s, int *ok) {
    enum state st = S_START;
    double val = 0, scale = 0.1;
    int neg = 0;
    for (const char *p = s;; p++) {
        char c = *p;
        switch (st) {
        case S_START:
            switch (c) {
            case '-': neg = 1; st = S_INT; break;
            case '+': st = S_INT; break;
            default:
                if (c >= '0' && c <= '9') { val = c - '0'; st = S_INT; }
                else st = S_ERR;
            }
            break;
        case S_INT:
            switch (c) {
            case '.': st = S_FRAC; break;
            case '\0': st = S_DONE; break;
            default:
                if (c >= '0' && c <= '9') val = val * 10 + (c - '0');
                else st = S_ERR;
            }
            break;
        case S_FRAC:
            if (c == '\0') st = S_DONE;
            else if (c >= '0' && c <= '9') { val += (c - '0') * scale; scale /= 10; }
            else st = S_ERR;
            break;
        default:
            break;
        }
        if (st == S_DONE || st == S_ERR) break;
    }
    *ok = st == S_DONE;
    return neg ? -val : val;
}

static const char *kind(int a, int b) {
    switch (a) {
    case 0:
        switch (b) {
        case 0: return "zero-zero";
        case 1: return "zero-one";
        default: return "zero-other";
        }
    case 1:
        switch (b) {
        case 0: break;
        default: return "one-nonzero";
        }
        return "one-zero";
    default:
        switch (b) {
        case 0: a = 100; /* fall through */
        case 1: return a == 100 ? "other-zero" : "other-one";
        }
    }
    return "other-other";
}

int main(void) {
    const char *inputs[] = {"123", "-45.25", "+7.5", "3.14159", "12a", "", "-", "0.001"};
    for (int i = 0; i < 8; i++) {
        int ok;
        double v = parse_number(inputs[i], &ok);
        if (ok) printf("\"%s\" -> %.5f\n", inputs[i], v);
        else printf("\"%s\" -> error\n", inputs[i]);
    }
    for (int a = 0; a < 3; a++)
        for (int b = 0; b < 3; b++) printf("kind(%d,%d)=%s\n", a, b, kind(a, b));
    /* count character classes with switch in a loop */
    const char *text = "Hello, World! 123 (test) [x] {y}";
    int letters = 0, digits = 0, brackets = 0, others = 0;
    for (const char *p = text; *p; p++) {
        switch (*p) {
        case '(': case ')': case '[': case ']': case '{': case '}':
            brackets++;
            break;
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
            digits++;
            break;
        default:
            switch ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') {
            case 1: letters++; break;
            case 0: others++; break;
            }
        }
    }
    printf("letters=%d digits=%d brackets=%d others=%d\n", letters, digits, brackets, others);
    return 0;
}
