/* Tests switch: fallthrough, default in the middle, case ranges via fallthrough, Duff's device, no matching case. */
#include <stdio.h>

static int classify(int n) {
    int score = 0;
    switch (n) {
    case 0:
        score += 1;
        /* fall through */
    case 1:
        score += 10;
        /* fall through */
    default:
        score += 100;
        /* fall through */
    case 5:
        score += 1000;
        break;
    case 6:
        score = -1;
    }
    return score;
}

static void duff_copy(char *to, const char *from, int count) {
    int n = (count + 7) / 8;
    switch (count % 8) {
    case 0: do { *to++ = *from++;
            /* fall through */
    case 7:      *to++ = *from++;
            /* fall through */
    case 6:      *to++ = *from++;
            /* fall through */
    case 5:      *to++ = *from++;
            /* fall through */
    case 4:      *to++ = *from++;
            /* fall through */
    case 3:      *to++ = *from++;
            /* fall through */
    case 2:      *to++ = *from++;
            /* fall through */
    case 1:      *to++ = *from++;
            } while (--n > 0);
    }
}

static const char *vowel(char c) {
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u':
    case 'A': case 'E': case 'I': case 'O': case 'U':
        return "vowel";
    case ' ':
        return "space";
    }
    return "consonant";
}

int main(void) {
    for (int i = -1; i <= 7; i++) printf("classify(%d)=%d\n", i, classify(i));
    const char *src = "Duff's device copies bytes!";
    for (int len = 1; len <= 27; len += 5) {
        char buf[32] = {0};
        duff_copy(buf, src, len);
        printf("duff %2d: %s\n", len, buf);
    }
    const char *word = "Hi Out";
    for (const char *p = word; *p; p++) printf("%c:%s ", *p, vowel(*p));
    printf("\n");
    /* switch with no match and no default */
    int hit = 0;
    switch (42) { case 1: hit = 1; }
    printf("hit=%d\n", hit);
    /* switch on long long and unsigned */
    long long big = 5000000000LL;
    switch (big) {
    case 5000000000LL: puts("big matched"); break;
    default: puts("big not matched");
    }
    unsigned u = 4294967295u;
    switch (u) {
    case 4294967295u: puts("umax matched"); break;
    }
    /* switch with declarations and statements before first case (unreachable) */
    switch (2) {
        int v;
    case 2:
        v = 20;
        printf("v=%d\n", v);
        break;
    }
    /* break inside loop inside switch only exits loop */
    switch (1) {
    case 1:
        for (int i = 0; i < 10; i++) { if (i == 3) break; printf("i=%d ", i); }
        printf("after loop still in switch\n");
        break;
    }
    /* continue inside switch inside loop continues loop */
    for (int i = 0; i < 5; i++) {
        switch (i % 2) {
        case 0: continue;
        case 1: printf("odd %d\n", i); break;
        }
        printf("end iteration %d\n", i);
    }
    /* char case labels and enum constant expressions */
    int total = 0;
    for (char c = 'a'; c <= 'f'; c++) {
        switch (c) {
        case 'a' + 1: total += 2; break;
        case 'd' - 0: total += 40; /* fall through */
        case 'e': total += 500; break;
        default: total += 1000;
        }
    }
    printf("total=%d\n", total);
    return 0;
}
