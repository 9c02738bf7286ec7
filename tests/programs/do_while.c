/* Tests do-while loops: executes at least once, break/continue semantics, digit extraction. */
#include <stdio.h>

static int digits(long n) {
    int d = 0;
    do { d++; n /= 10; } while (n != 0);
    return d;
}

static void print_reversed(unsigned n) {
    do { putchar('0' + n % 10); n /= 10; } while (n);
    putchar('\n');
}

static void to_base(unsigned long n, unsigned base, char *out) {
    char tmp[72];
    int len = 0;
    do { tmp[len++] = "0123456789abcdefghijklmnopqrstuvwxyz"[n % base]; n /= base; } while (n);
    for (int i = 0; i < len; i++) out[i] = tmp[len - 1 - i];
    out[len] = '\0';
}

int main(void) {
    int runs = 0;
    do { runs++; } while (0);
    printf("runs=%d\n", runs);
    long vals[] = {0, 7, 10, 99, 12345, -987654, 1000000000000L};
    for (int i = 0; i < 7; i++) printf("digits(%ld)=%d\n", vals[i], digits(vals[i]));
    print_reversed(12345);
    print_reversed(0);
    print_reversed(4294967295u);
    char buf[80];
    unsigned bases[] = {2, 8, 10, 16, 36};
    for (int i = 0; i < 5; i++) {
        to_base(123456789ul, bases[i], buf);
        printf("base%u: %s\n", bases[i], buf);
    }
    to_base(18446744073709551615ul, 2, buf);
    printf("max base2: %s\n", buf);
    /* continue in do-while jumps to the condition */
    int i = 0, sum = 0;
    do {
        i++;
        if (i % 3 == 0) continue;
        sum += i;
    } while (i < 10);
    printf("sum=%d i=%d\n", sum, i);
    /* break */
    int j = 0;
    do {
        if (j == 4) break;
        j++;
    } while (1);
    printf("j=%d\n", j);
    /* nested do-while */
    int a = 0, total = 0;
    do {
        int b = 0;
        do { total += a * b; b++; } while (b < 3);
        a++;
    } while (a < 4);
    printf("total=%d\n", total);
    /* gcd via do-while */
    unsigned x = 1071, y = 462, r;
    do { r = x % y; x = y; y = r; } while (r);
    printf("gcd=%u\n", x);
    return 0;
}
